"""The Overview's item models (the ground rules, goals at a glance, open action items) under Qt's
model tester, attached before the edits so every insert, removal and reset they emit is checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from revmentor_desktop.data import ops
from revmentor_desktop.data.store import Store
from revmentor_desktop.ui.window import MainWindow
from tests.test_gui_overview import _clause_texts, overview


def test_clause_model_passes_qtmodeltester_through_add_insert_move_delete_undo(
        window: MainWindow, qtbot: Any, qtmodeltester: Any, partnership_file: Path) -> None:
    tab = overview(window)
    model = tab.clause_model
    assert model.rowCount() == 1
    qtmodeltester.check(model)  # stays attached: the edits below are checked as they happen
    tab.clauses.setCurrentIndex(model.index(0))
    tab.ready_made.menu().actions()[0].trigger()  # inserted after the selected rule
    qtbot.mouseClick(tab.add_clause_button, Qt.MouseButton.LeftButton)  # at the end, editor open
    editor = tab.clauses.findChild(QLineEdit) or QApplication.focusWidget()
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Phones away")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.clauses.state() != QAbstractItemView.State.EditingState)
    assert model.rowCount() == 3 and model.data(model.index(2)) == "Phones away"
    tab.clauses.setFocus()
    tab.clauses.setCurrentIndex(model.index(2))
    qtbot.keyClick(tab.clauses, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert model.data(model.index(1)) == "Phones away"
    window.delete_action.trigger()
    assert model.rowCount() == 2
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [model.data(model.index(r)) for r in range(model.rowCount())][2] == "Phones away"
    assert _clause_texts(partnership_file)[2] == "Phones away"


def _dashboard_file(path: Path) -> Path:
    store = Store.open(path)
    ops.add_goal(store, "Post on LinkedIn monthly", owner="mentee", status="in_progress")
    ops.add_goal(store, "Run a prompt clinic", owner="mentor", status="achieved")
    entry = ops.add_entry(store, date(2026, 2, 2), topics="Prompt writing")
    ops.add_action(store, entry, "Try the Copilot trial", owner="mentee")
    ops.add_action(store, entry, "Share the board deck", owner="mentor")
    store.close()
    return path


def test_dashboard_models_pass_qtmodeltester(qtbot: Any, qtmodeltester: Any, partnership_file: Path,
                                             fake_dialogs: Any) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(_dashboard_file(partnership_file))
    dashboard = overview(win).dashboard
    counts, actions = dashboard.counts_model, dashboard.actions_model
    qtbot.waitUntil(lambda: actions.rowCount() == 2, timeout=5000)
    qtmodeltester.check(counts)
    assert counts.data(counts.index(1, 1)) == "1"  # in progress, mentee
    qtmodeltester.check(actions)
    assert actions.data(actions.index(0, 1)) == "Share the board deck"
    assert actions.setData(actions.index(0, 0), Qt.CheckState.Checked.value,
                           Qt.ItemDataRole.CheckStateRole)  # ticked off: the row goes
    assert actions.rowCount() == 1
    win.undo_action.trigger()
    assert actions.rowCount() == 2
    win.close()
