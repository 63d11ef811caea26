"""Every modal question the app asks, behind one small service so tests never block on a modal.

Tests replace `dialogs.service` (or its methods) with answers given in advance.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from revmentor_desktop import FILE_SUFFIX
from revmentor_desktop.errors import KnownError

FILE_FILTER = f"RevMentor partnership (*{FILE_SUFFIX});;All files (*)"


class DialogService:
    def error(self, parent: QWidget | None, title: str, error: KnownError | str) -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if isinstance(error, KnownError):
            box.setText(error.message)
            if error.hint:
                box.setInformativeText(error.hint)
        else:
            box.setText(str(error))
        box.exec()

    def open_path(self, parent: QWidget | None, start: Path | None = None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "Open Partnership", str(start or Path.home()), FILE_FILTER
        )
        return Path(name) if name else None

    def save_path(self, parent: QWidget | None, title: str, suggested: Path,
                  file_filter: str = FILE_FILTER) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
        return Path(name) if name else None

    def choose(self, parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int | None:
        """Ask with named buttons; return the index chosen, None when dismissed."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        made = [box.addButton(b, QMessageBox.ButtonRole.ActionRole) for b in buttons]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else None

    def inform(self, parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int | None:
        """Tell of something done, offering follow-ups by name and Close; the index chosen, or None."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        made = [box.addButton(b, QMessageBox.ButtonRole.ActionRole) for b in buttons]
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))
        box.exec()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else None


service = DialogService()
