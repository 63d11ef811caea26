"""The editors inside the Skills tab's two tables: drop-down lists, level spinners, a calendar.
A pick from a drop-down list is saved at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QConcatenateTablesProxyModel,
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QDateEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from revmentor_desktop.data.vocab import RatedBy, Role
from revmentor_desktop.ui.skills.labels import (
    HIDDEN_SESSION,
    ID_ROLE,
    LEVELS,
    person_label,
    rater_label,
)
from revmentor_desktop.ui.skills.rating_table import RatingTableModel
from revmentor_desktop.ui.skills.skill_table import SkillTableModel
from revmentor_desktop.ui.tables import Index
from revmentor_desktop.ui.widgets import from_qdate, make_date_edit, to_qdate


class EditorChoices(Protocol):
    """What the editors offer, as the tab knows it now (the names and focus areas change)."""

    @property
    def names(self) -> dict[str, str]: ...

    @property
    def focus_areas(self) -> list[str]: ...


class _Delegate(QStyledItemDelegate):
    """Shared editor plumbing: a pick from a drop-down list is saved at once."""

    def __init__(self, choices: EditorChoices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def _combo(self, parent: QWidget, items: Sequence[tuple[str, object]], name: str,
               editable: bool = False) -> QComboBox:
        combo = QComboBox(parent)
        combo.setAccessibleName(name)
        combo.setEditable(editable)
        if editable:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        else:  # a choice is read whole ("Partner (Robert Hale)"), however narrow the column
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for text, value in items:
            combo.addItem(text, value)
        if not editable:
            combo.activated.connect(lambda _i, c=combo: self._commit_and_close(c))
        return combo

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        """Over the cell, and wider than it when the editor's text needs it."""
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, QComboBox) and not editor.isEditable():
            rect = editor.geometry()
            parent = editor.parentWidget()
            room = parent.width() - rect.left() if parent is not None else rect.width()
            width = min(max(rect.width(), editor.sizeHint().width()), max(rect.width(), room))
            if width != rect.width():
                rect.setWidth(width)
                editor.setGeometry(rect)

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    @staticmethod
    def _spin(parent: QWidget, name: str) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setRange(LEVELS.start, LEVELS.stop - 1)
        spin.setAccessibleName(name)
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox) and editor.isEditable():
            editor.setCurrentText(value or "")
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QDateEdit):
            editor.setDate(to_qdate(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox) and editor.isEditable():
            model.setData(index, editor.currentText())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value())
        elif isinstance(editor, QDateEdit):
            model.setData(index, from_qdate(editor.date()))
        else:
            super().setModelData(editor, model, index)


class SkillDelegate(_Delegate):
    """Whose skill as a choice of the two people, focus area as an editable list, target as 1–5."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        col = index.column()
        names = self._choices.names
        if col == SkillTableModel.WHOSE:
            return self._combo(parent, [(person_label(r, names), r) for r in (Role.MENTOR.value,
                                                                              Role.MENTEE.value)],
                               self.tr("Whose skill"))
        if col == SkillTableModel.FOCUS:
            return self._combo(parent, [(a, a) for a in self._choices.focus_areas], self.tr("Focus area"),
                               editable=True)
        if col == SkillTableModel.TARGET:
            return self._spin(parent, self.tr("Target level, 1 to 5"))
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(self.tr("Skill name"))
        return editor


class RatingDelegate(_Delegate):
    """Date as a calendar, level as 1–5, who rated as a choice, the session as a list of sessions."""

    def __init__(self, choices: EditorChoices, model: RatingTableModel,
                 parent: QObject | None = None) -> None:
        super().__init__(choices, parent)
        self._model = model  # for whose skill it is and the sessions on offer

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if index.column() == RatingTableModel.SESSION and isinstance(editor, QComboBox):
            sessions = self._model.sessions
            row = sessions.row_of(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(row if editor.model() is sessions else 0)
        else:
            super().setEditorData(editor, index)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        col = index.column()
        if col == RatingTableModel.DATE:
            edit = make_date_edit(parent)
            edit.setAccessibleName(self.tr("Rating date"))
            return edit
        if col == RatingTableModel.LEVEL:
            return self._spin(parent, self.tr("Level, 1 to 5"))
        if col == RatingTableModel.BY:
            items = [(rater_label(self._model.skill_owner, by, self._choices.names), by)
                     for by in (RatedBy.SELF.value, RatedBy.PARTNER.value)]
            return self._combo(parent, items, self.tr("Rated by"))
        if col == RatingTableModel.SESSION:
            return self._session_combo(parent, index.data(Qt.ItemDataRole.EditRole))
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(self.tr("Rating note"))
        return editor

    def _session_combo(self, parent: QWidget, current: int | None) -> QComboBox:
        combo = self._combo(parent, [], self.tr("From session"))
        sessions = self._model.sessions
        if sessions.row_of(current) >= 0:
            combo.setModel(sessions)
            return combo
        # A private session hidden in screen-share mode: offer to keep it, without its topics.
        hidden = QStandardItemModel(combo)
        item = QStandardItem(QCoreApplication.translate("SkillsTab", HIDDEN_SESSION))
        item.setData(current, ID_ROLE)
        hidden.appendRow(item)
        both = QConcatenateTablesProxyModel(combo)
        both.addSourceModel(hidden)
        both.addSourceModel(sessions)
        combo.setModel(both)
        return combo
