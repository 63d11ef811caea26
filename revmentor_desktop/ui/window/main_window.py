"""The main window: menus and layout, wired to the open file's life (`FileSession`) and to the tabs
of the open partnership (`TabHost`).

This module is imported before the window paints, and the window paints before it is complete: the
first paint is the bare window, at its size. Its central pages, menus, status bar and file session
are made on the event-loop turn after that paint (`finish_building`), or at once when something
asks for them (`Later`); the data layer and the tabs load when a file opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from revmentor_desktop import APP_NAME
from revmentor_desktop.errors import ErrorKind, Gone, KnownError
from revmentor_desktop.ui import paths
from revmentor_desktop.ui.after_paint import after_next_paint
from revmentor_desktop.ui.window import placement, tab_specs
from revmentor_desktop.ui.window.later import EarlyKeys, Later
from revmentor_desktop.ui.window.tab_specs import TabOf

#: The first window's size and the least it shrinks to (both lowered on a smaller screen).

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QMenu, QMenuBar, QStackedWidget

    from revmentor_desktop.data.commands import Changes
    from revmentor_desktop.ui.document import Document
    from revmentor_desktop.ui.exchange.actions import Exchange
    from revmentor_desktop.ui.export import Exporter
    from revmentor_desktop.ui.window.drops import FileDrops
    from revmentor_desktop.ui.window.file_session import FileSession, NewPartnership, Reopen
    from revmentor_desktop.ui.window.help_actions import HelpActions
    from revmentor_desktop.ui.window.pages import EmptyPage, MessagePage
    from revmentor_desktop.ui.window.recent_menu import RecentMenu
    from revmentor_desktop.ui.window.tab_host import TabHost
    from revmentor_desktop.ui.window.undo_actions import UndoActions


class MainWindow(QMainWindow):
    # Made by `finish_building` (the menus and their actions: `menus.build_menus`).
    session: Later[FileSession] = Later()
    stack: Later[QStackedWidget] = Later()
    message: Later[MessagePage] = Later()
    drops: Later[FileDrops] = Later()
    recent_menu: Later[RecentMenu] = Later()
    edit_menu: Later[QMenu] = Later()
    view_menu: Later[QMenu] = Later()
    theme_menu: Later[QMenu] = Later()
    help_menu: Later[QMenu] = Later()
    undo_actions: Later[UndoActions] = Later()
    tab_actions: Later[list[QAction]] = Later()
    export_action: Later[QAction] = Later()
    copy_action: Later[QAction] = Later()
    restore_action: Later[QAction] = Later()
    share_action: Later[QAction] = Later()
    import_share_action: Later[QAction] = Later()
    undo_action: Later[QAction] = Later()
    redo_action: Later[QAction] = Later()
    new_item_action: Later[QAction] = Later()
    delete_action: Later[QAction] = Later()
    find_action: Later[QAction] = Later()
    hide_private_action: Later[QAction] = Later()

    def __init__(self) -> None:
        super().__init__()
        self.tabs: TabHost | None = None
        self._built = False
        self._exporter: Exporter | None = None
        self._exchange: Exchange | None = None
        self._help: HelpActions | None = None
        self._empty: EmptyPage | None = None  # built when first shown: never, on most start-ups
        self.setWindowTitle(APP_NAME)
        placement.place(self)  # the last size and place, fitted to the screen
        self._early_keys = EarlyKeys(self)
        after_next_paint(self, self.finish_building)

    def finish_building(self) -> None:
        """Make the window's parts (once): its pages, menus, status bar and file session.

        Not before the first paint: a central widget alone costs that paint ~25 ms (the layout
        animates it into place, and the animation's timer is a Qt object shiboken has to identify),
        the menus and the modules behind them ~15 ms more; all of it is ready before the user could
        reach for it, since the file is opened right after that paint, and this comes first."""
        if self._built:
            return
        self._built = True
        self._early_keys.stop()
        from PySide6.QtWidgets import QStackedWidget

        from revmentor_desktop.ui import gc_guard
        from revmentor_desktop.ui.window.drops import FileDrops
        from revmentor_desktop.ui.window.file_session import FileSession
        from revmentor_desktop.ui.window.menus import build_menus
        from revmentor_desktop.ui.window.pages import MessagePage

        gc_guard.install()  # garbage is collected on this thread, never on the export's worker
        self.session = FileSession(self, flush=self.flush, listen_later=True)
        self.session.notice.connect(self.statusBar().showMessage)
        self.session.closing.connect(self._let_go_of)
        self.session.come_forward.connect(self._come_forward)
        self.stack = QStackedWidget(self)
        self.message = MessagePage(self)
        self.stack.addWidget(self.message)
        self.setCentralWidget(self.stack)
        self.drops = FileDrops(self, self.open_file)  # a .revmentor file dropped on the window opens it
        build_menus(self)

    def menuBar(self) -> QMenuBar:
        """The menu bar, with its menus in it (made now if the window has not painted yet)."""
        self.finish_building()
        return super().menuBar()

    @property
    def empty(self) -> EmptyPage:
        """The page shown while no partnership is open."""
        if self._empty is None:
            from revmentor_desktop.ui.window.pages import EmptyPage

            self._empty = EmptyPage(self)
            self._empty.open_requested.connect(self.open_dialog)
            self._empty.new_requested.connect(self.new_partnership)
            self.stack.addWidget(self._empty)
        return self._empty

    @property
    def help(self) -> HelpActions:
        """What the Help menu's items do (made on first use)."""
        if self._help is None:
            from revmentor_desktop.ui.window.help_actions import HelpActions

            self._help = HelpActions(self)
        return self._help

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
        return self.session.doc if self._built else None

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
        just_made = not self._built
        self.finish_building()
        self.message.say(self.tr("Opening {name}…").format(name=path.name))
        self.stack.setCurrentWidget(self.message)
        # While the file opens: the line, and the menus and status bar when they are new.
        (self if just_made else self.message).repaint()
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
        from revmentor_desktop.ui.edit_notices import EditNotices
        from revmentor_desktop.ui.window.tab_host import TabHost

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
        from revmentor_desktop.ui.window.menus import set_tab_actions

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
        set_tab_actions(self, tabs.titles())
        tabs.build_in_turns(self._verify_open_file)
        if self.isVisible():  # a second RevMentor asking for the file is answered once it shows
            after_next_paint(tabs, self.session.listen)
        else:
            self.session.listen()

    def _clear_tabs(self) -> None:
        if self.tabs is not None:
            self.stack.removeWidget(self.tabs)
            self.tabs.retire()
            self.tabs = None
        from revmentor_desktop.ui.window.menus import set_tab_actions

        set_tab_actions(self, [])
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
            from revmentor_desktop.ui import gc_guard

            self.session.backup_once_opened()
            gc_guard.settle()

    def build_all_tabs(self) -> None:
        """Finish opening now rather than over the next event-loop turns."""
        if self.tabs is None or not self._verify_open_file():
            return  # damaged: closed, and the user was told
        self.tabs.build_all()
        self.session.listen()
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
        from revmentor_desktop.ui import dialogs

        start = self.doc.store.shown_path.parent if self.doc is not None else None
        path = dialogs.service.open_path(self, start)
        if path is not None:
            self.open_file(path)

    def new_partnership(self) -> None:
        from revmentor_desktop.ui import dialogs
        from revmentor_desktop.ui.new_partnership import NewPartnershipDialog
        from revmentor_desktop.ui.window.file_session import new_file_name, partnership_path

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

    overview_tab = TabOf(tab_specs.OVERVIEW)
    goals_tab = TabOf(tab_specs.GOALS)
    journal_tab = TabOf(tab_specs.JOURNAL)
    swot_tab = TabOf(tab_specs.SWOT)
    skills_tab = TabOf(tab_specs.SKILLS)
    practice_tab = TabOf(tab_specs.PRACTICE)

    def show_tab(self, index: int) -> None:
        if self.tabs is not None and 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    # -- reacting to the document --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.tabs is not None:
            self.session.catch_up()  # what another program wrote to the file meanwhile

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        from revmentor_desktop.data.commands import Change

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
        from PySide6.QtWidgets import QApplication

        QApplication.beep()

    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            return
        from revmentor_desktop.report.text import isolate

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._exporter is not None and self._exporter.busy:
            event.ignore()  # asked mid-export (between pages): finish the PDF first
            self.statusBar().showMessage(self.tr("Writing the PDF — close again once it is done."), 6000)
            return
        self.flush()
        if self.has_unsaved():
            from revmentor_desktop.ui import dialogs

            choice = dialogs.service.choose(
                self, self.tr("Unsaved Changes"),
                self.tr("Some of what you typed could not be saved (see the message before this one). "
                        "If you close now, it is lost."),
                [self.tr("Keep Editing"), self.tr("Close and Discard It")])
            if choice != 1:
                event.ignore()
                return
        if self._built:
            self.session.close()
        placement.remember(self)
        super().closeEvent(event)

    @property
    def _opened_backup_done(self) -> bool:
        """Whether the backup taken once every tab is built has been taken (tests wait for it)."""
        return self.session.opening_backup_done

