"""Tab goes down a form as it shows: the partnership's fields, in the first-run dialog and on the
Overview (the review date, made by each form itself, used to come after the focus areas, so text
typed for "your own focus areas" went to a checkbox), one stop per date, and on out of the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from revmentor_desktop.ui.new_partnership import NewPartnershipDialog
from revmentor_desktop.ui.window import MainWindow

FIELDS = ["Mentor's name", "Mentee's name", "Who I am", "Organisation", "Start date"]
AFTER_REVIEW = ["Meeting cadence in days", "Usual meeting length in minutes", "Technology adoption",
                "Diversity && inclusion", "Leadership development", "Workplace communication",
                "Your own focus areas"]


def tab_stops(qtbot: Any, first: QWidget, count: int) -> list[str]:
    """What has the focus at each of `count` Tab presses from `first` (its accessible name, or text)."""
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    seen = []
    for _ in range(count):
        now = QApplication.focusWidget()
        assert now is not None
        seen.append(now.accessibleName() or str(getattr(now, "text", lambda: "")()))
        qtbot.keyClick(now, Qt.Key.Key_Tab)
    return seen


def test_the_first_run_dialog_tabs_down_its_rows(qtbot: Any) -> None:
    dialog = NewPartnershipDialog(first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    stops = tab_stops(qtbot, dialog.mentor, 14)
    assert stops == [*FIELDS, "Review date", *AFTER_REVIEW, dialog.clauses.text()]


def test_the_overview_tabs_down_its_rows_and_on_out_of_the_box(window: MainWindow, qtbot: Any) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    details = window.overview_tab.details
    details.review.check.setChecked(True)  # (a review date's box is a stop only when there is one)
    stops = tab_stops(qtbot, details.mentor, 15)
    assert stops[:14] == [*FIELDS, "Review on", "Review date", *AFTER_REVIEW]
    assert not details.isAncestorOf(QApplication.focusWidget())  # on out of the box, no loop



def test_a_forms_scroll_area_is_no_tab_stop(window: MainWindow, qtbot: Any) -> None:
    """Tab from a goal's title went to the form's scroll area, which shows no focus: typing then
    went nowhere. Every tab's form scrolls in an area that is no stop of Tab's."""
    from PySide6.QtWidgets import QScrollArea

    window.activateWindow()
    qtbot.waitActive(window)
    for name in ("overview_tab", "goals_tab", "journal_tab", "swot_tab", "practice_tab"):
        for area in getattr(window, name).findChildren(QScrollArea):
            if area.widget() is not None and area.widget().findChildren(QWidget):
                assert area.focusPolicy() == Qt.FocusPolicy.NoFocus, (name, area)
    goals = window.goals_tab
    window.show_tab(window.tabs.indexOf(goals))
    goals.new_item()
    stops = tab_stops(qtbot, goals.pane.title, 2)
    assert stops == ["Goal title", "Whose goal"]
