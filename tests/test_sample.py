"""The sample partnership: a real, valid file that every reader accepts, the same every time."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop.data import compute, ops, reads
from revmentor_desktop.data import sample as sample_module
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.vocab import DEFAULT_FOCUS_AREAS
from revmentor_desktop.errors import ErrorKind, KnownError

TODAY = date(2025, 6, 18)


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


def rows(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, params).fetchall()


def table_contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    names = [r[0] for r in rows(path, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'journal_fts%' ORDER BY name")]
    return {n: [tuple(r) for r in rows(path, f"SELECT * FROM {n} ORDER BY 1, 2")] for n in names}


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.revmentor"
    make_sample(path, today=TODAY)
    return path


# -- the file ------------------------------------------------------------------------------------


def test_sample_is_a_partnership_file_with_everything_in_it(sample: Path) -> None:
    with opened(sample) as store:
        p = reads.get_partnership(store)
        assert (p.mentor_name, p.mentee_name, p.me) == ("Priya Raman", "Martin Okafor", "mentor")
        assert p.cadence_days == 14 and p.duration_minutes == 60
        assert p.review_date is not None and p.review_date >= p.start_date
        areas = reads.list_focus_areas(store)
        assert areas[:4] == list(DEFAULT_FOCUS_AREAS) and len(areas) == 5
        assert 5 <= len(reads.list_clauses(store)) <= 6

        entries = ops.list_entries(store)
        assert len(entries) == 24
        assert all(p.start_date <= e.held_on <= TODAY for e in entries)
        assert any(e.private for e in entries)
        assert sum(e.private for e in entries) <= 4
        assert ops.open_actions(store)

        goals = ops.list_goals(store)
        assert 6 <= len(goals) <= 8
        assert {g.status for g in goals} == {"not_started", "in_progress", "achieved", "dropped"}
        assert {g.owner for g in goals} == {"mentor", "mentee", "shared"}
        assert sum(g.private for g in goals) == 1
        for g in goals:
            milestones = ops.list_milestones(store, g.id or 0)
            assert 2 <= len(milestones) <= 5
            done = [m.done_on for m in milestones if m.done_on is not None]
            assert all(p.start_date <= d <= TODAY for d in done)
            if g.status == "achieved":
                assert len(done) == len(milestones)
            if g.status == "not_started":
                assert not done
        counts = ops.milestone_counts(store)
        assert any(0 < d < t for d, t in counts.values())  # some ticked, some not

        swot = ops.list_swot_items(store)
        for grid in ("mentor", "mentee"):
            for quadrant in "SWOT":
                n = sum(1 for i in swot if i.grid == grid and i.quadrant == quadrant)
                assert 3 <= n <= 5, (grid, quadrant)
        snapshots = ops.list_snapshots(store)
        assert [(s.label, s.taken_on) for s in snapshots] == [("Kick-off", p.start_date)]
        frozen = ops.snapshot_items(store, snapshots[0].id or 0)
        assert {i.quadrant for i in frozen if i.grid == "mentor"} == set("SWOT")
        assert {i.quadrant for i in frozen if i.grid == "mentee"} == set("SWOT")
        assert {(i.grid, i.quadrant, i.text) for i in frozen} != {(i.grid, i.quadrant, i.text) for i in swot}


def test_skills_have_rising_ratings_by_both(sample: Path) -> None:
    with opened(sample) as store:
        skills = ops.list_skills(store)
        ratings = ops.list_ratings(store)
    for owner in ("mentor", "mentee"):
        assert len([s for s in skills if s.owner == owner]) >= 4
    gaps = 0
    for skill in skills:
        mine = [r for r in ratings if r.skill_id == skill.id]
        assert len(mine) >= 3
        assert {r.rated_by for r in mine} == {"self", "partner"}
        assert 1 <= skill.target_level <= 5
        selfs = [r.level for r in mine if r.rated_by == "self"]
        partners = [r.level for r in mine if r.rated_by == "partner"]
        assert partners[-1] >= selfs[0]  # progress, as the partner sees it
        gaps += abs(selfs[-1] - partners[-1]) >= 2
    assert gaps >= 1
    assert any(r.entry_id is not None for r in ratings)


def test_some_swot_items_mean_the_same_in_both_grids(sample: Path) -> None:
    stop = {"a", "an", "the", "of", "about", "on", "in", "for", "to", "and", "with"}

    def key(text: str) -> tuple[str, ...]:
        return tuple(sorted(w for w in re.findall(r"[a-z0-9]+", text.casefold()) if w not in stop))

    with opened(sample) as store:
        items = ops.list_swot_items(store)
    mentor = {key(i.text): i.text for i in items if i.grid == "mentor"}
    mentee = {key(i.text): i.text for i in items if i.grid == "mentee"}
    shared = [(mentor[k], mentee[k]) for k in mentor.keys() & mentee.keys()]
    assert len(shared) >= 2
    assert all(a != b for a, b in shared)  # written differently by each


def test_private_goal_only_discussed_in_private_sessions(sample: Path) -> None:
    with opened(sample) as store:
        private_goal = next(g for g in ops.list_goals(store) if g.private)
        linked = ops.entries_for_goal(store, private_goal.id or 0)
        assert linked and all(e.private for e in linked)
        for e in ops.list_entries(store):
            assert 1 <= len(ops.entry_goal_ids(store, e.id)) <= 2
            if e.private:
                assert "Private" in ops.get_entry(store, e.id).notes


def test_recent_actions_open_and_old_ones_mostly_done(sample: Path) -> None:
    with opened(sample) as store:
        entries = sorted(ops.list_entries(store), key=lambda e: (e.held_on, e.id))
        latest = entries[-1]
        assert ops.list_actions(store, latest.id)
        assert all(a.done_on is None for a in ops.list_actions(store, latest.id))
        old = [a for e in entries[:-3] for a in ops.list_actions(store, e.id)]
        assert sum(a.done_on is not None for a in old) >= 0.75 * len(old)
        for e in entries:
            for a in ops.list_actions(store, e.id):
                assert a.owner in ("mentor", "mentee", "both")
                if a.done_on is not None:
                    assert e.held_on <= a.done_on <= TODAY
                if a.due_on is not None:
                    assert a.due_on > e.held_on


@pytest.mark.parametrize("sessions", [40, 600])
def test_no_action_is_open_twice(tmp_path: Path, sessions: int) -> None:
    path = tmp_path / f"s{sessions}.revmentor"
    make_sample(path, sessions, today=TODAY)
    texts = [r["text"] for r in rows(path, "SELECT text FROM action_item WHERE done_on IS NULL")]
    assert texts and len(texts) == len(set(texts))
    assert rows(path, "SELECT count(*) AS n FROM action_item a JOIN journal_entry e ON e.id = a.entry_id"
                      " WHERE a.done_on < e.held_on")[0]["n"] == 0


# -- every value is one the app itself would have accepted --------------------------------------


def _check(fields: Mapping[str, Callable[[Any], Any]], row: sqlite3.Row,
           flags: tuple[str, ...] = ()) -> None:
    for name in row.keys():
        if name not in fields:
            continue
        value = row[name]
        if name in flags:
            assert value in (0, 1), (name, value)
            value = bool(value)
        cleaned = fields[name](value)
        if isinstance(value, str) and name.endswith(("_date", "_on")):
            assert cleaned == date.fromisoformat(value), (name, value)
        else:
            assert cleaned == value, (name, value)


def assert_valid(path: Path) -> None:
    """Every row passes the same validators the app applies to what a user types."""
    today = TODAY
    (p,) = rows(path, "SELECT * FROM partnership")
    clean = ops.validate_partnership({k: bool(p[k]) if k == "checklist_dismissed" else p[k]
                                      for k in ops.PARTNERSHIP_FIELDS})
    assert clean["start_date"] <= today
    for r in rows(path, "SELECT name FROM focus_area"):
        assert ops.clean_focus_area(r["name"]) == r["name"]
    for r in rows(path, "SELECT text FROM agreement_clause"):
        assert ops.clean_clause(r["text"]) == r["text"]
    for r in rows(path, "SELECT * FROM goal"):
        _check(ops.GOAL_FIELDS, r, ("private",))
    for r in rows(path, "SELECT * FROM milestone"):
        _check(ops.MILESTONE_FIELDS, r)
    for r in rows(path, "SELECT * FROM journal_entry"):
        _check(ops.ENTRY_FIELDS, r, ("private",))
    for r in rows(path, "SELECT * FROM action_item"):
        _check(ops.ACTION_FIELDS, r)
    for r in rows(path, "SELECT grid, quadrant, text FROM swot_item UNION ALL "
                        "SELECT grid, quadrant, text FROM swot_snapshot_item"):
        _check(ops.SWOT_FIELDS, r)
    for r in rows(path, "SELECT * FROM skill"):
        _check(ops.SKILL_FIELDS, r)
    for r in rows(path, "SELECT * FROM skill_rating"):
        _check(ops.RATING_FIELDS, r)
    for r in rows(path, "SELECT * FROM swot_snapshot"):
        assert r["label"].strip() and date.fromisoformat(r["taken_on"]) <= today
    for table, column in (("goal", "created_at"), ("journal_entry", "created_at"),
                          ("swot_snapshot", "created_at"), ("partnership", "created_at")):
        for r in rows(path, f"SELECT {column} FROM {table}"):
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", r[0]), (table, r[0])
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def assert_readable(path: Path, *, every_entry: bool = True) -> None:
    """Every reader in ops takes the file without an error, with values of the right types."""
    with opened(path) as store:
        reads.get_partnership(store)
        reads.list_focus_areas(store)
        reads.list_clauses(store)
        for g in ops.list_goals(store):
            assert isinstance(g.private, bool)
            assert g.target_date is None or isinstance(g.target_date, date)
            ops.get_goal(store, g.id or 0)
            ops.list_milestones(store, g.id or 0)
            ops.entries_for_goal(store, g.id or 0, include_private=False)
        ops.milestone_counts(store)
        entries = ops.list_entries(store)
        assert len(ops.list_entries(store, include_private=False)) == sum(not e.private for e in entries)
        for e in entries if every_entry else entries[:50]:
            full = ops.get_entry(store, e.id)
            assert isinstance(full.held_on, date) and isinstance(full.private, bool)
            ops.list_actions(store, e.id)
            ops.entry_goal_ids(store, e.id)
        ops.open_actions(store, include_private=False, before=TODAY)
        reads.session_dates(store)
        ops.list_swot_items(store)
        for s in ops.list_snapshots(store):
            ops.snapshot_items(store, s.id or 0)
        ops.list_skills(store)
        ops.list_ratings(store)


@pytest.mark.parametrize("sessions", [0, 1, 2, 5, 6, 13, 24, 60])
def test_every_value_valid_and_readable(tmp_path: Path, sessions: int) -> None:
    path = tmp_path / f"s{sessions}.revmentor"
    make_sample(path, sessions, today=TODAY)
    assert len(rows(path, "SELECT id FROM journal_entry")) == sessions
    assert_valid(path)
    assert_readable(path)


# -- refusing, repeating, timing ----------------------------------------------------------------


def test_refuses_an_existing_file_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "mine.revmentor"
    path.write_bytes(b"my own precious file\x00\x01")
    with pytest.raises(KnownError) as info:
        make_sample(path, today=TODAY)
    assert info.value.kind is ErrorKind.ALREADY_EXISTS
    assert path.read_bytes() == b"my own precious file\x00\x01"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no half-made file


def test_refuses_to_overwrite_an_earlier_sample(sample: Path) -> None:
    before = sample.read_bytes()
    with pytest.raises(KnownError):
        make_sample(sample, 5, today=TODAY)
    assert sample.read_bytes() == before


def test_negative_sessions_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "neg.revmentor"
    with pytest.raises(ValueError, match="0 or more"):
        make_sample(path, -1, today=TODAY)
    with pytest.raises(TypeError):
        make_sample(path, True, today=TODAY)
    assert not path.exists()


def test_a_failure_while_filling_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("disk gremlin")

    monkeypatch.setattr(sample_module, "_fill", broken)
    path = tmp_path / "half.revmentor"
    with pytest.raises(RuntimeError, match="gremlin"):
        make_sample(path, today=TODAY)
    assert not path.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_same_seed_and_day_give_the_same_file(tmp_path: Path) -> None:
    a, b, c = (tmp_path / f"{n}.revmentor" for n in "abc")
    make_sample(a, 30, seed=3, today=TODAY)
    make_sample(b, 30, seed=3, today=TODAY)
    make_sample(c, 30, seed=4, today=TODAY)
    assert table_contents(a) == table_contents(b)
    assert table_contents(a) != table_contents(c)


#: the partner exchange's columns and table (schema 4): left out, so the digests below still show
#: that the sample's content is what it always was (test_the_sample_has_stable_ids checks them)
EXCHANGE = {"uid", "pair_uid", "last_share_at"}


def content_digest(path: Path) -> str:
    """SHA-256 of every table's columns and rows (ordered by id), the full-text index left out
    (SQLite derives it from the rows), and the exchange's columns."""
    digest = hashlib.sha256()
    with closing(sqlite3.connect(path)) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'journal_fts%' AND name != 'exchange_seen' ORDER BY name")]
        for name in names:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})") if r[1] not in EXCHANGE]
            order = "id" if "id" in columns else ", ".join(columns)
            digest.update(f"{name}:{columns}\n".encode())
            for row in conn.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY {order}"):
                digest.update(repr(row).encode() + b"\n")
    return digest.hexdigest()


def test_the_samples_words_are_shipped_in_the_wheel() -> None:
    """sample_text.json is package data: a non-editable install has it only if pyproject says so."""
    import fnmatch
    import tomllib

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["revmentor_desktop.data"]
    data_files = [p.name for p in (root / "revmentor_desktop" / "data").iterdir()
                  if p.is_file() and p.suffix not in (".py", ".pyc")]
    assert "sample_text.json" in data_files
    assert all(any(fnmatch.fnmatch(name, pat) for pat in patterns) for name in data_files)


def test_the_samples_words_fit_together() -> None:
    """sample_text.json is edited by hand: every area, topic and placeholder it names must exist."""
    from revmentor_desktop.data import sample_journal, sample_plan

    text = sample_plan.TEXT
    areas = sample_plan.FOCUS_AREAS
    assert tuple(text["topics"]) == areas
    topics = {t for pool in text["topics"].values() for t in pool}
    assert topics <= set(text["topic_notes"])
    assert {g.focus_area for g in sample_plan.GOALS} <= set(areas)
    assert {k.focus_area for k in sample_plan.SKILLS} <= set(areas)
    words = {key: "x" for key in (*text["words"], "next_topic")}
    for line in (*text["openers"], *text["closers"], *text["private"]["notes"],
                 *(b for pool in text["topic_notes"].values() for b in pool),
                 *(a for pool in sample_journal.ACTIONS.values() for a in pool)):
        line.format(**words)  # a misspelt placeholder raises KeyError
    assert set(sample_journal.ACTIONS) == {"mentee", "mentor", "both"}


@pytest.mark.parametrize(("sessions", "seed", "today", "expected"), [
    (24, 7, date(2026, 11, 1), "0cf9cd1914cd7f51a59826a6f4b9b523c11338d1cd088e75d96752bab35e4db8"),
    (0, 7, date(2026, 11, 1), "fc10f4a7574666b99afea2c0947ca9b6873fc6d65bc2ad9611c1118345435582"),
    (300, 3, date(2025, 6, 18), "647e934fee0db5c7c61e0c0d2b077ef2b0d11faf6ea2d52213f0df40f418c2b4"),
])
def test_the_sample_is_the_same_as_it_always_was(tmp_path: Path, sessions: int, seed: int,
                                                 today: date, expected: str) -> None:
    """Pinned: the sample's content for a seed and a day never changes by accident (demos,
    screenshots, the benchmark's files and bug reports refer to it). Hashes retaken when the
    sample learnt the practice loop (schema version 3: feedback both ways, check-ins, reviews, the
    review date three months on). A deliberate change to the sample or the schema updates them, and
    says so in its commit."""
    path = tmp_path / "s.revmentor"
    make_sample(path, sessions, seed=seed, today=today)
    assert content_digest(path) == expected


def test_entries_differ_from_each_other(tmp_path: Path) -> None:
    path = tmp_path / "s.revmentor"
    make_sample(path, 200, today=TODAY)
    notes = [r[0] for r in rows(path, "SELECT notes FROM journal_entry")]
    assert len(set(notes)) >= 0.9 * len(notes)
    assert any("**" in n and "\n- " in n for n in notes)  # Markdown: bold and lists


@pytest.mark.parametrize("sessions", [0, 1, 24, 200])
def test_not_overdue_today(tmp_path: Path, sessions: int) -> None:
    path = tmp_path / "s.revmentor"
    make_sample(path, sessions)  # the real today
    today = date.today()
    with opened(path) as store:
        p = reads.get_partnership(store)
        m = compute.momentum(p.start_date, p.cadence_days, reads.session_dates(store), today)
    assert m.days_overdue == 0
    assert m.sessions_held == sessions
    if sessions:
        assert m.last_session is not None and 0 < (today - m.last_session).days < p.cadence_days
    if sessions >= 24:
        assert m.share_kept is not None and 0.85 <= m.share_kept < 1


def test_full_text_search_finds_topics_and_actions(sample: Path) -> None:
    topic = rows(sample, "SELECT topics FROM journal_entry WHERE id = 5")[0][0].split(", ")[0]
    action = rows(sample, "SELECT entry_id, text FROM action_item ORDER BY id LIMIT 1")[0]
    with opened(sample) as store, closing(store.raw()) as conn:
        hits = [r[0] for r in conn.execute(
            "SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?", (f'topics:"{topic}"',))]
        assert 5 in hits
        word = max(re.findall(r"[A-Za-z]+", action["text"]), key=len)
        hits = [r[0] for r in conn.execute(
            "SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?", (f'action_text:"{word}"',))]
        assert action["entry_id"] in hits


@pytest.mark.slow
def test_ten_thousand_sessions(tmp_path: Path) -> None:
    path = tmp_path / "big.revmentor"
    make_sample(path, 10_000, today=TODAY)
    assert_valid(path)
    assert_readable(path, every_entry=False)
    with opened(path) as store:
        entries = ops.list_entries(store)
        assert len(entries) == 10_000
        p = reads.get_partnership(store)
        m = compute.momentum(p.start_date, p.cadence_days, reads.session_dates(store), TODAY)
        assert m.days_overdue == 0 and m.share_kept is not None and m.share_kept > 0.85
        with closing(store.raw()) as conn:
            (hits,) = conn.execute(
                "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'topics:\"LinkedIn posting\"'"
            ).fetchone()
    assert hits > 100


def test_the_sample_has_stable_ids_that_follow_from_the_seed(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.revmentor", tmp_path / "b.revmentor", tmp_path / "c.revmentor"
    make_sample(a, 6, seed=7, today=date(2026, 11, 1))
    make_sample(b, 6, seed=7, today=date(2026, 11, 1))
    make_sample(c, 6, seed=8, today=date(2026, 11, 1))

    def uids(path: Path) -> list[object]:
        with closing(sqlite3.connect(path)) as conn:
            out = [conn.execute("SELECT pair_uid FROM partnership").fetchone()[0]]
            for table in sample_module.WITH_STABLE_IDS:
                out += [r[0] for r in conn.execute(f"SELECT uid FROM {table} ORDER BY id")]
        return out

    assert uids(a) == uids(b)
    assert len(set(uids(a))) == len(uids(a)) and not set(uids(a)) & set(uids(c))
    assert all(isinstance(u, str) and re.fullmatch("[0-9a-f]{32}", u) for u in uids(a))


def test_a_sample_that_cannot_be_made_names_the_file_asked_for_not_its_temporary_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from revmentor_desktop.data import store as store_mod
    from revmentor_desktop.errors import KnownError

    def read_only(*_args: object, **_kw: object) -> int:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(store_mod.os, "open", read_only)
    target = tmp_path / "s.revmentor"
    with pytest.raises(KnownError) as info:
        make_sample(target)
    assert info.value.message == f"Cannot create “{target}”: Read-only file system."
    assert list(tmp_path.iterdir()) == []
