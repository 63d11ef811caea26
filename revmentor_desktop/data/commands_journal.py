"""Edits of journal entries (what each says, which goals it discussed) and their action items."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from revmentor_desktop.data.commands_edit import (
    Change,
    Edit,
    adding,
    deleting,
    load_ops,
    replacing,
    updating,
)
from revmentor_desktop.data.vocab import QT_TRANSLATE_NOOP

_FEEDBACK_TEXT_FIELDS = frozenset({"mentor_says_keep", "mentor_says_try", "mentee_says_keep",
                                   "mentee_says_try"})
_FEEDBACK_RATING_FIELDS = frozenset({"mentor_rating", "mentee_rating"})
_ENTRY_TEXT_FIELDS = frozenset({"agenda", "notes", "mentor_takeaway", "mentee_takeaway",
                                "feedback_good", "feedback_improve"}) | _FEEDBACK_TEXT_FIELDS


ENTRY_LABELS = {"held_on": QT_TRANSLATE_NOOP("Edits", "Change Session Date"), "duration_minutes": QT_TRANSLATE_NOOP("Edits", "Change Duration"),
                "rating": QT_TRANSLATE_NOOP("Edits", "Rate Session"), "private": QT_TRANSLATE_NOOP("Edits", "Change Privacy"), "topics": QT_TRANSLATE_NOOP("Edits", "Edit Topics"),
                "mentor_rating": QT_TRANSLATE_NOOP("Edits", "Rate Session"), "mentee_rating": QT_TRANSLATE_NOOP("Edits", "Rate Session"),
                "mentor_says_keep": QT_TRANSLATE_NOOP("Edits", "Edit Feedback"), "mentor_says_try": QT_TRANSLATE_NOOP("Edits", "Edit Feedback"),
                "mentee_says_keep": QT_TRANSLATE_NOOP("Edits", "Edit Feedback"), "mentee_says_try": QT_TRANSLATE_NOOP("Edits", "Edit Feedback")}


def add_entry(held_on: date, **values: Any) -> Edit:
    return adding(QT_TRANSLATE_NOOP("Edits", "New Entry"), lambda store: load_ops().add_entry(store, held_on, **values),
                  delete_entry, frozenset({Change.ENTRIES}))


def update_entry(entry_id: int, label: str, **values: Any) -> Edit:
    # Long text shows nowhere but in its entry: other views need not redraw for it. Feedback text
    # also tells the Overview which way feedback went (FEEDBACK), as the two ratings do.
    changes = (frozenset({Change.ENTRY_TEXT}) if values.keys() <= _ENTRY_TEXT_FIELDS
               else frozenset({Change.ENTRIES}))
    if values.keys() & (_FEEDBACK_TEXT_FIELDS | _FEEDBACK_RATING_FIELDS):
        changes |= {Change.FEEDBACK}
    merge = not values.keys() & ({"private", "rating"} | _FEEDBACK_RATING_FIELDS)
    return updating(label, "update_entry", entry_id, values, changes, merge)


def delete_entry(entry_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Delete Entry"), "delete_entry", entry_id)


def set_entry_goals(entry_id: int, goal_ids: Iterable[int]) -> Edit:
    return replacing(QT_TRANSLATE_NOOP("Edits", "Change Goals Discussed"),
                     lambda store, ids: load_ops().set_entry_goals(store, entry_id, ids),
                     sorted(set(goal_ids)), frozenset({Change.DISCUSSED}))


def add_action(entry_id: int, text: str, **values: Any) -> Edit:
    return adding(QT_TRANSLATE_NOOP("Edits", "Add Action Item"), lambda store: load_ops().add_action(store, entry_id, text, **values),
                  delete_action, frozenset({Change.ACTIONS}))


def update_action(action_id: int, label: str, merge: bool = True, **values: Any) -> Edit:
    return updating(label, "update_action", action_id, values, frozenset({Change.ACTIONS}), merge)


def tick_action(action_id: int, done: bool, today: date) -> Edit:
    return update_action(action_id, QT_TRANSLATE_NOOP("Edits", "Tick Action Item") if done else QT_TRANSLATE_NOOP("Edits", "Untick Action Item"),
                         merge=False, done_on=today if done else None)


def delete_action(action_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Remove Action Item"), "delete_action", action_id)
