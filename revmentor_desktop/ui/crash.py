"""The exception hook: our bugs are logged with their traceback and shown with "Copy Details".

A `KnownError` that escapes is the user's world, not a bug: it is shown as its plain sentence.
"""

from __future__ import annotations

import datetime
import logging
import sys
import traceback
from types import TracebackType

from revmentor_desktop import APP_NAME, __version__
from revmentor_desktop.errors import KnownError

# Qt's names and the app-data paths are imported when a bug is met, not here: installing the hook
# happens before the first paint, and `Qt` alone costs ~25 ms there (shiboken builds its 105 enums).

log = logging.getLogger("revmentor")
LOG_MAX_BYTES = 1_000_000

_showing = False


def _write_log(details: str) -> str:
    from PySide6.QtCore import QCoreApplication

    from revmentor_desktop.ui import paths

    target: object = QCoreApplication.translate("Crash", "the app-data folder")
    try:
        target = paths.log_file()
        if target.exists() and target.stat().st_size > LOG_MAX_BYTES:
            target.replace(target.with_suffix(".log.1"))
        with target.open("a", encoding="utf-8") as fh:
            fh.write(details + "\n")
        target.chmod(0o600)
    except (OSError, KnownError) as exc:  # the log is a help, not a requirement; say so on stderr
        print(f"revmentor: could not write the log file {target}: {exc}", file=sys.stderr)
    return str(target)


def format_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    stamp = datetime.datetime.now().isoformat(timespec="seconds")
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"RevMentor {__version__} — {stamp}\nPython {sys.version.split()[0]}\n{body}"


def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _showing
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, KnownError):
        from revmentor_desktop.ui.dialogs import service

        service.error(QApplication.activeWindow(), APP_NAME, exc)
        return
    details = format_details(exc_type, exc, tb)
    where = _write_log(details)
    print(details, file=sys.stderr)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Crash", "RevMentor hit a bug"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(QCoreApplication.translate(
            "Crash", "Something went wrong inside RevMentor. Your saved work is safe: every edit is "
                     "saved the moment you make it."))
        box.setInformativeText(QCoreApplication.translate(
            "Crash", "The details were written to {where}. If you report the problem, attach that "
                     "file or paste what Copy Details copies.").format(where=where))
        box.setDetailedText(details)  # the traceback, for whoever fixes the bug: not translated
        copy = box.addButton(QCoreApplication.translate("Crash", "Copy Details"),
                             QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is copy:
            QGuiApplication.clipboard().setText(details)
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = handle
