"""What the lists of records kept in the user's order share (a goal's milestones, the agreement's
ground rules): picking a record by its id, Alt+Up / Alt+Down to move the one selected, and which of
the Up, Down and Remove buttons apply to the row selected."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QWidget

from revmentor_desktop.ui.tables import RowDiff


def select_record(view: QAbstractItemView, record_id: int) -> None:
    """Make the row of record `record_id` the view's current one (so selected), if it shows; the
    view's model is a `RowDiff`."""
    model = view.model()
    assert isinstance(model, RowDiff)
    row = model.row_of(record_id)
    if row >= 0:
        view.setCurrentIndex(model.index(row, 0))


def add_move_keys(view: QWidget, move: Callable[[int], None]) -> None:
    """Alt+Up and Alt+Down move the selected row (`move(-1)`, `move(+1)`) while `view` has focus."""
    for seq, step in (("Alt+Up", -1), ("Alt+Down", +1)):
        act = QAction(view)
        act.setShortcut(QKeySequence(seq))
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        act.triggered.connect(lambda _c=False, s=step: move(s))
        view.addAction(act)


def enable_order_buttons(row: int, count: int, writable: bool,
                         up: QWidget, down: QWidget, remove: QWidget) -> None:
    """Up, Down and Remove for `row` (-1: none selected) of `count` rows."""
    up.setEnabled(writable and row > 0)
    down.setEnabled(writable and 0 <= row < count - 1)
    remove.setEnabled(writable and row >= 0)
