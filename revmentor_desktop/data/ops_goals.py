"""Goals and their milestones, one function per change, and the counts the Overview shows."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col

from revmentor_desktop.data.models import EntryGoal, Goal, Milestone, ReviewGoal
from revmentor_desktop.data.ops_rows import (
    Tombstone,
    delete_row,
    get_row,
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


def get_goal(store: Store, goal_id: int) -> Goal:
    return get_row(store, Goal, goal_id)


def list_goals(store: Store, *, include_private: bool = True) -> list[Goal]:
    stmt = select(Goal).order_by(col(Goal.position), col(Goal.id))
    if not include_private:
        stmt = stmt.where(col(Goal.private) == False)  # noqa: E712 (SQL expression)
    with store.read() as s:
        return list(s.execute(stmt).scalars())


def update_goal(store: Store, goal_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, Goal, GOAL_FIELDS, goal_id, changes)


def delete_goal(store: Store, goal_id: int) -> Tombstone:
    """Delete a goal with its milestones and its links to journal entries. Reviews keep their copy
    of it (unlinked; undo links them again)."""
    return delete_row(store, Goal, goal_id, (Milestone, col(Milestone.goal_id)), (EntryGoal, col(EntryGoal.goal_id)),
                      unlinked=((ReviewGoal, "goal_id"),))


def list_milestones(store: Store, goal_id: int) -> list[Milestone]:
    stmt = select(Milestone).where(col(Milestone.goal_id) == goal_id).order_by(col(Milestone.position), col(Milestone.id))
    with store.read() as s:
        return list(s.execute(stmt).scalars())


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


def goal_status_counts(store: Store, *, include_private: bool = True) -> dict[tuple[str, str], int]:
    """How many goals each owner has in each status: {(owner, status): count}."""
    stmt = select(col(Goal.owner), col(Goal.status), func.count()).group_by(
        col(Goal.owner), col(Goal.status))
    if not include_private:
        stmt = stmt.where(col(Goal.private) == False)  # noqa: E712
    with store.read() as s:
        return {(o, st): int(n) for o, st, n in s.execute(stmt)}


def milestone_counts(store: Store) -> dict[int, tuple[int, int]]:
    """(done, total) milestones per goal id, for every goal that has any."""
    stmt = select(
        col(Milestone.goal_id), func.count(col(Milestone.done_on)), func.count(col(Milestone.id))
    ).group_by(col(Milestone.goal_id))
    with store.read() as s:
        return {gid: (int(d), int(t)) for gid, d, t in s.execute(stmt)}
