"""Both partners' SWOT grids and their snapshots, one function per change."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlmodel import col

from revmentor_desktop.data import validation as v
from revmentor_desktop.data.models import SwotItem, SwotSnapshot, SwotSnapshotItem
from revmentor_desktop.data.ops_rows import (
    Tombstone,
    delete_row,
    insert_row,
    new_row,
    now,
    reorder,
    update_row,
)
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import SWOT_FIELDS, validate_fields
from revmentor_desktop.errors import Gone

# -- SWOT --------------------------------------------------------------------------------------------


def add_swot_item(store: Store, grid: str, quadrant: str, text: str, index: int | None = None) -> int:
    clean = validate_fields(SWOT_FIELDS, {"grid": grid, "quadrant": quadrant, "text": text})
    return insert_row(store, SwotItem, clean, scope=("grid", "quadrant"), index=index)


def update_swot_item(store: Store, item_id: int, text: str) -> dict[str, Any]:
    return update_row(store, SwotItem, SWOT_FIELDS, item_id, {"text": text})


def move_swot_item(store: Store, item_id: int, grid: str, quadrant: str, index: int) -> tuple[str, str, int]:
    """Move an item to another place (same or other quadrant/grid); return where it was."""
    clean = validate_fields(SWOT_FIELDS, {"grid": grid, "quadrant": quadrant})
    with store.write() as s:
        item = s.get(SwotItem, item_id)
        if item is None:
            raise Gone(f"SwotItem {item_id} no longer exists")
        siblings = s.execute(
            select(col(SwotItem.id)).where(col(SwotItem.grid) == item.grid,
                                           col(SwotItem.quadrant) == item.quadrant)
            .order_by(col(SwotItem.position), col(SwotItem.uid), col(SwotItem.id))).scalars()
        old = (item.grid, item.quadrant, list(siblings).index(item_id))
        s.execute(update(SwotItem).where(col(SwotItem.id) == item_id)
                  .values(grid=clean["grid"], quadrant=clean["quadrant"], position=-1))
        s.expire(item)
        reorder(s, SwotItem, item_id, index, "grid", "quadrant")
    return old


def delete_swot_item(store: Store, item_id: int) -> Tombstone:
    return delete_row(store, SwotItem, item_id)


def save_snapshot(store: Store, label: str, taken_on: date | str) -> int:
    """Freeze both SWOT grids under a label and date."""
    clean_label = v.clean_text(label, "Snapshot label", required=True, max_len=v.NAME_MAX * 2)
    day = v.check_date(taken_on, "Snapshot date", required=True)
    assert day is not None  # required=True never returns None
    with store.write() as s:
        snap_id = new_row(s, SwotSnapshot,
                          {"label": clean_label, "taken_on": day, "created_at": now()})
        items = s.execute(select(SwotItem)).scalars()
        for it in items:
            s.add(SwotSnapshotItem(snapshot_id=snap_id, grid=it.grid, quadrant=it.quadrant,
                                   text=it.text, position=it.position))
        return snap_id


def delete_snapshot(store: Store, snapshot_id: int) -> Tombstone:
    return delete_row(store, SwotSnapshot, snapshot_id, (SwotSnapshotItem, col(SwotSnapshotItem.snapshot_id)),
                      what="Snapshot")
