"""Helpers for the partner-exchange tests (issue 16): two files of one partnership, shares written
at a clock the test controls, imports carried out the way the CLI carries them out, and views of a
file's content that two partners' files can be compared by."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from revmentor_desktop.data import share
from revmentor_desktop.data.sample_pair import make_pair
from revmentor_desktop.data.share_format import write_share
from revmentor_desktop.data.share_local import read_records
from revmentor_desktop.data.share_merge import Choice, Plan, resolve
from revmentor_desktop.data.store import Store
from tests.helpers import sql_rows as q

TODAY = date(2026, 11, 1)


def made_pair(folder: Path, sessions: int) -> tuple[Path, Path]:
    """A sample pair written into `folder` (the mentor's file, the mentee's), dated TODAY: the
    template a module's tests copy (`pair_template` fixtures), made once per module."""
    a, b = folder / "mentor.revmentor", folder / "mentee.revmentor"
    make_pair(a, b, sessions=sessions, today=TODAY)
    return a, b


def one(path: Path, sql: str, *params: object) -> Any:
    rows = q(path, sql, *params)
    assert len(rows) == 1, rows
    return rows[0][0]


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def copy_pair(src: tuple[Path, Path], folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    a, b = folder / src[0].name, folder / src[1].name
    shutil.copy2(src[0], a)
    shutil.copy2(src[1], b)
    return a, b


class Clock:
    """When each share is written: a minute after the one before, so every share is newer than the
    last (the real clock writes whole seconds, and two shares a test writes often fall in one)."""

    def __init__(self) -> None:
        # after the real clock: a file started from a share (make_pair) remembers that share's date
        # an hour ahead: newer than any share the app writes during the run, yet within the day a
        # share may be dated ahead of this computer's clock (share_merge.FUTURE_TOLERANCE)
        self.now = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)

    def tick(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


CLOCK = Clock()


def write(src: Path, out: Path, when: datetime | None = None) -> Path:
    """The share of `src` written to `out` — `share.export_share`, at a time of the test's choosing."""
    store = Store.open(src, read_only=True)
    try:
        write_share(read_records(store, include_private=False), out, now=when or CLOCK.tick())
    finally:
        store.close()
    return out


def plan_for(target: Path, share_path: Path) -> Plan:
    """What importing the share at `share_path` into `target` would do (nothing written)."""
    incoming = share.read_share(share_path)
    store = Store.open(target, read_only=True)
    try:
        return share.plan_from(store, incoming)
    finally:
        store.close()


@dataclasses.dataclass
class Imported:
    """An import carried out: its plan (conflicts settled), and the conflicts it had before."""

    plan: Plan
    conflicts: list[tuple[str, str]]

    @property
    def items(self) -> list[Any]:
        return self.plan.items

    def counts(self) -> dict[str, int]:
        return self.plan.counts()


def do_import(target: Path, share_path: Path, *, prefer: Choice | None = None,
              choices: dict[tuple[str, str], Choice] | None = None) -> Imported:
    """Import as the CLI does: read, plan, settle, apply unless there is nothing to do."""
    incoming = share.read_share(share_path)
    store = Store.open(target)
    try:
        plan = share.plan_from(store, incoming)
        conflicts = [(i.kind, i.uid) for i in plan.conflicts]
        left = resolve(plan, choices, prefer)
        assert not left, f"unsettled conflicts: {[i.label for i in plan.conflicts]}"
        if not plan.is_empty():
            share.apply_plan(store, plan)
    finally:
        store.close()
    return Imported(plan, conflicts)


def exchange(src: Path, dst: Path, folder: Path, name: str, **kw: Any) -> Imported:
    """`src` writes its share into `folder`, `dst` imports it."""
    return do_import(dst, write(src, folder / f"{name}.revshare"), **kw)


def content(path: Path) -> dict[str, dict[str, tuple[Any, Any, Any]]]:
    """Every non-private record of the file: kind → stable id → (data, both sides, author)."""
    store = Store.open(path, read_only=True)
    try:
        recs = read_records(store, include_private=False)
    finally:
        store.close()
    return {kind: {uid: (r.data, r.sides, r.author) for uid, r in by_uid.items()}
            for kind, by_uid in recs.by_kind.items()}


def diff_content(a: Path, b: Path) -> list[str]:
    """What differs between the non-private content of two files (empty: the same)."""
    ca, cb = content(a), content(b)
    out = []
    for kind in sorted(set(ca) | set(cb)):
        ra, rb = ca.get(kind, {}), cb.get(kind, {})
        for uid in sorted(set(ra) | set(rb)):
            if ra.get(uid) != rb.get(uid):
                out.append(f"{kind} {uid}: {ra.get(uid)!r} != {rb.get(uid)!r}")
    return out


def all_rows(path: Path, *, skip: tuple[str, ...] = ()) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the search index aside), for "nothing else changed" checks."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'journal_fts%'"
            " AND name NOT LIKE 'sqlite_%'") if r[0] not in skip]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        conn.close()


def load(share_path: Path) -> dict[str, Any]:
    return json.loads(share_path.read_text("utf-8"))


def dump(doc: Any, out: Path) -> Path:
    out.write_text(json.dumps(doc), "utf-8")  # \u escapes: lone surrogates survive
    return out


def records_of(doc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [r for r in doc["records"] if r["kind"] == kind]


# -- the PDF's content ------------------------------------------------------------------------------------

#: the summary's figures that count private sessions too (a private session hides what was said, not
#: that the pair met)
PRIVATE_COUNTING = ("sessions_held", "minutes_together", "cadence_kept", "periods_kept",
                    "periods_elapsed", "last_session", "private_sessions", "generated_on")
#: what the summary's partnership row says of this file alone: whose it is, its getting-started list
_OWN = {"me", "checklist_dismissed"}
#: local row ids and when a row was written into this file: not content
_LOCAL = {"id", "skill_id", "review_id", "goal_id", "created_at"}


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _LOCAL}
    if isinstance(value, list | tuple):
        return [_strip(v) for v in value]
    return value


def summary_view(path: Path, today: date = TODAY) -> tuple[dict[str, Any], Any]:
    """What the PDF of `path` shows — every section, all sessions, all reviews — without local row
    ids and the figures that count private sessions; and the summary itself."""
    from revmentor_desktop.data import reads
    from revmentor_desktop.report import summary as sm

    store = Store.open(path, read_only=True)
    try:
        s = sm.build_summary(store, sm.ExportOptions(journal_latest=None, reviews_latest=None),
                             today=today)
        skills = {sk.id: sk.name for sk in reads.list_skills(store)}
    finally:
        store.close()
    view = {f.name: getattr(s, f.name) for f in dataclasses.fields(s) if f.name not in PRIVATE_COUNTING}
    view["skill_gaps"] = {skills[k]: v for k, v in s.skill_gaps.items()}
    view["skill_series"] = [dataclasses.asdict(x) for x in s.skill_series]  # type: ignore[call-overload]
    for name in ("entries", "check_ins", "reviews", "earlier_reviews", "goals", "skills", "actions"):
        view[name] = [dataclasses.asdict(x) for x in view[name]]
    # two check-ins of one day: each file lists its own first ("the order of I and partner aside")
    view["check_ins"].sort(key=lambda c: (c["held_on"], c["author"]))
    view["swot"] = {g: {k: [dataclasses.asdict(c) for c in cells] for k, cells in qs.items()}
                    for g, qs in s.swot.items()}
    view["options"] = dataclasses.asdict(s.options)
    view["partnership"] = {k: v for k, v in dataclasses.asdict(s.partnership).items() if k not in _OWN}
    return _strip(view), s
