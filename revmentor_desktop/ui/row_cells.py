"""A table model whose `data()` is written once: it finds the row under the index (nothing for the
root or a row that is gone) and asks the model's `cell` what that row shows in a column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from revmentor_desktop.ui.tables import Index, RowsTableModel


class RowCellsModel(RowsTableModel):
    """A `RowsTableModel` that answers `data()` through `cell(row, column, role)`."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        return None if row is None else self.cell(row, index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """What `row` shows in `column` for `role` (None: nothing)."""
        return None
