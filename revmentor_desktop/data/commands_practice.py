"""Edits of check-ins and reviews, and a review's decision (with what it does to the partnership)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from revmentor_desktop.data.commands_edit import (
    Change,
    Changes,
    Done,
    Edit,
    adding,
    deleting,
    load_ops,
    updating,
)
from revmentor_desktop.data.vocab import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from revmentor_desktop.data.store import Store


def add_check_in(held_on: date, author: str, **values: Any) -> Edit:
    return adding(QT_TRANSLATE_NOOP("Edits", "Add Check-in"), lambda store: load_ops().add_check_in(store, held_on, author, **values),
                  delete_check_in, frozenset({Change.CHECK_INS}))


def update_check_in(check_in_id: int, label: str, **values: Any) -> Edit:
    merge = not values.keys() & {"usefulness", "goals_still_right", "held_on", "author"}
    return updating(label, "update_check_in", check_in_id, values, frozenset({Change.CHECK_INS}), merge)


def delete_check_in(check_in_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Delete Check-in"), "delete_check_in", check_in_id)


# -- reviews ---------------------------------------------------------------------------------------------


def start_review(kind: str, held_on: date, **values: Any) -> Edit:
    """Start a review with a copy of the goals as they stand; undo deletes it, copies and all."""
    return adding(QT_TRANSLATE_NOOP("Edits", "Start Review"), lambda store: load_ops().start_review(store, kind, held_on, **values),
                  delete_review, frozenset({Change.REVIEWS}))


def update_review(review_id: int, label: str, **values: Any) -> Edit:
    merge = not values.keys() & {"kind", "held_on", "decision", "next_review_date"}
    return updating(label, "update_review", review_id, values, frozenset({Change.REVIEWS}), merge)


def update_review_goal(review_goal_id: int, label: str, **values: Any) -> Edit:
    merge = "progress" not in values
    return updating(label, "update_review_goal", review_goal_id, values, frozenset({Change.REVIEWS}), merge)


def delete_review(review_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Delete Review"), "delete_review", review_id)


def decide_review(review_id: int, decision: str, next_review_date: date | None = None) -> Edit:
    """Record a review's decision and what it means for the partnership (closed on the review's
    day, or its next review date); undo puts both back."""

    def run(store: Store) -> Done:
        old = load_ops().decide_review(store, review_id, decision, next_review_date)
        return Done(old, _decision_changes(old), _restoring_decision(review_id, old))

    return Edit(QT_TRANSLATE_NOOP("Edits", "Record Decision"), run)


def _restoring_decision(review_id: int, values: dict[str, dict[str, Any]]) -> Edit:
    def run(store: Store) -> Done:
        replaced = load_ops().restore_decision(store, review_id, values)
        return Done(replaced, _decision_changes(values), _restoring_decision(review_id, replaced))

    return Edit(QT_TRANSLATE_NOOP("Edits", "Record Decision"), run)


def _decision_changes(old: dict[str, dict[str, Any]]) -> Changes:
    return frozenset({Change.REVIEWS} | ({Change.PARTNERSHIP} if old["partnership"] else set()))
