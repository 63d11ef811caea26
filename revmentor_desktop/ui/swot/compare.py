"""Under the grids: pick a snapshot, see per partner what was added, removed or moved since."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import compute
from revmentor_desktop.report.text import by_count, day_text
from revmentor_desktop.ui.controls import ComboBox
from revmentor_desktop.ui.swot.look import GRIDS, QUADRANTS, quadrant_label, role_name
from revmentor_desktop.ui.widgets import wrapped_label

if TYPE_CHECKING:
    from revmentor_desktop.data.reads import SwotSnapshotRow


class ComparePanel(QWidget):
    """Pick a snapshot; see, per partner, what was added, removed or moved since (collapsible)."""

    KIND_ORDER: ClassVar[dict[str, int]] = {"added": 0, "moved": 1, "removed": 2}
    max_lines = 8  # more than this and the list scrolls; the grids keep the room

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(self._build_picker())
        self.model = QStandardItemModel(self)
        self.tree = self._build_tree()
        column.addWidget(self.tree)

    def _build_picker(self) -> QHBoxLayout:
        """The open/close arrow, the snapshot to compare with, its Delete button and the summary."""
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAccessibleName(self.tr("Show the list of changes"))
        self.toggle.setToolTip(self.tr("Show or hide the list of changes"))
        self.toggle.toggled.connect(self._set_open)
        caption = QLabel(self.tr("&Compare with:"), self)
        self.combo = ComboBox(self)
        self.combo.setAccessibleName(self.tr("Snapshot to compare with"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(22)
        caption.setBuddy(self.combo)
        self.delete_button = QPushButton(self.tr("Delete Snapshot"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the chosen snapshot"))
        self.delete_button.setToolTip(self.tr("Delete the chosen snapshot; Undo brings it back"))
        self.summary = wrapped_label("", self)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.toggle)
        row.addWidget(caption)
        row.addWidget(self.combo)
        row.addWidget(self.delete_button)
        row.addWidget(self.summary, 1)
        return row

    def _build_tree(self) -> QTreeView:
        """The changes, one heading per partner, always expanded."""
        tree = QTreeView(self)
        tree.setModel(self.model)
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setAccessibleName(self.tr("Changes since the snapshot, per partner"))
        tree.setItemsExpandable(False)
        tree.setRootIsDecorated(False)
        tree.setIndentation(18)
        return tree

    def _set_open(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.update_tree()

    def update_tree(self) -> None:
        """Show the list only when open and not empty, tall enough for up to `max_lines` lines."""
        lines = len(self.lines())
        self.tree.setVisible(self.toggle.isChecked() and lines > 0)
        if lines:
            row_height = max(self.tree.sizeHintForRow(0), self.tree.fontMetrics().height() + 2)
            frame = 2 * self.tree.frameWidth()
            # Up to `max_lines` tall where there is room; in a short window down to two lines
            # (the list scrolls) rather than be clipped.
            self.tree.setMaximumHeight(min(lines, self.max_lines) * row_height + frame + 2)
            self.tree.setMinimumHeight(min(lines, 2) * row_height + frame + 2)

    def set_snapshots(self, snapshots: Sequence[SwotSnapshotRow], keep: int | None) -> None:
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for s in snapshots:
                self.combo.addItem(f"{s.label} — {day_text(s.taken_on)}", s.id)
            row = self.combo.findData(keep) if keep is not None else -1
            self.combo.setCurrentIndex(row if row >= 0 else (0 if snapshots else -1))
        finally:
            self.combo.blockSignals(False)
        has = bool(snapshots)
        self.combo.setEnabled(has)
        if not has:
            self.combo.setPlaceholderText(self.tr("No snapshots yet"))

    def snapshot_id(self) -> int | None:
        value = self.combo.currentData()
        return int(value) if value is not None else None

    def show_changes(self, changes: Sequence[compute.SwotChange], names: dict[str, str]) -> None:
        self.model.clear()
        if self.snapshot_id() is None:
            self.summary.setText(self.tr("No snapshots yet. Save one (Alt+N) to keep both grids as they "
                                         "stand; later, compare to see how your thinking moved."))
            self.update_tree()
            return
        if not changes:
            self.summary.setText(self.tr("No changes since this snapshot."))
            self.update_tree()
            return
        n = len(changes)
        summary = by_count(n, self.tr("{n} change since “{snapshot}”."), self.tr("{n} changes since “{snapshot}”."))
        self.summary.setText(summary.format(n=n, snapshot=self.combo.currentText()))
        bold = QFont(self.font())
        bold.setBold(True)
        for grid in GRIDS:
            head = QStandardItem(f"{names.get(grid, '')} — {role_name(grid)}")
            head.setFont(bold)
            head.setEditable(False)
            mine = [c for c in changes if c.grid == grid]
            for text in [change_line(c) for c in sorted(mine, key=self._order)] or [self.tr("No changes")]:
                line = QStandardItem(text)
                line.setEditable(False)
                head.appendRow(line)
            self.model.appendRow(head)
        self.tree.expandAll()
        self.update_tree()

    def _order(self, c: compute.SwotChange) -> tuple[int, int]:
        """Added first, then moved, then removed; within each, in quadrant order."""
        return (self.KIND_ORDER.get(c.kind, 9),
                QUADRANTS.index(c.quadrant) if c.quadrant in QUADRANTS else 9)

    def lines(self) -> list[str]:
        """Every line the panel shows, partner headings first in their group (for tests, a11y)."""
        out: list[str] = []
        for r in range(self.model.rowCount()):
            head = self.model.item(r)
            out.append(head.text())
            out += [head.child(i).text() for i in range(head.rowCount())]
        return out


def change_line(c: compute.SwotChange) -> str:
    where = quadrant_label(c.quadrant)
    if c.kind == "added":
        line = QCoreApplication.translate("ComparePanel", "+ Added to {quadrant}: {text}")
        return line.format(quadrant=where, text=c.text)
    if c.kind == "removed":
        line = QCoreApplication.translate("ComparePanel", "− Removed from {quadrant}: {text}")
        return line.format(quadrant=where, text=c.text)
    before = quadrant_label(c.from_quadrant) if c.from_quadrant else "?"
    line = QCoreApplication.translate("ComparePanel", "→ Moved {before} → {quadrant}: {text}")
    return line.format(before=before, quadrant=where, text=c.text)
