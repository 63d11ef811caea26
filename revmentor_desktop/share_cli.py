"""The partner exchange on the command line: `--export-share`, `--import-share` (with `--prefer`),
`--new-from-share`. Each prints one line on success; an error is one line on stderr (cli._fail)
with every file as it was."""

from __future__ import annotations

import os
from pathlib import Path

from revmentor_desktop.errors import ErrorKind, KnownError


def _identify() -> None:
    """Name the app as the window does, so the lock and backups folders are the window's."""
    from PySide6.QtCore import QCoreApplication

    from revmentor_desktop import APP_NAME, ORG_NAME

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)


def export_share(source: Path, target: Path) -> str:
    from revmentor_desktop.data import share
    from revmentor_desktop.data.store import Store

    store = Store.open(source, read_only=True)
    try:  # (export_share refuses the file itself, or another name of it, as a target)
        count = share.export_share(store, target)
    finally:
        store.close()
    return (f"Wrote {count} record{'s' if count != 1 else ''} to {target} — give it to your partner "
            "(nothing private is in it).")


def describe(counts: dict[str, int]) -> str:
    parts = [f"{counts.get(k, 0)} {word}" for k, word in (("add", "added"), ("update", "changed"),
                                                         ("remove", "removed"))]
    return ", ".join(parts)


def import_share(target: Path, share_path: Path, prefer: str | None) -> str:
    """Import the partner's share into `target`: refuses (writing nothing) while records both
    partners changed are unsettled; backs the file up first."""
    _identify()
    from revmentor_desktop.data import backup, recovery, share
    from revmentor_desktop.data.file_check import check_header
    from revmentor_desktop.data.migrations import SCHEMA_VERSION
    from revmentor_desktop.data.share_merge import resolve
    from revmentor_desktop.data.store import Store
    from revmentor_desktop.ui import paths
    from revmentor_desktop.ui.file_identity import lock_for

    incoming = share.read_share(share_path)  # before anything is opened for writing
    if not target.exists():
        raise KnownError(ErrorKind.NOT_FOUND, f"“{target}” does not exist.")
    lock = lock_for(target)
    if not lock.tryLock(0):
        raise KnownError(ErrorKind.IN_USE, f"“{target.name}” is open in RevMentor.",
                         "Import from the window (File › Import from Partner…), or close it first.")
    try:
        if check_header(target).schema_version < SCHEMA_VERSION:  # opening would upgrade it in place
            share.refuse_older_format(target, "import")
        real = Path(os.path.realpath(target))  # (SQLite's side files are beside the file, not a link)
        recovery.refuse_odd_side_files(real)
        pending = recovery.pending_side_files(real)
        if pending:  # opening would apply them to the file before the import could still be refused
            raise KnownError(
                ErrorKind.CANNOT_WRITE,
                f"“{target.name}” has an unfinished change beside it ({recovery.describe(pending)}), "
                "which opening it would apply, so nothing was imported.",
                "Open it in RevMentor first (which keeps a copy of the file as found and checks what "
                "the change does), then import. Both were left as they were.")
        store = Store.open(target, backup_folder=paths.backup_folder_for(target))
        try:
            if store.read_only:
                raise KnownError(ErrorKind.READ_ONLY, f"“{target.name}” is read-only, so nothing was imported.")
            plan = share.plan_from(store, incoming)
            unsettled = resolve(plan, prefer=prefer)  # type: ignore[arg-type]
            if unsettled:
                names = "; ".join(i.label for i in plan.conflicts)
                raise KnownError(
                    ErrorKind.CONFLICTS,
                    f"{len(unsettled)} record{'s were' if len(unsettled) != 1 else ' was'} changed by "
                    f"both of you since your last exchange: {names}. Nothing was imported.",
                    "Run again with --prefer mine or --prefer theirs, or import from the window "
                    "to choose one by one.")
            if plan.is_empty():
                return f"Nothing new in {share_path.name}: {target.name} already holds all of it."
            if not store.read_only:
                backup.make_backup(target, paths.backup_folder_for(target), reason="before-import")
            share.apply_plan(store, plan)
        finally:
            store.close()
    finally:
        lock.unlock()
    partner = incoming.records["agreement"][incoming.pair].data[f"{incoming.author}_name"]
    if not plan.changes():
        return (f"Imported {partner}'s share into {target}: it holds nothing new "
                "(RevMentor noted what you both have, for the next exchange).")
    return f"Imported {partner}'s share into {target}: {describe(plan.counts())}."


def new_from_share(share_path: Path, target: Path) -> str:
    from revmentor_desktop.data import share

    started = share.new_from_share(share_path, target)
    return (f"Started {target} from the share ({started.records} records), as the {started.me}; "
            "RevMentor opens it with: revmentor " + str(target))
