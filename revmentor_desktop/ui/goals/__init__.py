"""The Goals tab: the pair's goals in a table and, beside it, the selected goal with its milestones.

The window imports this package and takes `GoalsTab` by name.
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
