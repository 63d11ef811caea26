"""Fusion for the app's dark theme, with checkboxes and radio buttons that can be seen.

Fusion outlines a checkbox or a radio button in the window colour darkened, and fills it with the
base colour: on the dark palette that is about 1.2:1 against the window, so an unticked box (a
session's "Private", a check-in's answers) all but vanished, and a chosen radio button was a small
grey dot. This style draws Fusion's indicator, then a light outline round it (3:1 or more against
the window and the base) and, on a chosen radio button, a larger dot in the text colour.

Only the dark theme uses it (a proxy style costs a Python call for every primitive drawn).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

#: the outline: 3:1 or more against the dark theme's window and base colours (see ui/theme.py)
OUTLINE = "#9aa0a6"

_BOX = QStyle.PrimitiveElement.PE_IndicatorCheckBox
_RADIO = QStyle.PrimitiveElement.PE_IndicatorRadioButton


class DarkFusion(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("fusion"))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element is not _BOX and element is not _RADIO:
            return
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        outline = QColor(OUTLINE)
        if not enabled:
            outline.setAlphaF(0.45)
        painter.setPen(QPen(outline, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element is _BOX:
            painter.drawRoundedRect(rect, 2.0, 2.0)
        else:
            painter.drawEllipse(rect)
            if option.state & QStyle.StateFlag.State_On:
                dot = option.palette.color(option.palette.ColorRole.Text)
                if not enabled:
                    dot.setAlphaF(0.45)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(dot)
                r = rect.width() / 4.2
                painter.drawEllipse(rect.center(), r, r)
        painter.restore()
