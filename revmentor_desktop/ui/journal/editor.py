"""The editing pane of the Journal tab: one entry's fields, each saving itself as it is edited,
with the entry's action items and the goals it discussed."""

from __future__ import annotations

from datetime import date
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, ops
from revmentor_desktop.data import journal as jr
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.journal.actions import ActionItemsBox
from revmentor_desktop.ui.journal.entry_list import STARS
from revmentor_desktop.ui.journal.fields import NotesPreview, caption
from revmentor_desktop.ui.journal.goal_pick import GoalPickModel
from revmentor_desktop.ui.journal.search_marks import SearchHighlighter
from revmentor_desktop.ui.widgets import (
    PLAIN,
    FlowLayout,
    TextSaver,
    from_qdate,
    labelled,
    make_date_edit,
    plain_tooltip,
    text_box,
    to_qdate,
)

#: What an entry's field holds: text, minutes, a rating, the private flag or the session's date.
FieldValue = str | int | bool | date | None


class EntryEditor(QWidget):
    """Edits one journal entry; every field saves itself."""

    TEXT_FIELDS = (
        ("agenda", "Agenda"), ("notes", "Notes"), ("mentor_takeaway", "What the mentor took away"),
        ("mentee_takeaway", "What the mentee took away"), ("feedback_good", "Feedback that went well"),
        ("feedback_improve", "Feedback to improve"),
    )

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.entry_id: int | None = None
        self._names: dict[str, str] = {}
        self._savers: dict[str, TextSaver] = {}
        self._fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._highlighters: list[SearchHighlighter] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self._build_heading())
        layout.addLayout(self._build_session_row())
        layout.addLayout(self._build_topics_row())
        layout.addLayout(self._build_suggestion_row())
        layout.addLayout(self._build_text_grid())
        goals_box = self._build_goals_box()
        actions_box = self._build_action_items()
        lower = QVBoxLayout()
        lower.addWidget(actions_box)
        lower.addWidget(goals_box)
        layout.addLayout(lower)
        layout.addStretch(1)
        self._connect_fields()
        self._set_tab_order()

    # -- building ------------------------------------------------------------------------------------

    def _build_heading(self) -> QLabel:
        self.heading = QLabel(self)
        self.heading.setTextFormat(PLAIN)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        return self.heading

    def _build_session_row(self) -> FlowLayout:
        """Date, duration, rating and the private switch."""
        top = FlowLayout(spacing=14)
        self.held_on = make_date_edit(self)
        self.held_on.setAccessibleName("Session date")
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 1440)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" min")
        self.duration.setAccessibleName("Duration in minutes")
        self.rating = QComboBox(self)
        self.rating.addItem("not rated", None)
        for n in range(1, 6):
            self.rating.addItem(f"{STARS[n]}  {n}", n)
        self.rating.setAccessibleName("Usefulness rating, 1 to 5")
        self.private = QCheckBox("&Private", self)
        self.private.setToolTip("Private entries never leave this computer: they are left out of "
                                "every export and hidden in screen-share mode.")
        top.addWidget(labelled("&Date:", self.held_on, self))
        top.addWidget(labelled("D&uration:", self.duration, self))
        top.addWidget(labelled("Usefu&lness:", self.rating, self))
        top.addWidget(self.private)
        return top

    def _build_topics_row(self) -> QHBoxLayout:
        topics_row = QHBoxLayout()
        topics_label = QLabel("&Topics:", self)
        self.topics = QLineEdit(self)
        self.topics.setPlaceholderText("Comma-separated, e.g. Generative AI at work, Board presentations")
        self.topics.setAccessibleName("Topics")
        topics_label.setBuddy(self.topics)
        topics_row.addWidget(topics_label)
        topics_row.addWidget(self.topics, 1)
        return topics_row

    def _build_suggestion_row(self) -> FlowLayout:
        """Topics worth rotating in; `set_suggestions` fills it with buttons."""
        self.suggestion_row = FlowLayout(spacing=6)
        self.suggestion_label = QLabel("Rotate in:", self)
        self.suggestion_label.setToolTip("Hot topics for your focus areas you have not covered, and "
                                         "your own topics not touched for three months.")
        self.suggestion_row.addWidget(self.suggestion_label)
        self._suggestion_buttons: list[QPushButton] = []
        return self.suggestion_row

    def _build_text_grid(self) -> QGridLayout:
        """Agenda, notes (with a Markdown preview), both takeaways and the feedback both ways."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.agenda = text_box(self, "Agenda", "What we plan to cover", 4)
        grid.addWidget(caption("Agenda", self.agenda, self), 0, 0, 1, 2)
        grid.addWidget(self.agenda, 1, 0, 1, 2)

        self.notes = text_box(self, "Notes", "Notes — Markdown works: **bold**, - lists, # headings", 11)
        self.preview = NotesPreview(self)
        self.preview.setAccessibleName("Notes preview")
        self.notes_tabs = QTabWidget(self)
        # No frame around the page: the notes box has its own, and the tab frame alone cost an
        # eighth of painting the Journal tab (Fusion draws it twice per switch).
        self.notes_tabs.setDocumentMode(True)
        self.notes_tabs.addTab(self.notes, "Write")
        self.notes_tabs.addTab(self.preview, "Preview")
        self.notes_tabs.setFixedHeight(self.notes.height() + 36)
        self.preview.setFixedHeight(self.notes.height())
        self.notes_tabs.currentChanged.connect(self._render_preview)
        grid.addWidget(caption("&Notes", self.notes, self), 2, 0, 1, 2)
        grid.addWidget(self.notes_tabs, 3, 0, 1, 2)

        self.mentor_takeaway = text_box(self, "What the mentor took away", "", 3)
        self.mentee_takeaway = text_box(self, "What the mentee took away", "", 3)
        self.mentor_caption = caption("Mentor took away", self.mentor_takeaway, self)
        self.mentee_caption = caption("Mentee took away", self.mentee_takeaway, self)
        grid.addWidget(self.mentor_caption, 4, 0)
        grid.addWidget(self.mentee_caption, 4, 1)
        grid.addWidget(self.mentor_takeaway, 5, 0)
        grid.addWidget(self.mentee_takeaway, 5, 1)

        self.feedback_good = text_box(self, "Feedback that went well", "", 2)
        self.feedback_improve = text_box(self, "Feedback to improve", "", 2)
        grid.addWidget(caption("Feedback: went well", self.feedback_good, self), 6, 0)
        grid.addWidget(caption("Feedback: to improve", self.feedback_improve, self), 6, 1)
        grid.addWidget(self.feedback_good, 7, 0)
        grid.addWidget(self.feedback_improve, 7, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _build_goals_box(self) -> QGroupBox:
        goals_box = QGroupBox("Goals d&iscussed", self)
        goals_layout = QVBoxLayout(goals_box)
        self.goal_model = GoalPickModel(self.doc)
        self.goals = QListView(goals_box)
        self.goals.setModel(self.goal_model)
        self.goals.setAccessibleName("Goals discussed")
        self.goals.setMinimumHeight(110)
        self.goals.setIconSize(QSize(16, 16))
        goals_layout.addWidget(self.goals)
        return goals_box

    def _build_action_items(self) -> ActionItemsBox:
        self.action_items = ActionItemsBox(self.doc, self._names, self)
        # The handles the editor and its tests use most.
        self.action_model = self.action_items.model
        self.action_table = self.action_items.table
        self.new_action = self.action_items.new_action
        self.new_action_owner = self.action_items.new_action_owner
        return self.action_items

    def _connect_fields(self) -> None:
        """Every field saves itself; the long texts also show the words searched for."""
        for field, _label in self.TEXT_FIELDS:
            box: QPlainTextEdit = getattr(self, field)
            self._fields[field] = box
            self._savers[field] = TextSaver(box, partial(self._save, field))
            self._highlighters.append(SearchHighlighter(box.document(), box.palette()))
        self._fields["topics"] = self.topics
        self._savers["topics"] = TextSaver(self.topics, partial(self._save, "topics"))
        self.held_on.editingFinished.connect(self._save_date)
        self.held_on.dateChanged.connect(self._date_picked)
        self.duration.editingFinished.connect(lambda: self._save("duration_minutes", self.duration.value()))
        self.duration.valueChanged.connect(self._duration_stepped)
        self.rating.activated.connect(lambda _i: self._save("rating", self.rating.currentData()))
        self.private.toggled.connect(lambda on: self._save("private", on))
        self.new_action.returnPressed.connect(self.add_action)

    def _set_tab_order(self) -> None:
        order: tuple[QWidget, ...] = (
            self.held_on, self.duration, self.rating, self.private, self.topics, self.agenda,
            self.notes, self.mentor_takeaway, self.mentee_takeaway, self.feedback_good,
            self.feedback_improve, self.goals, self.action_table, self.new_action,
            self.new_action_owner)
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    # -- loading -------------------------------------------------------------------------------------

    def set_names(self, mentor: str, mentee: str) -> None:
        self._names.clear()
        self._names.update({"mentor": mentor, "mentee": mentee, "both": "Both"})
        # "&" in a label with a buddy marks a shortcut: a name's own "&" must stay a character.
        self.mentor_caption.setText(f"{mentor.replace('&', '&&')} (mentor) took away")
        self.mentee_caption.setText(f"{mentee.replace('&', '&&')} (mentee) took away")
        self.action_items.show_owner_names()

    def load(self, entry_id: int | None) -> bool:
        """Show an entry (None: nothing). Fields with pending typing keep what the user typed.

        Returns False, and keeps showing the current entry, when typing in it could not be saved
        (the disk is full, say): that text must not be thrown away by moving on.
        """
        if entry_id != self.entry_id:
            self.flush()
            if self.entry_id is not None and self.has_unsaved():
                return False
            for saver in self._savers.values():
                saver.discard()  # a different entry: its own text, not the last one's
        self.entry_id = entry_id
        if entry_id is None:
            self.action_items.load(None)
            self.goal_model.load(None)
            return True
        e = ops.get_entry(self.doc.store, entry_id)
        self.heading.setText(f"Session of {day_text(e.held_on)}")
        session: tuple[QWidget, ...] = (self.held_on, self.duration, self.rating, self.private)
        for w in session:
            w.blockSignals(True)
        try:
            self.held_on.setDate(to_qdate(e.held_on))
            self.duration.setValue(e.duration_minutes)
            self.rating.setCurrentIndex(max(0, self.rating.findData(e.rating)))
            self.private.setChecked(e.private)
        finally:
            for w in session:
                w.blockSignals(False)
        for field, saver in self._savers.items():
            saver.set_text(getattr(e, field))
        if self.notes_tabs.currentWidget() is self.preview:
            self._render_preview()
        self.action_items.load(entry_id)
        self.goal_model.load(entry_id)
        read_only = self.doc.read_only
        for field in self._savers:
            self._fields[field].setReadOnly(read_only)
        for w in (*session, self.new_action, self.new_action_owner):
            w.setEnabled(not read_only)
        self.action_items.update_buttons()
        return True

    def has_unsaved(self) -> bool:
        """Typing that is not in the file yet (it was refused, or its save failed)."""
        return any(saver.dirty for saver in self._savers.values())

    def reload_text(self) -> None:
        """Show the entry's long text as the file has it (fields being typed in are kept)."""
        if self.entry_id is None:
            return
        e = ops.get_entry(self.doc.store, self.entry_id)
        for field, _label in self.TEXT_FIELDS:
            self._savers[field].set_text(getattr(e, field))
        if self.notes_tabs.currentWidget() is self.preview:
            self._render_preview()

    def reload_actions(self) -> None:
        self.action_items.load(self.entry_id)
        self.action_items.update_buttons()

    def reload_goals(self) -> None:
        self.goal_model.load(self.entry_id, goals_changed=True)

    def set_suggestions(self, topics: list[str]) -> None:
        for b in self._suggestion_buttons:
            self.suggestion_row.removeWidget(b)
            b.deleteLater()
        self._suggestion_buttons = []
        for topic in topics[:6]:
            b = QPushButton(topic.replace("&", "&&"), self)
            b.setFlat(False)
            b.setToolTip(plain_tooltip(f"Add “{topic}” to this session's topics"))
            b.setAccessibleName(f"Add topic {topic}")
            b.clicked.connect(lambda _c=False, t=topic: self.add_topic(t))
            self.suggestion_row.addWidget(b)
            self._suggestion_buttons.append(b)
        self.suggestion_label.setVisible(bool(topics))

    def set_search_words(self, words: list[str]) -> None:
        for hl in self._highlighters:
            hl.set_words(words)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a theme switched: the marks follow it
            for hl in self._highlighters:  # (the fields inherit the palette only after this event)
                hl.set_palette(self.palette())

    # -- saving --------------------------------------------------------------------------------------

    def _save(self, field: str, value: FieldValue) -> bool:
        if self.entry_id is None or self.doc.read_only:
            return False
        label = {"held_on": "Change Session Date", "duration_minutes": "Change Duration",
                 "rating": "Rate Session", "private": "Change Privacy", "topics": "Edit Topics",
                 }.get(field) or f"Edit {dict(self.TEXT_FIELDS).get(field, field)}"
        edit = commands.update_entry(self.entry_id, label, **{field: value})
        return self.doc.run(edit, self) is not None

    def _save_date(self) -> None:
        self._save("held_on", from_qdate(self.held_on.date()))

    def _date_picked(self) -> None:
        if self.held_on.calendarWidget().isVisible():
            self._save_date()

    def _duration_stepped(self) -> None:
        if not self.duration.lineEdit().hasFocus() or not self.duration.lineEdit().isModified():
            self._save("duration_minutes", self.duration.value())

    def add_topic(self, topic: str) -> None:
        current = jr.split_topics(self.topics.text())
        if topic.casefold() in {t.casefold() for t in current}:
            return
        self.topics.setText(", ".join([*current, topic]))
        self._save("topics", self.topics.text())

    def _render_preview(self) -> None:
        if self.notes_tabs.currentWidget() is self.preview:
            self.preview.show_notes(self.notes.toPlainText())

    def flush(self) -> None:
        for saver in self._savers.values():
            saver.flush()

    # -- action items --------------------------------------------------------------------------------

    def add_action(self) -> None:
        text = self.new_action.text()
        if self.entry_id is None or not text.strip():
            return
        entry_id = self.entry_id
        owner = self.action_items.new_owner()
        if self.doc.run(commands.add_action(entry_id, text, owner=owner)) is not None:
            self.new_action.clear()
