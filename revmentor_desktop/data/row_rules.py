"""What each column of the schema may hold (`RULES`, one rule per column of migrations.py's
schema; a test keeps the two in step), and what a rule means: in SQL (`bad_sql`), in Python
(`holds`) and in words for the user (`why`, `show`). `integrity` checks files against them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from revmentor_desktop.data import validation
from revmentor_desktop.data.vocab import SHARE_KINDS


class Kind(Enum):
    ROW_ID = "row id"  # INTEGER PRIMARY KEY: SQLite keeps it a whole number
    WHOLE = "whole number"  # any whole number: a position, a reference to another row
    INTEGER = "integer"  # a whole number in a range
    FLAG = "flag"  # BOOLEAN: 0 or 1
    TEXT = "text"
    CHOICE = "choice"
    DATE = "date"  # YYYY-MM-DD, a real day, between validation.MIN_YEAR and MAX_YEAR
    DATETIME = "datetime"  # text that datetime.fromisoformat reads (as SQLModel does)
    UID = "stable id"  # 32 lowercase hex digits (a record's id in both partners' files)


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
_UID = Rule("a stable id", Kind.UID)
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
        "check_in_every": _int("a check-in interval (sessions)", 1, 52),
        "closed_on": _date("a closing date", nullable=True),
        "checklist_dismissed": Rule("a checklist flag", Kind.FLAG),
        "pair_uid": _UID,
        "last_share_at": Rule("the time of the last share imported", Kind.DATETIME, nullable=True),
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
        "uid": _UID,
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
        "uid": _UID,
    }),
    "milestone": Table("milestone {id}", {
        "id": _ID,
        "goal_id": _whole("a goal"),
        "position": _POSITION,
        "title": _text("a title"),
        "done_on": _date("a done date", nullable=True),
        "uid": _UID,
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
        "mentor_says_keep": _text("the mentor's feedback on what to keep doing"),
        "mentor_says_try": _text("the mentor's feedback on what to try next time"),
        "mentee_says_keep": _text("the mentee's feedback on what to keep doing"),
        "mentee_says_try": _text("the mentee's feedback on what to try next time"),
        "mentor_rating": _int("a mentor's usefulness rating", 1, 5, nullable=True),
        "mentee_rating": _int("a mentee's usefulness rating", 1, 5, nullable=True),
        "uid": _UID,
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
        "uid": _UID,
    }),
    "swot_item": Table("SWOT item {id}", {
        "id": _ID,
        "grid": _choice("a grid", *_ROLES),
        "quadrant": _choice("a quadrant", *_QUADRANTS),
        "text": _text("a wording"),
        "position": _POSITION,
        "uid": _UID,
    }),
    "swot_snapshot": Table("SWOT snapshot {id}", {
        "id": _ID,
        "label": _text("a label"),
        "taken_on": _date("a date taken"),
        "created_at": _CREATED,
        "uid": _UID,
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
        "uid": _UID,
    }),
    "skill_rating": Table("skill rating {id}", {
        "id": _ID,
        "skill_id": _whole("a skill"),
        "rated_on": _date("a rating date"),
        "level": _int("a level", 1, 5),
        "rated_by": _choice("a rater", "self", "partner"),
        "note": _text("a note"),
        "entry_id": _whole("a journal entry", nullable=True),
        "uid": _UID,
    }),
    "check_in": Table("check-in {id}", {
        "id": _ID,
        "held_on": _date("a check-in date"),
        "author": _choice("an author", *_ROLES),
        "working": _text("what is working"),
        "tweak": _text("what to tweak"),
        "usefulness": _int("a usefulness rating", 1, 5, nullable=True),
        "goals_still_right": _choice("an answer on the goals", "", "yes", "partly", "no"),
        "created_at": _CREATED,
        "uid": _UID,
    }),
    "review": Table("review {id}", {
        "id": _ID,
        "kind": _choice("a kind of review", "midpoint", "closing"),
        "held_on": _date("a review date"),
        "mentor_taught": _text("what the mentor taught"),
        "mentor_learned": _text("what the mentor learned"),
        "mentee_taught": _text("what the mentee taught"),
        "mentee_learned": _text("what the mentee learned"),
        "mentor_changed": _text("what changed for the mentor"),
        "mentee_changed": _text("what changed for the mentee"),
        "notes": _text("notes"),
        "decision": _choice("a decision", "", "continue", "adjust", "close"),
        "next_review_date": _date("a next review date", nullable=True),
        "created_at": _CREATED,
        "uid": _UID,
    }),
    "review_goal": Table("reviewed goal {id}", {
        "id": _ID,
        "review_id": _whole("a review"),
        "goal_id": _whole("a goal", nullable=True),
        "position": _POSITION,
        "goal_title": _text("a goal title"),
        "expected": _text("what was expected"),
        "achieved": _text("what was achieved"),
        "progress": _int("a progress", 0, 100),
        "private": _PRIVATE,
        "uid": _UID,
    }),
    "exchange_seen": Table("the exchange record in row {id}", {  # no id: its rowid names it
        "kind": _choice("a kind of record", *SHARE_KINDS),
        "uid": _UID,
        "digest": _text("a digest"),
    }),
}

_SHOWN = 40  # characters of a bad value shown in a sentence
_FIRST_DAY = f"{validation.MIN_YEAR:04d}-01-01"
_LAST_DAY = f"{validation.MAX_YEAR:04d}-12-31"


# -- what each rule means in SQL, and in words ---------------------------------------------------------


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def bad_sql(column: str, rule: Rule) -> str | None:
    """SQL that is true for a value breaking `rule` (None: SQLite itself guarantees the rule).

    Written so that NULL, a value of another storage type, and an out-of-range value all come out
    true: `(… ) IS NOT 1` is true for false and for NULL. `x IS NULL` is avoided on purpose — the
    query planner drops it for a NOT NULL column, and a damaged file can still hold a NULL there.
    """
    c = quoted(column)
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
    if rule.kind is Kind.UID:
        return f"{present}(typeof({c}) = 'text' AND length({c}) = 32 AND {c} NOT GLOB '*[^0-9a-f]*') IS NOT 1"
    # DATETIME: text here; whether it parses is checked by parsing it, in `integrity._text_problems`.
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


_UID_TEXT = re.compile(r"[0-9a-f]{32}")


def is_uid(text: str) -> bool:
    return _UID_TEXT.fullmatch(text) is not None


def is_datetime(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def why(rule: Rule, value: object) -> str:
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
    if rule.kind is Kind.UID and not is_uid(value):
        return f"{rule.name} {show(value)}, which is not 32 hexadecimal digits"
    if rule.kind is Kind.DATETIME and not is_datetime(value):
        return f"{rule.name} {show(value)}, which is not a date and time"
    if rule.kind is Kind.DATE:
        return (f"{rule.name} {show(value)}, which is not between {validation.MIN_YEAR} and "
                f"{validation.MAX_YEAR}")
    return f"{rule.name} {show(value)}, which RevMentor cannot read"  # not reached: kept honest


def holds(rule: Rule, value: object) -> bool:
    """`value` keeps `rule`: the Python twin of `bad_sql` (and of the parse in `integrity._text_problems`)."""
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
        return is_datetime(value)
    if rule.kind is Kind.UID:
        return is_uid(value)
    return True


def without_article(name: str) -> str:
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
