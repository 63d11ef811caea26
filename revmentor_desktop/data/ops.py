"""Every change a user can make, as one function each: validate, write in one transaction, return.

Writers return what the UI needs to undo them: `add_*` the new id, `update_*` the previous values,
`delete_*` a `Tombstone` that `restore()` puts back exactly (same ids, children and links included).
Readers return plain rows; nothing here knows about Qt.

This module is a deliberate facade: the functions live in one module per area — `ops_partnership`
(details, focus areas, agreement), `ops_goals` (goals, milestones), `ops_journal` (entries, action
items), `ops_swot` (grids, snapshots), `ops_skills` (skills, ratings) — over `ops_rows` (what they
share, and undo). Callers write `ops.add_goal(...)` some 750 times in 40 files, so `ops` stays the
one name to call them by; a new area gets a module of its own and a line here. It also keeps the
field rules under the names ops has always had (they live in `validation`).
"""

from __future__ import annotations

from revmentor_desktop.data.ops_goals import (
    add_goal,
    add_milestone,
    delete_goal,
    delete_milestone,
    get_goal,
    goal_status_counts,
    list_goals,
    list_milestones,
    milestone_counts,
    move_milestone,
    update_goal,
    update_milestone,
)
from revmentor_desktop.data.ops_journal import (
    EntrySummary,
    Highlight,
    OpenAction,
    add_action,
    add_entry,
    delete_action,
    delete_entry,
    entries_for_goal,
    entry_goal_ids,
    get_entry,
    journal_highlights,
    list_actions,
    list_entries,
    open_actions,
    set_entry_goals,
    update_action,
    update_entry,
)
from revmentor_desktop.data.ops_partnership import (
    add_clause,
    delete_clause,
    move_clause,
    set_focus_areas,
    update_clause,
    update_partnership,
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
    list_ratings,
    list_skills,
    update_rating,
    update_skill,
)
from revmentor_desktop.data.ops_swot import (
    add_swot_item,
    delete_snapshot,
    delete_swot_item,
    list_snapshots,
    list_swot_items,
    move_swot_item,
    save_snapshot,
    snapshot_items,
    update_swot_item,
)
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

__all__ = [
    "ACTION_FIELDS",
    "ENTRY_FIELDS",
    "GOAL_FIELDS",
    "MILESTONE_FIELDS",
    "PARTNERSHIP_FIELDS",
    "RATING_FIELDS",
    "SKILL_FIELDS",
    "SWOT_FIELDS",
    "EntrySummary",
    "Highlight",
    "OpenAction",
    "Tombstone",
    "add_action",
    "add_clause",
    "add_entry",
    "add_goal",
    "add_milestone",
    "add_rating",
    "add_skill",
    "add_swot_item",
    "clean_clause",
    "clean_focus_area",
    "delete_action",
    "delete_clause",
    "delete_entry",
    "delete_goal",
    "delete_milestone",
    "delete_rating",
    "delete_skill",
    "delete_snapshot",
    "delete_swot_item",
    "entries_for_goal",
    "entry_goal_ids",
    "get_entry",
    "get_goal",
    "goal_status_counts",
    "journal_highlights",
    "list_actions",
    "list_entries",
    "list_goals",
    "list_milestones",
    "list_ratings",
    "list_skills",
    "list_snapshots",
    "list_swot_items",
    "milestone_counts",
    "move_clause",
    "move_milestone",
    "move_swot_item",
    "open_actions",
    "restore",
    "save_snapshot",
    "set_entry_goals",
    "set_focus_areas",
    "snapshot_items",
    "update_action",
    "update_clause",
    "update_entry",
    "update_goal",
    "update_milestone",
    "update_partnership",
    "update_rating",
    "update_skill",
    "update_swot_item",
    "validate_partnership",
]
