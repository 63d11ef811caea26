"""Opening, creating, checking and migrating a partnership file; the one place that talks to SQLite.

Durability choices, deliberately:

* ``journal_mode=DELETE`` (SQLite's rollback journal), not WAL. After every commit the ``.revmentor``
  file alone holds everything: a user who copies, syncs or e-mails it never gets a copy missing the
  last edits (with WAL those can sit in a ``-wal`` side file), and no side files linger next to it.
  The app is a single writer, so WAL's concurrency buys nothing here.
* ``synchronous=FULL``: every commit is flushed to disk before the call returns, so an edit the UI
  has acknowledged survives a power cut or ``kill -9``. It costs a few milliseconds per edit, which a
  person typing never notices.
* ``foreign_keys=ON``, so deleting a goal really deletes its milestones.

A file we are asked to open is checked from its 100-byte header *before* SQLite touches it: not
SQLite, not ours, or from a newer version is refused with the file (and its folder) left exactly as
they were. Only then is it opened read-write, checked with ``quick_check`` and migrated, each step in
its own transaction.

Decisions for the edges (what a careful user would want):

* **Side files.** A leftover ``-journal`` or ``-wal`` beside the file is applied by SQLite when it
  opens it — right after our own crash, ruinous when the side file is a stranger's. Before a
  writable open applies one, the file and its side files are copied aside into the backups folder
  (``NAME as found STAMP/``, side files made inert); if the result is damaged, the message says the
  side file changed it and the copy as found is offered. A read-only open (``--export-pdf``, a file
  we may not write) applies them to a private copy and never writes beside the user's file.
* **One writer per file, not per path.** The window locks a file by its device and inode, so a hard
  link or a second path to it cannot open it twice (`ui.file_identity`).
* **Moved, deleted or replaced while open.** The store remembers the file's device and inode and
  keeps a read-only connection on it. A path that no longer names that file is never read or
  written (KnownError MOVED, nothing half-written beside the old path); the window follows the file
  to its new place, or saves what the held connection still reads under a new name.
* **Made read-only while open** (``chmod``, ``chattr +i``): the failed write turns the store
  read-only with the same notice as a file that was read-only from the start.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revmentor_desktop.data import recovery, validation
from revmentor_desktop.data.files import (
    SQLITE_MAGIC,
    discard,
    discard_dir,
    ensure_private_dir,
    fsync_dir,
    fsync_file,
    make_private,
    place_new_file,
    uri_for,
)
from revmentor_desktop.data.migrations import APPLICATION_ID, SCHEMA_VERSION, STEPS
from revmentor_desktop.errors import ErrorKind, KnownError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

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


def _translate(exc: sqlite3.Error | Exception, path: Path) -> KnownError | None:
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


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN ourselves, so DDL and DML share one real transaction.
    conn = sqlite3.connect(uri_for(path, mode), uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    if mode != "ro":
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for target in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            STEPS[target - 1](conn)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


class Store:
    """An open partnership file. Use `Store.open` or `Store.create`; `close()` when done."""

    def __init__(self, path: Path, *, read_only: bool) -> None:
        self.path = Path(path)
        #: the file the user chose (differs from `path` only for an upgraded read-only copy)
        self.shown_path = self.path
        self._temporary: Path | None = None
        self._verified = True
        self.read_only = read_only
        self._engine: Engine | None = None
        #: side files SQLite applied when the file was opened (to it, or to the private copy read)
        self.recovered: list[Path] = []
        self._identity: tuple[int, int] | None = None
        self._anchor: sqlite3.Connection | None = None
        self._thread = threading.get_ident()  # the thread whose `plain()` reads use `_anchor`
        self._hold()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use: SQLAlchemy and SQLModel take a third of a
        second to import, which opening a file and showing its Overview (`plain()` reads) does
        not have to wait for."""
        if self._engine is None:
            from sqlalchemy import create_engine, event

            mode = "ro" if self.read_only else "rw"
            engine = create_engine("sqlite://", creator=lambda: _connect(self.path, mode),
                                   pool_pre_ping=False)

            @event.listens_for(engine, "begin")
            def _begin(conn: Any) -> None:  # the pysqlite recipe: real transactions
                conn.exec_driver_sql("BEGIN")

            self._engine = engine
        return self._engine

    # -- opening and creating ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False,
             backup_folder: Path | None = None, verify_now: bool = True) -> Store:
        """Open an existing file, migrating it if it is older; raise KnownError if we cannot.

        `read_only` (or a file we may not write) never changes the file: an older file is then
        upgraded in a private temporary copy, which is what the store reads. With `backup_folder`,
        an older file is backed up there before it is upgraded in place.

        The whole-file integrity check (`quick_check`, ~30 ms per 10,000 sessions) runs here unless
        `verify_now` is False; then it runs at `verify()` — which the window calls once the data
        is on screen — and in any case before the first write, so a damaged file is never written.
        An older file is always checked before it is upgraded.
        """
        path = Path(path)
        check_header(path)
        read_only = read_only or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)
        pending = recovery.pending_side_files(path)
        if pending and read_only:
            return cls._open_private_copy(path, pending)
        as_found: Path | None = None
        if pending:
            # Keep the file as found before SQLite applies what lies beside it; then check the
            # result at once, so damage it causes is blamed on the side file, truthfully.
            folder = backup_folder if backup_folder is not None else _fallback_aside_folder()
            as_found = recovery.set_aside(path, pending, folder)
            verify_now = True
        try:
            store = cls._open_in_place(path, read_only, backup_folder, verify_now)
        except KnownError as exc:
            if as_found is not None and exc.kind is ErrorKind.DAMAGED:
                raise _damaged_by_side_files(path, pending, as_found, exc) from exc
            raise
        store.recovered = pending
        return store

    @classmethod
    def _open_in_place(cls, path: Path, read_only: bool, backup_folder: Path | None,
                       verify_now: bool) -> Store:
        upgraded: Path | None = None
        try:
            conn = _connect(path, "ro" if read_only else "rw")
            try:
                if verify_now:
                    _quick_check(conn, path)
                version = _check_opened(conn, path)
                if version < SCHEMA_VERSION:
                    if not verify_now:
                        _quick_check(conn, path)
                        verify_now = True
                    if read_only:
                        upgraded = _upgraded_copy(conn)
                    else:
                        if backup_folder is not None:
                            # Imported here: only an upgrade needs it, and opening stays light.
                            from revmentor_desktop.data import backup

                            backup.make_backup(path, backup_folder, "before-upgrade")
                        _migrate(conn, path)
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise _cannot_open(exc, path) from exc
        if upgraded is not None:
            store = cls(upgraded, read_only=True)
            store.shown_path = path
            store._temporary = upgraded
            return store
        store = cls(path, read_only=read_only)
        store._verified = verify_now
        return store

    @classmethod
    def _open_private_copy(cls, path: Path, pending: list[Path]) -> Store:
        """A read-only open of a file with side files SQLite would apply: apply them to a private
        copy instead, so nothing is written to (or beside) the user's file."""
        copy = recovery.private_copy(path, pending, "recovered.revmentor")
        try:
            conn = _connect(copy, "rw")  # applies the side files, to the copy
            try:
                _quick_check(conn, path)
                if _check_opened(conn, path) < SCHEMA_VERSION:
                    _migrate(conn, copy)
            finally:
                conn.close()
        except (sqlite3.Error, KnownError) as exc:
            recovery.remove_private_copy(copy)
            known = exc if isinstance(exc, KnownError) else _cannot_open(exc, path)
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
        store = cls(copy, read_only=True)
        store.shown_path = path
        store._temporary = copy
        store.recovered = pending
        return store

    def verify(self) -> None:
        """Run the integrity check if `open` left it for later; KnownError(DAMAGED) if it fails."""
        if self._verified:
            return
        conn = _connect(self.path, "ro")
        try:
            _quick_check(conn, self.shown_path)
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) or KnownError(
                ErrorKind.DAMAGED, f"“{self.path.name}” cannot be read ({exc}).", "Restore a backup."
            ) from exc
        finally:
            conn.close()
        self._verified = True

    @classmethod
    def create(cls, path: Path | str, partnership: dict[str, Any], *, focus_areas: list[str] | None = None,
               clauses: list[str] | None = None) -> Store:
        """Create a new file at `path` (which must not exist) holding one partnership.

        The file is built under a temporary name and renamed into place, so a crash never leaves a
        half-made partnership behind.
        """
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise KnownError(ErrorKind.ALREADY_EXISTS, f"“{path}” already exists; it was left as it was.")
        values = validation.validate_partnership(partnership, creating=True)
        areas = [validation.clean_focus_area(a) for a in (focus_areas or [])]
        clause_texts = [validation.clean_clause(c) for c in (clauses or [])]
        tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
        try:
            if not path.parent.exists():
                ensure_private_dir(path.parent)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
            conn = _connect(tmp, "rw")
            try:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                _migrate(conn, tmp)
                conn.execute("BEGIN IMMEDIATE")
                cols = ", ".join(values)
                marks = ", ".join(f":{k}" for k in values)
                conn.execute(
                    f"INSERT INTO partnership (id, {cols}, created_at) VALUES (1, {marks}, :created_at)",
                    {**{k: _sql_value(v) for k, v in values.items()}, "created_at": _now_text()},
                )
                conn.executemany(
                    "INSERT INTO focus_area (name, position) VALUES (?, ?)",
                    [(a, i) for i, a in enumerate(areas)],
                )
                conn.executemany(
                    "INSERT INTO agreement_clause (text, position) VALUES (?, ?)",
                    [(c, i) for i, c in enumerate(clause_texts)],
                )
                conn.execute("COMMIT")
            finally:
                conn.close()
            place_new_file(tmp, path)
        except sqlite3.Error as exc:
            discard(tmp)
            discard(Path(f"{tmp}-journal"))
            if "full" in str(exc).lower():
                raise KnownError(ErrorKind.DISK_FULL, "The disk is full; the file was not created.",
                                 "Free some space and try again.") from exc
            raise _translate(exc, path) or exc from exc
        except OSError as exc:
            discard(tmp)
            discard(Path(f"{tmp}-journal"))
            if exc.errno == errno.ENOSPC:
                raise KnownError(ErrorKind.DISK_FULL, "The disk is full; the file was not created.") from exc
            raise KnownError(
                ErrorKind.CANNOT_WRITE, f"Cannot create “{path}”: {exc.strerror or exc}."
            ) from exc
        except BaseException:
            discard(tmp)
            raise
        make_private(path)
        return cls(path, read_only=False)

    # -- where the file is ----------------------------------------------------------------------------

    def _hold(self) -> None:
        """Note which file this is (device and inode) and keep it open: after it is moved, deleted
        or replaced, what was saved can still be read, and rescued, through the open connection."""
        try:
            st = os.stat(self.path)
            self._anchor = sqlite3.connect(uri_for(self.path, "ro"), uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error):
            self._identity, self._anchor = None, None  # cannot tell; SQLite reports what it finds
            return
        self._identity = (st.st_dev, st.st_ino)

    def _let_go(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._anchor is not None:
            self._anchor.close()
            self._anchor = None

    def check_in_place(self) -> None:
        """KnownError(MOVED) when the file is no longer at its path (moved, deleted or replaced by
        another file since it was opened): nothing may be read from or written to that path."""
        if self._identity is None:
            return
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            st = None
        except OSError:
            return  # cannot tell (e.g. a folder made unreadable); SQLite reports what it finds
        if st is not None and (st.st_dev, st.st_ino) == self._identity:
            return
        name = self.shown_path.name
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
        if self._identity is None:
            return None
        fds = Path("/proc/self/fd")
        try:
            names = os.listdir(fds)
        except OSError:
            return None
        for n in names:
            try:
                st = os.stat(fds / n)
                if (st.st_dev, st.st_ino) != self._identity:
                    continue
                now = Path(os.readlink(fds / n))
                st = os.stat(now)
            except OSError:
                continue  # closed meanwhile, or the link names a deleted file
            if now.is_absolute() and (st.st_dev, st.st_ino) == self._identity:
                return now
        return None

    def relocate(self, path: Path) -> None:
        """Go on with the file at `path`: where the open file moved to, or a copy `save_as` made."""
        self._let_go()
        self.path = self.shown_path = Path(path)
        self._hold()

    def save_as(self, target: Path) -> None:
        """Write everything saved so far to `target` (replacing it), read through the open file
        itself, so it works after the file was moved, deleted or replaced; then go on with it."""
        target = Path(target)
        if self._anchor is None:
            raise KnownError(ErrorKind.CANNOT_WRITE, f"“{self.shown_path.name}” cannot be read any more.")
        tmp = target.with_name(f".{target.name}.saving-{os.getpid()}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
            copy = sqlite3.connect(tmp, isolation_level=None)
            try:
                copy.execute("PRAGMA journal_mode = OFF")  # a half-made copy is discarded, not rolled back
                self._anchor.backup(copy)
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
        self.relocate(target)

    def close(self) -> None:
        self._let_go()
        if self._temporary is not None:
            recovery.remove_private_copy(self._temporary)
            self._temporary = None

    # -- sessions ------------------------------------------------------------------------------------

    @contextmanager
    def plain(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection for reads that need no ORM (what the window shows first, and
        bulk reads where the ORM's row handling would cost more than the query). Read-only.

        It is the connection that holds the file open (see `_hold`), in the thread that opened the
        store: a new connection would parse the schema again, half a millisecond on every read
        (a keystroke's search makes two). It never holds a lock between reads, so consume what
        you select inside the block. Another thread gets a connection of its own."""
        self.check_in_place()
        held = self._anchor if threading.get_ident() == self._thread else None
        try:
            conn = held if held is not None else _connect(self.path, "ro")
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) or exc from exc
        try:
            yield conn
        except sqlite3.Error as exc:
            known = _translate(exc, self.path)
            if known is not None:
                raise known from exc
            raise
        finally:
            if conn is not held:
                conn.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        self.check_in_place()
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except DBAPIError as exc:
                known = _translate(exc.orig if exc.orig is not None else exc, self.path)
                if known is not None:
                    raise known from exc
                raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user edit: one transaction, committed (and flushed to disk) before this returns."""
        if self.read_only:
            raise KnownError(
                ErrorKind.READ_ONLY,
                f"“{self.path.name}” is open read-only, so changes cannot be saved.",
                "Save a copy elsewhere to edit it.",
            )
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        self.check_in_place()  # a moved file's journal would land at the old path: never write
        self.verify()  # never write to a file whose integrity is unknown
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                known = _translate(exc.orig if exc.orig is not None else exc, self.path)
                if (known is None or known.kind is ErrorKind.READ_ONLY) and not (
                        os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)):
                    known = self._became_read_only()
                if known is not None:
                    raise known from exc
                raise
            except BaseException:
                session.rollback()
                raise

    def _became_read_only(self) -> KnownError:
        """The file cannot be written any more (made read-only or immutable while open): from now
        on it is open read-only, as if it had been read-only from the start."""
        self.read_only = True
        return KnownError(
            ErrorKind.READ_ONLY,
            f"“{self.shown_path.name}” has become read-only, so the change was not saved.",
            "What you typed is still on screen. Save a copy elsewhere to go on editing.",
        )

    def raw(self) -> sqlite3.Connection:
        """A plain sqlite3 connection for bulk work (sample generation, backups). Caller closes it."""
        return _connect(self.path, "ro" if self.read_only else "rw")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
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


def _check_opened(conn: sqlite3.Connection, path: Path) -> int:
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


def _cannot_open(exc: sqlite3.Error, path: Path) -> KnownError:
    return _translate(exc, path) or KnownError(
        ErrorKind.DAMAGED, f"“{path.name}” cannot be opened ({exc}).", "Restore a backup."
    )


def _fallback_aside_folder() -> Path:
    """Where a file is kept as found when the caller named no backups folder (scripts, tests)."""
    import tempfile

    return Path(tempfile.gettempdir()) / f"revmentor-as-found-{os.getuid() if hasattr(os, 'getuid') else 0}"


def _damaged_by_side_files(path: Path, pending: list[Path], as_found: Path,
                           exc: KnownError) -> KnownError:
    """The file is damaged after SQLite applied its side files: say so, and say what was kept."""
    sound = _is_sound(as_found)
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


def _is_sound(path: Path) -> bool:
    """True when `path` alone (no side file beside it) is a partnership file that passes the check."""
    try:
        check_header(path)
        conn = _connect(path, "ro")
        try:
            _quick_check(conn, path)
            _check_opened(conn, path)
        finally:
            conn.close()
    except (KnownError, sqlite3.Error):
        return False
    return True


def _upgraded_copy(conn: sqlite3.Connection) -> Path:
    """Copy an older file (consistently, with SQLite's backup API) into a private temporary folder
    and upgrade the copy, leaving the original untouched."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="revmentor-"))
    copy = folder / "upgraded.revmentor"
    try:
        target = sqlite3.connect(copy, isolation_level=None)
        try:
            conn.backup(target)
            _migrate(target, copy)
        finally:
            target.close()
    except BaseException:
        discard(copy)  # never leave a copy of the user's data behind in the temp folder
        discard_dir(folder)
        raise
    return copy


def _now_text() -> str:
    # UTC, in the form SQLModel writes (it reads every datetime column back as UTC).
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.000000")


def _sql_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value
