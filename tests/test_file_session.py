"""The open file's life without a window: lock, integrity check, backups, restores, a damaged file,
and a file moved while open. The session asks only through the dialog service (faked here) and
answers through its signals and return values; no widget is made."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from revmentor_desktop.data import backup, commands, reads
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.errors import ErrorKind, KnownError
from revmentor_desktop.ui import paths
from revmentor_desktop.ui.backups import folder_for
from revmentor_desktop.ui.file_identity import lock_for
from revmentor_desktop.ui.window.file_session import FileSession, Reopen, new_file_name
from revmentor_desktop.ui.window.single_instance import channel_name
from tests.test_file_moved_while_open import organisation_in
from tests.test_gui_files import _damaged_deep_inside, _noise


def held_elsewhere(path: Path) -> bool:
    """Is `path`'s one-writer lock taken (a second lock on it is refused)?"""
    other = lock_for(path)
    if other.tryLock(0):
        other.unlock()
        return False
    return True


class Recorder:
    """A session with what it said (status-bar notices) and what it asked of its window."""

    def __init__(self, **kwargs: Any) -> None:
        self.flushes = 0
        self.notices: list[str] = []
        self.closing: list[object] = []
        self.session = FileSession(None, flush=self._flush, **kwargs)
        self.session.notice.connect(lambda text, _ms: self.notices.append(text))
        self.session.closing.connect(self.closing.append)

    def _flush(self) -> None:
        self.flushes += 1

    def edit(self, organisation: str) -> KnownError | None:
        """Make an edit through the document; the error it was refused with, if it was."""
        assert self.session.doc is not None
        failed: list[KnownError] = []

        def record(exc: KnownError) -> None:
            failed.append(exc)

        self.session.doc.failed.connect(record)
        self.session.doc.run(commands.update_partnership(organisation=organisation))
        self.session.doc.failed.disconnect(record)
        return failed[0] if failed else None


@pytest.fixture
def no_widgets(qapp: QApplication) -> Iterator[None]:
    """The session is testable without widgets: it makes none."""
    def address(w: QWidget) -> int:
        return int(shiboken6.getCppPointer(w)[0])

    before = {address(w) for w in QApplication.allWidgets()}
    yield
    made = [w for w in QApplication.allWidgets() if address(w) not in before]
    assert made == [], [type(w).__name__ for w in made]


@pytest.fixture
def rec(no_widgets: None, fake_dialogs: Any) -> Iterator[Recorder]:
    r = Recorder()
    yield r
    r.session.close()


def test_open_takes_the_lock_and_close_saves_typing_backs_up_and_lets_go(
        rec: Recorder, partnership_file: Path) -> None:
    doc = rec.session.open(partnership_file)
    assert rec.session.doc is doc and rec.session.has_open(partnership_file)
    assert held_elsewhere(partnership_file)
    rec.session.report_opened(partnership_file)
    assert rec.notices == [f"Opened {partnership_file}"]
    assert paths.recent_files()[0] == partnership_file.resolve()
    assert rec.edit("Globex") is None
    rec.session.close()
    assert rec.session.doc is None and rec.closing == [doc]
    assert rec.flushes == 1  # typing waiting for its debounce was saved before the file closed
    assert not held_elsewhere(partnership_file)
    assert [b.reason for b in backup.list_backups(folder_for(partnership_file))] == ["close"]
    assert organisation_in(partnership_file) == "Globex"


def test_opening_another_file_closes_the_first(rec: Recorder, partnership_file: Path,
                                               tmp_path: Path) -> None:
    first = rec.session.open(partnership_file)
    second = tmp_path / "second.revmentor"
    values = {"mentor_name": "Ana", "mentee_name": "Bo", "start_date": date(2026, 1, 5)}
    rec.session.open(second, create=(values, ["Public speaking"], True))
    assert rec.closing == [first] and not held_elsewhere(partnership_file)
    assert held_elsewhere(second) and rec.session.has_open(second)
    assert rec.session.doc is not None
    assert reads.get_partnership(rec.session.doc.store).mentor_name == "Ana"


def test_a_failed_open_keeps_the_file_open_before(rec: Recorder, partnership_file: Path,
                                                   tmp_path: Path) -> None:
    doc = rec.session.open(partnership_file)
    letter = tmp_path / "letter.revmentor"
    letter.write_text("Dear Gerald")
    with pytest.raises(KnownError):
        rec.session.open(letter)
    assert rec.session.doc is doc and rec.closing == []
    assert not held_elsewhere(letter)  # its lock was let go again


def test_a_second_session_on_the_file_is_refused_and_the_first_comes_forward(
        rec: Recorder, qtbot: Any, partnership_file: Path, tmp_path: Path) -> None:
    rec.session.open(partnership_file)
    link = tmp_path / "link.revmentor"
    os.link(partnership_file, link)
    assert channel_name(link) == channel_name(partnership_file)  # one file, one channel
    other = FileSession()
    with qtbot.waitSignal(rec.session.come_forward, timeout=3000):
        with pytest.raises(KnownError) as refused:
            other.open(link)
    assert refused.value.kind is ErrorKind.IN_USE
    assert "brought to the front" in refused.value.hint
    assert other.doc is None


def test_a_missing_file_is_forgotten_from_the_recent_list(
        rec: Recorder, fake_dialogs: Any, tmp_path: Path) -> None:
    gone = tmp_path / "gone.revmentor"
    paths.remember_file(gone)
    with pytest.raises(KnownError) as missing:
        rec.session.open(gone)
    assert rec.session.cannot_open(gone, missing.value) is None
    assert fake_dialogs.errors == [("Cannot Open Partnership", missing.value)]
    assert gone.resolve() not in paths.recent_files()


# -- integrity, damage and restores ----------------------------------------------------------------


def test_the_deferred_check_closes_a_damaged_file_without_writing_it(
        rec: Recorder, tmp_path: Path) -> None:
    path = _damaged_deep_inside(tmp_path)
    before = path.read_bytes()
    rec.session.open(path)  # the quick part of opening passes
    error = rec.session.verify()
    assert error is not None and error.kind is ErrorKind.DAMAGED
    assert rec.session.doc is None and not held_elsewhere(path)
    assert path.read_bytes() == before
    assert backup.list_backups(folder_for(path)) == []  # a damaged file is never backed up


def test_a_sound_file_passes_the_deferred_check(rec: Recorder, partnership_file: Path) -> None:
    rec.session.open(partnership_file)
    assert rec.session.verify() is None
    assert rec.session.doc is not None


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, bytes]:
    """A partnership with a good backup, then damaged: (its path, its damaged bytes)."""
    path = tmp_path / "elsewhere" / "pair.revmentor"
    path.parent.mkdir()
    make_sample(path, 12)
    backup.make_backup(path, folder_for(path), "auto")
    path.write_bytes(_noise(path.read_bytes()))
    return path, path.read_bytes()


def damage_found(session: FileSession, path: Path) -> KnownError:
    """Opening `path` finds it damaged: at once, or in the check once it is on screen."""
    try:
        session.open(path)
    except KnownError as exc:
        return exc
    found = session.verify()
    assert found is not None and session.doc is None
    return found


def test_a_damaged_file_is_offered_its_latest_backup_and_kept_aside(
        rec: Recorder, fake_dialogs: Any, damaged: tuple[Path, bytes]) -> None:
    path, damaged_bytes = damaged
    error = damage_found(rec.session, path)
    assert error.kind is ErrorKind.DAMAGED
    asked: list[list[str]] = []
    fake_dialogs.choose = lambda _parent, _title, _text, buttons: asked.append(buttons) or 0
    then = rec.session.cannot_open(path, error)
    assert asked == [["Restore Latest Backup", "Choose a Backup…"]]
    assert isinstance(then, Reopen) and then.path == path
    assert "Restored the backup from" in then.message and "pair.revmentor.damaged" in then.message
    assert path.with_name("pair.revmentor.damaged").read_bytes() == damaged_bytes
    rec.session.open(then.path)
    assert rec.session.verify() is None


def test_declining_a_way_back_changes_nothing(rec: Recorder, fake_dialogs: Any,
                                              damaged: tuple[Path, bytes]) -> None:
    path, damaged_bytes = damaged
    error = damage_found(rec.session, path)
    fake_dialogs.choose_answers.append(None)
    assert rec.session.cannot_open(path, error) is None
    assert path.read_bytes() == damaged_bytes and fake_dialogs.errors == []
    assert sorted(p.name for p in path.parent.iterdir()) == ["pair.revmentor"]


def test_restoring_the_open_file_backs_it_up_first_then_asks_to_reopen_it(
        no_widgets: None, fake_dialogs: Any, partnership_file: Path) -> None:
    picked: list[Path] = []

    def pick(path: Path, parent: QWidget | None) -> backup.BackupInfo | None:
        picked.append(path)
        return next(b for b in backup.list_backups(folder_for(path)) if b.reason == "auto")

    rec = Recorder(pick_backup=pick)
    rec.session.open(partnership_file)
    rec.session.backup_if_changed("auto")
    assert rec.edit("Changed after the backup") is None
    then = rec.session.restore()
    assert picked == [partnership_file]
    assert then is not None and then.path == partnership_file and "Restored" in then.message
    assert rec.session.doc is None and not held_elsewhere(partnership_file)
    assert organisation_in(partnership_file) == "Acme"
    reasons = [b.reason for b in backup.list_backups(folder_for(partnership_file))]
    assert "before-restore" in reasons
    rec.session.close()


def test_a_read_only_file_cannot_be_restored(rec: Recorder, fake_dialogs: Any,
                                              partnership_file: Path) -> None:
    rec.session.open(partnership_file)
    assert rec.session.doc is not None
    rec.session.doc.store.read_only = True
    assert rec.session.restore() is None
    assert fake_dialogs.errors[-1][0] == "Cannot Restore"
    assert rec.session.doc is not None


# -- backups and copies ----------------------------------------------------------------------------


def test_backups_run_every_half_hour_and_once_after_opening(
        rec: Recorder, partnership_file: Path) -> None:
    assert rec.session._backup_timer.interval() == 30 * 60 * 1000
    assert rec.session._backup_timer.isActive()
    rec.session.open(partnership_file)
    rec.session.backup_once_opened()
    rec.session.backup_once_opened()
    assert rec.session.opening_backup_done
    assert [b.reason for b in backup.list_backups(folder_for(partnership_file))] == ["open"]
    rec.session._backup_timer.timeout.emit()  # half an hour later, nothing changed: no new backup
    assert len(backup.list_backups(folder_for(partnership_file))) == 1


def test_a_backups_folder_that_cannot_be_written_is_a_notice(
        rec: Recorder, partnership_file: Path, tmp_path: Path) -> None:
    folder = folder_for(partnership_file)
    folder.parent.mkdir(parents=True)
    folder.symlink_to(tmp_path / "unplugged" / "backups")
    rec.session.open(partnership_file)
    rec.session.backup_if_changed("auto")
    assert any("Backups cannot be written" in n for n in rec.notices), rec.notices
    assert rec.edit("Saved all the same") is None


def test_save_a_copy_saves_the_typing_first(rec: Recorder, fake_dialogs: Any,
                                            partnership_file: Path, tmp_path: Path) -> None:
    rec.session.open(partnership_file)
    fake_dialogs.save_answers.append(tmp_path / "our copy")
    rec.session.save_copy()
    copy = tmp_path / "our copy.revmentor"
    assert rec.flushes == 1 and organisation_in(copy) == "Acme"
    assert rec.notices[-1] == f"Saved a copy to {copy}"
    rec.session.save_copy()  # cancelled: nothing asked of the window
    assert rec.flushes == 1


def test_a_new_file_is_named_after_both_partners() -> None:
    assert new_file_name({"mentor_name": "Dana Lee", "mentee_name": "Morgan Hale"}) == \
        "Dana-Morgan.revmentor"
    assert new_file_name({"mentor_name": "  ", "mentee_name": "Ü-bo"}) == "partner-Übo.revmentor"


# -- refusals and a file moved while open -----------------------------------------------------------


def test_a_refusal_is_told_once_until_a_save_works(rec: Recorder, fake_dialogs: Any,
                                                   partnership_file: Path) -> None:
    rec.session.open(partnership_file)
    full = KnownError(ErrorKind.DISK_FULL, "The disk is full.")
    assert rec.session.refused(full) is None
    assert rec.session.refused(full) is None
    assert [t for t, _e in fake_dialogs.errors] == ["Not Saved"]
    assert rec.notices == ["Still not saved: The disk is full."]
    assert rec.edit("Saved again") is None
    rec.session.refused(full)
    assert [t for t, _e in fake_dialogs.errors] == ["Not Saved", "Not Saved"]


def test_a_file_renamed_while_open_is_followed_under_its_new_lock(
        rec: Recorder, fake_dialogs: Any, partnership_file: Path) -> None:
    rec.session.open(partnership_file)
    moved = partnership_file.with_name("renamed.revmentor")
    os.rename(partnership_file, moved)
    refusal = rec.edit("Initech")
    assert refusal is not None and refusal.kind is ErrorKind.MOVED
    fake_dialogs.choose_answers.append(0)  # "Follow It There"
    assert rec.session.refused(refusal) == moved
    assert rec.session.doc is not None and rec.session.doc.store.shown_path == moved
    assert held_elsewhere(moved)
    assert paths.recent_files()[0] == moved.resolve()
    assert rec.edit("Initech") is None  # the window saves what was typed meanwhile
    assert organisation_in(moved) == "Initech"


def test_a_file_deleted_while_open_is_saved_anew(rec: Recorder, fake_dialogs: Any,
                                                 partnership_file: Path, tmp_path: Path) -> None:
    rec.session.open(partnership_file)
    partnership_file.unlink()
    refusal = rec.edit("Initech")
    assert refusal is not None
    asked: list[list[str]] = []
    fake_dialogs.choose = lambda _parent, _title, _text, buttons: asked.append(buttons) or 0
    fake_dialogs.save_answers.append(tmp_path / "rescued")
    rescued = tmp_path / "rescued.revmentor"
    assert rec.session.refused(refusal) == rescued
    assert asked == [["Save As…"]]
    assert held_elsewhere(rescued) and not held_elsewhere(partnership_file)
    assert organisation_in(rescued) == "Acme"  # what was saved before it went away


def test_declining_to_follow_keeps_the_session_where_it_was(
        rec: Recorder, fake_dialogs: Any, partnership_file: Path) -> None:
    rec.session.open(partnership_file)
    os.rename(partnership_file, partnership_file.with_name("elsewhere.revmentor"))
    refusal = rec.edit("Initech")
    assert refusal is not None
    fake_dialogs.choose_answers.append(None)
    assert rec.session.refused(refusal) is None
    assert rec.session.refused(refusal) is None  # the same refusal again: a notice, no question
    assert rec.notices[-1].startswith("Still not saved")
    assert held_elsewhere(partnership_file)  # still holds the name it opened
