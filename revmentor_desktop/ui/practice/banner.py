"""The band at the top of the tab while the partnership is closed: when it closed, what that
means, and a Reopen button. Coloured from the palette (light and dark themes alike)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.widgets import PLAIN


class ClosedBanner(QFrame):
    """Shown only while the partnership is closed; `reopen` when the user asks to reopen it."""

    reopen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAccessibleName(self.tr("The partnership is closed"))
        self.text = QLabel(self)
        self.text.setTextFormat(PLAIN)
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Reo&pen Partnership"), self)
        self.button.setAccessibleName(self.tr("Reopen the partnership"))
        self.button.setToolTip(self.tr("It asks for sessions and check-ins again; Undo closes it again"))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.button.clicked.connect(self.reopen)
        self.hide()

    def show_closed(self, closed_on: date | None, *, read_only: bool) -> None:
        if closed_on is None:
            self.hide()
            return
        self.text.setText(self.tr("This partnership closed on {day}. Everything stays readable, and it "
                                  "no longer asks for sessions or check-ins.").format(day=day_text(closed_on)))
        self.button.setEnabled(not read_only)
        self.show()
