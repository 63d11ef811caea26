"""The open partnership as the window sees it: one write path, one undo stack, one change signal.

After Anki's CollectionOp: every user edit is a `commands.Edit` that `Document.run` applies (one
transaction). The edit reports what it changed and what undoes it; `run` pushes the undo step and
emits `changed(changes, initiator)` once. Views subscribe themselves, redraw only for the kinds of
change they show, and skip a change they started themselves (their fields already show it). Undo and
redo replay the edits' own inverses, so they are announced with no initiator: everyone redraws.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from revmentor_desktop.data import reads
from revmentor_desktop.data.commands import Change, Changes, Done, Edit
from revmentor_desktop.data.reads import PartnershipRow
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import ValidationError
from revmentor_desktop.errors import Gone, KnownError

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

#: Errors that are the user's world: shown as a sentence, the edit not made. A row deleted meanwhile
#: is one only when an operation says so (`Gone`); any other KeyError or IndexError is a bug and
#: reaches the crash hook.
UserFacingError = (ValidationError, KnownError, Gone)


class _Step(QUndoCommand):
    """An edit already applied once by `Document.run`; undo and redo replay its inverses."""

    def __init__(self, doc: Document, edit: Edit, done: Done) -> None:
        # data/ marks its undo names for translation (context "Edits"); shown in the user's language
        super().__init__(QCoreApplication.translate("Edits", edit.label))
        #: the name as data/ gave it (English): what the window tests, whatever the language
        self.label = edit.label
        self._doc = doc
        self._done = done
        self._merge_key: Hashable | None = edit.merge_key
        self._skip_first_redo = True

    def _replay(self) -> None:
        inverse = self._done.undo
        if inverse is None:
            return
        done = self._doc._replay(inverse)
        if done is not None:
            self._done = done

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._replay()

    def undo(self) -> None:
        self._replay()

    def id(self) -> int:
        return 1 if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Consecutive saves of the same field (debounced typing) become one undo step: keep the
        # first step's inverse, which puts back what the field held before the typing began.
        return isinstance(other, _Step) and other._merge_key == self._merge_key


class Document(QObject):
    changed = Signal(object, object)  # (frozenset[Change] touched, the view that made the edit or None)
    failed = Signal(object)  # an exception the user should read (ValidationError, KnownError, …)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        #: every session's (date, minutes), read while opening (`reads.probe_first_paint`): the
        #: Overview's first figures take it instead of reading 10,000 rows a second time
        self.opening_sessions: list[tuple[date, int]] | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self._hide_private = False
        self._partnership: PartnershipRow | None = None
        self.changed.connect(self._forget_stale)

    def partnership(self) -> PartnershipRow:
        """The partnership row, read once and kept until it changes (every tab shows the names)."""
        if self._partnership is None:
            self._partnership = reads.get_partnership(self.store)
        return self._partnership

    def _forget_stale(self, changes: Changes, _initiator: object) -> None:
        # Connected first, so it runs before any view's slot (Qt calls slots in connection order).
        if Change.PARTNERSHIP in changes:
            self._partnership = None

    # -- privacy switch ------------------------------------------------------------------------------

    @property
    def hide_private(self) -> bool:
        return self._hide_private

    def set_hide_private(self, hide: bool) -> None:
        if hide != self._hide_private:
            self._hide_private = hide
            self.changed.emit(frozenset({Change.PRIVACY}), None)

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def catch_up(self, flush: Callable[[], None]) -> bool:
        """If something else has written to the file since we last looked (another RevMentor
        under another account, a tool), have every view read it again; True when it had. `flush`
        first saves what was typed but not yet saved, so the views read it back rather than lose it."""
        if not self.store.changed_elsewhere():
            return False
        flush()
        self.changed.emit(frozenset(Change), None)
        return True

    # -- the write path ------------------------------------------------------------------------------

    def run(self, edit: Edit, initiator: object | None = None) -> Done | None:
        """Apply one edit: push its undo step and announce what it changed. On a refusal the user
        should read, emit `failed` and return None (nothing was changed)."""
        try:
            done = edit.apply(self.store)
        except UserFacingError as exc:
            self.failed.emit(exc)
            return None
        if done.changes and done.undo is not None:
            self.undo_stack.push(_Step(self, edit, done))
            self.changed.emit(done.changes, initiator)
        return done

    def _replay(self, edit: Edit) -> Done | None:
        try:
            done = edit.apply(self.store)
        except UserFacingError as exc:
            self.failed.emit(exc)
            return None
        self.changed.emit(done.changes, None)
        return done

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()
