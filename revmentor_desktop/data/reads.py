"""The reads the window needs to show a partnership first, in plain sqlite3 (no ORM import).

Opening a file and painting its Overview needs only these; SQLAlchemy and SQLModel (about a third
of a second to import) load afterwards, with the first tab or edit that needs them. Callers import
them from here (`ops` holds the ORM reads and every write; see the package's docstring).

Rows come back as small frozen dataclasses with the same field names (and Python types) as the
SQLModel tables, so code reading `p.mentor_name` or `c.text` works with either.

These reads run before the whole-file check (`Store.verify`), so they are the ones that meet a
damaged file first: whatever a row holds, they return values of the promised types or raise
KnownError(DAMAGED) with the sentence the check would give — never ValueError or TypeError.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

from revmentor_desktop.data import compute, integrity
from revmentor_desktop.data.compute import CheckInStatus, Checklist, FeedbackGiven
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import MAX_YEAR, MIN_YEAR
from revmentor_desktop.errors import ErrorKind, KnownError


@dataclass(frozen=True)
class PartnershipRow:
    id: int
    mentor_name: str
    mentee_name: str
    me: str
    organisation: str
    start_date: date
    review_date: date | None
    cadence_days: int
    duration_minutes: int
    created_at: datetime
    check_in_every: int = 4
    closed_on: date | None = None
    checklist_dismissed: bool = False


@dataclass(frozen=True)
class ClauseRow:
    id: int
    position: int
    text: str


_PARTNERSHIP = ("id", "mentor_name", "mentee_name", "me", "organisation", "start_date", "review_date",
                "cadence_days", "duration_minutes", "created_at", "check_in_every", "closed_on",
                "checklist_dismissed")


def _damaged(store: Store, problem: str) -> KnownError:
    return KnownError(ErrorKind.DAMAGED, f"“{store.shown_path.name}” is damaged: {problem}",
                      "Restore a backup.")


#: What SQLite (or the sqlite3 module) says when a file holds what no file of ours holds: text that
#: is not UTF-8, or a table or column missing from its layout.
_DAMAGE_SIGNS = ("could not decode", "no such table", "no such column")


@contextmanager
def _plain(store: Store) -> Iterator[sqlite3.Connection]:
    """`store.plain()`, where a read failing on what the file holds is damage, said in words."""
    with store.plain() as conn:
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if not any(sign in str(exc).lower() for sign in _DAMAGE_SIGNS):
                raise
            raise _damaged(store, _first_problem(conn, f"it cannot be read ({exc}).")) from exc


def _first_problem(conn: sqlite3.Connection, fallback: str) -> str:
    """What the whole-file check says first — only ever asked once a read has found damage."""
    problems = integrity.row_problems(conn, limit=1)
    return problems[0] if problems else fallback


def _checked(store: Store, table: str, columns: tuple[str, ...], row: tuple[object, ...]) -> None:
    for column, value in zip(columns, row, strict=True):
        problem = integrity.value_problem(table, row[0], column, value)
        if problem is not None:
            raise _damaged(store, problem)


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _utc(text: str) -> datetime:
    # Stored as SQLModel writes datetimes (naive text, always UTC); read back as aware UTC, as the ORM does.
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def get_partnership(store: Store) -> PartnershipRow:
    with _plain(store) as conn:
        row = conn.execute(f"SELECT {', '.join(_PARTNERSHIP)} FROM partnership WHERE id = 1").fetchone()
        if row is None:
            raise _damaged(store, _first_problem(conn, "it holds no partnership."))
    _checked(store, "partnership", _PARTNERSHIP, row)  # one row: every value, as the check would
    (pid, mentor, mentee, me, org, start, review, cadence, duration, created, check_in_every, closed,
     dismissed) = row
    start_date = _date(start)
    assert start_date is not None  # NOT NULL in the schema, and checked just now
    return PartnershipRow(int(pid), mentor, mentee, me, org, start_date, _date(review),
                          int(cadence), int(duration), _utc(created), int(check_in_every),
                          _date(closed), bool(dismissed))


def list_focus_areas(store: Store) -> list[str]:
    with _plain(store) as conn:
        rows = conn.execute("SELECT id, name FROM focus_area ORDER BY position, id").fetchall()
    for row in rows:  # a handful of rows: each value checked
        _checked(store, "focus_area", ("id", "name"), row)
    return [name for _id, name in rows]


def list_clauses(store: Store) -> list[ClauseRow]:
    with _plain(store) as conn:
        rows = conn.execute("SELECT id, position, text FROM agreement_clause ORDER BY position, id"
                            ).fetchall()
    for row in rows:
        _checked(store, "agreement_clause", ("id", "position", "text"), row)
    return [ClauseRow(int(i), int(p), t) for i, p, t in rows]


def session_dates(store: Store, *, include_private: bool = True) -> list[tuple[date, int]]:
    """(date, duration) of every session, oldest first — for momentum.

    Plain sqlite3 rows: at 10,000 sessions the ORM's row processing costs four times the query.
    """
    sql = "SELECT held_on, duration_minutes FROM journal_entry"
    if not include_private:
        sql += " WHERE private = 0"
    sql += " ORDER BY held_on"
    fromiso = date.fromisoformat
    with _plain(store) as conn:
        try:
            sessions = [(fromiso(d), int(m)) for d, m in conn.execute(sql)]
        except (TypeError, ValueError):  # not text, not a date, not a number
            raise _damaged(store, _session_problem(conn)) from None
        # Rows come ordered by their text, so (ISO dates being what they are) the first and the
        # last hold the earliest and latest years; dates past the app's years break date sums.
        if sessions and not (MIN_YEAR <= sessions[0][0].year and sessions[-1][0].year <= MAX_YEAR):
            raise _damaged(store, _session_problem(conn))
    return sessions


def probe_first_paint(store: Store) -> None:
    """Read through what the window paints first (the partnership, and every session's date and
    length in the order `session_dates` reads them), aggregated in SQLite so no row reaches Python:
    raises KnownError(DAMAGED) where those reads would. Opening runs it before letting go of the
    file open until then, so a file damaged there leaves the window as it was."""
    get_partnership(store)
    with _plain(store) as conn:
        conn.execute("SELECT count(*), max(length(held_on)), sum(duration_minutes) FROM "
                     "(SELECT held_on, duration_minutes FROM journal_entry ORDER BY held_on)").fetchone()


def _session_problem(conn: sqlite3.Connection) -> str:
    """The first session whose date or duration breaks its rule, found value by value (slow, and
    only ever asked for a file already found damaged)."""
    for row in conn.execute("SELECT id, held_on, duration_minutes FROM journal_entry ORDER BY id"):
        for column, value in zip(("held_on", "duration_minutes"), row[1:], strict=True):
            problem = integrity.value_problem("journal_entry", row[0], column, value)
            if problem is not None:
                return problem
    return _first_problem(conn, "a session's date or duration cannot be read.")


# -- the rest of the partnership, as plain rows --------------------------------------------------------
# The same rows the ORM would give (field names and Python types of the SQLModel tables; a test keeps
# them in step), read with plain sqlite3 so that what only shows data (the PDF summary, the command
# line's export) never pays for importing SQLAlchemy. These run on a file that has passed the
# whole-file check (`Store.verify`), so the values are of the types the schema promises.


@dataclass(frozen=True)
class GoalRow:
    id: int
    title: str
    owner: str
    focus_area: str
    description: str
    success_measure: str
    target_date: date | None
    status: str
    manual_progress: int
    private: bool
    position: int
    created_at: datetime


@dataclass(frozen=True)
class SwotItemRow:
    id: int
    grid: str
    quadrant: str
    text: str
    position: int


@dataclass(frozen=True)
class SkillRow:
    id: int
    name: str
    owner: str
    focus_area: str
    target_level: int
    position: int


@dataclass(frozen=True)
class RatingRow:
    id: int
    skill_id: int
    rated_on: date
    level: int
    rated_by: str
    note: str
    entry_id: int | None


@dataclass(frozen=True)
class Highlight:
    """The shareable part of a journal entry (for the PDF summary)."""

    id: int
    held_on: date
    topics: str
    mentor_takeaway: str
    mentee_takeaway: str
    #: feedback both ways: what the mentor tells the mentee, what the mentee tells the mentor
    mentor_says_keep: str
    mentor_says_try: str
    mentee_says_keep: str
    mentee_says_try: str
    #: how useful the session was, for each
    mentor_rating: int | None
    mentee_rating: int | None
    #: earlier feedback (files from before version 3): which way it went was not recorded
    feedback_good: str
    feedback_improve: str
    rating: int | None


#: The journal_entry columns a Highlight holds, in its fields' order.
HIGHLIGHT_COLUMNS = ("id", "held_on", "topics", "mentor_takeaway", "mentee_takeaway",
                     "mentor_says_keep", "mentor_says_try", "mentee_says_keep", "mentee_says_try",
                     "mentor_rating", "mentee_rating", "feedback_good", "feedback_improve", "rating")


@dataclass(frozen=True)
class OpenAction:
    id: int
    entry_id: int
    held_on: date
    text: str
    owner: str
    due_on: date | None


def _rows(store: Store, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    with _plain(store) as conn:
        return conn.execute(sql, params).fetchall()


def _private_clause(include_private: bool, column: str = "private") -> str:
    return "" if include_private else f" WHERE {column} = 0"


def list_goals(store: Store, *, include_private: bool = True) -> list[GoalRow]:
    sql = ("SELECT id, title, owner, focus_area, description, success_measure, target_date, status,"
           " manual_progress, private, position, created_at FROM goal"
           f"{_private_clause(include_private)} ORDER BY position, id")
    return [GoalRow(i, t, o, fa, d, sm, _date(td), st, mp, bool(pv), pos, _utc(ca))  # type: ignore[arg-type]
            for i, t, o, fa, d, sm, td, st, mp, pv, pos, ca in _rows(store, sql)]


def goal_status_counts(store: Store, *, include_private: bool = True) -> dict[tuple[str, str], int]:
    """How many goals each owner has in each status: {(owner, status): count}."""
    sql = (f"SELECT owner, status, count(*) FROM goal{_private_clause(include_private)}"
           " GROUP BY owner, status")
    return {(str(o), str(s)): int(n) for o, s, n in _rows(store, sql)}  # type: ignore[call-overload]


def milestone_counts(store: Store) -> dict[int, tuple[int, int]]:
    """(done, total) milestones per goal id, for every goal that has any."""
    sql = "SELECT goal_id, count(done_on), count(id) FROM milestone GROUP BY goal_id"
    return {int(g): (int(d), int(t)) for g, d, t in _rows(store, sql)}  # type: ignore[call-overload]


def list_swot_items(store: Store) -> list[SwotItemRow]:
    sql = "SELECT id, grid, quadrant, text, position FROM swot_item ORDER BY grid, quadrant, position, id"
    return [SwotItemRow(*row) for row in _rows(store, sql)]  # type: ignore[arg-type]


def list_skills(store: Store) -> list[SkillRow]:
    sql = "SELECT id, name, owner, focus_area, target_level, position FROM skill ORDER BY owner, position, id"
    return [SkillRow(*row) for row in _rows(store, sql)]  # type: ignore[arg-type]


def list_ratings(store: Store, skill_id: int | None = None) -> list[RatingRow]:
    sql = "SELECT id, skill_id, rated_on, level, rated_by, note, entry_id FROM skill_rating"
    params: tuple[object, ...] = ()
    if skill_id is not None:
        sql, params = sql + " WHERE skill_id = ?", (skill_id,)
    sql += " ORDER BY skill_id, rated_on, id"
    return [RatingRow(i, s, _date(d), lv, by, n, e)  # type: ignore[arg-type]
            for i, s, d, lv, by, n, e in _rows(store, sql, params)]


def journal_highlights(store: Store, start: date | None = None, end: date | None = None, *,
                       latest: int | None = None) -> list[Highlight]:
    """Non-private entries, newest first: those between `start` and `end` (inclusive), or the
    `latest` few. Private entries are never returned by this function: it exists to build things
    that leave the machine."""
    sql = f"SELECT {', '.join(HIGHLIGHT_COLUMNS)} FROM journal_entry WHERE private = 0"
    params: list[object] = []
    sql += _span(start, end, params)
    sql += " ORDER BY held_on DESC, id DESC"
    if latest is not None:
        sql += " LIMIT ?"
        params.append(max(0, latest))
    return [Highlight(i, _date(d), *rest)  # type: ignore[arg-type]
            for i, d, *rest in _rows(store, sql, tuple(params))]


def _span(start: date | None, end: date | None, params: list[object]) -> str:
    sql = ""
    if start is not None:
        sql += " AND held_on >= ?"
        params.append(start.isoformat())
    if end is not None:
        sql += " AND held_on <= ?"
        params.append(end.isoformat())
    return sql


def shared_session_count(store: Store, start: date | None = None, end: date | None = None) -> int:
    """How many non-private sessions fall between `start` and `end` (inclusive; open ends: all)."""
    params: list[object] = []
    sql = "SELECT count(*) FROM journal_entry WHERE private = 0" + _span(start, end, params)
    return int(_rows(store, sql, tuple(params))[0][0])  # type: ignore[call-overload]


def private_session_count(store: Store) -> int:
    return int(_rows(store, "SELECT count(*) FROM journal_entry WHERE private = 1")[0][0])  # type: ignore[call-overload]


def open_actions(store: Store, *, include_private: bool = True, before: date | None = None) -> list[OpenAction]:
    """Action items not yet done, oldest session first (optionally only from sessions before a date)."""
    sql = ("SELECT a.id, a.entry_id, e.held_on, a.text, a.owner, a.due_on FROM action_item a"
           " JOIN journal_entry e ON e.id = a.entry_id WHERE a.done_on IS NULL")
    params: tuple[object, ...] = ()
    if not include_private:
        sql += " AND e.private = 0"
    if before is not None:
        sql, params = sql + " AND e.held_on < ?", (before.isoformat(),)
    sql += " ORDER BY e.held_on, a.position, a.id"
    return [OpenAction(i, e, _date(h), t, o, _date(d))  # type: ignore[arg-type]
            for i, e, h, t, o, d in _rows(store, sql, params)]


# -- the practice loop: check-ins, reviews, feedback, getting started -----------------------------------
# The Overview paints these with the rest of the partnership, possibly before the whole-file check:
# the small reads that feed it turn a value that is not what the schema promises into the check's
# sentence (KnownError DAMAGED), like `session_dates`.


@dataclass(frozen=True)
class CheckInRow:
    id: int
    held_on: date
    author: str
    working: str
    tweak: str
    usefulness: int | None
    goals_still_right: str
    created_at: datetime


@dataclass(frozen=True)
class ReviewGoalRow:
    id: int
    review_id: int
    goal_id: int | None
    position: int
    goal_title: str
    expected: str
    achieved: str
    progress: int
    private: bool


@dataclass(frozen=True)
class ReviewRow:
    id: int
    kind: str
    held_on: date
    mentor_taught: str
    mentor_learned: str
    mentee_taught: str
    mentee_learned: str
    mentor_changed: str
    mentee_changed: str
    notes: str
    decision: str
    next_review_date: date | None
    created_at: datetime
    #: its copies of the goals, in order (not a column: read with the review)
    goals: tuple[ReviewGoalRow, ...] = ()


_CHECK_IN = ("id", "held_on", "author", "working", "tweak", "usefulness", "goals_still_right",
             "created_at")
_REVIEW = ("id", "kind", "held_on", "mentor_taught", "mentor_learned", "mentee_taught",
           "mentee_learned", "mentor_changed", "mentee_changed", "notes", "decision",
           "next_review_date", "created_at")
_REVIEW_GOAL = ("id", "review_id", "goal_id", "position", "goal_title", "expected", "achieved",
                "progress", "private")


def _check_in_row(row: tuple[object, ...]) -> CheckInRow:
    i, held, author, working, tweak, usefulness, goals_right, created = row
    return CheckInRow(int(i), date.fromisoformat(held), author, working, tweak,  # type: ignore[arg-type, call-overload]
                      usefulness, goals_right, _utc(created))  # type: ignore[arg-type]


def latest_check_ins(store: Store, n: int | None = None) -> list[CheckInRow]:
    """The `n` latest check-ins (all when None), oldest first, so they read as a trend."""
    sql = f"SELECT {', '.join(_CHECK_IN)} FROM check_in ORDER BY held_on DESC, id DESC"
    params: tuple[object, ...] = ()
    if n is not None:
        sql, params = sql + " LIMIT ?", (max(0, n),)
    rows = [_check_in_row(row) for row in _rows(store, sql, params)]
    rows.reverse()
    return rows


def check_in_dates(store: Store) -> list[tuple[date, str]]:
    """(day, author) of every check-in, oldest first: what `compute.check_in_status` needs."""
    with _plain(store) as conn:
        rows = conn.execute("SELECT id, held_on, author FROM check_in ORDER BY held_on, id").fetchall()
    try:
        out = [(date.fromisoformat(d), a) for _i, d, a in rows]
        sound = all(a in compute.ROLES for _d, a in out)
    except (TypeError, ValueError):
        sound = False
    if not sound:
        for row in rows:
            _checked(store, "check_in", ("id", "held_on", "author"), row)
        raise _damaged(store, "a check-in's date or author cannot be read.")
    return out


def check_in_status(store: Store, *, include_private: bool = True) -> CheckInStatus:
    """Whose check-in is due (`compute.check_in_status` over the file's sessions and check-ins;
    none while the partnership is closed)."""
    p = get_partnership(store)
    sessions = [d for d, _minutes in session_dates(store, include_private=include_private)]
    return compute.check_in_status(sessions, check_in_dates(store), p.check_in_every,
                                   closed=p.closed_on is not None)


def feedback_flow(store: Store, latest: int = 4, *, include_private: bool = True) -> list[FeedbackGiven]:
    """Which way feedback went in each of the `latest` sessions, oldest first: what
    `compute.one_way_feedback` needs."""
    sql = ("SELECT id, held_on, mentor_says_keep != '' OR mentor_says_try != '',"
           " mentee_says_keep != '' OR mentee_says_try != '' FROM journal_entry")
    if not include_private:
        sql += " WHERE private = 0"
    sql += " ORDER BY held_on DESC, id DESC LIMIT ?"
    with _plain(store) as conn:
        rows = conn.execute(sql, (max(0, latest),)).fetchall()
    try:
        out = [FeedbackGiven(date.fromisoformat(d), bool(m), bool(e)) for _i, d, m, e in rows]
    except (TypeError, ValueError):
        for row in rows:
            _checked(store, "journal_entry", ("id", "held_on"), row[:2])
        raise
    out.reverse()
    return out


def checklist(store: Store) -> Checklist:
    """The getting-started list, each item ticked from what the file holds."""
    p = get_partnership(store)
    with _plain(store) as conn:
        clauses = int(conn.execute("SELECT count(*) FROM agreement_clause").fetchone()[0])
        swot = {(str(g), str(q)) for g, q in conn.execute("SELECT DISTINCT grid, quadrant FROM swot_item")}
        owners = {str(o) for (o,) in conn.execute(
            "SELECT DISTINCT owner FROM goal WHERE status != 'dropped'")}
        sessions = int(conn.execute("SELECT count(*) FROM journal_entry").fetchone()[0])
    return compute.checklist(clauses=clauses, swot=swot, goal_owners=owners, sessions=sessions,
                             review_date=p.review_date, dismissed=p.checklist_dismissed)


def list_reviews(store: Store, *, include_private: bool = True) -> list[ReviewRow]:
    """Every review, oldest first, each with its copies of the goals (without the private goals'
    copies unless `include_private`: what leaves the machine never names a private goal)."""
    reviews = _rows(store, f"SELECT {', '.join(_REVIEW)} FROM review ORDER BY held_on, id")
    sql = f"SELECT {', '.join(_REVIEW_GOAL)} FROM review_goal"
    if not include_private:
        # Private when copied, or its goal made private since: the goal's privacy today decides.
        sql += (" WHERE private = 0 AND (goal_id IS NULL OR goal_id NOT IN"
                " (SELECT id FROM goal WHERE private = 1))")
    goals: dict[int, list[ReviewGoalRow]] = {}
    for i, rid, gid, pos, title, expected, achieved, progress, private in _rows(
            store, sql + " ORDER BY review_id, position, id"):
        goals.setdefault(int(rid), []).append(ReviewGoalRow(  # type: ignore[call-overload]
            i, rid, gid, pos, title, expected, achieved, progress, bool(private)))  # type: ignore[arg-type]
    out = []
    for row in reviews:
        i, kind, held, *texts, decision, next_review, created = row
        taught, learned, e_taught, e_learned, m_changed, e_changed, notes = texts
        out.append(ReviewRow(i, kind, _date(held), taught, learned, e_taught,  # type: ignore[arg-type]
                             e_learned, m_changed, e_changed, notes, decision,  # type: ignore[arg-type]
                             _date(next_review), _utc(created),  # type: ignore[arg-type]
                             tuple(goals.get(int(i), ()))))  # type: ignore[call-overload]
    return out


@dataclass(frozen=True)
class PracticeItem:
    """One line of the Check-ins & Reviews tab's list: a check-in or a review, without its text."""

    is_review: bool
    id: int
    held_on: date
    #: a check-in's author ("mentor", "mentee"), a review's kind ("midpoint", "closing")
    kind: str
    #: a check-in's usefulness rating (None: not rated), a review's None
    usefulness: int | None
    #: a review's decision ("" while undecided), a check-in's ""
    decision: str


def practice_items(store: Store) -> list[PracticeItem]:
    """Every check-in and review, newest first (on one day, reviews before check-ins, then the
    newer first): one small query, so the list can be read again after every edit of a large file."""
    sql = ("SELECT 0, id, held_on, author, usefulness, '' FROM check_in"
           " UNION ALL SELECT 1, id, held_on, kind, NULL, decision FROM review"
           " ORDER BY 3 DESC, 1 DESC, 2 DESC")
    out = []
    for is_review, i, held, kind, usefulness, decision in _rows(store, sql):
        try:
            day = date.fromisoformat(held)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise _damaged(store, "a check-in's or review's date cannot be read.") from None
        out.append(PracticeItem(bool(is_review), int(i), day, str(kind),  # type: ignore[call-overload]
                                usefulness if isinstance(usefulness, int) else None, str(decision)))
    return out


def get_review(store: Store, review_id: int, *, include_private: bool = True) -> ReviewRow:
    """One review with its copies of the goals, in order (the private goals' copies left out unless
    `include_private`, as `list_reviews` decides). Gone when it was deleted meanwhile."""
    found = _rows(store, f"SELECT {', '.join(_REVIEW)} FROM review WHERE id = ?", (review_id,))
    if not found:
        from revmentor_desktop.errors import Gone

        raise Gone(f"Review {review_id} no longer exists")
    sql = f"SELECT {', '.join(_REVIEW_GOAL)} FROM review_goal WHERE review_id = ?"
    if not include_private:
        sql += (" AND private = 0 AND (goal_id IS NULL OR goal_id NOT IN"
                " (SELECT id FROM goal WHERE private = 1))")
    goals = tuple(ReviewGoalRow(int(i), int(rid), gid, pos, title, expected,  # type: ignore[call-overload, arg-type]
                                achieved, progress, bool(private))  # type: ignore[arg-type]
                  for i, rid, gid, pos, title, expected, achieved, progress, private
                  in _rows(store, sql + " ORDER BY position, id", (review_id,)))
    i, kind, held, *texts, decision, next_review, created = found[0]
    taught, learned, e_taught, e_learned, m_changed, e_changed, notes = texts
    return ReviewRow(int(i), kind, _date(held), taught, learned, e_taught,  # type: ignore[arg-type, call-overload]
                     e_learned, m_changed, e_changed, notes, decision,  # type: ignore[arg-type]
                     _date(next_review), _utc(created), goals)  # type: ignore[arg-type]
