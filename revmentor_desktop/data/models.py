"""The tables of a partnership file, as SQLModel classes (the words are the pair's own).

The DDL that creates them lives in `migrations.py` as frozen SQL, one step per schema version; a test
checks that these classes and the migrated file agree column for column.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


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


class Partnership(SQLModel, table=True):
    """The one partnership a file holds (always id 1)."""

    __tablename__ = "partnership"
    id: int | None = Field(default=None, primary_key=True)
    mentor_name: str
    mentee_name: str
    me: str = Field(default=Role.MENTOR)
    organisation: str = ""
    start_date: date
    review_date: date | None = None
    cadence_days: int = 14
    duration_minutes: int = 60
    created_at: datetime


class FocusArea(SQLModel, table=True):
    __tablename__ = "focus_area"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    position: int = 0


class AgreementClause(SQLModel, table=True):
    __tablename__ = "agreement_clause"
    id: int | None = Field(default=None, primary_key=True)
    position: int = 0
    text: str


class Goal(SQLModel, table=True):
    __tablename__ = "goal"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    owner: str = Field(default=GoalOwner.SHARED)
    focus_area: str = ""
    description: str = ""
    success_measure: str = ""
    target_date: date | None = None
    status: str = Field(default=GoalStatus.NOT_STARTED)
    manual_progress: int = 0
    private: bool = False
    position: int = 0
    created_at: datetime


class Milestone(SQLModel, table=True):
    __tablename__ = "milestone"
    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE")
    position: int = 0
    title: str
    done_on: date | None = None


class JournalEntry(SQLModel, table=True):
    __tablename__ = "journal_entry"
    id: int | None = Field(default=None, primary_key=True)
    held_on: date
    duration_minutes: int = 60
    topics: str = ""
    agenda: str = ""
    notes: str = ""
    mentor_takeaway: str = ""
    mentee_takeaway: str = ""
    feedback_good: str = ""
    feedback_improve: str = ""
    rating: int | None = None
    private: bool = False
    created_at: datetime


class EntryGoal(SQLModel, table=True):
    """A goal discussed in a journal entry."""

    __tablename__ = "entry_goal"
    entry_id: int = Field(foreign_key="journal_entry.id", primary_key=True, ondelete="CASCADE")
    goal_id: int = Field(foreign_key="goal.id", primary_key=True, ondelete="CASCADE")


class ActionItem(SQLModel, table=True):
    __tablename__ = "action_item"
    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="journal_entry.id", ondelete="CASCADE")
    position: int = 0
    text: str
    owner: str = Field(default=ActionOwner.BOTH)
    due_on: date | None = None
    done_on: date | None = None


class SwotItem(SQLModel, table=True):
    __tablename__ = "swot_item"
    id: int | None = Field(default=None, primary_key=True)
    grid: str
    quadrant: str
    text: str
    position: int = 0


class SwotSnapshot(SQLModel, table=True):
    __tablename__ = "swot_snapshot"
    id: int | None = Field(default=None, primary_key=True)
    label: str
    taken_on: date
    created_at: datetime


class SwotSnapshotItem(SQLModel, table=True):
    """A frozen copy of one SWOT item, as it stood when its snapshot was taken."""

    __tablename__ = "swot_snapshot_item"
    id: int | None = Field(default=None, primary_key=True)
    snapshot_id: int = Field(foreign_key="swot_snapshot.id", ondelete="CASCADE")
    grid: str
    quadrant: str
    text: str
    position: int = 0


class Skill(SQLModel, table=True):
    __tablename__ = "skill"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    owner: str
    focus_area: str = ""
    target_level: int = 4
    position: int = 0


class SkillRating(SQLModel, table=True):
    __tablename__ = "skill_rating"
    id: int | None = Field(default=None, primary_key=True)
    skill_id: int = Field(foreign_key="skill.id", ondelete="CASCADE")
    rated_on: date
    level: int
    rated_by: str = Field(default=RatedBy.SELF)
    note: str = ""
    entry_id: int | None = Field(default=None, foreign_key="journal_entry.id", ondelete="SET NULL")


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
