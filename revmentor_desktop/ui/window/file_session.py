"""The open partnership file's life, apart from any widget: open or create it under its lock, check it
once it is on screen, back it up, restore it, and follow it when it is moved while open.

It asks the user only through `ui.dialogs.service` and tells the window what happened through its
signals and return values, so a test can drive it with no window at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from revmentor_desktop import FILE_SUFFIX
from revmentor_desktop.data.files import refuse_overwriting
from revmentor_desktop.errors import ErrorKind, KnownError
from revmentor_desktop.report.text import moment_text
from revmentor_desktop.ui import dialogs, file_identity, paths
from revmentor_desktop.ui.window.single_instance import RaiseChannel, ask_owner_to_come_forward

if TYPE_CHECKING:
    from revmentor_desktop.data.backup import BackupInfo
    from revmentor_desktop.ui.document import Document

#: A partnership to create instead of opening a file: the New Partnership dialog's values, focus
#: areas, and whether to start with the ready-made ground rules.
NewPartnership = tuple[dict[str, Any], list[str], bool]

#: Picks one of a file's backups (File > Restore from Backup…); None when the user cancels.
BackupPicker = Callable[[Path, QWidget | None], "BackupInfo | None"]


@dataclass(frozen=True)
class Reopen:
    """What the window should do after a restore: open `path` (again), then show `message`."""

    path: Path
    message: str = ""


def same_file(a: Path, b: Path) -> bool:
    """The same file, by any path to it (a symlink, a hard link)."""
    return file_identity.file_key(a) == file_identity.file_key(b)


def partnership_path(path: Path) -> Path:
    """`path` with the partnership suffix, added when the user typed a name without it."""
    return path if path.suffix == FILE_SUFFIX else path.with_name(path.name + FILE_SUFFIX)


def new_file_name(values: dict[str, Any]) -> str:
    """A name for a new partnership's file, from the partners' first names ("Dana-Morgan.revmentor")."""
    def first(name: str) -> str:
        words = str(name).split()
        return "".join(ch for ch in (words[0] if words else "") if ch.isalnum()) or "partner"

    return f"{first(values.get('mentor_name', ''))}-{first(values.get('mentee_name', ''))}{FILE_SUFFIX}"


def pick_backup_in_dialog(path: Path, parent: QWidget | None) -> BackupInfo | None:
    """The list of `path`'s backups, newest first, as a modal dialog."""
    from revmentor_desktop.ui.backups import RestoreDialog

    dialog = RestoreDialog(path, parent)
    return dialog.chosen() if dialog.exec() else None


def _nothing_waiting() -> None:
    """Without a window there is no typing waiting to be saved."""


class FileSession(QObject):
    """The partnership open in one window (`doc`), from its lock to its last backup."""

    notice = Signal(str, int)  # a line for the status bar, and for how long to show it (ms; 0: until replaced)
    closing = Signal(object)  # the Document about to close: whoever listens to it should let go
    come_forward = Signal()  # another RevMentor tried to open this file: the window should come forward

    BACKUP_EVERY_MS = 30 * 60 * 1000

    def __init__(self, window: QWidget | None = None, *,
                 flush: Callable[[], None] = _nothing_waiting,
                 pick_backup: BackupPicker = pick_backup_in_dialog,
                 listen_later: bool = False) -> None:
        """`window` is the parent of every dialog; `flush` saves typing still waiting for its
        debounce (before a copy is taken or the file closes). With `listen_later`, another
        RevMentor asking for the open file is answered once `listen` is called (the window calls it
        when the file is on screen), not from `open` on."""
        super().__init__(window)
        self._window = window
        self._flush = flush
        self._pick_backup = pick_backup
        self.doc: Document | None = None
        self._lock: file_identity.FileLock | None = None
        self._channel = RaiseChannel(self)
        self._channel.asked.connect(self.come_forward)
        self._listen_later = listen_later
        #: the save refusal the user was last told about, until a save works again (see `refused`)
        self._told: tuple[ErrorKind, str] | None = None
        #: the opening backup is taken once per file, when every tab is built (`backup_once_opened`)
        self.opening_backup_done = False
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(self.BACKUP_EVERY_MS)
        self._backup_timer.timeout.connect(lambda: self.backup_if_changed("auto"))
        self._backup_timer.start()

    def has_open(self, path: Path) -> bool:
        """`path` names the open file (by any name for it)."""
        return self.doc is not None and same_file(path, self.doc.store.shown_path)

    # -- opening and closing -------------------------------------------------------------------------

    def open(self, path: Path, create: NewPartnership | None = None) -> Document:
        """Take `path`'s lock and open the file (or create it), then close the file open before.
        KnownError (in use, damaged, not a partnership, …) leaves the file open before as it was."""
        from revmentor_desktop.data import reads
        from revmentor_desktop.data.compute import ground_rule_templates
        from revmentor_desktop.data.store import Store
        from revmentor_desktop.ui.document import Document

        lock = file_identity.lock_for(path)
        if not lock.tryLock(0):
            brought = ask_owner_to_come_forward(path)
            raise KnownError(
                ErrorKind.IN_USE,
                self.tr("“{name}” is already open in another RevMentor window.").format(name=path.name),
                self.tr("That window has been brought to the front.") if brought
                else self.tr("Switch to that window, or close it first."),
            )
        sessions: list[tuple[date, int]] | None = None  # read while opening, for the first figures
        try:
            if create is not None:
                values, areas, with_clauses = create
                templates = ground_rule_templates(int(values.get("cadence_days", 14)),
                                                  int(values.get("duration_minutes", 60)))
                clauses = [text for _label, text in templates] if with_clauses else []
                store = Store.create(path, values, focus_areas=areas, clauses=clauses)
            else:
                # The whole-file check runs once the data is on screen (`verify`), before any write.
                store = Store.open(path, backup_folder=paths.backup_folder_for(path), verify_now=False)
                try:
                    sessions = reads.probe_first_paint(store)  # damage: the file open until now stays
                except BaseException:
                    store.close()
                    raise
        except BaseException:
            lock.unlock()
            raise
        self.close()
        self._lock = lock
        if not self._listen_later:
            self._channel.listen(path)
        self.doc = Document(store, self)
        self.doc.opening_sessions = sessions
        self.doc.changed.connect(self._saved)
        self.opening_backup_done = False
        return self.doc

    def listen(self) -> None:
        """Answer another RevMentor that asks for the open file from now on (with `listen_later`:
        the channel loads QtNetwork, ~8 ms that the file's first paint need not wait for)."""
        if self.doc is not None and self._lock is not None:
            self._channel.listen(self.doc.store.shown_path)

    def catch_up(self) -> None:
        """Show what something else wrote to the open file since we last looked (called when the
        window comes back to the front): every view reads it again, typed text saved first."""
        if self.doc is not None and self.doc.catch_up(self._flush):
            self.notice.emit(self.tr("The file was changed outside this window (by another program "
                                     "or account); what you see is the file as it is now."), 10000)

    def report_opened(self, path: Path) -> None:
        """The file is on screen: list it among the recent files and say how it opened."""
        assert self.doc is not None
        store = self.doc.store
        paths.remember_file(path)
        if store.read_only:
            self.notice.emit(self.tr("{name} is read-only: you can look, but changes cannot be saved.")
                             .format(name=path.name), 0)
        elif store.recovered:
            from revmentor_desktop.data.recovery import describe

            self.notice.emit(
                self.tr("Opened {path}, completing an unfinished change left beside it "
                        "({what}); a copy as found is kept with the backups.")
                .format(path=path, what=describe(store.recovered)), 15000)
        else:
            self.notice.emit(self.tr("Opened {path}").format(path=path), 5000)

    def close(self, *, damaged: bool = False) -> None:
        """Save what is typed, back the file up if it changed, and let go of it and its lock. A
        `damaged` file is neither written nor backed up."""
        doc = self.doc
        if doc is None:
            return
        if damaged:
            doc.store.read_only = True
        self._flush()
        self.backup_if_changed("close")
        self.closing.emit(doc)  # its last signals (the undo stack clearing) must reach no one
        doc.close()
        doc.deleteLater()
        self.doc = None
        if self._lock is not None:
            self._lock.unlock()
            self._channel.stop()
            self._lock = None

    def verify(self) -> KnownError | None:
        """The whole-file integrity check `open` left for after the first paint. A damaged file is
        closed (nothing was written to it) and its error returned, for `cannot_open`."""
        if self.doc is None:
            return None
        try:
            self.doc.store.verify()
        except KnownError as exc:
            self.close(damaged=True)
            return exc
        return None

    def cannot_open(self, path: Path, exc: KnownError) -> Reopen | None:
        """Tell the user why `path` could not be opened. A damaged file is offered a way back (the
        file as it was found, a backup) when there is one; what the user chose says what to open."""
        if exc.kind == ErrorKind.NOT_FOUND:
            paths.forget_file(path)
        if exc.kind == ErrorKind.DAMAGED and path.exists():
            offers = self._ways_back(path, exc)
            if offers:
                choice = dialogs.service.choose(
                    self._window, self.tr("Cannot Open Partnership"), offers.question,
                    [label for label, _do in offers.options])
                return offers.options[choice][1]() if choice is not None else None
        dialogs.service.error(self._window, self.tr("Cannot Open Partnership"), exc)
        return None

    def _ways_back(self, path: Path, exc: KnownError) -> _Offers | None:
        from revmentor_desktop.data import backup

        backups = backup.list_backups(paths.backup_folder_for(path))
        options: list[tuple[str, Callable[[], Reopen | None]]] = []
        as_found = exc.as_found
        if as_found is not None:
            options.append((self.tr("Use the File as Found"), lambda: self.restore(path, source=as_found)))
        if backups:
            options.append((self.tr("Restore Latest Backup"), lambda: self.restore(path, latest=True)))
            options.append((self.tr("Choose a Backup…"), lambda: self.restore(path)))
        if not options:
            return None
        left = "" if exc.file_changed else " " + self.tr("The file has been left exactly as it was.")
        if as_found is not None and backups:
            offer = self.tr("You can put the file as it was found in its place, or a backup (the "
                            "damaged file is kept aside).")
        elif as_found is not None:
            offer = self.tr("You can put the file as it was found in its place (the damaged file is "
                            "kept aside).")
        else:
            offer = self.tr("You can put the latest good backup in its place (the damaged file is "
                            "kept aside).")
        return _Offers(f"{exc.message}{left} {offer}", options)

    # -- backups -------------------------------------------------------------------------------------

    def backup_if_changed(self, reason: str) -> None:
        """Back up the open file when it changed since its last backup (never blocks an edit)."""
        if self.doc is None or self.doc.read_only:
            return
        from revmentor_desktop.data import backup

        source = self.doc.store.path
        try:
            self.doc.store.check_in_place()
        except KnownError:
            return  # nothing to back up from that path; the next edit says why
        folder = paths.backup_folder_for(source)
        try:
            backup.cleanup_partials([folder])
            if backup.needs_backup(source, folder):
                backup.make_backup(source, folder, reason)
                backup.thin(folder)
        except KnownError as exc:
            self.notice.emit(self.tr("Backup not made: {why}").format(why=exc.one_line()), 10000)

    def backup_once_opened(self) -> None:
        """Every tab is built: take the opening backup (it reads the whole file), once per file."""
        if not self.opening_backup_done:
            self.opening_backup_done = True
            self.backup_if_changed("open")

    def save_copy(self) -> None:
        """File > Save a Copy…: a consistent copy, with what is typed, wherever the user likes."""
        if self.doc is None:
            return
        from revmentor_desktop.data import backup

        source = self.doc.store.shown_path
        suggested = source.with_name(f"{source.stem} copy{FILE_SUFFIX}")
        target = dialogs.service.save_path(self._window, self.tr("Save a Copy"), suggested)
        if target is None:
            return
        target = partnership_path(target)
        self._flush()
        try:
            # (the store may read a private copy of the file: the file itself is no target either)
            refuse_overwriting(target, self.doc.store.shown_path,
                               "Choose a different place: that is the open file itself.",
                               ErrorKind.ALREADY_EXISTS)
            backup.save_copy(self.doc.store.path, target)
        except KnownError as exc:
            dialogs.service.error(self._window, self.tr("Copy Not Saved"), exc)
            return
        self.notice.emit(self.tr("Saved a copy to {path}").format(path=target), 8000)

    def restore(self, path: Path | None = None, *, latest: bool = False,
                source: Path | None = None) -> Reopen | None:
        """Put a backup of `path` (the open file when None) in its place: the latest, or the one the
        user picks; with `source`, the file as it was found. A file that could not be opened is kept
        aside, never lost. Returns what to open now; None when nothing changed."""
        from revmentor_desktop.data import backup

        if path is None:
            if self.doc is None:
                return None
            if self.doc.read_only:
                dialogs.service.error(self._window, self.tr("Cannot Restore"),
                                      self.tr("This partnership is open read-only, so it cannot be "
                                              "replaced."))
                return None
            path = self.doc.store.shown_path
        folder = paths.backup_folder_for(path)
        chosen: BackupInfo | None
        if source is not None:
            chosen = backup.BackupInfo(source, datetime.now(UTC), 0, "as-found", 0)
        elif latest:
            backups = backup.list_backups(folder)
            chosen = backups[0] if backups else None
        else:
            chosen = self._pick_backup(path, self._window)
        if chosen is None:
            return None
        reopen = self.has_open(path)
        if reopen:
            self.close()
        damaged_aside = None
        real = path.resolve()  # through a symlink: set aside the file it points to, not the link
        if real.exists() and not reopen:
            # The file could not be opened: keep it aside rather than lose it.
            damaged_aside = _free_name(real, "damaged")
            try:
                real.replace(damaged_aside)
            except OSError as exc:
                dialogs.service.error(self._window, self.tr("Cannot Restore"),
                                      self.tr("The damaged file could not be set aside: {why}.")
                                      .format(why=exc))
                return None
        try:
            backup.restore(chosen.path, path, folder)
        except KnownError as exc:
            if damaged_aside is not None and not real.exists():
                damaged_aside.replace(real)
            dialogs.service.error(self._window, self.tr("Restore Failed"), exc)
            return Reopen(path) if reopen else None
        note = (" " + self.tr("The damaged file was kept as {name}.").format(name=damaged_aside.name)
                if damaged_aside else "")
        what = (self.tr("Put the file as it was found back in place.") if source is not None
                else self.tr("Restored the backup from {moment}.").format(moment=moment_text(chosen.taken_at)))
        return Reopen(path, f"{what}{note}")

    # -- saves the file refused ------------------------------------------------------------------------

    def refused(self, exc: KnownError) -> Path | None:
        """A save the file refused (read-only, disk full, moved away, …). Say so once: while the
        dialog is up, or until a save works again, the same refusal (a field saving again as it
        loses focus to that very dialog, the next keystroke's save) goes to the status bar only.
        What was typed stays in its field. When the file went away and the user followed it or
        saved it anew, returns where editing goes on (the typing is still to be saved there)."""
        if self._told == (exc.kind, exc.message):
            self.notice.emit(self.tr("Still not saved: {why}").format(why=exc.message), 8000)
            QApplication.beep()
            return None
        self._told = (exc.kind, exc.message)
        if exc.kind is not ErrorKind.MOVED or self.doc is None:
            dialogs.service.error(self._window, self.tr("Not Saved"), exc)
            return None
        path = self.follow_or_save_anew(exc)
        if path is not None:
            self._told = None
        return path

    def _saved(self, *_changes: object) -> None:
        self._told = None  # a save worked: the next refusal is news again


    def follow_or_save_anew(self, exc: KnownError) -> Path | None:
        """The open file went away (`exc` says how): ask whether to follow it to its new place or to
        save what the window holds under a new name. Returns where editing goes on, else None."""
        assert self.doc is not None
        store = self.doc.store
        where = store.whereabouts()
        buttons = ([self.tr("Follow It There")] if where is not None else []) + [self.tr("Save As…")]
        choice = dialogs.service.choose(self._window, self.tr("Partnership File Moved"),
                                        f"{exc.message} {exc.hint}", buttons)
        if choice is None:
            return None
        if where is not None and choice == 0:
            return self._go_on_at(where, lambda: store.relocate(where))
        shown = store.shown_path
        target = dialogs.service.save_path(self._window, self.tr("Save Partnership As"),
                                           (where or shown).with_name(shown.name))
        if target is None:
            return None
        target = partnership_path(target)
        return self._go_on_at(target, lambda: store.save_as(target))

    def _go_on_at(self, path: Path, move: Callable[[], None]) -> Path | None:
        """Carry on at `path`, under its own lock, once `move()` has put the file there."""
        lock = file_identity.lock_for(path)
        same = self._lock is not None and lock.fileName() == self._lock.fileName()
        if not same and not lock.tryLock(0):
            dialogs.service.error(self._window, self.tr("Not Saved"), KnownError(
                ErrorKind.IN_USE,
                self.tr("“{name}” is open in another RevMentor window.").format(name=path.name)))
            return None
        try:
            move()
        except KnownError as err:
            if not same:
                lock.unlock()
            dialogs.service.error(self._window, self.tr("Not Saved"), err)
            return None
        if not same:
            if self._lock is not None:
                self._lock.unlock()
            self._lock = lock
            self._channel.listen(path)
        paths.remember_file(path)
        return path


@dataclass(frozen=True)
class _Offers:
    """The question put to the user about a damaged file, and the ways back it offers."""

    question: str
    options: list[tuple[str, Callable[[], Reopen | None]]]


def _free_name(path: Path, word: str) -> Path:
    """`NAME.word`, else `NAME.word-2`, `-3`, …: the first name beside `path` not taken."""
    candidate = path.with_name(f"{path.name}.{word}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{word}-{n}")
    return candidate
