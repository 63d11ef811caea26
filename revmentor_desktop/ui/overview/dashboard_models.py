"""The dashboard's two tables as models: goals counted by owner and status, and the open action
items across all sessions (ticking one marks it done)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt

from revmentor_desktop.data import commands, compute, reads
from revmentor_desktop.data.vocab import STATUS_LABELS, GoalOwner, GoalStatus
from revmentor_desktop.report.text import isolate, vocab
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.icons import overdue_icon
from revmentor_desktop.ui.overview.dates import day_or_dash
from revmentor_desktop.ui.row_cells import RowCellsModel
from revmentor_desktop.ui.tables import ROOT, Index
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import plain_tooltip

OWNERS = (GoalOwner.MENTOR, GoalOwner.MENTEE, GoalOwner.SHARED)
#: what a cell shows when its full text does not fit (the Due column: the date without " — overdue",
#: which the icon and the tooltip still say)
SHORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
STATUSES = (GoalStatus.NOT_STARTED, GoalStatus.IN_PROGRESS, GoalStatus.ACHIEVED, GoalStatus.DROPPED)


class GoalCountsModel(QAbstractTableModel):
    """Goals at a glance: one row per status, one column per owner."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        #: None until first read (the dashboard fills after the headline figures paint): blank
        #: cells meanwhile, not zeros that would claim there are no goals
        self._counts: dict[tuple[str, str], int] | None = None
        self._set_names()

    def reload(self) -> None:
        self.beginResetModel()
        self._set_names()
        self._counts = reads.goal_status_counts(self._doc.store, include_private=not self._doc.hide_private)
        self.endResetModel()

    def _set_names(self) -> None:
        p = self._doc.partnership()
        self._names = {"mentor": _first(p.mentor_name), "mentee": _first(p.mentee_name),
                       "shared": self.tr("Shared")}
        self._full = {"mentor": self.tr("{name} (mentor)").format(name=isolate(p.mentor_name)),
                      "mentee": self.tr("{name} (mentee)").format(name=isolate(p.mentee_name)),
                      "shared": self.tr("Shared goals")}

    def relabel(self) -> None:
        """The partners' names changed: new headers, same counts (no query)."""
        self._set_names()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(OWNERS) - 1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(STATUSES)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(OWNERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._names[OWNERS[section]]
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(self._full[OWNERS[section]])
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # marked for translation in the "vocab" context by ui/goals/common.py
            return vocab(STATUS_LABELS[STATUSES[section]])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self._counts is None:
                return None
            return str(self._counts.get((OWNERS[index.column()], STATUSES[index.row()]), 0))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _first(name: str) -> str:
    words = name.split()
    return words[0] if words else name


class OpenActionsModel(RowCellsModel):
    """Every action item still open, across all sessions; tick one to mark it done."""

    HEADERS = (QT_TRANSLATE_NOOP("OpenActionsModel", "Done"),
               QT_TRANSLATE_NOOP("OpenActionsModel", "Action item"),
               QT_TRANSLATE_NOOP("OpenActionsModel", "Owner"), QT_TRANSLATE_NOOP("OpenActionsModel", "Due"),
               QT_TRANSLATE_NOOP("OpenActionsModel", "From session"))
    DONE, TEXT, OWNER, DUE, SESSION = range(5)

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._names: dict[str, str] = {}

    def reload(self) -> None:
        self._set_names()
        rows = reads.open_actions(self._doc.store, include_private=not self._doc.hide_private)
        rows.reverse()  # newest session first: what was just agreed is most relevant
        self._set_rows(rows)

    def _set_names(self) -> None:
        p = self._doc.partnership()
        self._names = {"mentor": p.mentor_name, "mentee": p.mentee_name, "both": self.tr("Both")}
        self._roles = {"mentor": self.tr("{name} (mentor)").format(name=isolate(p.mentor_name)),
                       "mentee": self.tr("{name} (mentee)").format(name=isolate(p.mentee_name)),
                       "both": self.tr("Both of you")}

    def owner_names(self) -> list[str]:
        """Every name the Owner column may show."""
        return list(self._names.values())

    def relabel(self) -> None:
        """The partners' names changed: show them, without re-reading the action items."""
        self._set_names()
        if self._rows:
            self.dataChanged.emit(self.index(0, self.OWNER), self.index(len(self._rows) - 1, self.OWNER))

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.DONE and not self._doc.read_only:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def action_at(self, row: int) -> reads.OpenAction | None:
        action: reads.OpenAction | None = self.row_at(row)
        return action

    def cell(self, a: reads.OpenAction, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DONE:
            return Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(a, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(a, col)
        if role == SHORT_ROLE and col == self.DUE:
            return day_or_dash(a.due_on)
        if role == Qt.ItemDataRole.DecorationRole and col == self.DUE and self.overdue(a):
            return overdue_icon()
        return None

    @staticmethod
    def overdue(a: reads.OpenAction) -> bool:
        return compute.is_overdue(a.due_on, False, date.today())  # open actions only

    def text(self, a: reads.OpenAction, col: int) -> str | None:
        """What a cell says in full."""
        if col == self.TEXT:
            return a.text
        if col == self.OWNER:
            return self._names.get(a.owner, a.owner)
        if col == self.DUE:
            due = day_or_dash(a.due_on)
            return self.tr("{day} — overdue").format(day=due) if self.overdue(a) else due
        if col == self.SESSION:
            return day_or_dash(a.held_on)
        return None

    def _tooltip(self, a: reads.OpenAction, col: int) -> str | None:
        """Every cell that may be cut short has its full text on hover."""
        if col == self.DONE:
            return self.tr("Tick when done: the item leaves this list (undo brings it back)")
        if col == self.TEXT:
            return plain_tooltip(a.text)
        if col == self.OWNER:
            return plain_tooltip(self._roles.get(a.owner, a.owner))
        if col == self.DUE:
            if a.due_on is None:
                return self.tr("No due date")
            if self.overdue(a):
                return self.tr("{due}: the due date has passed and the item is still open").format(
                    due=self.text(a, col))
            return self.tr("Due {day}").format(day=day_or_dash(a.due_on))
        if col == self.SESSION:
            return self.tr("Agreed in the session of {day}").format(day=day_or_dash(a.held_on))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.DONE:
            return False
        a = self._rows[index.row()]
        if Qt.CheckState(value) != Qt.CheckState.Checked:
            return False
        return self._doc.run(commands.tick_action(a.id, True, date.today())) is not None
