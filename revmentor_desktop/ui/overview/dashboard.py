"""The Overview's lower half: goals at a glance and the open action items, side by side (stacked
when narrow), filled just after the headline figures have painted."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.ui.after_paint import after_next_paint
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.layout import fit_columns
from revmentor_desktop.ui.overview.dashboard_models import (
    SHORT_ROLE,
    STATUSES,
    GoalCountsModel,
    OpenActionsModel,
)
from revmentor_desktop.ui.tables import Index
from revmentor_desktop.ui.titled_box import titled_box
from revmentor_desktop.ui.widgets import PLAIN


class DashboardPanel(QWidget):
    """Goals at a glance and the open action items, side by side."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.counts = _read_only_table(self.counts_model, self.tr("Goals by owner and status"), self)
        self.counts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows_height = self.counts.verticalHeader().defaultSectionSize() * len(STATUSES)
        self.counts.setFixedHeight(rows_height + self.counts.horizontalHeader().sizeHint().height() + 4)
        return titled_box(self.tr("Goals at a glance"), self, self.counts, stretch=True)

    def _build_actions(self) -> QGroupBox:
        """The open action items, or a line saying where they come from when there are none."""
        # Not `self.actions`: that would hide QWidget.actions().
        self.actions_view = ActionsTable(self.actions_model, self)
        self.actions_view.setMinimumHeight(150)
        self.actions_empty = QLabel(self.tr("No open action items. Add them to a session in the "
                                            "Journal; they stay here until ticked off."), self)
        self.actions_empty.setWordWrap(True)
        self.actions_empty.setTextFormat(PLAIN)
        return titled_box(self.tr("Open action items — tick when done"), self,
                          self.actions_view, self.actions_empty)

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


class ShortWhenCut(QStyledItemDelegate):
    """Shows a cell's short form (the Due column's date without " — overdue") when its full text
    would be cut off; the icon and the tooltip still say it is overdue."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        short = index.data(SHORT_ROLE)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget).width() - 8
        if short and option.fontMetrics.horizontalAdvance(option.text) > room:
            option.text = short


class ActionsTable(QTableView):
    """The open action items. Its columns fit what they show — the owner's name, the due date
    with " — overdue", the session's date — and the item's text takes what is left (elided, with
    the full text on hover). When even that leaves the text too little, the due date drops
    " — overdue" (icon and tooltip keep it). Once the user drags a column edge, widths are theirs."""

    M = OpenActionsModel

    def __init__(self, model: OpenActionsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = model
        self._fitting = False
        self._user_sized = False
        self._widths: tuple[dict[int, int], dict[int, int]] | None = None  # cached per reload
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("Open action items across all sessions"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setIconSize(QSize(16, 16))
        self.setItemDelegateForColumn(self.M.DUE, ShortWhenCut(self))
        header = self.horizontalHeader()
        header.setMinimumSectionSize(32)
        header.setSectionResizeMode(self.M.TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (self.M.DONE, self.M.OWNER, self.M.DUE, self.M.SESSION):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._content_changed)
        self.viewport().installEventFilter(self)

    def _content_changed(self, *_args: object) -> None:
        self._widths = None
        self.fit_columns()

    def column_widths(self) -> tuple[dict[int, int], dict[int, int]]:
        """Each column's ideal width (its text whole) and the least it takes (the due date
        without " — overdue"; a very long name elided), from what the rows show."""
        if self._widths is not None:
            return self._widths
        m, model = self.M, self._actions
        fm = self.fontMetrics()
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 16
        icon = self.iconSize().width() + 8

        def widest(col: int, role: int = Qt.ItemDataRole.DisplayRole) -> int:
            best = 0
            for row in range(model.rowCount()):
                index = model.index(row, col)
                text = index.data(role) or ""
                extra = icon if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0
                best = max(best, fm.horizontalAdvance(text) + extra)
            return best

        def header(col: int) -> int:
            return fm.horizontalAdvance(str(model.headerData(col, Qt.Orientation.Horizontal))) + pad

        check = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self) + pad
        owner = max((fm.horizontalAdvance(n) for n in model.owner_names()), default=0) + pad
        ideal = {m.DONE: max(check, header(m.DONE)), m.OWNER: max(owner, header(m.OWNER)),
                 m.DUE: max(widest(m.DUE) + pad, header(m.DUE)),
                 m.SESSION: max(widest(m.SESSION) + pad, header(m.SESSION))}
        least = dict(ideal)
        least[m.DUE] = max(widest(m.DUE, SHORT_ROLE) + pad, header(m.DUE))
        least[m.OWNER] = min(ideal[m.OWNER], max(header(m.OWNER), fm.horizontalAdvance("M" * 12)))
        self._widths = ideal, least
        return self._widths

    def fit_columns(self) -> None:
        """Share the width by layout.fit_columns' rule, the item's text stretching."""
        if self._user_sized or self._fitting:
            return
        m = self.M
        available = self.viewport().width()
        if available <= 0:
            return
        ideal, least = self.column_widths()
        fm = self.fontMetrics()
        # a fair share: the width of a short action item (measured, never shown)
        text = fm.horizontalAdvance("Ask the approved assistant to critique")
        widths = fit_columns(available, {m.TEXT: text, **ideal}, {m.TEXT: 80, **least}, m.TEXT,
                             floor=min(text, max(140, available // 4)), comfortable=least)
        self._fitting = True
        try:
            for col, width in widths.items():
                if col != m.TEXT and self.columnWidth(col) != width:
                    self.setColumnWidth(col, width)
        finally:
            self._fitting = False

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if (not self._fitting and section != self.M.TEXT
                and QApplication.mouseButtons() != Qt.MouseButton.NoButton):
            self._user_sized = True  # a drag on a column edge: the widths are the user's now

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(obj, event)


def _read_only_table(model: QAbstractItemModel, name: str, parent: QWidget) -> QTableView:
    """A table over `model` that is read, not typed into (a tick box still toggles)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAccessibleName(name)
    return view
