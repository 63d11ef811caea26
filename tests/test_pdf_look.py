"""The PDF looks like the app: its SWOT tints are the app's, and table headers break between
words, never inside one (issue 15)."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from revmentor_desktop.report.pdf_sections import QUADRANTS, fit_header_widths
from revmentor_desktop.ui.swot.look import LOOKS


def test_the_pdfs_swot_tints_are_the_apps() -> None:
    assert {code: tint for code, _name, tint in QUADRANTS} == {q: LOOKS[q].tint for q in "SWOT"}


def test_a_narrow_column_gets_room_for_its_header_word() -> None:
    # "Progress" needs 12 % of the table; its column had 10 %: the widest column gives 2.
    assert fit_header_widths([0, 0, 110.0], [60, 30, 10], 1000, 10) == [58, 30, 12]


@given(st.lists(st.tuples(st.floats(0, 300), st.integers(1, 60)), min_size=2, max_size=8))
def test_widths_keep_their_sum_and_a_column_grows_only_to_fit_its_word(
        cols: list[tuple[float, int]]) -> None:
    longest = [w for w, _ in cols]
    widths = [p for _, p in cols]
    out = fit_header_widths(longest, widths, 1000, 10)
    assert sum(out) == sum(widths)
    assert all(o >= 0 for o in out)
    need = [math.ceil((w + 10) / 1000 * 100) if w else 0 for w in longest]
    for o, before, n in zip(out, widths, need, strict=True):
        assert o <= before or o == n  # a column grows only to what its header word needs


def test_a_passed_target_or_due_date_is_marked_overdue() -> None:
    from datetime import date

    from revmentor_desktop.report.pdf_blocks import day, due_day

    when = date(2026, 3, 3)
    assert due_day(when, False) == day(when)
    assert due_day(when, True) == f'<span class="overdue">{day(when)} (overdue)</span>'
    assert due_day(None, False) == "—"
