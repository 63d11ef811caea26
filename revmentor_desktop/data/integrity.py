"""What `PRAGMA quick_check` does not see: rows that break the schema's rules, as sentences for the user.

SQLite stores what it is given — 'sixty' in an INTEGER column, '2024-02-30' in a DATE column — and
`quick_check` does not test CHECK constraints. Any such value makes some tab or the PDF fail, so a
file holding one is damaged. `row_problems` checks a file against `RULES` (row_rules.py: one rule
per column of migrations.py's schema) with one set-based query per table, plus the file's layout,
its foreign keys and that its text is valid UTF-8. It reads only, and never raises
for a value it finds: only SQLite itself can raise (sqlite3.Error, which callers treat as damage).

Cost, on the 10,000-session sample (2-core CI machine): about 65 ms, where quick_check takes 25 —
half of it SQLite evaluating the rules row by row, most of the rest decoding the journal's text.
A file of a few hundred sessions takes a few milliseconds.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from operator import itemgetter

from revmentor_desktop.data.migrations import STEPS
from revmentor_desktop.data.row_rules import (
    RULES,
    Kind,
    Table,
    bad_sql,
    holds,
    is_datetime,
    quoted,
    show,
    why,
    without_article,
)

_INDEX = "journal_fts"
#: FTS5 keeps the search index in tables of its own ("shadow tables"), laid out by SQLite's FTS5,
#: which may word them differently from one SQLite version to the next: only their presence counts.
_INDEX_PARTS = "journal_fts_"


def value_problem(table: str, rowid: object, column: str, value: object) -> str | None:
    """The sentence `row_problems` would give for one value read from `table`'s `column`, or None
    when the value keeps its rule. For code that has a few values in hand and no time for the
    whole check (what the window paints before the check has run)."""
    rule = RULES[table].columns[column]
    if holds(rule, value):
        return None
    if value is None:
        return f"{_row(table, rowid)} has no {without_article(rule.name)}."
    return f"{_row(table, rowid)} has {why(rule, value)}."


# -- the checks ----------------------------------------------------------------------------------------


def row_problems(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """Up to `limit` sentences, each naming what breaks the schema's rules and where; [] for a sound
    file. Meant to follow a passing `PRAGMA quick_check` (it trusts the pages). Reads only.

    Each sentence completes "“ours.revmentor” is damaged: …", e.g. "journal entry 12 has a session
    date “banana”, which is not a date."
    """
    problems: list[str] = []
    for problem in _problems(conn, limit):
        problems.append(problem)
        if len(problems) >= limit:
            break
    return problems


def _problems(conn: sqlite3.Connection, limit: int) -> Iterator[str]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not isinstance(version, int) or not 1 <= version <= len(STEPS):
        return  # not a layout we know: the header check (and Store.open) report the version
    layout = list(_layout_problems(conn, version))
    if layout:
        yield from layout
        return  # the checks below need the tables and columns the layout promises
    yield from _partnership_problems(conn)
    rules = _rules_at(version)
    for table, spec in rules.items():
        yield from _rule_problems(conn, table, spec, limit)
    yield from _foreign_key_problems(conn, limit)
    for table, spec in rules.items():
        yield from _text_problems(conn, table, spec, limit)
    yield from _index_problems(conn)


@cache
def _expected_layout(version: int) -> dict[tuple[str, str], str | None]:
    """(type, name) → CREATE statement of every object a file of `version` holds, made the way a new
    file is made: by running the migration steps on an empty database."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in STEPS[:version]:
            step(conn)
        return _layout(conn)
    finally:
        conn.close()


@cache
def _rules_at(version: int) -> dict[str, Table]:
    """The rules of the tables and columns a file of `version` holds (an older file, checked before
    it is upgraded, lacks the tables and columns later steps add)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in STEPS[:version]:
            step(conn)
        held = {str(name) for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        rules: dict[str, Table] = {}
        for table, spec in RULES.items():
            if table in held:
                columns = {str(row[1]) for row in conn.execute(f"PRAGMA table_info({quoted(table)})")}
                rules[table] = Table(spec.row, {c: r for c, r in spec.columns.items() if c in columns})
        return rules
    finally:
        conn.close()


def _layout(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite^_%' ESCAPE '^'"
    ).fetchall()
    return {(str(t), str(n)): None if s is None else " ".join(str(s).split()) for t, n, s in rows}


def _layout_problems(conn: sqlite3.Connection, version: int) -> Iterator[str]:
    """The file's tables, indexes and triggers must be exactly those its version's steps make: a
    missing table or column fails every read of it, and a trigger of someone else's every write."""
    expected = _expected_layout(version)
    actual = _layout(conn)
    for (kind, name), sql in expected.items():
        if (kind, name) not in actual:
            yield f"its {kind} {show(name)} is missing, so it cannot be opened."
        elif sql != actual[(kind, name)] and not name.startswith(_INDEX_PARTS):
            yield f"its {kind} {show(name)} is not laid out as RevMentor made it."
    for kind, name in actual:
        if (kind, name) not in expected:
            yield f"it holds a {kind} {show(name)} that RevMentor did not make."


def _partnership_problems(conn: sqlite3.Connection) -> Iterator[str]:
    count, lowest = conn.execute("SELECT count(*), min(rowid) FROM partnership").fetchone()
    if count == 0:
        yield "it holds no partnership."
    elif count > 1:
        yield f"it holds {count:,} partnerships, where a file holds exactly one."
    elif lowest != 1:
        yield f"its partnership is numbered {lowest}, where it should be 1."


def _rule_query(table: str, spec: Table) -> tuple[str, tuple[str, ...]]:
    return _rule_query_of(table, tuple(spec.columns))


@cache
def _rule_query_of(table: str, held: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """One query finding, in a single pass, the rows of `table` that break any of the rules of its
    `held` columns: it returns each such row's rowid and the index (in the returned columns) of its
    first bad column."""
    columns: list[str] = []
    conditions: list[str] = []
    for column in held:
        rule = RULES[table].columns[column]
        sql = bad_sql(column, rule)
        if sql is not None:
            columns.append(column)
            conditions.append(sql)
    first = " ".join(f"WHEN {sql} THEN {i}" for i, sql in enumerate(conditions))
    anywhere = " OR ".join(f"({sql})" for sql in conditions)
    return (f"SELECT rowid, CASE {first} END FROM {quoted(table)} WHERE {anywhere} ORDER BY rowid LIMIT ?",
            tuple(columns))


def _rule_problems(conn: sqlite3.Connection, table: str, spec: Table, limit: int) -> Iterator[str]:
    sql, columns = _rule_query(table, spec)
    for rowid, index in conn.execute(sql, (limit,)).fetchall():
        column = columns[index]
        value = _value(conn, table, column, rowid)
        rule = spec.columns[column]
        if value is None:
            yield f"{_row(table, rowid)} has no {without_article(rule.name)}."
        else:  # not value_problem: the SQL found the value bad, so say so even if Python differed
            yield f"{_row(table, rowid)} has {why(rule, value)}."


def _row(table: str, rowid: object) -> str:
    return (RULES[table].row if table in RULES else f"{table} {{id}}").format(id=rowid)


def _value(conn: sqlite3.Connection, table: str, column: str, rowid: int) -> object:
    """One value as stored; text comes over as bytes (it need not be valid UTF-8), then decoded
    with every byte that is not text kept (as a surrogate escape) so that `show` can print it."""
    c = quoted(column)
    kind, value = conn.execute(
        f"SELECT typeof({c}), CASE WHEN typeof({c}) = 'text' THEN CAST({c} AS BLOB) ELSE {c} END"
        f" FROM {quoted(table)} WHERE rowid = ?",
        (rowid,),
    ).fetchone()
    if kind == "text" and isinstance(value, bytes):
        return value.decode(_codec(conn), "surrogateescape")
    return value


def _codec(conn: sqlite3.Connection) -> str:
    encoding = str(conn.execute("PRAGMA encoding").fetchone()[0]).lower()
    return {"utf-16le": "utf-16-le", "utf-16be": "utf-16-be"}.get(encoding, "utf-8")


def _foreign_key_problems(conn: sqlite3.Connection, limit: int) -> Iterator[str]:
    for table, rowid, parent, fkid in conn.execute("PRAGMA foreign_key_check").fetchmany(limit):
        keys = conn.execute(f"PRAGMA foreign_key_list({quoted(table)})").fetchall()
        column = next(str(k[3]) for k in keys if k[0] == fkid)
        target = _row(parent, show(_value(conn, table, column, rowid)))
        yield f"{_row(table, rowid)} refers to {target}, which does not exist."


def _text_problems(conn: sqlite3.Connection, table: str, spec: Table, limit: int) -> Iterator[str]:
    """What only reading the text tells: text Python cannot decode (every read of its row fails
    with "Could not decode to UTF-8", and no SQL function tests it) and creation times that
    `datetime.fromisoformat` — what the app reads them with — does not take. So the text is read
    the way the app reads it, in one pass run by C code alone (`deque(map(…))`: no Python line
    per row); only for a file that fails is each value looked at."""
    stamps = [c for c, rule in spec.columns.items() if rule.kind is Kind.DATETIME]
    texts = [c for c, rule in spec.columns.items() if rule.kind is Kind.TEXT]
    columns = stamps + texts
    if not columns:
        return
    undecodable = bad_stamps = False
    try:
        rows = conn.execute(f"SELECT {', '.join(map(quoted, columns))} FROM {quoted(table)}")
        if stamps:
            deque(map(datetime.fromisoformat, map(itemgetter(0), rows)), maxlen=0)
        else:
            deque(rows, maxlen=0)  # decoding each value is the check
        for stamp in stamps[1:]:
            rows = conn.execute(f"SELECT {quoted(stamp)} FROM {quoted(table)}")
            deque(map(datetime.fromisoformat, map(itemgetter(0), rows)), maxlen=0)
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc).lower():
            raise
        undecodable = True
    except (TypeError, ValueError):  # a creation time that does not parse (or is not text)
        bad_stamps = True
    if bad_stamps:
        for stamp in stamps:
            yield from _unparsed_stamps(conn, table, spec, stamp, limit)
        try:  # the pass stopped at that row: read the rest of the text
            deque(conn.execute(f"SELECT {', '.join(map(quoted, texts))} FROM {quoted(table)}"), maxlen=0)
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc).lower():
                raise
            undecodable = True
    if undecodable:
        yield from _undecodable(conn, table, spec, columns)


def _unparsed_stamps(conn: sqlite3.Connection, table: str, spec: Table, column: str,
                     limit: int) -> Iterator[str]:
    c = quoted(column)
    rows = conn.execute(f"SELECT rowid, CAST({c} AS BLOB) FROM {quoted(table)} WHERE typeof({c}) = 'text'"
                        " ORDER BY rowid")  # as bytes: the text may not be UTF-8 either
    codec = _codec(conn)
    found = 0
    for rowid, data in rows:
        value = bytes(data).decode(codec, "surrogateescape")
        if not is_datetime(value):
            yield f"{_row(table, rowid)} has {why(spec.columns[column], value)}."
            found += 1
            if found >= limit:
                return


def _undecodable(conn: sqlite3.Connection, table: str, spec: Table,
                 columns: list[str]) -> Iterator[str]:
    codec = _codec(conn)
    for column in columns:
        c = quoted(column)
        rows = conn.execute(f"SELECT rowid, CAST({c} AS BLOB) FROM {quoted(table)}"
                            f" WHERE typeof({c}) = 'text' ORDER BY rowid")
        for rowid, data in rows:
            try:
                bytes(data).decode(codec)
            except UnicodeDecodeError:
                shown = show(bytes(data).decode(codec, "surrogateescape"))
                name = spec.columns[column].name
                yield f"{_row(table, rowid)} has {name} {shown}, which is not readable text."


def _index_problems(conn: sqlite3.Connection) -> Iterator[str]:
    """The search index is checked by using it: a search reads its configuration and structure."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (_INDEX,)).fetchone() is None:
        return  # a version-1 file: the index comes with the upgrade
    try:
        conn.execute(f"SELECT rowid FROM {_INDEX} WHERE {_INDEX} MATCH 'revmentor' LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        yield f"its search index cannot be read ({exc})."
