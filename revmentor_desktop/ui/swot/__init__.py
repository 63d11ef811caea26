"""The SWOT tab (Ctrl+4): both partners' grids side by side, and what moved since a snapshot.

The window imports this package and takes `SwotTab` by name.
"""

from revmentor_desktop.ui.swot.tab import (
    LEGEND,
    SHARED_ROLE,
    QuadrantPanel,
    SnapshotDialog,
    SwotTab,
    shared_icon,
)

__all__ = ["LEGEND", "SHARED_ROLE", "QuadrantPanel", "SnapshotDialog", "SwotTab", "shared_icon"]
