"""The sample tells the practice loop's story: feedback both ways at the end of sessions, each
partner's check-in every few sessions with answers that move, a mid-point review at the review
date and a closing one once the sample runs past the next — valid, readable and deterministic."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop.data import compute, ops, reads
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.sample_plan import TEXT
from revmentor_desktop.data.store import Store

TODAY = date(2026, 11, 1)
SAYS = ("mentor_says_keep", "mentor_says_try", "mentee_says_keep", "mentee_says_try")


def rows(path: Path, sql: str) -> list[sqlite3.Row]:
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql).fetchall()


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("samples")
    out = {}
    for n in (0, 6, 12, 24, 120):
        out[n] = folder / f"s{n}.revmentor"
        make_sample(out[n], n, today=TODAY)
    return out


def test_sessions_end_with_feedback_both_ways_in_each_partners_own_voice(made: dict[int, Path]) -> None:
    entries = rows(made[120], "SELECT * FROM journal_entry ORDER BY id")
    # New files keep the earlier, undirected columns, and leave them empty.
    assert {(e["feedback_good"], e["feedback_improve"], e["rating"]) for e in entries} == {("", "", None)}
    public = [e for e in entries if not e["private"]]
    mentor_gave = [bool(e["mentor_says_keep"] or e["mentor_says_try"]) for e in public]
    mentee_gave = [bool(e["mentee_says_keep"] or e["mentee_says_try"]) for e in public]
    both = sum(m and e for m, e in zip(mentor_gave, mentee_gave, strict=True))
    assert both >= 0.6 * len(public)
    assert both < len(public)  # now and then only one of them says something, as in real life
    assert any(m != e for m, e in zip(mentor_gave, mentee_gave, strict=True))
    assert any(e["mentor_says_keep"] and not e["mentor_says_try"] for e in public)
    # Varied, and each partner has words of their own.
    for column in SAYS:
        said = [e[column] for e in public if e[column]]
        assert len(set(said)) >= 8, column
    mentor_lines = {e[c] for e in entries for c in SAYS[:2]} - {""}
    mentee_lines = {e[c] for e in entries for c in SAYS[2:]} - {""}
    assert not mentor_lines & mentee_lines
    # Both say how useful the session was, nearly always.
    rated = [(e["mentor_rating"], e["mentee_rating"]) for e in entries]
    assert sum(m is not None and e is not None for m, e in rated) >= 0.75 * len(rated)
    assert all(r is None or 1 <= r <= 5 for pair in rated for r in pair)
    kickoff = entries[0]
    assert kickoff["mentor_says_keep"] == TEXT["kickoff"]["mentor_says_keep"]


def test_feedback_is_not_flowing_one_way_at_the_end_of_the_sample(made: dict[int, Path]) -> None:
    with opened(made[24]) as store:
        assert compute.one_way_feedback(reads.feedback_flow(store, 4)) is None
        assert [h.mentor_says_keep for h in reads.journal_highlights(store, latest=30)]


def test_each_partner_checks_in_every_few_sessions_and_the_answers_move(made: dict[int, Path]) -> None:
    path = made[120]
    sessions = [r["held_on"] for r in rows(path, "SELECT held_on FROM journal_entry ORDER BY held_on, id")]
    every = rows(path, "SELECT check_in_every FROM partnership")[0][0]
    check_ins = rows(path, "SELECT * FROM check_in ORDER BY held_on, id")
    assert every == 4 and len(check_ins) == 2 * (120 // every)
    assert [c["held_on"] for c in check_ins[::2]] == sessions[every - 1::every]
    assert [c["author"] for c in check_ins[:4]] == ["mentor", "mentee", "mentor", "mentee"]
    for author in ("mentor", "mentee"):
        mine = [c for c in check_ins if c["author"] == author]
        arc = TEXT["check_ins"][author]
        assert [(c["working"], c["tweak"]) for c in mine[:len(arc)]] == [
            (a["working"], a["tweak"]) for a in arc]
        usefulness = [c["usefulness"] for c in mine]
        assert usefulness[0] == 3 and sum(usefulness[-5:]) / 5 > 4  # rising
        assert {c["goals_still_right"] for c in mine} <= {"", "yes", "partly", "no"}
    with opened(path) as store:
        assert reads.check_in_status(store).due_for == ()  # the sample is up to date
        assert [c.held_on.isoformat() for c in reads.latest_check_ins(store, 2)] == [check_ins[-1]["held_on"]] * 2


def test_a_midpoint_review_at_the_review_date_and_a_closing_one_past_the_next(made: dict[int, Path]) -> None:
    assert rows(made[0], "SELECT count(*) FROM review")[0][0] == 0
    assert rows(made[6], "SELECT count(*) FROM review")[0][0] == 0  # not three months in yet
    twelve = rows(made[12], "SELECT kind FROM review ORDER BY held_on")
    assert [r["kind"] for r in twelve][:1] == ["midpoint"]

    path = made[24]
    (p,) = rows(path, "SELECT start_date, review_date FROM partnership")
    reviews = rows(path, "SELECT * FROM review ORDER BY held_on, id")
    sessions = {r[0] for r in rows(path, "SELECT held_on FROM journal_entry")}
    assert [r["kind"] for r in reviews][:2] == ["midpoint", "closing"]
    first_due = compute.default_review_date(date.fromisoformat(p["start_date"]))
    assert date.fromisoformat(reviews[0]["held_on"]) >= first_due
    assert (date.fromisoformat(reviews[0]["held_on"]) - first_due).days < 14  # at the next session
    assert all(r["held_on"] in sessions for r in reviews)
    assert [r["decision"] for r in reviews][:2] == ["adjust", "continue"]
    for r in reviews:
        assert r["next_review_date"] == compute.default_review_date(
            date.fromisoformat(r["held_on"])).isoformat()
        assert all(r[c] for c in ("mentor_taught", "mentor_learned", "mentee_taught", "mentee_learned",
                                  "mentor_changed", "mentee_changed", "notes"))
    # The partnership's review date is the next one due, and it is still open.
    assert p["review_date"] == reviews[-1]["next_review_date"]
    assert rows(path, "SELECT closed_on FROM partnership")[0][0] is None


def test_reviews_copy_the_goals_as_they_stood(made: dict[int, Path]) -> None:
    with opened(made[24]) as store:
        reviews = reads.list_reviews(store)
        goals = {g.id: g for g in ops.list_goals(store)}
        shared = reads.list_reviews(store, include_private=False)
    first, last = reviews[0], reviews[-1]
    assert first.goals and last.goals
    for review in reviews:
        assert [g.position for g in review.goals] == list(range(len(review.goals)))
        for copy in review.goals:
            goal = goals[copy.goal_id or 0]
            assert (copy.goal_title, copy.expected, copy.private) == (
                goal.title, goal.success_measure, goal.private)
            assert copy.achieved and 0 <= copy.progress <= 100
            assert goal.created_at.date() <= review.held_on
    # Progress moves on between reviews, and goals set later join later ones.
    progress = {g.goal_id: g.progress for g in first.goals}
    assert any(g.progress > progress[g.goal_id] for g in last.goals if g.goal_id in progress)
    assert {g.goal_id for g in last.goals} - {g.goal_id for g in first.goals}
    assert any(g.private for g in first.goals)
    assert not any(g.private for r in shared for g in r.goals)


def _valid(fields: dict[str, Any], row: sqlite3.Row) -> None:
    for name in row.keys():
        if name in fields:
            value = row[name]
            cleaned = fields[name](bool(value) if name == "private" else value)
            if isinstance(cleaned, date):
                cleaned = cleaned.isoformat()
            assert cleaned == (bool(value) if name == "private" else value), (name, value)


@pytest.mark.parametrize("sessions", [0, 12, 24, 120])
def test_every_new_row_is_one_the_app_would_have_accepted(made: dict[int, Path], sessions: int) -> None:
    path = made[sessions]
    for r in rows(path, "SELECT * FROM check_in"):
        _valid(ops.CHECK_IN_FIELDS, r)
    for r in rows(path, "SELECT * FROM review"):
        _valid(ops.REVIEW_FIELDS, r)
    for r in rows(path, "SELECT * FROM review_goal"):
        _valid(ops.REVIEW_GOAL_FIELDS, r)
    for r in rows(path, "SELECT * FROM journal_entry"):
        _valid({k: v for k, v in ops.ENTRY_FIELDS.items() if k in SAYS or k.endswith("_rating")}, r)
    with opened(path) as store:
        p = reads.get_partnership(store)
        assert p.review_date is not None and p.review_date > p.start_date
        assert reads.checklist(store).complete == (sessions > 0)


def test_the_new_parts_are_the_same_for_the_same_seed_and_day(tmp_path: Path) -> None:
    def new_parts(path: Path) -> list[tuple]:
        return [tuple(r) for table in ("check_in", "review", "review_goal")
                for r in rows(path, f"SELECT * FROM {table} ORDER BY id")] + [
            tuple(r) for r in rows(path, "SELECT " + ", ".join(SAYS) + ", mentor_rating, mentee_rating"
                                         " FROM journal_entry ORDER BY id")]

    a, b, c = (tmp_path / f"{n}.revmentor" for n in "abc")
    make_sample(a, 40, seed=3, today=TODAY)
    make_sample(b, 40, seed=3, today=TODAY)
    make_sample(c, 40, seed=4, today=TODAY)
    assert new_parts(a) == new_parts(b)
    assert new_parts(a) != new_parts(c)
