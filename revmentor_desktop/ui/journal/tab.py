"""The Journal tab: the searchable list of session entries (newest first) beside the editor of the
one selected. It follows the file's changes itself and skips the ones its own editor made."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data import journal as jr
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.report.text import by_count, day_text, isolate
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.journal.editor import EntryEditor
from revmentor_desktop.ui.journal.entry_list import EntryListModel
from revmentor_desktop.ui.journal.fields import StatusLine, stretch_row
from revmentor_desktop.ui.journal.search_marks import HighlightDelegate
from revmentor_desktop.ui.tab_base import FormTab
from revmentor_desktop.ui.widgets import PLAIN, DeleteKey, form_scroll

SEARCH_DELAY_MS = 120


class JournalTab(FormTab):
    """The Journal tab as the window holds it (the `ui.tab.Tab` protocol)."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter)
        left = self._build_entry_side(splitter)
        splitter.addWidget(left)
        splitter.addWidget(self._build_editor_side(splitter))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([420, 880])
        splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(260)
        self._connect_search()
        self._connect_entries()

        self._suggestions_stale = True
        self._load_names()
        self.model.reload()
        self._select_row(0)
        self._update_state()

    # -- building ------------------------------------------------------------------------------------

    def _build_entry_side(self, splitter: QSplitter) -> QWidget:
        """The search field, the list of entries and the New and Delete buttons under it."""
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(left)
        self.search.setPlaceholderText(self.tr("Search every session (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the journal"))
        left_layout.addWidget(self.search)
        self.model = EntryListModel(self.doc)
        self.list = self._build_entry_list(left)
        DeleteKey(self.list, self.delete_entry, lambda: not self.doc.read_only)
        left_layout.addWidget(self.list, 1)
        self.count = StatusLine(left)  # changes at every keystroke: never relays the window out
        self.new_button = QPushButton(self.tr("&New Entry"), left)
        self.new_button.setToolTip(self.tr("Start a session entry for today (Ctrl+N)"))
        self.delete_button = QPushButton(self.tr("Delete"), left)
        self.delete_button.setToolTip(self.tr("Delete the selected entry (Delete); Undo brings it back"))
        left_layout.addLayout(stretch_row(self.count, self.new_button, self.delete_button))
        return left

    def _build_entry_list(self, parent: QWidget) -> QTableView:
        view = QTableView(parent)
        view.setModel(self.model)
        self._marks = HighlightDelegate(view)  # on the text column while a search is on
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setAccessibleName(self.tr("Journal entries, newest first"))
        header = view.horizontalHeader()
        header.setSectionResizeMode(EntryListModel.DATE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(EntryListModel.TOPICS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EntryListModel.RATING, QHeaderView.ResizeMode.Fixed)
        view.setColumnWidth(EntryListModel.DATE, view.fontMetrics().horizontalAdvance("00 May 0000") + 44)
        view.setColumnWidth(EntryListModel.RATING, view.fontMetrics().horizontalAdvance("5★ · 5★") + 20)
        return view

    def _build_editor_side(self, splitter: QSplitter) -> QStackedWidget:
        """The editor of the selected entry, or a word on why there is none."""
        self.right = QStackedWidget(splitter)
        self.empty = QLabel(self.right)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(PLAIN)
        self.form = self.editor = EntryEditor(self.doc)
        self.editor_scroll = form_scroll(self.right, self.editor)
        # Whatever takes the focus in the form (Tab, a shortcut, a click) is scrolled into view:
        # typing must never change a field the user cannot see.
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)
        self.right.addWidget(self.empty)
        self.right.addWidget(self.editor_scroll)
        return self.right

    def _connect_search(self) -> None:
        """Search as the user types (after a pause); Enter moves to the list, Escape clears."""
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_enter)
        escape = QAction(self.search)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self.search.clear)
        self.search.addAction(escape)

    def _connect_entries(self) -> None:
        self.list.selectionModel().currentRowChanged.connect(self._current_changed)
        self.new_button.clicked.connect(self.new_item)
        self.delete_button.clicked.connect(self.delete_entry)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.new_button)

    # -- helpers -------------------------------------------------------------------------------------

    def _focus_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        """The field given the focus is shown whole when it fits (by the keyboard, with a line or
        two round it for its caption); a taller one, its cursor — unless it was clicked, as the
        cursor is still where it was and would scroll the form away from the click."""
        if now is None or not self.editor.isAncestorOf(now):
            return
        clicked = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        room = self.editor_scroll.viewport().height() - now.height()
        if room < 0:
            if not clicked:
                self.editor_scroll.ensureWidgetVisible(now)
            return
        top_left = now.mapTo(self.editor, QPoint(0, 0))
        half_w, half_h = now.width() // 2, now.height() // 2
        margin = 0 if clicked else min(room // 2, 2 * now.fontMetrics().height())
        self.editor_scroll.ensureVisible(top_left.x() + half_w, top_left.y() + half_h,
                                         half_w, half_h + margin)

    def _load_names(self) -> None:
        p = self.doc.partnership()
        mentor, mentee = isolate(p.mentor_name), isolate(p.mentee_name)
        self.editor.set_names(mentor, mentee)
        self.model.set_names(mentor, mentee)

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
        if entry is not None and entry.id == self.editor.entry_id:
            return  # the same entry again (a search keystroke re-listed it): it is on screen
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
            self.count.setText(self.tr("{shown} of {total} sessions match").format(shown=shown, total=total))
        else:
            count = by_count(total, self.tr("{total} session"), self.tr("{total} sessions"))
            self.count.setText(count.format(total=total))
        has = self.editor.entry_id is not None
        self.right.setCurrentIndex(1 if has else 0)
        if not has:
            if total == 0:
                self.empty.setText(self.tr("No sessions yet.\n\nAfter each meeting, press New Entry (Ctrl+N) "
                                           "to note what you covered, what each of you took away, and what "
                                           "to do next."))
            elif self.model.searching and shown == 0:
                self.empty.setText(self.tr("No session matches your search."))
            else:
                self.empty.setText(self.tr("Select a session on the left."))
        ro = self.doc.read_only
        self.new_button.setEnabled(not ro)
        self.delete_button.setEnabled(not ro and has)

    # -- search --------------------------------------------------------------------------------------

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text()
        keep = self.current_entry_id()
        hits = jr.matching_ids(self.doc.store, text)  # the model keeps its own order
        was_searching = self.model.searching
        row_height = max(1, self.list.verticalHeader().defaultSectionSize())
        self.model.show_rows(-(-self.list.viewport().height() // row_height))  # a part row counts
        self.model.set_hits(hits, text)
        if self.model.searching != was_searching:
            self.list.setItemDelegateForColumn(
                EntryListModel.TOPICS, self._marks if hits is not None else self.list.itemDelegate())
            self.list.horizontalHeader().viewport().update()  # "Topics" or "Matching text"
        self.editor.set_search_words(jr.search_words(text) if hits is not None else [])
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
        carried = reads.open_actions(store, include_private=not self.doc.hide_private, before=today)
        words = jr.AgendaWords(
            self.tr("Carried over from earlier sessions:"), self.tr("- {text} ({who}; from {since})"),
            self.tr("- {text} ({who}, due {due}; from {since})"))
        agenda = jr.carried_over_agenda(
            carried, {"mentor": p.mentor_name, "mentee": p.mentee_name, "both": self.tr("both")},
            words, day_text)
        done = self.doc.run(commands.add_entry(today, duration_minutes=p.duration_minutes,
                                               agenda=agenda))
        if done is None:
            return
        new_id = int(done.value)
        if self.model.searching:
            self.search.clear()
            self.run_search()
        self.select_entry(new_id)
        self.editor.show_write()  # a new entry is written, whatever was last previewed
        self.editor_scroll.verticalScrollBar().setValue(0)  # from its heading and date, wherever
        self.editor.topics.setFocus()                       # the last entry was scrolled to

    def delete_entry(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is None:
            return
        row = self.list.currentIndex().row()
        self.editor.flush()
        if self.doc.run(commands.delete_entry(entry_id)) is not None:
            self._select_row(min(row, self.model.rowCount() - 1))

    def delete_selection(self) -> None:
        action_items = self.editor.action_items
        if action_items.table.hasFocus() and action_items.selected_row() >= 0:
            action_items.delete_selected()
        else:  # Edit › Delete, asked for by name (the key deletes from the lists only)
            self.delete_entry()

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
                    self.model.forget_snippets()
                    self.run_search()
        if (kinds & {Change.GOALS, Change.PRIVACY, Change.DISCUSSED} and not kinds & {Change.ENTRIES}
                and initiator is not self.editor.goal_model):
            self.editor.reload_goals()
        if Change.FOCUS_AREAS in kinds:
            self._suggestions_stale = True

    def sizeHint(self) -> QSize:
        return QSize(1200, 760)
