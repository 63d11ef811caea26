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

DEFAULT_FOCUS_AREAS: tuple[str, ...] = (
    "Technology adoption",
    "Diversity & inclusion",
    "Leadership development",
    "Workplace communication",
)


#: Ground rules a pair can insert into its agreement with one click: (menu label, clause text).
READY_MADE_CLAUSES: tuple[tuple[str, str], ...] = (
    ("Confidentiality",
     "What we say in our sessions stays between us unless we both agree to share it."),
    ("Feedback both ways",
     "We give each other honest feedback, positive and negative, and take it as a gift — the "
     "mentor's view counts as much as the mentee's."),
    ("Cadence and boundaries",
     "We meet every two weeks for an hour, keep the slot unless something urgent comes up, and "
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
