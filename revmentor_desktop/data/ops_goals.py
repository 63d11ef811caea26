"""Goals and their milestones, one function per change (their reads are `reads_goals`')."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import col

from revmentor_desktop.data.models import EntryGoal, Goal, Milestone, ReviewGoal
from revmentor_desktop.data.ops_rows import (
    Tombstone,
    delete_row,
    move_row,
    next_position,
    now,
    update_row,
)
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import GOAL_FIELDS, MILESTONE_FIELDS, validate_fields
from revmentor_desktop.errors import Gone

# -- goals and milestones ----------------------------------------------------------------------------


def add_goal(store: Store, title: str, **values: Any) -> int:
    clean = validate_fields(GOAL_FIELDS, {"title": title, **values})
    with store.write() as s:
        goal = Goal(**clean, position=next_position(s, col(Goal.position)), created_at=now())
        s.add(goal)
        s.flush()
        assert goal.id is not None
        return goal.id


def update_goal(store: Store, goal_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, Goal, GOAL_FIELDS, goal_id, changes)


def delete_goal(store: Store, goal_id: int) -> Tombstone:
    """Delete a goal with its milestones and its links to journal entries. Reviews keep their copy
    of it (unlinked; undo links them again)."""
    return delete_row(store, Goal, goal_id, (Milestone, col(Milestone.goal_id)), (EntryGoal, col(EntryGoal.goal_id)),
                      unlinked=((ReviewGoal, "goal_id"),))


def add_milestone(store: Store, goal_id: int, title: str, done_on: date | None = None) -> int:
    clean = validate_fields(MILESTONE_FIELDS, {"title": title, "done_on": done_on})
    with store.write() as s:
        if s.get(Goal, goal_id) is None:
            raise Gone(f"Goal {goal_id} no longer exists")
        pos = next_position(s, col(Milestone.position), col(Milestone.goal_id) == goal_id)
        ms = Milestone(goal_id=goal_id, position=pos, **clean)
        s.add(ms)
        s.flush()
        assert ms.id is not None
        return ms.id


def update_milestone(store: Store, milestone_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, Milestone, MILESTONE_FIELDS, milestone_id, changes)


def move_milestone(store: Store, milestone_id: int, new_index: int) -> int:
    return move_row(store, Milestone, milestone_id, new_index, "goal_id")


def delete_milestone(store: Store, milestone_id: int) -> Tombstone:
    return delete_row(store, Milestone, milestone_id)
