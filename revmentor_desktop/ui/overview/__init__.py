"""The Overview tab (Ctrl+1): momentum, the partnership's details, its ground rules, goals at a glance
and open action items. The window imports this package and takes `OverviewTab` by name."""

from revmentor_desktop.ui.overview.agreement import AgreementPanel
from revmentor_desktop.ui.overview.clauses import ClauseModel
from revmentor_desktop.ui.overview.dashboard import DashboardPanel
from revmentor_desktop.ui.overview.dashboard_models import GoalCountsModel, OpenActionsModel
from revmentor_desktop.ui.overview.details import PartnershipDetails
from revmentor_desktop.ui.overview.momentum import MomentumPanel, StatCard
from revmentor_desktop.ui.overview.tab import OverviewTab

__all__ = [
    "AgreementPanel",
    "ClauseModel",
    "DashboardPanel",
    "GoalCountsModel",
    "MomentumPanel",
    "OpenActionsModel",
    "OverviewTab",
    "PartnershipDetails",
    "StatCard",
]
