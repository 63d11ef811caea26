"""Files whose rows break the schema's rules — a rating of 99, a session date of “banana”, notes
stored as binary data — are damaged files like any other: one clear sentence naming the row and the
value, the file left exactly as it was, never a traceback or a bug dialog (issue 11, defect 8).

SQLite stores such values happily (CHECK constraints can be switched off, types are advisory) and
`PRAGMA quick_check` tests neither, so each file here is a real file from the sample generator with
one value planted by a raw sqlite3 connection.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from revmentor_desktop import cli
from revmentor_desktop.data import integrity, ops, reads
from revmentor_desktop.data.migrations import STEPS
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError
from tests.helpers import folder_state, sha256

# -- planting values ----------------------------------------------------------------------------------


def plant(path: Path, *statements: str) -> None:
    """Run SQL on `path` as another program might: CHECK constraints off, types unchecked."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def _declared(path: Path, table: str, old: str, new: str) -> None:
    """Change how `table` declares a column (writable_schema), then reconnect so SQLite reads it."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA writable_schema = ON")
        changed = conn.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?",
                               (old, new, table)).rowcount
        assert changed == 1, (table, old)
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()


def plant_past_the_schema(table: str, declared: str, loose: str, sql: str) -> Callable[[Path], None]:
    """Plant what the column's declaration would refuse or convert (a NULL in a NOT NULL column,
    a number in a TEXT column) by loosening the declaration, then putting it back as it was."""
    def make(path: Path) -> None:
        _declared(path, table, declared, loose)
        plant(path, sql)
        _declared(path, table, loose, declared)
    return make


def sql(*statements: str) -> Callable[[Path], None]:
    return lambda path: plant(path, *statements)


#: (id, how to damage a sample file, words the message must hold)
BAD_ROWS: list[tuple[str, Callable[[Path], None], str]] = [
    ("rating-99", sql("UPDATE journal_entry SET rating = 99 WHERE id = 12"),
     "journal entry 12 has a usefulness rating 99, which is not from 1 to 5"),
    ("session-date-banana", sql("UPDATE journal_entry SET held_on = 'banana' WHERE id = 12"),
     "journal entry 12 has a session date “banana”, which is not a date"),
    ("duration-sixty", sql("UPDATE journal_entry SET duration_minutes = 'sixty' WHERE id = 3"),
     "journal entry 3 has a duration (minutes) “sixty”, which is not a whole number"),
    ("start-date-not-a-date", sql("UPDATE partnership SET start_date = 'not a date'"),
     "the partnership has a start date “not a date”, which is not a date"),
    ("month-13", sql("UPDATE goal SET target_date = '2024-13-01' WHERE id = 2"),
     "goal 2 has a target date “2024-13-01”, which is not a date"),
    ("february-30", sql("UPDATE action_item SET due_on = '2024-02-30' WHERE id = 4"),
     "action item 4 has a due date “2024-02-30”, which is not a date"),
    ("year-9999", sql("UPDATE journal_entry SET held_on = '9999-12-31' WHERE id = 24"),
     "journal entry 24 has a session date “9999-12-31”, which is not between 1900 and 2200"),
    ("notes-as-blob", sql("UPDATE journal_entry SET notes = x'00ff' WHERE id = 5"),
     "journal entry 5 has notes stored as binary data (2 bytes), which is not text"),
    ("goal-owner-alien", sql("UPDATE goal SET owner = 'alien' WHERE id = 1"),
     "goal 1 has an owner “alien”, which is not one of mentor, mentee, shared"),
    ("goal-progress-500", sql("UPDATE goal SET manual_progress = 500 WHERE id = 1"),
     "goal 1 has a progress 500, which is not from 0 to 100"),
    ("swot-quadrant-x", sql("UPDATE swot_item SET quadrant = 'X' WHERE id = 1"),
     "SWOT item 1 has a quadrant “X”, which is not one of S, W, O, T"),
    ("skill-level-0", sql("UPDATE skill_rating SET level = 0 WHERE id = 1"),
     "skill rating 1 has a level 0, which is not from 1 to 5"),
    ("rated-by-robot", sql("UPDATE skill_rating SET rated_by = 'robot' WHERE id = 2"),
     "skill rating 2 has a rater “robot”, which is not one of self, partner"),
    ("cadence-0", sql("UPDATE partnership SET cadence_days = 0"),
     "the partnership has a meeting cadence (days) 0, which is not from 1 to 365"),
    ("private-7", sql("UPDATE journal_entry SET private = 7 WHERE id = 2"),
     "journal entry 2 has a private flag 7, which is neither 0 (no) nor 1 (yes)"),
    ("created-yesterday", sql("UPDATE goal SET created_at = 'yesterday' WHERE id = 3"),
     "goal 3 has a creation time “yesterday”, which is not a date and time"),
    ("milestone-of-no-goal", sql("UPDATE milestone SET goal_id = 9999 WHERE id = 1"),
     "milestone 1 refers to goal 9999, which does not exist"),
    ("null-session-date",
     plant_past_the_schema("journal_entry", "held_on DATE NOT NULL", "held_on DATE",
                           "UPDATE journal_entry SET held_on = NULL WHERE id = 7"),
     "journal entry 7 has no session date."),
    ("second-partnership",
     sql("INSERT INTO partnership (id, mentor_name, mentee_name, me, organisation, start_date,"
         " review_date, cadence_days, duration_minutes, created_at) SELECT 2, mentor_name,"
         " mentee_name, me, organisation, start_date, review_date, cadence_days, duration_minutes,"
         " created_at FROM partnership"),
     "2 partnerships"),
    ("partnership-numbered-5", sql("UPDATE partnership SET id = 5"), "partnership"),
    ("clause-as-number",
     plant_past_the_schema("agreement_clause", "text TEXT NOT NULL", "text NOT NULL",
                           "UPDATE agreement_clause SET text = 42 WHERE id = 1"),
     "agreement clause 1 has a wording stored as the number 42, which is not text"),
    ("mentor-name-not-utf8", sql("UPDATE partnership SET mentor_name = CAST(x'41ff42' AS TEXT)"),
     "the partnership has a mentor's name “A\\xffB”, which is not readable text"),
    ("notes-not-utf8", sql("UPDATE journal_entry SET notes = CAST(x'636166e9' AS TEXT) WHERE id = 9"),
     "journal entry 9 has notes “caf\\xe9”, which is not readable text"),
    ("goal-status-weird", sql("UPDATE goal SET status = 'weird' WHERE id = 4"),
     "goal 4 has a status “weird”"),
    ("rating-3.5", sql("UPDATE journal_entry SET rating = 3.5 WHERE id = 6"),
     "journal entry 6 has a usefulness rating 3.5, which is not a whole number"),
    ("swot-grid-both", sql("UPDATE swot_item SET grid = 'both' WHERE id = 2"),
     "SWOT item 2 has a grid “both”, which is not one of mentor, mentee"),
    ("start-date-a-number", sql("UPDATE partnership SET start_date = 20240101"),
     "the partnership has a start date stored as the number 20240101, which is not text"),
    ("focus-area-as-blob", sql("UPDATE focus_area SET name = x'00' WHERE id = 1"),
     "focus area 1 has a name stored as binary data (1 byte), which is not text"),
    ("role-neither", sql("UPDATE partnership SET me = 'neither'"),
     "the partnership has a role “neither”, which is not one of mentor, mentee"),
    ("entry-goal-of-no-entry", sql("INSERT INTO entry_goal VALUES (99999, 1)"),
     "refers to journal entry 99999, which does not exist"),
    ("a-trigger-of-someone-elses",
     sql("CREATE TRIGGER no_edits BEFORE UPDATE ON goal BEGIN SELECT RAISE(ABORT, 'no'); END"),
     "it holds a trigger “no_edits” that RevMentor did not make"),
    ("clauses-table-dropped", sql("DROP TABLE agreement_clause"),
     "its table “agreement_clause” is missing"),
]

IDS = [case[0] for case in BAD_ROWS]


@pytest.fixture(scope="module")
def sample_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("sample") / "sample.revmentor"
    make_sample(path, 24)
    return path.read_bytes()


@pytest.fixture(params=BAD_ROWS, ids=IDS)
def bad_file(request: pytest.FixtureRequest, tmp_path: Path,
             sample_bytes: bytes) -> tuple[Path, str]:
    """(a damaged file, words its message must hold)."""
    _id, damage, words = request.param
    folder = tmp_path / "files"  # its own folder: "left as it was" covers side files too
    folder.mkdir()
    path = folder / "pair.revmentor"
    path.write_bytes(sample_bytes)
    damage(path)
    return path, words


def refusal(open_it: Callable[[], Any]) -> KnownError:
    with pytest.raises(KnownError) as info:
        store = open_it()
        store.close()  # pragma: no cover - only reached when the test fails
    assert info.value.kind is ErrorKind.DAMAGED, info.value.one_line()
    return info.value


# -- the data layer -----------------------------------------------------------------------------------


def test_the_check_names_the_row_and_the_value(bad_file: tuple[Path, str]) -> None:
    path, words = bad_file
    before = folder_state(path.parent)
    error = refusal(lambda: Store.open(path))
    assert error.message.startswith("“pair.revmentor” is damaged"), error.message
    assert words in error.message, error.message
    assert "\n" not in error.one_line()
    assert error.hint == "Restore a backup."
    assert folder_state(path.parent) == before


def test_the_deferred_check_finds_the_same(bad_file: tuple[Path, str]) -> None:
    path, words = bad_file
    before = folder_state(path.parent)
    try:
        store = Store.open(path, verify_now=False)
    except KnownError as exc:  # the quick part of opening found it already (a second partnership)
        assert exc.kind is ErrorKind.DAMAGED
    else:
        try:
            error = refusal(lambda: store.verify() or store)
        finally:
            store.close()
        assert words in error.message
        assert error.message == refusal(lambda: Store.open(path)).message
    assert folder_state(path.parent) == before


def test_what_the_window_reads_first_is_a_clear_refusal_or_sound(bad_file: tuple[Path, str]) -> None:
    """The Overview paints from these reads before the check runs: each either returns values of
    the promised types or raises KnownError(DAMAGED) — never ValueError, TypeError or sqlite3's."""
    path, _words = bad_file
    try:
        store = Store.open(path, read_only=True, verify_now=False)
    except KnownError as exc:
        assert exc.kind is ErrorKind.DAMAGED
        return
    try:
        for read in (reads.get_partnership, reads.list_clauses, reads.list_focus_areas,
                     reads.session_dates):
            try:
                read(store)
            except KnownError as exc:
                assert exc.kind is ErrorKind.DAMAGED, exc.one_line()
                assert exc.message.startswith("“pair.revmentor” is damaged: "), exc.message
    finally:
        store.close()


def test_export_pdf_says_one_line_and_leaves_the_file(
        qapp: Any, bad_file: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    """In this process, as the brief has it; `qapp` first, so the export finds pytest-qt's
    application instead of making its own."""
    path, words = bad_file
    out = path.parent / "summary.pdf"
    before = sha256(path)
    assert cli.main([str(path), "--export-pdf", str(out)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("revmentor: error: “pair.revmentor” is damaged"), lines[0]
    assert words in lines[0]
    assert "Traceback" not in captured.err
    assert sha256(path) == before
    assert not out.exists()


# -- the window ---------------------------------------------------------------------------------------


def test_the_window_shows_the_damaged_file_message_and_nothing_else(
        bad_file: tuple[Path, str], qtbot: Any, fake_dialogs: Any) -> None:
    """However far opening gets — the Overview may paint first — the window ends on its empty
    page with one “Cannot Open Partnership” message. pytest-qt fails the test on any exception
    in a slot, which is how a bug dialog would start."""
    from revmentor_desktop.ui.window import MainWindow

    path, words = bad_file
    before = folder_state(path.parent)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    if win.open_file(path):  # the Overview painted; the check that follows must close it
        qtbot.waitUntil(lambda: win.doc is None, timeout=10_000)
    assert win.doc is None and win.stack.currentWidget() is win.empty
    assert len(fake_dialogs.errors) == 1, fake_dialogs.errors
    caption, error = fake_dialogs.errors[0]
    assert caption == "Cannot Open Partnership"
    assert isinstance(error, KnownError) and error.kind is ErrorKind.DAMAGED
    assert error.message.startswith("“pair.revmentor” is damaged"), error.message
    assert words in error.message or error.message == refusal(
        lambda: Store.open(path, read_only=True, verify_now=False)).message  # found by the quick part
    qtbot.wait(50)  # anything the closed tabs left queued runs now, and must not fail
    assert folder_state(path.parent) == before
    win.close()


def test_with_a_backup_restoring_it_is_offered_and_the_file_kept(
        tmp_path: Path, sample_bytes: bytes, qtbot: Any, fake_dialogs: Any) -> None:
    from revmentor_desktop.data import backup
    from revmentor_desktop.ui import backups as ui_backups
    from revmentor_desktop.ui.window import MainWindow

    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "pair.revmentor"
    path.write_bytes(sample_bytes)
    backup.make_backup(path, ui_backups.folder_for(path), "auto")
    plant(path, "UPDATE journal_entry SET rating = 99 WHERE id = 12")
    before = folder_state(folder)
    offers: list[str] = []

    def choose(_parent: Any, title: str, text: str, buttons: list[str]) -> int | None:
        offers.append(f"{title}: {text}")
        return None  # Cancel: leave everything as it is

    fake_dialogs.choose = choose
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    if win.open_file(path):
        qtbot.waitUntil(lambda: win.doc is None, timeout=10_000)
    assert fake_dialogs.errors == []
    assert len(offers) == 1
    assert offers[0].startswith("Cannot Open Partnership: “pair.revmentor” is damaged: journal entry 12 "
                                "has a usefulness rating 99, which is not from 1 to 5.")
    assert folder_state(folder) == before
    win.close()


# -- every column has a rule --------------------------------------------------------------------------


def test_every_column_of_the_schema_has_a_rule() -> None:
    """A column added by a future migration step cannot be forgotten: the rules and the schema a
    new file gets (PRAGMA table_info) must name the same tables and columns, in the same order."""
    conn = sqlite3.connect(":memory:")
    try:
        for step in STEPS:
            step(conn)
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'journal_fts%'"
            " ORDER BY rootpage")]
        schema = {t: [row[1] for row in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
        index = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'journal_fts%'")]
    finally:
        conn.close()
    assert {t: list(spec.columns) for t, spec in integrity.RULES.items()} == schema
    # The one table left out is the search index (and FTS5's own tables behind it): the journal's
    # text again, kept by triggers; it is checked by a search, and rebuilt from the rows.
    assert set(index) <= {"journal_fts", "journal_fts_data", "journal_fts_idx",
                          "journal_fts_content", "journal_fts_docsize", "journal_fts_config"}


def test_sound_files_pass(tmp_path: Path, sample_bytes: bytes) -> None:
    sample = tmp_path / "sample.revmentor"
    sample.write_bytes(sample_bytes)
    empty = tmp_path / "empty.revmentor"
    make_sample(empty, 0)
    v1 = tmp_path / "v1.revmentor"
    shutil.copy(Path(__file__).parent / "data" / "v1.revmentor", v1)
    for path in (sample, empty, v1):
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            assert integrity.row_problems(conn) == [], path.name
        finally:
            conn.close()
        Store.open(path, read_only=True).close()


def test_many_problems_are_counted_not_listed(tmp_path: Path, sample_bytes: bytes) -> None:
    path = tmp_path / "pair.revmentor"
    path.write_bytes(sample_bytes)
    plant(path, "UPDATE journal_entry SET rating = 9 WHERE id <= 3")
    assert refusal(lambda: Store.open(path)).message == (
        "“pair.revmentor” is damaged: journal entry 1 has a usefulness rating 9, which is not from "
        "1 to 5 (and 2 more problems).")
    plant(path, "INSERT INTO focus_area (name, position) SELECT 'x', 'first' FROM journal_entry a,"
                " journal_entry b LIMIT 200")
    assert refusal(lambda: Store.open(path)).message.endswith("(and at least 99 more problems).")


def test_every_kind_of_problem_in_one_table_is_found(tmp_path: Path, sample_bytes: bytes) -> None:
    """The one-pass read of a table's text stops at the first creation time that does not parse;
    the text after it is still read, and each problem named."""
    path = tmp_path / "pair.revmentor"
    path.write_bytes(sample_bytes)
    plant(path, "UPDATE goal SET created_at = 'yesterday' WHERE id = 1",
          "UPDATE goal SET description = CAST(x'ff' AS TEXT) WHERE id = 3",
          "UPDATE goal SET manual_progress = 101 WHERE id = 2",
          "UPDATE milestone SET goal_id = 77 WHERE id = 2")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert integrity.row_problems(conn, limit=10) == [
            "goal 2 has a progress 101, which is not from 0 to 100.",
            "milestone 2 refers to goal 77, which does not exist.",
            "goal 1 has a creation time “yesterday”, which is not a date and time.",
            "goal 3 has a description “\\xff”, which is not readable text.",
        ]
        assert integrity.row_problems(conn, limit=2) == [
            "goal 2 has a progress 101, which is not from 0 to 100.",
            "milestone 2 refers to goal 77, which does not exist.",
        ]
    finally:
        conn.close()


@pytest.mark.parametrize(("value", "shown"), [
    ("banana", "“banana”"),
    ("x" * 50, "“" + "x" * 40 + "…”"),
    ("line one\nline two\x00\u202e", "“line one\\nline two\\x00\\u202e”"),
    ("“quoted”", "“\\u201cquoted\\u201d”"),
    (b"\x00\xff", "binary data (2 bytes)"),
    (None, "nothing"),
    (99, "99"),
    (3.5, "3.5"),
])
def test_values_are_shown_short_and_visible(value: object, shown: str) -> None:
    assert integrity.show(value) == shown


# -- any value in any column --------------------------------------------------------------------------

COLUMNS = [(table, column) for table, spec in integrity.RULES.items() for column in spec.columns]

VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.integers(min_value=-3, max_value=1500),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.binary(max_size=12),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat(" ")),
    st.sampled_from(["mentor", "mentee", "shared", "both", "self", "partner", "S", "W", "O", "T",
                     "not_started", "achieved", "2024-02-30", "2024-02-29", "1899-12-31",
                     "2200-12-31", "2201-01-01", "2024-01-08 09:30:00", "2024-01-08T09:30:00",
                     "20240108", "2024-W02-1", " 2024-01-08", "0", "1", ""]),
)


@pytest.fixture(scope="module")
def small_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sound file to copy (a path, not bytes: hypothesis prints its arguments)."""
    path = tmp_path_factory.mktemp("small") / "small.revmentor"
    make_sample(path, 3)
    store = Store.open(path)  # a row in every table: a check-in, and a review with its goals
    try:
        ops.add_check_in(store, reads.session_dates(store)[-1][0], "mentee", working="Yes", usefulness=4)
        ops.start_review(store, "midpoint", reads.session_dates(store)[-1][0], notes="So far so good")
    finally:
        store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:  # what an import from the partner leaves behind
        conn.execute("INSERT INTO exchange_seen VALUES ('goal', ?, 'd1')", ("ab" * 16,))
    finally:
        conn.close()
    return path


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(COLUMNS), value=VALUES)
def test_any_value_anywhere_opens_or_is_refused_as_damaged(
        qapp: Any, tmp_path: Path, small_file: Path, where: tuple[str, str], value: object) -> None:
    """Either the check refuses the file, or the value keeps its rule and every read (the PDF
    summary reads everything) works. Hypothesis prints the table, column and value it drew."""
    from revmentor_desktop.report.summary import build_summary

    table, column = where
    path = tmp_path / f"planted-{time.monotonic_ns()}.revmentor"
    shutil.copy(small_file, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        rowid = conn.execute(f"SELECT min(rowid) FROM {table}").fetchone()[0]
        try:
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, rowid))
        except sqlite3.IntegrityError:  # NOT NULL, a rowid that is taken or not a number
            event("SQLite refused the value")
            return
        if integrity.RULES[table].columns[column].kind is integrity.Kind.ROW_ID:
            rowid = value  # the row moved to its new id
        stored = conn.execute(f"SELECT {column} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()[0]
    except sqlite3.OperationalError as exc:  # text that is not UTF-8 cannot come back as str
        assert "decode" in str(exc).lower()
        stored = None
    finally:
        conn.close()
    note(f"{table}.{column} (row {rowid}) = {value!r}, stored as {stored!r}")
    before = sha256(path)
    try:
        store = Store.open(path, read_only=True)
    except KnownError as exc:
        assert exc.kind is ErrorKind.DAMAGED, exc.one_line()
        assert "\n" not in exc.one_line()
        assert sha256(path) == before
        event("refused as damaged")
        return
    event("opened")
    try:  # it passed the check: then everything reads, and the value keeps its rule
        assert integrity.value_problem(table, rowid, column, stored) is None
        reads.get_partnership(store)
        reads.session_dates(store)
        reads.list_clauses(store)
        reads.list_focus_areas(store)
        for goal in ops.list_goals(store):
            ops.list_milestones(store, goal.id)
        for entry in ops.list_entries(store):
            ops.get_entry(store, entry.id)
            ops.list_actions(store, entry.id)
        ops.list_swot_items(store)
        ops.list_snapshots(store)
        ops.list_skills(store)
        ops.list_ratings(store)
        build_summary(store)
    finally:
        store.close()
    assert sha256(path) == before
