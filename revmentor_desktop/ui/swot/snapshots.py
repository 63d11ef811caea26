"""The dialog that names and dates a new snapshot of both grids."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.widgets import from_qdate, make_date_edit, to_qdate, wrapped_label


class SnapshotDialog(QDialog):
    """Asks for a snapshot's label and date (the label follows the date until the user edits it)."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save Snapshot"))
        today = today or date.today()
        layout = QVBoxLayout(self)
        intro = wrapped_label(self.tr("A snapshot keeps both grids as they stand, so you can later "
                                      "compare and see what each of you added, dropped or moved."), self)
        layout.addWidget(intro)
        form = QFormLayout()
        self.label = QLineEdit(self)
        self.label.setAccessibleName(self.tr("Snapshot label"))
        self.taken_on = make_date_edit(self)
        self.taken_on.setDate(to_qdate(today))
        self.taken_on.setAccessibleName(self.tr("Snapshot date"))
        self.label.setText(self.default_label(today))
        form.addRow(self.tr("&Label:"), self.label)
        form.addRow(self.tr("&Date:"), self.taken_on)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._label_edited = False
        self.label.textEdited.connect(self._edited)
        self.taken_on.dateChanged.connect(self._date_changed)
        self.label.selectAll()
        self.setMinimumWidth(380)

    @staticmethod
    def default_label(day: date) -> str:
        return QCoreApplication.translate("SnapshotDialog", "Snapshot {day}").format(day=day_text(day))

    def _edited(self, text: str) -> None:
        self._label_edited = bool(text.strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(text.strip()))

    def _date_changed(self, value: QDate) -> None:
        if not self._label_edited:
            self.label.setText(self.default_label(from_qdate(value)))

    def values(self) -> tuple[str, date]:
        return self.label.text().strip(), from_qdate(self.taken_on.date())
