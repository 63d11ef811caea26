"""Pure computations over partnership data: goal progress, momentum, SWOT comparison, skill gaps,
and the practice loop (one-way feedback, check-ins due, review dates, the getting-started list,
ground rules worded with the pair's own cadence)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from revmentor_desktop.data.vocab import READY_MADE_CLAUSE_TEMPLATES


def is_overdue(due: date | None, done: bool, today: date) -> bool:
    """The one rule for "overdue", wherever it shows (goal targets, action items; tabs and PDF):
    not done, and its due date is before `today` — due today is not overdue yet."""
    return not done and due is not None and due < today


def goal_progress(manual_progress: int, milestones_done: int, milestones_total: int) -> int:
    """Percent complete: milestones drive it when the goal has any, else the manual value."""
    if milestones_total > 0:
        return round(100 * milestones_done / milestones_total)
    return max(0, min(100, manual_progress))


@dataclass(frozen=True)
class Momentum:
    last_session: date | None
    next_due: date
    days_overdue: int
    sessions_held: int
    minutes_together: int
    periods_elapsed: int
    periods_kept: int

    @property
    def share_kept(self) -> float | None:
        """Share of whole cadence periods so far that had at least one session (None before one ends)."""
        if self.periods_elapsed == 0:
            return None
        return self.periods_kept / self.periods_elapsed

    @property
    def hours_together(self) -> float:
        return self.minutes_together / 60


def momentum(start: date, cadence_days: int, sessions: Sequence[tuple[date, int]], today: date, *,
             closed_on: date | None = None) -> Momentum:
    """How well the pair keeps its agreed cadence, as of `today`.

    `sessions` are (date, minutes) pairs in any order. The partnership's time since `start` is cut
    into periods of `cadence_days`; a period is kept when a session falls in it. Only periods that
    have fully ended count, so a fresh partnership is not "behind". Sessions dated in the future
    count towards totals but not towards "last session". A partnership closed on `closed_on` asks
    for no more sessions: it is never overdue, and its periods stop counting on that day.
    """
    cadence = max(1, cadence_days)
    held = [d for d, _ in sessions if d <= today]
    last = max(held) if held else None
    # A session logged before the official start does not make day one overdue.
    anchor = start if last is None or last < start else last
    next_due = anchor + timedelta(days=cadence)
    closed = closed_on is not None and closed_on <= today
    overdue = 0 if closed else max(0, (today - next_due).days)
    until = closed_on if closed and closed_on is not None else today
    elapsed = max(0, (until - start).days // cadence)
    kept_periods = {(d - start).days // cadence for d in held if d >= start}
    kept = sum(1 for p in kept_periods if p < elapsed)
    return Momentum(
        last_session=last,
        next_due=next_due,
        days_overdue=overdue,
        sessions_held=len(sessions),
        minutes_together=sum(m for _, m in sessions),
        periods_elapsed=elapsed,
        periods_kept=kept,
    )


# -- SWOT comparison ---------------------------------------------------------------------------------

#: Small words that carry no meaning of their own when comparing SWOT items.
_STOP_WORDS = frozenset(
    "a an the of about for to in on and or with our my your their at by from as is are be into".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)


def swot_key(text: str) -> str:
    """What a SWOT item means, for comparison: its words, case-folded, without punctuation or
    small words, in alphabetical order ("Curiosity about new tools" == "new tools: curiosity")."""
    words = [w for w in _WORD.findall(text.casefold()) if w not in _STOP_WORDS]
    return " ".join(sorted(words))


@dataclass(frozen=True)
class SwotEntry:
    """One SWOT item as plain data: whose grid, which quadrant, the text."""

    grid: str
    quadrant: str
    text: str


def shared_items(items: Sequence[SwotEntry]) -> dict[int, list[int]]:
    """Items that appear in both partners' grids: {index: [indexes of its twins in the other grid]}."""
    by_key: dict[str, dict[str, list[int]]] = {}
    for i, it in enumerate(items):
        key = swot_key(it.text)
        if key:
            by_key.setdefault(key, {}).setdefault(it.grid, []).append(i)
    twins: dict[int, list[int]] = {}
    for grids in by_key.values():
        if len(grids) < 2:
            continue
        for grid, indexes in grids.items():
            others = [j for g, js in grids.items() if g != grid for j in js]
            for i in indexes:
                twins[i] = others
    return twins


@dataclass(frozen=True)
class SwotChange:
    grid: str
    kind: str  # "added", "removed" or "moved"
    text: str
    quadrant: str  # where it is now (for "removed": where it was)
    from_quadrant: str | None = None  # for "moved"


def compare_swot(before: Sequence[SwotEntry], now: Sequence[SwotEntry]) -> list[SwotChange]:
    """What changed in each grid since a snapshot: items added, removed, or moved to another quadrant.

    Items are matched by meaning (`swot_key`), so rewording "AI tools" as "tools, AI" is no change.
    """
    changes: list[SwotChange] = []
    for grid in sorted({i.grid for i in (*before, *now)}):
        old_left = [i for i in before if i.grid == grid]
        unmatched: list[SwotEntry] = []
        for item in (i for i in now if i.grid == grid):  # same meaning, same quadrant: unchanged
            twin = next((o for o in old_left if o.quadrant == item.quadrant and _same(o, item)), None)
            if twin is None:
                unmatched.append(item)
            else:
                old_left.remove(twin)
        for item in unmatched:  # same meaning in another quadrant: moved; else added
            twin = next((o for o in old_left if _same(o, item)), None)
            if twin is None:
                changes.append(SwotChange(grid, "added", item.text, item.quadrant))
            else:
                old_left.remove(twin)
                changes.append(SwotChange(grid, "moved", item.text, item.quadrant, twin.quadrant))
        changes.extend(SwotChange(grid, "removed", o.text, o.quadrant) for o in old_left)
    return changes


def _same(a: SwotEntry, b: SwotEntry) -> bool:
    ka, kb = swot_key(a.text), swot_key(b.text)
    return ka == kb if (ka or kb) else a.text.strip().casefold() == b.text.strip().casefold()


# -- skills ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingPoint:
    skill_id: int
    rated_on: date
    level: int
    rated_by: str  # "self" or "partner"


def latest_levels(points: Sequence[RatingPoint]) -> dict[int, tuple[int | None, int | None]]:
    """Each skill's latest (self level, partner level)."""
    out: dict[int, tuple[int | None, int | None]] = {}
    for p in sorted(points, key=lambda p: p.rated_on):
        self_level, partner_level = out.get(p.skill_id, (None, None))
        if p.rated_by == "self":
            self_level = p.level
        else:
            partner_level = p.level
        out[p.skill_id] = (self_level, partner_level)
    return out


GAP_THRESHOLD = 2


def rating_gaps(points: Sequence[RatingPoint]) -> dict[int, int]:
    """Skills whose latest self and partner ratings differ by 2 or more: {skill_id: self - partner}."""
    return {
        sid: s - p
        for sid, (s, p) in latest_levels(points).items()
        if s is not None and p is not None and abs(s - p) >= GAP_THRESHOLD
    }


# -- the practice loop: feedback, check-ins, reviews, getting started --------------------------------
# Its rows are NamedTuples, not dataclasses: the Overview imports this module before its first
# paint, and a frozen dataclass costs ~0.6 ms to define, a NamedTuple a tenth of that.


class FeedbackGiven(NamedTuple):
    """Which way feedback went in one session: the mentor told the mentee something (keep doing or
    try next time), the mentee told the mentor something. Feedback from before version 3, whose
    direction nobody recorded, counts as neither."""

    held_on: date
    by_mentor: bool
    by_mentee: bool


def one_way_feedback(sessions: Sequence[FeedbackGiven], window: int = 4) -> str | None:
    """Who has given no feedback over the latest `window` sessions while the other has: "mentor"
    (the mentor has been silent), "mentee", or None — feedback flowing both ways, none at all, or
    fewer than `window` sessions yet. `sessions` in any order; the latest are those with the
    latest dates (on a tie, the later in `sessions`)."""
    if window < 1 or len(sessions) < window:
        return None
    latest = sorted(enumerate(sessions), key=lambda pair: (pair[1].held_on, pair[0]))[-window:]
    by_mentor = any(s.by_mentor for _, s in latest)
    by_mentee = any(s.by_mentee for _, s in latest)
    if by_mentor and not by_mentee:
        return "mentee"
    if by_mentee and not by_mentor:
        return "mentor"
    return None


def check_in_due(sessions_since_last_check_in: int, every: int) -> bool:
    """A check-in is due once `every` sessions have been held since the last one."""
    return sessions_since_last_check_in >= max(1, every)


class CheckInStatus(NamedTuple):
    every: int
    #: per partner ("mentor", "mentee"): sessions held since their latest check-in (all, if none)
    sessions_since: dict[str, int]
    #: per partner: the day of their latest check-in, or None
    last_on: dict[str, date | None]
    #: the partners whose check-in is due, mentor first
    due_for: tuple[str, ...]

    @property
    def due(self) -> bool:
        return bool(self.due_for)

    @property
    def sessions_until_due(self) -> int:
        """Sessions left before the next check-in is due (0: due now)."""
        return max(0, self.every - max(self.sessions_since.values()))


ROLES = ("mentor", "mentee")


def check_in_status(sessions: Sequence[date], check_ins: Sequence[tuple[date, str]], every: int, *,
                    closed: bool = False) -> CheckInStatus:
    """Whose check-in is due: each partner checks in every `every` sessions. A session counts
    towards the next check-in when it falls after the day of the partner's latest one (a check-in
    on the day of a session covers it). A closed partnership asks for none.

    `sessions`: the days of the sessions held; `check_ins`: (day, author) of every check-in."""
    every = max(1, every)
    last: dict[str, date | None] = dict.fromkeys(ROLES)
    for day, author in check_ins:
        if author in last:
            previous = last[author]
            last[author] = day if previous is None or day > previous else previous
    since = {role: _held_after(sessions, last[role]) for role in ROLES}
    due = () if closed else tuple(r for r in ROLES if check_in_due(since[r], every))
    return CheckInStatus(every, since, last, due)


class CheckInMemo:
    """`check_in_status` for the inputs last asked about, worked out again only when one of them
    changed (it walks every session: ~1.5 ms at 10,000), so a partnership edit such as a new
    organisation name does not pay for it. Lists read again are new objects: compared by value."""

    def __init__(self) -> None:
        self._last: tuple[CheckInStatus, tuple[object, ...]] | None = None

    def status(self, sessions: Sequence[date], check_ins: Sequence[tuple[date, str]], every: int,
               *, closed: bool = False) -> CheckInStatus:
        asked = (sessions, check_ins, every, closed)
        last = self._last
        if last is None or any(a is not b and a != b for a, b in zip(asked, last[1], strict=True)):
            last = self._last = (check_in_status(sessions, check_ins, every, closed=closed), asked)
        return last[0]


def _held_after(sessions: Sequence[date], day: date | None) -> int:
    return len(sessions) if day is None else sum(1 for d in sessions if d > day)


def default_review_date(start: date, months: int = 3) -> date:
    """`months` calendar months after `start` (3: the review date a partnership starts with), on the
    same day of the month or, when that month is shorter, its last day (31 January → 30 April)."""
    month0 = start.month - 1 + months
    year, month = start.year + month0 // 12, month0 % 12 + 1
    after = date(year + month // 12, month % 12 + 1, 1)  # the first of the month after
    return date(year, month, min(start.day, (after - timedelta(days=1)).day))


class ChecklistItem(NamedTuple):
    key: str  # vocab.CHECKLIST_LABELS names it
    done: bool


class Checklist(NamedTuple):
    items: tuple[ChecklistItem, ...]
    dismissed: bool = False

    @property
    def complete(self) -> bool:
        return all(i.done for i in self.items)

    @property
    def shown(self) -> bool:
        """The Overview shows the list until the pair dismisses it or every item is done."""
        return not self.dismissed and not self.complete

    @property
    def done_count(self) -> int:
        return sum(i.done for i in self.items)


def checklist(*, clauses: int, swot: Collection[tuple[str, str]], goal_owners: Collection[str],
              sessions: int, review_date: date | None, dismissed: bool = False) -> Checklist:
    """A new partnership's getting-started list, each item ticked from the data: ground rules
    agreed (at least one), both SWOT grids filled (`swot`: the (grid, quadrant) pairs holding an
    item; every quadrant of both grids), a goal for each partner (`goal_owners`: owners of the goals
    not dropped; a shared goal is not one of either's own), the first session logged, a review date."""
    filled = {(g, q) for g, q in swot}
    return Checklist((
        ChecklistItem("ground_rules", clauses > 0),
        ChecklistItem("swot", all((g, q) in filled for g in ROLES for q in "SWOT")),
        ChecklistItem("goals", all(r in goal_owners for r in ROLES)),
        ChecklistItem("first_session", sessions > 0),
        ChecklistItem("review_date", review_date is not None),
    ), dismissed)


_NUMBER_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def cadence_words(days: int) -> str:
    """How a ground rule says the cadence: "every day", "every week", "every two weeks",
    "every 10 days"."""
    if days == 1:
        return "every day"
    if days == 7:
        return "every week"
    if days % 7 == 0 and days // 7 < len(_NUMBER_WORDS):
        return f"every {_NUMBER_WORDS[days // 7]} weeks"
    return f"every {days} days"


def length_words(minutes: int) -> str:
    """How a ground rule says a session's length: "for an hour", "for 45 minutes", "for 2 hours",
    "for 1 h 30 min"."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"for {minutes} minutes"
    if rest == 0:
        return "for an hour" if hours == 1 else f"for {hours} hours"
    return f"for {hours} h {rest} min"


def ground_rule_templates(cadence_days: int, duration_minutes: int) -> tuple[tuple[str, str], ...]:
    """The ready-made ground rules, (menu label, rule text), worded with the pair's own cadence and
    session length (`vocab.READY_MADE_CLAUSES` is this for every two weeks and an hour)."""
    cadence, length = cadence_words(cadence_days), length_words(duration_minutes)
    return tuple((label, text.format(cadence=cadence, length=length))
                 for label, text in READY_MADE_CLAUSE_TEMPLATES)


def same_rule(a: str, b: str) -> bool:
    """Two ground rules say the same when they differ only in case and spacing."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
