"""Goals and their milestones as plain rows, and the counts the Overview and the Goals tab show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from revmentor_desktop.data.reads_rows import day, fetch, fetch_one, only_shared, select, utc
from revmentor_desktop.data.store import Store


@dataclass(frozen=True)
class GoalRow:
    id: int
    title: str
    owner: str
    focus_area: str
    description: str
    success_measure: str
    target_date: date | None
    status: str
    manual_progress: int
    private: bool
    position: int
    created_at: datetime


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    goal_id: int
    position: int
    title: str
    done_on: date | None


_GOAL = ("id", "title", "owner", "focus_area", "description", "success_measure", "target_date",
         "status", "manual_progress", "private", "position", "created_at")


def _goal(row: Any) -> GoalRow:
    i, title, owner, focus, description, measure, target, status, progress, private, pos, created = row
    return GoalRow(i, title, owner, focus, description, measure, day(target), status,
                   progress, bool(private), pos, utc(created))


def list_goals(store: Store, *, include_private: bool = True) -> list[GoalRow]:
    """Every goal in the Goals tab's order (private ones left out unless `include_private`)."""
    sql = select(_GOAL, "goal") + only_shared(include_private) + " ORDER BY position, uid, id"
    return [_goal(row) for row in fetch(store, sql)]


def get_goal(store: Store, goal_id: int) -> GoalRow:
    """One goal; `Gone` when it was deleted meanwhile."""
    return _goal(fetch_one(store, "Goal", select(_GOAL, "goal") + " WHERE id = ?", goal_id))


def goal_status_counts(store: Store, *, include_private: bool = True) -> dict[tuple[str, str], int]:
    """How many goals each owner has in each status: {(owner, status): count}."""
    sql = f"SELECT owner, status, count(*) FROM goal{only_shared(include_private)} GROUP BY owner, status"
    return {(str(o), str(s)): int(n) for o, s, n in fetch(store, sql)}


def list_milestones(store: Store, goal_id: int) -> list[MilestoneRow]:
    sql = ("SELECT id, goal_id, position, title, done_on FROM milestone WHERE goal_id = ?"
           " ORDER BY position, uid, id")
    return [MilestoneRow(i, g, p, t, day(d)) for i, g, p, t, d in fetch(store, sql, (goal_id,))]


def milestone_counts(store: Store) -> dict[int, tuple[int, int]]:
    """(done, total) milestones per goal id, for every goal that has any."""
    sql = "SELECT goal_id, count(done_on), count(id) FROM milestone GROUP BY goal_id"
    return {int(g): (int(d), int(t)) for g, d, t in fetch(store, sql)}
