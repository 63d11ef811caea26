"""The Skills tab: each partner's skills and their ratings in tables, and the progress chart beside
them — drawn by matplotlib, which is imported only the first time the tab is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QObject,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, ops, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.compute import RatingPoint, rating_gaps
from revmentor_desktop.data.vocab import RatedBy, Role
from revmentor_desktop.report.text import isolate
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.skills.chart_panel import ChartPanel
from revmentor_desktop.ui.skills.delegates import RatingDelegate, SkillDelegate
from revmentor_desktop.ui.skills.labels import (
    LEVELS,
    NEW_SKILL_NAME,
    rater_label,
)
from revmentor_desktop.ui.skills.rating_table import RatingTableModel
from revmentor_desktop.ui.skills.rows import SkillRow, rating_row, skill_rows
from revmentor_desktop.ui.skills.sessions import SessionListModel
from revmentor_desktop.ui.skills.skill_table import SkillTableModel
from revmentor_desktop.ui.widgets import (
    PLAIN,
    FlowLayout,
    from_qdate,
    labelled,
    make_date_edit,
    muted_label,
    problem_label,
)

if TYPE_CHECKING:  # matplotlib is heavy: imported for real the first time the tab is shown
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from revmentor_desktop.data.models import Skill, SkillRating
    from revmentor_desktop.report.charts import SkillSeries

#: Which kinds of change alter what the chart shows (entries and privacy do not).
CHART_KINDS = frozenset({Change.SKILLS, Change.RATINGS, Change.NAMES})


# -- the tab ---------------------------------------------------------------------------------------


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.SelectedClicked)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setIconSize(QSize(16, 16))
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(40)
    return view


def _fit_columns(view: QTableView, widths: dict[int, str]) -> None:
    """Column widths from sample text, not from the rows (no ResizeToContents); the user may drag
    them, and the last column takes what room is left."""
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    for col, sample in widths.items():
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(col, metrics.horizontalAdvance(sample) + 28)
    header.setStretchLastSection(True)


def _scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area that grows it to fill the room there is."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll


class SkillsTab(QWidget):
    """Skills both partners are growing: tables (left) and their progress over time (right)."""

    title = "S&kills"

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        doc.changed.connect(self.on_changed)  # the tab listens for itself; skips its own edits
        self.doc = doc
        self.names: dict[str, str] = {"mentor": "", "mentee": ""}
        self.focus_areas: list[str] = []
        self.sessions = SessionListModel()
        self._skills: list[Skill] = []  # rows from the file, as the chart wants them
        self._ratings: list[SkillRating] = []
        self._points: list[RatingPoint] = []
        self._chart_dirty = True

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter)

        # -- left: the tables, or what to do when there are none -----------------------------------
        self.left = QStackedWidget(self.splitter)
        self.empty_page = self._make_empty_page()
        self.left.addWidget(self.empty_page)
        self.tables_page = QWidget(self.left)
        self.left.addWidget(self.tables_page)
        tables = QVBoxLayout(self.tables_page)
        tables.setContentsMargins(0, 0, 0, 0)
        self.problem = problem_label(self.tables_page)
        self.problem.hide()
        tables.addWidget(self.problem)
        inner = QSplitter(Qt.Orientation.Vertical, self.tables_page)
        inner.setChildrenCollapsible(False)
        tables.addWidget(inner, 1)
        self.inner_splitter = inner

        skills_part = QWidget(inner)
        skills_layout = QVBoxLayout(skills_part)
        skills_layout.setContentsMargins(0, 0, 0, 4)
        skills_heading = self._heading("Skills", skills_part)
        skills_layout.addWidget(skills_heading)
        self.skill_model = SkillTableModel(doc)
        self.skills_view = _table(skills_part, "Skills")
        self.skills_view.setModel(self.skill_model)
        self.skills_view.setItemDelegate(SkillDelegate(self, self.skills_view))
        m = SkillTableModel
        _fit_columns(self.skills_view, {
            m.NAME: "Stakeholder managem", m.WHOSE: "Morgan Hale", m.FOCUS: "Technology ado",
            m.TARGET: "Target", m.SELF: "Latest", m.PARTNER: "partner",
            m.GAP: "Self 2 · Partner 4 — talk about it",
        })
        self.skills_view.setMinimumHeight(140)
        skills_layout.addWidget(self.skills_view, 1)
        skill_buttons = QHBoxLayout()
        self.add_skill_button = QPushButton("&Add Skill", skills_part)
        self.add_skill_button.setToolTip("Add a skill, then type its name (Ctrl+N)")
        self.add_skill_button.setAccessibleName("Add skill")
        self.delete_skill_button = QPushButton("Delete Skill", skills_part)
        self.delete_skill_button.setToolTip("Delete the selected skill with its ratings (Delete); "
                                            "Undo brings them back")
        self.delete_skill_button.setAccessibleName("Delete skill")
        self.skills_hint = muted_label("Double-click a cell (or press F2) to change it.", skills_part)
        skill_buttons.addWidget(self.add_skill_button)
        skill_buttons.addWidget(self.delete_skill_button)
        skill_buttons.addWidget(self.skills_hint, 1)
        skills_layout.addLayout(skill_buttons)

        ratings_part = QWidget(inner)
        ratings_layout = QVBoxLayout(ratings_part)
        ratings_layout.setContentsMargins(0, 4, 0, 0)
        self.ratings_heading = self._heading("", ratings_part)
        self.ratings_heading.setWordWrap(True)
        ratings_layout.addWidget(self.ratings_heading)
        self.rating_model = RatingTableModel(doc, self.sessions)
        self.ratings_view = _table(ratings_part, "Ratings of the selected skill")
        self.ratings_view.setModel(self.rating_model)
        self.ratings_view.setItemDelegate(RatingDelegate(self, self.rating_model, self.ratings_view))
        # No buddy: a buddy makes "&" in a skill's name a keyboard shortcut.
        r = RatingTableModel
        _fit_columns(self.ratings_view, {
            r.DATE: "00 May 0000", r.LEVEL: "Level", r.BY: "Partner",
            r.NOTE: "Noticeably more confident.", r.SESSION: "00 May 0000 — Board presentations",
        })
        self.ratings_view.setMinimumHeight(110)
        ratings_layout.addWidget(self.ratings_view, 1)

        # the new-rating form: set it up, then Add Rating
        form = QGridLayout()
        form.setContentsMargins(0, 4, 0, 0)
        form.setHorizontalSpacing(8)
        top = FlowLayout(spacing=12)
        self.rate_date = make_date_edit(ratings_part)
        self.rate_date.setAccessibleName("Date of the new rating")
        self.rate_level = QSpinBox(ratings_part)
        self.rate_level.setRange(LEVELS.start, LEVELS.stop - 1)
        self.rate_level.setValue(3)
        self.rate_level.setAccessibleName("Level of the new rating, 1 to 5")
        self.rate_level.setToolTip("1 just starting · 2 getting there · 3 comfortable · "
                                   "4 confident · 5 could teach it")
        self.rate_by = QComboBox(ratings_part)
        self.rate_by.setAccessibleName("Who gives the new rating")
        top.addWidget(labelled("&Date:", self.rate_date, ratings_part))
        top.addWidget(labelled("&Level:", self.rate_level, ratings_part))
        top.addWidget(labelled("Rated &by:", self.rate_by, ratings_part))
        form.addLayout(top, 0, 0, 1, 2)
        self.rate_note = QLineEdit(ratings_part)
        self.rate_note.setPlaceholderText("Optional: why this level? (Enter adds the rating)")
        self.rate_note.setAccessibleName("Note for the new rating")
        self.rate_session = QComboBox(ratings_part)
        self.rate_session.setModel(self.sessions)
        self.rate_session.setAccessibleName("Session the new rating came from")
        self.rate_session.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rate_session.setMinimumContentsLength(16)
        self.rate_session.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        note_label = QLabel("&Note:", ratings_part)
        note_label.setBuddy(self.rate_note)
        session_label_ = QLabel("Fro&m session:", ratings_part)
        session_label_.setBuddy(self.rate_session)
        form.addWidget(note_label, 1, 0)
        form.addWidget(self.rate_note, 1, 1)
        form.addWidget(session_label_, 2, 0)
        form.addWidget(self.rate_session, 2, 1)
        form.setColumnStretch(1, 1)
        ratings_layout.addLayout(form)
        rating_buttons = QHBoxLayout()
        self.add_rating_button = QPushButton("Add &Rating", ratings_part)
        self.add_rating_button.setToolTip("Add a rating of the selected skill with the values above")
        self.add_rating_button.setAccessibleName("Add rating")
        self.delete_rating_button = QPushButton("Delete Rating", ratings_part)
        self.delete_rating_button.setToolTip("Delete the selected rating (Delete while the ratings "
                                             "have focus); Undo brings it back")
        self.delete_rating_button.setAccessibleName("Delete rating")
        rating_buttons.addWidget(self.add_rating_button)
        rating_buttons.addWidget(self.delete_rating_button)
        rating_buttons.addStretch(1)
        ratings_layout.addLayout(rating_buttons)
        # In a small window the two halves scroll rather than squeeze their fields on top of each
        # other (the rating form wraps onto more rows when the pane is narrow).
        inner.addWidget(_scrolling(skills_part, inner))
        inner.addWidget(_scrolling(ratings_part, inner))
        inner.setStretchFactor(0, 1)
        inner.setStretchFactor(1, 1)
        inner.setSizes([4600, 5400])
        self.left.setMinimumWidth(360)

        # -- right: filters and the chart ----------------------------------------------------------
        self.chart = ChartPanel(self.splitter)
        self.person_filter, self.skill_filter = self.chart.person_filter, self.chart.skill_filter
        self.chart_hint = self.chart.chart_hint
        self.skills_view.installEventFilter(self)
        self.ratings_view.installEventFilter(self)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([6200, 3800])

        # -- wiring --------------------------------------------------------------------------------
        self.skills_view.selectionModel().currentRowChanged.connect(lambda *_: self._skill_selected())
        self.ratings_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_skill_button.clicked.connect(self.new_item)
        self.empty_add_button.clicked.connect(self.new_item)
        self.delete_skill_button.clicked.connect(self.delete_skill)
        self.add_rating_button.clicked.connect(self.add_rating)
        self.rate_note.returnPressed.connect(self.add_rating)
        self.delete_rating_button.clicked.connect(self.delete_rating)
        self.rate_date.dateChanged.connect(lambda _d: self._match_session())
        self.chart.filters_changed.connect(self._chart_data_changed)
        self.chart.resized.connect(self._resized)
        # The list of sessions is read once the chart has painted for the first time.
        self.chart.first_painted.connect(lambda: QTimer.singleShot(0, self._load_sessions))

        QWidget.setTabOrder(self.skills_view, self.add_skill_button)
        QWidget.setTabOrder(self.add_skill_button, self.delete_skill_button)
        QWidget.setTabOrder(self.delete_skill_button, self.ratings_view)
        QWidget.setTabOrder(self.ratings_view, self.rate_date)
        QWidget.setTabOrder(self.rate_date, self.rate_level)
        QWidget.setTabOrder(self.rate_level, self.rate_by)
        QWidget.setTabOrder(self.rate_by, self.rate_note)
        QWidget.setTabOrder(self.rate_note, self.rate_session)
        QWidget.setTabOrder(self.rate_session, self.add_rating_button)
        QWidget.setTabOrder(self.add_rating_button, self.delete_rating_button)
        QWidget.setTabOrder(self.delete_rating_button, self.person_filter)
        QWidget.setTabOrder(self.person_filter, self.skill_filter)

        # Nothing is read from the file until the tab is first shown (see `_refresh`).
        self._stale = {"names", "focus", "rows", "sessions"}

    # -- building ------------------------------------------------------------------------------------

    @staticmethod
    def _heading(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setTextFormat(PLAIN)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _make_empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        heading = QLabel("No skills yet", page)
        heading.setTextFormat(PLAIN)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        self.empty_text = QLabel(page)
        self.empty_text.setTextFormat(PLAIN)
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_text)
        layout.addSpacing(12)
        self.empty_add_button = QPushButton("&Add Skill", page)
        self.empty_add_button.setAccessibleName("Add skill")
        self.empty_add_button.setToolTip("Add a skill, then type its name (Ctrl+N)")
        self.empty_add_button.setDefault(True)
        font = self.empty_add_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.empty_add_button.setFont(font)
        self.empty_add_button.setMinimumSize(200, 44)
        layout.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

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
        if self._chart_dirty or self.chart.legend_misplaced():
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
        self.empty_text.setText(
            f"List the skills each of you wants to grow — say, “Using AI assistants” for "
            f"{isolate(p.mentee_name)} or “Coaching” for {isolate(p.mentor_name)}. Rate each one now and again after "
            "sessions, yourself and your partner, and the chart shows how you are getting on.")
        self.chart.set_people(self.names)
        return True

    def _load_focus_areas(self) -> None:
        self.focus_areas = reads.list_focus_areas(self.doc.store)

    def _load_sessions(self) -> None:
        if "sessions" not in self._stale or not self.isVisible():
            return
        self._stale.discard("sessions")
        current = self.rate_session.currentData()
        with QSignalBlocker(self.rate_session):
            self.sessions.set_entries(
                ops.list_entries(self.doc.store, include_private=not self.doc.hide_private))
            self.rate_session.setCurrentIndex(max(0, self.sessions.row_of(current)))
        if current is None:
            self._match_session()

    def _reload(self) -> None:
        """Two queries (skills, all ratings); the tables, the gap flags and the chart share them."""
        store = self.doc.store
        self._skills = ops.list_skills(store)
        self._ratings = ops.list_ratings(store)
        self._points = [RatingPoint(r.skill_id, r.rated_on, r.level, r.rated_by) for r in self._ratings]
        rows = skill_rows(self._skills, self._points)
        keep = self.selected_skill_id()
        keep_row = self.skills_view.currentIndex().row()
        self.skill_model.set_rows(rows)
        if keep is not None and self.skill_model.row_of(keep) >= 0:
            self.select_skill(keep)
        elif rows:
            self._select_skill_row(min(max(keep_row, 0), len(rows) - 1))
        self._load_ratings()
        self.chart.set_skills(self._skills, self.names)
        self.left.setCurrentWidget(self.tables_page if rows else self.empty_page)
        self._update_buttons()

    def _load_ratings(self) -> None:
        skill = self.selected_skill()
        owner = skill.owner if skill is not None else Role.MENTEE.value
        rows = [rating_row(r) for r in self._ratings if skill is not None and r.skill_id == skill.id]
        keep = self.selected_rating_id()
        self.rating_model.set_rows(rows, owner)
        if keep is not None and self.rating_model.row_of(keep) >= 0:
            self.ratings_view.selectRow(self.rating_model.row_of(keep))
        if skill is None:
            self.ratings_heading.setText("Select a skill to see and add its ratings.")
        elif rows:
            self.ratings_heading.setText(f"Ratings of “{skill.name}” ({self.names.get(owner, '')})")
        else:
            self.ratings_heading.setText(f"No ratings of “{skill.name}” yet: choose a level below "
                                         "and press Add Rating.")
        with QSignalBlocker(self.rate_by):
            by = self.rate_by.currentData() or RatedBy.SELF.value
            self.rate_by.clear()
            for value in (RatedBy.SELF.value, RatedBy.PARTNER.value):
                self.rate_by.addItem(rater_label(owner, value, self.names), value)
            self.rate_by.setCurrentIndex(max(0, self.rate_by.findData(by)))

    # -- selection -----------------------------------------------------------------------------------

    def selected_skill(self) -> SkillRow | None:
        idx = self.skills_view.currentIndex()
        return self.skill_model.skill_at(idx.row()) if idx.isValid() else None

    def selected_skill_id(self) -> int | None:
        s = self.selected_skill()
        return s.id if s is not None else None

    def selected_rating_id(self) -> int | None:
        rows = self.ratings_view.selectionModel().selectedRows()
        r = self.rating_model.rating_at(rows[0].row()) if rows else None
        return r.id if r is not None else None

    def _select_skill_row(self, row: int) -> None:
        if 0 <= row < self.skill_model.rowCount():
            index = self.skill_model.index(row, SkillTableModel.NAME)
            self.skills_view.setCurrentIndex(index)
            self.skills_view.scrollTo(index)

    def select_skill(self, skill_id: int) -> bool:
        row = self.skill_model.row_of(skill_id)
        if row < 0:
            return False
        if self.skills_view.currentIndex().row() != row:
            self._select_skill_row(row)
        else:
            self.skills_view.selectRow(row)
        return True

    def _skill_selected(self) -> None:
        self._load_ratings()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ro = self.doc.read_only
        has_skill = self.selected_skill() is not None
        self.add_skill_button.setEnabled(not ro)
        self.empty_add_button.setEnabled(not ro)
        self.delete_skill_button.setEnabled(not ro and has_skill)
        for w in (self.rate_date, self.rate_level, self.rate_by, self.rate_note, self.rate_session,
                  self.add_rating_button):
            w.setEnabled(not ro and has_skill)
        self.delete_rating_button.setEnabled(not ro and self.selected_rating_id() is not None)

    def _match_session(self) -> None:
        """A rating dated on a session day most likely came from that session: pick it."""
        day = from_qdate(self.rate_date.date())
        self.rate_session.setCurrentIndex(max(0, self.sessions.row_of(self.sessions.held_on(day))))

    # -- editing -------------------------------------------------------------------------------------

    def _default_owner(self) -> str:
        person = self.chart.person()
        if person is not None:
            return person
        skill = self.selected_skill()
        return skill.owner if skill is not None else Role.MENTEE.value

    def new_item(self) -> None:
        """Add a skill and put the cursor in its name."""
        if self.doc.read_only:
            return
        self.flush()
        done = self.doc.run(commands.add_skill(NEW_SKILL_NAME, self._default_owner()))
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
        row = self.skills_view.currentIndex().row()
        self.flush()
        if self.doc.run(commands.delete_skill(skill.id)) is not None:
            self._select_skill_row(min(row, self.skill_model.rowCount() - 1))

    def add_rating(self) -> None:
        skill = self.selected_skill()
        if skill is None or self.doc.read_only:
            return
        skill_id = skill.id
        day = from_qdate(self.rate_date.date())
        self.rate_level.interpretText()
        level = self.rate_level.value()
        values = {"rated_by": self.rate_by.currentData() or RatedBy.SELF.value,
                  "note": self.rate_note.text(), "entry_id": self.rate_session.currentData()}
        done = self.doc.run(commands.add_rating(skill_id, day, level, **values))
        if done is None:
            return
        new_id = int(done.value)
        self.rate_note.clear()
        row = self.rating_model.row_of(new_id)
        if row >= 0:
            self.ratings_view.selectRow(row)
            self.ratings_view.scrollTo(self.rating_model.index(row, 0))

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

    # -- the tab protocol ----------------------------------------------------------------------------

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
        self.problem.show()

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if kinds - {Change.PRIVACY}:
            self.problem.hide()  # something was saved: an earlier complaint is stale
        if Change.NAMES in kinds:
            self._stale.add("names")
        if Change.FOCUS_AREAS in kinds:
            self._stale.add("focus")
        if kinds & {Change.ENTRIES, Change.PRIVACY}:
            self._stale.add("sessions")
        if Change.PRIVACY in kinds and self.doc.hide_private:
            with QSignalBlocker(self.rate_session):
                current = self.rate_session.currentData()
                self.sessions.drop_private()
                self.rate_session.setCurrentIndex(max(0, self.sessions.row_of(current)))
        # (Deleting a session that ratings came from reports RATINGS too: the edit says so.)
        if kinds & {Change.SKILLS, Change.RATINGS}:
            self._stale.add("rows")
        if kinds & CHART_KINDS - {Change.NAMES}:  # new names redraw only when the names changed
            self._chart_dirty = True
        if self.isVisible():
            self._refresh()

    def sizeHint(self) -> QSize:
        return QSize(1200, 760)

    @property
    def canvas(self) -> FigureCanvasQTAgg | None:
        """The chart's canvas, once the chart has been drawn (and matplotlib imported)."""
        return self.chart.canvas

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (obj in (self.skills_view, self.ratings_view) and isinstance(event, QKeyEvent)
              and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete
              and event.modifiers() == Qt.KeyboardModifier.NoModifier
              and obj.state() != QAbstractItemView.State.EditingState and not self.doc.read_only):
            # The window's Delete is not a shortcut inside tables; the key means "delete this row".
            if obj is self.ratings_view:
                self.delete_rating()
            else:
                self.delete_skill()
            return True
        return super().eventFilter(obj, event)

    # -- the chart -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh()

    def _first_chart(self) -> None:
        if self.canvas is None and self.isVisible():
            self.redraw_chart()  # the session list waits for its first paint (`first_painted`)

    def _redraw_if_dirty(self) -> None:
        if self.canvas is not None and self.isVisible() and (
                self._chart_dirty or self.chart.legend_misplaced()):
            self.redraw_chart()

    def _chart_data_changed(self) -> None:
        """Redraw now if the chart is on screen, else once when the tab is next shown."""
        self._chart_dirty = True
        if self.canvas is not None and self.isVisible():
            self.redraw_chart()

    def _resized(self) -> None:
        if self.canvas is not None and self.isVisible() and self.chart.legend_misplaced():
            self.redraw_chart()

    def chart_series(self) -> list[SkillSeries]:
        """The chart's data under the current filters."""
        from revmentor_desktop.report.charts import series_from

        return series_from(self.chart.shown(self._skills), self._ratings, self.names)

    def redraw_chart(self) -> None:
        """Build the Figure for the current data and filters and show it."""
        self.chart.show_chart(self.chart_series(), rating_gaps(self._points))
        self._chart_dirty = False
