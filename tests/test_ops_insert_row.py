"""`ops_rows.insert_row`, which every `ops.add_*` goes through: a row under a parent that was
deleted meanwhile is refused (`Gone`, naming the parent) and writes nothing; a positioned row goes
last among its own siblings only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from revmentor_desktop.data import ops
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import Gone
from tests.helpers import sql_rows


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.create(tmp_path / "pair.revmentor", {"mentor_name": "Priya", "mentee_name": "Gerald",
                                                   "start_date": "2024-01-08"})
    yield s
    s.close()


def _rows(store: Store, sql: str) -> list[tuple]:
    return sql_rows(store.path, sql)


@pytest.mark.parametrize(("make_parent", "remove_parent", "add_child", "table", "named"), [
    (lambda st: ops.add_goal(st, "Goal"), ops.delete_goal,
     lambda st, pid: ops.add_milestone(st, pid, "Step"), "milestone", "Goal"),
    (lambda st: ops.add_entry(st, "2024-02-01"), ops.delete_entry,
     lambda st, pid: ops.add_action(st, pid, "Do it"), "action_item", "Journal entry"),
    (lambda st: ops.add_skill(st, "Listening", "mentee"), ops.delete_skill,
     lambda st, pid: ops.add_rating(st, pid, "2024-02-01", 3), "skill_rating", "Skill"),
])
def test_a_child_of_a_deleted_parent_is_refused_and_writes_nothing(
        store: Store, make_parent: Callable[[Store], int], remove_parent: Callable[[Store, int], object],
        add_child: Callable[[Store, int], int], table: str, named: str) -> None:
    parent_id = make_parent(store)
    remove_parent(store, parent_id)
    with pytest.raises(Gone, match=f"^{named} {parent_id} no longer exists$"):
        add_child(store, parent_id)
    assert _rows(store, f"SELECT COUNT(*) FROM {table}") == [(0,)]


def test_positions_count_among_siblings_only(store: Store) -> None:
    first, second = ops.add_goal(store, "One"), ops.add_goal(store, "Two")
    a = ops.add_milestone(store, first, "a")
    x = ops.add_milestone(store, second, "x")
    b = ops.add_milestone(store, first, "b")
    assert _rows(store, "SELECT id, goal_id, position FROM milestone ORDER BY id") == [
        (a, first, 0), (x, second, 0), (b, first, 1)]
    assert _rows(store, "SELECT id, position FROM goal ORDER BY id") == [(first, 0), (second, 1)]
    low = ops.add_swot_item(store, "mentor", "S", "low")
    other = ops.add_swot_item(store, "mentor", "W", "elsewhere")
    top = ops.add_swot_item(store, "mentor", "S", "top", index=0)
    assert _rows(store, "SELECT id, position FROM swot_item ORDER BY id") == [
        (low, 1), (other, 0), (top, 0)]
