"""The Goals tab: the pair's goals in a sortable, filterable table, and beside it the selected goal
with its milestones and the sessions that discussed it — every field saved the moment it changes."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QSignalBlocker,
    QSize,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.vocab import GoalOwner, GoalStatus
from revmentor_desktop.report.text import by_count, isolate
from revmentor_desktop.ui.controls import ComboBox
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.empty_state import EmptyState
from revmentor_desktop.ui.fit_splitter import FitSplitter
from revmentor_desktop.ui.goals.common import (
    ID_ROLE,
    new_item_keys,
    owner_label,
    owner_role,
    status_label,
)
from revmentor_desktop.ui.goals.pane import GoalPane
from revmentor_desktop.ui.goals.table_model import OPEN, GoalFilterProxy, GoalTableModel
from revmentor_desktop.ui.goals.table_view import GoalTable
from revmentor_desktop.ui.tab_base import FormTab, QuietFlag, select_row
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import PLAIN, DeleteKey

#: A new goal's title until the user names it (written in the user's language).
NEW_GOAL_TITLE = QT_TRANSLATE_NOOP("GoalsTab", "New goal")


class GoalsTab(FormTab):
    """What the pair wants to achieve: goals table (left) and the selected goal (right)."""

    open_entry = Signal(int)  # a journal entry the user asked to open (from "Discussed in")

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self._restoring = QuietFlag()  # selection changes made by a reload, not by the user

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        # Side by side; in a window too narrow for both, the goal under the table (nothing clipped).
        splitter = FitSplitter(self)
        outer.addWidget(splitter)
        self.splitter = splitter
        splitter.addWidget(self._build_left(splitter))
        self.form = self.pane = GoalPane(doc, splitter)  # right: the selected goal
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([6000, 4000])
        self._wire()

        self._load_names()
        self.pane.set_focus_areas(reads.list_focus_areas(doc.store))
        first = self.proxy.index(0, 0)
        if first.isValid():  # open on a goal, not on an empty pane
            self.show_goal(int(first.data(ID_ROLE)))
        self._update_state()
        self.table.fit_columns()

    # -- building ------------------------------------------------------------------------------------

    def _build_left(self, parent: QWidget) -> QWidget:
        """Filters above the table, the goal count and buttons below it."""
        left = QWidget(parent)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._build_filters(left))
        self.model = GoalTableModel(self.doc)
        self.proxy = GoalFilterProxy(self.model)
        self.table = GoalTable(self.model, self.proxy, left)
        left_layout.addWidget(self._build_table_pages(left), 1)
        left_layout.addLayout(self._build_buttons(left))
        left.setMinimumWidth(340)
        return left

    def _build_filters(self, left: QWidget) -> QHBoxLayout:
        filters = QHBoxLayout()
        filter_label = QLabel(self.tr("Fi&lter:"), left)
        self.owner_filter = ComboBox(left)
        self.owner_filter.setAccessibleName(self.tr("Show goals of"))
        self.owner_filter.addItem(self.tr("All owners"), None)
        for owner in GoalOwner:
            self.owner_filter.addItem(owner_role(owner), owner.value)
        self.status_filter = ComboBox(left)
        self.status_filter.setAccessibleName(self.tr("Show goals with status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(self.tr("Open (not started + in progress)"), OPEN)
        for status in GoalStatus:
            self.status_filter.addItem(status_label(status), status.value)
        filter_label.setBuddy(self.owner_filter)
        filters.addWidget(filter_label)
        filters.addWidget(self.owner_filter)
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        return filters

    def _build_table_pages(self, left: QWidget) -> QStackedWidget:
        """The table, or in its place "no goals yet" or "no goal matches these filters"."""
        self.empty_page = EmptyState(left)
        self.empty_heading, self.empty_text = self.empty_page.heading, self.empty_page.text
        self.no_match_page = EmptyState(left, self.tr("No goal matches these filters."))
        self.no_match_page.text.hide()
        self.show_all_button = QPushButton(self.tr("Show All Goals"), self.no_match_page)
        self.show_all_button.setAccessibleName(self.tr("Show all goals"))
        self.no_match_page.place_button(self.show_all_button)
        self.table_stack = QStackedWidget(left)
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_page)
        self.table_stack.addWidget(self.no_match_page)
        return self.table_stack

    def _build_buttons(self, left: QWidget) -> QHBoxLayout:
        bottom = QHBoxLayout()
        self.count = QLabel(left)
        self.count.setTextFormat(PLAIN)
        self.add_button = QPushButton(self.tr("&Add Goal"), left)
        self.add_button.setToolTip(self.tr("Add a goal ({keys})").format(keys=new_item_keys()))
        self.add_button.setAccessibleName(self.tr("Add goal"))
        self.delete_button = QPushButton(self.tr("Delete"), left)
        self.delete_button.setToolTip(self.tr("Delete the selected goal with its milestones (Delete); "
                                              "Undo brings it back"))
        self.delete_button.setAccessibleName(self.tr("Delete goal"))
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.delete_button)
        return bottom

    def _wire(self) -> None:
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(lambda _i: self.pane.focus_title())
        DeleteKey(self.table, self.delete_goal, lambda: True)
        self.owner_filter.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.show_all_button.clicked.connect(self.clear_filters)
        self.add_button.clicked.connect(self.new_item)
        self.delete_button.clicked.connect(self.delete_goal)
        self.pane.open_entry.connect(self.open_entry)
        QWidget.setTabOrder(self.owner_filter, self.status_filter)
        QWidget.setTabOrder(self.status_filter, self.table)
        QWidget.setTabOrder(self.table, self.add_button)
        QWidget.setTabOrder(self.add_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.pane.title)

    # -- selection and state -------------------------------------------------------------------------

    def show_goal(self, goal_id: int) -> bool:
        """Select a goal and show it in the pane, as if the user had clicked it."""
        if not self.select_goal(goal_id, scroll=True):
            return False
        self.pane.set_goal(goal_id)
        self._update_state()
        return True

    def _load_names(self) -> None:
        p = self.doc.partnership()
        mentor, mentee = isolate(p.mentor_name), isolate(p.mentee_name)  # shown inside our words
        self.model.set_names(mentor, mentee)
        self.pane.set_names(mentor, mentee)
        names = {"mentor": mentor, "mentee": mentee}
        self.owner_filter.setItemText(1, owner_label(GoalOwner.MENTOR, names))
        self.owner_filter.setItemText(2, owner_label(GoalOwner.MENTEE, names))

    def selected_goal_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return int(value) if value is not None else None

    def select_goal(self, goal_id: int | None, *, scroll: bool = False) -> bool:
        """Put the table's selection on a goal (None: clear it) without it counting as a user pick."""
        with self._restoring:
            row = self.model.row_of(goal_id) if goal_id is not None else -1
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
            return select_row(self.table, index, scroll=scroll)

    def _selection_changed(self) -> None:
        if self._restoring:
            return
        goal_id = self.selected_goal_id()
        if goal_id != self.pane.goal_id:
            self.pane.flush()  # may reload the table, and put the selection back for a moment
            self.select_goal(goal_id)
            self.pane.set_goal(goal_id)
        self._update_state()

    def _after_reload(self) -> None:
        """Keep the table's selection and the pane on the same goal after any reload or filter change."""
        goal_id = self.pane.goal_id
        if goal_id is not None and self.model.row_of(goal_id) < 0:
            self.pane.set_goal(None, save_pending=False)  # deleted, or hidden as private
            goal_id = None
        self.select_goal(goal_id)
        self._update_state()

    def _update_state(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 0:
            if self.doc.hide_private:
                self.empty_heading.setText(self.tr("No goals to show."))
                self.empty_text.setText(self.tr("Private goals are hidden while private entries are hidden "
                                                "(View menu)."))
            else:
                self.empty_heading.setText(self.tr("No goals yet."))
                self.empty_text.setText(self.tr("Write down what the two of you want to achieve — together, "
                                                "or each on your own. Press Add Goal ({keys}) to start.")
                                        .format(keys=new_item_keys()))
            self.table_stack.setCurrentWidget(self.empty_page)
        elif shown == 0:
            self.table_stack.setCurrentWidget(self.no_match_page)
        else:
            self.table_stack.setCurrentWidget(self.table)
        if self.proxy.filtering:
            count = by_count(total, self.tr("{shown} of {total} goal"), self.tr("{shown} of {total} goals"))
        else:
            count = by_count(total, self.tr("{total} goal"), self.tr("{total} goals"))
        self.count.setText(count.format(shown=shown, total=total))
        goal_id = self.pane.goal_id
        g = self.model.goal_at(self.model.row_of(goal_id)) if goal_id is not None else None
        self.pane.set_filtered(g is not None and not self.proxy.accepts(g))
        ro = self.doc.read_only
        self.add_button.setEnabled(not ro)
        self.delete_button.setEnabled(not ro and self.selected_goal_id() is not None)

    def _filters_changed(self) -> None:
        with self._restoring:
            self.proxy.set_filters(self.owner_filter.currentData(), self.status_filter.currentData())
        self._after_reload()

    def clear_filters(self) -> None:
        with QSignalBlocker(self.owner_filter), QSignalBlocker(self.status_filter):
            self.owner_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
        self._filters_changed()

    # -- goals ---------------------------------------------------------------------------------------

    def delete_goal(self) -> None:
        goal_id = self.selected_goal_id()
        if goal_id is None or self.doc.read_only:
            return
        row = self.table.currentIndex().row()
        self.pane.flush()  # undo then brings back what was just typed, too
        if self.doc.run(commands.delete_goal(goal_id)) is not None:
            n = self.proxy.rowCount()
            if n:
                index = self.proxy.index(min(row, n - 1), 0)
                self.table.setCurrentIndex(index)  # a pick like the user's: the pane follows

    # -- the tab protocol (ui/tab.py) ----------------------------------------------------------------

    def new_item(self) -> None:
        if self.doc.read_only:
            return
        self.pane.flush()
        done = self.doc.run(commands.add_goal(self.tr(NEW_GOAL_TITLE), owner=GoalOwner.SHARED.value,
                                              status=GoalStatus.NOT_STARTED.value))
        if done is None:
            return
        new_id = done.value
        g = self.model.goal_at(self.model.row_of(new_id))
        if g is not None and not self.proxy.accepts(g):
            self.clear_filters()
        self.select_goal(new_id, scroll=True)
        self.pane.set_goal(new_id)
        self._update_state()
        self.pane.focus_title()

    def delete_selection(self) -> None:
        if self.pane.milestones.hasFocus():
            self.pane.delete_milestone()
        else:
            self.delete_goal()

    def show_problem(self, message: str) -> None:
        self.pane.show_problem(message)

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if Change.PRIVACY in kinds and self.doc.hide_private and self.pane.showing_private:
            self.pane.flush()  # save typing before the goal vanishes from view
        if Change.NAMES in kinds:
            self._load_names()
        if Change.FOCUS_AREAS in kinds:
            self.pane.set_focus_areas(reads.list_focus_areas(self.doc.store))
        if kinds & {Change.GOALS, Change.MILESTONES, Change.PRIVACY}:
            with self._restoring:
                self.model.reload()
            self._after_reload()
            self.table.fit_columns()
        self.pane.on_changed(kinds, initiator)

    def sizeHint(self) -> QSize:
        return QSize(1200, 760)
