"""Carry out an import plan (`share_merge.Plan`) in one transaction, with the images of the rows it
touched before and after (`share_undo`), which undo and redo it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from revmentor_desktop.data.models import (
    ActionItem,
    AgreementClause,
    CheckIn,
    Goal,
    JournalEntry,
    Milestone,
    Review,
    ReviewGoal,
    Skill,
    SkillRating,
    SwotItem,
    SwotSnapshot,
)
from revmentor_desktop.data.share_kinds import KINDS, ORDER, Canon, digest
from revmentor_desktop.data.share_local import side_columns
from revmentor_desktop.data.share_merge import REQUIRED_REFS, Item, Plan
from revmentor_desktop.data.share_undo import Image, Scope, put, take
from revmentor_desktop.data.store import Store

_MODELS: dict[str, Any] = {
    "clause": AgreementClause, "goal": Goal, "milestone": Milestone, "entry": JournalEntry,
    "action": ActionItem, "swot": SwotItem, "snapshot": SwotSnapshot, "skill": Skill,
    "rating": SkillRating, "check_in": CheckIn, "review": Review, "review_goal": ReviewGoal,
}
#: what a reference field is called in the table
_REF_COLUMNS = {"goal": "goal_id", "entry": "entry_id", "skill": "skill_id", "review": "review_id"}

def _many(conn: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """`sql` once per row (SQLAlchemy runs an empty list as ONE statement with no parameters)."""
    if rows:
        conn.exec_driver_sql(sql, rows)


class _Ids:
    """uid → local row id, per kind, as rows are added."""

    def __init__(self, plan: Plan) -> None:
        self.map = {k: {u: rec.id for u, rec in recs.items()} for k, recs in plan.local.by_kind.items()}

    def of(self, kind: str, uid: str | None) -> int | None:
        return None if uid is None else self.map.get(kind, {}).get(uid)

    def reload(self, conn: Any, kind: str) -> None:
        table = _MODELS[kind].__tablename__
        self.map.setdefault(kind, {}).update(
            {u: i for i, u in conn.exec_driver_sql(f"SELECT id, uid FROM {table}")})


def _columns(kind: str, data: Canon, ids: _Ids) -> dict[str, Any]:
    """A record's canonical fields as its table's columns (dates stay ISO text, as stored)."""
    out: dict[str, Any] = {}
    refs = KINDS[kind].refs
    for name, value in data.items():
        if name in ("goals", "items", "focus_areas"):
            continue
        out[_REF_COLUMNS[name] if name in refs else name] = (
            ids.of(refs[name], value) if name in refs else value)
    return out


def _side(kind: str, side: Canon | None, role: str, *, new: bool) -> dict[str, Any]:
    """Their side's columns (on a record of mine, only the fields they filled in: see
    `share_merge.side_changes`)."""
    if side is None or not KINDS[kind].side:
        return {}
    return {column: side[f] for f, column in side_columns(kind, role)
            if new or side[f] not in (None, "")}


def _scope_before(plan: Plan) -> Scope:
    """The rows of mine the plan touches (what undoing it must put back)."""
    scope = Scope(whole={"exchange_seen"})
    scope.add("partnership", 1)  # (when the last share was written)
    for item in plan.changes():
        if item.kind == "agreement":
            scope.whole.add("focus_area")
            continue
        if item.mine is not None:
            scope.add(_MODELS[item.kind].__tablename__, item.mine.id)
            if item.kind == "entry":
                scope.add_links("entry_goal", item.mine.id)
            elif item.kind == "snapshot":
                scope.add_links("swot_snapshot_item", item.mine.id)
    return scope


def _scope_after(conn: Any, plan: Plan, before: Scope) -> Scope:
    """`before`, and the rows the plan added (found by their stable ids)."""
    added = Scope()
    for kind in ORDER:
        uids = [i.uid for i in plan.changes() if i.kind == kind and i.mine is None and i.action == "add"]
        table = _MODELS[kind].__tablename__ if kind != "agreement" else None
        for start in range(0, len(uids), 500):
            chunk = uids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for (row_id,) in conn.exec_driver_sql(f"SELECT id FROM {table} WHERE uid IN ({marks})",
                                                   tuple(chunk)):
                added.add(str(table), int(row_id))
                if kind == "entry":
                    added.add_links("entry_goal", int(row_id))
                elif kind == "snapshot":
                    added.add_links("swot_snapshot_item", int(row_id))
    return before.union(added)


def apply_plan(store: Store, plan: Plan, *, now: datetime | None = None) -> tuple[Image, Image]:
    """Carry out `plan` (its conflicts settled) in one transaction; return the images of the rows
    it touched as they were before and are after (`share_undo.put` turns one into the other).

    Rows go in as batches of plain statements on the ORM session's connection (SQLModel's tables
    name every column): a first import adds thousands of records, and one ORM statement per record
    would take seconds."""
    if plan.conflicts:
        raise ValueError("settle the plan's conflicts first")  # a bug: callers resolve first
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S.000000")
    author = plan.share.author
    ids = _Ids(plan)
    seen = dict(plan.seen)
    with store.write() as s:
        conn = s.connection()
        scope = _scope_before(plan)
        before = take(conn, scope)
        by_kind: dict[str, list[Item]] = {}
        for item in plan.changes():
            by_kind.setdefault(item.kind, []).append(item)
        for kind in ORDER:
            items = by_kind.get(kind, [])
            if not items:
                continue
            if kind == "agreement":
                assert items[0].theirs is not None
                _apply_agreement(conn, items[0].theirs.data)
                continue
            _apply_kind(conn, kind, items, ids, author, stamp, seen)
        changed = [(k, u, d) for (k, u), d in seen.items() if plan.local.seen.get(k, {}).get(u) != d]
        _many(conn, "INSERT OR REPLACE INTO exchange_seen (kind, uid, digest) VALUES (?, ?, ?)", changed)
        last = plan.local.last_share_at
        if last is None or plan.share.written_at > last:
            conn.exec_driver_sql("UPDATE partnership SET last_share_at = ? WHERE id = 1",
                                 (plan.share.written_at.strftime("%Y-%m-%d %H:%M:%S.000000"),))
        after = take(conn, _scope_after(conn, plan, scope))
    return before, after


def put_image(store: Store, target: Image, current: Image) -> None:
    """Turn the rows an import touched from `current` into `target` (undo, redo), one transaction."""
    with store.write() as s:
        put(s.connection(), target, current)


def _apply_kind(conn: Any, kind: str, items: list[Item], ids: _Ids, author: str, stamp: str,
                seen: dict[tuple[str, str], str]) -> None:
    table = _MODELS[kind].__tablename__
    adds: list[dict[str, Any]] = []
    goal_links: list[tuple[int | str, list[str]]] = []
    snapshot_items: list[tuple[int | str, list[list[Any]]]] = []
    for item in items:
        t = item.theirs
        if item.action == "remove":
            assert item.mine is not None
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE id = ?", (item.mine.id,))
            conn.exec_driver_sql("DELETE FROM exchange_seen WHERE kind = ? AND uid = ?", (kind, item.uid))
            continue
        assert t is not None
        data = item.merged if item.same_session and item.merged is not None else t.data
        take = item.take_shared or item.mine is None
        if take and any(ids.of(target, data[ref]) is None for ref, target in KINDS[kind].refs.items()
                        if (kind, ref) in REQUIRED_REFS):
            continue  # what it hangs off is not in my file: I deleted it (and kept it deleted)
        values = _columns(kind, data, ids) if take else {}
        values.update(_side(kind, t.side, author, new=item.mine is None))
        if kind == "swot":
            values["grid"] = author
        elif kind == "check_in":
            values["author"] = author
        if item.mine is None:
            if kind in ("goal", "entry", "snapshot", "check_in", "review"):
                values["created_at"] = stamp
            values["uid"] = item.uid
            adds.append(values)
            row: int | str = item.uid  # its id is known once the batch is in
        else:
            row = item.mine.id
            if item.same_session:
                final = min(item.uid, item.mine.uid)
                values["uid"] = final
                seen.pop(("entry", item.uid), None)
                seen[("entry", final)] = digest(t.data)
                ids.map.setdefault("entry", {})[item.uid] = row  # their records name it by their id
            if values:
                sets = ", ".join(f"{c} = ?" for c in values)
                conn.exec_driver_sql(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), row))
        if kind == "entry" and take:
            goal_links.append((row, data["goals"]))
        if kind == "snapshot" and take:
            snapshot_items.append((row, t.data["items"]))
    for columns in {tuple(a) for a in adds}:  # one batch per shape of row
        batch = [tuple(a.values()) for a in adds if tuple(a) == columns]
        _many(conn, f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})", batch)
    if adds and kind in ("goal", "entry", "snapshot", "skill", "review"):
        ids.reload(conn, kind)
    by_uid = ids.map.get(kind, {})

    def row_id(row: int | str) -> int:
        return row if isinstance(row, int) else by_uid[row]

    if goal_links:
        entries = [(row_id(r),) for r, _g in goal_links]
        _many(conn, "DELETE FROM entry_goal WHERE entry_id = ? AND goal_id IN "
                    "(SELECT id FROM goal WHERE private = 0)", entries)
        links = {(row_id(r), g) for r, goals in goal_links
                 for g in (ids.of("goal", u) for u in goals) if g is not None}
        _many(conn, "INSERT OR IGNORE INTO entry_goal (entry_id, goal_id) VALUES (?, ?)", sorted(links))
    if snapshot_items:
        _many(conn, "DELETE FROM swot_snapshot_item WHERE snapshot_id = ?",
              [(row_id(r),) for r, _i in snapshot_items])
        _many(conn, "INSERT INTO swot_snapshot_item (snapshot_id, grid, quadrant, text, position) "
                    "VALUES (?, ?, ?, ?, ?)", [(row_id(r), *it) for r, its in snapshot_items for it in its])


def _apply_agreement(conn: Any, data: Canon) -> None:
    values = {k: v for k, v in data.items() if k != "focus_areas"}
    sets = ", ".join(f"{c} = ?" for c in values)
    conn.exec_driver_sql(f"UPDATE partnership SET {sets} WHERE id = 1", tuple(values.values()))
    conn.exec_driver_sql("DELETE FROM focus_area")
    _many(conn, "INSERT INTO focus_area (name, position) VALUES (?, ?)",
          [(name, i) for i, name in enumerate(data["focus_areas"])])
