"""What the Overview asks of the pair, each worked out (`compute`) from a few small plain reads:
whose check-in is due, which way feedback went lately, and the getting-started list.

Like the rest of what the Overview paints, these may run before the whole-file check: a value that
is not what the schema promises becomes the check's sentence (KnownError DAMAGED).
"""

from __future__ import annotations

from datetime import date

from revmentor_desktop.data import compute
from revmentor_desktop.data.compute import CheckInStatus, Checklist, FeedbackGiven
from revmentor_desktop.data.reads_check_ins import check_in_dates
from revmentor_desktop.data.reads_first import get_partnership, session_dates
from revmentor_desktop.data.reads_rows import checked, plain
from revmentor_desktop.data.store import Store


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
    with plain(store) as conn:
        rows = conn.execute(sql, (max(0, latest),)).fetchall()
    try:
        out = [FeedbackGiven(date.fromisoformat(d), bool(m), bool(e)) for _i, d, m, e in rows]
    except (TypeError, ValueError):
        for row in rows:
            checked(store, "journal_entry", ("id", "held_on"), row[:2])
        raise
    out.reverse()
    return out


def checklist(store: Store) -> Checklist:
    """The getting-started list, each item ticked from what the file holds."""
    p = get_partnership(store)
    with plain(store) as conn:
        clauses = int(conn.execute("SELECT count(*) FROM agreement_clause").fetchone()[0])
        swot = {(str(g), str(q)) for g, q in conn.execute("SELECT DISTINCT grid, quadrant FROM swot_item")}
        owners = {str(o) for (o,) in conn.execute(
            "SELECT DISTINCT owner FROM goal WHERE status != 'dropped'")}
        sessions = int(conn.execute("SELECT count(*) FROM journal_entry").fetchone()[0])
    return compute.checklist(clauses=clauses, swot=swot, goal_owners=owners, sessions=sessions,
                             review_date=p.review_date, dismissed=p.checklist_dismissed)
