"""The pair's vocabulary: roles, statuses, quadrants and ready-made wording.

Plain Python (no SQLModel), so the window can show a partnership before the ORM is imported; the
table classes in `models.py` use these and re-export them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Role(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"


class GoalOwner(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    SHARED = "shared"


class WordedEnum(StrEnum):
    """A vocabulary whose values each have their wording for people, declared beside them:
    `MEMBER = value, label`. Members are the plain values (`str`); `labels` gathers the wording."""

    _value_: str
    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


def labels(vocabulary: type[WordedEnum]) -> dict[str, str]:
    """Each value's wording, in the order the vocabulary declares them."""
    return {member: member.label for member in vocabulary}


class GoalStatus(WordedEnum):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    ACHIEVED = "achieved", "Achieved"
    DROPPED = "dropped", "Dropped"


class ActionOwner(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    BOTH = "both"


class Quadrant(WordedEnum):
    STRENGTHS = "S", "Strengths"
    WEAKNESSES = "W", "Weaknesses"
    OPPORTUNITIES = "O", "Opportunities"
    THREATS = "T", "Threats"


class RatedBy(StrEnum):
    SELF = "self"
    PARTNER = "partner"


class GoalsStillRight(WordedEnum):
    """A check-in's answer to "are our goals still the right ones?" ("": not answered)."""

    UNSAID = "", "Not answered"
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class ReviewKind(WordedEnum):
    MIDPOINT = "midpoint", "Mid-point review"
    CLOSING = "closing", "Closing review"


class ReviewDecision(WordedEnum):
    """What a review decided ("": not yet)."""

    UNDECIDED = "", "Not decided yet"
    CONTINUE = "continue", "Continue as is"
    ADJUST = "adjust", "Adjust (new goals, cadence or review date)"
    CLOSE = "close", "Close the partnership"


STATUS_LABELS = labels(GoalStatus)
QUADRANT_LABELS = labels(Quadrant)
GOALS_STILL_RIGHT_LABELS = labels(GoalsStillRight)
REVIEW_KIND_LABELS = labels(ReviewKind)
REVIEW_DECISION_LABELS = labels(ReviewDecision)

#: A session's feedback, by column: who says it to whom ({mentor} and {mentee}: the partners' names).
FEEDBACK_LABELS: dict[str, str] = {
    "mentor_says_keep": "{mentor} to {mentee}: keep doing",
    "mentor_says_try": "{mentor} to {mentee}: try next time",
    "mentee_says_keep": "{mentee} to {mentor}: keep doing",
    "mentee_says_try": "{mentee} to {mentor}: try next time",
}

#: What to say beside feedback written before feedback had a direction (files from before schema
#: version 3 keep it in feedback_good / feedback_improve / rating, moved nowhere).
EARLIER_FEEDBACK_NOTE = (
    "Earlier feedback, written before RevMentor recorded who gave it: it may be from either of you."
)

#: The Overview's getting-started list, by item key (compute.checklist ticks them from the data).
CHECKLIST_LABELS: dict[str, str] = {
    "ground_rules": "Agree your ground rules",
    "swot": "Fill in both SWOT grids",
    "goals": "Set a goal for each of you",
    "first_session": "Log your first session",
    "review_date": "Set a review date",
}

DEFAULT_FOCUS_AREAS: tuple[str, ...] = (
    "Technology adoption",
    "Diversity & inclusion",
    "Leadership development",
    "Workplace communication",
)


#: Ground rules a pair can insert into its agreement with one click: (menu label, clause text), the
#: text with "{cadence}" ("every two weeks") and "{length}" ("for an hour") for the pair's own
#: cadence and session length (`compute.ground_rule_templates` fills them in).
READY_MADE_CLAUSE_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("Confidentiality",
     "What we say in our sessions stays between us unless we both agree to share it."),
    ("Feedback both ways",
     "We give each other honest feedback, positive and negative, and take it as a gift — the "
     "mentor's view counts as much as the mentee's."),
    ("Cadence and boundaries",
     "We meet {cadence} {length}, keep the slot unless something urgent comes up, and "
     "respect each other's working hours between sessions."),
    ("Outside the reporting line",
     "The mentor is outside the mentee's reporting line; nothing here feeds into performance "
     "reviews."),
    ("No-fault ending",
     "Either of us can end the partnership at any time, without blame, by saying so in person."),
    ("Review date",
     "We review how the partnership is going after three months and decide together whether to "
     "adjust, continue or close it."),
)

#: The ready-made rules for the default cadence and length (every two weeks, an hour). A pair's own
#: values: `compute.ground_rule_templates(cadence_days, duration_minutes)`.
READY_MADE_CLAUSES: tuple[tuple[str, str], ...] = tuple(
    (label, text.format(cadence="every two weeks", length="for an hour"))
    for label, text in READY_MADE_CLAUSE_TEMPLATES
)

#: The kinds of record a share file carries (see data/share_format.py), each with a stable id.
SHARE_KINDS: tuple[str, ...] = (
    "agreement", "clause", "goal", "milestone", "entry", "action", "swot", "snapshot", "skill",
    "rating", "check_in", "review", "review_goal",
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context`, unchanged: data/ knows nothing of Qt, so the window
    translates it where it shows it (undo names: `QCoreApplication.translate("Edits", label)`)."""
    del context
    return text
