"""The open file known by its identity (device and inode), not its path: noticing that it was moved,
deleted or replaced while open, finding where it went, and saving what it still holds elsewhere.

A `HeldFile` keeps a read-only connection on the file, so after the path stops naming it what was
saved can still be read, and rescued, through that connection (the store's `plain()` reads use it
too). See `store`'s module docstring for the decisions behind it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from revmentor_desktop.data.files import discard, fsync_dir, fsync_file, uri_for
from revmentor_desktop.errors import ErrorKind, KnownError


class HeldFile:
    """The file at `path` as it is now, held open read-only; `close()` lets go of it."""

    def __init__(self, path: Path) -> None:
        """Note which file this is (device and inode) and keep it open: after it is moved, deleted
        or replaced, what was saved can still be read, and rescued, through the open connection."""
        self.path = path
        self.identity: tuple[int, int] | None = None
        self.conn: sqlite3.Connection | None = None
        try:
            st = os.stat(self.path)
            self.conn = sqlite3.connect(uri_for(self.path, "ro"), uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error):
            self.identity, self.conn = None, None  # cannot tell; SQLite reports what it finds
            return
        self.identity = (st.st_dev, st.st_ino)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def check_in_place(self, name: str) -> None:
        """KnownError(MOVED) when the file is no longer at its path (moved, deleted or replaced by
        another file since it was opened): nothing may be read from or written to that path.
        `name` is the file's name as the user knows it."""
        if self.identity is None:
            return
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            st = None
        except OSError:
            return  # cannot tell (e.g. a folder made unreadable); SQLite reports what it finds
        if st is not None and (st.st_dev, st.st_ino) == self.identity:
            return
        where = None if st is not None else self.whereabouts()
        if st is not None:
            what = f"“{name}” was replaced by another file while it was open"
        elif where is not None:
            what = f"“{name}” was moved to “{where}” while it was open"
        else:
            what = f"“{name}” was moved or deleted while it was open"
        raise KnownError(
            ErrorKind.MOVED, f"{what}, so the change was not saved.",
            "Everything saved before is still at hand and what you typed is kept: save the "
            "partnership under a new name to go on." if where is None
            else "What you typed is kept: follow the file to its new place to go on.",
        )

    def whereabouts(self) -> Path | None:
        """Where the open file is now, when the system can say (Linux, through /proc); None when
        it was deleted or cannot be found."""
        if self.identity is None:
            return None
        fds = Path("/proc/self/fd")
        try:
            names = os.listdir(fds)
        except OSError:
            return None
        for n in names:
            try:
                st = os.stat(fds / n)
                if (st.st_dev, st.st_ino) != self.identity:
                    continue
                now = Path(os.readlink(fds / n))
                st = os.stat(now)
            except OSError:
                continue  # closed meanwhile, or the link names a deleted file
            if now.is_absolute() and (st.st_dev, st.st_ino) == self.identity:
                return now
        return None

    def save_as(self, target: Path, name: str) -> None:
        """Write everything saved so far to `target` (replacing it), read through the open file
        itself, so it works after the file was moved, deleted or replaced. `name` is the file's
        name as the user knows it."""
        if self.conn is None:
            raise KnownError(ErrorKind.CANNOT_WRITE, f"“{name}” cannot be read any more.")
        tmp = target.with_name(f".{target.name}.saving-{os.getpid()}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
            copy = sqlite3.connect(tmp, isolation_level=None)
            try:
                copy.execute("PRAGMA journal_mode = OFF")  # a half-made copy is discarded, not rolled back
                self.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
            fsync_file(tmp)
            os.replace(tmp, target)
            fsync_dir(target.parent)
        except (sqlite3.Error, OSError) as exc:
            discard(tmp)
            discard(Path(f"{tmp}-journal"))
            full = (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "full" in str(exc).lower()
            raise KnownError(
                ErrorKind.DISK_FULL if full else ErrorKind.CANNOT_WRITE,
                f"The partnership could not be saved as “{target.name}” "
                f"({'the disk is full' if full else getattr(exc, 'strerror', None) or exc}).",
                "Choose another place.",
            ) from exc
