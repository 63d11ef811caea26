"""What every plain-SQL read shares: the connection, damage said in words, and stored text turned
back into the Python values the SQLModel rows hold (dates, aware UTC datetimes, booleans).

Nothing here imports SQLAlchemy or SQLModel: a session that only reads never loads them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from revmentor_desktop.data import integrity
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, Gone, KnownError

#: What SQLite (or the sqlite3 module) says when a file holds what no file of ours holds: text that
#: is not UTF-8, or a table or column missing from its layout.
_DAMAGE_SIGNS = ("could not decode", "no such table", "no such column")


def damaged(store: Store, problem: str) -> KnownError:
    return KnownError(ErrorKind.DAMAGED, f"“{store.shown_path.name}” is damaged: {problem}",
                      "Restore a backup.")


@contextmanager
def plain(store: Store) -> Iterator[sqlite3.Connection]:
    """`store.plain()`, where a read failing on what the file holds is damage, said in words."""
    with store.plain() as conn:
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if not any(sign in str(exc).lower() for sign in _DAMAGE_SIGNS):
                raise
            raise damaged(store, first_problem(conn, f"it cannot be read ({exc}).")) from exc


def first_problem(conn: sqlite3.Connection, fallback: str) -> str:
    """What the whole-file check says first — only ever asked once a read has found damage."""
    problems = integrity.row_problems(conn, limit=1)
    return problems[0] if problems else fallback


def checked(store: Store, table: str, columns: tuple[str, ...], row: tuple[object, ...]) -> None:
    """Raise the whole-file check's sentence for the first value of `row` that breaks its rule."""
    for column, value in zip(columns, row, strict=True):
        problem = integrity.value_problem(table, row[0], column, value)
        if problem is not None:
            raise damaged(store, problem)


def fetch(store: Store, sql: str, params: tuple[object, ...] = ()) -> list[Any]:
    """Every row `sql` selects, as sqlite3 gives them (tuples)."""
    with plain(store) as conn:
        return conn.execute(sql, params).fetchall()


def fetch_one(store: Store, what: str, sql: str, row_id: int) -> Any:
    """The one row `sql` selects for `row_id`; `Gone` (naming it `what`) when there is none."""
    found = fetch(store, sql, (row_id,))
    if not found:
        raise Gone(f"{what} {row_id} no longer exists")
    return found[0]


def select(columns: tuple[str, ...], table: str) -> str:
    return f"SELECT {', '.join(columns)} FROM {table}"


def only_shared(include_private: bool, column: str = "private") -> str:
    """The WHERE clause that leaves private rows out, unless `include_private`."""
    return "" if include_private else f" WHERE {column} = 0"


def day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def utc(text: str) -> datetime:
    # Stored as SQLModel writes datetimes (naive text, always UTC); read back as aware UTC, as the ORM does.
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
