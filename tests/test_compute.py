"""Pure computations: goal progress, how well the pair keeps its cadence, SWOT changes, skill gaps."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from revmentor_desktop.data.compute import (
    GAP_THRESHOLD,
    Momentum,
    RatingPoint,
    SwotChange,
    SwotEntry,
    compare_swot,
    goal_progress,
    is_overdue,
    latest_levels,
    momentum,
    rating_gaps,
    shared_items,
    swot_key,
)

START = date(2024, 1, 1)


def day(n: int) -> date:
    """The date `n` days after the partnership started (day 0 is the start)."""
    return START + timedelta(days=n)


# -- is_overdue --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("due", "done", "overdue"), [
    (None, False, False),  # nothing due: never overdue
    (day(9), False, True),  # due yesterday, not done
    (day(10), False, False),  # due today: not yet
    (day(11), False, False),
    (day(9), True, False),  # done (a ticked action, an achieved or dropped goal)
])
def test_overdue_means_not_done_and_due_before_today(due: date | None, done: bool, overdue: bool) -> None:
    assert is_overdue(due, done, today=day(10)) is overdue


# -- goal_progress -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("manual", "expected"), [(0, 0), (40, 40), (100, 100), (-5, 0), (150, 100)]
)
def test_goal_progress_without_milestones_is_the_manual_value_clamped(
    manual: int, expected: int
) -> None:
    assert goal_progress(manual, 0, 0) == expected


@pytest.mark.parametrize(
    ("done", "total", "expected"), [(0, 2, 0), (1, 3, 33), (2, 3, 67), (3, 3, 100), (1, 4, 25)]
)
def test_goal_progress_with_milestones_ignores_the_manual_value(
    done: int, total: int, expected: int
) -> None:
    assert goal_progress(90, done, total) == expected
    assert goal_progress(0, done, total) == expected


# -- momentum ----------------------------------------------------------------------------------------


def test_no_sessions_on_the_first_day() -> None:
    m = momentum(START, 14, [], today=START)
    assert m == Momentum(
        last_session=None,
        next_due=day(14),
        days_overdue=0,
        sessions_held=0,
        minutes_together=0,
        periods_elapsed=0,
        periods_kept=0,
    )
    assert m.share_kept is None  # no period has ended yet: not "behind"
    assert m.hours_together == 0


def test_no_sessions_for_a_month_is_overdue_and_keeps_nothing() -> None:
    m = momentum(START, 14, [], today=day(30))
    assert m.next_due == day(14)
    assert m.days_overdue == 16
    assert (m.periods_elapsed, m.periods_kept) == (2, 0)
    assert m.share_kept == 0.0


def test_overdue_starts_the_day_after_the_due_date() -> None:
    sessions = [(day(0), 60)]
    assert momentum(START, 14, sessions, today=day(14)).days_overdue == 0
    assert momentum(START, 14, sessions, today=day(15)).days_overdue == 1
    assert momentum(START, 14, sessions, today=day(20)).days_overdue == 6


def test_a_steady_pair_keeps_every_completed_period() -> None:
    sessions = [(day(3), 60), (day(20), 45)]
    m = momentum(START, 14, sessions, today=day(30))
    assert m.last_session == day(20)
    assert m.next_due == day(34)
    assert m.days_overdue == 0
    assert (m.sessions_held, m.minutes_together) == (2, 105)
    assert m.hours_together == pytest.approx(1.75)
    assert (m.periods_elapsed, m.periods_kept) == (2, 2)
    assert m.share_kept == 1.0


def test_share_kept_counts_only_completed_periods() -> None:
    # Day 16 is in period 1 (days 14–27), which has not ended on day 20.
    m = momentum(START, 14, [(day(16), 60)], today=day(20))
    assert (m.periods_elapsed, m.periods_kept) == (1, 0)
    assert m.share_kept == 0.0
    # Once period 1 ends it counts.
    m = momentum(START, 14, [(day(16), 60)], today=day(28))
    assert (m.periods_elapsed, m.periods_kept) == (2, 1)
    assert m.share_kept == 0.5
    # A session today, in the still-open period, does not count yet either.
    m = momentum(START, 7, [(day(0), 60), (day(14), 60)], today=day(14))
    assert (m.periods_elapsed, m.periods_kept) == (2, 1)


def test_two_sessions_in_one_period_keep_it_once() -> None:
    m = momentum(START, 14, [(day(1), 30), (day(5), 30), (day(9), 30)], today=day(28))
    assert (m.periods_elapsed, m.periods_kept) == (2, 1)
    assert m.share_kept == 0.5
    assert m.sessions_held == 3


def test_period_boundaries() -> None:
    # Day 13 is the last day of period 0, day 14 the first of period 1.
    m = momentum(START, 14, [(day(13), 60), (day(14), 60)], today=day(42))
    assert (m.periods_elapsed, m.periods_kept) == (3, 2)


def test_sessions_before_the_start_count_in_totals_but_keep_no_period() -> None:
    sessions = [(day(-10), 30), (day(2), 60)]
    m = momentum(START, 14, sessions, today=day(28))
    assert (m.sessions_held, m.minutes_together) == (2, 90)
    assert (m.periods_elapsed, m.periods_kept) == (2, 1)
    assert m.last_session == day(2)


def test_a_session_before_the_start_does_not_make_day_one_overdue() -> None:
    # Regression: next_due used to count from a pre-start session, so day one looked overdue.
    m = momentum(START, 14, [(day(-30), 60)], today=day(1))
    assert m.days_overdue == 0
    assert m.next_due >= day(14)


def test_future_sessions_count_in_totals_but_not_as_last_or_kept() -> None:
    sessions = [(day(2), 60), (day(40), 90)]  # the second one is only planned
    m = momentum(START, 14, sessions, today=day(30))
    assert m.last_session == day(2)
    assert m.next_due == day(16)
    assert m.days_overdue == 14
    assert (m.sessions_held, m.minutes_together) == (2, 150)
    assert (m.periods_elapsed, m.periods_kept) == (2, 1)


def test_only_future_sessions() -> None:
    m = momentum(START, 14, [(day(60), 60)], today=day(20))
    assert m.last_session is None
    assert m.next_due == day(14)
    assert m.days_overdue == 6
    assert m.periods_kept == 0


def test_today_before_the_start() -> None:
    m = momentum(START, 14, [], today=day(-5))
    assert (m.periods_elapsed, m.periods_kept, m.days_overdue) == (0, 0, 0)
    assert m.share_kept is None


@pytest.mark.parametrize("cadence", [0, -7])
def test_a_nonsense_cadence_is_treated_as_daily(cadence: int) -> None:
    m = momentum(START, cadence, [(day(0), 60), (day(2), 60)], today=day(3))
    assert m.next_due == day(3)
    assert (m.periods_elapsed, m.periods_kept) == (3, 2)


def test_session_order_does_not_matter() -> None:
    sessions = [(day(n), 30 + n) for n in (0, 3, 15, 50, 70)]  # period 2 skipped
    expected = momentum(START, 14, sessions, today=day(60))
    shuffled = sessions[:]
    random.Random(5).shuffle(shuffled)
    assert momentum(START, 14, shuffled, today=day(60)) == expected
    assert expected.last_session == day(50)
    assert (expected.periods_elapsed, expected.periods_kept) == (4, 3)


# -- SWOT comparison ---------------------------------------------------------------------------------


def test_swot_key_ignores_case_punctuation_small_words_and_order() -> None:
    assert (
        swot_key("Curiosity about new tools")
        == swot_key("new tools: curiosity")
        == ("curiosity new tools")
    )
    assert swot_key("The AI, and TOOLS!") == "ai tools"
    assert swot_key("Café culture") == "café culture"
    assert swot_key("Time management") != swot_key("Time")
    assert swot_key("The and of") == ""
    assert swot_key("?!") == ""


def test_shared_items_are_the_same_meaning_in_both_grids() -> None:
    items = [
        SwotEntry("mentor", "S", "Curious"),
        SwotEntry("mentee", "O", "curious!"),
        SwotEntry("mentee", "S", "Curious"),
        SwotEntry("mentor", "W", "Impatient"),
        SwotEntry("mentor", "T", "Impatient"),  # twice in one grid is not "shared"
        SwotEntry("mentor", "S", "The"),  # no meaningful words: never shared
        SwotEntry("mentee", "S", "the"),
    ]
    assert shared_items(items) == {0: [1, 2], 1: [0], 2: [0]}
    assert shared_items([]) == {}


def test_compare_swot_added_removed_moved_and_reworded() -> None:
    before = [
        SwotEntry("mentor", "S", "Fluent with new tools"),
        SwotEntry("mentor", "W", "Little budget experience"),
        SwotEntry("mentor", "O", "Company AI programme"),
        SwotEntry("mentee", "T", "Calendar always full"),
    ]
    now = [
        SwotEntry("mentor", "S", "new tools: fluent with"),  # reworded only: no change
        SwotEntry("mentor", "S", "Company AI programme"),  # moved O -> S
        SwotEntry("mentor", "T", "Reorganisation"),  # added
        SwotEntry("mentee", "T", "calendar, always full"),
        SwotEntry("mentee", "W", "Little budget experience"),  # same text, other grid: added
    ]
    assert compare_swot(before, now) == [
        SwotChange("mentee", "added", "Little budget experience", "W"),
        SwotChange("mentor", "moved", "Company AI programme", "S", "O"),
        SwotChange("mentor", "added", "Reorganisation", "T"),
        SwotChange("mentor", "removed", "Little budget experience", "W"),
    ]
    assert compare_swot(now, now) == []
    assert compare_swot([], []) == []


def test_compare_swot_keeps_two_items_of_the_same_meaning_in_one_grid_apart() -> None:
    # "AI" can be an opportunity and a threat at once; removing one of them is a removal.
    both = [SwotEntry("mentor", "O", "AI tools"), SwotEntry("mentor", "T", "AI tools")]
    one = [SwotEntry("mentor", "O", "AI tools")]
    assert compare_swot(both, one) == [SwotChange("mentor", "removed", "AI tools", "T")]
    assert compare_swot(one, both) == [SwotChange("mentor", "added", "AI tools", "T")]
    assert compare_swot(both, both) == []


def test_compare_swot_does_not_match_items_with_no_meaningful_words() -> None:
    before = [SwotEntry("mentor", "S", "?")]
    now = [SwotEntry("mentor", "W", "The")]
    assert compare_swot(before, now) == [
        SwotChange("mentor", "added", "The", "W"),
        SwotChange("mentor", "removed", "?", "S"),
    ]


# -- skills ------------------------------------------------------------------------------------------


def test_latest_levels_take_each_raters_latest_rating() -> None:
    points = [
        RatingPoint(1, day(40), 3, "self"),
        RatingPoint(1, day(0), 1, "self"),
        RatingPoint(1, day(10), 4, "partner"),
        RatingPoint(1, day(20), 2, "partner"),
        RatingPoint(2, day(5), 5, "self"),
    ]
    assert latest_levels(points) == {1: (3, 2), 2: (5, None)}
    assert latest_levels([]) == {}


def test_rating_gaps_are_latest_self_minus_partner_of_two_or_more() -> None:
    points = [
        RatingPoint(1, day(0), 5, "self"),
        RatingPoint(1, day(0), 2, "partner"),  # gap +3
        RatingPoint(2, day(0), 1, "self"),
        RatingPoint(2, day(1), 3, "partner"),  # gap -2: exactly the threshold
        RatingPoint(3, day(0), 3, "self"),
        RatingPoint(3, day(0), 4, "partner"),  # gap 1: not worth showing
        RatingPoint(4, day(0), 5, "self"),  # no partner rating yet
        RatingPoint(5, day(0), 5, "self"),
        RatingPoint(5, day(0), 1, "partner"),
        RatingPoint(5, day(9), 2, "self"),  # an old gap, closed since
    ]
    assert GAP_THRESHOLD == 2
    assert rating_gaps(points) == {1: 3, 2: -2}


def test_search_snippets_mark_prefix_matches_ignoring_case_and_accents() -> None:
    from revmentor_desktop.data.journal import HIT_END, HIT_START, make_snippet

    snip = make_snippet("We tried ChatGPT and the Café crème; then Copilot.", ["cafe", "cop"])
    assert snip is not None
    assert f"{HIT_START}Café{HIT_END}" in snip and f"{HIT_START}Copilot{HIT_END}" in snip
    assert make_snippet("nothing here", ["zebra"]) is None
    long = " ".join(f"w{i}" for i in range(100)) + " target " + " ".join(f"v{i}" for i in range(100))
    cut = make_snippet(long, ["targ"])
    assert cut is not None and cut.startswith("…") and cut.endswith("…") and "w96" in cut and "w95" not in cut
