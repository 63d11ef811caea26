"""The editing pane of the Journal tab: one entry's fields, each saving itself as it is edited,
with the feedback both ways (`feedback.py`), the entry's action items and the goals it discussed."""

from __future__ import annotations

from datetime import date
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data import journal as jr
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui import dialogs
from revmentor_desktop.ui.controls import SpinBox
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.journal import feedback
from revmentor_desktop.ui.journal.actions import ActionItemsBox
from revmentor_desktop.ui.journal.feedback import EarlierFeedback, FeedbackSection
from revmentor_desktop.ui.journal.fields import NotesPreview, caption
from revmentor_desktop.ui.journal.goal_pick import GoalPickModel
from revmentor_desktop.ui.journal.search_marks import SearchHighlighter
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import (
    FlowLayout,
    TextSaver,
    from_qdate,
    heading,
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

    #: the long texts, with the name of their undo step (translated where it is used)
    TEXT_FIELDS = (
        ("agenda", QT_TRANSLATE_NOOP("EntryEditor", "Edit Agenda")),
        ("notes", QT_TRANSLATE_NOOP("EntryEditor", "Edit Notes")),
        ("mentor_takeaway", QT_TRANSLATE_NOOP("EntryEditor", "Edit What the mentor took away")),
        ("mentee_takeaway", QT_TRANSLATE_NOOP("EntryEditor", "Edit What the mentee took away")),
        *feedback.TEXT_FIELDS,
    )
    #: focus arriving by these reasons puts a box's untouched cursor after its text
    _KEYBOARD_FOCUS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                       Qt.FocusReason.ShortcutFocusReason)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.entry_id: int | None = None
        self._names: dict[str, str] = {}
        self._savers: dict[str, TextSaver] = {}
        self._fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._boxes: dict[str, QPlainTextEdit] = {}
        self._held_on: date | None = None
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
        self.heading = heading("", self, scale=1.25)
        return self.heading

    def _build_session_row(self) -> FlowLayout:
        """Date, duration and the private switch (the ratings are with the feedback)."""
        top = FlowLayout(spacing=14)
        self.held_on = make_date_edit(self)
        self.held_on.setAccessibleName(self.tr("Session date"))
        self.duration = SpinBox(self)
        self.duration.setRange(0, 1440)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.private = QCheckBox(self.tr("&Private"), self)
        self.private.setToolTip(self.tr("Private entries never leave this computer: they are left out of "
                                        "every export and hidden in screen-share mode."))
        top.addWidget(labelled(self.tr("&Date:"), self.held_on, self))
        top.addWidget(labelled(self.tr("D&uration:"), self.duration, self))
        top.addWidget(self.private)
        return top

    def _build_topics_row(self) -> QHBoxLayout:
        topics_row = QHBoxLayout()
        topics_label = QLabel(self.tr("&Topics:"), self)
        self.topics = QLineEdit(self)
        self.topics.setPlaceholderText(self.tr("Comma-separated, e.g. Generative AI at work, Board presentations"))
        self.topics.setAccessibleName(self.tr("Topics"))
        topics_label.setBuddy(self.topics)
        topics_row.addWidget(topics_label)
        topics_row.addWidget(self.topics, 1)
        return topics_row

    def _build_suggestion_row(self) -> FlowLayout:
        """Topics worth rotating in; `set_suggestions` fills it with buttons."""
        self.suggestion_row = FlowLayout(spacing=6)
        self.suggestion_label = QLabel(self.tr("Rotate in:"), self)
        self.suggestion_label.setToolTip(self.tr("Hot topics for your focus areas you have not covered, and "
                                                 "your own topics not touched for three months."))
        self.suggestion_row.addWidget(self.suggestion_label)
        self._suggestion_buttons: list[QPushButton] = []
        return self.suggestion_row

    def _build_text_grid(self) -> QGridLayout:
        """Agenda, notes (with a Markdown preview), both takeaways and the feedback both ways."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.agenda = text_box(self, self.tr("Agenda"), self.tr("What we plan to cover"), 4)
        grid.addWidget(caption(self.tr("Agenda"), self.agenda, self), 0, 0, 1, 2)
        grid.addWidget(self.agenda, 1, 0, 1, 2)

        self.notes = text_box(self, self.tr("Notes"),
                              self.tr("Notes — Markdown works: **bold**, - lists, # headings"), 11)
        self.preview = NotesPreview(self)
        self.preview.setAccessibleName(self.tr("Notes preview"))
        self.notes_tabs = QTabWidget(self)
        # No frame around the page: the notes box has its own, and the tab frame alone cost an
        # eighth of painting the Journal tab (Fusion draws it twice per switch).
        self.notes_tabs.setDocumentMode(True)
        self.notes_tabs.addTab(self.notes, self.tr("Write"))
        self.notes_tabs.addTab(self.preview, self.tr("Preview"))
        self.notes_tabs.setFixedHeight(self.notes.height() + 36)
        self.preview.setFixedHeight(self.notes.height())
        self.notes_tabs.currentChanged.connect(self._render_preview)
        self.notes_caption = caption(self.tr("Note&s"), self.notes, self)  # Alt+N: the New Entry button
        grid.addWidget(self.notes_caption, 2, 0, 1, 2)
        grid.addWidget(self.notes_tabs, 3, 0, 1, 2)

        self.mentor_takeaway = text_box(self, self.tr("What the mentor took away"), "", 3)
        self.mentee_takeaway = text_box(self, self.tr("What the mentee took away"), "", 3)
        self.mentor_caption = caption(self.tr("Mentor took away"), self.mentor_takeaway, self)
        self.mentee_caption = caption(self.tr("Mentee took away"), self.mentee_takeaway, self)
        grid.addWidget(self.mentor_caption, 4, 0)
        grid.addWidget(self.mentee_caption, 4, 1)
        grid.addWidget(self.mentor_takeaway, 5, 0)
        grid.addWidget(self.mentee_takeaway, 5, 1)

        self.feedback = FeedbackSection(self)
        self.earlier = EarlierFeedback(self)
        self.earlier.hide()  # only for an entry that holds some
        grid.addWidget(self.feedback, 6, 0, 1, 2)
        grid.addWidget(self.earlier, 7, 0, 1, 2)
        self._boxes.update({"agenda": self.agenda, "notes": self.notes,
                            "mentor_takeaway": self.mentor_takeaway,
                            "mentee_takeaway": self.mentee_takeaway,
                            **self.feedback.boxes, **self.earlier.boxes})
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _build_goals_box(self) -> QGroupBox:
        goals_box = QGroupBox(self.tr("Goals d&iscussed"), self)
        goals_layout = QVBoxLayout(goals_box)
        self.goal_model = GoalPickModel(self.doc)
        self.goals = QListView(goals_box)
        self.goals.setModel(self.goal_model)
        self.goals.setAccessibleName(self.tr("Goals discussed"))
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
            box = self._boxes[field]
            self._fields[field] = box
            self._savers[field] = TextSaver(box, partial(self._save, field))
            self._highlighters.append(SearchHighlighter(box.document(), box.palette()))
            box.installEventFilter(self)  # keyboard focus: the cursor after the text
        self._fields["topics"] = self.topics
        self._savers["topics"] = TextSaver(self.topics, partial(self._save, "topics"))
        self.held_on.editingFinished.connect(self._save_date)
        self.held_on.dateChanged.connect(self._date_picked)
        self.duration.editingFinished.connect(lambda: self._save("duration_minutes", self.duration.value()))
        self.duration.valueChanged.connect(self._duration_stepped)
        self.feedback.rated.connect(self._save)
        self.earlier.rated.connect(self._save)
        self.private.toggled.connect(lambda on: self._save("private", on))
        self.new_action.returnPressed.connect(self.add_action)

    def _set_tab_order(self) -> None:
        """Reading order: the session row, topics (and the topics to rotate in), agenda, notes,
        the takeaways, the feedback column by column, the action items, then the goals."""
        order: tuple[QWidget, ...] = (
            self.held_on, self.duration, self.private, self.topics, self.agenda,
            self.notes_tabs.tabBar(), self.notes, self.preview, self.mentor_takeaway,
            self.mentee_takeaway, *self.feedback.focus_order(), *self.earlier.focus_order(),
            self.action_table, self.new_action, self.new_action_owner,
            self.action_items.remove_button, self.goals)
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab (or a shortcut) into a long text puts the cursor after the text, where the next
        words go (an agenda's carried-over items come first), unless the user had placed it."""
        if (isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusIn
                and event.reason() in self._KEYBOARD_FOCUS and isinstance(watched, QPlainTextEdit)):
            cursor = watched.textCursor()
            if cursor.position() == 0 and not cursor.hasSelection():
                watched.moveCursor(QTextCursor.MoveOperation.End)
        return False

    # -- loading -------------------------------------------------------------------------------------

    def set_names(self, mentor: str, mentee: str) -> None:
        self._names.clear()
        self._names.update({"mentor": mentor, "mentee": mentee, "both": self.tr("Both")})
        # "&" in a label with a buddy marks a shortcut: a name's own "&" must stay a character.
        self.mentor_caption.setText(self.tr("{name} (mentor) took away").format(name=mentor.replace("&", "&&")))
        self.mentee_caption.setText(self.tr("{name} (mentee) took away").format(name=mentee.replace("&", "&&")))
        self.feedback.set_names(mentor, mentee)
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
            self.earlier.show_entry(None, "", "", None)
            return True
        e = reads.get_entry(self.doc.store, entry_id)
        self._held_on = e.held_on
        self.heading.setText(self.tr("Session of {day}").format(day=day_text(e.held_on)))
        session: tuple[QWidget, ...] = (self.held_on, self.duration, self.private)
        for w in session:
            w.blockSignals(True)
        try:
            self.held_on.setDate(to_qdate(e.held_on))
            self.duration.setValue(e.duration_minutes)
            self.feedback.show_ratings(e.mentor_rating, e.mentee_rating)
            self.private.setChecked(e.private)
        finally:
            for w in session:
                w.blockSignals(False)
        for field, saver in self._savers.items():
            saver.set_text(getattr(e, field))
        self.earlier.show_entry(entry_id, e.feedback_good, e.feedback_improve, e.rating)
        if not e.notes:
            self.show_write()  # nothing to preview: the notes are ready for typing
        if self.notes_tabs.currentWidget() is self.preview:
            self._render_preview()
        self.action_items.load(entry_id, e.held_on)
        self.goal_model.load(entry_id)
        read_only = self.doc.read_only
        for field in self._savers:
            self._fields[field].setReadOnly(read_only)
        for w in (*session, self.new_action, self.new_action_owner):
            w.setEnabled(not read_only)
        self.feedback.set_read_only(read_only)
        self.earlier.set_read_only(read_only)
        self.action_items.update_buttons()
        return True

    def has_unsaved(self) -> bool:
        """Typing that is not in the file yet (it was refused, or its save failed)."""
        return any(saver.dirty for saver in self._savers.values())

    def reload_text(self) -> None:
        """Show the entry's long text as the file has it (fields being typed in are kept)."""
        if self.entry_id is None:
            return
        e = reads.get_entry(self.doc.store, self.entry_id)
        for field, _label in self.TEXT_FIELDS:
            self._savers[field].set_text(getattr(e, field))
        self.earlier.show_entry(self.entry_id, e.feedback_good, e.feedback_improve, e.rating)
        if self.notes_tabs.currentWidget() is self.preview:
            self._render_preview()

    def reload_actions(self) -> None:
        self.action_items.load(self.entry_id, self._held_on)
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
            b.setToolTip(plain_tooltip(self.tr("Add “{topic}” to this session's topics").format(topic=topic)))
            b.setAccessibleName(self.tr("Add topic {topic}").format(topic=topic))
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
        undo_name = dict(self.TEXT_FIELDS).get(field)
        label = commands.ENTRY_LABELS.get(field) or (self.tr(undo_name) if undo_name else f"Edit {field}")
        edit = commands.update_entry(self.entry_id, label, **{field: value})
        return self.doc.run(edit, self) is not None

    def _save_date(self) -> None:
        day = from_qdate(self.held_on.date())
        if day == self._held_on or not self._save("held_on", day):
            return
        self._held_on = day
        self._offer_earlier_start(day)

    def _offer_earlier_start(self, day: date) -> None:
        """A session dated before the partnership's start would sit oddly beside "Sessions held
        since …": say so, and offer to move the start (one undoable step)."""
        start = reads.get_partnership(self.doc.store).start_date
        if day >= start:
            return
        choice = dialogs.service.choose(
            self, self.tr("Before the Partnership Started"),
            self.tr("This session is dated {day}, before the partnership's start ({start}). Move the "
                    "start to {day}, so the figures count it?").format(day=day_text(day),
                                                                      start=day_text(start)),
            [self.tr("Move Start Date"), self.tr("Keep the Dates")])
        if choice == 0:
            self.doc.run(commands.update_partnership(start_date=day))

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
        previewing = self.notes_tabs.currentWidget() is self.preview
        # Alt+N moves to what is shown: the notes hidden behind Preview would take the typing.
        self.notes_caption.setBuddy(self.preview if previewing else self.notes)
        if previewing:
            self.preview.show_notes(self.notes.toPlainText())

    def show_write(self) -> None:
        """The notes as text to type into, not their preview."""
        self.notes_tabs.setCurrentWidget(self.notes)

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
