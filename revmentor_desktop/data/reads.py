"""The reads the window needs to show a partnership first, in plain sqlite3 (no ORM import).

Opening a file and painting its Overview needs only these; SQLAlchemy and SQLModel (about a third
of a second to import) load afterwards, with the first tab or edit that needs them. Callers import
them from here (`ops` holds the ORM reads and every write; see the package's docstring).

Rows come back as small frozen dataclasses with the same field names (and Python types) as the
SQLModel tables, so code reading `p.mentor_name` or `c.text` works with either.

These reads run before the whole-file check (`Store.verify`), so they are the ones that meet a
damaged file first: whatever a row holds, they return values of the promised types or raise
KnownError(DAMAGED) with the sentence the check would give — never ValueError or TypeError.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

from revmentor_desktop.data import integrity
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import MAX_YEAR, MIN_YEAR
from revmentor_desktop.errors import ErrorKind, KnownError


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


@dataclass(frozen=True)
class ClauseRow:
    id: int
    position: int
    text: str


_PARTNERSHIP = ("id", "mentor_name", "mentee_name", "me", "organisation", "start_date", "review_date",
                "cadence_days", "duration_minutes", "created_at")


def _damaged(store: Store, problem: str) -> KnownError:
    return KnownError(ErrorKind.DAMAGED, f"“{store.shown_path.name}” is damaged: {problem}",
                      "Restore a backup.")


#: What SQLite (or the sqlite3 module) says when a file holds what no file of ours holds: text that
#: is not UTF-8, or a table or column missing from its layout.
_DAMAGE_SIGNS = ("could not decode", "no such table", "no such column")


@contextmanager
def _plain(store: Store) -> Iterator[sqlite3.Connection]:
    """`store.plain()`, where a read failing on what the file holds is damage, said in words."""
    with store.plain() as conn:
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if not any(sign in str(exc).lower() for sign in _DAMAGE_SIGNS):
                raise
            raise _damaged(store, _first_problem(conn, f"it cannot be read ({exc}).")) from exc


def _first_problem(conn: sqlite3.Connection, fallback: str) -> str:
    """What the whole-file check says first — only ever asked once a read has found damage."""
    problems = integrity.row_problems(conn, limit=1)
    return problems[0] if problems else fallback


def _checked(store: Store, table: str, columns: tuple[str, ...], row: tuple[object, ...]) -> None:
    for column, value in zip(columns, row, strict=True):
        problem = integrity.value_problem(table, row[0], column, value)
        if problem is not None:
            raise _damaged(store, problem)


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _utc(text: str) -> datetime:
    # Stored as SQLModel writes datetimes (naive text, always UTC); read back as aware UTC, as the ORM does.
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def get_partnership(store: Store) -> PartnershipRow:
    with _plain(store) as conn:
        row = conn.execute(f"SELECT {', '.join(_PARTNERSHIP)} FROM partnership WHERE id = 1").fetchone()
        if row is None:
            raise _damaged(store, _first_problem(conn, "it holds no partnership."))
    _checked(store, "partnership", _PARTNERSHIP, row)  # one row: every value, as the check would
    pid, mentor, mentee, me, org, start, review, cadence, duration, created = row
    start_date = _date(start)
    assert start_date is not None  # NOT NULL in the schema, and checked just now
    return PartnershipRow(int(pid), mentor, mentee, me, org, start_date, _date(review),
                          int(cadence), int(duration), _utc(created))


def list_focus_areas(store: Store) -> list[str]:
    with _plain(store) as conn:
        rows = conn.execute("SELECT id, name FROM focus_area ORDER BY position, id").fetchall()
    for row in rows:  # a handful of rows: each value checked
        _checked(store, "focus_area", ("id", "name"), row)
    return [name for _id, name in rows]


def list_clauses(store: Store) -> list[ClauseRow]:
    with _plain(store) as conn:
        rows = conn.execute("SELECT id, position, text FROM agreement_clause ORDER BY position, id"
                            ).fetchall()
    for row in rows:
        _checked(store, "agreement_clause", ("id", "position", "text"), row)
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
    with _plain(store) as conn:
        try:
            sessions = [(fromiso(d), int(m)) for d, m in conn.execute(sql)]
        except (TypeError, ValueError):  # not text, not a date, not a number
            raise _damaged(store, _session_problem(conn)) from None
        # Rows come ordered by their text, so (ISO dates being what they are) the first and the
        # last hold the earliest and latest years; dates past the app's years break date sums.
        if sessions and not (MIN_YEAR <= sessions[0][0].year and sessions[-1][0].year <= MAX_YEAR):
            raise _damaged(store, _session_problem(conn))
    return sessions


def _session_problem(conn: sqlite3.Connection) -> str:
    """The first session whose date or duration breaks its rule, found value by value (slow, and
    only ever asked for a file already found damaged)."""
    for row in conn.execute("SELECT id, held_on, duration_minutes FROM journal_entry ORDER BY id"):
        for column, value in zip(("held_on", "duration_minutes"), row[1:], strict=True):
            problem = integrity.value_problem("journal_entry", row[0], column, value)
            if problem is not None:
                return problem
    return _first_problem(conn, "a session's date or duration cannot be read.")
