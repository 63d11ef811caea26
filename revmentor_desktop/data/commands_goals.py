"""Edits of goals and their milestones."""

from __future__ import annotations

from datetime import date
from typing import Any

from revmentor_desktop.data.commands_edit import (
    Change,
    Edit,
    adding,
    deleting,
    load_ops,
    moving,
    updating,
)
from revmentor_desktop.data.vocab import QT_TRANSLATE_NOOP


def add_goal(title: str, **values: Any) -> Edit:
    return adding(QT_TRANSLATE_NOOP("Edits", "Add Goal"), lambda store: load_ops().add_goal(store, title, **values), delete_goal,
                  frozenset({Change.GOALS}))


def update_goal(goal_id: int, label: str, merge: bool = True, **values: Any) -> Edit:
    return updating(label, "update_goal", goal_id, values, frozenset({Change.GOALS}), merge)


def delete_goal(goal_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Delete Goal"), "delete_goal", goal_id)


def add_milestone(goal_id: int, title: str) -> Edit:
    return adding(QT_TRANSLATE_NOOP("Edits", "Add Milestone"), lambda store: load_ops().add_milestone(store, goal_id, title),
                  delete_milestone, frozenset({Change.MILESTONES}))


def update_milestone(milestone_id: int, label: str, **values: Any) -> Edit:
    return updating(label, "update_milestone", milestone_id, values,
                    frozenset({Change.MILESTONES}), merge=False)


def tick_milestone(milestone_id: int, done: bool, today: date) -> Edit:
    return update_milestone(milestone_id, QT_TRANSLATE_NOOP("Edits", "Tick Milestone") if done else QT_TRANSLATE_NOOP("Edits", "Untick Milestone"),
                            done_on=today if done else None)


def move_milestone(milestone_id: int, new_index: int) -> Edit:
    return moving(QT_TRANSLATE_NOOP("Edits", "Move Milestone"), "move_milestone", milestone_id, new_index,
                  frozenset({Change.MILESTONES}))


def delete_milestone(milestone_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Remove Milestone"), "delete_milestone", milestone_id)
