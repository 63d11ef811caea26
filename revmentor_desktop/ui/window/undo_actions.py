"""Edit › Undo and Redo: enabled and named after the step they would undo or redo, following the
open document's undo stack; a deletion says which key brings it back.

Those lines, and the tabs' own notes on an edit (`ui.edit_notices`), reach the status bar through
`notice`; they are about the edit just made, so `withdraw` takes the last one down when the user
moves on to another tab (else they time out)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QStatusBar

from revmentor_desktop.ui.edit_notices import TIMEOUT_MS, EditNotices

#: A QAction property: the action's name in Help › Keyboard Shortcuts when its text changes as it
#: is used ("Undo Record Decision" is Edit › Undo's text for a moment, "Undo" its name).
LISTED_AS = "listed_as"


class UndoActions(QObject):
    notice = Signal(str, int)  # a line for the status bar, and for how long (ms)
    retract = Signal(str)  # take this line off the status bar if it still shows there

    def __init__(self, undo: QAction, redo: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo = undo
        self.redo = redo
        for action in (undo, redo):
            action.setProperty(LISTED_AS, action.text())
        self._stack: QUndoStack | None = None
        self._notices: EditNotices | None = None
        self._last = ""  # the last edit notice shown
        self._delete_notice = ""  # the last "Delete … — Ctrl+Z brings it back." shown
        self.refresh()

    def follow(self, stack: QUndoStack | None, notices: EditNotices | None = None) -> None:
        """Follow `stack` from now on (None: there is nothing to undo), and pass on the tabs'
        `notices` about the document's edits."""
        if self._stack is not None and shiboken6.isValid(self._stack):
            self._stack.disconnect(self)  # its last signals (as it is cleared) must reach no one
        if self._notices is not None and shiboken6.isValid(self._notices):
            self._notices.disconnect(self)
        self._stack = stack
        self._notices = notices
        self._last = ""
        if notices is not None:
            notices.shown.connect(self._tell)
        if stack is not None:
            stack.cleanChanged.connect(self.refresh)
            stack.indexChanged.connect(self.refresh)
            stack.indexChanged.connect(self._announce_delete)
        self.refresh()

    def refresh(self) -> None:
        stack = self._stack
        if stack is not None and not shiboken6.isValid(stack):
            stack = None  # the window is being torn down
        can_undo = stack is not None and stack.canUndo()
        can_redo = stack is not None and stack.canRedo()
        self.undo.setEnabled(can_undo)
        self.redo.setEnabled(can_redo)
        self.undo.setText(self.tr("&Undo {step}").format(step=stack.undoText()) if can_undo and stack
                          else self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo {step}").format(step=stack.redoText()) if can_redo and stack
                          else self.tr("&Redo"))

    def _announce_delete(self, _index: int) -> None:
        stack = self._stack
        if stack is None or not shiboken6.isValid(stack):
            return  # (not valid: the window is being torn down, its stack emptied as it goes)
        if not stack.canUndo():
            if self._delete_notice:  # the delete was the first step, and it was undone
                self.retract.emit(self._delete_notice)
                self._delete_notice = ""
            return
        step = stack.command(stack.index() - 1)
        # the English name data/ gave the step, whatever language it is shown in
        if str(getattr(step, "label", stack.undoText())).startswith(("Delete", "Remove")):
            shortcut = self.undo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self._tell(self.tr("{step} — {keys} brings it back.").format(step=stack.undoText(), keys=shortcut),
                       TIMEOUT_MS)
            self._delete_notice = self._last
        elif self._delete_notice:  # undone, or another edit made since: "… brings it back" is stale
            self.retract.emit(self._delete_notice)
            self._delete_notice = ""

    def _tell(self, text: str, timeout_ms: int) -> None:
        self._last = text
        self.notice.emit(text, timeout_ms)

    def withdraw(self, bar: QStatusBar) -> None:
        """The user moved on (another tab): take the last edit notice off `bar` if it still shows
        there; any other line (a file's state, an export) stays."""
        if self._last and bar.currentMessage() == self._last:
            bar.clearMessage()
        self._last = ""
