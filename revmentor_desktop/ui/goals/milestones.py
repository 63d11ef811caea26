"""A goal's milestones: the checklist model (tick to mark done, edit to rename) and the box in the
goal pane that shows it, with its buttons and the line that adds one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractListModel, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data.commands import Done, Edit
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.goals.common import ID_ROLE
from revmentor_desktop.ui.ordered_rows import add_move_keys, enable_order_buttons, select_record
from revmentor_desktop.ui.tables import ROOT, Index, RowDiff
from revmentor_desktop.ui.widgets import DeleteKey, muted_label

#: Runs a milestone edit that leaves the goal with (done, total) milestones; the goal pane makes it
#: move the goal's status with its progress (status_rule), in the same undo step.
RunEdit = Callable[[Edit, int, int], "Done | None"]


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    title: str
    done_on: date | None


class MilestoneModel(RowDiff, QAbstractListModel):
    """One goal's milestones as a checklist: tick to mark done (today), edit to rename."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._rows: list[MilestoneRow] = []
        self.goal_id: int | None = None
        self.run_edit: RunEdit = lambda edit, _done, _total: doc.run(edit)

    def load(self, goal_id: int | None) -> None:
        rows = [] if goal_id is None else [
            MilestoneRow(m.id, m.title, m.done_on) for m in reads.list_milestones(self._doc.store, goal_id)]
        if goal_id != self.goal_id:
            self.beginResetModel()
            self.goal_id = goal_id
            self._rows = rows
            self.endResetModel()
        else:
            self._set_rows(rows)

    def counts(self) -> tuple[int, int]:
        """(done, total)."""
        return sum(1 for r in self._rows if r.done_on is not None), len(self._rows)

    def open_ids(self) -> list[int]:
        """The milestones not yet done, in order."""
        return [r.id for r in self._rows if r.done_on is None]

    def milestone_at(self, row: int) -> MilestoneRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if not self._doc.read_only:
            base |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if m.done_on:
                done = self.tr("✓ done {day}").format(day=day_text(m.done_on))
                return f"{m.title}\n{done}"
            return m.title
        if role == Qt.ItemDataRole.EditRole:
            return m.title
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if m.done_on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if m.done_on:
                return self.tr("Done on {day}").format(day=day_text(m.done_on))
            return self.tr("Not done yet: tick it when it is")
        if role == ID_ROLE:
            return m.id
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or self._doc.read_only:
            return False
        m = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            was_done, total = self.counts()
            now_done = was_done + (0 if done == (m.done_on is not None) else 1 if done else -1)
            edit = commands.tick_milestone(m.id, done, date.today())
            return self.run_edit(edit, now_done, total) is not None
        if role == Qt.ItemDataRole.EditRole:
            edit = commands.update_milestone(m.id, self.tr("Rename Milestone"), title=value)
            return self._doc.run(edit) is not None
        return False


class ChecklistView(QListView):
    """A list as tall as its word-wrapped rows (with AdjustToContents), so a short checklist shows
    whole; QListView's own size hint ignores the wrapping."""

    def viewportSizeHint(self) -> QSize:
        return self.contentsSize()


class MilestoneBox(QGroupBox):
    """The goal pane's "Milestones" box: the checklist, Up / Down / Remove, and a line to add one.

    Space ticks, F2 or a double-click renames, Alt+Up / Alt+Down move, Delete removes.
    """

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Milestones"), parent)
        self.doc = doc
        self.model = MilestoneModel(doc)
        layout = QVBoxLayout(self)
        self.checklist = self._build_checklist()
        self.area = QWidget(self)  # the checklist and its buttons, hidden while there are none
        area = QHBoxLayout(self.area)
        area.setContentsMargins(0, 0, 0, 0)
        area.addWidget(self.checklist, 1)
        area.addLayout(self._build_buttons())
        layout.addWidget(self.area)
        self.empty = muted_label(self.tr("No milestones yet. Break the goal into steps, and its "
                                         "progress follows them."), self)
        layout.addWidget(self.empty)
        self.new_milestone = QLineEdit(self)
        self.new_milestone.setPlaceholderText(self.tr("Add a milestone and press Enter"))
        self.new_milestone.setAccessibleName(self.tr("New milestone"))
        layout.addWidget(self.new_milestone)
        self._wire()
        self.update_buttons()

    def _build_checklist(self) -> ChecklistView:
        view = ChecklistView(self)
        view.setModel(self.model)
        view.setAccessibleName(self.tr("Milestones"))
        view.setWordWrap(True)
        view.setUniformItemSizes(False)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setAlternatingRowColors(True)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # As tall as its (word-wrapped) rows, within limits: a short checklist needs no scrolling.
        view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        line = view.fontMetrics().height()
        view.setMinimumHeight(line * 3 + 12)
        view.setMaximumHeight(line * 16)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        view.setToolTip(self.tr("Space ticks a milestone; F2 or a double-click renames it; "
                                "Alt+Up and Alt+Down move it; Delete removes it."))
        return view

    def _build_buttons(self) -> QVBoxLayout:
        style = self.style()
        self.up_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp), self.tr("Up"),
                                     self.area)
        self.up_button.setToolTip(self.tr("Move the selected milestone up (Alt+Up)"))
        self.up_button.setAccessibleName(self.tr("Move milestone up"))
        self.down_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                       self.tr("Down"), self.area)
        self.down_button.setToolTip(self.tr("Move the selected milestone down (Alt+Down)"))
        self.down_button.setAccessibleName(self.tr("Move milestone down"))
        self.remove_button = QPushButton(self.tr("Remove"), self.area)
        self.remove_button.setToolTip(self.tr("Remove the selected milestone (Delete); Undo brings it back"))
        self.remove_button.setAccessibleName(self.tr("Remove milestone"))
        buttons = QVBoxLayout()
        for b in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        return buttons

    def _wire(self) -> None:
        self.new_milestone.returnPressed.connect(self.add_milestone)
        self.up_button.clicked.connect(lambda: self.move_milestone(-1))
        self.down_button.clicked.connect(lambda: self.move_milestone(+1))
        self.remove_button.clicked.connect(self.delete_milestone)
        self.checklist.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.model.modelReset.connect(self.update_buttons)
        self.model.rowsRemoved.connect(lambda *_: self.update_buttons())
        add_move_keys(self.checklist, self.move_milestone)
        DeleteKey(self.checklist, self.delete_milestone, lambda: True)

    # -- showing -------------------------------------------------------------------------------------

    def load(self, goal_id: int | None) -> None:
        """Show another goal's milestones (None: none)."""
        self.model.load(goal_id)

    def reload(self) -> None:
        """The milestones changed in the file: show them, keeping the selection on the same one."""
        keep = self.selected_id()
        self.model.load(self.model.goal_id)
        if keep is not None:
            select_record(self.checklist, keep)

    def show_rows(self) -> None:
        """The checklist with its buttons when there are milestones, a hint when there are none."""
        n = self.model.rowCount()
        self.area.setVisible(n > 0)
        self.empty.setVisible(n == 0)
        self.update_buttons()

    def selected_row(self) -> int:
        rows = self.checklist.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_id(self) -> int | None:
        m = self.model.milestone_at(self.selected_row())
        return m.id if m is not None else None

    def update_buttons(self) -> None:
        enable_order_buttons(self.selected_row(), self.model.rowCount(), not self.doc.read_only,
                             self.up_button, self.down_button, self.remove_button)

    # -- editing -------------------------------------------------------------------------------------

    def add_milestone(self) -> None:
        text = self.new_milestone.text()
        goal_id = self.model.goal_id
        if goal_id is None or not text.strip() or self.doc.read_only:
            return
        ticked, total = self.model.counts()
        done = self.model.run_edit(commands.add_milestone(goal_id, text), ticked, total + 1)
        if done is not None:
            self.new_milestone.clear()
            select_record(self.checklist, done.value)
            self.checklist.scrollTo(self.checklist.currentIndex())

    def move_milestone(self, step: int) -> None:
        row = self.selected_row()
        m = self.model.milestone_at(row)
        if m is None or not 0 <= row + step < self.model.rowCount() or self.doc.read_only:
            return
        if self.doc.run(commands.move_milestone(m.id, row + step)) is not None:
            select_record(self.checklist, m.id)

    def delete_milestone(self) -> None:
        row = self.selected_row()
        m = self.model.milestone_at(row)
        if m is None or self.doc.read_only:
            return
        ticked, total = self.model.counts()
        ticked -= m.done_on is not None
        if self.model.run_edit(commands.delete_milestone(m.id), ticked, total - 1) is not None:
            n = self.model.rowCount()
            if n:
                self.checklist.setCurrentIndex(self.model.index(min(row, n - 1)))
            else:
                self.new_milestone.setFocus()

