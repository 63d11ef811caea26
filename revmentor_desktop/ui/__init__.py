"""Widgets, dialogs and item models; they read and write only through revmentor_desktop.data.ops."""

from revmentor_desktop.ui import source_scan

source_scan.install()  # before anything else is imported under PySide6: see source_scan's docstring
