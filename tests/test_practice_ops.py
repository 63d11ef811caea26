"""The practice loop's operations, edits and reads: check-ins, reviews and their decisions, closing
and reopening, feedback both ways, the getting-started list, ready-made rules inserted once."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop.data import commands, compute, ops, reads
from revmentor_desktop.data.commands import NOTHING, Change, Done, Edit
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import ValidationError
from revmentor_desktop.errors import Gone

START = date(2026, 1, 6)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.create(tmp_path / "pair.revmentor",
                     {"mentor_name": "Priya", "mentee_name": "Martin", "start_date": START,
                      "review_date": date(2026, 4, 6)},
                     clauses=["We meet every two weeks for an hour."])
    yield s
    s.close()


def q(store: Store, sql: str, *params: Any) -> list[tuple]:
    conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def applied(store: Store, edit: Edit) -> Done:
    done = edit.apply(store)
    assert done.undo is not None
    return done


def review_rows(store: Store) -> tuple[list[tuple], list[tuple]]:
    return q(store, "SELECT * FROM review ORDER BY id"), q(store, "SELECT * FROM review_goal ORDER BY id")


@pytest.fixture
def goals(store: Store) -> dict[str, int]:
    board = ops.add_goal(store, "Draft the board pack with AI", owner="mentee",
                         success_measure="Under two hours instead of five")
    for title in ("Find the approved tools", "Draft one section", "Whole pack"):
        ops.add_milestone(store, board, title)
    ops.update_milestone(store, ops.list_milestones(store, board)[0].id or 0, done_on=START)
    talk = ops.add_goal(store, "Present to the board", owner="mentor", manual_progress=40,
                        private=True, success_measure="One board slot, no notes")
    dropped = ops.add_goal(store, "TikTok channel", owner="mentee", status="dropped")
    return {"board": board, "talk": talk, "dropped": dropped}


# -- check-ins ---------------------------------------------------------------------------------------


def test_check_ins_are_added_read_updated_and_deleted(store: Store) -> None:
    first = ops.add_check_in(store, "2026-02-03", "mentee", working="Real problems from my week",
                             tweak="Agenda earlier", usefulness=3, goals_still_right="partly")
    second = ops.add_check_in(store, date(2026, 2, 3), "mentor", usefulness=4)
    later = ops.add_check_in(store, date(2026, 3, 31), "mentee", usefulness=5, goals_still_right="yes")
    assert [c.id for c in ops.list_check_ins(store)] == [first, second, later]
    assert [(c.author, c.usefulness) for c in reads.latest_check_ins(store, 2)] == [("mentor", 4), ("mentee", 5)]
    row = reads.latest_check_ins(store)[0]
    assert (row.held_on, row.working, row.tweak, row.goals_still_right) == (
        date(2026, 2, 3), "Real problems from my week", "Agenda earlier", "partly")

    old = ops.update_check_in(store, first, tweak="Agenda two days before", usefulness=4)
    assert old == {"tweak": "Agenda earlier", "usefulness": 3}
    before = q(store, "SELECT * FROM check_in ORDER BY id")
    tomb = ops.delete_check_in(store, second)
    assert [c.id for c in ops.list_check_ins(store)] == [first, later]
    ops.restore(store, tomb)
    assert q(store, "SELECT * FROM check_in ORDER BY id") == before


@pytest.mark.parametrize("values", [
    {"author": "both"}, {"usefulness": 6}, {"usefulness": 0}, {"goals_still_right": "maybe"},
    {"held_on": "2026-02-30"},
])
def test_a_check_in_the_file_will_not_take_is_refused(store: Store, values: dict[str, Any]) -> None:
    args = {"held_on": date(2026, 2, 3), "author": "mentor", **values}
    with pytest.raises(ValidationError):
        ops.add_check_in(store, **args)
    assert q(store, "SELECT count(*) FROM check_in") == [(0,)]


def test_check_in_edits_report_their_change_and_undo(store: Store) -> None:
    done = applied(store, commands.add_check_in(date(2026, 2, 3), "mentor", usefulness=4))
    assert done.changes == {Change.CHECK_INS}
    deleted = applied(store, commands.delete_check_in(done.value))
    assert deleted.changes == {Change.CHECK_INS} and ops.list_check_ins(store) == []
    back = applied(store, deleted.undo)  # type: ignore[arg-type]
    assert [c.usefulness for c in ops.list_check_ins(store)] == [4]
    assert back.changes == {Change.CHECK_INS}


def test_check_in_status_reads_from_the_file(store: Store) -> None:
    for month in range(1, 6):
        ops.add_entry(store, date(2026, month, 6))
    status = reads.check_in_status(store)
    assert status.due_for == ("mentor", "mentee")
    ops.add_check_in(store, date(2026, 5, 1), "mentor")
    assert reads.check_in_status(store).due_for == ("mentee",)
    ops.update_partnership(store, check_in_every=6)
    assert reads.check_in_status(store).due_for == ()
    assert reads.check_in_dates(store) == [(date(2026, 5, 1), "mentor")]


# -- reviews -------------------------------------------------------------------------------------------


def test_starting_a_review_copies_the_goals_as_they_stand(store: Store, goals: dict[str, int]) -> None:
    review = ops.start_review(store, "midpoint", date(2026, 4, 7))
    copies = ops.list_review_goals(store, review)
    assert [(g.goal_id, g.goal_title, g.expected, g.progress, g.private, g.achieved) for g in copies] == [
        (goals["board"], "Draft the board pack with AI", "Under two hours instead of five", 33, False, ""),
        (goals["talk"], "Present to the board", "One board slot, no notes", 40, True, ""),
    ]  # the dropped goal is not reviewed
    assert [g.position for g in copies] == [0, 1]

    ops.update_goal(store, goals["board"], title="Board pack, renamed")
    ops.update_review_goal(store, copies[0].id or 0, achieved="Two packs drafted; 2.5 hours each")
    ops.delete_goal(store, goals["talk"])
    [row] = reads.list_reviews(store)
    assert (row.kind, row.held_on, row.decision) == ("midpoint", date(2026, 4, 7), "")
    assert [(g.goal_id, g.goal_title, g.achieved) for g in row.goals] == [
        (goals["board"], "Draft the board pack with AI", "Two packs drafted; 2.5 hours each"),
        (None, "Present to the board", ""),  # the goal is gone; the review still reads
    ]
    assert [g.goal_title for g in reads.list_reviews(store, include_private=False)[0].goals] == [
        "Draft the board pack with AI"]


def test_undoing_a_goals_delete_links_its_review_copies_again(store: Store, goals: dict[str, int]) -> None:
    ops.start_review(store, "midpoint", date(2026, 4, 7))
    done = applied(store, commands.delete_goal(goals["board"]))
    assert Change.REVIEWS in done.changes
    assert q(store, "SELECT goal_id FROM review_goal ORDER BY id") == [(None,), (goals["talk"],)]
    applied(store, done.undo)  # type: ignore[arg-type]
    assert q(store, "SELECT goal_id FROM review_goal ORDER BY id") == [(goals["board"],), (goals["talk"],)]


def test_deleting_a_review_and_undoing_restores_it_and_its_goals(store: Store, goals: dict[str, int]) -> None:
    review = ops.start_review(store, "midpoint", date(2026, 4, 7), mentor_taught="Prompting")
    ops.update_review(store, review, mentee_changed="Sundays back", notes="Good quarter")
    before = review_rows(store)
    done = applied(store, commands.delete_review(review))
    assert done.changes == {Change.REVIEWS}
    assert review_rows(store) == ([], [])
    back = applied(store, done.undo)  # type: ignore[arg-type]
    assert back.changes == {Change.REVIEWS}
    assert review_rows(store) == before
    again = applied(store, back.undo)  # type: ignore[arg-type]
    assert again.changes == {Change.REVIEWS} and review_rows(store) == ([], [])
    with pytest.raises(Gone):
        ops.delete_review(store, review)


def test_starting_a_review_is_undone_with_its_copies(store: Store, goals: dict[str, int]) -> None:
    done = applied(store, commands.start_review("closing", date(2026, 7, 7)))
    assert done.changes == {Change.REVIEWS} and len(review_rows(store)[1]) == 2
    applied(store, done.undo)  # type: ignore[arg-type]
    assert review_rows(store) == ([], [])


def test_review_edits_are_validated_and_undone(store: Store, goals: dict[str, int]) -> None:
    review = ops.start_review(store, "midpoint", date(2026, 4, 7))
    with pytest.raises(ValidationError):
        ops.update_review(store, review, kind="final")
    with pytest.raises(ValidationError):
        ops.update_review(store, review, next_review_date=date(2026, 4, 1))
    with pytest.raises(ValidationError):
        ops.start_review(store, "midpoint", date(2026, 4, 7), decision="maybe")
    copy = ops.list_review_goals(store, review)[0].id or 0
    with pytest.raises(ValidationError):
        ops.update_review_goal(store, copy, progress=101)
    done = applied(store, commands.update_review_goal(copy, "Edit Achieved", achieved="Half"))
    assert done.changes == {Change.REVIEWS}
    applied(store, done.undo)  # type: ignore[arg-type]
    assert ops.list_review_goals(store, review)[0].achieved == ""


def test_a_decision_to_close_closes_the_partnership_and_undo_reopens_it(store: Store,
                                                                        goals: dict[str, int]) -> None:
    review = ops.start_review(store, "closing", date(2026, 7, 7))
    done = applied(store, commands.decide_review(review, "close"))
    assert done.changes == {Change.REVIEWS, Change.PARTNERSHIP}
    assert reads.get_partnership(store).closed_on == date(2026, 7, 7)
    assert ops.get_review(store, review).decision == "close"
    assert reads.check_in_status(store).due_for == ()  # closed: asks for nothing
    back = applied(store, done.undo)  # type: ignore[arg-type]
    assert reads.get_partnership(store).closed_on is None
    assert ops.get_review(store, review).decision == ""
    applied(store, back.undo)  # type: ignore[arg-type]
    assert reads.get_partnership(store).closed_on == date(2026, 7, 7)
    # Changing the decision reopens a partnership this review closed.
    ops.decide_review(store, review, "continue", date(2026, 10, 6))
    p = reads.get_partnership(store)
    assert (p.closed_on, p.review_date) == (None, date(2026, 10, 6))


def test_a_decision_to_adjust_sets_the_next_review_date(store: Store) -> None:
    review = ops.start_review(store, "midpoint", date(2026, 4, 7))
    old = ops.decide_review(store, review, "adjust", "2026-07-07")
    assert old == {"review": {"decision": "", "next_review_date": None},
                   "partnership": {"review_date": date(2026, 4, 6)}}
    assert reads.get_partnership(store).review_date == date(2026, 7, 7)
    with pytest.raises(ValidationError):
        ops.decide_review(store, review, "adjust", date(2026, 4, 1))  # before the review itself
    done = commands.decide_review(review, "").apply(store)
    assert done.changes == {Change.REVIEWS}  # undecided: the partnership is left alone


def test_closing_and_reopening_through_the_partnership(store: Store) -> None:
    close = commands.close_partnership(date(2026, 6, 30))
    assert (close.label, close.merge_key) == ("Close Partnership", None)  # a step of its own
    done = applied(store, close)
    assert done.changes == {Change.PARTNERSHIP}
    assert reads.get_partnership(store).closed_on == date(2026, 6, 30)
    assert applied(store, commands.reopen_partnership()).undo is not None
    assert reads.get_partnership(store).closed_on is None
    with pytest.raises(ValidationError):
        ops.update_partnership(store, closed_on=date(2025, 12, 31))  # before it started
    with pytest.raises(ValidationError):
        ops.update_partnership(store, check_in_every=0)


# -- feedback both ways ------------------------------------------------------------------------------


def test_feedback_edits_tell_the_overview_and_are_read_back(store: Store) -> None:
    entry = ops.add_entry(store, date(2026, 1, 20), mentor_says_keep="Real problems", mentor_rating=4)
    done = applied(store, commands.update_entry(entry, "Edit Feedback", mentee_says_try="Less jargon"))
    assert done.changes == {Change.ENTRY_TEXT, Change.FEEDBACK}
    rated = applied(store, commands.update_entry(entry, "Rate Session", mentee_rating=5))
    assert rated.changes == {Change.ENTRIES, Change.FEEDBACK}
    assert rated.undo is not None and rated.undo.merge_key is None  # a rating is its own undo step
    [h] = reads.journal_highlights(store)
    assert (h.mentor_says_keep, h.mentor_says_try, h.mentee_says_keep, h.mentee_says_try,
            h.mentor_rating, h.mentee_rating, h.feedback_good, h.rating) == (
        "Real problems", "", "", "Less jargon", 4, 5, "", None)
    assert reads.feedback_flow(store) == [compute.FeedbackGiven(date(2026, 1, 20), True, True)]
    [summary] = ops.list_entries(store)
    assert (summary.mentor_rating, summary.mentee_rating) == (4, 5)


def test_one_way_feedback_from_the_file(store: Store) -> None:
    for i in range(5):
        ops.add_entry(store, date(2026, 2, 1 + i), mentor_says_try="Try x" if i else "",
                      mentee_says_keep="Keep y" if i == 0 else "")
    assert compute.one_way_feedback(reads.feedback_flow(store, 4)) == "mentee"
    assert compute.one_way_feedback(reads.feedback_flow(store, 5), window=5) is None
    assert [f.held_on.day for f in reads.feedback_flow(store, 2)] == [4, 5]  # oldest first


# -- getting started and ready-made rules ------------------------------------------------------------


def test_the_checklist_ticks_itself_from_the_file(store: Store) -> None:
    def done() -> dict[str, bool]:
        return {i.key: i.done for i in reads.checklist(store).items}

    assert done() == {"ground_rules": True, "swot": False, "goals": False, "first_session": False,
                      "review_date": True}
    for grid in ("mentor", "mentee"):
        for quadrant in "SWOT":
            ops.add_swot_item(store, grid, quadrant, f"{grid} {quadrant}")
    ops.add_goal(store, "Mine", owner="mentor")
    ops.add_goal(store, "Dropped", owner="mentee", status="dropped")
    assert done()["swot"] and not done()["goals"]
    ops.add_goal(store, "Yours", owner="mentee")
    ops.add_entry(store, date(2026, 1, 13))
    assert reads.checklist(store).complete and not reads.checklist(store).shown
    ops.update_partnership(store, review_date=None)
    assert reads.checklist(store).shown
    applied(store, commands.dismiss_checklist())
    assert not reads.checklist(store).shown and reads.get_partnership(store).checklist_dismissed


def test_a_ready_made_rule_already_there_is_not_inserted_again(store: Store) -> None:
    before = q(store, "SELECT * FROM agreement_clause")
    assert ops.add_clause_once(store, "  we meet EVERY two weeks\nfor an hour. ") is None
    done = commands.add_clause_once("We meet every two weeks for an hour.").apply(store)
    assert (done.value, done.changes, done.undo) == (None, NOTHING, None)
    assert q(store, "SELECT * FROM agreement_clause") == before
    rules = dict(compute.ground_rule_templates(7, 45))
    added = applied(store, commands.add_clause_once(rules["Cadence and boundaries"], 0))
    assert added.changes == {Change.CLAUSES}
    assert reads.list_clauses(store)[0].text.startswith("We meet every week for 45 minutes")
    applied(store, added.undo)  # type: ignore[arg-type]
    assert [c.text for c in reads.list_clauses(store)] == ["We meet every two weeks for an hour."]
