"""Edits of both partners' SWOT grids and their snapshots."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from revmentor_desktop.data.commands_edit import (
    NOTHING,
    Change,
    Done,
    Edit,
    adding,
    deleting,
    load_ops,
)
from revmentor_desktop.data.vocab import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from revmentor_desktop.data.store import Store


def add_swot_item(grid: str, quadrant: str, text: str, label: str) -> Edit:
    return adding(label, lambda store: load_ops().add_swot_item(store, grid, quadrant, text),
                  delete_swot_item, frozenset({Change.SWOT}))


def update_swot_item(item_id: int, text: str) -> Edit:
    def run(store: Store) -> Done:
        old = str(load_ops().update_swot_item(store, item_id, text)["text"])
        if old == text:
            return Done(old, NOTHING, None)
        return Done(old, frozenset({Change.SWOT}), update_swot_item(item_id, old))

    return Edit(QT_TRANSLATE_NOOP("Edits", "Edit SWOT Item"), run)


def move_swot_item(item_id: int, grid: str, quadrant: str, index: int) -> Edit:
    def run(store: Store) -> Done:
        old = load_ops().move_swot_item(store, item_id, grid, quadrant, index)
        return Done(old, frozenset({Change.SWOT}), move_swot_item(item_id, *old))

    return Edit(QT_TRANSLATE_NOOP("Edits", "Move SWOT Item"), run)


def delete_swot_item(item_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Delete SWOT Item"), "delete_swot_item", item_id)


def save_snapshot(label: str, taken_on: date) -> Edit:
    return adding(QT_TRANSLATE_NOOP("Edits", "Save Snapshot"), lambda store: load_ops().save_snapshot(store, label, taken_on),
                  delete_snapshot, frozenset({Change.SNAPSHOTS}))


def delete_snapshot(snapshot_id: int) -> Edit:
    return deleting(QT_TRANSLATE_NOOP("Edits", "Delete Snapshot"), "delete_snapshot", snapshot_id)
