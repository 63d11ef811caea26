"""The main window: menus and layout, wired to the open file's life (`FileSession`) and to the tabs
of the open partnership (`TabHost`).

This module is imported before the window paints, so it imports nothing heavy: the data layer and
the tabs load when a file opens, on the event-loop turn after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStackedWidget

from revmentor_desktop import APP_NAME
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.errors import ErrorKind, Gone, KnownError
from revmentor_desktop.report.text import isolate
from revmentor_desktop.ui import dialogs, gc_guard, paths
from revmentor_desktop.ui.edit_notices import EditNotices
from revmentor_desktop.ui.layout import fit_minimum, fit_window
from revmentor_desktop.ui.theme import add_theme_menu
from revmentor_desktop.ui.window import tab_host
from revmentor_desktop.ui.window.drops import FileDrops
from revmentor_desktop.ui.window.file_session import (
    FileSession,
    NewPartnership,
    Reopen,
    new_file_name,
    partnership_path,
)
from revmentor_desktop.ui.window.help_actions import HelpActions
from revmentor_desktop.ui.window.pages import EmptyPage, MessagePage
from revmentor_desktop.ui.window.recent_menu import RecentMenu
from revmentor_desktop.ui.window.tab_host import TabHost, TabOf
from revmentor_desktop.ui.window.undo_actions import UndoActions

#: The first window's size and the least it shrinks to (both lowered on a smaller screen).
FIRST_WIDTH, FIRST_HEIGHT = 1300, 850
MIN_WIDTH, MIN_HEIGHT = 760, 520

if TYPE_CHECKING:
    from revmentor_desktop.ui.document import Document
    from revmentor_desktop.ui.exchange.actions import Exchange
    from revmentor_desktop.ui.export import Exporter

#: A menu item's shortcut: one key sequence (as text or a standard key) or several.
Shortcut = str | QKeySequence.StandardKey | list[QKeySequence] | None


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        gc_guard.install()  # garbage is collected on this thread, never on the export's worker
        self.tabs: TabHost | None = None
        self._exporter: Exporter | None = None
        self._exchange: Exchange | None = None
        self.session = FileSession(self, flush=self.flush)
        self.session.notice.connect(self.statusBar().showMessage)
        self.session.closing.connect(self._let_go_of)
        self.session.come_forward.connect(self._come_forward)
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.resize(FIRST_WIDTH, FIRST_HEIGHT)

        self.stack = QStackedWidget(self)
        self.message = MessagePage(self)
        self._empty: EmptyPage | None = None  # built when first shown: never, on most start-ups
        self.stack.addWidget(self.message)
        self.setCentralWidget(self.stack)
        self.drops = FileDrops(self, self.open_file)  # a .revmentor file dropped on the window opens it
        self._build_menus()
        self._restore_geometry()

    @property
    def empty(self) -> EmptyPage:
        """The page shown while no partnership is open."""
        if self._empty is None:
            self._empty = EmptyPage(self)
            self._empty.open_requested.connect(self.open_dialog)
            self._empty.new_requested.connect(self.new_partnership)
            self.stack.addWidget(self._empty)
        return self._empty

    @property
    def exchange(self) -> Exchange:
        """File › Share with Partner… and its kin (made on first use: never, on most start-ups)."""
        if self._exchange is None:
            from revmentor_desktop.ui.exchange.actions import Exchange

            self._exchange = Exchange(self)
        return self._exchange

    @property
    def doc(self) -> Document | None:
        """The open partnership; None while none is open."""
        return self.session.doc

    # -- building ------------------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot: Callable[..., object],
                shortcut: Shortcut = None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New Partnership…"), self.new_partnership, "Ctrl+Shift+N")
        self._action(file_menu, self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = RecentMenu(file_menu)
        self.recent_menu.chosen.connect(self.open_file)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, self.tr("&Export PDF Summary…"), self.export_pdf,
                                          "Ctrl+E")
        # No shortcut: Ctrl+Shift+S moves a SWOT item to Strengths, and a copy is a rare act.
        self.copy_action = self._action(file_menu, self.tr("Save a &Copy…"), self.save_copy)
        self.restore_action = self._action(file_menu, self.tr("Restore from &Backup…"),
                                           self.restore_from_backup)
        file_menu.addSeparator()
        # The partner exchange: each partner keeps a file; they swap what they choose to share.
        self.share_action = self._action(file_menu, self.tr("S&hare with Partner…"),
                                         lambda: self.exchange.share(), "Ctrl+Shift+E")
        self.import_share_action = self._action(file_menu, self.tr("&Import from Partner…"),
                                                lambda: self.exchange.import_share(), "Ctrl+Shift+I")
        self._action(file_menu, self.tr("Ne&w from Partner's Share…"),
                     lambda: self.exchange.new_from_share())
        self._enable_file_actions(False)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.edit_menu, self.tr("&Undo"), self._undo,
                                        QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(
            self.edit_menu, self.tr("&Redo"), self._redo,
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")],
        )
        self.edit_menu.addSeparator()
        self.new_item_action = self._action(self.edit_menu, self.tr("&New Item"), self._new_item,
                                            QKeySequence.StandardKey.New)
        self.delete_action = self._action(self.edit_menu, self.tr("&Delete"), self._delete_selection,
                                          QKeySequence.StandardKey.Delete)
        # A window-wide shortcut: text fields still keep the Delete key (they claim it first).
        self.addAction(self.delete_action)
        self.undo_actions = UndoActions(self.undo_action, self.redo_action, self)
        self.undo_actions.notice.connect(self.statusBar().showMessage)

        self.find_action = self._action(self.edit_menu, self.tr("&Find in Journal…"), self._find,
                                        QKeySequence.StandardKey.Find)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.hide_private_action = self._action(self.view_menu, self.tr("&Hide Private Entries"),
                                                self._toggle_private, "Ctrl+Shift+H")
        self.hide_private_action.setCheckable(True)
        self.hide_private_action.setToolTip(self.tr(
            "Screen-share mode: private goals and sessions vanish from every tab until you switch "
            "this off."))
        self.theme_menu = add_theme_menu(self.view_menu)
        self.view_menu.addSeparator()
        self.tab_actions: list[QAction] = []

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help = HelpActions(self)
        self._action(self.help_menu, self.tr("Reverse-Mentoring &Guide"), self.help.show_guide,
                     QKeySequence.StandardKey.HelpContents)
        self._action(self.help_menu, self.tr("&Keyboard Shortcuts"), self.help.show_shortcuts, "Ctrl+/")
        self.help_menu.addSeparator()
        self._action(self.help_menu, self.tr("&About RevMentor"), self.help.about)
        self._action(self.help_menu, self.tr("About &Qt"), QApplication.aboutQt)

    def _enable_file_actions(self, enabled: bool) -> None:
        for act in (self.export_action, self.copy_action, self.restore_action, self.share_action,
                    self.import_share_action):
            act.setEnabled(enabled)

    def _fill_recent(self) -> None:
        self.recent_menu.fill()

    # -- opening and closing -------------------------------------------------------------------------

    def open_file(self, path: Path | str, create: NewPartnership | None = None) -> bool:
        """Open (or create) a partnership file in this window. Returns True when it is open."""
        path = Path(path).expanduser()
        self.message.say(self.tr("Opening {name}…").format(name=path.name))
        self.stack.setCurrentWidget(self.message)
        self.message.repaint()
        try:
            ok = self._open(path, create)
        except KnownError as exc:
            self._cannot_open(path, exc)
            ok = False
        if not ok and self.doc is None:
            self.stack.setCurrentWidget(self.empty)
        elif self.tabs is not None:
            self.stack.setCurrentWidget(self.tabs)
        return ok

    def _open(self, path: Path, create: NewPartnership | None) -> bool:
        if self.session.has_open(path):
            return True
        doc = self.session.open(path, create)
        doc.set_hide_private(self.hide_private_action.isChecked())
        doc.changed.connect(self._on_changed)
        doc.failed.connect(self._on_failed)
        self.undo_actions.follow(doc.undo_stack, EditNotices.of(doc))
        tabs = TabHost(doc, self)
        try:
            tabs.build(0)  # the Overview, at once; the others once it has painted
        except KnownError:
            # Reading what the Overview shows hit damage that the quick part of opening missed.
            tabs.retire()
            self.session.close(damaged=True)  # nothing may be written to (or backed up from) it
            self._clear_tabs()
            raise
        self._show_tabs(tabs)
        self._enable_file_actions(True)
        self.session.report_opened(path)
        self._update_title()
        return True

    def _show_tabs(self, tabs: TabHost) -> None:
        """Put the new document's tabs in place of the last one's, with View › Ctrl+1… for each;
        the tabs other than the Overview are built once it has painted."""
        if self.tabs is not None:
            self.stack.removeWidget(self.tabs)
            self.tabs.retire()
        self.tabs = tabs
        tabs.notice.connect(self.statusBar().showMessage)
        # A note about an edit ("… Ctrl+Z brings it back.") belongs to the tab it was made on.
        tabs.currentChanged.connect(lambda _i: self.undo_actions.withdraw(self.statusBar()))
        tabs.all_built.connect(self._finish_opening)
        self.stack.addWidget(tabs)
        self.stack.setCurrentWidget(tabs)
        self._drop_tab_actions()
        for i, title in enumerate(tabs.titles()):
            text = "&" + title.replace("&", "&&")  # the title's own "&" is not a mnemonic
            act = self._action(self.view_menu, text, lambda _c=False, n=i: self.show_tab(n), f"Ctrl+{i + 1}")
            self.tab_actions.append(act)
        tabs.build_in_turns(self._verify_open_file)

    def _drop_tab_actions(self) -> None:
        for act in self.tab_actions:
            self.view_menu.removeAction(act)
        self.tab_actions = []

    def _clear_tabs(self) -> None:
        if self.tabs is not None:
            self.stack.removeWidget(self.tabs)
            self.tabs.retire()
            self.tabs = None
        self._drop_tab_actions()
        self._enable_file_actions(False)
        self._update_title()

    def _verify_open_file(self) -> bool:
        """The integrity check left for after the first paint. A damaged file is closed (nothing was
        written to it) and handled like a damaged file that failed to open."""
        if self.doc is None:
            return False
        path = self.doc.store.shown_path
        exc = self.session.verify()
        if exc is None:
            return True
        self._clear_tabs()
        self._cannot_open(path, exc)
        if self.doc is None:
            self.stack.setCurrentWidget(self.empty)
        return False

    def _finish_opening(self) -> None:
        """Every tab is in place: now take the opening backup (it reads the whole file)."""
        if self.doc is not None and self._verify_open_file():
            self.session.backup_once_opened()
            gc_guard.settle()

    def build_all_tabs(self) -> None:
        """Finish opening now rather than over the next event-loop turns."""
        if self.tabs is None or not self._verify_open_file():
            return  # damaged: closed, and the user was told
        self.tabs.build_all()
        self.overview_tab.dashboard.ensure_loaded()
        self._finish_opening()

    def _cannot_open(self, path: Path, exc: KnownError) -> None:
        self._reopen(self.session.cannot_open(path, exc))

    def _reopen(self, then: Reopen | None) -> None:
        if then is not None:
            self.open_file(then.path)
            if then.message:
                self.statusBar().showMessage(then.message, 10000)

    def _let_go_of(self, _doc: Document) -> None:
        self.undo_actions.follow(None)  # the closing stack's last signals must reach no one

    def flush(self) -> None:
        """Save any typing still waiting for its debounce."""
        if self.tabs is not None:
            self.tabs.flush()

    def has_unsaved(self) -> bool:
        """Typing in some tab that is not in the file (after a flush: it was refused or failed)."""
        return self.tabs is not None and self.tabs.has_unsaved()

    def open_dialog(self) -> None:
        start = self.doc.store.shown_path.parent if self.doc is not None else None
        path = dialogs.service.open_path(self, start)
        if path is not None:
            self.open_file(path)

    def new_partnership(self) -> None:
        from revmentor_desktop.ui.new_partnership import NewPartnershipDialog

        dialog = NewPartnershipDialog(self)
        answer = dialog.exec()
        if answer == NewPartnershipDialog.FROM_SHARE:
            self.exchange.new_from_share()
            return
        if not answer:
            return
        values = dialog.values()
        suggested = paths.data_dir() / new_file_name(values)
        if self.doc is not None:
            suggested = self.doc.store.shown_path.parent / suggested.name
        path = dialogs.service.save_path(self, self.tr("Save New Partnership As"), suggested)
        if path is not None:
            self.open_file(partnership_path(path),
                           create=(values, dialog.focus_areas(), dialog.clauses.isChecked()))

    def save_copy(self) -> None:
        self.session.save_copy()

    def restore_from_backup(self) -> None:
        """File › Restore from Backup…: put a backup the user picks in place of the open file."""
        self._reopen(self.session.restore())

    # -- the tabs ------------------------------------------------------------------------------------

    overview_tab = TabOf(tab_host.OVERVIEW)
    goals_tab = TabOf(tab_host.GOALS)
    journal_tab = TabOf(tab_host.JOURNAL)
    swot_tab = TabOf(tab_host.SWOT)
    skills_tab = TabOf(tab_host.SKILLS)
    practice_tab = TabOf(tab_host.PRACTICE)

    def show_tab(self, index: int) -> None:
        if self.tabs is not None and 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    # -- reacting to the document --------------------------------------------------------------------

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes & {Change.NAMES, Change.PRIVACY}:
            self._update_title()

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, KnownError):
            if exc.kind is ErrorKind.READ_ONLY:
                self._update_title()  # "[read-only]" before the message says why
            moved_to = self.session.refused(exc)
            if moved_to is not None:
                self._update_title()
                self.flush()  # what was typed while the file was away
                self.statusBar().showMessage(self.tr("Now editing {path}").format(path=moved_to), 8000)
            return
        message = (str(exc) if not isinstance(exc, Gone)
                   else self.tr("That item was deleted in the meantime."))
        self.statusBar().showMessage(message, 8000)
        if self.tabs is not None:
            self.tabs.current().show_problem(message)
        QApplication.beep()

    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            return
        p = self.doc.partnership()
        parts = [f"{isolate(p.mentor_name)} ↔ {isolate(p.mentee_name)}", self.doc.store.shown_path.name]
        if self.doc.read_only:
            parts[-1] = self.tr("{file} [read-only]").format(file=parts[-1])
        if self.doc.hide_private:
            parts.append(self.tr("private entries hidden"))
        self.setWindowTitle(" — ".join([*parts, APP_NAME]))
        self.setWindowFilePath(str(self.doc.store.shown_path))

    # -- menu commands -------------------------------------------------------------------------------

    def _undo(self) -> None:
        if self.doc is not None:
            self.flush()
            self.doc.undo_stack.undo()

    def _redo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.redo()

    def export_pdf(self) -> None:
        if self.doc is None:
            return
        if self._exporter is None:
            from revmentor_desktop.ui.export import Exporter

            self._exporter = Exporter(self)
            self.statusBar().addPermanentWidget(self._exporter.progress)
            self._exporter.busy_changed.connect(lambda busy: self.export_action.setEnabled(not busy))
        self._exporter.start()

    def _toggle_private(self, hide: bool) -> None:
        if self.doc is None:
            self.hide_private_action.setChecked(False)
            return
        self.flush()
        self.doc.set_hide_private(hide)
        self.statusBar().showMessage(
            self.tr("Private entries are hidden.") if hide else self.tr("Private entries are shown again."),
            5000)

    def _find(self) -> None:
        """Edit › Find in Journal: from any tab, the Journal's search field."""
        if self.tabs is None:
            return
        journal = self.journal_tab
        self.tabs.setCurrentWidget(journal)
        journal.focus_search()

    def _new_item(self) -> None:
        if self.tabs is not None and self.doc is not None and not self.doc.read_only:
            self.tabs.current().new_item()

    def _delete_selection(self) -> None:
        if self.tabs is not None and self.doc is not None and not self.doc.read_only:
            self.tabs.current().delete_selection()

    # -- window state --------------------------------------------------------------------------------

    def _come_forward(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.statusBar().showMessage(self.tr("You tried to open this partnership again: it is here."), 6000)

    def _restore_geometry(self) -> None:
        """The last size and place, or the first-run size — either way fitted to the screen it
        lands on (at most 90 % of its free area, wholly on it), at any scale factor."""
        value = paths.settings().value("geometry")
        if isinstance(value, QByteArray | bytes) and value:
            self.restoreGeometry(QByteArray(value))
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        g = self.geometry()
        screen = QGuiApplication.screenAt(g.center()) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        a = screen.availableGeometry()
        room = (a.x(), a.y(), a.width(), a.height())
        self.setMinimumSize(*fit_minimum(MIN_WIDTH, MIN_HEIGHT, room))
        if self.isMaximized() or self.isFullScreen():
            return
        x, y, w, h = fit_window(g.x(), g.y(), g.width(), g.height(), room)
        if (x, y, w, h) != (g.x(), g.y(), g.width(), g.height()):
            self.setGeometry(x, y, w, h)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._exporter is not None and self._exporter.busy:
            event.ignore()  # asked mid-export (between pages): finish the PDF first
            self.statusBar().showMessage(self.tr("Writing the PDF — close again once it is done."), 6000)
            return
        self.flush()
        if self.has_unsaved():
            choice = dialogs.service.choose(
                self, self.tr("Unsaved Changes"),
                self.tr("Some of what you typed could not be saved (see the message before this one). "
                        "If you close now, it is lost."),
                [self.tr("Keep Editing"), self.tr("Close and Discard It")])
            if choice != 1:
                event.ignore()
                return
        self.session.close()
        s = paths.settings()
        s.setValue("geometry", self.saveGeometry())
        s.sync()
        super().closeEvent(event)

    @property
    def _opened_backup_done(self) -> bool:
        """Whether the backup taken once every tab is built has been taken (tests wait for it)."""
        return self.session.opening_backup_done

