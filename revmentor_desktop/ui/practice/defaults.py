"""What the tab offers before the user says otherwise, as pure functions (tested in numbers):
whose check-in a new one is, and the kind and day of a new review."""

from __future__ import annotations

from datetime import date

from revmentor_desktop.data.compute import CheckInStatus, default_review_date
from revmentor_desktop.data.vocab import ReviewKind, Role

#: A review date this many days ahead (or less) is "near": a review started now is held on it.
NEAR_DAYS = 7


def default_author(status: CheckInStatus, me: str) -> str:
    """Whose check-in New Check-in writes: the partner using this copy when theirs is due, else
    the partner who is due, else the partner using this copy."""
    if me in status.due_for or not status.due_for:
        return me if me in (Role.MENTOR, Role.MENTEE) else Role.MENTOR
    return status.due_for[0]


def default_review_kind(latest_kind: str | None) -> str:
    """Mid-point and closing reviews take turns; the first is a mid-point review."""
    return ReviewKind.CLOSING if latest_kind == ReviewKind.MIDPOINT else ReviewKind.MIDPOINT


def default_review_day(review_date: date | None, today: date) -> date:
    """The partnership's review date when it is today or a few days ahead, else today (a review
    held late is held today)."""
    if review_date is not None and 0 <= (review_date - today).days <= NEAR_DAYS:
        return review_date
    return today


def default_next_review(held_on: date) -> date:
    """The next review, unless the pair picks another day: three months after this one."""
    return default_review_date(held_on)
