"""Shared plumbing for the item models: a list of rows that reloads in place.

Every edit reloads the model that shows it. Applying the fresh rows as inserts, removals and
dataChanged (instead of a reset) keeps the view's selection, scroll position and any open editor;
only a reorder falls back to a reset.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
#: What a row of a model that only shows its rows offers: it can be selected, not edited or opened.
READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def read_only_flags(index: Index) -> Qt.ItemFlag:
    """`flags()` of such a model: `READ_ONLY` for a row, nothing for the root."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return READ_ONLY


class RowDiff:
    """Mixin for a list or table model over `_rows` (objects with an `id`)."""

    _rows: list[Any]
    _last_column = 0

    def _set_rows(self, new: list[Any]) -> None:
        model: Any = self
        old = self._rows
        old_ids = [r.id for r in old]
        new_ids = [r.id for r in new]
        if old_ids != new_ids:
            i = 0
            while i < min(len(old_ids), len(new_ids)) and old_ids[i] == new_ids[i]:
                i += 1
            d = len(new_ids) - len(old_ids)
            if d > 0 and new_ids[i + d:] == old_ids[i:]:
                model.beginInsertRows(ROOT, i, i + d - 1)
                self._rows = [*old[:i], *new[i:i + d], *old[i:]]
                model.endInsertRows()
            elif d < 0 and old_ids[i - d:] == new_ids[i:]:
                model.beginRemoveRows(ROOT, i, i - d - 1)
                self._rows = [*old[:i], *old[i - d:]]
                model.endRemoveRows()
            else:
                model.beginResetModel()
                self._rows = new
                model.endResetModel()
                return
        changed = [i for i, (a, b) in enumerate(zip(self._rows, new, strict=True)) if a != b]
        self._rows = new
        if changed:
            model.dataChanged.emit(model.index(min(changed), 0),
                                   model.index(max(changed), self._last_column))

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == row_id:
                return i
        return -1


class RowsTableModel(RowDiff, QAbstractTableModel):
    """A table over `_rows` with one column per entry of HEADERS.

    Mark each header with `QT_TRANSLATE_NOOP("<the model's class>", "Header")`: they are shown
    translated (PySide's `tr` looks for the text under each class of the model's MRO)."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []
        self._last_column = max(0, len(self.HEADERS) - 1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return self.tr(self.HEADERS[section])
        return None

    def refresh_all(self) -> None:
        """Every cell may show something new (e.g. the partners' names changed)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self._last_column))
