"""Edits of the skills each partner is growing and their ratings."""

from __future__ import annotations

from datetime import date
from typing import Any

from revmentor_desktop.data.commands_edit import (
    Change,
    Edit,
    adding,
    deleting,
    load_ops,
    updating,
)
from revmentor_desktop.data.vocab import QT_TRANSLATE_NOOP


def add_skill(name: str, owner: str, **values: Any) -> Edit:
    return adding(QT_TRANSLATE_NOOP("Edits", "Add Skill"), lambda store: load_ops().add_skill(store, name, owner, **values),
                  delete_skill, frozenset({Change.SKILLS}))


def update_skill(skill_id: int, label: str, **values: Any) -> Edit:
    return updating(label, "update_skill", skill_id, values, frozenset({Change.SKILLS}), merge=False)


def delete_skill(skill_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Delete Skill"), "delete_skill", skill_id)


def add_rating(skill_id: int, rated_on: date, level: int, **values: Any) -> Edit:
    return adding(QT_TRANSLATE_NOOP("Edits", "Add Rating"),
                  lambda store: load_ops().add_rating(store, skill_id, rated_on, level, **values),
                  delete_rating, frozenset({Change.RATINGS}))


def update_rating(rating_id: int, label: str, **values: Any) -> Edit:
    return updating(label, "update_rating", rating_id, values, frozenset({Change.RATINGS}), merge=False)


def delete_rating(rating_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Delete Rating"), "delete_rating", rating_id)
