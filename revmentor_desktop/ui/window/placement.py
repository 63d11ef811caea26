"""Where the main window goes and how big it is: the first-run size, the last size and place
(restored from settings), always fitted to the screen it lands on, at any scale factor."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from revmentor_desktop.ui import paths
from revmentor_desktop.ui.layout import fit_minimum, fit_window

FIRST_WIDTH, FIRST_HEIGHT = 1300, 850
MIN_WIDTH, MIN_HEIGHT = 760, 520


def place(window: QMainWindow) -> None:
    """The last size and place, or the first-run size — either way fitted to the screen it lands
    on (at most 90 % of its free area, wholly on it)."""
    from PySide6.QtCore import QByteArray

    window.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
    window.resize(FIRST_WIDTH, FIRST_HEIGHT)
    value = paths.settings().value("geometry")
    if isinstance(value, QByteArray | bytes) and value:
        window.restoreGeometry(QByteArray(value))
    fit_to_screen(window)


def fit_to_screen(window: QMainWindow) -> None:
    from PySide6.QtGui import QGuiApplication

    g = window.geometry()
    screen = QGuiApplication.screenAt(g.center()) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    a = screen.availableGeometry()
    room = (a.x(), a.y(), a.width(), a.height())
    window.setMinimumSize(*fit_minimum(MIN_WIDTH, MIN_HEIGHT, room))
    if window.isMaximized() or window.isFullScreen():
        return
    x, y, w, h = fit_window(g.x(), g.y(), g.width(), g.height(), room)
    if (x, y, w, h) != (g.x(), g.y(), g.width(), g.height()):
        window.setGeometry(x, y, w, h)


def remember(window: QMainWindow) -> None:
    """Keep the window's size and place for the next start."""
    s = paths.settings()
    s.setValue("geometry", window.saveGeometry())
    s.sync()
