"""Issue 15, the journal under the keyboard: a due date typed, stepped, picked and cleared; the form
scrolled to whatever takes the focus; the cursor after an agenda's carried-over items; a new entry
written, not previewed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from revmentor_desktop.data import ops
from revmentor_desktop.data.store import Store
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.journal import JournalTab
from revmentor_desktop.ui.journal.actions import ActionModel
from revmentor_desktop.ui.window import MainWindow

SESSION = date(2026, 3, 4)


def journal(win: MainWindow) -> JournalTab:
    win.show_tab(win.tabs.indexOf(win.journal_tab))
    return win.journal_tab


@pytest.fixture
def session_file(partnership_file: Path) -> Path:
    store = Store.open(partnership_file)
    entry = ops.add_entry(store, SESSION, topics="Prompting", notes="Some **notes**")
    ops.add_action(store, entry, "Send the slides")
    ops.add_action(store, entry, "Book the room", due_on=date(2026, 3, 20))
    store.close()
    return partnership_file


@pytest.fixture
def win(qtbot: Any, session_file: Path, fake_dialogs: Any) -> Any:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 560)  # short enough that the form scrolls
    window.show()
    assert window.open_file(session_file)
    qtbot.waitExposed(window)
    yield window
    window.close()


def due_of(tab: JournalTab, row: int) -> date | None:
    assert tab.editor.entry_id is not None
    return ops.list_actions(tab.doc.store, tab.editor.entry_id)[row].due_on


def commit(editor: QWidget, qtbot: Any) -> None:
    """Return in the editor: the table commits it on the next turn of the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def open_due_editor(tab: JournalTab, row: int) -> Any:
    table = tab.editor.action_table
    index = tab.editor.action_model.index(row, ActionModel.DUE)
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and table.isAncestorOf(editor)
    return editor


# -- the due date -------------------------------------------------------------------------------------


def test_a_due_date_starts_from_the_session_not_from_1900(win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    editor = open_due_editor(tab, 0)  # no due date yet
    assert editor.text() == ""  # nothing pretends to be a date
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert editor.text() == day_text(SESSION)
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    commit(editor, qtbot)
    assert due_of(tab, 0) == SESSION + timedelta(days=1)


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # a popup, off-screen
def test_the_calendar_opens_at_the_session_and_a_click_chooses(win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    screen = win.screen().availableGeometry()  # the window in the screen's bottom right corner
    win.move(screen.right() - win.frameGeometry().width(), screen.bottom() - win.frameGeometry().height())
    editor = open_due_editor(tab, 0)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = editor.calendar
    assert calendar is not None and calendar.isVisible()
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 3)
    assert calendar.selectedDate().toPython() == SESSION
    assert editor.screen().availableGeometry().contains(calendar.frameGeometry())  # all of it
    calendar.setSelectedDate(calendar.selectedDate().addDays(10))
    calendar.activated.emit(calendar.selectedDate())  # Enter (or a click) on the 14th
    assert due_of(tab, 0) == date(2026, 3, 14)
    assert not calendar.isVisible()


@pytest.mark.parametrize("typed", ["12/05/2026", "12/5/26", "12 May 2026", "2026-05-12"])
def test_a_typed_date_is_taken_in_the_users_format(win: MainWindow, qtbot: Any, typed: str) -> None:
    tab = journal(win)  # the tests' locale is British: days first
    editor = open_due_editor(tab, 1)
    assert editor.text() == day_text(date(2026, 3, 20))
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    commit(editor, qtbot)
    assert due_of(tab, 1) == date(2026, 5, 12)
    assert tab.editor.action_model.index(1, ActionModel.DUE).data().startswith("12 May 2026")


def test_a_due_date_can_be_cleared_and_nonsense_is_not_taken(win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    editor = open_due_editor(tab, 1)
    editor.selectAll()
    qtbot.keyClicks(editor, "next blue moon")
    commit(editor, qtbot)  # not a date: the editor stays open to be mended
    assert editor.isVisible() and due_of(tab, 1) == date(2026, 3, 20)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    commit(editor, qtbot)
    assert due_of(tab, 1) is None
    assert tab.editor.action_model.index(1, ActionModel.DUE).data() == "—"
    win.undo_action.trigger()
    assert due_of(tab, 1) == date(2026, 3, 20)


def test_dates_are_read_in_the_locales_own_order() -> None:
    from PySide6.QtCore import QLocale

    from revmentor_desktop.ui.journal.due_date import parse_day

    today = date(2026, 3, 4)
    us, de = QLocale("en_US"), QLocale("de_DE")
    assert parse_day("3/12/26", today, us) == date(2026, 3, 12)
    assert parse_day("12.03.2026", today, de) == date(2026, 3, 12)
    assert parse_day("12. März 2026", today, de) == date(2026, 3, 12)
    assert parse_day("12/3/1899", today, QLocale("en_GB")) is None  # before what the file keeps
    assert parse_day("soon", today, us) is None


# -- what has the focus is in view ---------------------------------------------------------------------


def in_view(tab: JournalTab, widget: QWidget) -> bool:
    viewport = tab.editor_scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_a_shortcut_to_the_session_date_scrolls_the_form_back_up(win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    bar = tab.editor_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than the window
    bar.setValue(bar.maximum())
    assert not in_view(tab, tab.editor.held_on)
    qtbot.keyClick(tab.editor.action_table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert tab.editor.held_on.hasFocus()
    assert in_view(tab, tab.editor.held_on)


def test_tabbing_down_the_form_keeps_each_field_in_view(win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    ed = tab.editor
    ed.held_on.setFocus()
    seen: list[QWidget] = []
    for _ in range(40):
        focus = QApplication.focusWidget()
        assert focus is not None
        if ed.isAncestorOf(focus) and focus.height() < tab.editor_scroll.viewport().height():
            assert in_view(tab, focus), focus.accessibleName()
        seen.append(focus)
        if focus is ed.goals:
            break
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    # Reading order: the session row, topics, agenda, notes, takeaways, the feedback column by
    # column, the action items, then the goals under them.
    # (A date's Tab goes from day to month to year first: one stop, as the user sees it.)
    seen = [w for i, w in enumerate(seen) if i == 0 or seen[i - 1] is not w]
    named = [w for w in seen if w in (
        ed.held_on, ed.duration, ed.private, ed.topics, ed.agenda, ed.notes, ed.mentor_takeaway,
        ed.mentee_takeaway, *ed.feedback.focus_order(), ed.action_table, ed.new_action, ed.goals)]
    assert named == [ed.held_on, ed.duration, ed.private, ed.topics, ed.agenda, ed.notes,
                     ed.mentor_takeaway, ed.mentee_takeaway, *ed.feedback.focus_order(),
                     ed.action_table, ed.new_action, ed.goals]


# -- the agenda and the notes ---------------------------------------------------------------------------


def test_tab_into_a_carried_over_agenda_puts_the_cursor_after_it(
        win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    win.new_item_action.trigger()
    ed = tab.editor
    agenda = ed.agenda.toPlainText()
    assert agenda.startswith("Carried over") and "Send the slides" in agenda
    assert ed.topics.hasFocus()
    for _ in range(10):  # past the topics to rotate in, if any
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if ed.agenda.hasFocus():
            break
    assert ed.agenda.hasFocus()
    qtbot.keyClicks(ed.agenda, "Budget")
    assert ed.agenda.toPlainText() == agenda + "Budget"
    # Where the user put the cursor, it stays.
    ed.agenda.moveCursor(QTextCursor.MoveOperation.Start)
    ed.agenda.moveCursor(QTextCursor.MoveOperation.EndOfLine)
    ed.topics.setFocus()
    qtbot.keyClick(ed.topics, Qt.Key.Key_Tab)
    while not ed.agenda.hasFocus():
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(ed.agenda, " (2)")
    assert ed.agenda.toPlainText().startswith("Carried over from earlier sessions: (2)\n")


def test_a_new_entry_opens_at_the_top_of_its_form_wherever_the_last_was_scrolled(
        win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    bar = tab.editor_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    win.new_item_action.trigger()
    assert tab.editor.topics.hasFocus()
    assert bar.value() == 0  # its heading ("Session of …") and its date in view
    assert in_view(tab, tab.editor.held_on)


def test_a_new_entry_opens_on_write_after_preview_was_used(win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    ed = tab.editor
    ed.notes_tabs.setCurrentWidget(ed.preview)
    assert "notes" in ed.preview.toPlainText()
    win.new_item_action.trigger()
    assert ed.notes_tabs.currentWidget() is ed.notes
    qtbot.keyClick(ed.topics, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # "Note&s"
    qtbot.keyClicks(QApplication.focusWidget(), "Typed")
    ed.flush()
    assert ed.entry_id is not None
    assert ops.get_entry(tab.doc.store, ed.entry_id).notes == "Typed"


def test_the_notes_shortcut_goes_to_the_preview_while_it_is_shown(win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    ed = tab.editor
    ed.notes_tabs.setCurrentWidget(ed.preview)
    qtbot.keyClick(ed.topics, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert ed.preview.hasFocus()
    ed.notes_tabs.setCurrentWidget(ed.notes)
    qtbot.keyClick(ed.topics, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert ed.notes.hasFocus()
