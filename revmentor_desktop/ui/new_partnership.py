"""The "New partnership" dialog: both names, who I am, start date, cadence, focus areas."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import compute
from revmentor_desktop.ui.partnership_fields import PartnershipFields
from revmentor_desktop.ui.widgets import PLAIN, from_qdate, make_date_edit, problem_label, to_qdate


class NewPartnershipDialog(QDialog):
    #: what `exec()` returns when the user chose to start from a partner's share instead
    FROM_SHARE = 2

    def __init__(self, parent: QWidget | None = None, *, first_run: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Partnership — RevMentor"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        tell = self.tr("Tell us about the partnership. Everything stays in one file on this computer; "
                       "you can change any of it later on the Overview tab.")
        intro = QLabel(self.tr("Welcome to RevMentor.") + " " + tell if first_run else tell, self)
        intro.setWordWrap(True)
        intro.setTextFormat(PLAIN)
        layout.addWidget(intro)

        form = QFormLayout()
        f = PartnershipFields(self, make_date_edit)
        self.mentor, self.mentee, self.me, self.organisation = f.mentor, f.mentee, f.me, f.organisation
        self.start, self.cadence, self.duration, self.focus = f.start, f.cadence, f.duration, f.focus
        self.mentor.setPlaceholderText(self.tr("e.g. Priya Raman"))
        self.mentee.setPlaceholderText(self.tr("e.g. Martin Okafor"))
        self.clauses = QCheckBox(self.tr("Start with suggested ground rules (you can edit them)"), self)
        self.clauses.setChecked(True)
        assert isinstance(f.review, QDateEdit)
        self.review = f.review
        self.review.setAccessibleName(self.tr("Review date"))
        self.review.setToolTip(self.tr("When you look back together and decide to continue, adjust or "
                                       "close. Three months after the start is a good first review."))
        self._review_follows = True  # moves with the start date until the user picks one
        self.review.setDate(to_qdate(compute.default_review_date(from_qdate(self.start.date()))))
        self.start.dateChanged.connect(self._start_moved)
        self.review.dateChanged.connect(self._review_picked)
        f.add_rows(form, in_dialog=True)
        form.addRow("", self.clauses)
        layout.addLayout(form)

        self.problem = problem_label(self)
        layout.addWidget(self.problem)
        # A problem said is taken down as soon as the user sets about putting it right.
        for field in (self.mentor, self.mentee):
            field.textEdited.connect(lambda _text: self._recheck())
        self.review.dateChanged.connect(lambda _day: self._recheck())
        self.start.dateChanged.connect(lambda _day: self._recheck())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create Partnership"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.from_share = buttons.addButton(self.tr("Start from a Partner's S&hare…"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.from_share.setToolTip(self.tr(
            "Your partner already keeps the partnership in RevMentor: start your own file from the "
            "share they gave you (File › Share with Partner… on their side)."))
        self.from_share.clicked.connect(lambda: self.done(self.FROM_SHARE))
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "mentor_name": self.mentor.text(),
            "mentee_name": self.mentee.text(),
            "me": self.me.currentData(),
            "organisation": self.organisation.text(),
            "start_date": from_qdate(self.start.date()),
            "cadence_days": self.cadence.value(),
            "duration_minutes": self.duration.value(),
            "review_date": from_qdate(self.review.date()),
        }

    def _start_moved(self) -> None:
        if self._review_follows:
            self.review.blockSignals(True)
            self.review.setDate(to_qdate(compute.default_review_date(from_qdate(self.start.date()))))
            self.review.blockSignals(False)

    def _review_picked(self) -> None:
        self._review_follows = False

    def focus_areas(self) -> list[str]:
        return self.focus.names()

    def _problem(self) -> tuple[str, QWidget | None]:
        """What the form would refuse now, and the field to put right ("" and None: nothing)."""
        if not self.mentor.text().strip() or not self.mentee.text().strip():
            return (self.tr("Please enter both names."),
                    self.mentee if self.mentor.text().strip() else self.mentor)
        if self.review.date() <= self.start.date():
            return self.tr("The review date should come after the start date."), self.review
        return "", None

    def _recheck(self) -> None:
        """A problem said is brought up to date as the user puts it right (taken down once it is)."""
        if self.problem.text():
            self.problem.setText(self._problem()[0])

    def accept(self) -> None:
        # Cheap checks here so the dialog stays open with the user's typing; data/ checks again.
        problem, field = self._problem()
        if field is not None:
            self.problem.setText(problem)
            field.setFocus()
            return
        super().accept()
