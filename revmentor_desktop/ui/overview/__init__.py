"""The Overview tab (Ctrl+1): momentum, the partnership's details, its ground rules, goals at a glance
and open action items. The window imports this package and takes `OverviewTab` by name."""

from revmentor_desktop.ui.overview.tab import OverviewTab

__all__ = ["OverviewTab"]
