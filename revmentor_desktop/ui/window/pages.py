"""What the window shows in place of the tabs: a line while a file opens, and the page shown while
no partnership is open, which offers to open one or make a new one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class MessagePage(QLabel):
    """A page with one line of the user's text in its middle ("Opening ours.revmentor…").

    Shown before the first paint, where touching `Qt` costs ~25 ms (shiboken builds its enums):
    so no alignment or text-format flags. A label centres vertically by default, the HTML
    centres the line, and the text is escaped, so a file name always shows as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def say(self, text: str) -> None:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        # (`html` costs ~7 ms to import)
        self.setText(f'<div align="center">{escaped}</div>')  # not translated


class EmptyPage(QWidget):
    open_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # built when first needed, after the first paint
        from PySide6.QtWidgets import QPushButton  # (~9 ms to make the class: not before the paint)

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        text = QLabel(self.tr("No partnership is open."), self)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        for label, signal in ((self.tr("&Open a Partnership…"), self.open_requested),
                              (self.tr("&New Partnership…"), self.new_requested)):
            b = QPushButton(label, self)
            b.clicked.connect(signal)
            b.setMaximumWidth(260)
            layout.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
