"""The Goals tab as a user meets it: goals, their details and milestones, filters, sorting, privacy,
"Discussed in", and undo — checked against what the file holds afterwards."""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyle,
    QStyleOptionViewItem,
)

from revmentor_desktop.data import commands, ops
from revmentor_desktop.data.commands import Change
from revmentor_desktop.data.store import Store
from revmentor_desktop.ui.goals import ID_ROLE, PROGRESS_ROLE, GoalsTab
from revmentor_desktop.ui.tab import Tab
from revmentor_desktop.ui.window import MainWindow
from tests.helpers import shown

TITLE, OWNER, FOCUS, STATUS, PROGRESS, TARGET = range(6)


# -- helpers ---------------------------------------------------------------------------------------


@pytest.fixture
def tab(window: MainWindow) -> GoalsTab:
    """The Goals tab, shown (built now if the window has not built it yet)."""
    assert window.tabs is not None
    goals = window.goals_tab
    assert isinstance(goals, GoalsTab)
    window.tabs.setCurrentWidget(goals)
    return goals


@contextmanager
def reopened(path: Path) -> Iterator[Store]:
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


def goal_titles(path: Path) -> list[str]:
    with reopened(path) as store:
        return [g.title for g in ops.list_goals(store)]


def seed_goal(window: MainWindow, title: str, **values: Any) -> int:
    """A goal written by another part of the app; the tab hears of it through `changed`."""
    assert window.doc is not None
    goal_id = ops.add_goal(window.doc.store, title, **values)
    window.doc.changed.emit(frozenset({Change.GOALS}), None)
    return goal_id


def seed_milestones(window: MainWindow, goal_id: int, *titles: str, done: int = 0) -> list[int]:
    assert window.doc is not None
    ids = [ops.add_milestone(window.doc.store, goal_id, t, date(2026, 3, 3) if i < done else None)
           for i, t in enumerate(titles)]
    window.doc.changed.emit(frozenset({Change.MILESTONES}), None)
    return ids


def shown_titles(tab: GoalsTab) -> list[str]:
    return [tab.proxy.index(r, TITLE).data() for r in range(tab.proxy.rowCount())]


def proxy_index(tab: GoalsTab, title: str, column: int = TITLE) -> QModelIndex:
    for r in range(tab.proxy.rowCount()):
        if tab.proxy.index(r, TITLE).data() == title:
            return tab.proxy.index(r, column)
    raise AssertionError(f"{title!r} is not in the table: {shown_titles(tab)}")


def click_goal(qtbot: Any, tab: GoalsTab, title: str) -> None:
    index = proxy_index(tab, title)
    tab.table.scrollTo(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.table.visualRect(index).center())
    assert tab.pane.goal_id == index.data(ID_ROLE)


def click_check(qtbot: Any, view: QAbstractItemView, row: int) -> None:
    """Click a list item's check box, where the delegate draws it."""
    index = view.model().index(row, 0)
    opt = QStyleOptionViewItem()
    opt.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(opt, index)
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def click_header(qtbot: Any, tab: GoalsTab, column: int) -> None:
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def add_goal_typing(qtbot: Any, window: MainWindow, tab: GoalsTab, title: str) -> int:
    window.new_item_action.trigger()  # Ctrl+N
    assert tab.pane.title.selectedText() == "New goal"
    qtbot.keyClicks(tab.pane.title, title)
    qtbot.keyClick(tab.pane.title, Qt.Key.Key_Return)
    assert tab.pane.goal_id is not None
    return tab.pane.goal_id


# -- adding and editing ----------------------------------------------------------------------------


def test_new_goal_is_typed_straight_into_its_title(window: MainWindow, tab: GoalsTab, qtbot: Any,
                                                   partnership_file: Path) -> None:
    assert tab.table_stack.currentWidget() is tab.empty_page
    assert tab.empty_heading.text() == "No goals yet."
    assert tab.pane.stack.currentWidget() is tab.pane.empty
    assert "Ctrl+N" in tab.pane.empty.text()

    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is tab.pane.title
    assert tab.pane.title.selectedText() == "New goal"
    qtbot.keyClicks(tab.pane.title, "Post on LinkedIn")
    qtbot.keyClick(tab.pane.title, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.pane.title, " every fortnight")
    qtbot.keyClick(tab.pane.title, Qt.Key.Key_Return)

    assert tab.table_stack.currentWidget() is tab.table
    assert shown_titles(tab) == ["Post on LinkedIn every fortnight"]
    assert tab.table.selectionModel().selectedRows()[0].data() == "Post on LinkedIn every fortnight"
    assert proxy_index(tab, "Post on LinkedIn every fortnight", OWNER).data() == "Shared"
    with reopened(partnership_file) as store:
        (g,) = ops.list_goals(store)
        assert (g.title, g.owner, g.status) == ("Post on LinkedIn every fortnight", "shared", "not_started")

    # Typing in one field is one undo step; the next undo removes the goal.
    assert window.undo_action.text() == "&Undo Edit Goal Title"
    window.undo_action.trigger()
    assert goal_titles(partnership_file) == ["New goal"]
    assert tab.pane.title.text() == "New goal"
    window.undo_action.trigger()
    assert goal_titles(partnership_file) == []
    assert tab.pane.stack.currentWidget() is tab.pane.empty
    assert tab.table_stack.currentWidget() is tab.empty_page


def test_an_empty_title_is_refused_and_kept_in_the_field(window: MainWindow, tab: GoalsTab,
                                                        qtbot: Any, partnership_file: Path) -> None:
    seed_goal(window, "Learn to use Copilot")
    click_goal(qtbot, tab, "Learn to use Copilot")
    tab.pane.title.selectAll()
    qtbot.keyClick(tab.pane.title, Qt.Key.Key_Delete)
    qtbot.keyClick(tab.pane.title, Qt.Key.Key_Return)
    assert "cannot be empty" in tab.pane.problem.text()
    assert tab.pane.problem.isVisibleTo(tab)
    assert tab.pane.title.text() == ""
    assert goal_titles(partnership_file) == ["Learn to use Copilot"]
    qtbot.keyClicks(tab.pane.title, "Learn to use Copilot well")
    qtbot.keyClick(tab.pane.title, Qt.Key.Key_Return)
    assert tab.pane.problem.text() == ""
    assert goal_titles(partnership_file) == ["Learn to use Copilot well"]


def test_refused_typing_is_unsaved_until_a_save_takes_it(window: MainWindow, tab: GoalsTab,
                                                         qtbot: Any) -> None:
    assert isinstance(tab, Tab)
    seed_goal(window, "Learn to use Copilot")
    click_goal(qtbot, tab, "Learn to use Copilot")
    assert not tab.has_unsaved()
    tab.pane.title.selectAll()
    qtbot.keyClick(tab.pane.title, Qt.Key.Key_Delete)
    tab.flush()
    assert tab.has_unsaved()  # an empty title is refused; the window asks before closing
    qtbot.keyClicks(tab.pane.title, "Learn Copilot")
    tab.flush()
    assert not tab.has_unsaved()


def test_every_detail_is_saved(window: MainWindow, tab: GoalsTab, qtbot: Any,
                               partnership_file: Path) -> None:
    seed_goal(window, "Present to the board")
    click_goal(qtbot, tab, "Present to the board")
    pane = tab.pane

    pane.description.setFocus()
    qtbot.keyClicks(pane.description, "Ten minutes, no slides <b>at all</b>")
    pane.success.setFocus()  # focus-out saves the description
    qtbot.keyClicks(pane.success, "The board asks for a follow-up")

    pane.status.setFocus()
    qtbot.keyClick(pane.status, Qt.Key.Key_Down)  # Not started -> In progress
    pane.owner.setFocus()
    qtbot.keyClick(pane.owner, Qt.Key.Key_Up)  # Shared -> Mentee
    assert shown(proxy_index(tab, "Present to the board", OWNER).data()) == "Mentee — Morgan Hale"

    focus_edit = pane.focus_area.lineEdit()
    focus_edit.setFocus()
    qtbot.keyClicks(focus_edit, "Public speaking")
    qtbot.keyClick(focus_edit, Qt.Key.Key_Return)

    qtbot.mouseClick(pane.target.check, Qt.MouseButton.LeftButton)
    assert pane.target.edit.isEnabled()
    pane.target.edit.setDate(QDate(2026, 9, 30))
    qtbot.keyClick(pane.target.edit, Qt.Key.Key_Return)

    pane.progress_spin.setFocus()
    qtbot.keyClick(pane.progress_spin, Qt.Key.Key_Up)  # one step of 5 %
    assert proxy_index(tab, "Present to the board", PROGRESS).data() == "5%"
    assert "by hand" in pane.progress_note.text()
    window.close()  # saves what is still waiting for its debounce

    with reopened(partnership_file) as store:
        (g,) = ops.list_goals(store)
        assert g.description == "Ten minutes, no slides <b>at all</b>"
        assert g.success_measure == "The board asks for a follow-up"
        assert (g.status, g.owner, g.focus_area) == ("in_progress", "mentee", "Public speaking")
        assert g.target_date == date(2026, 9, 30)
        assert g.manual_progress == 5
        assert not g.private


def test_focus_area_offers_the_partnerships_areas(window: MainWindow, tab: GoalsTab, qtbot: Any,
                                                  partnership_file: Path) -> None:
    seed_goal(window, "Try three AI tools")
    click_goal(qtbot, tab, "Try three AI tools")
    combo = tab.pane.focus_area
    assert [combo.itemText(i) for i in range(combo.count())] == ["Technology adoption"]
    combo.setCurrentIndex(0)
    combo.activated.emit(0)  # what a pick from the list sends
    with reopened(partnership_file) as store:
        assert ops.list_goals(store)[0].focus_area == "Technology adoption"
    assert window.doc is not None
    window.doc.run(commands.set_focus_areas(["Technology adoption", "Podcasts"]))
    assert [combo.itemText(i) for i in range(combo.count())] == ["Technology adoption", "Podcasts"]
    assert combo.currentText() == "Technology adoption"


# -- milestones ------------------------------------------------------------------------------------


def test_milestones_typed_ticked_and_progress_follows(window: MainWindow, tab: GoalsTab, qtbot: Any,
                                                      partnership_file: Path) -> None:
    goal_id = add_goal_typing(qtbot, window, tab, "Run a lunch-and-learn")
    pane = tab.pane
    assert pane.milestones_empty.isVisibleTo(pane)
    assert pane.progress_slider.isEnabled()
    pane.new_milestone.setFocus()
    for title in ("Pick a date", "Book the room", "Write the invite"):
        qtbot.keyClicks(pane.new_milestone, title)
        qtbot.keyClick(pane.new_milestone, Qt.Key.Key_Return)
    assert pane.new_milestone.text() == ""
    assert pane.milestone_area.isVisibleTo(pane)
    with reopened(partnership_file) as store:
        assert [m.title for m in ops.list_milestones(store, goal_id)] == [
            "Pick a date", "Book the room", "Write the invite"]

    # Manual progress gives way to the milestones, and says so.
    assert not pane.progress_slider.isEnabled()
    assert not pane.progress_spin.isEnabled()
    assert pane.progress_note.text() == "Progress follows the milestones (0 of 3 done)."

    click_check(qtbot, pane.milestones, 0)  # tick with the mouse
    pane.milestones.setFocus()
    pane.milestones.setCurrentIndex(pane.milestone_model.index(2))
    qtbot.keyClick(pane.milestones, Qt.Key.Key_Space)  # and with the keyboard
    assert pane.progress_note.text() == "Progress follows the milestones (2 of 3 done)."
    index = proxy_index(tab, "Run a lunch-and-learn", PROGRESS)
    assert index.data(PROGRESS_ROLE) == 67
    assert index.data() == "67%"
    assert pane.progress_spin.value() == 67
    done_text = pane.milestone_model.index(0).data()
    assert done_text.startswith("Pick a date\n✓ done ")
    with reopened(partnership_file) as store:
        done = [m.done_on for m in ops.list_milestones(store, goal_id)]
    assert done == [date.today(), None, date.today()]

    # Undo takes back the last tick only.
    assert window.undo_action.text() == "&Undo Tick Milestone"
    window.undo_action.trigger()
    with reopened(partnership_file) as store:
        done = [m.done_on for m in ops.list_milestones(store, goal_id)]
    assert done == [date.today(), None, None]
    assert proxy_index(tab, "Run a lunch-and-learn", PROGRESS).data(PROGRESS_ROLE) == 33
    assert pane.milestone_model.index(2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    # Unticking clears the date.
    click_check(qtbot, pane.milestones, 0)
    with reopened(partnership_file) as store:
        assert ops.list_milestones(store, goal_id)[0].done_on is None


def test_milestones_renamed_moved_and_removed(window: MainWindow, tab: GoalsTab, qtbot: Any,
                                              partnership_file: Path) -> None:
    goal_id = seed_goal(window, "Build a stakeholder map")
    seed_milestones(window, goal_id, "List people", "Sort by influence", "Share it")
    click_goal(qtbot, tab, "Build a stakeholder map")
    pane = tab.pane
    view = pane.milestones

    def titles() -> list[str]:
        with reopened(partnership_file) as store:
            return [m.title for m in ops.list_milestones(store, goal_id)]

    # Rename in place with F2.
    view.setFocus()
    view.setCurrentIndex(pane.milestone_model.index(1))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Sort by influence & interest")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert titles() == ["List people", "Sort by influence & interest", "Share it"]

    # Move with Alt+Down, then with the button.
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles() == ["List people", "Share it", "Sort by influence & interest"]
    assert pane.selected_milestone_row() == 2
    qtbot.mouseClick(pane.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.up_button, Qt.MouseButton.LeftButton)
    assert titles() == ["Sort by influence & interest", "List people", "Share it"]
    assert not pane.up_button.isEnabled()

    # Delete with the key while the list has focus; undo puts it back in its place.
    view.setFocus()
    view.setCurrentIndex(pane.milestone_model.index(1))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert titles() == ["Sort by influence & interest", "Share it"]
    assert goal_titles(partnership_file) == ["Build a stakeholder map"]  # the goal stays
    window.undo_action.trigger()
    assert titles() == ["Sort by influence & interest", "List people", "Share it"]
    view.setCurrentIndex(pane.milestone_model.index(2))
    qtbot.mouseClick(pane.remove_button, Qt.MouseButton.LeftButton)
    assert titles() == ["Sort by influence & interest", "List people"]


# -- the table: filters, sorting, overdue ----------------------------------------------------------


def test_filters_narrow_the_rows(window: MainWindow, tab: GoalsTab, qtbot: Any) -> None:
    seed_goal(window, "Mentor's goal", owner="mentor", status="in_progress")
    seed_goal(window, "Mentee's goal", owner="mentee", status="not_started")
    seed_goal(window, "Shared, done", owner="shared", status="achieved")
    seed_goal(window, "Shared, dropped", owner="shared", status="dropped")
    assert tab.count.text() == "4 goals"
    assert shown(tab.owner_filter.itemText(1)) == "Mentor — Dana Lee"

    tab.owner_filter.setCurrentIndex(tab.owner_filter.findData("shared"))
    assert shown_titles(tab) == ["Shared, done", "Shared, dropped"]
    assert tab.count.text() == "2 of 4 goals"
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("achieved"))
    assert shown_titles(tab) == ["Shared, done"]
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("open"))
    assert shown_titles(tab) == []
    assert tab.table_stack.currentWidget() is tab.no_match_page
    tab.owner_filter.setCurrentIndex(0)
    assert shown_titles(tab) == ["Mentor's goal", "Mentee's goal"]

    # A goal edited out of the filter stays in the pane (with a note) until another is picked.
    click_goal(qtbot, tab, "Mentee's goal")
    tab.pane.status.setCurrentIndex(tab.pane.status.findData("achieved"))
    tab.pane.status.activated.emit(tab.pane.status.currentIndex())
    assert shown_titles(tab) == ["Mentor's goal"]
    assert tab.pane.title.text() == "Mentee's goal"
    assert tab.pane.filtered_note.isVisibleTo(tab.pane)

    tab.status_filter.setCurrentIndex(tab.status_filter.findData("dropped"))
    tab.owner_filter.setCurrentIndex(tab.owner_filter.findData("mentor"))
    assert tab.table_stack.currentWidget() is tab.no_match_page
    qtbot.mouseClick(tab.show_all_button, Qt.MouseButton.LeftButton)
    assert len(shown_titles(tab)) == 4
    assert tab.table.selectionModel().selectedRows()[0].data() == "Mentee's goal"
    assert not tab.pane.filtered_note.isVisibleTo(tab.pane)

    # A new goal never hides behind a filter.
    tab.owner_filter.setCurrentIndex(tab.owner_filter.findData("mentor"))
    window.new_item_action.trigger()
    assert tab.owner_filter.currentIndex() == 0
    assert tab.table.selectionModel().selectedRows()[0].data() == "New goal"


def test_sorting_by_progress_and_target_date(window: MainWindow, tab: GoalsTab, qtbot: Any) -> None:
    seed_goal(window, "Thirty", manual_progress=30, target_date=date(2026, 5, 1))
    seed_goal(window, "Eighty", manual_progress=80)
    seed_goal(window, "Nine", manual_progress=9, target_date=date(2025, 12, 24))
    halfway = seed_goal(window, "Half by milestones", manual_progress=95, target_date=date(2026, 1, 10))
    seed_milestones(window, halfway, "One", "Two", done=1)
    assert shown_titles(tab) == ["Thirty", "Eighty", "Nine", "Half by milestones"]  # the file's order

    click_header(qtbot, tab, PROGRESS)
    assert shown_titles(tab) == ["Nine", "Thirty", "Half by milestones", "Eighty"]  # 9 < 30 < 50 < 80
    click_header(qtbot, tab, PROGRESS)
    assert shown_titles(tab) == ["Eighty", "Half by milestones", "Thirty", "Nine"]

    click_header(qtbot, tab, TARGET)
    assert shown_titles(tab) == ["Nine", "Half by milestones", "Thirty", "Eighty"]  # no date last

    # Progress changes re-sort the table while the selection stays on its goal.
    click_header(qtbot, tab, PROGRESS)
    click_goal(qtbot, tab, "Nine")
    tab.pane.progress_spin.setValue(99)
    assert shown_titles(tab)[-1] == "Nine"
    assert tab.table.selectionModel().selectedRows()[0].data() == "Nine"


def test_overdue_goals_are_marked_with_icon_and_text(window: MainWindow, tab: GoalsTab) -> None:
    past = date.today() - timedelta(days=30)
    seed_goal(window, "Late", status="in_progress", target_date=past)
    seed_goal(window, "Late but achieved", status="achieved", target_date=past)
    seed_goal(window, "Not yet due", target_date=date.today() + timedelta(days=3))
    past_text = f"{past.day} {past:%b %Y}"
    late = proxy_index(tab, "Late", TARGET)
    assert late.data() == f"{past_text} — overdue"
    assert late.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Overdue" in late.data(Qt.ItemDataRole.ToolTipRole)
    achieved = proxy_index(tab, "Late but achieved", TARGET)
    assert achieved.data() == past_text
    assert achieved.data(Qt.ItemDataRole.DecorationRole) is None
    assert "overdue" not in proxy_index(tab, "Not yet due", TARGET).data()


# -- delete, undo, privacy, discussed-in -----------------------------------------------------------


def test_delete_goal_then_undo_brings_back_milestones_and_links(
        window: MainWindow, tab: GoalsTab, qtbot: Any, partnership_file: Path) -> None:
    assert window.doc is not None
    keep = seed_goal(window, "Keep me")
    goal_id = seed_goal(window, "Delete me")
    seed_milestones(window, goal_id, "First", "Second", done=1)
    entry = ops.add_entry(window.doc.store, date(2026, 3, 12), topics="Board presentations")
    ops.set_entry_goals(window.doc.store, entry, [goal_id, keep])
    window.doc.changed.emit(frozenset({Change.ENTRIES}), None)

    click_goal(qtbot, tab, "Delete me")
    # Delete in the goal's form (its status, its Private box) does not delete the goal.
    for control in (tab.pane.status, tab.pane.private):
        control.setFocus()
        qtbot.keyClick(control, Qt.Key.Key_Delete)
        assert goal_titles(partnership_file) == ["Keep me", "Delete me"], control
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)  # no question asked
    assert goal_titles(partnership_file) == ["Keep me"]
    assert shown_titles(tab) == ["Keep me"]
    assert tab.pane.goal_id == keep  # the neighbour is selected
    assert "Delete Goal" in window.undo_action.text()

    window.undo_action.trigger()
    assert shown_titles(tab) == ["Keep me", "Delete me"]
    with reopened(partnership_file) as store:
        milestones = ops.list_milestones(store, goal_id)
        assert [(m.title, m.done_on) for m in milestones] == [("First", date(2026, 3, 3)), ("Second", None)]
        assert sorted(ops.entry_goal_ids(store, entry)) == sorted([goal_id, keep])
    assert proxy_index(tab, "Delete me", PROGRESS).data() == "50%"

    # The button does the same; the window's Edit > Delete too.
    click_goal(qtbot, tab, "Delete me")
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert goal_titles(partnership_file) == ["Keep me"]
    window.undo_action.trigger()
    click_goal(qtbot, tab, "Delete me")
    tab.table.setFocus()
    window.delete_action.trigger()
    assert goal_titles(partnership_file) == ["Keep me"]


def test_undo_and_redo_keep_the_selection(window: MainWindow, tab: GoalsTab, qtbot: Any,
                                          partnership_file: Path) -> None:
    seed_goal(window, "Alpha")
    seed_goal(window, "Beta")
    click_goal(qtbot, tab, "Beta")
    tab.pane.status.setCurrentIndex(tab.pane.status.findData("achieved"))
    tab.pane.status.activated.emit(tab.pane.status.currentIndex())
    assert proxy_index(tab, "Beta", STATUS).data() == "Achieved"
    window.undo_action.trigger()
    assert proxy_index(tab, "Beta", STATUS).data() == "Not started"
    assert tab.pane.status.currentText() == "Not started"
    assert tab.table.selectionModel().selectedRows()[0].data() == "Beta"
    window.redo_action.trigger()
    assert tab.pane.status.currentText() == "Achieved"
    assert tab.pane.goal_id == proxy_index(tab, "Beta").data(ID_ROLE)


def test_pending_typing_is_never_clobbered_by_a_reload(window: MainWindow, tab: GoalsTab,
                                                       qtbot: Any, partnership_file: Path) -> None:
    seed_goal(window, "Alpha")
    click_goal(qtbot, tab, "Alpha")
    tab.pane.description.setFocus()
    qtbot.keyClicks(tab.pane.description, "Half a thought")
    seed_goal(window, "Beta")  # a reload while the description still waits for its debounce
    assert tab.pane.description.toPlainText() == "Half a thought"
    click_goal(qtbot, tab, "Beta")  # leaving the goal saves it
    assert tab.pane.description.toPlainText() == ""
    with reopened(partnership_file) as store:
        assert ops.list_goals(store)[0].description == "Half a thought"


def test_private_goals_vanish_in_screen_share_mode(window: MainWindow, tab: GoalsTab,
                                                   qtbot: Any, partnership_file: Path) -> None:
    assert window.doc is not None
    seed_goal(window, "Public")
    secret_id = seed_goal(window, "Secret", private=True)
    secret = proxy_index(tab, "Secret")
    assert "Secret (private)" in secret.data(Qt.ItemDataRole.ToolTipRole)
    assert secret.data(Qt.ItemDataRole.DecorationRole) is not None
    click_goal(qtbot, tab, "Secret")
    assert tab.pane.private.isChecked()
    tab.pane.description.setFocus()
    qtbot.keyClicks(tab.pane.description, "Only for me")

    window.doc.set_hide_private(True)
    assert shown_titles(tab) == ["Public"]
    assert tab.pane.goal_id is None
    assert tab.pane.stack.currentWidget() is tab.pane.empty
    with reopened(partnership_file) as store:  # the typing was saved before it vanished
        assert ops.get_goal(store, secret_id).description == "Only for me"

    window.doc.set_hide_private(False)
    assert shown_titles(tab) == ["Public", "Secret"]

    # Ticking Private in screen-share mode hides the goal at once.
    window.doc.set_hide_private(True)
    click_goal(qtbot, tab, "Public")
    qtbot.mouseClick(tab.pane.private, Qt.MouseButton.LeftButton)
    assert shown_titles(tab) == []
    assert "hidden" in tab.empty_text.text()
    with reopened(partnership_file) as store:
        assert all(g.private for g in ops.list_goals(store))


def test_discussed_in_lists_sessions_and_opens_one(window: MainWindow, tab: GoalsTab,
                                                   qtbot: Any) -> None:
    assert window.doc is not None
    goal_id = seed_goal(window, "Present to the board")
    seed_goal(window, "Never discussed")
    older = ops.add_entry(window.doc.store, date(2026, 2, 10), topics="Slides")
    newer = ops.add_entry(window.doc.store, date(2026, 3, 12), topics="Board presentations")
    hidden = ops.add_entry(window.doc.store, date(2026, 3, 20), topics="Nerves", private=True)
    for entry in (older, newer, hidden):
        ops.set_entry_goals(window.doc.store, entry, [goal_id])
    window.doc.changed.emit(frozenset({Change.ENTRIES}), None)

    click_goal(qtbot, tab, "Never discussed")
    assert tab.pane.discussed_empty.isVisibleTo(tab.pane)
    assert tab.pane.discussed_empty.text() == "Not discussed in any session yet."

    click_goal(qtbot, tab, "Present to the board")
    model = tab.pane.discussed_model
    rows = [model.index(r).data() for r in range(model.rowCount())]
    assert rows == ["20 Mar 2026 — Nerves", "12 Mar 2026 — Board presentations", "10 Feb 2026 — Slides"]
    window.doc.set_hide_private(True)
    click_goal(qtbot, tab, "Present to the board")
    rows = [model.index(r).data() for r in range(model.rowCount())]
    assert rows == ["12 Mar 2026 — Board presentations", "10 Feb 2026 — Slides"]

    view = tab.pane.discussed
    view.setFocus()
    view.setCurrentIndex(model.index(0))
    with qtbot.waitSignal(tab.open_entry, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [newer]
    with qtbot.waitSignal(tab.open_entry, timeout=1000) as blocker:
        rect = view.visualRect(model.index(1))
        # A real double-click: a click, then the second press that Qt reports as a double-click.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [older]


# -- models and looks ------------------------------------------------------------------------------


def test_models_pass_the_item_model_tester(window: MainWindow, tab: GoalsTab, qtbot: Any) -> None:
    mode = QAbstractItemModelTester.FailureReportingMode.Fatal
    testers = [QAbstractItemModelTester(m, mode, tab)
               for m in (tab.model, tab.proxy, tab.pane.milestone_model, tab.pane.discussed_model)]
    first = add_goal_typing(qtbot, window, tab, "First")
    add_goal_typing(qtbot, window, tab, "Second")
    seed_goal(window, "Third", owner="mentor", target_date=date(2020, 1, 1))
    tab.pane.new_milestone.setFocus()
    for title in ("a", "b", "c"):
        qtbot.keyClicks(tab.pane.new_milestone, title)
        qtbot.keyClick(tab.pane.new_milestone, Qt.Key.Key_Return)
    click_check(qtbot, tab.pane.milestones, 1)
    tab.pane.milestones.setCurrentIndex(tab.pane.milestone_model.index(2))
    tab.pane.move_milestone(-1)
    tab.pane.delete_milestone()
    click_header(qtbot, tab, TITLE)
    tab.owner_filter.setCurrentIndex(tab.owner_filter.findData("mentor"))
    tab.owner_filter.setCurrentIndex(0)
    click_goal(qtbot, tab, "First")
    tab.delete_selection()
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.redo_action.trigger()
    assert window.doc is not None
    window.doc.set_hide_private(True)
    window.doc.changed.emit(frozenset(Change), None)
    assert first in [tab.model.goal_at(r).id for r in range(tab.model.rowCount())]  # type: ignore[union-attr]
    assert len(testers) == 4


def seed_three_goals(window: MainWindow) -> int:
    """Goals of every owner, one overdue and one private; the first has three milestones (one done)."""
    first = seed_goal(window, "Learn to review pull requests", owner="mentor", focus_area="Technology",
                      target_date=date(2020, 1, 1), status="in_progress")
    seed_goal(window, "Run a town hall", owner="mentee", manual_progress=40)
    seed_goal(window, "Shared reading list", owner="shared", private=True)
    seed_milestones(window, first, "Read the guide", "Review one", "Review five", done=1)
    return first


def test_the_goal_table_model_is_sound(window: MainWindow, tab: GoalsTab, qtmodeltester: Any) -> None:
    seed_three_goals(window)
    assert tab.model.rowCount() == 3
    qtmodeltester.check(tab.model)
    # The tester keeps checking while rows come, change and go (and the partners are renamed).
    seed_goal(window, "A fourth goal")
    assert window.doc is not None
    window.doc.set_hide_private(True)
    assert tab.model.rowCount() == 3
    window.doc.set_hide_private(False)
    tab.model.set_names("Ana", "Ben")
    assert tab.model.index(0, OWNER).data() == "Mentor — Ana"


def test_the_goal_filter_proxy_is_sound(window: MainWindow, tab: GoalsTab, qtbot: Any,
                                        qtmodeltester: Any) -> None:
    seed_three_goals(window)
    assert tab.proxy.rowCount() == 3
    qtmodeltester.check(tab.proxy)
    click_header(qtbot, tab, PROGRESS)
    assert shown_titles(tab)[0] == "Shared reading list"  # 0% first
    tab.owner_filter.setCurrentIndex(tab.owner_filter.findData("mentee"))
    assert shown_titles(tab) == ["Run a town hall"]
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("achieved"))
    assert shown_titles(tab) == []
    tab.clear_filters()
    assert tab.proxy.rowCount() == 3


def test_the_milestone_model_is_sound(window: MainWindow, tab: GoalsTab, qtbot: Any,
                                      qtmodeltester: Any) -> None:
    seed_three_goals(window)
    click_goal(qtbot, tab, "Learn to review pull requests")
    model = tab.pane.milestone_model
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    click_check(qtbot, tab.pane.milestones, 1)
    assert model.counts() == (2, 3)
    tab.pane.milestones.setCurrentIndex(model.index(2))
    tab.pane.move_milestone(-1)
    tab.pane.delete_milestone()
    assert model.rowCount() == 2
    click_goal(qtbot, tab, "Run a town hall")  # another goal: the model resets, empty
    assert model.rowCount() == 0


def test_the_discussed_model_is_sound(window: MainWindow, tab: GoalsTab, qtbot: Any,
                                      qtmodeltester: Any) -> None:
    assert window.doc is not None
    goal_id = seed_three_goals(window)
    for day, private in ((date(2026, 2, 10), False), (date(2026, 3, 12), True)):
        entry = ops.add_entry(window.doc.store, day, topics="Code review", private=private)
        ops.set_entry_goals(window.doc.store, entry, [goal_id])
    window.doc.changed.emit(frozenset({Change.ENTRIES, Change.DISCUSSED}), None)
    click_goal(qtbot, tab, "Learn to review pull requests")
    model = tab.pane.discussed_model
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    window.doc.set_hide_private(True)
    assert model.rowCount() == 1
    click_goal(qtbot, tab, "Run a town hall")
    assert model.rowCount() == 0


def test_controls_are_named_and_lists_are_views(window: MainWindow, tab: GoalsTab) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QListWidget,
        QPlainTextEdit,
        QTableWidget,
        QWidget,
    )

    assert not tab.findChildren(QListWidget) and not tab.findChildren(QTableWidget)

    def inside_compound(w: QWidget) -> bool:  # a combo's or spin box's own parts
        p = w.parentWidget()
        while p is not None and p is not tab:
            if isinstance(p, QComboBox | QAbstractSpinBox):
                return True
            p = p.parentWidget()
        return False

    kinds = (QComboBox, QLineEdit, QPlainTextEdit, QAbstractSlider, QAbstractSpinBox,
             QAbstractItemView, QAbstractButton)
    controls = {w for kind in kinds for w in tab.findChildren(kind)
                if not inside_compound(w) and w.focusPolicy() != Qt.FocusPolicy.NoFocus}
    unnamed = sorted(type(w).__name__ + ":" + w.objectName() for w in controls if not w.accessibleName())
    assert unnamed == []
    header = tab.table.horizontalHeader()
    assert header.sectionResizeMode(TITLE) == header.ResizeMode.Stretch
    assert all(header.sectionResizeMode(c) == header.ResizeMode.Interactive for c in range(1, 6))


@pytest.fixture(params=[9, 11], ids=lambda pt: f"{pt}pt")
def app_font(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    """The application font at another point size; ask for it before `window`, which it sizes."""
    old = QFont(qapp.font())
    font = QFont(old)
    font.setPointSize(request.param)
    qapp.setFont(font)
    yield request.param
    qapp.setFont(old)


def text_room(table: QAbstractItemView, index: QModelIndex) -> tuple[str, int]:
    """What a cell shows (after its delegate's say) and how many pixels of text fit in it."""
    opt = QStyleOptionViewItem()
    opt.rect = table.visualRect(index)
    opt.font = table.font()
    opt.fontMetrics = table.fontMetrics()
    opt.decorationSize = table.iconSize()
    table.itemDelegateForIndex(index).initStyleOption(opt, index)
    style = table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, table)
    return opt.text, rect.width() - 2 * margin


def cut_off_without_tooltip(tab: GoalsTab) -> list[str]:
    """Cells whose text is cut short (elided, or shown in a short form) with no tooltip that has
    it in full. The progress column is left out: it draws a bar, sized for "100%"."""
    table = tab.table
    fm = table.fontMetrics()
    found = []
    for row in range(tab.proxy.rowCount()):
        for col in (TITLE, OWNER, FOCUS, STATUS, TARGET):
            if table.isColumnHidden(col):
                continue
            index = tab.proxy.index(row, col)
            text = index.data() or ""
            shown, room = text_room(table, index)
            if shown == text and fm.horizontalAdvance(text) <= room:
                continue
            tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            if text not in tip and html.escape(text, quote=False) not in tip:
                found.append(f"{tab.model.HEADERS[col]}: {text!r} in {room} px")
    return found


@pytest.mark.parametrize("size", [(1300, 850), (900, 700), (760, 520)])
def test_nothing_is_clipped(app_font: int, window: MainWindow, tab: GoalsTab, qtbot: Any,
                            size: tuple[int, int]) -> None:
    # Relations that hold whatever font the machine has (a test that asks for fixed pixel widths
    # passes only with one machine's fonts).
    title = "A goal with a rather long title that will not fit in the column"
    goal_id = seed_goal(window, title, owner="mentee", focus_area="Technology adoption",
                        target_date=date(2020, 3, 12), status="in_progress")
    seed_milestones(window, goal_id, "A fairly long milestone title that will need to wrap", "Two")
    window.resize(*size)
    click_goal(qtbot, tab, title)
    qtbot.wait(20)
    pane = tab.pane
    assert pane.width() >= pane.minimumWidth()
    content = pane.scroll_area.widget()
    assert content.width() <= pane.scroll_area.viewport().width()  # no sideways clipping in the form
    table = tab.table
    # Whatever is cut short has its full text on hover.
    assert cut_off_without_tooltip(tab) == []
    # The title keeps 120 px, and the table scrolls sideways, only once every other column has
    # given way: the focus area hidden (it is in the pane), status and target cut short.
    if table.horizontalHeader().sectionSize(TITLE) < 120 or table.horizontalScrollBar().isVisible():
        assert table.isColumnHidden(FOCUS)
        for col in (STATUS, TARGET):
            text = proxy_index(tab, title, col).data()
            _shown, room = text_room(table, proxy_index(tab, title, col))
            assert table.fontMetrics().horizontalAdvance(text) > room, tab.model.HEADERS[col]
    # The date itself always shows; only " — overdue" gives way (the icon says so too).
    _shown, room = text_room(table, proxy_index(tab, title, TARGET))
    assert table.fontMetrics().horizontalAdvance("12 Mar 2020") <= room


def test_user_text_is_shown_as_typed(window: MainWindow, tab: GoalsTab, qtbot: Any) -> None:
    seed_goal(window, "Learn <b>HTML</b> & CSS", focus_area="<i>Web</i>")
    index = proxy_index(tab, "Learn <b>HTML</b> & CSS")
    assert "Learn &lt;b&gt;HTML&lt;/b&gt; &amp; CSS" in index.data(Qt.ItemDataRole.ToolTipRole)
    click_goal(qtbot, tab, "Learn <b>HTML</b> & CSS")
    assert tab.pane.title.text() == "Learn <b>HTML</b> & CSS"
    assert tab.pane.focus_area.currentText() == "<i>Web</i>"


def test_a_read_only_file_greys_out_adding_a_milestone_and_keeps_the_text_selectable(
        qtbot: Any, partnership_file: Path) -> None:
    from revmentor_desktop.ui.document import Document

    store = Store.open(partnership_file)
    goal_id = ops.add_goal(store, "Learn the dashboards", description="Why it matters")
    ops.add_milestone(store, goal_id, "Open one")
    store.close()
    doc = Document(Store.open(partnership_file, read_only=True))
    tab = GoalsTab(doc)
    qtbot.addWidget(tab)
    tab.select_goal(goal_id)
    pane = tab.pane
    assert pane.title.text() == "Learn the dashboards"
    assert pane.title.isEnabled() and pane.title.isReadOnly()  # selectable, to copy from
    assert not pane.new_milestone.isEnabled()  # an empty "Add a milestone" field invites no typing
    qtbot.keyClicks(pane.new_milestone, "Another")
    qtbot.keyClick(pane.new_milestone, Qt.Key.Key_Return)
    assert pane.milestone_model.counts() == (0, 1)
    doc.close()
