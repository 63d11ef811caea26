"""The Check-ins & Reviews tab's parts without the window: what a new check-in or review offers,
what the tab says in words, the two reads it adds, and its item models over a real file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from revmentor_desktop.data import ops, reads
from revmentor_desktop.data.compute import CheckInStatus
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import Gone
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.practice.common import KEY_ROLE, Names
from revmentor_desktop.ui.practice.decision import consequence
from revmentor_desktop.ui.practice.defaults import (
    default_author,
    default_next_review,
    default_review_day,
    default_review_kind,
)
from revmentor_desktop.ui.practice.item_list import due_words
from revmentor_desktop.ui.practice.list_model import PracticeListModel
from revmentor_desktop.ui.practice.review_goals import ReviewGoalsModel
from revmentor_desktop.ui.practice.stars import rating_words
from revmentor_desktop.ui.practice.start_review import copy_note
from tests.conftest import PARTNERSHIP
from tests.helpers import shown


def status(due_for: tuple[str, ...], since: int = 0, every: int = 4) -> CheckInStatus:
    return CheckInStatus(every, {"mentor": since, "mentee": since}, {"mentor": None, "mentee": None}, due_for)


# -- what a new check-in or review offers ----------------------------------------------------------


def test_a_new_check_in_is_the_due_partners_else_mine() -> None:
    assert default_author(status(()), "mentee") == "mentee"
    assert default_author(status(("mentor",)), "mentee") == "mentor"
    assert default_author(status(("mentor", "mentee")), "mentee") == "mentee"  # both due: mine first
    assert default_author(status(("mentee",)), "mentor") == "mentee"


def test_reviews_take_turns_and_are_held_on_a_near_review_date() -> None:
    assert default_review_kind(None) == "midpoint"
    assert default_review_kind("midpoint") == "closing"
    assert default_review_kind("closing") == "midpoint"
    today = date(2026, 3, 10)
    assert default_review_day(None, today) == today
    assert default_review_day(date(2026, 3, 14), today) == date(2026, 3, 14)  # a few days ahead
    assert default_review_day(date(2026, 3, 10), today) == today
    assert default_review_day(date(2026, 5, 1), today) == today  # far off: held today
    assert default_review_day(date(2026, 3, 1), today) == today  # late: held today
    assert default_next_review(date(2026, 1, 31)) == date(2026, 4, 30)  # three months, the month's last day


# -- what the tab says ------------------------------------------------------------------------------


def test_the_due_line_names_whose_check_in_is_due() -> None:
    names = Names("Priya", "Martin", "mentor")
    assert due_words(status(("mentee",), 4), names, False) == "Martin's check-in is due (one every 4 sessions)."
    assert due_words(status(("mentor", "mentee"), 5), names, False) == (
        "Priya and Martin's check-ins are due (one every 4 sessions).")
    assert due_words(status((), 3), names, False) == (
        "The next check-ins are due in 1 session (one every 4 sessions).")
    assert due_words(status(("mentee",), 4), names, True) == (
        "The partnership is closed: it asks for no more check-ins.")


def test_each_decision_says_what_it_does_to_the_partnership() -> None:
    held, nxt = date(2026, 3, 12), date(2026, 6, 12)
    assert consequence("continue", held, nxt, None) == "You carry on as you are; your next review is on 12 Jun 2026."
    assert "your next review is on 12 Jun 2026" in consequence("adjust", held, nxt, None)
    assert consequence("close", held, nxt, held) == (
        "The partnership is marked closed on 12 Mar 2026: it stays readable and stops asking for sessions. "
        "You can reopen it.")
    assert "reopened since" in consequence("close", held, nxt, None)
    assert "would be marked closed on 12 Mar 2026" in consequence("", held, nxt, None)


def test_ratings_and_the_start_dialog_in_words() -> None:
    assert rating_words(None) == "Not rated"
    assert rating_words(5) == "5 of 5 — invaluable"
    assert copy_note(1, None).startswith("The review copies your 1 goal ")
    assert "no goals yet" in copy_note(0, date(2026, 4, 5))
    assert copy_note(3, date(2026, 4, 5)).endswith("Your partnership's review date is 5 Apr 2026.")


# -- the reads the tab adds, and its models over a real file ----------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.create(tmp_path / "p.revmentor", dict(PARTNERSHIP))
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def filled(store: Store) -> Store:
    ops.add_goal(store, "Post on LinkedIn", success_measure="Six posts")
    ops.add_goal(store, "Speak up less", private=True)
    ops.add_check_in(store, date(2026, 2, 1), "mentee", usefulness=4)
    ops.add_check_in(store, date(2026, 3, 1), "mentor")
    review = ops.start_review(store, "midpoint", date(2026, 3, 1))
    ops.decide_review(store, review, "adjust", date(2026, 6, 1))
    ops.add_check_in(store, date(2026, 4, 1), "mentee")
    return store


def test_the_list_reads_newest_first_reviews_before_check_ins_on_one_day(filled: Store) -> None:
    items = reads.practice_items(filled)
    assert [(i.is_review, i.held_on, i.kind) for i in items] == [
        (False, date(2026, 4, 1), "mentee"),
        (True, date(2026, 3, 1), "midpoint"),
        (False, date(2026, 3, 1), "mentor"),
        (False, date(2026, 2, 1), "mentee"),
    ]
    assert items[1].decision == "adjust" and items[3].usefulness == 4


def test_one_review_is_read_with_its_goals_private_ones_hidden_on_request(filled: Store) -> None:
    (listed,) = reads.list_reviews(filled)
    assert reads.get_review(filled, listed.id) == listed
    assert [g.goal_title for g in reads.get_review(filled, listed.id, include_private=False).goals] == [
        "Post on LinkedIn"]
    with pytest.raises(Gone):
        reads.get_review(filled, listed.id + 1)


def test_the_list_model_says_each_line_in_words(filled: Store, qtbot: Any, qtmodeltester: Any) -> None:
    doc = Document(filled)
    model = PracticeListModel(doc)
    model.set_names(Names.of(doc.partnership()))
    model.reload()
    qtmodeltester.check(model)
    texts = [shown(model.index(i, 0).data()) for i in range(model.rowCount())]
    assert texts == [
        f"{day_text(date(2026, 4, 1))} · Check-in · Morgan Hale",
        f"{day_text(date(2026, 3, 1))} · Mid-point review · Adjust",
        f"{day_text(date(2026, 3, 1))} · Check-in · Dana Lee",
        f"{day_text(date(2026, 2, 1))} · Check-in · Morgan Hale",
    ]
    assert model.index(1, 0).data(KEY_ROLE)[0] == "review"
    assert "usefulness 4 of 5" in model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
    model.set_names(Names("<b>Ana</b>", "Bo"))
    assert "&lt;b&gt;Ana" in model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)  # shown as typed
    assert model.latest_review_kind() == "midpoint"


def test_the_goals_model_edits_expected_and_achieved_only(filled: Store, qtbot: Any, qtmodeltester: Any) -> None:
    doc = Document(filled)
    model = ReviewGoalsModel(doc)
    (review,) = reads.list_reviews(filled)
    model.show_goals(review.id, review.goals)
    qtmodeltester.check(model)
    achieved = model.index(0, ReviewGoalsModel.ACHIEVED)
    assert model.flags(achieved) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, ReviewGoalsModel.GOAL)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(achieved, "Four posts")
    assert reads.get_review(filled, review.id).goals[0].achieved == "Four posts"
    assert doc.undo_stack.undoText() == "Edit What Was Achieved"
    assert not model.setData(model.index(0, ReviewGoalsModel.PROGRESS), "90%")
