"""The Check-ins & Reviews tab as a user meets it: check-ins typed and rated, reviews started from a
copy of the goals, what was achieved written in the table, the decision and what it does to the
partnership (closing, reopening), deleting and undoing — each checked against the file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from revmentor_desktop.data import ops, reads
from revmentor_desktop.data.commands import Change
from revmentor_desktop.data.compute import default_review_date
from revmentor_desktop.data.store import Store
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.practice import PracticeTab
from revmentor_desktop.ui.practice.review_goals import ReviewGoalsModel
from revmentor_desktop.ui.tab import Tab
from revmentor_desktop.ui.window import MainWindow
from tests.helpers import shown

REVIEW_DAY = date(2026, 6, 1)  # after the fixture's start (5 Jan 2026), whatever day the tests run


@pytest.fixture
def tab(window: MainWindow) -> PracticeTab:
    """The Check-ins & Reviews tab, shown."""
    assert window.tabs is not None
    practice = window.practice_tab
    assert isinstance(practice, PracticeTab)
    window.tabs.setCurrentWidget(practice)
    return practice


@contextmanager
def reopened(path: Path) -> Iterator[Store]:
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


def check_ins(path: Path) -> list[Any]:
    with reopened(path) as store:
        return ops.list_check_ins(store)


def reviews(path: Path) -> list[reads.ReviewRow]:
    with reopened(path) as store:
        return reads.list_reviews(store)


def partnership(path: Path) -> reads.PartnershipRow:
    with reopened(path) as store:
        return reads.get_partnership(store)


def list_texts(tab: PracticeTab) -> list[str]:
    return [shown(tab.model.index(i, 0).data()) for i in range(tab.model.rowCount())]


def click_star(qtbot: Any, tab: PracticeTab, star: int) -> None:
    stars = tab.check_in.usefulness.stars
    cell = stars._cell()
    qtbot.mouseClick(stars, Qt.MouseButton.LeftButton, pos=QPoint(int(2 + cell * (star - 0.5)), stars.height() // 2))


def seed_goal(window: MainWindow, title: str, **values: Any) -> int:
    """A goal set in the Goals tab; this tab hears of it through `changed`."""
    assert window.doc is not None
    goal_id = ops.add_goal(window.doc.store, title, **values)
    window.doc.changed.emit(frozenset({Change.GOALS}), None)
    return goal_id


def start_review(qtbot: Any, tab: PracticeTab, *, closing: bool = False) -> int:
    """Start Review… → the dialog → Start Review; returns the new review's id."""
    qtbot.mouseClick(tab.items.review_button, Qt.MouseButton.LeftButton)
    dialog = tab.start_dialog
    assert dialog is not None and dialog.isVisible()
    if closing:
        qtbot.mouseClick(dialog.kind.buttons["closing"], Qt.MouseButton.LeftButton)
    dialog.day.set_value(REVIEW_DAY)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert tab.review.review_id is not None
    assert tab.right.currentWidget() is tab.review_page
    return tab.review.review_id


def edit_cell(qtbot: Any, tab: PracticeTab, row: int, column: int) -> QPlainTextEdit:
    """Select a cell of the goals table and press F2: the editor has the focus."""
    view = tab.review.goals
    view.setFocus()
    view.setCurrentIndex(tab.review.goals_model.index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit) and editor.parent() is view.viewport()
    return editor


# -- the tab in the window -------------------------------------------------------------------------


def test_the_tab_is_registered_and_teaches_the_practice_before_any_entry(window: MainWindow,
                                                                          tab: PracticeTab) -> None:
    assert isinstance(tab, Tab)
    assert window.tabs is not None
    assert window.tabs.titles()[-1] == "Check-ins & Reviews"
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "&Check-ins && Reviews"
    assert window.tab_actions[-1].text() == "&Check-ins && Reviews"  # one "&", not a second mnemonic
    assert window.tabs.show_titled("Check-ins & Reviews")  # how the Overview's Check In… finds it
    assert tab.items.stack.currentWidget() is tab.items.empty
    assert "junior partner's view counts as much as the senior's" in tab.items.empty_text.text()
    assert tab.right.currentWidget() is tab.nothing
    assert "Ctrl+N" in tab.nothing.text()
    assert not tab.items.delete_button.isEnabled()
    assert not tab.banner.isVisible()


# -- check-ins -------------------------------------------------------------------------------------


def test_a_check_in_is_typed_rated_deleted_and_brought_back(window: MainWindow, tab: PracticeTab, qtbot: Any,
                                                            partnership_file: Path) -> None:
    window.new_item_action.trigger()  # Ctrl+N: the partner using this copy (no one is due yet)
    assert list_texts(tab) == [f"{day_text(date.today())} · Check-in · Dana Lee"]
    assert shown(tab.check_in.title.text()) == "Dana Lee's check-in"
    assert QApplication.focusWidget() is tab.check_in.working

    qtbot.keyClicks(tab.check_in.working, "Short sessions with one topic")
    qtbot.waitUntil(lambda: check_ins(partnership_file)[0].working == "Short sessions with one topic",
                    timeout=3000)  # saved after a pause in the typing
    qtbot.mouseClick(tab.check_in.tweak.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.check_in.tweak, "Swap who chairs")
    click_star(qtbot, tab, 4)
    assert tab.check_in.usefulness.words.text() == "4 of 5 — very useful"
    qtbot.keyClick(tab.check_in.usefulness.stars, Qt.Key.Key_2)
    qtbot.mouseClick(tab.check_in.goals_right.buttons["partly"], Qt.MouseButton.LeftButton)
    (c,) = check_ins(partnership_file)  # the tweak was saved when the stars took the focus
    assert (c.author, c.working, c.tweak, c.usefulness, c.goals_still_right) == (
        "mentor", "Short sessions with one topic", "Swap who chairs", 2, "partly")

    qtbot.keyClick(tab.check_in.usefulness.stars, Qt.Key.Key_0)  # not rated
    assert check_ins(partnership_file)[0].usefulness is None
    assert tab.check_in.usefulness.words.text() == "Not rated"
    window.undo_action.trigger()
    assert check_ins(partnership_file)[0].usefulness == 2
    assert tab.check_in.usefulness.value() == 2

    # Delete (and Backspace) on the stars clears the rating: the window's Delete, which deletes the
    # selected record, does not take the key from them.
    stars = tab.check_in.usefulness.stars
    stars.setFocus()
    qtbot.keyClick(stars, Qt.Key.Key_Delete)
    assert len(check_ins(partnership_file)) == 1 and check_ins(partnership_file)[0].usefulness is None
    window.undo_action.trigger()
    qtbot.keyClick(stars, Qt.Key.Key_Backspace)
    assert len(check_ins(partnership_file)) == 1 and check_ins(partnership_file)[0].usefulness is None
    window.undo_action.trigger()
    assert check_ins(partnership_file)[0].usefulness == 2

    # Delete in the list, and undo brings it back with everything typed into it.
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert check_ins(partnership_file) == []
    assert tab.items.stack.currentWidget() is tab.items.empty
    assert tab.right.currentWidget() is tab.nothing
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    (back,) = check_ins(partnership_file)
    assert (back.working, back.tweak, back.usefulness) == ("Short sessions with one topic", "Swap who chairs", 2)
    assert list_texts(tab) == [f"{day_text(date.today())} · Check-in · Dana Lee"]


def test_whose_check_in_comes_from_the_menu_or_the_form(window: MainWindow, tab: PracticeTab, qtbot: Any,
                                                        partnership_file: Path) -> None:
    assert shown(tab.items.by_actions["mentee"].text()) == "Check-in by Morgan Hale (mentee)"
    tab.items.by_actions["mentee"].trigger()
    assert shown(tab.check_in.title.text()) == "Morgan Hale's check-in"
    assert check_ins(partnership_file)[0].author == "mentee"

    tab.check_in.author.setFocus()
    qtbot.keyClick(tab.check_in.author, Qt.Key.Key_Up)  # the mentor's name is above
    assert check_ins(partnership_file)[0].author == "mentor"
    assert shown(tab.check_in.title.text()) == "Dana Lee's check-in"
    assert list_texts(tab)[0].endswith("Check-in · Dana Lee")


def test_new_check_in_is_the_due_partners(window: MainWindow, tab: PracticeTab, qtbot: Any,
                                          partnership_file: Path) -> None:
    assert window.doc is not None
    store = window.doc.store
    for day in (1, 8, 15, 22):
        ops.add_entry(store, date(2026, 2, day))
    ops.add_check_in(store, date(2026, 2, 22), "mentor")  # the mentor has checked in since
    window.doc.changed.emit(frozenset({Change.ENTRIES, Change.CHECK_INS}), None)
    assert shown(tab.items.due.text()) == "Morgan Hale's check-in is due (one every 4 sessions)."

    window.new_item_action.trigger()
    assert [c.author for c in check_ins(partnership_file)] == ["mentor", "mentee"]
    assert tab.items.due.text() == "The next check-ins are due in 4 sessions (one every 4 sessions)."


# -- reviews ---------------------------------------------------------------------------------------


def test_a_review_copies_the_goals_and_takes_what_was_achieved(window: MainWindow, tab: PracticeTab, qtbot: Any,
                                                               partnership_file: Path) -> None:
    seed_goal(window, "Post on LinkedIn", success_measure="Six posts of my own")
    seed_goal(window, "Old idea", status="dropped")
    seed_goal(window, "Speak up less", success_measure="No interruptions", private=True)

    review_id = start_review(qtbot, tab)
    (r,) = reviews(partnership_file)
    assert (r.id, r.kind, r.held_on) == (review_id, "midpoint", REVIEW_DAY)
    assert [(g.goal_title, g.expected) for g in r.goals] == [
        ("Post on LinkedIn", "Six posts of my own"), ("Speak up less", "No interruptions")]
    assert list_texts(tab) == [f"{day_text(REVIEW_DAY)} · Mid-point review · Not decided yet"]
    model = tab.review.goals_model
    assert [model.index(i, ReviewGoalsModel.GOAL).data() for i in range(model.rowCount())] == [
        "Post on LinkedIn", "Speak up less"]
    assert model.index(0, ReviewGoalsModel.PROGRESS).data() == "0%"

    editor = edit_cell(qtbot, tab, 0, ReviewGoalsModel.ACHIEVED)
    qtbot.keyClicks(editor, "Four posts")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line
    qtbot.keyClicks(editor, "and a reply")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # saves
    assert reviews(partnership_file)[0].goals[0].achieved == "Four posts\nand a reply"
    assert model.index(0, ReviewGoalsModel.ACHIEVED).data() == "Four posts\nand a reply"

    editor = edit_cell(qtbot, tab, 1, ReviewGoalsModel.EXPECTED)
    assert editor.toPlainText() == "No interruptions"
    qtbot.keyClicks(editor, "One interruption at most")  # replaces the selected text
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # forgets it
    assert reviews(partnership_file)[0].goals[1].expected == "No interruptions"

    # Private goals' copies vanish while private entries are hidden.
    window.hide_private_action.trigger()
    assert model.rowCount() == 1
    window.hide_private_action.trigger()
    assert model.rowCount() == 2


def test_each_partner_writes_under_their_own_name(window: MainWindow, tab: PracticeTab, qtbot: Any,
                                                  partnership_file: Path) -> None:
    start_review(qtbot, tab)
    form = tab.review
    assert shown(form.partner_headings["mentor"].text()) == "Dana Lee (mentor)"
    assert shown(form.partner_headings["mentee"].text()) == "Morgan Hale (mentee)"
    assert form.no_goals.isVisibleTo(form) and "no goals" in form.no_goals.text()
    qtbot.keyClicks(form.boxes["mentee_learned"], "Drafting with an assistant")
    qtbot.keyClicks(form.boxes["mentor_changed"], "I speak up in meetings")
    qtbot.keyClicks(form.notes, "A good first term")
    window.tabs.flush() if window.tabs is not None else None  # what File › Quit does too
    (r,) = reviews(partnership_file)
    assert (r.mentee_learned, r.mentor_changed, r.notes) == (
        "Drafting with an assistant", "I speak up in meetings", "A good first term")
    assert r.mentor_learned == r.mentee_changed == ""


def test_deciding_adjust_sets_the_partnerships_next_review(window: MainWindow, tab: PracticeTab, qtbot: Any,
                                                           partnership_file: Path) -> None:
    start_review(qtbot, tab)
    decision = tab.review.decision
    assert not decision.next_review.isEnabled()  # nothing decided yet
    qtbot.mouseClick(decision.choice.buttons["adjust"], Qt.MouseButton.LeftButton)
    three_months = default_review_date(REVIEW_DAY)
    assert partnership(partnership_file).review_date == three_months
    assert reviews(partnership_file)[0].decision == "adjust"
    assert decision.next_review.isEnabled()
    assert day_text(three_months) in decision.note.text()
    assert list_texts(tab)[0].endswith("Mid-point review · Adjust")

    edit = decision.next_review.edit
    edit.setFocus()
    edit.setCurrentSection(edit.Section.DaySection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # one day later
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    later = date.fromordinal(three_months.toordinal() + 1)
    assert partnership(partnership_file).review_date == later
    assert reviews(partnership_file)[0].next_review_date == later


def test_closing_shows_the_banner_and_reopen_or_undo_opens_it_again(window: MainWindow, tab: PracticeTab,
                                                                    qtbot: Any, partnership_file: Path) -> None:
    start_review(qtbot, tab, closing=True)
    decision = tab.review.decision
    assert "would be marked closed on " + day_text(REVIEW_DAY) in decision.note.text()
    qtbot.mouseClick(decision.choice.buttons["close"], Qt.MouseButton.LeftButton)
    assert partnership(partnership_file).closed_on == REVIEW_DAY
    assert tab.banner.isVisible()
    assert f"closed on {day_text(REVIEW_DAY)}" in tab.banner.text.text()
    assert decision.note.text() == (f"The partnership is marked closed on {day_text(REVIEW_DAY)}: it stays "
                                    "readable and stops asking for sessions. You can reopen it.")
    assert not decision.next_review.isEnabled()
    assert tab.items.due.text() == "The partnership is closed: it asks for no more check-ins."

    window.undo_action.trigger()  # the close is one undo step
    assert partnership(partnership_file).closed_on is None
    assert reviews(partnership_file)[0].decision == ""
    assert not tab.banner.isVisible()
    assert decision.choice.value() is None

    window.redo_action.trigger()
    assert partnership(partnership_file).closed_on == REVIEW_DAY
    assert tab.banner.isVisible()
    qtbot.mouseClick(tab.banner.button, Qt.MouseButton.LeftButton)  # Reopen
    assert partnership(partnership_file).closed_on is None
    assert not tab.banner.isVisible()
    assert reviews(partnership_file)[0].decision == "close"  # what the review decided stays its record
    assert "reopened since" in decision.note.text()


def test_a_deleted_review_comes_back_with_its_goals(window: MainWindow, tab: PracticeTab, qtbot: Any,
                                                    partnership_file: Path) -> None:
    seed_goal(window, "Post on LinkedIn")
    start_review(qtbot, tab)
    editor = edit_cell(qtbot, tab, 0, ReviewGoalsModel.ACHIEVED)
    qtbot.keyClicks(editor, "Four posts")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The Delete key in the review's table of goals, or on one of its fields, deletes nothing...
    for control in (tab.review.goals, tab.review.held_on):
        control.setFocus()
        qtbot.keyClick(control, Qt.Key.Key_Delete)
        assert len(reviews(partnership_file)) == 1, control
    window.delete_action.trigger()  # ... Edit › Delete, asked for by name, deletes the review
    assert reviews(partnership_file) == []
    assert tab.right.currentWidget() is tab.nothing
    window.undo_action.trigger()
    (r,) = reviews(partnership_file)
    assert [g.achieved for g in r.goals] == ["Four posts"]


def test_the_next_review_offers_the_other_kind(window: MainWindow, tab: PracticeTab, qtbot: Any) -> None:
    start_review(qtbot, tab)
    qtbot.mouseClick(tab.items.review_button, Qt.MouseButton.LeftButton)
    dialog = tab.start_dialog
    assert dialog is not None
    assert dialog.chosen_kind() == "closing"
    dialog.reject()
    assert tab.model.rowCount() == 1


def test_the_item_models_are_sound(window: MainWindow, tab: PracticeTab, qtbot: Any, qtmodeltester: Any) -> None:
    seed_goal(window, "Post on LinkedIn", success_measure="Six posts")
    seed_goal(window, "Speak up less", private=True)
    window.new_item_action.trigger()
    start_review(qtbot, tab)
    assert tab.model.rowCount() == 2 and tab.review.goals_model.rowCount() == 2
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.review.goals_model)


def test_tab_walks_from_the_list_into_the_form_shown(window: MainWindow, tab: PracticeTab, qtbot: Any) -> None:
    seed_goal(window, "Post on LinkedIn")
    window.new_item_action.trigger()
    start_review(qtbot, tab)
    tab.items.delete_button.setFocus()  # (the check-in form, hidden, comes first: skipped)
    qtbot.keyClick(tab.items.delete_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.review.kind
    form = tab.review
    qtbot.keyClick(form.kind, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.held_on.edit
    qtbot.keyClick(form.held_on.edit, Qt.Key.Key_Tab)  # one stop a date, not its day, month, year
    assert QApplication.focusWidget() is not form.held_on.edit
    form.goals.setFocus()
    walked = [QApplication.focusWidget()]
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [form.goals, *form.boxes.values(), form.notes]
