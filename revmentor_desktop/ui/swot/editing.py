"""What a user does to one SWOT item: add, delete, and move it by keyboard or context menu (each
move one undoable `move_item`; the tab's reload on `changed` shows it, no view moves rows itself)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from revmentor_desktop.data import commands
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.swot.board import SwotBoard
from revmentor_desktop.ui.swot.look import (
    ADD_LABELS,
    MOVE_KEYS,
    OTHER_GRID_KEY,
    QUADRANTS,
    other_grid,
    quadrant_label,
)
from revmentor_desktop.ui.swot.quadrant import QuadrantPanel
from revmentor_desktop.ui.swot.quadrant_model import move_item


class ItemEditing:
    """Edits of the selected item of a quadrant; `panel_at(grid, quadrant)` finds any quadrant."""

    def __init__(self, doc: Document, board: SwotBoard,
                 panel_at: Callable[[str, str], QuadrantPanel]) -> None:
        self.doc = doc
        self.board = board
        self.panel_at = panel_at

    def selected(self, panel: QuadrantPanel) -> int:
        idx = panel.view.currentIndex()
        ok = idx.isValid() and panel.view.selectionModel().isSelected(idx)
        return idx.row() if ok else -1

    def add_item(self, panel: QuadrantPanel) -> int | None:
        text = panel.add_edit.text().strip()
        if not text or self.doc.read_only:
            return None
        grid, quadrant = panel.grid, panel.quadrant
        label = QCoreApplication.translate("ItemEditing", ADD_LABELS[quadrant])
        done = self.doc.run(commands.add_swot_item(grid, quadrant, text, label))
        if done is None:
            return None
        new_id = int(done.value)
        panel.add_edit.clear()
        row = panel.model.row_of(new_id)
        if row >= 0:
            idx = panel.model.index(row)
            panel.view.setCurrentIndex(idx)
            panel.view.scrollTo(idx)
        return new_id

    def delete_item(self, panel: QuadrantPanel) -> bool:
        row = self.selected(panel)
        if row < 0 or self.doc.read_only:
            return False
        had_focus = panel.view.hasFocus()
        ok = self.doc.run(commands.delete_swot_item(panel.model.id_at(row))) is not None
        n = panel.model.rowCount()
        if ok and n:
            panel.view.setCurrentIndex(panel.model.index(min(row, n - 1)))
        if ok and had_focus:
            panel.view.setFocus()
        return ok

    def move_by(self, panel: QuadrantPanel, step: int) -> bool:
        row = self.selected(panel)
        if row < 0 or not 0 <= row + step < panel.model.rowCount() or self.doc.read_only:
            return False
        return move_item(self.doc, panel.model.id_at(row), panel.grid, panel.quadrant, row + step)

    def move_to(self, panel: QuadrantPanel, grid: str, quadrant: str) -> bool:
        """Move the selected item to the end of another quadrant (or the other grid)."""
        row = self.selected(panel)
        if row < 0 or (grid, quadrant) == (panel.grid, panel.quadrant) or self.doc.read_only:
            return False
        target = self.panel_at(grid, quadrant).model.rowCount()
        return move_item(self.doc, panel.model.id_at(row), grid, quadrant, target)

    # -- keys and menus ------------------------------------------------------------------------------

    def move_actions(self, panel: QuadrantPanel) -> dict[str, QAction]:
        """The keyboard moves of one quadrant's list (active while that list has focus)."""
        view = panel.view

        def make(key: str, text: str, shortcut: str, fn: Callable[..., object]) -> QAction:
            act = QAction(text, view)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(fn)
            act.setObjectName(key)
            return act

        moves = {
            "up": make("up", QCoreApplication.translate("ItemEditing", "Move &Up"), "Alt+Up",
                       lambda: self.move_by(panel, -1)),
            "down": make("down", QCoreApplication.translate("ItemEditing", "Move &Down"), "Alt+Down",
                         lambda: self.move_by(panel, +1)),
        }
        for q in QUADRANTS:
            moves[q] = make(q, quadrant_label(q), MOVE_KEYS[q],
                            lambda _checked=False, q=q: self.move_to(panel, panel.grid, q))
        moves["other"] = make("other", QCoreApplication.translate("ItemEditing", "Move to the Other Grid"),
                              OTHER_GRID_KEY,
                              lambda: self.move_to(panel, other_grid(panel.grid), panel.quadrant))
        return moves

    def show_context_menu(self, panel: QuadrantPanel, pos: QPoint) -> None:
        menu = self.context_menu(panel, panel.view.indexAt(pos))
        if menu is not None:
            menu.exec(panel.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def context_menu(self, panel: QuadrantPanel, index: QModelIndex) -> QMenu | None:
        """Edit, delete and move the item under the pointer (built fresh: names may change)."""
        view = panel.view
        if not index.isValid():
            return None
        view.setCurrentIndex(index)
        ro = self.doc.read_only
        moves = panel.moves
        menu = QMenu(view)
        edit = menu.addAction(QCoreApplication.translate("ItemEditing", "&Edit"))
        edit.setShortcut(QKeySequence(Qt.Key.Key_F2))
        edit.triggered.connect(lambda: view.edit(view.currentIndex()))
        delete = menu.addAction(QCoreApplication.translate("ItemEditing", "&Delete"))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.triggered.connect(lambda: self.delete_item(panel))
        menu.addSeparator()
        row = index.row()
        moves["up"].setEnabled(not ro and row > 0)
        moves["down"].setEnabled(not ro and row < panel.model.rowCount() - 1)
        menu.addAction(moves["up"])
        menu.addAction(moves["down"])
        move = menu.addMenu(QCoreApplication.translate("ItemEditing", "&Move to"))
        for q in QUADRANTS:
            moves[q].setEnabled(not ro and q != panel.quadrant)
            move.addAction(moves[q])
        other = moves["other"]
        other.setText(QCoreApplication.translate("ItemEditing", "Move to {name}'s &Grid").format(
            name=self.board.names.get(other_grid(panel.grid), "")))
        other.setEnabled(not ro)
        menu.addAction(other)
        for a in (edit, delete):
            a.setEnabled(not ro)
        return menu
