"""The goals table as a view: its delegates, header and sorting, and how its columns share the
width (the rule itself is `layout.fit_columns`; this works out each column's widths from the text)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from revmentor_desktop.data.vocab import GoalOwner, GoalStatus
from revmentor_desktop.ui.goals.common import owner_label, owner_role, status_label
from revmentor_desktop.ui.goals.delegates import CompactDelegate, ProgressDelegate
from revmentor_desktop.ui.goals.table_model import GoalFilterProxy, GoalTableModel
from revmentor_desktop.ui.layout import fit_columns

Widths = dict[int, int]


class GoalTable(QTableView):
    """The goals, one a row, sortable by any column (a third click returns to the file's order).

    Its columns fit the width by themselves until the user drags a column edge; from then on the
    widths are the user's.
    """

    def __init__(self, model: GoalTableModel, proxy: GoalFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goals = model
        self._fitting = False
        self._user_sized = False  # once the user drags a column edge, widths are theirs
        self.setModel(proxy)
        self.setItemDelegateForColumn(GoalTableModel.PROGRESS, ProgressDelegate(self))
        self.setItemDelegateForColumn(GoalTableModel.OWNER, CompactDelegate(self))
        self.setItemDelegateForColumn(GoalTableModel.TARGET, CompactDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setIconSize(QSize(16, 16))
        self.setAccessibleName(self.tr("Goals"))
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self._set_up_header()
        self.setSortingEnabled(True)
        self.viewport().installEventFilter(self)

    def _set_up_header(self) -> None:
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        header.setSectionResizeMode(GoalTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(GoalTableModel.HEADERS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        header.setSortIndicatorClearable(True)  # a third click returns to the file's own order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def column_widths(self) -> tuple[Widths, Widths, Widths]:
        """Ideal, comfortable (all text still whole, in some form) and smallest sensible widths of
        the columns beside the title, from what they show."""
        fm = self.fontMetrics()
        m = GoalTableModel
        pad, arrow = 18, 26  # cell padding; room for the header's sort arrow
        rows = [self._goals.goal_at(i) for i in range(self._goals.rowCount())]
        owner = max(fm.horizontalAdvance(owner_label(o, self._goals.names)) for o in GoalOwner) + pad
        areas = [g.focus_area for g in rows if g is not None and g.focus_area]
        focus = min(max((fm.horizontalAdvance(a) for a in areas), default=0),
                    fm.horizontalAdvance("Leadership development")) + pad
        status = max(fm.horizontalAdvance(status_label(s)) for s in GoalStatus) + pad
        overdue = any(g is not None and g.overdue for g in rows)
        icon = self.iconSize().width() + 6 if overdue else 0
        day = fm.horizontalAdvance("28 Sep 2026") + pad + icon
        target = fm.horizontalAdvance(self._goals.overdue_text("28 Sep 2026")) + pad + icon if overdue else day
        progress = fm.horizontalAdvance("100%") + 40

        def header_min(col: int) -> int:
            return fm.horizontalAdvance(str(self._goals.headerData(col, Qt.Orientation.Horizontal))) + arrow

        ideal = {m.OWNER: max(owner, header_min(m.OWNER)), m.FOCUS: max(focus, header_min(m.FOCUS)),
                 m.STATUS: max(status, header_min(m.STATUS)),
                 m.PROGRESS: max(progress, header_min(m.PROGRESS)),
                 m.TARGET: max(target, header_min(m.TARGET))}
        smallest = dict(ideal)
        smallest[m.OWNER] = max(fm.horizontalAdvance(owner_role(o)) for o in GoalOwner) + pad
        smallest[m.FOCUS] = min(ideal[m.FOCUS], header_min(m.FOCUS))
        smallest[m.PROGRESS] = fm.horizontalAdvance("100%") + 24
        comfortable = dict(smallest)
        # Narrower than their text, these two give way; the tooltip then has it in full. The date
        # itself always shows: only " — overdue" is left out (the icon says it too).
        smallest[m.STATUS] = header_min(m.STATUS)
        smallest[m.TARGET] = max(day, header_min(m.TARGET))
        return ideal, comfortable, smallest

    def fit_columns(self) -> None:
        """Share the table's width by layout.fit_columns' rule: the title narrows first (to a
        quarter of the table, at least 160 px); then the other columns, by the same share of their
        slack, as far as they still show their text whole (the owner as just the role, progress
        slimmer); then the focus area (also in the pane) steps aside; then status and target
        elide (their tooltips have the text); only then does the title go below 160 px. A
        scrollbar shows only if even the smallest widths do not fit."""
        if self._user_sized or self._fitting:
            return
        m = GoalTableModel
        available = self.viewport().width()
        if available <= 0:
            return
        ideal, comfortable, smallest = self.column_widths()
        wanted = {m.TITLE: max(160, available * 3 // 10), **ideal}
        minimum = {m.TITLE: self.horizontalHeader().minimumSectionSize(), **smallest}
        widths = fit_columns(available, wanted, minimum, m.TITLE, floor=max(160, available // 4),
                             droppable=(m.FOCUS,), comfortable=comfortable)
        hide_focus = widths[m.FOCUS] == 0
        self._fitting = True
        try:
            self.setColumnHidden(m.FOCUS, hide_focus)
            for col, width in widths.items():
                if col == m.TITLE or (col == m.FOCUS and hide_focus):
                    continue  # the title stretches into what is left; a hidden column keeps its width
                if self.columnWidth(col) != width:
                    self.setColumnWidth(col, width)
        finally:
            self._fitting = False

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        # Only a drag (or double-click) on a column edge counts; our own fitting and the title's
        # stretching do not.
        if (not self._fitting and section != GoalTableModel.TITLE
                and QApplication.mouseButtons() != Qt.MouseButton.NoButton):
            self._user_sized = True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(obj, event)
