"""The Overview's dashboard: momentum against the agreed cadence, goals at a glance, open actions."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, compute, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.vocab import STATUS_LABELS, GoalOwner, GoalStatus
from revmentor_desktop.report.text import day_text, isolate
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.icons import overdue_icon
from revmentor_desktop.ui.tables import ROOT, Index, RowsTableModel
from revmentor_desktop.ui.widgets import PLAIN, after_next_paint, plain_tooltip

if TYPE_CHECKING:
    from revmentor_desktop.data import ops




def relative(value: date, today: date) -> str:
    days = (value - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


class StatCard(QFrame):
    """One figure with its caption and a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("statCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.caption = QLabel(caption, self)
        self.value = QLabel(self)
        self.detail = QLabel(self)
        for label in (self.caption, self.value, self.detail):
            label.setTextFormat(PLAIN)
        self.detail.setWordWrap(True)
        self.caption.setWordWrap(True)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        caption_row = QHBoxLayout()
        caption_row.setSpacing(4)
        self.icon = QLabel(self)
        self.icon.setPixmap(overdue_icon().pixmap(16, 16))
        self.icon.setToolTip("Needs attention")
        self.icon.hide()
        caption_row.addWidget(self.icon)
        caption_row.addWidget(self.caption, 1)
        layout.addLayout(caption_row)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set(self, value: str, detail: str = "", warn: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.icon.setVisible(warn)
        self.setStyleSheet("#statCard { border: 1px solid #c77700; background: #fff4e0; }" if warn else "")
        self.setAccessibleName(f"{self.caption.text()}: {value}. {detail}")


class MomentumPanel(QWidget):
    """Last session, next due, sessions held, hours together, cadence kept."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.last = StatCard("Last session", self)
        self.next = StatCard("Next session due", self)
        self.held = StatCard("Sessions held", self)
        self.hours = StatCard("Time together", self)
        self.kept = StatCard("Cadence kept", self)
        for card in (self.last, self.next, self.held, self.hours, self.kept):
            row.addWidget(card, 1)
        self._sessions: list[tuple[date, int]] | None = None
        self._key: tuple[date, int, date] | None = None
        self.reload()

    def reload(self, today: date | None = None, *, sessions_changed: bool = True) -> None:
        """Recompute; the session list (10,000 rows in a long partnership) is re-read only when
        sessions changed — a new cadence or start date reuses it."""
        today = today or date.today()
        p = self.doc.partnership()
        key = (p.start_date, p.cadence_days, today)
        if not sessions_changed and self._sessions is not None and key == self._key:
            return  # e.g. a new organisation name: nothing here changes
        self._key = key
        if sessions_changed or self._sessions is None:
            self._sessions = reads.session_dates(self.doc.store, include_private=not self.doc.hide_private)
        m = compute.momentum(p.start_date, p.cadence_days, self._sessions, today)
        if m.last_session is None:
            self.last.set("None yet", "Add your first session in the Journal")
        else:
            self.last.set(_day_or_dash(m.last_session), relative(m.last_session, today))
        if m.days_overdue > 0:
            self.next.set(f"Overdue by {m.days_overdue} day{'s' if m.days_overdue != 1 else ''}",
                          f"was due {_day_or_dash(m.next_due)} (every {p.cadence_days} days)", warn=True)
        else:
            self.next.set(_day_or_dash(m.next_due), f"{relative(m.next_due, today)} · every {p.cadence_days} days")
        self.held.set(str(m.sessions_held), f"since {_day_or_dash(p.start_date)}")
        hours = m.hours_together
        self.hours.set(f"{hours:.1f} h" if hours % 1 else f"{int(hours)} h",
                       f"about {round(m.minutes_together / m.sessions_held)} min a session"
                       if m.sessions_held else "")
        share = m.share_kept
        if share is None:
            self.kept.set("—", "no cadence period has ended yet")
        else:
            self.kept.set(f"{round(share * 100)}%",
                          f"{m.periods_kept} of {m.periods_elapsed} periods had a session",
                          warn=share < 0.6)
        self.momentum = m


OWNERS = (GoalOwner.MENTOR, GoalOwner.MENTEE, GoalOwner.SHARED)
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
        from revmentor_desktop.data import ops  # after the first paint (the dashboard waits for it)

        self.beginResetModel()
        self._set_names()
        self._counts = ops.goal_status_counts(self._doc.store, include_private=not self._doc.hide_private)
        self.endResetModel()

    def _set_names(self) -> None:
        p = self._doc.partnership()
        self._names = {"mentor": _first(p.mentor_name), "mentee": _first(p.mentee_name),
                       "shared": "Shared"}
        self._full = {"mentor": f"{isolate(p.mentor_name)} (mentor)",
                      "mentee": f"{isolate(p.mentee_name)} (mentee)",
                      "shared": "Shared goals"}

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
            return STATUS_LABELS[STATUSES[section]]
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


class OpenActionsModel(RowsTableModel):
    """Every action item still open, across all sessions; tick one to mark it done."""

    HEADERS = ("Done", "Action item", "Owner", "Due", "From session")

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._names: dict[str, str] = {}

    def reload(self) -> None:
        from revmentor_desktop.data import ops  # after the first paint (the dashboard waits for it)

        self._set_names()
        rows = ops.open_actions(self._doc.store, include_private=not self._doc.hide_private)
        rows.reverse()  # newest session first: what was just agreed is most relevant
        self._set_rows(rows)

    def _set_names(self) -> None:
        p = self._doc.partnership()
        self._names = {"mentor": p.mentor_name, "mentee": p.mentee_name, "both": "Both"}

    def relabel(self) -> None:
        """The partners' names changed: show them, without re-reading the action items."""
        self._set_names()
        if self._rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._rows) - 1, 2))

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0 and not self._doc.read_only:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def action_at(self, row: int) -> ops.OpenAction | None:
        return self.row_at(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        overdue = a.due_on is not None and a.due_on < date.today()
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 1:
                return a.text
            if col == 2:
                return self._names.get(a.owner, a.owner)
            if col == 3:
                return (_day_or_dash(a.due_on) + (" — overdue" if overdue else "")) if a.due_on else "—"
            if col == 4:
                return _day_or_dash(a.held_on)
        if role == Qt.ItemDataRole.DecorationRole and col == 3 and overdue:
            return overdue_icon()
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return plain_tooltip(a.text)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        a = self._rows[index.row()]
        if Qt.CheckState(value) != Qt.CheckState.Checked:
            return False
        return self._doc.run(commands.tick_action(a.id, True, date.today())) is not None


class DashboardPanel(QWidget):
    """Goals at a glance and the open action items, side by side."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row = row
        row.setContentsMargins(0, 0, 0, 0)
        goals_box = QGroupBox("Goals at a glance", self)
        goals_layout = QVBoxLayout(goals_box)
        self.counts_model = GoalCountsModel(doc)
        self.counts = QTableView(goals_box)
        self.counts.setModel(self.counts_model)
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.counts.setAccessibleName("Goals by owner and status")
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows_height = self.counts.verticalHeader().defaultSectionSize() * len(STATUSES)
        self.counts.setFixedHeight(rows_height + self.counts.horizontalHeader().sizeHint().height() + 4)
        goals_layout.addWidget(self.counts)
        goals_layout.addStretch(1)
        row.addWidget(goals_box, 3)

        actions_box = QGroupBox("Open action items — tick when done", self)
        actions_layout = QVBoxLayout(actions_box)
        self.actions_model = OpenActionsModel(doc)
        self.actions = QTableView(actions_box)
        self.actions.setModel(self.actions_model)
        self.actions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions.verticalHeader().hide()
        self.actions.setAccessibleName("Open action items across all sessions")
        self.actions.setWordWrap(False)
        header = self.actions.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 56), (2, 120), (3, 150), (4, 110)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.actions.setColumnWidth(col, width)
        self.actions.setMinimumHeight(150)
        actions_layout.addWidget(self.actions)
        self.actions_empty = QLabel("No open action items. Add them to a session in the Journal; they stay here until ticked off.", actions_box)
        self.actions_empty.setWordWrap(True)
        self.actions_empty.setTextFormat(PLAIN)
        actions_layout.addWidget(self.actions_empty)
        row.addWidget(actions_box, 5)
        self.actions_empty.hide()
        # Filled once the Overview's headline figures are on screen (a start-up is judged by
        # when the data shows; these two tables come a moment later).
        self._loaded = False
        after_next_paint(self, self.ensure_loaded)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()

    def set_narrow(self, narrow: bool) -> None:
        self._row.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                               else QBoxLayout.Direction.LeftToRight)

    def reload(self) -> None:
        self.counts_model.reload()
        self.actions_model.reload()
        empty = self.actions_model.rowCount() == 0
        self.actions_empty.setVisible(empty)
        self.actions.setVisible(not empty)

    def on_changed(self, kinds: Changes) -> None:
        if not self._loaded:
            return  # the first load reads everything anyway
        if kinds & {Change.GOALS, Change.PRIVACY}:
            self.counts_model.reload()
        elif Change.NAMES in kinds:
            self.counts_model.relabel()
        if kinds & {Change.ACTIONS, Change.ENTRIES, Change.PRIVACY}:
            self.actions_model.reload()
            empty = self.actions_model.rowCount() == 0
            self.actions_empty.setVisible(empty)
            self.actions.setVisible(not empty)
        elif Change.NAMES in kinds:
            self.actions_model.relabel()


def _day_or_dash(value: date | None) -> str:
    return day_text(value, empty="—")
