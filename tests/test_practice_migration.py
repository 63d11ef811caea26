"""Schema version 3 (issue 13, the practice loop): a file written by version 2 upgrades, backed up
first, and keeps every piece of text it held — including the session feedback whose direction
nobody recorded, which stays where it was and is never copied into a direction.

`tests/data/v2.revmentor` is a committed file made by schema version 2 (see make_fixtures.py).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from revmentor_desktop.data import backup, integrity, migrations, ops, reads
from revmentor_desktop.data import store as store_mod
from revmentor_desktop.data.file_check import check_header
from revmentor_desktop.data.migrations import SCHEMA_VERSION, STEPS
from revmentor_desktop.data.store import Store

V2 = Path(__file__).parent / "data" / "v2.revmentor"

#: TEXT columns of version 2 whose CHECK allows only a few words: they keep their fixture values.
CHOICE_COLUMNS = {
    ("partnership", "me"), ("goal", "owner"), ("goal", "status"), ("action_item", "owner"),
    ("swot_item", "grid"), ("swot_item", "quadrant"), ("swot_snapshot_item", "grid"),
    ("swot_snapshot_item", "quadrant"), ("skill", "owner"), ("skill_rating", "rated_by"),
}


def q(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def v2_tables() -> dict[str, list[tuple[str, str]]]:
    """Every table of a version-2 file (the search index aside) → its (column, declared type)s."""
    names = [r[0] for r in q(V2, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                 " AND name NOT LIKE 'journal_fts%' ORDER BY name")]
    return {t: [(r[1], r[2]) for r in q(V2, f"PRAGMA table_info({t})")] for t in names}


def every_value(path: Path) -> dict[str, list[tuple]]:
    """Every row of every version-2 table, in the version-2 columns."""
    return {t: q(path, f"SELECT {', '.join(c for c, _ in cols)} FROM {t} ORDER BY rowid")
            for t, cols in v2_tables().items()}


def search(path: Path, words: str) -> set[int]:
    return {r[0] for r in q(path, "SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?", words)}


@pytest.fixture
def v2_copy(tmp_path: Path) -> Path:
    (tmp_path / "files").mkdir()
    path = tmp_path / "files" / "from-version-2.revmentor"
    shutil.copyfile(V2, path)
    return path


def plant_text_everywhere(path: Path) -> dict[tuple[str, str, int], str]:
    """Put distinct text in every text column of every row of every table (and distinct ratings in
    the sessions); returns {(table, column, rowid): text}. Columns whose CHECK refuses free text
    are left as they are — and must be exactly the known choice columns, so none is forgotten."""
    planted: dict[tuple[str, str, int], str] = {}
    refused: set[tuple[str, str]] = set()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        for table, columns in v2_tables().items():
            for column, declared in columns:
                if declared.upper() != "TEXT":
                    continue
                for (rowid,) in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid").fetchall():
                    text = f"planted {table}.{column} row{rowid} — ünïcode ✓"
                    try:
                        conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (text, rowid))
                    except sqlite3.IntegrityError:
                        refused.add((table, column))
                        break
                    planted[(table, column, rowid)] = text
        for rowid, rating in ((1, 2), (2, 3), (3, 1)):
            conn.execute("UPDATE journal_entry SET rating = ? WHERE id = ?", (rating, rowid))
    finally:
        conn.close()
    assert refused == CHOICE_COLUMNS
    return planted


# -- the upgrade keeps everything --------------------------------------------------------------------


def assert_the_fixture_is_a_version_2_file() -> None:
    """The committed file is what version 2 wrote: its header, its layout (frozen steps 1 and 2
    still make exactly it), a row in every table, its search index."""
    check = check_header(V2)
    assert check.schema_version == 2
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in STEPS[:2]:
            step(conn)
        made = set(conn.execute("SELECT type, name, sql FROM sqlite_master"))
    finally:
        conn.close()
    assert made == set(q(V2, "SELECT type, name, sql FROM sqlite_master"))
    for table in v2_tables():
        assert q(V2, f"SELECT count(*) FROM {table}")[0][0] > 0, table
    assert search(V2, "narwhal") == {1}


def test_upgrading_a_version_2_file_keeps_every_text_it_held(v2_copy: Path, tmp_path: Path) -> None:
    assert_the_fixture_is_a_version_2_file()
    planted = plant_text_everywhere(v2_copy)
    with_text = {t for t, cols in v2_tables().items() if any(d == "TEXT" for _c, d in cols)}
    assert {t for t, _c, _r in planted} == with_text == set(v2_tables()) - {"entry_goal"}
    before = every_value(v2_copy)
    folder = tmp_path / "backups"

    store = Store.open(v2_copy, backup_folder=folder)  # the normal open path, as the window opens
    try:
        assert q(v2_copy, "PRAGMA user_version") == [(SCHEMA_VERSION,)] and SCHEMA_VERSION >= 3
        # Every value of every version-2 column is as it was: text, ratings, dates, ids.
        assert every_value(v2_copy) == before
        for (table, column, rowid), text in planted.items():
            assert q(v2_copy, f"SELECT {column} FROM {table} WHERE rowid = ?", rowid) == [(text,)]
        assert q(v2_copy, "SELECT id, rating FROM journal_entry ORDER BY id") == [(1, 2), (2, 3), (3, 1)]
        # Feedback whose direction nobody recorded is moved nowhere: no direction is guessed.
        assert q(v2_copy, "SELECT DISTINCT mentor_says_keep, mentor_says_try, mentee_says_keep,"
                          " mentee_says_try, mentor_rating, mentee_rating FROM journal_entry") == [
            ("", "", "", "", None, None)]
        # …and the app reads it where it always was.
        entry = ops.get_entry(store, 1)
        assert entry.feedback_good == "planted journal_entry.feedback_good row1 — ünïcode ✓"
        assert entry.feedback_improve == "planted journal_entry.feedback_improve row1 — ünïcode ✓"
        assert entry.rating == 2
        # Search still finds all of it, the old feedback and the action items included.
        assert search(v2_copy, '"journal_entry.feedback_improve row2"') == {2}
        assert search(v2_copy, '"action_item.text row4"') == {3}
        conn = sqlite3.connect(f"file:{v2_copy}?mode=ro", uri=True)
        try:
            assert integrity.row_problems(conn) == []
        finally:
            conn.close()
        p = reads.get_partnership(store)
        assert (p.check_in_every, p.closed_on, p.checklist_dismissed) == (4, None, False)
    finally:
        store.close()

    [info] = backup.list_backups(folder)  # backed up first, as it was
    assert info.reason == "before-upgrade"
    assert q(info.path, "PRAGMA user_version") == [(2,)]
    assert every_value(info.path) == before


def test_new_feedback_is_searchable_in_an_upgraded_file(v2_copy: Path) -> None:
    store = Store.open(v2_copy)
    try:
        ops.update_entry(store, 2, mentor_says_keep="quokka", mentor_says_try="axolotl",
                         mentee_says_keep="capybara", mentee_says_try="okapi")
        for word in ("quokka", "axolotl", "capybara", "okapi"):
            assert 2 in search(v2_copy, word), word
        assert search(v2_copy, "narwhal") == {1}  # action items still indexed with their entry
        ops.update_entry(store, 2, mentee_says_try="")
        assert search(v2_copy, "okapi") == set()
    finally:
        store.close()


def test_an_upgraded_version_2_file_matches_a_new_file(v2_copy: Path, tmp_path: Path) -> None:
    Store.open(v2_copy).close()
    new = tmp_path / "new.revmentor"
    Store.create(new, {"mentor_name": "A", "mentee_name": "B", "start_date": "2024-01-01"}).close()
    layout = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%'"
    assert set(q(v2_copy, layout)) == set(q(new, layout))
    assert {("table", "check_in"), ("table", "review"), ("table", "review_goal")} <= {
        (t, n) for t, n, _sql in q(new, layout)}


def _half_done_step_3(conn: sqlite3.Connection) -> None:
    migrations._run(conn, migrations._V3)
    raise RuntimeError("power cut halfway through the upgrade")


def test_an_upgrade_that_fails_midway_leaves_a_version_2_file(
        v2_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = v2_copy.read_bytes()
    monkeypatch.setattr(store_mod, "STEPS", (*STEPS[:2], _half_done_step_3))
    with pytest.raises(RuntimeError, match="power cut"):
        Store.open(v2_copy)
    assert v2_copy.read_bytes() == before
    assert sorted(p.name for p in v2_copy.parent.iterdir()) == [v2_copy.name]


def test_a_version_1_file_upgrades_all_the_way_or_not_at_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two steps, one transaction: an upgrade that fails in step 3 leaves version 1, not 2."""
    path = tmp_path / "from-version-1.revmentor"
    shutil.copyfile(V2.parent / "v1.revmentor", path)
    before = path.read_bytes()
    monkeypatch.setattr(store_mod, "STEPS", (*STEPS[:2], _half_done_step_3))
    with pytest.raises(RuntimeError, match="power cut"):
        Store.open(path)
    assert path.read_bytes() == before
    assert q(path, "PRAGMA user_version") == [(1,)]
    monkeypatch.undo()
    Store.open(path).close()
    assert q(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
