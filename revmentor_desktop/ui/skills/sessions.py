"""The list of sessions the Skills tab's pickers offer: one model shared by the new-rating form and
the ratings table's editor."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QCoreApplication, Qt

from revmentor_desktop.ui.icons import lock_icon
from revmentor_desktop.ui.skills.labels import ID_ROLE, NO_SESSION, session_label
from revmentor_desktop.ui.tables import ROOT, Index
from revmentor_desktop.ui.widgets import plain_tooltip

if TYPE_CHECKING:
    from revmentor_desktop.data.reads import EntrySummary


class SessionListModel(QAbstractListModel):
    """"— none —", then every session the window may show, newest first: what the session pickers
    offer. One model shared by every picker, so opening one costs nothing however long the journal."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[EntrySummary] = []
        self._rows: dict[int, int] = {}
        self._by_day: dict[date, int] = {}
        self.loaded = False

    def set_entries(self, entries: list[EntrySummary]) -> None:
        self.beginResetModel()
        self._entries = entries
        self._rows = {e.id: i + 1 for i, e in enumerate(entries)}
        self._by_day = {}
        for e in reversed(entries):  # newest first: the last written wins, i.e. the first in the list
            self._by_day[e.held_on] = e.id
        self.loaded = True
        self.endResetModel()

    def drop_private(self) -> None:
        """Screen-share mode: private sessions leave the list at once, before any query."""
        if any(e.private for e in self._entries):
            self.set_entries([e for e in self._entries if not e.private])

    def row_of(self, entry_id: int | None) -> int:
        """The row of a session (0 for none); -1 when it is not in the list."""
        return 0 if entry_id is None else self._rows.get(entry_id, -1)

    def label(self, entry_id: int) -> str | None:
        row = self._rows.get(entry_id)
        return session_label(self._entries[row - 1]) if row is not None else None

    def held_on(self, day: date) -> int | None:
        """A session held on `day`, if there is one."""
        return self._by_day.get(day)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() <= len(self._entries):
            return None
        e = self._entries[index.row() - 1] if index.row() else None
        if role == Qt.ItemDataRole.DisplayRole:
            return session_label(e) if e is not None else QCoreApplication.translate("SkillsTab", NO_SESSION)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(session_label(e)) if e is not None else None
        if role == Qt.ItemDataRole.DecorationRole and e is not None and e.private:
            return lock_icon()  # as the journal marks it (a rating's link to it is not shared)
        if role == ID_ROLE:
            return e.id if e is not None else None
        return None
