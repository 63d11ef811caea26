"""The Journal tab and its entry editor (the item models and delegates are in their own modules)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
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
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, ops, reads
from revmentor_desktop.data import journal as jr
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.report.markdown import ClosedDocument, closed_resource, set_markdown
from revmentor_desktop.report.text import day_text, isolate
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.journal.actions import OWNER_CHOICES, ActionDelegate, ActionModel
from revmentor_desktop.ui.journal.entry_list import STARS, EntryListModel
from revmentor_desktop.ui.journal.goal_pick import GoalPickModel
from revmentor_desktop.ui.journal.search_marks import HighlightDelegate, SearchHighlighter
from revmentor_desktop.ui.widgets import (
    PLAIN,
    FlowLayout,
    TextSaver,
    from_qdate,
    labelled,
    make_date_edit,
    plain_tooltip,
    to_qdate,
)

SEARCH_DELAY_MS = 120


# -- the editor ------------------------------------------------------------------------------------


class NotesPreview(QTextBrowser):
    """The notes rendered as Markdown, reading nothing outside them.

    A note may come from a partner's file: an image or link naming a local file (or a FIFO that
    never answers) must not be opened, so the document and the browser both answer every resource
    with a placeholder, links are not followed and there are no search paths to resolve against.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(ClosedDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])

    def loadResource(self, type: int, name: Any) -> Any:
        return closed_resource(type)

    def show_notes(self, notes: str) -> None:
        document = self.document()
        assert isinstance(document, ClosedDocument)
        set_markdown(document, notes)


def _text_box(parent: QWidget, name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    line = box.fontMetrics().lineSpacing()
    box.setFixedHeight(line * lines + 14)  # predictable form; long text scrolls inside the box
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


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
        self._highlighters: list[SearchHighlighter] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)

        self.heading = QLabel(self)
        self.heading.setTextFormat(PLAIN)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        # date, duration, rating, private
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
        layout.addLayout(top)

        # topics + suggestions
        topics_row = QHBoxLayout()
        topics_label = QLabel("&Topics:", self)
        self.topics = QLineEdit(self)
        self.topics.setPlaceholderText("Comma-separated, e.g. Generative AI at work, Board presentations")
        self.topics.setAccessibleName("Topics")
        topics_label.setBuddy(self.topics)
        topics_row.addWidget(topics_label)
        topics_row.addWidget(self.topics, 1)
        layout.addLayout(topics_row)
        self.suggestion_row = FlowLayout(spacing=6)
        self.suggestion_label = QLabel("Rotate in:", self)
        self.suggestion_label.setToolTip("Hot topics for your focus areas you have not covered, and "
                                         "your own topics not touched for three months.")
        self.suggestion_row.addWidget(self.suggestion_label)
        self._suggestion_buttons: list[QPushButton] = []
        layout.addLayout(self.suggestion_row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.agenda = _text_box(self, "Agenda", "What we plan to cover", 4)
        grid.addWidget(self._caption("Agenda", self.agenda), 0, 0, 1, 2)
        grid.addWidget(self.agenda, 1, 0, 1, 2)

        self.notes = _text_box(self, "Notes", "Notes — Markdown works: **bold**, - lists, # headings", 11)
        self.preview = NotesPreview(self)
        self.preview.setAccessibleName("Notes preview")
        self.notes_tabs = QTabWidget(self)
        self.notes_tabs.addTab(self.notes, "Write")
        self.notes_tabs.addTab(self.preview, "Preview")
        self.notes_tabs.setFixedHeight(self.notes.height() + 36)
        self.preview.setFixedHeight(self.notes.height())
        self.notes_tabs.currentChanged.connect(self._render_preview)
        grid.addWidget(self._caption("&Notes", self.notes), 2, 0, 1, 2)
        grid.addWidget(self.notes_tabs, 3, 0, 1, 2)

        self.mentor_takeaway = _text_box(self, "What the mentor took away", "", 3)
        self.mentee_takeaway = _text_box(self, "What the mentee took away", "", 3)
        self.mentor_caption = self._caption("Mentor took away", self.mentor_takeaway)
        self.mentee_caption = self._caption("Mentee took away", self.mentee_takeaway)
        grid.addWidget(self.mentor_caption, 4, 0)
        grid.addWidget(self.mentee_caption, 4, 1)
        grid.addWidget(self.mentor_takeaway, 5, 0)
        grid.addWidget(self.mentee_takeaway, 5, 1)

        self.feedback_good = _text_box(self, "Feedback that went well", "", 2)
        self.feedback_improve = _text_box(self, "Feedback to improve", "", 2)
        grid.addWidget(self._caption("Feedback: went well", self.feedback_good), 6, 0)
        grid.addWidget(self._caption("Feedback: to improve", self.feedback_improve), 6, 1)
        grid.addWidget(self.feedback_good, 7, 0)
        grid.addWidget(self.feedback_improve, 7, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        # goals discussed + action items
        lower = QVBoxLayout()
        goals_box = QGroupBox("Goals d&iscussed", self)
        goals_layout = QVBoxLayout(goals_box)
        self.goal_model = GoalPickModel(doc)
        self.goals = QListView(goals_box)
        self.goals.setModel(self.goal_model)
        self.goals.setAccessibleName("Goals discussed")
        self.goals.setMinimumHeight(110)
        self.goals.setIconSize(QSize(16, 16))
        goals_layout.addWidget(self.goals)

        actions_box = QGroupBox("&Action items", self)
        actions_layout = QVBoxLayout(actions_box)
        self.action_model = ActionModel(doc)
        self.actions = QTableView(actions_box)
        self.actions.setModel(self.action_model)
        self.action_delegate = ActionDelegate(self._names, self.actions)
        self.actions.setItemDelegate(self.action_delegate)
        self.actions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actions.verticalHeader().hide()
        self.actions.setAccessibleName("Action items")
        self.actions.setMinimumHeight(120)
        self.actions.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                     | QAbstractItemView.EditTrigger.EditKeyPressed
                                     | QAbstractItemView.EditTrigger.SelectedClicked)
        header = self.actions.horizontalHeader()
        header.setSectionResizeMode(ActionModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((ActionModel.DONE, 110), (ActionModel.OWNER, 130), (ActionModel.DUE, 150)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.actions.setColumnWidth(col, width)
        actions_layout.addWidget(self.actions)
        add_row = QHBoxLayout()
        self.new_action = QLineEdit(actions_box)
        self.new_action.setPlaceholderText("Add an action item and press Enter")
        self.new_action.setAccessibleName("New action item")
        self.new_action_owner = QComboBox(actions_box)
        self.new_action_owner.setAccessibleName("Owner of the new action item")
        self.remove_action = QPushButton("Remove", actions_box)
        self.remove_action.setToolTip("Remove the selected action item (Delete)")
        add_row.addWidget(self.new_action, 1)
        add_row.addWidget(self.new_action_owner)
        add_row.addWidget(self.remove_action)
        actions_layout.addLayout(add_row)
        lower.addWidget(actions_box)
        lower.addWidget(goals_box)
        layout.addLayout(lower)
        layout.addStretch(1)

        # wiring: every field saves itself
        for field, _label in self.TEXT_FIELDS:
            box = getattr(self, field)
            self._savers[field] = TextSaver(box, lambda t, f=field: self._save(f, t))
            hl = SearchHighlighter(box.document())
            self._highlighters.append(hl)
        self._savers["topics"] = TextSaver(self.topics, lambda t: self._save("topics", t))
        self.held_on.editingFinished.connect(self._save_date)
        self.held_on.dateChanged.connect(self._date_picked)
        self.duration.editingFinished.connect(lambda: self._save("duration_minutes", self.duration.value()))
        self.duration.valueChanged.connect(self._duration_stepped)
        self.rating.activated.connect(lambda _i: self._save("rating", self.rating.currentData()))
        self.private.toggled.connect(lambda on: self._save("private", on))
        self.new_action.returnPressed.connect(self.add_action)
        self.remove_action.clicked.connect(self.delete_action)
        self.actions.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.setTabOrder(self.held_on, self.duration)
        self.setTabOrder(self.duration, self.rating)
        self.setTabOrder(self.rating, self.private)
        self.setTabOrder(self.private, self.topics)
        self.setTabOrder(self.topics, self.agenda)
        self.setTabOrder(self.agenda, self.notes)
        self.setTabOrder(self.notes, self.mentor_takeaway)
        self.setTabOrder(self.mentor_takeaway, self.mentee_takeaway)
        self.setTabOrder(self.mentee_takeaway, self.feedback_good)
        self.setTabOrder(self.feedback_good, self.feedback_improve)
        self.setTabOrder(self.feedback_improve, self.goals)
        self.setTabOrder(self.goals, self.actions)
        self.setTabOrder(self.actions, self.new_action)
        self.setTabOrder(self.new_action, self.new_action_owner)

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(PLAIN)  # partner names appear in captions: never render them as HTML
        label.setBuddy(buddy)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    # -- loading -------------------------------------------------------------------------------------

    def set_names(self, mentor: str, mentee: str) -> None:
        self._names.clear()
        self._names.update({"mentor": mentor, "mentee": mentee, "both": "Both"})
        # "&" in a label with a buddy marks a shortcut: a name's own "&" must stay a character.
        self.mentor_caption.setText(f"{mentor.replace('&', '&&')} (mentor) took away")
        self.mentee_caption.setText(f"{mentee.replace('&', '&&')} (mentee) took away")
        current = self.new_action_owner.currentData()
        self.new_action_owner.clear()
        for owner in OWNER_CHOICES:
            self.new_action_owner.addItem(self._names[owner], str(owner))
        self.new_action_owner.setCurrentIndex(max(0, self.new_action_owner.findData(current)))

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
            self.action_model.load(None, self._names)
            self.goal_model.load(None)
            return True
        e = ops.get_entry(self.doc.store, entry_id)
        self.heading.setText(f"Session of {day_text(e.held_on)}")
        for w in (self.held_on, self.duration, self.rating, self.private):
            w.blockSignals(True)
        try:
            self.held_on.setDate(to_qdate(e.held_on))
            self.duration.setValue(e.duration_minutes)
            self.rating.setCurrentIndex(max(0, self.rating.findData(e.rating)))
            self.private.setChecked(e.private)
        finally:
            for w in (self.held_on, self.duration, self.rating, self.private):
                w.blockSignals(False)
        for field, saver in self._savers.items():
            saver.set_text(getattr(e, field))
        if self.notes_tabs.currentWidget() is self.preview:
            self._render_preview()
        self.action_model.load(entry_id, self._names)
        self.goal_model.load(entry_id)
        read_only = self.doc.read_only
        for field in self._savers:
            getattr(self, field).setReadOnly(read_only)
        for w in (self.held_on, self.duration, self.rating, self.private, self.new_action,
                  self.new_action_owner):
            w.setEnabled(not read_only)
        self._update_buttons()
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
        self.action_model.load(self.entry_id, self._names)
        self._update_buttons()

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

    # -- saving --------------------------------------------------------------------------------------

    def _save(self, field: str, value: Any) -> bool:
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
        owner = self.new_action_owner.currentData() or "both"
        if self.doc.run(commands.add_action(entry_id, text, owner=owner)) is not None:
            self.new_action.clear()

    def selected_action_row(self) -> int:
        rows = self.actions.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def delete_action(self) -> None:
        row = self.selected_action_row()
        action = self.action_model.action_at(row)
        if action is None:
            return
        self.doc.run(commands.delete_action(action.id))
        n = self.action_model.rowCount()
        if n:
            self.actions.selectRow(min(row, n - 1))

    def _update_buttons(self) -> None:
        self.remove_action.setEnabled(not self.doc.read_only and self.selected_action_row() >= 0)


# -- the tab ---------------------------------------------------------------------------------------


class JournalTab(QWidget):
    title = "&Journal"

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        doc.changed.connect(self.on_changed)  # the tab listens for itself; skips its own edits
        self.doc = doc
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter)

        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(left)
        self.search.setPlaceholderText("Search every session (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the journal")
        left_layout.addWidget(self.search)
        self.model = EntryListModel(doc)
        self.list = QTableView(left)
        self.list.setModel(self.model)
        self.list.setItemDelegateForColumn(EntryListModel.TOPICS, HighlightDelegate(self.list))
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setDefaultSectionSize(self.list.fontMetrics().height() + 12)
        self.list.setShowGrid(False)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(False)
        self.list.setAccessibleName("Journal entries, newest first")
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(EntryListModel.DATE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(EntryListModel.TOPICS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EntryListModel.RATING, QHeaderView.ResizeMode.Fixed)
        self.list.setColumnWidth(EntryListModel.DATE, self.list.fontMetrics().horizontalAdvance("00 May 0000") + 44)
        self.list.setColumnWidth(EntryListModel.RATING, self.list.fontMetrics().horizontalAdvance("★★★★★") + 20)
        left_layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        self.count = QLabel(left)
        self.count.setTextFormat(PLAIN)
        self.new_button = QPushButton("&New Entry", left)
        self.new_button.setToolTip("Start a session entry for today (Ctrl+N)")
        self.delete_button = QPushButton("Delete", left)
        self.delete_button.setToolTip("Delete the selected entry (Delete); Undo brings it back")
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.delete_button)
        left_layout.addLayout(bottom)
        splitter.addWidget(left)

        self.right = QStackedWidget(splitter)
        self.empty = QLabel(self.right)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(PLAIN)
        self.editor = EntryEditor(doc)
        scroll = QScrollArea(self.right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor)
        self.scroll = scroll
        self.right.addWidget(self.empty)
        self.right.addWidget(scroll)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([420, 880])
        splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(260)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_enter)
        self.list.selectionModel().currentRowChanged.connect(self._current_changed)
        self.new_button.clicked.connect(self.new_item)
        self.delete_button.clicked.connect(self.delete_entry)
        escape = QAction(self.search)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self.search.clear)
        self.search.addAction(escape)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.new_button)

        self._suggestions_stale = True
        self._load_names()
        self.model.reload()
        self._select_row(0)
        self._update_state()

    # -- helpers -------------------------------------------------------------------------------------

    def _load_names(self) -> None:
        p = self.doc.partnership()
        self.editor.set_names(isolate(p.mentor_name), isolate(p.mentee_name))

    def current_entry_id(self) -> int | None:
        idx = self.list.currentIndex()
        e = self.model.entry_at(idx.row()) if idx.isValid() else None
        return e.id if e is not None else None

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(row, 0))
            self.list.scrollTo(self.model.index(row, 0))
        else:
            self.editor.load(None)
            self._update_state()

    def select_entry(self, entry_id: int) -> bool:
        row = self.model.row_of(entry_id)
        if row < 0 and self.model.searching:
            self.search.clear()
            self.run_search()
            row = self.model.row_of(entry_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.entry_at(current.row()) if current.isValid() else None
        if not self.editor.load(entry.id if entry else None):
            # The entry on screen holds typing that could not be saved: stay on it.
            row = self.model.row_of(self.editor.entry_id) if self.editor.entry_id else -1
            if row >= 0:
                with QSignalBlocker(self.list.selectionModel()):
                    self.list.setCurrentIndex(self.model.index(row, 0))
                self.list.viewport().update()
            return
        if entry is not None and self._suggestions_stale:
            self._refresh_suggestions()
        self._update_state()

    def _refresh_suggestions(self) -> None:
        p_areas = reads.list_focus_areas(self.doc.store)
        self.editor.set_suggestions(jr.topic_suggestions(self.doc.store, p_areas, date.today()))
        self._suggestions_stale = False

    def _update_state(self) -> None:
        total = self.model.total()
        shown = self.model.rowCount()
        if self.model.searching:
            self.count.setText(f"{shown} of {total} sessions match")
        else:
            self.count.setText(f"{total} session{'s' if total != 1 else ''}")
        has = self.editor.entry_id is not None
        self.right.setCurrentIndex(1 if has else 0)
        if not has:
            if total == 0:
                self.empty.setText("No sessions yet.\n\nAfter each meeting, press New Entry (Ctrl+N) to "
                                   "note what you covered, what each of you took away, and what to do "
                                   "next.")
            elif self.model.searching and shown == 0:
                self.empty.setText("No session matches your search.")
            else:
                self.empty.setText("Select a session on the left.")
        ro = self.doc.read_only
        self.new_button.setEnabled(not ro)
        self.delete_button.setEnabled(not ro and has)

    # -- search --------------------------------------------------------------------------------------

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text()
        keep = self.current_entry_id()
        hits = jr.search_ids(self.doc.store, text, include_private=not self.doc.hide_private)
        self.model.set_hits(hits, text)
        self.list.horizontalHeader().viewport().update()
        words = re.findall(r"\w+", text) if hits is not None else []
        self.editor.set_search_words(words)
        row = self.model.row_of(keep) if keep is not None else -1
        self._select_row(row if row >= 0 else 0)
        self._update_state()

    def _search_enter(self) -> None:
        self.run_search()
        self.list.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- the tab protocol ----------------------------------------------------------------------------

    def new_item(self) -> None:
        if self.doc.read_only:
            return
        self.editor.flush()
        store = self.doc.store
        p = self.doc.partnership()
        today = date.today()
        carried = ops.open_actions(store, include_private=not self.doc.hide_private, before=today)
        agenda = jr.carried_over_agenda(carried, {"mentor": p.mentor_name, "mentee": p.mentee_name,
                                                  "both": "both"})
        done = self.doc.run(commands.add_entry(today, duration_minutes=p.duration_minutes,
                                               agenda=agenda))
        if done is None:
            return
        new_id = int(done.value)
        if self.model.searching:
            self.search.clear()
            self.run_search()
        self.select_entry(new_id)
        self.editor.topics.setFocus()

    def delete_entry(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is None:
            return
        row = self.list.currentIndex().row()
        self.editor.flush()
        if self.doc.run(commands.delete_entry(entry_id)) is not None:
            self._select_row(min(row, self.model.rowCount() - 1))

    def delete_selection(self) -> None:
        focus = QApplication.focusWidget()
        if self.editor.actions.hasFocus() and self.editor.selected_action_row() >= 0:
            self.editor.delete_action()
        elif focus is None or not self.editor.isAncestorOf(focus):
            # Delete in the entry form (a date, a rating…) must not delete the whole entry.
            self.delete_entry()

    def flush(self) -> None:
        self.editor.flush()

    def has_unsaved(self) -> bool:
        return self.editor.has_unsaved()

    def show_problem(self, message: str) -> None:
        self.count.setText(message)

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if kinds & {Change.GOALS, Change.PRIVACY}:
            self.editor.goal_model.mark_stale()  # the next load re-reads the goals
        if Change.NAMES in kinds:
            self._load_names()
            self.editor.reload_actions()
        if kinds & {Change.ENTRIES, Change.PRIVACY}:
            keep = self.current_entry_id()
            self.model.reload()
            if self.model.searching:
                self.run_search()
            self._suggestions_stale = True
            row = self.model.row_of(keep) if keep is not None else -1
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row, 0))
                self.editor.load(keep)
            else:
                self._select_row(0)
            self._update_state()
        else:
            if Change.ACTIONS in kinds:
                self.editor.reload_actions()
            if kinds & {Change.ENTRY_TEXT, Change.ACTIONS}:
                if Change.ENTRY_TEXT in kinds and initiator is not self.editor:
                    self.editor.reload_text()  # an undo shows the text it restored
                if self.model.searching:
                    self.run_search()
        if (kinds & {Change.GOALS, Change.PRIVACY, Change.DISCUSSED} and not kinds & {Change.ENTRIES}
                and initiator is not self.editor.goal_model):
            self.editor.reload_goals()
        if Change.FOCUS_AREAS in kinds:
            self._suggestions_stale = True

    def sizeHint(self) -> QSize:
        return QSize(1200, 760)
