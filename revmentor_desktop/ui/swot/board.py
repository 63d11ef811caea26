"""Both grids' items, read in one query and shared by all eight quadrant models (no Qt here but
the translated role in a grid's title, from `look`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from revmentor_desktop.data import compute
from revmentor_desktop.ui.swot.look import GRIDS, QUADRANTS, role_name

if TYPE_CHECKING:
    from revmentor_desktop.data.reads import SwotItemRow


@dataclass(frozen=True)
class SwotRow:
    id: int
    grid: str
    quadrant: str
    text: str
    twins: tuple[tuple[str, str], ...] = ()  # (text, quadrant) of the same item in the other grid


@dataclass
class SwotBoard:
    """Both grids as the file holds them now, with each item's twins in the other grid."""

    rows: dict[tuple[str, str], list[SwotRow]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=lambda: {g: "" for g in GRIDS})

    def load(self, items: Sequence[SwotItemRow]) -> None:
        entries = [compute.SwotEntry(it.grid, it.quadrant, it.text) for it in items]
        twins = compute.shared_items(entries)
        self.rows = {(g, q): [] for g in GRIDS for q in QUADRANTS}
        for i, it in enumerate(items):
            found = tuple((entries[j].text, entries[j].quadrant) for j in twins.get(i, []))
            assert it.id is not None  # a row read from the file has its id
            self.rows.setdefault((it.grid, it.quadrant), []).append(
                SwotRow(it.id, it.grid, it.quadrant, it.text, found))

    def slice(self, grid: str, quadrant: str) -> list[SwotRow]:
        return self.rows.get((grid, quadrant), [])

    def entries(self) -> list[compute.SwotEntry]:
        return [compute.SwotEntry(r.grid, r.quadrant, r.text) for rows in self.rows.values() for r in rows]

    def find(self, item_id: int) -> tuple[str, str, int] | None:
        """Where an item is now: (grid, quadrant, row)."""
        for (grid, quadrant), rows in self.rows.items():
            for i, r in enumerate(rows):
                if r.id == item_id:
                    return grid, quadrant, i
        return None

    def title(self, grid: str) -> str:
        return f"{self.names.get(grid, '')} — {role_name(grid)}"
