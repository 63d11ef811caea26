"""Malformed and hostile shares fed to the importer (issue 16): never a traceback, never a change to
the file. Each example starts from a valid share the app wrote and breaks it — random JSON in place of
any value, keys deleted or added, records duplicated, the bytes cut short or replaced — then runs
the whole import: `read_share` → `plan_from` → `resolve(prefer="theirs")` → `apply_plan`.

Either it raises KnownError (BAD_SHARE) and the partnership file is byte-identical, or it succeeds and
the file passes the whole-file check (`integrity.row_problems`), opens and reads, with my private
records as they were."""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import note as hypothesis_note
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from revmentor_desktop.data import ops, reads
from revmentor_desktop.data import validation as v
from revmentor_desktop.data.integrity import row_problems
from revmentor_desktop.data.sample_pair import make_pair
from revmentor_desktop.data.share import apply_plan, export_share, plan_from, read_share
from revmentor_desktop.data.share_local import read_records
from revmentor_desktop.data.share_merge import resolve
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError
from tests.share_helpers import TODAY, write

# -- one valid share, written by the app, and the file it goes into ----------------------------------------


class Base:
    """The mentor's file of a 3-session sample pair, and the mentee's share for it: the first share
    the mentor imports, or (`later`) one after a first exchange, the mentee having edited since —
    so the merge's update, remove and same-session paths are broken into too."""

    def __init__(self, folder: Path, *, later: bool = False) -> None:
        self.mentor, mentee = folder / "mentor.revmentor", folder / "mentee.revmentor"
        make_pair(self.mentor, mentee, sessions=3, today=TODAY)
        if later:
            _import(self.mentor, write(mentee, folder / "first.revshare"))
            _edit_since(mentee, self.mentor)
            write(mentee, folder / "mentee.revshare")
        else:
            store = Store.open(mentee, read_only=True)
            try:
                export_share(store, folder / "mentee.revshare")
            finally:
                store.close()
        self.raw = (folder / "mentee.revshare").read_bytes()
        self.doc: dict[str, Any] = json.loads(self.raw)
        self.paths = list(_paths(self.doc))
        self.dict_paths = [p for p in self.paths if isinstance(_get(self.doc, p), dict)]
        #: the values of records' fields: replaced by a value of the same type, a share often stays valid
        self.field_paths = [p for p in self.paths if len(p) == 4 and p[2] in ("data", "side")]
        self.private = _private_rows(self.mentor)
        # values that mean something in a share: stable ids (theirs, mine, my private ones), names
        uids = {r["uid"] for r in self.doc["records"]}
        conn = sqlite3.connect(f"file:{self.mentor}?mode=ro", uri=True)
        try:
            mine = {u for (u,) in conn.execute("SELECT uid FROM goal UNION SELECT uid FROM journal_entry"
                                               " UNION SELECT uid FROM swot_item")}
        finally:
            conn.close()
        self.meaningful = [
            *sorted(uids | mine), self.doc["pair"], "mentor", "mentee", "self", "partner", "goal", "entry", "swot",
            "agreement", "milestone", "2026-02-29", "2026-11-01", "1899-12-31", "2201-01-01",
            "2026-11-30T10:00:00+00:00", "0999-01-01T00:00:00+00:00", "S", "W", "O", "T", "achieved",
        ]


def note(text: str) -> None:
    """Noted for hypothesis's report of a failing example; printed outside hypothesis."""
    try:
        hypothesis_note(text)
    except InvalidArgument:
        print(text)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Any:
    yield prefix
    if isinstance(node, dict):
        for k, val in node.items():
            yield from _paths(val, (*prefix, k))
    elif isinstance(node, list):
        for i, val in enumerate(node):
            yield from _paths(val, (*prefix, i))


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def _private_rows(path: Path) -> list[Any]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [conn.execute(sql).fetchall() for sql in (
            "SELECT * FROM journal_entry WHERE private = 1 ORDER BY id",
            "SELECT * FROM goal WHERE private = 1 ORDER BY id",
            "SELECT m.* FROM milestone m JOIN goal g ON g.id = m.goal_id WHERE g.private = 1 ORDER BY m.id",
            "SELECT a.* FROM action_item a JOIN journal_entry e ON e.id = a.entry_id"
            " WHERE e.private = 1 ORDER BY a.id")]
    finally:
        conn.close()


def _edit_since(mentee: Path, mentor: Path) -> None:
    """The mentee's edits after the first exchange (and a session the mentor logged too)."""
    store = Store.open(mentee)
    try:
        [(goal,)] = conn_rows(mentee, "SELECT id FROM goal ORDER BY position LIMIT 1")
        ops.update_goal(store, goal, title="Renamed by the mentee", manual_progress=30)
        [(entry,)] = conn_rows(mentee, "SELECT id FROM journal_entry ORDER BY held_on LIMIT 1")
        ops.update_entry(store, entry, mentee_takeaway="Written after the first exchange")
        [(item,)] = conn_rows(mentee, "SELECT id FROM swot_item WHERE grid = 'mentee' LIMIT 1")
        ops.delete_swot_item(store, item)
        new = ops.add_entry(store, date(2026, 10, 31), topics="Logged by both", mentee_takeaway="Mine")
        ops.add_action(store, new, "Follow up", owner="mentee")
    finally:
        store.close()
    store = Store.open(mentor)
    try:
        ops.add_entry(store, date(2026, 10, 31), notes="The mentor's notes of it")
    finally:
        store.close()


def conn_rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


_BASE: dict[str, Base] = {}


@pytest.fixture(scope="module", params=["first import", "later import"])
def base(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Base:
    if request.param not in _BASE:
        _BASE[request.param] = Base(tmp_path_factory.mktemp("hostile-base"),
                                    later=request.param == "later import")
    return _BASE[request.param]


# -- what goes in ---------------------------------------------------------------------------------------------

ANY_CHARACTER = st.characters(codec=None, exclude_categories=())  # control characters, lone surrogates
TEXT = st.one_of(
    st.text(alphabet=ANY_CHARACTER, max_size=40),
    st.sampled_from(["", " ", "<b>x</b>", "<script>alert(1)</script>", "\x00", "\ud800", "\udfff",
                     "\r\n", "\u202e", "'; DROP TABLE goal; --", "%s%n{0}", "a" * 32, "0" * 32,
                     "NaN", "Infinity", "null"]),
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(),
    st.sampled_from([0, -1, 1, 5, 6, 100, 101, 2**31, 2**63, -(2**63) - 1, 10**100, 10**400]),
    st.floats(allow_nan=True, allow_infinity=True), TEXT,
)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)

_HUGE = "x" * (v.LONG_MAX + 1)
_COUNTER = itertools.count()


@st.composite
def value_for(draw: st.DrawFn, base: Base) -> Any:
    """A value to put anywhere: random JSON, or one that means something to a share."""
    return draw(st.one_of(JSON, JSON, st.sampled_from(base.meaningful),
                          st.just(_HUGE), st.lists(st.sampled_from(base.meaningful), max_size=3)))


@st.composite
def hostile_share(draw: st.DrawFn, base: Base) -> bytes:
    """The valid share, broken one of several ways (each step noted)."""
    how = draw(st.sampled_from(["replace", "replace", "same type", "same type", "same type", "delete",
                                "add", "duplicate", "truncate", "random bytes", "splice", "several"]))
    note(f"mutation: {how}")
    if how == "truncate":
        cut = draw(st.integers(0, len(base.raw) - 1))
        note(f"cut at byte {cut} of {len(base.raw)}")
        return base.raw[:cut]
    if how == "random bytes":
        raw = draw(st.binary(max_size=300))
        note(f"bytes: {raw!r}")
        return raw
    if how == "splice":
        at = draw(st.integers(0, len(base.raw)))
        junk = draw(st.binary(min_size=1, max_size=20))
        note(f"spliced {junk!r} at byte {at}")
        return base.raw[:at] + junk + base.raw[at:]
    doc: Any = copy.deepcopy(base.doc)
    steps = draw(st.integers(2, 4)) if how == "several" else 1
    for _ in range(steps):
        step = draw(st.sampled_from(["replace", "same type", "same type", "delete", "add", "duplicate"])) \
            if how == "several" else how
        doc = _mutate(draw, base, doc, step)
    ascii_only = draw(st.booleans())
    note(f"written with ensure_ascii={ascii_only}")
    return json.dumps(doc, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def _mutate(draw: st.DrawFn, base: Base, doc: Any, step: str) -> Any:
    """`doc` broken one step further (the whole document, when its root is replaced)."""
    if step == "same type":
        path = draw(st.sampled_from(base.field_paths))
        try:
            parent = _get(doc, path[:-1])
            old = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            return doc
        value = draw(_like(base, old))
        note(f"replace {path!r} ({_short(old)}) with {_short(value)}")
        parent[path[-1]] = value
        return doc
    if step == "replace":
        path = draw(st.sampled_from(base.paths))
        value = draw(value_for(base))
        note(f"replace {path!r} with {_short(value)}")
        if not path:
            return value
        try:
            parent = _get(doc, path[:-1])
            parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            note("  (no longer there)")
    elif step == "delete":
        path = draw(st.sampled_from(base.dict_paths))
        try:
            node = _get(doc, path)
        except (KeyError, IndexError, TypeError):
            return doc
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            note(f"delete {path!r} key {key!r}")
            del node[key]
    elif step == "add":
        path = draw(st.sampled_from(base.dict_paths))
        key = draw(st.one_of(st.text(max_size=10), st.sampled_from(["private", "id", "grid", "author",
                                                                    "uid", "seen", "notes"])))
        value = draw(value_for(base))
        note(f"add {path!r} key {key!r} = {_short(value)}")
        try:
            node = _get(doc, path)
        except (KeyError, IndexError, TypeError):
            return doc
        if isinstance(node, dict):
            node[key] = value
    elif step == "duplicate":
        records = doc.get("records") if isinstance(doc, dict) else None
        if isinstance(records, list) and records:
            i = draw(st.integers(0, len(records) - 1))
            twin = copy.deepcopy(records[i])
            if draw(st.booleans()) and isinstance(twin, dict):
                twin["uid"] = draw(st.sampled_from(base.meaningful))
            note(f"duplicate record {i} as {_short(twin)}")
            records.insert(draw(st.integers(0, len(records))), twin)
    return doc


def _like(base: Base, old: Any) -> st.SearchStrategy[Any]:
    """Values of the same JSON type as `old` (and some that mean something to a share)."""
    if isinstance(old, bool):
        return st.booleans()
    if isinstance(old, int):
        return st.one_of(st.integers(-3, 12), st.integers(0, 10**7 + 1), st.sampled_from([1440, 1441, 2**63]))
    if isinstance(old, list):
        return st.one_of(st.lists(st.sampled_from(base.meaningful), max_size=3), st.lists(TEXT, max_size=3))
    return st.one_of(TEXT, st.sampled_from(base.meaningful), st.none())


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 300 else f"{text[:300]}… ({len(text)} characters)"


# -- the property -------------------------------------------------------------------------------------------


def _import(target: Path, share_path: Path) -> None:
    incoming = read_share(share_path)
    store = Store.open(target)
    try:
        plan = plan_from(store, incoming)
        left = resolve(plan, prefer="theirs")
        assert left == []
        apply_plan(store, plan)
    finally:
        store.close()


def check_hostile(base: Base, folder: Path, raw: bytes) -> str:
    n = next(_COUNTER)
    target = folder / f"mine-{n}.revmentor"
    shutil.copyfile(base.mentor, target)
    share_path = folder / f"theirs-{n}.revshare"
    share_path.write_bytes(raw)
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    try:
        try:
            _import(target, share_path)
        except KnownError as exc:
            note(f"refused: {exc.one_line()}")
            assert exc.kind is ErrorKind.BAD_SHARE, exc.kind
            assert hashlib.sha256(target.read_bytes()).hexdigest() == before
            assert sorted(p.name for p in folder.iterdir()
                          if p.name.startswith(target.name)) == [target.name]
            return "refused"
        note("imported")
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            assert row_problems(conn, limit=10) == []
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()
        store = Store.open(target, read_only=True)
        try:
            read_records(store, include_private=True)
            reads.list_goals(store)
            reads.list_entries(store)
            reads.list_swot_items(store)
        finally:
            store.close()
        assert _private_rows(target) == base.private
        return "imported"
    finally:
        for p in (target, share_path):
            p.unlink(missing_ok=True)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(data=st.data())
def test_a_hostile_share_never_raises_anything_else_and_never_harms_the_file(
        base: Base, tmp_path: Path, data: st.DataObject) -> None:
    raw = data.draw(hostile_share(base), label="share")
    note(f"share bytes: {len(raw)}")
    event(check_hostile(base, tmp_path, raw))


def test_the_unbroken_share_imports(base: Base, tmp_path: Path) -> None:
    """The property's other branch is reachable: the share as written imports cleanly."""
    assert check_hostile(base, tmp_path, base.raw) == "imported"


@pytest.mark.parametrize("mutate", [
    lambda d: d["records"].append(copy.deepcopy(d["records"][1])),
    lambda d: d.update(version=True),
    lambda d: d.update(version=1.0),
    lambda d: d.update(written_at="2026-13-01T00:00:00+00:00"),
    lambda d: d["records"][0]["data"].update(cadence_days=10**400),
    lambda d: d["records"][0]["data"].update(focus_areas=["\ud800" * 5, "\x00"]),
    lambda d: d["records"][0]["data"].update(mentor_name="<b>\u202eRTL</b>"),
    lambda d: d["records"][-1].update(side={"takeaway": _HUGE}),
    lambda d: [r["data"].update(position=-5) for r in d["records"] if r["kind"] == "clause"],
])
def test_chosen_hostile_shares(base: Base, tmp_path: Path, mutate: Any) -> None:
    doc = copy.deepcopy(base.doc)
    mutate(doc)
    check_hostile(base, tmp_path, json.dumps(doc).encode())


@given(cut=st.integers(0, 10_000))
@example(cut=0)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_truncation_is_refused(base: Base, tmp_path: Path, cut: int) -> None:
    raw = base.raw[: min(cut, len(base.raw) - 2)]  # (without only its last newline, it is whole)
    note(f"cut at {len(raw)} of {len(base.raw)}")
    assert check_hostile(base, tmp_path, raw) == "refused"
