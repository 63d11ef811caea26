"""The window as a user meets it: first run, the Overview tab, the agreement, undo, the lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from revmentor_desktop.data import ops, reads
from revmentor_desktop.data.store import Store
from revmentor_desktop.ui import paths
from revmentor_desktop.ui.new_partnership import NewPartnershipDialog
from revmentor_desktop.ui.overview import OverviewTab
from revmentor_desktop.ui.startup import choose_start_file
from revmentor_desktop.ui.window import MainWindow


def overview(win: MainWindow) -> OverviewTab:
    tab = win.tabs.widget(0)
    assert isinstance(tab, OverviewTab)
    return tab


def reopen(path: Path) -> Store:
    return Store.open(path)


def title_words(win: MainWindow) -> str:
    """The window title as read, without the invisible marks that isolate the names in it."""
    return win.windowTitle().replace("\u2068", "").replace("\u2069", "")


def test_first_run_dialog_creates_the_default_file(qtbot: Any, fake_dialogs: Any) -> None:
    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPartnershipDialog)
        qtbot.keyClicks(dialog.mentor, "Priya Raman")
        qtbot.keyClicks(dialog.mentee, "Martin Okafor")
        dialog.me.setCurrentIndex(1)
        dialog.cadence.setValue(21)
        dialog.focus.boxes[0].setChecked(True)
        qtbot.keyClicks(dialog.focus.own, "Social media, Podcasts")
        qtbot.keyClick(dialog.mentee, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in)
    target = choose_start_file(None)
    assert target is not None and target.create is not None
    assert target.path == paths.default_file()

    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_file(target.path, create=target.create)
    assert "Priya Raman ↔ Martin Okafor" in title_words(win)
    win.close()

    store = reopen(paths.default_file())
    p = reads.get_partnership(store)
    assert (p.mentor_name, p.mentee_name, p.me, p.cadence_days) == (
        "Priya Raman", "Martin Okafor", "mentee", 21)
    assert reads.list_focus_areas(store) == ["Technology adoption", "Social media", "Podcasts"]
    assert len(reads.list_clauses(store)) == 6  # the suggested ground rules
    assert (paths.default_file().stat().st_mode & 0o777) == 0o600
    assert (paths.data_dir().stat().st_mode & 0o777) == 0o700
    store.close()
    # Next start opens it again without asking.
    again = choose_start_file(None)
    assert again is not None and again.create is None and again.path == paths.default_file().resolve()


def test_first_run_dialog_insists_on_both_names(qtbot: Any) -> None:
    dialog = NewPartnershipDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.mentor, "   ")
    dialog.accept()
    assert (dialog.result() == 0 and dialog.isVisible() is False) or "both names" in dialog.problem.text()
    assert "both names" in dialog.problem.text()


def test_cancelling_first_run_quits(qtbot: Any) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPartnershipDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert choose_start_file(None) is None
    assert not paths.default_file().exists()


def test_the_practice_box_and_dashboard_come_once_the_overview_has_painted(
        qtbot: Any, partnership_file: Path, fake_dialogs: Any) -> None:
    """The figures, details and rules paint first; then the practice box (shown once it has read
    the file, never a guess at it) and the dashboard arrive by themselves, nothing else repainting."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(partnership_file)
    tab = win.overview_tab
    assert tab._practice is None and tab._dashboard is None
    qtbot.waitUntil(lambda: tab._dashboard is not None and tab._practice is not None
                    and tab._practice.loaded, timeout=5000)
    assert tab.practice.isVisibleTo(win)
    win.close()


def test_typing_in_overview_fields_is_saved(window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    tab = overview(window)
    tab.mentor.selectAll()
    qtbot.keyClicks(tab.mentor, "Dana <b>Lee</b> & co")
    qtbot.keyClick(tab.mentor, Qt.Key.Key_Return)
    tab.organisation.setFocus()
    tab.organisation.selectAll()
    qtbot.keyClicks(tab.organisation, "Globex")
    tab.mentee.setFocus()  # focus-out saves too
    tab.cadence.setFocus()
    tab.cadence.selectAll()
    qtbot.keyClicks(tab.cadence, "7")
    qtbot.keyClick(tab.cadence, Qt.Key.Key_Return)
    tab.review.check.setChecked(True)
    tab.focus.boxes[2].setChecked(True)
    assert "Dana <b>Lee</b> & co ↔ Morgan Hale" in title_words(window)
    window.close()

    store = reopen(partnership_file)
    p = reads.get_partnership(store)
    assert p.mentor_name == "Dana <b>Lee</b> & co"
    assert p.organisation == "Globex"
    assert p.cadence_days == 7
    assert p.review_date is not None
    assert "Leadership development" in reads.list_focus_areas(store)
    store.close()


def test_typing_is_saved_when_the_window_closes_before_the_debounce(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    tab = overview(window)
    tab.organisation.setFocus()
    qtbot.keyClick(tab.organisation, Qt.Key.Key_End)
    qtbot.keyClicks(tab.organisation, " Ltd")
    window.close()  # no Enter, no focus change, no wait
    store = reopen(partnership_file)
    assert reads.get_partnership(store).organisation == "Acme Ltd"
    store.close()


def test_an_empty_name_is_refused_and_kept_in_the_field(window: MainWindow, qtbot: Any,
                                                       partnership_file: Path) -> None:
    tab = overview(window)
    tab.mentee.selectAll()
    qtbot.keyClick(tab.mentee, Qt.Key.Key_Delete)
    qtbot.keyClick(tab.mentee, Qt.Key.Key_Return)
    assert "cannot be empty" in tab.problem.text()
    assert tab.mentee.text() == ""
    qtbot.keyClicks(tab.mentee, "Morgan H.")
    qtbot.keyClick(tab.mentee, Qt.Key.Key_Return)
    assert tab.problem.text() == ""
    window.close()
    store = reopen(partnership_file)
    assert reads.get_partnership(store).mentee_name == "Morgan H."
    store.close()


def _clause_texts(path: Path) -> list[str]:
    store = reopen(path)
    try:
        return [c.text for c in reads.list_clauses(store)]
    finally:
        store.close()


def test_agreement_add_edit_insert_move_delete_undo(window: MainWindow, qtbot: Any,
                                                    partnership_file: Path) -> None:
    tab = overview(window)
    # Add a rule and type its text into the in-place editor.
    qtbot.mouseClick(tab.add_clause_button, Qt.MouseButton.LeftButton)
    editor = tab.clauses.findChild(QLineEdit) or QApplication.focusWidget()
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Phones face down")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on a queued call, as it would after a real key press.
    qtbot.waitUntil(lambda: tab.clauses.state() != QAbstractItemView.State.EditingState)
    assert _clause_texts(partnership_file) == ["What we say stays between us.", "Phones face down"]

    # Insert a ready-made clause after the selected one.
    tab.clauses.setCurrentIndex(tab.clause_model.index(0))
    tab.ready_made.menu().actions()[4].trigger()  # "No-fault ending"
    texts = _clause_texts(partnership_file)
    assert texts[1].startswith("Either of us can end the partnership")

    # Move the last one up with the keyboard.
    tab.clauses.setFocus()
    tab.clauses.setCurrentIndex(tab.clause_model.index(2))
    qtbot.keyClick(tab.clauses, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _clause_texts(partnership_file)[1] == "Phones face down"

    # Delete asks nothing; undo brings it back in place.
    window.delete_action.trigger()
    assert "Phones face down" not in _clause_texts(partnership_file)
    window.undo_action.trigger()
    assert _clause_texts(partnership_file)[1] == "Phones face down"
    window.redo_action.trigger()
    assert "Phones face down" not in _clause_texts(partnership_file)


def test_undo_of_a_field_edit(window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    tab = overview(window)
    tab.organisation.selectAll()
    qtbot.keyClicks(tab.organisation, "Initech")
    qtbot.keyClick(tab.organisation, Qt.Key.Key_Return)
    assert "Edit Organisation" in window.undo_action.text()
    window.undo_action.trigger()
    assert tab.organisation.text() == "Acme"
    store = reopen(partnership_file)
    assert reads.get_partnership(store).organisation == "Acme"
    store.close()


def test_second_window_on_the_same_file_is_refused(window: MainWindow, qtbot: Any,
                                                   partnership_file: Path, fake_dialogs: Any) -> None:
    other = MainWindow()
    qtbot.addWidget(other)
    assert not other.open_file(partnership_file)
    error = fake_dialogs.errors[-1][1]
    assert "already open" in str(error) and "brought to the front" in error.hint
    assert other.doc is None
    # The window that has the file comes forward (over a local channel, never the network).
    qtbot.waitUntil(lambda: "it is here" in window.statusBar().currentMessage(), timeout=3000)
    other.close()


def test_open_recent_lists_files(window: MainWindow, partnership_file: Path) -> None:
    assert paths.recent_files()[0] == partnership_file.resolve()
    window._fill_recent()
    labels = [a.text() for a in window.recent_menu.actions()]
    assert any(partnership_file.name in label for label in labels)


def test_open_a_bad_file_shows_a_message_and_keeps_the_current_one(
        window: MainWindow, tmp_path: Path, fake_dialogs: Any) -> None:
    bad = tmp_path / "notes.revmentor"
    bad.write_text("just some text")
    fake_dialogs.open_answers.append(bad)
    window.open_dialog()
    assert "not a RevMentor partnership file" in str(fake_dialogs.errors[-1][1])
    assert bad.read_text() == "just some text"
    assert window.doc is not None and window.doc.store.path.name == "ours.revmentor"


def test_new_partnership_from_the_menu(window: MainWindow, qtbot: Any, tmp_path: Path,
                                       fake_dialogs: Any) -> None:
    target = tmp_path / "second"
    fake_dialogs.save_answers.append(target)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPartnershipDialog)
        qtbot.keyClicks(dialog.mentor, "Ana")
        qtbot.keyClicks(dialog.mentee, "Bo")
        dialog.clauses.setChecked(False)
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    window.new_partnership()
    created = tmp_path / "second.revmentor"
    assert window.doc is not None and window.doc.store.path == created
    store = reopen(created)
    assert reads.get_partnership(store).mentee_name == "Bo"
    assert reads.list_clauses(store) == []
    assert reads.get_partnership(store).start_date == date.today()
    store.close()


def test_tab_shortcut_and_about(window: MainWindow) -> None:
    assert window.tab_actions[0].shortcut().toString() == "Ctrl+1"
    assert window.tabs.tabText(0).replace("&", "") == "Overview"


def test_goals_at_a_glance_is_blank_not_zero_until_it_has_been_read(
        qtbot: Any, partnership_file: Path, fake_dialogs: Any) -> None:
    store = Store.open(partnership_file)
    ops.add_goal(store, "Post on LinkedIn monthly", owner="mentee", status="in_progress")
    store.close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(partnership_file)
    counts = overview(win).dashboard.counts_model
    cell = counts.index(1, 1)  # in progress, mentee
    # The headline figures paint first; the dashboard is read just after.
    assert counts.data(cell) is None
    assert counts.headerData(1, Qt.Orientation.Horizontal) == "Morgan"  # the names show at once
    qtbot.waitUntil(lambda: counts.data(cell) == "1", timeout=5000)
    assert counts.data(counts.index(0, 0)) == "0"
    win.close()


def test_a_name_with_an_rtl_override_cannot_turn_the_overview_labels_round(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    """A partner's name with U+202E (RTL override) in it reverses only itself, not "(mentor)"."""
    tab = overview(window)
    qtbot.waitUntil(lambda: tab.dashboard._loaded, timeout=5000)
    tab.mentor.selectAll()
    qtbot.keyClicks(tab.mentor, "Ace")
    tab.mentor.insert("\u202e")  # as an input method or a paste would (QTest types Latin-1 only)
    qtbot.keyClicks(tab.mentor, "Aliya")
    qtbot.keyClick(tab.mentor, Qt.Key.Key_Return)
    store = reopen(partnership_file)
    assert reads.get_partnership(store).mentor_name == "Ace\u202eAliya"  # kept as typed
    store.close()
    counts = tab.dashboard.counts_model
    tip = counts.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    # FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE around the name, the override closed inside.
    assert "\u2068Ace\u202eAliya\u202c\u2069 (mentor)" in tip


def test_the_first_run_dialogs_problem_line_goes_once_the_names_are_in(qtbot: Any) -> None:
    dialog = NewPartnershipDialog(first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.mentor, "Ana")
    dialog.accept()
    assert dialog.problem.text() == "Please enter both names." and dialog.isVisible()
    qtbot.keyClicks(dialog.mentee, "R")  # both names in: the line is stale
    assert dialog.problem.text() == ""
