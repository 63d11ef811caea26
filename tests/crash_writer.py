"""The process that test_crash_safety.py kills: it edits, backs up or upgrades a partnership file.

It is not a test module. ``python tests/crash_writer.py serve`` imports the data layer once, prints
``READY``, then reads one job per line on stdin (``JOB <name> <json params>``); for each job it
forks a fresh writer process, which opens the file itself and works until the test sends it SIGKILL.
Forking from this warm parent saves the ~0.5 s import per trial, so a test can afford hundreds of
kills; every writer is still a separate process with its own SQLite connections (this parent never
opens a database, so nothing is shared across the fork).

Writers speak on stdout, one line per event, each written with a single ``os.write`` (atomic on a
pipe) right after the event:

* ``START <pid>``                         the writer exists (it may be killed from now on);
* ``DO <n> <kind> <json args>``           about to call one operation (one transaction);
* ``ACK <n> <kind> <json result>``        that call has *returned*: the edit is acknowledged;
* ``ERROR <message>``                     the writer failed on its own (a bug; details on stderr).

The server itself adds ``EXIT <pid> <code>`` once it has reaped a writer: ``-9`` when SIGKILL ended
it, its exit status otherwise. ``python tests/crash_writer.py run <job> <json>`` runs one job in the
foreground instead, for the one-shot deterministic crash tests.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import sys
import traceback
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from revmentor_desktop.data import backup, ops, reads
from revmentor_desktop.data.store import Store

JobFn = Callable[[dict[str, Any]], None]
JOBS: dict[str, JobFn] = {}


def job(fn: JobFn) -> JobFn:
    JOBS[fn.__name__.removeprefix("job_")] = fn
    return fn


def emit(line: str) -> None:
    os.write(1, (line + "\n").encode())


def dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


# -- a stream of real edits ------------------------------------------------------------------------


class Editor:
    """Picks random edits through revmentor_desktop.data.ops and remembers what exists.

    Every new row carries a name made from the edit's sequence number (goal "g17", entry topics
    "e18", clause "c19", ...), so the test can tell which acknowledged edit made it.
    """

    GOALS_MAX = 30
    ENTRIES_MAX = 30
    CLAUSES_MAX = 25
    SWOT_MAX = 60
    SNAPSHOTS_MAX = 8

    def __init__(self, store: Store, rng: random.Random) -> None:
        self.store = store
        self.rng = rng
        self.goals = {g.id for g in ops.list_goals(store)}
        self.milestones: dict[int, int] = {}  # milestone id -> goal id
        for gid in self.goals:
            for m in ops.list_milestones(store, gid):
                self.milestones[m.id] = gid
        self.entries = {e.id for e in ops.list_entries(store)}
        self.clauses = {c.id for c in reads.list_clauses(store)}
        self.swot = {it.id: (it.grid, it.quadrant) for it in ops.list_swot_items(store)}
        self.snapshots = {s.id for s in ops.list_snapshots(store)}

    def choose(self, n: int) -> tuple[str, dict[str, Any]]:
        rng = self.rng
        weights: dict[str, int] = {
            "add_goal": 3 if len(self.goals) < self.GOALS_MAX else 0,
            "delete_goal": (1 if len(self.goals) < self.GOALS_MAX else 4) if self.goals else 0,
            "add_milestone": 3 if self.goals else 0,
            "move_milestone": 1 if self.milestones else 0,
            "add_entry": 2 if len(self.entries) < self.ENTRIES_MAX else 0,
            "delete_entry": (1 if len(self.entries) < self.ENTRIES_MAX else 3) if self.entries else 0,
            "update_entry": 3 if self.entries else 0,
            "add_action": 3 if self.entries else 0,
            "set_entry_goals": 2 if self.entries else 0,
            "add_clause": 2 if len(self.clauses) < self.CLAUSES_MAX else 0,
            "move_clause": (1 if len(self.clauses) < self.CLAUSES_MAX else 3) if self.clauses else 0,
            "add_swot_item": 2 if len(self.swot) < self.SWOT_MAX else 0,
            "move_swot_item": (1 if len(self.swot) < self.SWOT_MAX else 3) if self.swot else 0,
            "save_snapshot": 1 if len(self.snapshots) < self.SNAPSHOTS_MAX else 0,
            "delete_snapshot": (1 if len(self.snapshots) < self.SNAPSHOTS_MAX else 3)
            if self.snapshots else 0,
        }
        kinds = [k for k, w in weights.items() if w]
        kind = rng.choices(kinds, [weights[k] for k in kinds])[0]
        pick = lambda ids: rng.choice(sorted(ids))  # noqa: E731
        if kind == "add_goal":
            return kind, {"title": f"g{n}"}
        if kind == "delete_goal":
            return kind, {"id": pick(self.goals)}
        if kind == "add_milestone":
            return kind, {"goal": pick(self.goals), "title": f"m{n}"}
        if kind == "move_milestone":
            mid = pick(self.milestones)
            size = sum(1 for g in self.milestones.values() if g == self.milestones[mid])
            return kind, {"id": mid, "index": rng.randrange(size + 1)}
        if kind == "add_entry":
            day = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
            return kind, {"held_on": day.isoformat(), "topics": f"e{n}", "notes": f"e{n} notes"}
        if kind == "delete_entry":
            return kind, {"id": pick(self.entries)}
        if kind == "update_entry":
            words = " ".join(rng.choice(["plan", "chat", "slides", "board", "agenda"])
                             for _ in range(rng.randrange(1, 6)))
            return kind, {"id": pick(self.entries), "notes": f"u{n} {words}"}
        if kind == "add_action":
            return kind, {"entry": pick(self.entries), "text": f"a{n} follow up"}
        if kind == "set_entry_goals":
            chosen = rng.sample(sorted(self.goals), min(len(self.goals), rng.randrange(4)))
            return kind, {"entry": pick(self.entries), "goals": sorted(chosen)}
        if kind == "add_clause":
            return kind, {"text": f"c{n}", "index": rng.randrange(len(self.clauses) + 1)}
        if kind == "move_clause":
            return kind, {"id": pick(self.clauses), "index": rng.randrange(len(self.clauses))}
        if kind == "add_swot_item":
            grid, quadrant = rng.choice(["mentor", "mentee"]), rng.choice("SWOT")
            size = sum(1 for v in self.swot.values() if v == (grid, quadrant))
            return kind, {"grid": grid, "quadrant": quadrant, "text": f"w{n}",
                          "index": rng.randrange(size + 1)}
        if kind == "move_swot_item":
            sid = pick(self.swot)
            grid, quadrant = self.swot[sid]
            size = sum(1 for v in self.swot.values() if v == (grid, quadrant))
            return kind, {"id": sid, "grid": grid, "quadrant": quadrant,
                          "index": rng.randrange(size)}
        if kind == "save_snapshot":
            return kind, {"label": f"s{n}", "taken_on": "2025-03-01"}
        assert kind == "delete_snapshot", kind
        return kind, {"id": pick(self.snapshots)}

    def perform(self, kind: str, a: dict[str, Any]) -> dict[str, Any]:
        """Run one operation and update what we know exists; return what the ACK reports."""
        s = self.store
        if kind == "add_goal":
            gid = ops.add_goal(s, a["title"])
            self.goals.add(gid)
            return {"id": gid}
        if kind == "delete_goal":
            ops.delete_goal(s, a["id"])
            self.goals.discard(a["id"])
            self.milestones = {m: g for m, g in self.milestones.items() if g != a["id"]}
            return {}
        if kind == "add_milestone":
            mid = ops.add_milestone(s, a["goal"], a["title"])
            self.milestones[mid] = a["goal"]
            return {"id": mid}
        if kind == "move_milestone":
            return {"old_index": ops.move_milestone(s, a["id"], a["index"])}
        if kind == "add_entry":
            eid = ops.add_entry(s, a["held_on"], topics=a["topics"], notes=a["notes"])
            self.entries.add(eid)
            return {"id": eid}
        if kind == "delete_entry":
            ops.delete_entry(s, a["id"])
            self.entries.discard(a["id"])
            return {}
        if kind == "update_entry":
            ops.update_entry(s, a["id"], notes=a["notes"])
            return {}
        if kind == "add_action":
            return {"id": ops.add_action(s, a["entry"], a["text"])}
        if kind == "set_entry_goals":
            ops.set_entry_goals(s, a["entry"], a["goals"])
            return {}
        if kind == "add_clause":
            cid = ops.add_clause(s, a["text"], index=a["index"])
            self.clauses.add(cid)
            return {"id": cid}
        if kind == "move_clause":
            return {"old_index": ops.move_clause(s, a["id"], a["index"])}
        if kind == "add_swot_item":
            sid = ops.add_swot_item(s, a["grid"], a["quadrant"], a["text"], index=a["index"])
            self.swot[sid] = (a["grid"], a["quadrant"])
            return {"id": sid}
        if kind == "move_swot_item":
            ops.move_swot_item(s, a["id"], a["grid"], a["quadrant"], a["index"])
            return {}
        if kind == "save_snapshot":
            snap = ops.save_snapshot(s, a["label"], a["taken_on"])
            self.snapshots.add(snap)
            # What this writer believes the grids held: the snapshot must have copied all of it.
            return {"id": snap, "swot_items": len(self.swot)}
        assert kind == "delete_snapshot", kind
        ops.delete_snapshot(s, a["id"])
        self.snapshots.discard(a["id"])
        return {}


@job
def job_edits(p: dict[str, Any]) -> None:
    """Open `path` and make random edits until killed (or `max_ops` are done)."""
    emit(f"START {os.getpid()}")
    store = Store.open(Path(p["path"]))
    editor = Editor(store, random.Random(p["seed"]))
    n = p["start_n"]
    for _ in range(p.get("max_ops", 100_000)):
        kind, args = editor.choose(n)
        emit(f"DO {n} {kind} {dumps(args)}")
        result = editor.perform(kind, args)
        emit(f"ACK {n} {kind} {dumps(result)}")
        n += 1
    store.close()


# -- backups ---------------------------------------------------------------------------------------


@job
def job_backups(p: dict[str, Any]) -> None:
    """Back up `source` into `folder` and thin the folder, over and over, until killed."""
    emit(f"START {os.getpid()}")
    source, folder = Path(p["source"]), Path(p["folder"])
    n = p["start_n"]
    for _ in range(p.get("max_ops", 100_000)):
        emit(f"DO {n} backup {{}}")
        info = backup.make_backup(source, folder, "auto")
        emit(f"ACK {n} backup {dumps({'name': info.path.name})}")
        n += 1
        emit(f"DO {n} thin {{}}")
        removed = backup.thin(folder)
        emit(f"ACK {n} thin {dumps({'removed': sorted(r.name for r in removed)})}")
        n += 1


class _KillInCopy(sqlite3.Connection):
    """A connection whose backup copies one page at a time and SIGKILLs this process mid-copy."""

    def backup(self, target: sqlite3.Connection, **kwargs: Any) -> None:  # type: ignore[override]
        def progress(status: int, remaining: int, total: int) -> None:
            if remaining and total - remaining >= 2:
                os.kill(os.getpid(), signal.SIGKILL)

        super().backup(target, pages=1, progress=progress)


@job
def job_backup_killed_in_copy(p: dict[str, Any]) -> None:
    """make_backup, killed by SIGKILL while SQLite copies pages into the temporary file."""

    class Shim:  # backup.py's view of the sqlite3 module, with the killing connection class
        Error = sqlite3.Error
        Connection = sqlite3.Connection

        @staticmethod
        def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            return sqlite3.connect(*args, factory=_KillInCopy, **kwargs)

    backup.sqlite3 = Shim  # type: ignore[assignment]
    emit(f"START {os.getpid()}")
    backup.make_backup(Path(p["source"]), Path(p["folder"]), "auto")
    emit("ERROR make_backup returned; it should have been killed")


# -- upgrading -------------------------------------------------------------------------------------


@job
def job_upgrade(p: dict[str, Any]) -> None:
    """Open an older file with a backup folder: it is backed up, then migrated in place."""
    emit(f"START {os.getpid()}")
    store = Store.open(Path(p["path"]), backup_folder=Path(p["folder"]))
    store.close()
    emit("ACK 0 upgraded {}")


# -- plumbing --------------------------------------------------------------------------------------


def run_job(name: str, params: dict[str, Any]) -> int:
    try:
        JOBS[name](params)
    except Exception as exc:  # noqa: BLE001 - reported on stdout/stderr; the test fails on it
        traceback.print_exc()
        sys.stderr.flush()
        emit(f"ERROR {type(exc).__name__}: {exc}".replace("\n", " "))
        return 1
    return 0


def serve() -> None:
    emit("READY")
    for line in sys.stdin:
        words = line.split(" ", 2)
        if words[0].strip() == "QUIT":
            return
        if words[0] != "JOB" or len(words) != 3:
            emit(f"ERROR bad command {line!r}")
            continue
        name, params = words[1], json.loads(words[2])
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the writer
            code = 1
            try:
                os.close(0)
                code = run_job(name, params)
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        emit(f"EXIT {pid} {code}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["serve"]:
        serve()
        return 0
    if len(argv) == 3 and argv[0] == "run":
        return run_job(argv[1], json.loads(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
