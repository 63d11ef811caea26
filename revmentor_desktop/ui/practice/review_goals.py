"""A review's goals as copied when it started: Goal | Expected | Achieved | Progress. Expected and
Achieved are written in the table (F2, a double-click or just typing; Enter saves, Shift+Enter
starts a new line, Esc forgets the change); each save is one edit of the file."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from revmentor_desktop.data import commands
from revmentor_desktop.data.reads import ReviewGoalRow
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.edit_in_place import edit_in_place
from revmentor_desktop.ui.icons import lock_icon
from revmentor_desktop.ui.row_cells import RowCellsModel
from revmentor_desktop.ui.tables import Index
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import plain_tooltip

#: Undo-step names of the two columns the pair writes in (translated where used).
EDIT_LABELS = {"expected": QT_TRANSLATE_NOOP("ReviewGoalsModel", "Edit What Was Expected"),
               "achieved": QT_TRANSLATE_NOOP("ReviewGoalsModel", "Edit What Was Achieved")}


class ReviewGoalsModel(RowCellsModel):
    """One review's copies of the goals (the private ones left out while private entries are hidden:
    the caller reads them so)."""

    GOAL, EXPECTED, ACHIEVED, PROGRESS = range(4)
    HEADERS = (QT_TRANSLATE_NOOP("ReviewGoalsModel", "Goal"), QT_TRANSLATE_NOOP("ReviewGoalsModel", "Expected"),
               QT_TRANSLATE_NOOP("ReviewGoalsModel", "Achieved"), QT_TRANSLATE_NOOP("ReviewGoalsModel", "Progress"))
    FIELDS: ClassVar[dict[int, str]] = {EXPECTED: "expected", ACHIEVED: "achieved"}

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._rows: list[ReviewGoalRow] = []
        self.review_id: int | None = None

    def show_goals(self, review_id: int | None, goals: tuple[ReviewGoalRow, ...]) -> None:
        """Another review: a reset; the same one read again: only what changed."""
        if review_id != self.review_id:
            self.beginResetModel()
            self.review_id = review_id
            self._rows = list(goals)
            self.endResetModel()
        else:
            self._set_rows(list(goals))

    def goal_at(self, row: int) -> ReviewGoalRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.GOAL: self.tr("The goal as it stood when the review started"),
                self.EXPECTED: self.tr("What you expected: the goal's success measure when the review started"),
                self.ACHIEVED: self.tr("What you achieved: write it in the table"),
                self.PROGRESS: self.tr("The goal's progress when the review started"),
            }.get(section)
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() in self.FIELDS and not self._doc.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, g: ReviewGoalRow, col: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(g, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.GOAL:
                return plain_tooltip(self.tr("{title} (private)").format(title=g.goal_title) if g.private
                                     else g.goal_title)
            if col in self.FIELDS:
                text = self._text(g, col)
                return plain_tooltip(text) if text else self.tr("Double-click or press F2 to write here")
            return self.tr("Progress when the review started")
        if role == Qt.ItemDataRole.DecorationRole and col == self.GOAL and g.private:
            return lock_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.PROGRESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def _text(self, g: ReviewGoalRow, col: int) -> str:
        if col == self.GOAL:
            return g.goal_title
        if col == self.EXPECTED:
            return g.expected
        if col == self.ACHIEVED:
            return g.achieved
        if col == self.PROGRESS:
            return f"{g.progress}%"
        return ""

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in self.FIELDS
                or not 0 <= index.row() < len(self._rows) or self._doc.read_only):
            return False
        g = self._rows[index.row()]
        field = self.FIELDS[index.column()]
        text = str(value)
        if text == getattr(g, field):
            return True
        edit = commands.update_review_goal(g.id, self.tr(EDIT_LABELS[field]), **{field: text})
        return self._doc.run(edit, self) is not None  # the review reads its goals again; the list need not


class TextCellDelegate(QStyledItemDelegate):
    """Edits a cell's text in a box that keeps line breaks: Enter saves and closes, Shift+Enter
    (or Alt+Enter) starts a new line, Tab saves and moves on, Esc forgets the change."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        model = index.model()
        header = model.headerData(index.column(), Qt.Orientation.Horizontal) if model else ""
        editor.setAccessibleName(self.tr("{column} (Enter saves, Shift+Enter starts a new line)").format(
            column=header))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        line = editor.fontMetrics().lineSpacing()
        editor.setGeometry(rect.x(), rect.y(), rect.width(), max(rect.height(), line * 4 + 8))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (isinstance(obj, QPlainTextEdit) and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            newline = event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier)
            if newline:
                obj.insertPlainText("\n")
            else:
                self.commitData.emit(obj)
                self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(obj, event)


class ReviewGoalsTable(QTableView):
    """The goals table: rows as tall as their wrapped text, columns sharing the width."""

    def __init__(self, model: ReviewGoalsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(TextCellDelegate(self))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        edit_in_place(self, QAbstractItemView.SelectionBehavior.SelectItems,
                      QAbstractItemView.EditTrigger.AnyKeyPressed)  # or just by typing
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName(self.tr("Goals: what you expected and what you achieved"))
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(ReviewGoalsModel.GOAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReviewGoalsModel.EXPECTED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReviewGoalsModel.ACHIEVED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReviewGoalsModel.PROGRESS, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.fit_rows())
        model.modelReset.connect(self.fit_rows)
        model.dataChanged.connect(lambda *_: self.fit_rows())
        model.rowsInserted.connect(lambda *_: self.fit_rows())
        model.rowsRemoved.connect(lambda *_: self.fit_rows())

    def fit_rows(self) -> None:
        """Every row as tall as its wrapped text (at least two lines), and the table as tall as its
        rows, up to a point (the form scrolls, not the table)."""
        two_lines = self.fontMetrics().lineSpacing() * 2 + 8
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        for row in range(rows):  # a little air below the last line of each row
            self.setRowHeight(row, max(two_lines, self.sizeHintForRow(row) + 6))
        total = sum(self.rowHeight(r) for r in range(rows)) if rows else two_lines
        height = self.horizontalHeader().sizeHint().height() + total + 2 * self.frameWidth() + 2
        self.setFixedHeight(min(height, two_lines * 12))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # Stretched columns take their new widths after this event, and say nothing of it.
            QTimer.singleShot(0, self, self.fit_rows)

    def sizeHint(self) -> QSize:
        return QSize(520, self.height())
