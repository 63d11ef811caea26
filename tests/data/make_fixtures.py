"""Build `v1.revmentor`, `v2.revmentor` and `v3.revmentor`: partnership files exactly as versions
1, 2 and 3 of the schema made them.

The files are committed and never regenerated after release: they are how tests/test_migrations.py
and tests/test_practice_migration.py prove that a file saved by an older version still opens,
upgrades and keeps every row. Each is built from the frozen migration steps of its version alone
(``migrations.STEPS[:version]``), never from the current schema, and every table gets rows,
including journal entries with action items that the full-text index must pick up (version 2
files index them as they are written, by the triggers step 2 made).

Run from the repository root with the project installed:
    python tests/data/make_fixtures.py [--version 1|2|3] [--force]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

from revmentor_desktop.data import migrations

HERE = Path(__file__).resolve().parent
V1_PATH = HERE / "v1.revmentor"
V2_PATH = HERE / "v2.revmentor"
V3_PATH = HERE / "v3.revmentor"

# Words that appear only in the version-1 rows, so tests can search for them after the upgrade.
V1_ROWS: dict[str, list[tuple[object, ...]]] = {
    "partnership": [
        (
            1,
            "Priya Raman",
            "Gerald Okafor",
            "mentee",
            "Northwind Ltd",
            "2024-01-08",
            "2024-07-08",
            14,
            45,
            "2024-01-08 09:30:00",
        ),
    ],
    "focus_area": [
        (1, "Technology adoption", 0),
        (2, "Diversity & inclusion", 1),
        (3, "Workplace communication", 2),
    ],
    "agreement_clause": [
        (1, 0, "We meet every two weeks for 45 minutes."),
        (2, 1, "What is said in our sessions stays between us."),
    ],
    "goal": [
        (
            1,
            "Run a meeting with the team chat only",
            "mentee",
            "Technology adoption",
            "Gerald wants to stop sending agendas by email.",
            "One meeting run end-to-end in chat",
            "2024-04-30",
            "in_progress",
            20,
            0,
            0,
            "2024-01-08 09:45:00",
        ),
        (
            2,
            "Sponsor an employee resource group",
            "mentee",
            "Diversity & inclusion",
            "",
            "",
            None,
            "not_started",
            0,
            1,
            1,
            "2024-01-08 09:50:00",
        ),
        (
            3,
            "Present at the all-hands",
            "mentor",
            "",
            "Priya's own stretch goal.",
            "",
            None,
            "achieved",
            100,
            0,
            2,
            "2024-01-09 10:00:00",
        ),
    ],
    "milestone": [
        (1, 1, 0, "Install the chat client", "2024-01-20"),
        (2, 1, 1, "Post the agenda in a channel", None),
        (3, 1, 2, "Run the whole meeting in chat", None),
        (4, 3, 0, "Draft the slides", "2024-02-01"),
    ],
    "journal_entry": [
        (
            1,
            "2024-01-08",
            45,
            "Kick-off",
            "Agree how we work",
            "We set out the quokka plan.",
            "Juniors see the tools differently.",
            "Seniors carry context.",
            "Frank and kind",
            "Start on time",
            5,
            0,
            "2024-01-08 10:30:00",
        ),
        (
            2,
            "2024-01-22",
            50,
            "Chat etiquette",
            "",
            "Threads versus channels; emoji reactions.",
            "",
            "",
            "",
            "",
            4,
            0,
            "2024-01-22 10:30:00",
        ),
        (
            3,
            "2024-02-05",
            40,
            "Private worries",
            "",
            "A private note about the zeppelin reorg.",
            "",
            "",
            "",
            "",
            None,
            1,
            "2024-02-05 11:00:00",
        ),
    ],
    "entry_goal": [
        (1, 1),
        (2, 1),
        (2, 2),
        (3, 3),
    ],
    "action_item": [
        (1, 1, 0, "Gerald installs the narwhal client", "mentee", "2024-01-15", "2024-01-14"),
        (2, 1, 1, "Priya shares the etiquette guide", "mentor", "2024-01-15", None),
        (3, 2, 0, "Both try a pangolin standup", "both", None, None),
        (4, 3, 0, "Gerald talks to HR", "mentee", "2024-02-20", None),
    ],
    "swot_item": [
        (1, "mentor", "S", "Fluent with new tools", 0),
        (2, "mentor", "W", "Little budget experience", 0),
        (3, "mentee", "S", "Knows the organisation", 0),
        (4, "mentee", "T", "Calendar is always full", 0),
        (5, "mentee", "S", "Trusted by the board", 1),
    ],
    "swot_snapshot": [
        (1, "Start of partnership", "2024-01-08", "2024-01-08 11:00:00"),
    ],
    "swot_snapshot_item": [
        (1, 1, "mentor", "S", "Fluent with new tools", 0),
        (2, 1, "mentee", "T", "Calendar is always full", 0),
    ],
    "skill": [
        (1, "Team chat", "mentee", "Technology adoption", 4, 0),
        (2, "Public speaking", "mentor", "", 5, 1),
    ],
    "skill_rating": [
        (1, 1, "2024-01-08", 1, "self", "Never used it", 1),
        (2, 1, "2024-02-05", 2, "partner", "", None),
        (3, 2, "2024-01-09", 3, "self", "", None),
    ],
}


def build_v1(path: Path) -> None:
    """Write a version-1 partnership file at `path` (which must not exist)."""
    build(path, 1)


def build_v2(path: Path) -> None:
    """Write a version-2 partnership file at `path` (which must not exist): the same rows as the
    version-1 file, written the way version 2 wrote them (its search index kept by its triggers)."""
    build(path, 2)


def _v1_columns() -> dict[str, list[str]]:
    """Each version-1 table's columns, in order (the V1 rows are written by name, so later versions'
    added columns take their defaults)."""
    conn = sqlite3.connect(":memory:")
    try:
        migrations.STEPS[0](conn)
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in V1_ROWS}
    finally:
        conn.close()


_V1_COLUMNS = _v1_columns()


def _add_v3_rows(conn: sqlite3.Connection) -> None:
    """What version 3 added: feedback both ways, check-ins, and a review with its copies of goals."""
    conn.execute(
        "UPDATE journal_entry SET mentor_says_keep = 'Ask the walrus question', "
        "mentor_says_try = 'Bring one example', mentee_says_keep = 'Patient demos', "
        "mentee_says_try = 'Slower on jargon', mentor_rating = 4, mentee_rating = 5 WHERE id = 2"
    )
    conn.execute("UPDATE partnership SET check_in_every = 3, checklist_dismissed = 1")
    conn.executemany(
        "INSERT INTO check_in (id, held_on, author, working, tweak, usefulness, goals_still_right, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(1, "2024-02-19", "mentor", "The narwhal demos", "Shorter sessions", 4, "yes",
          "2024-02-19 09:00:00"),
         (2, "2024-02-19", "mentee", "Honest questions", "", 5, "partly", "2024-02-19 09:05:00")],
    )
    conn.execute(
        "INSERT INTO review (id, kind, held_on, mentor_taught, mentor_learned, mentee_taught, "
        "mentee_learned, mentor_changed, mentee_changed, notes, decision, next_review_date, created_at) "
        "VALUES (1, 'midpoint', '2024-04-08', 'Chat threads', 'Budget cycles', 'Stakeholder maps', "
        "'Emoji etiquette', 'Confidence', 'Curiosity', 'The axolotl review', 'adjust', '2024-07-08', "
        "'2024-04-08 10:00:00')"
    )
    conn.executemany(
        "INSERT INTO review_goal (id, review_id, goal_id, position, goal_title, expected, achieved, "
        "progress, private) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(1, 1, 1, 0, "Run a meeting with the team chat only", "One meeting", "Half of one", 20, 0),
         (2, 1, 2, 1, "Sponsor an employee resource group", "", "", 0, 1)],
    )


def build(path: Path, version: int) -> None:
    """Write a partnership file of schema `version` at `path`, from the frozen steps alone."""
    if path.exists():
        raise FileExistsError(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
        conn.execute("BEGIN IMMEDIATE")
        for step in migrations.STEPS[:version]:  # frozen steps only: the schema `version` shipped with
            step(conn)
        for table, rows in V1_ROWS.items():
            marks = ", ".join("?" * len(rows[0]))
            names = ", ".join(_V1_COLUMNS[table])
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        if version >= 3:
            _add_v3_rows(conn)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"fixture rows break foreign keys: {problems}")
        conn.execute("VACUUM")
    finally:
        conn.close()
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", type=int, choices=(1, 2, 3), default=1)
    parser.add_argument("--force", action="store_true", help="replace an existing fixture")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    args.out = args.out or {1: V1_PATH, 2: V2_PATH, 3: V3_PATH}[args.version]
    if args.out.exists():
        if not args.force:
            print(
                f"{args.out} exists; it is a released fixture. Use --force to rebuild it.",
                file=sys.stderr,
            )
            return 1
        args.out.unlink()
    build(args.out, args.version)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
