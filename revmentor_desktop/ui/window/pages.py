"""What the window shows in place of the tabs: a line while a file opens, and the page shown while
no partnership is open, which offers to open one or make a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from revmentor_desktop.ui.widgets import PLAIN


def message_label(parent: QWidget | None = None) -> QLabel:
    """A page with one line of plain text in its middle ("Opening ours.revmentor…")."""
    label = QLabel(parent)
    label.setTextFormat(PLAIN)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class EmptyPage(QWidget):
    open_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        text = QLabel("No partnership is open.", self)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        for label, signal in (("&Open a Partnership…", self.open_requested),
                              ("&New Partnership…", self.new_requested)):
            b = QPushButton(label, self)
            b.clicked.connect(signal)
            b.setMaximumWidth(260)
            layout.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
