"""Pure computations over partnership data: goal progress and the partnership's momentum."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta


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
