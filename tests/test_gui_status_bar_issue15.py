"""Issue 15: a note about an edit ("Delete SWOT Item — Ctrl+Z brings it back.") belongs to the tab
it was made on; switching tabs takes it down, while other lines (a file's state) stay."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from revmentor_desktop.data import commands
from revmentor_desktop.ui.swot import SwotTab
from revmentor_desktop.ui.window import MainWindow


def click_tab(qtbot: Any, window: MainWindow, title: str) -> None:
    """Switch tabs as a user does: a click on the tab's title."""
    assert window.tabs is not None
    bar = window.tabs.tabBar()
    index = window.tabs.titles().index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


def test_the_undo_hint_goes_when_the_user_switches_tabs(window: MainWindow, qtbot: Any) -> None:
    assert window.doc is not None
    window.doc.run(commands.add_swot_item("mentor", "S", "Fluent in SQL", "Add Strength"))
    click_tab(qtbot, window, "SWOT")
    tab = window.swot_tab
    assert isinstance(tab, SwotTab)
    panel = tab.panel("mentor", "S")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0))
    window.delete_action.trigger()
    bar = window.statusBar()
    assert bar.currentMessage().startswith("Delete SWOT Item — ")
    assert bar.currentMessage().endswith(" brings it back.")

    click_tab(qtbot, window, "Skills")
    assert bar.currentMessage() == ""

    # Undone and switched back: the hint of the step now on top came up again, and goes again.
    window.undo_action.trigger()
    click_tab(qtbot, window, "SWOT")
    assert "brings it back" not in bar.currentMessage()


def test_the_undo_hint_goes_once_the_delete_is_undone(window: MainWindow, qtbot: Any) -> None:
    """"… — Ctrl+Z brings it back." after Ctrl+Z has brought it back is stale."""
    assert window.doc is not None
    window.doc.run(commands.add_swot_item("mentor", "S", "Fluent in SQL", "Add Strength"))
    click_tab(qtbot, window, "SWOT")
    panel = window.swot_tab.panel("mentor", "S")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0))
    window.delete_action.trigger()
    bar = window.statusBar()
    assert bar.currentMessage().endswith(" brings it back.")
    window.undo_action.trigger()
    assert "brings it back" not in bar.currentMessage()
    assert panel.model.rowCount() == 1
    window.redo_action.trigger()  # deleted again: the hint again; undone again: gone again
    assert bar.currentMessage().endswith(" brings it back.")
    window.undo_action.trigger()
    assert "brings it back" not in bar.currentMessage()


def test_other_lines_stay_when_the_user_switches_tabs(window: MainWindow, qtbot: Any) -> None:
    bar = window.statusBar()
    bar.showMessage("Saved a copy to /tmp/ours copy.revmentor", 8000)
    click_tab(qtbot, window, "Journal")
    assert bar.currentMessage() == "Saved a copy to /tmp/ours copy.revmentor"


def test_a_later_line_is_not_taken_down_in_the_hints_place(window: MainWindow, qtbot: Any) -> None:
    assert window.doc is not None
    goals = window.goals_tab
    click_tab(qtbot, window, "Goals")
    goals.new_item()
    goals.delete_goal()
    bar = window.statusBar()
    assert "Delete Goal" in bar.currentMessage()
    bar.showMessage("Exported 3 pages to /tmp/summary.pdf", 8000)  # something else came since
    click_tab(qtbot, window, "Overview")
    assert bar.currentMessage() == "Exported 3 pages to /tmp/summary.pdf"
