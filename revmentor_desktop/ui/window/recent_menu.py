"""File › Open Recent: the partnerships opened lately, newest first, read afresh each time it opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from revmentor_desktop.ui import paths


class RecentMenu(QMenu):
    chosen = Signal(Path)  # the file the user picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Open &Recent"))
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        files = paths.recent_files()
        if not files:
            self.addAction(self.tr("No recent partnerships")).setEnabled(False)
            return
        for i, path in enumerate(files):
            act = self.addAction(f"&{i + 1} {path.name} — {path.parent}")
            act.triggered.connect(lambda _c=False, p=path: self.chosen.emit(p))
        self.addSeparator()
        self.addAction(self.tr("Clear List")).triggered.connect(_clear)


def _clear() -> None:
    s = paths.settings()
    s.setValue("recentFiles", [])
    s.sync()
