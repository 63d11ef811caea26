"""One quadrant of one grid as a list model: shows its slice of the board, saves edits and drops."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt

from revmentor_desktop.data import commands
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.rows_list_model import RowsListModel
from revmentor_desktop.ui.swot.board import SwotBoard, SwotRow
from revmentor_desktop.ui.swot.icons import bullet_icon, shared_icon
from revmentor_desktop.ui.swot.look import other_grid, quadrant_label
from revmentor_desktop.ui.tables import Index, RowDiff

#: Carries the dragged item's id between quadrant models (and nowhere else).
MIME_TYPE = "application/x-revmentor-swot-item"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole
SHARED_ROLE = Qt.ItemDataRole.UserRole + 1


def move_item(doc: Document, item_id: int, grid: str, quadrant: str, index: int) -> bool:
    """Move an item anywhere in either grid, as one undo step."""
    return doc.run(commands.move_swot_item(item_id, grid, quadrant, index)) is not None


class QuadrantModel(RowDiff, RowsListModel):
    """One quadrant of one grid, in order; edits, drags and drops go through the document."""

    def __init__(self, doc: Document, board: SwotBoard, grid: str, quadrant: str) -> None:
        super().__init__()
        self._doc = doc
        self._board = board
        self.grid = grid
        self.quadrant = quadrant
        self._rows: list[SwotRow] = []

    def reload(self) -> None:
        # In place, so an open editor and the selection survive.
        self._set_rows(list(self._board.slice(self.grid, self.quadrant)))

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def twin_note(self, row: SwotRow) -> str:
        other = self._board.names.get(other_grid(self.grid), "")
        lines = [self.tr("⇄ In both grids")]  # a fixed first line keeps Qt from reading the tooltip as HTML
        also = self.tr("Also in {name}'s grid: “{text}” ({quadrant})")
        lines += [also.format(name=other, text=text, quadrant=quadrant_label(q)) for text, q in row.twins]
        return "\n".join(lines)

    # -- Qt's model interface ----------------------------------------------------------------------

    def row_data(self, row: SwotRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.text
        if role == Qt.ItemDataRole.DecorationRole:
            return shared_icon() if row.twins else bullet_icon(self.quadrant)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.twin_note(row) if row.twins else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if row.twins:
                other = self._board.names.get(other_grid(self.grid), "")
                return self.tr("{text} (also in {name}'s grid)").format(text=row.text, name=other)
            return row.text
        if role == ITEM_ID_ROLE:
            return row.id
        if role == SHARED_ROLE:
            return bool(row.twins)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        writable = not self._doc.read_only
        if not index.isValid():
            # Drops land between items (on the list itself), never onto an item.
            return Qt.ItemFlag.ItemIsDropEnabled if writable else Qt.ItemFlag.NoItemFlags
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemNeverHasChildren)
        if writable:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._doc.read_only:
            return False
        item_id = self._rows[index.row()].id
        return self._doc.run(commands.update_swot_item(item_id, str(value))) is not None

    # -- drag and drop -------------------------------------------------------------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = [self._rows[i.row()] for i in indexes if i.isValid() and 0 <= i.row() < len(self._rows)]
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(",".join(str(r.id) for r in rows).encode("ascii")))
        mime.setText("\n".join(r.text for r in rows))  # dropped into another app: the words
        return mime

    @staticmethod
    def dragged_id(data: QMimeData) -> int | None:
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        first = bytes(data.data(MIME_TYPE).data()).decode("ascii", "replace").split(",")[0]
        return int(first) if first.isdigit() else None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return (not self._doc.read_only and action == Qt.DropAction.MoveAction
                and self.dragged_id(data) is not None)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Move the dropped item here (before `row`; at the end when -1), as one undo step.

        Always returns False: the move is done and the `changed` signal reloads every quadrant, so
        the source view must not remove the row it dragged."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item_id = self.dragged_id(data)
        where = self._board.find(item_id) if item_id is not None else None
        if item_id is None or where is None:
            return False
        if parent.isValid():
            row = parent.row()
        count = len(self._rows)
        if not 0 <= row <= count:
            row = count
        grid, quadrant, old_row = where
        index = row
        if (grid, quadrant) == (self.grid, self.quadrant):
            index = row - 1 if row > old_row else row  # its own place no longer counts
            if index == old_row:
                return False
        move_item(self._doc, item_id, self.grid, self.quadrant, index)
        return False

