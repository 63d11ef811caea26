"""Every change a user can make, as one function each: validate, write in one transaction, return.

Writers return what the UI needs to undo them: `add_*` the new id, `update_*` the previous values,
`delete_*` a `Tombstone` that `restore()` puts back exactly (same ids, children and links included).
Readers return plain rows; nothing here knows about Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import delete, func, insert, select, update
from sqlmodel import SQLModel, col

from revmentor_desktop.data import reads
from revmentor_desktop.data import validation as v
from revmentor_desktop.data.models import (
    ActionItem,
    AgreementClause,
    EntryGoal,
    FocusArea,
    Goal,
    JournalEntry,
    Milestone,
    Partnership,
    Skill,
    SkillRating,
    SwotItem,
    SwotSnapshot,
    SwotSnapshotItem,
)
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import (  # the field rules, under the names ops has always had
    ACTION_FIELDS,
    ENTRY_FIELDS,
    GOAL_FIELDS,
    MILESTONE_FIELDS,
    PARTNERSHIP_FIELDS,
    RATING_FIELDS,
    SKILL_FIELDS,
    SWOT_FIELDS,
    clean_clause,
    clean_focus_area,
    validate_partnership,
)
from revmentor_desktop.data.validation import validate_fields as _validate
from revmentor_desktop.errors import Gone

M = TypeVar("M", bound=SQLModel)

def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# -- undo support ------------------------------------------------------------------------------------


@dataclass
class Tombstone:
    """Rows removed by one delete, in insertion order, so `restore` can put them back verbatim."""

    rows: list[tuple[type[SQLModel], dict[str, Any]]] = field(default_factory=list)

    def add(self, model: type[SQLModel], records: Iterable[SQLModel]) -> None:
        for r in records:
            self.rows.append((model, r.model_dump()))

    def tables(self) -> set[str]:
        """The tables whose rows this delete removed or altered (what restoring it changes)."""
        return {"skill_rating" if model is _Relink else str(model.__tablename__)
                for model, _values in self.rows}


# -- generic helpers ---------------------------------------------------------------------------------


def _get(store: Store, model: type[M], row_id: int) -> M:
    with store.read() as s:
        obj = s.get(model, row_id)
    if obj is None:
        raise Gone(f"{model.__name__} {row_id} no longer exists")
    return obj


def _update(store: Store, model: type[SQLModel], fields: Mapping[str, v.Validator], row_id: int,
            changes: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and apply `changes`; return the previous values of exactly those fields."""
    clean = _validate(fields, changes)
    with store.write() as s:
        obj = s.get(model, row_id)
        if obj is None:
            raise Gone(f"{model.__name__} {row_id} no longer exists")
        old = {k: getattr(obj, k) for k in clean}
        for k, val in clean.items():
            setattr(obj, k, val)
        s.add(obj)
    return old


def _next_position(s: Any, column: Any, *where: Any) -> int:
    current = s.execute(select(func.max(column)).where(*where)).scalar()
    return 0 if current is None else int(current) + 1


def _reorder(s: Any, model: Any, row_id: int, new_index: int, *scope: str) -> int:
    """Within the open transaction `s`, move a row to `new_index` among its siblings (rows with the
    same values in the `scope` columns); return its old index."""
    obj = s.get(model, row_id)
    if obj is None:
        raise Gone(f"{model.__name__} {row_id} no longer exists")
    where = [getattr(model, c) == getattr(obj, c) for c in scope]
    ids = list(s.execute(select(model.id).where(*where).order_by(model.position, model.id)).scalars())
    old_index = ids.index(row_id)
    ids.remove(row_id)
    new_index = max(0, min(new_index, len(ids)))
    ids.insert(new_index, row_id)
    for pos, rid in enumerate(ids):
        s.execute(update(model).where(model.id == rid).values(position=pos))
    return old_index


def _move(store: Store, model: Any, row_id: int, new_index: int, *scope: str) -> int:
    """Move a row among its siblings in one transaction; return its old index."""
    with store.write() as s:
        return _reorder(s, model, row_id, new_index, *scope)


# -- partnership -------------------------------------------------------------------------------------


def update_partnership(store: Store, **changes: Any) -> dict[str, Any]:
    clean = validate_partnership(changes)
    current = reads.get_partnership(store)
    start = clean.get("start_date", current.start_date)
    review = clean.get("review_date", current.review_date)
    if review is not None and review < start:
        raise v.ValidationError("The review date cannot be before the start date.")
    return _update(store, Partnership, PARTNERSHIP_FIELDS, 1, clean)


def set_focus_areas(store: Store, names: Sequence[str]) -> list[str]:
    """Replace the partnership's focus areas (order kept, duplicates dropped); return the old list."""
    clean: list[str] = []
    for n in names:
        name = clean_focus_area(n)
        if name.casefold() not in {c.casefold() for c in clean}:
            clean.append(name)
    old = reads.list_focus_areas(store)
    with store.write() as s:
        s.execute(delete(FocusArea))
        for i, name in enumerate(clean):
            s.add(FocusArea(name=name, position=i))
    return old


# -- agreement ---------------------------------------------------------------------------------------


def add_clause(store: Store, text: str, index: int | None = None) -> int:
    clean = clean_clause(text)
    with store.write() as s:
        clause = AgreementClause(text=clean, position=_next_position(s, col(AgreementClause.position)))
        s.add(clause)
        s.flush()
        assert clause.id is not None
        if index is not None:
            _reorder(s, AgreementClause, clause.id, index)
        return clause.id


def update_clause(store: Store, clause_id: int, text: str) -> str:
    clean = clean_clause(text)
    return str(_update(store, AgreementClause, {"text": lambda x: x}, clause_id, {"text": clean})["text"])


def move_clause(store: Store, clause_id: int, new_index: int) -> int:
    return _move(store, AgreementClause, clause_id, new_index)


def delete_clause(store: Store, clause_id: int) -> Tombstone:
    return _delete_simple(store, AgreementClause, clause_id)


def _delete_simple(store: Store, model: Any, row_id: int) -> Tombstone:
    tomb = Tombstone()
    with store.write() as s:
        obj = s.get(model, row_id)
        if obj is None:
            raise Gone(f"{model.__name__} {row_id} no longer exists")
        tomb.add(model, [obj])
        s.delete(obj)
    return tomb


# -- goals and milestones ----------------------------------------------------------------------------


def add_goal(store: Store, title: str, **values: Any) -> int:
    clean = _validate(GOAL_FIELDS, {"title": title, **values})
    with store.write() as s:
        goal = Goal(**clean, position=_next_position(s, col(Goal.position)), created_at=_now())
        s.add(goal)
        s.flush()
        assert goal.id is not None
        return goal.id


def get_goal(store: Store, goal_id: int) -> Goal:
    return _get(store, Goal, goal_id)


def list_goals(store: Store, *, include_private: bool = True) -> list[Goal]:
    stmt = select(Goal).order_by(col(Goal.position), col(Goal.id))
    if not include_private:
        stmt = stmt.where(col(Goal.private) == False)  # noqa: E712 (SQL expression)
    with store.read() as s:
        return list(s.execute(stmt).scalars())


def update_goal(store: Store, goal_id: int, **changes: Any) -> dict[str, Any]:
    return _update(store, Goal, GOAL_FIELDS, goal_id, changes)


def delete_goal(store: Store, goal_id: int) -> Tombstone:
    """Delete a goal with its milestones and its links to journal entries."""
    tomb = Tombstone()
    with store.write() as s:
        goal = s.get(Goal, goal_id)
        if goal is None:
            raise Gone(f"Goal {goal_id} no longer exists")
        tomb.add(Goal, [goal])
        tomb.add(Milestone, s.execute(select(Milestone).where(col(Milestone.goal_id) == goal_id)).scalars())
        tomb.add(EntryGoal, s.execute(select(EntryGoal).where(col(EntryGoal.goal_id) == goal_id)).scalars())
        s.delete(goal)  # milestones and links go with it (ON DELETE CASCADE)
    return tomb


def list_milestones(store: Store, goal_id: int) -> list[Milestone]:
    stmt = select(Milestone).where(col(Milestone.goal_id) == goal_id).order_by(col(Milestone.position), col(Milestone.id))
    with store.read() as s:
        return list(s.execute(stmt).scalars())


def add_milestone(store: Store, goal_id: int, title: str, done_on: date | None = None) -> int:
    clean = _validate(MILESTONE_FIELDS, {"title": title, "done_on": done_on})
    with store.write() as s:
        if s.get(Goal, goal_id) is None:
            raise Gone(f"Goal {goal_id} no longer exists")
        pos = _next_position(s, col(Milestone.position), col(Milestone.goal_id) == goal_id)
        ms = Milestone(goal_id=goal_id, position=pos, **clean)
        s.add(ms)
        s.flush()
        assert ms.id is not None
        return ms.id


def update_milestone(store: Store, milestone_id: int, **changes: Any) -> dict[str, Any]:
    return _update(store, Milestone, MILESTONE_FIELDS, milestone_id, changes)


def move_milestone(store: Store, milestone_id: int, new_index: int) -> int:
    return _move(store, Milestone, milestone_id, new_index, "goal_id")


def delete_milestone(store: Store, milestone_id: int) -> Tombstone:
    return _delete_simple(store, Milestone, milestone_id)


def goal_status_counts(store: Store, *, include_private: bool = True) -> dict[tuple[str, str], int]:
    """How many goals each owner has in each status: {(owner, status): count}."""
    stmt = select(col(Goal.owner), col(Goal.status), func.count()).group_by(
        col(Goal.owner), col(Goal.status))
    if not include_private:
        stmt = stmt.where(col(Goal.private) == False)  # noqa: E712
    with store.read() as s:
        return {(o, st): int(n) for o, st, n in s.execute(stmt)}


def milestone_counts(store: Store) -> dict[int, tuple[int, int]]:
    """(done, total) milestones per goal id, for every goal that has any."""
    stmt = select(
        col(Milestone.goal_id), func.count(col(Milestone.done_on)), func.count(col(Milestone.id))
    ).group_by(col(Milestone.goal_id))
    with store.read() as s:
        return {gid: (int(d), int(t)) for gid, d, t in s.execute(stmt)}


# -- journal -----------------------------------------------------------------------------------------


def add_entry(store: Store, held_on: date | str, **values: Any) -> int:
    clean = _validate(ENTRY_FIELDS, {"held_on": held_on, **values})
    if "duration_minutes" not in clean:
        clean["duration_minutes"] = reads.get_partnership(store).duration_minutes
    with store.write() as s:
        entry = JournalEntry(**clean, created_at=_now())
        s.add(entry)
        s.flush()
        assert entry.id is not None
        return entry.id


def get_entry(store: Store, entry_id: int) -> JournalEntry:
    return _get(store, JournalEntry, entry_id)


def update_entry(store: Store, entry_id: int, **changes: Any) -> dict[str, Any]:
    return _update(store, JournalEntry, ENTRY_FIELDS, entry_id, changes)


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
    if linked:
        # Ratings outlive the entry (ON DELETE SET NULL); undo must re-link them.
        tomb.rows.append((_Relink, {"ids": linked, "entry_id": entry_id}))
    return tomb


class _Relink(SQLModel):
    """Pseudo-row in a Tombstone: point these skill ratings back at a restored entry."""


def _restore_row(s: Any, model: type[SQLModel], values: dict[str, Any]) -> None:
    if model is _Relink:
        s.execute(update(SkillRating).where(col(SkillRating.id).in_(values["ids"])).values(entry_id=values["entry_id"]))
    else:
        s.execute(insert(model).values(**values))


def restore(store: Store, tombstone: Tombstone) -> None:
    """Undo a delete: re-insert every row it removed, with the same ids and links."""
    with store.write() as s:
        for model, values in tombstone.rows:
            _restore_row(s, model, values)


@dataclass(frozen=True)
class EntrySummary:
    """What the journal list shows of an entry."""

    id: int
    held_on: date
    topics: str
    rating: int | None
    private: bool
    duration_minutes: int


_SUMMARY_COLUMNS = (
    col(JournalEntry.id),
    col(JournalEntry.held_on),
    col(JournalEntry.topics),
    col(JournalEntry.rating),
    col(JournalEntry.private),
    col(JournalEntry.duration_minutes),
)


def list_entries(store: Store, *, include_private: bool = True) -> list[EntrySummary]:
    """Every entry, newest first, with only the columns a list shows."""
    stmt = select(*_SUMMARY_COLUMNS).order_by(col(JournalEntry.held_on).desc(), col(JournalEntry.id).desc())
    if not include_private:
        stmt = stmt.where(col(JournalEntry.private) == False)  # noqa: E712
    with store.read() as s:
        return [EntrySummary(*row) for row in s.execute(stmt)]


@dataclass(frozen=True)
class Highlight:
    """The shareable part of a journal entry (for the PDF summary)."""

    id: int
    held_on: date
    topics: str
    mentor_takeaway: str
    mentee_takeaway: str
    feedback_good: str
    feedback_improve: str
    rating: int | None


def journal_highlights(store: Store, start: date | None = None, end: date | None = None) -> list[Highlight]:
    """Non-private entries between `start` and `end` (inclusive), oldest first. Private entries are
    never returned by this function: it exists to build things that leave the machine."""
    stmt = (
        select(col(JournalEntry.id), col(JournalEntry.held_on), col(JournalEntry.topics),
               col(JournalEntry.mentor_takeaway), col(JournalEntry.mentee_takeaway),
               col(JournalEntry.feedback_good), col(JournalEntry.feedback_improve),
               col(JournalEntry.rating))
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
    clean = _validate(ACTION_FIELDS, {"text": text, **values})
    with store.write() as s:
        if s.get(JournalEntry, entry_id) is None:
            raise Gone(f"Journal entry {entry_id} no longer exists")
        pos = _next_position(s, col(ActionItem.position), col(ActionItem.entry_id) == entry_id)
        item = ActionItem(entry_id=entry_id, position=pos, **clean)
        s.add(item)
        s.flush()
        assert item.id is not None
        return item.id


def update_action(store: Store, action_id: int, **changes: Any) -> dict[str, Any]:
    return _update(store, ActionItem, ACTION_FIELDS, action_id, changes)


def delete_action(store: Store, action_id: int) -> Tombstone:
    return _delete_simple(store, ActionItem, action_id)


@dataclass(frozen=True)
class OpenAction:
    id: int
    entry_id: int
    held_on: date
    text: str
    owner: str
    due_on: date | None


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


# -- SWOT --------------------------------------------------------------------------------------------


def list_swot_items(store: Store) -> list[SwotItem]:
    stmt = select(SwotItem).order_by(col(SwotItem.grid), col(SwotItem.quadrant), col(SwotItem.position), col(SwotItem.id))
    with store.read() as s:
        return list(s.execute(stmt).scalars())


def add_swot_item(store: Store, grid: str, quadrant: str, text: str, index: int | None = None) -> int:
    clean = _validate(SWOT_FIELDS, {"grid": grid, "quadrant": quadrant, "text": text})
    with store.write() as s:
        pos = _next_position(s, col(SwotItem.position), col(SwotItem.grid) == clean["grid"],
                             col(SwotItem.quadrant) == clean["quadrant"])
        item = SwotItem(position=pos, **clean)
        s.add(item)
        s.flush()
        assert item.id is not None
        if index is not None:
            _reorder(s, SwotItem, item.id, index, "grid", "quadrant")
        return item.id


def update_swot_item(store: Store, item_id: int, text: str) -> dict[str, Any]:
    return _update(store, SwotItem, SWOT_FIELDS, item_id, {"text": text})


def move_swot_item(store: Store, item_id: int, grid: str, quadrant: str, index: int) -> tuple[str, str, int]:
    """Move an item to another place (same or other quadrant/grid); return where it was."""
    clean = _validate(SWOT_FIELDS, {"grid": grid, "quadrant": quadrant})
    with store.write() as s:
        item = s.get(SwotItem, item_id)
        if item is None:
            raise Gone(f"SwotItem {item_id} no longer exists")
        siblings = s.execute(
            select(col(SwotItem.id)).where(col(SwotItem.grid) == item.grid,
                                           col(SwotItem.quadrant) == item.quadrant)
            .order_by(col(SwotItem.position), col(SwotItem.id))).scalars()
        old = (item.grid, item.quadrant, list(siblings).index(item_id))
        s.execute(update(SwotItem).where(col(SwotItem.id) == item_id)
                  .values(grid=clean["grid"], quadrant=clean["quadrant"], position=-1))
        s.expire(item)
        _reorder(s, SwotItem, item_id, index, "grid", "quadrant")
    return old


def delete_swot_item(store: Store, item_id: int) -> Tombstone:
    return _delete_simple(store, SwotItem, item_id)


def save_snapshot(store: Store, label: str, taken_on: date | str) -> int:
    """Freeze both SWOT grids under a label and date."""
    clean_label = v.clean_text(label, "Snapshot label", required=True, max_len=v.NAME_MAX * 2)
    day = v.check_date(taken_on, "Snapshot date", required=True)
    assert day is not None  # required=True never returns None
    with store.write() as s:
        snap = SwotSnapshot(label=clean_label, taken_on=day, created_at=_now())
        s.add(snap)
        s.flush()
        assert snap.id is not None
        items = s.execute(select(SwotItem)).scalars()
        for it in items:
            s.add(SwotSnapshotItem(snapshot_id=snap.id, grid=it.grid, quadrant=it.quadrant,
                                   text=it.text, position=it.position))
        return snap.id


def list_snapshots(store: Store) -> list[SwotSnapshot]:
    with store.read() as s:
        return list(s.execute(select(SwotSnapshot).order_by(col(SwotSnapshot.taken_on), col(SwotSnapshot.id))).scalars())


def snapshot_items(store: Store, snapshot_id: int) -> list[SwotSnapshotItem]:
    stmt = (select(SwotSnapshotItem).where(col(SwotSnapshotItem.snapshot_id) == snapshot_id)
            .order_by(col(SwotSnapshotItem.grid), col(SwotSnapshotItem.quadrant), col(SwotSnapshotItem.position)))
    with store.read() as s:
        return list(s.execute(stmt).scalars())


def delete_snapshot(store: Store, snapshot_id: int) -> Tombstone:
    tomb = Tombstone()
    with store.write() as s:
        snap = s.get(SwotSnapshot, snapshot_id)
        if snap is None:
            raise Gone(f"Snapshot {snapshot_id} no longer exists")
        tomb.add(SwotSnapshot, [snap])
        tomb.add(SwotSnapshotItem, s.execute(
            select(SwotSnapshotItem).where(col(SwotSnapshotItem.snapshot_id) == snapshot_id)).scalars())
        s.delete(snap)
    return tomb


# -- skills ------------------------------------------------------------------------------------------


def list_skills(store: Store) -> list[Skill]:
    with store.read() as s:
        return list(s.execute(select(Skill).order_by(col(Skill.owner), col(Skill.position), col(Skill.id))).scalars())


def add_skill(store: Store, name: str, owner: str, **values: Any) -> int:
    clean = _validate(SKILL_FIELDS, {"name": name, "owner": owner, **values})
    with store.write() as s:
        skill = Skill(position=_next_position(s, col(Skill.position)), **clean)
        s.add(skill)
        s.flush()
        assert skill.id is not None
        return skill.id


def update_skill(store: Store, skill_id: int, **changes: Any) -> dict[str, Any]:
    return _update(store, Skill, SKILL_FIELDS, skill_id, changes)


def delete_skill(store: Store, skill_id: int) -> Tombstone:
    tomb = Tombstone()
    with store.write() as s:
        skill = s.get(Skill, skill_id)
        if skill is None:
            raise Gone(f"Skill {skill_id} no longer exists")
        tomb.add(Skill, [skill])
        tomb.add(SkillRating, s.execute(select(SkillRating).where(col(SkillRating.skill_id) == skill_id)).scalars())
        s.delete(skill)
    return tomb


def list_ratings(store: Store, skill_id: int | None = None) -> list[SkillRating]:
    stmt = select(SkillRating).order_by(col(SkillRating.skill_id), col(SkillRating.rated_on), col(SkillRating.id))
    if skill_id is not None:
        stmt = stmt.where(col(SkillRating.skill_id) == skill_id)
    with store.read() as s:
        return list(s.execute(stmt).scalars())


def add_rating(store: Store, skill_id: int, rated_on: date | str, level: int, **values: Any) -> int:
    clean = _validate(RATING_FIELDS, {"rated_on": rated_on, "level": level, **values})
    with store.write() as s:
        if s.get(Skill, skill_id) is None:
            raise Gone(f"Skill {skill_id} no longer exists")
        rating = SkillRating(skill_id=skill_id, **clean)
        s.add(rating)
        s.flush()
        assert rating.id is not None
        return rating.id


def update_rating(store: Store, rating_id: int, **changes: Any) -> dict[str, Any]:
    return _update(store, SkillRating, RATING_FIELDS, rating_id, changes)


def delete_rating(store: Store, rating_id: int) -> Tombstone:
    return _delete_simple(store, SkillRating, rating_id)
