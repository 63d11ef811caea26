"""Nothing leaked: private folders and files, no side files, private rows never exported, and no
network access at all during a whole session in the window."""

from __future__ import annotations

import os
import socket
import stat
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from revmentor_desktop.data import backup, ops, reads
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store
from revmentor_desktop.report import summary as sm
from revmentor_desktop.report.pdf import write_pdf
from revmentor_desktop.ui import backups as ui_backups
from revmentor_desktop.ui import paths
from revmentor_desktop.ui.window import MainWindow

SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def leftovers(folder: Path) -> list[str]:
    """Side files and half-written files: nothing of the kind may stay behind."""
    return sorted(n for n in os.listdir(folder)
                  if n.endswith(SIDE_SUFFIXES) or ".part" in n or ".creating-" in n
                  or ".restoring-" in n)




def open_window(qtbot: Any, path: Path) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(path)
    # The window builds its other tabs and takes the opening backup on later event-loop turns.
    qtbot.waitUntil(lambda: win._opened_backup_done, timeout=10_000)
    return win


def export_from_menu(qtbot: Any, win: MainWindow, fake_dialogs: Any, target: Path) -> Path:
    """File > Export PDF Summary… with every section, answered the way a user would."""
    from revmentor_desktop.ui.export import ExportDialog

    fake_dialogs.save_answers.append(target)
    fake_dialogs.choose_answers.append(None)  # "PDF Summary Exported": just close the message

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        for check in dialog.section_boxes.values():
            check.setChecked(True)
        dialog.accept()

    QTimer.singleShot(0, accept)
    win.export_action.trigger()
    exporter = win._exporter
    assert exporter is not None
    qtbot.waitUntil(lambda: not exporter.busy, timeout=60_000)
    out = target if target.suffix == ".pdf" else target.with_name(target.name + ".pdf")
    assert out.exists(), fake_dialogs.errors
    return out


# -- modes ---------------------------------------------------------------------------------------------


def test_data_folder_file_backups_exports_and_copies_are_private(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any, permissive_umask: None) -> None:
    path = tmp_path / "ours.revmentor"
    Store.create(path, {"mentor_name": "Dana Lee", "mentee_name": "Morgan Hale",
                        "start_date": date(2026, 1, 5)}).close()
    assert mode(path) == 0o600

    win = open_window(qtbot, path)  # first open: the file has no backup yet, so one is made
    assert mode(paths.data_dir()) == 0o700
    assert mode(paths.lock_dir()) == 0o700
    overview = win.overview_tab
    overview.organisation.setFocus()
    qtbot.keyClicks(overview.organisation, "Globex")
    qtbot.keyClick(overview.organisation, Qt.Key.Key_Return)

    pdf = export_from_menu(qtbot, win, fake_dialogs, tmp_path / "summary")
    assert mode(pdf) == 0o600
    # Exporting over an existing, world-readable PDF leaves a private one.
    loose = tmp_path / "loose.pdf"
    loose.write_bytes(b"%PDF-old")
    loose.chmod(0o644)
    assert mode(export_from_menu(qtbot, win, fake_dialogs, loose)) == 0o600

    copy = tmp_path / "copy.revmentor"
    copy.write_bytes(b"old")
    copy.chmod(0o644)
    fake_dialogs.save_answers.append(copy)
    win.save_copy()
    assert fake_dialogs.errors == []
    assert mode(copy) == 0o600
    win.close()  # the file changed since it was opened: a backup on close

    store = Store.open(path)
    ops.add_goal(store, "Changed outside the window")
    store.close()
    win = open_window(qtbot, path)  # changed since its last backup: one more
    win.close()

    folder = ui_backups.folder_for(path)
    made = backup.list_backups(folder)
    assert {b.reason for b in made} >= {"open", "close"} and len(made) >= 3
    assert mode(folder) == 0o700
    for b in made:
        assert mode(b.path) == 0o600, b.path.name
    assert mode(path) == 0o600
    # Everything the app keeps for itself is under the private app-data folder.
    assert folder.resolve().is_relative_to(paths.data_dir().resolve())
    assert leftovers(folder) == [] and leftovers(tmp_path) == []


def test_no_side_files_during_edits_or_after_close(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    folder = partnership_file.parent
    before = sorted(os.listdir(folder))
    overview = window.overview_tab
    overview.organisation.setFocus()
    qtbot.keyClick(overview.organisation, Qt.Key.Key_End)
    qtbot.keyClicks(overview.organisation, " Ltd")
    qtbot.keyClick(overview.organisation, Qt.Key.Key_Return)
    journal = window.journal_tab
    window.show_tab(window.tabs.indexOf(journal))
    journal.new_item()
    qtbot.keyClicks(journal.editor.topics, "Side files")
    journal.editor.notes.setFocus()
    qtbot.keyClicks(journal.editor.notes, "Nothing next to the file")
    journal.editor.flush()
    window.undo_action.trigger()
    window.redo_action.trigger()
    assert sorted(os.listdir(folder)) == before  # every commit deleted its rollback journal
    window.close()
    assert sorted(os.listdir(folder)) == before
    assert leftovers(folder) == []
    store = Store.open(partnership_file, read_only=True)
    try:
        assert reads.get_partnership(store).organisation == "Acme Ltd"
    finally:
        store.close()


# -- private rows never leave --------------------------------------------------------------------


def _secret(kind: str, n: int) -> str:
    return f"XQSECRET{kind}{n}QX"


@pytest.fixture
def all_private(tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    """The sample with every entry private, each carrying secret words; plus a private goal."""
    path = tmp_path / "all-private.revmentor"
    make_sample(path, 24)
    store = Store.open(path)
    secrets: list[str] = []
    originals: list[str] = []
    try:
        for e in ops.list_entries(store):
            full = ops.get_entry(store, e.id)
            originals += [t for t in (full.mentor_takeaway, full.mentee_takeaway, full.feedback_good,
                                      full.feedback_improve) if len(t) >= 30]
            words = {f: _secret(f.upper(), e.id) for f in (
                "topics", "agenda", "notes", "mentor_takeaway", "mentee_takeaway", "feedback_good",
                "feedback_improve")}
            ops.update_entry(store, e.id, private=True,
                             **{f: f"{getattr(full, f)} {w}".strip() for f, w in words.items()})
            secrets += words.values()
            action = _secret("ACTION", e.id)
            ops.add_action(store, e.id, action, due_on=date.today() + timedelta(days=3))
            secrets.append(action)
        goal_title = _secret("GOAL", 0)
        goal = ops.add_goal(store, goal_title, private=True, success_measure=_secret("MEASURE", 0))
        secrets += [goal_title, _secret("MEASURE", 0)]
        for i in range(3):
            ops.add_milestone(store, goal, _secret("MILESTONE", i))
            secrets.append(_secret("MILESTONE", i))
        # And one of the sample's own goals made private, with its milestones.
        sample_goal = next(g for g in ops.list_goals(store) if not g.private)
        ops.update_goal(store, sample_goal.id, private=True)
        hidden_goal = sample_goal.title
        for m in ops.list_milestones(store, sample_goal.id):
            originals.append(m.title)
        originals.append(hidden_goal)
    finally:
        store.close()
    return path, secrets, originals


def test_every_entry_private_means_nothing_of_the_journal_in_the_pdf(
        qapp: Any, tmp_path: Path, all_private: tuple[Path, list[str], list[str]]) -> None:
    path, secrets, originals = all_private
    store = Store.open(path, read_only=True)
    try:
        summary = sm.build_summary(store)
        ranged = sm.build_summary(store, sm.ExportOptions(
            journal_from=date.today() - timedelta(days=3650), journal_to=date.today()))
    finally:
        store.close()
    assert summary.entries == [] and ranged.entries == []
    # Private sessions hide what was said, not that the pair met (issue 15): counted, never shown.
    assert summary.sessions_held == summary.private_sessions > 0
    assert summary.shared_sessions == 0
    assert all(not a.text.startswith("XQSECRET") for a in summary.actions)
    assert summary.actions == []  # every open action item hangs off a private session

    for s, name in ((summary, "all.pdf"), (ranged, "ranged.pdf")):
        out = tmp_path / name
        write_pdf(s, out)
        text = pdf_text(out)
        raw = out.read_bytes()
        assert "No shared sessions in this period." in text
        assert "No open action items." in text
        for word in secrets:
            assert word not in text and word.encode() not in raw, word
        squeezed = "".join(text.split())
        for phrase in originals:
            assert "".join(phrase.split())[:40] not in squeezed, phrase


def test_every_entry_private_exported_from_the_window(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any,
        all_private: tuple[Path, list[str], list[str]]) -> None:
    path, secrets, _originals = all_private
    win = open_window(qtbot, path)
    try:
        out = export_from_menu(qtbot, win, fake_dialogs, tmp_path / "from-window.pdf")
    finally:
        win.close()
    text = pdf_text(out)
    assert "No shared sessions in this period." in text
    for word in secrets:
        assert word not in text, word


# -- no network, ever ------------------------------------------------------------------------------

INET = (socket.AF_INET, socket.AF_INET6)
_audit_log: list[tuple[str, Any]] | None = None
_audit_installed = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _audit_log is None:
        return
    if event == "socket.connect":
        sock = args[0]
        if getattr(sock, "family", None) in INET:
            _audit_log.append((event, args[1]))
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                   "socket.gethostbyaddr", "urllib.Request", "http.client.connect",
                   "ftplib.connect", "smtplib.connect", "webbrowser.open"):
        _audit_log.append((event, args[:2]))


def _inet_socket_inodes() -> set[str]:
    """Inodes of the IPv4/IPv6 sockets this process holds (Linux; empty elsewhere)."""
    tables = [Path("/proc/net") / n for n in ("tcp", "tcp6", "udp", "udp6")]
    if not all(t.exists() for t in tables):
        return set()
    inet: set[str] = set()
    for table in tables:
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9:
                inet.add(fields[9])
    mine = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            mine.add(target[8:-1])
    return mine & inet


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Any]]]:
    """Record (and refuse) every attempt to reach the network from Python; local sockets pass."""
    global _audit_log, _audit_installed
    attempts: list[tuple[str, Any]] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in INET:
            attempts.append(("connect", address))
            raise OSError("RevMentor tried to reach the network")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in INET:
            attempts.append(("connect_ex", address))
            return 111  # ECONNREFUSED
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        attempts.append(("create_connection", address))
        raise OSError("RevMentor tried to reach the network")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> list[Any]:
        attempts.append(("getaddrinfo", host))
        raise socket.gaierror("RevMentor tried to look up a host name")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    if not _audit_installed:  # audit hooks cannot be removed: install one, switched by _audit_log
        sys.addaudithook(_audit)
        _audit_installed = True
    _audit_log = attempts
    try:
        yield attempts
    finally:
        _audit_log = None


def test_the_guard_notices_a_connection_attempt(network_attempts: list[tuple[str, Any]]) -> None:
    with pytest.raises(OSError), socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)  # should the guard ever fail, do not hang
        s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, and refused before it is tried
    assert network_attempts and network_attempts[0][0] in ("connect", "socket.connect")
    network_attempts.clear()
    a, b = socket.socketpair()  # local sockets are fine
    a.close()
    b.close()
    assert network_attempts == []


def test_a_whole_session_makes_no_network_access(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any,
        network_attempts: list[tuple[str, Any]]) -> None:
    inet_before = _inet_socket_inodes()
    path = tmp_path / "sample.revmentor"
    make_sample(path, 24)
    win = open_window(qtbot, path)

    for i in range(win.tabs.count()):  # every tab, by its View menu shortcut's action
        win.show_tab(i)
        qtbot.wait(5)
        assert win.tabs.currentIndex() == i

    overview = win.overview_tab
    win.show_tab(win.tabs.indexOf(overview))
    overview.organisation.setFocus()
    overview.organisation.selectAll()
    qtbot.keyClicks(overview.organisation, "Northwind Logistics plc")
    qtbot.keyClick(overview.organisation, Qt.Key.Key_Return)

    journal = win.journal_tab
    win.show_tab(win.tabs.indexOf(journal))
    journal.list.setCurrentIndex(journal.model.index(0, 0))
    journal.editor.notes.setFocus()
    qtbot.keyClicks(journal.editor.notes, " Followed up by phone.")
    journal.editor.flush()
    win._find()
    qtbot.keyClicks(journal.search, "board")
    qtbot.waitUntil(lambda: journal.model.searching)
    journal.search.clear()
    qtbot.waitUntil(lambda: not journal.model.searching)
    win.new_item_action.trigger()
    qtbot.keyClicks(journal.editor.topics, "Offline first")
    journal.editor.flush()
    win.hide_private_action.trigger()
    win.hide_private_action.trigger()
    win.undo_action.trigger()

    export_from_menu(qtbot, win, fake_dialogs, tmp_path / "session.pdf")
    fake_dialogs.save_answers.append(tmp_path / "copy.revmentor")
    win.save_copy()
    win._fill_recent()
    win.close()
    QApplication.processEvents()

    assert fake_dialogs.errors == []
    assert network_attempts == []
    assert _inet_socket_inodes() <= inet_before


def test_an_older_read_only_file_leaves_no_upgraded_copy_behind(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any, monkeypatch: pytest.MonkeyPatch,
        permissive_umask: None) -> None:
    """An older file we may not write is upgraded in a private temporary copy, gone on close."""
    old = tmp_path / "v1.revmentor"
    old.write_bytes((Path(__file__).parent / "data" / "v1.revmentor").read_bytes())
    real_access = os.access

    def access(target: Any, how: int, *args: Any, **kwargs: Any) -> bool:
        if how & os.W_OK and Path(target).resolve() in (old.resolve(), tmp_path.resolve()):
            return False
        return real_access(target, how, *args, **kwargs)

    monkeypatch.setattr("revmentor_desktop.data.store.os.access", access)
    before = old.read_bytes()
    win = open_window(qtbot, old)
    store = win.doc.store
    assert store.read_only and store.path != old and store.shown_path == old
    copy = store.path
    assert mode(copy.parent) == 0o700  # a private folder of its own, whatever the umask
    assert not copy.parent.resolve().is_relative_to(tmp_path.resolve())
    assert "[read-only]" in win.windowTitle() and old.name in win.windowTitle()
    win.close()
    assert not copy.exists() and not copy.parent.exists()
    assert old.read_bytes() == before
    assert leftovers(tmp_path) == []
