"""The open partnership as the window sees it: one write path, one undo stack, one change signal.

After Anki's CollectionOp: every user edit goes through `Document.add/update/delete/move/call`,
which runs one data operation (one transaction), pushes an undo step, and emits `changed` with the
kinds of rows touched. Tabs redraw only for kinds that concern them; no tab talks to another.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from revmentor_desktop.data import reads
from revmentor_desktop.data.reads import PartnershipRow
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import ValidationError
from revmentor_desktop.errors import KnownError

if TYPE_CHECKING:
    # `ops` (and with it SQLModel) is imported on the first edit, not before the data is on screen.
    from revmentor_desktop.data import ops

# Kinds of rows, named in `changed` so each view knows whether to redraw.
PARTNERSHIP = "partnership"
#: the partners' names or roles changed (a subset of PARTNERSHIP changes: most tabs show only these)
NAMES = "names"
FOCUS_AREAS = "focus_areas"
CLAUSES = "clauses"
GOALS = "goals"
MILESTONES = "milestones"
ENTRIES = "entries"
#: the long text of an entry (agenda, notes, takeaways, feedback): nothing but the entry shows it
ENTRY_TEXT = "entry_text"
ACTIONS = "actions"
SWOT = "swot"
SNAPSHOTS = "snapshots"
SKILLS = "skills"
RATINGS = "ratings"
PRIVACY = "privacy"  # the hide-private switch, not rows: every view that shows private things redraws
ALL = frozenset({PARTNERSHIP, NAMES, FOCUS_AREAS, CLAUSES, GOALS, MILESTONES, ENTRIES, ENTRY_TEXT, ACTIONS, SWOT,
                 SNAPSHOTS, SKILLS, RATINGS, PRIVACY})

UserFacingError = (ValidationError, KnownError, LookupError)


class _Command(QUndoCommand):
    """An edit already applied once by Document; redo/undo replay it through data operations."""

    def __init__(self, doc: Document, text: str, kinds: frozenset[str],
                 apply: Callable[[], Any], revert: Callable[[], Any],
                 merge_key: Hashable | None = None) -> None:
        super().__init__(text)
        self._doc = doc
        self._kinds = kinds
        self._apply = apply
        self._revert = revert
        self._merge_key = merge_key
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._doc._run(self._kinds, self._apply)

    def undo(self) -> None:
        self._doc._run(self._kinds, self._revert)

    def id(self) -> int:
        return 1 if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Consecutive saves of the same field (debounced typing) become one undo step.
        if not isinstance(other, _Command) or other._merge_key != self._merge_key:
            return False
        self._apply = other._apply
        return True


class Document(QObject):
    changed = Signal(object)  # frozenset[str] of kinds touched
    failed = Signal(object)  # an exception the user should read (ValidationError, KnownError, …)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
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

    def _emit(self, kinds: frozenset[str]) -> None:
        """Tell every view what changed."""
        self.changed.emit(kinds)

    def _forget_stale(self, kinds: frozenset[str]) -> None:
        # Connected first, so it runs before any view's slot (Qt calls slots in connection order).
        if PARTNERSHIP in kinds:
            self._partnership = None

    # -- privacy switch ------------------------------------------------------------------------------

    @property
    def hide_private(self) -> bool:
        return self._hide_private

    def set_hide_private(self, hide: bool) -> None:
        if hide != self._hide_private:
            self._hide_private = hide
            self._emit(frozenset({PRIVACY}))

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    # -- the write path ------------------------------------------------------------------------------

    def _run(self, kinds: Iterable[str], fn: Callable[[], Any]) -> Any:
        """Run one data operation; on a user-facing error emit `failed` and return None."""
        try:
            result = fn()
        except UserFacingError as exc:
            self.failed.emit(exc)
            return None
        self._emit(frozenset(kinds))
        return result

    def _try(self, fn: Callable[[], Any]) -> tuple[bool, Any]:
        try:
            return True, fn()
        except UserFacingError as exc:
            self.failed.emit(exc)
            return False, None

    def add(self, text: str, kinds: Iterable[str], add: Callable[[], int],
            delete: Callable[[Store, int], ops.Tombstone]) -> int | None:
        """Create a row with `add()`; undo deletes it, redo restores the very same row."""
        kinds = frozenset(kinds)
        ok, new_id = self._try(add)
        if not ok:
            return None
        state: dict[str, Any] = {}

        def revert() -> None:
            state["tomb"] = delete(self.store, new_id)

        def apply() -> None:
            _restore(self.store, state["tomb"])

        self.undo_stack.push(_Command(self, text, kinds, apply, revert))
        self._emit(kinds)
        return int(new_id)

    def update(self, label: str, kinds: Iterable[str], update: Callable[..., dict[str, Any]],
               row_id: int, /, merge: bool = True, **changes: Any) -> bool:
        """Change fields of one row; consecutive changes of the same fields merge into one undo step."""
        kinds = frozenset(kinds)
        ok, old = self._try(lambda: update(self.store, row_id, **changes))
        if not ok:
            return False
        if old == changes:
            return True  # nothing really changed; no undo step

        def apply() -> None:
            update(self.store, row_id, **changes)

        def revert() -> None:
            update(self.store, row_id, **old)

        key = (update, row_id, tuple(sorted(changes))) if merge else None
        self.undo_stack.push(_Command(self, label, kinds, apply, revert, key))
        self._emit(kinds)
        return True

    def delete(self, text: str, kinds: Iterable[str], delete: Callable[[Store, int], ops.Tombstone],
               row_id: int) -> bool:
        """Delete a row (and what hangs off it) without asking: undo is the safety net."""
        kinds = frozenset(kinds)
        ok, tomb = self._try(lambda: delete(self.store, row_id))
        if not ok:
            return False
        state = {"tomb": tomb}

        def apply() -> None:
            state["tomb"] = delete(self.store, row_id)

        def revert() -> None:
            _restore(self.store, state["tomb"])

        self.undo_stack.push(_Command(self, text, kinds, apply, revert))
        self._emit(kinds)
        return True

    def move(self, text: str, kinds: Iterable[str], move: Callable[[Store, int, int], int],
             row_id: int, new_index: int) -> bool:
        kinds = frozenset(kinds)
        ok, old_index = self._try(lambda: move(self.store, row_id, new_index))
        if not ok:
            return False
        if old_index == new_index:
            return True
        self.undo_stack.push(_Command(
            self, text, kinds,
            lambda: move(self.store, row_id, new_index),
            lambda: move(self.store, row_id, old_index),
        ))
        self._emit(kinds)
        return True

    def change(self, text: str, kinds: Iterable[str], apply: Callable[[], Any],
               revert_with: Callable[[Any], Any]) -> bool:
        """Any other undoable edit: `apply()` returns what `revert_with(result)` needs to undo it."""
        kinds = frozenset(kinds)
        ok, result = self._try(apply)
        if not ok:
            return False
        state = {"result": result}

        def redo() -> None:
            state["result"] = apply()

        def undo() -> None:
            revert_with(state["result"])

        self.undo_stack.push(_Command(self, text, kinds, redo, undo))
        self._emit(kinds)
        return True

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()


def _restore(store: Store, tomb: ops.Tombstone) -> None:
    from revmentor_desktop.data import ops

    ops.restore(store, tomb)
