"""The Skills tab worked as a user does: add skills and ratings, read the chart, filter, undo."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QSpinBox

from revmentor_desktop.data import commands, ops
from revmentor_desktop.data.store import Store
from revmentor_desktop.ui.skills import (
    RatingTableModel,
    SkillsTab,
    SkillTableModel,
)
from revmentor_desktop.ui.tab import Tab
from revmentor_desktop.ui.window import MainWindow
from tests.helpers import all_shown, find_shown, shown

EDITING = QAbstractItemView.State.EditingState
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def skills_tab(win: MainWindow) -> SkillsTab:
    """The Skills tab, shown (built now if the window has not built it yet)."""
    assert win.tabs is not None and win.doc is not None
    tab = win.skills_tab
    assert isinstance(tab, SkillsTab)
    win.tabs.setCurrentWidget(tab)
    qtbot_wait(tab)
    return tab


def qtbot_wait(tab: SkillsTab) -> None:
    """Let the tab finish what it does after painting (the session list, the chart)."""
    from pytestqt.qtbot import QtBot

    QtBot(tab).waitUntil(tab.settled, timeout=10_000)


def figure(qtbot: Any, tab: SkillsTab) -> Any:
    """The chart's Figure once it is up to date, drawn (so any matplotlib warning fails the test)."""
    qtbot.waitUntil(lambda: tab.canvas is not None and not tab._chart_dirty)
    assert tab.canvas is not None
    tab.canvas.draw()
    return tab.canvas.figure


def data_lines(fig: Any) -> list[tuple[str, Any]]:
    """The plotted rating lines, each with its label: "<skill> (<whose>) — self" or "— partner"."""
    return [(f"{p.series.label} — {ln.get_label()}", ln) for p in fig.panels for ln in p.lines[:2]
            if len(ln.get_xdata())]


def labels(fig: Any) -> list[str]:
    return all_shown(label for label, _line in data_lines(fig))


def target_levels(fig: Any) -> list[float]:
    return [p.lines[2].get_ydata()[0] for p in fig.panels]


def gap_notes(fig: Any) -> dict[str, str]:
    """Each gap note by the title of the panel it is in."""
    return {p.title.get_text(): p.gap.get_text() for p in fig.panels if p.gap is not None}


def messages(fig: Any) -> list[str]:
    return [fig.message.get_text()] if fig.message is not None else []


def edit_cell(qtbot: Any, view: QAbstractItemView, row: int, column: int) -> Any:
    """Open the editor of a cell as F2 does and return it."""
    index = view.model().index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == EDITING
    return view.focusWidget()


def finish(qtbot: Any, view: QAbstractItemView, editor: Any) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != EDITING)


def rate(qtbot: Any, tab: SkillsTab, day: date, level: int, by: str = "self", note: str = "") -> None:
    """Fill in the new-rating form and press Add Rating."""
    tab.rate_date.setDate(QDate(day.year, day.month, day.day))
    tab.rate_level.setFocus()
    tab.rate_level.selectAll()
    qtbot.keyClicks(tab.rate_level, str(level))
    tab.rate_by.setCurrentIndex(tab.rate_by.findData(by))
    if note:
        qtbot.keyClicks(tab.rate_note, note)
    qtbot.mouseClick(tab.add_rating_button, Qt.MouseButton.LeftButton)


def gap_cell(tab: SkillsTab, row: int) -> tuple[str, Any]:
    index = tab.skill_model.index(row, SkillTableModel.GAP)
    return index.data(), index.data(Qt.ItemDataRole.DecorationRole)


# -- adding skills and ratings ---------------------------------------------------------------------


def test_add_a_skill_and_three_ratings_and_read_the_chart(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    tab = skills_tab(window)
    assert tab.left.currentWidget() is tab.empty_page
    fig = figure(qtbot, tab)
    assert any("Add a skill" in t for t in messages(fig))  # not a blank chart

    qtbot.mouseClick(tab.empty_add_button, Qt.MouseButton.LeftButton)
    view = tab.skills_view
    assert tab.left.currentWidget() is tab.tables_page
    assert view.state() == EDITING  # the name is ready to type over
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.selectedText() == "New skill"
    qtbot.keyClicks(editor, "Public speaking")
    finish(qtbot, view, editor)

    spin = edit_cell(qtbot, view, 0, SkillTableModel.TARGET)
    assert isinstance(spin, QSpinBox)
    spin.selectAll()
    qtbot.keyClicks(spin, "5")
    finish(qtbot, view, spin)
    area = edit_cell(qtbot, view, 0, SkillTableModel.FOCUS)
    assert isinstance(area, QComboBox) and area.isEditable()
    qtbot.keyClicks(area.lineEdit(), "Leadership")
    finish(qtbot, view, area)

    rate(qtbot, tab, date(2026, 2, 2), 2)
    rate(qtbot, tab, date(2026, 3, 2), 3, note="Spoke at the town hall")
    rate(qtbot, tab, date(2026, 3, 2), 3, by="partner")
    assert tab.rating_model.rowCount() == 3
    assert tab.skill_model.index(0, SkillTableModel.SELF).data() == "3"
    assert tab.skill_model.index(0, SkillTableModel.PARTNER).data() == "3"
    assert tab.rate_note.text() == ""  # the form is ready for the next rating

    fig = figure(qtbot, tab)
    lines = data_lines(fig)
    assert len(lines) == 2
    (self_label, self_line), (partner_label, partner_line) = lines
    assert "Public speaking" in self_label and self_label.endswith("self")
    assert self_line.get_linestyle() == "-" and list(self_line.get_ydata()) == [2, 3]
    assert partner_label.endswith("partner") and partner_line.get_linestyle() == "--"
    assert target_levels(fig) == [5]
    assert fig.panels[0].title.get_text() == "Public speaking"  # one skill: the large chart
    assert any("(self)" in t.get_text() for t in fig.legend_artists if hasattr(t, "get_text"))
    assert "Public speaking" in tab.canvas.accessibleDescription()

    window.close()
    store = Store.open(partnership_file)
    (skill,) = ops.list_skills(store)
    assert (skill.name, skill.owner, skill.target_level, skill.focus_area) == (
        "Public speaking", "mentee", 5, "Leadership")
    ratings = ops.list_ratings(store, skill.id)
    assert [(r.rated_on, r.level, r.rated_by, r.note) for r in ratings] == [
        (date(2026, 2, 2), 2, "self", ""),
        (date(2026, 3, 2), 3, "self", "Spoke at the town hall"),
        (date(2026, 3, 2), 3, "partner", ""),
    ]
    store.close()


def test_ctrl_n_adds_a_skill_for_the_person_shown_and_undo_removes_it(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    tab = skills_tab(window)
    tab.person_filter.setCurrentIndex(tab.person_filter.findData("mentor"))
    window.new_item_action.trigger()  # Ctrl+N
    editor = tab.skills_view.focusWidget()
    qtbot.keyClicks(editor, "Coaching")
    finish(qtbot, tab.skills_view, editor)
    whose = edit_cell(qtbot, tab.skills_view, 0, SkillTableModel.WHOSE)
    assert isinstance(whose, QComboBox)
    assert shown(whose.currentText()) == "Dana Lee (mentor)"
    assert shown(tab.skill_model.index(0, SkillTableModel.WHOSE).data()) == "Dana Lee"
    qtbot.keyClick(whose, Qt.Key.Key_Escape)
    (skill,) = ops.list_skills(window.doc.store)
    assert (skill.name, skill.owner) == ("Coaching", "mentor")
    window.undo_action.trigger()  # the rename
    window.undo_action.trigger()  # the skill itself
    assert ops.list_skills(window.doc.store) == []
    assert tab.left.currentWidget() is tab.empty_page


def test_typing_in_a_cell_is_saved_when_the_window_closes(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    tab = skills_tab(window)
    tab.new_item()
    qtbot.keyClicks(tab.skills_view.focusWidget(), "Storytelling")
    window.close()  # no Enter: the open editor is saved all the same
    store = Store.open(partnership_file)
    assert [s.name for s in ops.list_skills(store)] == ["Storytelling"]
    store.close()


def test_undo_while_typing_in_a_cell_undoes_the_typing(window: MainWindow, qtbot: Any) -> None:
    tab = skills_tab(window)
    tab.new_item()
    qtbot.keyClicks(tab.skills_view.focusWidget(), "Storytelling")
    window.undo_action.trigger()  # Edit > Undo: the typing is saved, then undone
    assert tab.skills_view.state() != EDITING
    assert [s.name for s in ops.list_skills(window.doc.store)] == ["New skill"]
    window.redo_action.trigger()
    assert tab.skill_model.index(0, SkillTableModel.NAME).data() == "Storytelling"


def test_a_refused_name_is_explained(window: MainWindow, qtbot: Any) -> None:
    tab = skills_tab(window)
    tab.new_item()
    editor = tab.skills_view.focusWidget()
    editor.clear()
    finish(qtbot, tab.skills_view, editor)
    assert tab.problem.isVisibleTo(tab) and "Skill name" in tab.problem.text()
    assert ops.list_skills(window.doc.store)[0].name == "New skill"


# -- the gap flag ----------------------------------------------------------------------------------


def test_gap_flag_appears_at_two_levels_apart_and_goes_when_fixed(
        window: MainWindow, qtbot: Any, partnership_file: Path) -> None:
    tab = skills_tab(window)
    tab.new_item()
    editor = tab.skills_view.focusWidget()
    qtbot.keyClicks(editor, "Delegation")
    finish(qtbot, tab.skills_view, editor)
    rate(qtbot, tab, date(2026, 2, 2), 2)
    rate(qtbot, tab, date(2026, 2, 2), 3, by="partner")
    assert gap_cell(tab, 0) == ("", None)  # one level apart is no gap

    rate(qtbot, tab, date(2026, 3, 2), 4, by="partner")
    text, icon = gap_cell(tab, 0)
    assert text == "2 apart — talk about it" and icon is not None
    assert "Morgan Hale rates this 2" in shown(tab.skill_model.index(0, SkillTableModel.GAP).data(
        Qt.ItemDataRole.ToolTipRole))
    fig = figure(qtbot, tab)
    assert gap_notes(fig) == {"Delegation": "gap 2: self 2, partner 4"}

    # The partner thinks again: change the level of their latest rating in the table.
    view = tab.ratings_view
    row = next(r for r in range(tab.rating_model.rowCount())
               if tab.rating_model.rating_at(r).level == 4)
    spin = edit_cell(qtbot, view, row, RatingTableModel.LEVEL)
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    finish(qtbot, view, spin)
    assert gap_cell(tab, 0) == ("", None)
    fig = figure(qtbot, tab)
    assert gap_notes(fig) == {}

    window.close()
    store = Store.open(partnership_file)
    assert sorted(r.level for r in ops.list_ratings(store)) == [2, 3, 3]
    store.close()


# -- a partnership with skills ---------------------------------------------------------------------


@pytest.fixture
def skills_file(partnership_file: Path) -> Path:
    """Two skills each, rated over three sessions (one private), one with a gap."""
    store = Store.open(partnership_file)
    e1 = ops.add_entry(store, date(2026, 1, 12), topics="Kick-off")
    e2 = ops.add_entry(store, date(2026, 2, 9), topics="Board decks", private=True)
    ops.add_entry(store, date(2026, 3, 9), topics="Prompting")
    ai = ops.add_skill(store, "Using AI assistants", "mentee", target_level=4)
    li = ops.add_skill(store, "LinkedIn presence", "mentee", target_level=3)
    ex = ops.add_skill(store, "Executive presence", "mentor", target_level=4)
    ops.add_skill(store, "Negotiation", "mentor", target_level=3)  # not rated yet
    for skill, levels in ((ai, (1, 2, 3)), (li, (1, 2, 2)), (ex, (1, 2, 2))):
        for day, level, entry in zip((date(2026, 1, 12), date(2026, 2, 9), date(2026, 3, 9)), levels,
                                     (e1, e2, None), strict=True):
            ops.add_rating(store, skill, day, level, rated_by="self", entry_id=entry)
    ops.add_rating(store, ai, date(2026, 3, 9), 3, rated_by="partner")
    ops.add_rating(store, ex, date(2026, 3, 9), 4, rated_by="partner", note="She undersells it")
    store.close()
    return partnership_file


@pytest.fixture
def skills_window(qtbot: Any, skills_file: Path, fake_dialogs: Any) -> Any:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(skills_file)
    yield win
    win.close()


def row_of(tab: SkillsTab, name: str) -> int:
    return next(r for r in range(tab.skill_model.rowCount())
                if tab.skill_model.skill_at(r).name == name)


def test_tables_show_latest_levels_gaps_and_sessions(skills_window: MainWindow, qtbot: Any) -> None:
    tab = skills_tab(skills_window)
    model = tab.skill_model
    QAbstractItemModelTester(model, FATAL)
    QAbstractItemModelTester(tab.rating_model, FATAL)
    QAbstractItemModelTester(tab.sessions, FATAL)
    assert model.rowCount() == 4
    ex = row_of(tab, "Executive presence")
    assert all_shown(str(model.index(ex, c).data()) for c in range(7)) == [
        "Executive presence", "Dana Lee", "", "4", "2", "4", "2 apart — talk about it"]
    neg = row_of(tab, "Negotiation")
    assert model.index(neg, SkillTableModel.SELF).data() == "—"

    tab.skills_view.selectRow(row_of(tab, "Using AI assistants"))
    ratings = tab.rating_model
    assert ratings.rowCount() == 4
    assert [ratings.index(r, RatingTableModel.SESSION).data() for r in range(4)] == [
        "12 Jan 2026 — Kick-off", "9 Feb 2026 — Board decks", "", ""]
    assert ratings.index(3, RatingTableModel.BY).data() == "Partner"
    assert "Partner (Dana Lee)" in shown(ratings.index(3, RatingTableModel.BY).data(Qt.ItemDataRole.ToolTipRole))
    assert "Using AI assistants" in tab.ratings_heading.text()

    # Screen-share mode hides the private session's topics, not the rating.
    skills_window.hide_private_action.trigger()
    assert ratings.rowCount() == 4
    assert ratings.index(1, RatingTableModel.SESSION).data() == "a private session (hidden)"
    assert tab.rate_session.findText("9 Feb 2026 — Board decks") == -1
    combo = edit_cell(qtbot, tab.ratings_view, 1, RatingTableModel.SESSION)
    assert combo.currentText() == "a private session (hidden)"
    assert combo.findText("9 Feb 2026 — Board decks") == -1
    finish(qtbot, tab.ratings_view, combo)  # Enter keeps the link it cannot show
    rating_id = tab.rating_model.rating_at(1).id
    assert next(r for r in ops.list_ratings(skills_window.doc.store) if r.id == rating_id).entry_id == 2
    skills_window.hide_private_action.trigger()

    # The models stay sound through edits, deletes and undo with the testers attached.
    tab.skills_view.selectRow(ex)
    tab.skills_view.setFocus()
    skills_window.delete_action.trigger()
    skills_window.undo_action.trigger()
    tab.new_item()
    qtbot.keyClick(tab.skills_view.focusWidget(), Qt.Key.Key_Escape)
    skills_window.undo_action.trigger()


def test_rating_from_a_session_and_edits_in_the_ratings_table(
        skills_window: MainWindow, qtbot: Any, skills_file: Path) -> None:
    tab = skills_tab(skills_window)
    tab.skills_view.selectRow(row_of(tab, "LinkedIn presence"))
    # A rating dated on a session day is taken to come from that session.
    rate(qtbot, tab, date(2026, 3, 9), 3, note="Posted twice")
    assert tab.rate_session.currentText() == "9 Mar 2026 — Prompting"
    view = tab.ratings_view
    last = tab.rating_model.rowCount() - 1
    assert tab.rating_model.index(last, RatingTableModel.SESSION).data() == "9 Mar 2026 — Prompting"

    # Who rated, the session and the note are edited in place.
    combo = edit_cell(qtbot, view, last, RatingTableModel.BY)
    assert all_shown(combo.itemText(i) for i in range(combo.count())) == ["Self (Morgan Hale)",
                                                                 "Partner (Dana Lee)"]
    combo.setCurrentIndex(1)
    combo.activated.emit(1)  # a pick from the list saves at once
    qtbot.waitUntil(lambda: view.state() != EDITING)
    combo = edit_cell(qtbot, view, last, RatingTableModel.SESSION)
    combo.setCurrentIndex(combo.findText("— none —"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: view.state() != EDITING)
    note = edit_cell(qtbot, view, last, RatingTableModel.NOTE)
    note.selectAll()
    qtbot.keyClicks(note, "Posted <b>twice</b> & commented")
    finish(qtbot, view, note)
    date_edit = edit_cell(qtbot, view, last, RatingTableModel.DATE)
    date_edit.setDate(QDate(2026, 3, 10))
    finish(qtbot, view, date_edit)

    # User text stays text, in cells and in tooltips.
    cell = tab.rating_model.index(last, RatingTableModel.NOTE)
    assert cell.data() == "Posted <b>twice</b> & commented"
    assert "&lt;b&gt;twice&lt;/b&gt; &amp;" in cell.data(Qt.ItemDataRole.ToolTipRole)

    skills_window.close()
    store = Store.open(skills_file)
    skill = next(s for s in ops.list_skills(store) if s.name == "LinkedIn presence")
    newest = ops.list_ratings(store, skill.id)[-1]
    assert (newest.rated_on, newest.level, newest.rated_by, newest.note, newest.entry_id) == (
        date(2026, 3, 10), 3, "partner", "Posted <b>twice</b> & commented", None)
    store.close()


def test_delete_a_skill_and_undo_brings_its_ratings_back(
        skills_window: MainWindow, qtbot: Any, skills_file: Path) -> None:
    tab = skills_tab(skills_window)
    store = skills_window.doc.store
    ex = next(s for s in ops.list_skills(store) if s.name == "Executive presence")
    before = ops.list_ratings(store, ex.id)
    assert len(before) == 4
    tab.skills_view.selectRow(row_of(tab, "Executive presence"))
    tab.skills_view.setFocus()
    skills_window.delete_action.trigger()  # Delete with the skills table focused
    assert tab.skill_model.rowCount() == 3
    assert ops.list_ratings(store, ex.id) == []
    assert "brings it back" in skills_window.statusBar().currentMessage()
    skills_window.undo_action.trigger()
    assert tab.skill_model.rowCount() == 4
    assert gap_cell(tab, row_of(tab, "Executive presence"))[0].startswith("2 apart")

    # The Delete key in the ratings table deletes just the selected rating.
    tab.skills_view.selectRow(row_of(tab, "Executive presence"))
    tab.ratings_view.setFocus()
    tab.ratings_view.selectRow(0)
    qtbot.keyClick(tab.ratings_view, Qt.Key.Key_Delete)
    assert tab.rating_model.rowCount() == 3 and tab.skill_model.rowCount() == 4
    skills_window.delete_action.trigger()  # Edit > Delete, the ratings table still focused
    assert tab.rating_model.rowCount() == 2 and tab.skill_model.rowCount() == 4
    skills_window.undo_action.trigger()
    skills_window.undo_action.trigger()
    assert tab.rating_model.rowCount() == 4

    # ... and in the skills table, the selected skill.
    tab.skills_view.selectRow(row_of(tab, "Negotiation"))
    qtbot.keyClick(tab.skills_view, Qt.Key.Key_Delete)
    assert tab.skill_model.rowCount() == 3
    skills_window.undo_action.trigger()

    # Delete in the rating form or the chart's filter deletes nothing: not the skill above.
    for control in (tab.rate_level, tab.rate_by, tab.add_rating_button, tab.skill_filter):
        control.setFocus()
        qtbot.keyClick(control, Qt.Key.Key_Delete)
        assert tab.skill_model.rowCount() == 4 and tab.rating_model.rowCount() == 4, control

    skills_window.close()
    store = Store.open(skills_file)
    assert ops.list_ratings(store, ex.id) == before
    store.close()


# -- the models under Qt's model tester (it stays attached through the edits that follow) -----------


def test_the_skills_model_is_a_sound_model(
        skills_window: MainWindow, qtbot: Any, qtmodeltester: Any) -> None:
    tab = skills_tab(skills_window)
    assert tab.skill_model.rowCount() == 4
    qtmodeltester.check(tab.skill_model)
    tab.new_item()  # a row inserted, then renamed
    editor = tab.skills_view.focusWidget()
    qtbot.keyClicks(editor, "Storytelling")
    finish(qtbot, tab.skills_view, editor)
    assert tab.skill_model.rowCount() == 5
    tab.delete_skill()  # a row removed
    skills_window.undo_action.trigger()  # and back
    skills_window.doc.run(commands.update_partnership(mentee_name="Morgan Hale-Ng"))  # every row
    assert tab.skill_model.rowCount() == 5


def test_the_ratings_model_is_a_sound_model(
        skills_window: MainWindow, qtbot: Any, qtmodeltester: Any) -> None:
    tab = skills_tab(skills_window)
    tab.skills_view.selectRow(row_of(tab, "Using AI assistants"))
    assert tab.rating_model.rowCount() == 4
    qtmodeltester.check(tab.rating_model)
    rate(qtbot, tab, date(2026, 4, 6), 4, note="Built a prompt library")  # a row inserted
    assert tab.rating_model.rowCount() == 5
    tab.ratings_view.selectRow(0)
    tab.delete_rating()  # a row removed
    tab.skills_view.selectRow(row_of(tab, "Executive presence"))  # another skill's rows
    assert tab.rating_model.rowCount() == 4
    skills_window.hide_private_action.trigger()  # the sessions column changes in every row
    skills_window.hide_private_action.trigger()


def test_the_sessions_model_is_a_sound_model(
        skills_window: MainWindow, qtmodeltester: Any) -> None:
    tab = skills_tab(skills_window)
    assert tab.sessions.rowCount() == 4  # "— none —" and three sessions
    qtmodeltester.check(tab.sessions)
    from PySide6.QtCore import Qt

    locked = [tab.sessions.index(r, 0).data(Qt.ItemDataRole.DecorationRole) is not None
              for r in range(tab.sessions.rowCount())]
    assert locked.count(True) == 1  # the private one shows its lock, as in the journal
    skills_window.hide_private_action.trigger()  # the private session leaves the list
    assert tab.sessions.rowCount() == 3
    skills_window.hide_private_action.trigger()
    qtbot_wait(tab)
    assert tab.sessions.rowCount() == 4


def test_the_tab_keeps_to_the_windows_tab_protocol(window: MainWindow) -> None:
    tab = skills_tab(window)
    assert isinstance(tab, Tab)
    assert not tab.has_unsaved()  # a cell's editor holds nothing that flush does not save
    tab.show_problem("Skill name cannot be empty.")
    assert not tab.problem.isHidden() and tab.problem.text() == "Skill name cannot be empty."
    tab.show_problem("")  # "" clears it
    assert tab.problem.isHidden()


# -- the chart -------------------------------------------------------------------------------------


def test_filters_change_the_plotted_lines(skills_window: MainWindow, qtbot: Any) -> None:
    tab = skills_tab(skills_window)
    fig = figure(qtbot, tab)
    assert len(labels(fig)) == 5  # three skills rated by self, two of them by the partner too
    assert sorted(target_levels(fig)) == [3, 3, 4, 4]  # a panel per skill, Negotiation unrated
    assert gap_notes(fig) == {"Executive presence": "gap 2"}  # in the panel of the skill

    tab.person_filter.setCurrentIndex(tab.person_filter.findData("mentor"))
    fig = figure(qtbot, tab)
    assert labels(fig) == [
        "Executive presence (Dana Lee) — self", "Executive presence (Dana Lee) — partner"]
    # The skill filter offers only the person's skills.
    assert all_shown(tab.skill_filter.itemText(i) for i in range(tab.skill_filter.count())) == [
        "All", "Executive presence (Dana Lee)", "Negotiation (Dana Lee)"]

    tab.person_filter.setCurrentIndex(0)
    tab.skill_filter.setCurrentIndex(find_shown(tab.skill_filter, "LinkedIn presence (Morgan Hale)"))
    fig = figure(qtbot, tab)
    assert labels(fig) == ["LinkedIn presence (Morgan Hale) — self"]
    assert target_levels(fig) == [3]

    tab.skill_filter.setCurrentIndex(find_shown(tab.skill_filter, "Negotiation (Dana Lee)"))
    fig = figure(qtbot, tab)
    assert data_lines(fig) == []
    assert any("Rate a skill" in t for t in messages(fig))


def test_chart_redraws_only_for_its_data_and_once_when_shown(
        skills_window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = skills_tab(skills_window)
    figure(qtbot, tab)
    redraws: list[int] = []
    real_redraw = tab.redraw_chart
    monkeypatch.setattr(tab, "redraw_chart", lambda: (redraws.append(1), real_redraw()))
    overview = skills_window.tabs.widget(0)
    skills_window.tabs.setCurrentWidget(overview)
    skills_window.tabs.setCurrentWidget(tab)
    qtbot.wait(50)
    assert redraws == []  # a tab switch does not redraw

    skills_window.tabs.setCurrentWidget(overview)
    doc = skills_window.doc
    store = doc.store
    ai = next(s for s in ops.list_skills(store) if s.name == "Using AI assistants")
    for level in (4, 5):  # two changes while hidden
        doc.run(commands.add_rating(ai.id, date(2026, 4, 1), level))
    doc.run(commands.update_entry(1, "Edit Topics", topics="Kick-off!"))
    assert redraws == []
    skills_window.tabs.setCurrentWidget(tab)
    second = figure(qtbot, tab)
    assert redraws == [1]  # once, when shown
    assert any(5 in ln.get_ydata() for _label, ln in data_lines(second))

    # Journal edits and other partnership details do not touch the chart; new names do.
    doc.run(commands.update_entry(1, "Edit Topics", topics="Kick-off"))
    doc.run(commands.update_partnership(organisation="Initech"))
    qtbot.wait(50)
    assert redraws == [1]
    # A rename is a partnership change that names the partners (as the Overview sends it).
    doc.run(commands.update_partnership(mentee_name="Morgan Hale-Ng"))
    third = figure(qtbot, tab)
    assert redraws == [1, 1]
    assert any("Morgan Hale-Ng" in label for label in labels(third))
    assert shown(tab.person_filter.itemText(2)) == "Morgan Hale-Ng (mentee)"


def test_user_text_in_the_chart_is_plain(window: MainWindow, qtbot: Any) -> None:
    tab = skills_tab(window)
    tab.new_item()
    editor = tab.skills_view.focusWidget()
    name = r"Costs in $\\b$ and $\alpha$"  # matplotlib would read maths here, and fail on it
    qtbot.keyClicks(editor, name)
    finish(qtbot, tab.skills_view, editor)
    rate(qtbot, tab, date(2026, 2, 2), 3)
    fig = figure(qtbot, tab)  # drawing raises ValueError if "$...$" is parsed as maths
    assert name in data_lines(fig)[0][0]
    title = fig.panels[0].title
    assert title.get_text() == name and not title.get_parse_math()


def test_in_the_smallest_window_the_rating_form_scrolls_instead_of_overlapping(
        window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

    ops.add_skill(window.doc.store, "Prompt writing", "mentor")
    window.doc.changed.emit(frozenset({"skills"}), None)
    window.resize(760, 520)  # the window's smallest size
    tab = skills_tab(window)
    qtbot.waitUntil(lambda: tab.tables_page.isVisible())
    qtbot.wait(50)

    def rect(w: QWidget) -> QRect:  # the part of `w` on screen, in the tab's coordinates
        shown = w.visibleRegion().boundingRect()
        return QRect(w.mapTo(tab, shown.topLeft()), shown.size())

    parts = [tab.ratings_view, tab.rate_date.parentWidget(), tab.rate_level.parentWidget(),
             tab.rate_by.parentWidget(), tab.rate_note, tab.rate_session, tab.add_rating_button,
             tab.skills_view, tab.add_skill_button]
    for i, a in enumerate(parts):
        for b in parts[i + 1:]:
            assert not rect(a).intersected(rect(b)).isValid(), (a, b)
    # every field can still be reached: tabbing to one scrolls it into view
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    tab.rate_note.setFocus()
    for _ in range(6):
        if tab.rate_session.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert tab.rate_session.hasFocus()
    qtbot.waitUntil(lambda: tab.rate_session.visibleRegion().boundingRect().height()
                    == tab.rate_session.height())


# -- matplotlib stays out of start-up --------------------------------------------------------------


def _run(code: str, tmp_path: Path, **env_vars: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"), **env_vars)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_importing_the_window_and_the_tab_does_not_import_matplotlib(tmp_path: Path) -> None:
    result = _run("""
        import sys
        import revmentor_desktop.ui.window
        import revmentor_desktop.ui.skills
        assert "matplotlib" not in sys.modules, "matplotlib imported"
        assert "revmentor_desktop.report.charts" not in sys.modules
        print("ok")
    """, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_hidden_skills_tab_does_not_import_matplotlib(tmp_path: Path, skills_file: Path) -> None:
    result = _run(f"""
        import sys
        from datetime import date
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from revmentor_desktop.ui.window import MainWindow
        from revmentor_desktop.ui.skills import SkillsTab
        from revmentor_desktop.data import ops
        win = MainWindow()
        win.show()
        assert win.open_file({str(skills_file)!r})
        win.build_all_tabs()  # built, registered, but not shown
        tab = win.skills_tab
        assert isinstance(tab, SkillsTab)
        assert win.tabs.currentWidget() is not tab
        from revmentor_desktop.data import commands
        win.doc.run(commands.add_skill("Podcasting", "mentor"))
        for _ in range(20):
            app.processEvents()
        assert "matplotlib" not in sys.modules, "matplotlib imported"
        win.tabs.setCurrentWidget(tab)
        for _ in range(50):
            app.processEvents()
            if tab.canvas is not None:
                break
        assert tab.canvas is not None and "matplotlib" in sys.modules
        win.close()
        print("ok")
    """, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_deleting_a_session_refreshes_the_ratings_it_unlinked(
        skills_window: MainWindow, qtbot: Any) -> None:
    """The Skills tab knows nothing of journal entries: the delete says it changed ratings."""
    tab = skills_tab(skills_window)
    tab.skills_view.selectRow(row_of(tab, "Using AI assistants"))
    ratings = tab.rating_model
    assert ratings.index(0, RatingTableModel.SESSION).data() == "12 Jan 2026 — Kick-off"
    journal = skills_window.journal_tab
    skills_window.tabs.setCurrentWidget(journal)
    kick_off = next(e.id for e in ops.list_entries(skills_window.doc.store) if e.topics == "Kick-off")
    assert journal.select_entry(kick_off)
    journal.delete_entry()
    skills_window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: ratings.index(0, RatingTableModel.SESSION).data() == "")
    assert ratings.rating_at(0).entry_id is None  # the rows themselves were read again
    skills_window.undo_action.trigger()  # and undo links them again
    qtbot.waitUntil(lambda: ratings.index(0, RatingTableModel.SESSION).data()
                    == "12 Jan 2026 — Kick-off")
    assert ratings.rating_at(0).entry_id == kick_off


def test_the_rating_form_fits_without_scrolling_in_a_laptop_sized_window(
        skills_window: MainWindow, qtbot: Any) -> None:
    """Qt's default table height (192 px) was asked for in full by the scrolling pane, so on a
    1280×800 screen (2560×1600 at scale 2) "Add Rating" sat under the fold."""
    from PySide6.QtWidgets import QScrollArea, QTableView

    skills_window.resize(1152, 720)
    tab = skills_tab(skills_window)
    qtbot_wait(tab)
    pane = tab.ratings_pane
    [table] = pane.findChildren(QTableView)
    assert table.sizeHint().height() == table.minimumHeight()  # it grows into the room there is
    area = pane.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    assert pane.height() <= area.viewport().height()  # no scrolling to reach the buttons
    assert table.height() > table.minimumHeight()
