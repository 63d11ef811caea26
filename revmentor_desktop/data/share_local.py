"""A partnership file's records in a share's words (canonical form, see `share_kinds`), read with plain
SQL in one read transaction.

`read_records(store, include_private=False)` is what a share is written from: its queries leave out
private sessions and private goals (and everything hanging off them) in SQL, so nothing private is
ever read to write a share. An import reads with `include_private=True`: it must know my private
records' stable ids to refuse a share that names one of them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from revmentor_desktop.data.reads_rows import plain, utc
from revmentor_desktop.data.share_kinds import Canon, other
from revmentor_desktop.data.store import Store, rollback
from revmentor_desktop.data.vocab import Role


@dataclass
class Local:
    """One record of my file."""

    kind: str
    uid: str
    id: int
    data: Canon
    #: a shared record's sides: role → that partner's own fields
    sides: dict[str, Canon] = field(default_factory=dict)
    private: bool = False
    #: an authored record's author (a role)
    author: str | None = None


@dataclass
class Records:
    """Every record of a file, by kind then stable id, and the file's identity."""

    pair: str
    me: str
    mentor_name: str
    mentee_name: str
    last_share_at: datetime | None
    by_kind: dict[str, dict[str, Local]]
    #: kind → uid → digest of the partner's version last taken into account
    seen: dict[str, dict[str, str]]


_SIDE_COLUMNS = {
    "entry": (("takeaway", "{r}_takeaway"), ("says_keep", "{r}_says_keep"),
              ("says_try", "{r}_says_try"), ("rating", "{r}_rating")),
    "review": (("taught", "{r}_taught"), ("learned", "{r}_learned"), ("changed", "{r}_changed")),
}


def side_columns(kind: str, role: str) -> list[tuple[str, str]]:
    """(side field, column) pairs of `role`'s side of a `kind` record."""
    return [(f, c.format(r=role)) for f, c in _SIDE_COLUMNS[kind]]


def _where(include_private: bool, sql: str) -> str:
    return "" if include_private else sql


def read_records(store: Store, *, include_private: bool = False) -> Records:
    with plain(store) as conn:
        conn.execute("BEGIN")  # one consistent view of the file
        try:
            records = _read(conn, include_private)
        except BaseException:
            rollback(conn)  # if it can: what went wrong is what to say
            raise
        conn.execute("ROLLBACK")  # it only read; a failure here must not pass unnoticed
        return records


def _read(conn: sqlite3.Connection, include_private: bool) -> Records:
    (mentor, mentee, me, org, start, review, cadence, duration, every, closed, pair,
     last) = conn.execute(
        "SELECT mentor_name, mentee_name, me, organisation, start_date, review_date, cadence_days,"
        " duration_minutes, check_in_every, closed_on, pair_uid, last_share_at FROM partnership"
        " WHERE id = 1").fetchone()
    areas = [n for (n,) in conn.execute("SELECT name FROM focus_area ORDER BY position, id")]
    out: dict[str, dict[str, Local]] = {}

    def put(rec: Local) -> None:
        out.setdefault(rec.kind, {})[rec.uid] = rec

    put(Local("agreement", pair, 1, {
        "mentor_name": mentor, "mentee_name": mentee, "organisation": org, "start_date": start,
        "review_date": review, "cadence_days": cadence, "duration_minutes": duration,
        "check_in_every": every, "closed_on": closed, "focus_areas": areas}))
    for i, uid, text, pos in conn.execute("SELECT id, uid, text, position FROM agreement_clause"):
        put(Local("clause", uid, i, {"text": text, "position": pos}))
    for (i, uid, title, owner, focus, desc, measure, target, status, progress, pos,
         private) in conn.execute(
            "SELECT id, uid, title, owner, focus_area, description, success_measure, target_date,"
            " status, manual_progress, position, private FROM goal"
            + _where(include_private, " WHERE private = 0")):
        put(Local("goal", uid, i, {
            "title": title, "owner": owner, "focus_area": focus, "description": desc,
            "success_measure": measure, "target_date": target, "status": status,
            "manual_progress": progress, "position": pos}, private=bool(private)))
    for i, uid, goal, pos, title, done, private in conn.execute(
            "SELECT m.id, m.uid, g.uid, m.position, m.title, m.done_on, g.private FROM milestone m"
            " JOIN goal g ON g.id = m.goal_id" + _where(include_private, " WHERE g.private = 0")):
        put(Local("milestone", uid, i, {"goal": goal, "position": pos, "title": title,
                                         "done_on": done}, private=bool(private)))
    discussed: dict[int, list[str]] = {}
    for entry_id, goal_uid in conn.execute(
            "SELECT eg.entry_id, g.uid FROM entry_goal eg JOIN goal g ON g.id = eg.goal_id"
            " JOIN journal_entry e ON e.id = eg.entry_id WHERE g.private = 0"
            + _where(include_private, " AND e.private = 0")):
        discussed.setdefault(entry_id, []).append(goal_uid)
    for row in conn.execute(
            "SELECT id, uid, held_on, duration_minutes, topics, agenda, notes, feedback_good,"
            " feedback_improve, rating, private, mentor_takeaway, mentor_says_keep, mentor_says_try,"
            " mentor_rating, mentee_takeaway, mentee_says_keep, mentee_says_try, mentee_rating"
            " FROM journal_entry" + _where(include_private, " WHERE private = 0")):
        (i, uid, held, minutes, topics, agenda, notes, good, improve, rating, private) = row[:11]
        put(Local("entry", uid, i, {
            "held_on": held, "duration_minutes": minutes, "topics": topics, "agenda": agenda,
            "notes": notes, "feedback_good": good, "feedback_improve": improve, "rating": rating,
            "goals": sorted(discussed.get(i, []))},
            sides={Role.MENTOR: dict(zip(("takeaway", "says_keep", "says_try", "rating"), row[11:15],
                                         strict=True)),
                   Role.MENTEE: dict(zip(("takeaway", "says_keep", "says_try", "rating"), row[15:19],
                                         strict=True))},
            private=bool(private)))
    for i, uid, entry, pos, text, owner, due, done, private in conn.execute(
            "SELECT a.id, a.uid, e.uid, a.position, a.text, a.owner, a.due_on, a.done_on, e.private"
            " FROM action_item a JOIN journal_entry e ON e.id = a.entry_id"
            + _where(include_private, " WHERE e.private = 0")):
        put(Local("action", uid, i, {"entry": entry, "position": pos, "text": text, "owner": owner,
                                      "due_on": due, "done_on": done}, private=bool(private)))
    for i, uid, grid, quadrant, text, pos in conn.execute(
            "SELECT id, uid, grid, quadrant, text, position FROM swot_item"):
        put(Local("swot", uid, i, {"quadrant": quadrant, "text": text, "position": pos}, author=grid))
    items: dict[int, list[list[Any]]] = {}
    for snap, grid, quadrant, text, pos in conn.execute(
            "SELECT snapshot_id, grid, quadrant, text, position FROM swot_snapshot_item"
            " ORDER BY snapshot_id, grid, quadrant, position, id"):
        items.setdefault(snap, []).append([grid, quadrant, text, pos])
    for i, uid, label, taken in conn.execute("SELECT id, uid, label, taken_on FROM swot_snapshot"):
        put(Local("snapshot", uid, i, {"label": label, "taken_on": taken, "items": items.get(i, [])}))
    for i, uid, name, owner, focus, target, pos in conn.execute(
            "SELECT id, uid, name, owner, focus_area, target_level, position FROM skill"):
        put(Local("skill", uid, i, {"name": name, "owner": owner, "focus_area": focus,
                                     "target_level": target, "position": pos}))
    # a rating's link to a private session is not read (the rating itself is no secret)
    for i, uid, skill, owner, rated_on, level, rated_by, note, entry in conn.execute(
            "SELECT r.id, r.uid, s.uid, s.owner, r.rated_on, r.level, r.rated_by, r.note, e.uid"
            " FROM skill_rating r JOIN skill s ON s.id = r.skill_id"
            " LEFT JOIN journal_entry e ON e.id = r.entry_id AND e.private = 0"):
        author = owner if rated_by == "self" else other(owner)
        put(Local("rating", uid, i, {"skill": skill, "entry": entry, "rated_on": rated_on,
                                      "level": level, "rated_by": rated_by, "note": note},
                  author=author))
    for i, uid, author, held, working, tweak, useful, still in conn.execute(
            "SELECT id, uid, author, held_on, working, tweak, usefulness, goals_still_right"
            " FROM check_in"):
        put(Local("check_in", uid, i, {"held_on": held, "working": working, "tweak": tweak,
                                        "usefulness": useful, "goals_still_right": still},
                  author=author))
    for row in conn.execute(
            "SELECT id, uid, kind, held_on, notes, decision, next_review_date, mentor_taught,"
            " mentor_learned, mentor_changed, mentee_taught, mentee_learned, mentee_changed"
            " FROM review"):
        i, uid, kind, held, notes, decision, nxt = row[:7]
        put(Local("review", uid, i, {"kind": kind, "held_on": held, "notes": notes,
                                      "decision": decision, "next_review_date": nxt},
                  sides={Role.MENTOR: dict(zip(("taught", "learned", "changed"), row[7:10], strict=True)),
                         Role.MENTEE: dict(zip(("taught", "learned", "changed"), row[10:13],
                                               strict=True))}))
    # A goal's copy in a review is as private as the goal itself is now (as in the PDF): making a
    # goal private does not touch the copies its reviews took of it.
    for i, uid, review_uid, goal_uid, pos, title, expected, achieved, progress, private in conn.execute(
            "SELECT rg.id, rg.uid, r.uid, g.uid, rg.position, rg.goal_title, rg.expected,"
            " rg.achieved, rg.progress, rg.private OR COALESCE(g.private, 0) FROM review_goal rg"
            " JOIN review r ON r.id = rg.review_id"
            " LEFT JOIN goal g ON g.id = rg.goal_id"
            + _where(include_private, " WHERE rg.private = 0 AND COALESCE(g.private, 0) = 0")):
        put(Local("review_goal", uid, i, {"review": review_uid, "goal": goal_uid, "position": pos,
                                           "goal_title": title, "expected": expected,
                                           "achieved": achieved, "progress": progress},
                  private=bool(private)))
    seen: dict[str, dict[str, str]] = {}
    for kind, uid, dig in conn.execute("SELECT kind, uid, digest FROM exchange_seen"):
        seen.setdefault(kind, {})[uid] = dig
    return Records(pair, me, mentor, mentee,
                   None if last is None else utc(last), out, seen)
