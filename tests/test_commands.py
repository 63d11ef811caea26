"""Edits report what they changed (cascades included) and what undoes them; no Qt here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from revmentor_desktop.data import commands, ops
from revmentor_desktop.data.commands import Change, Done, Edit
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import Gone


@pytest.fixture
def store(partnership_file: Path) -> Store:
    s = Store.open(partnership_file)
    yield s
    s.close()


def applied(store: Store, edit: Edit) -> Done:
    done = edit.apply(store)
    assert done.undo is not None
    return done


def test_deleting_an_entry_reports_the_rows_it_took_with_it(store: Store) -> None:
    entry = ops.add_entry(store, date(2026, 2, 3), topics="Board decks")
    goal = ops.add_goal(store, "Present to the board")
    ops.set_entry_goals(store, entry, [goal])
    ops.add_action(store, entry, "Send the deck")
    skill = ops.add_skill(store, "Presenting", "mentor")
    rating = ops.add_rating(store, skill, date(2026, 2, 3), 3, entry_id=entry)

    done = applied(store, commands.delete_entry(entry))
    assert done.changes == {Change.ENTRIES, Change.ENTRY_TEXT, Change.FEEDBACK, Change.ACTIONS,
                            Change.DISCUSSED, Change.RATINGS}
    assert ops.list_ratings(store)[0].entry_id is None  # unlinked, kept

    back = applied(store, done.undo)  # undo puts back every row, and links the rating again
    assert back.changes == done.changes
    assert ops.get_entry(store, entry).topics == "Board decks"
    assert ops.entry_goal_ids(store, entry) == [goal]
    assert [r.entry_id for r in ops.list_ratings(store) if r.id == rating] == [entry]
    again = applied(store, back.undo)  # …and redo deletes it again
    assert Change.RATINGS in again.changes


def test_deleting_an_entry_with_no_ratings_does_not_report_ratings(store: Store) -> None:
    entry = ops.add_entry(store, date(2026, 2, 3))
    done = applied(store, commands.delete_entry(entry))
    assert done.changes == {Change.ENTRIES, Change.ENTRY_TEXT, Change.FEEDBACK}


def test_an_added_row_comes_back_with_the_same_id_on_redo(store: Store) -> None:
    done = applied(store, commands.add_goal("Learn SQL", owner="mentee"))
    gone = applied(store, done.undo)
    assert gone.changes == {Change.GOALS}
    assert all(g.id != done.value for g in ops.list_goals(store))
    applied(store, gone.undo)
    assert ops.get_goal(store, done.value).title == "Learn SQL"


def test_an_update_undoes_to_the_old_values_and_reports_its_kind(store: Store) -> None:
    entry = ops.add_entry(store, date(2026, 2, 3), notes="before")
    done = applied(store, commands.update_entry(entry, "Edit Notes", notes="after"))
    assert done.changes == {Change.ENTRY_TEXT}  # long text: only the entry shows it
    assert applied(store, done.undo).value == {"notes": "after"}
    assert ops.get_entry(store, entry).notes == "before"
    dated = applied(store, commands.update_entry(entry, "Change Session Date", held_on=date(2026, 2, 4)))
    assert dated.changes == {Change.ENTRIES}


def test_an_edit_that_changes_nothing_leaves_nothing_to_undo(store: Store) -> None:
    done = commands.update_partnership(organisation="Acme").apply(store)
    assert done.changes == frozenset() and done.undo is None


def test_renaming_a_partner_reports_names_and_other_details_do_not(store: Store) -> None:
    assert applied(store, commands.update_partnership(mentor_name="Ana")).changes == {
        Change.PARTNERSHIP, Change.NAMES}
    assert applied(store, commands.update_partnership(organisation="Globex")).changes == {
        Change.PARTNERSHIP}


def test_typing_into_one_field_merges_and_other_fields_do_not() -> None:
    a = commands.update_goal(1, "Rename Goal", title="A")
    b = commands.update_goal(1, "Rename Goal", title="AB")
    c = commands.update_goal(1, "Edit Description", description="x")
    assert a.merge_key == b.merge_key != c.merge_key
    assert commands.update_goal(1, "Change Status", merge=False, status="achieved").merge_key is None


def test_deleting_a_goal_reports_its_milestones_and_discussions(store: Store) -> None:
    goal = ops.add_goal(store, "G")
    ops.add_milestone(store, goal, "M")
    entry = ops.add_entry(store, date(2026, 2, 3))
    ops.set_entry_goals(store, entry, [goal])
    done = applied(store, commands.delete_goal(goal))
    assert done.changes == {Change.GOALS, Change.MILESTONES, Change.DISCUSSED}


def test_a_moved_swot_item_moves_back_on_undo(store: Store) -> None:
    first = ops.add_swot_item(store, "mentor", "S", "one")
    ops.add_swot_item(store, "mentor", "S", "two")
    done = applied(store, commands.move_swot_item(first, "mentee", "T", 0))
    assert done.changes == {Change.SWOT}
    applied(store, done.undo)
    item = next(i for i in ops.list_swot_items(store) if i.id == first)
    assert (item.grid, item.quadrant, item.position) == ("mentor", "S", 0)


def test_an_edit_of_a_row_deleted_meanwhile_says_gone(store: Store) -> None:
    with pytest.raises(Gone):
        commands.update_goal(999, "Rename Goal", title="x").apply(store)
