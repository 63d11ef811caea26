"""The Delete key deletes the selected row of the list or table that has the focus, and nothing
when the focus is in a record's form (a date, a status, a Private box, a table of the record's
parts): a stray press must not take the whole record. Edit › Delete still deletes the selection."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from revmentor_desktop.data import commands, reads
from revmentor_desktop.data.vocab import Quadrant, Role
from revmentor_desktop.ui.window import MainWindow


def press_delete(qtbot: Any, widget: Any) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)


def test_journal_list_and_action_items_take_the_key_the_entry_form_does_not(
        window: MainWindow, qtbot: Any) -> None:
    store = window.doc.store
    entry = window.doc.run(commands.add_entry(date(2026, 3, 2), topics="Board pack")).value
    window.doc.run(commands.add_action(entry, "Send the draft"))
    window.doc.run(commands.add_action(entry, "Book the room"))
    tab = window.journal_tab
    window.tabs.setCurrentWidget(tab)
    tab.list.selectRow(0)
    assert tab.editor.entry_id == entry

    press_delete(qtbot, tab.editor.held_on)  # the entry's date: nothing goes
    assert [e.id for e in reads.list_entries(store)] == [entry]
    actions = tab.editor.action_items
    actions.table.selectRow(0)
    press_delete(qtbot, actions.table)  # the selected action item, not the entry
    assert [a.text for a in reads.list_actions(store, entry)] == ["Book the room"]
    press_delete(qtbot, tab.list)
    assert reads.list_entries(store) == []
    window.undo_action.trigger()
    assert [e.id for e in reads.list_entries(store)] == [entry]


def test_a_swot_quadrant_and_the_agreement_take_the_key(window: MainWindow, qtbot: Any) -> None:
    store = window.doc.store
    window.doc.run(commands.add_swot_item(Role.MENTOR, Quadrant.STRENGTHS, "Plain words", "Add"))
    tab = window.swot_tab
    window.tabs.setCurrentWidget(tab)
    panel = tab.grids[Role.MENTOR].quadrants[Quadrant.STRENGTHS]
    panel.view.setCurrentIndex(panel.view.model().index(0, 0))
    press_delete(qtbot, panel.view)
    assert reads.list_swot_items(store) == []

    overview = window.overview_tab
    window.tabs.setCurrentWidget(overview)
    before = [c.text for c in reads.list_clauses(store)]
    overview.clauses.setCurrentIndex(overview.clause_model.index(0))
    press_delete(qtbot, overview.clauses)
    assert [c.text for c in reads.list_clauses(store)] == before[1:]
    press_delete(qtbot, overview.organisation.parentWidget())  # the details' box: nothing
    assert [c.text for c in reads.list_clauses(store)] == before[1:]


def test_the_menus_delete_deletes_from_anywhere_in_the_tab(window: MainWindow, qtbot: Any) -> None:
    store = window.doc.store
    goal = window.doc.run(commands.add_goal("Learn the chat tool")).value
    tab = window.goals_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_goal(goal)
    press_delete(qtbot, tab.pane.status)
    assert [g.id for g in reads.list_goals(store)] == [goal]
    tab.pane.status.setFocus()
    window.delete_action.trigger()  # Edit › Delete: the user asked for it by name
    assert reads.list_goals(store) == []
