"""A matching sample pair (`revmentor --make-sample A --pair B`): the same partnership as each partner
keeps it, so the exchange can be tried in a minute.

A is the mentor's file, B the mentee's, started from A's share as a mentee would. The sample's
mentee-authored parts — the mentee's SWOT grid, check-ins and skill ratings, and the mentee's side of
every session and review — are in B only, and B has changed one shared goal since. Swapping shares
then brings each side to the other, and the PDFs of the two files agree.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from revmentor_desktop.data.files import discard
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.share import export_share, new_from_share
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError

_MENTEE_SIDE = {
    "journal_entry": ("mentee_takeaway", "mentee_says_keep", "mentee_says_try", "mentee_rating"),
    "review": ("mentee_taught", "mentee_learned", "mentee_changed"),
}
#: the mentee's ratings: of their own skills, and of the mentor's
_MENTEE_RATINGS = ("SELECT r.uid, s.uid, r.rated_on, r.level, r.rated_by, r.note, e.uid"
                   " FROM skill_rating r JOIN skill s ON s.id = r.skill_id"
                   " LEFT JOIN journal_entry e ON e.id = r.entry_id"
                   " WHERE (s.owner = 'mentee' AND r.rated_by = 'self')"
                   " OR (s.owner = 'mentor' AND r.rated_by = 'partner')")


def make_pair(a: Path | str, b: Path | str, sessions: int = 24, *, seed: int = 7,
              today: date | None = None) -> None:
    """Write the mentor's file to `a` and the mentee's to `b`; refuses if either exists, and leaves
    neither behind when it fails."""
    a, b = Path(a), Path(b)
    for path in (a, b):
        if path.exists() or path.is_symlink():
            raise KnownError(ErrorKind.ALREADY_EXISTS, f"“{path}” already exists; it was left as it was.")
    if a.absolute() == b.absolute():
        raise KnownError(ErrorKind.ALREADY_EXISTS, "The two files of a pair need two names.")
    made: list[Path] = []
    try:
        make_sample(a, sessions, seed=seed, today=today)
        made.append(a)
        mentee = _take_mentee_side(a)
        with tempfile.TemporaryDirectory(prefix="revmentor-pair-") as folder:
            share = Path(folder) / "mentor.revshare"
            store = Store.open(a)
            try:
                export_share(store, share)
            finally:
                store.close()
            new_from_share(share, b)
            made.append(b)
        _give_mentee_side(b, mentee)
    except BaseException:
        for path in made:
            discard(path)
            with contextlib.suppress(OSError):
                Path(f"{path}-journal").unlink(missing_ok=True)
        raise


def _take_mentee_side(path: Path) -> dict[str, Any]:
    """Read the mentee's parts out of the sample, and remove them from it."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        part = {
            "swot": conn.execute("SELECT uid, quadrant, text, position FROM swot_item"
                                 " WHERE grid = 'mentee'").fetchall(),
            "check_in": conn.execute("SELECT uid, held_on, working, tweak, usefulness,"
                                     " goals_still_right, created_at FROM check_in"
                                     " WHERE author = 'mentee'").fetchall(),
            "rating": conn.execute(_MENTEE_RATINGS).fetchall(),
        }
        for table, columns in _MENTEE_SIDE.items():
            part[table] = conn.execute(f"SELECT uid, {', '.join(columns)} FROM {table}").fetchall()
            blanks = ", ".join(f"{c} = {'NULL' if c.endswith('rating') else chr(39) * 2}" for c in columns)
            conn.execute(f"UPDATE {table} SET {blanks}")
        conn.execute("DELETE FROM swot_item WHERE grid = 'mentee'")
        conn.execute("DELETE FROM check_in WHERE author = 'mentee'")
        conn.execute("DELETE FROM skill_rating WHERE uid IN (SELECT uid FROM (" + _MENTEE_RATINGS + "))")
        conn.execute("COMMIT")
    finally:
        conn.close()
    return part


def _give_mentee_side(path: Path, part: dict[str, Any]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO swot_item (uid, grid, quadrant, text, position)"
                         " VALUES (?, 'mentee', ?, ?, ?)", part["swot"])
        conn.executemany("INSERT INTO check_in (uid, author, held_on, working, tweak, usefulness,"
                         " goals_still_right, created_at) VALUES (?, 'mentee', ?, ?, ?, ?, ?, ?)",
                         part["check_in"])
        conn.executemany(
            "INSERT INTO skill_rating (uid, skill_id, rated_on, level, rated_by, note, entry_id)"
            " VALUES (?, (SELECT id FROM skill WHERE uid = ?), ?, ?, ?, ?,"
            " (SELECT id FROM journal_entry WHERE uid = ?))", part["rating"])
        for table, columns in _MENTEE_SIDE.items():
            sets = ", ".join(f"{c} = ?" for c in columns)
            conn.executemany(f"UPDATE {table} SET {sets} WHERE uid = ?",
                             [(*row[1:], row[0]) for row in part[table]])
        # …and one shared goal the mentee has moved on since the mentor's share
        conn.execute("UPDATE goal SET success_measure = success_measure || ' (agreed with my team)'"
                     " WHERE id = (SELECT min(id) FROM goal WHERE private = 0)")
        conn.execute("COMMIT")
    finally:
        conn.close()
    os.chmod(path, 0o600)
