"""The tables of a partnership file, as SQLModel classes (the words are the pair's own).

The DDL that creates them lives in `migrations.py` as frozen SQL, one step per schema version; a test
checks that these classes and the migrated file agree column for column.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Field, SQLModel

from revmentor_desktop.data.vocab import (
    ActionOwner,
    GoalOwner,
    GoalStatus,
    RatedBy,
    ReviewDecision,
    Role,
)


class Numbered(SQLModel):
    """A table whose rows SQLite numbers (`id`, the rowid), giving each its number as it is added."""

    id: int | None = Field(default=None, primary_key=True)


def stable_id() -> Any:
    """A record's `uid`: its stable id in both partners' files (set by the file when left None).
    Declared last in each table, where the version-4 step added the column."""
    return Field(default=None, unique=True)


class Partnership(Numbered, table=True):
    """The one partnership a file holds (always id 1)."""

    __tablename__ = "partnership"
    mentor_name: str
    mentee_name: str
    me: str = Field(default=Role.MENTOR)
    organisation: str = ""
    start_date: date
    review_date: date | None = None
    cadence_days: int = 14
    duration_minutes: int = 60
    created_at: datetime
    #: sessions between check-ins
    check_in_every: int = 4
    #: set when the pair decides to close (a review's decision); clearing it reopens the partnership
    closed_on: date | None = None
    #: the Overview's getting-started list, put away by the pair
    checklist_dismissed: bool = False
    #: names this partnership in both partners' files (set by the file when left None)
    pair_uid: str | None = None
    #: when the newest share imported from the partner was written
    last_share_at: datetime | None = None


class FocusArea(Numbered, table=True):
    __tablename__ = "focus_area"
    name: str
    position: int = 0


class AgreementClause(Numbered, table=True):
    __tablename__ = "agreement_clause"
    position: int = 0
    text: str
    uid: str | None = stable_id()


class Goal(Numbered, table=True):
    __tablename__ = "goal"
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
    uid: str | None = stable_id()


class Milestone(Numbered, table=True):
    __tablename__ = "milestone"
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE")
    position: int = 0
    title: str
    done_on: date | None = None
    uid: str | None = stable_id()


class JournalEntry(Numbered, table=True):
    __tablename__ = "journal_entry"
    held_on: date
    duration_minutes: int = 60
    topics: str = ""
    agenda: str = ""
    notes: str = ""
    mentor_takeaway: str = ""
    mentee_takeaway: str = ""
    #: earlier feedback, from files written before version 3: which way it went was not recorded
    feedback_good: str = ""
    feedback_improve: str = ""
    rating: int | None = None
    private: bool = False
    created_at: datetime
    #: what the mentor tells the mentee: keep doing, try next time
    mentor_says_keep: str = ""
    mentor_says_try: str = ""
    #: what the mentee tells the mentor
    mentee_says_keep: str = ""
    mentee_says_try: str = ""
    #: how useful the session was, for each of them (1-5)
    mentor_rating: int | None = None
    mentee_rating: int | None = None
    uid: str | None = stable_id()


class EntryGoal(SQLModel, table=True):
    """A goal discussed in a journal entry."""

    __tablename__ = "entry_goal"
    entry_id: int = Field(foreign_key="journal_entry.id", primary_key=True, ondelete="CASCADE")
    goal_id: int = Field(foreign_key="goal.id", primary_key=True, ondelete="CASCADE")


class ActionItem(Numbered, table=True):
    __tablename__ = "action_item"
    entry_id: int = Field(foreign_key="journal_entry.id", ondelete="CASCADE")
    position: int = 0
    text: str
    owner: str = Field(default=ActionOwner.BOTH)
    due_on: date | None = None
    done_on: date | None = None
    uid: str | None = stable_id()


class SwotItem(Numbered, table=True):
    __tablename__ = "swot_item"
    grid: str
    quadrant: str
    text: str
    position: int = 0
    uid: str | None = stable_id()


class SwotSnapshot(Numbered, table=True):
    __tablename__ = "swot_snapshot"
    label: str
    taken_on: date
    created_at: datetime
    uid: str | None = stable_id()


class SwotSnapshotItem(Numbered, table=True):
    """A frozen copy of one SWOT item, as it stood when its snapshot was taken."""

    __tablename__ = "swot_snapshot_item"
    snapshot_id: int = Field(foreign_key="swot_snapshot.id", ondelete="CASCADE")
    grid: str
    quadrant: str
    text: str
    position: int = 0


class Skill(Numbered, table=True):
    __tablename__ = "skill"
    name: str
    owner: str
    focus_area: str = ""
    target_level: int = 4
    position: int = 0
    uid: str | None = stable_id()


class SkillRating(Numbered, table=True):
    __tablename__ = "skill_rating"
    skill_id: int = Field(foreign_key="skill.id", ondelete="CASCADE")
    rated_on: date
    level: int
    rated_by: str = Field(default=RatedBy.SELF)
    note: str = ""
    entry_id: int | None = Field(default=None, foreign_key="journal_entry.id", ondelete="SET NULL")
    uid: str | None = stable_id()


class CheckIn(Numbered, table=True):
    """One partner's short check-in: what is working, what to tweak, how useful it has been."""

    __tablename__ = "check_in"
    held_on: date
    author: str
    working: str = ""
    tweak: str = ""
    usefulness: int | None = None
    goals_still_right: str = ""
    created_at: datetime
    uid: str | None = stable_id()


class Review(Numbered, table=True):
    """A mid-point or closing review of the partnership, and what the pair decided."""

    __tablename__ = "review"
    kind: str
    held_on: date
    mentor_taught: str = ""
    mentor_learned: str = ""
    mentee_taught: str = ""
    mentee_learned: str = ""
    #: what the partnership changed for each
    mentor_changed: str = ""
    mentee_changed: str = ""
    notes: str = ""
    decision: str = Field(default=ReviewDecision.UNDECIDED)
    next_review_date: date | None = None
    created_at: datetime
    uid: str | None = stable_id()


class ReviewGoal(Numbered, table=True):
    """A goal as it stood when its review was started (title, success measure and progress copied,
    so the review stays readable after the goal changes or goes), beside what was achieved."""

    __tablename__ = "review_goal"
    review_id: int = Field(foreign_key="review.id", ondelete="CASCADE")
    goal_id: int | None = Field(default=None, foreign_key="goal.id", ondelete="SET NULL")
    position: int = 0
    goal_title: str
    expected: str = ""
    achieved: str = ""
    progress: int = 0
    private: bool = False
    uid: str | None = stable_id()


class ExchangeSeen(SQLModel, table=True):
    """The partner's version of one record last taken into account by an import (its digest)."""

    __tablename__ = "exchange_seen"
    kind: str = Field(primary_key=True)
    uid: str = Field(primary_key=True)
    digest: str
