"""The copies that opening a file makes so that the user's file is never changed by a read-only
open, and is kept as it was found before SQLite applies a side file to it.

* `recovered_copy`: a read-only open of a file with side files applies them to a private copy.
* `upgraded_copy`: a read-only open of an older file upgrades a private copy.
* `fallback_aside_folder` and `damaged_by_side_files`: where a file is set aside as found, and
  what to tell the user when the side file applied to it left it damaged.

The upgrade itself is the store's (`migrate`, passed in), so one function upgrades every file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from revmentor_desktop.data import recovery
from revmentor_desktop.data.connection import cannot_open, connect
from revmentor_desktop.data.file_check import check_opened, is_sound, quick_check
from revmentor_desktop.data.files import discard, discard_dir
from revmentor_desktop.data.migrations import SCHEMA_VERSION
from revmentor_desktop.errors import ErrorKind, KnownError

#: Upgrades the file `conn` is open on (at the path given) to SCHEMA_VERSION.
Migrate = Callable[[sqlite3.Connection, Path], None]


def recovered_copy(path: Path, pending: list[Path], migrate: Migrate) -> Path:
    """A read-only open of a file with side files SQLite would apply: apply them to a private
    copy instead, so nothing is written to (or beside) the user's file. Returns the copy, checked
    and upgraded; the caller removes it with `recovery.remove_private_copy`."""
    copy = recovery.private_copy(path, pending, "recovered.revmentor")
    try:
        conn = connect(copy, "rw")  # applies the side files, to the copy
        try:
            quick_check(conn, path)
            if check_opened(conn, path) < SCHEMA_VERSION:
                migrate(conn, copy)
        finally:
            conn.close()
    except (sqlite3.Error, KnownError) as exc:
        recovery.remove_private_copy(copy)
        known = exc if isinstance(exc, KnownError) else cannot_open(exc, path)
        if known.kind is ErrorKind.DAMAGED:
            raise KnownError(
                ErrorKind.DAMAGED,
                f"{known.message} That is with the unfinished change left beside it "
                f"({recovery.describe(pending)}) applied; the file was left as it was.",
                "Open it in the RevMentor window to choose between the file as it is and "
                "a backup.",
            ) from exc
        raise known from exc
    except BaseException:
        recovery.remove_private_copy(copy)
        raise
    return copy


def upgraded_copy(conn: sqlite3.Connection, migrate: Migrate) -> Path:
    """Copy an older file (consistently, with SQLite's backup API) into a private temporary folder
    and upgrade the copy, leaving the original untouched."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="revmentor-"))
    copy = folder / "upgraded.revmentor"
    try:
        target = sqlite3.connect(copy, isolation_level=None)
        try:
            conn.backup(target)
            migrate(target, copy)
        finally:
            target.close()
    except BaseException:
        discard(copy)  # never leave a copy of the user's data behind in the temp folder
        discard_dir(folder)
        raise
    return copy


def fallback_aside_folder() -> Path:
    """Where a file is kept as found when the caller named no backups folder (scripts, tests)."""
    import tempfile

    return Path(tempfile.gettempdir()) / f"revmentor-as-found-{os.getuid() if hasattr(os, 'getuid') else 0}"


def damaged_by_side_files(path: Path, pending: list[Path], as_found: Path,
                          exc: KnownError) -> KnownError:
    """The file is damaged after SQLite applied its side files: say so, and say what was kept."""
    sound = is_sound(as_found)
    return KnownError(
        ErrorKind.DAMAGED,
        f"{exc.message} It was changed when the unfinished change left beside it "
        f"({recovery.describe(pending)}) was applied. The file and that side file, as they were "
        f"found, are kept in “{as_found.parent}”.",
        "Use the file as it was found (without the side file), or restore a backup." if sound
        else "Restore a backup.",
        file_changed=True,
        as_found=as_found if sound else None,
    )
