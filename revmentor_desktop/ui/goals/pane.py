"""The goal pane beside the table: the selected goal's fields, each saved the moment it changes,
above its milestones and the sessions that discussed it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data.commands import Change, Changes, Done, Edit
from revmentor_desktop.data.compute import goal_progress
from revmentor_desktop.data.vocab import GoalOwner, GoalStatus
from revmentor_desktop.ui.controls import ComboBox, Slider, SpinBox
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.edit_notices import EditNotices
from revmentor_desktop.ui.goals.common import (
    new_item_keys,
    owner_label,
    status_label,
)
from revmentor_desktop.ui.goals.discussed import DiscussedBox
from revmentor_desktop.ui.goals.milestones import MilestoneBox
from revmentor_desktop.ui.goals.status_rule import (
    fixed_note,
    moved_note,
    progress_for_status,
    status_for_progress,
    status_with_progress,
    with_status,
)
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import (
    OptionalDateEdit,
    TextSaver,
    form_scroll,
    muted_label,
    problem_label,
    text_box,
)

#: Undo-step names (translated when used), and which fields merge consecutive saves (typing,
#: dragging) into one step.
FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("GoalPane", "Edit Goal Title"),
    "owner": QT_TRANSLATE_NOOP("GoalPane", "Change Goal Owner"),
    "focus_area": QT_TRANSLATE_NOOP("GoalPane", "Change Focus Area"),
    "description": QT_TRANSLATE_NOOP("GoalPane", "Edit Goal Description"),
    "success_measure": QT_TRANSLATE_NOOP("GoalPane", "Edit Success Measure"),
    "target_date": QT_TRANSLATE_NOOP("GoalPane", "Change Target Date"),
    "status": QT_TRANSLATE_NOOP("GoalPane", "Change Goal Status"),
    "manual_progress": QT_TRANSLATE_NOOP("GoalPane", "Change Progress"),
}
MERGING_FIELDS = frozenset({"title", "focus_area", "description", "success_measure", "manual_progress"})


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

        content, layout = self._build_pages()
        form = self._build_form(content)
        self.problem = problem_label(content)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()
        self.filtered_note = muted_label(self.tr("This goal does not match the filters, so the table does "
                                                 "not show it; it stays here until you pick another."),
                                         content)
        self.filtered_note.hide()
        layout.addWidget(self.problem)
        layout.addWidget(self.filtered_note)
        layout.addLayout(form)
        self.milestone_box = MilestoneBox(doc, content)
        layout.addWidget(self.milestone_box)
        self.discussed_box = DiscussedBox(doc, content)
        layout.addWidget(self.discussed_box)
        layout.addStretch(1)

        # The boxes' parts, under the names the tab (and its tests) reach them by.
        self.milestone_model = self.milestone_box.model
        self.milestone_model.run_edit = self._run_milestone_edit  # the status follows the ticks
        self._notices = EditNotices.of(doc)
        self.milestones = self.milestone_box.checklist
        self.milestone_area, self.milestones_empty = self.milestone_box.area, self.milestone_box.empty
        self.up_button, self.down_button = self.milestone_box.up_button, self.milestone_box.down_button
        self.remove_button, self.new_milestone = self.milestone_box.remove_button, self.milestone_box.new_milestone
        self.discussed_model = self.discussed_box.model
        self.discussed, self.discussed_empty = self.discussed_box.sessions, self.discussed_box.empty

        self._savers = self._wire()
        self._set_tab_order()
        self.stack.setCurrentWidget(self.empty)
        # Never narrower than the form needs, so nothing is clipped on a small screen.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(content.minimumSizeHint().width() + bar + 4)

    # -- building ------------------------------------------------------------------------------------

    def _build_pages(self) -> tuple[QWidget, QVBoxLayout]:
        """The two pages, "select a goal" and the scrolling form; returns the form's content and its
        layout."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.empty = muted_label(self.tr("Select a goal, or press {keys} to add one.").format(
            keys=new_item_keys()), self.stack)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.stack.addWidget(self.empty)
        self.scroll_area = form_scroll(self.stack)
        content = QWidget(self.scroll_area)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 4, 10, 10)
        self.scroll_area.setWidget(content)
        self.stack.addWidget(self.scroll_area)
        return content, layout

    def _build_fields(self, content: QWidget) -> None:
        self.title = QLineEdit(content)
        self.title.setPlaceholderText(self.tr("What do you want to achieve?"))
        self.title.setAccessibleName(self.tr("Goal title"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.owner = ComboBox(content)
        self.owner.setAccessibleName(self.tr("Whose goal"))
        for owner in GoalOwner:
            self.owner.addItem(owner_label(owner, self._names), owner.value)
        self.focus_area = ComboBox(content)
        self.focus_area.setEditable(True)
        self.focus_area.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.focus_area.setAccessibleName(self.tr("Focus area"))
        self.focus_area.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.focus_area.setMinimumContentsLength(12)
        focus_edit = self._focus_edit()
        focus_edit.setPlaceholderText(self.tr("Choose one, or type your own"))
        focus_edit.setAccessibleName(self.tr("Focus area"))
        self.status = ComboBox(content)
        self.status.setAccessibleName(self.tr("Status"))
        for status in GoalStatus:
            self.status.addItem(status_label(status), status.value)
        self.target = OptionalDateEdit(self.tr("Finish by"), content)
        self.target.setAccessibleName(self.tr("Target date"))
        self.target.check.setAccessibleName(self.tr("Has a target date"))
        self.target.edit.setAccessibleName(self.tr("Target date"))

    def _build_progress(self, content: QWidget) -> QWidget:
        """A slider and a spin box for progress set by hand (a goal without milestones)."""
        progress_row = QWidget(content)
        row = QHBoxLayout(progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress_slider = Slider(Qt.Orientation.Horizontal, progress_row)
        self.progress_slider.setRange(0, 100)
        self.progress_slider.setSingleStep(5)
        self.progress_slider.setPageStep(10)
        self.progress_slider.setTracking(False)  # save when the drag ends, not on every pixel
        self.progress_slider.setAccessibleName(self.tr("Progress, set by hand"))
        self.progress_spin = SpinBox(progress_row)
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSingleStep(5)
        self.progress_spin.setSuffix("%")
        self.progress_spin.setKeyboardTracking(False)
        self.progress_spin.setAccessibleName(self.tr("Progress in percent, set by hand"))
        row.addWidget(self.progress_slider, 1)
        row.addWidget(self.progress_spin)
        return progress_row

    def _build_form(self, content: QWidget) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._build_fields(content)
        progress_row = self._build_progress(content)
        self.progress_note = muted_label("", content)
        self.description = text_box(content, self.tr("Description"),
                                    self.tr("What the goal is about, and why it matters"), 5)
        self.success = text_box(content, self.tr("How we'll know"), self.tr("How we'll know it is achieved"), 2)
        self.private = QCheckBox(self.tr("Pr&ivate — never exported, hidden in screen-share mode"), content)
        self.private.setAccessibleName(self.tr("Private goal"))
        self.private.setToolTip(self.tr("A private goal never leaves this computer: it is left out of every "
                                        "export and vanishes while private entries are hidden."))

        def add_row(text: str, field: QWidget, buddy: QWidget | None = None) -> None:
            label = QLabel(text, content)
            label.setBuddy(buddy or field)
            form.addRow(label, field)

        add_row(self.tr("&Title:"), self.title)
        add_row(self.tr("Ow&ner:"), self.owner)
        add_row(self.tr("Focus a&rea:"), self.focus_area)
        add_row(self.tr("Stat&us:"), self.status)
        add_row(self.tr("Target:"), self.target, self.target.check)
        add_row(self.tr("&Progress:"), progress_row, self.progress_slider)
        form.addRow("", self.progress_note)
        add_row(self.tr("Des&cription:"), self.description)
        add_row(self.tr("Ho&w we'll know:"), self.success)
        form.addRow(self.private)
        return form

    def _focus_edit(self) -> QLineEdit:
        edit = self.focus_area.lineEdit()
        assert edit is not None  # the focus-area box is editable
        return edit

    def _wire(self) -> dict[str, TextSaver]:
        """Every field saves itself; returns the savers of the typed-in ones."""
        savers = {
            "title": TextSaver(self.title, lambda t: self._save("title", t)),
            "focus_area": TextSaver(self._focus_edit(), lambda t: self._save("focus_area", t)),
            "description": TextSaver(self.description, lambda t: self._save("description", t)),
            "success_measure": TextSaver(self.success, lambda t: self._save("success_measure", t)),
        }
        self.owner.activated.connect(lambda _i: self._save("owner", self.owner.currentData()))
        self.status.activated.connect(lambda _i: self._status_picked())
        self.focus_area.activated.connect(lambda _i: self._focus_picked())
        self.target.changed.connect(lambda: self._save("target_date", self.target.value()))
        self.private.toggled.connect(self._private_toggled)
        self.progress_slider.valueChanged.connect(self._slider_changed)
        self.progress_slider.sliderMoved.connect(self._slider_moved)
        self.progress_spin.valueChanged.connect(self._spin_changed)
        self.discussed_box.open_entry.connect(self.open_entry)
        return savers

    def _set_tab_order(self) -> None:
        chain = (self.title, self.owner, self.focus_area, self.status, self.target.check,
                 self.target.edit, self.progress_slider, self.progress_spin, self.description,
                 self.success, self.private, self.milestones, self.up_button, self.down_button,
                 self.remove_button, self.new_milestone, self.discussed)
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    # -- loading -------------------------------------------------------------------------------------

    @property
    def showing_private(self) -> bool:
        return self.goal_id is not None and self._private

    def set_names(self, mentor: str, mentee: str) -> None:
        self._names = {"mentor": mentor, "mentee": mentee}
        for i in range(self.owner.count()):
            self.owner.setItemText(i, owner_label(self.owner.itemData(i), self._names))

    def set_focus_areas(self, names: Sequence[str]) -> None:
        edit = self._focus_edit()
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
            self.milestone_box.load(goal_id)
            self.discussed_box.load(goal_id)
            self._after_lists_loaded()
        self.load_fields()

    def load_fields(self) -> None:
        if self.goal_id is None:
            self._private = False
            self.stack.setCurrentWidget(self.empty)
            return
        try:
            g = reads.get_goal(self.doc.store, self.goal_id)
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
        for text_field in (self.title, self.description, self.success):
            text_field.setReadOnly(read_only)  # still selectable, to copy from
        # Greyed, not read-only: an empty field that says "Add a milestone" must not invite typing.
        for other in (self.owner, self.focus_area, self.status, self.target, self.private,
                      self.new_milestone):
            other.setEnabled(not read_only)
        self.stack.setCurrentWidget(self.scroll_area)

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
            self.progress_note.setText(
                self.tr("Progress follows the milestones ({done} of {total} done).").format(done=done, total=total))
        else:
            self.progress_note.setText(self.tr("Set by hand until the goal has milestones."))

    def _after_lists_loaded(self) -> None:
        self.milestone_box.show_rows()
        self.discussed_box.show_rows()

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if self.goal_id is None:
            return
        # Each list queries only when its own rows may have changed (not while a title is typed).
        if Change.MILESTONES in kinds:
            self.milestone_box.reload()
        if kinds & {Change.ENTRIES, Change.DISCUSSED, Change.PRIVACY}:
            self.discussed_box.load(self.goal_id)
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

    def _save(self, field: str, value: object) -> bool:
        if self.goal_id is None or self.doc.read_only:
            return False
        if field == "private":
            label = self.tr("Make Goal Private") if value else self.tr("Make Goal Not Private")
        else:
            label = self.tr(FIELD_LABELS[field])
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
        self._save_progress(value)

    def _spin_changed(self, value: int) -> None:
        with QSignalBlocker(self.progress_slider):
            self.progress_slider.setValue(value)
            self.progress_slider.setSliderPosition(value)
        self._save_progress(value)

    # -- status and progress in step (status_rule) ---------------------------------------------------

    def _save_progress(self, value: int) -> None:
        """Progress set by hand; the status follows it, in the same undo step."""
        old = self.status.currentData()
        new = status_for_progress(old, value)
        if new is None:
            if self._save("manual_progress", value):
                self._manual_progress = value
            return
        if self.goal_id is None or self.doc.read_only:
            return
        edit = commands.update_goal(self.goal_id, self.tr("Change Progress"), merge=False,
                                    manual_progress=value, status=new)
        if self.doc.run(edit, self) is not None:  # this pane shows the progress already; not the status
            self._manual_progress = value
            with QSignalBlocker(self.status):
                self.status.setCurrentIndex(max(0, self.status.findData(new)))
            self.show_problem("")
            self._notices.tell(moved_note(old, new, value))

    def _status_picked(self) -> None:
        """A status set by hand; Achieved brings the progress to 100 % with it (status_rule)."""
        status = self.status.currentData()
        done, total = self.milestone_model.counts()
        fix = progress_for_status(status, goal_progress(self._manual_progress, done, total),
                                  self.milestone_model.open_ids())
        if fix is None:
            self._save("status", status)
            return
        if self.goal_id is None or self.doc.read_only:
            return
        if self.doc.run(status_with_progress(self.goal_id, status, fix, date.today()), self) is not None:
            if fix.manual_progress is not None:
                self._manual_progress = fix.manual_progress
            self._update_progress()  # the milestones have reloaded themselves (on_changed)
            self.show_problem("")
            self._notices.tell(fixed_note(fix))

    def _run_milestone_edit(self, edit: Edit, done: int, total: int) -> Done | None:
        """Run a milestone edit that leaves (done, total) milestones; when it moves the progress
        across the rule's lines, the status moves with it, in the same undo step."""
        before = goal_progress(self._manual_progress, *self.milestone_model.counts())
        after = goal_progress(self._manual_progress, done, total)
        old = self.status.currentData()
        new = status_for_progress(old, after) if after != before else None
        if new is None or self.goal_id is None:
            return self.doc.run(edit)
        result = self.doc.run(with_status(edit, self.goal_id, new))
        if result is not None:
            self._notices.tell(moved_note(old, new, after))
        return result

    def flush(self) -> None:
        for saver in self._savers.values():
            saver.flush()

    def has_unsaved(self) -> bool:
        """Typing that is not in the file yet (it was refused, or its save failed)."""
        return any(saver.dirty for saver in self._savers.values())

    # -- milestones (the tab's Delete reaches them here) ---------------------------------------------

    def selected_milestone_row(self) -> int:
        return self.milestone_box.selected_row()

    def move_milestone(self, step: int) -> None:
        self.milestone_box.move_milestone(step)

    def delete_milestone(self) -> None:
        self.milestone_box.delete_milestone()
