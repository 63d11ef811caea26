"""The small shared pieces of the lists and tables: a table model answering `data()` through
`cell`, selecting a record by id, which of Up / Down / Remove apply, editing in place, titled boxes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QPushButton, QTableView, QWidget

from revmentor_desktop.ui.edit_in_place import edit_in_place
from revmentor_desktop.ui.ordered_rows import enable_order_buttons, select_record
from revmentor_desktop.ui.row_cells import RowCellsModel
from revmentor_desktop.ui.tables import ROOT, RowDiff
from revmentor_desktop.ui.titled_box import titled_box
from tests.test_tables import Row


class Cells(RowCellsModel):
    HEADERS = ("Text", "Id")

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self._rows = rows

    def cell(self, row: Row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text if column == 0 else str(row.id)
        return None


class Lines(RowDiff, QAbstractListModel):
    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self._rows = rows

    def rowCount(self, parent: Any = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Any, role: int = 0) -> Any:
        return self._rows[index.row()].text if index.isValid() and role == 0 else None


def test_cells_answer_through_cell_and_nothing_off_the_rows(qapp: Any, qtmodeltester: Any) -> None:
    model = Cells([Row(1, "one"), Row(2, "two")])
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "two"
    assert model.index(0, 1).data() == "1"
    assert model.data(QModelIndex()) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_select_record_makes_its_row_current_and_ignores_one_not_shown(qapp: Any) -> None:
    view = QListView()
    view.setModel(Lines([Row(7, "a"), Row(9, "b")]))
    select_record(view, 9)
    assert view.currentIndex().row() == 1
    assert view.selectionModel().isSelected(view.currentIndex())
    select_record(view, 42)
    assert view.currentIndex().row() == 1


def test_order_buttons_follow_the_row_and_the_file(qapp: Any) -> None:
    up, down, remove = QPushButton(), QPushButton(), QPushButton()

    def states(row: int, count: int, writable: bool = True) -> tuple[bool, bool, bool]:
        enable_order_buttons(row, count, writable, up, down, remove)
        return up.isEnabled(), down.isEnabled(), remove.isEnabled()

    assert states(-1, 3) == (False, False, False)
    assert states(0, 3) == (False, True, True)
    assert states(1, 3) == (True, True, True)
    assert states(2, 3) == (True, False, True)
    assert states(1, 3, writable=False) == (False, False, False)


def test_edit_in_place_picks_one_item_and_lets_tab_leave(qapp: Any) -> None:
    view = QTableView()
    edit_in_place(view, QAbstractItemView.SelectionBehavior.SelectRows,
                  QAbstractItemView.EditTrigger.SelectedClicked)
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.editTriggers() == (QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
    assert not view.tabKeyNavigation()


def test_titled_box_stacks_its_widgets_as_children(qapp: Any) -> None:
    parent = QWidget()
    a, b = QLabel("a", parent), QLabel("b", parent)
    box = titled_box("Title", parent, a, b, stretch=True)
    layout = box.layout()
    assert box.title() == "Title" and box.parent() is parent
    assert [layout.itemAt(i).widget() for i in range(2)] == [a, b]
    assert layout.itemAt(2).spacerItem() is not None
    assert a.parent() is box and b.parent() is box
