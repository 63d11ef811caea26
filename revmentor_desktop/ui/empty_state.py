"""What a list shows while it has nothing to show: the one look of every tab's empty state."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.ui.widgets import PLAIN, embolden, muted_label


class EmptyState(QScrollArea):
    """A bold heading, a short centred explanation and, where there is one, the button that gets
    the list started (`place_button`), a little above the middle of the space. `heading` and
    `text` are plain-text labels the tab may reword. In a small window (a large scale factor) it
    scrolls rather than cut its lines off."""

    def __init__(self, parent: QWidget, heading: str = "", text: str = "") -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its button is Tab's stop (see widgets.form_scroll)
        content = QWidget(self)
        self.heading = QLabel(heading, content)
        self.heading.setTextFormat(PLAIN)
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        embolden(self.heading, 1.3)
        self.text = muted_label(text, content)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMaximumWidth(460)
        centred = QHBoxLayout()  # a wrapped line at most 460 px wide, in the middle
        centred.addStretch(1)
        centred.addWidget(self.text, 100)
        centred.addStretch(1)
        self._column = QVBoxLayout(content)
        self._column.setContentsMargins(24, 24, 24, 24)
        self._column.addStretch(1)
        self._column.addWidget(self.heading)
        self._column.addLayout(centred)
        self._column.addStretch(2)
        self.setWidget(content)

    def sizeHint(self) -> QSize:
        """As large as its content would like (a layout gives it that room when it can); squeezed
        below that, it scrolls."""
        content = self.widget()
        return content.sizeHint() if content is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        """Room for the heading and a few lines at least, so a splitter does not squeeze it to a
        sliver; below its content's own minimum it scrolls."""
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        wanted = content.minimumSizeHint()
        return QSize(wanted.width(), min(wanted.height(), 8 * self.fontMetrics().lineSpacing()))

    def place_button(self, button: QPushButton) -> None:
        """`button` under the explanation, centred."""
        self._column.insertSpacing(self._column.count() - 1, 12)
        self._column.insertWidget(self._column.count() - 1, button, 0, Qt.AlignmentFlag.AlignHCenter)
