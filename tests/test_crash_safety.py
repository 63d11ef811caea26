"""Crash safety, proven: a writer process is killed with SIGKILL at random moments, and the file is
always whole, every acknowledged edit is in it, and no edit is half there.

A writer (tests/crash_writer.py, forked per trial from one warm server process) makes real edits
through revmentor_desktop.data.ops and prints ``ACK`` once each call has *returned*, which is when
the UI would tell the user it is saved. The test kills it after a random number of ACKs plus a
random few milliseconds, so kills land between transactions and inside them (the summary line says
how many found a hot ``-journal``). Then it checks the file with plain sqlite3 (whose first read
rolls back a hot journal, which is SQLite's recovery working as designed) against a model of the
file: the state before the trial with every acknowledged edit applied, and possibly the one edit that
was in flight — all of it or none of it. The same is done to a writer that is backing a file up and
to one that is upgrading a version-1 file.

Each test prints its seed; ``REVMENTOR_CRASH_SEED=<seed> pytest ...`` replays the same edits and the
same kill schedule (the exact moment a kill lands still depends on timing). ``pytest --long`` runs the
long variants (marked ``slow``): hundreds of kills per scenario.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import random
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop.data import backup
from revmentor_desktop.data.migrations import SCHEMA_VERSION, STEPS
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store
from tests.helpers import sha256

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
WRITER = TESTS / "crash_writer.py"
V1 = TESTS / "data" / "v1.revmentor"
SEED_VARIABLE = "REVMENTOR_CRASH_SEED"
KILLED = -signal.SIGKILL

#: Debris a killed backup may leave: its half-written ".<name>.part" file, which cleanup_partials
#: removes (see test_a_kill_mid_copy_leaves_only_part_files_and_cleanup_removes_them).
PART = re.compile(r"^\..+\.part$")
PART_JOURNAL = re.compile(r"^\..+\.part-journal$")


# -- the writer process --------------------------------------------------------------------------


class WriterServer:
    """tests/crash_writer.py in `serve` mode: forks one writer per job and reports how each ended."""

    def __init__(self, stderr_path: Path) -> None:
        self.stderr_path = stderr_path
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)}
        with stderr_path.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(WRITER), "serve"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=err, cwd=REPO, env=env)
        assert self.proc.stdout is not None and self.proc.stdin is not None
        self._fd = self.proc.stdout.fileno()
        self._buf = b""
        ready = self.readline(timeout=60)
        assert ready == "READY", f"writer server said {ready!r}\n{self.stderr_tail()}"

    def readline(self, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"the writer said nothing for {timeout} s\n{self.stderr_tail()}")
            ready, _, _ = select.select([self._fd], [], [], left)
            if ready:
                chunk = os.read(self._fd, 65536)
                if not chunk:
                    raise EOFError(f"the writer server exited\n{self.stderr_tail()}")
                self._buf += chunk
        line, _, self._buf = self._buf.partition(b"\n")
        return line.decode()

    def start(self, job: str, **params: Any) -> Run:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"JOB {job} {json.dumps(params)}\n".encode())
        self.proc.stdin.flush()
        return Run(self)

    def stderr_tail(self, chars: int = 4000) -> str:
        text = self.stderr_path.read_text(errors="replace")
        return f"--- writer stderr (tail) ---\n{text[-chars:]}" if text else "(writer stderr empty)"

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        with contextlib.suppress(OSError):
            self.proc.stdin.write(b"QUIT\n")
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()


@dataclass
class Step:
    n: int
    kind: str
    data: dict[str, Any]


@dataclass
class Run:
    """One writer process: what it printed, and how it ended."""

    server: WriterServer
    lines: list[str] = field(default_factory=list)
    code: int | None = None
    pid: int = 0
    acks: list[Step] = field(default_factory=list)
    dos: dict[int, Step] = field(default_factory=dict)
    last_ack_times: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        first = self._next()
        if not first.startswith("START "):
            self.finish()
            pytest.fail(f"the writer did not start: {first!r}\n{self.describe()}")
        self.pid = int(first.split()[1])

    def _next(self) -> str:
        line = self.server.readline()
        self.lines.append(line)
        word, _, rest = line.partition(" ")
        if word == "EXIT":
            self.code = int(rest.split()[1])
        elif word in ("DO", "ACK"):
            n, kind, data = rest.split(" ", 2)
            step = Step(int(n), kind, json.loads(data))
            if word == "DO":
                self.dos[step.n] = step
            else:
                self.acks.append(step)
                self.last_ack_times.append(time.monotonic())
        return line

    def wait_for_acks(self, count: int) -> None:
        while len(self.acks) < count and self.code is None:
            self._next()

    def kill(self) -> None:
        if self.code is None:  # not yet reaped, so the pid is still this writer's
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def finish(self) -> None:
        while self.code is None:
            self._next()

    def check_ended(self, *allowed: int) -> None:
        """The writer ended by our SIGKILL (or as `allowed`), never by an error of its own."""
        errors = [line for line in self.lines if line.startswith("ERROR")]
        if errors or self.code not in (KILLED, *allowed):
            pytest.fail(f"the writer failed on its own (exit {self.code}): {errors}\n{self.describe()}")

    def in_flight(self) -> Step | None:
        """The operation that had started but not been acknowledged when the writer died."""
        acked = {a.n for a in self.acks}
        pending = [s for n, s in sorted(self.dos.items()) if n not in acked]
        assert len(pending) <= 1, pending
        return pending[0] if pending else None

    def describe(self) -> str:
        return "\n".join(["--- last writer lines ---", *self.lines[-12:], self.server.stderr_tail()])


@pytest.fixture(scope="module")
def writers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WriterServer]:
    server = WriterServer(tmp_path_factory.mktemp("writer") / "stderr.txt")
    yield server
    server.close()


@dataclass
class Seeded:
    seed: int
    rng: random.Random

    def where(self, trial: int) -> str:
        return f"[seed {self.seed} ({SEED_VARIABLE}={self.seed}), trial {trial}]"


@pytest.fixture
def seeded() -> Seeded:
    seed = int(os.environ.get(SEED_VARIABLE) or random.SystemRandom().randrange(2**32))
    print(f"crash-safety seed {seed}: rerun with {SEED_VARIABLE}={seed}")
    return Seeded(seed, random.Random(seed))


def trials(length: str, long_run: bool, quick: int, long: int) -> int:
    if length == "long" and not long_run:
        pytest.skip("the long variant runs with --long")
    if length == "quick" and long_run:
        pytest.skip("--long runs the long variant instead")
    return long if length == "long" else quick


LENGTHS = pytest.mark.parametrize("length", ["quick", pytest.param("long", marks=pytest.mark.slow)])


# -- reading a file after a crash ----------------------------------------------------------------

State = dict[str, Any]

STATE_SQL = {
    "goal": "SELECT id, title, position FROM goal",
    "milestone": "SELECT id, goal_id, title, position FROM milestone",
    "entry": "SELECT id, held_on, topics, notes FROM journal_entry",
    "action": "SELECT id, entry_id, text, position FROM action_item",
    "clause": "SELECT id, text, position FROM agreement_clause",
    "swot": "SELECT id, grid, quadrant, text, position FROM swot_item",
    "snapshot": "SELECT id, label FROM swot_snapshot",
    "rating": "SELECT id, entry_id FROM skill_rating",
}


def read_state(conn: sqlite3.Connection) -> State:
    state: State = {
        name: {r[0]: tuple(r[1:]) for r in conn.execute(sql)} for name, sql in STATE_SQL.items()
    }
    state["link"] = set(conn.execute("SELECT entry_id, goal_id FROM entry_goal"))
    state["snapshot_item"] = sorted(conn.execute(
        "SELECT snapshot_id, grid, quadrant, text, position FROM swot_snapshot_item"))
    return state


def fts_problems(conn: sqlite3.Connection) -> list[str]:
    """The journal's full-text index must hold exactly one row per entry, with the entry's text
    and its action items' text (the triggers' job, in the same transaction as the edit)."""
    cols = "topics, agenda, notes, mentor_takeaway, mentee_takeaway, feedback_good, feedback_improve"
    entries = {r[0]: r[1:] for r in conn.execute(f"SELECT id, {cols} FROM journal_entry")}
    fts = {r[0]: r[1:] for r in conn.execute(f"SELECT rowid, {cols}, action_text FROM journal_fts")}
    problems = []
    if set(entries) != set(fts):
        problems.append(f"entries without an index row: {sorted(set(entries) - set(fts))[:10]}, "
                        f"index rows without an entry: {sorted(set(fts) - set(entries))[:10]}")
    actions: dict[int, list[str]] = {}
    for entry_id, text in conn.execute("SELECT entry_id, text FROM action_item"):
        actions.setdefault(entry_id, []).extend(text.split())
    for rowid in sorted(set(entries) & set(fts)):
        if fts[rowid][:-1] != entries[rowid]:
            problems.append(f"entry {rowid}: index {fts[rowid][:-1]!r} != entry {entries[rowid]!r}")
        if sorted(fts[rowid][-1].split()) != sorted(actions.get(rowid, [])):
            problems.append(f"entry {rowid}: indexed actions {fts[rowid][-1]!r} != "
                            f"{sorted(actions.get(rowid, []))}")
    return problems


#: The first 8 bytes of a rollback journal that SQLite will play back. Until the journal's content
#: is synced its header holds zeros instead: such a "cold" journal is ignored (nothing in the
#: database had been overwritten yet) and the next write transaction replaces it.
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def is_hot(journal: Path) -> bool:
    try:
        with journal.open("rb") as fh:
            return fh.read(8) == JOURNAL_MAGIC
    except FileNotFoundError:
        return False


def check_side_files(path: Path, where: str) -> None:
    """After recovery, nothing is left beside the file but, possibly, a cold journal."""
    journal = Path(f"{path}-journal")
    assert not is_hot(journal), f"{where} a hot journal is left after recovery"
    side = sorted(p.name for p in path.parent.iterdir())
    assert side in ([path.name], [path.name, journal.name]), f"{where} side files {side}"


def sound(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def positions_are_permutations(rows: dict[int, tuple], scope: Callable[[tuple], object]) -> bool:
    groups: dict[object, list[int]] = {}
    for r in rows.values():
        groups.setdefault(scope(r), []).append(r[-1])
    return all(sorted(ps) == list(range(len(ps))) for ps in groups.values())


# -- the model: what each acknowledged edit does ---------------------------------------------------


def _next_position(rows: dict[int, tuple], scope: Callable[[tuple], bool]) -> int:
    found = [r[-1] for r in rows.values() if scope(r)]
    return max(found) + 1 if found else 0


def _reorder(rows: dict[int, tuple], target: int, index: int,
             scope: Callable[[tuple], bool]) -> None:
    """ops._reorder: siblings by (position, id); move `target` to `index`; renumber 0..n-1."""
    ids = sorted((i for i, r in rows.items() if scope(r)), key=lambda i: (rows[i][-1], i))
    ids.remove(target)
    ids.insert(max(0, min(index, len(ids))), target)
    for pos, i in enumerate(ids):
        rows[i] = (*rows[i][:-1], pos)


def apply(state: State, kind: str, a: dict[str, Any], new_id: int | None) -> State:
    """`state` after one operation, as revmentor_desktop.data.ops defines it."""
    s = copy.deepcopy(state)
    if kind == "add_goal":
        s["goal"][new_id] = (a["title"], _next_position(s["goal"], lambda r: True))
    elif kind == "delete_goal":  # with its milestones and links, in one transaction
        del s["goal"][a["id"]]
        s["milestone"] = {k: r for k, r in s["milestone"].items() if r[0] != a["id"]}
        s["link"] = {lk for lk in s["link"] if lk[1] != a["id"]}
    elif kind == "add_milestone":
        pos = _next_position(s["milestone"], lambda r: r[0] == a["goal"])
        s["milestone"][new_id] = (a["goal"], a["title"], pos)
    elif kind == "move_milestone":
        goal = s["milestone"][a["id"]][0]
        _reorder(s["milestone"], a["id"], a["index"], lambda r: r[0] == goal)
    elif kind == "add_entry":
        s["entry"][new_id] = (a["held_on"], a["topics"], a["notes"])
    elif kind == "delete_entry":  # with its actions and links; its skill ratings are kept
        del s["entry"][a["id"]]
        s["action"] = {k: r for k, r in s["action"].items() if r[0] != a["id"]}
        s["link"] = {lk for lk in s["link"] if lk[0] != a["id"]}
        s["rating"] = {k: (None,) if r == (a["id"],) else r for k, r in s["rating"].items()}
    elif kind == "update_entry":
        s["entry"][a["id"]] = (*s["entry"][a["id"]][:2], a["notes"])
    elif kind == "add_action":
        pos = _next_position(s["action"], lambda r: r[0] == a["entry"])
        s["action"][new_id] = (a["entry"], a["text"], pos)
    elif kind == "set_entry_goals":
        s["link"] = {lk for lk in s["link"] if lk[0] != a["entry"]} | {
            (a["entry"], g) for g in a["goals"]}
    elif kind == "add_clause":
        s["clause"][new_id] = (a["text"], _next_position(s["clause"], lambda r: True))
        _reorder(s["clause"], new_id, a["index"], lambda r: True)
    elif kind == "move_clause":
        _reorder(s["clause"], a["id"], a["index"], lambda r: True)
    elif kind in ("add_swot_item", "move_swot_item"):
        place = (a["grid"], a["quadrant"])
        if kind == "add_swot_item":
            item = new_id
            s["swot"][item] = (*place, a["text"], _next_position(s["swot"], lambda r: r[:2] == place))
        else:
            item = a["id"]
            s["swot"][item] = (*place, s["swot"][item][2], -1)
        _reorder(s["swot"], item, a["index"], lambda r: r[:2] == place)
    elif kind == "save_snapshot":  # every SWOT item, copied in the same transaction
        s["snapshot"][new_id] = (a["label"],)
        s["snapshot_item"] = sorted(s["snapshot_item"] + [(new_id, *r) for r in s["swot"].values()])
    elif kind == "delete_snapshot":
        del s["snapshot"][a["id"]]
        s["snapshot_item"] = [r for r in s["snapshot_item"] if r[0] != a["id"]]
    else:
        raise AssertionError(f"no model for {kind}")
    return s


#: For an edit that adds a row: the table and how to find that row by the name the writer gave it.
NEW_ROW: dict[str, tuple[str, Callable[[tuple, dict[str, Any]], bool]]] = {
    "add_goal": ("goal", lambda r, a: r[0] == a["title"]),
    "add_milestone": ("milestone", lambda r, a: r[1] == a["title"]),
    "add_entry": ("entry", lambda r, a: r[1] == a["topics"]),
    "add_action": ("action", lambda r, a: r[1] == a["text"]),
    "add_clause": ("clause", lambda r, a: r[0] == a["text"]),
    "add_swot_item": ("swot", lambda r, a: r[2] == a["text"]),
    "save_snapshot": ("snapshot", lambda r, a: r[0] == a["label"]),
}


def state_diff(actual: State, expected: State) -> str:
    out = []
    for table in expected:
        a, e = actual[table], expected[table]
        if a == e:
            continue
        if isinstance(e, dict):
            missing = {k: e[k] for k in e.keys() - a.keys()}
            extra = {k: a[k] for k in a.keys() - e.keys()}
            changed = {k: (a[k], e[k]) for k in a.keys() & e.keys() if a[k] != e[k]}
            out.append(f"{table}: missing {missing}, unexpected {extra}, "
                       f"changed (actual, expected) {changed}")
        else:
            ac, ec = Counter(a), Counter(e)
            out.append(f"{table}: missing {list((ec - ac).elements())[:10]}, "
                       f"unexpected {list((ac - ec).elements())[:10]}")
    return "; ".join(out) or "(no difference)"


# -- killing an editor -----------------------------------------------------------------------------


@dataclass
class EditStats:
    trials: int = 0
    acks: int = 0
    journal_at_kill: int = 0
    hot_journal_at_kill: int = 0
    in_flight_applied: int = 0
    in_flight_not_applied: int = 0


def check_after_edit_crash(path: Path, before: State, run: Run, where: str,
                           stats: EditStats) -> State:
    """Everything a killed editor may leave: return the file's state, proven sound."""
    journal = Path(f"{path}-journal")
    hot = is_hot(journal)
    stats.journal_at_kill += journal.exists()
    stats.hot_journal_at_kill += hot
    conn = sqlite3.connect(path, isolation_level=None)  # its first read rolls back a hot journal
    try:
        sound(conn)
        actual = read_state(conn)
        problems = fts_problems(conn)
    finally:
        conn.close()
    assert not is_hot(journal), f"{where} the hot journal was not rolled back"
    assert problems == [], f"{where} the journal's search index is out of step: {problems[:5]}"

    expected = before
    for ack in run.acks:
        expected = apply(expected, ack.kind, run.dos[ack.n].data, ack.data.get("id"))
    candidates = {"without the unacknowledged edit": expected}
    step = run.in_flight()
    if step is not None:
        if step.kind in NEW_ROW:
            table, match = NEW_ROW[step.kind]
            found = [k for k, r in actual[table].items() if match(r, step.data)]
            assert len(found) <= 1, f"{where} {step.kind} {step.data} made {len(found)} rows"
            if found:
                candidates = {"with the unacknowledged edit": apply(expected, step.kind, step.data,
                                                                     found[0])}
        else:
            candidates["with the unacknowledged edit"] = apply(expected, step.kind, step.data, None)
    if not any(actual == c for c in candidates.values()):
        diffs = "\n".join(f"  {name}: {state_diff(actual, c)}" for name, c in candidates.items())
        pytest.fail(f"{where} the file is not the acknowledged edits (all or none of the one in "
                    f"flight, {step}):\n{diffs}\n{run.describe()}")
    if step is not None:
        if actual == expected:
            stats.in_flight_not_applied += 1
        else:
            stats.in_flight_applied += 1

    # The same promises, said directly (the model above already implies them). Rows are found by
    # the name the writer gave them: SQLite reuses the id of a deleted last row.
    for i, ack in enumerate(run.acks):
        args = run.dos[ack.n].data
        if ack.kind == "add_goal":
            # Deleted by a later acknowledged edit, or by the one in flight (committed, not yet
            # acknowledged, when the writer died: the model above allows both outcomes).
            later_steps = [run.dos[later.n] for later in run.acks[i + 1:]]
            if step is not None:
                later_steps.append(step)
            deleted_later = any(
                later.kind == "delete_goal" and later.data["id"] == ack.data["id"]
                for later in later_steps)
            present = any(r[0] == args["title"] for r in actual["goal"].values())
            assert present or deleted_later, f"{where} acknowledged goal {args['title']} is missing"
        if ack.kind == "save_snapshot":
            ids = [k for k, r in actual["snapshot"].items() if r == (args["label"],)]
            for snap in ids:
                copied = sum(1 for r in actual["snapshot_item"] if r[0] == snap)
                assert copied == ack.data["swot_items"], (
                    f"{where} snapshot {args['label']} copied {copied} of "
                    f"{ack.data['swot_items']} SWOT items")
    assert positions_are_permutations(actual["clause"], lambda r: 0), f"{where} clause positions"
    assert positions_are_permutations(actual["swot"], lambda r: r[:2]), f"{where} SWOT positions"
    goal_ids = set(actual["goal"])
    assert all(r[0] in goal_ids for r in actual["milestone"].values()), f"{where} orphan milestone"
    assert all(g in goal_ids for _e, g in actual["link"]), f"{where} link to a deleted goal"

    Store.open(path).close()
    check_side_files(path, where)
    return actual


@LENGTHS
def test_killing_an_editor_never_loses_or_half_applies_an_edit(
    writers: WriterServer, tmp_path: Path, seeded: Seeded, long_run: bool, length: str
) -> None:
    count = trials(length, long_run, quick=60, long=600)
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "sample.revmentor"
    make_sample(path, 5)
    conn = sqlite3.connect(path)
    try:
        state = read_state(conn)
    finally:
        conn.close()
    assert positions_are_permutations(state["clause"], lambda r: 0)
    assert positions_are_permutations(state["swot"], lambda r: r[:2])
    stats = EditStats()
    n = 1
    for trial in range(count):
        where = seeded.where(trial)
        acks_before_kill = seeded.rng.randrange(12)
        delay = seeded.rng.uniform(0, 0.02)
        run = writers.start("edits", path=str(path), seed=seeded.rng.randrange(2**32), start_n=n)
        run.wait_for_acks(acks_before_kill)
        time.sleep(delay)
        run.kill()
        run.finish()
        run.check_ended()
        state = check_after_edit_crash(path, state, run, where, stats)
        stats.trials += 1
        stats.acks += len(run.acks)
        n = max([n - 1, *run.dos]) + 1
    print(f"{stats}")
    # The schedule must really cut transactions short, or this test proves little.
    assert stats.journal_at_kill >= count // 10, stats
    if length == "long":  # rarer: killed after the journal was synced, while pages were written
        assert stats.hot_journal_at_kill >= 1, stats
    assert stats.in_flight_applied + stats.in_flight_not_applied >= count // 2, stats


# -- killing a backup ------------------------------------------------------------------------------


@dataclass
class BackupStats:
    trials: int = 0
    backups: int = 0
    part_left: int = 0
    part_journal_left: int = 0
    thin_in_flight: int = 0


def integrity(path: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def check_debris(folder: Path, listed: set[str], where: str) -> tuple[int, int]:
    """Only ".part" files may be left beside the backups, and cleanup_partials removes them.

    Returns how many .part and .part-journal files there were (a copy is made with its journal
    off, so a ".part-journal" should not appear; cleanup_partials removes one all the same).
    """
    debris = set(os.listdir(folder)) - listed
    parts = {d for d in debris if PART.match(d)}
    journals = {d for d in debris if PART_JOURNAL.match(d)}
    assert debris == parts | journals, f"{where} unexpected files: {sorted(debris - parts - journals)}"
    backup.cleanup_partials([folder])
    left = set(os.listdir(folder)) - listed
    assert not left, f"{where} cleanup_partials left {sorted(left)}"
    return len(parts), len(journals)


def check_after_backup_crash(source: Path, source_hash: str, counter: int, folder: Path, run: Run,
                             known: dict[str, tuple[int, int]], where: str,
                             stats: BackupStats) -> dict[str, tuple[int, int]]:
    """Everything a killed backup writer may leave: the source untouched, every acknowledged
    backup that thin did not remove still there and unchanged, at most the one in flight besides,
    each whole, and no debris but .part files. Returns the verified backups (name -> size, mtime)."""
    assert sha256(source) == source_hash, f"{where} the source changed"
    assert sorted(p.name for p in source.parent.iterdir()) == [source.name], where
    listed = {b.path.name: b for b in backup.list_backups(folder)}
    made = {a.data["name"] for a in run.acks if a.kind == "backup"}
    thinned = {name for a in run.acks if a.kind == "thin" for name in a.data["removed"]}
    step = run.in_flight()
    should_exist = (set(known) | made) - thinned
    if step is not None and step.kind == "thin":  # thin never drops the newest 10
        stats.thin_in_flight += 1
        should_exist = set(sorted(should_exist, reverse=True)[:backup.KEEP_LATEST])
    assert should_exist <= set(listed), f"{where} lost backups {sorted(should_exist - set(listed))}"
    unexpected = set(listed) - set(known) - made
    allowed = 1 if step is not None and step.kind == "backup" else 0
    assert len(unexpected) <= allowed, f"{where} backups nobody made: {sorted(unexpected)}"
    for name, info in listed.items():
        st = info.path.stat()
        if name in known:
            assert known[name] == (st.st_size, st.st_mtime_ns), f"{where} {name} changed"
            continue
        assert integrity(info.path) == [("ok",)], f"{where} listed backup {name} is damaged"
        assert (info.reason, info.counter) == ("auto", counter), where
        assert st.st_mode & 0o777 == 0o600, where
        known[name] = (st.st_size, st.st_mtime_ns)
    known = {k: v for k, v in known.items() if k in listed}
    # A writer killed before make_backup created the folder leaves none: nothing was backed up
    # then (should_exist above is empty), and there is no debris to look for.
    parts, journals = check_debris(folder, set(listed), where) if folder.exists() else (0, 0)
    stats.trials += 1
    stats.backups += len(made)
    stats.part_left += parts
    stats.part_journal_left += journals
    return known


@LENGTHS
def test_killing_a_backup_leaves_only_good_backups_and_part_files(
    writers: WriterServer, tmp_path: Path, seeded: Seeded, long_run: bool, length: str
) -> None:
    count = trials(length, long_run, quick=60, long=600)
    (tmp_path / "files").mkdir()
    source = tmp_path / "files" / "big.revmentor"
    make_sample(source, 800)  # ~2.5 MB: a backup takes ~10 ms, long enough to be hit midway
    source_hash = sha256(source)
    counter = backup.change_counter(source)
    folder = tmp_path / "backups" / "big"
    known: dict[str, tuple[int, int]] = {}  # verified backups -> (size, mtime_ns)
    stats = BackupStats()
    n, cycle = 1, 0.015
    for trial in range(count):
        where = seeded.where(trial)
        acks_before_kill = seeded.rng.randrange(5)
        fraction = seeded.rng.random()
        run = writers.start("backups", source=str(source), folder=str(folder), start_n=n)
        run.wait_for_acks(acks_before_kill)
        time.sleep(fraction * cycle)
        run.kill()
        run.finish()
        run.check_ended()
        n = max([n - 1, *run.dos]) + 1
        if len(run.last_ack_times) >= 3:  # keep the random delay spread over one backup + thin
            gaps = [b - a for a, b in zip(run.last_ack_times, run.last_ack_times[1:], strict=False)]
            cycle = 0.5 * cycle + 0.5 * (sum(gaps) / len(gaps)) * 2

        known = check_after_backup_crash(source, source_hash, counter, folder, run, known, where,
                                         stats)
    print(f"{stats}")
    assert stats.part_left + stats.part_journal_left >= count // 10, stats  # kills landed mid-backup


def test_a_writer_gone_before_it_made_the_backups_folder_leaves_a_valid_state(
        writers: WriterServer, tmp_path: Path) -> None:
    # The kill may land before make_backup creates the folder (REVMENTOR_CRASH_SEED=3084614165
    # did, in trial 0): no folder is then a valid outcome. Here the writer stops at that point
    # by itself, so the case is checked on every run, not only when the timing falls that way.
    (tmp_path / "files").mkdir()
    source = tmp_path / "files" / "pair.revmentor"
    make_sample(source, 5)
    folder = tmp_path / "backups" / "pair"
    run = writers.start("backups", source=str(source), folder=str(folder), start_n=1, max_ops=0)
    run.finish()
    run.check_ended(0)
    assert not folder.exists()
    stats = BackupStats()
    known = check_after_backup_crash(source, sha256(source), backup.change_counter(source), folder,
                                     run, {}, "[no folder]", stats)
    assert known == {} and stats.trials == 1


def test_a_kill_mid_copy_leaves_no_backup_and_an_intact_source(tmp_path: Path) -> None:
    source, folder = killed_mid_copy(tmp_path)
    assert backup.list_backups(folder) == []
    assert integrity(source) == [("ok",)]
    assert any(PART.match(name) for name in os.listdir(folder))


def test_a_kill_mid_copy_leaves_only_part_files_and_cleanup_removes_them(tmp_path: Path) -> None:
    _source, folder = killed_mid_copy(tmp_path)
    names = sorted(os.listdir(folder))
    assert names and all(PART.match(name) for name in names), names
    backup.cleanup_partials([folder])
    assert os.listdir(folder) == []


def killed_mid_copy(tmp_path: Path) -> tuple[Path, Path]:
    """Run make_backup in a process that SIGKILLs itself after SQLite copied two pages."""
    (tmp_path / "files").mkdir()
    source = tmp_path / "files" / "pair.revmentor"
    make_sample(source, 5)
    folder = tmp_path / "backups"
    params = json.dumps({"source": str(source), "folder": str(folder)})
    proc = subprocess.run(
        [sys.executable, str(WRITER), "run", "backup_killed_in_copy", params],
        capture_output=True, cwd=REPO, timeout=60, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == KILLED, proc.stderr.decode()
    assert proc.stdout.decode().startswith("START"), proc.stdout
    return source, folder


# -- killing an upgrade ----------------------------------------------------------------------------

V1_TABLES = ("partnership", "focus_area", "agreement_clause", "goal", "milestone", "journal_entry",
             "entry_goal", "action_item", "swot_item", "swot_snapshot", "swot_snapshot_item",
             "skill", "skill_rating")


def rows_digest(conn: sqlite3.Connection) -> str:
    h = hashlib.sha256()
    for table in V1_TABLES:  # in the columns version 1 had (later steps add some)
        columns = ", ".join(r[1] for r in sqlite3.connect(V1).execute(f"PRAGMA table_info({table})"))
        for row in conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid"):
            h.update(repr(row).encode())
    return h.hexdigest()


def schema_of(conn: sqlite3.Connection) -> set[tuple]:
    return set(conn.execute("SELECT type, name, sql FROM sqlite_master"))


@pytest.fixture(scope="module")
def big_v1(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed version-1 fixture plus 3,000 sessions with action items, still version 1,
    so the upgrade (which indexes every session) takes long enough (~50 ms) to be killed midway."""
    path = tmp_path_factory.mktemp("v1") / "big-v1.revmentor"
    shutil.copyfile(V1, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        first = conn.execute("SELECT max(id) FROM journal_entry").fetchone()[0] + 1
        words = "quokka narwhal pangolin zeppelin wombat agenda slides chat board".split()
        rng = random.Random(1)
        entries, actions = [], []
        for i in range(first, first + 3000):
            notes = " ".join(rng.choice(words) for _ in range(60))
            entries.append((i, f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", 45, f"session {i}",
                            "", notes, "", "", "", "", 4, 0, "2024-03-01 10:00:00"))
            actions += [(i, k, f"action {i}.{k} {rng.choice(words)}", "both", None, None)
                        for k in range(2)]
        conn.executemany(f"INSERT INTO journal_entry VALUES ({', '.join('?' * 13)})", entries)
        conn.executemany("INSERT INTO action_item (entry_id, position, text, owner, due_on, "
                         "done_on) VALUES (?, ?, ?, ?, ?, ?)", actions)
        conn.execute("COMMIT")
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    finally:
        conn.close()
    return path


CALIBRATION_RUNS = 3


@dataclass
class UpgradeStats:
    trials: int = 0
    still_v1: int = 0
    upgraded: int = 0
    journal_at_kill: int = 0
    hot_journal_at_kill: int = 0
    finished: int = 0
    part_left: int = 0


@LENGTHS
def test_killing_an_upgrade_leaves_the_old_version_or_the_new_never_between(
    writers: WriterServer, tmp_path: Path, seeded: Seeded, long_run: bool, length: str,
    big_v1: Path,
) -> None:
    count = trials(length, long_run, quick=50, long=400)
    conn = sqlite3.connect(f"file:{big_v1}?mode=ro", uri=True)
    try:
        v1_rows, v1_schema = rows_digest(conn), schema_of(conn)
    finally:
        conn.close()
    new = tmp_path / "new.revmentor"
    Store.create(new, {"mentor_name": "A", "mentee_name": "B", "start_date": "2024-01-01"}).close()
    conn = sqlite3.connect(new)
    try:
        current_schema = schema_of(conn)
    finally:
        conn.close()
    assert len(STEPS) == SCHEMA_VERSION >= 2

    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "old.revmentor"
    backups = tmp_path / "backups"
    stats = UpgradeStats()
    timings: list[float] = []
    for trial in range(count):
        where = seeded.where(trial)
        shutil.copyfile(big_v1, path)
        shutil.rmtree(backups, ignore_errors=True)
        calibrating = trial < CALIBRATION_RUNS  # not killed: they time a whole open-and-upgrade
        fraction = seeded.rng.random()
        run = writers.start("upgrade", path=str(path), folder=str(backups))
        started = time.monotonic()
        if calibrating:
            run.finish()
            timings.append(time.monotonic() - started)
        else:
            time.sleep(fraction * sorted(timings)[len(timings) // 2])
            run.kill()
            run.finish()
        run.check_ended(0)
        upgraded_acked = any(a.kind == "upgraded" for a in run.acks)
        stats.finished += upgraded_acked
        stats.journal_at_kill += Path(f"{path}-journal").exists()
        stats.hot_journal_at_kill += is_hot(Path(f"{path}-journal"))

        conn = sqlite3.connect(path, isolation_level=None)  # rolls back a hot journal
        try:
            sound(conn)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            assert rows_digest(conn) == v1_rows, f"{where} rows changed (version {version})"
            if version == 1:
                assert schema_of(conn) == v1_schema, f"{where} a version-1 file with a new schema"
                assert not upgraded_acked, f"{where} the upgrade was acknowledged but is not there"
                stats.still_v1 += 1
            else:
                assert version == SCHEMA_VERSION, f"{where} version {version}"
                assert schema_of(conn) == current_schema, f"{where} half-upgraded schema"
                assert fts_problems(conn) == [], where
                stats.upgraded += 1
        finally:
            conn.close()
        check_side_files(path, where)

        listed = {b.path.name: b for b in backup.list_backups(backups)}
        assert len(listed) <= 1, where
        for info in listed.values():
            assert info.reason == "before-upgrade", where
            conn = sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
                assert conn.execute("PRAGMA user_version").fetchone() == (1,), where
                assert rows_digest(conn) == v1_rows, where
            finally:
                conn.close()
        if version == SCHEMA_VERSION:
            assert listed, f"{where} upgraded without its before-upgrade backup"
        if backups.exists():
            parts, _journals = check_debris(backups, set(listed), where)
            stats.part_left += parts

        Store.open(path).close()  # and it opens (upgrading now if it was still version 1)
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
            assert fts_problems(conn) == [], where
        finally:
            conn.close()
        stats.trials += 1
    print(f"{stats} (a whole upgrade took {[round(t * 1000) for t in timings]} ms)")
    killed = count - CALIBRATION_RUNS
    assert stats.journal_at_kill >= killed // 10, stats  # kills landed inside the migration
    assert stats.still_v1 >= 1 and stats.upgraded >= 3, stats
