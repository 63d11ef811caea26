"""Reviews and the Check-ins & Reviews tab's list, as plain rows: every review for the PDF, one
review whole with its copies of the goals, and the tab's list of check-ins and reviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from revmentor_desktop.data.reads_rows import damaged, day, fetch, fetch_one, select, utc
from revmentor_desktop.data.store import Store


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


_REVIEW = ("id", "kind", "held_on", "mentor_taught", "mentor_learned", "mentee_taught",
           "mentee_learned", "mentor_changed", "mentee_changed", "notes", "decision",
           "next_review_date", "created_at")
_REVIEW_GOAL = ("id", "review_id", "goal_id", "position", "goal_title", "expected", "achieved",
                "progress", "private")
#: Leaves out the copies of private goals: private when copied, or its goal made private since (the
#: goal's privacy today decides). What leaves the machine never names a private goal.
_SHARED_COPIES = (" private = 0 AND (goal_id IS NULL OR goal_id NOT IN"
                  " (SELECT id FROM goal WHERE private = 1))")


# -- reviews --------------------------------------------------------------------------------------------


def _review(row: Any, goals: tuple[ReviewGoalRow, ...]) -> ReviewRow:
    (i, kind, held, taught, learned, e_taught, e_learned, changed, e_changed, notes, decision,
     next_review, created) = row
    return ReviewRow(int(i), kind, date.fromisoformat(held), taught, learned, e_taught, e_learned,
                     changed, e_changed, notes, decision, day(next_review), utc(created), goals)


def _review_goal(row: Any) -> ReviewGoalRow:
    i, rid, gid, pos, title, expected, achieved, progress, private = row
    return ReviewGoalRow(int(i), int(rid), gid, pos, title, expected, achieved, progress, bool(private))


def list_reviews(store: Store, *, include_private: bool = True) -> list[ReviewRow]:
    """Every review, oldest first, each with its copies of the goals (without the private goals'
    copies unless `include_private`: what leaves the machine never names a private goal)."""
    reviews = fetch(store, select(_REVIEW, "review") + " ORDER BY held_on, id")
    sql = select(_REVIEW_GOAL, "review_goal")
    if not include_private:
        sql += " WHERE" + _SHARED_COPIES
    goals: dict[int, list[ReviewGoalRow]] = {}
    for row in fetch(store, sql + " ORDER BY review_id, position, uid, id"):
        copy = _review_goal(row)
        goals.setdefault(copy.review_id, []).append(copy)
    return [_review(row, tuple(goals.get(int(row[0]), ()))) for row in reviews]


def get_review(store: Store, review_id: int, *, include_private: bool = True) -> ReviewRow:
    """One review with its copies of the goals, in order (the private goals' copies left out unless
    `include_private`, as `list_reviews` decides). Gone when it was deleted meanwhile."""
    found = fetch_one(store, "Review", select(_REVIEW, "review") + " WHERE id = ?", review_id)
    return _review(found, tuple(list_review_goals(store, review_id, include_private=include_private)))


def list_review_goals(store: Store, review_id: int, *, include_private: bool = True) -> list[ReviewGoalRow]:
    """A review's copies of the goals, in order (without the private goals' unless `include_private`)."""
    sql = select(_REVIEW_GOAL, "review_goal") + " WHERE review_id = ?"
    if not include_private:
        sql += " AND" + _SHARED_COPIES
    return [_review_goal(row) for row in fetch(store, sql + " ORDER BY position, uid, id", (review_id,))]


# -- the tab's list -------------------------------------------------------------------------------------


def practice_items(store: Store) -> list[PracticeItem]:
    """Every check-in and review, newest first (on one day, reviews before check-ins, then the
    newer first): one small query, so the list can be read again after every edit of a large file."""
    sql = ("SELECT 0, id, held_on, author, usefulness, '' FROM check_in"
           " UNION ALL SELECT 1, id, held_on, kind, NULL, decision FROM review"
           " ORDER BY 3 DESC, 1 DESC, 2 DESC")
    out = []
    for is_review, i, held, kind, usefulness, decision in fetch(store, sql):
        try:
            held_on = date.fromisoformat(held)
        except (TypeError, ValueError):
            raise damaged(store, "a check-in's or review's date cannot be read.") from None
        out.append(PracticeItem(bool(is_review), int(i), held_on, str(kind),
                                usefulness if isinstance(usefulness, int) else None, str(decision)))
    return out
