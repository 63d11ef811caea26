"""The session journal worked as a user does: new entries, every field, action items, search, undo."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

from revmentor_desktop.data import commands, ops
from revmentor_desktop.data.journal import HIT_END, HIT_START
from revmentor_desktop.data.store import Store
from revmentor_desktop.ui.journal import JournalTab
from revmentor_desktop.ui.journal.actions import ActionModel
from revmentor_desktop.ui.journal.entry_list import EntryListModel
from revmentor_desktop.ui.journal.search_marks import HighlightDelegate, hit_colours
from revmentor_desktop.ui.tab import Tab
from revmentor_desktop.ui.window import MainWindow


def journal(win: MainWindow) -> JournalTab:
    win.show_tab(win.tabs.indexOf(win.journal_tab))
    return win.journal_tab


def reopen(path: Path) -> Store:
    return Store.open(path)


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    """Type like a person: characters, and Return for each new line."""
    widget.setFocus()
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def test_write_an_entry_with_action_items_and_find_it_after_reopening(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    tab = journal(window)
    assert "No sessions yet" in tab.empty.text()
    window.new_item_action.trigger()  # Ctrl+N on the Journal tab
    ed = tab.editor
    assert ed.entry_id is not None
    assert ed.held_on.date().toPython() == date.today()
    assert ed.duration.value() == 60  # the partnership's usual length
    type_into(qtbot, ed.topics, "Generative AI at work, Board <b>decks</b> & more")
    type_into(qtbot, ed.notes, "We tried **prompting** together.\n<script>alert(1)</script>")
    type_into(qtbot, ed.mentor_takeaway, "Martin reads the room first.")
    type_into(qtbot, ed.mentee_takeaway, "Draft with the assistant, decide without it.")
    type_into(qtbot, ed.feedback.boxes["mentor_says_keep"], "Clear examples")
    type_into(qtbot, ed.feedback.boxes["mentee_says_try"], "Agenda came late")
    ed.feedback.ratings["mentee_rating"].stars.setFocus()
    qtbot.keyClick(ed.feedback.ratings["mentee_rating"].stars, Qt.Key.Key_4)
    type_into(qtbot, ed.new_action, "Post on LinkedIn")
    qtbot.keyClick(ed.new_action, Qt.Key.Key_Return)
    ed.new_action_owner.setCurrentIndex(ed.new_action_owner.findData("mentor"))
    type_into(qtbot, ed.new_action, "Send the prompt cheat-sheet")
    qtbot.keyClick(ed.new_action, Qt.Key.Key_Return)
    assert ed.action_model.rowCount() == 2
    # Tick the first one done.
    first = ed.action_model.index(0, 0)
    assert ed.action_model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    entry_id = ed.entry_id
    window.close()  # typing still waiting for its debounce is saved on close

    store = reopen(partnership_file)
    e = ops.get_entry(store, entry_id)
    assert e.topics == "Generative AI at work, Board <b>decks</b> & more"
    assert e.notes.endswith("<script>alert(1)</script>")
    assert e.mentor_takeaway == "Martin reads the room first."
    assert e.mentee_takeaway == "Draft with the assistant, decide without it."
    assert (e.mentor_says_keep, e.mentee_says_try, e.mentee_rating) == (
        "Clear examples", "Agenda came late", 4)
    assert (e.feedback_good, e.feedback_improve, e.rating, e.mentor_rating) == ("", "", None, None)
    actions = ops.list_actions(store, entry_id)
    assert [(a.text, a.owner) for a in actions] == [("Post on LinkedIn", "both"),
                                                   ("Send the prompt cheat-sheet", "mentor")]
    assert actions[0].done_on == date.today() and actions[1].done_on is None
    store.close()


def test_new_entry_agenda_carries_open_action_items(qtbot: Any, partnership_file: Path,
                                                   fake_dialogs: Any) -> None:
    store = Store.open(partnership_file)
    old = ops.add_entry(store, date.today() - timedelta(days=14))
    ops.add_action(store, old, "Read the board minutes", owner="mentor",
                   due_on=date.today() + timedelta(days=2))
    done = ops.add_action(store, old, "Already finished")
    ops.update_action(store, done, done_on=date.today())
    store.close()

    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_file(partnership_file)
    tab = journal(win)
    tab.new_item()
    agenda = tab.editor.agenda.toPlainText()
    assert "Carried over" in agenda and "Read the board minutes (Dana Lee" in agenda
    assert "Already finished" not in agenda
    win.close()
    store = reopen(partnership_file)
    newest = ops.list_entries(store)[0]
    assert "Read the board minutes" in ops.get_entry(store, newest.id).agenda
    store.close()


@pytest.fixture
def busy_file(partnership_file: Path) -> Path:
    store = Store.open(partnership_file)
    start = date(2026, 1, 6)
    topics = ["Prompt writing", "Board presentations", "LinkedIn posting", "Delegation"]
    for i in range(12):
        e = ops.add_entry(store, start + timedelta(days=14 * i), topics=topics[i % 4],
                          notes=f"Session {i} notes about {topics[i % 4].lower()}",
                          private=(i == 5), rating=3 + i % 3)
        if i == 7:
            ops.add_action(store, e, "Try the Copilot trial")
    ops.update_entry(store, 6, notes="Secret stuff about the restructure")
    store.close()
    return partnership_file


@pytest.fixture
def busy_window(qtbot: Any, busy_file: Path, fake_dialogs: Any) -> Any:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(busy_file)
    yield win
    win.close()


def test_list_is_newest_first_with_lock_on_private(busy_window: MainWindow) -> None:
    tab = journal(busy_window)
    model = tab.model
    assert model.rowCount() == 12
    dates = [model.entry_at(r).held_on for r in range(12)]
    assert dates == sorted(dates, reverse=True)
    private_row = next(r for r in range(12) if model.entry_at(r).private)
    assert model.data(model.index(private_row, 0), Qt.ItemDataRole.DecorationRole) is not None
    assert "Private" in model.data(model.index(private_row, 0), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 2)) == "★★★★☆"[: 5] or "★" in model.data(model.index(0, 2))
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(tab.editor.action_model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(tab.editor.goal_model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reload()


def test_search_narrows_the_list_and_highlights(busy_window: MainWindow, qtbot: Any) -> None:
    tab = journal(busy_window)
    busy_window._find()  # Ctrl+F
    assert tab.search.hasFocus()
    qtbot.keyClicks(tab.search, "board pres")
    qtbot.waitUntil(lambda: tab.model.searching and tab.model.rowCount() == 3)
    text = tab.model.data(tab.model.index(0, 1))
    assert "\x02" in text  # the delegate paints these as highlights
    assert tab.model.headerData(1, Qt.Orientation.Horizontal) == "Matching text"
    assert "3 of 12 sessions match" in tab.count.text()
    # Action item text is searched too, with prefix matching.
    tab.search.clear()
    qtbot.keyClicks(tab.search, "copil")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.search.clear()
    qtbot.waitUntil(lambda: not tab.model.searching)
    assert tab.model.rowCount() == 12


def test_search_finds_an_edit_immediately(busy_window: MainWindow, qtbot: Any) -> None:
    tab = journal(busy_window)
    tab.list.setCurrentIndex(tab.model.index(0, 0))
    type_into(qtbot, tab.editor.feedback.boxes["mentor_says_try"], "zebra-crossing analogy")
    tab.editor.flush()
    tab.search.setText("zebra")
    tab.run_search()
    assert tab.model.rowCount() == 1


def test_delete_entry_and_undo(busy_window: MainWindow, qtbot: Any, busy_file: Path) -> None:
    tab = journal(busy_window)
    row = next(r for r in range(12) if tab.model.entry_at(r).topics == "Prompt writing")
    tab.list.setCurrentIndex(tab.model.index(row, 0))
    tab.list.setFocus()
    entry_id = tab.current_entry_id()
    busy_window.delete_action.trigger()
    assert tab.model.rowCount() == 11
    assert "brings it back" in busy_window.statusBar().currentMessage()
    busy_window.undo_action.trigger()
    assert tab.model.rowCount() == 12
    store = reopen(busy_file)
    assert ops.get_entry(store, entry_id).topics == "Prompt writing"
    store.close()


def test_undo_of_typing_in_notes(busy_window: MainWindow, qtbot: Any, busy_file: Path) -> None:
    tab = journal(busy_window)
    tab.list.setCurrentIndex(tab.model.index(0, 0))
    entry_id = tab.current_entry_id()
    before = tab.editor.notes.toPlainText()
    tab.editor.notes.moveCursor(tab.editor.notes.textCursor().MoveOperation.End)
    type_into(qtbot, tab.editor.notes, " more")
    tab.editor.flush()
    type_into(qtbot, tab.editor.notes, " and more")
    tab.editor.flush()  # the same field again: one undo step
    busy_window.undo_action.trigger()
    assert tab.editor.notes.toPlainText() == before
    store = reopen(busy_file)
    assert ops.get_entry(store, entry_id).notes == before
    store.close()


def test_hide_private_hides_entries_everywhere(busy_window: MainWindow, qtbot: Any) -> None:
    tab = journal(busy_window)
    private_row = next(r for r in range(12) if tab.model.entry_at(r).private)
    tab.list.setCurrentIndex(tab.model.index(private_row, 0))
    assert tab.editor.notes.toPlainText() == "Secret stuff about the restructure"
    busy_window.hide_private_action.trigger()
    assert "private entries hidden" in busy_window.windowTitle()
    assert tab.model.rowCount() == 11
    assert all(not tab.model.entry_at(r).private for r in range(11))
    assert "Secret stuff" not in tab.editor.notes.toPlainText()
    tab.search.setText("secret")
    tab.run_search()
    assert tab.model.rowCount() == 0
    overview = busy_window.overview_tab
    # Hiding private entries hides what was said, not that the pair met: all 12 still count.
    assert overview.momentum.held.value.text() == "12"
    busy_window.hide_private_action.trigger()
    assert tab.model.rowCount() == 1
    assert "private entries hidden" not in busy_window.windowTitle()


def test_goals_discussed_and_markdown_preview(busy_window: MainWindow, qtbot: Any, busy_file: Path) -> None:
    store = busy_window.doc.store
    goal = ops.add_goal(store, "Post weekly")
    busy_window.doc.changed.emit(frozenset({"goals"}), None)
    tab = journal(busy_window)
    tab.list.setCurrentIndex(tab.model.index(0, 0))
    entry_id = tab.current_entry_id()
    gm = tab.editor.goal_model
    row = next(r for r in range(gm.rowCount()) if gm.data(gm.index(r)) == "Post weekly")
    assert gm.setData(gm.index(row), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert ops.entry_goal_ids(store, entry_id) == [goal]
    busy_window.undo_action.trigger()
    assert ops.entry_goal_ids(store, entry_id) == []

    tab.editor.notes.setPlainText("**bold** <b>raw</b> &amp; x")
    tab.editor.notes_tabs.setCurrentWidget(tab.editor.preview)
    shown = tab.editor.preview.toPlainText()
    assert "bold" in shown and "**" not in shown
    assert "<b>raw</b>" in shown and "&amp;" in shown


def test_topic_suggestion_adds_to_topics(busy_window: MainWindow, qtbot: Any) -> None:
    tab = journal(busy_window)
    tab.list.setCurrentIndex(tab.model.index(0, 0))
    buttons = tab.editor._suggestion_buttons
    assert buttons, "hot topics for the focus area should be suggested"
    topic = buttons[0].toolTip().split("“")[1].split("”")[0]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert topic in tab.editor.topics.text()
    entry = ops.get_entry(busy_window.doc.store, tab.current_entry_id())
    assert topic in entry.topics


def test_action_item_edit_in_place(busy_window: MainWindow, qtbot: Any) -> None:
    tab = journal(busy_window)
    row = next(r for r in range(12) if tab.model.entry_at(r).topics == "Delegation"
               and ops.list_actions(busy_window.doc.store, tab.model.entry_at(r).id))
    tab.list.setCurrentIndex(tab.model.index(row, 0))
    view = tab.editor.action_table
    idx = tab.editor.action_model.index(0, 1)
    view.setCurrentIndex(idx)
    view.edit(idx)
    editor = view.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Try the Copilot trial & report back")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    action = ops.list_actions(busy_window.doc.store, tab.current_entry_id())[0]
    assert action.text == "Try the Copilot trial & report back"
    view.setFocus()
    view.selectRow(0)
    busy_window.delete_action.trigger()
    assert ops.list_actions(busy_window.doc.store, tab.current_entry_id()) == []
    busy_window.undo_action.trigger()
    assert len(ops.list_actions(busy_window.doc.store, tab.current_entry_id())) == 1


def test_overview_momentum_and_open_actions(busy_window: MainWindow, qtbot: Any) -> None:
    ov = busy_window.overview_tab
    # The dashboard fills in once the headline figures have painted.
    qtbot.waitUntil(lambda: ov.dashboard.actions_model.rowCount() == 1, timeout=5000)
    assert ov.momentum.held.value.text() == "12"
    assert "Overdue by" in ov.momentum.next.value.text()  # the last session was months ago
    assert not ov.momentum.next.icon.isHidden()
    model = ov.dashboard.actions_model
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "Try the Copilot trial"
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(ov.dashboard.counts_model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.rowCount() == 0
    assert ops.open_actions(busy_window.doc.store) == []
    busy_window.undo_action.trigger()
    assert model.rowCount() == 1


def test_search_highlighting_is_not_an_edit(busy_window: MainWindow, qtbot: Any, busy_file: Path) -> None:
    """Highlighting matches re-colours the editor's text; that must not count as typing (or an
    Undo during a search would be silently written back by the next save)."""
    tab = journal(busy_window)
    tab.search.setText("session notes")
    tab.run_search()
    assert tab.model.rowCount() > 0
    assert not any(s.dirty for s in tab.editor._savers.values())
    entry_id = tab.current_entry_id()
    tab.editor.notes.moveCursor(tab.editor.notes.textCursor().MoveOperation.End)
    type_into(qtbot, tab.editor.notes, " typed")
    tab.editor.flush()
    busy_window.undo_action.trigger()
    tab.run_search()  # highlight again after the undo
    tab.editor.flush()
    store = reopen(busy_file)
    assert not ops.get_entry(store, entry_id).notes.endswith(" typed")
    store.close()


# -- the package's item models, each under Qt's model tester with rows in it -------------------------


def test_journal_tab_holds_to_the_tab_protocol(busy_window: MainWindow) -> None:
    assert isinstance(journal(busy_window), Tab)


def test_entry_list_model_passes_the_model_tester(busy_window: MainWindow, qtmodeltester: Any) -> None:
    tab = journal(busy_window)
    assert tab.model.rowCount() == 12
    qtmodeltester.check(tab.model)  # stays attached: the resets below are checked too
    tab.search.setText("board")
    tab.run_search()
    assert 0 < tab.model.rowCount() < 12
    assert "\x02" in tab.model.data(tab.model.index(0, 1))
    tab.search.clear()
    tab.run_search()
    busy_window.hide_private_action.trigger()
    assert tab.model.rowCount() == 11


def test_action_model_passes_the_model_tester(busy_window: MainWindow, qtmodeltester: Any) -> None:
    tab = journal(busy_window)
    doc = busy_window.doc
    entry_id = tab.current_entry_id()
    assert entry_id is not None
    doc.run(commands.add_action(entry_id, "Book the room", owner="mentor",
                                due_on=date.today() - timedelta(days=1)))
    model = tab.editor.action_model
    assert model.rowCount() == 1
    qtmodeltester.check(model)  # stays attached: the inserts, changes and removals below are checked
    doc.run(commands.add_action(entry_id, "Send the notes"))
    assert model.rowCount() == 2
    assert "overdue" in model.data(model.index(0, ActionModel.DUE))
    assert model.setData(model.index(1, ActionModel.DONE), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(0, ActionModel.TEXT), "Book the big room")
    busy_window.undo_action.trigger()
    busy_window.undo_action.trigger()
    tab.editor.action_table.selectRow(0)
    tab.editor.action_items.delete_selected()
    assert model.rowCount() == 1


def test_goal_pick_model_passes_the_model_tester(busy_window: MainWindow, qtmodeltester: Any) -> None:
    doc = busy_window.doc
    doc.run(commands.add_goal("Post weekly"))
    doc.run(commands.add_goal("Chair a meeting", private=True))
    tab = journal(busy_window)
    model = tab.editor.goal_model
    assert model.rowCount() == 2
    qtmodeltester.check(model)  # stays attached: the resets below are checked too
    row = next(r for r in range(2) if model.data(model.index(r)) == "Post weekly")
    assert model.setData(model.index(row), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert ops.entry_goal_ids(doc.store, tab.current_entry_id()) != []
    busy_window.hide_private_action.trigger()
    assert model.rowCount() == 1
    assert model.data(model.index(0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_a_ticked_goal_shows_ticked_at_once(busy_window: MainWindow) -> None:
    busy_window.doc.run(commands.add_goal("Post weekly"))
    model = journal(busy_window).editor.goal_model
    assert model.setData(model.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.data(model.index(0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


# -- search snippets: the words found, whole, in plain text, highlighted (issue 15) ---------------------


def snippet_of(tab: JournalTab, entry_id: int) -> str:
    row = tab.model.row_of(entry_id)
    assert row >= 0
    return str(tab.model.data(tab.model.index(row, EntryListModel.TOPICS)))


def test_a_snippet_shows_the_words_found_whole_in_plain_text_and_highlighted(busy_window: MainWindow) -> None:
    tab = journal(busy_window)
    entry_id = tab.model.entry_at(0).id
    filler = "\n".join(f"- point {i}: **nothing** to report" for i in range(60))
    notes = f"{filler}\n\n**Decision:** our **data privacy** notice goes out in March."
    assert busy_window.doc.run(commands.update_entry(entry_id, "Edit Notes", notes=notes)) is not None
    tab.search.setText("data p")
    tab.run_search()
    text = snippet_of(tab, entry_id)
    assert f"{HIT_START}data{HIT_END} {HIT_START}privacy{HIT_END}" in text
    assert "*" not in text and "- point" not in text
    delegate = tab.list.itemDelegateForColumn(EntryListModel.TOPICS)
    assert isinstance(delegate, HighlightDelegate)
    # However narrow the column, the first word found is painted whole: words around it give way.
    font = tab.list.font()
    bold = QFont(font)
    bold.setBold(True)
    for width in (QFontMetrics(bold).horizontalAdvance("data") + QFontMetrics(font).horizontalAdvance("……"),
                  tab.list.columnWidth(EntryListModel.TOPICS), 2000):
        hits = [part for hit, part, _w in delegate.fitted(text, width, font) if hit]
        assert hits[0] == "data" and set(hits) <= {"data", "privacy"}
    # Painted on a tint of the palette's highlight colour.
    palette = tab.list.palette()
    image = QImage(600, 30, QImage.Format.Format_RGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 600, 30)
    option.font = font
    option.palette = palette
    painter = QPainter(image)
    delegate.paint(painter, option, tab.model.index(tab.model.row_of(entry_id), EntryListModel.TOPICS))
    painter.end()
    marked = hit_colours(palette)[0]
    assert any(image.pixelColor(x, y) == marked for x in range(600) for y in range(30))


def test_the_list_is_painted_by_qt_alone_until_a_search_is_on(busy_window: MainWindow) -> None:
    tab = journal(busy_window)
    column = EntryListModel.TOPICS
    assert not isinstance(tab.list.itemDelegateForColumn(column), HighlightDelegate)
    tab.search.setText("board")
    tab.run_search()
    assert isinstance(tab.list.itemDelegateForColumn(column), HighlightDelegate)
    tab.search.clear()
    tab.run_search()
    assert not isinstance(tab.list.itemDelegateForColumn(column), HighlightDelegate)


def test_a_snippet_follows_an_edit_made_while_searching(busy_window: MainWindow) -> None:
    tab = journal(busy_window)
    tab.search.setText("notes")
    tab.run_search()
    entry_id = tab.model.entry_at(1).id
    assert snippet_of(tab, entry_id).startswith("Session")
    busy_window.doc.run(commands.update_entry(entry_id, "Edit Notes", notes="Fresh notes, **rewritten**"))
    assert snippet_of(tab, entry_id) == f"Fresh {HIT_START}notes{HIT_END}, rewritten"


def test_the_count_under_the_list_is_plain_text_shown_whole_in_its_tooltip_when_cut(
        busy_window: MainWindow) -> None:
    tab = journal(busy_window)
    assert tab.count.text() == "12 sessions"
    tab.show_problem("<b>Could not save</b> to /tmp/a & b")
    assert tab.count.text() == "<b>Could not save</b> to /tmp/a & b"
    assert tab.count.accessibleName() == tab.count.text()
    tab.count.resize(1, tab.count.height())
    tab.count.repaint()
    assert "&lt;b&gt;Could not save&lt;/b&gt;" in tab.count.toolTip()  # escaped: shown as typed


def test_the_editor_marks_words_found_in_the_palette_colours_and_follows_a_theme_change(
        busy_window: MainWindow) -> None:
    tab = journal(busy_window)
    tab.search.setText("notes")
    tab.run_search()
    highlighter = tab.editor._highlighters[1]  # the notes
    palette = tab.editor.notes.palette()
    assert highlighter._format.background().color() == hit_colours(palette)[0]
    dark = QPalette(palette)
    for role, colour in ((QPalette.ColorRole.Base, "#202020"), (QPalette.ColorRole.Text, "#eeeeee"),
                         (QPalette.ColorRole.Highlight, "#2a82da")):
        dark.setColor(role, QColor(colour))
    tab.editor.setPalette(dark)
    assert highlighter._format.background().color() == hit_colours(dark)[0]
    assert highlighter._format.foreground().color() == QColor("#eeeeee")


def test_typing_the_rest_of_a_word_keeps_the_rows_and_marks_only_what_still_matches(
        busy_window: MainWindow) -> None:
    tab = journal(busy_window)
    entry_id = tab.model.entry_at(0).id
    busy_window.doc.run(commands.update_entry(entry_id, "Edit Notes", notes="We sailed the boat past the board room"))
    tab.search.setText("boa")
    tab.run_search()
    rows = [tab.model.entry_at(r).id for r in range(tab.model.rowCount())]
    tab.list.setCurrentIndex(tab.model.index(rows.index(entry_id), 0))
    assert f"{HIT_START}boat{HIT_END}" in snippet_of(tab, entry_id)
    tab.search.setText("boar")  # the same entries match
    tab.run_search()
    assert [tab.model.entry_at(r).id for r in range(tab.model.rowCount())] == rows
    assert tab.current_entry_id() == entry_id
    assert snippet_of(tab, entry_id) == f"…the boat past the {HIT_START}board{HIT_END} room"
    tab.search.setText("boar ")  # no new word: nothing changes
    tab.run_search()
    assert snippet_of(tab, entry_id) == f"…the boat past the {HIT_START}board{HIT_END} room"


def test_long_partner_names_in_the_captions_wrap_instead_of_widening_the_editor(busy_window: MainWindow) -> None:
    ed = journal(busy_window).editor
    ed.set_names("Maria Theresa Walburga Amalia Christina", "Johann Georg Christoph Friedrich von Schiller")
    for label in (ed.mentor_caption, ed.mentee_caption):
        whole_line = label.fontMetrics().horizontalAdvance(label.text())
        assert label.minimumSizeHint().width() < whole_line / 2  # it may take two lines or more
