"""Every operation in data/ops.py, checked from a separate SQLite connection.

Reading back through a fresh `sqlite3` connection (not the store's) proves each change was committed
before the operation returned. `update_*` must return values that, fed back, restore the row;
`delete_*` + `restore()` must bring back exactly the same rows (ids, children, links, search index).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from revmentor_desktop.data import ops, reads
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import ValidationError
from revmentor_desktop.data.vocab import (
    ActionOwner,
    GoalOwner,
    GoalStatus,
    Quadrant,
    RatedBy,
    Role,
)
from revmentor_desktop.errors import ErrorKind, KnownError

PARTNERSHIP = {
    "mentor_name": "Priya",
    "mentee_name": "Gerald",
    "start_date": "2024-01-08",
    "review_date": "2024-07-08",
    "duration_minutes": 45,
}

TABLES = (
    "partnership",
    "focus_area",
    "agreement_clause",
    "goal",
    "milestone",
    "journal_entry",
    "entry_goal",
    "action_item",
    "swot_item",
    "swot_snapshot",
    "swot_snapshot_item",
    "skill",
    "skill_rating",
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    (tmp_path / "files").mkdir()  # a folder of its own, so it can be checked for side files
    s = Store.create(
        tmp_path / "files" / "pair.revmentor",
        PARTNERSHIP,
        focus_areas=["Technology adoption", "Leadership development"],
        clauses=["Meet every two weeks", "Stay confidential"],
    )
    yield s
    s.close()


def q(store: Store, sql: str, *params: Any) -> list[tuple]:
    """Read through a connection of our own: sees only what has been committed."""
    conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, plus the search index, to compare whole files."""
    out = {t: q(store, f"SELECT * FROM {t} ORDER BY rowid") for t in TABLES}
    out["journal_fts"] = q(store, "SELECT rowid, * FROM journal_fts ORDER BY rowid")
    return out


def search(store: Store, words: str) -> set[int]:
    return {
        r[0] for r in q(store, "SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?", words)
    }


# -- durability --------------------------------------------------------------------------------------


def test_every_write_is_committed_to_the_file_in_rollback_journal_mode(store: Store) -> None:
    goal_id = ops.add_goal(store, "Run a meeting in chat")
    assert q(store, "SELECT title FROM goal WHERE id = ?", goal_id) == [("Run a meeting in chat",)]
    assert q(store, "PRAGMA journal_mode") == [("delete",)]
    # The file alone holds everything after each commit: nothing left beside it.
    assert sorted(p.name for p in store.path.parent.iterdir()) == [store.path.name]


def test_a_failed_write_changes_nothing(store: Store) -> None:
    """One operation is one transaction: set_entry_goals deletes then inserts; a bad id undoes both."""
    goal = ops.add_goal(store, "A")
    entry = ops.add_entry(store, "2024-02-01")
    ops.set_entry_goals(store, entry, [goal])
    before = dump(store)
    with pytest.raises(IntegrityError):
        ops.set_entry_goals(store, entry, [goal, 999])
    assert dump(store) == before


# -- partnership and focus areas ---------------------------------------------------------------------


def test_get_partnership(store: Store) -> None:
    p = reads.get_partnership(store)
    assert (p.id, p.mentor_name, p.mentee_name, p.me) == (1, "Priya", "Gerald", "mentor")
    assert (p.start_date, p.review_date) == (date(2024, 1, 8), date(2024, 7, 8))
    assert (p.cadence_days, p.duration_minutes, p.organisation) == (14, 45, "")


def test_update_partnership_returns_what_restores_it(store: Store) -> None:
    before = dump(store)
    old = ops.update_partnership(
        store,
        mentor_name=" Priya R. ",
        me=Role.MENTEE,
        cadence_days=7,
        start_date="2024-02-01",
        review_date=date(2024, 8, 1),
        organisation="Northwind",
    )
    assert old == {
        "mentor_name": "Priya",
        "me": "mentor",
        "cadence_days": 14,
        "start_date": date(2024, 1, 8),
        "review_date": date(2024, 7, 8),
        "organisation": "",
    }
    assert q(
        store,
        "SELECT mentor_name, me, cadence_days, start_date, review_date, organisation "
        "FROM partnership",
    ) == [("Priya R.", "mentee", 7, "2024-02-01", "2024-08-01", "Northwind")]
    ops.update_partnership(store, **old)
    assert dump(store) == before


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"review_date": "2024-01-01"}, "review date cannot be before the start date"),
        ({"start_date": "2024-09-01"}, "review date cannot be before the start date"),
        ({"start_date": "2024-05-01", "review_date": "2024-04-30"}, "cannot be before"),
        ({"mentee_name": "   "}, "Mentee's name cannot be empty"),
        ({"start_date": None}, "Start date is required"),
        ({"cadence_days": True}, "whole number"),
        ({"duration_minutes": 4}, "from 5 to 600 (got 4)"),
    ],
)
def test_update_partnership_refuses_bad_values_and_changes_nothing(
    store: Store, changes: dict[str, Any], words: str
) -> None:
    before = dump(store)
    with pytest.raises(ValidationError) as info:
        ops.update_partnership(store, **changes)
    assert words in str(info.value)
    assert dump(store) == before


def test_update_with_an_unknown_field_is_a_bug_not_user_input(store: Store) -> None:
    with pytest.raises(TypeError, match="unknown field"):
        ops.update_goal(store, ops.add_goal(store, "A"), colour="red")


def test_focus_areas_set_in_order_without_duplicates_and_restorable(store: Store) -> None:
    assert reads.list_focus_areas(store) == ["Technology adoption", "Leadership development"]
    old = ops.set_focus_areas(store, ["Workplace communication", " Tech ", "tech", "Diversity"])
    assert old == ["Technology adoption", "Leadership development"]
    assert q(store, "SELECT name, position FROM focus_area ORDER BY position") == [
        ("Workplace communication", 0),
        ("Tech", 1),
        ("Diversity", 2),
    ]
    assert reads.list_focus_areas(store) == ["Workplace communication", "Tech", "Diversity"]
    ops.set_focus_areas(store, old)
    assert reads.list_focus_areas(store) == ["Technology adoption", "Leadership development"]


def test_focus_areas_with_an_empty_name_are_refused_whole(store: Store) -> None:
    with pytest.raises(ValidationError, match="Focus area cannot be empty"):
        ops.set_focus_areas(store, ["Fine", ""])
    assert reads.list_focus_areas(store) == ["Technology adoption", "Leadership development"]


# -- agreement clauses -------------------------------------------------------------------------------


def clause_texts(store: Store) -> list[str]:
    return [r[0] for r in q(store, "SELECT text FROM agreement_clause ORDER BY position, id")]


def test_clauses_add_at_end_or_at_an_index(store: Store) -> None:
    assert [c.text for c in reads.list_clauses(store)] == [
        "Meet every two weeks",
        "Stay confidential",
    ]
    c3 = ops.add_clause(store, "Be frank")
    assert clause_texts(store) == ["Meet every two weeks", "Stay confidential", "Be frank"]
    c0 = ops.add_clause(store, "Start on time", index=0)
    assert clause_texts(store) == [
        "Start on time",
        "Meet every two weeks",
        "Stay confidential",
        "Be frank",
    ]
    assert reads.list_clauses(store)[0].id == c0
    assert reads.list_clauses(store)[-1].id == c3
    with pytest.raises(ValidationError, match="Agreement clause cannot be empty"):
        ops.add_clause(store, " \n ")


def test_update_clause_returns_the_old_text(store: Store) -> None:
    first = reads.list_clauses(store)[0]
    old = ops.update_clause(store, first.id, "Meet every week")
    assert old == "Meet every two weeks"
    assert clause_texts(store)[0] == "Meet every week"
    ops.update_clause(store, first.id, old)
    assert clause_texts(store)[0] == "Meet every two weeks"


def test_move_clause_returns_the_old_index_and_clamps(store: Store) -> None:
    ops.add_clause(store, "Third")
    first, second, third = (c.id for c in reads.list_clauses(store))
    assert ops.move_clause(store, first, 99) == 0  # past the end: last
    assert [c.id for c in reads.list_clauses(store)] == [second, third, first]
    assert ops.move_clause(store, first, 0) == 2
    assert [c.id for c in reads.list_clauses(store)] == [first, second, third]
    assert ops.move_clause(store, third, -5) == 2  # before the start: first
    assert [c.id for c in reads.list_clauses(store)] == [third, first, second]


def test_delete_clause_and_restore(store: Store) -> None:
    before = dump(store)
    first = reads.list_clauses(store)[0].id
    tomb = ops.delete_clause(store, first)
    assert clause_texts(store) == ["Stay confidential"]
    ops.restore(store, tomb)
    assert dump(store) == before
    with pytest.raises(LookupError):
        ops.delete_clause(store, 999)


# -- goals and milestones ----------------------------------------------------------------------------


def test_add_goal_defaults_positions_and_get(store: Store) -> None:
    g1 = ops.add_goal(store, "  Run a meeting in chat  ")
    g2 = ops.add_goal(
        store,
        "Sponsor a group",
        owner=GoalOwner.MENTEE,
        focus_area="Diversity",
        description="Why it matters",
        success_measure="One event",
        target_date="2024-04-30",
        status=GoalStatus.IN_PROGRESS,
        manual_progress=40,
        private=True,
    )
    assert q(
        store,
        "SELECT id, title, owner, status, manual_progress, private, position, target_date "
        "FROM goal ORDER BY id",
    ) == [
        (g1, "Run a meeting in chat", "shared", "not_started", 0, 0, 0, None),
        (g2, "Sponsor a group", "mentee", "in_progress", 40, 1, 1, "2024-04-30"),
    ]
    goal = ops.get_goal(store, g2)
    assert goal.target_date == date(2024, 4, 30)
    assert goal.private is True
    assert abs(goal.created_at - datetime.now(UTC)) < timedelta(minutes=5)
    with pytest.raises(LookupError):
        ops.get_goal(store, 999)


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"title": ""}, "Goal title cannot be empty"),
        ({"title": "x" * 301}, "too long (301 characters; the limit is 300)"),
        (
            {"title": "A", "status": "done"},
            "Status must be one of: not_started, in_progress, achieved, dropped",
        ),
        ({"title": "A", "manual_progress": 101}, "Progress must be from 0 to 100 (got 101)"),
        ({"title": "A", "private": 1}, "Private must be yes or no"),
        ({"title": "A", "target_date": "2024-13-01"}, "not a real date"),
        ({"title": "A", "owner": "boss"}, "Goal owner must be one of"),
    ],
)
def test_add_goal_refuses_bad_values(store: Store, values: dict[str, Any], words: str) -> None:
    with pytest.raises(ValidationError) as info:
        ops.add_goal(store, **values)
    assert words in str(info.value)
    assert q(store, "SELECT count(*) FROM goal") == [(0,)]


def test_list_goals_in_order_with_private_filter(store: Store) -> None:
    a = ops.add_goal(store, "A")
    b = ops.add_goal(store, "B", private=True)
    c = ops.add_goal(store, "C")
    assert [g.id for g in ops.list_goals(store)] == [a, b, c]
    assert [g.id for g in ops.list_goals(store, include_private=False)] == [a, c]


def test_goal_status_counts_by_owner_and_status(store: Store) -> None:
    assert ops.goal_status_counts(store) == {}
    ops.add_goal(store, "A", owner="mentee", status="in_progress")
    ops.add_goal(store, "B", owner="mentee", status="in_progress")
    ops.add_goal(store, "C", owner="mentee", status="achieved")
    ops.add_goal(store, "D", owner="mentor", status="achieved", private=True)
    ops.add_goal(store, "E")
    assert ops.goal_status_counts(store) == {
        ("mentee", "in_progress"): 2,
        ("mentee", "achieved"): 1,
        ("mentor", "achieved"): 1,
        ("shared", "not_started"): 1,
    }
    assert ops.goal_status_counts(store, include_private=False) == {
        ("mentee", "in_progress"): 2,
        ("mentee", "achieved"): 1,
        ("shared", "not_started"): 1,
    }


def test_update_goal_returns_old_values_that_restore_it(store: Store) -> None:
    gid = ops.add_goal(store, "A", target_date="2024-03-01", focus_area="Tech")
    before = dump(store)
    old = ops.update_goal(
        store,
        gid,
        title="A, renamed",
        status="achieved",
        target_date=None,
        private=True,
        manual_progress=100,
        focus_area="",
    )
    assert old == {
        "title": "A",
        "status": "not_started",
        "target_date": date(2024, 3, 1),
        "private": False,
        "manual_progress": 0,
        "focus_area": "Tech",
    }
    assert q(store, "SELECT title, status, target_date, private FROM goal") == [
        ("A, renamed", "achieved", None, 1)
    ]
    ops.update_goal(store, gid, **old)
    assert dump(store) == before
    with pytest.raises(LookupError):
        ops.update_goal(store, 999, title="x")


def test_update_goal_refuses_bad_values_and_changes_nothing(store: Store) -> None:
    gid = ops.add_goal(store, "A")
    before = dump(store)
    with pytest.raises(ValidationError):
        ops.update_goal(store, gid, title="B", status="finished")
    assert dump(store) == before


def test_milestones_in_order_per_goal_with_done_dates(store: Store) -> None:
    g1 = ops.add_goal(store, "G1")
    g2 = ops.add_goal(store, "G2")
    m1 = ops.add_milestone(store, g1, "Install the client", done_on="2024-01-20")
    m2 = ops.add_milestone(store, g1, "Post an agenda")
    other = ops.add_milestone(store, g2, "Elsewhere")
    assert q(store, "SELECT id, goal_id, position, title, done_on FROM milestone ORDER BY id") == [
        (m1, g1, 0, "Install the client", "2024-01-20"),
        (m2, g1, 1, "Post an agenda", None),
        (other, g2, 0, "Elsewhere", None),
    ]
    assert [m.id for m in ops.list_milestones(store, g1)] == [m1, m2]
    assert ops.list_milestones(store, g1)[0].done_on == date(2024, 1, 20)
    assert ops.milestone_counts(store) == {g1: (1, 2), g2: (0, 1)}
    with pytest.raises(LookupError):
        ops.add_milestone(store, 999, "Orphan")
    with pytest.raises(ValidationError, match="Milestone cannot be empty"):
        ops.add_milestone(store, g1, "")


def test_update_milestone_done_date_and_restore(store: Store) -> None:
    gid = ops.add_goal(store, "G")
    mid = ops.add_milestone(store, gid, "Step")
    before = dump(store)
    old = ops.update_milestone(store, mid, done_on="2024-02-29", title="Step one")
    assert old == {"done_on": None, "title": "Step"}
    assert q(store, "SELECT title, done_on FROM milestone") == [("Step one", "2024-02-29")]
    assert ops.milestone_counts(store) == {gid: (1, 1)}
    ops.update_milestone(store, mid, **old)
    assert dump(store) == before
    with pytest.raises(ValidationError, match="not a real date"):
        ops.update_milestone(store, mid, done_on="2023-02-29")


def test_move_milestone_stays_within_its_goal(store: Store) -> None:
    g1 = ops.add_goal(store, "G1")
    g2 = ops.add_goal(store, "G2")
    a, b, c = (ops.add_milestone(store, g1, t) for t in "abc")
    x = ops.add_milestone(store, g2, "x")
    assert ops.move_milestone(store, c, 0) == 2
    assert [m.id for m in ops.list_milestones(store, g1)] == [c, a, b]
    assert [m.id for m in ops.list_milestones(store, g2)] == [x]
    assert q(store, "SELECT position FROM milestone WHERE id = ?", x) == [(0,)]
    ops.move_milestone(store, c, 2)
    assert [m.id for m in ops.list_milestones(store, g1)] == [a, b, c]


def test_delete_milestone_and_restore(store: Store) -> None:
    gid = ops.add_goal(store, "G")
    ops.add_milestone(store, gid, "a", done_on="2024-01-02")
    mid = ops.add_milestone(store, gid, "b")
    before = dump(store)
    tomb = ops.delete_milestone(store, mid)
    assert q(store, "SELECT count(*) FROM milestone") == [(1,)]
    ops.restore(store, tomb)
    assert dump(store) == before


def test_delete_goal_takes_milestones_and_links_and_restore_brings_them_back(store: Store) -> None:
    keep = ops.add_goal(store, "Keep")
    gid = ops.add_goal(store, "Gone", description="long text", target_date="2024-05-01")
    ops.add_milestone(store, gid, "m1", done_on="2024-01-10")
    ops.add_milestone(store, gid, "m2")
    ops.add_milestone(store, keep, "kept milestone")
    e1 = ops.add_entry(store, "2024-01-10", notes="talked")
    e2 = ops.add_entry(store, "2024-01-24")
    ops.set_entry_goals(store, e1, [gid, keep])
    ops.set_entry_goals(store, e2, [gid])
    before = dump(store)
    tomb = ops.delete_goal(store, gid)
    assert q(store, "SELECT id FROM goal") == [(keep,)]
    assert q(store, "SELECT count(*) FROM milestone WHERE goal_id = ?", gid) == [(0,)]
    assert q(store, "SELECT entry_id, goal_id FROM entry_goal") == [(e1, keep)]
    ops.restore(store, tomb)
    assert dump(store) == before
    with pytest.raises(LookupError):
        ops.delete_goal(store, 999)


# -- journal entries ---------------------------------------------------------------------------------


def test_add_entry_uses_the_partnership_duration_by_default(store: Store) -> None:
    e1 = ops.add_entry(store, "2024-01-22", topics="Chat", notes="Threads", rating=4)
    e2 = ops.add_entry(store, date(2024, 2, 5), duration_minutes=0, private=True)
    assert q(
        store,
        "SELECT id, held_on, duration_minutes, topics, notes, rating, private "
        "FROM journal_entry ORDER BY id",
    ) == [
        (e1, "2024-01-22", 45, "Chat", "Threads", 4, 0),
        (e2, "2024-02-05", 0, "", "", None, 1),
    ]
    entry = ops.get_entry(store, e1)
    assert (entry.held_on, entry.rating, entry.private) == (date(2024, 1, 22), 4, False)
    with pytest.raises(LookupError):
        ops.get_entry(store, 999)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ({"held_on": None}, "Session date is required"),
        ({"held_on": "2024-02-30"}, "“2024-02-30” is not a real date"),
        ({"held_on": "1899-12-31"}, "between 1900 and 2200"),
        ({"held_on": "2024-01-01", "rating": 6}, "Usefulness rating must be from 1 to 5 (got 6)"),
        ({"held_on": "2024-01-01", "rating": True}, "Usefulness rating must be a whole number"),
        ({"held_on": "2024-01-01", "duration_minutes": 1441}, "from 0 to 1440"),
        ({"held_on": "2024-01-01", "notes": 42}, "Notes must be text"),
    ],
)
def test_add_entry_refuses_bad_values(store: Store, args: dict[str, Any], words: str) -> None:
    with pytest.raises(ValidationError) as info:
        ops.add_entry(store, **args)
    assert words in str(info.value)
    assert q(store, "SELECT count(*) FROM journal_entry") == [(0,)]


def test_list_entries_newest_first_with_private_filter(store: Store) -> None:
    old = ops.add_entry(store, "2024-01-08", topics="Kick-off", rating=5)
    private = ops.add_entry(store, "2024-02-05", topics="Worries", private=True)
    same_day = ops.add_entry(store, "2024-01-08", topics="Second that day")
    rows = ops.list_entries(store)
    assert [r.id for r in rows] == [private, same_day, old]
    assert rows[2] == ops.EntrySummary(old, date(2024, 1, 8), "Kick-off", 5, False, 45)
    assert rows[0].private is True
    assert [r.id for r in ops.list_entries(store, include_private=False)] == [same_day, old]
    assert reads.session_dates(store) == [
        (date(2024, 1, 8), 45),
        (date(2024, 1, 8), 45),
        (date(2024, 2, 5), 45),
    ]
    assert reads.session_dates(store, include_private=False) == [
        (date(2024, 1, 8), 45),
        (date(2024, 1, 8), 45),
    ]


def test_journal_highlights_never_include_private_entries(store: Store) -> None:
    early = ops.add_entry(
        store,
        "2024-01-08",
        topics="Kick-off",
        mentor_takeaway="Juniors see more",
        feedback_good="Frank",
        rating=5,
        notes="not in highlights",
    )
    ops.add_entry(store, "2024-01-22", topics="Worries", mentee_takeaway="secret", private=True)
    late = ops.add_entry(store, "2024-02-05", topics="Chat", feedback_improve="Start on time")
    same_day = ops.add_entry(store, "2024-01-08", topics="Second that day")
    rows = reads.journal_highlights(store)  # newest first, as the PDF shows them
    assert [h.id for h in rows] == [late, same_day, early]
    assert rows[2] == reads.get_entry(store, early)
    assert (rows[2].held_on, rows[2].topics, rows[2].mentor_takeaway, rows[2].feedback_good,
            rows[2].rating, rows[2].private) == (date(2024, 1, 8), "Kick-off", "Juniors see more",
                                                 "Frank", 5, False)
    assert "secret" not in repr(rows)
    assert [h.id for h in reads.journal_highlights(store, date(2024, 1, 9), date(2024, 2, 5))] == [
        late
    ]
    assert [h.id for h in reads.journal_highlights(store, end=date(2024, 1, 8))] == [same_day, early]
    assert reads.journal_highlights(store, start=date(2024, 3, 1)) == []


def test_update_entry_returns_old_values_that_restore_it(store: Store) -> None:
    eid = ops.add_entry(store, "2024-01-08", notes="first thoughts", rating=3)
    ops.add_action(store, eid, "Follow up")
    before = dump(store)
    old = ops.update_entry(
        store, eid, notes="second thoughts", rating=None, held_on="2024-01-09", private=True
    )
    assert old == {
        "notes": "first thoughts",
        "rating": 3,
        "held_on": date(2024, 1, 8),
        "private": False,
    }
    assert q(store, "SELECT notes, rating, held_on, private FROM journal_entry") == [
        ("second thoughts", None, "2024-01-09", 1)
    ]
    ops.update_entry(store, eid, **old)
    assert dump(store) == before


def test_delete_entry_and_restore_brings_back_actions_links_and_rating_links(store: Store) -> None:
    gid = ops.add_goal(store, "G")
    keep = ops.add_entry(store, "2024-01-01", notes="kept entry")
    eid = ops.add_entry(store, "2024-01-08", notes="the quokka plan", rating=5)
    ops.add_action(store, eid, "Install the narwhal client", owner="mentee", due_on="2024-01-15")
    ops.add_action(store, eid, "Share the guide", done_on="2024-01-10")
    ops.add_action(store, keep, "Kept action")
    ops.set_entry_goals(store, eid, [gid])
    skill = ops.add_skill(store, "Team chat", "mentee")
    linked = ops.add_rating(store, skill, "2024-01-08", 2, entry_id=eid)
    unlinked = ops.add_rating(store, skill, "2024-01-09", 3)
    before = dump(store)

    tomb = ops.delete_entry(store, eid)
    assert q(store, "SELECT id FROM journal_entry") == [(keep,)]
    assert q(store, "SELECT count(*) FROM action_item WHERE entry_id = ?", eid) == [(0,)]
    assert q(store, "SELECT count(*) FROM entry_goal") == [(0,)]
    # The rating outlives its entry, unlinked (ON DELETE SET NULL).
    assert q(store, "SELECT id, entry_id FROM skill_rating ORDER BY id") == [
        (linked, None),
        (unlinked, None),
    ]
    assert search(store, "quokka") == set()
    assert search(store, "narwhal") == set()

    ops.restore(store, tomb)
    assert dump(store) == before
    assert q(store, "SELECT entry_id FROM skill_rating WHERE id = ?", linked) == [(eid,)]
    assert search(store, "quokka") == {eid}
    assert search(store, "narwhal") == {eid}
    with pytest.raises(LookupError):
        ops.delete_entry(store, 999)


# -- entry ↔ goal links ------------------------------------------------------------------------------


def test_entry_goal_links_set_list_and_restore(store: Store) -> None:
    g1, g2, g3 = (ops.add_goal(store, t) for t in ("A", "B", "C"))
    eid = ops.add_entry(store, "2024-01-08")
    assert ops.set_entry_goals(store, eid, [g2, g1, g2]) == []
    assert sorted(ops.entry_goal_ids(store, eid)) == [g1, g2]
    assert q(store, "SELECT entry_id, goal_id FROM entry_goal ORDER BY goal_id") == [
        (eid, g1),
        (eid, g2),
    ]
    old = ops.set_entry_goals(store, eid, [g3])
    assert sorted(old) == [g1, g2]
    assert ops.entry_goal_ids(store, eid) == [g3]
    ops.set_entry_goals(store, eid, old)
    assert sorted(ops.entry_goal_ids(store, eid)) == [g1, g2]
    assert sorted(ops.set_entry_goals(store, eid, [])) == [g1, g2]
    assert ops.entry_goal_ids(store, eid) == []
    with pytest.raises(LookupError):
        ops.set_entry_goals(store, 999, [g1])


def test_entries_for_goal_newest_first_with_private_filter(store: Store) -> None:
    gid = ops.add_goal(store, "G")
    other = ops.add_goal(store, "Other")
    e1 = ops.add_entry(store, "2024-01-08")
    e2 = ops.add_entry(store, "2024-02-05", private=True)
    e3 = ops.add_entry(store, "2024-01-22")
    e4 = ops.add_entry(store, "2024-03-01")
    for e in (e1, e2, e3):
        ops.set_entry_goals(store, e, [gid])
    ops.set_entry_goals(store, e4, [other])
    assert [r.id for r in ops.entries_for_goal(store, gid)] == [e2, e3, e1]
    assert [r.id for r in ops.entries_for_goal(store, gid, include_private=False)] == [e3, e1]
    assert [r.id for r in ops.entries_for_goal(store, other)] == [e4]


# -- action items ------------------------------------------------------------------------------------


def test_add_and_list_actions_in_order(store: Store) -> None:
    e1 = ops.add_entry(store, "2024-01-08")
    e2 = ops.add_entry(store, "2024-01-22")
    a1 = ops.add_action(store, e1, "First", owner=ActionOwner.MENTOR, due_on="2024-01-15")
    a2 = ops.add_action(store, e1, "Second")
    b1 = ops.add_action(store, e2, "Other entry")
    assert q(
        store,
        "SELECT id, entry_id, position, text, owner, due_on, done_on FROM action_item ORDER BY id",
    ) == [
        (a1, e1, 0, "First", "mentor", "2024-01-15", None),
        (a2, e1, 1, "Second", "both", None, None),
        (b1, e2, 0, "Other entry", "both", None, None),
    ]
    assert [a.id for a in ops.list_actions(store, e1)] == [a1, a2]
    with pytest.raises(LookupError):
        ops.add_action(store, 999, "Orphan")
    with pytest.raises(ValidationError, match="Action item cannot be empty"):
        ops.add_action(store, e1, "  ")
    with pytest.raises(ValidationError, match="Action owner must be one of: mentor, mentee, both"):
        ops.add_action(store, e1, "x", owner="nobody")


def test_update_and_delete_action_restore(store: Store) -> None:
    eid = ops.add_entry(store, "2024-01-08")
    aid = ops.add_action(store, eid, "Do it", due_on="2024-01-15")
    before = dump(store)
    old = ops.update_action(store, aid, done_on="2024-01-14", text="Did it")
    assert old == {"done_on": None, "text": "Do it"}
    assert q(store, "SELECT text, done_on FROM action_item") == [("Did it", "2024-01-14")]
    ops.update_action(store, aid, **old)
    assert dump(store) == before
    tomb = ops.delete_action(store, aid)
    assert q(store, "SELECT count(*) FROM action_item") == [(0,)]
    ops.restore(store, tomb)
    assert dump(store) == before


def test_open_actions(store: Store) -> None:
    late = ops.add_entry(store, "2024-03-01")
    early = ops.add_entry(store, "2024-01-08")
    private = ops.add_entry(store, "2024-02-01", private=True)
    a_late = ops.add_action(store, late, "Late one", owner="mentor", due_on="2024-03-15")
    a_early2 = ops.add_action(store, early, "Early two")
    a_early1 = ops.add_action(store, early, "Early one", due_on="2024-01-15")
    ops.add_action(store, early, "Already done", done_on="2024-01-09")
    a_private = ops.add_action(store, private, "Secret")

    everything = ops.open_actions(store)
    assert [a.id for a in everything] == [a_early2, a_early1, a_private, a_late]
    assert everything[-1] == ops.OpenAction(
        a_late, late, date(2024, 3, 1), "Late one", "mentor", date(2024, 3, 15)
    )
    assert [a.id for a in ops.open_actions(store, include_private=False)] == [
        a_early2,
        a_early1,
        a_late,
    ]
    assert [a.id for a in ops.open_actions(store, before=date(2024, 2, 1))] == [a_early2, a_early1]
    assert [a.id for a in ops.open_actions(store, before=date(2024, 1, 8))] == []
    assert [
        a.id for a in ops.open_actions(store, include_private=False, before=date(2024, 3, 2))
    ] == [a_early2, a_early1, a_late]
    ops.update_action(store, a_early2, done_on="2024-01-20")
    assert a_early2 not in {a.id for a in ops.open_actions(store)}


# -- search index follows every write ----------------------------------------------------------------


def test_search_index_follows_entry_and_action_edits(store: Store) -> None:
    eid = ops.add_entry(store, "2024-01-08", notes="the quokka plan", topics="Kick-off")
    other = ops.add_entry(store, "2024-01-22", notes="nothing special")
    assert search(store, "quokka") == {eid}
    assert search(store, "kick") == {eid}

    ops.update_entry(store, eid, notes="the wombat plan")
    assert search(store, "quokka") == set()
    assert search(store, "wombat") == {eid}
    assert search(store, "kick") == {eid}  # untouched columns are still indexed

    a1 = ops.add_action(store, eid, "Install the narwhal client")
    a2 = ops.add_action(store, eid, "Try a pangolin standup")
    assert search(store, "narwhal") == {eid}
    assert search(store, "pangolin") == {eid}
    assert search(store, "action_text : narwhal") == {eid}

    ops.update_action(store, a1, text="Install the axolotl client")
    assert search(store, "narwhal") == set()
    assert search(store, "axolotl") == {eid}
    ops.update_action(store, a2, done_on="2024-01-20")  # not a text change: still indexed
    assert search(store, "pangolin") == {eid}

    ops.delete_action(store, a2)
    assert search(store, "pangolin") == set()
    assert search(store, "axolotl") == {eid}

    ops.update_entry(store, eid, rating=4)  # re-indexing the entry keeps its action text
    assert search(store, "axolotl") == {eid}

    ops.delete_entry(store, eid)
    assert search(store, "wombat") == set()
    assert search(store, "axolotl") == set()
    assert q(store, "SELECT rowid FROM journal_fts") == [(other,)]


def test_search_ignores_accents(store: Store) -> None:
    eid = ops.add_entry(store, "2024-01-08", notes="Café culture at the résumé workshop")
    assert search(store, "cafe") == {eid}
    assert search(store, "resume") == {eid}


# -- SWOT --------------------------------------------------------------------------------------------


def swot(store: Store) -> dict[tuple[str, str], list[str]]:
    grid: dict[tuple[str, str], list[str]] = {}
    for g, quad, text in q(
        store, "SELECT grid, quadrant, text FROM swot_item ORDER BY grid, quadrant, position, id"
    ):
        grid.setdefault((g, quad), []).append(text)
    return grid


def test_swot_items_add_in_place(store: Store) -> None:
    ops.add_swot_item(store, "mentor", "S", "Fluent with tools")
    ops.add_swot_item(store, Role.MENTOR, Quadrant.STRENGTHS, "Patient")
    ops.add_swot_item(store, "mentor", "S", "Curious", index=0)
    ops.add_swot_item(store, "mentee", "S", "Knows the org")
    ops.add_swot_item(store, "mentor", "W", "Little budget experience")
    assert swot(store) == {
        ("mentee", "S"): ["Knows the org"],
        ("mentor", "S"): ["Curious", "Fluent with tools", "Patient"],
        ("mentor", "W"): ["Little budget experience"],
    }
    assert [i.text for i in ops.list_swot_items(store)] == [
        "Knows the org",
        "Curious",
        "Fluent with tools",
        "Patient",
        "Little budget experience",
    ]
    with pytest.raises(ValidationError, match="Quadrant must be one of: S, W, O, T"):
        ops.add_swot_item(store, "mentor", "X", "Nope")
    with pytest.raises(ValidationError, match="Whose grid must be one of: mentor, mentee"):
        ops.add_swot_item(store, "boss", "S", "Nope")
    with pytest.raises(ValidationError, match="SWOT item cannot be empty"):
        ops.add_swot_item(store, "mentor", "S", "")


def test_update_swot_item_returns_old_text(store: Store) -> None:
    iid = ops.add_swot_item(store, "mentor", "O", "New tools")
    old = ops.update_swot_item(store, iid, "New AI tools")
    assert old == {"text": "New tools"}
    assert swot(store) == {("mentor", "O"): ["New AI tools"]}
    ops.update_swot_item(store, iid, old["text"])
    assert swot(store) == {("mentor", "O"): ["New tools"]}


def test_move_swot_item_within_and_across_quadrants_and_grids_and_back(store: Store) -> None:
    a = ops.add_swot_item(store, "mentor", "S", "a")
    b = ops.add_swot_item(store, "mentor", "S", "b")
    c = ops.add_swot_item(store, "mentor", "S", "c")
    w = ops.add_swot_item(store, "mentor", "W", "w")
    ops.add_swot_item(store, "mentee", "T", "t")
    start = swot(store)

    where = ops.move_swot_item(store, c, "mentor", "S", 0)  # within a quadrant
    assert where == ("mentor", "S", 2)
    assert swot(store)[("mentor", "S")] == ["c", "a", "b"]
    ops.move_swot_item(store, c, *where)
    assert swot(store) == start

    where = ops.move_swot_item(store, b, "mentor", "W", 1)  # across quadrants
    assert where == ("mentor", "S", 1)
    assert swot(store)[("mentor", "S")] == ["a", "c"]
    assert swot(store)[("mentor", "W")] == ["w", "b"]
    ops.move_swot_item(store, b, *where)
    assert swot(store) == start

    where = ops.move_swot_item(store, a, "mentee", "T", 0)  # across grids
    assert where == ("mentor", "S", 0)
    assert swot(store)[("mentee", "T")] == ["a", "t"]
    ops.move_swot_item(store, a, *where)
    assert swot(store) == start

    ops.move_swot_item(store, w, "mentee", "O", 5)  # into an empty quadrant, index clamped
    assert swot(store)[("mentee", "O")] == ["w"]
    with pytest.raises(ValidationError):
        ops.move_swot_item(store, w, "mentor", "Z", 0)
    assert swot(store)[("mentee", "O")] == ["w"]


def test_delete_swot_item_and_restore(store: Store) -> None:
    ops.add_swot_item(store, "mentor", "S", "a")
    iid = ops.add_swot_item(store, "mentor", "S", "b")
    before = dump(store)
    tomb = ops.delete_swot_item(store, iid)
    assert swot(store) == {("mentor", "S"): ["a"]}
    ops.restore(store, tomb)
    assert dump(store) == before


# -- SWOT snapshots ----------------------------------------------------------------------------------


def test_snapshot_freezes_a_copy_that_later_edits_do_not_touch(store: Store) -> None:
    a = ops.add_swot_item(store, "mentor", "S", "Fluent with tools")
    b = ops.add_swot_item(store, "mentee", "T", "Full calendar")
    ops.add_swot_item(store, "mentee", "T", "Reorg")
    snap = ops.save_snapshot(store, "  Start of partnership ", "2024-01-08")
    frozen = [(i.grid, i.quadrant, i.text, i.position) for i in ops.snapshot_items(store, snap)]
    assert frozen == [
        ("mentee", "T", "Full calendar", 0),
        ("mentee", "T", "Reorg", 1),
        ("mentor", "S", "Fluent with tools", 0),
    ]
    assert q(store, "SELECT label, taken_on FROM swot_snapshot") == [
        ("Start of partnership", "2024-01-08")
    ]

    ops.update_swot_item(store, a, "Changed my mind")
    ops.move_swot_item(store, b, "mentor", "O", 0)
    ops.delete_swot_item(store, a)
    ops.add_swot_item(store, "mentor", "W", "New weakness")
    assert [
        (i.grid, i.quadrant, i.text, i.position) for i in ops.snapshot_items(store, snap)
    ] == frozen

    later = ops.save_snapshot(store, "Three months in", date(2024, 4, 8))
    assert [s.id for s in ops.list_snapshots(store)] == [snap, later]
    assert {i.text for i in ops.snapshot_items(store, later)} == {
        "Reorg",
        "Full calendar",
        "New weakness",
    }
    with pytest.raises(ValidationError, match="Snapshot label cannot be empty"):
        ops.save_snapshot(store, "", "2024-01-08")
    with pytest.raises(ValidationError, match="Snapshot date is required"):
        ops.save_snapshot(store, "x", "")


def test_delete_snapshot_and_restore(store: Store) -> None:
    ops.add_swot_item(store, "mentor", "S", "a")
    ops.add_swot_item(store, "mentee", "W", "b")
    keep = ops.save_snapshot(store, "Keep", "2024-01-01")
    snap = ops.save_snapshot(store, "Gone", "2024-02-01")
    before = dump(store)
    tomb = ops.delete_snapshot(store, snap)
    assert [s.id for s in ops.list_snapshots(store)] == [keep]
    assert q(store, "SELECT count(*) FROM swot_snapshot_item WHERE snapshot_id = ?", snap) == [(0,)]
    assert len(ops.snapshot_items(store, keep)) == 2
    ops.restore(store, tomb)
    assert dump(store) == before
    with pytest.raises(LookupError):
        ops.delete_snapshot(store, 999)


# -- skills and ratings ------------------------------------------------------------------------------


def test_skills_add_list_update_delete_restore(store: Store) -> None:
    chat = ops.add_skill(store, "Team chat", "mentee", focus_area="Tech", target_level=3)
    speak = ops.add_skill(store, "Public speaking", Role.MENTOR)
    video = ops.add_skill(store, "Video calls", "mentee")
    assert q(
        store, "SELECT id, name, owner, focus_area, target_level, position FROM skill ORDER BY id"
    ) == [
        (chat, "Team chat", "mentee", "Tech", 3, 0),
        (speak, "Public speaking", "mentor", "", 4, 1),
        (video, "Video calls", "mentee", "", 4, 2),
    ]
    assert [s.id for s in ops.list_skills(store)] == [chat, video, speak]  # mentee < mentor
    before = dump(store)
    old = ops.update_skill(store, chat, target_level=5, name="Team chat apps")
    assert old == {"target_level": 3, "name": "Team chat"}
    ops.update_skill(store, chat, **old)
    assert dump(store) == before

    ops.add_rating(store, chat, "2024-01-08", 1)
    ops.add_rating(store, chat, "2024-02-05", 2, rated_by=RatedBy.PARTNER, note="Getting there")
    ops.add_rating(store, speak, "2024-01-09", 3)
    before = dump(store)
    tomb = ops.delete_skill(store, chat)
    assert q(store, "SELECT count(*) FROM skill_rating WHERE skill_id = ?", chat) == [(0,)]
    assert q(store, "SELECT count(*) FROM skill_rating") == [(1,)]
    ops.restore(store, tomb)
    assert dump(store) == before
    with pytest.raises(ValidationError, match="Target level must be from 1 to 5"):
        ops.add_skill(store, "x", "mentor", target_level=0)
    with pytest.raises(ValidationError, match="Whose skill must be one of"):
        ops.add_skill(store, "x", "shared")
    with pytest.raises(LookupError):
        ops.delete_skill(store, 999)


def test_ratings_add_list_update_delete_restore(store: Store) -> None:
    chat = ops.add_skill(store, "Team chat", "mentee")
    speak = ops.add_skill(store, "Public speaking", "mentor")
    eid = ops.add_entry(store, "2024-01-08")
    r2 = ops.add_rating(store, chat, "2024-02-05", 2, rated_by="partner", note="Better")
    r1 = ops.add_rating(store, chat, "2024-01-08", 1, entry_id=eid)
    r3 = ops.add_rating(store, speak, "2024-01-09", 3)
    assert q(
        store,
        "SELECT id, skill_id, rated_on, level, rated_by, note, entry_id FROM skill_rating "
        "ORDER BY id",
    ) == [
        (r2, chat, "2024-02-05", 2, "partner", "Better", None),
        (r1, chat, "2024-01-08", 1, "self", "", eid),
        (r3, speak, "2024-01-09", 3, "self", "", None),
    ]
    assert [r.id for r in ops.list_ratings(store)] == [r1, r2, r3]
    assert [r.id for r in ops.list_ratings(store, chat)] == [r1, r2]
    before = dump(store)
    old = ops.update_rating(store, r1, level=4, entry_id=None, note="Re-rated")
    assert old == {"level": 1, "entry_id": eid, "note": ""}
    ops.update_rating(store, r1, **old)
    assert dump(store) == before
    tomb = ops.delete_rating(store, r2)
    assert [r.id for r in ops.list_ratings(store)] == [r1, r3]
    ops.restore(store, tomb)
    assert dump(store) == before
    with pytest.raises(LookupError):
        ops.add_rating(store, 999, "2024-01-01", 3)
    with pytest.raises(ValidationError, match=r"Level must be from 1 to 5 \(got 0\)"):
        ops.add_rating(store, chat, "2024-01-01", 0)
    with pytest.raises(ValidationError, match="Rated by must be one of: self, partner"):
        ops.add_rating(store, chat, "2024-01-01", 3, rated_by="boss")


# -- atomicity of operations that move in place ------------------------------------------------------


def fail_on_write(monkeypatch: pytest.MonkeyPatch, store: Store, n: int) -> None:
    """Make the store's `n`-th write transaction fail, as a full disk or a lock would."""
    real_write = store.write
    count = 0

    @contextmanager
    def write() -> Iterator[Any]:
        nonlocal count
        count += 1
        if count == n:
            raise KnownError(ErrorKind.IN_USE, "in use (simulated)")
        with real_write() as s:
            yield s

    monkeypatch.setattr(store, "write", write)


def _first_clause_is_new(s: Store, ids: dict[str, int]) -> bool:
    return clause_texts(s)[0] == "New first"


def _swot_new_first(s: Store, ids: dict[str, int]) -> bool:
    return swot(s)[("mentor", "S")] == ["new", "a", "b"]


def _b_moved(s: Store, ids: dict[str, int]) -> bool:
    return swot(s) == {("mentor", "S"): ["a"], ("mentee", "W"): ["b"]}


ONE_TRANSACTION: list[
    tuple[str, Callable[[Store, dict[str, int]], object], Callable[[Store, dict[str, int]], bool]]
] = [
    (
        "add_clause at index",
        lambda s, ids: ops.add_clause(s, "New first", index=0),
        _first_clause_is_new,
    ),
    (
        "add_swot_item at index",
        lambda s, ids: ops.add_swot_item(s, "mentor", "S", "new", index=0),
        _swot_new_first,
    ),
    (
        "move_swot_item across",
        lambda s, ids: ops.move_swot_item(s, ids["b"], "mentee", "W", 0),
        _b_moved,
    ),
]
PARAMS = [pytest.param(o[1], o[2], id=o[0]) for o in ONE_TRANSACTION]


@pytest.mark.parametrize(("op", "done"), PARAMS)
def test_ops_that_place_items_work_and_change_nothing_when_their_write_fails(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    op: Callable[[Store, dict[str, int]], object],
    done: Callable[[Store, dict[str, int]], bool],
) -> None:
    ids = {
        "a": ops.add_swot_item(store, "mentor", "S", "a"),
        "b": ops.add_swot_item(store, "mentor", "S", "b"),
    }
    before = dump(store)
    with monkeypatch.context() as m:
        fail_on_write(m, store, 1)
        with pytest.raises(KnownError):
            op(store, ids)
    assert dump(store) == before
    op(store, ids)
    assert done(store, ids)


@pytest.mark.parametrize(("op", "done"), PARAMS)
def test_ops_that_place_items_are_one_transaction(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    op: Callable[[Store, dict[str, int]], object],
    done: Callable[[Store, dict[str, int]], bool],
) -> None:
    ids = {
        "a": ops.add_swot_item(store, "mentor", "S", "a"),
        "b": ops.add_swot_item(store, "mentor", "S", "b"),
    }
    before = dump(store)
    fail_on_write(monkeypatch, store, 2)  # a disk that fills up right after the first commit
    try:
        op(store, ids)
    except KnownError:
        assert dump(store) == before, "the operation failed but left part of its change behind"
    else:
        assert done(store, ids)  # one transaction: there was no second write to fail
