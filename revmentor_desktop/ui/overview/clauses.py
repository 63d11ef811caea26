"""The agreement's ground rules as a list model: one row per clause, in order, edited in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data.reads import ClauseRow
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.rows_list_model import RowsListModel
from revmentor_desktop.ui.tables import Index, RowDiff


class ClauseModel(RowDiff, RowsListModel):
    """The agreement's clauses, in order; editing a row saves it through the document."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._rows: list[ClauseRow] = []
        self.reload()

    def reload(self) -> None:
        self._set_rows(reads.list_clauses(self._doc.store))  # in place: an open editor survives

    def row_data(self, clause: ClauseRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return clause.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # the full text is already shown, word-wrapped
        if role == Qt.ItemDataRole.UserRole:
            return clause.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and not self._doc.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        clause_id = self._rows[index.row()].id
        return self._doc.run(commands.update_clause(clause_id, str(value))) is not None

    def id_at(self, row: int) -> int:
        return self._rows[row].id
