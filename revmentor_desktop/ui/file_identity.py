"""Which file a path names, for the one-writer lock and the single-instance channel: a file under
two names (a hard link, a symlink, `..` in the path) is one file, so one window at a time."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile

from revmentor_desktop.data.files import path_digest
from revmentor_desktop.ui import paths


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def path_key(path: Path) -> str:
    """A key for the name: the same for every spelling of one path, symlinks resolved."""
    return path_digest(path, "path:")[:24]


def file_key(path: Path) -> str:
    """A key for the file itself: its device and inode (shared by every hard link to it), or —
    where there are none (a file not made yet, a file system without inode numbers) — its name."""
    try:
        st = os.stat(path)  # follows symlinks: a link and its target are one file
    except OSError:
        return path_key(path)
    if not st.st_ino:
        return path_key(path)
    return _hash(f"file:{st.st_dev}:{st.st_ino}")


class FileLock(QLockFile):
    """A QLockFile on the file's identity that also holds a second lock on its name when the two
    differ. The identity refuses a second name for an open file; the name covers what identity
    cannot: a file created while locked (it had no inode yet) and a file since replaced by a
    rename (a restore), whose new inode no other window may take while this one has it open.

    Lock files are made private (0600): they tell who has which file open.
    """

    def __init__(self, path: Path) -> None:
        folder = paths.lock_dir()
        identity, name = file_key(path), path_key(path)
        super().__init__(str(folder / f"{identity}.lock"))
        self.setStaleLockTime(0)  # a lock whose process died is reclaimed (Qt checks the PID)
        self._by_name: QLockFile | None = None
        if name != identity:
            self._by_name = QLockFile(str(folder / f"{name}.lock"))
            self._by_name.setStaleLockTime(0)

    def tryLock(self, timeout: int = 0) -> bool:
        if self._by_name is not None and not self._by_name.tryLock(timeout):
            return False
        if not super().tryLock(timeout):
            if self._by_name is not None:
                self._by_name.unlock()
            return False
        for lock in (self, self._by_name):
            if lock is not None:
                _make_private(lock.fileName())
        return True

    def lock(self) -> bool:
        return self.tryLock(-1)

    def unlock(self) -> None:
        super().unlock()
        if self._by_name is not None:
            self._by_name.unlock()


def _make_private(name: str) -> None:
    try:
        os.chmod(name, 0o600)
    except OSError:
        pass  # the lock holds all the same; the folder it is in is private (0700) anyway


def lock_for(path: Path) -> FileLock:
    """The one-writer lock of the partnership file at `path`, kept in the app-data folder (none
    next to the user's file). Take it with `tryLock(0)`."""
    return FileLock(path)
