"""Run something once a widget has painted: how the window paints first and loads later.

Its own module, light on purpose: it is imported before the first paint, where every Qt name
touched costs (`Qt` alone is ~25 ms of enum building), so it uses QEvent and QTimer only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint has reached the screen
            self.deleteLater()
        return False


def after_next_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Run `then` once `widget` has painted (a zero timer alone can fire before the first paint)."""
    widget.installEventFilter(_AfterPaint(widget, then))
    widget.update()
