"""Ordered schema steps for a partnership file; step N brings a file from version N-1 to N.

Each step is frozen SQL: once released, a step never changes (old files depend on it). A new file is
made by running every step from 0, so new and upgraded files cannot drift apart. The search index's
SQL is made from its column lists; tests/test_migrations_frozen.py pins every step's released text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

#: `PRAGMA application_id` of every partnership file: "RvMt" in ASCII.
APPLICATION_ID = 0x52764D74

_V1 = """
CREATE TABLE partnership (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    mentor_name TEXT NOT NULL,
    mentee_name TEXT NOT NULL,
    me TEXT NOT NULL CHECK (me IN ('mentor', 'mentee')),
    organisation TEXT NOT NULL DEFAULT '',
    start_date DATE NOT NULL,
    review_date DATE,
    cadence_days INTEGER NOT NULL CHECK (cadence_days BETWEEN 1 AND 365),
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
    created_at DATETIME NOT NULL
);
CREATE TABLE focus_area (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE agreement_clause (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL
);
CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    owner TEXT NOT NULL CHECK (owner IN ('mentor', 'mentee', 'shared')),
    focus_area TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    success_measure TEXT NOT NULL DEFAULT '',
    target_date DATE,
    status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'achieved', 'dropped')),
    manual_progress INTEGER NOT NULL DEFAULT 0 CHECK (manual_progress BETWEEN 0 AND 100),
    private BOOLEAN NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);
CREATE TABLE milestone (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    done_on DATE
);
CREATE INDEX ix_milestone_goal ON milestone (goal_id, position);
CREATE TABLE journal_entry (
    id INTEGER PRIMARY KEY,
    held_on DATE NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),
    topics TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    mentor_takeaway TEXT NOT NULL DEFAULT '',
    mentee_takeaway TEXT NOT NULL DEFAULT '',
    feedback_good TEXT NOT NULL DEFAULT '',
    feedback_improve TEXT NOT NULL DEFAULT '',
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    private BOOLEAN NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);
CREATE INDEX ix_journal_entry_held_on ON journal_entry (held_on);
CREATE TABLE entry_goal (
    entry_id INTEGER NOT NULL REFERENCES journal_entry (id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, goal_id)
);
CREATE INDEX ix_entry_goal_goal ON entry_goal (goal_id);
CREATE TABLE action_item (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES journal_entry (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    owner TEXT NOT NULL CHECK (owner IN ('mentor', 'mentee', 'both')),
    due_on DATE,
    done_on DATE
);
CREATE INDEX ix_action_item_entry ON action_item (entry_id, position);
CREATE TABLE swot_item (
    id INTEGER PRIMARY KEY,
    grid TEXT NOT NULL CHECK (grid IN ('mentor', 'mentee')),
    quadrant TEXT NOT NULL CHECK (quadrant IN ('S', 'W', 'O', 'T')),
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE swot_snapshot (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    taken_on DATE NOT NULL,
    created_at DATETIME NOT NULL
);
CREATE TABLE swot_snapshot_item (
    id INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES swot_snapshot (id) ON DELETE CASCADE,
    grid TEXT NOT NULL CHECK (grid IN ('mentor', 'mentee')),
    quadrant TEXT NOT NULL CHECK (quadrant IN ('S', 'W', 'O', 'T')),
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_swot_snapshot_item_snapshot ON swot_snapshot_item (snapshot_id);
CREATE TABLE skill (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    owner TEXT NOT NULL CHECK (owner IN ('mentor', 'mentee')),
    focus_area TEXT NOT NULL DEFAULT '',
    target_level INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE skill_rating (
    id INTEGER PRIMARY KEY,
    skill_id INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    rated_on DATE NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    rated_by TEXT NOT NULL CHECK (rated_by IN ('self', 'partner')),
    note TEXT NOT NULL DEFAULT '',
    entry_id INTEGER REFERENCES journal_entry (id) ON DELETE SET NULL
);
CREATE INDEX ix_skill_rating_skill ON skill_rating (skill_id, rated_on);
"""

# Version 2: a full-text index over the journal so search stays instant at 10,000 entries. Triggers
# keep it in step with every write, whatever code path made it; an entry's action items are indexed
# with it. The index stores its own copy of the text: SQLite 3.40 (what Python 3.11 ships) has no
# contentless-delete FTS5, and external content cannot span two tables.
#: The journal_entry columns the search index holds, at versions 2 and 3 (then `action_text`, the
#: entry's action items' text): its table, triggers and re-indexing SQL are made from them, and come
#: out as the text these steps were released with (tests/test_migrations_frozen.py).
_SEARCHED_2 = ("topics", "agenda", "notes", "mentor_takeaway", "mentee_takeaway", "feedback_good",
               "feedback_improve")
_SEARCHED_3 = (*_SEARCHED_2, "mentor_says_keep", "mentor_says_try", "mentee_says_keep",
               "mentee_says_try")
#: an action item trigger's refresh of entry {0}.entry_id's action_text
_ACTION_TEXT = """    UPDATE journal_fts SET action_text =
        (SELECT coalesce(group_concat(text, ' '), '') FROM action_item WHERE entry_id = {0}.entry_id)
    WHERE rowid = {0}.entry_id;
"""


def _listed(head: str, items: Sequence[str], tail: str, indent: str) -> str:
    """`head`, the items separated by ", ", then `tail`; where a line would reach 100 characters it
    is broken before an item, which goes on at `indent`."""
    words = [f"{item}," for item in items[:-1]] + [items[-1] + tail]
    lines = [head + words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) < 100:
            lines[-1] += " " + word
        else:
            lines.append(indent + word)
    return "\n".join(lines) + "\n"


def _index_entry(columns: Sequence[str]) -> str:
    """A trigger's statement that indexes entry NEW: its `columns` and its action items' text."""
    values = ("NEW.id", *(f"NEW.{c}" for c in columns),
              "(SELECT coalesce(group_concat(text, ' '), '') FROM action_item "
              "WHERE entry_id = NEW.id)")
    return (
        _listed("    INSERT INTO journal_fts (", ("rowid", *columns, "action_text"), ")", " " * 8)
        + _listed("    VALUES (", values, ");", " " * 8)
    )


def _update_trigger(columns: Sequence[str], head: str) -> str:
    """The trigger (`head`: its CREATE TRIGGER line) that indexes an entry again as it changes."""
    return f"{head}    DELETE FROM journal_fts WHERE rowid = OLD.id;\n{_index_entry(columns)}END;\n"


def _search_index(columns: Sequence[str]) -> str:
    """The search index over `columns` and the triggers that index an entry as it is written."""
    return (
        "CREATE VIRTUAL TABLE journal_fts USING fts5(\n" + _listed("    ", columns, ",", "    ")
        + "    action_text, tokenize='unicode61 remove_diacritics 2'\n);\n"
        + "CREATE TRIGGER journal_fts_ai AFTER INSERT ON journal_entry BEGIN\n"
        + f"{_index_entry(columns)}END;\n"
        + _update_trigger(columns, "CREATE TRIGGER journal_fts_au AFTER UPDATE ON journal_entry "
                                   "BEGIN\n")
    )


def _reindex(columns: Sequence[str]) -> str:
    """Index every entry's `columns` and action items (what a file held before the index was)."""
    actions = ("(SELECT coalesce(group_concat(a.text, ' '), '') FROM action_item a "
               "WHERE a.entry_id = e.id)")
    return (
        "\n" + _listed("INSERT INTO journal_fts (", ("rowid", *columns, "action_text"), ")", "    ")
        + _listed("SELECT ", ("id", *columns, actions), "", "    ") + "FROM journal_entry e\n"
    )


_V2 = "\n" + _search_index(_SEARCHED_2) + f"""\
CREATE TRIGGER journal_fts_ad AFTER DELETE ON journal_entry BEGIN
    DELETE FROM journal_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER action_fts_ai AFTER INSERT ON action_item BEGIN
{_ACTION_TEXT.format("NEW")}END;
CREATE TRIGGER action_fts_au AFTER UPDATE OF text, entry_id ON action_item BEGIN
{_ACTION_TEXT.format("OLD")}{_ACTION_TEXT.format("NEW")}END;
CREATE TRIGGER action_fts_ad AFTER DELETE ON action_item BEGIN
{_ACTION_TEXT.format("OLD")}END;
CREATE INDEX ix_action_item_open ON action_item (done_on, due_on);
"""

_REINDEX = _reindex(_SEARCHED_2)


# Version 3: the practice loop (issue 13). Feedback both ways per session, each with "keep doing" and
# "try next time", and a usefulness rating from each partner; check-ins; reviews that copy the goals
# as they stood; when to check in, when the partnership closed, whether its getting-started list was
# dismissed. The old feedback_good, feedback_improve and rating stay as they are: nobody knows which
# way that feedback went, so nothing is moved into a direction. The search index is rebuilt with the
# new feedback in it (an FTS5 table cannot gain columns); the action-item triggers stay as they are.
_V3 = """
ALTER TABLE partnership ADD COLUMN check_in_every INTEGER NOT NULL DEFAULT 4
    CHECK (check_in_every BETWEEN 1 AND 52);
ALTER TABLE partnership ADD COLUMN closed_on DATE;
ALTER TABLE partnership ADD COLUMN checklist_dismissed BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE journal_entry ADD COLUMN mentor_says_keep TEXT NOT NULL DEFAULT '';
ALTER TABLE journal_entry ADD COLUMN mentor_says_try TEXT NOT NULL DEFAULT '';
ALTER TABLE journal_entry ADD COLUMN mentee_says_keep TEXT NOT NULL DEFAULT '';
ALTER TABLE journal_entry ADD COLUMN mentee_says_try TEXT NOT NULL DEFAULT '';
ALTER TABLE journal_entry ADD COLUMN mentor_rating INTEGER CHECK (mentor_rating BETWEEN 1 AND 5);
ALTER TABLE journal_entry ADD COLUMN mentee_rating INTEGER CHECK (mentee_rating BETWEEN 1 AND 5);
CREATE TABLE check_in (
    id INTEGER PRIMARY KEY,
    held_on DATE NOT NULL,
    author TEXT NOT NULL CHECK (author IN ('mentor', 'mentee')),
    working TEXT NOT NULL DEFAULT '',
    tweak TEXT NOT NULL DEFAULT '',
    usefulness INTEGER CHECK (usefulness BETWEEN 1 AND 5),
    goals_still_right TEXT NOT NULL DEFAULT ''
        CHECK (goals_still_right IN ('', 'yes', 'partly', 'no')),
    created_at DATETIME NOT NULL
);
CREATE INDEX ix_check_in_held_on ON check_in (held_on);
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('midpoint', 'closing')),
    held_on DATE NOT NULL,
    mentor_taught TEXT NOT NULL DEFAULT '',
    mentor_learned TEXT NOT NULL DEFAULT '',
    mentee_taught TEXT NOT NULL DEFAULT '',
    mentee_learned TEXT NOT NULL DEFAULT '',
    mentor_changed TEXT NOT NULL DEFAULT '',
    mentee_changed TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'continue', 'adjust', 'close')),
    next_review_date DATE,
    created_at DATETIME NOT NULL
);
CREATE INDEX ix_review_held_on ON review (held_on);
CREATE TABLE review_goal (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
    goal_id INTEGER REFERENCES goal (id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    goal_title TEXT NOT NULL,
    expected TEXT NOT NULL DEFAULT '',
    achieved TEXT NOT NULL DEFAULT '',
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    private BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX ix_review_goal_review ON review_goal (review_id, position);
CREATE INDEX ix_review_goal_goal ON review_goal (goal_id);
DROP TRIGGER journal_fts_ai;
DROP TRIGGER journal_fts_au;
DROP TABLE journal_fts;
""" + _search_index(_SEARCHED_3)

# Version 4: the partner exchange (data/share_*.py). Every record a partner may receive gets a stable
# id (`uid`, 32 hex digits) that survives the exchange, so the same record is recognised in both
# files; a trigger gives every new row one, whatever writes it. `pair_uid` names the partnership in
# both partners' files. `exchange_seen` holds, per record, the digest of the partner's version last
# taken into account (what a three-way merge needs to tell "they changed it" from "I changed it").
# The search index's update trigger now fires only for the text it indexes: the new uid trigger
# updates a fresh entry, and re-indexing it then would index it twice.
#: the tables whose records carry a stable id
WITH_UID = ("agreement_clause", "goal", "milestone", "journal_entry", "action_item", "swot_item",
             "swot_snapshot", "skill", "skill_rating", "check_in", "review", "review_goal")
_UID_STEPS = """ALTER TABLE {t} ADD COLUMN uid TEXT;
UPDATE {t} SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX ix_{t}_uid ON {t} (uid);
CREATE TRIGGER {t}_uid AFTER INSERT ON {t} WHEN NEW.uid IS NULL BEGIN
    UPDATE {t} SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
"""
_V4 = (
    "\nDROP TRIGGER journal_fts_au;\n"
    + _update_trigger(_SEARCHED_3, _listed("CREATE TRIGGER journal_fts_au AFTER UPDATE OF ",
                                           _SEARCHED_3, " ON journal_entry BEGIN", "    "))
    + """ALTER TABLE partnership ADD COLUMN pair_uid TEXT;
ALTER TABLE partnership ADD COLUMN last_share_at DATETIME;
UPDATE partnership SET pair_uid = lower(hex(randomblob(16)));
CREATE TRIGGER partnership_pair_uid AFTER INSERT ON partnership WHEN NEW.pair_uid IS NULL BEGIN
    UPDATE partnership SET pair_uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
"""
    + "".join(_UID_STEPS.format(t=t) for t in WITH_UID)
    + """CREATE TABLE exchange_seen (
    kind TEXT NOT NULL,
    uid TEXT NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (kind, uid)
);
"""
)


_REINDEX_3 = _reindex(_SEARCHED_3)


def _step_1(conn: sqlite3.Connection) -> None:
    _run(conn, _V1)


def _step_2(conn: sqlite3.Connection) -> None:
    _run(conn, _V2)
    conn.execute(_REINDEX)  # what a version-1 file already holds


def _step_3(conn: sqlite3.Connection) -> None:
    _run(conn, _V3)
    conn.execute(_REINDEX_3)  # what a version-2 file already holds


def _step_4(conn: sqlite3.Connection) -> None:
    _run(conn, _V4)


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Run DDL statements one by one inside the caller's transaction (executescript would commit)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            conn.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending[:60]!r}")


#: STEPS[n] takes a file from version n to n + 1.
STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (_step_1, _step_2, _step_3, _step_4)
SCHEMA_VERSION = len(STEPS)
