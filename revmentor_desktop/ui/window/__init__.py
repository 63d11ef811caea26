"""The main window, in parts: menus and layout (`main_window`), the open file's life
(`file_session`), one window per file (`single_instance`) and the tabs, built lazily (`tab_host`)."""

from __future__ import annotations

from revmentor_desktop.ui.window.main_window import MainWindow

__all__ = ["MainWindow"]
