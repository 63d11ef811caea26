"""What the tabs share (ui/tab_base.py): the flag that tells a selection moved by the code from
the user's pick, and putting a view's selection on one row (or none)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from revmentor_desktop.ui.tab_base import QuietFlag, select_row


def test_quiet_flag_is_set_inside_with_only_and_cleared_by_an_error() -> None:
    quiet = QuietFlag()
    assert not quiet
    with quiet:
        assert quiet
    assert not quiet
    with pytest.raises(ValueError), quiet:
        raise ValueError
    assert not quiet


def test_quiet_flag_stays_set_until_the_outer_block_of_nested_ones_ends() -> None:
    quiet = QuietFlag()
    with quiet:
        with quiet:  # e.g. a reload that puts a pick back while it is itself inside a reload
            assert quiet
        assert quiet
    assert not quiet


def test_select_row_selects_the_whole_row_alone_or_clears(qtbot: Any) -> None:
    model = QStandardItemModel(3, 2)
    for r in range(3):
        model.setItem(r, 0, QStandardItem(f"row {r}"))
        model.setItem(r, 1, QStandardItem(str(r)))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    sm = view.selectionModel()

    assert select_row(view, model.index(1, 0), scroll=True)
    assert [i.row() for i in sm.selectedRows()] == [1]
    assert sm.currentIndex() == model.index(1, 0)
    assert select_row(view, model.index(2, 0))
    assert [i.row() for i in sm.selectedRows()] == [2]
    assert not select_row(view, QModelIndex())
    assert sm.selectedRows() == []
