"""Issue 15: a goal's status keeps step with its progress — moved with it, in the same undo step,
and the status bar says what moved. Driven as a user: the spin box, the milestones' tick boxes, the
status box; checked against the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from revmentor_desktop.data import ops
from revmentor_desktop.ui.goals import GoalsTab
from revmentor_desktop.ui.goals.status_rule import status_for_progress
from revmentor_desktop.ui.window import MainWindow
from tests.test_gui_goals import (
    STATUS,
    TARGET,
    click_check,
    click_goal,
    proxy_index,
    reopened,
    seed_goal,
    seed_milestones,
    text_room,
)


@pytest.fixture
def goals(window: MainWindow) -> GoalsTab:
    assert window.tabs is not None
    tab = window.goals_tab
    window.tabs.setCurrentWidget(tab)
    return tab


def in_file(path: Path, goal_id: int) -> tuple[str, int, list[bool]]:
    """(status, hand-set progress, which milestones are done) as the file holds them."""
    with reopened(path) as store:
        g = ops.get_goal(store, goal_id)
        return g.status, g.manual_progress, [m.done_on is not None for m in ops.list_milestones(store, goal_id)]


def set_progress(qtbot: Any, tab: GoalsTab, value: int) -> None:
    """Type a percentage into the progress box and press Enter."""
    spin = tab.pane.progress_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == value


def pick_status(qtbot: Any, tab: GoalsTab, label: str) -> None:
    """Choose a status from the box with the keyboard, as a user does."""
    box = tab.pane.status
    box.setFocus()
    target = box.findText(label)
    key = Qt.Key.Key_Down if target > box.currentIndex() else Qt.Key.Key_Up
    while box.currentIndex() != target:
        qtbot.keyClick(box, key)


def message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_the_rule() -> None:
    assert status_for_progress("not_started", 0) is None
    assert status_for_progress("not_started", 5) == "in_progress"
    assert status_for_progress("not_started", 100) == "achieved"
    assert status_for_progress("in_progress", 99) is None
    assert status_for_progress("in_progress", 100) == "achieved"
    assert status_for_progress("achieved", 100) is None
    assert status_for_progress("achieved", 99) == "in_progress"
    assert status_for_progress("achieved", 0) == "in_progress"
    for progress in (0, 40, 100):
        assert status_for_progress("dropped", progress) is None


def test_progress_set_by_hand_moves_the_status_in_one_undo_step(
        window: MainWindow, goals: GoalsTab, qtbot: Any, partnership_file: Path) -> None:
    goal_id = seed_goal(window, "Present at the all-hands", status="not_started")
    click_goal(qtbot, goals, "Present at the all-hands")

    set_progress(qtbot, goals, 30)
    assert in_file(partnership_file, goal_id)[:2] == ("in_progress", 30)
    assert goals.pane.status.currentText() == "In progress"
    assert proxy_index(goals, "Present at the all-hands", STATUS).data() == "In progress"
    assert message(window) == "Status set to In progress: progress is 30%. Ctrl+Z undoes both."

    set_progress(qtbot, goals, 100)
    assert in_file(partnership_file, goal_id)[:2] == ("achieved", 100)
    assert goals.pane.status.currentText() == "Achieved"
    assert message(window) == "Status set to Achieved: progress reached 100%. Ctrl+Z undoes both."

    window.undo_action.trigger()  # one Ctrl+Z: both back
    assert in_file(partnership_file, goal_id)[:2] == ("in_progress", 30)
    assert goals.pane.status.currentText() == "In progress"
    assert goals.pane.progress_spin.value() == 30
    window.redo_action.trigger()
    assert in_file(partnership_file, goal_id)[:2] == ("achieved", 100)

    set_progress(qtbot, goals, 80)  # an achieved goal slipping back is in progress again
    assert in_file(partnership_file, goal_id)[:2] == ("in_progress", 80)
    assert message(window) == "Status set back to In progress: progress is 80%. Ctrl+Z undoes both."


def test_a_dropped_goal_keeps_its_status(window: MainWindow, goals: GoalsTab, qtbot: Any,
                                         partnership_file: Path) -> None:
    goal_id = seed_goal(window, "Learn SQL", status="dropped", manual_progress=20)
    click_goal(qtbot, goals, "Learn SQL")
    set_progress(qtbot, goals, 100)
    assert in_file(partnership_file, goal_id)[:2] == ("dropped", 100)
    assert "Status" not in message(window)


def test_ticking_the_last_milestone_achieves_the_goal_and_one_undo_takes_both_back(
        window: MainWindow, goals: GoalsTab, qtbot: Any, partnership_file: Path) -> None:
    goal_id = seed_goal(window, "Run a lunch-and-learn", status="not_started")
    seed_milestones(window, goal_id, "Pick a date", "Book the room", "Write the invite")
    click_goal(qtbot, goals, "Run a lunch-and-learn")
    pane = goals.pane

    click_check(qtbot, pane.milestones, 0)  # the first tick: started
    assert in_file(partnership_file, goal_id)[0] == "in_progress"
    assert pane.status.currentText() == "In progress"
    assert message(window) == "Status set to In progress: progress is 33%. Ctrl+Z undoes both."
    click_check(qtbot, pane.milestones, 1)
    assert in_file(partnership_file, goal_id)[0] == "in_progress"

    click_check(qtbot, pane.milestones, 2)  # the last one
    assert in_file(partnership_file, goal_id) == ("achieved", 0, [True, True, True])
    assert pane.status.currentText() == "Achieved"
    assert proxy_index(goals, "Run a lunch-and-learn", STATUS).data() == "Achieved"
    assert message(window) == "Status set to Achieved: progress reached 100%. Ctrl+Z undoes both."
    assert window.undo_action.text() == "&Undo Tick Milestone"

    window.undo_action.trigger()
    assert in_file(partnership_file, goal_id) == ("in_progress", 0, [True, True, False])
    assert pane.status.currentText() == "In progress"
    assert pane.progress_spin.value() == 67
    window.redo_action.trigger()
    assert in_file(partnership_file, goal_id) == ("achieved", 0, [True, True, True])

    click_check(qtbot, pane.milestones, 1)  # unticking one: in progress again
    assert in_file(partnership_file, goal_id) == ("in_progress", 0, [True, False, True])
    assert message(window) == "Status set back to In progress: progress is 67%. Ctrl+Z undoes both."

    # Removing the one open milestone leaves all done: achieved; adding one reopens the goal.
    pane.milestones.setFocus()
    pane.milestones.setCurrentIndex(pane.milestone_model.index(1))
    pane.remove_button.click()
    assert in_file(partnership_file, goal_id) == ("achieved", 0, [True, True])
    pane.new_milestone.setFocus()
    qtbot.keyClicks(pane.new_milestone, "Send the slides round")
    qtbot.keyClick(pane.new_milestone, Qt.Key.Key_Return)
    assert in_file(partnership_file, goal_id) == ("in_progress", 0, [True, True, False])
    window.undo_action.trigger()  # the milestone and the status go together
    assert in_file(partnership_file, goal_id) == ("achieved", 0, [True, True])


def test_achieved_by_hand_brings_the_progress_to_100(window: MainWindow, goals: GoalsTab, qtbot: Any,
                                                     partnership_file: Path) -> None:
    goal_id = seed_goal(window, "Mentor a new starter", status="in_progress", manual_progress=40)
    click_goal(qtbot, goals, "Mentor a new starter")
    pick_status(qtbot, goals, "Achieved")
    assert in_file(partnership_file, goal_id)[:2] == ("achieved", 100)
    assert goals.pane.progress_spin.value() == 100
    assert proxy_index(goals, "Mentor a new starter", STATUS).data() == "Achieved"
    assert message(window) == "Goal achieved: progress set to 100%. Ctrl+Z undoes both."
    window.undo_action.trigger()
    assert in_file(partnership_file, goal_id)[:2] == ("in_progress", 40)
    assert goals.pane.progress_spin.value() == 40

    # With milestones, the open ones are ticked (today), in the same step.
    other = seed_goal(window, "Pitch the pilot", status="in_progress")
    seed_milestones(window, other, "Draft", "Review", "Pitch", done=1)
    click_goal(qtbot, goals, "Pitch the pilot")
    pick_status(qtbot, goals, "Achieved")
    assert in_file(partnership_file, other) == ("achieved", 0, [True, True, True])
    with reopened(partnership_file) as store:
        assert [m.done_on for m in ops.list_milestones(store, other)][1:] == [date.today()] * 2
    assert goals.pane.progress_spin.value() == 100
    assert message(window) == ("Goal achieved: the 2 open milestones ticked as done, so progress is "
                               "100%. Ctrl+Z undoes both.")
    window.undo_action.trigger()
    assert in_file(partnership_file, other) == ("in_progress", 0, [True, False, False])
    assert goals.pane.progress_spin.value() == 33

    # Any other status by hand is left as chosen.
    pick_status(qtbot, goals, "Not started")
    assert in_file(partnership_file, other) == ("not_started", 0, [True, False, False])


@pytest.mark.parametrize("size", [(1300, 850), (760, 520)], ids=["first size", "least size"])
def test_an_overdue_target_date_is_never_cut_mid_word(window: MainWindow, goals: GoalsTab, qtbot: Any,
                                                     size: tuple[int, int]) -> None:
    title = "A goal with a rather long title that will not fit in the column"
    seed_goal(window, title, owner="mentee", focus_area="Technology adoption",
              target_date=date(2020, 11, 4), status="in_progress")
    window.resize(*size)
    qtbot.wait(20)
    index = proxy_index(goals, title, TARGET)
    shown, room = text_room(goals.table, index)
    assert shown in (index.data(), "4 Nov 2020")  # "4 Nov 2020 — overdue", or the date beside the icon
    assert goals.table.fontMetrics().horizontalAdvance(shown) <= room
    assert "4 Nov 2020 — overdue" in index.data(Qt.ItemDataRole.ToolTipRole)
