"""Schema 4: every record a partner may receive has a stable id, in an upgraded file and in a new one,
whatever writes the row; upgrading a version-3 file keeps every value it held."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from share_helpers import q

from revmentor_desktop.data import backup, ops, reads
from revmentor_desktop.data.row_rules import is_uid
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store

V3 = Path(__file__).parent / "data" / "v3.revmentor"
WITH_UID = ("agreement_clause", "goal", "milestone", "journal_entry", "action_item", "swot_item",
            "swot_snapshot", "skill", "skill_rating", "check_in", "review", "review_goal")


def every_value(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'journal_fts%'")]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        conn.close()


def test_a_version_3_file_upgrades_with_a_stable_id_on_every_record(tmp_path: Path) -> None:
    path = tmp_path / "v3.revmentor"
    shutil.copy(V3, path)
    before = every_value(path)
    store = Store.open(path, backup_folder=tmp_path / "backups")
    try:
        store.verify()
    finally:
        store.close()
    after = every_value(path)
    for table, rows in before.items():  # every old value kept, the new columns appended
        assert [r[: len(rows[0])] for r in after[table]] == rows if rows else True, table
    uids = []
    for table in WITH_UID:
        got = [r[0] for r in q(path, f"SELECT uid FROM {table}")]
        assert all(isinstance(u, str) and is_uid(u) for u in got), table
        uids += got
    assert len(uids) == len(set(uids)) and len(uids) > 10
    [(pair,)] = q(path, "SELECT pair_uid FROM partnership")
    assert isinstance(pair, str) and is_uid(pair)
    [info] = backup.list_backups(tmp_path / "backups")
    assert q(info.path, "PRAGMA user_version") == [(3,)]


def test_new_rows_get_a_stable_id_whatever_writes_them(tmp_path: Path) -> None:
    path = tmp_path / "s.revmentor"
    make_sample(path, 4, today=date(2026, 6, 30))  # written with plain SQL
    for table in WITH_UID:
        assert q(path, f"SELECT count(*) FROM {table} WHERE uid IS NULL") == [(0,)], table
    store = Store.open(path)
    try:
        entry_id = ops.add_entry(store, date(2026, 6, 29), topics="Zanzibar")  # through the ORM
        tomb = ops.delete_entry(store, entry_id)
        assert q(path, "SELECT count(*) FROM journal_entry WHERE id = ?", entry_id) == [(0,)]
        ops.restore(store, tomb)  # undo puts back the same record, with the same stable id
        assert reads.get_entry(store, entry_id).topics == "Zanzibar"
    finally:
        store.close()
    [(restored,)] = q(path, "SELECT uid FROM journal_entry WHERE id = ?", entry_id)
    assert isinstance(restored, str) and is_uid(restored)
    assert restored == tomb.rows[0][1]["uid"]
    # the search index holds the new entry once
    assert q(path, "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'Zanzibar'") == [(1,)]


def test_an_earlier_format_file_is_neither_shared_nor_imported_into_until_brought_up_to_date(
        tmp_path: Path) -> None:
    """Read without being upgraded in place, a version-3 file gets a new partnership id and new
    record ids at every open: a share written from it could never be exchanged back, and an import
    used to upgrade it in place before being refused for that very reason."""
    import pytest

    from revmentor_desktop import share_cli
    from revmentor_desktop.data import share
    from revmentor_desktop.data.sample_pair import make_pair
    from revmentor_desktop.errors import KnownError
    from tests.helpers import sha256

    path = tmp_path / "v3.revmentor"
    shutil.copy(V3, path)
    before = sha256(path)
    store = Store.open(path, read_only=True)
    try:
        assert store.upgraded_copy
        with pytest.raises(KnownError) as info:
            share.export_share(store, tmp_path / "out.revshare")
    finally:
        store.close()
    assert "earlier RevMentor" in info.value.message and "then share it" in info.value.hint
    a, b = tmp_path / "a.revmentor", tmp_path / "b.revmentor"
    make_pair(a, b, sessions=2)
    theirs = tmp_path / "theirs.revshare"
    store = Store.open(b, read_only=True)
    try:
        assert not store.upgraded_copy
        share.export_share(store, theirs)
    finally:
        store.close()
    with pytest.raises(KnownError) as info:
        share_cli.import_share(path, theirs, None)
    assert "then import" in info.value.hint
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == [  # (home: the lock's)
        "a.revmentor", "b.revmentor", "theirs.revshare", "v3.revmentor"]
    Store.open(path).close()  # brought up to date in place (as the window opens it): shared at once
    store = Store.open(path, read_only=True)
    try:
        assert not store.upgraded_copy
        share.export_share(store, tmp_path / "out.revshare")
    finally:
        store.close()
