"""A name set inside our own words keeps its direction to itself (report.text.isolate)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QTextLayout

from revmentor_desktop.report.text import FSI, PDF, PDI, isolate

RLO, LRO, RLE, LRE, LRI, RLI = "\u202e", "\u202d", "\u202b", "\u202a", "\u2066", "\u2067"
#: Latin and Hebrew letters, digits, spaces and every explicit directional mark.
BIDI_ALPHABET = "aZ9 \u05d0\u05d1" + RLO + LRO + RLE + LRE + PDF + LRI + RLI + FSI + PDI


def visual_x(text: str) -> list[float]:
    """Where Qt draws each character of `text` on one line, left to right."""
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    return [line.cursorToX(i)[0] for i in range(len(text) + 1)]


def reads_in_order(before: str, name: str, after: str) -> bool:
    """Are our words before and after the name drawn left to right, as written?"""
    text = before + name + after
    xs = visual_x(text)
    # The cursor before each of our characters, leaving out the one right after the name, where
    # the cursor sits on the boundary of two runs and either edge would be right.
    ours = [*range(len(before)), *range(len(text) - len(after) + 1, len(text))]
    positions = [xs[i] for i in ours]
    return positions == sorted(positions) and len(set(positions)) == len(positions)


def test_the_isolate_characters_surround_the_name() -> None:
    assert isolate("Priya Raman") == f"{FSI}Priya Raman{PDI}"
    assert isolate("") == ""


def test_an_override_left_open_in_a_name_is_closed_inside_it() -> None:
    assert isolate(f"Ace{RLO}Aliya") == f"{FSI}Ace{RLO}Aliya{PDF}{PDI}"
    assert isolate(f"{RLI}x") == f"{FSI}{RLI}x{PDI}{PDI}"
    assert isolate(f"{RLO}a{LRI}b{LRO}c{PDI}d") == f"{FSI}{RLO}a{LRI}b{LRO}c{PDI}d{PDF}{PDI}"


def test_a_closing_mark_in_a_name_cannot_close_the_isolate_early() -> None:
    # A stray PDI would end our isolate and let the override after it loose.
    assert isolate(f"a{PDI}{RLO}b") == f"{FSI}a{RLO}b{PDF}{PDI}"
    assert isolate(f"x{PDF}") == f"{FSI}x{PDI}"


def test_an_overridden_name_turned_the_words_after_it_round_before(qapp: Any) -> None:
    """What the user saw: "Aliyawa koot (rotnem) Ace" — and what they see now."""
    assert not reads_in_order("", f"Ace{RLO}Aliya", " (mentor) took away")
    assert reads_in_order("", isolate(f"Ace{RLO}Aliya"), " (mentor) took away")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(alphabet=BIDI_ALPHABET, max_size=12))
def test_no_name_turns_the_words_around_it_round(qapp: Any, name: str) -> None:
    assert reads_in_order("Partner ", isolate(name), " (mentor) took away")


def test_names_in_the_window_keep_their_direction_to_themselves(
        window: Any, qtbot: Any) -> None:
    """The Journal's "NAME (mentor) took away", the title, the Goals filter and the SWOT headings."""
    from revmentor_desktop.data import ops
    from revmentor_desktop.data.commands import Change

    name = "Ace" + RLO + "Aliya"
    ops.update_partnership(window.doc.store, mentor_name=name)
    window.doc.changed.emit(frozenset({Change.PARTNERSHIP, Change.NAMES}), None)
    wrapped = isolate(name)
    journal = window.journal_tab
    assert journal.editor.mentor_caption.text().startswith(wrapped + " (mentor)")
    assert wrapped + " ↔" in window.windowTitle()
    assert window.goals_tab.owner_filter.itemText(1) == f"Mentor — {wrapped}"
