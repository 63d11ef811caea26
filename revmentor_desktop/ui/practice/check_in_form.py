"""The selected check-in: its day, whose it is, what is working, what to tweak, how useful the
partnership has been (1–5) and whether the goals are still the right ones — each saved at once."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.reads import CheckInRow
from revmentor_desktop.data.vocab import GoalsStillRight, Role
from revmentor_desktop.ui.controls import ComboBox
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.practice.common import Names, SavingForm
from revmentor_desktop.ui.practice.fields import Choice, DateField
from revmentor_desktop.ui.practice.stars import RatingField
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import TextSaver, text_box

#: Undo-step names (translated where used).
FIELD_LABELS = {
    "held_on": QT_TRANSLATE_NOOP("CheckInForm", "Change Check-in Date"),
    "author": QT_TRANSLATE_NOOP("CheckInForm", "Change Whose Check-in"),
    "working": QT_TRANSLATE_NOOP("CheckInForm", "Edit What Is Working"),
    "tweak": QT_TRANSLATE_NOOP("CheckInForm", "Edit What to Tweak"),
    "usefulness": QT_TRANSLATE_NOOP("CheckInForm", "Rate Usefulness"),
    "goals_still_right": QT_TRANSLATE_NOOP("CheckInForm", "Answer Whether the Goals Are Right"),
}

#: The answers' stored values and their labels (translated where shown).
GOALS_ANSWERS = (
    (GoalsStillRight.YES.value, QT_TRANSLATE_NOOP("CheckInForm", "Yes")),
    (GoalsStillRight.PARTLY.value, QT_TRANSLATE_NOOP("CheckInForm", "Partly")),
    (GoalsStillRight.NO.value, QT_TRANSLATE_NOOP("CheckInForm", "No")),
    (GoalsStillRight.UNSAID.value, QT_TRANSLATE_NOOP("CheckInForm", "Not answered")),
)

HELP = QT_TRANSLATE_NOOP("CheckInForm", "A check-in every few sessions: each of you says, on your own, "
                                        "what works and what to tweak. The junior partner's view "
                                        "counts as much as the senior's.")


class CheckInForm(SavingForm):
    """Edits one check-in; every field saves itself through `Document.run`."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self._author: str = Role.MENTOR
        layout = self._start_layout(self.tr("Check-in"), self.tr(HELP))
        layout.addLayout(self._build_form())
        layout.addStretch(1)
        self.setMaximumWidth(900)  # lines a reader can follow on a wide screen
        self._savers = {
            "working": TextSaver(self.working, lambda t: self._save("working", t)),
            "tweak": TextSaver(self.tweak, lambda t: self._save("tweak", t)),
        }
        self.held_on.edited.connect(lambda d: self._save("held_on", d))
        self.author.activated.connect(lambda _i: self._save("author", self.author.currentData()))
        self.usefulness.rated.connect(lambda v: self._save("usefulness", v))
        self.goals_right.chosen.connect(lambda v: self._save("goals_still_right", v))

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.held_on = DateField(self.tr("Check-in date"), self)
        self.author = ComboBox(self)
        self.author.setAccessibleName(self.tr("Whose check-in"))
        self.author.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        for role in Role:
            self.author.addItem(role.value, role.value)
        self.working = text_box(self, self.tr("What is working"), self.tr("What works well in your sessions?"), 4)
        self.tweak = text_box(self, self.tr("What to tweak"), self.tr("One or two things to change or try next"), 4)
        self.usefulness = RatingField(self)
        self.goals_right = Choice([(value, self.tr(label)) for value, label in GOALS_ANSWERS],
                                  self.tr("Are the goals still the right ones"), self)

        def add_row(text: str, field: QWidget, buddy: QWidget | None = None) -> None:
            label = QLabel(text, self)
            label.setBuddy(buddy or field)
            form.addRow(label, field)

        add_row(self.tr("&Date:"), self.held_on, self.held_on.edit)
        add_row(self.tr("Written &by:"), self.author)
        add_row(self.tr("What &is working:"), self.working)
        add_row(self.tr("What to &tweak:"), self.tweak)
        add_row(self.tr("&Usefulness so far:"), self.usefulness, self.usefulness.stars)
        add_row(self.tr("Goals still &right?"), self.goals_right)
        return form

    # -- loading -------------------------------------------------------------------------------------

    def set_names(self, names: Names) -> None:
        self._names = names
        for i in range(self.author.count()):
            self.author.setItemText(i, names.titled(self.author.itemData(i)))
        self._show_title()

    @property
    def check_in_id(self) -> int | None:
        """The check-in shown (None: none)."""
        return self.record_id

    set_check_in = SavingForm.show_record

    def _read(self, record_id: int) -> CheckInRow:
        return reads.get_check_in(self.doc.store, record_id)

    def _show(self, c: CheckInRow) -> None:
        self._author = c.author
        self.held_on.set_value(c.held_on)
        with QSignalBlocker(self.author):
            self.author.setCurrentIndex(max(0, self.author.findData(c.author)))
        self.usefulness.set_value(c.usefulness)
        self.goals_right.set_value(c.goals_still_right)
        self._savers["working"].set_text(c.working)
        self._savers["tweak"].set_text(c.tweak)
        ro = self.doc.read_only
        for box in (self.working, self.tweak):
            box.setReadOnly(ro)
        for other in (self.held_on, self.author, self.usefulness, self.goals_right):
            other.setEnabled(not ro)
        self._show_title()

    def _show_title(self) -> None:
        if self.record_id is not None:
            self.title.setText(self.tr("{name}'s check-in").format(name=self._names.name(self._author)))

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if self.record_id is not None and Change.CHECK_INS in kinds and initiator is not self:
            self.load()

    # -- saving --------------------------------------------------------------------------------------

    def _save(self, field: str, value: object) -> bool:
        if self.record_id is None or self.doc.read_only:
            return False
        self.saved_text_only = field in self._savers  # the list shows none of the text
        edit = commands.update_check_in(self.record_id, self.tr(FIELD_LABELS[field]), **{field: value})
        ok = self.doc.run(edit, self) is not None
        if ok:
            self.show_problem("")
            if field == "author" and isinstance(value, str):
                self._author = value
                self._show_title()
        else:
            self.load()  # a refused pick shows what the file holds again
        return ok

    def tab_chain(self) -> tuple[QWidget, ...]:
        """The fields in the order Tab walks them (the tab sets the whole chain at once)."""
        return (self.held_on.edit, self.author, self.working, self.tweak, self.usefulness.stars,
                *self.goals_right.buttons.values())

    def focus_first_text(self) -> None:
        self.working.setFocus(Qt.FocusReason.OtherFocusReason)
