"""What undoes an import: the rows it touched, as they were before and as they are after.

An import may touch thousands of rows across a dozen tables, so its undo step is not one inverse
operation per record but two `Image`s of exactly the rows it touched (by id), and of the link rows
of the records it touched (a session's goals, a snapshot's items; the focus areas and what the
exchange remembers, whole). `put(target, current)` turns the file from one image into the other:
rows only in `current` are deleted, rows only in `target` inserted with their ids, rows in both
updated where they differ. Ids are kept, so a later edit of an imported record redoes on the same
row. The undo stack is linear: nothing else can have changed these rows in between.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

#: parents before children (inserting); the reverse for deleting
ID_TABLES = ("partnership", "agreement_clause", "goal", "milestone", "journal_entry", "action_item",
             "swot_item", "swot_snapshot", "skill", "skill_rating", "check_in", "review", "review_goal")
#: link tables, kept per record they hang off: table → the column naming it
SCOPED = {"entry_goal": "entry_id", "swot_snapshot_item": "snapshot_id"}
#: small tables an import may rewrite, kept whole
WHOLE = ("focus_area", "exchange_seen")
_CHUNK = 500


@dataclass
class Scope:
    """Which rows an import touches: ids per table, and the records whose links it rewrites."""

    ids: dict[str, set[int]] = field(default_factory=dict)
    #: link table → ids of the records (entries, snapshots) whose links are in scope
    links: dict[str, set[int]] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)

    def add(self, table: str, row_id: int) -> None:
        self.ids.setdefault(table, set()).add(row_id)

    def add_links(self, table: str, owner_id: int) -> None:
        self.links.setdefault(table, set()).add(owner_id)

    def union(self, other: Scope) -> Scope:
        def merged(a: dict[str, set[int]], b: dict[str, set[int]]) -> dict[str, set[int]]:
            return {t: a.get(t, set()) | b.get(t, set()) for t in set(a) | set(b)}

        return Scope(merged(self.ids, other.ids), merged(self.links, other.links), self.whole | other.whole)


@dataclass(frozen=True)
class Image:
    """The rows of a scope as stored at one moment."""

    scope: Scope
    columns: dict[str, list[str]]
    #: id table → id → the row (all columns, in table order)
    rows: dict[str, dict[int, tuple[Any, ...]]]
    #: link and whole tables → the rows in scope
    sets: dict[str, list[tuple[Any, ...]]]


def _chunks(values: Iterable[int]) -> Iterator[list[int]]:
    items = sorted(values)
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _columns(conn: Any, table: str) -> list[str]:
    return [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]


def take(conn: Any, scope: Scope) -> Image:
    columns: dict[str, list[str]] = {}
    rows: dict[str, dict[int, tuple[Any, ...]]] = {}
    for table, ids in scope.ids.items():
        columns[table] = _columns(conn, table)
        got: dict[int, tuple[Any, ...]] = {}
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            for row in conn.exec_driver_sql(f"SELECT * FROM {table} WHERE id IN ({marks})", tuple(chunk)):
                got[int(row[0])] = tuple(row)
        rows[table] = got
    sets: dict[str, list[tuple[Any, ...]]] = {}
    for table, owners in scope.links.items():
        columns[table] = _columns(conn, table)
        found: list[tuple[Any, ...]] = []
        for chunk in _chunks(owners):
            marks = ", ".join("?" * len(chunk))
            found += [tuple(r) for r in conn.exec_driver_sql(
                f"SELECT * FROM {table} WHERE {SCOPED[table]} IN ({marks}) ORDER BY rowid", tuple(chunk))]
        sets[table] = found
    for table in scope.whole:
        columns[table] = _columns(conn, table)
        sets[table] = [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY rowid")]
    return Image(scope, columns, rows, sets)


def _many(conn: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        conn.exec_driver_sql(sql, rows)


def put(conn: Any, target: Image, current: Image) -> None:
    """Within the open transaction, turn the rows `current` holds into those `target` holds."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    scope = target.scope.union(current.scope)
    # links and whole tables first out (nothing hangs off them), last in
    for table, owners in scope.links.items():
        for chunk in _chunks(owners):
            marks = ", ".join("?" * len(chunk))
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE {SCOPED[table]} IN ({marks})", tuple(chunk))
    for table in scope.whole:
        conn.exec_driver_sql(f"DELETE FROM {table}")
    for table in reversed(ID_TABLES):
        gone = set(current.rows.get(table, {})) - set(target.rows.get(table, {}))
        _many(conn, f"DELETE FROM {table} WHERE id = ?", [(i,) for i in sorted(gone)])
    for table in ID_TABLES:
        want, have = target.rows.get(table, {}), current.rows.get(table, {})
        if not want:
            continue
        columns = target.columns[table]
        new = [want[i] for i in sorted(set(want) - set(have))]
        _many(conn, f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
              new)
        by_changed: dict[tuple[int, ...], list[tuple[Any, ...]]] = {}
        for i in sorted(set(want) & set(have)):
            differ = tuple(n for n, (a, b) in enumerate(zip(want[i], have[i], strict=True)) if a != b)
            if differ:  # only what differs: a session's search index is rebuilt only for its text
                by_changed.setdefault(differ, []).append((*(want[i][n] for n in differ), i))
        for differ, params in by_changed.items():
            sets = ", ".join(f"{columns[n]} = ?" for n in differ)
            _many(conn, f"UPDATE {table} SET {sets} WHERE id = ?", params)
    for table in (*SCOPED, *WHOLE):
        if table in target.sets:
            columns = target.columns[table]
            _many(conn, f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                  target.sets[table])
