"""The Overview's "Agreement" box: the ground rules, and buttons to add, insert a ready-made one,
reorder and delete them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, compute, reads
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.ordered_rows import add_move_keys, enable_order_buttons, select_record
from revmentor_desktop.ui.overview.clauses import ClauseModel
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import PLAIN, DeleteKey, FlowLayout

#: What a rule just added says until the user types its words (translated when it is added).
NEW_RULE = QT_TRANSLATE_NOOP("AgreementPanel", "New ground rule")


class AgreementPanel(QGroupBox):
    """The ground rules, edited in place (double-click or F2) and saved as the user goes."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Agreement — our ground rules"))
        self.doc = doc
        column = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Double-click a rule (or press F2) to edit it; rules are saved as you go."),
                           self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(PLAIN)
        self.hint.setVisible(not doc.read_only)  # how to edit, where nothing can be
        column.addWidget(self.hint)
        self.note = QLabel(self)
        self.note.setTextFormat(PLAIN)
        self.note.setWordWrap(True)
        self.note.hide()
        self.model = ClauseModel(doc)
        self.view = self._build_list()
        DeleteKey(self.view, self.delete_selected, lambda: not self.doc.read_only)
        column.addWidget(self.view, 1)
        column.addLayout(self._build_buttons())
        column.addWidget(self.note)
        add_move_keys(self.view, self.move_clause)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self._pending: tuple[int, int] | None = None  # a rule just added, open for its first words
        self.view.itemDelegate().closeEditor.connect(lambda *_: self._editor_closed())

    def _build_list(self) -> QListView:
        view = QListView(self)
        view.setModel(self.model)
        view.setWordWrap(True)
        view.setAlternatingRowColors(True)
        view.setSpacing(2)
        view.setUniformItemSizes(False)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        view.setAccessibleName(self.tr("Agreement clauses"))
        return view

    def _build_buttons(self) -> FlowLayout:
        """Add, Insert Ready-made (a menu of suggested rules), Move Up, Move Down, Delete."""
        self.add_button = QPushButton(self.tr("&Add Rule"), self)
        self.add_button.clicked.connect(self.add_clause)
        self.ready_made = QToolButton(self)
        self.ready_made.setText(self.tr("Insert &Ready-made"))
        self.ready_made.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.ready_made_menu = QMenu(self.ready_made)
        self.ready_made_menu.setToolTipsVisible(True)
        # Filled as it opens: the rules speak of the pair's own cadence and session length.
        self.ready_made_menu.aboutToShow.connect(self.fill_ready_made)
        self.ready_made.setMenu(self.ready_made_menu)
        self.fill_ready_made()
        self.up_button = QPushButton(self.tr("Move &Up"), self)
        self.down_button = QPushButton(self.tr("Move &Down"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.up_button.clicked.connect(lambda: self.move_clause(-1))
        self.down_button.clicked.connect(lambda: self.move_clause(+1))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = FlowLayout(spacing=6)
        for b in (self.add_button, self.ready_made, self.up_button, self.down_button,
                  self.delete_button):
            buttons.addWidget(b)
        return buttons

    def fill_ready_made(self) -> None:
        menu = self.ready_made_menu
        menu.clear()
        p = reads.get_partnership(self.doc.store)
        have = [c.text for c in reads.list_clauses(self.doc.store)]
        for label, text in compute.ground_rule_templates(p.cadence_days, p.duration_minutes):
            act = menu.addAction(label)
            act.setToolTip(text)
            there = any(compute.same_rule(text, h) for h in have)
            if there:
                act.setText(self.tr("{rule} (already agreed)").format(rule=label))
                act.setEnabled(False)
            act.triggered.connect(lambda _c=False, t=text, lbl=label: self.insert_clause(t, lbl))

    def show_note(self, text: str) -> None:
        """A quiet line under the buttons; gone with the next selection."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- selection -------------------------------------------------------------------------------------

    def selected_row(self) -> int:
        idx = self.view.currentIndex()
        return idx.row() if idx.isValid() and self.view.selectionModel().isSelected(idx) else -1

    def update_buttons(self) -> None:
        self.show_note("")
        writable = not self.doc.read_only
        self.add_button.setEnabled(writable)
        self.ready_made.setEnabled(writable)
        enable_order_buttons(self.selected_row(), self.model.rowCount(), writable,
                             self.up_button, self.down_button, self.delete_button)

    def reload(self) -> None:
        """The clauses changed: show them, keeping the selected one selected."""
        current = self.selected_row()
        keep = self.model.id_at(current) if current >= 0 else None
        self.model.reload()
        if keep is not None:
            select_record(self.view, keep)
        self.update_buttons()

    # -- editing ---------------------------------------------------------------------------------------

    def add_clause(self) -> None:
        """A new rule, open for typing. Left as it was (Esc, or Enter on the words unchanged), it
        goes again, with its undo step: Add Rule then Esc leaves nothing behind."""
        done = self.doc.run(commands.add_clause(self.tr(NEW_RULE)))
        if done is None:
            return
        select_record(self.view, done.value)
        self._pending = (done.value, self.doc.undo_stack.index())
        self.view.edit(self.view.currentIndex())

    def _editor_closed(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        clause_id, step = pending
        row = self.model.row_of(clause_id)
        text = self.model.index(row).data() if row >= 0 else None
        if (text is not None and text.strip() in ("", self.tr(NEW_RULE))
                and self.doc.undo_stack.index() == step):
            self.doc.undo_stack.undo()  # the add itself: nothing is left behind

    def insert_clause(self, text: str, label: str) -> None:
        row = self.selected_row()
        index = row + 1 if row >= 0 else None
        done = self.doc.run(commands.add_clause_once(
            text, index, label=self.tr("Insert “{rule}”").format(rule=label)))
        if done is None:
            return
        if done.value is None:  # already agreed (the menu greys those out; a race, or a typed twin)
            existing = next((c.id for c in reads.list_clauses(self.doc.store) if compute.same_rule(c.text, text)), None)
            if existing is not None:
                select_record(self.view, existing)
            self.show_note(self.tr("That rule is already in your agreement."))
            return
        select_record(self.view, done.value)

    def move_clause(self, step: int) -> None:
        row = self.selected_row()
        if row < 0 or not 0 <= row + step < self.model.rowCount():
            return
        clause_id = self.model.id_at(row)
        if self.doc.run(commands.move_clause(clause_id, row + step)) is not None:
            select_record(self.view, clause_id)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        self.doc.run(commands.delete_clause(self.model.id_at(row)))
        n = self.model.rowCount()
        if n:
            self.view.setCurrentIndex(self.model.index(min(row, n - 1)))
