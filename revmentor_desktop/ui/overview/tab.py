"""The Overview tab itself: lays out momentum, details, agreement and dashboard (two columns when
wide, one when narrow), routes the file's changes to them and answers the window's Tab protocol."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.errors import KnownError
from revmentor_desktop.ui.after_paint import after_next_paint
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.overview.agreement import AgreementPanel
from revmentor_desktop.ui.overview.details import PartnershipDetails
from revmentor_desktop.ui.overview.momentum import MomentumPanel
from revmentor_desktop.ui.tab_base import FormTab
from revmentor_desktop.ui.widgets import form_scroll

if TYPE_CHECKING:
    from revmentor_desktop.ui.overview.dashboard import DashboardPanel
    from revmentor_desktop.ui.overview.practice import PracticePanel

#: What the practice box reads: the getting-started list, check-ins, feedback's direction, closing.
PRACTICE_CHANGES = frozenset({Change.PARTNERSHIP, Change.ENTRIES, Change.FEEDBACK, Change.PRIVACY,
                              Change.CHECK_INS, Change.REVIEWS, Change.CLAUSES, Change.SWOT,
                              Change.GOALS})


class OverviewTab(FormTab):
    """The partnership's details and its agreement, edited in place and saved at once, under the
    momentum figures and over the dashboard. It reads through `data.reads` and never loads the ORM
    (tests/test_startup.py, tests/test_no_orm_for_reading.py); its edits load it when applied."""

    NARROW_BELOW = 1100
    go_to = Signal(str)  # the title of a tab the user should see (the practice box's steps)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.form = self.details = PartnershipDetails(doc, self)  # the typing `flush` saves
        self.agreement = AgreementPanel(doc, self)
        self.momentum = MomentumPanel(doc, self)
        self._dashboard: DashboardPanel | None = None  # built just after the first paint
        self._practice: PracticePanel | None = None  # likewise
        self._name_the_parts()
        self._build_layout()
        self.details.load()
        self.agreement.update_buttons()
        # The practice box comes once the figures and details are on screen (its reads and row
        # types cost ~30 ms at 10,000 sessions), as the dashboard below it does. Watched on the
        # details box: the tab itself, under its scroll area's opaque viewport, may never paint.
        after_next_paint(self.details, self._first_practice_read)
        after_next_paint(self.details, lambda: self.dashboard.ensure_loaded())

    @property
    def practice(self) -> PracticePanel:
        """The "Our practice" box: built (its module imported) once the figures and details are on
        screen, or at once when asked for; shown once it has read the file — until then nothing in
        it is known (a getting-started list shown for a pair that has met 10,000 times, then gone)."""
        if self._practice is None:
            from revmentor_desktop.ui.overview.practice import PracticePanel

            practice = self._practice = PracticePanel(self.doc, self)
            practice.hide()
            practice.go_to.connect(self.go_to)
            practice.focus_review_date.connect(self.details.review.setFocus)
            practice.focus_agreement.connect(self.agreement.add_button.setFocus)
            self._place_practice()
        return self._practice

    @property
    def dashboard(self) -> DashboardPanel:
        """Goals at a glance and the open action items: built (and its modules imported, ~20 ms)
        once the figures and details are on screen, or at once when asked for."""
        if self._dashboard is None:
            from revmentor_desktop.ui.overview.dashboard import DashboardPanel

            self._dashboard = DashboardPanel(self.doc, self)
            self._place_dashboard()
        return self._dashboard

    def _first_practice_read(self) -> None:
        practice = self.practice
        try:
            practice.reload(self.momentum.session_days())
        except KnownError:
            # The file was moved, replaced or found damaged in the moment since opening: the box
            # stays hidden; the window says what happened at the next save (or the file's check).
            return
        practice.show()

    def _name_the_parts(self) -> None:
        """The panes' fields and buttons under the names the window, tests and benchmarks use."""
        d = self.details
        self.mentor, self.mentee, self.me, self.organisation = d.mentor, d.mentee, d.me, d.organisation
        self.start, self.review, self.cadence, self.duration = d.start, d.review, d.cadence, d.duration
        self.focus, self.problem = d.focus, d.problem
        a = self.agreement
        self.clause_model, self.clauses = a.model, a.view
        self.add_clause_button, self.ready_made = a.add_button, a.ready_made
        self.up_button, self.down_button, self.delete_button = a.up_button, a.down_button, a.delete_button

    def _build_layout(self) -> None:
        content = QWidget(self)
        self.grid = QGridLayout(content)
        self.grid.setContentsMargins(8, 8, 8, 8)
        self._narrow: bool | None = None
        self._arrange(narrow=False)
        self.agreement.setMinimumHeight(240)
        scroll = form_scroll(self, content)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- layout: two columns when wide, one when narrow ------------------------------------------------

    def _arrange(self, *, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        grid = self.grid
        for w in (self.momentum, self._practice, self.details, self.agreement, self._dashboard):
            if w is not None:
                grid.removeWidget(w)
        for i in range(5):
            grid.setRowStretch(i, 0)
            grid.setColumnStretch(i % 2, 0)
        grid.addWidget(self.momentum, 0, 0, 1, 2)
        self._place_practice()
        if narrow:
            grid.addWidget(self.details, 2, 0, 1, 2)
            grid.addWidget(self.agreement, 3, 0, 1, 2)
            grid.setRowStretch(3, 1)
        else:
            grid.addWidget(self.details, 2, 0)
            grid.addWidget(self.agreement, 2, 1)
            grid.setColumnStretch(0, 5)
            grid.setColumnStretch(1, 6)
            grid.setRowStretch(2, 1)
            grid.setRowStretch(3, 1)
        self._place_dashboard()

    def _place_practice(self) -> None:
        if self._practice is not None and self._narrow is not None:
            self.grid.removeWidget(self._practice)
            self.grid.addWidget(self._practice, 1, 0, 1, 2)  # under the figures, narrow or wide

    def _place_dashboard(self) -> None:
        """The dashboard below the rest: a row of its own, narrow or wide as the tab is."""
        if self._dashboard is None or self._narrow is None:
            return
        self.grid.removeWidget(self._dashboard)
        self.grid.addWidget(self._dashboard, 4 if self._narrow else 3, 0, 1, 2)
        self._dashboard.set_narrow(self._narrow)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(narrow=self.width() < self.NARROW_BELOW)
        super().resizeEvent(event)

    # -- the tab protocol ----------------------------------------------------------------------------

    def new_item(self) -> None:
        self.agreement.add_clause()

    def delete_selection(self) -> None:
        self.agreement.delete_selected()

    def show_problem(self, message: str) -> None:
        self.details.show_problem(message)

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if kinds & {Change.PARTNERSHIP, Change.FOCUS_AREAS} and initiator is not self.details:
            self.details.load()  # not after the details' own save: the field already shows it
        if kinds & {Change.PARTNERSHIP, Change.ENTRIES, Change.PRIVACY}:
            self.momentum.reload(sessions_changed=bool(kinds & {Change.ENTRIES, Change.PRIVACY}))
        if self._dashboard is not None:
            self._dashboard.on_changed(kinds)
        if Change.CLAUSES in kinds:
            self.agreement.reload()
        if kinds & PRACTICE_CHANGES and self._practice is not None and self._practice.loaded:
            self._practice.reload(self.momentum.session_days(), kinds)
