"""The Skills tab, a file per job: `tab` (the tab), `skill_table` and `rating_table` (the tables'
models), `sessions` (the session pickers' model), `delegates` (the cell editors), `chart_panel`."""

from revmentor_desktop.ui.skills.rating_table import RatingTableModel
from revmentor_desktop.ui.skills.rows import RatingRow, SkillRow
from revmentor_desktop.ui.skills.sessions import SessionListModel
from revmentor_desktop.ui.skills.skill_table import SkillTableModel
from revmentor_desktop.ui.skills.tab import SkillsTab

__all__ = ["RatingRow", "RatingTableModel", "SessionListModel", "SkillRow", "SkillTableModel", "SkillsTab"]
