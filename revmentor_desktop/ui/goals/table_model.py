"""The goals table's rows: every goal the window may show, with its progress, and the proxy that
filters them by owner and status and sorts them by what each column means."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon

from revmentor_desktop.data import reads
from revmentor_desktop.data.compute import goal_progress, is_overdue
from revmentor_desktop.data.vocab import GoalStatus
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.goals.common import (
    ID_ROLE,
    PROGRESS_ROLE,
    SHORT_ROLE,
    SORT_ROLE,
    owner_label,
    owner_role,
    status_label,
)
from revmentor_desktop.ui.icons import lock_icon, overdue_icon
from revmentor_desktop.ui.row_cells import RowCellsModel
from revmentor_desktop.ui.tables import Index, read_only_flags
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import plain_tooltip

OPEN = "open"  # the status filter "not started + in progress"
CLOSED = frozenset({GoalStatus.ACHIEVED.value, GoalStatus.DROPPED.value})
STATUS_ORDER = {s.value: i for i, s in enumerate(GoalStatus)}
NO_DATE_KEY = 10**7  # sorts goals without a target date after every real date


@dataclass(frozen=True)
class GoalRow(reads.GoalRow):
    """What the table shows of one goal: the goal as read, with its milestones done and in all,
    and whether it is overdue."""

    done: int
    total: int
    overdue: bool

    @property
    def progress(self) -> int:
        return goal_progress(self.manual_progress, self.done, self.total)


class GoalTableModel(RowCellsModel):
    """Every goal the window may show (private ones left out in screen-share mode), in file order."""

    TITLE, OWNER, FOCUS, STATUS, PROGRESS, TARGET = range(6)
    HEADERS = (QT_TRANSLATE_NOOP("GoalTableModel", "Title"), QT_TRANSLATE_NOOP("GoalTableModel", "Owner"),
               QT_TRANSLATE_NOOP("GoalTableModel", "Focus area"), QT_TRANSLATE_NOOP("GoalTableModel", "Status"),
               QT_TRANSLATE_NOOP("GoalTableModel", "Progress"),
               QT_TRANSLATE_NOOP("GoalTableModel", "Target date"))

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._rows: list[GoalRow] = []
        self._names: dict[str, str] = {"mentor": "", "mentee": ""}
        self.reload()

    def reload(self) -> None:
        """Two queries: the goals, and milestone counts for all of them."""
        store = self._doc.store
        today = date.today()
        counts = reads.milestone_counts(store)
        rows = []
        for g in reads.list_goals(store, include_private=not self._doc.hide_private):
            done, total = counts.get(g.id, (0, 0))
            overdue = is_overdue(g.target_date, g.status in CLOSED, today)
            rows.append(GoalRow(**vars(g), done=done, total=total, overdue=overdue))
        self._set_rows(rows)

    @property
    def names(self) -> dict[str, str]:
        """The partners' names as the owner column shows them ("mentor", "mentee")."""
        return self._names

    def set_names(self, mentor: str, mentee: str) -> None:
        self._names = {"mentor": mentor, "mentee": mentee}
        if self._rows:
            self.dataChanged.emit(self.index(0, self.OWNER), self.index(len(self._rows) - 1, self.OWNER))

    def goal_at(self, row: int) -> GoalRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and section == self.PROGRESS):
            return self.tr("Share of the milestones done; set by hand for a goal without milestones")
        return super().headerData(section, orientation, role)

    def overdue_text(self, day: str) -> str:
        """The target column's words for an overdue goal's date, `day` ("3 Mar 2026 — overdue")."""
        return self.tr("{day} — overdue").format(day=day)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def cell(self, g: GoalRow, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(g, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(g, col)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(g, col)
        if role == SORT_ROLE:
            return self._sort_key(g, col)
        if role == ID_ROLE:
            return g.id
        if role == PROGRESS_ROLE:
            return g.progress
        if role == SHORT_ROLE and col == self.OWNER:
            return owner_role(g.owner)
        if role == SHORT_ROLE and col == self.TARGET and g.overdue:
            return day_text(g.target_date)  # the icon and the tooltip still say "overdue"
        return None

    def _text(self, g: GoalRow, col: int) -> str:
        if col == self.TITLE:
            return g.title
        if col == self.OWNER:
            return owner_label(g.owner, self._names)
        if col == self.FOCUS:
            return g.focus_area
        if col == self.STATUS:
            return status_label(g.status)
        if col == self.PROGRESS:
            return f"{g.progress}%"
        if col == self.TARGET:
            return self.overdue_text(day_text(g.target_date)) if g.overdue else day_text(g.target_date)
        return ""

    def _tooltip(self, g: GoalRow, col: int) -> str | None:
        if col == self.TITLE:
            return plain_tooltip(self.tr("{title} (private)").format(title=g.title) if g.private else g.title)
        if col == self.OWNER:
            return plain_tooltip(owner_label(g.owner, self._names))
        if col == self.FOCUS:
            return plain_tooltip(g.focus_area) if g.focus_area else None
        if col == self.STATUS:  # the column may be narrower than its text (GoalTable.fit_columns)
            return self._text(g, col)
        if col == self.PROGRESS:
            if g.total:
                return self.tr("{done} of {total} milestones done").format(done=g.done, total=g.total)
            return self.tr("Set by hand (this goal has no milestones)")
        if col == self.TARGET and g.overdue:  # " — overdue" may be cut off: the first line has it
            why = self.tr("Overdue: the target date has passed and the goal is still open")
            return f"{self._text(g, col)}\n{why}"
        return None

    def _icon(self, g: GoalRow, col: int) -> QIcon | None:
        if col == self.TITLE and g.private:
            return lock_icon()
        if col == self.TARGET and g.overdue:
            return overdue_icon()
        return None

    def _sort_key(self, g: GoalRow, col: int) -> str | int | None:
        if col == self.TITLE:
            return g.title.casefold()
        if col == self.OWNER:
            return owner_label(g.owner, self._names).casefold()
        if col == self.FOCUS:
            return g.focus_area.casefold()
        if col == self.STATUS:
            return STATUS_ORDER.get(g.status, len(STATUS_ORDER))
        if col == self.PROGRESS:
            return g.progress
        if col == self.TARGET:
            return g.target_date.toordinal() if g.target_date else NO_DATE_KEY
        return None


class GoalFilterProxy(QSortFilterProxyModel):
    """Filters by owner and status; sorts by each column's SORT_ROLE (dates and numbers as such)."""

    def __init__(self, model: GoalTableModel) -> None:
        super().__init__()
        self._goals = model
        self.owner: str | None = None
        self.status: str | None = None
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)

    def accepts(self, g: GoalRow) -> bool:
        if self.owner is not None and g.owner != self.owner:
            return False
        if self.status == OPEN:
            return g.status not in CLOSED
        return self.status is None or g.status == self.status

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        g = self._goals.goal_at(source_row)
        return g is not None and self.accepts(g)

    def set_filters(self, owner: str | None, status: str | None) -> None:
        if (owner, status) == (self.owner, self.status):
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.owner, self.status = owner, status
            self.endFilterChange()
        else:
            self.owner, self.status = owner, status
            self.invalidateFilter()

    @property
    def filtering(self) -> bool:
        return self.owner is not None or self.status is not None
