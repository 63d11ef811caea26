"""The sample partnership's practice loop: each partner's check-in every few sessions, and its
reviews — a mid-point review three months in, then one every three months, every second one
closing a term — as rows for `sample.make_sample` to insert.

The pair reviews at the first session on or after each review date; a mid-point review adjusts
(new goals, a new order), a closing one carries on for another term; either sets the next review
three months on. Every word comes from `sample_text.json`; every choice from the caller's `rng`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from revmentor_desktop.data.compute import default_review_date, goal_progress
from revmentor_desktop.data.sample_plan import TEXT, GoalWindow, Timeline, stamp

#: Sessions between check-ins (the partnership's check_in_every).
CHECK_IN_EVERY = 4

CHECK_INS: dict[str, Any] = TEXT["check_ins"]
REVIEWS: dict[str, Any] = TEXT["reviews"]
_REVIEW_TEXTS = ("mentor_taught", "mentor_learned", "mentee_taught", "mentee_learned",
                 "mentor_changed", "mentee_changed", "notes")


# -- check-ins -----------------------------------------------------------------------------------


def _usefulness(author: str, round_: int, rng: random.Random) -> int:
    """Rising with time: 3 at first, 5 by the fourth or fifth round (the mentee a round later),
    with the odd dip."""
    lag = 1 if author == "mentee" else 0
    level = min(5, 3 + max(0, round_ - lag + 1) // 2)
    if round_ >= 3 and rng.random() < 0.1:
        level -= 1
    return level


def _goals_still_right(author: str, round_: int, rng: random.Random) -> str:
    if author == "mentor" and round_ == 3:
        return "partly"  # her tweak that round: the goals have drifted
    r = rng.random()
    return "" if r < 0.05 else "partly" if r < 0.17 else "yes"


def check_in_rows(tl: Timeline, rng: random.Random, every: int = CHECK_IN_EVERY) -> list[tuple[object, ...]]:
    """(held_on, author, working, tweak, usefulness, goals_still_right, created_at): both partners
    check in on the day of every `every`-th session. Each round's "working" is the previous
    round's "tweak", done; after the written rounds, later answers are drawn in turn."""
    rows: list[tuple[object, ...]] = []
    later: dict[str, list[dict[str, str]]] = {}
    for round_, index in enumerate(range(every - 1, tl.n, every)):
        day = tl.held[index]
        for author in ("mentor", "mentee"):
            arc: list[dict[str, str]] = CHECK_INS[author]
            if round_ < len(arc):
                said = arc[round_]
            else:
                cycle = later.setdefault(author, [])
                if not cycle:
                    cycle.extend(CHECK_INS["later"][author])
                    rng.shuffle(cycle)
                said = cycle.pop()
            rows.append((day.isoformat(), author, said["working"], said["tweak"],
                         _usefulness(author, round_, rng), _goals_still_right(author, round_, rng),
                         stamp(day, rng, 18, 21)))
    return rows


# -- reviews -------------------------------------------------------------------------------------


def review_days(tl: Timeline) -> tuple[list[date], date]:
    """The days the pair held its reviews (the first session on or after each review date), and
    the partnership's review date now: the next one, three months after the last review held."""
    held: list[date] = []
    due = default_review_date(tl.start)
    i = 0
    while True:
        while i < tl.n and tl.held[i] < due:
            i += 1
        if i == tl.n:
            return held, due
        held.append(tl.held[i])
        due = default_review_date(tl.held[i])


@dataclass
class Reviews:
    reviews: list[tuple[object, ...]]
    goals: list[tuple[object, ...]]


def _achieved(done: list[tuple[date, str]], total: int, titles: Sequence[str], n: int) -> str:
    words = REVIEWS["achieved"]
    if not done:
        return words["none"][n % len(words["none"])].format(next=titles[0])
    latest = max(done)[1]
    if len(done) == total:
        return words["all"][n % len(words["all"])].format(latest=latest)
    return words["some"][n % len(words["some"])].format(done=len(done), total=total, latest=latest,
                                                        left=total - len(done))


def review_rows(tl: Timeline, goals: Sequence[tuple[object, ...]], milestones: Sequence[tuple[object, ...]],
                windows: Sequence[GoalWindow], rng: random.Random) -> Reviews:
    """Each review, and its copy of every goal set and not dropped by then: the success measure as
    what was expected, the milestones ticked by then as progress and as what was achieved."""
    days, _next_due = review_days(tl)
    steps: dict[int, list[tuple[str, str | None]]] = {}
    for goal_id, _position, title, done_on in milestones:
        steps.setdefault(int(goal_id), []).append(  # type: ignore[call-overload]
            (str(title), None if done_on is None else str(done_on)))
    window = {w.goal_id: w for w in windows}
    reviews: list[tuple[object, ...]] = []
    copies: list[tuple[object, ...]] = []
    for k, day in enumerate(days):
        review_id = k + 1
        kind = "midpoint" if k % 2 == 0 else "closing"
        said = REVIEWS[kind][(k // 2) % len(REVIEWS[kind])]
        next_review = default_review_date(day)  # when the next one was due (held at the first session after)
        decision = "adjust" if kind == "midpoint" else "continue"
        reviews.append((review_id, kind, day.isoformat(), *(said[t] for t in _REVIEW_TEXTS),
                        decision, next_review.isoformat(), stamp(day, rng, 17, 20)))
        position = 0
        for goal in goals:
            goal_id, title, _owner, _area, _desc, measure, _target, status, _manual, private = goal[:10]
            created = str(goal[11])[:10]
            w = window[int(goal_id)]  # type: ignore[call-overload]
            closed = tl.held[w.last] if w.last is not None else None
            if created > day.isoformat() or (status == "dropped" and closed is not None and closed <= day):
                continue  # not set yet, or dropped by then
            own = steps.get(int(goal_id), [])  # type: ignore[call-overload]
            done = [(date.fromisoformat(d), t) for t, d in own if d is not None and d <= day.isoformat()]
            copies.append((review_id, goal_id, position, title, measure,
                           _achieved(done, len(own), [t for t, _d in own], k + position),
                           goal_progress(0, len(done), len(own)), private))
            position += 1
    return Reviews(reviews, copies)
