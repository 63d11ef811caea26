"""Backups of a partnership file: consistent copies, checked, thinned by age, and restored safely.

Every copy is made with SQLite's online backup API (never a plain file copy of an open database),
written under a temporary name, checked with `integrity_check`, made private (0600) and only then
renamed into place — so a backup that exists is a good one. A file's backups live in their own
folder, named by the moment they were taken and the file's change counter (header bytes 24–27,
bumped by every committed write), which tells cheaply whether the file changed since.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from revmentor_desktop.data.files import (
    SQLITE_MAGIC,
    discard,
    ensure_private_dir,
    folder_for,
    fsync_file,
    refuse_odd_side_file,
    refuse_overwriting,
    uri_for,
)
from revmentor_desktop.errors import ErrorKind, KnownError

SUFFIX = ".revmentor"
_NAME = re.compile(r"^(?P<stamp>\d{8}T\d{6}\d{6}Z)-c(?P<counter>\d+)-(?P<reason>[a-z-]+)\.revmentor$")

KEEP_LATEST = 10
KEEP_DAILY_DAYS = 14
KEEP_WEEKLY_WEEKS = 13


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC
    counter: int
    reason: str
    size: int

    def counts(self) -> tuple[int, int]:
        """(goals, journal entries) in this backup."""
        conn = sqlite3.connect(uri_for(self.path, "ro"), uri=True)
        try:
            goals = conn.execute("SELECT count(*) FROM goal").fetchone()[0]
            entries = conn.execute("SELECT count(*) FROM journal_entry").fetchone()[0]
        finally:
            conn.close()
        return int(goals), int(entries)


def change_counter(path: Path) -> int | None:
    """The file change counter from the header, or None when the file is not SQLite."""
    try:
        with Path(path).open("rb") as fh:
            header = fh.read(28)
    except OSError:
        return None
    if len(header) < 28 or not header.startswith(SQLITE_MAGIC):
        return None
    return int.from_bytes(header[24:28], "big")


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in `folder`, newest first."""
    out = []
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):  # none yet, or a link to nowhere / a file
        return []
    for name in names:
        m = _NAME.match(name)
        if not m:
            continue
        path = Path(folder) / name
        try:
            size = path.stat().st_size
        except OSError:
            continue
        try:
            taken = datetime.strptime(m["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        except ValueError:
            continue  # looks like a backup's name but is no real moment: not one of ours
        out.append(BackupInfo(path, taken, int(m["counter"]), m["reason"], size))
    out.sort(key=lambda b: b.taken_at, reverse=True)
    return out


def needs_backup(source: Path, folder: Path) -> bool:
    """True when `source` changed since its newest backup (or has none)."""
    counter = change_counter(source)
    if counter is None:
        return False
    backups = list_backups(folder)
    return not backups or backups[0].counter != counter


def _ensure_folder(folder: Path) -> None:
    """Create a backups folder, or say in the user's words why it cannot be."""
    try:
        ensure_private_dir(Path(folder))
    except OSError as exc:
        raise KnownError(
            ErrorKind.CANNOT_WRITE,
            f"Backups cannot be written to “{folder}”: {exc.strerror or exc}.",
            "Reconnect the drive that folder is on, or remove whatever is in its place (a broken "
            "link, a file), and backups are made again.",
        ) from exc


def _copy_consistently(source: Path, target: Path) -> None:
    """Copy a database with the backup API into a new file `target` (must not exist)."""
    src = sqlite3.connect(uri_for(source, "ro"), uri=True)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            # A half-made copy is thrown away, never rolled back: it needs no rollback journal,
            # and a crash mid-copy then leaves no "-journal" beside it.
            dst.execute("PRAGMA journal_mode = OFF")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _roll_back_crashed_write(path: Path) -> None:
    """A crash mid-write leaves a hot "-journal" that a read-only connection cannot roll back
    (SQLITE_READONLY_ROLLBACK); let a read-write connection do it, as opening the file would."""
    if not Path(f"{path}-journal").exists():
        return
    conn = sqlite3.connect(uri_for(Path(path), "rw"), uri=True)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    finally:
        conn.close()


def _integrity_ok(path: Path) -> bool:
    try:
        conn = sqlite3.connect(uri_for(path, "ro"), uri=True)
        try:
            row = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == "ok"


def make_backup(source: Path, folder: Path, reason: str = "auto", now: datetime | None = None) -> BackupInfo:
    """Back up `source` into `folder`; the backup is checked before it counts. Raises KnownError."""
    now = now or datetime.now(UTC)
    refuse_odd_side_file(os.path.realpath(source), Path(source).name, so="no backup was made",
                         then="try again.")
    reason = re.sub(r"[^a-z-]", "-", reason.lower()) or "auto"
    try:
        _roll_back_crashed_write(Path(source))
    except sqlite3.Error as exc:
        raise KnownError(ErrorKind.DAMAGED, f"“{Path(source).name}” cannot be backed up ({exc}).") from exc
    counter = change_counter(source)
    if counter is None:
        raise KnownError(ErrorKind.NOT_SQLITE, f"“{Path(source).name}” cannot be backed up: it is not a database.")
    _ensure_folder(folder)
    name = f"{now:%Y%m%dT%H%M%S%f}Z-c{counter}-{reason}{SUFFIX}"
    final = Path(folder) / name
    tmp = Path(folder) / f".{name}.part"
    try:
        _copy_consistently(Path(source), tmp)
        if not _integrity_ok(tmp):
            raise KnownError(ErrorKind.DAMAGED, "The backup did not pass its integrity check; it was discarded.")
        fsync_file(tmp)
        os.replace(tmp, final)
    except sqlite3.Error as exc:
        discard(tmp)
        if "full" in str(exc).lower():
            raise KnownError(ErrorKind.DISK_FULL, "The disk is full, so no backup could be made.") from exc
        raise KnownError(ErrorKind.DAMAGED, f"The backup failed ({exc}); it was discarded.") from exc
    except OSError as exc:
        discard(tmp)
        raise KnownError(ErrorKind.CANNOT_WRITE, f"The backup could not be written: {exc.strerror or exc}.") from exc
    except BaseException:
        discard(tmp)
        raise
    return BackupInfo(final, now, counter, reason, final.stat().st_size)


def save_copy(source: Path, target: Path) -> None:
    """File > Save a Copy…: a consistent copy of `source` at `target` (replacing it), made private."""
    target = Path(target)
    refuse_overwriting(target, Path(source), "Choose a different place: that is the open file itself.",
                       ErrorKind.ALREADY_EXISTS)
    refuse_odd_side_file(os.path.realpath(source), Path(source).name, so="the copy was not made",
                         then="try again.")
    tmp = target.with_name(f".{target.name}.part-{os.getpid()}")
    try:
        _copy_consistently(Path(source), tmp)
        fsync_file(tmp)
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        discard(tmp)
        raise KnownError(ErrorKind.CANNOT_WRITE, f"The copy could not be made ({exc}).") from exc
    except OSError as exc:
        discard(tmp)
        if exc.errno == 28:
            raise KnownError(ErrorKind.DISK_FULL, "The disk is full, so the copy was not made.") from exc
        raise KnownError(ErrorKind.CANNOT_WRITE, f"The copy could not be written: {exc.strerror or exc}.") from exc


def restore(backup: Path, target: Path, folder: Path) -> BackupInfo | None:
    """Put `backup` in place of `target`, after backing up the target's current state (when it is
    a sound database). The file must not be open for writing. Returns the safety backup made.

    A `target` that is a symlink keeps being one: the backup goes where it points (the rename
    that puts it in place would otherwise replace the link and leave the real file as it was)."""
    if not _integrity_ok(backup):
        raise KnownError(ErrorKind.DAMAGED, f"The backup “{Path(backup).name}” is damaged and cannot be restored.")
    target = Path(target).resolve()
    safety = None
    if Path(target).exists():
        with contextlib.suppress(sqlite3.Error):  # a damaged file: the check below says so
            _roll_back_crashed_write(Path(target))
    if Path(target).exists() and _integrity_ok(Path(target)):
        safety = make_backup(Path(target), folder, "before-restore")
    tmp = Path(target).with_name(f".{Path(target).name}.restoring-{os.getpid()}")
    try:
        _copy_consistently(Path(backup), tmp)
        fsync_file(tmp)
        for side in ("-journal", "-wal", "-shm"):
            discard(Path(str(target) + side))  # stale side files would corrupt the restored copy
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        discard(tmp)
        raise KnownError(ErrorKind.CANNOT_WRITE, f"The backup could not be restored: {exc}.") from exc
    # The restored file's change counter starts again from the backup's own; back it up now so the
    # newest backup shares its counter line and needs_backup() stays true after every later edit.
    make_backup(Path(target), folder, "restored")
    return safety


def thin(folder: Path, now: datetime | None = None) -> list[Path]:
    """Drop old backups: keep the newest 10, one a day for two weeks, one a week for three months,
    and always the newest "before-upgrade" one. Returns what was removed."""
    now = now or datetime.now(UTC)
    backups = list_backups(folder)
    keep: set[Path] = {b.path for b in backups[:KEEP_LATEST]}
    seen_days: set[object] = set()
    seen_weeks: set[object] = set()
    for b in backups:  # newest first: the newest of each day / week is kept
        age = now - b.taken_at
        if age <= timedelta(days=KEEP_DAILY_DAYS):
            day = b.taken_at.date()
            if day not in seen_days:
                seen_days.add(day)
                keep.add(b.path)
        elif age <= timedelta(weeks=KEEP_WEEKLY_WEEKS):
            week = b.taken_at.isocalendar()[:2]
            if week not in seen_weeks:
                seen_weeks.add(week)
                keep.add(b.path)
    upgrades = [b for b in backups if b.reason == "before-upgrade"]
    if upgrades:
        keep.add(upgrades[0].path)
    removed = []
    for b in backups:
        if b.path not in keep:
            discard(b.path)
            removed.append(b.path)
    return removed


def cleanup_partials(folders: Iterable[Path]) -> None:
    """Remove half-written backups left by a crash (".…part" files)."""
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.startswith(".") and name.endswith((".part", ".part-journal")):
                discard(Path(folder) / name)


__all__ = ["BackupInfo", "change_counter", "cleanup_partials", "folder_for", "list_backups",
           "make_backup", "needs_backup", "restore", "save_copy", "thin"]

