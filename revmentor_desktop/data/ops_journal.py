"""Journal entries and their action items, one function per change, and the lists of entries
the Journal, Goals and Skills tabs and the PDF summary show."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import col

from revmentor_desktop.data import reads
from revmentor_desktop.data.models import ActionItem, EntryGoal, JournalEntry, SkillRating
from revmentor_desktop.data.ops_rows import (
    Tombstone,
    delete_row,
    get_row,
    next_position,
    now,
    update_row,
)
from revmentor_desktop.data.reads import HIGHLIGHT_COLUMNS, Highlight, OpenAction
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import ACTION_FIELDS, ENTRY_FIELDS, validate_fields
from revmentor_desktop.errors import Gone

# -- journal -----------------------------------------------------------------------------------------


def add_entry(store: Store, held_on: date | str, **values: Any) -> int:
    clean = validate_fields(ENTRY_FIELDS, {"held_on": held_on, **values})
    if "duration_minutes" not in clean:
        clean["duration_minutes"] = reads.get_partnership(store).duration_minutes
    with store.write() as s:
        entry = JournalEntry(**clean, created_at=now())
        s.add(entry)
        s.flush()
        assert entry.id is not None
        return entry.id


def get_entry(store: Store, entry_id: int) -> JournalEntry:
    return get_row(store, JournalEntry, entry_id)


def update_entry(store: Store, entry_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, JournalEntry, ENTRY_FIELDS, entry_id, changes)


def delete_entry(store: Store, entry_id: int) -> Tombstone:
    """Delete an entry with its action items, goal links, and (unlinked, kept) skill ratings."""
    tomb = Tombstone()
    with store.write() as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None:
            raise Gone(f"Journal entry {entry_id} no longer exists")
        tomb.add(JournalEntry, [entry])
        tomb.add(ActionItem, s.execute(select(ActionItem).where(col(ActionItem.entry_id) == entry_id)).scalars())
        tomb.add(EntryGoal, s.execute(select(EntryGoal).where(col(EntryGoal.entry_id) == entry_id)).scalars())
        linked = list(s.execute(select(col(SkillRating.id)).where(col(SkillRating.entry_id) == entry_id)).scalars())
        s.delete(entry)
    # Ratings outlive the entry (ON DELETE SET NULL); undo must re-link them.
    tomb.relink(SkillRating, "entry_id", linked, entry_id)
    return tomb


@dataclass(frozen=True)
class EntrySummary:
    """What the journal list shows of an entry."""

    id: int
    held_on: date
    topics: str
    rating: int | None  # earlier feedback's rating (files from before version 3): whose, unknown
    private: bool
    duration_minutes: int
    mentor_rating: int | None = None
    mentee_rating: int | None = None


_SUMMARY_COLUMNS = (
    col(JournalEntry.id),
    col(JournalEntry.held_on),
    col(JournalEntry.topics),
    col(JournalEntry.rating),
    col(JournalEntry.private),
    col(JournalEntry.duration_minutes),
    col(JournalEntry.mentor_rating),
    col(JournalEntry.mentee_rating),
)


def list_entries(store: Store, *, include_private: bool = True) -> list[EntrySummary]:
    """Every entry, newest first, with only the columns a list shows."""
    stmt = select(*_SUMMARY_COLUMNS).order_by(col(JournalEntry.held_on).desc(), col(JournalEntry.id).desc())
    if not include_private:
        stmt = stmt.where(col(JournalEntry.private) == False)  # noqa: E712
    with store.read() as s:
        return [EntrySummary(*row) for row in s.execute(stmt)]


def journal_highlights(store: Store, start: date | None = None, end: date | None = None) -> list[Highlight]:
    """Non-private entries between `start` and `end` (inclusive), oldest first. Private entries are
    never returned by this function: it exists to build things that leave the machine."""
    stmt = (
        select(*(col(getattr(JournalEntry, name)) for name in HIGHLIGHT_COLUMNS))
        .where(col(JournalEntry.private) == False)  # noqa: E712
        .order_by(col(JournalEntry.held_on), col(JournalEntry.id))
    )
    if start is not None:
        stmt = stmt.where(col(JournalEntry.held_on) >= start)
    if end is not None:
        stmt = stmt.where(col(JournalEntry.held_on) <= end)
    with store.read() as s:
        return [Highlight(*row) for row in s.execute(stmt)]


def entry_goal_ids(store: Store, entry_id: int) -> list[int]:
    with store.read() as s:
        return list(s.execute(select(col(EntryGoal.goal_id)).where(col(EntryGoal.entry_id) == entry_id)).scalars())


def set_entry_goals(store: Store, entry_id: int, goal_ids: Iterable[int]) -> list[int]:
    """Set which goals an entry discussed; return the previous list."""
    wanted = sorted(set(goal_ids))
    old = entry_goal_ids(store, entry_id)
    with store.write() as s:
        if s.get(JournalEntry, entry_id) is None:
            raise Gone(f"Journal entry {entry_id} no longer exists")
        s.execute(delete(EntryGoal).where(col(EntryGoal.entry_id) == entry_id))
        for gid in wanted:
            s.add(EntryGoal(entry_id=entry_id, goal_id=gid))
    return old


def entries_for_goal(store: Store, goal_id: int, *, include_private: bool = True) -> list[EntrySummary]:
    stmt = (
        select(*_SUMMARY_COLUMNS)
        .join(EntryGoal, col(EntryGoal.entry_id) == col(JournalEntry.id))
        .where(col(EntryGoal.goal_id) == goal_id)
        .order_by(col(JournalEntry.held_on).desc())
    )
    if not include_private:
        stmt = stmt.where(col(JournalEntry.private) == False)  # noqa: E712
    with store.read() as s:
        return [EntrySummary(*row) for row in s.execute(stmt)]


# -- action items ------------------------------------------------------------------------------------


def list_actions(store: Store, entry_id: int) -> list[ActionItem]:
    stmt = select(ActionItem).where(col(ActionItem.entry_id) == entry_id).order_by(col(ActionItem.position), col(ActionItem.id))
    with store.read() as s:
        return list(s.execute(stmt).scalars())


def add_action(store: Store, entry_id: int, text: str, **values: Any) -> int:
    clean = validate_fields(ACTION_FIELDS, {"text": text, **values})
    with store.write() as s:
        if s.get(JournalEntry, entry_id) is None:
            raise Gone(f"Journal entry {entry_id} no longer exists")
        pos = next_position(s, col(ActionItem.position), col(ActionItem.entry_id) == entry_id)
        item = ActionItem(entry_id=entry_id, position=pos, **clean)
        s.add(item)
        s.flush()
        assert item.id is not None
        return item.id


def update_action(store: Store, action_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, ActionItem, ACTION_FIELDS, action_id, changes)


def delete_action(store: Store, action_id: int) -> Tombstone:
    return delete_row(store, ActionItem, action_id)


def open_actions(store: Store, *, include_private: bool = True, before: date | None = None) -> list[OpenAction]:
    """Action items not yet done, oldest session first (optionally only from sessions before a date)."""
    stmt = (
        select(col(ActionItem.id), col(ActionItem.entry_id), col(JournalEntry.held_on), col(ActionItem.text),
               col(ActionItem.owner), col(ActionItem.due_on))
        .join(JournalEntry, col(JournalEntry.id) == col(ActionItem.entry_id))
        .where(col(ActionItem.done_on) == None)  # noqa: E711
        .order_by(col(JournalEntry.held_on), col(ActionItem.position), col(ActionItem.id))
    )
    if not include_private:
        stmt = stmt.where(col(JournalEntry.private) == False)  # noqa: E712
    if before is not None:
        stmt = stmt.where(col(JournalEntry.held_on) < before)
    with store.read() as s:
        return [OpenAction(*row) for row in s.execute(stmt)]
