"""The pair's vocabulary: roles, statuses, quadrants and ready-made wording.

Plain Python (no SQLModel), so the window can show a partnership before the ORM is imported; the
table classes in `models.py` use these and re-export them.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"


class GoalOwner(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    SHARED = "shared"


class GoalStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class ActionOwner(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    BOTH = "both"


class Quadrant(StrEnum):
    STRENGTHS = "S"
    WEAKNESSES = "W"
    OPPORTUNITIES = "O"
    THREATS = "T"


class RatedBy(StrEnum):
    SELF = "self"
    PARTNER = "partner"


class GoalsStillRight(StrEnum):
    """A check-in's answer to "are our goals still the right ones?" ("": not answered)."""

    UNSAID = ""
    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class ReviewKind(StrEnum):
    MIDPOINT = "midpoint"
    CLOSING = "closing"


class ReviewDecision(StrEnum):
    """What a review decided ("": not yet)."""

    UNDECIDED = ""
    CONTINUE = "continue"
    ADJUST = "adjust"
    CLOSE = "close"


STATUS_LABELS: dict[str, str] = {
    GoalStatus.NOT_STARTED: "Not started",
    GoalStatus.IN_PROGRESS: "In progress",
    GoalStatus.ACHIEVED: "Achieved",
    GoalStatus.DROPPED: "Dropped",
}

QUADRANT_LABELS: dict[str, str] = {
    Quadrant.STRENGTHS: "Strengths",
    Quadrant.WEAKNESSES: "Weaknesses",
    Quadrant.OPPORTUNITIES: "Opportunities",
    Quadrant.THREATS: "Threats",
}

GOALS_STILL_RIGHT_LABELS: dict[str, str] = {
    GoalsStillRight.UNSAID: "Not answered",
    GoalsStillRight.YES: "Yes",
    GoalsStillRight.PARTLY: "Partly",
    GoalsStillRight.NO: "No",
}

REVIEW_KIND_LABELS: dict[str, str] = {
    ReviewKind.MIDPOINT: "Mid-point review",
    ReviewKind.CLOSING: "Closing review",
}

REVIEW_DECISION_LABELS: dict[str, str] = {
    ReviewDecision.UNDECIDED: "Not decided yet",
    ReviewDecision.CONTINUE: "Continue as is",
    ReviewDecision.ADJUST: "Adjust (new goals, cadence or review date)",
    ReviewDecision.CLOSE: "Close the partnership",
}

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
