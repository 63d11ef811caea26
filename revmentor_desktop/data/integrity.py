"""What `PRAGMA quick_check` does not see: rows that break the schema's rules, as sentences for the user.

SQLite stores what it is given — 'sixty' in an INTEGER column, '2024-02-30' in a DATE column — and
`quick_check` does not test CHECK constraints. Any such value makes some tab or the PDF fail, so a
file holding one is damaged. `row_problems` checks a file against `RULES` (one rule per column of
migrations.py's schema; a test keeps the two in step) with one set-based query per table, plus the
file's layout, its foreign keys and that its text is valid UTF-8. It reads only, and never raises
for a value it finds: only SQLite itself can raise (sqlite3.Error, which callers treat as damage).

Cost, on the 10,000-session sample (2-core CI machine): about 65 ms, where quick_check takes 25 —
half of it SQLite evaluating the rules row by row, most of the rest decoding the journal's text.
A file of a few hundred sessions takes a few milliseconds.
"""

from __future__ import annotations

import re
import sqlite3
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from operator import itemgetter

from revmentor_desktop.data import validation
from revmentor_desktop.data.migrations import STEPS


class Kind(Enum):
    ROW_ID = "row id"  # INTEGER PRIMARY KEY: SQLite keeps it a whole number
    WHOLE = "whole number"  # any whole number: a position, a reference to another row
    INTEGER = "integer"  # a whole number in a range
    FLAG = "flag"  # BOOLEAN: 0 or 1
    TEXT = "text"
    CHOICE = "choice"
    DATE = "date"  # YYYY-MM-DD, a real day, between validation.MIN_YEAR and MAX_YEAR
    DATETIME = "datetime"  # text that datetime.fromisoformat reads (as SQLModel does)


@dataclass(frozen=True)
class Rule:
    """What one column may hold. `name` is the user's word for it, with its article."""

    name: str
    kind: Kind
    nullable: bool = False
    lo: int = 0  # INTEGER: the range allowed
    hi: int = 0
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """`row` names one row for the user; "{id}" is replaced by its rowid."""

    row: str
    columns: dict[str, Rule]


def _whole(name: str, *, nullable: bool = False) -> Rule:
    return Rule(name, Kind.WHOLE, nullable)


def _int(name: str, lo: int, hi: int, *, nullable: bool = False) -> Rule:
    return Rule(name, Kind.INTEGER, nullable, lo, hi)


def _text(name: str) -> Rule:
    return Rule(name, Kind.TEXT)


def _choice(name: str, *choices: str) -> Rule:
    return Rule(name, Kind.CHOICE, choices=choices)


def _date(name: str, *, nullable: bool = False) -> Rule:
    return Rule(name, Kind.DATE, nullable)


_ID = Rule("an id", Kind.ROW_ID)
_POSITION = _whole("a position")
_CREATED = Rule("a creation time", Kind.DATETIME)
_PRIVATE = Rule("a private flag", Kind.FLAG)
_ROLES = ("mentor", "mentee")
_QUADRANTS = ("S", "W", "O", "T")

#: Every column of every table of the schema (migrations.py), in its order, with what it may hold.
#: Ranges and choices are the schema's CHECK constraints, which are also what data/ops.py validates.
RULES: dict[str, Table] = {
    "partnership": Table("the partnership", {
        "id": _ID,
        "mentor_name": _text("a mentor's name"),
        "mentee_name": _text("a mentee's name"),
        "me": _choice("a role", *_ROLES),
        "organisation": _text("an organisation"),
        "start_date": _date("a start date"),
        "review_date": _date("a review date", nullable=True),
        "cadence_days": _int("a meeting cadence (days)", 1, 365),
        "duration_minutes": _int("a usual duration (minutes)", 5, 600),
        "created_at": _CREATED,
    }),
    "focus_area": Table("focus area {id}", {
        "id": _ID,
        "name": _text("a name"),
        "position": _POSITION,
    }),
    "agreement_clause": Table("agreement clause {id}", {
        "id": _ID,
        "position": _POSITION,
        "text": _text("a wording"),
    }),
    "goal": Table("goal {id}", {
        "id": _ID,
        "title": _text("a title"),
        "owner": _choice("an owner", "mentor", "mentee", "shared"),
        "focus_area": _text("a focus area"),
        "description": _text("a description"),
        "success_measure": _text("a success measure"),
        "target_date": _date("a target date", nullable=True),
        "status": _choice("a status", "not_started", "in_progress", "achieved", "dropped"),
        "manual_progress": _int("a progress", 0, 100),
        "private": _PRIVATE,
        "position": _POSITION,
        "created_at": _CREATED,
    }),
    "milestone": Table("milestone {id}", {
        "id": _ID,
        "goal_id": _whole("a goal"),
        "position": _POSITION,
        "title": _text("a title"),
        "done_on": _date("a done date", nullable=True),
    }),
    "journal_entry": Table("journal entry {id}", {
        "id": _ID,
        "held_on": _date("a session date"),
        "duration_minutes": _int("a duration (minutes)", 0, 1440),
        "topics": _text("topics"),
        "agenda": _text("an agenda"),
        "notes": _text("notes"),
        "mentor_takeaway": _text("a mentor's takeaway"),
        "mentee_takeaway": _text("a mentee's takeaway"),
        "feedback_good": _text("feedback on what went well"),
        "feedback_improve": _text("feedback on what to improve"),
        "rating": _int("a usefulness rating", 1, 5, nullable=True),
        "private": _PRIVATE,
        "created_at": _CREATED,
    }),
    "entry_goal": Table("the goal link in row {id}", {  # no id: its rowid names it
        "entry_id": _whole("a journal entry"),
        "goal_id": _whole("a goal"),
    }),
    "action_item": Table("action item {id}", {
        "id": _ID,
        "entry_id": _whole("a journal entry"),
        "position": _POSITION,
        "text": _text("a wording"),
        "owner": _choice("an owner", "mentor", "mentee", "both"),
        "due_on": _date("a due date", nullable=True),
        "done_on": _date("a done date", nullable=True),
    }),
    "swot_item": Table("SWOT item {id}", {
        "id": _ID,
        "grid": _choice("a grid", *_ROLES),
        "quadrant": _choice("a quadrant", *_QUADRANTS),
        "text": _text("a wording"),
        "position": _POSITION,
    }),
    "swot_snapshot": Table("SWOT snapshot {id}", {
        "id": _ID,
        "label": _text("a label"),
        "taken_on": _date("a date taken"),
        "created_at": _CREATED,
    }),
    "swot_snapshot_item": Table("SWOT snapshot item {id}", {
        "id": _ID,
        "snapshot_id": _whole("a snapshot"),
        "grid": _choice("a grid", *_ROLES),
        "quadrant": _choice("a quadrant", *_QUADRANTS),
        "text": _text("a wording"),
        "position": _POSITION,
    }),
    "skill": Table("skill {id}", {
        "id": _ID,
        "name": _text("a name"),
        "owner": _choice("an owner", *_ROLES),
        "focus_area": _text("a focus area"),
        "target_level": _int("a target level", 1, 5),
        "position": _POSITION,
    }),
    "skill_rating": Table("skill rating {id}", {
        "id": _ID,
        "skill_id": _whole("a skill"),
        "rated_on": _date("a rating date"),
        "level": _int("a level", 1, 5),
        "rated_by": _choice("a rater", "self", "partner"),
        "note": _text("a note"),
        "entry_id": _whole("a journal entry", nullable=True),
    }),
}

_SHOWN = 40  # characters of a bad value shown in a sentence
_FIRST_DAY = f"{validation.MIN_YEAR:04d}-01-01"
_LAST_DAY = f"{validation.MAX_YEAR:04d}-12-31"
_INDEX = "journal_fts"
#: FTS5 keeps the search index in tables of its own ("shadow tables"), laid out by SQLite's FTS5,
#: which may word them differently from one SQLite version to the next: only their presence counts.
_INDEX_PARTS = "journal_fts_"


# -- what each rule means in SQL, and in words ---------------------------------------------------------


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _bad_sql(column: str, rule: Rule) -> str | None:
    """SQL that is true for a value breaking `rule` (None: SQLite itself guarantees the rule).

    Written so that NULL, a value of another storage type, and an out-of-range value all come out
    true: `(… ) IS NOT 1` is true for false and for NULL. `x IS NULL` is avoided on purpose — the
    query planner drops it for a NOT NULL column, and a damaged file can still hold a NULL there.
    """
    c = _q(column)
    present = f"{c} IS NOT NULL AND " if rule.nullable else ""
    if rule.kind is Kind.ROW_ID:
        return None  # an INTEGER PRIMARY KEY is the rowid: always a whole number
    if rule.kind is Kind.WHOLE:
        return f"{present}typeof({c}) != 'integer'"
    if rule.kind is Kind.INTEGER:
        return f"{present}(typeof({c}) = 'integer' AND {c} BETWEEN {rule.lo} AND {rule.hi}) IS NOT 1"
    if rule.kind is Kind.FLAG:
        return f"{present}(typeof({c}) = 'integer' AND {c} IN (0, 1)) IS NOT 1"
    if rule.kind is Kind.TEXT:
        return f"{present}typeof({c}) != 'text'"
    if rule.kind is Kind.CHOICE:
        choices = ", ".join("'" + x.replace("'", "''") + "'" for x in rule.choices)
        return f"{present}({c} IN ({choices})) IS NOT 1"
    if rule.kind is Kind.DATE:
        # date(x, '+0 days') rolls 2024-02-30 over into March and is NULL for 'banana' or month
        # 13: only a real day written YYYY-MM-DD comes back as it went in. (Without `present`:
        # for NULL the test is NULL, which a nullable column lets pass and `IS NOT 0` does not.)
        bad = f"{c} IS NOT date({c}, '+0 days') OR {c} NOT BETWEEN '{_FIRST_DAY}' AND '{_LAST_DAY}'"
        return bad if rule.nullable else f"({bad}) IS NOT 0"
    # DATETIME: text here; whether it parses is checked by parsing it, in `_text_problems`.
    return f"{present}typeof({c}) != 'text'"


_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_date(text: str) -> bool:
    if not _DATE_TEXT.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _is_datetime(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _why(rule: Rule, value: object) -> str:
    """Why `value` breaks `rule`, as the end of a sentence: "has a … “x”, which is not …"."""
    whole = rule.kind in (Kind.ROW_ID, Kind.WHOLE, Kind.INTEGER, Kind.FLAG)
    if isinstance(value, bytes):
        kind = "a whole number" if whole else "text"
        return f"{rule.name} stored as {show(value)}, which is not {kind}"
    if whole:
        if not isinstance(value, int):
            return f"{rule.name} {show(value)}, which is not a whole number"
        if rule.kind is Kind.FLAG:
            return f"{rule.name} {show(value)}, which is neither 0 (no) nor 1 (yes)"
        return f"{rule.name} {show(value)}, which is not from {rule.lo} to {rule.hi}"
    if not isinstance(value, str):
        return f"{rule.name} stored as the number {show(value)}, which is not text"
    if rule.kind is Kind.CHOICE:
        return f"{rule.name} {show(value)}, which is not one of {', '.join(rule.choices)}"
    if rule.kind is Kind.DATE and not _is_date(value):
        return f"{rule.name} {show(value)}, which is not a date"
    if rule.kind is Kind.DATETIME and not _is_datetime(value):
        return f"{rule.name} {show(value)}, which is not a date and time"
    if rule.kind is Kind.DATE:
        return (f"{rule.name} {show(value)}, which is not between {validation.MIN_YEAR} and "
                f"{validation.MAX_YEAR}")
    return f"{rule.name} {show(value)}, which RevMentor cannot read"  # not reached: kept honest


def _holds(rule: Rule, value: object) -> bool:
    """`value` keeps `rule`: the Python twin of `_bad_sql` (and of the parse in `_text_problems`)."""
    if value is None:
        return rule.nullable
    if rule.kind in (Kind.ROW_ID, Kind.WHOLE, Kind.INTEGER, Kind.FLAG):
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        if rule.kind is Kind.FLAG:
            return value in (0, 1)
        return rule.kind is not Kind.INTEGER or rule.lo <= value <= rule.hi
    if not isinstance(value, str):
        return False
    if rule.kind is Kind.CHOICE:
        return value in rule.choices
    if rule.kind is Kind.DATE:
        return _is_date(value) and _FIRST_DAY <= value <= _LAST_DAY
    if rule.kind is Kind.DATETIME:
        return _is_datetime(value)
    return True


def value_problem(table: str, rowid: object, column: str, value: object) -> str | None:
    """The sentence `row_problems` would give for one value read from `table`'s `column`, or None
    when the value keeps its rule. For code that has a few values in hand and no time for the
    whole check (what the window paints before the check has run)."""
    rule = RULES[table].columns[column]
    if _holds(rule, value):
        return None
    if value is None:
        return f"{_row(table, rowid)} has no {_without_article(rule.name)}."
    return f"{_row(table, rowid)} has {_why(rule, value)}."


def _without_article(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if first in ("a", "an") else name


def show(value: object) -> str:
    """A value as a sentence shows it, like repr() but for people: text in curly quotes and cut to
    about 40 characters, every character visible — control and invisible characters, quotes and
    bytes that are not text escaped — so a value can neither break the line nor hide."""
    if value is None:
        return "nothing"
    if isinstance(value, bytes):
        return f"binary data ({len(value):,} byte{'' if len(value) == 1 else 's'})"
    if isinstance(value, float | int):
        text = repr(value)
        return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
    text = str(value)
    visible = "".join(_visible(ch) for ch in text[:_SHOWN])
    return f"“{visible}{'…' if len(text) > _SHOWN else ''}”"


def _visible(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":  # a byte that is not text (decoded with surrogateescape)
        return f"\\x{ord(ch) - 0xDC00:02x}"
    if ch.isprintable() and ch not in "“”\\":
        return ch
    return ch.encode("unicode_escape").decode("ascii")


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
    for table, spec in RULES.items():
        yield from _rule_problems(conn, table, spec, limit)
    yield from _foreign_key_problems(conn, limit)
    for table, spec in RULES.items():
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


@cache
def _rule_query(table: str) -> tuple[str, tuple[str, ...]]:
    """One query finding, in a single pass, the rows of `table` that break any of its rules: it
    returns each such row's rowid and the index (in the returned columns) of its first bad column."""
    columns: list[str] = []
    conditions: list[str] = []
    for column, rule in RULES[table].columns.items():
        sql = _bad_sql(column, rule)
        if sql is not None:
            columns.append(column)
            conditions.append(sql)
    first = " ".join(f"WHEN {sql} THEN {i}" for i, sql in enumerate(conditions))
    anywhere = " OR ".join(f"({sql})" for sql in conditions)
    return (f"SELECT rowid, CASE {first} END FROM {_q(table)} WHERE {anywhere} ORDER BY rowid LIMIT ?",
            tuple(columns))


def _rule_problems(conn: sqlite3.Connection, table: str, spec: Table, limit: int) -> Iterator[str]:
    sql, columns = _rule_query(table)
    for rowid, index in conn.execute(sql, (limit,)).fetchall():
        column = columns[index]
        value = _value(conn, table, column, rowid)
        rule = spec.columns[column]
        if value is None:
            yield f"{_row(table, rowid)} has no {_without_article(rule.name)}."
        else:  # not value_problem: the SQL found the value bad, so say so even if Python differed
            yield f"{_row(table, rowid)} has {_why(rule, value)}."


def _row(table: str, rowid: object) -> str:
    return (RULES[table].row if table in RULES else f"{table} {{id}}").format(id=rowid)


def _value(conn: sqlite3.Connection, table: str, column: str, rowid: int) -> object:
    """One value as stored; text comes over as bytes (it need not be valid UTF-8), then decoded
    with every byte that is not text kept (as a surrogate escape) so that `show` can print it."""
    c = _q(column)
    kind, value = conn.execute(
        f"SELECT typeof({c}), CASE WHEN typeof({c}) = 'text' THEN CAST({c} AS BLOB) ELSE {c} END"
        f" FROM {_q(table)} WHERE rowid = ?",
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
        keys = conn.execute(f"PRAGMA foreign_key_list({_q(table)})").fetchall()
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
        rows = conn.execute(f"SELECT {', '.join(map(_q, columns))} FROM {_q(table)}")
        if stamps:
            deque(map(datetime.fromisoformat, map(itemgetter(0), rows)), maxlen=0)
        else:
            deque(rows, maxlen=0)  # decoding each value is the check
        for stamp in stamps[1:]:
            rows = conn.execute(f"SELECT {_q(stamp)} FROM {_q(table)}")
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
            deque(conn.execute(f"SELECT {', '.join(map(_q, texts))} FROM {_q(table)}"), maxlen=0)
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc).lower():
                raise
            undecodable = True
    if undecodable:
        yield from _undecodable(conn, table, spec, columns)


def _unparsed_stamps(conn: sqlite3.Connection, table: str, spec: Table, column: str,
                     limit: int) -> Iterator[str]:
    c = _q(column)
    rows = conn.execute(f"SELECT rowid, CAST({c} AS BLOB) FROM {_q(table)} WHERE typeof({c}) = 'text'"
                        " ORDER BY rowid")  # as bytes: the text may not be UTF-8 either
    codec = _codec(conn)
    found = 0
    for rowid, data in rows:
        value = bytes(data).decode(codec, "surrogateescape")
        if not _is_datetime(value):
            yield f"{_row(table, rowid)} has {_why(spec.columns[column], value)}."
            found += 1
            if found >= limit:
                return


def _undecodable(conn: sqlite3.Connection, table: str, spec: Table,
                 columns: list[str]) -> Iterator[str]:
    codec = _codec(conn)
    for column in columns:
        c = _q(column)
        rows = conn.execute(f"SELECT rowid, CAST({c} AS BLOB) FROM {_q(table)}"
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
