"""The SWOT tab (Ctrl+4): both partners' grids side by side, and what moved since a snapshot.
Start at `tab.py`; the window imports this package and takes `SwotTab` by name."""

from revmentor_desktop.ui.swot.board import SwotBoard, SwotRow
from revmentor_desktop.ui.swot.compare import ComparePanel, change_line
from revmentor_desktop.ui.swot.icons import bullet_icon, shared_icon
from revmentor_desktop.ui.swot.look import GRIDS, LEGEND, QUADRANTS
from revmentor_desktop.ui.swot.quadrant import GridPanel, QuadrantPanel
from revmentor_desktop.ui.swot.quadrant_model import (
    ITEM_ID_ROLE,
    MIME_TYPE,
    SHARED_ROLE,
    QuadrantModel,
)
from revmentor_desktop.ui.swot.snapshots import SnapshotDialog
from revmentor_desktop.ui.swot.tab import SwotTab

__all__ = [
    "GRIDS",
    "ITEM_ID_ROLE",
    "LEGEND",
    "MIME_TYPE",
    "QUADRANTS",
    "SHARED_ROLE",
    "ComparePanel",
    "GridPanel",
    "QuadrantModel",
    "QuadrantPanel",
    "SnapshotDialog",
    "SwotBoard",
    "SwotRow",
    "SwotTab",
    "bullet_icon",
    "change_line",
    "shared_icon",
]
