"""The Overview tab: the partnership's details and its agreement, edited in place and saved at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.reads import ClauseRow
from revmentor_desktop.data.vocab import READY_MADE_CLAUSES
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.overview.momentum import DashboardPanel, MomentumPanel
from revmentor_desktop.ui.new_partnership import PartnershipFields
from revmentor_desktop.ui.tables import ROOT, Index, RowDiff
from revmentor_desktop.ui.widgets import (
    PLAIN,
    FlowLayout,
    OptionalDateEdit,
    TextSaver,
    from_qdate,
    problem_label,
    to_qdate,
)


class ClauseModel(RowDiff, QAbstractListModel):
    """The agreement's clauses, in order; editing a row saves it through the document."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._rows: list[ClauseRow] = []
        self.reload()

    def reload(self) -> None:
        self._set_rows(reads.list_clauses(self._doc.store))  # in place: an open editor survives

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        clause = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return clause.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # the full text is already shown, word-wrapped
        if role == Qt.ItemDataRole.UserRole:
            return clause.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and not self._doc.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        clause_id = self._rows[index.row()].id
        return self._doc.run(commands.update_clause(clause_id, str(value))) is not None

    def id_at(self, row: int) -> int:
        return self._rows[row].id


class OverviewTab(QWidget):
    title = "&Overview"

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        doc.changed.connect(self.on_changed)  # the tab listens for itself; skips its own edits
        self.doc = doc
        self._savers: list[TextSaver] = []
        outer = QHBoxLayout(self)

        # -- the partnership ---------------------------------------------------------------------
        details = QGroupBox("Partnership", self)
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        f = PartnershipFields(details)
        self.mentor, self.mentee, self.me, self.organisation = f.mentor, f.mentee, f.me, f.organisation
        self.start, self.cadence, self.duration, self.focus = f.start, f.cadence, f.duration, f.focus
        self.review = OptionalDateEdit("Review on", details)
        self.review.setAccessibleName("Review date")
        form.addRow("&Mentor:", self.mentor)
        form.addRow("M&entee:", self.mentee)
        form.addRow("&I am:", self.me)
        form.addRow("O&rganisation:", self.organisation)
        form.addRow("&Started:", self.start)
        form.addRow("Re&view date:", self.review)
        form.addRow("Meet e&very:", self.cadence)
        form.addRow("&Usual length:", self.duration)
        form.addRow("Focus areas:", self.focus)
        self.problem = problem_label(details)
        form.addRow(self.problem)

        self._savers.append(TextSaver(self.mentor, lambda t: self._save("mentor_name", t)))
        self._savers.append(TextSaver(self.mentee, lambda t: self._save("mentee_name", t)))
        self._savers.append(TextSaver(self.organisation, lambda t: self._save("organisation", t)))
        self.me.activated.connect(lambda _i: self._save("me", self.me.currentData()))
        self.start.editingFinished.connect(lambda: self._save("start_date", from_qdate(self.start.date())))
        self.start.dateChanged.connect(self._start_picked)
        self.review.changed.connect(lambda: self._save("review_date", self.review.value()))
        self.cadence.editingFinished.connect(lambda: self._save("cadence_days", self.cadence.value()))
        self.cadence.valueChanged.connect(lambda _v: self._spin_stepped(self.cadence, "cadence_days"))
        self.duration.editingFinished.connect(lambda: self._save("duration_minutes", self.duration.value()))
        self.duration.valueChanged.connect(lambda _v: self._spin_stepped(self.duration, "duration_minutes"))
        for box in self.focus.boxes:
            box.toggled.connect(lambda _on: self._save_focus())
        self._focus_saver = TextSaver(self.focus.own, lambda _t: self._save_focus())
        self._savers.append(self._focus_saver)


        # -- the agreement -----------------------------------------------------------------------
        agreement = QGroupBox("Agreement — our ground rules", self)
        agreement_layout = QVBoxLayout(agreement)
        hint = QLabel("Double-click a rule (or press F2) to edit it; rules are saved as you go.", agreement)
        hint.setWordWrap(True)
        hint.setTextFormat(PLAIN)
        agreement_layout.addWidget(hint)
        self.clause_model = ClauseModel(doc)
        self.clauses = QListView(agreement)
        self.clauses.setModel(self.clause_model)
        self.clauses.setWordWrap(True)
        self.clauses.setAlternatingRowColors(True)
        self.clauses.setSpacing(2)
        self.clauses.setUniformItemSizes(False)
        self.clauses.setResizeMode(QListView.ResizeMode.Adjust)
        self.clauses.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                     | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.clauses.setAccessibleName("Agreement clauses")
        agreement_layout.addWidget(self.clauses, 1)

        buttons = FlowLayout(spacing=6)
        self.add_clause_button = QPushButton("&Add Rule", agreement)
        self.add_clause_button.clicked.connect(self.add_clause)
        self.ready_made = QToolButton(agreement)
        self.ready_made.setText("Insert &Ready-made")
        self.ready_made.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.ready_made)
        for label, text in READY_MADE_CLAUSES:
            act = menu.addAction(label)
            act.setToolTip(text)
            act.triggered.connect(lambda _c=False, t=text, lbl=label: self.insert_clause(t, lbl))
        self.ready_made.setMenu(menu)
        self.up_button = QPushButton("Move &Up", agreement)
        self.down_button = QPushButton("Move &Down", agreement)
        self.delete_button = QPushButton("Delete", agreement)
        self.up_button.clicked.connect(lambda: self.move_clause(-1))
        self.down_button.clicked.connect(lambda: self.move_clause(+1))
        self.delete_button.clicked.connect(self.delete_selection)
        for b in (self.add_clause_button, self.ready_made, self.up_button, self.down_button,
                  self.delete_button):
            buttons.addWidget(b)
        agreement_layout.addLayout(buttons)

        for seq, fn in (("Alt+Up", lambda: self.move_clause(-1)), ("Alt+Down", lambda: self.move_clause(+1))):
            act = QAction(self.clauses)
            act.setShortcut(QKeySequence(seq))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(fn)
            self.clauses.addAction(act)

        # -- the dashboard: momentum, goals at a glance, open action items -------------------------
        self.momentum = MomentumPanel(doc, self)
        self.dashboard = DashboardPanel(doc, self)

        content = QWidget(self)
        self.grid = QGridLayout(content)
        self.grid.setContentsMargins(8, 8, 8, 8)
        self.details = details
        self.agreement = agreement
        self._narrow: bool | None = None
        self._arrange(narrow=False)
        agreement.setMinimumHeight(240)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.setTabOrder(self.mentor, self.mentee)
        self.setTabOrder(self.mentee, self.me)
        self.setTabOrder(self.me, self.organisation)
        self.setTabOrder(self.organisation, self.start)
        self.setTabOrder(self.start, self.review)
        self.setTabOrder(self.review, self.review.edit)
        self.setTabOrder(self.review.edit, self.cadence)
        self.setTabOrder(self.cadence, self.duration)

        self.clauses.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.load_partnership()
        self._update_buttons()

    # -- layout: two columns when wide, one when narrow ------------------------------------------------

    NARROW_BELOW = 1100

    def _arrange(self, *, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        grid = self.grid
        for w in (self.momentum, self.details, self.agreement, self.dashboard):
            grid.removeWidget(w)
        for i in range(4):
            grid.setRowStretch(i, 0)
            grid.setColumnStretch(i % 2, 0)
        grid.addWidget(self.momentum, 0, 0, 1, 2)
        if narrow:
            grid.addWidget(self.details, 1, 0, 1, 2)
            grid.addWidget(self.agreement, 2, 0, 1, 2)
            grid.addWidget(self.dashboard, 3, 0, 1, 2)
            grid.setRowStretch(2, 1)
        else:
            grid.addWidget(self.details, 1, 0)
            grid.addWidget(self.agreement, 1, 1)
            grid.addWidget(self.dashboard, 2, 0, 1, 2)
            grid.setColumnStretch(0, 5)
            grid.setColumnStretch(1, 6)
            grid.setRowStretch(1, 1)
            grid.setRowStretch(2, 1)
        self.dashboard.set_narrow(narrow)

    def resizeEvent(self, event: Any) -> None:
        self._arrange(narrow=self.width() < self.NARROW_BELOW)
        super().resizeEvent(event)

    # -- partnership details -------------------------------------------------------------------------

    def load_partnership(self) -> None:
        p = self.doc.partnership()
        widgets = (self.me, self.start, self.cadence, self.duration, *self.focus.boxes)
        for w in widgets:
            w.blockSignals(True)
        try:
            self._savers[0].set_text(p.mentor_name)
            self._savers[1].set_text(p.mentee_name)
            self._savers[2].set_text(p.organisation)
            self.me.setCurrentIndex(max(0, self.me.findData(p.me)))
            self.start.setDate(to_qdate(p.start_date))
            self.review.set_value(p.review_date)
            self.cadence.setValue(p.cadence_days)
            self.duration.setValue(p.duration_minutes)
            names = reads.list_focus_areas(self.doc.store)
            if not self._focus_saver.dirty:
                self.focus.set_names(names)
        finally:
            for w in widgets:
                w.blockSignals(False)
        read_only = self.doc.read_only
        for w in (self.mentor, self.mentee, self.organisation, self.focus.own):
            w.setReadOnly(read_only)
        for w in (self.me, self.start, self.review, self.cadence, self.duration, *self.focus.boxes):
            w.setEnabled(not read_only)

    def _save(self, field: str, value: Any) -> bool:
        if self.doc.read_only:
            return False
        ok = self.doc.run(commands.update_partnership(**{field: value}), self) is not None
        self.problem.setText("" if ok else self.problem.text())
        return ok

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)

    def _start_picked(self) -> None:
        if self.start.calendarWidget().isVisible():
            self._save("start_date", from_qdate(self.start.date()))

    def _spin_stepped(self, spin: QSpinBox, field: str) -> None:
        # Arrow keys / wheel steps save at once; typed digits wait for editingFinished.
        if not spin.lineEdit().hasFocus() or not spin.lineEdit().isModified():
            self._save(field, spin.value())

    def _save_focus(self) -> bool:
        if self.doc.read_only:
            return False
        return self.doc.run(commands.set_focus_areas(self.focus.names()), self) is not None

    # -- agreement -----------------------------------------------------------------------------------

    def _selected_row(self) -> int:
        idx = self.clauses.currentIndex()
        return idx.row() if idx.isValid() and self.clauses.selectionModel().isSelected(idx) else -1

    def _update_buttons(self) -> None:
        row = self._selected_row()
        n = self.clause_model.rowCount()
        ro = self.doc.read_only
        self.add_clause_button.setEnabled(not ro)
        self.ready_made.setEnabled(not ro)
        self.up_button.setEnabled(not ro and row > 0)
        self.down_button.setEnabled(not ro and 0 <= row < n - 1)
        self.delete_button.setEnabled(not ro and row >= 0)

    def _select_clause(self, clause_id: int) -> None:
        row = self.clause_model.row_of(clause_id)
        if row >= 0:
            self.clauses.setCurrentIndex(self.clause_model.index(row))

    def add_clause(self) -> None:
        done = self.doc.run(commands.add_clause("New ground rule"))
        if done is not None:
            self._select_clause(done.value)
            self.clauses.edit(self.clauses.currentIndex())

    def insert_clause(self, text: str, label: str) -> None:
        row = self._selected_row()
        index = row + 1 if row >= 0 else None
        done = self.doc.run(commands.add_clause(text, index, label=f"Insert “{label}”"))
        if done is not None:
            self._select_clause(done.value)

    def move_clause(self, step: int) -> None:
        row = self._selected_row()
        if row < 0 or not 0 <= row + step < self.clause_model.rowCount():
            return
        clause_id = self.clause_model.id_at(row)
        if self.doc.run(commands.move_clause(clause_id, row + step)) is not None:
            self._select_clause(clause_id)

    # -- the tab protocol ----------------------------------------------------------------------------

    def new_item(self) -> None:
        self.add_clause()

    def delete_selection(self) -> None:
        row = self._selected_row()
        if row < 0:
            return
        self.doc.run(commands.delete_clause(self.clause_model.id_at(row)))
        n = self.clause_model.rowCount()
        if n:
            self.clauses.setCurrentIndex(self.clause_model.index(min(row, n - 1)))

    def flush(self) -> None:
        for saver in self._savers:
            saver.flush()

    def has_unsaved(self) -> bool:
        return any(saver.dirty for saver in self._savers)

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if kinds & {Change.PARTNERSHIP, Change.FOCUS_AREAS} and initiator is not self:
            self.load_partnership()
        if kinds & {Change.PARTNERSHIP, Change.ENTRIES, Change.PRIVACY}:
            self.momentum.reload(sessions_changed=bool(kinds & {Change.ENTRIES, Change.PRIVACY}))
        self.dashboard.on_changed(kinds)
        if Change.CLAUSES in kinds:
            current = self._selected_row()
            keep = self.clause_model.id_at(current) if current >= 0 else None
            self.clause_model.reload()
            if keep is not None:
                self._select_clause(keep)
            self._update_buttons()
