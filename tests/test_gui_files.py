"""Whatever file the user points the window at: a clear message, the file left exactly as it was, and
the partnership already open kept open; damaged files restored from backups; copies, read-only files,
a full disk and stale locks."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSysInfo, Qt, QTimer
from PySide6.QtWidgets import QApplication

from revmentor_desktop.data import backup, commands, ops, reads
from revmentor_desktop.data.migrations import SCHEMA_VERSION
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError
from revmentor_desktop.ui import backups as ui_backups
from revmentor_desktop.ui import paths
from revmentor_desktop.ui.backups import RestoreDialog
from revmentor_desktop.ui.file_identity import lock_for
from revmentor_desktop.ui.swot.quadrant import QuadrantPanel
from revmentor_desktop.ui.window import MainWindow
from tests.helpers import folder_state, sql_value

SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


def integrity(path: Path) -> str:
    return str(sql_value(path, "PRAGMA integrity_check"))


def read(path: Path, fn: Callable[[Store], Any]) -> Any:
    store = Store.open(path, read_only=True)
    try:
        return fn(store)
    finally:
        store.close()


def showing(win: MainWindow, path: Path) -> bool:
    """The window has `path` open and shows its tabs."""
    return (win.doc is not None and win.doc.store.shown_path.resolve() == path.resolve()
            and win.tabs is not None and win.stack.currentWidget() is win.tabs
            and path.name in win.windowTitle())


# -- files that are not partnerships ---------------------------------------------------------------


@pytest.fixture(scope="module")
def real_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("real") / "sample.revmentor"
    make_sample(path, 24)
    return path.read_bytes()


def _noise(data: bytes) -> bytes:
    """Noise over the journal's root pages (its table's and its indexes'): what the first paint
    reads (the sessions, for the momentum figures), so opening meets the damage at once."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.revmentor"
        probe.write_bytes(data)
        conn = sqlite3.connect(probe)
        roots = [r for (r,) in conn.execute(  # the table and its indexes (one may cover the read)
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'journal_entry' AND rootpage > 0")]
        conn.close()
    out = bytearray(data)
    rng = random.Random(20260105)
    for root in roots:
        for page in range(root - 1, root + 1):  # rootpage counts from 1
            out[page * 4096 : (page + 1) * 4096] = rng.randbytes(4096)
    return bytes(out)


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipe (name) VALUES ('pancakes')")
    conn.commit()
    conn.close()


def _newer(real: bytes) -> bytes:
    data = bytearray(real)
    data[60:64] = (SCHEMA_VERSION + 1).to_bytes(4, "big")
    return bytes(data)


#: (name, how to make it from a real file's bytes, words the message must hold)
BAD_FILES: list[tuple[str, Callable[[Path, bytes], None], str]] = [
    ("letter.revmentor", lambda p, r: p.write_bytes(b"Dear Gerald,\nsee you on Tuesday.\n" * 30),
     "it is not a SQLite database"),
    ("empty.revmentor", lambda p, r: p.write_bytes(b""), "is empty (0 bytes)"),
    ("cut.revmentor", lambda p, r: p.write_bytes(r[:50]), "cut short (50 bytes)"),
    ("half.revmentor", lambda p, r: p.write_bytes(r[: len(r) // 2 + 1234]),
     "its size does not match its own page size"),
    ("damaged.revmentor", lambda p, r: p.write_bytes(_noise(r)), "is damaged"),
    ("recipes.revmentor", lambda p, r: _foreign(p),
     "is a SQLite database but not a RevMentor partnership file"),
    ("future.revmentor", lambda p, r: p.write_bytes(_newer(r)), "saved by a newer version"),
    ("folder.revmentor", lambda p, r: p.mkdir(), "is a folder"),
]


def test_each_bad_file_gets_its_own_message_and_stays_as_it_was(
        window: MainWindow, tmp_path: Path, real_bytes: bytes, fake_dialogs: Any,
        partnership_file: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    offered: list[Any] = []
    fake_dialogs.choose = lambda *args: offered.append(args)  # a restore offer would land here
    messages: dict[str, str] = {}
    for name, make, words in BAD_FILES:
        path = elsewhere / name
        make(path, real_bytes)
        before = folder_state(elsewhere)
        title = window.windowTitle()
        fake_dialogs.open_answers.append(path)
        window.open_dialog()  # File > Open…
        assert fake_dialogs.errors, name
        caption, error = fake_dialogs.errors.pop()
        assert caption == "Cannot Open Partnership"
        assert isinstance(error, KnownError), name
        assert words in error.message, (name, error.message)
        assert name in error.message or str(path) in error.message
        assert error.kind not in (ErrorKind.IN_USE, ErrorKind.CANNOT_WRITE), name
        messages[name] = error.one_line()
        # The file, and its folder (no -journal or other side file), exactly as they were.
        assert folder_state(elsewhere) == before, name
        # The partnership that was open stays open, as it was.
        assert showing(window, partnership_file), name
        assert window.windowTitle() == title
        assert path.resolve() not in paths.recent_files()
    # Each problem has its own sentence: the messages differ even with the file names taken out.
    generic = {m.replace(name, "FILE") for name, m in messages.items()}
    assert len(generic) == len(BAD_FILES), generic
    assert offered == []  # no backups exist, so no restore was offered
    # The window still edits the open partnership.
    window.overview_tab.organisation.setFocus()
    window.overview_tab.organisation.selectAll()
    window.overview_tab.organisation.insert("Still here")
    window.flush()
    assert reads.get_partnership(window.doc.store).organisation == "Still here"


def test_a_bad_file_in_a_fresh_window_leaves_the_empty_page(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    path = tmp_path / "letter.revmentor"
    path.write_text("not a partnership")
    win = MainWindow()
    qtbot.addWidget(win)
    assert not win.open_file(path)
    assert win.doc is None and win.stack.currentWidget() is win.empty
    assert not win.export_action.isEnabled() and not win.restore_action.isEnabled()
    assert path.read_text() == "not a partnership"
    win.close()


# -- damaged files with backups ----------------------------------------------------------------------


@pytest.fixture
def damaged_with_backup(tmp_path: Path) -> tuple[Path, list[str], bytes]:
    """A partnership with a good backup, then damaged; returns (path, its goal titles, damaged bytes)."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    path = folder / "pair.revmentor"
    make_sample(path, 24)
    titles = read(path, lambda s: [g.title for g in ops.list_goals(s)])
    backup.make_backup(path, ui_backups.folder_for(path), "auto")
    damaged = _noise(path.read_bytes())
    path.write_bytes(damaged)
    with pytest.raises(KnownError) as info:
        Store.open(path, read_only=True)
    assert info.value.kind is ErrorKind.DAMAGED
    return path, titles, damaged


def test_a_damaged_file_with_backups_is_restored_and_kept_aside(
        window: MainWindow, damaged_with_backup: tuple[Path, list[str], bytes],
        fake_dialogs: Any) -> None:
    path, titles, damaged = damaged_with_backup
    fake_dialogs.choose_answers.append(0)  # "Restore Latest Backup"
    window.open_file(path)
    assert fake_dialogs.choose_answers == [], "a restore should have been offered"
    assert fake_dialogs.errors == []
    assert showing(window, path)
    assert [g.title for g in ops.list_goals(window.doc.store)] == titles
    aside = path.with_name("pair.revmentor.damaged")
    assert aside.read_bytes() == damaged  # kept, byte for byte
    assert "pair.revmentor.damaged" in window.statusBar().currentMessage()
    assert integrity(path) == "ok"
    assert [n for n in os.listdir(path.parent) if n.endswith(SIDE_SUFFIXES) or ".restoring-" in n] == []


def test_a_damaged_file_opened_through_a_link_is_restored_where_the_link_points(
        window: MainWindow, damaged_with_backup: tuple[Path, list[str], bytes],
        fake_dialogs: Any, tmp_path: Path) -> None:
    real, titles, damaged = damaged_with_backup
    link = tmp_path / "link.revmentor"
    link.symlink_to(real)
    assert ui_backups.folder_for(link) == ui_backups.folder_for(real)  # backups follow the link
    fake_dialogs.choose_answers.append(0)  # "Restore Latest Backup"
    window.open_file(link)
    assert fake_dialogs.errors == []
    assert link.is_symlink() and link.resolve() == real  # the link is still a link…
    assert [g.title for g in ops.list_goals(window.doc.store)] == titles
    assert integrity(real) == "ok"  # …and the file it points to holds the backup
    assert real.with_name("pair.revmentor.damaged").read_bytes() == damaged
    assert not link.with_name("link.revmentor.damaged").exists()


def test_a_damaged_file_restored_from_a_chosen_backup(
        window: MainWindow, damaged_with_backup: tuple[Path, list[str], bytes],
        fake_dialogs: Any) -> None:
    path, titles, damaged = damaged_with_backup
    fake_dialogs.choose_answers.append(1)  # "Choose a Backup…"

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        assert dialog.model.rowCount() == 1
        dialog.table.selectRow(0)
        dialog.accept()

    QTimer.singleShot(0, choose)
    window.open_file(path)
    assert showing(window, path)
    assert [g.title for g in ops.list_goals(window.doc.store)] == titles
    assert path.with_name("pair.revmentor.damaged").read_bytes() == damaged


def test_declining_the_restore_leaves_everything_as_it_was(
        window: MainWindow, damaged_with_backup: tuple[Path, list[str], bytes],
        fake_dialogs: Any, partnership_file: Path) -> None:
    path, _titles, damaged = damaged_with_backup
    before = folder_state(path.parent)
    fake_dialogs.choose_answers.append(None)  # Cancel
    window.open_file(path)
    assert folder_state(path.parent) == before
    assert path.read_bytes() == damaged
    assert showing(window, partnership_file)


# -- File > Restore from Backup… and File > Save a Copy… ----------------------------------------------


def test_restore_from_backup_replaces_the_open_file_and_backs_it_up_first(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any) -> None:
    folder = ui_backups.folder_for(partnership_file)
    opened = [b for b in backup.list_backups(folder) if b.reason == "open"]
    assert len(opened) == 1  # made when the window opened the file
    overview = window.overview_tab
    overview.organisation.setFocus()
    overview.organisation.selectAll()
    qtbot.keyClicks(overview.organisation, "Changed after the backup")
    qtbot.keyClick(overview.organisation, Qt.Key.Key_Return)
    ops.add_goal(window.doc.store, "A goal after the backup")

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        row = next(i for i, b in enumerate(dialog.backups) if b.path == opened[0].path)
        dialog.table.selectRow(row)
        assert dialog.chosen() is not None and dialog.chosen().path == opened[0].path
        dialog.accept()

    QTimer.singleShot(0, choose)
    window.restore_action.trigger()  # File > Restore from Backup…
    assert fake_dialogs.errors == []
    assert showing(window, partnership_file)
    p = reads.get_partnership(window.doc.store)
    assert p.organisation == "Acme"
    assert ops.list_goals(window.doc.store) == []
    assert overview is not window.overview_tab  # the tabs were rebuilt on the restored file
    assert window.overview_tab.organisation.text() == "Acme"
    assert not window.undo_action.isEnabled()  # no undo step may write the old state back
    safety = [b for b in backup.list_backups(folder) if b.reason == "before-restore"]
    assert len(safety) == 1
    assert read(safety[0].path, lambda s: reads.get_partnership(s).organisation) == \
        "Changed after the backup"
    assert (partnership_file.stat().st_mode & 0o777) == 0o600
    assert [n for n in os.listdir(partnership_file.parent)
            if n.endswith(SIDE_SUFFIXES) or ".restoring-" in n] == []


def test_cancelling_restore_changes_nothing(window: MainWindow, partnership_file: Path) -> None:
    window.flush()
    before = partnership_file.read_bytes()

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    window.restore_action.trigger()
    assert partnership_file.read_bytes() == before
    assert showing(window, partnership_file)


def test_save_a_copy_writes_a_consistent_copy_with_pending_typing(
        window: MainWindow, qtbot: Any, tmp_path: Path, fake_dialogs: Any,
        partnership_file: Path) -> None:
    store = window.doc.store
    ops.add_goal(store, "Post weekly")
    journal = window.journal_tab
    window.show_tab(window.tabs.indexOf(journal))
    journal.new_item()
    journal.editor.notes.setFocus()
    qtbot.keyClicks(journal.editor.notes, "typed just before saving a copy")  # still debouncing
    target = tmp_path / "copies" / "our copy"
    target.parent.mkdir()
    fake_dialogs.save_answers.append(target)
    window.copy_action.trigger()  # File > Save a Copy…
    assert fake_dialogs.errors == []
    copy = target.with_name("our copy.revmentor")
    assert copy.exists() and integrity(copy) == "ok"
    assert os.listdir(copy.parent) == ["our copy.revmentor"]  # no temporary or side file
    assert (copy.stat().st_mode & 0o777) == 0o600
    assert read(copy, lambda s: [g.title for g in ops.list_goals(s)]) == ["Post weekly"]
    notes = read(copy, lambda s: [ops.get_entry(s, e.id).notes for e in ops.list_entries(s)])
    assert notes == ["typed just before saving a copy"]
    assert str(copy) in window.statusBar().currentMessage()
    assert showing(window, partnership_file)  # the window keeps the original open
    # The copy is a partnership in its own right: it opens (read-write) in another window.
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.open_file(copy) and not other.doc.read_only
    other.close()


def test_save_a_copy_onto_the_open_file_is_refused(window: MainWindow, fake_dialogs: Any,
                                                  partnership_file: Path) -> None:
    window.flush()
    before = partnership_file.read_bytes()
    fake_dialogs.save_answers.append(partnership_file)
    window.save_copy()
    assert fake_dialogs.errors and "open file itself" in str(fake_dialogs.errors[-1][1])
    assert partnership_file.read_bytes() == before
    assert showing(window, partnership_file)


def test_save_a_copy_onto_a_read_only_older_file_is_refused(
        qtbot: Any, fake_dialogs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read-only, an older file is read from an upgraded private copy: a copy "of it" onto the
    file itself must still be refused (it was compared with the private copy only)."""
    import shutil

    from revmentor_desktop.data import store as store_mod
    from revmentor_desktop.ui.window import MainWindow

    older = tmp_path / "v3.revmentor"
    shutil.copy(Path(__file__).parent / "data" / "v3.revmentor", older)
    real_access = os.access
    monkeypatch.setattr(store_mod.os, "access",
                        lambda p, mode: False if Path(p) == older and mode == os.W_OK
                        else real_access(p, mode))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(older)
    assert window.doc is not None and window.doc.store.path != older  # its private copy
    before = older.read_bytes()
    fake_dialogs.save_answers.append(older)
    window.save_copy()
    assert fake_dialogs.errors and "open file itself" in str(fake_dialogs.errors[-1][1])
    assert older.read_bytes() == before


@pytest.mark.parametrize("broken", ["its own backups folder", "the backups folder"])
def test_a_backups_folder_that_is_a_link_to_nowhere_is_a_notice_and_edits_still_save(
        qtbot: Any, partnership_file: Path, tmp_path: Path, fake_dialogs: Any, broken: str) -> None:
    """Backups moved to a drive that is not plugged in: the window says backups cannot be written,
    and where, on opening and on closing; no bug report (an exception in a Qt slot or in
    closeEvent fails this test), and every edit is saved all the same."""
    folder = ui_backups.folder_for(partnership_file)
    gone = tmp_path / "unplugged drive" / "backups"
    if broken == "the backups folder":
        folder.parent.symlink_to(gone)
    else:
        folder.parent.mkdir()
        folder.symlink_to(gone)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(partnership_file), fake_dialogs.errors
    # The opening backup is taken once every tab is built, on later turns of the event loop.
    qtbot.waitUntil(lambda: "Backups cannot be written" in win.statusBar().currentMessage(),
                    timeout=10_000)
    assert str(folder) in win.statusBar().currentMessage()
    overview = win.overview_tab
    overview.organisation.setFocus()
    overview.organisation.selectAll()
    qtbot.keyClicks(overview.organisation, "Saved without backups")
    qtbot.keyClick(overview.organisation, Qt.Key.Key_Return)
    win.statusBar().clearMessage()
    win.close()  # the file changed since: the closing backup is tried, and fails the same way
    assert "Backups cannot be written" in win.statusBar().currentMessage()
    assert fake_dialogs.errors == []
    assert read(partnership_file, lambda s: reads.get_partnership(s).organisation) == "Saved without backups"
    assert not gone.parent.exists()  # nothing was made where the link points


# -- read-only files -------------------------------------------------------------------------------


@pytest.fixture
def read_only_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A partnership the user may not write (tests run as root, so the check is simulated)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "theirs.revmentor"
    Store.create(path, {"mentor_name": "Ana", "mentee_name": "Bo", "start_date": date(2026, 1, 5)},
                 clauses=["Be kind."]).close()
    real_access = os.access
    denied = {path.resolve(), folder.resolve()}

    def access(target: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode & os.W_OK and Path(target).resolve() in denied:
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr("revmentor_desktop.data.store.os.access", access)
    return path


def test_a_read_only_file_opens_read_only_and_refuses_edits_with_a_message(
        window: MainWindow, qtbot: Any, read_only_file: Path, fake_dialogs: Any,
        tmp_path: Path) -> None:
    before = folder_state(read_only_file.parent)
    assert window.open_file(read_only_file)
    assert showing(window, read_only_file) and window.doc.read_only
    assert "[read-only]" in window.windowTitle()
    assert "read-only" in window.statusBar().currentMessage()

    overview = window.overview_tab
    assert overview.mentor.isReadOnly()
    overview.mentor.setFocus()
    qtbot.keyClicks(overview.mentor, "X")
    qtbot.keyClick(overview.mentor, Qt.Key.Key_Return)
    assert overview.mentor.text() == "Ana"
    assert not overview.add_clause_button.isEnabled()
    # No hint says how to edit where nothing can be edited; no field invites typing a new item.
    assert not overview.agreement.hint.isVisibleTo(window)
    assert not window.skills_tab.skills_pane.hint.isVisibleTo(window)
    assert "read-only" in window.swot_tab.intro.text()
    assert not any(panel.add_edit.isEnabled() for panel in window.swot_tab.findChildren(QuadrantPanel))
    clauses = overview.clause_model
    assert not clauses.flags(clauses.index(0)) & Qt.ItemFlag.ItemIsEditable
    journal = window.journal_tab
    assert not journal.new_button.isEnabled()
    window.show_tab(window.tabs.indexOf(journal))
    window.new_item_action.trigger()  # Ctrl+N does nothing
    assert journal.model.rowCount() == 0
    assert fake_dialogs.errors == []

    # Any edit that reaches the write path anyway is refused with a sentence, not a crash.
    assert window.doc.run(commands.update_partnership(mentor_name="Someone else")) is None
    title, error = fake_dialogs.errors.pop()
    assert title == "Not Saved" and isinstance(error, KnownError)
    assert error.kind is ErrorKind.READ_ONLY and "read-only" in error.message
    window.restore_action.trigger()  # File > Restore from Backup… cannot replace it
    title, error = fake_dialogs.errors.pop()
    assert title == "Cannot Restore" and "read-only" in str(error)

    # Save a Copy is the way forward, and the copy can be edited.
    copy = tmp_path / "mine.revmentor"
    fake_dialogs.save_answers.append(copy)
    window.save_copy()
    assert fake_dialogs.errors == []
    window.close()
    assert folder_state(read_only_file.parent) == before  # not a byte written, no side file
    assert backup.list_backups(ui_backups.folder_for(read_only_file)) == []
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.open_file(copy) and not other.doc.read_only
    assert "[read-only]" not in other.windowTitle()
    other.close()


# -- a full disk -----------------------------------------------------------------------------------


def _cap_pages(store: Store, pages: int | None) -> None:
    """SQLite's own "database or disk is full": no page beyond `pages` (None lifts the cap)."""
    with store.write() as s:  # the connection edits are saved through
        conn = s.connection().connection.dbapi_connection
        assert conn is not None
        if pages is None:
            pages = 1 << 30
        conn.execute(f"PRAGMA max_page_count = {pages}")


def test_disk_full_while_typing_keeps_the_text_and_saves_it_later(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any) -> None:
    store = window.doc.store
    entry = ops.add_entry(store, date(2026, 2, 3), notes="Saved before the disk filled up")
    window.doc.changed.emit(frozenset({"entries"}), None)
    journal = window.journal_tab
    window.show_tab(window.tabs.indexOf(journal))
    assert journal.select_entry(entry)
    editor = journal.editor
    with store.write() as s:  # the connection edits are saved through
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    _cap_pages(store, pages)

    long_text = "A long reflection on the board meeting. " * 5000  # needs pages the disk lacks
    editor.notes.selectAll()
    editor.notes.insertPlainText(long_text)
    editor.flush()
    title, error = fake_dialogs.errors.pop()
    assert title == "Not Saved" and isinstance(error, KnownError)
    assert error.kind is ErrorKind.DISK_FULL
    assert "disk is full" in error.message and "nothing already saved was lost" in error.hint
    assert editor.notes.toPlainText() == long_text  # nothing typed is thrown away
    assert editor._savers["notes"].dirty
    assert not window.undo_action.isEnabled() or "Notes" not in window.undo_action.text()
    # The file is sound and still holds what was saved before.
    assert integrity(partnership_file) == "ok"
    assert read(partnership_file, lambda s: ops.get_entry(s, entry).notes) == \
        "Saved before the disk filled up"
    assert [n for n in os.listdir(partnership_file.parent) if n.endswith(SIDE_SUFFIXES)] == []

    _cap_pages(store, None)  # space freed
    editor.flush()
    assert fake_dialogs.errors == []
    assert not editor._savers["notes"].dirty
    window.close()
    assert integrity(partnership_file) == "ok"
    assert read(partnership_file, lambda s: ops.get_entry(s, entry).notes) == long_text


def test_disk_full_at_commit_keeps_a_line_edit_dirty(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlmodel
    from sqlalchemy.exc import OperationalError
    from sqlmodel import Session

    full = {"on": True}

    class FullDiskSession(Session):
        def commit(self) -> None:
            if full["on"]:
                raise OperationalError("COMMIT", {}, sqlite3.OperationalError(
                    "database or disk is full"))
            super().commit()

    # Store.write imports Session from sqlmodel when it runs (SQLModel loads after the first paint).
    monkeypatch.setattr(sqlmodel, "Session", FullDiskSession)
    overview = window.overview_tab
    overview.organisation.setFocus()
    overview.organisation.selectAll()
    qtbot.keyClicks(overview.organisation, "Globex")
    qtbot.keyClick(overview.organisation, Qt.Key.Key_Return)
    title, error = fake_dialogs.errors.pop()
    assert title == "Not Saved" and error.kind is ErrorKind.DISK_FULL
    assert overview.organisation.text() == "Globex"
    assert read(partnership_file, lambda s: reads.get_partnership(s).organisation) == "Acme"

    full["on"] = False
    overview.mentee.setFocus()  # leaving the field tries again
    assert fake_dialogs.errors == []
    assert read(partnership_file, lambda s: reads.get_partnership(s).organisation) == "Globex"


# -- locks -------------------------------------------------------------------------------------------


def _dead_pid() -> int:
    limit = int(Path("/proc/sys/kernel/pid_max").read_text()) if Path(
        "/proc/sys/kernel/pid_max").exists() else 32768
    for pid in range(limit - 1, 300, -1):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            continue
    pytest.skip("no unused process id found")


def _write_lock(path: Path, pid: int, app: str, host: str) -> Path:
    lock_file = Path(lock_for(path).fileName())
    assert lock_file.parent == paths.lock_dir()
    lock_file.write_text(f"{pid}\n{app}\n{host}\n")  # QLockFile's format: PID, app name, host
    return lock_file


@pytest.mark.parametrize("app", ["revmentor", "python3", ""])
def test_a_stale_lock_left_by_a_dead_process_is_reclaimed(
        qtbot: Any, partnership_file: Path, fake_dialogs: Any, app: str) -> None:
    lock_file = _write_lock(partnership_file, _dead_pid(), app, QSysInfo.machineHostName())
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_file(partnership_file), fake_dialogs.errors
    assert fake_dialogs.errors == []
    assert lock_file.read_text().split("\n")[0] == str(os.getpid())  # ours now
    win.close()
    assert not lock_file.exists()


@pytest.fixture
def live_process() -> Iterator[tuple[int, str]]:
    """A process that is running (started here, ended here): its id and program name."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        exe = Path(f"/proc/{child.pid}/exe")
        name = Path(os.readlink(exe)).name if exe.exists() else Path(sys.executable).name
        yield child.pid, name
    finally:
        child.kill()
        child.wait()


def test_a_lock_held_by_a_running_process_is_respected(
        qtbot: Any, partnership_file: Path, fake_dialogs: Any,
        live_process: tuple[int, str]) -> None:
    pid, name = live_process
    lock_file = _write_lock(partnership_file, pid, name, QSysInfo.machineHostName())
    before = lock_file.read_bytes()
    win = MainWindow()
    qtbot.addWidget(win)
    assert not win.open_file(partnership_file)
    assert "already open" in str(fake_dialogs.errors[-1][1])
    assert lock_file.read_bytes() == before
    assert win.doc is None
    win.close()


def test_a_lock_from_another_machine_is_respected(qtbot: Any, partnership_file: Path,
                                                 fake_dialogs: Any) -> None:
    """The app-data folder may be shared (a network home): another host's lock is not ours to break."""
    lock_file = _write_lock(partnership_file, os.getpid(), "revmentor", "another-machine.example")
    before = lock_file.read_bytes()
    win = MainWindow()
    qtbot.addWidget(win)
    assert not win.open_file(partnership_file)
    assert "already open" in str(fake_dialogs.errors[-1][1])
    assert lock_file.read_bytes() == before
    win.close()


def test_a_lock_whose_process_id_was_reused_by_another_program_is_reclaimed(
        qtbot: Any, partnership_file: Path, fake_dialogs: Any,
        live_process: tuple[int, str]) -> None:
    pid, _name = live_process
    _write_lock(partnership_file, pid, "revmentor", QSysInfo.machineHostName())
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_file(partnership_file), fake_dialogs.errors
    win.close()


def test_a_hard_link_to_an_open_file_is_already_open(qtbot: Any, partnership_file: Path,
                                                     tmp_path: Path, fake_dialogs: Any) -> None:
    """`ln ours.revmentor other.revmentor`: one file under two names is still one file, so a second
    window on it is refused (two windows writing one file: the last writer's text wins)."""
    hard = tmp_path / "another name.revmentor"
    os.link(partnership_file, hard)
    first = MainWindow()
    qtbot.addWidget(first)
    assert first.open_file(partnership_file), fake_dialogs.errors
    second = MainWindow()
    qtbot.addWidget(second)
    assert not second.open_file(hard)
    error = fake_dialogs.errors[-1][1]
    assert f"“{hard.name}” is already open in another RevMentor window" in str(error)
    assert second.doc is None
    # The window that has the file is the one asked to come forward.
    qtbot.waitUntil(lambda: "it is here" in first.statusBar().currentMessage(), timeout=3000)
    first.close()
    assert second.open_file(hard), fake_dialogs.errors  # free again once the first lets go
    second.close()


def test_a_new_partnership_is_locked_from_the_moment_it_is_created(qtbot: Any, tmp_path: Path,
                                                                  fake_dialogs: Any) -> None:
    """Before it is created a file has no identity on disk: its lock by name still holds once
    it has one, so a second window (or the next start) cannot open it alongside."""
    path = tmp_path / "new.revmentor"
    first = MainWindow()
    qtbot.addWidget(first)
    values = {"mentor_name": "Ana", "mentee_name": "Bo", "start_date": date(2026, 1, 5)}
    assert first.open_file(path, create=(values, [], False)), fake_dialogs.errors
    second = MainWindow()
    qtbot.addWidget(second)
    assert not second.open_file(path)
    assert "already open" in str(fake_dialogs.errors[-1][1])
    first.close()
    second.close()


def _full_disk_with_unsaved_notes(window: MainWindow, fake_dialogs: Any) -> tuple[int, int, str]:
    """Two entries; the disk fills up while notes are typed into the newer one."""
    store = window.doc.store
    older = ops.add_entry(store, date(2026, 1, 20), notes="Older session")
    newer = ops.add_entry(store, date(2026, 2, 3), notes="Saved before the disk filled up")
    window.doc.changed.emit(frozenset({"entries"}), None)
    journal = window.journal_tab
    window.show_tab(window.tabs.indexOf(journal))
    assert journal.select_entry(newer)
    with store.write() as s:  # the connection edits are saved through
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    _cap_pages(store, pages)
    text = "What I must not lose. " * 8000
    journal.editor.notes.selectAll()
    journal.editor.notes.insertPlainText(text)
    journal.editor.flush()
    assert fake_dialogs.errors and fake_dialogs.errors[-1][1].kind is ErrorKind.DISK_FULL
    return older, newer, text


def test_switching_entries_after_a_failed_save_keeps_the_text(
        window: MainWindow, partnership_file: Path, fake_dialogs: Any) -> None:
    older, newer, text = _full_disk_with_unsaved_notes(window, fake_dialogs)
    journal = window.journal_tab
    journal.list.setCurrentIndex(journal.model.index(journal.model.row_of(older), 0))
    _cap_pages(window.doc.store, None)  # space freed
    window.flush()
    window.close()
    assert read(partnership_file, lambda s: ops.get_entry(s, newer).notes) == text


def test_closing_with_text_that_cannot_be_saved_keeps_the_window_open(
        window: MainWindow, partnership_file: Path, fake_dialogs: Any) -> None:
    _older, newer, text = _full_disk_with_unsaved_notes(window, fake_dialogs)
    store = window.doc.store
    try:
        window.close()
        assert window.isVisible() and window.doc is not None
        assert window.journal_tab.editor.notes.toPlainText() == text
    finally:
        _cap_pages(store, None)  # space freed: now it can be saved and closed
    window.close()
    assert read(partnership_file, lambda s: ops.get_entry(s, newer).notes) == text


# -- file names the user may well have ---------------------------------------------------------------


HOSTILE_NAMES = [
    "we\nird #1 ?%41 &amp; ü 🚀.revmentor",
    "-rf --help.revmentor",
    "  spaced  out  .revmentor",
    "日本語のファイル 📓.revmentor",
    "file:pair?mode=memory.revmentor",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=["punctuation", "dashes", "spaces", "cjk", "uri"])
def test_files_with_unusual_names_open_edit_back_up_and_copy(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any, name: str) -> None:
    path = tmp_path / name
    Store.create(path, {"mentor_name": "Ana", "mentee_name": "Bo",
                        "start_date": date(2026, 1, 5)}).close()
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_file(path), fake_dialogs.errors
    assert showing(win, path)
    win.overview_tab.organisation.setFocus()
    qtbot.keyClicks(win.overview_tab.organisation, "Named oddly")
    qtbot.keyClick(win.overview_tab.organisation, Qt.Key.Key_Return)
    fake_dialogs.save_answers.append(tmp_path / f"copy of {name}")
    win.save_copy()
    win.close()
    assert fake_dialogs.errors == []
    assert read(path, lambda s: reads.get_partnership(s).organisation) == "Named oddly"
    copy = tmp_path / f"copy of {name}"
    assert read(copy, lambda s: reads.get_partnership(s).organisation) == "Named oddly"
    assert backup.list_backups(ui_backups.folder_for(path))  # backed up on open and on close
    assert sorted(os.listdir(tmp_path)) == sorted(["home", name, f"copy of {name}"])
    again = MainWindow()  # the lock was released
    qtbot.addWidget(again)
    assert again.open_file(path)
    again.close()


def test_a_file_name_that_is_not_utf8_opens(qtbot: Any, tmp_path: Path, fake_dialogs: Any,
                                             partnership_file: Path) -> None:
    name = os.fsdecode(b"caf\xe9 \xff.revmentor")  # as Python keeps such a name from the command line
    path = tmp_path / name
    path.write_bytes(partnership_file.read_bytes())
    win = MainWindow()
    qtbot.addWidget(win)
    try:
        assert win.open_file(path), fake_dialogs.errors
        ops.add_goal(win.doc.store, "Saved under the odd name")
    finally:
        win.close()
    assert os.fsencode(name) in os.listdir(os.fsencode(tmp_path))
    assert read(path, lambda s: [g.title for g in ops.list_goals(s)]) == ["Saved under the odd name"]


# -- the integrity check that runs once the data is on screen ---------------------------------------


def _damaged_deep_inside(tmp_path: Path, table: str = "journal_fts_data") -> Path:
    """A file whose header and partnership are fine but one of whose tables is not: by default
    the search index, which nothing on the Overview reads, so only the full check can find it."""
    import sqlite3

    from revmentor_desktop.data.sample import make_sample

    path = tmp_path / "deep.revmentor"
    make_sample(path, 200)
    conn = sqlite3.connect(path)
    root, page = conn.execute("SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                              "FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page
    data[start + 8:start + page - 8] = (bytes(range(256)) * (page // 256))[:page - 16]
    path.write_bytes(bytes(data))
    return path


def test_deferred_check_finds_damage_before_any_write(tmp_path: Path) -> None:
    from revmentor_desktop.errors import ErrorKind, KnownError

    path = _damaged_deep_inside(tmp_path)
    before = path.read_bytes()
    store = Store.open(path, verify_now=False)  # the quick part of opening passes
    try:
        with pytest.raises(KnownError) as exc:
            ops.update_partnership(store, organisation="written to a damaged file?")
        assert exc.value.kind == ErrorKind.DAMAGED
    finally:
        store.close()
    assert path.read_bytes() == before
    with pytest.raises(KnownError) as exc:
        Store.open(path)  # the CLI and tests check at once
    assert exc.value.kind == ErrorKind.DAMAGED


def test_window_closes_a_file_found_damaged_after_the_first_paint(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    path = _damaged_deep_inside(tmp_path)
    before = path.read_bytes()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(path)  # the Overview shows (it does not read the search index)…
    qtbot.waitUntil(lambda: win.doc is None, timeout=10_000)  # …then the full check closes it
    assert fake_dialogs.errors and "damaged" in str(fake_dialogs.errors[-1][1])
    assert win.stack.currentWidget() is win.empty
    assert path.read_bytes() == before
    assert not any(p.name.endswith("-journal") for p in tmp_path.iterdir())
    win.close()


def test_damage_met_while_reading_the_overview_is_a_clear_message(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    path = _damaged_deep_inside(tmp_path, "journal_entry")
    before = path.read_bytes()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert not win.open_file(path)
    assert win.doc is None and win.stack.currentWidget() is win.empty
    assert fake_dialogs.errors and "damaged" in str(fake_dialogs.errors[-1][1])
    assert path.read_bytes() == before
    win.close()


def test_coming_back_to_the_window_shows_what_another_program_wrote_and_keeps_what_was_typed(
        window: MainWindow, qtbot: Any, partnership_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another RevMentor under another account (its lock is its own) or a tool writes to the open
    file: when the user comes back to the window, every tab shows the file as it is now."""
    from PySide6.QtCore import QEvent

    overview = window.overview_tab
    window.show_tab(0)
    overview.organisation.setFocus()
    overview.organisation.end(False)
    qtbot.keyClicks(overview.organisation, " Ltd")  # typed, not saved yet (the debounce waits)
    other = sqlite3.connect(partnership_file, isolation_level=None)
    try:
        other.execute("UPDATE partnership SET mentee_name = 'Morgan Q. Hale' WHERE id = 1")
    finally:
        other.close()
    monkeypatch.setattr(window, "isActiveWindow", lambda: True)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert overview.mentee.text() == "Morgan Q. Hale"
    assert overview.organisation.text().endswith(" Ltd")  # saved first, so read back, not lost
    assert reads.get_partnership(window.doc.store).organisation.endswith(" Ltd")
    assert "changed outside this window" in window.statusBar().currentMessage()
    assert not window.doc.store.changed_elsewhere()  # the window's own save was not "outside"
