"""Widgets, dialogs and item models; they read through revmentor_desktop.data.reads and write
through data.commands (never the ORM directly: import-linter's "the window and the report read
through data.reads")."""

from revmentor_desktop.ui import source_scan

source_scan.install()  # before anything else is imported under PySide6: see source_scan's docstring
