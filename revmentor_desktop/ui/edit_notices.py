"""Lines for the status bar about an edit just made: what else it moved, and how to undo it.

They belong to the moment and the tab of the edit, so they time out (`TIMEOUT_MS`) and the window
takes them down when the user switches tabs (`ui/window/undo_actions.UndoActions.withdraw`). A tab
finds its document's notices with `EditNotices.of(doc)`; the window forwards them to its status
bar, so no tab needs to know the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence

#: How long an edit's notice stays when nothing takes it down sooner.
TIMEOUT_MS = 8000


class EditNotices(QObject):
    """One document's edit notices (a child of the document: it goes with it)."""

    shown = Signal(str, int)  # the line, and for how long (ms)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("edit notices")

    @classmethod
    def of(cls, owner: QObject) -> EditNotices:
        """The notices of `owner` (the open document), made on first use."""
        for child in owner.children():
            if isinstance(child, cls):
                return child
        return cls(owner)

    def tell(self, text: str, timeout_ms: int = TIMEOUT_MS) -> None:
        self.shown.emit(text, timeout_ms)


def undo_keys() -> str:
    """Edit › Undo's shortcut as this platform writes it (e.g. "Ctrl+Z")."""
    return QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
