"""The Goals tab: the pair's goals in a table and, beside it, the selected goal with its milestones.

The window imports this package and takes `GoalsTab` by name. A file per job: `tab` (filters,
table and pane side by side; selection; the Tab protocol), `table_model`, `table_view` and
`delegates` (the goals table), `pane` (the selected goal's fields), `milestones` and `discussed`
(the boxes below them), `common` (roles, owner names) and `helpers` (small widget builders).
"""

from __future__ import annotations

from revmentor_desktop.ui.goals.common import ID_ROLE, PROGRESS_ROLE
from revmentor_desktop.ui.goals.discussed import DiscussedModel
from revmentor_desktop.ui.goals.milestones import MilestoneModel
from revmentor_desktop.ui.goals.pane import GoalPane
from revmentor_desktop.ui.goals.tab import GoalsTab
from revmentor_desktop.ui.goals.table_model import GoalFilterProxy, GoalTableModel

__all__ = [
    "ID_ROLE",
    "PROGRESS_ROLE",
    "DiscussedModel",
    "GoalFilterProxy",
    "GoalPane",
    "GoalTableModel",
    "GoalsTab",
    "MilestoneModel",
]
