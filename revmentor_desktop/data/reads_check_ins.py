"""Check-ins as plain rows: the latest few (the Overview's trend, the PDF), every one, one whole, and
every check-in's day and author (whose check-in is due).

The Overview reads these with the rest of the partnership, possibly before the whole-file check:
`check_in_dates` turns a value that is not what the schema promises into the check's sentence
(KnownError DAMAGED), like `reads_first.session_dates`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from revmentor_desktop.data import compute
from revmentor_desktop.data.reads_rows import checked, damaged, fetch, fetch_one, plain, select, utc
from revmentor_desktop.data.store import Store


@dataclass(frozen=True)
class CheckInRow:
    id: int
    held_on: date
    author: str
    working: str
    tweak: str
    usefulness: int | None
    goals_still_right: str
    created_at: datetime


_CHECK_IN = ("id", "held_on", "author", "working", "tweak", "usefulness", "goals_still_right",
             "created_at")


def _check_in(row: Any) -> CheckInRow:
    i, held, author, working, tweak, usefulness, goals_right, created = row
    return CheckInRow(int(i), date.fromisoformat(held), author, working, tweak, usefulness,
                      goals_right, utc(created))


def latest_check_ins(store: Store, n: int | None = None) -> list[CheckInRow]:
    """The `n` latest check-ins (all when None), oldest first, so they read as a trend."""
    sql = select(_CHECK_IN, "check_in") + " ORDER BY held_on DESC, id DESC"
    params: tuple[object, ...] = ()
    if n is not None:
        sql, params = sql + " LIMIT ?", (max(0, n),)
    rows = [_check_in(row) for row in fetch(store, sql, params)]
    rows.reverse()
    return rows


def list_check_ins(store: Store) -> list[CheckInRow]:
    """Every check-in, oldest first."""
    return latest_check_ins(store)


def get_check_in(store: Store, check_in_id: int) -> CheckInRow:
    """One check-in; `Gone` when it was deleted meanwhile."""
    return _check_in(fetch_one(store, "CheckIn", select(_CHECK_IN, "check_in") + " WHERE id = ?",
                               check_in_id))


def check_in_dates(store: Store) -> list[tuple[date, str]]:
    """(day, author) of every check-in, oldest first: what `compute.check_in_status` needs."""
    with plain(store) as conn:
        rows = conn.execute("SELECT id, held_on, author FROM check_in ORDER BY held_on, id").fetchall()
    try:
        out = [(date.fromisoformat(d), a) for _i, d, a in rows]
        sound = all(a in compute.ROLES for _d, a in out)
    except (TypeError, ValueError):
        sound = False
    if not sound:
        for row in rows:
            checked(store, "check_in", ("id", "held_on", "author"), row)
        raise damaged(store, "a check-in's date or author cannot be read.")
    return out
