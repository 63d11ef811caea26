"""The list of journal entries beside the editor: newest first, narrowed (with snippets of the
matching text) while a search is on."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt

from revmentor_desktop.data import journal as jr
from revmentor_desktop.data import ops
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.icons import lock_icon
from revmentor_desktop.ui.tables import ROOT, Index

#: A session's usefulness rating as it is shown, in the list and in the editor's choice.
STARS = {None: "", 1: "★☆☆☆☆", 2: "★★☆☆☆", 3: "★★★☆☆", 4: "★★★★☆", 5: "★★★★★"}


class EntryListModel(QAbstractTableModel):
    """Entries newest first: date, topics (or, while searching, the matching text), rating."""

    DATE, TOPICS, RATING = range(3)
    HEADERS = ("Date", "Topics", "Rating")

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._all: list[ops.EntrySummary] = []
        self._rows: list[ops.EntrySummary] = []
        self._snippets: dict[int, str] | None = None
        self._hits: set[int] | None = None
        self._query = ""

    # loading and filtering
    def reload(self) -> None:
        self.beginResetModel()
        self._all = ops.list_entries(self._doc.store, include_private=not self._doc.hide_private)
        self._apply_filter()
        self.endResetModel()

    def set_hits(self, ids: list[int] | None, text: str = "") -> None:
        """Show only these entries (None: all); snippets of `text` are made as rows are shown."""
        self.beginResetModel()
        self._hits = None if ids is None else set(ids)
        self._query = text
        self._snippets = None if ids is None else {}
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        if self._hits is None:
            self._rows = self._all
        else:
            wanted = self._hits
            self._rows = [e for e in self._all if e.id in wanted]

    SNIPPET_BATCH = 32  # about a screenful: one query makes the snippets of every row shown

    def _snippet(self, row: int) -> str:
        assert self._snippets is not None
        entry_id = self._rows[row].id
        if entry_id not in self._snippets:
            batch = [e.id for e in self._rows[row:row + self.SNIPPET_BATCH]
                     if e.id not in self._snippets]
            self._snippets.update(jr.snippets_for(self._doc.store, batch, self._query))
        return self._snippets.get(entry_id, "")

    @property
    def searching(self) -> bool:
        return self._hits is not None

    def total(self) -> int:
        return len(self._all)

    def entry_at(self, row: int) -> ops.EntrySummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int) -> int:
        for i, e in enumerate(self._rows):
            if e.id == entry_id:
                return i
        return -1

    # the model interface
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.TOPICS and self.searching:
                return "Matching text"
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DATE:
                return day_text(e.held_on)
            if col == self.TOPICS:
                if self._snippets is not None:
                    return self._snippet(index.row()) or e.topics
                return e.topics or "(no topics)"
            return STARS[e.rating]
        if role == Qt.ItemDataRole.DecorationRole and col == self.DATE and e.private:
            return lock_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"{day_text(e.held_on)} · {e.duration_minutes} min"]
            if e.topics:
                parts.append(e.topics)
            if e.private:
                parts.append("Private: never exported, hidden in screen-share mode")
            return "\n".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            return f"{text} (private)" if col == self.DATE and e.private else text
        if role == Qt.ItemDataRole.UserRole:
            return e.id
        return None
