"""Which file to open at start-up: the one given, else the last one used, else the default file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor_desktop.ui import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

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
    while True:
        answer = dialog.exec()
        if answer == NewPartnershipDialog.FROM_SHARE:
            if start_from_share(dialog, default):
                return StartTarget(default)
            continue  # cancelled or refused (said why): back to the dialog
        if not answer:
            return None
        return StartTarget(default, (dialog.values(), dialog.focus_areas(), dialog.clauses.isChecked()))


def start_from_share(parent: QWidget, target: Path) -> bool:
    """Ask for the partner's share and make the default file from it; False when cancelled or
    refused (the user was told why)."""
    from PySide6.QtCore import QCoreApplication

    from revmentor_desktop.data.share import new_from_share
    from revmentor_desktop.errors import KnownError
    from revmentor_desktop.ui import dialogs
    from revmentor_desktop.ui.exchange.actions import share_filter, share_folder

    title = QCoreApplication.translate("Startup", "Start from a Partner's Share")
    path = dialogs.service.open_path(parent, share_folder(), file_filter=share_filter(), title=title)
    if path is None:
        return False
    try:
        new_from_share(path, target)
    except KnownError as exc:
        dialogs.service.error(parent, title, exc)
        return False
    return True
