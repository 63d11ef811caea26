"""A SQLite connection made the way the store uses one, and SQLite's errors in the user's words.

Every connection to a partnership file sets the same pragmas (see `store`'s module docstring for
why: rollback journal, synchronous=FULL, foreign keys on); every SQLite error a user can act on
becomes a KnownError that names the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from revmentor_desktop.data.files import uri_for
from revmentor_desktop.errors import ErrorKind, KnownError


def translate(exc: sqlite3.Error | Exception, path: Path) -> KnownError | None:
    """Turn the SQLite errors a user can act on into KnownErrors; None for our bugs."""
    msg = str(exc).lower()
    name = path.name
    if "disk is full" in msg or "database or disk is full" in msg:
        return KnownError(
            ErrorKind.DISK_FULL,
            "The disk is full, so the change was not saved.",
            "Free some space and try again; nothing already saved was lost.",
        )
    if "readonly" in msg or "read-only" in msg:
        return KnownError(
            ErrorKind.READ_ONLY, f"“{name}” is read-only, so the change was not saved."
        )
    if "locked" in msg or "busy" in msg:
        return KnownError(
            ErrorKind.IN_USE,
            f"“{name}” is in use by another program.",
            "Close the other program and try again.",
        )
    if "malformed" in msg or "not a database" in msg or "corrupt" in msg or "decode" in msg:
        return KnownError(
            ErrorKind.DAMAGED,
            f"“{name}” is damaged ({exc}).",
            "Restore a backup.",
        )
    return None


def connect(path: Path, mode: str) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN ourselves, so DDL and DML share one real transaction.
    conn = sqlite3.connect(uri_for(path, mode), uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    if mode != "ro":
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def cannot_open(exc: sqlite3.Error, path: Path) -> KnownError:
    return translate(exc, path) or KnownError(
        ErrorKind.DAMAGED, f"“{path.name}” cannot be opened ({exc}).", "Restore a backup."
    )
