"""Moved: the main window is now the package `revmentor_desktop.ui.window` (kept only until every
import names the new place)."""

from __future__ import annotations

from revmentor_desktop.ui.file_identity import lock_for
from revmentor_desktop.ui.window.main_window import MainWindow

__all__ = ["MainWindow", "lock_for"]
