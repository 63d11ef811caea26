"""The SWOT tab worked as a user does: type items into both grids, see the shared ones, move them by
keyboard and by drag and drop, edit in place, delete and undo, snapshots and what changed since."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QListView,
    QPushButton,
    QTreeView,
)

from revmentor_desktop.data import commands, ops, reads
from revmentor_desktop.data.commands import Change
from revmentor_desktop.data.store import Store
from revmentor_desktop.ui.swot import (
    LEGEND,
    SHARED_ROLE,
    QuadrantPanel,
    SnapshotDialog,
    SwotTab,
    shared_icon,
)
from revmentor_desktop.ui.window import MainWindow
from tests.helpers import all_shown, shown

MENTOR, MENTEE = "mentor", "mentee"
STR, WEAK, OPP, THR = "S", "W", "O", "T"  # the quadrants
MOVE = Qt.DropAction.MoveAction


def swot(win: MainWindow) -> SwotTab:
    """The SWOT tab, shown (built now if the window has not built it yet)."""
    assert win.tabs is not None
    tab = win.swot_tab
    assert isinstance(tab, SwotTab)
    win.tabs.setCurrentWidget(tab)
    return tab


def texts(panel: QuadrantPanel) -> list[str]:
    m = panel.model
    return [m.data(m.index(r)) for r in range(m.rowCount())]


def in_file(path: Path) -> dict[tuple[str, str], list[str]]:
    store = Store.open(path)
    try:
        out: dict[tuple[str, str], list[str]] = {}
        for it in ops.list_swot_items(store):
            out.setdefault((it.grid, it.quadrant), []).append(it.text)
        return out
    finally:
        store.close()


def add_by_typing(qtbot: Any, tab: SwotTab, grid: str, quadrant: str, text: str) -> None:
    edit = tab.panel(grid, quadrant).add_edit
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def select(panel: QuadrantPanel, text: str) -> QModelIndex:
    row = texts(panel).index(text)
    idx = panel.model.index(row)
    panel.view.setFocus()
    panel.view.setCurrentIndex(idx)
    return idx


@pytest.fixture
def swot_file(partnership_file: Path) -> Path:
    store = Store.open(partnership_file)
    for grid, quadrant, text in (
        (MENTOR, STR, "Curiosity about new tools"), (MENTOR, STR, "Fluent in SQL"),
        (MENTOR, WEAK, "Nervous presenting"), (MENTOR, WEAK, "Say yes to everything"),
        (MENTOR, OPP, "Company-wide AI rollout"), (MENTOR, THR, "Restructuring rumours"),
        (MENTEE, STR, "Trusted by the board"), (MENTEE, OPP, "AI rollout (company-wide)"),
        (MENTEE, THR, "rumours, restructuring"), (MENTEE, THR, "Competitors automating"),
    ):
        ops.add_swot_item(store, grid, quadrant, text)
    store.close()
    return partnership_file


@pytest.fixture
def swot_window(qtbot: Any, swot_file: Path, fake_dialogs: Any) -> Any:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(swot_file)
    yield win
    win.close()


# -- adding and the shared mark ----------------------------------------------------------------------


def test_empty_grids_invite_and_typed_items_land_in_the_file(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    tab = swot(window)
    assert shown(tab.grids[MENTOR].title.text()) == "Dana Lee — mentor"
    assert shown(tab.grids[MENTEE].title.text()) == "Morgan Hale — mentee"
    placeholders = {q: tab.panel(MENTOR, q).add_edit.placeholderText() for q in (STR, WEAK, OPP, THR)}
    assert placeholders == {STR: "Add a strength…", WEAK: "Add a weakness…", OPP: "Add an opportunity…",
                            THR: "Add a threat…"}
    assert tab.panel(MENTEE, THR).heading.text() == "Threats (0)"
    assert tab.panel(MENTEE, THR).view.hint  # an empty quadrant asks a question instead of staring
    assert "No snapshots yet" in tab.compare.summary.text()
    assert LEGEND.startswith("= in both grids") and tab.legend.text() == LEGEND

    add_by_typing(qtbot, tab, MENTOR, STR, "Curiosity about new tools")
    add_by_typing(qtbot, tab, MENTOR, STR, "Fluent in SQL and Python")
    add_by_typing(qtbot, tab, MENTOR, WEAK, "Fear of <b>big</b> rooms & stages")
    add_by_typing(qtbot, tab, MENTEE, OPP, "new tools: curiosity")
    add_by_typing(qtbot, tab, MENTEE, THR, "   ")  # blank: nothing is added
    assert tab.panel(MENTOR, STR).heading.text() == "Strengths (2)"
    assert texts(tab.panel(MENTOR, WEAK)) == ["Fear of <b>big</b> rooms & stages"]  # text is text
    assert tab.panel(MENTOR, STR).add_edit.text() == ""  # ready for the next one
    assert tab.panel(MENTEE, THR).model.rowCount() == 0

    # The same item in both grids is marked in both, and each names its twin.
    mentor_s, mentee_o = tab.panel(MENTOR, STR).model, tab.panel(MENTEE, OPP).model
    first, twin = mentor_s.index(0), mentee_o.index(0)
    for idx in (first, twin):
        assert idx.data(SHARED_ROLE) is True
        assert idx.data(Qt.ItemDataRole.DecorationRole).cacheKey() == shared_icon().cacheKey()
    assert ("Also in Morgan Hale's grid: “new tools: curiosity” (Opportunities)"
            in shown(first.data(Qt.ItemDataRole.ToolTipRole)))
    assert ("Also in Dana Lee's grid: “Curiosity about new tools” (Strengths)"
            in shown(twin.data(Qt.ItemDataRole.ToolTipRole)))
    assert "also in Morgan Hale's grid" in shown(first.data(Qt.ItemDataRole.AccessibleTextRole))
    plain = mentor_s.index(1)
    assert plain.data(SHARED_ROLE) is False and plain.data(Qt.ItemDataRole.ToolTipRole) is None

    window.close()
    assert in_file(partnership_file) == {
        (MENTOR, STR): ["Curiosity about new tools", "Fluent in SQL and Python"],
        (MENTOR, WEAK): ["Fear of <b>big</b> rooms & stages"],
        (MENTEE, OPP): ["new tools: curiosity"],
    }


def test_undo_an_add(window: MainWindow, qtbot: Any) -> None:
    tab = swot(window)
    add_by_typing(qtbot, tab, MENTEE, WEAK, "Long e-mails")
    assert window.undo_action.text() == "&Undo Add Weakness"
    window.undo_action.trigger()
    assert tab.panel(MENTEE, WEAK).model.rowCount() == 0
    window.redo_action.trigger()
    assert texts(tab.panel(MENTEE, WEAK)) == ["Long e-mails"]


# -- moving ------------------------------------------------------------------------------------------


def test_move_with_the_keyboard_and_the_menu(swot_window: MainWindow, qtbot: Any, swot_file: Path) -> None:
    tab = swot(swot_window)
    mentor_w, mentor_o = tab.panel(MENTOR, WEAK), tab.panel(MENTOR, OPP)
    select(mentor_w, "Nervous presenting")
    qtbot.keyClick(mentor_w.view, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert texts(mentor_w) == ["Say yes to everything"]
    assert texts(mentor_o) == ["Company-wide AI rollout", "Nervous presenting"]
    assert mentor_o.heading.text() == "Opportunities (2)"
    # The item stays selected where it went, and the keyboard follows it.
    assert mentor_o.view.hasFocus() and mentor_o.view.currentIndex().row() == 1

    qtbot.keyClick(mentor_o.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert texts(mentor_o) == ["Nervous presenting", "Company-wide AI rollout"]
    qtbot.keyClick(mentor_o.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already first
    assert texts(mentor_o) == ["Nervous presenting", "Company-wide AI rollout"]

    # The context menu moves to a named quadrant and to the other partner's grid.
    idx = select(mentor_o, "Company-wide AI rollout")
    menu = tab.context_menu(mentor_o, idx)
    assert menu is not None
    labels = all_shown(a.text() for a in menu.actions())
    assert "Move to Morgan Hale's &Grid" in labels
    move_to = next(a.menu() for a in menu.actions() if a.menu() is not None)
    by_name = {a.text(): a for a in move_to.actions()}
    assert not by_name["Opportunities"].isEnabled()  # where it already is
    by_name["Threats"].trigger()
    assert texts(tab.panel(MENTOR, THR)) == ["Restructuring rumours", "Company-wide AI rollout"]
    idx = select(tab.panel(MENTOR, THR), "Company-wide AI rollout")
    menu = tab.context_menu(tab.panel(MENTOR, THR), idx)
    assert menu is not None
    next(a for a in menu.actions() if shown(a.text()) == "Move to Morgan Hale's &Grid").trigger()
    assert texts(tab.panel(MENTEE, THR)) == ["rumours, restructuring", "Competitors automating",
                                           "Company-wide AI rollout"]
    # Twin marks follow: it is in Morgan's grid twice now, and in Dana's no more.
    assert tab.panel(MENTEE, THR).model.index(2).data(SHARED_ROLE) is False

    swot_window.undo_action.trigger()
    assert texts(tab.panel(MENTOR, THR)) == ["Restructuring rumours", "Company-wide AI rollout"]
    swot_window.redo_action.trigger()
    swot_window.close()
    assert in_file(swot_file)[(MENTEE, THR)][-1] == "Company-wide AI rollout"
    assert in_file(swot_file)[(MENTOR, OPP)] == ["Nervous presenting"]


def test_move_by_drag_and_drop(swot_window: MainWindow, qtbot: Any, swot_file: Path) -> None:
    tab = swot(swot_window)
    mentor_s, mentee_t = tab.panel(MENTOR, STR), tab.panel(MENTEE, THR)
    QAbstractItemModelTester(mentee_t.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    # Drop an item from Dana's Strengths at the top of Morgan's Threats.
    mime = mentor_s.model.mimeData([mentor_s.model.index(1)])
    assert mime.text() == "Fluent in SQL"
    assert mentee_t.model.canDropMimeData(mime, MOVE, 0, 0, QModelIndex())
    # False: the move is done; the source view must not remove a row of its own.
    assert mentee_t.model.dropMimeData(mime, MOVE, 0, 0, QModelIndex()) is False
    assert texts(mentor_s) == ["Curiosity about new tools"]
    assert texts(mentee_t) == ["Fluent in SQL", "rumours, restructuring", "Competitors automating"]

    # Reorder within a quadrant: drop the first item at the end (-1: on the empty space below).
    mime = mentee_t.model.mimeData([mentee_t.model.index(0)])
    assert mentee_t.model.dropMimeData(mime, MOVE, -1, -1, QModelIndex()) is False
    assert texts(mentee_t) == ["rumours, restructuring", "Competitors automating", "Fluent in SQL"]
    # A drop just below itself changes nothing and leaves no undo step.
    steps = swot_window.doc.undo_stack.count()
    mime = mentee_t.model.mimeData([mentee_t.model.index(0)])
    assert mentee_t.model.dropMimeData(mime, MOVE, 1, 0, QModelIndex()) is False
    assert swot_window.doc.undo_stack.count() == steps
    swot_window.undo_action.trigger()
    assert texts(mentee_t) == ["Fluent in SQL", "rumours, restructuring", "Competitors automating"]

    # The same through the view, as the mouse does it: drop above Morgan's first Strength.
    mentee_s = tab.panel(MENTEE, STR)
    mime = mentee_t.model.mimeData([mentee_t.model.index(2)])
    target = QPointF(mentee_s.view.visualRect(mentee_s.model.index(0)).topLeft() + QPoint(8, 1))
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = mentee_s.view.viewport()
    enter = QDragEnterEvent(target.toPoint(), MOVE, mime, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    over = QDragMoveEvent(target.toPoint(), MOVE, mime, buttons, keys)
    QApplication.sendEvent(viewport, over)
    assert over.isAccepted()  # the pointer shows that it may drop here
    drop = QDropEvent(target, MOVE, mime, buttons, keys)
    QApplication.sendEvent(viewport, drop)
    assert not drop.isAccepted()  # so the dragging view removes nothing itself
    assert texts(mentee_s) == ["Competitors automating", "Trusted by the board"]
    assert texts(mentee_t) == ["Fluent in SQL", "rumours, restructuring"]
    # Other kinds of data are not accepted.
    assert not mentee_s.model.canDropMimeData(QMimeData(), MOVE, 0, 0, QModelIndex())

    swot_window.close()
    saved = in_file(swot_file)
    assert saved[(MENTEE, THR)] == ["Fluent in SQL", "rumours, restructuring"]
    assert saved[(MENTEE, STR)] == ["Competitors automating", "Trusted by the board"]
    assert saved[(MENTOR, STR)] == ["Curiosity about new tools"]


# -- editing and deleting ----------------------------------------------------------------------------


def test_edit_in_place(swot_window: MainWindow, qtbot: Any, swot_file: Path) -> None:
    tab = swot(swot_window)
    mentor_s = tab.panel(MENTOR, STR)
    view = mentor_s.view
    select(mentor_s, "Fluent in SQL")
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Fluent in SQL"
    editor.selectAll()
    qtbot.keyClicks(editor, "board: trusted by")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert texts(mentor_s) == ["Curiosity about new tools", "board: trusted by"]
    # Now it means the same as Morgan's "Trusted by the board": both are marked.
    assert mentor_s.model.index(1).data(SHARED_ROLE) is True
    assert tab.panel(MENTEE, STR).model.index(0).data(SHARED_ROLE) is True
    assert "Also in Dana Lee's grid: “board: trusted by” (Strengths)" in \
        shown(tab.panel(MENTEE, STR).model.index(0).data(Qt.ItemDataRole.ToolTipRole))

    # A blank edit is refused with a reason; the item keeps its words.
    assert not mentor_s.model.setData(mentor_s.model.index(1), "  ")
    assert tab.problem.isVisibleTo(tab) and tab.problem.text()
    assert texts(mentor_s)[1] == "board: trusted by"

    swot_window.undo_action.trigger()
    assert texts(mentor_s)[1] == "Fluent in SQL"
    swot_window.redo_action.trigger()
    swot_window.close()
    assert in_file(swot_file)[(MENTOR, STR)] == ["Curiosity about new tools", "board: trusted by"]


def test_editor_open_when_the_window_closes_is_saved(swot_window: MainWindow, qtbot: Any,
                                                     swot_file: Path) -> None:
    tab = swot(swot_window)
    panel = tab.panel(MENTEE, OPP)
    idx = select(panel, "AI rollout (company-wide)")
    panel.view.edit(idx)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("AI rollout, company-wide, with training")
    swot_window.close()
    assert in_file(swot_file)[(MENTEE, OPP)] == ["AI rollout, company-wide, with training"]


def test_delete_and_undo(swot_window: MainWindow, qtbot: Any, swot_file: Path) -> None:
    tab = swot(swot_window)
    mentee_t = tab.panel(MENTEE, THR)
    select(mentee_t, "rumours, restructuring")
    item_id = mentee_t.model.id_at(0)
    swot_window.delete_action.trigger()  # the Delete key, with the list focused
    assert texts(mentee_t) == ["Competitors automating"]
    assert mentee_t.heading.text() == "Threats (1)"
    assert "brings it back" in swot_window.statusBar().currentMessage()
    assert mentee_t.view.hasFocus() and mentee_t.view.currentIndex().row() == 0
    # Its twin in Dana's grid is no longer marked.
    assert tab.panel(MENTOR, THR).model.index(0).data(SHARED_ROLE) is False
    swot_window.undo_action.trigger()
    assert texts(mentee_t) == ["rumours, restructuring", "Competitors automating"]
    assert mentee_t.model.id_at(0) == item_id
    assert tab.panel(MENTOR, THR).model.index(0).data(SHARED_ROLE) is True

    # With the focus in an add field, Delete belongs to the field, not the list.
    tab.panel(MENTOR, STR).add_edit.setFocus()
    tab.delete_selection()
    assert mentee_t.model.rowCount() == 2

    # And from the context menu.
    idx = select(mentee_t, "Competitors automating")
    menu = tab.context_menu(mentee_t, idx)
    assert menu is not None
    next(a for a in menu.actions() if a.text() == "&Delete").trigger()
    swot_window.close()
    assert in_file(swot_file)[(MENTEE, THR)] == ["rumours, restructuring"]


def test_new_item_goes_to_the_add_field(swot_window: MainWindow, qtbot: Any) -> None:
    tab = swot(swot_window)
    swot_window.new_item_action.trigger()  # Ctrl+N
    assert tab.panel(MENTOR, STR).add_edit.hasFocus()
    select(tab.panel(MENTEE, OPP), "AI rollout (company-wide)")
    swot_window.new_item_action.trigger()
    assert tab.panel(MENTEE, OPP).add_edit.hasFocus()


# -- snapshots ---------------------------------------------------------------------------------------


def test_snapshot_then_compare(swot_window: MainWindow, qtbot: Any, swot_file: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    tab = swot(swot_window)
    monkeypatch.setattr(tab, "ask_snapshot_label", lambda: ("Kick-off", date(2026, 1, 6)))
    qtbot.mouseClick(tab.snapshot_button, Qt.MouseButton.LeftButton)
    assert tab.compare.combo.currentText() == "Kick-off — 6 Jan 2026"
    assert tab.compare.summary.text() == "No changes since this snapshot."
    assert not tab.compare.tree.isVisibleTo(tab)

    add_by_typing(qtbot, tab, MENTOR, STR, "Explaining data in plain words")
    select(tab.panel(MENTOR, WEAK), "Say yes to everything")
    tab.panel(MENTOR, WEAK).moves[THR].trigger()  # Move to ▸ Threats
    select(tab.panel(MENTEE, THR), "Competitors automating")
    swot_window.delete_action.trigger()
    edit = tab.panel(MENTEE, OPP)
    select(edit, "AI rollout (company-wide)")
    edit.model.setData(edit.model.index(0), "rollout of AI, company wide")  # same words: no change

    assert tab.compare.summary.text() == "3 changes since “Kick-off — 6 Jan 2026”."
    assert all_shown(tab.compare.lines()) == [
        "Dana Lee — mentor",
        "+ Added to Strengths: Explaining data in plain words",
        "→ Moved Weaknesses → Threats: Say yes to everything",
        "Morgan Hale — mentee",
        "− Removed from Threats: Competitors automating",
    ]
    assert tab.compare.tree.isVisibleTo(tab)
    tab.compare.toggle.click()  # collapse
    assert not tab.compare.tree.isVisibleTo(tab)
    tab.compare.toggle.click()
    QAbstractItemModelTester(tab.compare.model, QAbstractItemModelTester.FailureReportingMode.Fatal)

    # A second snapshot is listed; the comparison stays on the one chosen.
    monkeypatch.setattr(tab, "ask_snapshot_label", lambda: ("Mid-point", date(2026, 4, 1)))
    tab.snapshot_button.click()
    combo = tab.compare.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Kick-off — 6 Jan 2026",
                                                                 "Mid-point — 1 Apr 2026"]
    assert combo.currentText() == "Kick-off — 6 Jan 2026"
    combo.setCurrentIndex(1)
    assert tab.compare.summary.text() == "No changes since this snapshot."
    swot_window.undo_action.trigger()  # the second snapshot goes again
    assert combo.count() == 1 and combo.currentText() == "Kick-off — 6 Jan 2026"
    assert "3 changes" in tab.compare.summary.text()

    # Deleting a snapshot is undoable too.
    tab.compare.delete_button.click()
    assert combo.count() == 0 and "No snapshots yet" in tab.compare.summary.text()
    swot_window.undo_action.trigger()
    assert combo.currentText() == "Kick-off — 6 Jan 2026"

    # A cancelled dialog saves nothing.
    monkeypatch.setattr(tab, "ask_snapshot_label", lambda: None)
    tab.snapshot_button.click()
    swot_window.close()
    store = Store.open(swot_file)
    snaps = ops.list_snapshots(store)
    assert [(s.label, s.taken_on) for s in snaps] == [("Kick-off", date(2026, 1, 6))]
    frozen = {(i.grid, i.quadrant, i.text) for i in ops.snapshot_items(store, snaps[0].id)}
    assert (MENTOR, WEAK, "Say yes to everything") in frozen
    store.close()


def test_snapshot_dialog(qtbot: Any) -> None:
    dialog = SnapshotDialog(None, today=date(2026, 3, 2))
    qtbot.addWidget(dialog)
    assert dialog.values() == ("Snapshot 2 Mar 2026", date(2026, 3, 2))
    dialog.taken_on.setDate(dialog.taken_on.date().addDays(1))
    assert dialog.values() == ("Snapshot 3 Mar 2026", date(2026, 3, 3))  # the label follows
    dialog.label.selectAll()
    qtbot.keyClicks(dialog.label, "Mid-point review")
    dialog.taken_on.setDate(dialog.taken_on.date().addDays(1))
    assert dialog.values() == ("Mid-point review", date(2026, 3, 4))  # until the user names it
    assert dialog.label.accessibleName() and dialog.taken_on.accessibleName()


def test_ask_snapshot_label_shows_the_dialog(window: MainWindow, qtbot: Any) -> None:
    tab = swot(window)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SnapshotDialog)
        assert dialog.values()[0] == SnapshotDialog.default_label(date.today())
        dialog.label.setText("After the board talk")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert tab.ask_snapshot_label() == ("After the board talk", date.today())


# -- the window around it ----------------------------------------------------------------------------


def test_narrow_window_stacks_the_grids(swot_window: MainWindow, qtbot: Any) -> None:
    tab = swot(swot_window)
    mentor, mentee = tab.grids[MENTOR], tab.grids[MENTEE]
    swot_window.resize(1300, 850)
    qtbot.waitUntil(lambda: tab.width() >= tab.NARROW_BELOW and not tab.narrow)
    assert mentor.y() == mentee.y() and mentor.x() < mentee.x()
    swot_window.resize(900, 700)
    qtbot.waitUntil(lambda: tab.narrow)
    qtbot.waitUntil(lambda: mentee.y() > mentor.y())
    assert mentor.x() == mentee.x()
    swot_window.resize(1300, 850)
    qtbot.waitUntil(lambda: not tab.narrow)


def test_renaming_a_partner_redraws_names(swot_window: MainWindow, qtbot: Any) -> None:
    tab = swot(swot_window)
    swot_window.doc.run(commands.update_partnership(mentor_name="Priya Raman"))
    assert shown(tab.grids[MENTOR].title.text()) == "Priya Raman — mentor"
    assert shown(tab.panel(MENTOR, STR).view.accessibleName()) == "Priya Raman's strengths"
    assert shown(tab.panel(MENTOR, STR).add_edit.accessibleName()) == "Add to Priya Raman's strengths"
    twin = tab.panel(MENTEE, THR).model.index(0)
    assert "Also in Priya Raman's grid: “Restructuring rumours” (Threats)" in \
        shown(twin.data(Qt.ItemDataRole.ToolTipRole))


def test_one_query_per_reload_and_only_for_swot_changes(
        swot_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = swot(swot_window)
    calls: list[int] = []
    real = reads.list_swot_items

    def counting(store: Store) -> Any:
        calls.append(1)
        return real(store)

    monkeypatch.setattr(reads, "list_swot_items", counting)
    swot_window.doc.changed.emit(frozenset({Change.SWOT}), None)
    assert len(calls) == 1  # shared by all eight quadrants
    swot_window.doc.changed.emit(frozenset({Change.GOALS, Change.ENTRIES, Change.PRIVACY}), None)
    assert len(calls) == 1
    assert tab.panel(MENTEE, THR).model.rowCount() == 2


def test_everything_has_an_accessible_name_and_models_pass_the_tester(
        swot_window: MainWindow, qtbot: Any) -> None:
    tab = swot(swot_window)
    for kind in (QListView, QLineEdit, QPushButton, QComboBox, QTreeView):
        for w in tab.findChildren(kind):
            if w.window() is not swot_window:
                continue  # a combo box's own popup list
            assert w.accessibleName(), f"{kind.__name__} without an accessible name"
    assert shown(tab.panel(MENTEE, OPP).view.accessibleName()) == "Morgan Hale's opportunities"
    # Tab walks the quadrants in reading order: each list, then its add field.
    tab.snapshot_button.setFocus()
    walk = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walk.append(QApplication.focusWidget())
    first, second = tab.panel(MENTOR, STR), tab.panel(MENTOR, WEAK)
    assert walk == [first.view, first.add_edit, second.view, second.add_edit]

    model = tab.panel(MENTEE, THR).model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    add_by_typing(qtbot, tab, MENTEE, THR, "Losing young talent")
    select(tab.panel(MENTEE, THR), "rumours, restructuring")
    swot_window.delete_action.trigger()
    swot_window.undo_action.trigger()
    assert model.rowCount() == 3
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDropEnabled  # drops go between items


def test_read_only_file_can_be_looked_at_not_changed(qtbot: Any, swot_file: Path) -> None:
    from revmentor_desktop.ui.document import Document

    doc = Document(Store.open(swot_file, read_only=True))
    tab = SwotTab(doc)
    qtbot.addWidget(tab)
    panel = tab.panel(MENTOR, STR)
    model = panel.model
    assert texts(panel) == ["Curiosity about new tools", "Fluent in SQL"]
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert not panel.add_edit.isEnabled() and not tab.snapshot_button.isEnabled()
    assert "read-only" in tab.intro.text() and "press Enter" not in tab.intro.text()
    mime = model.mimeData([model.index(0)])
    assert not tab.panel(MENTEE, THR).model.canDropMimeData(mime, MOVE, 0, 0, QModelIndex())
    panel.view.setCurrentIndex(model.index(0))
    assert not tab.move_to(panel, MENTOR, WEAK) and not tab.delete_item(panel)
    assert texts(panel) == ["Curiosity about new tools", "Fluent in SQL"]
    doc.close()


# -- the item models under Qt's model tester -----------------------------------------------------------


def test_quadrant_model_passes_qtmodeltester_through_adds_moves_and_deletes(
        swot_window: MainWindow, qtbot: Any, qtmodeltester: Any) -> None:
    tab = swot(swot_window)
    model = tab.panel(MENTEE, THR).model
    assert model.rowCount() == 2
    qtmodeltester.check(model)  # stays attached: the edits below are checked as they happen
    add_by_typing(qtbot, tab, MENTEE, THR, "Losing young talent")
    select(tab.panel(MENTEE, THR), "Losing young talent")
    assert tab.move_to(tab.panel(MENTEE, THR), MENTEE, STR)
    select(tab.panel(MENTEE, THR), "Competitors automating")
    assert tab.delete_item(tab.panel(MENTEE, THR))
    swot_window.undo_action.trigger()
    swot_window.undo_action.trigger()
    assert texts(tab.panel(MENTEE, THR)) == ["rumours, restructuring", "Competitors automating",
                                             "Losing young talent"]


def test_compare_model_passes_qtmodeltester(swot_window: MainWindow, qtbot: Any, qtmodeltester: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    tab = swot(swot_window)
    monkeypatch.setattr(tab, "ask_snapshot_label", lambda: ("Kick-off", date(2026, 1, 6)))
    tab.snapshot_button.click()
    qtmodeltester.check(tab.compare.model)
    add_by_typing(qtbot, tab, MENTOR, OPP, "Mentoring circle")
    assert tab.compare.model.rowCount() == 2  # one heading per partner
    assert tab.compare.lines()[1] == "+ Added to Opportunities: Mentoring circle"


def test_a_quadrant_with_the_keyboard_shows_it_even_when_empty(window: MainWindow, qtbot: Any) -> None:
    """Tab from "Add a strength…" goes to the next quadrant's list: empty and frameless, it showed
    no sign of having the keyboard, and what was typed next went nowhere to be seen."""
    from PySide6.QtGui import QColor

    window.show_tab(window.tabs.indexOf(window.swot_tab))
    panel = window.swot_tab.panel("mentor", "W")
    assert panel.model.rowCount() == 0
    view = panel.view

    def frame_pixels() -> int:
        image = view.viewport().grab().toImage()
        accent = QColor(panel.look.accent)
        return sum(1 for x in range(image.width())
                   if QColor(image.pixel(x, 1)).rgb() == accent.rgb())

    assert frame_pixels() == 0
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert frame_pixels() > view.viewport().width() // 2  # a frame in the quadrant's accent
