"""The SWOT tab itself: lays out both grids and the comparison, reloads them when the file changes,
and answers the window's Tab protocol."""

from __future__ import annotations

from datetime import date
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QItemSelection, QModelIndex, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, compute, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.vocab import Quadrant, Role
from revmentor_desktop.report.text import isolate
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.swot.board import SwotBoard
from revmentor_desktop.ui.swot.compare import ComparePanel
from revmentor_desktop.ui.swot.editing import ItemEditing
from revmentor_desktop.ui.swot.icons import shared_icon
from revmentor_desktop.ui.swot.look import GRIDS, LEGEND, QUADRANTS
from revmentor_desktop.ui.swot.quadrant import GridPanel, QuadrantPanel
from revmentor_desktop.ui.swot.snapshots import SnapshotDialog
from revmentor_desktop.ui.tab_base import DocumentTab
from revmentor_desktop.ui.widgets import PLAIN, DeleteKey, form_scroll, problem_label


class SwotTab(DocumentTab):
    """Both partners' grids side by side, edited in place, and what moved since a snapshot.

    All eight quadrants share one load of the SWOT items (`SwotBoard`); each quadrant is a thin list
    model over its slice of it. Drag and drop, the keyboard moves and the context menu all end in one
    undoable `move_swot_item`; the `changed` signal then reloads every quadrant, so no view moves
    rows by itself.
    """

    NARROW_BELOW = 1000

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.board = SwotBoard()
        self.editing = ItemEditing(doc, self.board, self.panel)
        self._snapshot_cache: dict[int, list[compute.SwotEntry]] = {}
        self._narrow: bool | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 6)
        outer.setSpacing(6)
        outer.addLayout(self._build_top())
        outer.addWidget(self.problem)
        outer.addWidget(self._build_grids(), 1)
        outer.addWidget(self._build_compare())

        for panel in self.panels():
            self._wire(panel)
        self._set_tab_order()
        self._reload({Change.NAMES, Change.SWOT, Change.SNAPSHOTS})
        self._arrange(narrow=False)

    # -- building ----------------------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        """How the grids work, and the Save Snapshot button; the problem line goes below."""
        self.intro = QLabel(self.tr("Each of you keeps your own grid. Type and press Enter to add; "
                                    "double-click or F2 to edit; drag to reorder or move — or right-click "
                                    "for Move to.") if not self.doc.read_only else self.tr(
            "Each of you keeps your own grid. This file is read-only: you can look at both grids and "
            "compare them with a snapshot, but not change them."), self)
        self.intro.setTextFormat(PLAIN)
        self.intro.setWordWrap(True)
        self.problem = problem_label(self)
        self.problem.hide()
        self.snapshot_button = QPushButton(self.tr("Save S&napshot…"), self)
        self.snapshot_button.setAccessibleName(self.tr("Save a snapshot of both grids"))
        self.snapshot_button.setToolTip(self.tr("Keep both grids as they stand now, to compare with later "
                                                "(Alt+N); Undo removes it again"))
        self.snapshot_button.clicked.connect(self.save_snapshot)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.snapshot_button, 0, Qt.AlignmentFlag.AlignTop)
        return top

    def _build_grids(self) -> QWidget:
        """The two grids, side by side or stacked, scrolling above a legend that stays in sight."""
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 4, 0)
        content_layout.setSpacing(6)
        self.grid_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.grid_row.setSpacing(16)
        self.grids: dict[str, GridPanel] = {}
        for grid in GRIDS:
            grid_panel = GridPanel(self.doc, self.board, grid, content)
            self.grid_row.addWidget(grid_panel, 1)
            self.grids[grid] = grid_panel
        content_layout.addLayout(self.grid_row, 1)
        self.scroll_area = form_scroll(self, content)
        # The legend stays in sight under the grids, outside the scrolling part (a wrapping label
        # inside it would also make the scroll area size the grids by their preferred height).
        grids_box = QWidget(self)
        grids_layout = QVBoxLayout(grids_box)
        grids_layout.setContentsMargins(0, 0, 0, 0)
        grids_layout.setSpacing(4)
        grids_layout.addWidget(self.scroll_area, 1)
        grids_layout.addLayout(self._build_legend(grids_box))
        return grids_box

    def _build_legend(self, parent: QWidget) -> QHBoxLayout:
        """The ⇄ badge and what it means."""
        badge = QLabel(parent)
        badge.setPixmap(shared_icon().pixmap(QSize(14, 14), self.devicePixelRatioF()))
        badge.setAccessibleName("⇄")
        legend_text = self.tr(LEGEND)
        self.legend = QLabel(legend_text, parent)
        self.legend.setTextFormat(PLAIN)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(f"⇄ {legend_text}")
        legend = QHBoxLayout()
        legend.setSpacing(6)
        legend.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        legend.addWidget(self.legend, 1)
        return legend

    def _build_compare(self) -> ComparePanel:
        self.compare = ComparePanel(self)
        self.compare.combo.currentIndexChanged.connect(lambda _i: self._refresh_compare())
        self.compare.delete_button.clicked.connect(self.delete_snapshot)
        return self.compare

    def _set_tab_order(self) -> None:
        """Tab walks the quadrants in reading order (each list, then its add field), then the
        comparison."""
        order: list[QWidget] = [self.snapshot_button]
        for panel in self.panels():
            order += [panel.view, panel.add_edit]
        order += [self.compare.toggle, self.compare.combo, self.compare.delete_button,
                  self.compare.tree]
        for a, b in pairwise(order):
            self.setTabOrder(a, b)

    def panels(self) -> list[QuadrantPanel]:
        return [g.quadrants[q] for g in self.grids.values() for q in QUADRANTS]

    def panel(self, grid: str, quadrant: str) -> QuadrantPanel:
        return self.grids[grid].quadrants[quadrant]

    def _wire(self, panel: QuadrantPanel) -> None:
        view = panel.view
        panel.add_edit.returnPressed.connect(lambda p=panel: self.editing.add_item(p))
        view.customContextMenuRequested.connect(
            lambda pos, p=panel: self.editing.show_context_menu(p, pos))
        view.selectionModel().selectionChanged.connect(
            lambda selected, _deselected, p=panel: self._selection_changed(p, selected))
        panel.moves = self.editing.move_actions(panel)
        DeleteKey(view, partial(self.delete_item, panel), lambda: not self.doc.read_only)
        for act in panel.moves.values():
            view.addAction(act)
        ro = self.doc.read_only
        panel.add_edit.setEnabled(not ro)  # greyed: "Add a strength…" must not invite typing
        view.setDragEnabled(not ro)

    def _arrange(self, *, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        self.grid_row.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                   else QBoxLayout.Direction.LeftToRight)
        for grid in self.grids.values():
            grid.setMinimumHeight(430 if narrow else 0)
        self.compare.max_lines = 5 if narrow else 8
        self.compare.update_tree()

    @property
    def narrow(self) -> bool:
        return bool(self._narrow)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(narrow=self.width() < self.NARROW_BELOW)
        super().resizeEvent(event)

    # -- loading -----------------------------------------------------------------------------------

    def _reload(self, kinds: set[str] | frozenset[str]) -> None:
        store = self.doc.store
        if kinds & {Change.SWOT, Change.NAMES}:
            keep = self._remember()
            if Change.NAMES in kinds:
                p = self.doc.partnership()
                self.board.names = {Role.MENTOR: isolate(p.mentor_name), Role.MENTEE: isolate(p.mentee_name)}
            if Change.SWOT in kinds:
                self.board.load(reads.list_swot_items(store))  # one query for all eight quadrants
            for grid in self.grids.values():
                grid.refresh()
            self._restore(keep)
        if Change.SNAPSHOTS in kinds:
            self._snapshot_cache.clear()
            self.compare.set_snapshots(reads.list_snapshots(store), self.compare.snapshot_id())
            self.compare.delete_button.setEnabled(
                not self.doc.read_only and self.compare.snapshot_id() is not None)
        if kinds & {Change.SWOT, Change.SNAPSHOTS, Change.NAMES}:
            self._refresh_compare()
        self.snapshot_button.setEnabled(not self.doc.read_only)

    def _refresh_compare(self) -> None:
        snap = self.compare.snapshot_id()
        changes: list[compute.SwotChange] = []
        if snap is not None:
            before = self._snapshot_cache.get(snap)
            if before is None:
                before = [compute.SwotEntry(i.grid, i.quadrant, i.text)
                          for i in reads.snapshot_items(self.doc.store, snap)]
                self._snapshot_cache[snap] = before
            changes = compute.compare_swot(before, self.board.entries())
        self.compare.show_changes(changes, self.board.names)
        self.compare.delete_button.setEnabled(not self.doc.read_only and snap is not None)

    def _remember(self) -> tuple[int, bool] | None:
        """The selected item (and whether its list had focus), to find again after a reload."""
        for panel in self.panels():
            idx = panel.view.currentIndex()
            if idx.isValid() and panel.view.selectionModel().isSelected(idx):
                return panel.model.id_at(idx.row()), panel.view.hasFocus()
        return None

    def _restore(self, keep: tuple[int, bool] | None) -> None:
        if keep is None:
            return
        item_id, focused = keep
        self.select_item(item_id, focus=focused)

    def select_item(self, item_id: int, *, focus: bool = False) -> bool:
        where = self.board.find(item_id)
        if where is None:
            return False
        grid, quadrant, row = where
        panel = self.panel(grid, quadrant)
        idx = panel.model.index(row)
        panel.view.setCurrentIndex(idx)
        panel.view.scrollTo(idx)
        if focus:
            panel.view.setFocus()
        self._ensure_visible(panel.view)
        return True

    def _ensure_visible(self, widget: QWidget) -> None:
        content = self.scroll_area.widget()
        if content is not None and content.isAncestorOf(widget) and self.scroll_area.isVisible():
            self.scroll_area.ensureWidgetVisible(widget, 0, 0)

    def _selection_changed(self, panel: QuadrantPanel, selected: QItemSelection) -> None:
        # One selection across the whole tab: Delete and the menus act on exactly one item.
        if selected.isEmpty():
            return
        for other in self.panels():
            if other is not panel and other.view.selectionModel().hasSelection():
                other.view.clearSelection()

    # -- editing (the item work is ItemEditing's; these three are the tab's own API) ----------------

    def focused_panel(self) -> QuadrantPanel | None:
        """The quadrant whose list or add field has the keyboard focus."""
        w = QApplication.focusWidget()
        for panel in self.panels():
            if w is not None and (w is panel.view or w is panel.add_edit or panel.view.isAncestorOf(w)):
                return panel
        return None

    def delete_item(self, panel: QuadrantPanel) -> bool:
        return self.editing.delete_item(panel)

    def move_to(self, panel: QuadrantPanel, grid: str, quadrant: str) -> bool:
        return self.editing.move_to(panel, grid, quadrant)

    def context_menu(self, panel: QuadrantPanel, index: QModelIndex) -> QMenu | None:
        return self.editing.context_menu(panel, index)

    # -- snapshots ---------------------------------------------------------------------------------

    def ask_snapshot_label(self) -> tuple[str, date] | None:
        """Ask for the new snapshot's label and date (tests replace this)."""
        dialog = SnapshotDialog(self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.values()
        finally:
            dialog.deleteLater()

    def save_snapshot(self) -> int | None:
        if self.doc.read_only:
            return None
        answer = self.ask_snapshot_label()
        if answer is None:
            return None
        label, taken_on = answer
        had = self.compare.snapshot_id()
        done = self.doc.run(commands.save_snapshot(label, taken_on))
        new_id = None if done is None else int(done.value)
        if new_id is not None and had is None:
            self.compare.combo.setCurrentIndex(self.compare.combo.findData(new_id))
        return new_id

    def delete_snapshot(self) -> bool:
        snap = self.compare.snapshot_id()
        if snap is None or self.doc.read_only:
            return False
        return self.doc.run(commands.delete_snapshot(snap)) is not None

    # -- the tab protocol --------------------------------------------------------------------------

    def new_item(self) -> None:
        panel = self.focused_panel() or self.panel(Role.MENTOR, Quadrant.STRENGTHS)
        panel.add_edit.setFocus()
        self._ensure_visible(panel.add_edit)

    def delete_selection(self) -> None:
        for panel in self.panels():
            if panel.view.hasFocus():
                self.delete_item(panel)
                return

    def flush(self) -> None:
        # An item still being edited in place is saved, as anywhere else in the app.
        for panel in self.panels():
            view = panel.view
            if view.state() == QAbstractItemView.State.EditingState:
                for editor in view.viewport().findChildren(QLineEdit):
                    view.commitData(editor)
                    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def has_unsaved(self) -> bool:
        return False  # `flush` commits an item still being edited in place; nothing else waits

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if kinds & {Change.SWOT, Change.SNAPSHOTS, Change.NAMES}:
            self.show_problem("")
            self._reload(kinds)

    def sizeHint(self) -> QSize:
        return QSize(1200, 760)
