"""Every change a user makes, as one edit that knows what it changed and what undoes it.

After Anki's CollectionOp and OpChanges: `edit.apply(store)` runs one operation of `ops` (one
transaction) and returns `Done` — its result, the kinds of rows it changed (cascades included:
deleting a journal entry also changes the action items it held, the goals it discussed and the skill
ratings it unlinked) and the edit that undoes it. Undoing gives a `Done` whose `undo` redoes, so an
undo stack needs nothing more. No caller names a change kind; each edit says what it touched.

Importing this module is cheap (`ops`, and with it SQLModel, loads when an edit is first applied),
so the window can offer edits before the ORM is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
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


def _ops() -> Any:
    from revmentor_desktop.data import ops

    return ops


# -- the kinds of rows, by table ------------------------------------------------------------------------

_FEEDBACK_TEXT_FIELDS = frozenset({"mentor_says_keep", "mentor_says_try", "mentee_says_keep",
                                   "mentee_says_try"})
_FEEDBACK_RATING_FIELDS = frozenset({"mentor_rating", "mentee_rating"})
_ENTRY_TEXT_FIELDS = frozenset({"agenda", "notes", "mentor_takeaway", "mentee_takeaway",
                                "feedback_good", "feedback_improve"}) | _FEEDBACK_TEXT_FIELDS
_NAME_FIELDS = frozenset({"mentor_name", "mentee_name", "me"})

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


def _update(label: str, fn_name: str, row_id: int, values: Mapping[str, Any], changes: Changes,
            merge: bool = True) -> Edit:
    """Change fields of one row; undo puts the old values back. Consecutive edits of the same
    fields of the same row merge into one undo step when `merge`."""
    values = dict(values)

    def run(store: Store) -> Done:
        old = getattr(_ops(), fn_name)(store, row_id, **values)
        if old == values:
            return Done(old, NOTHING, None)
        return Done(old, changes, _update(label, fn_name, row_id, old, changes, merge))

    key = (fn_name, row_id, tuple(sorted(values))) if merge else None
    return Edit(label, run, key)


def _added(label: str, add: Callable[[Store], int], delete: Callable[[int], Edit],
           changes: Changes) -> Edit:
    """Create a row; undo deletes it, and redo puts back the very same row (same id)."""

    def run(store: Store) -> Done:
        new_id = add(store)
        return Done(new_id, changes, delete(new_id))

    return Edit(label, run)


def _deleting(label: str, fn_name: str, row_id: int) -> Edit:
    """Delete a row and what hangs off it; undo restores every row as it was."""

    def run(store: Store) -> Done:
        tomb = getattr(_ops(), fn_name)(store, row_id)
        return Done(tomb, changes_of(tomb), restore(label, tomb, _deleting(label, fn_name, row_id)))

    return Edit(label, run)


def restore(label: str, tombstone: Tombstone, again: Edit) -> Edit:
    """Put back what a delete removed; undo runs the delete `again`."""

    def run(store: Store) -> Done:
        _ops().restore(store, tombstone)
        return Done(None, changes_of(tombstone), again)

    return Edit(label, run)


def _moving(label: str, fn_name: str, row_id: int, new_index: int, changes: Changes) -> Edit:
    def run(store: Store) -> Done:
        old_index = getattr(_ops(), fn_name)(store, row_id, new_index)
        if old_index == new_index:
            return Done(old_index, NOTHING, None)
        return Done(old_index, changes, _moving(label, fn_name, row_id, old_index, changes))

    return Edit(label, run)


def _replacing(label: str, fn: Callable[[Store, Any], Any], value: Any, changes: Changes) -> Edit:
    """Set something to `value` as a whole; `fn` returns what it was, which undo sets back."""

    def run(store: Store) -> Done:
        old = fn(store, value)
        if old == value:
            return Done(old, NOTHING, None)
        return Done(old, changes, _replacing(label, fn, old, changes))

    return Edit(label, run)


# -- the partnership and its agreement -------------------------------------------------------------------


PARTNERSHIP_LABELS = {
    "mentor_name": "Rename Mentor", "mentee_name": "Rename Mentee", "me": "Change Who I Am",
    "organisation": "Edit Organisation", "start_date": "Change Start Date",
    "review_date": "Change Review Date", "cadence_days": "Change Cadence",
    "duration_minutes": "Change Usual Length", "check_in_every": "Change Check-in Interval",
    "closed_on": "Change Closing Date", "checklist_dismissed": "Dismiss Getting Started",
}


def update_partnership(**values: Any) -> Edit:
    changes = {Change.PARTNERSHIP} | ({Change.NAMES} if _NAME_FIELDS & values.keys() else set())
    label = PARTNERSHIP_LABELS[next(iter(values))] if len(values) == 1 else "Edit Partnership"

    def run(store: Store) -> Done:
        old = _ops().update_partnership(store, **values)
        if old == values:
            return Done(old, NOTHING, None)
        return Done(old, frozenset(changes), update_partnership(**old))

    return Edit(label, run, ("partnership", tuple(sorted(values))))


def close_partnership(on: date) -> Edit:
    """Close the partnership: it stays readable and stops asking for sessions and check-ins."""
    return _labelled("Close Partnership", update_partnership(closed_on=on))


def reopen_partnership() -> Edit:
    return _labelled("Reopen Partnership", update_partnership(closed_on=None))


def dismiss_checklist(dismissed: bool = True) -> Edit:
    return _labelled("Dismiss Getting Started" if dismissed else "Show Getting Started",
                     update_partnership(checklist_dismissed=dismissed))


def _labelled(label: str, edit: Edit) -> Edit:
    """`edit` under its own name, as a step of its own (a click, not typing: it never merges)."""
    return Edit(label, edit.run)


def set_focus_areas(names: Sequence[str]) -> Edit:
    return _replacing("Change Focus Areas", lambda store, v: _ops().set_focus_areas(store, v),
                      list(names), frozenset({Change.FOCUS_AREAS}))


def add_clause(text: str, index: int | None = None, label: str = "Add Rule") -> Edit:
    return _added(label, lambda store: _ops().add_clause(store, text, index), delete_clause,
                  frozenset({Change.CLAUSES}))


def add_clause_once(text: str, index: int | None = None, label: str = "Insert Rule") -> Edit:
    """Add a rule unless the agreement already holds it (ignoring case and spacing): then the edit
    changes nothing, and leaves nothing to undo (a ready-made rule inserted twice)."""

    def run(store: Store) -> Done:
        new_id = _ops().add_clause_once(store, text, index)
        if new_id is None:
            return Done(None, NOTHING, None)
        return Done(new_id, frozenset({Change.CLAUSES}), delete_clause(new_id))

    return Edit(label, run)


def update_clause(clause_id: int, text: str) -> Edit:
    def run(store: Store) -> Done:
        old = _ops().update_clause(store, clause_id, text)
        if old == text:
            return Done(old, NOTHING, None)
        return Done(old, frozenset({Change.CLAUSES}), update_clause(clause_id, old))

    return Edit("Edit Rule", run, ("clause", clause_id))


def move_clause(clause_id: int, new_index: int) -> Edit:
    return _moving("Move Rule", "move_clause", clause_id, new_index, frozenset({Change.CLAUSES}))


def delete_clause(clause_id: int) -> Edit:
    return _deleting("Delete Rule", "delete_clause", clause_id)


# -- goals and milestones --------------------------------------------------------------------------------


def add_goal(title: str, **values: Any) -> Edit:
    return _added("Add Goal", lambda store: _ops().add_goal(store, title, **values), delete_goal,
                  frozenset({Change.GOALS}))


def update_goal(goal_id: int, label: str, merge: bool = True, **values: Any) -> Edit:
    return _update(label, "update_goal", goal_id, values, frozenset({Change.GOALS}), merge)


def delete_goal(goal_id: int) -> Edit:
    return _deleting("Delete Goal", "delete_goal", goal_id)


def add_milestone(goal_id: int, title: str) -> Edit:
    return _added("Add Milestone", lambda store: _ops().add_milestone(store, goal_id, title),
                  delete_milestone, frozenset({Change.MILESTONES}))


def update_milestone(milestone_id: int, label: str, **values: Any) -> Edit:
    return _update(label, "update_milestone", milestone_id, values,
                   frozenset({Change.MILESTONES}), merge=False)


def tick_milestone(milestone_id: int, done: bool, today: date) -> Edit:
    return update_milestone(milestone_id, "Tick Milestone" if done else "Untick Milestone",
                            done_on=today if done else None)


def move_milestone(milestone_id: int, new_index: int) -> Edit:
    return _moving("Move Milestone", "move_milestone", milestone_id, new_index,
                   frozenset({Change.MILESTONES}))


def delete_milestone(milestone_id: int) -> Edit:
    return _deleting("Remove Milestone", "delete_milestone", milestone_id)


# -- the journal -----------------------------------------------------------------------------------------


ENTRY_LABELS = {"held_on": "Change Session Date", "duration_minutes": "Change Duration",
                "rating": "Rate Session", "private": "Change Privacy", "topics": "Edit Topics",
                "mentor_rating": "Rate Session", "mentee_rating": "Rate Session",
                "mentor_says_keep": "Edit Feedback", "mentor_says_try": "Edit Feedback",
                "mentee_says_keep": "Edit Feedback", "mentee_says_try": "Edit Feedback"}


def add_entry(held_on: date, **values: Any) -> Edit:
    return _added("New Entry", lambda store: _ops().add_entry(store, held_on, **values),
                  delete_entry, frozenset({Change.ENTRIES}))


def update_entry(entry_id: int, label: str, **values: Any) -> Edit:
    # Long text shows nowhere but in its entry: other views need not redraw for it. Feedback text
    # also tells the Overview which way feedback went (FEEDBACK), as the two ratings do.
    changes = (frozenset({Change.ENTRY_TEXT}) if values.keys() <= _ENTRY_TEXT_FIELDS
               else frozenset({Change.ENTRIES}))
    if values.keys() & (_FEEDBACK_TEXT_FIELDS | _FEEDBACK_RATING_FIELDS):
        changes |= {Change.FEEDBACK}
    merge = not values.keys() & ({"private", "rating"} | _FEEDBACK_RATING_FIELDS)
    return _update(label, "update_entry", entry_id, values, changes, merge)


def delete_entry(entry_id: int) -> Edit:
    return _deleting("Delete Entry", "delete_entry", entry_id)


def set_entry_goals(entry_id: int, goal_ids: Iterable[int]) -> Edit:
    return _replacing("Change Goals Discussed",
                      lambda store, ids: _ops().set_entry_goals(store, entry_id, ids),
                      sorted(set(goal_ids)), frozenset({Change.DISCUSSED}))


def add_action(entry_id: int, text: str, **values: Any) -> Edit:
    return _added("Add Action Item", lambda store: _ops().add_action(store, entry_id, text, **values),
                  delete_action, frozenset({Change.ACTIONS}))


def update_action(action_id: int, label: str, merge: bool = True, **values: Any) -> Edit:
    return _update(label, "update_action", action_id, values, frozenset({Change.ACTIONS}), merge)


def tick_action(action_id: int, done: bool, today: date) -> Edit:
    return update_action(action_id, "Tick Action Item" if done else "Untick Action Item",
                         merge=False, done_on=today if done else None)


def delete_action(action_id: int) -> Edit:
    return _deleting("Remove Action Item", "delete_action", action_id)


# -- SWOT ------------------------------------------------------------------------------------------------


def add_swot_item(grid: str, quadrant: str, text: str, label: str) -> Edit:
    return _added(label, lambda store: _ops().add_swot_item(store, grid, quadrant, text),
                  delete_swot_item, frozenset({Change.SWOT}))


def update_swot_item(item_id: int, text: str) -> Edit:
    def run(store: Store) -> Done:
        old = str(_ops().update_swot_item(store, item_id, text)["text"])
        if old == text:
            return Done(old, NOTHING, None)
        return Done(old, frozenset({Change.SWOT}), update_swot_item(item_id, old))

    return Edit("Edit SWOT Item", run)


def move_swot_item(item_id: int, grid: str, quadrant: str, index: int) -> Edit:
    def run(store: Store) -> Done:
        old = _ops().move_swot_item(store, item_id, grid, quadrant, index)
        return Done(old, frozenset({Change.SWOT}), move_swot_item(item_id, *old))

    return Edit("Move SWOT Item", run)


def delete_swot_item(item_id: int) -> Edit:
    return _deleting("Delete SWOT Item", "delete_swot_item", item_id)


def save_snapshot(label: str, taken_on: date) -> Edit:
    return _added("Save Snapshot", lambda store: _ops().save_snapshot(store, label, taken_on),
                  delete_snapshot, frozenset({Change.SNAPSHOTS}))


def delete_snapshot(snapshot_id: int) -> Edit:
    return _deleting("Delete Snapshot", "delete_snapshot", snapshot_id)


# -- skills ----------------------------------------------------------------------------------------------


def add_skill(name: str, owner: str, **values: Any) -> Edit:
    return _added("Add Skill", lambda store: _ops().add_skill(store, name, owner, **values),
                  delete_skill, frozenset({Change.SKILLS}))


def update_skill(skill_id: int, label: str, **values: Any) -> Edit:
    return _update(label, "update_skill", skill_id, values, frozenset({Change.SKILLS}), merge=False)


def delete_skill(skill_id: int) -> Edit:
    return _deleting("Delete Skill", "delete_skill", skill_id)


def add_rating(skill_id: int, rated_on: date, level: int, **values: Any) -> Edit:
    return _added("Add Rating",
                  lambda store: _ops().add_rating(store, skill_id, rated_on, level, **values),
                  delete_rating, frozenset({Change.RATINGS}))


def update_rating(rating_id: int, label: str, **values: Any) -> Edit:
    return _update(label, "update_rating", rating_id, values, frozenset({Change.RATINGS}), merge=False)


def delete_rating(rating_id: int) -> Edit:
    return _deleting("Delete Rating", "delete_rating", rating_id)


# -- check-ins -------------------------------------------------------------------------------------------


def add_check_in(held_on: date, author: str, **values: Any) -> Edit:
    return _added("Add Check-in", lambda store: _ops().add_check_in(store, held_on, author, **values),
                  delete_check_in, frozenset({Change.CHECK_INS}))


def update_check_in(check_in_id: int, label: str, **values: Any) -> Edit:
    merge = not values.keys() & {"usefulness", "goals_still_right", "held_on", "author"}
    return _update(label, "update_check_in", check_in_id, values, frozenset({Change.CHECK_INS}), merge)


def delete_check_in(check_in_id: int) -> Edit:
    return _deleting("Delete Check-in", "delete_check_in", check_in_id)


# -- reviews ---------------------------------------------------------------------------------------------


def start_review(kind: str, held_on: date, **values: Any) -> Edit:
    """Start a review with a copy of the goals as they stand; undo deletes it, copies and all."""
    return _added("Start Review", lambda store: _ops().start_review(store, kind, held_on, **values),
                  delete_review, frozenset({Change.REVIEWS}))


def update_review(review_id: int, label: str, **values: Any) -> Edit:
    merge = not values.keys() & {"kind", "held_on", "decision", "next_review_date"}
    return _update(label, "update_review", review_id, values, frozenset({Change.REVIEWS}), merge)


def update_review_goal(review_goal_id: int, label: str, **values: Any) -> Edit:
    merge = "progress" not in values
    return _update(label, "update_review_goal", review_goal_id, values, frozenset({Change.REVIEWS}), merge)


def delete_review(review_id: int) -> Edit:
    return _deleting("Delete Review", "delete_review", review_id)


def decide_review(review_id: int, decision: str, next_review_date: date | None = None) -> Edit:
    """Record a review's decision and what it means for the partnership (closed on the review's
    day, or its next review date); undo puts both back."""

    def run(store: Store) -> Done:
        old = _ops().decide_review(store, review_id, decision, next_review_date)
        return Done(old, _decision_changes(old), _restoring_decision(review_id, old))

    return Edit("Record Decision", run)


def _restoring_decision(review_id: int, values: dict[str, dict[str, Any]]) -> Edit:
    def run(store: Store) -> Done:
        replaced = _ops().restore_decision(store, review_id, values)
        return Done(replaced, _decision_changes(values), _restoring_decision(review_id, replaced))

    return Edit("Record Decision", run)


def _decision_changes(old: dict[str, dict[str, Any]]) -> Changes:
    return frozenset({Change.REVIEWS} | ({Change.PARTNERSHIP} if old["partnership"] else set()))
