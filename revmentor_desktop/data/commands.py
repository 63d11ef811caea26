"""Every change a user makes, as one edit that knows what it changed and what undoes it (`Edit`,
`Done`, `Change`: `commands_edit`, which says how they work).

This module is a deliberate facade, like `ops` and `reads`: the edits live in one module per area,
over `commands_edit` — `commands_partnership` (details, focus areas, agreement), `commands_goals`
(goals, milestones), `commands_journal` (entries, action items), `commands_swot` (grids,
snapshots), `commands_skills` (skills, ratings), `commands_practice` (check-ins, reviews and their
decisions), `commands_share` (importing a partner's share), each wrapping the matching `ops_*`.
Callers write `commands.update_goal(...)` some 130 times in 50 files, so `commands` stays the one
name to call them by; a new area gets a module of its own and lines here.

Importing it is cheap: `commands_edit` loads with it, each area's module on its first use
(`__getattr__` below: the window's first paint needs only the kinds of change), and `ops`, with it
SQLModel, when an edit is first applied — so the window offers edits before the ORM is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# What an edit is: loaded with this module (the window names kinds of change before its first paint).
from revmentor_desktop.data.commands_edit import (
    NOTHING,
    Change,
    Changes,
    Done,
    Edit,
    changes_of,
    restore,
)
from revmentor_desktop.data.lazy import loader

# For the type checker; at run time `__getattr__` loads them on first use. `__all__` exports them
# by their names in `_LATER`, which ruff does not read: hence its noqa.
if TYPE_CHECKING:
    from revmentor_desktop.data.commands_goals import (  # noqa: F401
        add_goal,
        add_milestone,
        delete_goal,
        delete_milestone,
        move_milestone,
        tick_milestone,
        update_goal,
        update_milestone,
    )
    from revmentor_desktop.data.commands_journal import (  # noqa: F401
        ENTRY_LABELS,
        add_action,
        add_entry,
        delete_action,
        delete_entry,
        set_entry_goals,
        tick_action,
        update_action,
        update_entry,
    )
    from revmentor_desktop.data.commands_partnership import (  # noqa: F401
        PARTNERSHIP_LABELS,
        add_clause,
        add_clause_once,
        close_partnership,
        delete_clause,
        dismiss_checklist,
        move_clause,
        reopen_partnership,
        set_focus_areas,
        update_clause,
        update_partnership,
    )
    from revmentor_desktop.data.commands_practice import (  # noqa: F401
        add_check_in,
        decide_review,
        delete_check_in,
        delete_review,
        start_review,
        update_check_in,
        update_review,
        update_review_goal,
    )
    from revmentor_desktop.data.commands_share import import_share  # noqa: F401
    from revmentor_desktop.data.commands_skills import (  # noqa: F401
        add_rating,
        add_skill,
        delete_rating,
        delete_skill,
        update_rating,
        update_skill,
    )
    from revmentor_desktop.data.commands_swot import (  # noqa: F401
        add_swot_item,
        delete_snapshot,
        delete_swot_item,
        move_swot_item,
        save_snapshot,
        update_swot_item,
    )

#: The module each edit loaded on first use lives in (tests/test_facades.py checks that every name
#: of `__all__` is here or imported above, and is that module's own).
_LATER = {
    **dict.fromkeys((
        "add_goal", "add_milestone", "delete_goal", "delete_milestone", "move_milestone",
        "tick_milestone", "update_goal", "update_milestone"), "commands_goals"),
    **dict.fromkeys((
        "ENTRY_LABELS", "add_action", "add_entry", "delete_action", "delete_entry",
        "set_entry_goals", "tick_action", "update_action", "update_entry"), "commands_journal"),
    **dict.fromkeys((
        "PARTNERSHIP_LABELS", "add_clause", "add_clause_once", "close_partnership",
        "delete_clause", "dismiss_checklist", "move_clause", "reopen_partnership",
        "set_focus_areas", "update_clause", "update_partnership"), "commands_partnership"),
    **dict.fromkeys((
        "add_check_in", "decide_review", "delete_check_in", "delete_review", "start_review",
        "update_check_in", "update_review", "update_review_goal"), "commands_practice"),
    "import_share": "commands_share",
    **dict.fromkeys((
        "add_rating", "add_skill", "delete_rating", "delete_skill", "update_rating",
        "update_skill"), "commands_skills"),
    **dict.fromkeys((
        "add_swot_item", "delete_snapshot", "delete_swot_item", "move_swot_item", "save_snapshot",
        "update_swot_item"), "commands_swot"),
}


#: `commands.update_goal` and the like: the name from its module, imported on first use.
__getattr__ = loader(globals(), _LATER)


__all__ = ["NOTHING", "Change", "Changes", "Done", "Edit", "changes_of", "restore", *_LATER]
