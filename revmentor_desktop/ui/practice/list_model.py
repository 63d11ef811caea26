"""The tab's list: every check-in and review, newest first, one line each ("27 Nov 2026 ·
Check-in · Priya", "12 Mar 2026 · Mid-point review · Adjust")."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from revmentor_desktop.data import reads
from revmentor_desktop.data.reads import PracticeItem
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.practice.common import (
    CHECK_IN,
    DECISION_WORDS,
    KEY_ROLE,
    KIND_WORDS,
    REVIEW,
    Key,
    Names,
    words,
)
from revmentor_desktop.ui.rows_list_model import RowsListModel
from revmentor_desktop.ui.tables import Index, RowDiff, read_only_flags
from revmentor_desktop.ui.widgets import plain_tooltip


@dataclass(frozen=True)
class ListRow:
    id: Key  # (CHECK_IN | REVIEW, row id): check-ins and reviews number their rows apart
    item: PracticeItem


class PracticeListModel(RowDiff, RowsListModel):
    """Check-ins and reviews in one list, newest first; reading it again keeps the selection."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._rows: list[ListRow] = []
        self._names = Names()

    def reload(self) -> None:
        """One small query (no text read): fast after every edit, even with thousands of rows."""
        self._set_rows([ListRow((REVIEW if i.is_review else CHECK_IN, i.id), i)
                        for i in reads.practice_items(self._doc.store)])

    def set_names(self, names: Names) -> None:
        if names != self._names:
            self._names = names
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def key_at(self, row: int) -> Key | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def item_at(self, row: int) -> PracticeItem | None:
        return self._rows[row].item if 0 <= row < len(self._rows) else None

    def latest_review_kind(self) -> str | None:
        return next((r.item.kind for r in self._rows if r.item.is_review), None)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def row_data(self, row: ListRow, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row.item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row.item)
        if role == KEY_ROLE:
            return row.id
        return None

    def text(self, i: PracticeItem) -> str:
        if i.is_review:
            kind = words(KIND_WORDS[i.kind]) if i.kind in KIND_WORDS else self.tr("Review")
            decision = words(DECISION_WORDS[i.decision]) if i.decision in DECISION_WORDS else i.decision
            return f"{day_text(i.held_on)} · {kind} · {decision}"
        check_in = self.tr("Check-in")
        return f"{day_text(i.held_on)} · {check_in} · {self._names.name(i.kind)}"

    def tooltip(self, i: PracticeItem) -> str:
        if i.is_review:
            return self.tr("{item}\nThe goals as they stood on {day}, and what you decided").format(
                item=self.text(i), day=day_text(i.held_on))
        rated = (self.tr("usefulness {n} of 5").format(n=i.usefulness) if i.usefulness
                 else self.tr("usefulness not rated"))
        return plain_tooltip(self.tr("{who}'s check-in, {rated}").format(who=self._names.titled(i.kind),
                                                                        rated=rated))
