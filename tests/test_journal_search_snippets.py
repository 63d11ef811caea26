"""What a journal search shows of each hit (data/, no Qt): the matched words whole, in plain text,
marked; and which entries match."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revmentor_desktop.data import journal as jr
from revmentor_desktop.data import ops
from revmentor_desktop.data.journal import HIT_END, HIT_START, make_snippet, plain_text
from revmentor_desktop.data.store import Store


def marked(word: str) -> str:
    return f"{HIT_START}{word}{HIT_END}"


# -- Markdown shows as the text a reader sees ---------------------------------------------------------


@pytest.mark.parametrize(("markdown", "plain"), [
    ("**bold** and __strong__", "bold and strong"),
    ("*it* and _it_, not snake_case or 2 * 3 * 4", "it and it, not snake_case or 2 * 3 * 4"),
    ("# Heading\n## Sub ##\n- one\n* two\n+ three\n1. four\n2) five", "Heading\nSub\none\ntwo\nthree\nfour\nfive"),
    ("> quoted\n> > twice", "quoted\ntwice"),
    ("- [ ] to do\n- [x] done", "to do\ndone"),
    ("see [the deck](https://example.com/deck.pdf) and ![a chart](chart.png)", "see the deck and a chart"),
    ("`code` and ~~struck~~ and <https://example.com>", "code and struck and https://example.com"),
    ("rule\n\n---\n\nafter", "rule\n\n\n\nafter"),
    ("\\*not emphasis\\*", "*not emphasis*"),
    ("<b>raw HTML</b> &amp; entities stay as typed", "<b>raw HTML</b> &amp; entities stay as typed"),
    ("Plain words, nothing else.", "Plain words, nothing else."),
])
def test_markdown_becomes_the_plain_text_a_reader_sees(markdown: str, plain: str) -> None:
    assert plain_text(markdown) == plain


# -- snippets -----------------------------------------------------------------------------------------


def test_a_match_inside_bold_shows_the_whole_words_without_asterisks() -> None:
    snip = make_snippet("We talked.\n\n**Data privacy** comes first, then **the data pipeline**.",
                        ["data", "p"])
    assert snip is not None
    assert "*" not in snip
    assert f"{marked('Data')} {marked('privacy')}" in snip
    assert f"{marked('data')} {marked('pipeline')}" in snip


def test_a_match_far_into_a_long_note_is_whole_and_marked() -> None:
    note = "\n".join(f"- point {i}: **nothing** to see" for i in range(200))
    note += "\n\n**Decision:** we keep the **data-protection** review monthly."
    snip = make_snippet(note, ["protec"])
    assert snip is not None
    assert marked("protection") in snip
    assert snip == f"…we keep the data-{marked('protection')} review monthly."  # four words before
    assert "*" not in snip and "\n" not in snip


def test_links_show_their_text_and_a_word_only_in_an_address_is_no_match() -> None:
    assert make_snippet("read [the guide](https://example.com/privacy)", ["guide"]) == (
        f"read the {marked('guide')}")
    assert make_snippet("read [the guide](https://example.com/privacy)", ["privacy"]) is None


def test_accents_and_case_are_folded_and_the_words_shown_as_written() -> None:
    snip = make_snippet("Die **Straße** und die Grüße; STRASSE", ["strasse", "grusse"])
    assert snip == f"Die {marked('Straße')} und die {marked('Grüße')}; {marked('STRASSE')}"


@given(st.lists(st.sampled_from(["alpha", "beta", "**gamma**", "- delta", "# eps", "[zeta](x)",
                                 "_eta_", "theta.", "\n"]), max_size=60),
       st.sampled_from(["gam", "del", "ze", "et", "the"]))
def test_every_marked_word_is_whole_and_holds_no_markup(parts: list[str], word: str) -> None:
    text = " ".join(parts)
    snip = make_snippet(text, [word])
    if snip is None:
        return
    for chunk in snip.split(HIT_START)[1:]:
        hit = chunk.split(HIT_END)[0]
        assert hit.isalnum() and hit.casefold().startswith(word)
        after = chunk.split(HIT_END)[1]
        assert not after[:1].isalnum()  # the word goes on no further than the mark


# -- which entries match --------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.create(tmp_path / "pair.revmentor",
                     {"mentor_name": "Priya", "mentee_name": "Gerald", "start_date": "2025-01-06"})
    yield s
    s.close()


def test_matching_ids_are_every_entry_with_every_word_private_ones_included(store: Store) -> None:
    shared = ops.add_entry(store, "2025-01-06", topics="Board packs", notes="**Board** presentation")
    private = ops.add_entry(store, "2025-02-03", topics="Board", notes="presenting", private=True)
    ops.add_entry(store, "2025-03-03", topics="Delegation")
    assert jr.matching_ids(store, "board pres") == {shared, private}
    assert jr.matching_ids(store, "zebra") == set()
    assert jr.matching_ids(store, " … ") is None  # no word: no search


def test_the_snippet_of_a_hit_is_plain_text_from_the_field_with_most_words(store: Store) -> None:
    entry = ops.add_entry(store, "2025-01-06", topics="Board packs",
                          notes="Notes first.\n\n**Board presentation:** keep it to **one** slide.")
    ops.add_action(store, entry, "Draft the board deck")
    snippets = jr.snippets_for(store, [entry], "board pres")
    assert snippets == {entry: f"Notes first. {marked('Board')} {marked('presentation')}: keep it to "
                               "one slide."}
    assert jr.snippets_for(store, [entry], "deck") == {entry: f"Draft the board {marked('deck')}"}
    assert jr.snippets_for(store, [entry], "nowhere") == {entry: "Board packs"}


def test_words_with_accents_are_found_in_place_and_a_fold_that_changes_lengths_is_followed() -> None:
    # "é" folds to one letter: positions found in the fold hold; "…" and "ß" fold to more.
    assert make_snippet("Hé 🙂 the résumé · done", ["resume"]) == f"Hé 🙂 the {marked('résumé')} · done"
    assert make_snippet("Wait… the Straße, then the café", ["cafe", "strasse"]) == (
        f"Wait… the {marked('Straße')}, then the {marked('café')}")
