"""Every column schema versions 3 and 4 added has its rule: a file whose new columns were edited by hand
to break one is damaged — one sentence naming the row and the value, the file left as it was —
and a sound file reads through every new read, whatever the check let through."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from revmentor_desktop.data import compute, integrity, ops, reads
from revmentor_desktop.data.row_rules import RULES, Kind, Rule
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError

V2 = Path(__file__).parent / "data" / "v2.revmentor"


def v2_columns() -> set[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{V2}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {(t, r[1]) for t in tables for r in conn.execute(f"PRAGMA table_info({t})")}
    finally:
        conn.close()


#: Every column version 3 added, with its rule (none may be forgotten: they come from RULES).
NEW_COLUMNS = [(t, c) for t, spec in RULES.items() for c in spec.columns
               if (t, c) not in v2_columns() and spec.columns[c].kind is not Kind.ROW_ID]


def breaking(rule: Rule) -> tuple[object, str]:
    """A value that breaks `rule`, and the words the check says about it."""
    if rule.kind is Kind.TEXT:  # (a number would become text: the column's affinity converts it)
        return b"\x00\xff", "stored as binary data (2 bytes), which is not text"
    if rule.kind is Kind.CHOICE:
        return "alien", "“alien”, which is not one of"
    if rule.kind is Kind.INTEGER:
        return rule.hi + 1, f"{rule.hi + 1}, which is not from {rule.lo} to {rule.hi}"
    if rule.kind is Kind.FLAG:
        return 7, "7, which is neither 0 (no) nor 1 (yes)"
    if rule.kind is Kind.DATE:
        return "2026-02-30", "“2026-02-30”, which is not a date"
    if rule.kind is Kind.DATETIME:
        return "yesterday", "“yesterday”, which is not a date and time"
    if rule.kind is Kind.UID:
        return "0123456789ABCDEF0123456789abcdef", "which is not 32 hexadecimal digits"
    return "x", "“x”, which is not a whole number"  # WHOLE


@pytest.fixture(scope="module")
def sound_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample with a row in every new table."""
    path = tmp_path_factory.mktemp("practice") / "pair.revmentor"
    make_sample(path, 13, today=date(2026, 6, 30))
    store = Store.open(path)
    try:
        ops.add_check_in(store, date(2026, 6, 30), "mentor", usefulness=4, goals_still_right="yes")
        ops.start_review(store, "closing", date(2026, 6, 30))
        ops.update_entry(store, 1, mentor_rating=5, mentee_rating=4)
    finally:
        store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:  # what an import from the partner leaves behind
        conn.execute("INSERT INTO exchange_seen VALUES ('goal', ?, 'd1')", ("ab" * 16,))
    finally:
        conn.close()
    return path


def test_the_new_columns_are_the_ones_the_design_names() -> None:
    v3 = {t for t, c in NEW_COLUMNS if c != "uid" and t != "exchange_seen"}
    assert v3 == {"partnership", "journal_entry", "check_in", "review", "review_goal"}
    # version 4: every record a partner may receive has a stable id
    assert {t for t, c in NEW_COLUMNS if c == "uid"} == {
        "agreement_clause", "goal", "milestone", "journal_entry", "action_item", "swot_item",
        "swot_snapshot", "skill", "skill_rating", "check_in", "review", "review_goal", "exchange_seen"}
    assert ("journal_entry", "mentee_says_try") in NEW_COLUMNS
    assert ("partnership", "checklist_dismissed") in NEW_COLUMNS


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("table", "column"), NEW_COLUMNS, ids=[f"{t}.{c}" for t, c in NEW_COLUMNS])
def test_a_hand_edit_breaking_a_new_rule_makes_the_file_damaged(
        tmp_path: Path, sound_file: Path, table: str, column: str) -> None:
    rule = RULES[table].columns[column]
    value, words = breaking(rule)
    path = tmp_path / "edited.revmentor"
    shutil.copy(sound_file, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        rowid = conn.execute(f"SELECT min(rowid) FROM {table}").fetchone()[0]
        assert rowid is not None, f"the sound file has no {table} row"
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, rowid))
    finally:
        conn.close()
    before = sha(path)
    with pytest.raises(KnownError) as info:
        Store.open(path)
    assert info.value.kind is ErrorKind.DAMAGED
    message = info.value.one_line()
    assert RULES[table].row.format(id=rowid) in message and rule.name in message, message
    assert words in message, message
    assert sha(path) == before


def test_the_sound_file_passes_and_every_new_read_takes_it(sound_file: Path) -> None:
    conn = sqlite3.connect(f"file:{sound_file}?mode=ro", uri=True)
    try:
        assert integrity.row_problems(conn) == []
    finally:
        conn.close()
    store = Store.open(sound_file, read_only=True)
    try:
        p = reads.get_partnership(store)
        assert isinstance(p.checklist_dismissed, bool) and p.check_in_every == 4
        assert reads.latest_check_ins(store, 3)
        assert reads.list_reviews(store)[-1].goals
        assert isinstance(reads.check_in_status(store), compute.CheckInStatus)
        assert len(reads.feedback_flow(store, 4)) == 4
        assert reads.checklist(store).complete
        assert reads.journal_highlights(store, latest=1)
    finally:
        store.close()


def test_a_damaged_check_in_date_is_refused_by_the_overviews_read_too(tmp_path: Path,
                                                                      sound_file: Path) -> None:
    """The Overview may paint before the whole-file check: its read names the damage itself."""
    path = tmp_path / "edited.revmentor"
    shutil.copy(sound_file, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("UPDATE check_in SET held_on = 'soon' WHERE rowid = (SELECT min(rowid) FROM check_in)")
    finally:
        conn.close()
    store = Store.open(path, verify_now=False)
    try:
        with pytest.raises(KnownError) as info:
            reads.check_in_dates(store)
        assert info.value.kind is ErrorKind.DAMAGED
        assert "has a check-in date “soon”, which is not a date" in info.value.one_line()
    finally:
        store.close()
