"""A 1–5 rating as five stars: click a star (or press 1–5, or the arrow keys) to rate, click the
rated star again (or press 0, Delete or Backspace) for "not rated". Drawn in the palette's colours."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QToolButton,
    QWidget,
)

from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import PLAIN

MAX = 5
#: what each rating means, said beside the stars (translated where shown)
MEANINGS = {1: QT_TRANSLATE_NOOP("Stars", "not useful yet"), 2: QT_TRANSLATE_NOOP("Stars", "a little useful"),
            3: QT_TRANSLATE_NOOP("Stars", "useful"), 4: QT_TRANSLATE_NOOP("Stars", "very useful"),
            5: QT_TRANSLATE_NOOP("Stars", "invaluable")}


def rating_words(value: int | None) -> str:
    if value is None:
        return QCoreApplication.translate("Stars", "Not rated")
    return QCoreApplication.translate("Stars", "{value} of {max} — {meaning}").format(
        value=value, max=MAX, meaning=QCoreApplication.translate("Stars", MEANINGS[value]))


def star_path(centre: QPointF, outer: float) -> QPainterPath:
    """A five-pointed star, point up."""
    inner = outer * 0.45
    path = QPainterPath()
    for k in range(10):
        radius = outer if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        point = QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        if k == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


class Stars(QWidget):
    """The five stars themselves: a focusable control; `rated` says what the user chose."""

    rated = Signal(object)  # int 1–5, or None: not rated

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: int | None = None
        self._hover: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Usefulness"))
        self._describe()

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Show a value from the file (no signal)."""
        self._value = value if value is not None and 1 <= value <= MAX else None
        self._describe()
        self.update()

    def _describe(self) -> None:
        words = rating_words(self._value)
        self.setAccessibleDescription(words)
        self.setToolTip(self.tr("{rating}. Click a star, or press 1–5; 0 clears.").format(rating=words))

    def choose(self, value: int | None) -> None:
        """A rating the user chose: shown, and said with `rated`."""
        if value != self._value:
            self.set_value(value)
            self.rated.emit(self._value)

    # -- geometry ------------------------------------------------------------------------------------

    def _cell(self) -> int:
        return max(18, int(self.fontMetrics().height() * 1.5))

    def sizeHint(self) -> QSize:
        cell = self._cell()
        return QSize(cell * MAX + 4, cell + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _star_at(self, x: float) -> int | None:
        if not self.isEnabled():
            return None
        n = int((x - 2) // self._cell()) + 1
        return n if 1 <= n <= MAX else None

    # -- painting ------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        group = QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled
        filled = pal.color(group, QPalette.ColorRole.Highlight)
        outline = pal.color(group, QPalette.ColorRole.PlaceholderText)
        cell = self._cell()
        shown = self._hover if self._hover is not None else (self._value or 0)
        for k in range(1, MAX + 1):
            centre = QPointF(2 + cell * (k - 0.5), 2 + cell / 2)
            path = star_path(centre, cell * 0.42)
            on = k <= shown
            p.setPen(QPen(filled if on else outline, 1.4))
            p.setBrush(filled if on else Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = self.rect()
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, p, self)
        p.end()

    # -- input ---------------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self._star_at(event.position().x())
        if hover != self._hover:
            self._hover = hover
            self.update()

    def leaveEvent(self, _event: object) -> None:
        self._hover = None
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        star = self._star_at(event.position().x())
        if star is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.choose(None if star == self._value else star)  # the rated star again: not rated

    def event(self, event: QEvent) -> bool:
        # Delete and Backspace clear the rating while the stars have the focus: the window's
        # Delete (delete the selected record) must not take them first.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self._value or 0
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.choose(int(key) - int(Qt.Key.Key_0))
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.choose(None)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self.choose(min(MAX, current + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self.choose(current - 1 if current > 1 else None)
        elif key == Qt.Key.Key_Home:
            self.choose(1)
        elif key == Qt.Key.Key_End:
            self.choose(MAX)
        else:
            super().keyPressEvent(event)


class _Words(QLabel):
    """The rating in words: on one line where the row has room for it ("4 of 5 — very useful"),
    wrapped only where it has not (a word-wrapped label asks for a narrow width of its own)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        whole = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 2
        return QSize(max(hint.width(), whole), hint.height())


class RatingField(QWidget):
    """The stars, what the rating means in words, and a Clear button."""

    rated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stars = Stars(self)
        self.words = _Words(self)
        self.words.setTextFormat(PLAIN)
        self.words.setWordWrap(True)  # in a narrow column (the Journal's at scale 2) it wraps, not clips
        self.clear = QToolButton(self)
        self.clear.setText(self.tr("Clear"))
        self.clear.setAutoRaise(True)
        self.clear.setToolTip(self.tr("Not rated (0)"))
        self.clear.setAccessibleName(self.tr("Clear the usefulness rating"))
        self.clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard clears with 0
        keep = self.clear.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the words do not jump when it comes and goes
        self.clear.setSizePolicy(keep)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.stars)
        row.addWidget(self.words)
        row.addWidget(self.clear)
        row.addStretch(1)
        self.setFocusProxy(self.stars)
        self.stars.rated.connect(self._rated)
        self.clear.clicked.connect(lambda: self.stars.choose(None))
        self._show(None)

    def value(self) -> int | None:
        return self.stars.value()

    def set_value(self, value: int | None) -> None:
        self.stars.set_value(value)
        self._show(self.stars.value())

    def _show(self, value: int | None) -> None:
        self.words.setText(rating_words(value))
        self.clear.setVisible(value is not None)

    def _rated(self, value: object) -> None:
        self._show(value if isinstance(value, int) else None)
        self.rated.emit(value)
