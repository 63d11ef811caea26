"""How the entry list paints a search snippet: split into plain text and hits, fitted to its cell
(pure functions, measured without fonts), in the palette's colours."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette

from revmentor_desktop.data.journal import HIT_END, HIT_START
from revmentor_desktop.ui.journal.search_marks import fit_snippet, hit_colours, hit_segments


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


# -- fitting a snippet into its cell: whole words, the first hit always whole ------------------------
# Measured in characters (a hit counts one more per character, as bold is wider): no fonts involved.


def chars(hit: bool, text: str) -> int:
    return len(text) * (2 if hit else 1)


def shown(pieces: list[tuple[bool, str]]) -> str:
    return "".join(f"[{p}]" if hit else p for hit, p in pieces)


LONG = [(False, "…w96 w97 w98 w99 "), (True, "data"), (False, " "), (True, "privacy"),
        (False, " v0 v1 v2 v3 v4 v5 v6 v7 v8 v9 v10 v11…")]


def test_a_snippet_that_fits_is_shown_as_it_is() -> None:
    assert fit_snippet(LONG, 1000, chars) == LONG


def test_words_before_the_hit_go_first_and_the_hit_stays_whole() -> None:
    # At most a third of the width before the first hit; then as many whole words as fit.
    assert shown(fit_snippet(LONG, 40, chars)) == "…w97 w98 w99 [data] [privacy] v0…"
    assert shown(fit_snippet(LONG, 24, chars)) == "…w99 [data]…"
    assert shown(fit_snippet(LONG, 12, chars)) == "…[data]…"


def test_a_hit_wider_than_the_cell_is_all_that_is_shown() -> None:
    assert fit_snippet(LONG, 5, chars) == [(True, "data")]  # the painter elides it: nothing else fits


@given(st.integers(min_value=0, max_value=120), st.integers(min_value=0, max_value=12),
       st.integers(min_value=0, max_value=12))
def test_the_first_hit_is_never_cut_and_nothing_is_wider_than_the_cell(
        width: int, before: int, after: int) -> None:
    pieces = [(False, " ".join(f"b{i}" for i in range(before)) + " "), (True, "target"),
              (False, " " + " ".join(f"a{i}" for i in range(after)))]
    fitted = fit_snippet(pieces, width, chars)
    hits = [p for hit, p in fitted if hit]
    assert hits[:1] == ["target"]
    if chars(True, "target") <= width:
        assert sum(chars(hit, p) for hit, p in fitted) <= width
    words = " ".join(p for _hit, p in fitted).replace("…", " ").split()
    assert set(words) <= {w for _hit, p in pieces for w in p.split()}  # whole words only


# -- colours: the palette's, so a dark theme marks hits as well as a light one -----------------------


def palette(base: str, text: str, highlight: str, highlighted_text: str) -> QPalette:
    p = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, base),
                         (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Highlight, highlight),
                         (QPalette.ColorRole.HighlightedText, highlighted_text)):
        p.setColor(role, QColor(colour))
    return p


def test_hits_are_a_tint_of_the_highlight_over_the_row_in_its_own_text_colour() -> None:
    light = palette("#ffffff", "#000000", "#3060c0", "#ffffff")
    dark = palette("#202020", "#f0f0f0", "#3060c0", "#ffffff")
    for p in (light, dark):
        back, text = hit_colours(p)
        assert text == p.color(QPalette.ColorRole.Text)
        assert back not in (p.color(QPalette.ColorRole.Base), p.color(QPalette.ColorRole.Highlight))
        assert back.blue() > back.red()  # the highlight's hue shows through
    assert hit_colours(light)[0].lightness() > 128 > hit_colours(dark)[0].lightness()


def test_on_a_selected_row_hits_take_the_selection_colours_the_other_way_round() -> None:
    p = palette("#ffffff", "#000000", "#3060c0", "#ffffff")
    assert hit_colours(p, selected=True) == (QColor("#ffffff"), QColor("#3060c0"))
