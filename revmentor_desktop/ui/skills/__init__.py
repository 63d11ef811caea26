"""The Skills tab: `tab` arranges `skills_pane`, `ratings_pane`, `empty_page` and `chart_panel`;
the tables' models are `skill_table` and `rating_table` (over `rows`), their editors `delegates`."""

from revmentor_desktop.ui.skills.rating_table import RatingTableModel
from revmentor_desktop.ui.skills.rows import RatingRow, SkillRow
from revmentor_desktop.ui.skills.sessions import SessionListModel
from revmentor_desktop.ui.skills.skill_table import SkillTableModel
from revmentor_desktop.ui.skills.tab import SkillsTab

__all__ = ["RatingRow", "RatingTableModel", "SessionListModel", "SkillRow", "SkillTableModel", "SkillsTab"]
