"""Starting the window, in an order that paints first and loads later.

Start-up order (keep it; the benchmark holds us to it):

1. `cli.main` parses arguments; the headless paths (`--make-sample`, `--export-pdf`) never get here.
2. `run()` creates the QApplication, installs the exception hook (our bugs are logged to the
   app-data folder and shown with "Copy details"), and resolves which file to open: the one given,
   else the last one used, else the default file (after the first-run "New partnership" dialog).
3. The main window is constructed and shown. Nothing heavy is imported yet: no sqlmodel/SQLAlchemy,
   no matplotlib. The window shows "Opening …" while…
4. …once the window has painted, it takes the single-instance lock, opens the file (header check,
   migration if it is older) and fills the Overview from plain sqlite3 reads (`data.reads`), so
   the partnership is on screen before SQLModel/SQLAlchemy are imported. After that paints, the
   whole-file quick_check runs, the other tabs are built one per event-loop turn (the first of
   them imports the ORM; a tab the user asks for is built at once), then the file is backed up.
5. matplotlib is imported the first time a chart is needed, never at start-up.

Importing `revmentor_desktop.ui` also replaces shiboken's source scan of every later import (see
`ui.source_scan`): it kept each imported module's source in memory, 30+ MiB by the time the ORM
and matplotlib are loaded. The main window hands Python's garbage collection to the GUI thread
(`ui.gc_guard`), so the PDF export's worker thread never frees the GUI's objects.
"""

from __future__ import annotations

import sys
from pathlib import Path

from revmentor_desktop import APP_NAME, ORG_NAME, __version__
from revmentor_desktop.errors import KnownError


def run(file: Path | None) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("io.github.revmentor.RevMentor")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])

    from revmentor_desktop.ui import crash

    crash.install()

    from revmentor_desktop.ui.startup import choose_start_file
    from revmentor_desktop.ui.window import MainWindow

    try:
        target = choose_start_file(file)
    except KnownError as exc:  # e.g. the app-data folder is a link to nowhere
        from revmentor_desktop.ui.dialogs import service

        print(f"revmentor: error: {exc.one_line()}", file=sys.stderr)
        service.error(None, "RevMentor Cannot Start", exc)
        return 1
    if target is None:
        return 0  # the user cancelled the first-run dialog
    from revmentor_desktop.ui.after_paint import after_next_paint

    window = MainWindow()
    # Open the file once the empty window is on screen: a zero timer alone can run before the
    # first paint, leaving the user with no window at all while the data layer loads.
    def open_target() -> None:
        from revmentor_desktop.ui.icons import app_icon

        app.setWindowIcon(app_icon())  # after the paint: loading the SVG costs ~8 ms; every window takes it up
        window.open_file(target.path, create=target.create)

    after_next_paint(window, open_target)
    window.show()
    return int(app.exec())

