"""Which file to open at start-up: the one given, else the last one used, else the default file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor_desktop.ui import paths

if TYPE_CHECKING:
    from revmentor_desktop.ui.window.file_session import NewPartnership


@dataclass(frozen=True)
class StartTarget:
    path: Path
    #: values for a partnership to create at `path` (first run), else None to open it
    create: NewPartnership | None = None


def choose_start_file(given: Path | None) -> StartTarget | None:
    """None means the user cancelled the first-run dialog and the app should quit."""
    if given is not None:
        return StartTarget(given)
    last = paths.last_file()
    if last is not None and last.exists():
        return StartTarget(last)
    default = paths.default_file()
    if default.exists():
        return StartTarget(default)
    from revmentor_desktop.ui import translations
    from revmentor_desktop.ui.icons import app_icon
    from revmentor_desktop.ui.new_partnership import NewPartnershipDialog

    translations.install()  # the first-run dialog's stock buttons in the user's language
    dialog = NewPartnershipDialog(first_run=True)
    dialog.setWindowIcon(app_icon())  # the app's icon is set once the main window has painted
    if not dialog.exec():
        return None
    return StartTarget(default, (dialog.values(), dialog.focus_areas(), dialog.clauses.isChecked()))
