"""The partnership's fields (names, who I am, organisation, start, cadence, length, focus areas), set
up one way for the new-partnership dialog and the Overview's details alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from revmentor_desktop.ui.controls import ComboBox, SpinBox
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import make_date_edit

# Mirrors data.models.DEFAULT_FOCUS_AREAS; kept here so this dialog loads before the data layer.
# Not translated: a ticked area is stored in the file under this name (it is the pair's data).
DEFAULT_FOCUS_AREAS = (
    "Technology adoption",
    "Diversity & inclusion",
    "Leadership development",
    "Workplace communication",
)

# Mirrors data.models.Role: the value stored, and its label (translated where shown).
ROLES = (("mentor", QT_TRANSLATE_NOOP("PartnershipFields", "the mentor (I bring tech, trends, culture)")),
         ("mentee", QT_TRANSLATE_NOOP("PartnershipFields",
                                      "the mentee (I bring perspective, network, leadership)")))

#: The rows both forms show the fields in, in this order, with their labels on the Overview
#: (translated where shown). "review" is each form's own review-date field.
ROWS = (("mentor", QT_TRANSLATE_NOOP("PartnershipFields", "&Mentor:")),
        ("mentee", QT_TRANSLATE_NOOP("PartnershipFields", "M&entee:")),
        ("me", QT_TRANSLATE_NOOP("PartnershipFields", "&I am:")),
        ("organisation", QT_TRANSLATE_NOOP("PartnershipFields", "O&rganisation:")),
        ("start", QT_TRANSLATE_NOOP("PartnershipFields", "&Started:")),
        ("review", QT_TRANSLATE_NOOP("PartnershipFields", "Re&view date:")),
        ("cadence", QT_TRANSLATE_NOOP("PartnershipFields", "Meet e&very:")),
        ("duration", QT_TRANSLATE_NOOP("PartnershipFields", "&Usual length:")),
        ("focus", QT_TRANSLATE_NOOP("PartnershipFields", "Focus areas:")))
#: The labels the new-partnership dialog gives some of them instead: it says who is junior and who
#: senior, and its mnemonics are its own.
DIALOG_LABELS = {"mentor": QT_TRANSLATE_NOOP("PartnershipFields", "&Mentor (junior):"),
                 "mentee": QT_TRANSLATE_NOOP("PartnershipFields", "M&entee (senior):"),
                 "organisation": QT_TRANSLATE_NOOP("PartnershipFields", "&Organisation:"),
                 "start": QT_TRANSLATE_NOOP("PartnershipFields", "&Start date:"),
                 "review": QT_TRANSLATE_NOOP("PartnershipFields", "&Review on:")}


class FocusAreaPicker(QWidget):
    """The four standard focus areas as checkboxes plus a line for the pair's own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        for i, name in enumerate(DEFAULT_FOCUS_AREAS):
            box = QCheckBox(name.replace("&", "&&"), self)  # "&" is a mnemonic marker in labels
            box.setProperty("focus_area", name)
            self.boxes.append(box)
            grid.addWidget(box, i // 2, i % 2)
        self.own = QLineEdit(self)
        self.own.setPlaceholderText(self.tr("Your own, separated by commas (e.g. Social media presence)"))
        self.own.setAccessibleName(self.tr("Your own focus areas"))
        grid.addWidget(self.own, 2, 0, 1, 2)

    def names(self) -> list[str]:
        chosen = [b.property("focus_area") for b in self.boxes if b.isChecked()]
        chosen += [p.strip() for p in self.own.text().split(",") if p.strip()]
        return chosen

    def set_names(self, names: list[str]) -> None:
        folded = {n.casefold() for n in names}
        for box in self.boxes:
            box.setChecked(box.property("focus_area").casefold() in folded)
        standard = {d.casefold() for d in DEFAULT_FOCUS_AREAS}
        own = [n for n in names if n.casefold() not in standard]
        if self.own.text() != ", ".join(own) and not self.own.hasFocus():
            self.own.setText(", ".join(own))


class PartnershipFields:
    """The partnership's fields, set up one way for the first-run dialog and the Overview alike."""

    def __init__(self, parent: QWidget, make_review: Callable[[QWidget], QWidget]) -> None:
        """`make_review` makes the form's own review-date field (each form has its own kind). The
        fields are made in the order they show, which is the order Tab follows."""
        def shown(text: str) -> str:  # a label marked with QT_TRANSLATE_NOOP, translated
            return QCoreApplication.translate("PartnershipFields", text)

        self.mentor = QLineEdit(parent)
        self.mentee = QLineEdit(parent)
        self.me = ComboBox(parent)
        for value, label in ROLES:
            self.me.addItem(shown(label), value)
        self.organisation = QLineEdit(parent)
        self.organisation.setPlaceholderText(QCoreApplication.translate("PartnershipFields", "optional"))
        self.start = make_date_edit(parent)
        self.review = make_review(parent)
        self.cadence = SpinBox(parent)
        self.cadence.setRange(1, 365)
        self.cadence.setValue(14)
        self.cadence.setSuffix(QCoreApplication.translate("PartnershipFields", " days"))
        self.duration = SpinBox(parent)
        self.duration.setRange(5, 600)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.duration.setSuffix(QCoreApplication.translate("PartnershipFields", " minutes"))
        self.focus = FocusAreaPicker(parent)
        for w, name in ((self.mentor, QT_TRANSLATE_NOOP("PartnershipFields", "Mentor's name")),
                        (self.mentee, QT_TRANSLATE_NOOP("PartnershipFields", "Mentee's name")),
                        (self.me, QT_TRANSLATE_NOOP("PartnershipFields", "Who I am")),
                        (self.organisation, QT_TRANSLATE_NOOP("PartnershipFields", "Organisation")),
                        (self.start, QT_TRANSLATE_NOOP("PartnershipFields", "Start date")),
                        (self.cadence, QT_TRANSLATE_NOOP("PartnershipFields", "Meeting cadence in days")),
                        (self.duration, QT_TRANSLATE_NOOP("PartnershipFields",
                                                          "Usual meeting length in minutes"))):
            w.setAccessibleName(shown(name))

    def add_rows(self, form: QFormLayout, *, in_dialog: bool = False) -> None:
        """The fields as `form`'s rows (ROWS), labelled for the Overview, or for the new-partnership
        dialog (`in_dialog`)."""
        fields: dict[str, QWidget] = {
            "mentor": self.mentor, "mentee": self.mentee, "me": self.me, "organisation": self.organisation,
            "start": self.start, "review": self.review, "cadence": self.cadence, "duration": self.duration,
            "focus": self.focus}
        for field, label in ROWS:
            text = DIALOG_LABELS.get(field, label) if in_dialog else label
            form.addRow(QCoreApplication.translate("PartnershipFields", text), fields[field])
