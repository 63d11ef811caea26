"""The store: creating a partnership file, refusing what it cannot open, and saying why.

Every refusal must leave the file and its folder exactly as they were: same bytes, no side files.
"""

from __future__ import annotations

import errno
import functools
import os
import random
import sqlite3
import stat
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop.data import ops, reads
from revmentor_desktop.data import store as store_mod
from revmentor_desktop.data.file_check import check_header
from revmentor_desktop.data.migrations import APPLICATION_ID, SCHEMA_VERSION
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import ValidationError
from revmentor_desktop.data.vocab import Role
from revmentor_desktop.errors import ErrorKind, KnownError
from tests.helpers import folder_state, no_wait_on

PARTNERSHIP = {"mentor_name": "Priya", "mentee_name": "Gerald", "start_date": "2024-01-08"}


def raw_query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of the test's own: tmp_path may also hold the harness's app-data folders."""
    path = tmp_path / "files"
    path.mkdir()
    return path


@pytest.fixture(scope="module")
def real_file(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a real partnership file, big enough to have many pages."""
    path = tmp_path_factory.mktemp("real") / "real.revmentor"
    store = Store.create(path, PARTNERSHIP, focus_areas=["Technology adoption"])
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO journal_entry (held_on, duration_minutes, notes, created_at) VALUES (?, 60, ?, ?)",
        [
            ("2024-02-01", f"session {i} " + "notes " * 150, "2024-02-01 10:00:00")
            for i in range(200)
        ],
    )
    conn.execute("COMMIT")
    conn.close()
    data = path.read_bytes()
    assert len(data) // 4096 > 40
    return data


# -- Store.create ------------------------------------------------------------------------------------


def test_create_makes_private_file_with_header_and_rows(folder: Path) -> None:
    path = folder / "pair.revmentor"
    store = Store.create(
        path,
        {
            **PARTNERSHIP,
            "me": Role.MENTEE,
            "organisation": "Northwind",
            "review_date": "2024-07-08",
            "cadence_days": 7,
            "duration_minutes": 45,
        },
        focus_areas=["Zeta", "Alpha", "Mu"],
        clauses=["Meet weekly", "Be frank", "Stay confidential"],
    )
    try:
        assert store.read_only is False
        assert store.path == path
    finally:
        store.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    check = check_header(path)
    assert check.application_id == APPLICATION_ID
    assert check.schema_version == SCHEMA_VERSION
    assert raw_query(path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert raw_query(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert raw_query(
        path,
        "SELECT id, mentor_name, mentee_name, me, organisation, start_date, review_date, "
        "cadence_days, duration_minutes FROM partnership",
    ) == [(1, "Priya", "Gerald", "mentee", "Northwind", "2024-01-08", "2024-07-08", 7, 45)]
    assert raw_query(path, "SELECT name, position FROM focus_area ORDER BY id") == [
        ("Zeta", 0),
        ("Alpha", 1),
        ("Mu", 2),
    ]
    assert raw_query(path, "SELECT text, position FROM agreement_clause ORDER BY id") == [
        ("Meet weekly", 0),
        ("Be frank", 1),
        ("Stay confidential", 2),
    ]
    # Only the file itself: the temporary name it was built under is gone.
    assert sorted(p.name for p in folder.iterdir()) == ["pair.revmentor"]


def test_create_fills_defaults_and_cleans_text(folder: Path) -> None:
    path = folder / "pair.revmentor"
    Store.create(
        path,
        {"mentor_name": "  Priya\x00 ", "mentee_name": "Ger\r\nald", "start_date": "2024-01-08"},
    ).close()
    assert raw_query(
        path,
        "SELECT mentor_name, mentee_name, me, organisation, review_date, "
        "cadence_days, duration_minutes FROM partnership",
    ) == [("Priya", "Ger\nald", "mentor", "", None, 14, 60)]
    assert raw_query(path, "SELECT count(*) FROM focus_area") == [(0,)]
    assert raw_query(path, "SELECT count(*) FROM agreement_clause") == [(0,)]


def test_create_makes_a_private_folder_when_it_creates_one(folder: Path) -> None:
    folder = folder / "partnerships"
    Store.create(folder / "pair.revmentor", PARTNERSHIP).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "pair.revmentor").stat().st_mode) == 0o600


def test_create_leaves_an_existing_folder_mode_alone(folder: Path) -> None:
    folder = folder / "shared"
    folder.mkdir()
    folder.chmod(0o755)
    Store.create(folder / "pair.revmentor", PARTNERSHIP).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


def test_create_accepts_a_str_path(folder: Path) -> None:
    Store.create(str(folder / "pair.revmentor"), PARTNERSHIP).close()
    assert check_header(folder / "pair.revmentor").schema_version == SCHEMA_VERSION


@pytest.mark.parametrize("kind", ["file", "partnership", "folder", "dangling-symlink"])
def test_create_refuses_an_existing_path_and_leaves_it_alone(folder: Path, kind: str) -> None:
    path = folder / "pair.revmentor"
    if kind == "file":
        path.write_bytes(b"precious notes\n")
    elif kind == "partnership":
        Store.create(path, {**PARTNERSHIP, "mentor_name": "Original"}).close()
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(folder / "nowhere")
    before = folder_state(folder)
    with pytest.raises(KnownError) as info:
        Store.create(path, PARTNERSHIP)
    assert info.value.kind is ErrorKind.ALREADY_EXISTS
    assert "already exists" in str(info.value)
    assert folder_state(folder) == before


@pytest.mark.parametrize(
    ("partnership", "focus_areas", "clauses", "words"),
    [
        ({**PARTNERSHIP, "mentor_name": ""}, None, None, "Mentor's name cannot be empty"),
        ({**PARTNERSHIP, "mentee_name": " \t\n "}, None, None, "Mentee's name cannot be empty"),
        (
            {**PARTNERSHIP, "review_date": "2023-12-31"},
            None,
            None,
            "review date cannot be before the start date",
        ),
        (
            {"mentor_name": "Priya", "mentee_name": "Gerald"},
            None,
            None,
            "needs both names and a start date",
        ),
        ({**PARTNERSHIP, "start_date": "2024-02-30"}, None, None, "not a real date"),
        (
            {**PARTNERSHIP, "cadence_days": 0},
            None,
            None,
            "Meeting cadence (days) must be from 1 to 365",
        ),
        ({**PARTNERSHIP, "duration_minutes": 601}, None, None, "must be from 5 to 600"),
        ({**PARTNERSHIP, "me": "boss"}, None, None, "Who I am must be one of: mentor, mentee"),
        ({**PARTNERSHIP, "mentor_name": "x" * 101}, None, None, "too long"),
        (PARTNERSHIP, ["Tech", "  "], None, "Focus area cannot be empty"),
        (PARTNERSHIP, None, ["Meet weekly", ""], "Agreement clause cannot be empty"),
    ],
)
def test_create_validation_errors_leave_no_file_behind(
    folder: Path,
    partnership: dict,
    focus_areas: list[str] | None,
    clauses: list[str] | None,
    words: str,
) -> None:
    new_folder = folder / "new-folder"
    with pytest.raises(ValidationError) as info:
        Store.create(
            new_folder / "pair.revmentor", partnership, focus_areas=focus_areas, clauses=clauses
        )
    assert words in str(info.value)
    assert list(folder.iterdir()) == []  # not even the folder


def test_create_failing_midway_leaves_no_file_or_temp_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> str:
        raise RuntimeError("clock broke mid-create")

    monkeypatch.setattr(store_mod, "_now_text", broken)  # inside the insert transaction
    with pytest.raises(RuntimeError, match="clock broke"):
        Store.create(folder / "pair.revmentor", PARTNERSHIP)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("err", "kind"), [(errno.ENOSPC, ErrorKind.DISK_FULL), (errno.EACCES, ErrorKind.CANNOT_WRITE)]
)
def test_create_os_errors_become_known_errors_and_leave_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch, err: int, kind: ErrorKind
) -> None:
    def failing_link(src: object, dst: object) -> None:  # giving the finished file its name
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(store_mod.os, "link", failing_link)
    with pytest.raises(KnownError) as info:
        Store.create(folder / "pair.revmentor", PARTNERSHIP)
    assert info.value.kind is kind
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("where", ["afile/pair.revmentor", "afile/sub/pair.revmentor"])
def test_create_in_an_unusable_folder_is_a_known_error(folder: Path, where: str) -> None:
    (folder / "afile").write_bytes(b"not a folder")
    before = folder_state(folder)
    with pytest.raises(KnownError) as info:
        Store.create(folder / where, PARTNERSHIP)
    assert info.value.kind is ErrorKind.CANNOT_WRITE
    assert folder_state(folder) == before


def test_partnership_created_at_is_stored_in_utc_like_other_rows(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "IST-5:30")  # POSIX form: UTC+05:30, no tz database needed
    time.tzset()
    try:
        store = Store.create(folder / "pair.revmentor", PARTNERSHIP)
        try:
            goal_id = ops.add_goal(store, "Learn the chat client")
            created = reads.get_partnership(store).created_at
            goal_created = ops.get_goal(store, goal_id).created_at
        finally:
            store.close()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    now = datetime.now(UTC)
    assert abs(goal_created - now) < timedelta(minutes=5)  # ops writes UTC correctly
    assert abs(created - now) < timedelta(minutes=5)


# -- Store.open: what it accepts ---------------------------------------------------------------------


def test_open_a_fresh_file_reads_it_and_changes_no_byte(folder: Path) -> None:
    path = folder / "pair.revmentor"
    Store.create(path, PARTNERSHIP, focus_areas=["Tech"]).close()
    before = folder_state(folder)
    store = Store.open(str(path))
    try:
        assert store.read_only is False
        assert reads.get_partnership(store).mentor_name == "Priya"
        assert reads.list_focus_areas(store) == ["Tech"]
    finally:
        store.close()
    assert folder_state(folder) == before


# -- Store.open: what it refuses ---------------------------------------------------------------------


def _write(name: str, content: bytes) -> Callable[[Path, bytes], Path]:
    def build(folder: Path, real: bytes) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return build


def _missing(folder: Path, real: bytes) -> Path:
    return folder / "missing.revmentor"


def _directory(folder: Path, real: bytes) -> Path:
    path = folder / "folder.revmentor"
    path.mkdir()
    return path


def _pipe(folder: Path, real: bytes) -> Path:
    path = folder / "pipe.revmentor"
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(path)  # reading it would wait for a writer forever
    return path


def _device(folder: Path, real: bytes) -> Path:
    path = folder / "zero.revmentor"
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    path.symlink_to("/dev/zero")
    return path


def _truncated(cut: Callable[[bytes], int]) -> Callable[[Path, bytes], Path]:
    def build(folder: Path, real: bytes) -> Path:
        path = folder / "cut.revmentor"
        path.write_bytes(real[: cut(real)])
        return path

    return build


def _foreign(user_version: int) -> Callable[[Path, bytes], Path]:
    def build(folder: Path, real: bytes) -> Path:
        path = folder / "other-app.db"
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('shopping list')")
        conn.execute(f"PRAGMA user_version = {user_version}")
        conn.commit()
        conn.close()
        return path

    return build


def _real_then(sql: str) -> Callable[[Path, bytes], Path]:
    """A real partnership file changed with plain SQL (the way another tool might)."""

    def build(folder: Path, real: bytes) -> Path:
        path = folder / "pair.revmentor"
        path.write_bytes(real)
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(sql)
        conn.close()
        return path

    return build


def _newer_by_header(folder: Path, real: bytes) -> Path:
    data = bytearray(real)
    data[60:64] = (SCHEMA_VERSION + 1).to_bytes(4, "big")
    path = folder / "newer.revmentor"
    path.write_bytes(bytes(data))
    return path


def _damaged(folder: Path, real: bytes) -> Path:
    data = bytearray(real)
    pages = len(data) // 4096
    noise = random.Random(20240108)
    for page in range(pages // 2, pages // 2 + 4):
        data[page * 4096 : (page + 1) * 4096] = noise.randbytes(4096)
    path = folder / "damaged.revmentor"
    path.write_bytes(bytes(data))
    return path


REFUSALS: list[tuple[str, Callable[[Path, bytes], Path], ErrorKind, str]] = [
    ("missing", _missing, ErrorKind.NOT_FOUND, "does not exist"),
    ("empty", _write("empty.revmentor", b""), ErrorKind.EMPTY, "is empty (0 bytes)"),
    (
        "text",
        _write("letter.revmentor", b"Dear Gerald,\nsee you on Tuesday.\n" * 20),
        ErrorKind.NOT_SQLITE,
        "not a SQLite database",
    ),
    (
        "random",
        _write("noise.revmentor", random.Random(7).randbytes(8192)),
        ErrorKind.NOT_SQLITE,
        "not a SQLite database",
    ),
    (
        "png",
        _write("photo.revmentor", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(4080)),
        ErrorKind.NOT_SQLITE,
        "not a SQLite database",
    ),
    ("directory", _directory, ErrorKind.NOT_SQLITE, "is a folder"),
    ("pipe", _pipe, ErrorKind.NOT_SQLITE, "is not a file (a device or a pipe)"),
    ("device", _device, ErrorKind.NOT_SQLITE, "is not a file (a device or a pipe)"),
    ("truncated-50-bytes", _truncated(lambda b: 50), ErrorKind.DAMAGED, "cut short (50 bytes)"),
    (
        "truncated-mid-page",
        _truncated(lambda b: len(b) // 2 + 1234),
        ErrorKind.DAMAGED,
        "size does not match",
    ),
    ("truncated-at-page-boundary", _truncated(lambda b: 3 * 4096), ErrorKind.DAMAGED, "damaged"),
    (
        "foreign-sqlite",
        _foreign(0),
        ErrorKind.NOT_PARTNERSHIP,
        "a SQLite database but not a RevMentor partnership file",
    ),
    (
        "foreign-sqlite-with-user-version",
        _foreign(1),
        ErrorKind.NOT_PARTNERSHIP,
        "not a RevMentor partnership file",
    ),
    (
        "newer-by-pragma",
        _real_then(f"PRAGMA user_version = {SCHEMA_VERSION + 1}"),
        ErrorKind.NEWER_VERSION,
        f"newer version of RevMentor (file format {SCHEMA_VERSION + 1}",
    ),
    (
        "newer-by-header-bytes",
        _newer_by_header,
        ErrorKind.NEWER_VERSION,
        "saved by a newer version",
    ),
    ("damaged-middle-pages", _damaged, ErrorKind.DAMAGED, "damaged"),
    (
        "no-partnership-row",
        _real_then("DELETE FROM partnership"),
        ErrorKind.DAMAGED,
        "holds no partnership",
    ),
    (
        "partnership-table-dropped",
        _real_then("DROP TABLE partnership"),
        ErrorKind.DAMAGED,
        "cannot be opened",
    ),
    ("version-zero", _real_then("PRAGMA user_version = 0"), ErrorKind.DAMAGED, "damaged"),
]


@pytest.mark.parametrize(
    ("build", "kind", "words"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS]
)
def test_open_refuses_with_a_clear_reason_and_touches_nothing(
    folder: Path,
    real_file: bytes,
    build: Callable[[Path, bytes], Path],
    kind: ErrorKind,
    words: str,
) -> None:
    path = build(folder, real_file)
    before = folder_state(folder)
    with pytest.raises(KnownError) as info:
        Store.open(path)
    assert info.value.kind is kind, info.value.one_line()
    assert words in str(info.value)
    assert info.value.one_line().startswith(str(info.value))
    # Byte for byte the same, and no -journal / -wal / -shm (or anything else) appeared.
    assert folder_state(folder) == before


def test_refusals_that_need_a_way_forward_offer_one(folder: Path, real_file: bytes) -> None:
    for build, hint in [
        (_write("e.revmentor", b""), "backup"),
        (_damaged, "backup"),
        (_newer_by_header, "Update"),
        (_foreign(0), ".revmentor"),
    ]:
        with pytest.raises(KnownError) as info:
            Store.open(build(folder, real_file))
        assert hint in info.value.hint


# -- read-only, in use, disk full --------------------------------------------------------------------


@pytest.fixture
def made(folder: Path) -> Path:
    path = folder / "pair.revmentor"
    store = Store.create(path, PARTNERSHIP, focus_areas=["Tech"])
    ops.add_goal(store, "Existing goal")
    store.close()
    return path


def _deny_writes_to(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make os.access say `denied` is not writable (we run as root here, where it never says so)."""
    real_access = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode & os.W_OK and Path(os.fspath(path)).resolve() == denied.resolve():
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_read_only_file_opens_read_only_and_refuses_writes(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made.chmod(0o400)
    _deny_writes_to(monkeypatch, made)
    before = folder_state(made.parent)
    store = Store.open(made)
    try:
        assert store.read_only is True
        assert [g.title for g in ops.list_goals(store)] == ["Existing goal"]
        writes: list[Callable[[], object]] = [
            lambda: ops.add_goal(store, "New goal"),
            lambda: ops.update_partnership(store, mentor_name="Someone else"),
            lambda: ops.set_focus_areas(store, ["Other"]),
            lambda: ops.delete_goal(store, 1),
            lambda: ops.add_entry(store, "2024-02-01"),
        ]
        for write in writes:
            with pytest.raises(KnownError) as info:
                write()
            assert info.value.kind is ErrorKind.READ_ONLY
            assert "read-only" in str(info.value)
        # Even bypassing the store's check, SQLite itself was opened read-only.
        conn = store.raw()
        try:
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                conn.execute("INSERT INTO focus_area (name) VALUES ('sneaky')")
        finally:
            conn.close()
    finally:
        store.close()
    assert folder_state(made.parent) == before


def test_file_in_read_only_folder_opens_read_only(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rollback journal lives next to the file, so an unwritable folder means no saving.
    _deny_writes_to(monkeypatch, made.parent)
    store = Store.open(made)
    try:
        assert store.read_only is True
    finally:
        store.close()


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root can write to a 0400 file, so os.access says yes"
)
def test_chmod_0400_really_opens_read_only(made: Path) -> None:
    made.chmod(0o400)
    store = Store.open(made)
    try:
        assert store.read_only is True
        with pytest.raises(KnownError) as info:
            ops.add_goal(store, "New goal")
        assert info.value.kind is ErrorKind.READ_ONLY
    finally:
        store.close()


def _patch_connect(
    monkeypatch: pytest.MonkeyPatch,
    tweak: Callable[[sqlite3.Connection], None],
    mode: str | None = None,
) -> None:
    real_connect = store_mod._connect

    def connect(path: Path, m: str) -> sqlite3.Connection:
        conn = real_connect(path, mode or m)
        tweak(conn)
        return conn

    monkeypatch.setattr(store_mod, "_connect", connect)


def test_a_file_that_became_read_only_under_us_gives_read_only(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _patch_connect(monkeypatch, lambda conn: None, mode="ro")
    store = Store(made, read_only=False)
    before = made.read_bytes()
    try:
        with pytest.raises(KnownError) as info:
            ops.add_goal(store, "New goal")
        assert info.value.kind is ErrorKind.READ_ONLY
    finally:
        store.close()
    assert made.read_bytes() == before


def test_disk_full_is_a_known_error_and_saves_nothing(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cap(conn: sqlite3.Connection) -> None:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"

    _patch_connect(monkeypatch, cap)
    store = Store.open(made)
    before = folder_state(made.parent)
    try:
        with pytest.raises(KnownError) as info:
            ops.add_goal(store, "Huge goal", description="x" * 200_000)
        assert info.value.kind is ErrorKind.DISK_FULL
        assert "nothing already saved was lost" in info.value.hint
        assert [g.title for g in ops.list_goals(store)] == ["Existing goal"]
    finally:
        store.close()
    assert folder_state(made.parent) == before


def _no_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give up on a lock at once instead of after SQLite's default five seconds."""
    monkeypatch.setattr(sqlite3, "connect", functools.partial(sqlite3.connect, timeout=0))


def test_file_locked_by_another_program_is_in_use(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = sqlite3.connect(made, isolation_level=None)
    _no_busy_wait(monkeypatch)
    store = Store.open(made)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program is in the middle of writing
        with pytest.raises(KnownError) as info:
            ops.add_goal(store, "New goal")
        assert info.value.kind is ErrorKind.IN_USE
        assert "in use by another program" in str(info.value)
        other.execute("ROLLBACK")
        ops.add_goal(store, "New goal")  # once it lets go, saving works again
    finally:
        other.close()
        store.close()
    assert raw_query(made, "SELECT title FROM goal ORDER BY id") == [
        ("Existing goal",),
        ("New goal",),
    ]


def test_reading_while_another_program_holds_the_file_is_in_use(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = sqlite3.connect(made, isolation_level=None)
    _no_busy_wait(monkeypatch)
    store = Store.open(made)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program is committing a big change
        other.execute("INSERT INTO focus_area (name) VALUES ('half-written')")
        with pytest.raises(KnownError) as info:
            ops.list_goals(store)
        assert info.value.kind is ErrorKind.IN_USE
    finally:
        other.execute("ROLLBACK")
        other.close()
        store.close()


def test_open_while_another_program_holds_the_file_is_in_use(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = sqlite3.connect(made, isolation_level=None)
    _no_busy_wait(monkeypatch)
    try:
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO focus_area (name) VALUES ('half-written')")
        with pytest.raises(KnownError) as info:
            Store.open(made)
        assert info.value.kind is ErrorKind.IN_USE
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert raw_query(made, "SELECT name FROM focus_area") == [("Tech",)]


# -- durability settings -----------------------------------------------------------------------------


def test_connections_use_rollback_journal_full_sync_and_foreign_keys(made: Path) -> None:
    store = Store.open(made)
    try:
        ops.add_goal(store, "Another")
        conn = store.raw()
        try:
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
            assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
            assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        finally:
            conn.close()
        # From outside, too; and the file alone holds everything (no -wal/-shm/-journal).
        assert raw_query(made, "PRAGMA journal_mode") == [("delete",)]
        assert sorted(p.name for p in made.parent.iterdir()) == [made.name]
    finally:
        store.close()


# -- the two ways to read ----------------------------------------------------------------------------


def test_plain_reads_use_the_connection_that_holds_the_file(made: Path) -> None:
    """Plain reads reuse one connection (a new one parses the schema again on every read) and hold
    no lock once a read is done; another thread gets a connection of its own, closed after."""
    store = Store.open(made)
    try:
        with store.plain() as first, store.plain() as nested:
            assert first is nested
            assert first.execute("SELECT count(*) FROM goal").fetchone() == (1,)
        ops.add_goal(store, "Written between two reads")
        with store.plain() as again:
            assert again is first
            assert again.execute("SELECT count(*) FROM goal").fetchone() == (2,)
        elsewhere: list[sqlite3.Connection] = []

        def read_in_another_thread() -> None:
            with store.plain() as conn:
                elsewhere.append(conn)
                conn.execute("SELECT count(*) FROM goal").fetchone()

        thread = threading.Thread(target=read_in_another_thread)
        thread.start()
        thread.join()
        assert elsewhere and elsewhere[0] is not first
        with pytest.raises(sqlite3.ProgrammingError):
            elsewhere[0].execute("SELECT 1")  # closed when its block ended
    finally:
        store.close()


def test_the_journal_search_reads_plain_sql_without_the_orm(made: Path) -> None:
    from revmentor_desktop.data import journal

    store = Store.open(made)
    try:
        assert journal.search_ids(store, "anything") == []
        assert journal.snippets_for(store, [1], "anything") == {1: ""}
        assert store._engine is None  # no ORM session was made to reach a raw connection
    finally:
        store.close()


@pytest.mark.parametrize(("suffix", "make", "what"), [
    ("-journal", lambda p: os.mkfifo(p), "a pipe"),  # opening it would wait for a writer forever
    ("-journal", lambda p: p.mkdir(), "a folder"),
    ("-journal", lambda p: p.symlink_to("/etc/hostname"), "a link"),
    ("-wal", lambda p: p.mkdir(), "a folder"),
    ("-shm", lambda p: os.mkfifo(p), "a pipe"),
], ids=["journal-pipe", "journal-folder", "journal-link", "wal-folder", "shm-pipe"])
@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
def test_a_side_file_that_is_not_a_file_is_refused_and_nothing_is_touched(
        folder: Path, real_file: bytes, suffix: str, make: Callable[[Path], None], what: str,
        read_only: bool) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = folder / "ours.revmentor"
    path.write_bytes(real_file)
    make(Path(f"{path}{suffix}"))
    before = folder_state(folder)
    with pytest.raises(KnownError) as info:
        Store.open(path, read_only=read_only)
    assert f"“ours.revmentor{suffix}” is {what}" in info.value.message
    assert "left as it was" in info.value.hint
    assert folder_state(folder) == before


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize(("suffix", "what"), [
    ("-journal", "a pipe"),  # SQLite would wait on it for ever, the window with it
    ("-journal", "a link"),  # SQLite would write its journal into whatever it points at
    ("-journal", "a folder"),
    ("-wal", "a pipe"),
], ids=["journal-pipe", "journal-link", "journal-folder", "wal-pipe"])
def test_a_side_file_that_appears_while_the_file_is_open_stops_reads_and_writes_at_once(
        made: Path, suffix: str, what: str, read_only: bool) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    folder = made.parent
    victim = folder / "someone else's.txt"
    victim.write_text("not SQLite's to write")
    store = Store.open(made, read_only=read_only)
    try:
        assert reads.get_partnership(store).mentor_name == "Priya"
        side = Path(f"{made}{suffix}")
        {"a pipe": os.mkfifo, "a folder": os.mkdir,
         "a link": lambda p: os.symlink(victim, p)}[what](side)
        before = folder_state(folder)
        with no_wait_on(side):
            with pytest.raises(KnownError) as read:
                reads.get_partnership(store)
            with pytest.raises(KnownError) as write:
                ops.update_partnership(store, organisation="Not now")
            assert not store.changed_elsewhere()  # asking must not hang either
        assert f"Beside “pair.revmentor”, “pair.revmentor{suffix}” is {what}, not a file" in read.value.message
        assert read.value.message.endswith("so the file was not read.")
        assert "Move “pair.revmentor" in read.value.hint
        if not read_only:
            assert write.value.message.endswith("so the change was not saved.")
            assert "What you typed is kept." in write.value.hint
        assert folder_state(folder) == before  # the file, the side file and what a link points at
        os.rmdir(side) if what == "a folder" else side.unlink()
        if not read_only:  # moved away, the edit goes through
            ops.update_partnership(store, organisation="Now")
            assert reads.get_partnership(store).organisation == "Now"
    finally:
        store.close()


def test_a_commit_by_another_connection_is_noticed_once_and_our_own_edits_never(made: Path) -> None:
    store = Store.open(made)
    try:
        assert not store.changed_elsewhere()
        ops.add_goal(store, "Ours")  # an edit of this store's own
        assert not store.changed_elsewhere()
        other = sqlite3.connect(made, isolation_level=None)  # another program, another account
        try:
            other.execute("UPDATE partnership SET organisation = 'Changed elsewhere' WHERE id = 1")
        finally:
            other.close()
        assert store.changed_elsewhere()
        assert not store.changed_elsewhere()  # told once
        ops.update_partnership(store, organisation="Ours again")
        assert not store.changed_elsewhere()
    finally:
        store.close()


def test_a_pipe_beside_the_file_a_link_points_at_is_found_there(made: Path, tmp_path: Path) -> None:
    """SQLite keeps its side files beside the file itself, not beside the link the file was opened
    by: the check must look there, or a pipe hangs the window after all."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    desk = tmp_path / "desk"
    desk.mkdir()
    link = desk / "ours.revmentor"
    link.symlink_to(made)
    store = Store.open(link)
    try:
        pipe = Path(f"{made}-journal")
        os.mkfifo(pipe)
        with no_wait_on(pipe):
            with pytest.raises(KnownError, match="is a pipe"):
                reads.get_partnership(store)
            with pytest.raises(KnownError, match="is a pipe"):
                ops.update_partnership(store, organisation="Not now")
        pipe.unlink()
        ops.update_partnership(store, organisation="Now")
    finally:
        store.close()
    os.mkfifo(pipe)
    with no_wait_on(pipe), pytest.raises(KnownError, match="is a pipe"):
        Store.open(link)  # and at open, beside the file itself
