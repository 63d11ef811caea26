"""What the window paints first: the partnership, its focus areas and agreement, and every session's
date and length (for momentum) — and `probe_first_paint`, which reads them before a file replaces another.

These run before the whole-file check (`Store.verify`), so they are the reads that meet a damaged
file first: whatever a row holds, they return values of the promised types or raise
KnownError(DAMAGED) with the sentence the check would give — never ValueError or TypeError.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from revmentor_desktop.data import integrity
from revmentor_desktop.data.reads_rows import (
    checked,
    damaged,
    day,
    first_problem,
    plain,
    select,
    utc,
)
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import MAX_YEAR, MIN_YEAR


@dataclass(frozen=True)
class PartnershipRow:
    id: int
    mentor_name: str
    mentee_name: str
    me: str
    organisation: str
    start_date: date
    review_date: date | None
    cadence_days: int
    duration_minutes: int
    created_at: datetime
    check_in_every: int = 4
    closed_on: date | None = None
    checklist_dismissed: bool = False


@dataclass(frozen=True)
class ClauseRow:
    id: int
    position: int
    text: str


_PARTNERSHIP = ("id", "mentor_name", "mentee_name", "me", "organisation", "start_date", "review_date",
                "cadence_days", "duration_minutes", "created_at", "check_in_every", "closed_on",
                "checklist_dismissed")


def get_partnership(store: Store) -> PartnershipRow:
    with plain(store) as conn:
        row = conn.execute(select(_PARTNERSHIP, "partnership") + " WHERE id = 1").fetchone()
        if row is None:
            raise damaged(store, first_problem(conn, "it holds no partnership."))
    checked(store, "partnership", _PARTNERSHIP, row)  # one row: every value, as the check would
    (pid, mentor, mentee, me, org, start, review, cadence, duration, created, check_in_every, closed,
     dismissed) = row
    return PartnershipRow(int(pid), mentor, mentee, me, org, date.fromisoformat(start), day(review),
                          int(cadence), int(duration), utc(created), int(check_in_every),
                          day(closed), bool(dismissed))


def list_focus_areas(store: Store) -> list[str]:
    with plain(store) as conn:
        rows = conn.execute("SELECT id, name FROM focus_area ORDER BY position, id").fetchall()
    for row in rows:  # a handful of rows: each value checked
        checked(store, "focus_area", ("id", "name"), row)
    return [name for _id, name in rows]


def list_clauses(store: Store) -> list[ClauseRow]:
    with plain(store) as conn:
        rows = conn.execute("SELECT id, position, text FROM agreement_clause ORDER BY position, uid, id"
                            ).fetchall()
    for row in rows:
        checked(store, "agreement_clause", ("id", "position", "text"), row)
    return [ClauseRow(int(i), int(p), t) for i, p, t in rows]


def session_dates(store: Store, *, include_private: bool = True) -> list[tuple[date, int]]:
    """(date, duration) of every session, oldest first — for momentum.

    Plain sqlite3 rows: at 10,000 sessions the ORM's row processing costs four times the query.
    """
    sql = "SELECT held_on, duration_minutes FROM journal_entry"
    if not include_private:
        sql += " WHERE private = 0"
    sql += " ORDER BY held_on"
    fromiso = date.fromisoformat
    with plain(store) as conn:
        try:
            sessions = [(fromiso(d), int(m)) for d, m in conn.execute(sql)]
        except (TypeError, ValueError):  # not text, not a date, not a number
            raise damaged(store, _session_problem(conn)) from None
        # Rows come ordered by their text, so (ISO dates being what they are) the first and the
        # last hold the earliest and latest years; dates past the app's years break date sums.
        if sessions and not (MIN_YEAR <= sessions[0][0].year and sessions[-1][0].year <= MAX_YEAR):
            raise damaged(store, _session_problem(conn))
    return sessions


def probe_first_paint(store: Store) -> list[tuple[date, int]]:
    """Read what the window paints first (the partnership, and every session's date and length):
    raises KnownError(DAMAGED) where those reads meet damage. Opening runs it before letting go of
    the file open until then, so a file damaged there leaves the window as it was; the sessions it
    returns are the momentum figures' (`session_dates`), read once."""
    get_partnership(store)
    return session_dates(store)


def _session_problem(conn: sqlite3.Connection) -> str:
    """The first session whose date or duration breaks its rule, found value by value (slow, and
    only ever asked for a file already found damaged)."""
    for row in conn.execute("SELECT id, held_on, duration_minutes FROM journal_entry ORDER BY id"):
        for column, value in zip(("held_on", "duration_minutes"), row[1:], strict=True):
            problem = integrity.value_problem("journal_entry", row[0], column, value)
            if problem is not None:
                return problem
    return first_problem(conn, "a session's date or duration cannot be read.")
