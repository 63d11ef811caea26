"""Journal entries and their action items as plain rows: the lists the Journal, Goals and Skills tabs
show, one entry whole, the open action items, and the shareable highlights the PDF summary prints.
(Searching the journal is `journal`'s.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from revmentor_desktop.data.reads_rows import day, fetch, fetch_one, select, utc
from revmentor_desktop.data.store import Store


@dataclass(frozen=True)
class JournalEntryRow:
    id: int
    held_on: date
    duration_minutes: int
    topics: str
    agenda: str
    notes: str
    mentor_takeaway: str
    mentee_takeaway: str
    #: earlier feedback, from files written before version 3: which way it went was not recorded
    feedback_good: str
    feedback_improve: str
    rating: int | None
    private: bool
    created_at: datetime
    mentor_says_keep: str
    mentor_says_try: str
    mentee_says_keep: str
    mentee_says_try: str
    mentor_rating: int | None
    mentee_rating: int | None


@dataclass(frozen=True)
class ActionItemRow:
    id: int
    entry_id: int
    position: int
    text: str
    owner: str
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class EntrySummary:
    """What the journal list shows of an entry."""

    id: int
    held_on: date
    topics: str
    rating: int | None  # earlier feedback's rating (files from before version 3): whose, unknown
    private: bool
    duration_minutes: int
    mentor_rating: int | None = None
    mentee_rating: int | None = None


@dataclass(frozen=True)
class OpenAction:
    id: int
    entry_id: int
    held_on: date
    text: str
    owner: str
    due_on: date | None


_ENTRY = ("id", "held_on", "duration_minutes", "topics", "agenda", "notes", "mentor_takeaway",
          "mentee_takeaway", "feedback_good", "feedback_improve", "rating", "private", "created_at",
          "mentor_says_keep", "mentor_says_try", "mentee_says_keep", "mentee_says_try",
          "mentor_rating", "mentee_rating")

#: The journal_entry columns an EntrySummary holds, in its fields' order.
_SUMMARY = ("id", "held_on", "topics", "rating", "private", "duration_minutes", "mentor_rating",
            "mentee_rating")

def get_entry(store: Store, entry_id: int) -> JournalEntryRow:
    """One entry, every column; `Gone` when it was deleted meanwhile."""
    return _entry(fetch_one(store, "JournalEntry", select(_ENTRY, "journal_entry") + " WHERE id = ?",
                            entry_id))


def _entry(row: Any) -> JournalEntryRow:
    (i, held, minutes, topics, agenda, notes, m_takeaway, e_takeaway, good, improve, rating, private,
     created, keep, try_, e_keep, e_try, m_rating, e_rating) = row
    return JournalEntryRow(i, date.fromisoformat(held), minutes, topics, agenda, notes, m_takeaway,
                           e_takeaway, good, improve, rating, bool(private), utc(created), keep, try_,
                           e_keep, e_try, m_rating, e_rating)


def _summary(row: Any) -> EntrySummary:
    i, held, topics, rating, private, minutes, m_rating, e_rating = row
    return EntrySummary(i, date.fromisoformat(held), topics, rating, bool(private), minutes,
                        m_rating, e_rating)


def list_entries(store: Store, *, include_private: bool = True) -> list[EntrySummary]:
    """Every entry, newest first, with only the columns a list shows."""
    sql = select(_SUMMARY, "journal_entry")
    if not include_private:
        sql += " WHERE private = 0"
    return [_summary(row) for row in fetch(store, sql + " ORDER BY held_on DESC, id DESC")]


def entries_for_goal(store: Store, goal_id: int, *, include_private: bool = True) -> list[EntrySummary]:
    """The entries that discussed a goal, newest first."""
    sql = (f"SELECT {', '.join('e.' + c for c in _SUMMARY)} FROM journal_entry e"
           " JOIN entry_goal l ON l.entry_id = e.id WHERE l.goal_id = ?")
    if not include_private:
        sql += " AND e.private = 0"
    return [_summary(row) for row in fetch(store, sql + " ORDER BY e.held_on DESC, e.id DESC", (goal_id,))]


def entry_goal_ids(store: Store, entry_id: int) -> list[int]:
    """The goals an entry discussed, by id (ascending)."""
    sql = "SELECT goal_id FROM entry_goal WHERE entry_id = ? ORDER BY goal_id"
    return [int(g) for (g,) in fetch(store, sql, (entry_id,))]


def list_actions(store: Store, entry_id: int) -> list[ActionItemRow]:
    sql = select(("id", "entry_id", "position", "text", "owner", "due_on", "done_on"), "action_item")
    return [ActionItemRow(i, e, p, t, o, day(due), day(done)) for i, e, p, t, o, due, done
            in fetch(store, sql + " WHERE entry_id = ? ORDER BY position, uid, id", (entry_id,))]


def open_actions(store: Store, *, include_private: bool = True, before: date | None = None) -> list[OpenAction]:
    """Action items not yet done, oldest session first (optionally only from sessions before a date)."""
    sql = ("SELECT a.id, a.entry_id, e.held_on, a.text, a.owner, a.due_on FROM action_item a"
           " JOIN journal_entry e ON e.id = a.entry_id WHERE a.done_on IS NULL")
    params: tuple[object, ...] = ()
    if not include_private:
        sql += " AND e.private = 0"
    if before is not None:
        sql, params = sql + " AND e.held_on < ?", (before.isoformat(),)
    sql += " ORDER BY e.held_on, a.position, a.uid, a.id"
    return [OpenAction(i, e, date.fromisoformat(h), t, o, day(d))
            for i, e, h, t, o, d in fetch(store, sql, params)]


def journal_highlights(store: Store, start: date | None = None, end: date | None = None, *,
                       latest: int | None = None) -> list[JournalEntryRow]:
    """Non-private entries, newest first: those between `start` and `end` (inclusive), or the
    `latest` few (the PDF summary's journal highlights). Private entries are never returned by
    this function: it exists to build things that leave the machine."""
    sql = select(_ENTRY, "journal_entry") + " WHERE private = 0"
    params: list[object] = []
    sql += _span(start, end, params)
    sql += " ORDER BY held_on DESC, id DESC"
    if latest is not None:
        sql += " LIMIT ?"
        params.append(max(0, latest))
    return [_entry(row) for row in fetch(store, sql, tuple(params))]


def _span(start: date | None, end: date | None, params: list[object]) -> str:
    sql = ""
    if start is not None:
        sql += " AND held_on >= ?"
        params.append(start.isoformat())
    if end is not None:
        sql += " AND held_on <= ?"
        params.append(end.isoformat())
    return sql


def shared_session_count(store: Store, start: date | None = None, end: date | None = None) -> int:
    """How many non-private sessions fall between `start` and `end` (inclusive; open ends: all)."""
    params: list[object] = []
    sql = "SELECT count(*) FROM journal_entry WHERE private = 0" + _span(start, end, params)
    return int(fetch(store, sql, tuple(params))[0][0])


def private_session_count(store: Store) -> int:
    return int(fetch(store, "SELECT count(*) FROM journal_entry WHERE private = 1")[0][0])
