"""Where a goal was discussed: the journal entries that name it, newest first, and the goal pane's
"Discussed in" box that lists them and opens one in the Journal."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QListView, QVBoxLayout, QWidget

from revmentor_desktop.data import reads
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.goals.common import ID_ROLE
from revmentor_desktop.ui.goals.helpers import fit_list_height
from revmentor_desktop.ui.icons import lock_icon
from revmentor_desktop.ui.rows_list_model import RowsListModel
from revmentor_desktop.ui.widgets import muted_label


class DiscussedModel(RowsListModel):
    """The journal entries that discussed one goal, newest first."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._rows: list[reads.EntrySummary] = []

    def load(self, goal_id: int | None) -> None:
        self.beginResetModel()
        self._rows = [] if goal_id is None else reads.entries_for_goal(
            self._doc.store, goal_id, include_private=not self._doc.hide_private)
        self.endResetModel()

    def row_data(self, e: reads.EntrySummary, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            topics = " ".join(e.topics.split()) or self.tr("no topics noted")
            return f"{day_text(e.held_on)} — {topics}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.private:
                tip = self.tr("Session of {day} (private): double-click or press Enter to open it")
            else:
                tip = self.tr("Session of {day}: double-click or press Enter to open it")
            return tip.format(day=day_text(e.held_on))
        if role == Qt.ItemDataRole.DecorationRole:
            return lock_icon() if e.private else None
        if role == ID_ROLE:
            return e.id
        return None


class DiscussedBox(QGroupBox):
    """The goal pane's "Discussed in" box: one line a session; activating one asks to open it."""

    open_entry = Signal(int)  # a journal entry the user asked to open

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Discussed in"), parent)
        layout = QVBoxLayout(self)
        self.model = DiscussedModel(doc)
        self.sessions = QListView(self)
        self.sessions.setModel(self.model)
        self.sessions.setAccessibleName(self.tr("Sessions that discussed this goal"))
        self.sessions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sessions.setWordWrap(False)
        self.sessions.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.sessions.setUniformItemSizes(True)
        self.sessions.setIconSize(QSize(16, 16))
        self.sessions.setToolTip(
            self.tr("Double-click a session, or press Enter, to open it in the Journal"))
        self.empty = muted_label(self.tr("Not discussed in any session yet."), self)
        layout.addWidget(self.sessions)
        layout.addWidget(self.empty)
        self.sessions.activated.connect(self._open)

    def load(self, goal_id: int | None) -> None:
        self.model.load(goal_id)

    def show_rows(self) -> None:
        """The list, as tall as its few rows, when there are sessions; a hint when there are none."""
        has_entries = self.model.rowCount() > 0
        self.sessions.setVisible(has_entries)
        self.empty.setVisible(not has_entries)
        if has_entries:
            fit_list_height(self.sessions, 1, 6)

    def _open(self, index: QModelIndex) -> None:
        entry_id = index.data(ID_ROLE)
        if entry_id is not None:
            self.open_entry.emit(int(entry_id))
