"""Every change a user can make, as one function each: validate, write in one transaction, return.

Writers return what the UI needs to undo them: `add_*` the new id, `update_*` the previous values,
`delete_*` a `Tombstone` that `restore()` puts back exactly (same ids, children and links included).
Nothing here knows about Qt. Writes go through the ORM (SQLModel rows, `Store.write()`); reads do
not: they are `reads`' (plain SQL), and this module only forwards the read names it used to define
(`ops.list_goals` is `reads.list_goals`) for the callers not yet moved to `reads` — ui/journal/ and
the tests. New code reads through `reads`, which never imports the ORM; `commands` imports this
module on the first edit.

This module is a deliberate facade: the functions live in one module per area — `ops_partnership`
(details, focus areas, agreement), `ops_goals` (goals, milestones), `ops_journal` (entries, action
items), `ops_swot` (grids, snapshots), `ops_skills` (skills, ratings) — over `ops_rows` (what they
share, and undo), and for the practice loop `ops_checkins` (check-ins) and `ops_reviews` (reviews and
their decisions). Callers write `ops.add_goal(...)` some 750 times in 40 files, so `ops` stays the
one name to call them by; a new area gets a module of its own and a line here. It also keeps the
field rules under the names ops has always had (they live in `validation`).
"""

from __future__ import annotations

from revmentor_desktop.data.ops_checkins import (
    add_check_in,
    delete_check_in,
    update_check_in,
)
from revmentor_desktop.data.ops_goals import (
    add_goal,
    add_milestone,
    delete_goal,
    delete_milestone,
    move_milestone,
    update_goal,
    update_milestone,
)
from revmentor_desktop.data.ops_journal import (
    add_action,
    add_entry,
    delete_action,
    delete_entry,
    set_entry_goals,
    update_action,
    update_entry,
)
from revmentor_desktop.data.ops_partnership import (
    add_clause,
    add_clause_once,
    delete_clause,
    move_clause,
    set_focus_areas,
    update_clause,
    update_partnership,
)
from revmentor_desktop.data.ops_reviews import (
    decide_review,
    delete_review,
    restore_decision,
    start_review,
    update_review,
    update_review_goal,
)
from revmentor_desktop.data.ops_rows import (
    Tombstone,
    restore,
)
from revmentor_desktop.data.ops_skills import (
    add_rating,
    add_skill,
    delete_rating,
    delete_skill,
    update_rating,
    update_skill,
)
from revmentor_desktop.data.ops_swot import (
    add_swot_item,
    delete_snapshot,
    delete_swot_item,
    move_swot_item,
    save_snapshot,
    update_swot_item,
)
from revmentor_desktop.data.reads import (  # reads, under the names ops had for them
    EntrySummary,
    OpenAction,
    entries_for_goal,
    entry_goal_ids,
    get_check_in,
    get_entry,
    get_goal,
    get_review,
    goal_status_counts,
    journal_highlights,
    list_actions,
    list_check_ins,
    list_entries,
    list_goals,
    list_milestones,
    list_ratings,
    list_review_goals,
    list_skills,
    list_snapshots,
    list_swot_items,
    milestone_counts,
    open_actions,
    snapshot_items,
)
from revmentor_desktop.data.validation import (  # the field rules, under the names ops has always had
    ACTION_FIELDS,
    CHECK_IN_FIELDS,
    ENTRY_FIELDS,
    GOAL_FIELDS,
    MILESTONE_FIELDS,
    PARTNERSHIP_FIELDS,
    RATING_FIELDS,
    REVIEW_FIELDS,
    REVIEW_GOAL_FIELDS,
    SKILL_FIELDS,
    SWOT_FIELDS,
    clean_clause,
    clean_focus_area,
    validate_partnership,
)

__all__ = [
    "ACTION_FIELDS",
    "CHECK_IN_FIELDS",
    "ENTRY_FIELDS",
    "GOAL_FIELDS",
    "MILESTONE_FIELDS",
    "PARTNERSHIP_FIELDS",
    "RATING_FIELDS",
    "REVIEW_FIELDS",
    "REVIEW_GOAL_FIELDS",
    "SKILL_FIELDS",
    "SWOT_FIELDS",
    "EntrySummary",
    "OpenAction",
    "Tombstone",
    "add_action",
    "add_check_in",
    "add_clause",
    "add_clause_once",
    "add_entry",
    "add_goal",
    "add_milestone",
    "add_rating",
    "add_skill",
    "add_swot_item",
    "clean_clause",
    "clean_focus_area",
    "decide_review",
    "delete_action",
    "delete_check_in",
    "delete_clause",
    "delete_entry",
    "delete_goal",
    "delete_milestone",
    "delete_rating",
    "delete_review",
    "delete_skill",
    "delete_snapshot",
    "delete_swot_item",
    "entries_for_goal",
    "entry_goal_ids",
    "get_check_in",
    "get_entry",
    "get_goal",
    "get_review",
    "goal_status_counts",
    "journal_highlights",
    "list_actions",
    "list_check_ins",
    "list_entries",
    "list_goals",
    "list_milestones",
    "list_ratings",
    "list_review_goals",
    "list_skills",
    "list_snapshots",
    "list_swot_items",
    "milestone_counts",
    "move_clause",
    "move_milestone",
    "move_swot_item",
    "open_actions",
    "restore",
    "restore_decision",
    "save_snapshot",
    "set_entry_goals",
    "set_focus_areas",
    "snapshot_items",
    "start_review",
    "update_action",
    "update_check_in",
    "update_clause",
    "update_entry",
    "update_goal",
    "update_milestone",
    "update_partnership",
    "update_rating",
    "update_review",
    "update_review_goal",
    "update_skill",
    "update_swot_item",
    "validate_partnership",
]
