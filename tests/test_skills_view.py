"""The Skills view read as a user reads it: the filters narrow the table and the chart alike, the
chart is laid out clear at any scale and font, and the tables' words are shown whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox

from revmentor_desktop.data import commands, ops
from revmentor_desktop.ui.skills import SkillTableModel
from revmentor_desktop.ui.skills.chart_panel import CHART_DPI
from revmentor_desktop.ui.window import MainWindow
from tests import test_gui_skills
from tests.helpers import all_shown, find_shown
from tests.test_charts import assert_laid_out
from tests.test_gui_skills import _run, edit_cell, figure, skills_tab

# The partnership with skills that test_gui_skills sets up, as fixtures here too.
skills_file = test_gui_skills.skills_file
skills_window = test_gui_skills.skills_window


def table_names(tab: Any) -> list[str]:
    model = tab.skill_model
    return [model.skill_at(r).name for r in range(model.rowCount())]


def chart_names(fig: Any) -> list[str]:
    return [p.series.name for p in fig.panels]


def test_the_filters_narrow_the_table_and_the_chart_alike(skills_window: MainWindow, qtbot: Any) -> None:
    tab = skills_tab(skills_window)
    everyone = ["Using AI assistants", "LinkedIn presence", "Executive presence", "Negotiation"]
    assert sorted(table_names(tab)) == sorted(everyone) == sorted(chart_names(figure(qtbot, tab)))
    assert tab.skills_pane.heading.text() == "Skills"

    tab.person_filter.setCurrentIndex(tab.person_filter.findData("mentor"))
    fig = figure(qtbot, tab)
    assert table_names(tab) == chart_names(fig) == ["Executive presence", "Negotiation"]
    assert tab.skills_pane.heading.text() == "Skills (2 of 4 shown)"
    assert tab.selected_skill() is not None and tab.selected_skill().owner == "mentor"
    assert "Executive presence" in tab.ratings_heading.text() or "Negotiation" in tab.ratings_heading.text()

    tab.skill_filter.setCurrentIndex(find_shown(tab.skill_filter, "Negotiation (Dana Lee)"))
    figure(qtbot, tab)
    assert table_names(tab) == ["Negotiation"]
    assert "Negotiation" in tab.ratings_heading.text()  # its ratings (none yet) below

    tab.person_filter.setCurrentIndex(0)  # "All" people: the one skill chosen stays chosen
    assert table_names(tab) == ["Negotiation"]
    tab.skill_filter.setCurrentIndex(0)
    assert sorted(table_names(tab)) == sorted(everyone) == sorted(chart_names(figure(qtbot, tab)))


def test_a_new_skill_shows_in_the_table_whatever_skill_was_chosen(
        skills_window: MainWindow, qtbot: Any) -> None:
    tab = skills_tab(skills_window)
    tab.person_filter.setCurrentIndex(tab.person_filter.findData("mentee"))
    tab.skill_filter.setCurrentIndex(find_shown(tab.skill_filter, "LinkedIn presence (Morgan Hale)"))
    assert table_names(tab) == ["LinkedIn presence"]
    skills_window.new_item_action.trigger()  # Ctrl+N
    assert tab.skill_filter.currentIndex() == 0  # all of Morgan's skills again, the new one too
    assert sorted(table_names(tab)) == ["LinkedIn presence", "New skill", "Using AI assistants"]
    assert tab.skills_view.state() == tab.skills_view.State.EditingState


def test_the_chart_is_laid_out_clear_in_a_large_font(skills_window: MainWindow, qtbot: Any) -> None:
    tab = skills_tab(skills_window)
    small = figure(qtbot, tab).font_size
    font = QFont(tab.chart.font())
    font.setPointSizeF(18)
    tab.chart.setFont(font)  # as a larger desktop font does
    qtbot.waitUntil(lambda: tab.canvas.figure.font_size > 1.5 * small)  # the chart follows
    fig = figure(qtbot, tab)
    assert_laid_out(fig)
    # Still laid out clear when the pane is resized (the figure lays itself out anew).
    skills_window.resize(skills_window.width() - 200, skills_window.height() - 100)
    qtbot.waitUntil(lambda: tab.canvas.figure.get_size_inches()[0] * CHART_DPI < tab.canvas.width() + 1)
    assert_laid_out(figure(qtbot, tab))


def test_many_skills_in_a_small_window_scroll_rather_than_squeeze(window: MainWindow, qtbot: Any) -> None:
    store = window.doc.store
    for i in range(12):
        skill = ops.add_skill(store, f"Skill with a longer name {i}", "mentor" if i % 2 else "mentee")
        ops.add_rating(store, skill, date(2026, 1, 5), 1 + i % 5)
        ops.add_rating(store, skill, date(2026, 2, 5), 1 + (i + 1) % 5, rated_by="partner")
    window.doc.changed.emit(frozenset({"skills", "ratings"}), None)
    window.resize(760, 520)  # the window's smallest size
    tab = skills_tab(window)
    fig = figure(qtbot, tab)
    assert len(fig.panels) == 12
    viewport = tab.chart.scroller.viewport()
    qtbot.waitUntil(lambda: tab.canvas.height() > viewport.height())  # it scrolls...
    fig = figure(qtbot, tab)
    assert_laid_out(fig)  # ...and every panel is readable
    assert min(p.plot[3] for p in fig.panels) >= 3 * fig.font_size
    tab.person_filter.setCurrentIndex(tab.person_filter.findData("mentor"))
    tab.skill_filter.setCurrentIndex(1)  # one skill: the large chart fits, no scrolling
    qtbot.waitUntil(lambda: tab.canvas.height() <= viewport.height())
    assert_laid_out(figure(qtbot, tab))


def test_words_in_the_tables_are_shown_whole(skills_window: MainWindow, qtbot: Any) -> None:
    doc = skills_window.doc
    doc.run(commands.update_partnership(mentor_name="Robert Halvorsen-Whitaker"))
    tab = skills_tab(skills_window)
    doc.run(commands.update_skill(
        next(s.id for s in ops.list_skills(doc.store) if s.name == "Negotiation"), "Change Focus Area",
        focus_area="Workplace communication"))
    view, model = tab.skills_view, tab.skill_model
    metrics = view.fontMetrics()
    for col in (SkillTableModel.NAME, SkillTableModel.WHOSE, SkillTableModel.FOCUS, SkillTableModel.GAP):
        icon = view.iconSize().width() if col == SkillTableModel.GAP else 0
        for row in range(model.rowCount()):
            text = model.index(row, col).data() or ""
            assert view.columnWidth(col) >= metrics.horizontalAdvance(text) + icon + 6, (col, text)
    # Who gives a rating, in the form and in the table's editor: the whole name.
    tab.skills_view.selectRow(next(r for r in range(model.rowCount())
                                   if model.skill_at(r).name == "LinkedIn presence"))
    rate_by = tab.rate_by
    longest = max(rate_by.fontMetrics().horizontalAdvance(t)
                  for t in (rate_by.itemText(i) for i in range(rate_by.count())))
    assert "Partner (Robert Halvorsen-Whitaker)" in all_shown(rate_by.itemText(i) for i in range(rate_by.count()))
    assert rate_by.width() >= longest
    editor = edit_cell(qtbot, tab.ratings_view, 0, 2)  # Rated by
    assert isinstance(editor, QComboBox)
    widest = max(editor.fontMetrics().horizontalAdvance(editor.itemText(i)) for i in range(editor.count()))
    assert editor.width() >= widest
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_at_device_pixel_ratio_2_the_chart_is_sharp_and_laid_out_clear(tmp_path: Path, skills_file: Path) -> None:
    result = _run(f"""
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from revmentor_desktop.ui.window import MainWindow
        from tests.test_charts import assert_laid_out
        win = MainWindow()
        win.show()
        assert win.open_file({str(skills_file)!r})
        tab = win.skills_tab
        win.tabs.setCurrentWidget(tab)
        for _ in range(200):
            app.processEvents()
            if tab.settled():
                break
        assert tab.canvas.devicePixelRatioF() == 2
        tab.canvas.draw()
        fig = tab.canvas.figure
        assert fig.dpi == 200 and len(fig.panels) == 4, (fig.dpi, len(fig.panels))
        assert_laid_out(fig)
        win.close()
        print("ok")
    """, tmp_path, QT_SCALE_FACTOR="2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
