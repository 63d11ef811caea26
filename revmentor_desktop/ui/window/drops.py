"""A partnership file dropped on the window opens there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from revmentor_desktop import FILE_SUFFIX


def dropped_file(mime: QMimeData) -> Path | None:
    """The partnership file being dragged, when it is exactly one local *.revmentor file."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == FILE_SUFFIX else None


class FileDrops(QObject):
    """Accepts a dragged *.revmentor file over `window` and hands it to `open_file` once dropped."""

    def __init__(self, window: QWidget, open_file: Callable[[Path], object]) -> None:
        super().__init__(window)
        self._open = open_file
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            if dropped_file(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
        elif isinstance(event, QDropEvent):
            path = dropped_file(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                # Opened once the drop is over: the other application is not kept waiting.
                QTimer.singleShot(0, lambda: self._open(path))
                return True
        return False
