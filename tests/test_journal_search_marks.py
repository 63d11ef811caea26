"""How the entry list splits a search snippet into plain text and hits (a pure function, no display)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from revmentor_desktop.data.journal import HIT_END, HIT_START
from revmentor_desktop.ui.journal.search_marks import hit_segments


def test_hits_are_marked_and_their_markers_dropped() -> None:
    text = f"before {HIT_START}board{HIT_END} and {HIT_START}pres{HIT_END}entations"
    assert hit_segments(text) == [(False, "before "), (True, "board"), (False, " and "),
                                  (True, "pres"), (False, "entations")]


def test_text_without_hits_is_one_plain_part() -> None:
    assert hit_segments("no hits here") == [(False, "no hits here")]
    assert hit_segments("") == []


# One line: the delegate joins a snippet's lines before it splits them.
words = st.text(alphabet=st.characters(blacklist_characters=HIT_START + HIT_END + "\n"), min_size=1)


@given(st.lists(st.tuples(st.booleans(), words)))
def test_the_parts_put_back_together_are_the_text_without_markers(parts: list[tuple[bool, str]]) -> None:
    text = "".join(f"{HIT_START}{p}{HIT_END}" if hit else p for hit, p in parts)
    segments = hit_segments(text)
    assert "".join(p for _hit, p in segments) == "".join(p for _hit, p in parts)
    assert all(p for _hit, p in segments)
    assert {p for hit, p in segments if hit} == {p for hit, p in parts if hit}
