"""The Overview's lower half: goals at a glance and the open action items, side by side (stacked
when narrow), filled just after the headline figures have painted."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.ui.after_paint import after_next_paint
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.overview.dashboard_models import (
    STATUSES,
    GoalCountsModel,
    OpenActionsModel,
)
from revmentor_desktop.ui.widgets import PLAIN


class DashboardPanel(QWidget):
    """Goals at a glance and the open action items, side by side."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row = row
        row.setContentsMargins(0, 0, 0, 0)
        self.counts_model = GoalCountsModel(doc)
        row.addWidget(self._build_counts(), 3)
        self.actions_model = OpenActionsModel(doc)
        row.addWidget(self._build_actions(), 5)
        self.actions_empty.hide()
        # Filled once the Overview's headline figures are on screen (a start-up is judged by
        # when the data shows; these two tables come a moment later).
        self._loaded = False
        after_next_paint(self, self.ensure_loaded)

    def _build_counts(self) -> QGroupBox:
        """Goals at a glance: a small fixed table, one row per status, never scrolling."""
        box = QGroupBox("Goals at a glance", self)
        column = QVBoxLayout(box)
        self.counts = _read_only_table(self.counts_model, "Goals by owner and status", box)
        self.counts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows_height = self.counts.verticalHeader().defaultSectionSize() * len(STATUSES)
        self.counts.setFixedHeight(rows_height + self.counts.horizontalHeader().sizeHint().height() + 4)
        column.addWidget(self.counts)
        column.addStretch(1)
        return box

    def _build_actions(self) -> QGroupBox:
        """The open action items, or a line saying where they come from when there are none."""
        box = QGroupBox("Open action items — tick when done", self)
        column = QVBoxLayout(box)
        # Not `self.actions`: that would hide QWidget.actions().
        self.actions_view = _read_only_table(self.actions_model,
                                             "Open action items across all sessions", box)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.verticalHeader().hide()
        self.actions_view.setWordWrap(False)
        header = self.actions_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 56), (2, 120), (3, 150), (4, 110)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.actions_view.setColumnWidth(col, width)
        self.actions_view.setMinimumHeight(150)
        column.addWidget(self.actions_view)
        self.actions_empty = QLabel("No open action items. Add them to a session in the Journal; "
                                    "they stay here until ticked off.", box)
        self.actions_empty.setWordWrap(True)
        self.actions_empty.setTextFormat(PLAIN)
        column.addWidget(self.actions_empty)
        return box

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()

    def set_narrow(self, narrow: bool) -> None:
        self._row.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                               else QBoxLayout.Direction.LeftToRight)

    def reload(self) -> None:
        self.counts_model.reload()
        self._reload_actions()

    def _reload_actions(self) -> None:
        self.actions_model.reload()
        empty = self.actions_model.rowCount() == 0
        self.actions_empty.setVisible(empty)
        self.actions_view.setVisible(not empty)

    def on_changed(self, kinds: Changes) -> None:
        if not self._loaded:
            return  # the first load reads everything anyway
        if kinds & {Change.GOALS, Change.PRIVACY}:
            self.counts_model.reload()
        elif Change.NAMES in kinds:
            self.counts_model.relabel()
        if kinds & {Change.ACTIONS, Change.ENTRIES, Change.PRIVACY}:
            self._reload_actions()
        elif Change.NAMES in kinds:
            self.actions_model.relabel()


def _read_only_table(model: QAbstractItemModel, name: str, parent: QWidget) -> QTableView:
    """A table over `model` that is read, not typed into (a tick box still toggles)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAccessibleName(name)
    return view
