"""How the window's editable tables are picked and typed into: one item at a time, in place."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView


def edit_in_place(view: QAbstractItemView, pick: QAbstractItemView.SelectionBehavior,
                  also: QAbstractItemView.EditTrigger) -> None:
    """One item (a cell or a row, by `pick`) selected at a time and edited in place by a
    double-click, F2 or `also`; Tab leaves the table, as everywhere else in a form (the arrow keys
    move from cell to cell)."""
    view.setSelectionBehavior(pick)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed | also)
    view.setTabKeyNavigation(False)
