"""Pure computations over partnership data: goal progress, momentum, SWOT comparison, skill gaps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta


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


def momentum(start: date, cadence_days: int, sessions: Sequence[tuple[date, int]], today: date) -> Momentum:
    """How well the pair keeps its agreed cadence, as of `today`.

    `sessions` are (date, minutes) pairs in any order. The partnership's time since `start` is cut
    into periods of `cadence_days`; a period is kept when a session falls in it. Only periods that
    have fully ended count, so a fresh partnership is not "behind". Sessions dated in the future
    count towards totals but not towards "last session".
    """
    cadence = max(1, cadence_days)
    held = [d for d, _ in sessions if d <= today]
    last = max(held) if held else None
    # A session logged before the official start does not make day one overdue.
    anchor = start if last is None or last < start else last
    next_due = anchor + timedelta(days=cadence)
    overdue = max(0, (today - next_due).days)
    elapsed = max(0, (today - start).days // cadence)
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
