"""Start Review…: the kind of review (mid-point or closing) and its day, before the review copies
the goals as they stand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data.vocab import ReviewKind
from revmentor_desktop.report.text import by_count, day_text
from revmentor_desktop.ui.practice.fields import Choice, DateField
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import muted_label

#: The kinds' stored values and their buttons (translated where shown).
KINDS = (
    (ReviewKind.MIDPOINT.value,
     QT_TRANSLATE_NOOP("StartReviewDialog", "&Mid-point review — how is it going, what should change?")),
    (ReviewKind.CLOSING.value,
     QT_TRANSLATE_NOOP("StartReviewDialog", "&Closing review — at the end of a term: what did it give each of you?")),
)


def copy_note(goals: int, review_date: date | None) -> str:
    """What starting a review does, and when the partnership's review is due."""
    if goals == 0:
        what = QCoreApplication.translate(
            "StartReviewDialog", "You have no goals yet, so the review starts without any; the next one "
                                 "will copy those you set in the Goals tab.")
    else:
        what = by_count(goals, QCoreApplication.translate(
            "StartReviewDialog", "The review copies your {n} goal (dropped ones left out) as they stand "
                                 "today — each with its success measure and progress — so you can write "
                                 "what you achieved beside what you expected."), QCoreApplication.translate(
            "StartReviewDialog", "The review copies your {n} goals (dropped ones left out) as they stand "
                                 "today — each with its success measure and progress — so you can write "
                                 "what you achieved beside what you expected.")).format(n=goals)
    if review_date is not None:
        what += " " + QCoreApplication.translate(
            "StartReviewDialog", "Your partnership's review date is {day}.").format(day=day_text(review_date))
    return what


class StartReviewDialog(QDialog):
    """Asks for the kind and day of a new review; the caller starts it when accepted."""

    def __init__(self, kind: str, day: date, goals: int, review_date: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start Review"))
        layout = QVBoxLayout(self)
        note = muted_label(copy_note(goals, review_date), self)
        note.setMinimumWidth(380)
        layout.addWidget(note)
        form = QFormLayout()
        self.kind = Choice([(value, self.tr(text)) for value, text in KINDS], self.tr("Kind of review"), self,
                           vertical=True)
        self.kind.set_value(kind)
        self.day = DateField(self.tr("Review date"), self)
        self.day.set_value(day)
        kind_label = QLabel(self.tr("Kind:"), self)
        kind_label.setBuddy(self.kind)
        day_label = QLabel(self.tr("&Date:"), self)
        day_label.setBuddy(self.day.edit)
        form.addRow(kind_label, self.kind)
        form.addRow(day_label, self.day)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.start_button: QPushButton = buttons.addButton(self.tr("&Start Review"),
                                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_kind(self) -> str:
        return self.kind.value() or ReviewKind.MIDPOINT.value

    def chosen_day(self) -> date:
        return self.day.value()
