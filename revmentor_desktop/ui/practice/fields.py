"""Two small fields the forms share: a date that says when the user changed it (typed or picked in
the calendar), and a row of radio buttons for one value out of a few (or none yet)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.ui.widgets import from_qdate, make_date_edit, to_qdate


class DateField(QWidget):
    """A calendar date; `edited(date)` when the user changes it (not when the file's value is shown)."""

    edited = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = make_date_edit(self)
        self.edit.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self._shown: date | None = None
        self.edit.editingFinished.connect(self._finished)
        self.edit.dateChanged.connect(self._calendar_pick)

    def value(self) -> date:
        return from_qdate(self.edit.date())

    def set_value(self, value: date) -> None:
        self._shown = value
        with QSignalBlocker(self.edit):
            self.edit.setDate(to_qdate(value))

    def _finished(self) -> None:
        if self.value() != self._shown:
            self._shown = self.value()
            self.edited.emit(self._shown)

    def _calendar_pick(self) -> None:
        # A pick in the popup calendar never sends editingFinished; typing does.
        if self.edit.calendarWidget().isVisible():
            self._finished()


class Choice(QWidget):
    """Radio buttons in a row, one per value; none checked while nothing is chosen.
    `chosen(value)` when the user picks one."""

    chosen = Signal(object)

    def __init__(self, options: Sequence[tuple[str, str]], name: str, parent: QWidget | None = None,
                 *, vertical: bool = False) -> None:
        super().__init__(parent)
        layout: QHBoxLayout | QVBoxLayout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for value, text in options:
            button = QRadioButton(text, self)
            button.setAccessibleName(f"{name}: {text.replace('&', '')}")
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
        if not vertical:
            layout.addStretch(1)
        self.group.buttonClicked.connect(self._clicked)
        first = next(iter(self.buttons.values()))
        self.setFocusProxy(first)

    def value(self) -> str | None:
        return next((v for v, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: str | None) -> None:
        """Show a value from the file (no signal); None or an unknown value: none checked."""
        self.group.setExclusive(False)  # an exclusive group never lets its last button go
        for v, b in self.buttons.items():
            with QSignalBlocker(b):
                b.setChecked(v == value)
        self.group.setExclusive(True)
        checked = self.buttons.get(value or "")
        self.setFocusProxy(checked or next(iter(self.buttons.values())))

    def _clicked(self, button: QAbstractButton) -> None:
        for v, b in self.buttons.items():
            if b is button:
                self.setFocusProxy(b)
                self.chosen.emit(v)
                return
