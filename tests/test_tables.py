"""The row-diffing model base: any reload leaves the model holding exactly the new rows, through
signals a view can follow (checked by Qt's own model tester)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtTest import QAbstractItemModelTester

from revmentor_desktop.ui.tables import RowsTableModel


@dataclass(frozen=True)
class Row:
    id: int
    text: str


class Model(RowsTableModel):
    HEADERS = ("Text", "Id")

    def load(self, rows: list[Row]) -> None:
        self._set_rows(rows)

    def data(self, index: Any, role: int = 0) -> Any:
        if not index.isValid() or role != 0:
            return None
        row = self._rows[index.row()]
        return row.text if index.column() == 0 else row.id


class Recorder:
    """Replays the model's signals on a plain list, as a view would."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.count = model.rowCount()
        self.resets = 0
        model.rowsInserted.connect(lambda _p, first, last: self._add(last - first + 1))
        model.rowsRemoved.connect(lambda _p, first, last: self._add(-(last - first + 1)))
        model.modelReset.connect(self._reset)
        self._model = model

    def _add(self, n: int) -> None:
        self.count += n

    def _reset(self) -> None:
        self.resets += 1
        self.count = self._model.rowCount()


rows = st.lists(st.tuples(st.integers(1, 30), st.sampled_from("abc")), max_size=12,
                unique_by=lambda t: t[0]).map(lambda ts: [Row(i, t) for i, t in ts])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=rows, second=rows)
def test_any_reload_ends_with_exactly_the_new_rows(qapp: Any, first: list[Row], second: list[Row]) -> None:
    model = Model()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.load(first)
    seen = Recorder(model)
    model.load(second)
    assert [model.row_at(r) for r in range(model.rowCount())] == second
    assert seen.count == len(second)  # what a view tracking the signals holds
    assert [model.index(r, 0).data(0) for r in range(model.rowCount())] == [r.text for r in second]


def test_one_row_added_or_removed_is_an_insert_or_a_removal_not_a_reset(qapp: Any) -> None:
    model = Model()
    base = [Row(1, "a"), Row(2, "b"), Row(3, "c")]
    model.load(base)
    seen = Recorder(model)
    model.load([Row(1, "a"), Row(9, "z"), Row(2, "b"), Row(3, "c")])
    model.load([Row(1, "a"), Row(2, "b"), Row(3, "c")])
    assert seen.resets == 0 and seen.count == 3


def test_the_backups_list_is_a_sound_model(qtmodeltester: Any, tmp_path: Any) -> None:
    from revmentor_desktop.data import backup
    from revmentor_desktop.data.sample import make_sample
    from revmentor_desktop.ui.backups import BackupModel

    path = tmp_path / "ours.revmentor"
    make_sample(path, 3)
    folder = tmp_path / "backups"
    backup.make_backup(path, folder, "open")
    backup.make_backup(path, folder, "manual")
    model = BackupModel(backup.list_backups(folder))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    assert model.index(0, 1).data() in {"when opened", "by hand"}
