"""The SWOT tab's two item icons, drawn in code on ui/icons.py's canvas."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainterPath, QPen

from revmentor_desktop.ui.icons import canvas
from revmentor_desktop.ui.swot.look import ink, look
from revmentor_desktop.ui.theme import is_dark


def shared_icon() -> QIcon:
    """A round badge with two opposed arrows (⇄): the item is in both partners' grids."""
    return _shared_icon(is_dark())


@cache
def _shared_icon(dark: bool) -> QIcon:
    pixmap, p = canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(ink(dark)[2]))
    p.drawEllipse(QRectF(1, 1, 30, 30))
    pen = QPen(QColor("#1f2023" if dark else "#ffffff"), 2.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(_arrow(8, 24, 12))  # →
    p.drawPath(_arrow(24, 8, 20))  # ←
    p.end()
    return QIcon(pixmap)


def _arrow(tail_x: float, tip_x: float, y: float, head: float = 4.5) -> QPainterPath:
    """A level arrow from `tail_x` to `tip_x`, its head's two strokes `head` long each way."""
    back = tip_x - head if tip_x > tail_x else tip_x + head
    path = QPainterPath()
    path.moveTo(tail_x, y)
    path.lineTo(tip_x, y)
    path.moveTo(back, y - head)
    path.lineTo(tip_x, y)
    path.lineTo(back, y + head)
    return path


def bullet_icon(quadrant: str) -> QIcon:
    """A small dot in the quadrant's colour, so plain items line up with the ⇄ badges."""
    return _bullet_icon(quadrant, is_dark())


@cache
def _bullet_icon(quadrant: str, dark: bool) -> QIcon:
    pixmap, p = canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(look(quadrant, dark).accent))
    p.drawEllipse(QPointF(16, 16), 5, 5)
    p.end()
    return QIcon(pixmap)
