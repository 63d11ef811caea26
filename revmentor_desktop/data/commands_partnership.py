"""Edits of the partnership's own details, its focus areas and the rules of its agreement."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from revmentor_desktop.data.commands_edit import (
    NOTHING,
    Change,
    Done,
    Edit,
    adding,
    deleting,
    labelled,
    load_ops,
    moving,
    replacing,
)
from revmentor_desktop.data.vocab import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from revmentor_desktop.data.store import Store


_NAME_FIELDS = frozenset({"mentor_name", "mentee_name", "me"})


PARTNERSHIP_LABELS = {
    "mentor_name": QT_TRANSLATE_NOOP("Edits", "Rename Mentor"), "mentee_name": QT_TRANSLATE_NOOP("Edits", "Rename Mentee"), "me": QT_TRANSLATE_NOOP("Edits", "Change Who I Am"),
    "organisation": QT_TRANSLATE_NOOP("Edits", "Edit Organisation"), "start_date": QT_TRANSLATE_NOOP("Edits", "Change Start Date"),
    "review_date": QT_TRANSLATE_NOOP("Edits", "Change Review Date"), "cadence_days": QT_TRANSLATE_NOOP("Edits", "Change Cadence"),
    "duration_minutes": QT_TRANSLATE_NOOP("Edits", "Change Usual Length"), "check_in_every": QT_TRANSLATE_NOOP("Edits", "Change Check-in Interval"),
    "closed_on": QT_TRANSLATE_NOOP("Edits", "Change Closing Date"), "checklist_dismissed": QT_TRANSLATE_NOOP("Edits", "Dismiss Getting Started"),
}


def update_partnership(**values: Any) -> Edit:
    changes = {Change.PARTNERSHIP} | ({Change.NAMES} if _NAME_FIELDS & values.keys() else set())
    label = PARTNERSHIP_LABELS[next(iter(values))] if len(values) == 1 else QT_TRANSLATE_NOOP("Edits", "Edit Partnership")

    def run(store: Store) -> Done:
        old = load_ops().update_partnership(store, **values)
        if old == values:
            return Done(old, NOTHING, None)
        return Done(old, frozenset(changes), update_partnership(**old))

    return Edit(label, run, ("partnership", tuple(sorted(values))))


def close_partnership(on: date) -> Edit:
    """Close the partnership: it stays readable and stops asking for sessions and check-ins."""
    return labelled(QT_TRANSLATE_NOOP("Edits", "Close Partnership"), update_partnership(closed_on=on))


def reopen_partnership() -> Edit:
    return labelled(QT_TRANSLATE_NOOP("Edits", "Reopen Partnership"), update_partnership(closed_on=None))


def dismiss_checklist(dismissed: bool = True) -> Edit:
    return labelled(QT_TRANSLATE_NOOP("Edits", "Dismiss Getting Started") if dismissed else QT_TRANSLATE_NOOP("Edits", "Show Getting Started"),
                    update_partnership(checklist_dismissed=dismissed))


def set_focus_areas(names: Sequence[str]) -> Edit:
    return replacing(QT_TRANSLATE_NOOP("Edits", "Change Focus Areas"), lambda store, v: load_ops().set_focus_areas(store, v),
                     list(names), frozenset({Change.FOCUS_AREAS}))


def add_clause(text: str, index: int | None = None, label: str = QT_TRANSLATE_NOOP("Edits", "Add Rule")) -> Edit:
    return adding(label, lambda store: load_ops().add_clause(store, text, index), delete_clause,
                  frozenset({Change.CLAUSES}))


def add_clause_once(text: str, index: int | None = None, label: str = QT_TRANSLATE_NOOP("Edits", "Insert Rule")) -> Edit:
    """Add a rule unless the agreement already holds it (ignoring case and spacing): then the edit
    changes nothing, and leaves nothing to undo (a ready-made rule inserted twice)."""

    def run(store: Store) -> Done:
        new_id = load_ops().add_clause_once(store, text, index)
        if new_id is None:
            return Done(None, NOTHING, None)
        return Done(new_id, frozenset({Change.CLAUSES}), delete_clause(new_id))

    return Edit(label, run)


def update_clause(clause_id: int, text: str) -> Edit:
    def run(store: Store) -> Done:
        old = load_ops().update_clause(store, clause_id, text)
        if old == text:
            return Done(old, NOTHING, None)
        return Done(old, frozenset({Change.CLAUSES}), update_clause(clause_id, old))

    return Edit(QT_TRANSLATE_NOOP("Edits", "Edit Rule"), run, ("clause", clause_id))


def move_clause(clause_id: int, new_index: int) -> Edit:
    return moving(QT_TRANSLATE_NOOP("Edits", "Move Rule"), "move_clause", clause_id, new_index, frozenset({Change.CLAUSES}))


def delete_clause(clause_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Delete Rule"), "delete_clause", clause_id)
