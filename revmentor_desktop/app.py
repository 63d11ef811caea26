"""Starting the window, in an order that paints first and loads later.

Start-up order (keep it; the benchmark holds us to it):

1. `cli.main` parses arguments; the headless paths (`--make-sample`, `--export-pdf`) never get here.
2. `run()` creates the QApplication, installs the exception hook (our bugs are logged to the
   app-data folder and shown with "Copy Details"), and resolves which file to open: the one given,
   else the last one used, else the default file (after the first-run "New partnership" dialog).
3. The main window is constructed and shown, and its first paint is the bare window at its size:
   no pages, menus or status bar yet, and nothing heavy imported: no sqlmodel/SQLAlchemy, no
   matplotlib, not even Qt's `Qt` namespace, the dialogs, the theme (unless Light or Dark is
   chosen), the icon or Qt's translations (RevMentor's own, when one ships for the user's language,
   is installed before the window is made). A central widget alone would cost that paint ~25 ms
   (the window animates it into place, and shiboken builds ~170 classes to identify the
   animation's timer); the menus and the modules behind them ~15 ms more.
4. Once the window has painted, it is completed (`MainWindow.finish_building`: its pages, menus and
   their shortcuts, status bar and file session; code that asks for one of them sooner, or a key
   pressed in that moment, has them made at once) and shows "Opening …" while it takes the file's
   lock, opens the file (header check, migration if it is older; the sessions read once) and builds
   the Overview's figures, details and rules from plain sqlite3 reads (`data.reads`, as every read
   is). After that paints: the single-instance channel listens (a second launch meanwhile waits for
   its answer), the icon, the desktop's colour scheme, Qt's translations, the Overview's practice
   box and dashboard; then the whole-file quick_check runs, the other tabs are built one per
   event-loop turn (a tab the user asks for is built at once), then the file is backed up. SQLModel
   and SQLAlchemy are imported only with the first edit (`data.commands` loads `data.ops`).
5. matplotlib is imported the first time a chart is needed, never at start-up.

Importing `revmentor_desktop.ui` also replaces shiboken's source scan of every later import (see
`ui.source_scan`): it kept each imported module's source in memory, 30+ MiB by the time the ORM
and matplotlib are loaded. The main window hands Python's garbage collection to the GUI thread
(`ui.gc_guard`), so the PDF export's worker thread never frees the GUI's objects.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor_desktop import APP_NAME, ORG_NAME, __version__
from revmentor_desktop.errors import KnownError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

#: How long a second launch waits for the window that has its file to answer (s).
OWNER_WAIT_S = 2.0


def run(file: Path | None, qt_args: Sequence[str] = ()) -> int:
    """Start the window on `file`; `qt_args` are Qt's own options (`-style fusion`), for
    QApplication (ignored when one exists already)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("io.github.revmentor.RevMentor")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        [*(sys.argv[:1] or ["revmentor"]), *qt_args])
    ctrl_c = CtrlC(app)
    try:
        return _run(app, file, ctrl_c)
    finally:
        ctrl_c.remove()


def _run(app: QApplication, file: Path | None, ctrl_c: CtrlC) -> int:
    from revmentor_desktop.ui import crash

    crash.install()
    from revmentor_desktop.ui import theme, translations

    translations.install_own()  # our words in the user's language (if translated) before any widget

    if theme.chosen() != theme.SYSTEM:
        theme.keeper()  # Light or Dark before the first paint; System is the desktop's look until then

    from revmentor_desktop.ui.startup import choose_start_file
    from revmentor_desktop.ui.window import MainWindow

    try:
        target = choose_start_file(file)
    except KnownError as exc:  # e.g. the app-data folder is a link to nowhere
        from PySide6.QtCore import QCoreApplication

        from revmentor_desktop.ui.dialogs import service

        print(f"revmentor: error: {exc.one_line()}", file=sys.stderr)
        service.error(None, QCoreApplication.translate("App", "RevMentor Cannot Start"), exc)
        return 1
    if target is None:
        return 0  # the user cancelled the first-run dialog
    if target.create is None and _handed_to_running_window(target.path):
        return 0  # the window that has the file came to the front; nothing to show here
    from revmentor_desktop.ui.after_paint import after_next_paint

    window = MainWindow()
    # Open the file once the empty window is on screen: a zero timer alone can run before the
    # first paint, leaving the user with no window at all while the data layer loads.
    def open_target() -> None:
        window.open_file(target.path, create=target.create)
        after_next_paint(window, settle_in)

    def settle_in() -> None:
        """Once the partnership is on screen, what can wait for it: the icon (loading the SVG costs
        ~8 ms; every window takes it up), the desktop's stated colour scheme (followed live from
        now on), Qt's stock dialogs in the user's language (QLocale's enums: hundreds of them)."""
        from revmentor_desktop.ui.icons import app_icon

        app.setWindowIcon(app_icon())
        theme.keeper().follow_desktop()
        translations.install()

    after_next_paint(window, open_target)
    ctrl_c.window = window
    window.show()
    return int(app.exec())


class CtrlC:
    """Ctrl+C in the terminal does what File › Quit does: any open dialog is answered as Escape
    would answer it, then the window closes as it does for File › Quit (what was typed is saved).

    Python runs a signal handler only between its own bytecodes, never while Qt's event loop waits
    in C++; so the signal also writes a byte to a pipe (`signal.set_wakeup_fd`; a socket pair on
    Windows, where it must be a socket) that a QSocketNotifier watches, which wakes the loop and
    lets the handler run. The handler itself only schedules the close, for the event loop to run
    outside whatever code it interrupted. (A pipe, not a socket, where it can: `socket` costs
    ~4 ms to import before the first paint.)
    """

    #: How often to look again while a dialog's event loop unwinds (ms), and for how long at most.
    RETRY_MS = 10
    RETRIES = 100

    def __init__(self, app: QApplication) -> None:
        import os
        import signal
        import threading

        from PySide6.QtCore import QSocketNotifier

        self.window: QWidget | None = None
        self._app = app
        self._installed = False
        if threading.current_thread() is not threading.main_thread():
            return  # signals are the main thread's alone
        if sys.platform == "win32":
            import socket

            pair = socket.socketpair()
            self._reader, self._writer = pair[0].fileno(), pair[1].fileno()
            self._sockets = pair
            for sock in pair:
                sock.setblocking(False)
        else:
            self._reader, self._writer = os.pipe()
            for fd in (self._reader, self._writer):
                os.set_blocking(fd, False)
        self._old_wakeup_fd = signal.set_wakeup_fd(self._writer, warn_on_full_buffer=False)
        self._old_handler = signal.signal(signal.SIGINT, self._on_signal)
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, app)
        self._notifier.activated.connect(self._drain)
        self._installed = True

    def remove(self) -> None:
        """Put back Python's own handling of Ctrl+C (run() is over)."""
        if not self._installed:
            return
        import signal

        self._installed = False
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        signal.signal(signal.SIGINT, self._old_handler)
        signal.set_wakeup_fd(self._old_wakeup_fd)
        if sys.platform == "win32":
            for sock in self._sockets:
                sock.close()
        else:
            import os

            os.close(self._reader)
            os.close(self._writer)

    def _drain(self) -> None:
        try:
            while self._read(512):
                pass
        except OSError:  # BlockingIOError: nothing more to read
            return

    def _read(self, n: int) -> bytes:
        if sys.platform == "win32":
            return self._sockets[0].recv(n)
        import os

        return os.read(self._reader, n)

    def _on_signal(self, signum: int, frame: object) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: self._quit(self.RETRIES))

    def _quit(self, retries: int) -> None:
        from PySide6.QtCore import QThread, QTimer
        from PySide6.QtWidgets import QApplication, QDialog

        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            modal.reject()  # as Escape would: the first-run dialog, a question, an open-file dialog
        thread = QThread.currentThread()
        nested = thread is not None and thread.loopLevel() > 1
        if (modal is not None or nested) and retries > 0:
            # Close the window from the main loop, once the dialog's own loop has returned.
            QTimer.singleShot(self.RETRY_MS, lambda: self._quit(retries - 1))
            return
        if self.window is not None:
            self.window.close()


def _handed_to_running_window(path: Path) -> bool:
    """When `path` (by any name) is open in a running RevMentor, ask that window to come forward.
    True when it answered: this second launch then simply ends, quietly, with success.

    A window answers once its file is on screen, a moment after it took the file's lock: a launch
    that finds the lock taken asks again for up to OWNER_WAIT_S before it gives up (and opening
    then says the file is in use)."""
    import time

    from revmentor_desktop.ui import file_identity

    lock = file_identity.lock_for(path)
    give_up = time.monotonic() + OWNER_WAIT_S
    while True:
        if lock.tryLock(0):
            lock.unlock()  # nobody has it: this process opens it (and locks it properly) itself
            return False
        from revmentor_desktop.ui.window.single_instance import ask_owner_to_come_forward

        if ask_owner_to_come_forward(path):
            return True
        if time.monotonic() >= give_up:
            return False
        time.sleep(0.05)

