"""The value controls (ui/controls.py): a wheel turn over one that has no focus scrolls the page and
changes nothing (it used to change, and save, a cadence or a session's date while scrolling), and
Ctrl+Z in a number box that has nothing to undo reaches Edit › Undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from revmentor_desktop.ui.controls import ComboBox, DateEdit, SpinBox
from revmentor_desktop.ui.window import MainWindow
from tests.helpers import sql_value


def turn_wheel(widget: QWidget, notches: int = -1) -> bool:
    """A turn of the mouse wheel over the middle of `widget`; whether the widget took it. (Sent
    by the window system, a turn a widget leaves goes on to its parent, the page, which scrolls;
    one sent from here stops at the widget.)"""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_a_wheel_turn_over_an_unfocused_box_is_left_to_the_page_and_changes_nothing(
        qtbot: Any) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    spin, combo, day = SpinBox(page), ComboBox(page), DateEdit(page)
    spin.setRange(0, 100)
    spin.setValue(50)
    combo.addItems(["mentor", "mentee"])
    for control in (spin, combo, day):
        column.addWidget(control)
    page.show()
    qtbot.waitExposed(page)
    before_day = day.date()
    for control in (spin, combo, day):
        # Qt's own give themselves the focus for a turn (WheelFocus), then take it as a change
        assert control.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert not turn_wheel(control)
    assert (spin.value(), combo.currentIndex(), day.date()) == (50, 0, before_day)

    spin.setFocus()  # clicked or tabbed into: then the wheel is the box's, as in any app
    qtbot.waitUntil(spin.hasFocus)
    assert turn_wheel(spin, notches=1)
    assert spin.value() == 51


def test_ctrl_z_in_a_number_box_with_nothing_to_undo_reaches_the_windows_undo(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    undone: list[bool] = []
    undo = QAction("Undo", window)
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.triggered.connect(lambda: undone.append(True))
    window.addAction(undo)
    spin = SpinBox()
    spin.setRange(0, 100)
    window.setCentralWidget(spin)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    qtbot.keyClick(spin, Qt.Key.Key_Up)  # stepped: the box itself has nothing to undo
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == [True]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "42")  # typed: Ctrl+Z undoes the typing in the box first
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == [True] and spin.lineEdit().text() != "42"


def test_scrolling_the_overview_over_its_cadence_saves_nothing(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    details = window.overview_tab.details
    window.overview_tab.organisation.setFocus()
    before = sql_value(partnership_file, "SELECT cadence_days || ' ' || me FROM partnership")
    for control in (details.cadence, details.duration, details.me, details.start):
        turn_wheel(control, notches=-3)
    QApplication.processEvents()
    assert sql_value(partnership_file, "SELECT cadence_days || ' ' || me FROM partnership") == before
    assert window.doc is not None and not window.doc.undo_stack.canUndo()


def test_ctrl_z_in_a_sessions_duration_undoes_the_step_just_saved(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    window.show_tab(2)
    tab = window.journal_tab
    qtbot.keyClick(tab.list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = tab.editor
    qtbot.waitUntil(lambda: editor.duration.isVisible())
    editor.duration.setFocus()
    before = editor.duration.value()
    qtbot.keyClick(editor.duration, Qt.Key.Key_Up)
    window.flush()
    assert sql_value(partnership_file, "SELECT duration_minutes FROM journal_entry") == before + 15
    qtbot.keyClick(editor.duration, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sql_value(partnership_file, "SELECT duration_minutes FROM journal_entry") == before
    assert editor.duration.value() == before


def test_a_date_typed_with_separators_stays_in_its_box_and_tab_leaves_it(qtbot: Any) -> None:
    """Qt moves between a date's parts through focusNextPrevChild, for Tab and for a typed
    separator alike: only the Tab keys may leave the box, or "2 Apr 2027" ticks the next box."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCheckBox, QLineEdit

    from revmentor_desktop.ui.widgets import make_date_edit

    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    day = make_date_edit(page)
    day.setDate(QDate(2026, 3, 14))
    box, line = QCheckBox("Review on", page), QLineEdit(page)
    for widget in (day, box, line):
        column.addWidget(widget)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    day.setFocus()
    qtbot.waitUntil(day.hasFocus)
    day.setSelectedSection(day.Section.DaySection)  # as a click on the day selects it
    qtbot.keyClicks(day, "2 Apr 2027")
    assert day.date() == QDate(2027, 4, 2)
    assert day.hasFocus() and not box.isChecked()
    qtbot.keyClick(day, Qt.Key.Key_Tab)  # one stop a date: Tab leaves at once…
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Backtab)  # …and Shift+Tab comes back
    assert day.hasFocus()
