"""The Skills tab: each partner's skills and their ratings in tables, and the progress chart beside
them — drawn by matplotlib, which is imported only the first time the tab is shown."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QConcatenateTablesProxyModel,
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
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
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
    QStyledItemDelegate,
    QStyleOptionViewItem,
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
from revmentor_desktop.ui.skills.labels import (
    HIDDEN_SESSION,
    ID_ROLE,
    LEVELS,
    NEW_SKILL_NAME,
    person_label,
    rater_label,
)
from revmentor_desktop.ui.skills.rating_table import RatingTableModel
from revmentor_desktop.ui.skills.rows import SkillRow, rating_row, skill_rows
from revmentor_desktop.ui.skills.sessions import SessionListModel
from revmentor_desktop.ui.skills.skill_table import SkillTableModel
from revmentor_desktop.ui.tables import Index
from revmentor_desktop.ui.widgets import (
    PLAIN,
    FlowLayout,
    from_qdate,
    labelled,
    make_date_edit,
    muted_label,
    problem_label,
    to_qdate,
)

if TYPE_CHECKING:  # matplotlib is heavy: imported for real the first time the tab is shown
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    from revmentor_desktop.report.charts import LegendShape

#: Figure units: the chart is built at this many dots per inch (times the screen's pixel ratio).
CHART_DPI = 100
#: Which kinds of change alter what the chart shows (entries and privacy do not).
CHART_KINDS = frozenset({Change.SKILLS, Change.RATINGS, Change.NAMES})
#: matplotlib settings for the on-screen chart, in force while it is built and drawn:
#: skill names are the user's text, so a "$" must not switch matplotlib into maths mode; and
#: unhinted text draws about a fifth faster and looks as good on screen.
SCREEN_RC: dict[Any, Any] = {"text.parse_math": False, "text.hinting": "no_hinting"}


# -- editors in the tables -------------------------------------------------------------------------


class _Delegate(QStyledItemDelegate):
    """Shared editor plumbing: a pick from a drop-down list is saved at once."""

    def __init__(self, tab: SkillsTab, parent: Any = None) -> None:
        super().__init__(parent)
        self._tab = tab  # for the names, focus areas and sessions the editors offer

    def _combo(self, parent: QWidget, items: list[tuple[str, Any]], name: str,
               editable: bool = False) -> QComboBox:
        combo = QComboBox(parent)
        combo.setAccessibleName(name)
        combo.setEditable(editable)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        for text, value in items:
            combo.addItem(text, value)
        if not editable:
            combo.activated.connect(lambda _i, c=combo: self._commit_and_close(c))
        return combo

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    @staticmethod
    def _spin(parent: QWidget, name: str) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setRange(LEVELS.start, LEVELS.stop - 1)
        spin.setAccessibleName(name)
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox) and editor.isEditable():
            editor.setCurrentText(value or "")
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QDateEdit):
            editor.setDate(to_qdate(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox) and editor.isEditable():
            model.setData(index, editor.currentText())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value())
        elif isinstance(editor, QDateEdit):
            model.setData(index, from_qdate(editor.date()))
        else:
            super().setModelData(editor, model, index)


class SkillDelegate(_Delegate):
    """Whose skill as a choice of the two people, focus area as an editable list, target as 1–5."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        col = index.column()
        names = self._tab.names
        if col == SkillTableModel.WHOSE:
            return self._combo(parent, [(person_label(r, names), r) for r in (Role.MENTOR.value,
                                                                              Role.MENTEE.value)],
                               "Whose skill")
        if col == SkillTableModel.FOCUS:
            return self._combo(parent, [(a, a) for a in self._tab.focus_areas], "Focus area",
                               editable=True)
        if col == SkillTableModel.TARGET:
            return self._spin(parent, "Target level, 1 to 5")
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName("Skill name")
        return editor


class RatingDelegate(_Delegate):
    """Date as a calendar, level as 1–5, who rated as a choice, the session as a list of sessions."""

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if index.column() == RatingTableModel.SESSION and isinstance(editor, QComboBox):
            row = self._tab.sessions.row_of(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(row if editor.model() is self._tab.sessions else 0)
        else:
            super().setEditorData(editor, index)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        col = index.column()
        model = self._tab.rating_model
        if col == RatingTableModel.DATE:
            edit = make_date_edit(parent)
            edit.setAccessibleName("Rating date")
            return edit
        if col == RatingTableModel.LEVEL:
            return self._spin(parent, "Level, 1 to 5")
        if col == RatingTableModel.BY:
            items = [(rater_label(model.skill_owner, by, self._tab.names), by)
                     for by in (RatedBy.SELF.value, RatedBy.PARTNER.value)]
            return self._combo(parent, items, "Rated by")
        if col == RatingTableModel.SESSION:
            combo = self._combo(parent, [], "From session")
            current = index.data(Qt.ItemDataRole.EditRole)
            if model.sessions.row_of(current) >= 0:
                combo.setModel(model.sessions)
                return combo
            # A private session hidden in screen-share mode: offer to keep it, without its topics.
            hidden = QStandardItemModel(combo)
            item = QStandardItem(HIDDEN_SESSION)
            item.setData(current, ID_ROLE)
            hidden.appendRow(item)
            both = QConcatenateTablesProxyModel(combo)
            both.addSourceModel(hidden)
            both.addSourceModel(model.sessions)
            combo.setModel(both)
            return combo
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName("Rating note")
        return editor


# -- the chart -------------------------------------------------------------------------------------


@cache
def _canvas_class() -> type[FigureCanvasQTAgg]:
    """FigureCanvasQTAgg drawing with SCREEN_RC (defined here: importing it imports matplotlib)."""
    import matplotlib
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class FigureCanvasOnScreen(FigureCanvasQTAgg):
        def draw(self) -> None:
            with matplotlib.rc_context(SCREEN_RC):
                super().draw()

    return FigureCanvasOnScreen


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
        self._skills: list[Any] = []  # rows from the file, as the chart wants them
        self._ratings: list[Any] = []
        self._points: list[RatingPoint] = []
        self.canvas: FigureCanvasQTAgg | None = None
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
        self.ratings_view.setItemDelegate(RatingDelegate(self, self.ratings_view))
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
        chart_panel = QWidget(self.splitter)
        chart_layout = QVBoxLayout(chart_panel)
        chart_layout.setContentsMargins(6, 0, 0, 0)
        filters = QHBoxLayout()
        self.person_filter = QComboBox(chart_panel)
        self.person_filter.setAccessibleName("Show the skills of")
        self.skill_filter = QComboBox(chart_panel)
        self.skill_filter.setAccessibleName("Show one skill")
        self.skill_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.skill_filter.setMinimumContentsLength(18)
        person_caption = QLabel("&Person:", chart_panel)
        person_caption.setBuddy(self.person_filter)
        skill_caption = QLabel("Sk&ill:", chart_panel)
        skill_caption.setBuddy(self.skill_filter)
        filters.addWidget(person_caption)
        filters.addWidget(self.person_filter)
        filters.addSpacing(8)
        filters.addWidget(skill_caption)
        filters.addWidget(self.skill_filter, 1)
        chart_layout.addLayout(filters)
        self.chart_host = QWidget(chart_panel)
        self.chart_host.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.chart_host.setMinimumSize(380, 300)
        self.chart_layout = QVBoxLayout(self.chart_host)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_wait = muted_label("Drawing the chart…", self.chart_host)
        self.chart_wait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_layout.addWidget(self.chart_wait)
        self.chart_hint = muted_label("Too many lines to label in this space: choose a person or a "
                                 "skill above, or give the chart more room.", chart_panel)
        self.chart_hint.hide()
        chart_layout.addWidget(self.chart_hint)
        chart_layout.addWidget(self.chart_host, 1)
        self._legend_shape: LegendShape | None = None
        self._legend_place: tuple[str, int, float] | None = None
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._resized)
        self.chart_host.installEventFilter(self)
        self.skills_view.installEventFilter(self)
        self.ratings_view.installEventFilter(self)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(chart_panel)
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
        self.person_filter.currentIndexChanged.connect(lambda _i: self._person_filter_changed())
        self.skill_filter.currentIndexChanged.connect(lambda _i: self._chart_data_changed())

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
        if self._chart_dirty or self._legend_misplaced():
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
        with QSignalBlocker(self.person_filter):
            current = self.person_filter.currentData()
            self.person_filter.clear()
            self.person_filter.addItem("All", None)
            for role in (Role.MENTOR.value, Role.MENTEE.value):
                self.person_filter.addItem(person_label(role, self.names), role)
            self.person_filter.setCurrentIndex(max(0, self.person_filter.findData(current)))
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
        self._fill_skill_filter()
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

    def _fill_skill_filter(self) -> None:
        person = self.person_filter.currentData()
        with QSignalBlocker(self.skill_filter):
            current = self.skill_filter.currentData()
            self.skill_filter.clear()
            self.skill_filter.addItem("All", None)
            for s in self._skills:
                if person is None or s.owner == person:
                    self.skill_filter.addItem(f"{s.name} ({self.names.get(s.owner, '')})", s.id)
            self.skill_filter.setCurrentIndex(max(0, self.skill_filter.findData(current)))
        has_skills = bool(self._skills)
        self.person_filter.setEnabled(has_skills)
        self.skill_filter.setEnabled(has_skills)

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
        person = self.person_filter.currentData()
        if person is not None:
            return str(person)
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

    # -- the chart -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh()

    def _first_chart(self) -> None:
        if self.canvas is None and self.isVisible():
            self.redraw_chart()
            if self.canvas is not None:  # the session list waits for the chart's first paint
                self.canvas.installEventFilter(self)

    def _redraw_if_dirty(self) -> None:
        if self.canvas is not None and self.isVisible() and (
                self._chart_dirty or self._legend_misplaced()):
            self.redraw_chart()

    def _person_filter_changed(self) -> None:
        self._fill_skill_filter()
        self._chart_data_changed()

    def _chart_data_changed(self) -> None:
        """Redraw now if the chart is on screen, else once when the tab is next shown."""
        self._chart_dirty = True
        if self.canvas is not None and self.isVisible():
            self.redraw_chart()

    def chart_series(self) -> list[Any]:
        """The chart's data under the current filters."""
        from revmentor_desktop.report.charts import series_from

        person = self.person_filter.currentData()
        skill_id = self.skill_filter.currentData()
        skills = [s for s in self._skills
                  if (person is None or s.owner == person) and (skill_id is None or s.id == skill_id)]
        return series_from(skills, self._ratings, self.names)

    def _figure(self, series: list[Any], gaps: dict[int, int], width_px: int, height_px: int) -> Figure:
        import matplotlib

        from revmentor_desktop.report.charts import chart_legend_place, legend_shape, skills_figure

        width, height = max(width_px, 100) / CHART_DPI, max(height_px, 100) / CHART_DPI
        with matplotlib.rc_context(SCREEN_RC):
            fig = skills_figure(series, gaps=gaps, width=width, height=height, dpi=CHART_DPI)
        self._legend_shape = legend_shape(series)
        self._legend_place = chart_legend_place(series, width, height, CHART_DPI)
        return fig

    def _legend_misplaced(self) -> bool:
        """Would the legend now go elsewhere (the chart was resized since it was drawn)?"""
        from revmentor_desktop.report.charts import legend_place

        if self._legend_shape is None:
            return False
        size = self.chart_host.size()
        return legend_place(self._legend_shape, max(size.width(), 100), max(size.height(), 100),
                            CHART_DPI) != self._legend_place

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.chart_host and event.type() == QEvent.Type.Resize and self.canvas is not None:
            self._resize_timer.start()
        elif obj is self.canvas and event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._load_sessions)
        elif (obj in (self.skills_view, self.ratings_view) and isinstance(event, QKeyEvent)
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

    def _resized(self) -> None:
        if self.canvas is not None and self.isVisible() and self._legend_misplaced():
            self.redraw_chart()

    def redraw_chart(self) -> None:
        """Build the Figure for the current data and filters and show it."""
        series = self.chart_series()
        gaps = rating_gaps(self._points)
        size = (self.canvas or self.chart_host).size()
        fig = self._figure(series, gaps, size.width(), size.height())
        crowded = self._legend_shape is not None and self._legend_place is None
        self.chart_hint.setVisible(crowded)
        if self.canvas is None:
            self.canvas = _canvas_class()(fig)
            self.canvas.setParent(self.chart_host)
            self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.canvas.setAccessibleName("Skills progress chart")
            self.chart_layout.removeWidget(self.chart_wait)
            self.chart_wait.hide()
            self.chart_layout.addWidget(self.canvas)
        else:
            # Swapping the Figure into the canvas we have is faster than a new canvas widget.
            canvas = self.canvas
            canvas.figure = fig
            fig.set_canvas(canvas)
            ratio = canvas.device_pixel_ratio
            if ratio != 1:
                fig.set_dpi(CHART_DPI * ratio)
            canvas.draw_idle()
        self._chart_dirty = False
        self.canvas.setAccessibleDescription(self._chart_description(series, gaps))

    @staticmethod
    def _chart_description(series: list[Any], gaps: dict[int, int]) -> str:
        """What the chart shows, in words, for screen readers."""
        rated = [s for s in series if s.self_points or s.partner_points]
        if not rated:
            return "No ratings to show yet."
        parts = [f"Levels over time of {len(rated)} skill{'s' if len(rated) != 1 else ''}: "
                 + ", ".join(s.label for s in rated) + "."]
        flagged = [s.label for s in rated if s.skill_id in gaps]
        if flagged:
            parts.append("Self and partner ratings differ by 2 or more for " + ", ".join(flagged) + ".")
        return " ".join(parts)
