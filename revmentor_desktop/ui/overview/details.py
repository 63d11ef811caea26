"""The Overview's "Partnership" box: names, roles, dates, cadence and focus areas, each saved as
it is edited (typing after a pause, pickers and steps at once)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QFormLayout, QGroupBox, QSpinBox, QWidget

from revmentor_desktop.data import commands, reads
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.partnership_fields import PartnershipFields
from revmentor_desktop.ui.widgets import (
    OptionalDateEdit,
    TextSaver,
    from_qdate,
    problem_label,
    to_qdate,
)

#: What a partnership field may hold (the data layer validates it).
FieldValue = str | int | date | None


class PartnershipDetails(QGroupBox):
    """The partnership's own fields; its saves name it as their initiator, so the Overview does not
    reload what the user is typing."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Partnership"))
        self.doc = doc
        f = PartnershipFields(self, lambda parent: OptionalDateEdit(self.tr("Review on"), parent))
        self.mentor, self.mentee, self.me, self.organisation = f.mentor, f.mentee, f.me, f.organisation
        self.start, self.cadence, self.duration, self.focus = f.start, f.cadence, f.duration, f.focus
        assert isinstance(f.review, OptionalDateEdit)
        self.review = f.review
        self.review.setAccessibleName(self.tr("Review date"))
        self.review.edit.setAccessibleName(self.tr("Review date"))
        self._build_form(f)
        self._savers = self._connect_saving()

    def _build_form(self, fields: PartnershipFields) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.add_rows(form)
        self.problem = problem_label(self)
        form.addRow(self.problem)

    def _connect_saving(self) -> list[TextSaver]:
        """Text fields save after a pause in typing (TextSaver); the rest when they change."""

        def saving(field: str) -> Callable[[str], bool]:
            return lambda text: self._save(field, text)

        savers = [TextSaver(self.mentor, saving("mentor_name")),
                  TextSaver(self.mentee, saving("mentee_name")),
                  TextSaver(self.organisation, saving("organisation"))]
        self.me.activated.connect(lambda _i: self._save("me", self.me.currentData()))
        self.start.editingFinished.connect(lambda: self._save("start_date", from_qdate(self.start.date())))
        self.start.dateChanged.connect(self._start_picked)
        self.review.changed.connect(lambda: self._save("review_date", self.review.value()))
        for spin, field in ((self.cadence, "cadence_days"), (self.duration, "duration_minutes")):
            spin.editingFinished.connect(lambda s=spin, f=field: self._save(f, s.value()))
            spin.valueChanged.connect(lambda _v, s=spin, f=field: self._spin_stepped(s, f))
        for box in self.focus.boxes:
            box.toggled.connect(lambda _on: self._save_focus())
        self._focus_saver = TextSaver(self.focus.own, lambda _t: self._save_focus())
        savers.append(self._focus_saver)
        return savers

    # -- showing the file ------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the partnership as the file holds it (fields with unsaved typing keep the typing)."""
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

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)

    # -- saving ----------------------------------------------------------------------------------------

    def _save(self, field: str, value: FieldValue) -> bool:
        if self.doc.read_only:
            return False
        ok = self.doc.run(commands.update_partnership(**{field: value}), self) is not None
        self.problem.setText("" if ok else self.problem.text())
        return ok

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

    def flush(self) -> None:
        for saver in self._savers:
            saver.flush()

    def has_unsaved(self) -> bool:
        return any(saver.dirty for saver in self._savers)
