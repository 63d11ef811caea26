"""Every read of a partnership file, in plain SQL (sqlite3; no ORM import).

Reads return frozen dataclasses whose field names, order and Python types are those of the SQLModel
tables (tests/test_row_types.py keeps them in step), so code reading `g.title` or `p.mentor_name`
neither knows nor cares; a few return what a list shows of a row (`EntrySummary`,
`OpenAction`, `PracticeItem`). Writes are `ops`' (the ORM, one transaction each). A session that
only reads — opening a file, the tabs, the PDF export — never imports SQLAlchemy, SQLModel or
pydantic (about 40 MB and a third of a second).

This module is a deliberate facade: the reads live in one module per job — `reads_first` (what the
window paints first; `probe_first_paint`), `reads_check_ins`, `reads_overview` (whose check-in is
due, which way feedback went, the getting-started list), `reads_goals`, `reads_journal`,
`reads_swot`, `reads_skills`, `reads_practice` (reviews; the Check-ins & Reviews list) — over
`reads_rows` (what they share). Callers write `reads.<name>` some 70 times in 35 modules of the
app and 200 times in the tests (and ~280 more through `ops`, which forwards its old read names
here), so `reads` stays the one name to call them by; a new area gets a module of its own and
lines here.

What the Overview paints first is imported with this module; the other areas' modules (its
practice box's check-ins included, built just after that paint) load on first use (`__getattr__` below), after the first paint: each frozen dataclass costs about half a
millisecond to create, and the window's data is on screen before the other tabs' rows are defined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor_desktop.data.lazy import loader

# What the Overview paints first: loaded with this module.
from revmentor_desktop.data.reads_first import (
    ClauseRow,
    PartnershipRow,
    get_partnership,
    list_clauses,
    list_focus_areas,
    probe_first_paint,
    session_dates,
)

if TYPE_CHECKING:  # for the type checker; at run time `__getattr__` loads them on first use
    from revmentor_desktop.data.reads_check_ins import (
        CheckInRow,
        check_in_dates,
        get_check_in,
        latest_check_ins,
        list_check_ins,
    )
    from revmentor_desktop.data.reads_goals import (
        GoalRow,
        MilestoneRow,
        get_goal,
        goal_status_counts,
        list_goals,
        list_milestones,
        milestone_counts,
    )
    from revmentor_desktop.data.reads_journal import (
        ActionItemRow,
        EntrySummary,
        JournalEntryRow,
        OpenAction,
        entries_for_goal,
        entry_goal_ids,
        get_entry,
        journal_highlights,
        list_actions,
        list_entries,
        open_actions,
        private_session_count,
        shared_session_count,
    )
    from revmentor_desktop.data.reads_overview import check_in_status, checklist, feedback_flow
    from revmentor_desktop.data.reads_practice import (
        PracticeItem,
        ReviewGoalRow,
        ReviewRow,
        get_review,
        list_review_goals,
        list_reviews,
        practice_items,
    )
    from revmentor_desktop.data.reads_skills import RatingRow, SkillRow, list_ratings, list_skills
    from revmentor_desktop.data.reads_swot import (
        SwotItemRow,
        SwotSnapshotItemRow,
        SwotSnapshotRow,
        list_snapshots,
        list_swot_items,
        snapshot_items,
    )

#: The module each name loaded on first use lives in (tests/test_facades.py checks that every
#: name of `__all__` is here or imported above, and is the module's own).
_LATER = {
    **dict.fromkeys(("CheckInRow", "check_in_dates", "get_check_in", "latest_check_ins",
                     "list_check_ins"), "reads_check_ins"),
    **dict.fromkeys(("check_in_status", "checklist", "feedback_flow"), "reads_overview"),
    **dict.fromkeys(("GoalRow", "MilestoneRow", "get_goal", "goal_status_counts", "list_goals",
                     "list_milestones", "milestone_counts"), "reads_goals"),
    **dict.fromkeys(("ActionItemRow", "EntrySummary", "JournalEntryRow", "OpenAction",
                     "entries_for_goal", "entry_goal_ids", "get_entry", "journal_highlights",
                     "list_actions", "list_entries", "open_actions", "private_session_count",
                     "shared_session_count"),
                    "reads_journal"),
    **dict.fromkeys(("PracticeItem", "ReviewGoalRow", "ReviewRow", "get_review", "list_review_goals",
                     "list_reviews", "practice_items"), "reads_practice"),
    **dict.fromkeys(("RatingRow", "SkillRow", "list_ratings", "list_skills"), "reads_skills"),
    **dict.fromkeys(("SwotItemRow", "SwotSnapshotItemRow", "SwotSnapshotRow", "list_snapshots",
                     "list_swot_items", "snapshot_items"), "reads_swot"),
}


#: `reads.list_goals` and the like: the name from its module, imported on first use.
__getattr__ = loader(globals(), _LATER)


__all__ = [
    "ActionItemRow",
    "CheckInRow",
    "ClauseRow",
    "EntrySummary",
    "GoalRow",
    "JournalEntryRow",
    "MilestoneRow",
    "OpenAction",
    "PartnershipRow",
    "PracticeItem",
    "RatingRow",
    "ReviewGoalRow",
    "ReviewRow",
    "SkillRow",
    "SwotItemRow",
    "SwotSnapshotItemRow",
    "SwotSnapshotRow",
    "check_in_dates",
    "check_in_status",
    "checklist",
    "entries_for_goal",
    "entry_goal_ids",
    "feedback_flow",
    "get_check_in",
    "get_entry",
    "get_goal",
    "get_partnership",
    "get_review",
    "goal_status_counts",
    "journal_highlights",
    "latest_check_ins",
    "list_actions",
    "list_check_ins",
    "list_clauses",
    "list_entries",
    "list_focus_areas",
    "list_goals",
    "list_milestones",
    "list_ratings",
    "list_review_goals",
    "list_reviews",
    "list_skills",
    "list_snapshots",
    "list_swot_items",
    "milestone_counts",
    "open_actions",
    "practice_items",
    "private_session_count",
    "probe_first_paint",
    "session_dates",
    "shared_session_count",
    "snapshot_items",
]
