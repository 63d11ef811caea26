"""The Overview tab (Ctrl+1): momentum, the partnership's details, its ground rules, goals at a glance
and open action items. The window imports this package and takes `OverviewTab` by name.

The dashboard (goals at a glance, open action items) is built just after the Overview's first paint;
its modules (`dashboard`, `dashboard_models`) are imported then, not here."""

from revmentor_desktop.ui.overview.agreement import AgreementPanel
from revmentor_desktop.ui.overview.clauses import ClauseModel
from revmentor_desktop.ui.overview.details import PartnershipDetails
from revmentor_desktop.ui.overview.momentum import MomentumPanel, StatCard
from revmentor_desktop.ui.overview.tab import OverviewTab

__all__ = [
    "AgreementPanel",
    "ClauseModel",
    "MomentumPanel",
    "OverviewTab",
    "PartnershipDetails",
    "StatCard",
]
