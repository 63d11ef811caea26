"""Whether a file is a sound partnership file we can open: its header, read before SQLite touches
it (`check_header`), then the whole-file check (`quick_check`) and what the header promised,
confirmed through SQLite (`check_opened`). Reads only; a failing check raises KnownError."""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from revmentor_desktop.data.connection import connect
from revmentor_desktop.data.files import SQLITE_MAGIC
from revmentor_desktop.data.migrations import APPLICATION_ID, SCHEMA_VERSION
from revmentor_desktop.errors import ErrorKind, KnownError

HEADER_SIZE = 100


@dataclass(frozen=True)
class FileCheck:
    """What a file's header says, read without opening it as a database."""

    path: Path
    schema_version: int
    application_id: int
    page_size: int
    size: int


def check_header(path: Path) -> FileCheck:
    """Refuse anything that is not a partnership file we can open, without touching it."""
    path = Path(path)
    name = path.name
    try:
        st = path.stat()
    except FileNotFoundError:
        raise KnownError(ErrorKind.NOT_FOUND, f"“{path}” does not exist.") from None
    except OSError as exc:
        raise KnownError(ErrorKind.CANNOT_WRITE, f"“{path}” cannot be read: {exc.strerror}.") from None
    if stat.S_ISDIR(st.st_mode):
        raise KnownError(ErrorKind.NOT_SQLITE, f"“{path}” is a folder, not a partnership file.")
    if not stat.S_ISREG(st.st_mode):  # a pipe, a socket, a device: never opened, never read from
        raise KnownError(ErrorKind.NOT_SQLITE,
                         f"“{name}” is not a file (a device or a pipe), so it holds no partnership.",
                         "Choose a .revmentor file.")
    if st.st_size == 0:
        raise KnownError(
            ErrorKind.EMPTY,
            f"“{name}” is empty (0 bytes), so it holds no partnership.",
            "Open another file, or restore a backup.",
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(HEADER_SIZE)
    except OSError as exc:
        raise KnownError(ErrorKind.CANNOT_WRITE, f"“{path}” cannot be read: {exc.strerror}.") from None
    if not header.startswith(SQLITE_MAGIC):
        raise KnownError(
            ErrorKind.NOT_SQLITE,
            f"“{name}” is not a RevMentor partnership file (it is not a SQLite database).",
            "Choose a .revmentor file.",
        )
    if len(header) < HEADER_SIZE:
        raise KnownError(
            ErrorKind.DAMAGED,
            f"“{name}” is damaged: it is cut short ({st.st_size} bytes).",
            "Restore a backup.",
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        raise KnownError(
            ErrorKind.NOT_PARTNERSHIP,
            f"“{name}” is a SQLite database but not a RevMentor partnership file.",
            "Choose a .revmentor file.",
        )
    if user_version > SCHEMA_VERSION:
        raise KnownError(
            ErrorKind.NEWER_VERSION,
            f"“{name}” was saved by a newer version of RevMentor (file format {user_version}; "
            f"this version reads up to {SCHEMA_VERSION}).",
            "Update RevMentor to open it.",
        )
    if page_size < 512 or st.st_size % page_size:
        raise KnownError(
            ErrorKind.DAMAGED,
            f"“{name}” is damaged: its size does not match its own page size (it may be cut short).",
            "Restore a backup.",
        )
    return FileCheck(path, user_version, application_id, page_size, st.st_size)


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """The whole-file check: SQLite's own (`quick_check`: pages, records, NOT NULL), then every row
    against the schema's rules, which quick_check does not test — a CHECK constraint broken, a
    wrong type, an impossible date (data/integrity.py). A file failing either is damaged."""
    from revmentor_desktop.data.integrity import row_problems

    found = [str(row[0]) for row in conn.execute("PRAGMA quick_check")] or ["?"]
    # A connection that may write also has quick_check test CHECK, NOT NULL and a number in a TEXT
    # column: those findings name only a table, while row_problems says which row and which value.
    rows_only = all(f.startswith(("CHECK constraint failed in ", "NULL value in ", "NUMERIC value in "))
                    for f in found)
    damaged = KnownError(
        ErrorKind.DAMAGED,
        f"“{path.name}” is damaged (the integrity check failed: {found[0]}).",
        "Restore a backup.",
    )
    if found != ["ok"] and not rows_only:
        raise damaged
    counted = 100  # problems counted past the first one shown, at most
    problems = row_problems(conn, limit=counted)
    if found != ["ok"] and not problems:
        raise damaged
    if problems:
        message = f"“{path.name}” is damaged: {problems[0]}"
        more = len(problems) - 1
        if more:
            at_least = "at least " if len(problems) == counted else ""
            message = f"{message[:-1]} (and {at_least}{more} more problem{'s' if more > 1 else ''})."
        raise KnownError(ErrorKind.DAMAGED, message, "Restore a backup.")


def check_opened(conn: sqlite3.Connection, path: Path) -> int:
    """What the header promised, confirmed through SQLite; returns the schema version."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if app_id != APPLICATION_ID or version > SCHEMA_VERSION or version < 1:
        # The header changed under us (a crash rolled back?) — re-check with the truth.
        check_header(path)
        raise KnownError(ErrorKind.DAMAGED, f"“{path.name}” is damaged (its header is inconsistent).")
    count = conn.execute("SELECT count(*) FROM partnership").fetchone()[0]
    if count != 1:
        held = "no partnership" if count == 0 else f"{count} partnerships, not one"
        raise KnownError(ErrorKind.DAMAGED, f"“{path.name}” is damaged (it holds {held}).")
    return version


def is_sound(path: Path) -> bool:
    """True when `path` alone (no side file beside it) is a partnership file that passes the check."""
    try:
        check_header(path)
        conn = connect(path, "ro")
        try:
            quick_check(conn, path)
            check_opened(conn, path)
        finally:
            conn.close()
    except (KnownError, sqlite3.Error):
        return False
    return True
