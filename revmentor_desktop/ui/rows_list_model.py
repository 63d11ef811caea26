"""A list model over `_rows`, one line per row: the flat lists' rowCount and data() in one place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, Qt

from revmentor_desktop.ui.tables import ROOT, Index


class RowsListModel(QAbstractListModel):
    """A flat list over `_rows`; `data()` hands a row in range to `row_data`, anything else is None.

    Subclasses set `_rows` in `__init__` (and may mix in `tables.RowDiff` before this class)."""

    _rows: list[Any]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.row_data(self._rows[index.row()], role)

    def row_data(self, row: Any, role: int) -> Any:
        """What `row` shows for `role`; None for a role it has nothing for."""
        raise NotImplementedError
