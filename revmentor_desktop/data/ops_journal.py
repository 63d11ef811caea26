"""Journal entries and their action items, one function per change (their reads are
`reads_journal`'s)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import col

from revmentor_desktop.data import reads
from revmentor_desktop.data.models import ActionItem, EntryGoal, JournalEntry, SkillRating
from revmentor_desktop.data.ops_rows import (
    Tombstone,
    delete_row,
    insert_row,
    now,
    update_row,
)
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import ACTION_FIELDS, ENTRY_FIELDS, validate_fields
from revmentor_desktop.errors import Gone

# -- journal -----------------------------------------------------------------------------------------


def add_entry(store: Store, held_on: date | str, **values: Any) -> int:
    clean = validate_fields(ENTRY_FIELDS, {"held_on": held_on, **values})
    if "duration_minutes" not in clean:
        clean["duration_minutes"] = reads.get_partnership(store).duration_minutes
    return insert_row(store, JournalEntry, {**clean, "created_at": now()})


def update_entry(store: Store, entry_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, JournalEntry, ENTRY_FIELDS, entry_id, changes)


def delete_entry(store: Store, entry_id: int) -> Tombstone:
    """Delete an entry with its action items, goal links, and (unlinked, kept) skill ratings."""
    return delete_row(store, JournalEntry, entry_id, (ActionItem, col(ActionItem.entry_id)),
                      (EntryGoal, col(EntryGoal.entry_id)), what="Journal entry",
                      unlinked=((SkillRating, "entry_id"),))


def set_entry_goals(store: Store, entry_id: int, goal_ids: Iterable[int]) -> list[int]:
    """Set which goals an entry discussed; return the previous list."""
    wanted = sorted(set(goal_ids))
    with store.write() as s:
        if s.get(JournalEntry, entry_id) is None:
            raise Gone(f"Journal entry {entry_id} no longer exists")
        old = sorted(s.execute(select(col(EntryGoal.goal_id)).where(col(EntryGoal.entry_id) == entry_id))
                     .scalars())
        s.execute(delete(EntryGoal).where(col(EntryGoal.entry_id) == entry_id))
        for gid in wanted:
            s.add(EntryGoal(entry_id=entry_id, goal_id=gid))
    return old


# -- action items ------------------------------------------------------------------------------------


def add_action(store: Store, entry_id: int, text: str, **values: Any) -> int:
    clean = validate_fields(ACTION_FIELDS, {"text": text, **values})
    return insert_row(store, ActionItem, clean, parent=("entry_id", JournalEntry, entry_id),
                      what="Journal entry", scope=("entry_id",))


def update_action(store: Store, action_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, ActionItem, ACTION_FIELDS, action_id, changes)


def delete_action(store: Store, action_id: int) -> Tombstone:
    return delete_row(store, ActionItem, action_id)
