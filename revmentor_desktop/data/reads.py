"""The reads the window needs to show a partnership first, in plain sqlite3 (no ORM import).

Opening a file and painting its Overview needs only these; SQLAlchemy and SQLModel (about a third
of a second to import) load afterwards, with the first tab or edit that needs them. `ops` re-exports
every function here, so callers need not know which reads are plain.

Rows come back as small frozen dataclasses with the same field names (and Python types) as the
SQLModel tables, so code reading `p.mentor_name` or `c.text` works with either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from revmentor_desktop.data.store import Store


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


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _utc(text: str) -> datetime:
    # Stored as SQLModel writes datetimes (naive text, always UTC); read back as aware UTC, as the ORM does.
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def get_partnership(store: Store) -> PartnershipRow:
    with store.plain() as conn:
        row = conn.execute(
            "SELECT id, mentor_name, mentee_name, me, organisation, start_date, review_date,"
            " cadence_days, duration_minutes, created_at FROM partnership WHERE id = 1"
        ).fetchone()
    if row is None:
        raise LookupError("Partnership 1 no longer exists")
    pid, mentor, mentee, me, org, start, review, cadence, duration, created = row
    start_date = _date(start)
    assert start_date is not None  # NOT NULL in the schema
    return PartnershipRow(int(pid), mentor, mentee, me, org, start_date, _date(review),
                          int(cadence), int(duration), _utc(created))


def list_focus_areas(store: Store) -> list[str]:
    with store.plain() as conn:
        return [name for (name,) in conn.execute("SELECT name FROM focus_area ORDER BY position, id")]


def list_clauses(store: Store) -> list[ClauseRow]:
    with store.plain() as conn:
        rows = conn.execute("SELECT id, position, text FROM agreement_clause ORDER BY position, id")
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
    with store.plain() as conn:
        return [(fromiso(d), int(m)) for d, m in conn.execute(sql)]
