"""Opening and creating a partnership file, and the sessions every read and write goes through.

The store is the one way to a file's rows. What it leans on, one job a module: `connection` (how
a connection is made, SQLite's errors in words), `file_check` (is this a sound partnership file),
`held_file` (the open file by identity: moved, deleted, replaced), `private_copies` (the copies a
read-only open reads, and the file kept as found before a side file is applied).

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

(`_connect` is the store's own name for `connection.connect`: tests replace it to tweak the
connections the store makes.)
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revmentor_desktop.data import recovery, validation
from revmentor_desktop.data.connection import cannot_open, translate
from revmentor_desktop.data.connection import connect as _connect
from revmentor_desktop.data.file_check import check_header, check_opened, quick_check
from revmentor_desktop.data.files import (
    discard,
    ensure_private_dir,
    make_private,
    odd_side_file,
    place_new_file,
    refuse_odd_side_file,
)
from revmentor_desktop.data.held_file import HeldFile
from revmentor_desktop.data.migrations import APPLICATION_ID, SCHEMA_VERSION, STEPS
from revmentor_desktop.data.private_copies import (
    damaged_by_side_files,
    fallback_aside_folder,
    recovered_copy,
    upgraded_copy,
)
from revmentor_desktop.errors import ErrorKind, KnownError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the file to SCHEMA_VERSION in ONE transaction, however many steps that takes: an
    upgrade interrupted anywhere leaves the file at its old version, never at one in between."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            STEPS[target - 1](conn)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


def _upgrade_in_place(conn: sqlite3.Connection, path: Path) -> None:
    """`_migrate` an older file as it is opened; a full disk leaves it at its old version."""
    try:
        _migrate(conn, path)
    except sqlite3.Error as exc:
        if "full" not in str(exc).lower():
            raise
        raise KnownError(
            ErrorKind.DISK_FULL,
            f"The disk is full, so “{path.name}” could not be updated for this version of RevMentor.",
            "Free some space and open it again; the file was left as it was.",
        ) from exc


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not already (it does on a full disk, among
    others), while the caller raises what went wrong: a failing rollback must never take its place."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the transaction is gone either way; the caller's error says why


class Store:
    """An open partnership file. Use `Store.open` or `Store.create`; `close()` when done."""

    def __init__(self, path: Path, *, read_only: bool) -> None:
        self.path = Path(path)
        #: the file the user chose (differs from `path` only for an upgraded read-only copy)
        self.shown_path = self.path
        #: where the file really is (`path` may be a link to it): SQLite's side files are beside it
        self._real = os.path.realpath(self.path)
        self._temporary: Path | None = None
        self._verified = True
        self.read_only = read_only
        self._engine: Engine | None = None
        #: side files SQLite applied when the file was opened (to it, or to the private copy read)
        self.recovered: list[Path] = []
        #: a read-only open of a file in an earlier format reads an upgraded private copy, whose
        #: stable ids (the partnership's and every record's) are made up anew at each open
        self.upgraded_copy = False
        self._thread = threading.get_ident()  # the thread whose `plain()` reads use `_held`
        self._held = HeldFile(self.path)
        self._seen_version = self._data_version()  # see `changed_elsewhere`

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
        older = check_header(path).schema_version < SCHEMA_VERSION
        # SQLite keeps its side files beside the file itself, not beside a link to it (files.uri_for
        # resolves the path): they are looked for, and made, there.
        real = Path(os.path.realpath(path))
        read_only = read_only or not os.access(path, os.W_OK) or not os.access(real.parent, os.W_OK)
        recovery.refuse_odd_side_files(real)
        pending = recovery.pending_side_files(real)
        if pending and read_only:
            copy = cls._open_private_copy(real, pending)
            copy.shown_path = path
            copy.upgraded_copy = older
            return copy
        as_found: Path | None = None
        if pending:
            # Keep the file as found before SQLite applies what lies beside it; then check the
            # result at once, so damage it causes is blamed on the side file, truthfully.
            folder = backup_folder if backup_folder is not None else fallback_aside_folder()
            as_found = recovery.set_aside(real, pending, folder)
            verify_now = True
        try:
            store = cls._open_in_place(path, read_only, backup_folder, verify_now)
        except KnownError as exc:
            if as_found is not None and exc.kind is ErrorKind.DAMAGED:
                raise damaged_by_side_files(path, pending, as_found, exc) from exc
            raise
        store.recovered = pending
        store.upgraded_copy = older and store.read_only
        return store

    @classmethod
    def _open_in_place(cls, path: Path, read_only: bool, backup_folder: Path | None,
                       verify_now: bool) -> Store:
        upgraded: Path | None = None
        try:
            conn = _connect(path, "ro" if read_only else "rw")
            try:
                if verify_now:
                    quick_check(conn, path)
                version = check_opened(conn, path)
                if version < SCHEMA_VERSION:
                    if not verify_now:
                        quick_check(conn, path)
                        verify_now = True
                    if read_only:
                        upgraded = upgraded_copy(conn, _migrate)
                    else:
                        if backup_folder is not None:
                            # Imported here: only an upgrade needs it, and opening stays light.
                            from revmentor_desktop.data import backup

                            backup.make_backup(path, backup_folder, "before-upgrade")
                        _upgrade_in_place(conn, path)
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise cannot_open(exc, path) from exc
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
        copy = recovered_copy(path, pending, _migrate)
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
            quick_check(conn, self.shown_path)
        except sqlite3.Error as exc:
            raise translate(exc, self.path) or KnownError(
                ErrorKind.DAMAGED, f"“{self.path.name}” cannot be read ({exc}).", "Restore a backup."
            ) from exc
        finally:
            conn.close()
        self._verified = True

    @classmethod
    def create(cls, path: Path | str, partnership: dict[str, Any], *, focus_areas: list[str] | None = None,
               clauses: list[str] | None = None, shown: Path | None = None) -> Store:
        """Create a new file at `path` (which must not exist) holding one partnership.

        The file is built under a temporary name and renamed into place, so a crash never leaves a
        half-made partnership behind. `shown`: the name to give in messages when `path` is itself a
        caller's temporary name (a sample, a file from a share, built whole before it is placed).
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
            raise translate(exc, path) or exc from exc
        except OSError as exc:
            discard(tmp)
            discard(Path(f"{tmp}-journal"))
            if exc.errno == errno.ENOSPC:
                raise KnownError(ErrorKind.DISK_FULL, "The disk is full; the file was not created.") from exc
            raise KnownError(
                ErrorKind.CANNOT_WRITE, f"Cannot create “{shown or path}”: {exc.strerror or exc}."
            ) from exc
        except BaseException:
            discard(tmp)
            raise
        make_private(path)
        return cls(path, read_only=False)

    # -- where the file is ----------------------------------------------------------------------------

    def _let_go(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._held.close()

    def _data_version(self) -> int | None:
        """SQLite's count of commits made to the file by other connections than the held one
        (`PRAGMA data_version`); None when it cannot be read."""
        conn = self._held.conn
        if conn is None or threading.get_ident() != self._thread or odd_side_file(self._real):
            return None  # (an odd side file: reading would hang on it; the next read or write says so)
        try:
            return int(conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def changed_elsewhere(self) -> bool:
        """Whether something other than this store's own edits has written to the file since it
        last looked (another RevMentor under another account, a tool); each time, once."""
        now = self._data_version()
        if now is None or now == self._seen_version:
            return False
        self._seen_version = now
        return True

    def check_in_place(self) -> None:
        """KnownError(MOVED) when the file is no longer at its path (moved, deleted or replaced by
        another file since it was opened): nothing may be read from or written to that path."""
        self._held.check_in_place(self.shown_path.name)

    def check_side_files(self, *, writing: bool) -> None:
        """KnownError when a side file SQLite opens at every read and write has appeared beside the
        file while it was open and is not a plain file (`files.odd_side_file`; opening checked them
        once): a pipe there would hang the window for good, a link would take SQLite's journal to
        wherever it points."""
        refuse_odd_side_file(self._real, self.shown_path.name,
                             so="the change was not saved" if writing else "the file was not read",
                             then="try again. " + ("What you typed is kept." if writing else "Nothing was changed."))

    def whereabouts(self) -> Path | None:
        """Where the open file is now, when the system can say (Linux, through /proc); None when
        it was deleted or cannot be found."""
        return self._held.whereabouts()

    def relocate(self, path: Path) -> None:
        """Go on with the file at `path`: where the open file moved to, or a copy `save_as` made."""
        self._let_go()
        self.path = self.shown_path = Path(path)
        self._real = os.path.realpath(self.path)
        self._held = HeldFile(self.path)
        self._seen_version = self._data_version()

    def save_as(self, target: Path) -> None:
        """Write everything saved so far to `target` (replacing it), read through the open file
        itself, so it works after the file was moved, deleted or replaced; then go on with it."""
        target = Path(target)
        self._held.save_as(target, self.shown_path.name)
        self.relocate(target)

    def close(self) -> None:
        self._let_go()
        if self._temporary is not None:
            recovery.remove_private_copy(self._temporary)
            self._temporary = None

    # -- sessions ------------------------------------------------------------------------------------

    @contextmanager
    def plain(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection for reads (every read is plain SQL: `reads`, and `journal`'s
        search; the ORM session, `write()`, is for writes only). Read-only.

        It is the connection that holds the file open (see `HeldFile`), in the thread that opened the
        store: a new connection would parse the schema again, half a millisecond on every read
        (a keystroke's search makes two). It never holds a lock between reads, so consume what
        you select inside the block. Another thread gets a connection of its own."""
        self.check_in_place()
        self.check_side_files(writing=False)
        held = self._held.conn if threading.get_ident() == self._thread else None
        try:
            conn = held if held is not None else _connect(self.path, "ro")
        except sqlite3.Error as exc:
            raise translate(exc, self.path) or exc from exc
        try:
            yield conn
        except sqlite3.Error as exc:
            known = translate(exc, self.path)
            if known is not None:
                raise known from exc
            raise
        finally:
            if conn is not held:
                conn.close()

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
        self.check_side_files(writing=True)
        self.verify()  # never write to a file whose integrity is unknown
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
                self._seen_version = self._data_version()  # our own commit: not "elsewhere"
            except DBAPIError as exc:
                session.rollback()
                known = translate(exc.orig if exc.orig is not None else exc, self.path)
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
        self.check_side_files(writing=not self.read_only)
        return _connect(self.path, "ro" if self.read_only else "rw")


def _now_text() -> str:
    # UTC, in the form SQLModel writes (it reads every datetime column back as UTC).
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.000000")


def _sql_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value
