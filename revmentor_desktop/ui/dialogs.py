"""Every modal question the app asks, behind one small service so tests never block on a modal.

Tests replace `dialogs.service` (or its methods) with answers given in advance.

Qt's dialog classes are imported when a dialog is shown, not at the top: this module loads before
the window's first paint, where each Qt class touched for the first time costs (shiboken builds
its enums then: `Qt` alone ~25 ms, QFileDialog and QMessageBox a few ms more).

Titles, messages and button names come translated from the caller (tests/test_translations_tr.py
fails on a bare literal given here); this module translates its own words (context "Dialogs").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from revmentor_desktop import FILE_SUFFIX
from revmentor_desktop.errors import KnownError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def partnership_filter() -> str:
    """The open and save dialogs' filter: partnership files, or every file."""
    return QCoreApplication.translate("Dialogs", "RevMentor partnership ({pattern});;All files (*)").format(
        pattern=f"*{FILE_SUFFIX}")


def _box(parent: QWidget | None, title: str, text: str, *, warning: bool = True) -> QMessageBox:
    """A message box showing `text` as plain text, whatever it holds."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def _ask(box: QMessageBox, buttons: list[str], dismiss: QMessageBox.StandardButton) -> int | None:
    from PySide6.QtWidgets import QMessageBox

    made = [box.addButton(b, QMessageBox.ButtonRole.ActionRole) for b in buttons]
    box.setDefaultButton(box.addButton(dismiss))
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else None


class DialogService:
    def error(self, parent: QWidget | None, title: str, error: KnownError | str) -> None:
        box = _box(parent, title, error.message if isinstance(error, KnownError) else str(error))
        if isinstance(error, KnownError) and error.hint:
            box.setInformativeText(error.hint)
        box.exec()

    def open_path(self, parent: QWidget | None, start: Path | None = None,
                  file_filter: str = "", title: str = "") -> Path | None:
        """Ask for a file to open; `file_filter` and `title` default to a partnership file's."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            parent, title or QCoreApplication.translate("Dialogs", "Open Partnership"),
            str(start or Path.home()), file_filter or partnership_filter()
        )
        return Path(name) if name else None

    def save_path(self, parent: QWidget | None, title: str, suggested: Path,
                  file_filter: str = "") -> Path | None:
        """Ask where to save; `file_filter` defaults to partnership files."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested),
                                              file_filter or partnership_filter())
        return Path(name) if name else None

    def choose(self, parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int | None:
        """Ask with named buttons; return the index chosen, None when dismissed (Cancel)."""
        from PySide6.QtWidgets import QMessageBox

        return _ask(_box(parent, title, text), buttons, QMessageBox.StandardButton.Cancel)

    def inform(self, parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int | None:
        """Tell of something done, offering follow-ups by name and Close; the index chosen, or None."""
        from PySide6.QtWidgets import QMessageBox

        return _ask(_box(parent, title, text, warning=False), buttons, QMessageBox.StandardButton.Close)


service = DialogService()
