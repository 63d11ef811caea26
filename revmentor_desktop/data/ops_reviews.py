"""Reviews, one function per change: a mid-point or closing review starts from a copy of the goals
as they stand (title, success measure, progress), so it stays readable whatever happens to them;
the pair writes what was achieved, what each taught and learned and what changed for each, and
decides — continue, adjust, or close the partnership."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col

from revmentor_desktop.data import compute
from revmentor_desktop.data import validation as v
from revmentor_desktop.data.models import Goal, Milestone, Partnership, Review, ReviewGoal
from revmentor_desktop.data.ops_rows import Tombstone, delete_row, new_row, now, update_row
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import (
    REVIEW_FIELDS,
    REVIEW_GOAL_FIELDS,
    validate_fields,
)
from revmentor_desktop.data.vocab import GoalStatus, ReviewDecision
from revmentor_desktop.errors import Gone

#: What a review decides, and the partnership's fields it sets: `decide_review`.
_DECISION_FIELDS = ("decision", "next_review_date")


def start_review(store: Store, kind: str, held_on: date | str, **values: Any) -> int:
    """Start a review: the review row, and a copy of every goal not dropped (in the Goals tab's
    order) with its success measure as what was expected and its progress as it stands today."""
    clean = validate_fields(REVIEW_FIELDS, {"kind": kind, "held_on": held_on, **values})
    v.check_review_dates(clean["held_on"], clean.get("next_review_date"))
    with store.write() as s:
        review_id = new_row(s, Review, {**clean, "created_at": now()})
        ticked = {gid: (int(done), int(total)) for gid, done, total in s.execute(
            select(col(Milestone.goal_id), func.count(col(Milestone.done_on)), func.count(col(Milestone.id)))
            .group_by(col(Milestone.goal_id)))}
        goals = s.execute(select(Goal).where(col(Goal.status) != GoalStatus.DROPPED)
                          .order_by(col(Goal.position), col(Goal.uid), col(Goal.id))).scalars()
        for position, goal in enumerate(goals):
            done, total = ticked.get(goal.id or 0, (0, 0))
            s.add(ReviewGoal(review_id=review_id, goal_id=goal.id, position=position,
                             goal_title=goal.title, expected=goal.success_measure,
                             progress=compute.goal_progress(goal.manual_progress, done, total),
                             private=goal.private))
        return review_id


def update_review(store: Store, review_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, Review, REVIEW_FIELDS, review_id, changes, check=_review_dates_fit)


def _review_dates_fit(review: Review, clean: dict[str, Any]) -> None:
    """The next review comes after this one (checked on the row as the transaction finds it)."""
    if "held_on" in clean or "next_review_date" in clean:
        v.check_review_dates(clean.get("held_on", review.held_on),
                             clean.get("next_review_date", review.next_review_date))


def update_review_goal(store: Store, review_goal_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, ReviewGoal, REVIEW_GOAL_FIELDS, review_goal_id, changes)


def delete_review(store: Store, review_id: int) -> Tombstone:
    """Delete a review with its copies of the goals."""
    return delete_row(store, Review, review_id, (ReviewGoal, col(ReviewGoal.review_id)), what="Review")


def decide_review(store: Store, review_id: int, decision: str,
                  next_review_date: date | str | None = None) -> dict[str, dict[str, Any]]:
    """Record what a review decided, and what it means for the partnership, in one transaction:
    "close" closes the partnership on the review's day; "continue" or "adjust" with a next review
    date makes it the partnership's review date; a decision that is no longer "close" reopens a
    partnership this review had closed. Returns the old values, {"review": …, "partnership": …},
    which `restore_decision` puts back."""
    clean = validate_fields(REVIEW_FIELDS, {"decision": decision, "next_review_date": next_review_date})
    with store.write() as s:
        review = s.get(Review, review_id)
        if review is None:
            raise Gone(f"Review {review_id} no longer exists")
        partnership = s.get(Partnership, 1)
        assert partnership is not None  # a file holds exactly one (checked when it was opened)
        v.check_review_dates(review.held_on, clean["next_review_date"])
        changes: dict[str, Any] = {}
        if clean["decision"] == ReviewDecision.CLOSE:
            changes["closed_on"] = review.held_on
        elif review.decision == ReviewDecision.CLOSE and partnership.closed_on == review.held_on:
            changes["closed_on"] = None
        if clean["decision"] in (ReviewDecision.CONTINUE, ReviewDecision.ADJUST) and clean["next_review_date"]:
            changes["review_date"] = clean["next_review_date"]
        v.check_partnership_dates(partnership.start_date, changes.get("review_date", partnership.review_date),
                                  changes.get("closed_on", partnership.closed_on))
        old = {"review": {k: getattr(review, k) for k in _DECISION_FIELDS},
               "partnership": {k: getattr(partnership, k) for k in changes}}
        for k, val in clean.items():
            setattr(review, k, val)
        for k, val in changes.items():
            setattr(partnership, k, val)
        s.add(review)
        s.add(partnership)
    return old


def restore_decision(store: Store, review_id: int, old: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Put back what `decide_review` changed (its return value); returns what it replaced, in the
    same shape, so undo and redo are each other's inverse."""
    with store.write() as s:
        review = s.get(Review, review_id)
        partnership = s.get(Partnership, 1)
        if review is None or partnership is None:
            raise Gone(f"Review {review_id} no longer exists")
        now_values = {"review": {k: getattr(review, k) for k in old["review"]},
                      "partnership": {k: getattr(partnership, k) for k in old["partnership"]}}
        for k, val in old["review"].items():
            setattr(review, k, val)
        for k, val in old["partnership"].items():
            setattr(partnership, k, val)
        s.add(review)
        s.add(partnership)
    return now_values
