"""Both partners' SWOT grids and their snapshots, as plain rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from revmentor_desktop.data.reads_rows import fetch, select, utc
from revmentor_desktop.data.store import Store


@dataclass(frozen=True)
class SwotItemRow:
    id: int
    grid: str
    quadrant: str
    text: str
    position: int


@dataclass(frozen=True)
class SwotSnapshotRow:
    id: int
    label: str
    taken_on: date
    created_at: datetime


@dataclass(frozen=True)
class SwotSnapshotItemRow:
    """A frozen copy of one SWOT item, as it stood when its snapshot was taken."""

    id: int
    snapshot_id: int
    grid: str
    quadrant: str
    text: str
    position: int


def list_swot_items(store: Store) -> list[SwotItemRow]:
    """Every item of both grids, by grid, quadrant and place (one query for all eight quadrants)."""
    sql = select(("id", "grid", "quadrant", "text", "position"), "swot_item")
    return [SwotItemRow(*row) for row in fetch(store, sql + " ORDER BY grid, quadrant, position, uid, id")]


def list_snapshots(store: Store) -> list[SwotSnapshotRow]:
    """Every snapshot, oldest first."""
    sql = select(("id", "label", "taken_on", "created_at"), "swot_snapshot")
    return [SwotSnapshotRow(i, label, date.fromisoformat(taken), utc(created))
            for i, label, taken, created in fetch(store, sql + " ORDER BY taken_on, id")]


def snapshot_items(store: Store, snapshot_id: int) -> list[SwotSnapshotItemRow]:
    sql = select(("id", "snapshot_id", "grid", "quadrant", "text", "position"), "swot_snapshot_item")
    return [SwotSnapshotItemRow(*row) for row in fetch(
        store, sql + " WHERE snapshot_id = ? ORDER BY grid, quadrant, position, id", (snapshot_id,))]
