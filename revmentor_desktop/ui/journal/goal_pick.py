"""The goals discussed in a journal entry: every goal with a check box that links it to the entry."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, Qt

from revmentor_desktop.data import commands, reads
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.icons import lock_icon
from revmentor_desktop.ui.tables import ROOT, Index


class GoalPickModel(QAbstractListModel):
    """Every (visible) goal with a check box: was it discussed in this entry?"""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._goals: list[tuple[int, str, bool]] = []
        self._checked: set[int] = set()
        self._goals_stale = True
        self.entry_id: int | None = None

    def mark_stale(self) -> None:
        self._goals_stale = True

    def load(self, entry_id: int | None, *, goals_changed: bool = False) -> None:
        """Show the goals ticked for `entry_id`; the list of goals is re-read only when it changed."""
        self.beginResetModel()
        self.entry_id = entry_id
        if goals_changed or self._goals_stale:
            goals = reads.list_goals(self._doc.store, include_private=not self._doc.hide_private)
            self._goals = [(g.id or 0, g.title, g.private) for g in goals]
            self._goals_stale = False
        self._checked = set(reads.entry_goal_ids(self._doc.store, entry_id)) if entry_id else set()
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._goals)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and not self._doc.read_only:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._goals):
            return None
        goal_id, title, private = self._goals[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if goal_id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and private:
            return lock_icon()
        if role == Qt.ItemDataRole.UserRole:
            return goal_id
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or self.entry_id is None:
            return False
        goal_id = self._goals[index.row()][0]
        wanted = set(self._checked)
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            wanted.add(goal_id)
        else:
            wanted.discard(goal_id)
        if self._doc.run(commands.set_entry_goals(self.entry_id, wanted), self) is None:
            return False
        self._checked = wanted  # the tab does not reload the model that made the edit
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
