"""The selected review: its kind and day; the goals as copied when it started, what was expected
beside what was achieved; what each partner taught, learned and what it changed for them (under
each one's name); notes; and the decision — each saved at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.reads import ReviewRow
from revmentor_desktop.data.vocab import REVIEW_KIND_LABELS, Role
from revmentor_desktop.report.text import day_text, vocab
from revmentor_desktop.ui.controls import ComboBox
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.practice.common import Names, SavingForm
from revmentor_desktop.ui.practice.decision import DecisionBox
from revmentor_desktop.ui.practice.fields import DateField
from revmentor_desktop.ui.practice.review_goals import ReviewGoalsModel, ReviewGoalsTable
from revmentor_desktop.ui.titled_box import titled_box
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import TextSaver, heading, muted_label, text_box

# The words below are marked for translation (context "ReviewForm") and translated where shown.

#: The text fields, by column, with their undo-step names.
TEXT_LABELS = {
    "mentor_taught": QT_TRANSLATE_NOOP("ReviewForm", "Edit What Was Taught"),
    "mentor_learned": QT_TRANSLATE_NOOP("ReviewForm", "Edit What Was Learned"),
    "mentor_changed": QT_TRANSLATE_NOOP("ReviewForm", "Edit What It Changed"),
    "mentee_taught": QT_TRANSLATE_NOOP("ReviewForm", "Edit What Was Taught"),
    "mentee_learned": QT_TRANSLATE_NOOP("ReviewForm", "Edit What Was Learned"),
    "mentee_changed": QT_TRANSLATE_NOOP("ReviewForm", "Edit What It Changed"),
    "notes": QT_TRANSLATE_NOOP("ReviewForm", "Edit Review Notes"),
}
#: The other fields' undo-step names.
OTHER_LABELS = {"kind": QT_TRANSLATE_NOOP("ReviewForm", "Change Kind of Review"),
                "held_on": QT_TRANSLATE_NOOP("ReviewForm", "Change Review Date")}
#: Each partner's three boxes: (column suffix, label with its mnemonic, placeholder).
PARTNER_FIELDS = (
    ("taught", QT_TRANSLATE_NOOP("ReviewForm", "&Taught"),
     QT_TRANSLATE_NOOP("ReviewForm", "What you brought to your partner")),
    ("learned", QT_TRANSLATE_NOOP("ReviewForm", "Lea&rned"), QT_TRANSLATE_NOOP("ReviewForm", "What you took away")),
    ("changed", QT_TRANSLATE_NOOP("ReviewForm", "What it changed for &me"),
     QT_TRANSLATE_NOOP("ReviewForm", "In your work, your habits, your outlook")),
)

ACCESSIBLE = {"taught": QT_TRANSLATE_NOOP("ReviewForm", "what I taught"),
              "learned": QT_TRANSLATE_NOOP("ReviewForm", "what I learned"),
              "changed": QT_TRANSLATE_NOOP("ReviewForm", "what it changed for me")}

HELP = QT_TRANSLATE_NOOP("ReviewForm", "A review looks back together: for each goal, what you expected "
                                       "beside what you achieved; what each of you taught and learned; "
                                       "then you decide how to go on.")
TABLE_HINT = QT_TRANSLATE_NOOP("ReviewForm", "Double-click a cell, or select it and type, to write in it; "
                                             "Enter saves, Shift+Enter starts a new line.")


class ReviewForm(SavingForm):
    """Edits one review; every field saves itself through `Document.run`."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self._held_on = date.today()
        layout = self._start_layout(self.tr("Review"), self.tr(HELP))
        layout.addLayout(self._build_top())
        layout.addWidget(self._build_goals())
        layout.addWidget(self._build_partners())
        self.notes = text_box(self, self.tr("Review notes"),
                              self.tr("Anything else you want to remember of this review"), 3)
        notes_label = QLabel(self.tr("Note&s:"), self)
        notes_label.setBuddy(self.notes)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes)
        self.decision = DecisionBox(self)
        layout.addWidget(self.decision)
        layout.addStretch(1)
        self._savers = {field: TextSaver(box, self._saver_for(field)) for field, box in self.boxes.items()}
        self._savers["notes"] = TextSaver(self.notes, lambda t: self._save("notes", t))
        self.kind.activated.connect(lambda _i: self._save("kind", self.kind.currentData()))
        self.held_on.edited.connect(lambda d: self._save("held_on", d))
        self.decision.decided.connect(self._decide)

    def tab_chain(self) -> tuple[QWidget, ...]:
        """The fields in the order Tab walks them (the tab sets the whole chain at once): each
        partner's column top to bottom, then the notes and the decision."""
        return (self.kind, self.held_on.edit, self.goals, *self.boxes.values(), self.notes,
                *self.decision.choice.buttons.values(), self.decision.next_review.edit)

    # -- building ------------------------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind = ComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of review"))
        for value, text in REVIEW_KIND_LABELS.items():
            self.kind.addItem(vocab(text), value)
        self.held_on = DateField(self.tr("Review date"), self)
        kind_label = QLabel(self.tr("T&ype:"), self)
        kind_label.setBuddy(self.kind)
        day_label = QLabel(self.tr("&Date:"), self)
        day_label.setBuddy(self.held_on.edit)
        row.addWidget(kind_label)
        row.addWidget(self.kind)
        row.addSpacing(12)
        row.addWidget(day_label)
        row.addWidget(self.held_on)
        row.addStretch(1)
        return row

    def _build_goals(self) -> QGroupBox:
        self.goals_model = ReviewGoalsModel(self.doc)
        self.goals = ReviewGoalsTable(self.goals_model, self)
        self.goals_hint = muted_label(self.tr(TABLE_HINT), self)
        self.no_goals = muted_label("", self)
        return titled_box(self.tr("Goals: what you expected, what you achieved"), self,
                          self.goals, self.goals_hint, self.no_goals)

    def _build_partners(self) -> QGroupBox:
        box = QGroupBox(self.tr("What each of you taught, learned and took away"), self)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(16)
        self.partner_headings: dict[str, QLabel] = {}
        self.boxes: dict[str, QPlainTextEdit] = {}
        for column, role in enumerate(Role):
            name = heading("", box, wrap=True)
            self.partner_headings[role.value] = name
            grid.addWidget(name, 0, column)
            for i, (suffix, text, placeholder) in enumerate(PARTNER_FIELDS):
                field = f"{role.value}_{suffix}"
                label_text = self.tr(text)
                edit = text_box(box, f"{role.value.capitalize()}: {label_text.replace('&', '')}",
                                self.tr(placeholder), 3)
                label = QLabel(label_text, box)
                label.setBuddy(edit)
                grid.addWidget(label, 1 + 2 * i, column)
                grid.addWidget(edit, 2 + 2 * i, column)
                self.boxes[field] = edit
            grid.setColumnStretch(column, 1)
        return box

    # -- loading -------------------------------------------------------------------------------------

    def set_names(self, names: Names) -> None:
        self._names = names
        for role, label in self.partner_headings.items():
            label.setText(names.titled(role))
        for field, box in self.boxes.items():
            role, _, what = field.partition("_")
            box.setAccessibleName(f"{names.name(role)}: {self.tr(ACCESSIBLE[what])}")

    @property
    def review_id(self) -> int | None:
        """The review shown (None: none)."""
        return self.record_id

    set_review = SavingForm.show_record

    def _read(self, record_id: int) -> ReviewRow:
        """The review and its goals."""
        return reads.get_review(self.doc.store, record_id, include_private=not self.doc.hide_private)

    def _show(self, r: ReviewRow) -> None:
        self._held_on = r.held_on
        self.title.setText(self.tr("{kind} of {day}").format(
            kind=vocab(REVIEW_KIND_LABELS[r.kind]) if r.kind in REVIEW_KIND_LABELS else self.tr("Review"),
            day=day_text(r.held_on)))
        with QSignalBlocker(self.kind):
            self.kind.setCurrentIndex(max(0, self.kind.findData(r.kind)))
        self.held_on.set_value(r.held_on)
        self.goals_model.show_goals(r.id, r.goals)
        self._show_goal_notes(len(r.goals))
        for field, saver in self._savers.items():
            saver.set_text(getattr(r, field))
        ro = self.doc.read_only
        for box in (*self.boxes.values(), self.notes):
            box.setReadOnly(ro)
        self.kind.setEnabled(not ro)
        self.held_on.setEnabled(not ro)
        self.decision.show_decision(r.decision, r.held_on, r.next_review_date,
                                    self.doc.partnership().closed_on, read_only=ro)

    def _gone(self) -> None:
        self.goals_model.show_goals(None, ())

    def _show_goal_notes(self, shown: int) -> None:
        self.goals.setVisible(shown > 0)
        self.goals_hint.setVisible(shown > 0 and not self.doc.read_only)
        if shown:
            self.no_goals.hide()
            return
        self.no_goals.setText(self.tr("Private goals are hidden while private entries are hidden (View menu).")
                              if self.doc.hide_private else
                              self.tr("You had no goals when this review started. Set some in the Goals "
                                      "tab; the next review will copy them."))
        self.no_goals.show()

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if self.record_id is None:
            return
        if initiator is self and not kinds & {Change.PARTNERSHIP}:
            return  # the fields already show what was saved
        if kinds & {Change.REVIEWS, Change.PARTNERSHIP, Change.PRIVACY, Change.GOALS}:
            self.load()

    # -- saving --------------------------------------------------------------------------------------

    def _saver_for(self, field: str) -> Callable[[str], bool]:
        return lambda text: self._save(field, text)

    def _save(self, field: str, value: object) -> bool:
        if self.record_id is None or self.doc.read_only:
            return False
        self.saved_text_only = field in TEXT_LABELS  # the list shows none of the text
        label = self.tr(TEXT_LABELS.get(field) or OTHER_LABELS[field])
        ok = self.doc.run(commands.update_review(self.record_id, label, **{field: value}), self) is not None
        if ok:
            self.show_problem("")
            if field in ("kind", "held_on"):
                self.load()  # the title and the decision's sentence name them
        else:
            self.load()
        return ok

    def _decide(self, decision: str, next_review: object) -> None:
        if self.record_id is None or self.doc.read_only:
            return
        day = next_review if isinstance(next_review, date) else None
        self.saved_text_only = False
        if self.doc.run(commands.decide_review(self.record_id, decision, day), self) is not None:
            self.show_problem("")
        self.load()
