"""The open file moved, deleted, replaced or made read-only while the window has it: a plain message,
nothing typed is lost, and the user can go on (follow the file, or save it anew)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from revmentor_desktop.data import ops, reads
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError
from revmentor_desktop.ui.window import MainWindow
from tests.helpers import no_wait_on, sql_value


def organisation_in(path: Path) -> str:
    return str(sql_value(path, "SELECT organisation FROM partnership"))


class Asked:
    """Records every question the window asks (title, text, buttons) and answers from a script."""

    def __init__(self, fake_dialogs: Any, answers: list[int | None]) -> None:
        self.questions: list[tuple[str, str, list[str]]] = []
        self._answers = answers
        fake_dialogs.choose = self.choose

    def choose(self, parent: Any, title: str, text: str, buttons: list[str]) -> int | None:
        self.questions.append((title, text, buttons))
        return self._answers.pop(0) if self._answers else None


def type_organisation(qtbot: Any, window: MainWindow, text: str) -> None:
    tab = window.overview_tab
    window.show_tab(0)
    tab.organisation.setFocus()
    tab.organisation.selectAll()
    qtbot.keyClicks(tab.organisation, text)
    qtbot.keyClick(tab.organisation, Qt.Key.Key_Return)


def test_a_file_renamed_while_open_is_followed_and_the_typing_saved_there(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any) -> None:
    moved = partnership_file.with_name("renamed.revmentor")
    os.rename(partnership_file, moved)
    asked = Asked(fake_dialogs, [0])  # "Follow It There"
    type_organisation(qtbot, window, "Initech")
    assert len(asked.questions) == 1  # one question, no bug dialog, no second "Not Saved"
    _title, text, buttons = asked.questions[0]
    assert buttons[0] == "Follow It There" and "Save As…" in buttons
    assert str(moved) in text and "read-only" not in text
    assert fake_dialogs.errors == []
    assert organisation_in(moved) == "Initech"  # the typing was saved, in the file's new place
    assert window.doc is not None and window.doc.store.shown_path == moved
    assert "renamed.revmentor" in window.windowTitle()
    assert not partnership_file.exists() and not Path(f"{partnership_file}-journal").exists()
    type_organisation(qtbot, window, "Globex")  # and editing goes on as before
    assert organisation_in(moved) == "Globex"


def test_a_file_deleted_while_open_can_be_saved_anew_with_what_was_typed(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any,
        tmp_path: Path) -> None:
    goals_before = len(ops.list_goals(window.doc.store))
    partnership_file.unlink()
    rescued = tmp_path / "rescued.revmentor"
    fake_dialogs.save_answers.append(rescued)
    asked = Asked(fake_dialogs, [0])  # "Save As…" (the only way on: there is nothing to follow)
    type_organisation(qtbot, window, "Initech")
    assert [q[2] for q in asked.questions] == [["Save As…"]]
    _title, text, _buttons = asked.questions[0]
    assert "moved or deleted" in text and "read-only" not in text
    assert fake_dialogs.errors == []
    assert organisation_in(rescued) == "Initech"
    store = Store.open(rescued, read_only=True)
    try:
        assert len(ops.list_goals(store)) == goals_before
        assert reads.get_partnership(store).mentor_name == "Dana Lee"  # everything saved before
    finally:
        store.close()
    assert oct(rescued.stat().st_mode & 0o777) == "0o600"


def test_declining_keeps_the_typing_on_screen_and_asks_again_only_after_a_save(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any) -> None:
    os.rename(partnership_file, partnership_file.with_name("elsewhere.revmentor"))
    asked = Asked(fake_dialogs, [None])
    type_organisation(qtbot, window, "Initech")
    type_organisation(qtbot, window, "Initech 2")
    assert len(asked.questions) == 1  # the second refusal is a status-bar line, not a new dialog
    assert window.overview_tab.organisation.text() == "Initech 2"
    assert window.overview_tab.has_unsaved()
    assert "Still not saved" in window.statusBar().currentMessage()


def test_a_file_replaced_by_another_while_open_is_never_written(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any,
        tmp_path: Path) -> None:
    other = tmp_path / "other.revmentor"
    Store.create(other, {"mentor_name": "Someone", "mentee_name": "Else",
                         "start_date": __import__("datetime").date(2026, 3, 1)}).close()
    os.replace(other, partnership_file)  # e.g. a sync tool put another version in its place
    before = partnership_file.read_bytes()
    asked = Asked(fake_dialogs, [None])
    type_organisation(qtbot, window, "Initech")
    assert "replaced by another file" in asked.questions[0][1]
    assert partnership_file.read_bytes() == before


def test_an_edit_failing_on_a_file_made_read_only_is_a_calm_read_only_notice(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`chattr +i` while open: writes fail with a disk I/O error and the file is not writable."""
    import sqlmodel
    from sqlalchemy.exc import OperationalError

    real_commit = sqlmodel.Session.commit

    def immutable_commit(self: Any) -> None:
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(sqlmodel.Session, "commit", immutable_commit)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if (
        Path(p) == partnership_file and mode == os.W_OK) else real_access(p, mode, **kw))
    type_organisation(qtbot, window, "Initech")
    assert len(fake_dialogs.errors) == 1
    title, error = fake_dialogs.errors[0]
    assert title == "Not Saved" and isinstance(error, KnownError)
    assert error.kind is ErrorKind.READ_ONLY and "read-only" in error.message
    assert "I/O" not in error.message
    assert window.doc.read_only and "[read-only]" in window.windowTitle()
    assert window.overview_tab.organisation.text() == "Initech"  # the typing is kept
    monkeypatch.setattr(sqlmodel.Session, "commit", real_commit)


@pytest.mark.skipif(os.geteuid() != 0 or not __import__("shutil").which("chattr"),
                    reason="chattr +i needs root and a filesystem that supports it")
def test_a_really_immutable_file_gives_the_read_only_notice(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any) -> None:
    import subprocess

    made = subprocess.run(["chattr", "+i", str(partnership_file)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"this filesystem has no immutable flag: {made.stderr.decode().strip()}")
    try:
        type_organisation(qtbot, window, "Initech")
        _title, error = fake_dialogs.errors[0]
        assert error.kind is ErrorKind.READ_ONLY, error
        assert window.overview_tab.organisation.text() == "Initech"
    finally:
        subprocess.run(["chattr", "-i", str(partnership_file)], check=True)


def test_a_failed_save_shows_one_not_saved_dialog_not_two(
        window: MainWindow, qtbot: Any, fake_dialogs: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal takes the focus: the field saves again as it loses it, and fails again."""
    import sqlmodel
    from PySide6.QtWidgets import QApplication
    from sqlalchemy.exc import OperationalError

    def full_disk(self: Any) -> None:
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(sqlmodel.Session, "commit", full_disk)
    shown = fake_dialogs.error

    def modal_error(parent: Any, title: str, error: Any) -> None:
        shown(parent, title, error)
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # what a modal message box does to the field being edited

    fake_dialogs.error = modal_error
    type_organisation(qtbot, window, "Initech")
    assert [t for t, _e in fake_dialogs.errors] == ["Not Saved"]
    assert window.overview_tab.organisation.text() == "Initech"
    monkeypatch.undo()
    window.overview_tab.organisation.setFocus()
    qtbot.keyClicks(window.overview_tab.organisation, "!")
    qtbot.keyClick(window.overview_tab.organisation, Qt.Key.Key_Return)
    assert organisation_in(window.doc.store.path) == "Initech!"


def test_an_app_data_folder_that_is_a_link_to_nowhere_is_a_clear_message(
        qapp: Any, tmp_path: Path, fake_dialogs: Any, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    from revmentor_desktop import app

    data_home = tmp_path / "xdg-data"
    data_home.mkdir()
    (data_home / "RevMentor").symlink_to(tmp_path / "unplugged-drive" / "RevMentor")
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    assert app.run(None) == 1
    title, error = fake_dialogs.errors[0]
    assert title == "RevMentor Cannot Start" and isinstance(error, KnownError)
    assert "cannot use its folder" in error.message
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "unplugged-drive").exists()


def test_a_pipe_put_beside_the_open_file_is_a_not_saved_message_not_a_hung_window(
        window: MainWindow, qtbot: Any, partnership_file: Path, fake_dialogs: Any) -> None:
    """SQLite opens `-journal` at every read and write: a pipe appearing there while the file is
    open would make the window wait for a writer for ever."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = Path(f"{partnership_file}-journal")
    os.mkfifo(pipe)
    with no_wait_on(pipe):
        type_organisation(qtbot, window, "Initech")
        assert window.doc is not None
        window.doc.catch_up(window.flush)  # what activating the window does
        window.show_tab(2)
        window.show_tab(0)
    [(title, error)] = fake_dialogs.errors
    assert title == "Not Saved" and "“ours.revmentor-journal” is a pipe" in str(error) and "is a pipe" in str(error)
    assert "What you typed is kept." in error.hint
    assert window.overview_tab.organisation.text() == "Initech"
    assert stat.S_ISFIFO(pipe.lstat().st_mode)  # left where it is, untouched
    pipe.unlink()
    type_organisation(qtbot, window, "Initech!")
    assert organisation_in(partnership_file) == "Initech!"
