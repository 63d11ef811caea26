"""A realistic sample partnership, for trying the app, demos and stress tests (`--make-sample`).

Priya Raman, a 24-year-old data analyst, mentors Martin Okafor, the chief operating officer of
Northwind Logistics, on AI tools and social media; he helps her with stakeholder management and
presenting to senior people. Everything is deterministic for a given `seed` and `today`.

What the sample says is in `sample_text.json`; `sample_plan` lays out its calendar, agreement,
goals, SWOT grids and skills, `sample_journal` its sessions (and the feedback both ways at the end
of each), `sample_practice` its check-ins and reviews. The file is made here with
`Store.create` (so it is refused if it exists) and then filled in one transaction with plain
`executemany` inserts, which keeps 10,000 sessions to a few seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import sqlite3
from datetime import date
from pathlib import Path

from revmentor_desktop.data.files import place_new_file, require_folder
from revmentor_desktop.data.migrations import WITH_UID
from revmentor_desktop.data.sample_journal import journal_rows
from revmentor_desktop.data.sample_plan import (
    DURATION_MINUTES,
    FOCUS_AREAS,
    MENTEE,
    MENTOR,
    ORGANISATION,
    SWOT_KICKOFF,
    SWOT_NOW,
    TEXT,
    Timeline,
    clauses,
    goal_rows,
    plan,
    positioned,
    skill_rows,
    stamp,
)
from revmentor_desktop.data.sample_practice import (
    CHECK_IN_EVERY,
    check_in_rows,
    review_days,
    review_rows,
)
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError

__all__ = ["make_sample"]

_ENTRY_SQL = (
    "INSERT INTO journal_entry (id, held_on, duration_minutes, topics, agenda, notes, mentor_takeaway,"
    " mentee_takeaway, mentor_says_keep, mentor_says_try, mentee_says_keep, mentee_says_try,"
    " mentor_rating, mentee_rating, private, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_ACTION_SQL = (
    "INSERT INTO action_item (entry_id, position, text, owner, due_on, done_on)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


# -- putting it together -------------------------------------------------------------------------


def make_sample(path: Path | str, sessions: int = 24, *, seed: int = 7, today: date | None = None) -> None:
    """Write a new sample partnership with `sessions` journal sessions to `path`.

    Refuses an existing file (KnownError ALREADY_EXISTS, the file untouched). The latest session
    falls 2-8 days before `today` (default: the real today), so the sample is never overdue. With
    `sessions=0` the pair has just agreed to start: the partnership began on the most recent
    Tuesday, and it holds the agreement, the goals set at kick-off (none started), both SWOT grids
    with their "Kick-off" snapshot and a kick-off self-rating per skill, but no journal. Very large
    counts (more than ~950) tighten the cadence, down to daily, so every date stays within the
    last 40 years.
    """
    if isinstance(sessions, bool) or not isinstance(sessions, int):
        raise TypeError(f"sessions must be a whole number, not {type(sessions).__name__}.")
    if sessions < 0:
        raise ValueError(f"sessions must be 0 or more (got {sessions}).")
    today = date.today() if today is None else today
    rng = random.Random(seed)
    voice = random.Random(f"{seed}/practice")  # feedback, check-ins and reviews: see sample_journal
    tl = plan(sessions, rng, today)
    _held, review = review_days(tl)
    partnership = {
        "mentor_name": MENTOR,
        "mentee_name": MENTEE,
        "me": "mentor",
        "organisation": ORGANISATION,
        "start_date": tl.start,
        "review_date": review,
        "cadence_days": tl.cadence_days,
        "duration_minutes": DURATION_MINUTES,
        "check_in_every": CHECK_IN_EVERY,
    }
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise KnownError(ErrorKind.ALREADY_EXISTS, f"“{path}” already exists; it was left as it was.")
    # Built whole under a temporary name, then linked into place: a full disk or a kill leaves no
    # half-filled sample (and no side file) under the name the user gave.
    require_folder(path)
    tmp = path.with_name(f".{path.name}.sample-{os.getpid()}")
    try:
        store = Store.create(tmp, partnership, focus_areas=list(FOCUS_AREAS),
                             clauses=clauses(tl.cadence_days, review), shown=path)
        try:
            conn = store.raw()
            try:
                conn.execute("BEGIN")
                _fill(conn, tl, rng, voice)
                _stable_ids(conn, seed, f"{sessions}/{today.isoformat()}")
                conn.execute("COMMIT")
            finally:
                conn.close()  # an unfinished transaction is rolled back as it closes
        finally:
            store.close()
        place_new_file(tmp, path)
    except sqlite3.Error as exc:
        full = "full" in str(exc).lower()
        raise KnownError(
            ErrorKind.DISK_FULL if full else ErrorKind.CANNOT_WRITE,
            "The disk is full, so the sample was not written." if full
            else f"The sample could not be written ({exc}).",
            "Free some space and try again." if full else "",
        ) from exc
    except KnownError as exc:
        if exc.kind is ErrorKind.DISK_FULL:
            raise KnownError(ErrorKind.DISK_FULL, "The disk is full, so the sample was not written.",
                             "Free some space and try again.") from exc
        raise
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            with contextlib.suppress(OSError):  # never made (e.g. the folder is missing)
                leftover.unlink(missing_ok=True)


def _stable_ids(conn: sqlite3.Connection, seed: int, made: str) -> None:
    """Stable ids that follow from the seed, like everything else in the sample (the file's
    triggers would draw random ones); the partnership's also from its size and day (`made`), so
    samples made differently are different partnerships."""
    def uid(*parts: object) -> str:
        return hashlib.sha256("/".join(map(str, ("revmentor-sample", seed, *parts))).encode()).hexdigest()[:32]

    conn.execute("UPDATE partnership SET pair_uid = ?", (uid("pair", made),))
    for table in WITH_STABLE_IDS:
        ids = [r[0] for r in conn.execute(f"SELECT id FROM {table}")]
        conn.executemany(f"UPDATE {table} SET uid = ? WHERE id = ?", [(uid(table, i), i) for i in ids])


#: the tables whose records carry a stable id (schema version 4)
WITH_STABLE_IDS = WITH_UID


def _fill(conn: sqlite3.Connection, tl: Timeline, rng: random.Random, voice: random.Random) -> None:
    # The pair made the file at kick-off, so the sample says so (and stays deterministic).
    conn.execute("UPDATE partnership SET created_at = ? WHERE id = 1", (stamp(tl.start, rng, 9, 11),))
    goals, milestones, windows = goal_rows(tl, rng)
    conn.executemany(
        "INSERT INTO goal (id, title, owner, focus_area, description, success_measure, target_date,"
        " status, manual_progress, private, position, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        goals,
    )
    conn.executemany(
        "INSERT INTO milestone (goal_id, position, title, done_on) VALUES (?, ?, ?, ?)", milestones
    )
    journal = journal_rows(tl, windows, rng, voice)
    conn.executemany(_ENTRY_SQL, journal.entries)
    conn.executemany("INSERT INTO entry_goal (entry_id, goal_id) VALUES (?, ?)", journal.links)
    conn.executemany(_ACTION_SQL, journal.actions)  # after the entries: triggers index their text

    swot_sql = "INSERT INTO swot_item (grid, quadrant, text, position) VALUES (?, ?, ?, ?)"
    conn.executemany(swot_sql, positioned(SWOT_NOW if tl.n else SWOT_KICKOFF))
    conn.execute(
        "INSERT INTO swot_snapshot (id, label, taken_on, created_at) VALUES (1, ?, ?, ?)",
        (TEXT["snapshot_label"], tl.start.isoformat(), stamp(tl.start, rng, 14, 16)),
    )
    conn.executemany(
        "INSERT INTO swot_snapshot_item (snapshot_id, grid, quadrant, text, position)"
        " VALUES (1, ?, ?, ?, ?)",
        positioned(SWOT_KICKOFF),
    )
    conn.executemany(
        "INSERT INTO check_in (held_on, author, working, tweak, usefulness, goals_still_right,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        check_in_rows(tl, voice),
    )
    reviews = review_rows(tl, goals, milestones, windows, voice)
    conn.executemany(
        "INSERT INTO review (id, kind, held_on, mentor_taught, mentor_learned, mentee_taught,"
        " mentee_learned, mentor_changed, mentee_changed, notes, decision, next_review_date,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reviews.reviews,
    )
    conn.executemany(
        "INSERT INTO review_goal (review_id, goal_id, position, goal_title, expected, achieved,"
        " progress, private) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        reviews.goals,
    )
    skills, ratings = skill_rows(tl, rng)
    conn.executemany(
        "INSERT INTO skill (id, name, owner, focus_area, target_level, position)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        skills,
    )
    conn.executemany(
        "INSERT INTO skill_rating (skill_id, rated_on, level, rated_by, note, entry_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        ratings,
    )
