"""The Skills tab: each partner's skills and their ratings in tables, and the progress chart beside
them — drawn by matplotlib, which is imported only the first time the tab is shown."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.compute import RatingPoint, rating_gaps
from revmentor_desktop.data.vocab import Role
from revmentor_desktop.report.text import isolate
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.fit_splitter import FitSplitter
from revmentor_desktop.ui.skills.chart_panel import ChartPanel
from revmentor_desktop.ui.skills.empty_page import EmptyPage
from revmentor_desktop.ui.skills.filters import FilterBar
from revmentor_desktop.ui.skills.labels import NEW_SKILL_NAME
from revmentor_desktop.ui.skills.rating_table import RatingTableModel
from revmentor_desktop.ui.skills.ratings_pane import RatingsPane
from revmentor_desktop.ui.skills.rows import SkillRow, skill_rows
from revmentor_desktop.ui.skills.sessions import SessionListModel
from revmentor_desktop.ui.skills.skill_table import SkillTableModel
from revmentor_desktop.ui.skills.skills_pane import SkillsPane
from revmentor_desktop.ui.skills.views import scrolling
from revmentor_desktop.ui.tab_base import DocumentTab
from revmentor_desktop.ui.widgets import DeleteKey, problem_label

if TYPE_CHECKING:  # matplotlib is heavy: imported for real the first time the tab is shown
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from revmentor_desktop.report.charts import SkillSeries

#: Which kinds of change alter what the chart shows (entries and privacy do not).
CHART_KINDS = frozenset({Change.SKILLS, Change.RATINGS, Change.NAMES})


class SkillsTab(DocumentTab):
    """Skills both partners are growing: tables (left) and their progress over time (right)."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.names: dict[str, str] = {"mentor": "", "mentee": ""}
        self.focus_areas: list[str] = []
        self.sessions = SessionListModel()
        self.skill_model = SkillTableModel(doc)
        self.rating_model = RatingTableModel(doc, self.sessions)
        self._skills: list[reads.SkillRow] = []  # rows from the file, as the chart wants them
        self._ratings: list[reads.RatingRow] = []
        self._points: list[RatingPoint] = []
        self._rows: list[SkillRow] = []  # every skill's table row; the filters pick from them
        self._gaps: dict[int, int] = {}
        self._series: dict[int, SkillSeries] | None = None  # the chart's data, by skill
        self._chart_dirty = True

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.filters = FilterBar(self)
        self.person_filter, self.skill_filter = self.filters.person_filter, self.filters.skill_filter
        outer.addWidget(self.filters)
        # Side by side; in a window too narrow for both, the chart under the tables.
        self.splitter = FitSplitter(self)
        outer.addWidget(self.splitter)
        self.splitter.addWidget(self._build_left())
        self.splitter.addWidget(self._build_chart())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([6200, 3800])
        self._connect()
        self._set_tab_order()
        # Nothing is read from the file until the tab is first shown (see `_refresh`).
        self._stale = {"names", "focus", "rows", "sessions"}

    # -- building ------------------------------------------------------------------------------------

    def _build_left(self) -> QStackedWidget:
        """The tables, or (before there are any skills) what to do about it."""
        self.left = QStackedWidget(self.splitter)
        self.empty_page = EmptyPage(self.left)
        self.empty_add_button = self.empty_page.add_button
        self.left.addWidget(self.empty_page)
        self.tables_page = QWidget(self.left)
        self.left.addWidget(self.tables_page)
        tables = QVBoxLayout(self.tables_page)
        tables.setContentsMargins(0, 0, 0, 0)
        self.problem = problem_label(self.tables_page)
        self.problem.hide()
        tables.addWidget(self.problem)
        self.inner_splitter = self._build_tables(self.tables_page)
        tables.addWidget(self.inner_splitter, 1)
        self.left.setMinimumWidth(360)
        return self.left

    def _build_tables(self, parent: QWidget) -> QSplitter:
        """Skills above, the selected skill's ratings below. In a small window the two halves
        scroll rather than squeeze their fields on top of each other (the rating form wraps onto
        more rows when the pane is narrow)."""
        inner = QSplitter(Qt.Orientation.Vertical, parent)
        inner.setChildrenCollapsible(False)
        self.skills_pane = SkillsPane(self.skill_model, self, inner)
        self.ratings_pane = RatingsPane(self.rating_model, self, inner)
        inner.addWidget(scrolling(self.skills_pane, inner))
        inner.addWidget(scrolling(self.ratings_pane, inner))
        inner.setStretchFactor(0, 1)
        inner.setStretchFactor(1, 1)
        inner.setSizes([4600, 5400])
        # The panes' widgets under the tab's names (which the window's tests use as well).
        s, r = self.skills_pane, self.ratings_pane
        self.skills_view, self.add_skill_button, self.delete_skill_button = s.view, s.add_button, s.delete_button
        self.ratings_view, self.ratings_heading = r.view, r.heading
        self.rate_date, self.rate_level, self.rate_by = r.rate_date, r.rate_level, r.rate_by
        self.rate_note, self.rate_session = r.rate_note, r.rate_session
        self.add_rating_button, self.delete_rating_button = r.add_button, r.delete_button
        return inner

    def _build_chart(self) -> ChartPanel:
        self.chart = ChartPanel(self.splitter)
        return self.chart

    def _connect(self) -> None:
        self.skills_view.selectionModel().currentRowChanged.connect(lambda *_: self._skill_selected())
        self.ratings_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_skill_button.clicked.connect(self.new_item)
        self.empty_add_button.clicked.connect(self.new_item)
        self.delete_skill_button.clicked.connect(self.delete_skill)
        self.add_rating_button.clicked.connect(self.add_rating)
        self.rate_note.returnPressed.connect(self.add_rating)
        self.delete_rating_button.clicked.connect(self.delete_rating)
        self.filters.changed.connect(self._filters_changed)
        # The list of sessions is read once the chart has painted for the first time.
        self.chart.first_painted.connect(lambda: QTimer.singleShot(0, self._load_sessions))
        self._delete_keys = (DeleteKey(self.skills_view, self.delete_skill, self._writable),
                             DeleteKey(self.ratings_view, self.delete_rating, self._writable))

    def _set_tab_order(self) -> None:
        chain = (self.person_filter, self.skill_filter, self.skills_view, self.add_skill_button, self.delete_skill_button, self.ratings_view,
                 self.rate_date, self.rate_level, self.rate_by, self.rate_note, self.rate_session,
                 self.add_rating_button, self.delete_rating_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    @property
    def canvas(self) -> FigureCanvasQTAgg | None:
        """The chart's canvas, once the chart has been drawn (and matplotlib imported)."""
        return self.chart.canvas

    # -- loading -------------------------------------------------------------------------------------

    def _refresh(self) -> None:
        """Catch up with the changes made while the tab was hidden (all of them, at first show).

        Hidden, the tab only notes what went stale: a journal edit or a new name costs it nothing.
        The list of sessions (one query over the whole journal) and the chart come a moment after
        the tab has painted.
        """
        stale, self._stale = self._stale, set()
        if "names" in stale and self._load_names():
            stale.add("rows")
            self._chart_dirty = True
        if "focus" in stale:
            self._load_focus_areas()
        if "rows" in stale:
            self._reload()
        if "sessions" in stale:
            self._stale.add("sessions")
        if self.canvas is None:
            # matplotlib's first import and draw take a moment: let the tables paint first, and
            # read the sessions once the chart is under way (`_first_chart`).
            QTimer.singleShot(0, self._first_chart)
            return
        if self._chart_dirty:
            QTimer.singleShot(0, self._redraw_if_dirty)
        if "sessions" in self._stale:
            QTimer.singleShot(0, self._load_sessions)

    def settled(self) -> bool:
        """Is everything on screen up to date (nothing waiting for the event loop)?"""
        return not self._stale and self.canvas is not None and not self._chart_dirty

    def _load_names(self) -> bool:
        """Read the partners' names; True when they changed."""
        p = self.doc.partnership()
        names = {Role.MENTOR.value: isolate(p.mentor_name), Role.MENTEE.value: isolate(p.mentee_name)}
        if names == self.names:
            return False
        self.names = names
        self.skill_model.set_names(self.names)
        self.rating_model.set_names(self.names)
        self.empty_page.set_names(self.names)
        self.filters.set_people(self.names)
        return True

    def _load_focus_areas(self) -> None:
        self.focus_areas = reads.list_focus_areas(self.doc.store)

    def _load_sessions(self) -> None:
        if "sessions" not in self._stale or not self.isVisible():
            return
        self._stale.discard("sessions")
        self.ratings_pane.set_sessions(
            reads.list_entries(self.doc.store, include_private=not self.doc.hide_private))

    def _reload(self) -> None:
        """Two queries (skills, all ratings); the tables, the gap flags and the chart share them."""
        store = self.doc.store
        self._skills = reads.list_skills(store)
        self._ratings = reads.list_ratings(store)
        self._points = [RatingPoint(r.skill_id, r.rated_on, r.level, r.rated_by) for r in self._ratings]
        self._rows = skill_rows(self._skills, self._points)
        self._gaps = rating_gaps(self._points)
        self._series = None
        self.filters.set_skills(self._skills, self.names)
        self._show_rows()
        self.skills_pane.fit_columns(self._rows)
        self.left.setCurrentWidget(self.tables_page if self._rows else self.empty_page)

    def _show_rows(self) -> None:
        """The skills the filters let through, in the table; the current one kept if it is there."""
        rows = [r for r in self._rows if self.filters.lets_through(r.owner, r.id)]
        keep = self.selected_skill_id()
        keep_row = self.skills_pane.current_row()
        self.skill_model.set_rows(rows)
        self.skills_pane.show_count(len(rows), len(self._rows))
        if keep is not None and self.skill_model.row_of(keep) >= 0:
            self.select_skill(keep)
        elif rows:
            self.skills_pane.go_to_row(min(max(keep_row, 0), len(rows) - 1))
        self._load_ratings()
        self._update_buttons()

    def _load_ratings(self) -> None:
        skill = self.selected_skill()
        owner = skill.owner if skill is not None else Role.MENTEE.value
        rows = [r for r in self._ratings if skill is not None and r.skill_id == skill.id]
        keep = self.selected_rating_id()
        self.rating_model.set_rows(rows, owner)
        if keep is not None:
            self.ratings_pane.select(keep)
        self.ratings_pane.show_skill(skill, bool(rows), self.names)

    # -- selection -----------------------------------------------------------------------------------

    def selected_skill(self) -> SkillRow | None:
        return self.skills_pane.current()

    def selected_skill_id(self) -> int | None:
        s = self.selected_skill()
        return s.id if s is not None else None

    def selected_rating_id(self) -> int | None:
        return self.ratings_pane.selected_id()

    def select_skill(self, skill_id: int) -> bool:
        return self.skills_pane.select(skill_id)

    def _skill_selected(self) -> None:
        self._load_ratings()
        self._update_buttons()

    def _writable(self) -> bool:
        return not self.doc.read_only

    def _update_buttons(self) -> None:
        writable = self._writable()
        self.skills_pane.set_editable(writable)
        self.empty_add_button.setEnabled(writable)
        self.ratings_pane.set_editable(writable, self.selected_skill() is not None)

    # -- editing -------------------------------------------------------------------------------------

    def _default_owner(self) -> str:
        person = self.filters.person()
        if person is not None:
            return person
        skill = self.selected_skill()
        return skill.owner if skill is not None else Role.MENTEE.value

    def new_item(self) -> None:
        """Add a skill and put the cursor in its name."""
        if self.doc.read_only:
            return
        self.flush()
        self.filters.show_all_skills()  # the new skill must be in the table to be named
        done = self.doc.run(commands.add_skill(self.tr(NEW_SKILL_NAME), self._default_owner()))
        if done is None or not self.select_skill(done.value):
            return
        new_id = int(done.value)
        index = self.skill_model.index(self.skill_model.row_of(new_id), SkillTableModel.NAME)
        self.skills_view.setFocus()
        self.skills_view.edit(index)
        editor = self.skills_view.focusWidget()
        if isinstance(editor, QLineEdit):
            editor.selectAll()  # typing replaces the placeholder name

    def delete_skill(self) -> None:
        skill = self.selected_skill()
        if skill is None:
            return
        row = self.skills_pane.current_row()
        self.flush()
        if self.doc.run(commands.delete_skill(skill.id)) is not None:
            self.skills_pane.go_to_row(min(row, self.skill_model.rowCount() - 1))

    def add_rating(self) -> None:
        skill = self.selected_skill()
        if skill is None or self.doc.read_only:
            return
        day, level, values = self.ratings_pane.new_rating()
        done = self.doc.run(commands.add_rating(skill.id, day, level, **values))
        if done is None:
            return
        self.rate_note.clear()
        self.ratings_pane.select(int(done.value), scroll=True)

    def delete_rating(self) -> None:
        rating_id = self.selected_rating_id()
        if rating_id is None:
            return
        row = self.rating_model.row_of(rating_id)
        if self.doc.run(commands.delete_rating(rating_id)) is not None:
            n = self.rating_model.rowCount()
            if n:
                self.ratings_view.selectRow(min(row, n - 1))
            self._update_buttons()

    # -- the tab protocol (ui/tab.py) ----------------------------------------------------------------

    def delete_selection(self) -> None:
        if self.ratings_view.hasFocus() and self.selected_rating_id() is not None:
            self.delete_rating()
        else:
            self.delete_skill()

    def flush(self) -> None:
        """Save and close an editor still open in a table cell (before undo, closing the file…)."""
        for view in (self.skills_view, self.ratings_view):
            editor = view.focusWidget() if view.state() == QAbstractItemView.State.EditingState else None
            while editor is not None and editor.parentWidget() is not view.viewport():
                editor = editor.parentWidget()
            if editor is not None:
                delegate = view.itemDelegate()
                delegate.commitData.emit(editor)
                delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def has_unsaved(self) -> bool:
        """Nothing waits: a cell's editor is saved by `flush`, and a refused value is not kept."""
        return False

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))  # "" clears it

    def on_changed(self, changes: Changes, initiator: object = None) -> None:
        if changes - {Change.PRIVACY}:
            self.problem.hide()  # something was saved: an earlier complaint is stale
        if Change.NAMES in changes:
            self._stale.add("names")
        if Change.FOCUS_AREAS in changes:
            self._stale.add("focus")
        if changes & {Change.ENTRIES, Change.PRIVACY}:
            self._stale.add("sessions")
        if Change.PRIVACY in changes and self.doc.hide_private:
            self.ratings_pane.drop_private_sessions()
        # (Deleting a session that ratings came from reports RATINGS too: the edit says so.)
        if changes & {Change.SKILLS, Change.RATINGS}:
            self._stale.add("rows")
        if changes & CHART_KINDS - {Change.NAMES}:  # new names redraw only when the names changed
            self._chart_dirty = True
        if self.isVisible():
            self._refresh()

    def sizeHint(self) -> QSize:
        return QSize(1200, 760)

    # -- the chart -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh()

    def _first_chart(self) -> None:
        if self.canvas is None and self.isVisible():
            self.redraw_chart()  # the session list waits for its first paint (`first_painted`)

    def _redraw_if_dirty(self) -> None:
        if self.canvas is not None and self.isVisible() and self._chart_dirty:
            self.redraw_chart()

    def _filters_changed(self) -> None:
        """Narrow the table and the chart to what the filters let through (the chart now if it is
        on screen, else once when the tab is next shown)."""
        self._show_rows()
        self._chart_dirty = True
        if self.canvas is not None and self.isVisible():
            self.redraw_chart()

    def chart_series(self) -> list[SkillSeries]:
        """The chart's data under the current filters (each skill's worked out once per change
        of the data, not per change of the filters)."""
        from revmentor_desktop.report.charts import series_from

        if self._series is None:
            self._series = {s.skill_id: s for s in series_from(self._skills, self._ratings, self.names)}
        return [self._series[s.id] for s in self.filters.shown(self._skills) if s.id in self._series]

    def redraw_chart(self) -> None:
        """Show the current data under the current filters in the chart."""
        self.chart.show_chart(self.chart_series(), self._gaps)
        self._chart_dirty = False
