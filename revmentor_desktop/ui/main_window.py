"""The main window: menus, tabs, and the open file's life (lock, open, close).

This module is imported before the window paints, so it imports nothing heavy: the data layer and
the tabs are imported in `open_file`, on the event-loop turn after the first paint.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QLockFile, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop import APP_NAME, FILE_SUFFIX, __version__
from revmentor_desktop.data.commands import Change
from revmentor_desktop.errors import ErrorKind, Gone, KnownError
from revmentor_desktop.report.text import isolate, moment_text
from revmentor_desktop.ui import dialogs, file_identity, gc_guard, paths
from revmentor_desktop.ui.widgets import PLAIN, after_next_paint

if TYPE_CHECKING:
    from revmentor_desktop.ui.document import Document

def _digest(path: Path) -> str:
    return file_identity.file_key(path)  # the file, not its name: a hard link is the same file


def lock_for(path: Path) -> QLockFile:
    """A lock kept in the app-data folder (none next to the user's file), one per partnership file."""
    return file_identity.lock_for(path)


def _raise_name(path: Path) -> str:
    """The local (Unix-domain / named-pipe, never network) channel of the window holding `path`."""
    return f"revmentor-{_digest(path)}"


def ask_owner_to_come_forward(path: Path) -> bool:
    """Ask the window that has `path` open (in this or another process) to come to the front."""
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(_raise_name(path))
    if not sock.waitForConnected(300):
        return False
    sock.write(b"raise\n")
    sock.waitForBytesWritten(300)
    sock.disconnectFromServer()
    return True

class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        gc_guard.install()  # garbage is collected on this thread, never on the export's worker
        self.doc: Document | None = None
        self.tabs: QTabWidget | None = None
        self._lock: QLockFile | None = None
        self._exporter: Any = None
        self._raise_server: Any = None
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(760, 520)
        self.resize(1300, 850)

        self.stack = QStackedWidget(self)
        self.message = QLabel(self)
        self.message.setTextFormat(PLAIN)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.empty = self._make_empty_page()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.empty)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self.statusBar()
        self._restore_geometry()
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(self.BACKUP_EVERY_MS)
        self._backup_timer.timeout.connect(lambda: self._backup_if_changed("auto"))
        self._backup_timer.start()

    # -- building ------------------------------------------------------------------------------------

    def _make_empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        text = QLabel("No partnership is open.", page)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        for label, slot in (("&Open a Partnership…", self.open_dialog),
                            ("&New Partnership…", self.new_partnership)):
            b = QPushButton(label, page)
            b.clicked.connect(slot)
            b.setMaximumWidth(260)
            layout.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&New Partnership…", self.new_partnership, "Ctrl+Shift+N")
        self._action(file_menu, "&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, "&Export PDF Summary…", self.export_pdf, "Ctrl+E")
        # No shortcut: Ctrl+Shift+S moves a SWOT item to Strengths, and a copy is a rare act.
        self.copy_action = self._action(file_menu, "Save a &Copy…", self.save_copy)
        self.restore_action = self._action(file_menu, "Restore from &Backup…",
                                           lambda: self.restore_from_backup())
        for act in (self.export_action, self.copy_action, self.restore_action):
            act.setEnabled(False)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu("&Edit")
        self.undo_action = self._action(self.edit_menu, "&Undo", self._undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(
            self.edit_menu, "&Redo", self._redo,
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")],
        )
        self.edit_menu.addSeparator()
        self.new_item_action = self._action(self.edit_menu, "&New Item", self._new_item,
                                            QKeySequence.StandardKey.New)
        self.delete_action = self._action(self.edit_menu, "&Delete", self._delete_selection,
                                          QKeySequence.StandardKey.Delete)
        # A window-wide shortcut: text fields still keep the Delete key (they claim it first).
        self.addAction(self.delete_action)
        self._update_undo_actions()

        self.find_action = self._action(self.edit_menu, "&Find in Journal…", self._find,
                                        QKeySequence.StandardKey.Find)

        self.view_menu = bar.addMenu("&View")
        self.hide_private_action = self._action(self.view_menu, "&Hide Private Entries",
                                                self._toggle_private, "Ctrl+Shift+H")
        self.hide_private_action.setCheckable(True)
        self.hide_private_action.setToolTip(
            "Screen-share mode: private goals and sessions vanish from every tab until you switch "
            "this off.")
        self.view_menu.addSeparator()
        self.tab_actions: list[QAction] = []

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About RevMentor", self.about)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = paths.recent_files()
        if not files:
            none = self.recent_menu.addAction("No recent partnerships")
            none.setEnabled(False)
            return
        for i, path in enumerate(files):
            act = self.recent_menu.addAction(f"&{i + 1} {path.name} — {path.parent}")
            act.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("Clear List")
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        s = paths.settings()
        s.setValue("recentFiles", [])
        s.sync()

    # -- opening and closing -------------------------------------------------------------------------

    def open_file(self, path: Path, create: tuple[dict[str, Any], list[str], bool] | None = None) -> bool:
        """Open (or create) a partnership file in this window. Returns True when it is open."""
        path = Path(path).expanduser()
        self.message.setText(f"Opening {path.name}…")
        self.stack.setCurrentWidget(self.message)
        self.message.repaint()
        try:
            ok = self._open(path, create)
        except KnownError as exc:
            self._show_open_error(path, exc)
            ok = False
        if not ok and self.doc is None:
            self.stack.setCurrentWidget(self.empty)
        elif self.tabs is not None:
            self.stack.setCurrentWidget(self.tabs)
        return ok

    def _open(self, path: Path, create: tuple[dict[str, Any], list[str], bool] | None) -> bool:
        if self.doc is not None and _same_file(path, self.doc.store.shown_path):
            return True
        from revmentor_desktop.data.store import Store
        from revmentor_desktop.data.vocab import READY_MADE_CLAUSES
        from revmentor_desktop.ui.document import Document

        lock = lock_for(path)
        if not lock.tryLock(0):
            brought = ask_owner_to_come_forward(path)
            raise KnownError(
                ErrorKind.IN_USE,
                f"“{path.name}” is already open in another RevMentor window.",
                "That window has been brought to the front." if brought
                else "Switch to that window, or close it first.",
            )
        try:
            if create is not None:
                values, areas, with_clauses = create
                clauses = [text for _label, text in READY_MADE_CLAUSES] if with_clauses else []
                store = Store.create(path, values, focus_areas=areas, clauses=clauses)
            else:
                from revmentor_desktop.ui.backups import folder_for

                # The whole-file check runs once the data is on screen (and before any write).
                store = Store.open(path, backup_folder=folder_for(path), verify_now=False)
        except BaseException:
            lock.unlock()
            raise
        self._close_document()
        self._lock = lock
        self._listen_for_raise(path)
        doc = Document(store, self)
        doc.set_hide_private(self.hide_private_action.isChecked())
        self.doc = doc
        doc.changed.connect(self._on_changed)
        doc.failed.connect(self._on_failed)
        doc.undo_stack.cleanChanged.connect(self._undo_state_changed)
        doc.undo_stack.indexChanged.connect(self._undo_state_changed)
        doc.undo_stack.indexChanged.connect(self._announce_delete)
        try:
            self._build_tabs(doc)
        except KnownError:
            # Reading what the Overview shows hit damage that the quick part of opening missed.
            doc.store.read_only = True  # nothing may be written to (or backed up from) it
            self._close_document()
            self.tabs_clear()
            raise
        for act in (self.export_action, self.copy_action, self.restore_action):
            act.setEnabled(True)
        paths.remember_file(path)
        self._update_title()
        self._update_undo_actions()
        if store.read_only:
            self.statusBar().showMessage(
                f"{path.name} is read-only: you can look, but changes cannot be saved.")
        elif store.recovered:
            from revmentor_desktop.data.recovery import describe

            self.statusBar().showMessage(
                f"Opened {path}, completing an unfinished change left beside it "
                f"({describe(store.recovered)}); a copy as found is kept with the backups.", 15000)
        else:
            self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    #: (attribute, title, module, class) of every tab, in order; Ctrl+1… follow this order.
    TABS = (
        ("overview_tab", "&Overview", "revmentor_desktop.ui.overview", "OverviewTab"),
        ("goals_tab", "&Goals", "revmentor_desktop.ui.goals", "GoalsTab"),
        ("journal_tab", "&Journal", "revmentor_desktop.ui.journal", "JournalTab"),
        ("swot_tab", "S&WOT", "revmentor_desktop.ui.swot", "SwotTab"),
        ("skills_tab", "S&kills", "revmentor_desktop.ui.skills", "SkillsTab"),
    )

    def _listen_for_raise(self, path: Path) -> None:
        """Another RevMentor asked for this file: come to the front instead of a second copy."""
        from PySide6.QtNetwork import QLocalServer

        name = _raise_name(path)
        QLocalServer.removeServer(name)  # a channel left by a crashed process (we hold the lock)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            return  # bringing the window forward is a convenience; the lock still protects the file
        server.newConnection.connect(lambda: self._come_forward(server))
        self._raise_server = server

    def _come_forward(self, server: Any) -> None:
        while server.hasPendingConnections():
            conn = server.nextPendingConnection()
            conn.disconnected.connect(conn.deleteLater)
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.statusBar().showMessage("You tried to open this partnership again: it is here.", 6000)

    def _build_tabs(self, doc: Document) -> None:
        """Build the Overview now; every other tab starts as a placeholder and is built after the
        data has painted (one per event-loop turn), or at once when the user asks for it."""
        tabs = QTabWidget(self)
        tabs.setDocumentMode(True)
        self._built: dict[str, QWidget] = {}
        for attr, title, _module, _cls in self.TABS:
            placeholder = QWidget(tabs)
            placeholder.setProperty("tab_attr", attr)
            tabs.addTab(placeholder, title)
        if self.tabs is not None:
            self.stack.removeWidget(self.tabs)
            self.tabs.deleteLater()
        self.tabs = tabs
        self._tabs_doc = doc
        self._opened_backup_done = False
        self._build_tab(0)
        tabs.currentChanged.connect(self._ensure_built)
        self.stack.addWidget(tabs)
        self.stack.setCurrentWidget(tabs)
        for act in self.tab_actions:
            self.view_menu.removeAction(act)
        self.tab_actions = []
        for i in range(tabs.count()):
            label = tabs.tabText(i).replace("&", "")
            act = self._action(self.view_menu, f"&{label}", lambda _c=False, n=i: self.show_tab(n),
                               f"Ctrl+{i + 1}")
            self.tab_actions.append(act)
        after_next_paint(tabs, self._build_next_tab)

    def _build_tab(self, index: int) -> QWidget:
        """The real tab at `index`, building it (in place of its placeholder) if needed."""
        assert self.tabs is not None
        attr, title, module, cls = self.TABS[index]
        if attr in self._built:
            return self._built[attr]
        import importlib

        tab_class = getattr(importlib.import_module(module), cls)
        tab = tab_class(self._tabs_doc, self.tabs)
        self._built[attr] = tab
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        with QSignalBlocker(self.tabs):
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, title)
            self.tabs.setCurrentIndex(current)
        placeholder.deleteLater()
        if attr == "goals_tab":
            tab.open_entry.connect(self._open_entry)
        return tab

    def _build_next_tab(self) -> None:
        """Build one more tab, then come back on the next turn (the window stays responsive)."""
        if self.tabs is None or self.doc is None:
            return
        if not self._verify_open_file():
            return
        for i, (attr, *_rest) in enumerate(self.TABS):
            if attr not in self._built:
                self._build_tab(i)
                QTimer.singleShot(0, self._build_next_tab)
                return
        self._finish_opening()

    def _verify_open_file(self) -> bool:
        """The integrity check Store.open left for after the first paint. A damaged file is closed
        (nothing was written to it) and handled like a damaged file that failed to open."""
        assert self.doc is not None
        try:
            self.doc.store.verify()
        except KnownError as exc:
            path = self.doc.store.shown_path
            self.doc.store.read_only = True  # closing must not write or back up a damaged file
            self._close_document()
            self.tabs_clear()
            self._show_open_error(path, exc)
            if self.doc is None:
                self.stack.setCurrentWidget(self.empty)
            return False
        return True

    def tabs_clear(self) -> None:
        if self.tabs is not None:
            self.stack.removeWidget(self.tabs)
            self.tabs.deleteLater()
            self.tabs = None
        for act in self.tab_actions:
            self.view_menu.removeAction(act)
        self.tab_actions = []
        for act in (self.export_action, self.copy_action, self.restore_action):
            act.setEnabled(False)
        self._update_title()
        self._update_undo_actions()

    def _finish_opening(self) -> None:
        """Every tab is in place: now take the opening backup (it reads the whole file)."""
        if self.doc is not None and not self._verify_open_file():
            return
        if not self._opened_backup_done:
            self._opened_backup_done = True
            self._backup_if_changed("open")

    def build_all_tabs(self) -> None:
        """Finish opening now rather than over the next event-loop turns."""
        if self.doc is None or not self._verify_open_file():
            return  # damaged: closed, and the user was told
        for i in range(len(self.TABS)):
            self._build_tab(i)
        self.overview_tab.dashboard.ensure_loaded()
        self._finish_opening()

    def _ensure_built(self, index: int) -> None:
        if self.tabs is not None and 0 <= index < len(self.TABS):
            self._build_tab(index)

    def __getattr__(self, name: str) -> Any:
        # overview_tab, goals_tab, … : the real tab, built on first use.
        for i, (attr, *_rest) in enumerate(MainWindow.TABS):
            if name == attr:
                if self.__dict__.get("tabs") is None:
                    raise AttributeError(name)
                return self._build_tab(i)
        raise AttributeError(name)

    def _open_entry(self, entry_id: int) -> None:
        if self.tabs is None:
            return
        self.tabs.setCurrentWidget(self.journal_tab)
        if not self.journal_tab.select_entry(entry_id):
            self.statusBar().showMessage("That session is hidden or was deleted.", 5000)

    def show_tab(self, index: int) -> None:
        if self.tabs is not None and 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def current_tab(self) -> Any:
        if self.tabs is None:
            return None
        return self._build_tab(self.tabs.currentIndex())

    def _show_open_error(self, path: Path, exc: KnownError) -> None:
        if exc.kind == ErrorKind.NOT_FOUND:
            paths.forget_file(path)
        if exc.kind == ErrorKind.DAMAGED and path.exists():
            from revmentor_desktop.data import backup
            from revmentor_desktop.ui.backups import folder_for

            backups = backup.list_backups(folder_for(path))
            options: list[tuple[str, Any]] = []
            if exc.as_found is not None:
                options.append(("Use the File as Found",
                                lambda: self.restore_from_backup(path, source=exc.as_found)))
            if backups:
                options.append(("Restore Latest Backup",
                                lambda: self.restore_from_backup(path, latest=True)))
                options.append(("Choose a Backup…", lambda: self.restore_from_backup(path)))
            if options:
                left = "" if exc.file_changed else " The file has been left exactly as it was."
                instead = ("the file as it was found" if exc.as_found is not None
                           else "the latest good backup")
                more = ", or a backup" if exc.as_found is not None and backups else ""
                choice = dialogs.service.choose(
                    self, "Cannot Open Partnership",
                    f"{exc.message}{left} You can put {instead} in its place{more} "
                    "(the damaged file is kept aside).",
                    [label for label, _do in options])
                if choice is not None:
                    options[choice][1]()
                return
        dialogs.service.error(self, "Cannot Open Partnership", exc)

    # -- backups -------------------------------------------------------------------------------------

    BACKUP_EVERY_MS = 30 * 60 * 1000

    def _backup_if_changed(self, reason: str) -> None:
        """Back up the open file when it changed since its last backup (never blocks an edit)."""
        if self.doc is None or self.doc.read_only:
            return
        from revmentor_desktop.data import backup
        from revmentor_desktop.ui.backups import folder_for

        source = self.doc.store.path
        try:
            self.doc.store.check_in_place()
        except KnownError:
            return  # nothing to back up from that path; the next edit says why
        folder = folder_for(source)
        try:
            backup.cleanup_partials([folder])
            if backup.needs_backup(source, folder):
                backup.make_backup(source, folder, reason)
                backup.thin(folder)
        except KnownError as exc:
            self.statusBar().showMessage(f"Backup not made: {exc.one_line()}", 10000)

    def save_copy(self) -> None:
        if self.doc is None:
            return
        from revmentor_desktop.data import backup

        source = self.doc.store.shown_path
        suggested = source.with_name(f"{source.stem} copy{FILE_SUFFIX}")
        target = dialogs.service.save_path(self, "Save a Copy", suggested)
        if target is None:
            return
        if target.suffix != FILE_SUFFIX:
            target = target.with_name(target.name + FILE_SUFFIX)
        self.flush()
        try:
            backup.save_copy(self.doc.store.path, target)
        except KnownError as exc:
            dialogs.service.error(self, "Copy Not Saved", exc)
            return
        self.statusBar().showMessage(f"Saved a copy to {target}", 8000)

    def restore_from_backup(self, path: Path | None = None, *, latest: bool = False,
                            source: Path | None = None) -> None:
        """Put a backup (or, with `source`, the file as it was found) in place of `path`."""
        from revmentor_desktop.data import backup
        from revmentor_desktop.ui.backups import RestoreDialog, folder_for

        if path is None:
            if self.doc is None:
                return
            if self.doc.read_only:
                dialogs.service.error(self, "Cannot Restore",
                                      "This partnership is open read-only, so it cannot be replaced.")
                return
            path = self.doc.store.shown_path
        folder = folder_for(path)
        if source is not None:
            chosen = backup.BackupInfo(source, datetime.now(UTC), 0, "as-found", 0)
        elif latest:
            backups = backup.list_backups(folder)
            chosen = backups[0] if backups else None
        else:
            dialog = RestoreDialog(path, self)
            chosen = dialog.chosen() if dialog.exec() else None
        if chosen is None:
            return
        reopen = self.doc is not None and _same_file(self.doc.store.shown_path, path)
        if reopen:
            self._close_document()
        damaged_aside = None
        real = path.resolve()  # through a symlink: set aside the file it points to, not the link
        if real.exists() and not reopen:
            # The file could not be opened: keep it aside rather than lose it.
            damaged_aside = real.with_name(f"{real.name}.damaged")
            n = 1
            while damaged_aside.exists():
                n += 1
                damaged_aside = real.with_name(f"{real.name}.damaged-{n}")
            try:
                real.replace(damaged_aside)
            except OSError as exc:
                dialogs.service.error(self, "Cannot Restore", f"The damaged file could not be set aside: {exc}.")
                return
        try:
            backup.restore(chosen.path, path, folder)
        except KnownError as exc:
            if damaged_aside is not None and not real.exists():
                damaged_aside.replace(real)
            dialogs.service.error(self, "Restore Failed", exc)
            if reopen:
                self.open_file(path)
            return
        self.open_file(path)
        note = f" The damaged file was kept as {damaged_aside.name}." if damaged_aside else ""
        what = ("Put the file as it was found back in place." if source is not None
                else f"Restored the backup from {moment_text(chosen.taken_at)}.")
        self.statusBar().showMessage(f"{what}{note}", 10000)

    def _close_document(self) -> None:
        if self.doc is None:
            return
        self.flush()
        self._backup_if_changed("close")
        self.doc.undo_stack.disconnect(self)  # its last signals must not reach a closing window
        self.doc.close()
        self.doc.deleteLater()
        self.doc = None
        if self._lock is not None:
            self._lock.unlock()
            if self._raise_server is not None:
                self._raise_server.close()
                self._raise_server = None
            self._lock = None

    def flush(self) -> None:
        """Save any typing still waiting for its debounce."""
        if self.tabs is None:
            return
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if hasattr(tab, "flush"):
                tab.flush()

    def open_dialog(self) -> None:
        start = self.doc.store.shown_path.parent if self.doc is not None else None
        path = dialogs.service.open_path(self, start)
        if path is not None:
            self.open_file(path)

    def new_partnership(self) -> None:
        from revmentor_desktop.ui.new_partnership import NewPartnershipDialog

        dialog = NewPartnershipDialog(self)
        if not dialog.exec():
            return
        values = dialog.values()
        suggested = paths.data_dir() / f"{_file_stem(values)}{FILE_SUFFIX}"
        if self.doc is not None:
            suggested = self.doc.store.shown_path.parent / suggested.name
        path = dialogs.service.save_path(self, "Save New Partnership As", suggested)
        if path is None:
            return
        if path.suffix != FILE_SUFFIX:
            path = path.with_name(path.name + FILE_SUFFIX)
        self.open_file(path, create=(values, dialog.focus_areas(), dialog.clauses.isChecked()))

    # -- reacting to the document --------------------------------------------------------------------

    def _on_changed(self, changes: frozenset[Change], _initiator: object) -> None:
        self._told = None  # a save worked: the next refusal is news again
        if changes & {Change.NAMES, Change.PRIVACY}:
            self._update_title()

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, KnownError):
            self._refused(exc)
            return
        message = str(exc) if not isinstance(exc, Gone) else (
            "That item was deleted in the meantime.")
        self.statusBar().showMessage(message, 8000)
        tab = self.current_tab()
        if tab is not None and hasattr(tab, "show_problem"):
            tab.show_problem(message)
        QApplication.beep()

    #: the save refusal the user was last told about, until a save works again (see `_refused`)
    _told: tuple[ErrorKind, str] | None = None

    def _refused(self, exc: KnownError) -> None:
        """A save the file refused. Say so once: while the dialog is up, or until a save works
        again, the same refusal (a field saving again as it loses focus to that very dialog, the
        next keystroke's save) goes to the status bar only. What was typed stays in its field."""
        if self.doc is not None and exc.kind is ErrorKind.READ_ONLY and self.doc.read_only:
            self._update_title()
        if self._told == (exc.kind, exc.message):
            self.statusBar().showMessage(f"Still not saved: {exc.message}", 8000)
            QApplication.beep()
            return
        self._told = (exc.kind, exc.message)
        if exc.kind is ErrorKind.MOVED and self.doc is not None:
            self._file_went_away(exc)
        else:
            dialogs.service.error(self, "Not Saved", exc)

    def _file_went_away(self, exc: KnownError) -> None:
        """The open file was moved, deleted or replaced: follow it, or save what we hold anew."""
        assert self.doc is not None
        store = self.doc.store
        where = store.whereabouts()
        buttons = (["Follow It There"] if where is not None else []) + ["Save As…"]
        choice = dialogs.service.choose(self, "Partnership File Moved",
                                        f"{exc.message} {exc.hint}", buttons)
        if choice is None:
            return
        if where is not None and choice == 0:
            self._go_on_with(where, lambda: store.relocate(where))
            return
        shown = store.shown_path
        target = dialogs.service.save_path(self, "Save Partnership As",
                                           (where or shown).with_name(shown.name))
        if target is None:
            return
        if target.suffix != FILE_SUFFIX:
            target = target.with_name(target.name + FILE_SUFFIX)
        self._go_on_with(target, lambda: store.save_as(target))

    def _go_on_with(self, path: Path, move: Any) -> None:
        """Carry on editing at `path` (with its own lock) after `move()` put the store there, and
        save what was typed meanwhile."""
        assert self.doc is not None
        lock = lock_for(path)
        same = self._lock is not None and lock.fileName() == self._lock.fileName()
        if not same and not lock.tryLock(0):
            dialogs.service.error(self, "Not Saved", KnownError(
                ErrorKind.IN_USE, f"“{path.name}” is open in another RevMentor window."))
            return
        try:
            move()
        except KnownError as err:
            if not same:
                lock.unlock()
            dialogs.service.error(self, "Not Saved", err)
            return
        if not same:
            if self._lock is not None:
                self._lock.unlock()
            self._lock = lock
            if self._raise_server is not None:
                self._raise_server.close()
                self._raise_server = None
            self._listen_for_raise(path)
        self._told = None
        paths.remember_file(path)
        self._update_title()
        self.flush()  # what was typed while the file was away
        self.statusBar().showMessage(f"Now editing {path}", 8000)

    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            return

        p = self.doc.partnership()
        parts = [f"{isolate(p.mentor_name)} ↔ {isolate(p.mentee_name)}", self.doc.store.shown_path.name]
        if self.doc.read_only:
            parts[-1] += " [read-only]"
        if self.doc.hide_private:
            parts.append("private entries hidden")
        self.setWindowTitle(" — ".join([*parts, APP_NAME]))
        self.setWindowFilePath(str(self.doc.store.shown_path))

    def _undo_state_changed(self, *_args: object) -> None:
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        stack = self.doc.undo_stack if self.doc is not None else None
        if stack is not None and not shiboken6.isValid(stack):
            stack = None  # the window is being torn down
        can_undo = stack is not None and stack.canUndo()
        can_redo = stack is not None and stack.canRedo()
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(f"&Undo {stack.undoText()}" if can_undo and stack else "&Undo")
        self.redo_action.setText(f"&Redo {stack.redoText()}" if can_redo and stack else "&Redo")

    def _announce_delete(self, _index: int) -> None:
        stack = self.doc.undo_stack if self.doc is not None else None
        if stack is not None and stack.canUndo() and stack.undoText().startswith(("Delete", "Remove")):
            shortcut = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.statusBar().showMessage(f"{stack.undoText()} — {shortcut} brings it back.", 8000)

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
            "Private entries are hidden." if hide else "Private entries are shown again.", 5000)

    def _find(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        if not hasattr(tab, "focus_search"):
            tab = getattr(self, "journal_tab", None)
            if tab is None:
                return
            self.tabs.setCurrentWidget(tab)  # type: ignore[union-attr]
        tab.focus_search()

    def _new_item(self) -> None:
        tab = self.current_tab()
        if tab is not None and hasattr(tab, "new_item") and self.doc is not None and not self.doc.read_only:
            tab.new_item()

    def _delete_selection(self) -> None:
        tab = self.current_tab()
        if tab is not None and hasattr(tab, "delete_selection") and self.doc is not None \
                and not self.doc.read_only:
            tab.delete_selection()

    # -- window state --------------------------------------------------------------------------------

    def about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About RevMentor")
        box.setTextFormat(PLAIN)
        box.setText(
            f"RevMentor Desktop {__version__}\n\n"
            "Goals, sessions, SWOT and skills for one reverse-mentoring partnership, "
            "kept in a file you own. Nothing leaves this computer."
        )
        box.exec()

    def _restore_geometry(self) -> None:
        value = paths.settings().value("geometry")
        if isinstance(value, QByteArray | bytes) and value:
            self.restoreGeometry(QByteArray(value))
        screen = QGuiApplication.primaryScreen()
        if screen is not None and not screen.availableGeometry().intersects(self.frameGeometry()):
            self.move(screen.availableGeometry().topLeft())

    def has_unsaved(self) -> bool:
        """Typing in some tab that is not in the file (after a flush: it was refused or failed)."""
        if self.tabs is None:
            return False
        return any(getattr(self.tabs.widget(i), "has_unsaved", lambda: False)()
                   for i in range(self.tabs.count()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._exporter is not None:
            self._exporter.wait()
        self.flush()
        if self.has_unsaved():
            choice = dialogs.service.choose(
                self, "Unsaved Changes",
                "Some of what you typed could not be saved (see the message before this one). "
                "If you close now, it is lost.",
                ["Keep Editing", "Close and Discard It"])
            if choice != 1:
                event.ignore()
                return
        self._close_document()
        s = paths.settings()
        s.setValue("geometry", self.saveGeometry())
        s.sync()
        super().closeEvent(event)

def _same_file(a: Path, b: Path) -> bool:
    """The same file, by any path to it (a symlink, a hard link)."""
    return file_identity.file_key(a) == file_identity.file_key(b)


def _file_stem(values: dict[str, Any]) -> str:
    def first(name: str) -> str:
        words = str(name).split()
        return "".join(ch for ch in (words[0] if words else "") if ch.isalnum()) or "partner"

    return f"{first(values.get('mentor_name', ''))}-{first(values.get('mentee_name', ''))}"
