"""Upgrading files saved by older versions, and keeping the models, the frozen DDL and old files in step.

`tests/data/v1.revmentor` is a committed file made by schema version 1 (see make_fixtures.py); it is
never regenerated, so every future version is tested against a real old file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table
from sqlmodel import SQLModel

from revmentor_desktop.data import migrations, models, ops, reads
from revmentor_desktop.data import store as store_mod
from revmentor_desktop.data.file_check import check_header
from revmentor_desktop.data.migrations import APPLICATION_ID, SCHEMA_VERSION, STEPS
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError

V1 = Path(__file__).parent / "data" / "v1.revmentor"
V1_TABLES = (
    "partnership",
    "focus_area",
    "agreement_clause",
    "goal",
    "milestone",
    "journal_entry",
    "entry_goal",
    "action_item",
    "swot_item",
    "swot_snapshot",
    "swot_snapshot_item",
    "skill",
    "skill_rating",
)


def q(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every version-1 table, in the columns version 1 had (later steps add some)."""
    return {t: q(path, f"SELECT {', '.join(v1_columns(t))} FROM {t} ORDER BY rowid") for t in V1_TABLES}


def v1_columns(table: str) -> list[str]:
    return [r[1] for r in q(V1, f"PRAGMA table_info({table})")]


def search(path: Path, words: str) -> set[int]:
    return {r[0] for r in q(path, "SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?", words)}


def schema(path: Path) -> set[tuple]:
    return set(
        q(
            path,
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE "
            "'sqlite_autoindex%'",
        )
    )


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    (tmp_path / "files").mkdir()  # a folder of its own, so it can be checked for side files
    path = tmp_path / "files" / "from-version-1.revmentor"
    shutil.copyfile(V1, path)
    return path


@pytest.fixture
def made_v2(tmp_path: Path) -> Path:
    path = tmp_path / "files" / "current.revmentor"
    Store.create(path, {"mentor_name": "A", "mentee_name": "B", "start_date": "2024-01-01"}).close()
    return path


@pytest.fixture
def upgraded(v1_copy: Path) -> Iterator[Store]:
    store = Store.open(v1_copy)
    yield store
    store.close()


# -- the fixture itself ------------------------------------------------------------------------------


def test_the_committed_fixture_is_still_a_version_1_file() -> None:
    check = check_header(V1)
    assert check.schema_version == 1
    assert check.application_id == APPLICATION_ID
    assert q(V1, "SELECT count(*) FROM sqlite_master WHERE name = 'journal_fts'") == [(0,)]
    for table in V1_TABLES:  # every table has something to carry over
        assert q(V1, f"SELECT count(*) FROM {table}")[0][0] > 0, table


def test_step_1_is_frozen_it_still_makes_exactly_the_fixture_schema(tmp_path: Path) -> None:
    path = tmp_path / "step1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    STEPS[0](conn)
    conn.execute("COMMIT")
    conn.close()
    assert schema(path) == schema(V1)


# -- upgrading ---------------------------------------------------------------------------------------


def test_v1_file_upgrades_to_the_current_version_with_every_row_intact(v1_copy: Path) -> None:
    before = rows(v1_copy)
    store = Store.open(v1_copy)
    try:
        assert store.read_only is False
        assert q(v1_copy, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
        assert q(v1_copy, "PRAGMA application_id") == [(APPLICATION_ID,)]
        assert rows(v1_copy) == before
        assert q(v1_copy, "PRAGMA integrity_check") == [("ok",)]
        assert q(v1_copy, "PRAGMA foreign_key_check") == []
        assert q(v1_copy, "PRAGMA journal_mode") == [("delete",)]
        # No side files left from the upgrade.
        assert sorted(p.name for p in v1_copy.parent.iterdir()) == [v1_copy.name]
    finally:
        store.close()


def test_v1_rows_read_through_the_models(upgraded: Store) -> None:
    p = reads.get_partnership(upgraded)
    assert (p.mentor_name, p.mentee_name, p.me, p.organisation) == (
        "Priya Raman",
        "Gerald Okafor",
        "mentee",
        "Northwind Ltd",
    )
    assert (p.start_date, p.review_date, p.cadence_days, p.duration_minutes) == (
        date(2024, 1, 8),
        date(2024, 7, 8),
        14,
        45,
    )
    assert p.created_at.year == 2024
    assert reads.list_focus_areas(upgraded) == [
        "Technology adoption",
        "Diversity & inclusion",
        "Workplace communication",
    ]
    assert reads.list_clauses(upgraded)[0].text == "We meet every two weeks for 45 minutes."
    assert [g.id for g in ops.list_goals(upgraded)] == [1, 2, 3]
    assert [g.id for g in ops.list_goals(upgraded, include_private=False)] == [1, 3]
    assert ops.get_goal(upgraded, 1).target_date == date(2024, 4, 30)
    assert ops.milestone_counts(upgraded) == {1: (1, 3), 3: (1, 1)}
    assert [e.id for e in ops.list_entries(upgraded)] == [3, 2, 1]
    assert [e.id for e in ops.list_entries(upgraded, include_private=False)] == [2, 1]
    assert [e.id for e in ops.entries_for_goal(upgraded, 1)] == [2, 1]
    assert [a.id for a in ops.open_actions(upgraded)] == [2, 3, 4]
    assert [a.id for a in ops.open_actions(upgraded, include_private=False)] == [2, 3]
    assert len(ops.list_swot_items(upgraded)) == 5
    assert [s.label for s in ops.list_snapshots(upgraded)] == ["Start of partnership"]
    assert len(ops.snapshot_items(upgraded, 1)) == 2
    assert [s.name for s in ops.list_skills(upgraded)] == ["Team chat", "Public speaking"]
    assert [r.entry_id for r in ops.list_ratings(upgraded, 1)] == [1, None]


def test_upgrade_indexes_v1_entries_and_their_action_items(upgraded: Store) -> None:
    path = upgraded.path
    assert q(path, "SELECT count(*) FROM journal_fts") == [(3,)]
    assert search(path, "quokka") == {1}  # notes
    assert search(path, "narwhal") == {1}  # an action item
    assert search(path, "etiquette") == {1, 2}  # action item of 1, topic of 2
    assert search(path, "pangolin") == {2}
    assert search(path, "zeppelin") == {3}
    assert search(path, "HR") == {3}
    assert search(path, "frank") == {1}  # feedback_good
    # And the triggers that came with the upgrade keep it current.
    ops.add_action(upgraded, 2, "Read about the wombat method")
    assert search(path, "wombat") == {2}
    ops.update_entry(upgraded, 1, notes="We dropped the plan.")
    assert search(path, "quokka") == set()
    assert search(path, "narwhal") == {1}


def test_upgraded_v1_rows_delete_and_restore(upgraded: Store) -> None:
    """Undo works on rows written by version 1, not only on rows written by this version."""

    def values(entry_id: int) -> tuple:
        entry = ops.get_entry(upgraded, entry_id)
        return (
            entry,
            ops.list_actions(upgraded, entry_id),
            sorted(ops.entry_goal_ids(upgraded, entry_id)),
            ops.list_ratings(upgraded),
        )

    before = values(1)
    tomb = ops.delete_entry(upgraded, 1)
    assert search(upgraded.path, "narwhal") == set()
    ops.restore(upgraded, tomb)
    assert values(1) == before
    assert search(upgraded.path, "narwhal") == {1}

    goal_before = (
        ops.get_goal(upgraded, 1),
        ops.list_milestones(upgraded, 1),
        [e.id for e in ops.entries_for_goal(upgraded, 1)],
    )
    ops.restore(upgraded, ops.delete_goal(upgraded, 1))
    assert (
        ops.get_goal(upgraded, 1),
        ops.list_milestones(upgraded, 1),
        [e.id for e in ops.entries_for_goal(upgraded, 1)],
    ) == goal_before


def test_an_upgraded_file_matches_a_new_file(tmp_path: Path, v1_copy: Path) -> None:
    """New files run every step from 0, so new and upgraded files cannot drift apart."""
    Store.open(v1_copy).close()
    new = tmp_path / "new.revmentor"
    Store.create(new, {"mentor_name": "A", "mentee_name": "B", "start_date": "2024-01-01"}).close()
    assert schema(v1_copy) == schema(new)


def test_opening_an_upgraded_file_again_changes_nothing(v1_copy: Path) -> None:
    Store.open(v1_copy).close()
    upgraded_bytes = v1_copy.read_bytes()
    Store.open(v1_copy).close()
    assert v1_copy.read_bytes() == upgraded_bytes


# -- models and frozen DDL agree ---------------------------------------------------------------------


def model_tables() -> dict[str, Table]:
    """Every table class declared in models.py, by table name."""
    found = {
        cls.__table__.name: cls.__table__
        for cls in vars(models).values()
        if isinstance(cls, type)
        and issubclass(cls, SQLModel)
        and hasattr(cls, "__table__")
        and cls.__module__ == models.__name__
    }
    assert {"partnership", "journal_entry", "skill_rating"} <= set(found)
    return found


@pytest.mark.parametrize("source", ["upgraded-v1", "new"])
def test_every_model_matches_its_table_column_for_column(
    tmp_path: Path, v1_copy: Path, source: str
) -> None:
    if source == "new":
        path = tmp_path / "new.revmentor"
        Store.create(
            path, {"mentor_name": "A", "mentee_name": "B", "start_date": "2024-01-01"}
        ).close()
    else:
        path = v1_copy
        Store.open(path).close()
    tables = model_tables()
    file_tables = {
        r[0]
        for r in q(
            path,
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'journal_fts%'",
        )
    }
    assert set(tables) == file_tables, "a table exists in the file or the models but not both"
    for name in sorted(file_tables):
        table = tables[name]
        info = q(path, f"PRAGMA table_info({name})")
        file_cols = [r[1] for r in info]
        assert [c.name for c in table.columns] == file_cols, name
        file_notnull = {r[1]: bool(r[3]) for r in info}
        file_pk = {r[1] for r in info if r[5]}
        assert {c.name for c in table.columns if c.primary_key} == file_pk, name
        for col in table.columns:
            if col.primary_key:
                continue
            assert (not col.nullable) == file_notnull[col.name], f"{name}.{col.name} nullability"
        model_fks = {
            (fk.parent.name, fk.column.table.name, fk.ondelete) for fk in table.foreign_keys
        }
        file_fks = {(r[3], r[2], r[6]) for r in q(path, f"PRAGMA foreign_key_list({name})")}
        assert model_fks == file_fks, f"{name} foreign keys"


# -- failures while upgrading ------------------------------------------------------------------------


def _half_done_step_2(conn: sqlite3.Connection) -> None:
    migrations._run(conn, migrations._V2)
    conn.execute(migrations._REINDEX)
    raise RuntimeError("power cut halfway through the upgrade")


def test_an_upgrade_that_fails_midway_leaves_the_file_at_its_old_version(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = v1_copy.read_bytes()
    monkeypatch.setattr(store_mod, "STEPS", (STEPS[0], _half_done_step_2))
    with pytest.raises(RuntimeError, match="power cut"):
        Store.open(v1_copy)
    assert v1_copy.read_bytes() == before
    assert sorted(p.name for p in v1_copy.parent.iterdir()) == [v1_copy.name]
    monkeypatch.undo()
    store = Store.open(v1_copy)  # and the real upgrade still works afterwards
    try:
        assert q(v1_copy, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
        assert search(v1_copy, "narwhal") == {1}
    finally:
        store.close()


def test_an_sql_error_while_upgrading_is_reported_and_changes_nothing(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bad_step(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO no_such_table VALUES (1)")

    before = v1_copy.read_bytes()
    monkeypatch.setattr(store_mod, "STEPS", (STEPS[0], bad_step))
    with pytest.raises(KnownError) as info:
        Store.open(v1_copy)
    assert info.value.kind is ErrorKind.DAMAGED
    assert v1_copy.read_bytes() == before
    assert q(v1_copy, "SELECT count(*) FROM sqlite_master WHERE name = 'extra'") == [(0,)]


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where temporary files go during the test, so leftovers can be seen."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def _deny_writes(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    real_access = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode & os.W_OK and Path(os.fspath(path)) == denied:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


@pytest.mark.parametrize("why", ["file-not-writable", "asked-read-only"])
def test_an_old_file_opened_read_only_is_upgraded_in_a_temporary_copy(
    v1_copy: Path, temp_root: Path, monkeypatch: pytest.MonkeyPatch, why: str
) -> None:
    before = v1_copy.read_bytes()
    if why == "file-not-writable":
        _deny_writes(monkeypatch, v1_copy)
        store = Store.open(v1_copy)
    else:
        store = Store.open(v1_copy, read_only=True)
    try:
        assert store.read_only is True
        assert store.shown_path == v1_copy
        assert store.path != v1_copy
        assert temp_root in store.path.parents
        assert q(store.path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
        assert reads.get_partnership(store).mentor_name == "Priya Raman"
        assert search(store.path, "narwhal") == {1}
        with pytest.raises(KnownError) as info:
            ops.add_goal(store, "Not saved anywhere")
        assert info.value.kind is ErrorKind.READ_ONLY
    finally:
        store.close()
    # The user's file is exactly as it was, with nothing beside it; the copy is gone.
    assert v1_copy.read_bytes() == before
    assert sorted(p.name for p in v1_copy.parent.iterdir()) == [v1_copy.name]
    assert list(temp_root.iterdir()) == []


def test_a_current_file_asked_read_only_is_not_copied(made_v2: Path, temp_root: Path) -> None:
    before = made_v2.read_bytes()
    store = Store.open(made_v2, read_only=True)
    try:
        assert store.read_only is True
        assert store.path == store.shown_path == made_v2
        with pytest.raises(KnownError):
            ops.add_goal(store, "x")
    finally:
        store.close()
    assert made_v2.read_bytes() == before
    assert list(temp_root.iterdir()) == []


def _v1_without_partnership(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DELETE FROM partnership")
    conn.close()


@pytest.mark.parametrize("failure", ["upgrade-step-fails", "no-partnership-row"])
def test_a_failed_read_only_open_leaves_no_temporary_copy(
    v1_copy: Path, temp_root: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    if failure == "upgrade-step-fails":
        monkeypatch.setattr(store_mod, "STEPS", (STEPS[0], _half_done_step_2))
        expected: type[BaseException] = RuntimeError
    else:
        _v1_without_partnership(v1_copy)
        expected = KnownError
    before = v1_copy.read_bytes()
    with pytest.raises(expected):
        Store.open(v1_copy, read_only=True)
    assert v1_copy.read_bytes() == before
    assert list(temp_root.iterdir()) == []


def test_each_step_moves_exactly_one_version(tmp_path: Path) -> None:
    assert len(STEPS) == SCHEMA_VERSION
    path = tmp_path / "steps.db"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for n, step in enumerate(STEPS, start=1):
            conn.execute("BEGIN")
            step(conn)
            conn.execute(f"PRAGMA user_version = {n}")
            conn.execute("COMMIT")
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_a_disk_that_fills_during_the_upgrade_says_so_and_leaves_the_old_file(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_midway(conn: sqlite3.Connection) -> None:
        migrations._run(conn, migrations._V2)
        conn.execute("ROLLBACK")  # SQLite rolls the transaction back itself on SQLITE_FULL…
        raise sqlite3.OperationalError("database or disk is full")  # …and says why

    before = v1_copy.read_bytes()
    monkeypatch.setattr(store_mod, "STEPS", (STEPS[0], full_midway))
    with pytest.raises(KnownError) as info:
        Store.open(v1_copy)
    assert info.value.kind is ErrorKind.DISK_FULL
    assert "could not be updated" in info.value.message and "left as it was" in info.value.hint
    assert v1_copy.read_bytes() == before
    assert sorted(p.name for p in v1_copy.parent.iterdir()) == [v1_copy.name]
