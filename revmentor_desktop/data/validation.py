"""Checks on everything the user types before it reaches the file, with messages a user can read.

Text policy (the same for every field): line endings become "\\n"; NUL and other control characters
except tab and newline (C0, DEL and C1) are removed; lone surrogates (which cannot be stored as UTF-8) become U+FFFD.
Everything else — markup, right-to-left text, emoji — is kept exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from revmentor_desktop.data.vocab import (
    ActionOwner,
    GoalOwner,
    GoalsStillRight,
    GoalStatus,
    Quadrant,
    RatedBy,
    ReviewDecision,
    ReviewKind,
    Role,
)

MIN_YEAR = 1900
MAX_YEAR = 2200

NAME_MAX = 100
TITLE_MAX = 300
SHORT_MAX = 2_000
LONG_MAX = 1_000_000

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class ValidationError(ValueError):
    """Input the file will not take; `str()` is a sentence for the user."""


Validator = Callable[[Any], Any]


def clean_text(value: object, label: str, *, required: bool = False, max_len: int = SHORT_MAX) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text.")
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    if required:
        text = text.strip()
        if not text:
            raise ValidationError(f"{label} cannot be empty.")
    if len(text) > max_len:
        raise ValidationError(f"{label} is too long ({len(text):,} characters; the limit is {max_len:,}).")
    return text


def check_date(value: object, label: str, *, required: bool = False) -> date | None:
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label} is required.")
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            if not _ISO_DAY.fullmatch(text):  # Python also takes 20240108 and 2024-W02-1
                raise ValueError(text)
            value = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(f"{label} “{value}” is not a real date (use YYYY-MM-DD).") from None
    if not isinstance(value, date):
        raise ValidationError(f"{label} must be a date.")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(f"{label} must fall between {MIN_YEAR} and {MAX_YEAR}.")
    return date(value.year, value.month, value.day)


def check_int(value: object, label: str, lo: int, hi: int, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label} must be a whole number from {lo} to {hi}.")
    if not lo <= value <= hi:
        raise ValidationError(f"{label} must be from {lo} to {hi} (got {value}).")
    return value


def check_choice(value: object, label: str, choices: Iterable[str]) -> str:
    allowed = [str(c) for c in choices]
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(f"{label} must be one of: {', '.join(allowed)}.")
    return value


def check_bool(value: object, label: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{label} must be yes or no.")
    return value


# Small factories so tables can declare their fields once.


def text(label: str, *, required: bool = False, max_len: int = SHORT_MAX) -> Validator:
    return lambda v: clean_text(v, label, required=required, max_len=max_len)


def a_date(label: str, *, required: bool = False) -> Validator:
    return lambda v: check_date(v, label, required=required)


def integer(label: str, lo: int, hi: int, *, optional: bool = False) -> Validator:
    return lambda v: check_int(v, label, lo, hi, optional=optional)


def choice(label: str, choices: Iterable[str]) -> Validator:
    allowed = tuple(str(c) for c in choices)
    return lambda v: check_choice(v, label, allowed)


def flag(label: str) -> Validator:
    return lambda v: check_bool(v, label)


# -- what each column accepts: one declaration per table, used by every write (data/ops.py) -------

PARTNERSHIP_FIELDS: dict[str, Validator] = {
    "mentor_name": text("Mentor's name", required=True, max_len=NAME_MAX),
    "mentee_name": text("Mentee's name", required=True, max_len=NAME_MAX),
    "me": choice("Who I am", list(Role)),
    "organisation": text("Organisation", max_len=NAME_MAX * 2),
    "start_date": a_date("Start date", required=True),
    "review_date": a_date("Review date"),
    "cadence_days": integer("Meeting cadence (days)", 1, 365),
    "duration_minutes": integer("Usual duration (minutes)", 5, 600),
    "check_in_every": integer("Check in every (sessions)", 1, 52),
    "closed_on": a_date("Closing date"),
    "checklist_dismissed": flag("Getting-started list dismissed"),
}

GOAL_FIELDS: dict[str, Validator] = {
    "title": text("Goal title", required=True, max_len=TITLE_MAX),
    "owner": choice("Goal owner", list(GoalOwner)),
    "focus_area": text("Focus area", max_len=NAME_MAX),
    "description": text("Description", max_len=LONG_MAX),
    "success_measure": text("Success measure", max_len=SHORT_MAX),
    "target_date": a_date("Target date"),
    "status": choice("Status", list(GoalStatus)),
    "manual_progress": integer("Progress", 0, 100),
    "private": flag("Private"),
}

MILESTONE_FIELDS: dict[str, Validator] = {
    "title": text("Milestone", required=True, max_len=TITLE_MAX),
    "done_on": a_date("Done date"),
}

ENTRY_FIELDS: dict[str, Validator] = {
    "held_on": a_date("Session date", required=True),
    "duration_minutes": integer("Duration (minutes)", 0, 1440),
    "topics": text("Topics", max_len=SHORT_MAX),
    "agenda": text("Agenda", max_len=LONG_MAX),
    "notes": text("Notes", max_len=LONG_MAX),
    "mentor_takeaway": text("What the mentor took away", max_len=LONG_MAX),
    "mentee_takeaway": text("What the mentee took away", max_len=LONG_MAX),
    "feedback_good": text("Feedback that went well", max_len=LONG_MAX),
    "feedback_improve": text("Feedback to improve", max_len=LONG_MAX),
    "rating": integer("Usefulness rating", 1, 5, optional=True),
    "private": flag("Private"),
    "mentor_says_keep": text("The mentor's feedback: keep doing", max_len=LONG_MAX),
    "mentor_says_try": text("The mentor's feedback: try next time", max_len=LONG_MAX),
    "mentee_says_keep": text("The mentee's feedback: keep doing", max_len=LONG_MAX),
    "mentee_says_try": text("The mentee's feedback: try next time", max_len=LONG_MAX),
    "mentor_rating": integer("The mentor's usefulness rating", 1, 5, optional=True),
    "mentee_rating": integer("The mentee's usefulness rating", 1, 5, optional=True),
}

ACTION_FIELDS: dict[str, Validator] = {
    "text": text("Action item", required=True, max_len=SHORT_MAX),
    "owner": choice("Action owner", list(ActionOwner)),
    "due_on": a_date("Due date"),
    "done_on": a_date("Done date"),
}

SWOT_FIELDS: dict[str, Validator] = {
    "grid": choice("Whose grid", list(Role)),
    "quadrant": choice("Quadrant", list(Quadrant)),
    "text": text("SWOT item", required=True, max_len=SHORT_MAX),
}

SKILL_FIELDS: dict[str, Validator] = {
    "name": text("Skill name", required=True, max_len=NAME_MAX * 2),
    "owner": choice("Whose skill", list(Role)),
    "focus_area": text("Focus area", max_len=NAME_MAX),
    "target_level": integer("Target level", 1, 5),
}

RATING_FIELDS: dict[str, Validator] = {
    "rated_on": a_date("Rating date", required=True),
    "level": integer("Level", 1, 5),
    "rated_by": choice("Rated by", list(RatedBy)),
    "note": text("Note", max_len=SHORT_MAX),
    "entry_id": lambda x: check_int(x, "Journal entry", 1, 2**62, optional=True),
}


CHECK_IN_FIELDS: dict[str, Validator] = {
    "held_on": a_date("Check-in date", required=True),
    "author": choice("Whose check-in", list(Role)),
    "working": text("What is working", max_len=LONG_MAX),
    "tweak": text("What to tweak", max_len=LONG_MAX),
    "usefulness": integer("How useful it has been", 1, 5, optional=True),
    "goals_still_right": choice("Are the goals still right", list(GoalsStillRight)),
}

REVIEW_FIELDS: dict[str, Validator] = {
    "kind": choice("Kind of review", list(ReviewKind)),
    "held_on": a_date("Review date", required=True),
    "mentor_taught": text("What the mentor taught", max_len=LONG_MAX),
    "mentor_learned": text("What the mentor learned", max_len=LONG_MAX),
    "mentee_taught": text("What the mentee taught", max_len=LONG_MAX),
    "mentee_learned": text("What the mentee learned", max_len=LONG_MAX),
    "mentor_changed": text("What changed for the mentor", max_len=LONG_MAX),
    "mentee_changed": text("What changed for the mentee", max_len=LONG_MAX),
    "notes": text("Notes", max_len=LONG_MAX),
    "decision": choice("Decision", list(ReviewDecision)),
    "next_review_date": a_date("Next review date"),
}

REVIEW_GOAL_FIELDS: dict[str, Validator] = {
    "goal_title": text("Goal", required=True, max_len=TITLE_MAX),
    "expected": text("What was expected", max_len=LONG_MAX),
    "achieved": text("What was achieved", max_len=LONG_MAX),
    "progress": integer("Progress", 0, 100),
}


def validate_fields(fields: Mapping[str, Validator], values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(fields)
    if unknown:
        raise TypeError(f"unknown field(s): {', '.join(sorted(unknown))}")  # a bug, not user input
    return {k: fields[k](val) for k, val in values.items()}


def validate_partnership(values: Mapping[str, Any], *, creating: bool = False) -> dict[str, Any]:
    if creating:
        values = {
            "me": Role.MENTOR,
            "organisation": "",
            "review_date": None,
            "cadence_days": 14,
            "duration_minutes": 60,
            **values,
        }
        missing = {"mentor_name", "mentee_name", "start_date"} - set(values)
        if missing:
            raise ValidationError("The partnership needs both names and a start date.")
    out = validate_fields(PARTNERSHIP_FIELDS, values)
    check_partnership_dates(out.get("start_date"), out.get("review_date"), out.get("closed_on"))
    return out


def check_partnership_dates(start: date | None, review: date | None, closed: date | None) -> None:
    if start and review and review < start:
        raise ValidationError("The review date cannot be before the start date.")
    if start and closed and closed < start:
        raise ValidationError("The partnership cannot close before it starts.")


def check_review_dates(held_on: date | None, next_review: date | None) -> None:
    if held_on and next_review and next_review < held_on:
        raise ValidationError("The next review cannot be before this one.")


def clean_focus_area(name: object) -> str:
    return clean_text(name, "Focus area", required=True, max_len=NAME_MAX)


def clean_clause(text: object) -> str:
    return clean_text(text, "Agreement clause", required=True, max_len=SHORT_MAX)
