"""What the Skills tab's two table models share: rows that reload in place, one cell's data by
role, header tips, and a cell edit saved through the document."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from revmentor_desktop.data.commands import Edit
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.skills.labels import CENTRED, ID_ROLE
from revmentor_desktop.ui.skills.rows import RatingRow, SkillRow
from revmentor_desktop.ui.tables import Index, RowsTableModel

Row = TypeVar("Row", SkillRow, RatingRow)


class EditableRows(RowsTableModel, Generic[Row]):
    """A table over frozen rows that reloads in place (see ui.tables), so a reload after every
    edit keeps the selection and any open editor. Subclasses say what each cell shows."""

    #: The editable columns: the field of the row each one edits (its EditRole data), and the
    #: name of that edit in Edit › Undo. LABELS and HEADERS are marked with QT_TRANSLATE_NOOP in
    #: the subclass's own context, and translated here (`self.tr` looks there first).
    FIELDS: ClassVar[dict[int, str]] = {}
    LABELS: ClassVar[dict[int, str]] = {}
    #: Columns of numbers, centred.
    CENTRED_COLUMNS: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self.names: dict[str, str] = {}

    def set_names(self, names: dict[str, str]) -> None:
        self.names = names
        self.refresh_all()

    def at(self, row: int) -> Row | None:
        """The row shown at `row`, if there is one."""
        return self.row_at(row)

    # -- what subclasses say -------------------------------------------------------------------------

    def _text(self, row: Row, col: int) -> str:
        raise NotImplementedError

    def _tooltip(self, row: Row, col: int) -> str | None:
        return None

    def _icon(self, row: Row, col: int) -> QIcon | None:
        return None

    def _header_tip(self, section: int) -> str | None:
        return None

    def _update(self, row_id: int, label: str, values: dict[str, object]) -> Edit:
        """The edit that saves `values` into the row `row_id`."""
        raise NotImplementedError

    # -- the model -----------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(row, self.FIELDS[col]) if col in self.FIELDS else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.CENTRED_COLUMNS:
            return CENTRED
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if not self._doc.read_only and index.column() in self.FIELDS:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.EditRole or index.column() not in self.FIELDS:
            return False
        col = index.column()
        label = self.tr(self.LABELS[col])
        return self._doc.run(self._update(row.id, label, {self.FIELDS[col]: value})) is not None
