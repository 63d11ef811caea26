"""Backups of a partnership file: made consistently, checked before they count, thinned by age, and
restored without ever losing the state they replace.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop.data import backup, ops
from revmentor_desktop.data.backup import (
    change_counter,
    cleanup_partials,
    folder_for,
    list_backups,
    make_backup,
    needs_backup,
    restore,
    save_copy,
    thin,
)
from revmentor_desktop.data.migrations import SCHEMA_VERSION
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError
from tests.helpers import folder_state, no_wait_on
from tests.helpers import sql_rows as q

V1 = Path(__file__).parent / "data" / "v1.revmentor"
TABLES = ("partnership", "focus_area", "agreement_clause", "goal", "milestone", "journal_entry",
          "entry_goal", "action_item", "swot_item", "swot_snapshot", "swot_snapshot_item", "skill",
          "skill_rating")
NOW = datetime(2025, 6, 30, 12, 0, tzinfo=UTC)
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # a rollback journal SQLite will play back


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row the user wrote, table by table."""
    return {t: q(path, f"SELECT * FROM {t} ORDER BY rowid") for t in TABLES}


def integrity(path: Path) -> list[tuple]:
    return q(path, "PRAGMA integrity_check")


def goal_titles(path: Path) -> list[str]:
    return [r[0] for r in q(path, "SELECT title FROM goal ORDER BY id")]


def name_for(when: datetime, counter: int = 7, reason: str = "auto") -> str:
    """A backup's file name, as make_backup writes it (test_names_follow_the_scheme proves it)."""
    return f"{when:%Y%m%dT%H%M%S%f}Z-c{counter}-{reason}.revmentor"


def corrupt(path: Path) -> None:
    """Keep the first page (so it is still SQLite) and overwrite every other page with junk."""
    data = bytearray(path.read_bytes())
    assert len(data) >= 3 * 4096
    data[4096:] = b"\xa5" * (len(data) - 4096)
    path.write_bytes(bytes(data))


def edit(path: Path, *titles: str) -> None:
    store = Store.open(path)
    try:
        for title in titles:
            ops.add_goal(store, title)
    finally:
        store.close()


def crash_mid_write(live: Path, crashed: Path) -> None:
    """Make `crashed` what `live` would be had the app died mid-transaction: the file with some
    uncommitted pages already written into it, and the hot journal that undoes them."""
    conn = sqlite3.connect(live, isolation_level=None)
    try:
        conn.execute("PRAGMA cache_size = 1")  # spill dirty pages into the file before commit
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE goal SET title = title || ' (never saved)'")
        conn.executemany(
            "INSERT INTO goal (title, owner, status, created_at) VALUES (?, 'shared', "
            "'not_started', '2025-01-01 00:00:00')",
            [(f"never saved {i} " + "x" * 2000,) for i in range(60)])
        shutil.copyfile(live, crashed)
        shutil.copyfile(f"{live}-journal", f"{crashed}-journal")
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    assert Path(f"{crashed}-journal").read_bytes()[:8] == JOURNAL_MAGIC  # really hot


@pytest.fixture
def pair(tmp_path: Path, partnership_file: Path) -> Path:
    """A partnership file with some edits, alone in a folder of its own."""
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "pair.revmentor"
    partnership_file.replace(path)
    edit(path, "Learn the chat client", "Run a meeting in chat")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the pair's backups go (not created yet: make_backup creates it)."""
    return tmp_path / "backups" / "pair"


# -- make_backup -------------------------------------------------------------------------------------


def test_a_backup_is_private_sound_and_named_by_the_change_counter(pair: Path, folder: Path) -> None:
    counter = change_counter(pair)
    assert counter is not None and counter > 1
    info = make_backup(pair, folder, "auto", now=NOW)
    assert info.path.parent == folder
    assert info.path.name == name_for(NOW, counter, "auto")
    assert (info.taken_at, info.counter, info.reason) == (NOW, counter, "auto")
    assert info.size == info.path.stat().st_size
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert integrity(info.path) == [("ok",)]
    assert backup._integrity_ok(info.path)
    assert rows(info.path) == rows(pair)
    assert q(info.path, "PRAGMA journal_mode") == [("delete",)]
    assert info.counts() == (2, 0)
    assert list_backups(folder) == [info]
    assert os.listdir(folder) == [info.path.name]  # nothing else: no .part, no -journal


def test_names_follow_the_scheme(pair: Path, folder: Path) -> None:
    when = datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=UTC)
    info = make_backup(pair, folder, "before-upgrade", now=when)
    assert info.path.name == name_for(when, change_counter(pair) or 0, "before-upgrade")
    assert list_backups(folder)[0].taken_at == when


@pytest.mark.parametrize(("asked", "stored"), [("auto", "auto"), ("Before Upgrade", "before-upgrade"),
                                               ("", "auto"), ("../../etc", "------etc")])
def test_the_reason_becomes_a_safe_part_of_the_name(pair: Path, folder: Path, asked: str,
                                                    stored: str) -> None:
    info = make_backup(pair, folder, asked, now=NOW)
    assert info.reason == stored
    assert info.path.parent == folder
    assert [b.reason for b in list_backups(folder)] == [stored]


def test_backing_up_something_that_is_not_a_database_is_refused(tmp_path: Path, folder: Path) -> None:
    notes = tmp_path / "notes.revmentor"
    notes.write_text("just some notes\n")
    with pytest.raises(KnownError) as info:
        make_backup(notes, folder)
    assert info.value.kind is ErrorKind.NOT_SQLITE
    assert not folder.exists()


def test_backups_of_a_file_being_written_are_each_a_consistent_moment(pair: Path,
                                                                        folder: Path) -> None:
    """Another connection commits goals with three milestones each (one transaction per goal)
    while backups are taken: every backup holds whole transactions only, in order.

    The writer pauses a few milliseconds between commits, as even the fastest typist does: a writer
    committing back to back starves SQLite's readers (a backup then takes seconds, each retry
    waiting the backup API's 250 ms), which is slow but not wrong.
    """
    store = Store.open(pair)  # the app has the file open, as it does when it backs up
    stop = threading.Event()
    failures: list[Exception] = []
    committed = [0]

    def writer() -> None:
        conn = store.raw()
        try:
            i = 0
            while not stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                cur = conn.execute(
                    "INSERT INTO goal (title, owner, status, created_at) VALUES (?, 'shared', "
                    "'in_progress', '2025-01-01 00:00:00')", (f"t{i}",))
                conn.executemany(
                    "INSERT INTO milestone (goal_id, position, title) VALUES (?, ?, ?)",
                    [(cur.lastrowid, k, f"t{i}.m{k}") for k in range(3)])
                conn.execute("UPDATE journal_entry SET notes = ? WHERE id = (SELECT min(id) "
                             "FROM journal_entry)", (f"t{i}",))
                conn.execute("COMMIT")
                i += 1
                committed[0] = i
                time.sleep(0.003)
        except Exception as exc:  # noqa: BLE001 - asserted on below rather than lost in the thread
            failures.append(exc)
        finally:
            conn.close()

    ops.add_entry(store, "2025-01-02", topics="kick-off")
    thread = threading.Thread(target=writer)
    thread.start()
    made = []
    try:
        for i in range(8):
            seen = committed[0]
            while committed[0] == seen and thread.is_alive():  # a new moment for each backup
                time.sleep(0.001)
            made.append(make_backup(pair, folder, "auto", now=NOW + timedelta(seconds=i)))
    finally:
        stop.set()
        thread.join()
        store.close()
    assert failures == []
    counts = []
    for info in made:
        assert integrity(info.path) == [("ok",)]
        titles = [t for t in goal_titles(info.path) if t.startswith("t")]
        assert titles == [f"t{i}" for i in range(len(titles))]  # a prefix: commits in order
        per_goal = q(info.path, "SELECT g.title, count(m.id) FROM goal g LEFT JOIN milestone m "
                                "ON m.goal_id = g.id WHERE g.title LIKE 't%' GROUP BY g.id")
        assert all(n == 3 for _title, n in per_goal)  # never a goal without all its milestones
        notes = q(info.path, "SELECT notes FROM journal_entry")
        assert notes == ([(titles[-1],)] if titles else [("",)])  # same transaction as the goal
        fts = q(info.path, "SELECT rowid, notes FROM journal_fts")
        assert fts == q(info.path, "SELECT id, notes FROM journal_entry")
        counts.append(len(titles))
    assert counts == sorted(counts)
    assert len(set(counts)) == len(counts)  # each backup caught a different moment
    assert [b.path for b in list_backups(folder)] == [b.path for b in reversed(made)]


def test_a_backup_that_fails_its_check_is_discarded(pair: Path, folder: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    good = make_backup(pair, folder, now=NOW)
    edit(pair, "A later goal")
    monkeypatch.setattr(backup, "_integrity_ok", lambda path: False)
    with pytest.raises(KnownError) as info:
        make_backup(pair, folder, now=NOW + timedelta(hours=1))
    assert info.value.kind is ErrorKind.DAMAGED
    assert list_backups(folder) == [good]
    assert os.listdir(folder) == [good.path.name]  # no .part left behind
    assert needs_backup(pair, folder)  # the edit is still not backed up


def test_a_copy_damaged_on_the_way_is_caught_by_the_real_check(
    pair: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = make_backup(pair, folder, now=NOW)
    real_copy = backup._copy_consistently

    def copy_then_rot(source: Path, target: Path) -> None:
        real_copy(source, target)
        corrupt(target)

    monkeypatch.setattr(backup, "_copy_consistently", copy_then_rot)
    with pytest.raises(KnownError) as info:
        make_backup(pair, folder, now=NOW + timedelta(hours=1))
    assert info.value.kind is ErrorKind.DAMAGED
    assert list_backups(folder)[0] == good  # the damaged one is never the newest good one
    assert os.listdir(folder) == [good.path.name]


def test_a_backup_that_cannot_be_written_leaves_nothing(pair: Path, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_bytes(b"a file where the folder should be")
    with pytest.raises(KnownError) as info:
        make_backup(pair, not_a_folder)
    assert info.value.kind is ErrorKind.CANNOT_WRITE
    assert not_a_folder.read_bytes() == b"a file where the folder should be"


@pytest.mark.parametrize("broken", ["the file's folder", "the backups folder"])
def test_a_backup_folder_that_is_a_link_to_nowhere_is_a_clear_message(
        pair: Path, tmp_path: Path, broken: str) -> None:
    """A backups folder moved to a drive that is not plugged in: say so, and create nothing at
    the link's target (that would put backups on the mount point of the missing drive)."""
    root = tmp_path / "backups"
    folder = root / "pair"
    gone = tmp_path / "unplugged drive" / "backups"
    if broken == "the backups folder":
        root.symlink_to(gone)
    else:
        root.mkdir()
        folder.symlink_to(gone)
    with pytest.raises(KnownError) as info:
        make_backup(pair, folder)
    assert info.value.kind is ErrorKind.CANNOT_WRITE
    assert info.value.message.startswith(f"Backups cannot be written to “{folder}”: ")
    assert str(gone) in info.value.message and "does not exist" in info.value.message
    assert info.value.hint
    assert not gone.exists() and not gone.parent.exists()
    assert list_backups(folder) == [] and not needs_backup(tmp_path / "missing", folder)
    cleanup_partials([folder])  # nothing to clean, and no error either


def test_a_backup_folder_that_is_a_link_to_a_file_lists_no_backups(pair: Path,
                                                                   tmp_path: Path) -> None:
    a_file = tmp_path / "a file"
    a_file.write_bytes(b"not a folder")
    folder = tmp_path / "backups"
    folder.symlink_to(a_file)
    assert list_backups(folder) == []
    with pytest.raises(KnownError) as info:
        make_backup(pair, folder)
    assert info.value.message.startswith(f"Backups cannot be written to “{folder}”: ")
    assert a_file.read_bytes() == b"not a folder"


def test_a_crashed_file_is_backed_up_as_last_saved(pair: Path, folder: Path, tmp_path: Path) -> None:
    crashed = tmp_path / "crashed" / "pair.revmentor"
    crashed.parent.mkdir()
    saved = rows(pair)
    crash_mid_write(pair, crashed)
    info = make_backup(crashed, folder, now=NOW)
    assert rows(info.path) == saved


# -- needs_backup and list_backups -------------------------------------------------------------------


def test_needs_backup_follows_writes(pair: Path, folder: Path, tmp_path: Path) -> None:
    assert needs_backup(pair, folder)  # none yet
    make_backup(pair, folder, now=NOW)
    assert not needs_backup(pair, folder)
    Store.open(pair).close()  # opening and reading write nothing
    assert not needs_backup(pair, folder)
    edit(pair, "One more goal")
    assert needs_backup(pair, folder)
    make_backup(pair, folder, now=NOW + timedelta(minutes=1))
    assert not needs_backup(pair, folder)
    stranger = tmp_path / "stranger.txt"
    stranger.write_text("not a database")
    assert not needs_backup(stranger, folder)
    assert not needs_backup(tmp_path / "missing.revmentor", folder)


def test_list_backups_is_newest_first_and_ignores_everything_else(pair: Path, folder: Path) -> None:
    times = [NOW - timedelta(days=3), NOW, NOW - timedelta(days=40), NOW - timedelta(seconds=1)]
    made = {when: make_backup(pair, folder, "auto", now=when) for when in times}
    template = made[NOW].path
    for junk in ["notes.txt", "backup.revmentor", f".{name_for(NOW)}.part",
                 f"{name_for(NOW)}-journal", name_for(NOW, reason="Auto"),
                 name_for(NOW).replace(".revmentor", ".revmentor.bak"),
                 "20250630T120000Z-c7-auto.revmentor"]:
        shutil.copyfile(template, folder / junk)
    (folder / name_for(NOW + timedelta(days=1)).replace(".revmentor", "")).mkdir()
    listed = list_backups(folder)
    assert [b.taken_at for b in listed] == sorted(times, reverse=True)
    assert listed == [made[t] for t in sorted(times, reverse=True)]
    assert list_backups(folder / "missing") == []


def test_list_backups_skips_a_name_with_an_impossible_date(pair: Path, folder: Path) -> None:
    good = make_backup(pair, folder, now=NOW)
    shutil.copyfile(good.path, folder / "20251399T250000000000Z-c7-auto.revmentor")
    assert list_backups(folder) == [good]


# -- thin --------------------------------------------------------------------------------------------


def plant(folder: Path, template: Path, when: datetime, reason: str = "auto") -> Path:
    path = folder / name_for(when, reason=reason)
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def template(pair: Path, tmp_path: Path) -> Path:
    return make_backup(pair, tmp_path / "template", now=NOW).path


def test_thin_keeps_ten_newest_a_day_for_two_weeks_a_week_for_three_months(
    folder: Path, template: Path
) -> None:
    folder.mkdir(parents=True)
    keep: set[Path] = set()
    drop: set[Path] = set()
    # Today, hourly: the newest 10 stay (the newest of them is also today's one).
    for hour in range(12):
        (keep if hour >= 2 else drop).add(plant(folder, template, NOW.replace(hour=hour)))
    # The last two weeks, three a day: the day's newest stays.
    for days in range(1, 13):
        day = NOW - timedelta(days=days)
        for hour in (9, 15, 21):
            (keep if hour == 21 else drop).add(plant(folder, template, day.replace(hour=hour)))
    # Three weeks to twelve weeks ago, daily: each ISO week's newest stays.
    newest_of_week: dict[tuple[int, int], Path] = {}
    for days in range(20, 85):
        when = (NOW - timedelta(days=days)).replace(hour=10)
        path = plant(folder, template, when)
        week = tuple(when.isocalendar()[:2])
        if week not in newest_of_week:  # days ascend, so the first seen is the week's newest
            newest_of_week[week] = path
        drop.add(path)
    keep |= set(newest_of_week.values())
    drop -= keep
    # Older than three months: gone, except the newest before-upgrade backup.
    for days in (100, 130, 160, 190):
        drop.add(plant(folder, template, NOW - timedelta(days=days)))
    keep.add(plant(folder, template, NOW - timedelta(days=200), "before-upgrade"))
    drop.add(plant(folder, template, NOW - timedelta(days=250), "before-upgrade"))

    removed = thin(folder, now=NOW)
    assert set(removed) == drop
    assert len(removed) == len(drop)
    assert {b.path for b in list_backups(folder)} == keep
    assert set(folder.iterdir()) == keep
    assert thin(folder, now=NOW) == []  # thinning again changes nothing


def test_thin_never_keeps_fewer_than_the_newest_ten_however_old(folder: Path,
                                                                template: Path) -> None:
    folder.mkdir(parents=True)
    paths = [plant(folder, template, NOW - timedelta(days=365 * years)) for years in range(1, 13)]
    removed = thin(folder, now=NOW)
    assert set(removed) == set(paths[10:])
    assert [b.path for b in list_backups(folder)] == paths[:10]


def test_thin_keeps_the_newest_before_upgrade_backup_wherever_it_falls(folder: Path,
                                                                       template: Path) -> None:
    folder.mkdir(parents=True)
    for hour in range(10, 22):  # twelve newer ones today
        plant(folder, template, NOW.replace(hour=hour) - timedelta(days=1))
    day = NOW - timedelta(days=30)
    upgrade = plant(folder, template, day.replace(hour=9), "before-upgrade")
    plant(folder, template, day.replace(hour=10))  # the newer one that keeps its week
    older_upgrade = plant(folder, template, NOW - timedelta(days=200), "before-upgrade")
    removed = thin(folder, now=NOW)
    assert upgrade.exists()
    assert older_upgrade in removed and not older_upgrade.exists()


# -- restore -----------------------------------------------------------------------------------------


def test_restore_backs_up_the_current_state_then_puts_the_backup_in_place(
    pair: Path, folder: Path
) -> None:
    old = make_backup(pair, folder, now=NOW - timedelta(days=2))
    old_rows = rows(old.path)
    edit(pair, "Made after the backup")
    current = rows(pair)
    safety = restore(old.path, pair, folder)
    assert safety is not None
    assert safety.reason == "before-restore"
    assert rows(safety.path) == current  # nothing the user had is lost
    assert integrity(safety.path) == [("ok",)]
    assert [b for b in list_backups(folder) if b.reason == "before-restore"] == [safety]
    assert rows(pair) == old_rows
    assert integrity(pair) == [("ok",)]
    assert stat.S_IMODE(pair.stat().st_mode) == 0o600
    assert sorted(p.name for p in pair.parent.iterdir()) == [pair.name]  # no temporary left
    assert old.path.exists()  # the backup itself stays
    store = Store.open(pair)
    try:
        assert "Made after the backup" not in [g.title for g in ops.list_goals(store)]
    finally:
        store.close()


def test_restore_removes_the_journal_of_a_crashed_file(pair: Path, folder: Path,
                                                      tmp_path: Path) -> None:
    """A journal left beside the file belongs to the old content: played back into the restored
    copy it would corrupt it, so it must go."""
    good = make_backup(pair, folder, now=NOW - timedelta(days=1))
    crashed = tmp_path / "crashed" / "pair.revmentor"
    crashed.parent.mkdir()
    crash_mid_write(pair, crashed)
    restore(good.path, crashed, folder)
    assert not Path(f"{crashed}-journal").exists()
    assert integrity(crashed) == [("ok",)]
    assert rows(crashed) == rows(good.path)
    Store.open(crashed).close()
    assert rows(crashed) == rows(good.path)


def test_restore_over_a_crashed_file_keeps_its_last_saved_state(pair: Path, folder: Path,
                                                                tmp_path: Path) -> None:
    good = make_backup(pair, folder, now=NOW - timedelta(days=1))
    edit(pair, "Saved after the backup, before the crash")
    saved = rows(pair)
    crashed = tmp_path / "crashed" / "pair.revmentor"
    crashed.parent.mkdir()
    crash_mid_write(pair, crashed)
    safety = restore(good.path, crashed, folder)
    assert safety is not None
    assert rows(safety.path) == saved


def test_restore_refuses_a_damaged_backup_and_leaves_the_file_alone(pair: Path,
                                                                   folder: Path) -> None:
    bad = make_backup(pair, folder, now=NOW - timedelta(days=1))
    corrupt(bad.path)
    before = {p.name: p.read_bytes() for p in pair.parent.iterdir()}
    with pytest.raises(KnownError) as info:
        restore(bad.path, pair, folder)
    assert info.value.kind is ErrorKind.DAMAGED
    assert {p.name: p.read_bytes() for p in pair.parent.iterdir()} == before
    assert list_backups(folder) == [bad]  # no before-restore backup for a restore that never was


def test_restore_when_the_file_is_gone(pair: Path, folder: Path) -> None:
    good = make_backup(pair, folder, now=NOW)
    pair.unlink()
    assert restore(good.path, pair, folder) is None
    assert rows(pair) == rows(good.path)


def test_restore_through_a_symlink_puts_the_backup_in_the_real_file_and_keeps_the_link(
        pair: Path, folder: Path, tmp_path: Path) -> None:
    good = make_backup(pair, folder, now=NOW - timedelta(days=1))
    edit(pair, "Made after the backup")
    current = rows(pair)
    elsewhere = tmp_path / "shortcuts"
    elsewhere.mkdir()
    link = elsewhere / "pair.revmentor"
    link.symlink_to(pair)
    safety = restore(good.path, link, folder)
    assert link.is_symlink() and link.readlink() == pair  # the user's link is left as it was
    assert rows(pair) == rows(good.path)  # the real file holds the backup
    assert integrity(pair) == [("ok",)]
    assert safety is not None and rows(safety.path) == current
    assert stat.S_IMODE(pair.stat().st_mode) == 0o600
    assert sorted(p.name for p in elsewhere.iterdir()) == [link.name]  # no temporary left there
    assert sorted(p.name for p in pair.parent.iterdir()) == [pair.name]  # nor beside the file


def test_needs_backup_after_restore_sees_every_new_edit(pair: Path, folder: Path) -> None:
    old = make_backup(pair, folder, now=NOW - timedelta(days=1))
    edit(pair, *[f"later {i}" for i in range(10)])
    safety = restore(old.path, pair, folder)
    assert safety is not None
    store = Store.open(pair)
    try:
        i = 0
        while (change_counter(pair) or 0) < safety.counter:
            ops.add_goal(store, f"after the restore {i}")
            i += 1
    finally:
        store.close()
    assert needs_backup(pair, folder)  # these goals are in no backup


# -- save_copy ---------------------------------------------------------------------------------------


def test_save_copy_is_a_consistent_private_copy(pair: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "copy.revmentor"
    target.parent.mkdir()
    target.write_bytes(b"an older copy to replace")
    committed = rows(pair)
    store = Store.open(pair)
    conn = store.raw()
    try:
        conn.execute("BEGIN IMMEDIATE")  # someone is mid-edit: the copy must not see it
        conn.execute("INSERT INTO goal (title, owner, status, created_at) VALUES "
                     "('uncommitted', 'shared', 'not_started', '2025-01-01 00:00:00')")
        save_copy(pair, target)
        conn.execute("COMMIT")
    finally:
        conn.close()
        store.close()
    assert integrity(target) == [("ok",)]
    assert rows(target) == committed
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.revmentor"]
    assert "uncommitted" in goal_titles(pair)
    Store.open(target).close()


@pytest.mark.parametrize("spelling", [
    lambda p: p,
    lambda p: p.parent / "." / p.name,
    lambda p: p.parent.parent / p.parent.name / ".." / p.parent.name / p.name,
    lambda p: Path(os.path.relpath(p)),
])
def test_save_copy_refuses_to_overwrite_the_file_itself(pair: Path,
                                                         spelling: Callable[[Path], Path]) -> None:
    before = pair.read_bytes()
    with pytest.raises(KnownError) as info:
        save_copy(pair, spelling(pair))
    assert info.value.kind is ErrorKind.ALREADY_EXISTS
    assert pair.read_bytes() == before
    assert sorted(p.name for p in pair.parent.iterdir()) == [pair.name]


def test_save_copy_refuses_another_name_of_the_file_itself(pair: Path, tmp_path: Path) -> None:
    other = tmp_path / "hard link.revmentor"
    os.link(pair, other)
    before = pair.read_bytes()
    with pytest.raises(KnownError) as info:
        save_copy(pair, other)
    assert info.value.kind is ErrorKind.ALREADY_EXISTS
    assert pair.read_bytes() == before and os.path.samefile(pair, other)


def test_save_copy_refuses_a_symlink_to_the_file_itself(pair: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.revmentor"
    link.symlink_to(pair)
    before = pair.read_bytes()
    with pytest.raises(KnownError):
        save_copy(pair, link)
    assert pair.read_bytes() == before
    assert link.is_symlink()


# -- upgrading makes a version-1 backup first ----------------------------------------------------------


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    (tmp_path / "files").mkdir()
    path = tmp_path / "files" / "old.revmentor"
    shutil.copyfile(V1, path)
    return path


def test_opening_an_old_file_backs_it_up_as_it_was_before_upgrading(v1_copy: Path,
                                                                     folder: Path) -> None:
    original = rows(v1_copy)
    store = Store.open(v1_copy, backup_folder=folder)
    store.close()
    assert q(v1_copy, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    [info] = list_backups(folder)
    assert info.reason == "before-upgrade"
    assert q(info.path, "PRAGMA user_version") == [(1,)]
    assert q(info.path, "SELECT count(*) FROM sqlite_master WHERE name = 'journal_fts'") == [(0,)]
    assert integrity(info.path) == [("ok",)]
    assert rows(info.path) == original
    assert info.path.read_bytes()[60:64] == (1).to_bytes(4, "big")  # the header says so too
    Store.open(v1_copy, backup_folder=folder).close()  # already upgraded: no second backup
    assert list_backups(folder) == [info]


def test_a_current_file_is_not_backed_up_on_open(pair: Path, folder: Path) -> None:
    Store.open(pair, backup_folder=folder).close()
    assert list_backups(folder) == []


def test_no_upgrade_without_its_backup(v1_copy: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "backups"
    blocked.write_bytes(b"a file where the backup folder should be")
    before = v1_copy.read_bytes()
    with pytest.raises(KnownError):
        Store.open(v1_copy, backup_folder=blocked)
    assert v1_copy.read_bytes() == before
    assert sorted(p.name for p in v1_copy.parent.iterdir()) == [v1_copy.name]


# -- cleanup_partials and folder_for -------------------------------------------------------------------


def test_cleanup_partials_removes_only_half_written_backups(pair: Path, folder: Path,
                                                           tmp_path: Path) -> None:
    good = make_backup(pair, folder, now=NOW)
    other = tmp_path / "backups" / "other"
    other.mkdir()
    partials = [folder / f".{name_for(NOW)}.part", folder / ".x.part", other / f".{good.path.name}.part"]
    kept = [folder / "notes.txt", folder / "visible.part", other / "keep.revmentor"]
    for path in partials + kept:
        path.write_bytes(b"half")
    cleanup_partials([folder, other, tmp_path / "missing"])
    assert not any(p.exists() for p in partials)
    assert all(p.exists() for p in kept)
    assert list_backups(folder) == [good]


def test_folder_for_is_one_stable_folder_per_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "backups"
    a, b = tmp_path / "a.revmentor", tmp_path / "sub" / "a.revmentor"
    assert folder_for(root, a) == folder_for(root, a)
    assert folder_for(root, a) != folder_for(root, b)
    assert folder_for(root, a) != folder_for(root, tmp_path / "A.revmentor")
    assert folder_for(root, a).parent == root
    monkeypatch.chdir(tmp_path)
    assert folder_for(root, Path("a.revmentor")) == folder_for(root, a)  # same file, same folder
    assert folder_for(root, tmp_path / "sub" / ".." / "a.revmentor") == folder_for(root, a)
    names = {folder_for(root, tmp_path / f"{i}.revmentor").name for i in range(200)}
    assert len(names) == 200


@pytest.mark.parametrize("copy", ["backup", "save a copy"])
def test_a_pipe_beside_the_file_stops_a_backup_or_copy_at_once_and_nothing_is_touched(
        pair: Path, folder: Path, tmp_path: Path, copy: str) -> None:
    """A backup is taken while the file is open (on close, every so often): a pipe put where SQLite
    looks for the file's journal would make it wait for ever."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = Path(f"{pair}-journal")
    os.mkfifo(pipe)
    target = tmp_path / "copy.revmentor"
    before = folder_state(pair.parent)
    with no_wait_on(pipe), pytest.raises(KnownError) as info:
        if copy == "backup":
            make_backup(pair, folder)
        else:
            backup.save_copy(pair, target)
    so = "no backup was made" if copy == "backup" else "the copy was not made"
    assert info.value.message == (f"Beside “{pair.name}”, “{pipe.name}” is a pipe, not a file SQLite "
                                  f"could have left there, so {so}.")
    assert folder_state(pair.parent) == before
    assert not target.exists() and (not folder.exists() or list(folder.iterdir()) == [])
    pipe.unlink()
    if copy == "backup":
        assert make_backup(pair, folder).path.exists()
    else:
        backup.save_copy(pair, target)
        assert goal_titles(target) == goal_titles(pair)


def test_a_file_system_without_inode_numbers_does_not_make_every_file_the_same(
        pair: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some network drives report st_ino 0 for every file: last week's copy is not the open file."""
    from revmentor_desktop.data import files

    earlier = tmp_path / "last week.revmentor"
    earlier.write_bytes(b"an earlier copy")
    real_stat = os.stat

    def no_inodes(path: Any, *args: Any, **kw: Any) -> Any:
        st = real_stat(path, *args, **kw)
        return os.stat_result((st.st_mode, 0, 0, *tuple(st)[3:]))  # st_ino and st_dev 0

    monkeypatch.setattr(files.os, "stat", no_inodes)
    files.refuse_overwriting(earlier, pair, "not raised")  # another file: no refusal
    with pytest.raises(KnownError):
        files.refuse_overwriting(pair, pair, "the same path still is")
