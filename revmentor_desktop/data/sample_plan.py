"""The sample partnership's calendar and the parts it sets once: when the pair met, their
agreement, goals, SWOT grids and skill ratings — as rows for `sample.make_sample` to insert.

Every word comes from `sample_text.json` (`TEXT`); every choice from the caller's seeded `rng`.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any

from revmentor_desktop.data.vocab import DEFAULT_FOCUS_AREAS

#: The sample's words: every sentence, name and list it picks from (`sample_text.json`, beside this
#: module; loaded once, at import — only `--make-sample`, tests and the benchmark import this).
TEXT: dict[str, Any] = json.loads(
    resources.files(__package__).joinpath("sample_text.json").read_text(encoding="utf-8"))

MENTOR: str = TEXT["mentor"]
MENTEE: str = TEXT["mentee"]
ORGANISATION: str = TEXT["organisation"]
OWN_FOCUS_AREA: str = TEXT["own_focus_area"]
FOCUS_AREAS: tuple[str, ...] = (*DEFAULT_FOCUS_AREAS, OWN_FOCUS_AREA)

CADENCE_DAYS = 14
DURATION_MINUTES = 60
#: Share of cadence periods the pair misses (holidays, board weeks): ~92% of periods are kept.
SKIP_SHARE = 0.08
#: A partnership longer than this (only ever asked for by stress tests) meets more often instead,
#: so every date stays one the validators accept.
MAX_SPAN_DAYS = 40 * 365
EARLIEST_START = date(1901, 1, 1)
TUESDAY = 1


# -- the timeline --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    """When the partnership started, its agreed cadence, and the day of every session (oldest first)."""

    start: date
    cadence_days: int
    held: list[date]
    today: date

    @property
    def n(self) -> int:
        return len(self.held)

    def index_at(self, frac: float) -> int:
        """The session nearest to `frac` of the way through (0 = kick-off, 1 = the latest)."""
        return min(self.n - 1, max(0, round(frac * (self.n - 1))))

    def day_at(self, frac: float) -> date:
        return self.held[self.index_at(frac)] if self.held else self.start


def plan(n: int, rng: random.Random, today: date) -> Timeline:
    """Lay `n` sessions on the cadence so that the latest one is a few days before `today`.

    Sessions fall on the first few days of each cadence period (never spilling into the next one),
    and about one period in twelve is skipped, so "cadence kept" reads a realistic ~92%.
    """
    if n == 0:  # just agreed, nothing held yet: started on the most recent Tuesday
        return Timeline(today - timedelta(days=(today.weekday() - TUESDAY) % 7), CADENCE_DAYS, [], today)
    max_span = min(MAX_SPAN_DAYS, (today - EARLIEST_START).days)
    if max_span < 1:
        raise ValueError(f"today ({today}) must be after {EARLIEST_START}.")
    per_period = 1
    while True:
        periods_held = math.ceil(n / per_period)
        skips = round(periods_held * SKIP_SHARE) if periods_held >= 6 else 0
        periods = periods_held + skips
        cadence = min(CADENCE_DAYS, max_span // periods)
        if cadence >= 1:
            break
        per_period += 1
    skipped = set(rng.sample(range(1, periods - 1), min(skips, max(0, periods - 2))))
    jitter = min(3, cadence - 1)
    offsets: list[int] = []
    left = n
    for p in range(periods):
        if p in skipped:
            continue
        day = p * cadence + (0 if p == 0 else rng.randint(0, jitter))
        count = min(per_period, left)
        offsets.extend([day] * count)
        left -= count
    last = offsets[-1]
    if cadence >= 9:
        # The latest session 2-8 days ago, and the kick-off (hence most sessions) on a Tuesday.
        back = next(r for r in range(2, 9) if (today - timedelta(days=r + last)).weekday() == TUESDAY)
    else:
        back = rng.randint(0, cadence - 1)
    start = today - timedelta(days=back + last)
    return Timeline(start, cadence, [start + timedelta(days=d) for d in offsets], today)


def stamp(day: date, rng: random.Random, first_hour: int = 8, last_hour: int = 19) -> str:
    """A created_at as SQLModel writes it (UTC, microseconds)."""
    h, m, s = rng.randint(first_hour, last_hour), rng.randrange(60), rng.randrange(60)
    return f"{day.isoformat()} {h:02d}:{m:02d}:{s:02d}.000000"


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _cadence_words(days: int) -> str:
    words: dict[str, str] = TEXT["agreement"]["cadence_words"]
    return words.get(str(days), words["other"]).format(days=days)


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def clauses(cadence: int, review: date) -> list[str]:
    agreement = TEXT["agreement"]
    slot = agreement["weekly_slot"] if cadence % 7 == 0 else ""
    return [c.format(cadence=_cadence_words(cadence), weekly_slot=slot, review=_long_date(review))
            for c in agreement["clauses"]]


# -- goals ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalSpec:
    title: str
    owner: str
    focus_area: str
    status: str  # as it stands once the partnership has run a while
    description: str
    success_measure: str
    opened: float  # fraction of the timeline at which the goal was set
    weeks_ahead: int  # target date, while the goal is still open
    milestones: tuple[tuple[str, float | None], ...]  # (title, fraction when ticked, or never)
    closed: float | None = None  # achieved / dropped at this fraction
    private: bool = False


GOALS: tuple[GoalSpec, ...] = tuple(
    GoalSpec(**{**g, "milestones": tuple((title, frac) for title, frac in g["milestones"])})
    for g in TEXT["goals"]
)


@dataclass(frozen=True)
class GoalWindow:
    """When a goal could come up in a session: from the session it was set to the one it closed."""

    goal_id: int
    focus_area: str
    private: bool
    first: int
    last: int | None


def goal_rows(
    tl: Timeline, rng: random.Random
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[GoalWindow]]:
    goals: list[tuple[object, ...]] = []
    milestones: list[tuple[object, ...]] = []
    windows: list[GoalWindow] = []
    early = tl.n < 6
    for spec in GOALS:
        if tl.n == 0 and (spec.opened > 0.1 or spec.status == "dropped"):
            continue  # only what the pair wrote at kick-off
        goal_id = len(goals) + 1
        status = spec.status
        ticks: list[date | None] = []
        for i, (_, frac) in enumerate(spec.milestones):
            done = frac is not None and tl.n > 0
            if early and status == "achieved" and i == len(spec.milestones) - 1:
                done = False  # too soon to have finished anything
            ticks.append(tl.day_at(frac) if done and frac is not None else None)
        if tl.n == 0:
            status = "not_started"
        elif early and status == "achieved":
            status = "in_progress"
        if status in ("achieved", "dropped") and spec.closed is not None:
            closed_on = tl.day_at(spec.closed)
            slack = 14 if status == "achieved" else 45
            target = closed_on + timedelta(days=slack)
            last = tl.index_at(spec.closed)
        else:
            target = tl.today + timedelta(weeks=spec.weeks_ahead)
            last = None
        created = tl.day_at(spec.opened)
        goals.append((
            goal_id, spec.title, spec.owner, spec.focus_area, spec.description,
            spec.success_measure, target.isoformat(), status, 0, int(spec.private), goal_id - 1,
            stamp(created, rng),
        ))
        for pos, ((title, _), tick) in enumerate(zip(spec.milestones, ticks, strict=True)):
            milestones.append((goal_id, pos, title, iso(tick)))
        first = tl.index_at(spec.opened) if tl.n else 0
        windows.append(GoalWindow(goal_id, spec.focus_area, spec.private, first, last))
    return goals, milestones, windows


# -- SWOT ----------------------------------------------------------------------------------------

# (grid, quadrant, text) as the grids stand now. Three items mean the same in both grids, written
# differently: the pair noticed they share them.
SWOT_NOW: tuple[tuple[str, str, str], ...] = tuple((g, q, t) for g, q, t in TEXT["swot_now"])


def _as_at_kickoff(now: Sequence[tuple[str, str, str]], since: dict[str, Any]
                   ) -> tuple[tuple[str, str, str], ...]:
    """The grids as they stood at kick-off: without the items added since, each moved item in
    its old quadrant, each reworded item in its old words."""
    return tuple((grid, since["moved"].get(text, quadrant), since["reworded"].get(text, text))
                 for grid, quadrant, text in now if text not in since["added_since"])


SWOT_KICKOFF = _as_at_kickoff(SWOT_NOW, TEXT["swot_at_kickoff"])


def positioned(items: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str, int]]:
    seen: dict[tuple[str, str], int] = {}
    rows = []
    for grid, quadrant, text in items:
        pos = seen.get((grid, quadrant), 0)
        seen[(grid, quadrant)] = pos + 1
        rows.append((grid, quadrant, text, pos))
    return rows


# -- skills --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillSpec:
    name: str
    owner: str
    focus_area: str
    target_level: int
    first: float  # level at kick-off
    last: float  # level by the latest session
    self_bias: float = 0.0  # how the owner's view differs from the partner's
    gap: bool = False  # latest self and partner ratings end two levels apart


SKILLS: tuple[SkillSpec, ...] = tuple(SkillSpec(**k) for k in TEXT["skills"])
NOTES: dict[str, Any] = TEXT["rating_notes"]
# Rating notes by how the level moved since the same person's last rating: up (1), same (0), down (-1).
SELF_NOTES: dict[int, list[str]] = {int(k): v for k, v in NOTES["self"].items()}
PARTNER_NOTES: dict[int, list[str]] = {int(k): v for k, v in NOTES["partner"].items()}


def _note(pool: dict[int, list[str]], level: int, previous: int, rng: random.Random) -> str:
    if rng.random() < 0.45:
        return ""
    return rng.choice(pool[(level > previous) - (level < previous)])


def _level(value: float) -> int:
    return max(1, min(5, math.floor(value + 0.5)))


def skill_rows(
    tl: Timeline, rng: random.Random
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Ratings every couple of months: the owner's own view, and from the second round the partner's."""
    skills: list[tuple[object, ...]] = []
    ratings: list[tuple[object, ...]] = []
    span = (tl.held[-1] - tl.start).days if tl.held else 0
    rounds = max(1, min(24, span // 61 + 1))
    for pos, spec in enumerate(SKILLS):
        skill_id = pos + 1
        last_self = last_partner = 0
        skills.append((skill_id, spec.name, spec.owner, spec.focus_area, spec.target_level, pos))
        for k in range(rounds):
            frac = k / (rounds - 1) if rounds > 1 else 0.0
            index = tl.index_at(frac) if tl.held else None
            day = tl.held[index] if index is not None else tl.start
            entry_id = index + 1 if index is not None and (k == 0 or rng.random() < 0.6) else None
            base = spec.first + (spec.last - spec.first) * frac
            wobble = rng.choices((-1, 0, 1), (8, 84, 8))[0] if 0 < k < rounds - 1 else 0
            self_level = _level(base + spec.self_bias + wobble)
            partner_level = _level(base + rng.choices((-0.5, 0, 0.5), (15, 70, 15))[0])
            if spec.gap and k == rounds - 1 and k > 0:
                self_level, partner_level = _level(spec.last) - 2, _level(spec.last)
                self_note, partner_note = NOTES["gap_self"], NOTES["gap_partner"]
            elif k == 0:
                self_note, partner_note = NOTES["kickoff"], ""
                partner_level = self_level  # no partner rating yet: compare the first with this
            else:
                self_note = _note(SELF_NOTES, self_level, last_self, rng)
                partner_note = _note(PARTNER_NOTES, partner_level, last_partner, rng)
                if partner_level > self_level and rng.random() < 0.4:
                    partner_note = NOTES["too_low"][spec.owner]
            ratings.append((skill_id, day.isoformat(), self_level, "self", self_note, entry_id))
            if k > 0:
                ratings.append((skill_id, day.isoformat(), partner_level, "partner", partner_note,
                                entry_id))
            last_self, last_partner = self_level, partner_level
    return skills, ratings
