"""What a share file carries, kind by kind: each record's fields in the share's words, how each is
checked (the same validators every write uses), and whose the record is.

Three shapes of record (see data/share_merge.py for what an import does with each):

* **shared** — both partners edit it (the agreement, goals, milestones, sessions, action items,
  snapshots, skills, reviews and their goals): merged record by record, three-way;
* **authored** — one partner's own (their SWOT grid, their skill ratings, their check-ins): the
  author's version always wins, and a record of mine is never touched by theirs;
* **sides** of a shared record — a session's takeaway, feedback and usefulness rating, a review's
  taught / learned / changed: each partner writes their own side, which comes in as theirs.

Records are plain JSON values here ("canonical" form: dates as ISO text, references to other records
by stable id), so the same dict is written to a share, compared, and digested.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from revmentor_desktop.data import validation as v
from revmentor_desktop.data.vocab import Role

Canon = dict[str, Any]

#: how many positions a list may hold (a share names it; nothing real comes near)
POSITION_MAX = 10_000_000


_HEX32 = re.compile("[0-9a-f]{32}")


def is_uid(value: object) -> bool:
    """A stable id (or a digest): 32 lowercase hex digits."""
    return isinstance(value, str) and _HEX32.fullmatch(value) is not None


def one_line(text: str, limit: int = 300) -> str:
    """Text from a share made safe for a one-line message: runs of spaces and line breaks become one
    space, anything else invisible or controlling (escape codes, bidi marks) is shown escaped, and
    it is cut at `limit` characters."""
    flat = " ".join(text.split())
    shown = "".join(ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace")
                    .decode("ascii") for ch in flat)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def other(role: str) -> str:
    return Role.MENTEE if role == Role.MENTOR else Role.MENTOR


def digest(data: Mapping[str, Any]) -> str:
    """A record's fingerprint: equal digests, equal content (canonical JSON, sorted keys)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def iso(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


# -- checking what a share holds ------------------------------------------------------------------------

Check = Callable[[Any], Any]


def _date(label: str, *, required: bool = False) -> Check:
    def check(x: Any) -> Any:
        if not isinstance(x, str | None):
            raise v.ValidationError(f"{label} must be a date written YYYY-MM-DD.")
        return iso(v.check_date(x, label, required=required))
    return check


def _refuse(message: str) -> Any:
    raise v.ValidationError(message)


def _int(label: str, lo: int, hi: int, *, optional: bool = False) -> Check:
    return lambda x: v.check_int(x, label, lo, hi, optional=optional)


def _text(validator: v.Validator) -> Check:
    return lambda x: validator(x) if isinstance(x, str) else _refuse("A text field holds something else.")


def _uid(label: str, *, optional: bool = False) -> Check:
    def check(x: Any) -> Any:
        if x is None and optional:
            return None
        if not is_uid(x):
            raise v.ValidationError(f"{label} is not a stable id.")
        return x
    return check


def _uid_list(label: str) -> Check:
    def check(x: Any) -> Any:
        if not isinstance(x, list) or len(x) > 10_000:
            raise v.ValidationError(f"{label} must be a list of stable ids.")
        return sorted({_uid(label)(u) for u in x})
    return check


def _names(label: str) -> Check:
    def check(x: Any) -> Any:
        if not isinstance(x, list) or len(x) > 1_000:
            raise v.ValidationError(f"{label} must be a list of names.")
        out: list[str] = []
        for name in x:
            clean = v.clean_focus_area(name) if isinstance(name, str) else _refuse(f"{label} holds a non-name.")
            if clean not in out:
                out.append(clean)
        return out
    return check


def _snapshot_items(x: Any) -> Any:
    if not isinstance(x, list) or len(x) > 10_000:
        raise v.ValidationError("A snapshot's items must be a list.")
    out = []
    for item in x:
        if not (isinstance(item, list) and len(item) == 4):
            raise v.ValidationError("A snapshot item must be [grid, quadrant, text, position].")
        grid, quadrant, text, position = item
        out.append([v.SWOT_FIELDS["grid"](grid), v.SWOT_FIELDS["quadrant"](quadrant),
                    _text(v.SWOT_FIELDS["text"])(text), _int("A position", 0, POSITION_MAX)(position)])
    return out


_DATES = {"target_date": False, "done_on": False, "due_on": False, "held_on": True, "rated_on": True,
          "taken_on": True, "next_review_date": False, "start_date": True, "review_date": False,
          "closed_on": False}


def _field(fields: Mapping[str, v.Validator], name: str) -> Check:
    """A column's own validator (strict on types already), for the share's JSON value of it;
    dates stay ISO text in canonical form."""
    if name in _DATES:
        return _date(name.replace("_", " ").capitalize(), required=_DATES[name])
    return fields[name]


_POS = _int("A position", 0, POSITION_MAX)


@dataclass(frozen=True)
class Kind:
    """One kind of record. `fields` are the shared (or, when `authored`, the author's) fields,
    `side` the fields each partner writes for themselves (on a shared record)."""

    name: str
    table: str
    fields: dict[str, Check]
    side: dict[str, Check] = field(default_factory=dict)
    authored: bool = False
    #: field → kind of the record it refers to (by stable id)
    refs: dict[str, str] = field(default_factory=dict)


def _pick(fields: Mapping[str, v.Validator], *names: str) -> dict[str, Check]:
    return {n: _field(fields, n) for n in names}


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("agreement", "partnership", {
        "mentor_name": _text(v.PARTNERSHIP_FIELDS["mentor_name"]),
        "mentee_name": _text(v.PARTNERSHIP_FIELDS["mentee_name"]),
        "organisation": _text(v.PARTNERSHIP_FIELDS["organisation"]),
        **_pick(v.PARTNERSHIP_FIELDS, "start_date", "review_date", "cadence_days", "duration_minutes",
                "check_in_every", "closed_on"),
        "focus_areas": _names("Focus areas"),
    }),
    Kind("clause", "agreement_clause", {
        "text": _text(lambda x: v.clean_clause(x)), "position": _POS}),
    Kind("goal", "goal", {
        **{n: _text(v.GOAL_FIELDS[n]) for n in ("title", "focus_area", "description", "success_measure")},
        **_pick(v.GOAL_FIELDS, "owner", "target_date", "status", "manual_progress"),
        "position": _POS}),
    Kind("milestone", "milestone", {
        "goal": _uid("A milestone's goal"), "title": _text(v.MILESTONE_FIELDS["title"]),
        "done_on": _date("Done date"), "position": _POS}, refs={"goal": "goal"}),
    Kind("entry", "journal_entry", {
        "held_on": _date("Session date", required=True),
        "duration_minutes": _field(v.ENTRY_FIELDS, "duration_minutes"),
        **{n: _text(v.ENTRY_FIELDS[n]) for n in ("topics", "agenda", "notes", "feedback_good",
                                                  "feedback_improve")},
        "rating": _field(v.ENTRY_FIELDS, "rating"),
        "goals": _uid_list("A session's goals"),
    }, side={
        "takeaway": _text(v.ENTRY_FIELDS["mentor_takeaway"]),
        "says_keep": _text(v.ENTRY_FIELDS["mentor_says_keep"]),
        "says_try": _text(v.ENTRY_FIELDS["mentor_says_try"]),
        "rating": _field(v.ENTRY_FIELDS, "mentor_rating"),
    }),
    Kind("action", "action_item", {
        "entry": _uid("An action item's session"), "text": _text(v.ACTION_FIELDS["text"]),
        **_pick(v.ACTION_FIELDS, "owner", "due_on", "done_on"), "position": _POS},
        refs={"entry": "entry"}),
    Kind("swot", "swot_item", {
        **_pick(v.SWOT_FIELDS, "quadrant"), "text": _text(v.SWOT_FIELDS["text"]), "position": _POS},
        authored=True),
    Kind("snapshot", "swot_snapshot", {
        "label": _text(v.text("Snapshot label", required=True, max_len=v.TITLE_MAX)),
        "taken_on": _date("Date taken", required=True), "items": _snapshot_items}),
    Kind("skill", "skill", {
        **{n: _text(v.SKILL_FIELDS[n]) for n in ("name", "focus_area")},
        **_pick(v.SKILL_FIELDS, "owner", "target_level"), "position": _POS}),
    Kind("rating", "skill_rating", {
        "skill": _uid("A rating's skill"), "entry": _uid("A rating's session", optional=True),
        **_pick(v.RATING_FIELDS, "rated_on", "level", "rated_by"), "note": _text(v.RATING_FIELDS["note"])},
        authored=True, refs={"skill": "skill", "entry": "entry"}),
    Kind("check_in", "check_in", {
        **_pick(v.CHECK_IN_FIELDS, "held_on", "usefulness", "goals_still_right"),
        **{n: _text(v.CHECK_IN_FIELDS[n]) for n in ("working", "tweak")}}, authored=True),
    Kind("review", "review", {
        **_pick(v.REVIEW_FIELDS, "kind", "held_on", "decision", "next_review_date"),
        "notes": _text(v.REVIEW_FIELDS["notes"]),
    }, side={
        "taught": _text(v.REVIEW_FIELDS["mentor_taught"]),
        "learned": _text(v.REVIEW_FIELDS["mentor_learned"]),
        "changed": _text(v.REVIEW_FIELDS["mentor_changed"]),
    }),
    Kind("review_goal", "review_goal", {
        "review": _uid("A reviewed goal's review"), "goal": _uid("A reviewed goal", optional=True),
        **{n: _text(v.REVIEW_GOAL_FIELDS[n]) for n in ("goal_title", "expected", "achieved")},
        **_pick(v.REVIEW_GOAL_FIELDS, "progress"), "position": _POS},
        refs={"review": "review", "goal": "goal"}),
)}

#: the order records are written and applied in: every record after those it refers to
ORDER: tuple[str, ...] = tuple(KINDS)


def check_record(kind: Kind, data: Any, side: Any) -> tuple[Canon, Canon | None]:
    """A share's record checked field by field: exactly the kind's fields, each holding what the
    file would take. Raises ValidationError naming what is wrong."""
    if not isinstance(data, dict) or set(data) != set(kind.fields):
        raise v.ValidationError(f"a {kind.name} record has the wrong fields.")
    clean = {name: check(data[name]) for name, check in kind.fields.items()}
    clean_side: Canon | None = None
    if kind.side:
        if not isinstance(side, dict) or set(side) != set(kind.side):
            raise v.ValidationError(f"a {kind.name} record's own side has the wrong fields.")
        clean_side = {name: check(side[name]) for name, check in kind.side.items()}
    elif side is not None:
        raise v.ValidationError(f"a {kind.name} record has a side it cannot have.")
    if kind.name == "agreement":
        v.check_partnership_dates(date.fromisoformat(clean["start_date"]),
                                  clean["review_date"] and date.fromisoformat(clean["review_date"]),
                                  clean["closed_on"] and date.fromisoformat(clean["closed_on"]))
    return clean, clean_side
