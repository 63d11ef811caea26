"""The Goals tab: the pair's goals in a sortable, filterable table, and beside it the selected goal
with its milestones and the sessions that discussed it — every field saved the moment it changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, ops, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.compute import goal_progress
from revmentor_desktop.data.vocab import STATUS_LABELS, GoalOwner, GoalStatus
from revmentor_desktop.report.text import day_text, isolate
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.goals.common import ID_ROLE, PROGRESS_ROLE, owner_label
from revmentor_desktop.ui.goals.delegates import CompactDelegate, ProgressDelegate
from revmentor_desktop.ui.goals.table_model import OPEN, GoalFilterProxy, GoalTableModel
from revmentor_desktop.ui.icons import lock_icon
from revmentor_desktop.ui.layout import fit_columns
from revmentor_desktop.ui.tables import ROOT, Index, RowDiff
from revmentor_desktop.ui.widgets import (
    PLAIN,
    OptionalDateEdit,
    TextSaver,
    muted_label,
    problem_label,
)

__all__ = ["ID_ROLE", "PROGRESS_ROLE", "GoalsTab"]

NEW_GOAL_TITLE = "New goal"

#: Undo-step names, and which fields merge consecutive saves (typing, dragging) into one step.
FIELD_LABELS = {
    "title": "Edit Goal Title",
    "owner": "Change Goal Owner",
    "focus_area": "Change Focus Area",
    "description": "Edit Goal Description",
    "success_measure": "Edit Success Measure",
    "target_date": "Change Target Date",
    "status": "Change Goal Status",
    "manual_progress": "Change Progress",
}
MERGING_FIELDS = frozenset({"title", "focus_area", "description", "success_measure", "manual_progress"})


# -- milestones and sessions -----------------------------------------------------------------------


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

    def load(self, goal_id: int | None) -> None:
        rows = [] if goal_id is None else [
            MilestoneRow(m.id or 0, m.title, m.done_on) for m in ops.list_milestones(self._doc.store, goal_id)]
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{m.title}\n✓ done {day_text(m.done_on)}" if m.done_on else m.title
        if role == Qt.ItemDataRole.EditRole:
            return m.title
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if m.done_on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Done on {day_text(m.done_on)}" if m.done_on else "Not done yet: tick it when it is"
        if role == ID_ROLE:
            return m.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or self._doc.read_only:
            return False
        m = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._doc.run(commands.tick_milestone(m.id, done, date.today())) is not None
        if role == Qt.ItemDataRole.EditRole:
            edit = commands.update_milestone(m.id, "Rename Milestone", title=value)
            return self._doc.run(edit) is not None
        return False


class DiscussedModel(QAbstractListModel):
    """The journal entries that discussed one goal, newest first."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._rows: list[ops.EntrySummary] = []

    def load(self, goal_id: int | None) -> None:
        self.beginResetModel()
        self._rows = [] if goal_id is None else ops.entries_for_goal(
            self._doc.store, goal_id, include_private=not self._doc.hide_private)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            topics = " ".join(e.topics.split()) or "no topics noted"
            return f"{day_text(e.held_on)} — {topics}"
        if role == Qt.ItemDataRole.ToolTipRole:
            private = " (private)" if e.private else ""
            return f"Session of {day_text(e.held_on)}{private}: double-click or press Enter to open it"
        if role == Qt.ItemDataRole.DecorationRole:
            return lock_icon() if e.private else None
        if role == ID_ROLE:
            return e.id
        return None


# -- the detail pane -------------------------------------------------------------------------------


def _text_box(parent: QWidget, name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)  # long text scrolls inside
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


def _fit_list_height(view: QListView, min_rows: int, max_rows: int) -> None:
    """Size a short one-line list to its rows (within limits), so the pane does not scroll for
    nothing."""
    model = view.model()
    rows = model.rowCount() if model is not None else 0
    line = max(view.sizeHintForRow(0), view.fontMetrics().height()) if rows else view.fontMetrics().height()
    shown = max(min_rows, min(rows, max_rows))
    view.setFixedHeight(line * shown + 2 * view.frameWidth() + 2)


def _message_page(parent: QWidget) -> tuple[QWidget, QLabel, QLabel]:
    """An empty state: a heading and a short, centred explanation in place of an empty table."""
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    heading = QLabel(page)
    heading.setTextFormat(PLAIN)
    heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    heading.setFont(font)
    text = muted_label("", page)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text.setMaximumWidth(440)
    centred = QHBoxLayout()
    centred.addStretch(1)
    centred.addWidget(text, 100)
    centred.addStretch(1)
    layout.addStretch(1)
    layout.addWidget(heading)
    layout.addLayout(centred)
    layout.addStretch(1)
    return page, heading, text


class _ChecklistView(QListView):
    """A list as tall as its word-wrapped rows (with AdjustToContents), so a short checklist shows
    whole; QListView's own size hint ignores the wrapping."""

    def viewportSizeHint(self) -> QSize:
        return self.contentsSize()


class GoalPane(QWidget):
    """Edits the selected goal: its fields, its milestones, and where it was discussed."""

    open_entry = Signal(int)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.goal_id: int | None = None
        self._private = False
        self._manual_progress = 0
        self._names: dict[str, str] = {"mentor": "", "mentee": ""}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)

        new_keys = QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
        self.empty = muted_label(f"Select a goal, or press {new_keys} to add one.", self.stack)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.stack.addWidget(self.empty)

        self.scroll = QScrollArea(self.stack)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(self.scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 4, 10, 10)
        self.scroll.setWidget(content)
        self.stack.addWidget(self.scroll)

        # -- the goal's fields ---------------------------------------------------------------------
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title = QLineEdit(content)
        self.title.setPlaceholderText("What do you want to achieve?")
        self.title.setAccessibleName("Goal title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.owner = QComboBox(content)
        self.owner.setAccessibleName("Whose goal")
        for owner in GoalOwner:
            self.owner.addItem(owner_label(owner, self._names), owner.value)
        self.focus_area = QComboBox(content)
        self.focus_area.setEditable(True)
        self.focus_area.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.focus_area.setAccessibleName("Focus area")
        self.focus_area.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.focus_area.setMinimumContentsLength(12)
        focus_edit = self.focus_area.lineEdit()
        assert focus_edit is not None
        focus_edit.setPlaceholderText("Choose one, or type your own")
        focus_edit.setAccessibleName("Focus area")
        self.status = QComboBox(content)
        self.status.setAccessibleName("Status")
        for status in GoalStatus:
            self.status.addItem(STATUS_LABELS[status], status.value)
        self.target = OptionalDateEdit("Finish by", content)
        self.target.setAccessibleName("Target date")
        self.target.check.setAccessibleName("Has a target date")
        self.target.edit.setAccessibleName("Target date")

        progress_row = QWidget(content)
        row = QHBoxLayout(progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress_slider = QSlider(Qt.Orientation.Horizontal, progress_row)
        self.progress_slider.setRange(0, 100)
        self.progress_slider.setSingleStep(5)
        self.progress_slider.setPageStep(10)
        self.progress_slider.setTracking(False)  # save when the drag ends, not on every pixel
        self.progress_slider.setAccessibleName("Progress, set by hand")
        self.progress_spin = QSpinBox(progress_row)
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSingleStep(5)
        self.progress_spin.setSuffix("%")
        self.progress_spin.setKeyboardTracking(False)
        self.progress_spin.setAccessibleName("Progress in percent, set by hand")
        row.addWidget(self.progress_slider, 1)
        row.addWidget(self.progress_spin)
        self.progress_note = muted_label("", content)

        self.description = _text_box(content, "Description", "What the goal is about, and why it matters", 5)
        self.success = _text_box(content, "How we'll know", "How we'll know it is achieved", 2)
        self.private = QCheckBox("Pr&ivate — never exported, hidden in screen-share mode", content)
        self.private.setAccessibleName("Private goal")
        self.private.setToolTip("A private goal never leaves this computer: it is left out of every "
                                "export and vanishes while private entries are hidden.")

        self.problem = problem_label(content)
        self.problem.setAccessibleName("Problem")
        self.problem.hide()
        self.filtered_note = muted_label("This goal does not match the filters, so the table does not show "
                                    "it; it stays here until you pick another.", content)
        self.filtered_note.hide()

        def add_row(text: str, field: QWidget, buddy: QWidget | None = None) -> None:
            label = QLabel(text, content)
            label.setBuddy(buddy or field)
            form.addRow(label, field)

        add_row("&Title:", self.title)
        add_row("Ow&ner:", self.owner)
        add_row("Focus a&rea:", self.focus_area)
        add_row("Stat&us:", self.status)
        add_row("Target:", self.target, self.target.check)
        add_row("&Progress:", progress_row, self.progress_slider)
        form.addRow("", self.progress_note)
        add_row("Des&cription:", self.description)
        add_row("Ho&w we'll know:", self.success)
        form.addRow(self.private)
        layout.addWidget(self.problem)
        layout.addWidget(self.filtered_note)
        layout.addLayout(form)

        # -- milestones ----------------------------------------------------------------------------
        ms_box = QGroupBox("&Milestones", content)
        ms_layout = QVBoxLayout(ms_box)
        self.milestone_model = MilestoneModel(doc)
        self.milestones = _ChecklistView(ms_box)
        self.milestones.setModel(self.milestone_model)
        self.milestones.setAccessibleName("Milestones")
        self.milestones.setWordWrap(True)
        self.milestones.setUniformItemSizes(False)
        self.milestones.setResizeMode(QListView.ResizeMode.Adjust)
        self.milestones.setAlternatingRowColors(True)
        self.milestones.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # As tall as its (word-wrapped) rows, within limits: a short checklist needs no scrolling.
        self.milestones.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.milestones.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        line = self.milestones.fontMetrics().height()
        self.milestones.setMinimumHeight(line * 3 + 12)
        self.milestones.setMaximumHeight(line * 16)
        self.milestones.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.milestones.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.milestones.setToolTip("Space ticks a milestone; F2 or a double-click renames it; "
                                   "Alt+Up and Alt+Down move it; Delete removes it.")
        self.milestone_area = QWidget(ms_box)
        area = QHBoxLayout(self.milestone_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.addWidget(self.milestones, 1)
        buttons = QVBoxLayout()
        style = self.style()
        self.up_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp), "Up",
                                     self.milestone_area)
        self.up_button.setToolTip("Move the selected milestone up (Alt+Up)")
        self.up_button.setAccessibleName("Move milestone up")
        self.down_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), "Down",
                                       self.milestone_area)
        self.down_button.setToolTip("Move the selected milestone down (Alt+Down)")
        self.down_button.setAccessibleName("Move milestone down")
        self.remove_button = QPushButton("Remove", self.milestone_area)
        self.remove_button.setToolTip("Remove the selected milestone (Delete); Undo brings it back")
        self.remove_button.setAccessibleName("Remove milestone")
        for b in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        area.addLayout(buttons)
        ms_layout.addWidget(self.milestone_area)
        self.milestones_empty = muted_label("No milestones yet. Break the goal into steps, and its "
                                       "progress follows them.", ms_box)
        ms_layout.addWidget(self.milestones_empty)
        self.new_milestone = QLineEdit(ms_box)
        self.new_milestone.setPlaceholderText("Add a milestone and press Enter")
        self.new_milestone.setAccessibleName("New milestone")
        ms_layout.addWidget(self.new_milestone)
        layout.addWidget(ms_box)

        # -- where it was discussed ----------------------------------------------------------------
        discussed_box = QGroupBox("Discussed in", content)
        discussed_layout = QVBoxLayout(discussed_box)
        self.discussed_model = DiscussedModel(doc)
        self.discussed = QListView(discussed_box)
        self.discussed.setModel(self.discussed_model)
        self.discussed.setAccessibleName("Sessions that discussed this goal")
        self.discussed.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.discussed.setWordWrap(False)
        self.discussed.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.discussed.setUniformItemSizes(True)
        self.discussed.setIconSize(QSize(16, 16))
        self.discussed.setToolTip("Double-click a session, or press Enter, to open it in the Journal")
        self.discussed_empty = muted_label("Not discussed in any session yet.", discussed_box)
        discussed_layout.addWidget(self.discussed)
        discussed_layout.addWidget(self.discussed_empty)
        layout.addWidget(discussed_box)
        layout.addStretch(1)

        # -- wiring: every field saves itself ------------------------------------------------------
        self._savers: dict[str, TextSaver] = {
            "title": TextSaver(self.title, lambda t: self._save("title", t)),
            "focus_area": TextSaver(focus_edit, lambda t: self._save("focus_area", t)),
            "description": TextSaver(self.description, lambda t: self._save("description", t)),
            "success_measure": TextSaver(self.success, lambda t: self._save("success_measure", t)),
        }
        self.owner.activated.connect(lambda _i: self._save("owner", self.owner.currentData()))
        self.status.activated.connect(lambda _i: self._save("status", self.status.currentData()))
        self.focus_area.activated.connect(lambda _i: self._focus_picked())
        self.target.changed.connect(lambda: self._save("target_date", self.target.value()))
        self.private.toggled.connect(self._private_toggled)
        self.progress_slider.valueChanged.connect(self._slider_changed)
        self.progress_slider.sliderMoved.connect(self._slider_moved)
        self.progress_spin.valueChanged.connect(self._spin_changed)
        self.new_milestone.returnPressed.connect(self.add_milestone)
        self.up_button.clicked.connect(lambda: self.move_milestone(-1))
        self.down_button.clicked.connect(lambda: self.move_milestone(+1))
        self.remove_button.clicked.connect(self.delete_milestone)
        self.milestones.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.milestone_model.modelReset.connect(self._update_buttons)
        self.milestone_model.rowsRemoved.connect(lambda *_: self._update_buttons())
        self.discussed.activated.connect(self._open_discussed)
        for seq, fn in (("Alt+Up", lambda: self.move_milestone(-1)),
                        ("Alt+Down", lambda: self.move_milestone(+1))):
            act = QAction(self.milestones)
            act.setShortcut(QKeySequence(seq))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(fn)
            self.milestones.addAction(act)
        self.milestones.installEventFilter(self)

        chain = (self.title, self.owner, self.focus_area, self.status, self.target.check,
                 self.target.edit, self.progress_slider, self.progress_spin, self.description,
                 self.success, self.private, self.milestones, self.up_button, self.down_button,
                 self.remove_button, self.new_milestone, self.discussed)
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

        self.stack.setCurrentWidget(self.empty)
        self._update_buttons()
        # Never narrower than the form needs, so nothing is clipped on a small screen.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(content.minimumSizeHint().width() + bar + 4)

    # -- loading -------------------------------------------------------------------------------------

    @property
    def showing_private(self) -> bool:
        return self.goal_id is not None and self._private

    def set_names(self, mentor: str, mentee: str) -> None:
        self._names = {"mentor": mentor, "mentee": mentee}
        for i in range(self.owner.count()):
            self.owner.setItemText(i, owner_label(self.owner.itemData(i), self._names))

    def set_focus_areas(self, names: Sequence[str]) -> None:
        edit = self.focus_area.lineEdit()
        assert edit is not None
        typed = edit.text()
        with QSignalBlocker(self.focus_area), QSignalBlocker(edit):
            self.focus_area.clear()
            self.focus_area.addItems(list(names))
            self.focus_area.setCurrentIndex(-1)
            edit.setText(typed)

    def set_goal(self, goal_id: int | None, *, save_pending: bool = True) -> None:
        """Show a goal (None: the empty state). Typing still pending for the last one is saved first,
        unless that goal is gone (`save_pending=False`)."""
        if goal_id != self.goal_id:
            if save_pending:
                self.flush()
            for saver in self._savers.values():
                saver.discard()  # refused text belongs to the goal we leave, not the next one
            self.show_problem("")
            self.goal_id = goal_id
            self.milestone_model.load(goal_id)
            self.discussed_model.load(goal_id)
            self._after_lists_loaded()
        self.load_fields()

    def load_fields(self) -> None:
        if self.goal_id is None:
            self._private = False
            self.stack.setCurrentWidget(self.empty)
            return
        try:
            g = ops.get_goal(self.doc.store, self.goal_id)
        except LookupError:
            self.set_goal(None, save_pending=False)
            return
        self._private = g.private
        self._manual_progress = g.manual_progress
        with QSignalBlocker(self.owner), QSignalBlocker(self.status), QSignalBlocker(self.private), \
                QSignalBlocker(self.target):
            self.owner.setCurrentIndex(max(0, self.owner.findData(g.owner)))
            self.status.setCurrentIndex(max(0, self.status.findData(g.status)))
            self.private.setChecked(g.private)
            self.target.set_value(g.target_date)
        for field, saver in self._savers.items():
            saver.set_text(getattr(g, field))
        self._update_progress()
        read_only = self.doc.read_only
        for w in (self.title, self.description, self.success, self.new_milestone):
            w.setReadOnly(read_only)
        for w2 in (self.owner, self.focus_area, self.status, self.target, self.private):
            w2.setEnabled(not read_only)
        self.stack.setCurrentWidget(self.scroll)

    def _update_progress(self) -> None:
        done, total = self.milestone_model.counts()
        value = goal_progress(self._manual_progress, done, total)
        with QSignalBlocker(self.progress_slider), QSignalBlocker(self.progress_spin):
            self.progress_slider.setValue(value)
            self.progress_slider.setSliderPosition(value)
            self.progress_spin.setValue(value)
        manual = total == 0 and not self.doc.read_only
        self.progress_slider.setEnabled(manual)
        self.progress_spin.setEnabled(manual)
        if total:
            self.progress_note.setText(f"Progress follows the milestones ({done} of {total} done).")
        else:
            self.progress_note.setText("Set by hand until the goal has milestones.")

    def _after_lists_loaded(self) -> None:
        n = self.milestone_model.rowCount()
        self.milestone_area.setVisible(n > 0)
        self.milestones_empty.setVisible(n == 0)
        has_entries = self.discussed_model.rowCount() > 0
        self.discussed.setVisible(has_entries)
        self.discussed_empty.setVisible(not has_entries)
        if has_entries:
            _fit_list_height(self.discussed, 1, 6)
        self._update_buttons()

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if self.goal_id is None:
            return
        # Each list queries only when its own rows may have changed (not while a title is typed).
        if Change.MILESTONES in kinds:
            keep = self.selected_milestone_id()
            self.milestone_model.load(self.goal_id)
            if keep is not None:
                self.select_milestone(keep)
        if kinds & {Change.ENTRIES, Change.DISCUSSED, Change.PRIVACY}:
            self.discussed_model.load(self.goal_id)
        if kinds & {Change.MILESTONES, Change.ENTRIES, Change.DISCUSSED, Change.PRIVACY}:
            self._after_lists_loaded()
        if kinds & {Change.GOALS, Change.MILESTONES, Change.PRIVACY} and initiator is not self:
            self.load_fields()  # not after its own save: the fields already show it

    def set_filtered(self, filtered: bool) -> None:
        self.filtered_note.setVisible(filtered)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    # -- saving --------------------------------------------------------------------------------------

    def _save(self, field: str, value: Any) -> bool:
        if self.goal_id is None or self.doc.read_only:
            return False
        if field == "private":
            label = "Make Goal Private" if value else "Make Goal Not Private"
        else:
            label = FIELD_LABELS[field]
        edit = commands.update_goal(self.goal_id, label, merge=field in MERGING_FIELDS,
                                    **{field: value})
        ok = self.doc.run(edit, self) is not None
        if ok:
            self.show_problem("")
        return ok

    def _focus_picked(self) -> None:
        saver = self._savers["focus_area"]
        saver.discard()  # the pick replaces whatever was typed
        self._save("focus_area", self.focus_area.currentText())

    def _private_toggled(self, on: bool) -> None:
        if not self._save("private", on):
            with QSignalBlocker(self.private):
                self.private.setChecked(not on)

    def _slider_moved(self, value: int) -> None:
        with QSignalBlocker(self.progress_spin):
            self.progress_spin.setValue(value)

    def _slider_changed(self, value: int) -> None:
        with QSignalBlocker(self.progress_spin):
            self.progress_spin.setValue(value)
        self._save("manual_progress", value)

    def _spin_changed(self, value: int) -> None:
        with QSignalBlocker(self.progress_slider):
            self.progress_slider.setValue(value)
            self.progress_slider.setSliderPosition(value)
        self._save("manual_progress", value)

    def flush(self) -> None:
        for saver in self._savers.values():
            saver.flush()

    # -- milestones ----------------------------------------------------------------------------------

    def selected_milestone_row(self) -> int:
        rows = self.milestones.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_milestone_id(self) -> int | None:
        m = self.milestone_model.milestone_at(self.selected_milestone_row())
        return m.id if m is not None else None

    def select_milestone(self, milestone_id: int) -> None:
        row = self.milestone_model.row_of(milestone_id)
        if row >= 0:
            self.milestones.setCurrentIndex(self.milestone_model.index(row))

    def _update_buttons(self) -> None:
        row = self.selected_milestone_row()
        n = self.milestone_model.rowCount()
        ro = self.doc.read_only
        self.up_button.setEnabled(not ro and row > 0)
        self.down_button.setEnabled(not ro and 0 <= row < n - 1)
        self.remove_button.setEnabled(not ro and row >= 0)

    def add_milestone(self) -> None:
        text = self.new_milestone.text()
        goal_id = self.goal_id
        if goal_id is None or not text.strip() or self.doc.read_only:
            return
        done = self.doc.run(commands.add_milestone(goal_id, text))
        if done is not None:
            self.new_milestone.clear()
            self.select_milestone(done.value)
            self.milestones.scrollTo(self.milestones.currentIndex())

    def move_milestone(self, step: int) -> None:
        row = self.selected_milestone_row()
        m = self.milestone_model.milestone_at(row)
        if m is None or not 0 <= row + step < self.milestone_model.rowCount() or self.doc.read_only:
            return
        if self.doc.run(commands.move_milestone(m.id, row + step)) is not None:
            self.select_milestone(m.id)

    def delete_milestone(self) -> None:
        row = self.selected_milestone_row()
        m = self.milestone_model.milestone_at(row)
        if m is None or self.doc.read_only:
            return
        if self.doc.run(commands.delete_milestone(m.id)) is not None:
            n = self.milestone_model.rowCount()
            if n:
                self.milestones.setCurrentIndex(self.milestone_model.index(min(row, n - 1)))
            else:
                self.new_milestone.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (obj is self.milestones and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete
                and self.milestones.state() != QAbstractItemView.State.EditingState):
            self.delete_milestone()
            return True
        return super().eventFilter(obj, event)

    def _open_discussed(self, index: QModelIndex) -> None:
        entry_id = index.data(ID_ROLE)
        if entry_id is not None:
            self.open_entry.emit(int(entry_id))


# -- the tab ---------------------------------------------------------------------------------------


class GoalsTab(QWidget):
    """What the pair wants to achieve: goals table (left) and the selected goal (right)."""

    title = "&Goals"
    open_entry = Signal(int)  # a journal entry the user asked to open (from "Discussed in")

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        doc.changed.connect(self.on_changed)  # the tab listens for itself; skips its own edits
        self.doc = doc
        self._restoring = False  # selection changes made by a reload, not by the user
        self._names: dict[str, str] = {"mentor": "", "mentee": ""}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter)
        self.splitter = splitter

        # -- left: filters, table, buttons ---------------------------------------------------------
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filter_label = QLabel("Fi&lter:", left)
        self.owner_filter = QComboBox(left)
        self.owner_filter.setAccessibleName("Show goals of")
        self.owner_filter.addItem("All owners", None)
        self.owner_filter.addItem("Mentor", GoalOwner.MENTOR.value)
        self.owner_filter.addItem("Mentee", GoalOwner.MENTEE.value)
        self.owner_filter.addItem("Shared", GoalOwner.SHARED.value)
        self.status_filter = QComboBox(left)
        self.status_filter.setAccessibleName("Show goals with status")
        self.status_filter.addItem("All statuses", None)
        self.status_filter.addItem("Open (not started + in progress)", OPEN)
        for status in GoalStatus:
            self.status_filter.addItem(STATUS_LABELS[status], status.value)
        filter_label.setBuddy(self.owner_filter)
        filters.addWidget(filter_label)
        filters.addWidget(self.owner_filter)
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        left_layout.addLayout(filters)

        self.model = GoalTableModel(doc)
        self.proxy = GoalFilterProxy(self.model)
        self.table = QTableView(left)
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(GoalTableModel.PROGRESS, ProgressDelegate(self.table))
        self.table.setItemDelegateForColumn(GoalTableModel.OWNER, CompactDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(16, 16))
        self.table.setAccessibleName("Goals")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        header.setSectionResizeMode(GoalTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(GoalTableModel.HEADERS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self._fitting = False
        self._user_sized = False  # once the user drags a column edge, widths are theirs
        header.sectionResized.connect(self._section_resized)
        header.setSortIndicatorClearable(True)  # a third click returns to the file's own order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        self.empty_page, self.empty_heading, self.empty_text = _message_page(left)
        self.no_match_page, no_match_heading, no_match_text = _message_page(left)
        no_match_heading.setText("No goal matches these filters.")
        no_match_text.hide()
        self.show_all_button = QPushButton("Show All Goals", self.no_match_page)
        self.show_all_button.setAccessibleName("Show all goals")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.show_all_button)
        row.addStretch(1)
        no_match_layout = self.no_match_page.layout()
        assert isinstance(no_match_layout, QVBoxLayout)
        no_match_layout.insertLayout(3, row)
        self.table_stack = QStackedWidget(left)
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_page)
        self.table_stack.addWidget(self.no_match_page)
        left_layout.addWidget(self.table_stack, 1)

        bottom = QHBoxLayout()
        self.count = QLabel(left)
        self.count.setTextFormat(PLAIN)
        new_keys = QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
        self.add_button = QPushButton("&Add Goal", left)
        self.add_button.setToolTip(f"Add a goal ({new_keys})")
        self.add_button.setAccessibleName("Add goal")
        self.delete_button = QPushButton("Delete", left)
        self.delete_button.setToolTip("Delete the selected goal with its milestones (Delete); "
                                      "Undo brings it back")
        self.delete_button.setAccessibleName("Delete goal")
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.delete_button)
        left_layout.addLayout(bottom)
        left.setMinimumWidth(340)
        splitter.addWidget(left)

        # -- right: the selected goal --------------------------------------------------------------
        self.pane = GoalPane(doc, splitter)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([6000, 4000])

        # -- wiring --------------------------------------------------------------------------------
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(lambda _i: self.pane.focus_title())
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.owner_filter.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.show_all_button.clicked.connect(self.clear_filters)
        self.add_button.clicked.connect(self.new_item)
        self.delete_button.clicked.connect(self.delete_goal)
        self.pane.open_entry.connect(self.open_entry)

        QWidget.setTabOrder(self.owner_filter, self.status_filter)
        QWidget.setTabOrder(self.status_filter, self.table)
        QWidget.setTabOrder(self.table, self.add_button)
        QWidget.setTabOrder(self.add_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.pane.title)

        self._load_names()
        self.pane.set_focus_areas(reads.list_focus_areas(doc.store))
        first = self.proxy.index(0, 0)
        if first.isValid():  # open on a goal, not on an empty pane
            self.show_goal(int(first.data(ID_ROLE)))
        self._update_state()
        self._fit_columns()

    def show_goal(self, goal_id: int) -> bool:
        """Select a goal and show it in the pane, as if the user had clicked it."""
        if not self.select_goal(goal_id, scroll=True):
            return False
        self.pane.set_goal(goal_id)
        self._update_state()
        return True

    # -- helpers -------------------------------------------------------------------------------------

    def _load_names(self) -> None:
        p = self.doc.partnership()
        mentor, mentee = isolate(p.mentor_name), isolate(p.mentee_name)  # shown inside our words
        self._names = {"mentor": mentor, "mentee": mentee}
        self.model.set_names(mentor, mentee)
        self.pane.set_names(mentor, mentee)
        self.owner_filter.setItemText(1, f"Mentor — {mentor}")
        self.owner_filter.setItemText(2, f"Mentee — {mentee}")

    def selected_goal_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return int(value) if value is not None else None

    def select_goal(self, goal_id: int | None, *, scroll: bool = False) -> bool:
        """Put the table's selection on a goal (None: clear it) without it counting as a user pick."""
        sm = self.table.selectionModel()
        self._restoring = True
        try:
            row = self.model.row_of(goal_id) if goal_id is not None else -1
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
            if index.isValid():
                flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                         | QItemSelectionModel.SelectionFlag.Rows)
                sm.setCurrentIndex(index, flags)
                if scroll:
                    self.table.scrollTo(index)
            else:
                sm.clearSelection()
        finally:
            self._restoring = False
        return index.isValid()

    def _selection_changed(self) -> None:
        if self._restoring:
            return
        goal_id = self.selected_goal_id()
        if goal_id != self.pane.goal_id:
            self.pane.flush()  # may reload the table, and put the selection back for a moment
            self.select_goal(goal_id)
            self.pane.set_goal(goal_id)
        self._update_state()

    def _after_reload(self) -> None:
        """Keep the table's selection and the pane on the same goal after any reload or filter change."""
        goal_id = self.pane.goal_id
        if goal_id is not None and self.model.row_of(goal_id) < 0:
            self.pane.set_goal(None, save_pending=False)  # deleted, or hidden as private
            goal_id = None
        self.select_goal(goal_id)
        self._update_state()

    def _column_widths(self) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
        """Ideal, comfortable (all text still whole, in some form) and smallest sensible widths of
        the columns beside the title, from what they show."""
        fm = self.table.fontMetrics()
        m = GoalTableModel
        pad, arrow = 18, 26  # cell padding; room for the header's sort arrow
        rows = [self.model.goal_at(i) for i in range(self.model.rowCount())]
        owner = max(fm.horizontalAdvance(owner_label(o, self._names)) for o in GoalOwner) + pad
        areas = [g.focus_area for g in rows if g is not None and g.focus_area]
        focus = min(max((fm.horizontalAdvance(a) for a in areas), default=0),
                    fm.horizontalAdvance("Leadership development")) + pad
        status = max(fm.horizontalAdvance(label) for label in STATUS_LABELS.values()) + pad
        overdue = any(g is not None and g.overdue for g in rows)
        icon = self.table.iconSize().width() + 6 if overdue else 0
        day = fm.horizontalAdvance("28 Sep 2026") + pad + icon
        target = fm.horizontalAdvance("28 Sep 2026 — overdue") + pad + icon if overdue else day
        progress = fm.horizontalAdvance("100%") + 40

        def header_min(col: int) -> int:
            return fm.horizontalAdvance(m.HEADERS[col]) + arrow

        ideal = {m.OWNER: max(owner, header_min(m.OWNER)), m.FOCUS: max(focus, header_min(m.FOCUS)),
                 m.STATUS: max(status, header_min(m.STATUS)),
                 m.PROGRESS: max(progress, header_min(m.PROGRESS)),
                 m.TARGET: max(target, header_min(m.TARGET))}
        smallest = dict(ideal)
        smallest[m.OWNER] = max(fm.horizontalAdvance(owner_label(o, {}).split(" — ")[0])
                                for o in GoalOwner) + pad
        smallest[m.FOCUS] = min(ideal[m.FOCUS], header_min(m.FOCUS))
        smallest[m.PROGRESS] = fm.horizontalAdvance("100%") + 24
        comfortable = dict(smallest)
        # Narrower than their text, these two elide; the tooltip then has it in full. The date
        # itself always shows: only " — overdue" gives way (the icon says it too).
        smallest[m.STATUS] = header_min(m.STATUS)
        smallest[m.TARGET] = max(day, header_min(m.TARGET))
        return ideal, comfortable, smallest

    def _fit_columns(self) -> None:
        """Share the table's width by layout.fit_columns' rule: the title narrows first (to a
        quarter of the table, at least 160 px); then the other columns, by the same share of their
        slack, as far as they still show their text whole (the owner as just the role, progress
        slimmer); then the focus area (also in the pane) steps aside; then status and target
        elide (their tooltips have the text); only then does the title go below 160 px. A
        scrollbar shows only if even the smallest widths do not fit."""
        if self._user_sized or self._fitting:
            return
        m = GoalTableModel
        available = self.table.viewport().width()
        if available <= 0:
            return
        ideal, comfortable, smallest = self._column_widths()
        wanted = {m.TITLE: max(160, available * 3 // 10), **ideal}
        minimum = {m.TITLE: self.table.horizontalHeader().minimumSectionSize(), **smallest}
        widths = fit_columns(available, wanted, minimum, m.TITLE, floor=max(160, available // 4),
                             droppable=(m.FOCUS,), comfortable=comfortable)
        hide_focus = widths[m.FOCUS] == 0
        self._fitting = True
        try:
            self.table.setColumnHidden(m.FOCUS, hide_focus)
            for col, width in widths.items():
                if col == m.TITLE or (col == m.FOCUS and hide_focus):
                    continue  # the title stretches into what is left; a hidden column keeps its width
                if self.table.columnWidth(col) != width:
                    self.table.setColumnWidth(col, width)
        finally:
            self._fitting = False

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        # Only a drag (or double-click) on a column edge counts; our own fitting and the title's
        # stretching do not.
        if (not self._fitting and section != GoalTableModel.TITLE
                and QApplication.mouseButtons() != Qt.MouseButton.NoButton):
            self._user_sized = True

    def _update_state(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 0:
            if self.doc.hide_private:
                self.empty_heading.setText("No goals to show.")
                self.empty_text.setText("Private goals are hidden while private entries are hidden "
                                        "(View menu).")
            else:
                keys = QKeySequence(QKeySequence.StandardKey.New).toString(
                    QKeySequence.SequenceFormat.NativeText)
                self.empty_heading.setText("No goals yet.")
                self.empty_text.setText("Write down what the two of you want to achieve — together, "
                                        f"or each on your own. Press Add Goal ({keys}) to start.")
            self.table_stack.setCurrentWidget(self.empty_page)
        elif shown == 0:
            self.table_stack.setCurrentWidget(self.no_match_page)
        else:
            self.table_stack.setCurrentWidget(self.table)
        noun = "goal" if total == 1 else "goals"
        self.count.setText(f"{shown} of {total} {noun}" if self.proxy.filtering else f"{total} {noun}")
        goal_id = self.pane.goal_id
        g = self.model.goal_at(self.model.row_of(goal_id)) if goal_id is not None else None
        self.pane.set_filtered(g is not None and not self.proxy.accepts(g))
        ro = self.doc.read_only
        self.add_button.setEnabled(not ro)
        self.delete_button.setEnabled(not ro and self.selected_goal_id() is not None)

    def _filters_changed(self) -> None:
        self._restoring = True
        try:
            self.proxy.set_filters(self.owner_filter.currentData(), self.status_filter.currentData())
        finally:
            self._restoring = False
        self._after_reload()

    def clear_filters(self) -> None:
        with QSignalBlocker(self.owner_filter), QSignalBlocker(self.status_filter):
            self.owner_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
        self._filters_changed()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if (obj is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Delete
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            self.delete_goal()
            return True
        return super().eventFilter(obj, event)

    # -- goals ---------------------------------------------------------------------------------------

    def delete_goal(self) -> None:
        goal_id = self.selected_goal_id()
        if goal_id is None or self.doc.read_only:
            return
        row = self.table.currentIndex().row()
        self.pane.flush()  # undo then brings back what was just typed, too
        if self.doc.run(commands.delete_goal(goal_id)) is not None:
            n = self.proxy.rowCount()
            if n:
                index = self.proxy.index(min(row, n - 1), 0)
                self.table.setCurrentIndex(index)  # a pick like the user's: the pane follows

    # -- the tab protocol ----------------------------------------------------------------------------

    def new_item(self) -> None:
        if self.doc.read_only:
            return
        self.pane.flush()
        done = self.doc.run(commands.add_goal(NEW_GOAL_TITLE, owner=GoalOwner.SHARED.value,
                                              status=GoalStatus.NOT_STARTED.value))
        if done is None:
            return
        new_id = done.value
        g = self.model.goal_at(self.model.row_of(new_id))
        if g is not None and not self.proxy.accepts(g):
            self.clear_filters()
        self.select_goal(new_id, scroll=True)
        self.pane.set_goal(new_id)
        self._update_state()
        self.pane.focus_title()

    def delete_selection(self) -> None:
        if self.pane.milestones.hasFocus():
            self.pane.delete_milestone()
        else:
            self.delete_goal()

    def flush(self) -> None:
        self.pane.flush()

    def show_problem(self, message: str) -> None:
        self.pane.show_problem(message)

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if Change.PRIVACY in kinds and self.doc.hide_private and self.pane.showing_private:
            self.pane.flush()  # save typing before the goal vanishes from view
        if Change.NAMES in kinds:
            self._load_names()
        if Change.FOCUS_AREAS in kinds:
            self.pane.set_focus_areas(reads.list_focus_areas(self.doc.store))
        if kinds & {Change.GOALS, Change.MILESTONES, Change.PRIVACY}:
            self._restoring = True
            try:
                self.model.reload()
            finally:
                self._restoring = False
            self._after_reload()
            self._fit_columns()
        self.pane.on_changed(kinds, initiator)

    def sizeHint(self) -> QSize:
        return QSize(1200, 760)
