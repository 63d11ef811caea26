"""Issue 15: the Overview's open action items are read whole at real sizes — the owner, the due date
("12 Nov 2026 — overdue") and the session never cut off, at the first window's size and at the
window's least; whatever may be cut (the item's text) has its full text on hover."""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from revmentor_desktop.data import commands
from revmentor_desktop.ui.overview.dashboard import DashboardPanel
from revmentor_desktop.ui.overview.dashboard_models import OpenActionsModel as M
from revmentor_desktop.ui.window import MainWindow
from revmentor_desktop.ui.window.placement import FIRST_HEIGHT, FIRST_WIDTH, MIN_HEIGHT, MIN_WIDTH

LONG = ("Ask the approved assistant to critique my board commentary before Thursday, and note what "
        "it gets wrong")


def text_room(table: QAbstractItemView, index: QModelIndex) -> tuple[str, int]:
    """What a cell shows (after its delegate's say) and how many pixels of text fit in it."""
    opt = QStyleOptionViewItem()
    opt.rect = table.visualRect(index)
    opt.font = table.font()
    opt.fontMetrics = table.fontMetrics()
    opt.decorationSize = table.iconSize()
    opt.widget = table
    table.itemDelegateForIndex(index).initStyleOption(opt, index)
    style = table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, table)
    return opt.text, rect.width() - 2 * margin


@pytest.fixture
def dashboard(window: MainWindow, qtbot: Any) -> DashboardPanel:
    """The Overview with realistic names and open action items: long, overdue, due, undated."""
    doc = window.doc
    assert doc is not None
    doc.run(commands.update_partnership(mentor_name="Priya Raman", mentee_name="Martin Okafor"))
    today = date.today()
    entry = doc.run(commands.add_entry(today - timedelta(days=20))).value
    later = doc.run(commands.add_entry(today - timedelta(days=3))).value
    doc.run(commands.add_action(entry, LONG, owner="mentee", due_on=today - timedelta(days=9)))
    doc.run(commands.add_action(entry, "Share three prompts", owner="mentor", due_on=today + timedelta(days=30)))
    doc.run(commands.add_action(later, "Book the room", owner="both"))
    doc.run(commands.add_action(later, "Send the slides", owner="mentee", due_on=date(2026, 11, 12)
                                if date(2026, 11, 12) < today else today - timedelta(days=1)))
    assert window.tabs is not None
    window.tabs.setCurrentIndex(0)
    panel = window.overview_tab.dashboard
    assert panel.actions_model.rowCount() == 4
    return panel


@pytest.mark.parametrize("size", [(FIRST_WIDTH, FIRST_HEIGHT), (MIN_WIDTH, MIN_HEIGHT)],
                         ids=["first size", "least size"])
def test_open_action_items_are_read_whole(window: MainWindow, dashboard: DashboardPanel, qtbot: Any,
                                          size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(30)
    table = dashboard.actions_view
    model = dashboard.actions_model
    fm = table.fontMetrics()
    assert not table.horizontalScrollBar().isVisible()
    for row in range(model.rowCount()):
        for col in (M.TEXT, M.OWNER, M.DUE, M.SESSION):
            index = model.index(row, col)
            full = index.data()
            shown, room = text_room(table, index)
            tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            # Every cell that could be cut has its full text on hover (a dash: in words).
            assert (full == "—" and tip == "No due date") or full in tip or html.escape(full, quote=False) in tip, (M.HEADERS[col], full, tip)
            if col == M.TEXT:
                continue  # the item's own text may be elided: the tooltip has it
            # Owner, due date and session show whole.
            assert fm.horizontalAdvance(shown) <= room, (M.HEADERS[col], shown, room)
            if col == M.DUE and full.endswith(" — overdue"):
                assert shown == full or "overdue" in tip
                assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # the icon says it too
    # The item's text keeps a fair share of the table.
    assert table.columnWidth(M.TEXT) >= fm.horizontalAdvance("Ask the approved assistant")


def test_at_the_first_size_overdue_is_written_out(window: MainWindow, dashboard: DashboardPanel,
                                                  qtbot: Any) -> None:
    window.resize(FIRST_WIDTH, FIRST_HEIGHT)
    qtbot.wait(30)
    table = dashboard.actions_view
    model = dashboard.actions_model
    overdue = [r for r in range(model.rowCount()) if model.index(r, M.DUE).data().endswith(" — overdue")]
    assert len(overdue) == 2
    for row in overdue:
        shown, room = text_room(table, model.index(row, M.DUE))
        assert shown.endswith(" — overdue")
        assert table.fontMetrics().horizontalAdvance(shown) <= room
