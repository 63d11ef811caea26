"""File › Share with Partner…, Import from Partner… and New from Partner's Share…: the partner exchange
from the window (the data side: data/share.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog

from revmentor_desktop.errors import KnownError
from revmentor_desktop.ui import dialogs, paths

if TYPE_CHECKING:
    from revmentor_desktop.data.share_format import Share
    from revmentor_desktop.data.share_merge import Plan
    from revmentor_desktop.ui.exchange.preview import ImportPreview
    from revmentor_desktop.ui.window.main_window import MainWindow

SUFFIX = ".revshare"


def share_filter() -> str:
    return QCoreApplication.translate("Exchange", "Partner shares (*{suffix});;All files (*)").format(
        suffix=SUFFIX)


def safe_names(mentor: str, mentee: str) -> str:
    names = f"{mentor} & {mentee}"
    safe = "".join(c if c.isprintable() and c not in '\\/:*?"<>|' else " " for c in names)
    return " ".join(safe.split())[:80].strip(" .") or QCoreApplication.translate("Exchange", "Partnership")


def share_folder() -> Path:
    """Where the share dialogs start: the folder used last for a share, else the export folder."""
    from revmentor_desktop.ui.export import export_folder

    last = paths.settings().value("exchange/folder")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    return export_folder()


def _remember_folder(path: Path) -> None:
    paths.settings().setValue("exchange/folder", str(path.parent))


@contextmanager
def busy(window: MainWindow, message: str) -> Iterator[None]:
    """A wait cursor and a status line while a long exchange step runs (a first import of ten
    years of sessions takes seconds)."""
    window.statusBar().showMessage(message)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        window.statusBar().clearMessage()


class Exchange(QObject):
    """The exchange's three ways in, for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    # -- writing my share ---------------------------------------------------------------------------

    def share(self) -> Path | None:
        doc = self.window.doc
        if doc is None:
            return None
        self.window.flush()
        from revmentor_desktop.data import share

        p = doc.partnership()
        partner = p.mentee_name if p.me == "mentor" else p.mentor_name
        suggested = share_folder() / self.tr("{names} — share {day}{suffix}").format(
            names=safe_names(p.mentor_name, p.mentee_name), day=date.today().isoformat(), suffix=SUFFIX)
        target = dialogs.service.save_path(self.window, self.tr("Share with Partner"), suggested,
                                           share_filter())
        if target is None:
            return None
        if not target.suffix:
            target = target.with_suffix(SUFFIX)
        try:
            count = share.export_share(doc.store, target)
        except KnownError as exc:
            dialogs.service.error(self.window, self.tr("Share Not Written"), exc)
            return None
        _remember_folder(target)
        self.window.statusBar().showMessage(self.tr("Share written to {path}").format(path=target), 8000)
        choice = dialogs.service.inform(
            self.window, self.tr("Share Written"),
            self.tr("Your share ({n} records, nothing private) was written to {path}.\n\nGive it to "
                    "{partner}: they take it in with File › Import from Partner…, and send you "
                    "theirs.").format(n=count, path=target, partner=partner),
            [self.tr("Show in Folder")])
        if choice == 0:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target.parent)))
        return target

    # -- taking in theirs --------------------------------------------------------------------------------

    def _pick_share(self, title: str) -> Share | None:
        from revmentor_desktop.data.share_format import read_share

        path = dialogs.service.open_path(self.window, share_folder(), file_filter=share_filter(),
                                         title=self.tr("Open Your Partner's Share"))
        if path is None:
            return None
        try:
            with busy(self.window, self.tr("Reading the share…")):
                found = read_share(path)
        except KnownError as exc:
            dialogs.service.error(self.window, title, exc)
            return None
        _remember_folder(path)
        return found

    def ask(self, plan: Plan, partner: str) -> ImportPreview | None:
        """Show the preview; the accepted dialog (its choices), or None when cancelled."""
        from revmentor_desktop.ui.exchange.preview import ImportPreview

        preview = ImportPreview(plan, partner, self.window)
        return preview if preview.exec() == QDialog.DialogCode.Accepted else None

    def import_share(self) -> bool:
        doc = self.window.doc
        if doc is None:
            return False
        title = self.tr("Cannot Import")
        if doc.read_only:
            dialogs.service.error(self.window, title, self.tr(
                "This file is open read-only, so nothing can be imported into it."))
            return False
        self.window.flush()
        incoming = self._pick_share(title)
        if incoming is None:
            return False
        from revmentor_desktop.data import backup, commands, share
        from revmentor_desktop.data.share_merge import resolve, unmatch

        try:
            with busy(self.window, self.tr("Comparing the share with your file…")):
                plan = share.plan_from(doc.store, incoming)
        except KnownError as exc:
            dialogs.service.error(self.window, title, exc)
            return False
        partner = str(incoming.records["agreement"][incoming.pair].data[f"{incoming.author}_name"])
        label = self.tr("Import from {partner}'s Share").format(partner=partner)
        if not plan.changes():
            doc.run(commands.import_share(plan, label))  # notes what both hold; nothing to undo
            dialogs.service.inform(self.window, self.tr("Nothing New"), self.tr(
                "{partner}'s share holds nothing you do not already have.").format(partner=partner), [])
            return True
        preview = self.ask(plan, partner)
        if preview is None:
            return False
        unmatch(plan, preview.unmatched())
        if resolve(plan, preview.choices):
            return False  # (the Import button waits for every choice)
        try:
            source = doc.store.shown_path
            backup.make_backup(source, paths.backup_folder_for(source), reason="before-import")
        except KnownError as exc:
            dialogs.service.error(self.window, title, exc)
            return False
        with busy(self.window, self.tr("Importing…")):
            done = doc.run(commands.import_share(plan, label))
        if done is None:
            return False
        counts = plan.counts()
        self.window.statusBar().showMessage(self.tr(
            "Imported {partner}'s share: {add} added, {change} changed, {remove} removed — "
            "Edit › Undo takes it back").format(partner=partner, add=counts["add"],
                                                change=counts["update"], remove=counts["remove"]),
            10000)
        return True

    # -- a new file of my own from theirs ---------------------------------------------------------------

    def new_from_share(self) -> Path | None:
        title = self.tr("Cannot Start from the Share")
        incoming = self._pick_share(title)
        if incoming is None:
            return None
        from revmentor_desktop.data.share import new_from_share

        agreement = incoming.records["agreement"][incoming.pair].data
        suggested = (paths.data_dir() if self.window.doc is None
                     else self.window.doc.store.shown_path.parent) / (
            safe_names(agreement["mentor_name"], agreement["mentee_name"]) + ".revmentor")
        target = dialogs.service.save_path(self.window, self.tr("Save Your Own File As"), suggested)
        if target is None:
            return None
        if not target.suffix:
            target = target.with_suffix(".revmentor")
        try:
            new_from_share(incoming.path, target)
        except KnownError as exc:
            dialogs.service.error(self.window, title, exc)
            return None
        self.window.open_file(target)
        return target
