"""The Check-ins & Reviews tab: the practice loop's evaluation. On the left every check-in and
review, newest first; on the right the selected one's form; above, while the partnership is closed,
a band that says so with a Reopen button. Every field is saved the moment it changes."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, compute, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.compute import CheckInStatus
from revmentor_desktop.data.vocab import GoalStatus
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.fit_splitter import FitSplitter
from revmentor_desktop.ui.practice.banner import ClosedBanner
from revmentor_desktop.ui.practice.check_in_form import CheckInForm
from revmentor_desktop.ui.practice.common import (
    CHECK_IN,
    KEY_ROLE,
    REVIEW,
    Key,
    Names,
    new_item_keys,
)
from revmentor_desktop.ui.practice.defaults import (
    default_author,
    default_review_day,
    default_review_kind,
)
from revmentor_desktop.ui.practice.item_list import ItemList, due_words
from revmentor_desktop.ui.practice.list_model import PracticeListModel
from revmentor_desktop.ui.practice.review_form import ReviewForm
from revmentor_desktop.ui.practice.start_review import StartReviewDialog
from revmentor_desktop.ui.tab_base import DocumentTab, QuietFlag, select_row
from revmentor_desktop.ui.widgets import DeleteKey, form_scroll, muted_label

#: what the due line and the default author depend on
STATUS_KINDS = frozenset({Change.CHECK_INS, Change.ENTRIES, Change.PARTNERSHIP, Change.PRIVACY})


def scrolling(form: QWidget, parent: QWidget) -> QScrollArea:
    """The form, scrolling up and down; as wide as it needs at least (so the tab's splitter stacks
    the list above it in a narrow window rather than cut it at the right)."""
    area = form_scroll(parent, form)
    area.setMinimumWidth(form.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width() + 4)
    return area


class PracticeTab(DocumentTab):
    """Check-ins and reviews: the list (left) and the selected one (right)."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self._restoring = QuietFlag()  # selection changes made by a reload, not by the user
        self._status: CheckInStatus | None = None
        self._memo = compute.CheckInMemo()  # a partnership edit reuses the status it worked out
        self._days: list[date] | None = None  # every session's day, as last read
        self._check_ins: list[tuple[date, str]] | None = None  # (day, author) of every check-in
        self.start_dialog: StartReviewDialog | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.banner = ClosedBanner(self)
        outer.addWidget(self.banner)
        # Side by side; in a window too narrow for both, the form under the list (nothing clipped).
        splitter = FitSplitter(self)
        outer.addWidget(splitter, 1)
        self.model = PracticeListModel(doc)
        self.items = ItemList(self.model, splitter)
        self.view = self.items.view
        splitter.addWidget(self.items)
        splitter.addWidget(self._build_right(splitter))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([3000, 7000])
        self.splitter = splitter
        self._wire()

        self.model.reload()
        self._load_partnership()
        first = self.model.index(0, 0)
        if first.isValid():  # open on the newest, not on an empty form
            self.show_item(first.data(KEY_ROLE))
        self._update_state()

    def _build_right(self, parent: QWidget) -> QStackedWidget:
        self.right = QStackedWidget(parent)
        self.nothing = muted_label(self.tr("Select a check-in or a review, or press {keys} for a new "
                                           "check-in.").format(keys=new_item_keys()), self.right)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setMargin(24)
        self.check_in = CheckInForm(self.doc)
        self.review = ReviewForm(self.doc)
        self.check_in_page = scrolling(self.check_in, self.right)
        self.review_page = scrolling(self.review, self.right)
        for page in (self.nothing, self.check_in_page, self.review_page):
            self.right.addWidget(page)
        return self.right

    def _wire(self) -> None:
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        DeleteKey(self.view, self.delete_item, lambda: not self.doc.read_only)
        self.items.new_button.clicked.connect(self.new_item)
        for role, action in self.items.by_actions.items():
            action.triggered.connect(lambda _c=False, r=role: self.new_check_in(r))
        self.items.review_button.clicked.connect(self.start_review)
        self.items.delete_button.clicked.connect(self.delete_item)
        self.banner.reopen.connect(self.reopen)
        # Tab goes from the band's button through the list and its buttons into the form shown (the
        # hidden form's fields are skipped).
        chain = (self.banner.button, self.view, self.items.new_button, self.items.review_button,
                 self.items.delete_button, *self.check_in.tab_chain(), *self.review.tab_chain())
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    # -- the partnership -----------------------------------------------------------------------------

    def _load_partnership(self, kinds: Changes | None = None) -> None:
        """Names, the closed band and whose check-in is due: read again when they may have changed."""
        p = self.doc.partnership()
        self.names = Names.of(p)
        self.model.set_names(self.names)
        self.check_in.set_names(self.names)
        self.review.set_names(self.names)
        self.banner.show_closed(p.closed_on, read_only=self.doc.read_only)
        self._load_status(kinds)

    def _load_status(self, kinds: Changes | None = None) -> None:
        """Whose check-in is due. The sessions' days (10,000 rows in a long partnership) are read
        again only when sessions changed, the check-ins' only when check-ins did: a partnership
        edit (its organisation, say) recomputes from what is at hand. Every session counts, private
        ones too, as on the Overview."""
        store = self.doc.store
        if kinds is None or kinds & {Change.ENTRIES} or self._days is None:
            self._days = [d for d, _minutes in reads.session_dates(store)]
        if kinds is None or kinds & {Change.CHECK_INS} or self._check_ins is None:
            self._check_ins = reads.check_in_dates(store)
        p = self.doc.partnership()
        self._status = self._memo.status(self._days, self._check_ins, p.check_in_every,
                                         closed=p.closed_on is not None)
        closed = p.closed_on is not None
        self.items.due.setText(due_words(self._status, self.names, closed))
        self.items.set_names(self.names, self.default_author())

    def default_author(self) -> str:
        status = self._status
        if status is None:
            return self.names.me
        return default_author(status, self.names.me)

    # -- selection -----------------------------------------------------------------------------------

    def selected_key(self) -> Key | None:
        rows = self.view.selectionModel().selectedRows()
        value = rows[0].data(KEY_ROLE) if rows else None
        return (str(value[0]), int(value[1])) if value else None

    def shown_key(self) -> Key | None:
        if self.right.currentWidget() is self.check_in_page and self.check_in.check_in_id is not None:
            return (CHECK_IN, self.check_in.check_in_id)
        if self.right.currentWidget() is self.review_page and self.review.review_id is not None:
            return (REVIEW, self.review.review_id)
        return None

    def select_key(self, key: Key | None, *, scroll: bool = False) -> bool:
        """Put the list's selection on an item (None: clear it) without it counting as a user pick."""
        with self._restoring:
            row = self.model.row_of(key) if key is not None else -1  # type: ignore[arg-type]
            index = self.model.index(row, 0) if row >= 0 else QModelIndex()
            return select_row(self.view, index, scroll=scroll)

    def show_item(self, key: Key | None) -> bool:
        """Select an item and show its form, as if the user had clicked it."""
        if key is not None and not self.select_key(key, scroll=True):
            return False
        self._show_form(key)
        self._update_state()
        return True

    def _show_form(self, key: Key | None, *, save_pending: bool = True) -> None:
        if key != self.shown_key() and save_pending:
            self.flush()
        if key is not None and key[0] == CHECK_IN:
            self.review.set_review(None, save_pending=False)
            self.check_in.set_check_in(key[1], save_pending=False)
            self.right.setCurrentWidget(self.check_in_page)
        elif key is not None and key[0] == REVIEW:
            self.check_in.set_check_in(None, save_pending=False)
            self.review.set_review(key[1], save_pending=False)
            self.right.setCurrentWidget(self.review_page)
        else:
            self.check_in.set_check_in(None, save_pending=False)
            self.review.set_review(None, save_pending=False)
            self.right.setCurrentWidget(self.nothing)

    def _selection_changed(self) -> None:
        if self._restoring:
            return
        key = self.selected_key()
        if key != self.shown_key():
            self.flush()  # may reload the list, and put the selection back for a moment
            self.select_key(key)
            self._show_form(key, save_pending=False)
        self._update_state()

    def _after_reload(self) -> None:
        """Keep the selection and the form on the same item after the list was read again."""
        key = self.shown_key()
        if key is not None and self.model.row_of(key) < 0:  # type: ignore[arg-type]
            self._show_form(None, save_pending=False)  # deleted (or undone)
            key = None
        self.select_key(key)
        self._update_state()

    def _update_state(self) -> None:
        self.items.show_empty(self.model.rowCount() == 0)
        ro = self.doc.read_only
        self.items.new_button.setEnabled(not ro)
        self.items.review_button.setEnabled(not ro)
        self.items.delete_button.setEnabled(not ro and self.selected_key() is not None)

    # -- adding and deleting -------------------------------------------------------------------------

    def new_check_in(self, author: str) -> None:
        if self.doc.read_only:
            return
        self.flush()
        done = self.doc.run(commands.add_check_in(date.today(), author))
        if done is None:
            return
        self.show_item((CHECK_IN, int(done.value)))
        self.check_in.focus_first_text()

    def start_review(self) -> None:
        """Ask for the kind and day (a window-modal dialog; the review starts when accepted)."""
        if self.doc.read_only:
            return
        self.flush()
        p = self.doc.partnership()
        goals = sum(1 for g in reads.list_goals(self.doc.store) if g.status != GoalStatus.DROPPED)
        dialog = StartReviewDialog(default_review_kind(self.model.latest_review_kind()),
                                   default_review_day(p.review_date, date.today()), goals,
                                   p.review_date, self)
        dialog.accepted.connect(lambda: self._start(dialog.chosen_kind(), dialog.chosen_day()))
        dialog.finished.connect(dialog.deleteLater)
        self.start_dialog = dialog
        dialog.open()

    def _start(self, kind: str, day: date) -> None:
        self.start_dialog = None
        done = self.doc.run(commands.start_review(kind, day))
        if done is None:
            return
        self.show_item((REVIEW, int(done.value)))
        self.review.goals.setFocus(Qt.FocusReason.OtherFocusReason)
        first = self.review.goals_model.index(0, self.review.goals_model.ACHIEVED)
        if first.isValid():
            self.review.goals.setCurrentIndex(first)

    def delete_item(self) -> None:
        key = self.selected_key()
        if key is None or self.doc.read_only:
            return
        row = self.view.currentIndex().row()
        self.flush()  # undo then brings back what was just typed, too
        kind, item_id = key
        edit = commands.delete_check_in(item_id) if kind == CHECK_IN else commands.delete_review(item_id)
        if self.doc.run(edit) is not None:
            n = self.model.rowCount()
            if n:
                self.view.setCurrentIndex(self.model.index(min(row, n - 1), 0))  # the form follows

    def reopen(self) -> None:
        if not self.doc.read_only:
            self.doc.run(commands.reopen_partnership(), self)

    # -- the tab protocol (ui/tab.py) ----------------------------------------------------------------

    def new_item(self) -> None:
        self.new_check_in(self.default_author())

    def delete_selection(self) -> None:
        self.delete_item()

    def flush(self) -> None:
        self.check_in.flush()
        self.review.flush()

    def has_unsaved(self) -> bool:
        return self.check_in.has_unsaved() or self.review.has_unsaved()

    def show_problem(self, message: str) -> None:
        if self.right.currentWidget() is self.review_page:
            self.review.show_problem(message)
        else:
            self.check_in.show_problem(message)

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        # Text typed into a form (or a goals cell) changes nothing the list or the due line shows:
        # with thousands of check-ins they are not read again on every pause in the typing.
        text_only = (initiator is self.review.goals_model
                     or (initiator in (self.check_in, self.review)
                         and getattr(initiator, "saved_text_only", False)))
        if kinds & {Change.PARTNERSHIP, Change.NAMES}:
            self._load_partnership(kinds)
        elif kinds & STATUS_KINDS and not text_only:
            self._load_status(kinds)
        if kinds & {Change.CHECK_INS, Change.REVIEWS} and not text_only:
            self.model.reload()
            self._after_reload()
        self.check_in.on_changed(kinds, initiator)
        self.review.on_changed(kinds, initiator)

    def sizeHint(self) -> QSize:
        return QSize(1200, 760)
