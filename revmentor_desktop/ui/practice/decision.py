"""What a review decides — continue as is, adjust, or close the partnership — with the next review
date, and a line that says what the decision means for the partnership."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from revmentor_desktop.data.vocab import ReviewDecision
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.practice.defaults import default_next_review
from revmentor_desktop.ui.practice.fields import Choice, DateField
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import muted_label

#: The decisions' stored values and their buttons (translated where shown).
DECISIONS = (
    (ReviewDecision.CONTINUE.value, QT_TRANSLATE_NOOP("DecisionBox", "Continue as &is")),
    (ReviewDecision.ADJUST.value, QT_TRANSLATE_NOOP("DecisionBox", "Adj&ust")),
    (ReviewDecision.CLOSE.value, QT_TRANSLATE_NOOP("DecisionBox", "C&lose")),
)


def consequence(decision: str, held_on: date, next_review: date, closed_on: date | None) -> str:
    """What the decision means for the partnership, in a sentence."""
    if decision == ReviewDecision.CONTINUE:
        return QCoreApplication.translate(
            "DecisionBox", "You carry on as you are; your next review is on {day}.").format(
            day=day_text(next_review))
    if decision == ReviewDecision.ADJUST:
        return QCoreApplication.translate(
            "DecisionBox", "Change what needs changing — your goals in the Goals tab, your cadence in "
                           "the Overview; your next review is on {day}.").format(day=day_text(next_review))
    if decision == ReviewDecision.CLOSE:
        if closed_on == held_on:
            return QCoreApplication.translate(
                "DecisionBox", "The partnership is marked closed on {day}: it stays readable and stops "
                               "asking for sessions. You can reopen it.").format(day=day_text(held_on))
        if closed_on is None:
            return QCoreApplication.translate(
                "DecisionBox", "You decided to close the partnership on {day}; it has been reopened "
                               "since.").format(day=day_text(held_on))
        return QCoreApplication.translate("DecisionBox", "The partnership is closed (since {day}).").format(
            day=day_text(closed_on))
    return QCoreApplication.translate(
        "DecisionBox", "Decide together once you have talked it through: carry on as you are, adjust "
                       "(new goals, a new cadence, a new review date), or close the partnership. "
                       "Closing is undoable and can be reopened: the partnership would be marked "
                       "closed on {day}.").format(day=day_text(held_on))


class DecisionBox(QGroupBox):
    """The decision's radio buttons and next review date; `decided(decision, next_review)` when
    the user picks one or changes the date."""

    decided = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Decision"))
        self.choice = Choice([(value, self.tr(text)) for value, text in DECISIONS], self.tr("Decision"), self)
        self.next_review = DateField(self.tr("Next review date"), self)
        self.next_review.edit.setToolTip(self.tr("Becomes the partnership's review date"))
        self.note = muted_label("", self)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.choice)
        label = QLabel(self.tr("Ne&xt review:"), self)
        label.setBuddy(self.next_review.edit)
        form.addRow(label, self.next_review)
        form.addRow(self.note)
        self._held_on = date.today()
        self._closed_on: date | None = None
        self.choice.chosen.connect(self._chosen)
        self.next_review.edited.connect(self._date_edited)
        self.choice.buttons[ReviewDecision.CLOSE].setToolTip(self.tr(
            "Marks the partnership closed on the review's day: it stays readable and stops asking "
            "for sessions. You can reopen it."))

    def show_decision(self, decision: str, held_on: date, next_review: date | None,
                      closed_on: date | None, *, read_only: bool) -> None:
        """Show a review's decision from the file (no signal)."""
        self._held_on, self._closed_on = held_on, closed_on
        self.choice.set_value(decision or None)
        self.next_review.set_value(next_review or default_next_review(held_on))
        self.choice.setEnabled(not read_only)
        self._update(read_only)

    def _update(self, read_only: bool = False) -> None:
        decision = self.choice.value() or ""
        dated = decision in (ReviewDecision.CONTINUE, ReviewDecision.ADJUST)
        self.next_review.setEnabled(dated and not read_only)
        self.note.setText(consequence(decision, self._held_on, self.next_review.value(), self._closed_on))

    def _chosen(self, decision: object) -> None:
        self._update()
        self.decided.emit(str(decision), self._next_for(str(decision)))

    def _date_edited(self, _day: object) -> None:
        decision = self.choice.value() or ""
        self._update()
        if decision in (ReviewDecision.CONTINUE, ReviewDecision.ADJUST):
            self.decided.emit(decision, self.next_review.value())

    def _next_for(self, decision: str) -> date | None:
        """A decision to go on keeps the next review date shown; closing keeps none."""
        if decision in (ReviewDecision.CONTINUE, ReviewDecision.ADJUST):
            return self.next_review.value()
        return None
