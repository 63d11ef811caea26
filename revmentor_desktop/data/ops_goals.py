"""Goals and their milestones, one function per change (their reads are `reads_goals`')."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import col

from revmentor_desktop.data.models import EntryGoal, Goal, Milestone, ReviewGoal
from revmentor_desktop.data.ops_rows import (
    Tombstone,
    delete_row,
    insert_row,
    move_row,
    now,
    update_row,
)
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import GOAL_FIELDS, MILESTONE_FIELDS, validate_fields

# -- goals and milestones ----------------------------------------------------------------------------


def add_goal(store: Store, title: str, **values: Any) -> int:
    clean = validate_fields(GOAL_FIELDS, {"title": title, **values})
    return insert_row(store, Goal, {**clean, "created_at": now()}, scope=())


def update_goal(store: Store, goal_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, Goal, GOAL_FIELDS, goal_id, changes)


def delete_goal(store: Store, goal_id: int) -> Tombstone:
    """Delete a goal with its milestones and its links to journal entries. Reviews keep their copy
    of it (unlinked; undo links them again)."""
    return delete_row(store, Goal, goal_id, (Milestone, col(Milestone.goal_id)), (EntryGoal, col(EntryGoal.goal_id)),
                      unlinked=((ReviewGoal, "goal_id"),))


def add_milestone(store: Store, goal_id: int, title: str, done_on: date | None = None) -> int:
    clean = validate_fields(MILESTONE_FIELDS, {"title": title, "done_on": done_on})
    return insert_row(store, Milestone, clean, parent=("goal_id", Goal, goal_id), scope=("goal_id",))


def update_milestone(store: Store, milestone_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, Milestone, MILESTONE_FIELDS, milestone_id, changes)


def move_milestone(store: Store, milestone_id: int, new_index: int) -> int:
    return move_row(store, Milestone, milestone_id, new_index, "goal_id")


def delete_milestone(store: Store, milestone_id: int) -> Tombstone:
    return delete_row(store, Milestone, milestone_id)
