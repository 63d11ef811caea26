"""Checks on what the user types: the text policy, dates, numbers, choices, and readable messages."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revmentor_desktop.data import ops
from revmentor_desktop.data import validation as v
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import ValidationError
from revmentor_desktop.data.vocab import GoalStatus

# -- clean_text --------------------------------------------------------------------------------------


def test_clean_text_none_is_empty_and_non_text_is_refused() -> None:
    assert v.clean_text(None, "Notes") == ""
    for bad in (42, 3.5, b"bytes", ["list"], True):
        with pytest.raises(ValidationError) as info:
            v.clean_text(bad, "Notes")
        assert str(info.value) == "Notes must be text."


def test_clean_text_line_endings_become_newlines() -> None:
    assert v.clean_text("a\r\nb\rc\nd", "Notes") == "a\nb\nc\nd"
    assert v.clean_text("\r\n\r\n", "Notes") == "\n\n"


def test_clean_text_removes_nul_and_control_characters_but_keeps_tab_and_newline() -> None:
    assert v.clean_text("a\x00b\x01c\x08d\x0be\x0cf\x1bg\x1fh\x7fi", "Notes") == "abcdefghi"
    assert v.clean_text("col1\tcol2\nline2", "Notes") == "col1\tcol2\nline2"


def test_clean_text_replaces_lone_surrogates() -> None:
    assert v.clean_text("a\ud800b\udfffc", "Notes") == "a\ufffdb\ufffdc"
    # What comes out can always be stored as UTF-8.
    v.clean_text("x\udc80y", "Notes").encode("utf-8")


def test_clean_text_keeps_everything_else_exactly() -> None:
    text = "<b>bold</b> & 'quotes' — שלום مرحبا 👩‍💻 ＊ *markdown* \u200d zero-width  two  spaces "
    assert v.clean_text(text, "Notes") == text


def test_clean_text_required_strips_and_refuses_blank() -> None:
    assert v.clean_text("  Priya \n", "Name", required=True) == "Priya"
    assert v.clean_text("  Priya \n", "Name") == "  Priya \n"  # optional text is kept as typed
    for blank in ("", "   ", "\n\t", "\x00\x01", None):
        with pytest.raises(ValidationError) as info:
            v.clean_text(blank, "Mentor's name", required=True)
        assert str(info.value) == "Mentor's name cannot be empty."


def test_clean_text_length_cap_with_a_readable_message() -> None:
    assert v.clean_text("x" * 300, "Goal title", max_len=300) == "x" * 300
    with pytest.raises(ValidationError) as info:
        v.clean_text("x" * 301, "Goal title", max_len=300)
    assert str(info.value) == "Goal title is too long (301 characters; the limit is 300)."
    with pytest.raises(ValidationError) as info:
        v.clean_text("y" * (v.LONG_MAX + 1), "Notes", max_len=v.LONG_MAX)
    assert "(1,000,001 characters; the limit is 1,000,000)" in str(info.value)
    # Removed characters do not count; the default cap is SHORT_MAX.
    assert v.clean_text("x" * 300 + "\x00" * 50, "Goal title", max_len=300) == "x" * 300
    with pytest.raises(ValidationError, match="the limit is 2,000"):
        v.clean_text("z" * 2001, "Topics")


# Any character at all, with the troublesome ones made likely.
AWKWARD = st.sampled_from(
    [
        "\x00",
        "\r\n",
        "\r",
        "\n",
        "\t",
        "\x7f",
        "\x1b",
        "\ud800",
        "\udfff",
        "\u2028",
        "\x85",
        " ",
        "\u200f",
        "🙂",
    ]
)
ANY_TEXT = st.lists(
    st.one_of(
        st.characters(codec=None, exclude_categories=()),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"]),
        AWKWARD,
    ),
    max_size=40,
).map("".join)
# C0 controls except tab and newline (CR is turned into a newline first), DEL, and the C1 controls.
POLICY_CONTROLS = {
    chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
}


@settings(max_examples=50, deadline=None)
@given(ANY_TEXT)
def test_clean_text_policy_holds_for_any_text(raw: str) -> None:
    out = v.clean_text(raw, "Notes")
    assert "\r" not in out
    assert not POLICY_CONTROLS & set(out)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in out)
    out.encode("utf-8")  # storable
    assert v.clean_text(out, "Notes") == out  # cleaning twice changes nothing
    # Nothing else is touched: every other character survives, in order.
    kept = [c for c in raw.replace("\r\n", "\n").replace("\r", "\n") if c not in POLICY_CONTROLS]
    assert out == "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in kept)


def test_clean_text_removes_c1_control_characters_too() -> None:
    # Regression: U+0080–U+009F (NEL, CSI, ...) used to slip through.
    c1 = "".join(chr(c) for c in range(0x80, 0xA0))
    out = v.clean_text(f"a{c1}b\u00a0c", "Notes")
    assert out == "ab\u00a0c"  # NO-BREAK SPACE, just past the C1 block, is kept
    every_cc = "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cc")
    assert v.clean_text(every_cc, "Notes") == "\t\n\n"  # tab, newline, and CR as a newline


# -- check_date --------------------------------------------------------------------------------------


def test_check_date_accepts_dates_strings_and_datetimes() -> None:
    assert v.check_date("2024-02-29", "Date") == date(2024, 2, 29)
    assert v.check_date(" 2024-01-08\n", "Date") == date(2024, 1, 8)
    assert v.check_date(date(2024, 1, 8), "Date") == date(2024, 1, 8)
    out = v.check_date(datetime(2024, 1, 8, 23, 59), "Date")
    assert out == date(2024, 1, 8)
    assert type(out) is date  # a datetime would be stored with a time part
    assert v.check_date(None, "Date") is None
    assert v.check_date("", "Date") is None


@pytest.mark.parametrize(
    "text",
    [
        "2024-02-30",
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "2024-04-31",
        "31/01/2024",
        "next Tuesday",
        "2024-1-5",
        "   ",
    ],
)
def test_check_date_refuses_impossible_or_unreadable_dates(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        v.check_date(text, "Target date")
    assert str(info.value) == f"Target date “{text}” is not a real date (use YYYY-MM-DD)."


@pytest.mark.parametrize(
    "value", ["1899-12-31", "2201-01-01", "0001-01-01", "9999-12-31", date(1066, 10, 14)]
)
def test_check_date_refuses_years_out_of_range(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        v.check_date(value, "Session date")
    assert str(info.value) == "Session date must fall between 1900 and 2200."


def test_check_date_year_bounds_are_inclusive() -> None:
    assert v.check_date("1900-01-01", "Date") == date(1900, 1, 1)
    assert v.check_date("2200-12-31", "Date") == date(2200, 12, 31)


def test_check_date_required_and_wrong_types() -> None:
    for empty in (None, ""):
        with pytest.raises(ValidationError) as info:
            v.check_date(empty, "Start date", required=True)
        assert str(info.value) == "Start date is required."
    for bad in (20240108, 2024.0, ["2024-01-08"], True):
        with pytest.raises(ValidationError) as info:
            v.check_date(bad, "Start date")
        assert str(info.value) == "Start date must be a date."


# -- check_int ---------------------------------------------------------------------------------------


def test_check_int_accepts_whole_numbers_in_range_inclusive() -> None:
    assert v.check_int(1, "Rating", 1, 5) == 1
    assert v.check_int(5, "Rating", 1, 5) == 5
    assert v.check_int(None, "Rating", 1, 5, optional=True) is None


@pytest.mark.parametrize("value", [True, False, 3.0, "3", None, [3]])
def test_check_int_refuses_non_integers_including_bool(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        v.check_int(value, "Rating", 1, 5)
    assert str(info.value) == "Rating must be a whole number from 1 to 5."


@pytest.mark.parametrize("value", [0, 6, -1, 10**20])
def test_check_int_refuses_out_of_range_and_says_what_it_got(value: int) -> None:
    with pytest.raises(ValidationError) as info:
        v.check_int(value, "Rating", 1, 5)
    assert str(info.value) == f"Rating must be from 1 to 5 (got {value})."


def test_optional_int_still_refuses_bool() -> None:
    with pytest.raises(ValidationError):
        v.check_int(False, "Rating", 0, 5, optional=True)


# -- check_choice and check_bool ---------------------------------------------------------------------


def test_check_choice() -> None:
    choices = list(GoalStatus)
    assert v.check_choice("achieved", "Status", choices) == "achieved"
    assert v.check_choice(GoalStatus.DROPPED, "Status", choices) == "dropped"
    for bad in ("Achieved", "done", "", None, 1):
        with pytest.raises(ValidationError) as info:
            v.check_choice(bad, "Status", choices)
        assert (
            str(info.value) == "Status must be one of: not_started, in_progress, achieved, dropped."
        )


def test_check_bool_accepts_only_real_booleans() -> None:
    assert v.check_bool(True, "Private") is True
    assert v.check_bool(False, "Private") is False
    for bad in (0, 1, "yes", "false", None):
        with pytest.raises(ValidationError) as info:
            v.check_bool(bad, "Private")
        assert str(info.value) == "Private must be yes or no."


# -- the factories -----------------------------------------------------------------------------------


def test_factories_apply_their_label_and_limits() -> None:
    title = v.text("Goal title", required=True, max_len=5)
    assert title(" abc ") == "abc"
    with pytest.raises(ValidationError, match=r"^Goal title cannot be empty\.$"):
        title(" ")
    with pytest.raises(ValidationError, match="Goal title is too long"):
        title("abcdef")
    assert v.text("Notes")("a\r\nb") == "a\nb"

    when = v.a_date("Due date")
    assert when("2024-03-01") == date(2024, 3, 1)
    assert when(None) is None
    with pytest.raises(ValidationError, match=r"^Held on is required\.$"):
        v.a_date("Held on", required=True)(None)

    level = v.integer("Level", 1, 5)
    assert level(3) == 3
    with pytest.raises(ValidationError, match=r"^Level must be from 1 to 5 \(got 9\).$"):
        level(9)
    assert v.integer("Rating", 1, 5, optional=True)(None) is None

    owner = v.choice("Owner", ["mentor", "mentee"])
    assert owner("mentee") == "mentee"
    with pytest.raises(ValidationError, match=r"^Owner must be one of: mentor, mentee\.$"):
        owner("both")

    assert v.flag("Private")(True) is True
    with pytest.raises(ValidationError, match=r"^Private must be yes or no\.$"):
        v.flag("Private")("no")


def test_choice_factory_freezes_its_choices() -> None:
    allowed = ["a", "b"]
    pick = v.choice("Pick", allowed)
    allowed.append("c")
    with pytest.raises(ValidationError):
        pick("c")


# -- what is stored is what clean_text says ----------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("hypo") / "pair.revmentor"
    s = Store.create(
        path, {"mentor_name": "Priya", "mentee_name": "Gerald", "start_date": "2024-01-08"}
    )
    yield s
    s.close()


@settings(max_examples=50, deadline=None)
@given(title=ANY_TEXT, description=ANY_TEXT)
def test_goal_text_round_trips_as_cleaned(store: Store, title: str, description: str) -> None:
    try:
        expected_title = v.clean_text(title, "Goal title", required=True, max_len=v.TITLE_MAX)
    except ValidationError:
        with pytest.raises(ValidationError):
            ops.add_goal(store, title, description=description)
        return
    goal_id = ops.add_goal(store, title, description=description)
    goal = ops.get_goal(store, goal_id)
    assert goal.title == expected_title
    assert goal.description == v.clean_text(description, "Description", max_len=v.LONG_MAX)


@settings(max_examples=50, deadline=None)
@given(notes=ANY_TEXT, action=ANY_TEXT)
def test_journal_text_round_trips_as_cleaned(store: Store, notes: str, action: str) -> None:
    entry_id = ops.add_entry(store, "2024-02-01", notes=notes, topics=notes)
    entry = ops.get_entry(store, entry_id)
    assert entry.notes == v.clean_text(notes, "Notes", max_len=v.LONG_MAX)
    assert entry.topics == entry.notes
    if v.clean_text(action, "Action item").strip():
        action_id = ops.add_action(store, entry_id, action)
        assert [a.text for a in ops.list_actions(store, entry_id)] == [
            v.clean_text(action, "Action item", required=True)
        ]
        ops.update_entry(store, entry_id, notes=action)  # re-indexing any text works too
        ops.delete_action(store, action_id)
    ops.delete_entry(store, entry_id)


@pytest.mark.parametrize("text", ["20240108", "2024-W02-1", "2024-1-8", "08/01/2024"])
def test_dates_as_text_must_be_year_month_day(text: str) -> None:
    with pytest.raises(v.ValidationError, match="YYYY-MM-DD"):
        v.check_date(text, "Target date")
    assert v.check_date(" 2024-01-08 ", "Target date") == date(2024, 1, 8)
