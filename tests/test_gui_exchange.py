"""The partner exchange from the window (issue 16): File › Share with Partner…, Import from Partner…
with its preview and a choice per conflict, one undo step, a backup first; New from Partner's
Share…. Driven through the menus and the dialog's own buttons, then checked in the files."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from share_helpers import q, sha

from revmentor_desktop.data import backup, ops, share
from revmentor_desktop.data.store import Store
from revmentor_desktop.ui import paths
from revmentor_desktop.ui.exchange import preview as preview_module
from revmentor_desktop.ui.exchange.preview import ImportPreview


def partner_file(window: Any, tmp_path: Path, fake_dialogs: Any) -> Path:
    """The partner's own file, started from the window's share (written through the menu)."""
    out = tmp_path / "mine.revshare"
    fake_dialogs.save_answers.append(out)
    window.share_action.trigger()
    theirs = tmp_path / "partner.revmentor"
    share.new_from_share(out, theirs)
    return theirs


def their_share(theirs: Path, tmp_path: Path, edit: Any = None) -> Path:
    store = Store.open(theirs)
    try:
        if edit is not None:
            edit(store)
        out = tmp_path / "theirs.revshare"
        out.unlink(missing_ok=True)
        share.export_share(store, out)
    finally:
        store.close()
    return out


class Previews(list[ImportPreview]):
    """Every preview shown; `choose` (if set) acts in each before Import is pressed."""

    choose: Any = None


@pytest.fixture
def accept_preview(monkeypatch: pytest.MonkeyPatch) -> Previews:
    """The preview, accepted as shown (its Import button pressed, when enabled) once the test's
    `choose` ran; cancelled when Import stays disabled."""
    shown = Previews()

    def exec_(self: ImportPreview) -> int:
        shown.append(self)
        self.show()
        if shown.choose is not None:
            shown.choose(self)
        if not self.import_button.isEnabled():
            self.reject()
            return QDialog.DialogCode.Rejected
        self.import_button.click()
        return self.result()

    monkeypatch.setattr(ImportPreview, "exec", exec_)
    return shown


def test_share_with_partner_writes_a_private_share_without_private_entries(
        window: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    store = window.doc.store
    ops.add_goal(store, "Learn the quokka dance", private=True)
    ops.add_entry(store, date(2026, 2, 2), topics="Narwhal secrets", private=True)
    ops.add_goal(store, "Run a meeting in chat")
    out = tmp_path / "share-out"  # no suffix given: the share's is added
    fake_dialogs.save_answers.append(out)
    window.share_action.trigger()
    written = out.with_suffix(".revshare")
    assert written.exists() and os.stat(written).st_mode & 0o777 == 0o600
    text = written.read_text("utf-8")
    assert "Run a meeting in chat" in text
    assert "quokka" not in text and "Narwhal" not in text
    assert fake_dialogs.informed[-1][0] == "Share Written"


def test_import_from_partner_previews_applies_as_one_undo_step_with_a_backup(
        window: Any, tmp_path: Path, fake_dialogs: Any, accept_preview: Previews) -> None:
    theirs = partner_file(window, tmp_path, fake_dialogs)
    shared = their_share(theirs, tmp_path, lambda s: (
        ops.add_goal(s, "Sponsor the axolotl group"),
        ops.add_swot_item(s, "mentee", "S", "Knows the budget cycle")))
    mine = window.doc.store.shown_path
    fake_dialogs.open_answers.append(shared)
    window.import_share_action.trigger()

    [dialog] = accept_preview
    labels = [dialog.model.item(r).text() for r in range(dialog.model.rowCount())]
    assert labels == ["New (2) — 1 goal, 1 SWOT item"]
    assert q(mine, "SELECT title FROM goal WHERE title = 'Sponsor the axolotl group'")
    assert q(mine, "SELECT text FROM swot_item WHERE grid = 'mentee'") == [("Knows the budget cycle",)]
    [made] = [b for b in backup.list_backups(paths.backup_folder_for(mine)) if b.reason == "before-import"]
    assert q(made.path, "SELECT count(*) FROM goal WHERE title = 'Sponsor the axolotl group'") == [(0,)]
    assert window.undo_action.text().startswith("&Undo Import from Morgan Hale")

    window.undo_action.trigger()  # one step takes the whole import back
    assert not q(mine, "SELECT title FROM goal WHERE title = 'Sponsor the axolotl group'")
    assert q(mine, "SELECT count(*) FROM swot_item WHERE grid = 'mentee'") == [(0,)]
    window.redo_action.trigger()
    assert q(mine, "SELECT title FROM goal WHERE title = 'Sponsor the axolotl group'")


def test_a_record_both_changed_is_chosen_side_by_side(
        window: Any, tmp_path: Path, fake_dialogs: Any, accept_preview: Previews,
        qtbot: Any) -> None:
    goal = ops.add_goal(window.doc.store, "Run a meeting in chat")
    theirs = partner_file(window, tmp_path, fake_dialogs)
    uid = q(theirs, "SELECT uid FROM goal")[0][0]
    ops.update_goal(window.doc.store, goal, success_measure="Mine: one meeting")
    shared = their_share(theirs, tmp_path, lambda s: ops.update_goal(
        s, q(theirs, "SELECT id FROM goal WHERE uid = ?", uid)[0][0], success_measure="Theirs: two"))
    mine = window.doc.store.shown_path
    before = sha(mine)

    def cancel_undecided(dialog: ImportPreview) -> None:
        assert not dialog.import_button.isEnabled()  # nothing is imported before each choice
        assert dialog.conflict_box.isVisible() or not dialog.isVisible()
        assert "Mine: one meeting" in dialog.mine_text.toPlainText()
        assert "Theirs: two" in dialog.theirs_text.toPlainText()

    accept_preview.choose = cancel_undecided
    fake_dialogs.open_answers.append(shared)
    window.import_share_action.trigger()
    assert sha(mine) == before  # cancelled: the file as it was, no backup taken
    assert not [b for b in backup.list_backups(paths.backup_folder_for(mine))
                if b.reason == "before-import"]

    def take_theirs(dialog: ImportPreview) -> None:
        # on its round indicator, at the left (the button is wider than its words)
        qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton,
                         pos=QPoint(6, dialog.take_theirs.height() // 2))
        assert dialog.import_button.isEnabled()

    accept_preview.choose = take_theirs
    fake_dialogs.open_answers.append(shared)
    window.import_share_action.trigger()
    assert q(mine, "SELECT success_measure FROM goal WHERE id = ?", goal) == [("Theirs: two",)]


def test_a_share_that_cannot_be_imported_says_why_and_changes_nothing(
        window: Any, tmp_path: Path, fake_dialogs: Any, accept_preview: Previews) -> None:
    mine = window.doc.store.shown_path
    before = sha(mine)
    bad = tmp_path / "bad.revshare"
    bad.write_text('{"format": "revmentor-share", "version": 1, "records": [', "utf-8")
    own = tmp_path / "own.revshare"
    share.export_share(window.doc.store, own)
    for path in (bad, own):
        fake_dialogs.open_answers.append(path)
        window.import_share_action.trigger()
    assert [t for t, _e in fake_dialogs.errors] == ["Cannot Import", "Cannot Import"]
    assert "damaged or cut short" in str(fake_dialogs.errors[0][1])
    assert "your own side" in str(fake_dialogs.errors[1][1])
    assert accept_preview == [] and sha(mine) == before


def test_nothing_new_says_so_without_an_undo_step(
        window: Any, tmp_path: Path, fake_dialogs: Any, accept_preview: Previews) -> None:
    theirs = partner_file(window, tmp_path, fake_dialogs)
    shared = their_share(theirs, tmp_path)
    fake_dialogs.open_answers.append(shared)
    window.import_share_action.trigger()
    assert accept_preview == []
    assert fake_dialogs.informed[-1][0] == "Nothing New"
    assert not window.doc.undo_stack.canUndo()


def test_new_from_partners_share_opens_my_own_file(
        window: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    ops.add_goal(window.doc.store, "Run a meeting in chat")
    out = tmp_path / "hers.revshare"
    share.export_share(window.doc.store, out)
    target = tmp_path / "my own"
    fake_dialogs.open_answers.append(out)
    fake_dialogs.save_answers.append(target)
    window.exchange.new_from_share()
    made = target.with_suffix(".revmentor")
    assert window.doc.store.shown_path == made
    assert q(made, "SELECT me FROM partnership") == [("mentee",)]
    assert q(made, "SELECT title FROM goal") == [("Run a meeting in chat",)]


def test_the_preview_lists_same_day_sessions_as_one_and_can_keep_them_apart(
        window: Any, tmp_path: Path, fake_dialogs: Any, accept_preview: Previews) -> None:
    theirs = partner_file(window, tmp_path, fake_dialogs)
    ops.add_entry(window.doc.store, date(2026, 3, 3), topics="Mine")
    shared = their_share(theirs, tmp_path, lambda s: ops.add_entry(s, date(2026, 3, 3), notes="Theirs"))

    def untick(dialog: ImportPreview) -> None:
        [row] = dialog.same_rows
        row.setCheckState(Qt.CheckState.Unchecked)

    accept_preview.choose = untick
    fake_dialogs.open_answers.append(shared)
    window.import_share_action.trigger()
    mine = window.doc.store.shown_path
    assert q(mine, "SELECT count(*) FROM journal_entry WHERE held_on = '2026-03-03'") == [(2,)]


def test_field_names_read_as_words() -> None:
    assert preview_module.field_name("success_measure") == "Success measure"
    assert preview_module.field_name("says_try") == "Feedback: try next time"


def test_first_run_can_start_from_a_partners_share(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from revmentor_desktop.ui.new_partnership import NewPartnershipDialog
    from revmentor_desktop.ui.startup import choose_start_file

    theirs = tmp_path / "theirs.revmentor"
    Store.create(theirs, {"mentor_name": "Priya Raman", "mentee_name": "Martin Okafor",
                          "start_date": date(2026, 1, 5), "me": "mentor"}).close()
    store = Store.open(theirs)
    try:
        ops.add_goal(store, "Run a meeting in chat")
        shared = tmp_path / "priya.revshare"
        share.export_share(store, shared)
    finally:
        store.close()
    bad = tmp_path / "bad.revshare"
    bad.write_bytes(b"\x00\x01 not a share")
    fake_dialogs.open_answers += [bad, shared]  # a wrong file first: said why, asked again

    def press_from_share() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # between the dialog's two showings
            QTimer.singleShot(10, press_from_share)
            return
        assert isinstance(dialog, NewPartnershipDialog)
        qtbot.mouseClick(dialog.from_share, Qt.MouseButton.LeftButton)
        if fake_dialogs.open_answers:
            QTimer.singleShot(10, press_from_share)

    QTimer.singleShot(0, press_from_share)
    target = choose_start_file(None)
    assert target is not None and target.create is None and target.path == paths.default_file()
    assert [t for t, _e in fake_dialogs.errors] == ["Start from a Partner's Share"]
    made = paths.default_file()
    assert q(made, "SELECT me, mentor_name FROM partnership") == [("mentee", "Priya Raman")]
    assert q(made, "SELECT title FROM goal") == [("Run a meeting in chat",)]
    assert made.stat().st_mode & 0o777 == 0o600


def test_new_partnership_dialog_offers_starting_from_a_share(
        window: Any, tmp_path: Path, fake_dialogs: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    ops.add_goal(window.doc.store, "Learn the board's vocabulary")
    out = tmp_path / "x.revshare"
    share.export_share(window.doc.store, out)
    target = tmp_path / "second.revmentor"
    fake_dialogs.open_answers.append(out)
    fake_dialogs.save_answers.append(target)

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        qtbot.mouseClick(dialog.from_share, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)
    window.new_partnership()
    assert window.doc.store.shown_path == target
    assert q(target, "SELECT title FROM goal") == [("Learn the board's vocabulary",)]


def test_the_guides_share_step_starts_share_with_partner(
        window: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    from PySide6.QtCore import QUrl

    window.help.show_guide()
    guide = window.help.guide
    assert "Share with Partner" in guide.browser.toPlainText()
    assert 'href="revmentor:action/share"' in guide.browser.toHtml()
    out = tmp_path / "from-guide.revshare"
    fake_dialogs.save_answers.append(out)
    guide._follow(QUrl("revmentor:action/share"))
    assert out.exists()
    guide.close()


def test_a_goal_i_deleted_that_they_changed_asks_keep_deleted_or_take_back(
        window: Any, tmp_path: Path, fake_dialogs: Any, accept_preview: Previews, qtbot: Any) -> None:
    goal = ops.add_goal(window.doc.store, "Run a meeting in chat")
    theirs = partner_file(window, tmp_path, fake_dialogs)
    uid = q(theirs, "SELECT uid FROM goal")[0][0]
    # a first exchange back, so my file remembers their version of the goal
    fake_dialogs.open_answers.append(their_share(theirs, tmp_path))
    window.import_share_action.trigger()
    ops.delete_goal(window.doc.store, goal)
    shared = their_share(theirs, tmp_path, lambda s: ops.update_goal(
        s, q(theirs, "SELECT id FROM goal WHERE uid = ?", uid)[0][0], description="Changed by them"))

    def keep_deleted(dialog: ImportPreview) -> None:
        assert "You deleted this" in dialog.mine_text.toPlainText()
        assert "Changed by them" in dialog.theirs_text.toPlainText()
        qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton,
                         pos=QPoint(6, dialog.keep_mine.height() // 2))

    accept_preview.choose = keep_deleted
    fake_dialogs.open_answers.append(shared)
    window.import_share_action.trigger()
    assert accept_preview and q(window.doc.store.shown_path, "SELECT count(*) FROM goal") == [(0,)]


def test_the_previews_counts_pick_one_or_many_and_name_the_agreement_alone() -> None:
    from types import SimpleNamespace

    from revmentor_desktop.report.text import by_count
    from revmentor_desktop.ui.exchange.preview import kinds_summary

    items = [SimpleNamespace(kind=k) for k in ("entry", "entry", "goal", "agreement")]
    assert kinds_summary(items) == "2 sessions, 1 goal, the agreement"  # type: ignore[arg-type]
    assert [by_count(n, "one", "many") for n in (0, 1, 2)] == ["many", "one", "many"]
