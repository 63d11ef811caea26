"""What an edit is — `Edit`, the `Done` it returns, the kinds of `Change` — and the building blocks
every area's edits are made of (`commands_partnership`, `commands_goals`, …; the facade `commands`).

After Anki's CollectionOp and OpChanges: `edit.apply(store)` runs one operation of `ops` (one
transaction) and returns `Done` — its result, the kinds of rows it changed (cascades included:
deleting a journal entry also changes the action items it held, the goals it discussed and the skill
ratings it unlinked) and the edit that undoes it. Undoing gives a `Done` whose `undo` redoes, so an
undo stack needs nothing more. No caller names a change kind; each edit says what it touched.

`ops`, and with it the ORM, loads when an edit is first applied (`load_ops`), never on import.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revmentor_desktop.data.ops_rows import Tombstone
    from revmentor_desktop.data.store import Store


class Change(StrEnum):
    """A kind of thing an edit can change; views redraw only for the kinds they show."""

    PARTNERSHIP = "partnership"
    #: the partners' names or who "I" am (a subset of PARTNERSHIP changes: most tabs show only these)
    NAMES = "names"
    FOCUS_AREAS = "focus_areas"
    CLAUSES = "clauses"
    GOALS = "goals"
    MILESTONES = "milestones"
    #: an entry's date, length, rating, privacy or topics (what lists and figures show)
    ENTRIES = "entries"
    #: the long text of an entry (agenda, notes, takeaways, feedback): nothing but the entry shows it
    ENTRY_TEXT = "entry_text"
    #: which goals a session discussed
    DISCUSSED = "discussed"
    ACTIONS = "actions"
    SWOT = "swot"
    SNAPSHOTS = "snapshots"
    SKILLS = "skills"
    RATINGS = "ratings"
    #: which way a session's feedback went, and each partner's usefulness rating (the Overview's
    #: note on feedback flowing one way only; alongside ENTRY_TEXT or ENTRIES)
    FEEDBACK = "feedback"
    CHECK_INS = "check_ins"
    #: reviews and their copies of the goals
    REVIEWS = "reviews"
    #: not rows: the window's hide-private switch (every view that shows private things redraws)
    PRIVACY = "privacy"


Changes = frozenset[Change]
NOTHING: Changes = frozenset()


@dataclass(frozen=True)
class Done:
    """What an applied edit did."""

    value: Any
    changes: Changes
    #: the edit that undoes this one (None when nothing changed, so there is nothing to undo)
    undo: Edit | None


@dataclass(frozen=True)
class Edit:
    """One user edit, not yet applied. `label` names it in Edit › Undo."""

    label: str
    run: Callable[[Store], Done] = field(repr=False)
    #: consecutive edits with the same key (debounced typing into one field) undo as one step
    merge_key: Hashable | None = None

    def apply(self, store: Store) -> Done:
        return self.run(store)


def load_ops() -> Any:
    """The `ops` module, imported on the first edit applied (with it SQLAlchemy and SQLModel)."""
    from revmentor_desktop.data import ops

    return ops


# -- the kinds of rows, by table ------------------------------------------------------------------------

#: which change each table's rows are (a Tombstone names the tables it emptied)
_BY_TABLE: Mapping[str, Changes] = {
    "partnership": frozenset({Change.PARTNERSHIP}),
    "focus_area": frozenset({Change.FOCUS_AREAS}),
    "agreement_clause": frozenset({Change.CLAUSES}),
    "goal": frozenset({Change.GOALS}),
    "milestone": frozenset({Change.MILESTONES}),
    "journal_entry": frozenset({Change.ENTRIES, Change.ENTRY_TEXT, Change.FEEDBACK}),
    "entry_goal": frozenset({Change.DISCUSSED}),
    "action_item": frozenset({Change.ACTIONS}),
    "swot_item": frozenset({Change.SWOT}),
    "swot_snapshot": frozenset({Change.SNAPSHOTS}),
    "swot_snapshot_item": frozenset({Change.SNAPSHOTS}),
    "skill": frozenset({Change.SKILLS}),
    "skill_rating": frozenset({Change.RATINGS}),
    "check_in": frozenset({Change.CHECK_INS}),
    "review": frozenset({Change.REVIEWS}),
    "review_goal": frozenset({Change.REVIEWS}),
}


def changes_of(tombstone: Tombstone) -> Changes:
    """Every kind of row a delete removed or altered (and its restore puts back)."""
    out: set[Change] = set()
    for table in tombstone.tables():
        out |= _BY_TABLE[table]
    return frozenset(out)


# -- building blocks ------------------------------------------------------------------------------------


def updating(label: str, fn_name: str, row_id: int, values: Mapping[str, Any], changes: Changes,
             merge: bool = True) -> Edit:
    """Change fields of one row; undo puts the old values back. Consecutive edits of the same
    fields of the same row merge into one undo step when `merge`."""
    values = dict(values)

    def run(store: Store) -> Done:
        old = getattr(load_ops(), fn_name)(store, row_id, **values)
        if old == values:
            return Done(old, NOTHING, None)
        return Done(old, changes, updating(label, fn_name, row_id, old, changes, merge))

    key = (fn_name, row_id, tuple(sorted(values))) if merge else None
    return Edit(label, run, key)


def adding(label: str, add: Callable[[Store], int], delete: Callable[[int], Edit],
           changes: Changes) -> Edit:
    """Create a row; undo deletes it, and redo puts back the very same row (same id)."""

    def run(store: Store) -> Done:
        new_id = add(store)
        return Done(new_id, changes, delete(new_id))

    return Edit(label, run)


def deleting(label: str, fn_name: str, row_id: int) -> Edit:
    """Delete a row and what hangs off it; undo restores every row as it was."""

    def run(store: Store) -> Done:
        tomb = getattr(load_ops(), fn_name)(store, row_id)
        return Done(tomb, changes_of(tomb), restore(label, tomb, deleting(label, fn_name, row_id)))

    return Edit(label, run)


def restore(label: str, tombstone: Tombstone, again: Edit) -> Edit:
    """Put back what a delete removed; undo runs the delete `again`."""

    def run(store: Store) -> Done:
        load_ops().restore(store, tombstone)
        return Done(None, changes_of(tombstone), again)

    return Edit(label, run)


def moving(label: str, fn_name: str, row_id: int, new_index: int, changes: Changes) -> Edit:
    def run(store: Store) -> Done:
        old_index = getattr(load_ops(), fn_name)(store, row_id, new_index)
        if old_index == new_index:
            return Done(old_index, NOTHING, None)
        return Done(old_index, changes, moving(label, fn_name, row_id, old_index, changes))

    return Edit(label, run)


def replacing(label: str, fn: Callable[[Store, Any], Any], value: Any, changes: Changes) -> Edit:
    """Set something to `value` as a whole; `fn` returns what it was, which undo sets back."""

    def run(store: Store) -> Done:
        old = fn(store, value)
        if old == value:
            return Done(old, NOTHING, None)
        return Done(old, changes, replacing(label, fn, old, changes))

    return Edit(label, run)


def labelled(label: str, edit: Edit) -> Edit:
    """`edit` under its own name, as a step of its own (a click, not typing: it never merges)."""
    return Edit(label, edit.run)
