"""The form controls that hold a value (number and date boxes, drop-downs, sliders), made safe on
a form that scrolls, and polite to Edit › Undo.

* **The wheel.** Qt's own controls take a wheel turn over them as a change of value, and give
  themselves the focus for it: scrolling down the Overview or a session's form, a turn that passed
  over "Meet every" or a session's date changed it, and the change was saved at once. These take
  the focus only by a click or Tab, and leave a wheel turn to the page unless they have the focus.
* **Tab.** A date box takes Tab to move between its day, month and year; these leave it.
* **Ctrl+Z.** A number or date box claims Ctrl+Z (and Ctrl+Shift+Z, Ctrl+Y) for the text in its
  box even when it has nothing of its own to undo, so after stepping a duration up with the arrow
  key Ctrl+Z did nothing while Edit › Undo offered the change. These let the keys through to
  Edit › Undo and Redo whenever their box has nothing to undo or redo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDateEdit, QSlider, QSpinBox, QWidget


class _ValueControl:
    """What the controls below add to the Qt class they are mixed into."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        assert isinstance(self, QWidget)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: a turn gives no focus

    def wheelEvent(self, event: QWheelEvent) -> None:
        assert isinstance(self, QWidget)
        if self.hasFocus():
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()  # on to the page that holds it, which scrolls


class _BoxControl(_ValueControl):
    """A number or date box: its Ctrl+Z goes to Edit › Undo when the box has nothing to undo."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            assert isinstance(self, QAbstractSpinBox)
            line = self.lineEdit()
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = (event.matches(QKeySequence.StandardKey.Redo)
                    or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Y"))
            if (undo and not line.isUndoAvailable()) or (redo and not line.isRedoAvailable()):
                event.ignore()  # not this box's: the window's shortcut takes it
                return False
        return bool(super().event(event))  # type: ignore[misc]


class SpinBox(_BoxControl, QSpinBox):
    """A whole-number box (see the module's note)."""


class DateEdit(_BoxControl, QDateEdit):
    """A date box (see the module's note). Tab and Shift+Tab leave it, as they leave every other
    field: Qt's move from its day to its month to its year first, so a form took three Tabs a
    date. Typing a separator, and Ctrl+Left/Right, still move between its parts (Qt does those
    through the same focusNextPrevChild, so only the Tab keys are taken here)."""

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier)):
            backward = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            QWidget.focusNextPrevChild(self, not backward)
            return True
        return super().event(event)


class ComboBox(_ValueControl, QComboBox):
    """A drop-down list (see the module's note)."""


class Slider(_ValueControl, QSlider):
    """A slider (see the module's note)."""
