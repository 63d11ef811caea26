"""Small icons drawn in code (no icon theme is guaranteed on every desktop)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap


def canvas(size: int = 32) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter  # the caller paints, then calls painter.end()


def lock_icon() -> QIcon:
    """A padlock: marks private goals and entries (grey that reads on the theme's background)."""
    from revmentor_desktop.ui.theme import is_dark

    return _lock_icon(is_dark())


@cache
def _lock_icon(dark: bool) -> QIcon:
    body, hole = ("#b8c0c8", "#1f2023") if dark else ("#5b6770", "#ffffff")
    pixmap, p = canvas()
    p.setPen(QPen(QColor(body), 3.2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRectF(9, 3, 14, 16), 0, 180 * 16)
    p.drawLine(QPointF(9, 11), QPointF(9, 15))
    p.drawLine(QPointF(23, 11), QPointF(23, 15))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(body))
    p.drawRoundedRect(QRectF(5, 14, 22, 15), 3, 3)
    p.setBrush(QColor(hole))
    p.drawEllipse(QPointF(16, 20.5), 2.3, 2.3)
    p.drawRect(QRectF(15.2, 21, 1.6, 4.5))
    p.end()
    return QIcon(pixmap)


@cache
def overdue_icon() -> QIcon:
    """A warning triangle: marks overdue goals and action items (always with text as well)."""
    pixmap, p = canvas()
    path = QPainterPath()
    path.moveTo(16, 3)
    path.lineTo(30, 28)
    path.lineTo(2, 28)
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c77700"))
    p.drawPath(path)
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(14.5, 10, 3, 11), 1.5, 1.5)
    p.drawEllipse(QPointF(16, 24.5), 1.8, 1.8)
    p.end()
    return QIcon(pixmap)


def app_icon() -> QIcon:
    """RevMentor's own icon (resources/revmentor.svg), for windows and dialogs."""
    from revmentor_desktop.assets import read_bytes

    pixmap = QPixmap()
    pixmap.loadFromData(read_bytes("revmentor.svg"), "SVG")
    return QIcon(pixmap)
