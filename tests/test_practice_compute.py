"""The practice loop's pure rules: feedback flowing one way, check-ins due, the review date, the
getting-started list, and ground rules worded with the pair's own cadence and length."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from revmentor_desktop.data import compute, vocab
from revmentor_desktop.data.compute import FeedbackGiven

DAY = date(2026, 1, 6)


def sessions(*flows: tuple[bool, bool]) -> list[FeedbackGiven]:
    return [FeedbackGiven(DAY + timedelta(days=14 * i), m, e) for i, (m, e) in enumerate(flows)]


BOTH, MENTOR_ONLY, MENTEE_ONLY, NONE = (True, True), (True, False), (False, True), (False, False)


# -- feedback flowing one way ------------------------------------------------------------------------


def test_no_sessions_or_too_few_say_nothing() -> None:
    assert compute.one_way_feedback([]) is None
    assert compute.one_way_feedback(sessions(MENTOR_ONLY, MENTOR_ONLY, MENTOR_ONLY)) is None


def test_one_direction_only_for_four_sessions_names_the_silent_partner() -> None:
    assert compute.one_way_feedback(sessions(*[MENTOR_ONLY] * 4)) == "mentee"
    assert compute.one_way_feedback(sessions(BOTH, BOTH, MENTEE_ONLY, NONE, MENTEE_ONLY, MENTEE_ONLY)) == "mentor"


def test_balanced_or_silent_either_way_is_not_one_way() -> None:
    assert compute.one_way_feedback(sessions(MENTOR_ONLY, MENTOR_ONLY, MENTOR_ONLY, BOTH)) is None
    assert compute.one_way_feedback(sessions(MENTOR_ONLY, MENTEE_ONLY, MENTOR_ONLY, MENTOR_ONLY)) is None
    assert compute.one_way_feedback(sessions(NONE, NONE, NONE, NONE)) is None


def test_only_the_latest_window_counts_whatever_the_order_given() -> None:
    flows = sessions(MENTEE_ONLY, MENTOR_ONLY, MENTOR_ONLY, MENTOR_ONLY, MENTOR_ONLY)
    assert compute.one_way_feedback(list(reversed(flows))) == "mentee"
    assert compute.one_way_feedback(flows, window=5) is None
    assert compute.one_way_feedback(flows, window=2) == "mentee"


# -- check-ins ---------------------------------------------------------------------------------------


def test_a_check_in_is_due_after_every_n_sessions() -> None:
    assert compute.check_in_due(0, 4) is False
    assert compute.check_in_due(3, 4) is False
    assert compute.check_in_due(4, 4) is True
    assert compute.check_in_due(9, 4) is True
    assert compute.check_in_due(1, 1) is True


def test_check_in_status_counts_sessions_since_each_partners_last_check_in() -> None:
    days = [DAY + timedelta(days=14 * i) for i in range(10)]
    none_yet = compute.check_in_status([], [], 4)
    assert none_yet.due_for == () and none_yet.sessions_until_due == 4

    status = compute.check_in_status(days[:4], [], 4)
    assert status.due_for == ("mentor", "mentee") and status.sessions_since == {"mentor": 4, "mentee": 4}

    # Both checked in on the day of the 4th session (it is covered); the mentee again after the 7th.
    check_ins = [(days[3], "mentor"), (days[3], "mentee"), (days[6], "mentee")]
    status = compute.check_in_status(days[:8], check_ins, 4)
    assert status.sessions_since == {"mentor": 4, "mentee": 1}
    assert status.last_on == {"mentor": days[3], "mentee": days[6]}
    assert status.due_for == ("mentor",) and status.due and status.sessions_until_due == 0

    status = compute.check_in_status(days[:6], check_ins[:2], 4)
    assert not status.due and status.sessions_until_due == 2
    assert compute.check_in_status(days, [], 4, closed=True).due_for == ()


# -- review date ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "review"), [
    (date(2024, 1, 31), date(2024, 4, 30)),
    (date(2023, 11, 30), date(2024, 2, 29)),
    (date(2025, 11, 30), date(2026, 2, 28)),
    (date(2026, 3, 15), date(2026, 6, 15)),
    (date(2026, 10, 1), date(2027, 1, 1)),
])
def test_the_review_date_defaults_to_three_calendar_months_after_the_start(start: date,
                                                                           review: date) -> None:
    assert compute.default_review_date(start) == review


# -- getting started -----------------------------------------------------------------------------------

FULL_SWOT = {(g, q) for g in ("mentor", "mentee") for q in "SWOT"}


def test_a_new_partnership_has_nothing_ticked_and_shows_the_list() -> None:
    c = compute.checklist(clauses=0, swot=set(), goal_owners=set(), sessions=0, review_date=None)
    assert [i.key for i in c.items] == list(vocab.CHECKLIST_LABELS)
    assert not any(i.done for i in c.items) and c.shown and not c.complete


def test_each_item_ticks_itself_from_the_data() -> None:
    def done(**kw: object) -> dict[str, bool]:
        args: dict[str, object] = {"clauses": 0, "swot": set(), "goal_owners": set(), "sessions": 0,
                                   "review_date": None, **kw}
        return {i.key: i.done for i in compute.checklist(**args).items}  # type: ignore[arg-type]

    assert done(clauses=1)["ground_rules"]
    assert not done(swot=FULL_SWOT - {("mentee", "T")})["swot"]
    assert done(swot=FULL_SWOT)["swot"]
    assert not done(goal_owners={"mentor", "shared"})["goals"]
    assert done(goal_owners={"mentor", "mentee"})["goals"]
    assert done(sessions=1)["first_session"]
    assert done(review_date=DAY)["review_date"]


def test_the_list_goes_once_complete_or_dismissed() -> None:
    complete = compute.checklist(clauses=3, swot=FULL_SWOT, goal_owners={"mentor", "mentee"},
                                 sessions=1, review_date=DAY)
    assert complete.complete and not complete.shown and complete.done_count == 5
    dismissed = compute.checklist(clauses=0, swot=set(), goal_owners=set(), sessions=0,
                                  review_date=None, dismissed=True)
    assert not dismissed.shown


# -- ground rules in the pair's own words ------------------------------------------------------------


@pytest.mark.parametrize(("days", "words"), [
    (7, "every week"), (14, "every two weeks"), (10, "every 10 days"), (30, "every 30 days"),
    (1, "every day"), (21, "every three weeks"),
])
def test_cadence_wording(days: int, words: str) -> None:
    assert compute.cadence_words(days) == words


@pytest.mark.parametrize(("minutes", "words"), [
    (45, "for 45 minutes"), (60, "for an hour"), (90, "for 1 h 30 min"), (120, "for 2 hours"),
])
def test_length_wording(minutes: int, words: str) -> None:
    assert compute.length_words(minutes) == words


def cadence_rule(days: int, minutes: int) -> str:
    rules = dict(compute.ground_rule_templates(days, minutes))
    return rules["Cadence and boundaries"]


def test_the_cadence_rule_uses_the_real_cadence_and_length() -> None:
    assert cadence_rule(7, 45).startswith("We meet every week for 45 minutes, keep the slot")
    assert cadence_rule(10, 90).startswith("We meet every 10 days for 1 h 30 min, keep the slot")
    assert cadence_rule(30, 60).startswith("We meet every 30 days for an hour, keep the slot")
    assert "every two weeks" not in " ".join(t for _l, t in compute.ground_rule_templates(7, 45))


def test_the_old_ready_made_rules_are_the_templates_for_two_weeks_and_an_hour() -> None:
    assert compute.ground_rule_templates(14, 60) == vocab.READY_MADE_CLAUSES
    assert [label for label, _t in vocab.READY_MADE_CLAUSES] == [
        label for label, _t in vocab.READY_MADE_CLAUSE_TEMPLATES]
    assert all("{" not in text for _l, text in compute.ground_rule_templates(7, 45))


def test_the_same_rule_ignores_case_and_spacing_only() -> None:
    assert compute.same_rule("We  meet every week.\n", "we meet EVERY week.")
    assert not compute.same_rule("We meet every week.", "We meet every two weeks.")


def test_a_closed_partnership_is_never_overdue_and_stops_counting_periods() -> None:
    start = date(2026, 1, 6)
    held = [(start, 60), (start + timedelta(days=14), 60)]
    today = start + timedelta(days=200)
    open_ = compute.momentum(start, 14, held, today)
    assert open_.days_overdue > 0 and open_.periods_elapsed == 14
    closed = compute.momentum(start, 14, held, today, closed_on=start + timedelta(days=30))
    assert closed.days_overdue == 0
    assert (closed.periods_elapsed, closed.periods_kept) == (2, 2)
    assert compute.momentum(start, 14, held, today, closed_on=today + timedelta(days=1)) == open_


def test_the_check_in_memo_works_it_out_again_only_for_new_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = compute.check_in_status
    monkeypatch.setattr(compute, "check_in_status", lambda *a, **k: calls.append(1) or real(*a, **k))
    memo = compute.CheckInMemo()
    days = [date(2026, 1, 5) + timedelta(days=7 * n) for n in range(6)]
    first = memo.status(days, [], 4)
    assert memo.status(days, [], 4) is first and memo.status(list(days), [], 4) is first
    assert calls == [1]
    assert memo.status(days, [(date(2026, 2, 1), "mentor")], 4).due_for == ("mentee",)
    assert memo.status(days, [], 4, closed=True).due_for == ()
    assert len(calls) == 3
