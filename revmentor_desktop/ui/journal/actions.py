"""The action items of one journal entry: their table model (every cell edits the file), the
delegate that edits an owner as a choice and a due date as typed or picked, and the box showing both."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, compute, reads
from revmentor_desktop.data.vocab import ActionOwner
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.controls import ComboBox
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.edit_in_place import edit_in_place
from revmentor_desktop.ui.icons import overdue_icon
from revmentor_desktop.ui.journal.due_date import DueDateEdit
from revmentor_desktop.ui.journal.fields import stretch_row
from revmentor_desktop.ui.row_cells import RowCellsModel
from revmentor_desktop.ui.tables import Index
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import DeleteKey, plain_tooltip

if TYPE_CHECKING:
    from revmentor_desktop.data.reads import ActionItemRow as ActionItem

#: Who can own an action item, in the order the choices are offered.
OWNER_CHOICES = (ActionOwner.BOTH, ActionOwner.MENTOR, ActionOwner.MENTEE)


class ActionModel(RowCellsModel):
    """The action items of the entry on screen: done (a tick), text, owner, due date."""

    DONE, TEXT, OWNER, DUE = range(4)
    HEADERS = (QT_TRANSLATE_NOOP("ActionModel", "Done"), QT_TRANSLATE_NOOP("ActionModel", "Action item"),
               QT_TRANSLATE_NOOP("ActionModel", "Owner"), QT_TRANSLATE_NOOP("ActionModel", "Due"))
    #: The columns typed into: the field each edits and its undo-step name (translated where used).
    EDITS: ClassVar[dict[int, tuple[str, str]]] = {
        TEXT: ("text", QT_TRANSLATE_NOOP("ActionModel", "Edit Action Item")),
        OWNER: ("owner", QT_TRANSLATE_NOOP("ActionModel", "Change Action Owner")),
        DUE: ("due_on", QT_TRANSLATE_NOOP("ActionModel", "Change Due Date")),
    }

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._names: dict[str, str] = {}
        self.entry_id: int | None = None

    def load(self, entry_id: int | None, names: dict[str, str]) -> None:
        rows = reads.list_actions(self._doc.store, entry_id) if entry_id is not None else []
        self._names = names
        self.entry_id = entry_id
        self._set_rows(rows)  # in place when the same items come back: an open editor survives

    def action_at(self, row: int) -> ActionItem | None:
        action: ActionItem | None = self.row_at(row)
        return action

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or self._doc.read_only:
            return base
        if index.column() == self.DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def cell(self, a: ActionItem, col: int, role: int) -> object:
        overdue = compute.is_overdue(a.due_on, a.done_on is not None, date.today())
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DONE:
            return Qt.CheckState.Checked if a.done_on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DONE:
                return day_text(a.done_on) if a.done_on else ""
            if col == self.TEXT:
                return a.text
            if col == self.OWNER:
                return self._names.get(a.owner, a.owner)
            if col == self.DUE:
                if not a.due_on:
                    return "—"
                day = day_text(a.due_on)
                return self.tr("{day} — overdue").format(day=day) if overdue else day
        if role == Qt.ItemDataRole.EditRole and col in self.EDITS:
            return getattr(a, self.EDITS[col][0])
        if role == Qt.ItemDataRole.DecorationRole and col == self.DUE and overdue:
            return overdue_icon()
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            return plain_tooltip(a.text)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        a: ActionItem = self._rows[index.row()]
        assert a.id is not None  # a row read from the file
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DONE:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._doc.run(commands.tick_action(a.id, done, date.today())) is not None
        if role != Qt.ItemDataRole.EditRole or col not in self.EDITS:
            return False
        field, label = self.EDITS[col]
        return self._doc.run(commands.update_action(a.id, self.tr(label), **{field: value})) is not None


class ActionDelegate(QStyledItemDelegate):
    """Owner as a choice; due date as a line that takes a typed date, with a calendar, empty for
    none (`DueDateEdit`), starting from the session's date."""

    def __init__(self, names: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = names
        #: where a due date starts when there is none: the session's date (today for no entry)
        self.start = date.today()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == ActionModel.OWNER:
            combo = QComboBox(parent)
            for owner in OWNER_CHOICES:
                combo.addItem(self.names.get(owner, owner), str(owner))
            return combo
        if index.column() == ActionModel.DUE:
            edit = DueDateEdit(self.start, parent)
            edit.picked.connect(lambda: self._picked(edit))
            return edit
        return super().createEditor(parent, option, index)

    def _picked(self, edit: DueDateEdit) -> None:
        self.commitData.emit(edit)
        self.closeEditor.emit(edit, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, DueDateEdit):
            editor.set_value(value if isinstance(value, date) else None)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, DueDateEdit):
            if editor.hasAcceptableInput() and editor.value() != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, editor.value())
        else:
            super().setModelData(editor, model, index)


class ActionItemsBox(QGroupBox):
    """The entry's action items, edited in place, with a line that adds one and a Remove button.

    The entry editor loads it and adds what is typed into `new_action` (it knows the entry)."""

    def __init__(self, doc: Document, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Action items"), parent)
        self._doc = doc
        self._names = names  # the editor's own dict, updated in place when the names change
        layout = QVBoxLayout(self)
        self.model = ActionModel(doc)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.delegate = ActionDelegate(names, self.table)
        self.table.setItemDelegate(self.delegate)
        DeleteKey(self.table, self.delete_selected, lambda: not self._doc.read_only)
        edit_in_place(self.table, QAbstractItemView.SelectionBehavior.SelectRows,
                      QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Action items"))
        self.table.setMinimumHeight(120)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ActionModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((ActionModel.DONE, 110), (ActionModel.OWNER, 130), (ActionModel.DUE, 150)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table)
        self.new_action = QLineEdit(self)
        self.new_action.setPlaceholderText(self.tr("Add an action item and press Enter"))
        self.new_action.setAccessibleName(self.tr("New action item"))
        self.new_action_owner = ComboBox(self)
        self.new_action_owner.setAccessibleName(self.tr("Owner of the new action item"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected action item (Delete)"))
        layout.addLayout(stretch_row(self.new_action, self.new_action_owner, self.remove_button))
        self.remove_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())

    def load(self, entry_id: int | None, held_on: date | None = None) -> None:
        """Show the entry's items; a due date being set starts from `held_on` (else today)."""
        self.model.load(entry_id, self._names)
        self.delegate.start = held_on or date.today()

    def show_owner_names(self) -> None:
        """Offer the partners' (new) names as owners, keeping the owner chosen."""
        current = self.new_action_owner.currentData()
        self.new_action_owner.clear()
        for owner in OWNER_CHOICES:
            self.new_action_owner.addItem(self._names[owner], str(owner))
        self.new_action_owner.setCurrentIndex(max(0, self.new_action_owner.findData(current)))

    def new_owner(self) -> str:
        return self.new_action_owner.currentData() or "both"

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def delete_selected(self) -> None:
        row = self.selected_row()
        action = self.model.action_at(row)
        if action is None:
            return
        assert action.id is not None  # a row read from the file
        self._doc.run(commands.delete_action(action.id))
        n = self.model.rowCount()
        if n:
            self.table.selectRow(min(row, n - 1))

    def update_buttons(self) -> None:
        self.remove_button.setEnabled(not self._doc.read_only and self.selected_row() >= 0)
