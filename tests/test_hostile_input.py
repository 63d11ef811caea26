"""Hostile input, end to end: whatever text, dates or numbers arrive, the file keeps exactly what the
documented policy says (or refuses with a sentence naming the field, losing nothing), the screen shows
markup as the characters typed, and the PDF prints them literally.

The policy (data/validation.py): line endings become "\\n"; NUL and other control characters except
tab and newline are removed; lone surrogates become U+FFFD; required fields are trimmed and may not
end up empty; each field has a length limit. Everything else — markup, entities, right-to-left text,
emoji — is kept exactly as typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from revmentor_desktop.data import commands, ops, reads
from revmentor_desktop.data import journal as jr
from revmentor_desktop.data import validation as v
from revmentor_desktop.data.commands import Change
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import ValidationError, clean_text
from revmentor_desktop.report import summary as sm
from revmentor_desktop.report.pdf import write_pdf

# -- what hostile text looks like --------------------------------------------------------------------

FRAGMENTS = [
    "<b>x</b>", "&amp;", "&lt;i&gt;", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>",
    "]]>", "<!--", "\u202e", "\u200f", "\u200d", "مرحبا بالعالم", "שלום", "你好，世界", "こんにちは",
    "🚀", "👩🏽‍💻", "🏳️‍🌈", "e\u0301", "\x00", "\ud800", "\udfff", "\ud83d", "\r\n", "\r", "\n", "\t",
    "\x1b[31m", "\x7f", "\x85", "\x9f", "\u2028", "\u2029", "\ufeff", "\ufffd", "' OR 1=1 --",
    '"); DROP TABLE goal; --', "%s%n", "{0}", "\\", "   ", "Ω", "ß", "İ",
]

#: Any code point at all, surrogates and control characters included.
ANY_CHARACTER = st.characters(codec=None, exclude_categories=())

HOSTILE_TEXT = st.one_of(
    st.text(alphabet=ANY_CHARACTER, max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=ANY_CHARACTER, max_size=4)),
             max_size=14).map("".join),
)

#: 1 MiB of markup, mixed scripts and emoji: longer than any field takes once cleaned.
ONE_MEGABYTE = ("<b>x</b> &amp; 🚀 مرحبا 你好 \u202eabc " * 40_000)[: 1 << 20]


def documented_policy(value: str, *, required: bool) -> str:
    """The text policy, written out independently of validation.clean_text."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch) != "Cc")
    text = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text.strip() if required else text


def assert_storable(text: str) -> None:
    """What the file holds is plain, valid UTF-8 with no characters the policy removes."""
    text.encode("utf-8")  # no lone surrogates
    assert "\r" not in text
    assert all(ch in "\t\n" or unicodedata.category(ch) != "Cc" for ch in text)


# -- every text field of every table ----------------------------------------------------------------


def _replaced(_old: Any, clean: str) -> Any:
    return clean


@dataclass(frozen=True)
class TextField:
    """One text field: how to write it, and what the file holds afterwards."""

    id: str
    label: str
    required: bool
    max_len: int
    write: Callable[[Store, dict[str, int], str], Any]
    state: Callable[[Store, dict[str, int]], Any]
    #: the state after a successful write of `clean`, given the state before
    after: Callable[[Any, str], Any] = _replaced


def _partnership(field: str) -> tuple[Callable[..., Any], Callable[..., Any]]:
    return (lambda s, ids, val: ops.update_partnership(s, **{field: val}),
            lambda s, ids: getattr(reads.get_partnership(s), field))


def _row(update: Callable[..., Any], get: Callable[[Store, int], Any], key: str,
         field: str) -> tuple[Callable[..., Any], Callable[..., Any]]:
    return (lambda s, ids, val: update(s, ids[key], **{field: val}),
            lambda s, ids: getattr(get(s, ids[key]), field))


def _get_milestone(s: Store, mid: int) -> Any:
    return next(m for g in ops.list_goals(s) for m in ops.list_milestones(s, g.id) if m.id == mid)


def _get_action(s: Store, aid: int) -> Any:
    return next(a for e in ops.list_entries(s) for a in ops.list_actions(s, e.id) if a.id == aid)


def _get_swot(s: Store, sid: int) -> Any:
    return next(i for i in ops.list_swot_items(s) if i.id == sid)


def _get_skill(s: Store, kid: int) -> Any:
    return next(k for k in ops.list_skills(s) if k.id == kid)


def _get_rating(s: Store, rid: int) -> Any:
    return next(r for r in ops.list_ratings(s) if r.id == rid)


def _get_clause(s: Store, cid: int) -> Any:
    return next(c for c in reads.list_clauses(s) if c.id == cid)


def _appended(old: list[str], clean: str) -> list[str]:
    return [*old, clean]


TEXT_FIELDS: list[TextField] = [
    TextField("partnership.mentor_name", "Mentor's name", True, v.NAME_MAX, *_partnership("mentor_name")),
    TextField("partnership.mentee_name", "Mentee's name", True, v.NAME_MAX, *_partnership("mentee_name")),
    TextField("partnership.organisation", "Organisation", False, v.NAME_MAX * 2,
              *_partnership("organisation")),
    TextField("focus_area", "Focus area", True, v.NAME_MAX,
              lambda s, ids, val: ops.set_focus_areas(s, [val]),
              lambda s, ids: reads.list_focus_areas(s),
              lambda _old, clean: [clean]),
    TextField("clause.add", "Agreement clause", True, v.SHORT_MAX,
              lambda s, ids, val: ops.add_clause(s, val),
              lambda s, ids: [c.text for c in reads.list_clauses(s)], _appended),
    TextField("clause.update", "Agreement clause", True, v.SHORT_MAX,
              lambda s, ids, val: ops.update_clause(s, ids["clause"], val),
              lambda s, ids: _get_clause(s, ids["clause"]).text),
    TextField("goal.add", "Goal title", True, v.TITLE_MAX,
              lambda s, ids, val: ops.add_goal(s, val),
              lambda s, ids: [g.title for g in ops.list_goals(s)], _appended),
    TextField("goal.title", "Goal title", True, v.TITLE_MAX,
              *_row(ops.update_goal, ops.get_goal, "goal", "title")),
    TextField("goal.description", "Description", False, v.LONG_MAX,
              *_row(ops.update_goal, ops.get_goal, "goal", "description")),
    TextField("goal.success_measure", "Success measure", False, v.SHORT_MAX,
              *_row(ops.update_goal, ops.get_goal, "goal", "success_measure")),
    TextField("goal.focus_area", "Focus area", False, v.NAME_MAX,
              *_row(ops.update_goal, ops.get_goal, "goal", "focus_area")),
    TextField("milestone.title", "Milestone", True, v.TITLE_MAX,
              *_row(ops.update_milestone, _get_milestone, "milestone", "title")),
    TextField("entry.topics", "Topics", False, v.SHORT_MAX,
              *_row(ops.update_entry, ops.get_entry, "entry", "topics")),
    *[
        TextField(f"entry.{field}", label, False, v.LONG_MAX,
                  *_row(ops.update_entry, ops.get_entry, "entry", field))
        for field, label in (
            ("agenda", "Agenda"), ("notes", "Notes"),
            ("mentor_takeaway", "What the mentor took away"),
            ("mentee_takeaway", "What the mentee took away"),
            ("feedback_good", "Feedback that went well"),
            ("feedback_improve", "Feedback to improve"),
        )
    ],
    TextField("action.add", "Action item", True, v.SHORT_MAX,
              lambda s, ids, val: ops.add_action(s, ids["entry"], val),
              lambda s, ids: [a.text for a in ops.list_actions(s, ids["entry"])], _appended),
    TextField("action.text", "Action item", True, v.SHORT_MAX,
              *_row(ops.update_action, _get_action, "action", "text")),
    TextField("swot.add", "SWOT item", True, v.SHORT_MAX,
              lambda s, ids, val: ops.add_swot_item(s, "mentee", "O", val),
              lambda s, ids: [i.text for i in ops.list_swot_items(s)
                              if (i.grid, i.quadrant) == ("mentee", "O")], _appended),
    TextField("swot.text", "SWOT item", True, v.SHORT_MAX,
              lambda s, ids, val: ops.update_swot_item(s, ids["swot"], val),
              lambda s, ids: _get_swot(s, ids["swot"]).text),
    TextField("snapshot.label", "Snapshot label", True, v.NAME_MAX * 2,
              lambda s, ids, val: ops.save_snapshot(s, val, date(2026, 3, 1)),
              lambda s, ids: [n.label for n in ops.list_snapshots(s)], _appended),
    TextField("skill.add", "Skill name", True, v.NAME_MAX * 2,
              lambda s, ids, val: ops.add_skill(s, val, "mentee"),
              lambda s, ids: [k.name for k in ops.list_skills(s) if k.owner == "mentee"], _appended),
    TextField("skill.name", "Skill name", True, v.NAME_MAX * 2,
              *_row(ops.update_skill, _get_skill, "skill", "name")),
    TextField("skill.focus_area", "Focus area", False, v.NAME_MAX,
              *_row(ops.update_skill, _get_skill, "skill", "focus_area")),
    TextField("rating.note", "Note", False, v.SHORT_MAX,
              *_row(ops.update_rating, _get_rating, "rating", "note")),
]


def fill(store: Store) -> dict[str, int]:
    """One row of every kind, with ordinary text, so every field has something to lose."""
    ids: dict[str, int] = {}
    ids["clause"] = ops.add_clause(store, "What we say stays between us.")
    ids["goal"] = ops.add_goal(store, "Post weekly", description="On LinkedIn", success_measure="12 posts",
                               focus_area="Social media")
    ids["milestone"] = ops.add_milestone(store, ids["goal"], "First post")
    ids["entry"] = ops.add_entry(store, date(2026, 2, 3), topics="Prompting", agenda="Tools",
                                 notes="Notes", mentor_takeaway="Listen", mentee_takeaway="Ask",
                                 feedback_good="Clear", feedback_improve="Late")
    ids["action"] = ops.add_action(store, ids["entry"], "Send the slides")
    ids["swot"] = ops.add_swot_item(store, "mentor", "S", "Curious")
    ids["skill"] = ops.add_skill(store, "Prompt writing", "mentor", focus_area="Tech")
    ids["rating"] = ops.add_rating(store, ids["skill"], date(2026, 2, 3), 2, note="Started")
    return ids


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[tuple[Store, dict[str, int]]]:
    store = Store.create(tmp_path / "hostile.revmentor",
                         {"mentor_name": "Dana Lee", "mentee_name": "Morgan Hale",
                          "start_date": date(2026, 1, 5), "organisation": "Acme"},
                         focus_areas=["Technology adoption"])
    try:
        yield store, fill(store)
    finally:
        store.close()


def check_text_field(store: Store, ids: dict[str, int], field: TextField, value: str) -> None:
    before = field.state(store, ids)
    policy = documented_policy(value, required=field.required)
    try:
        expected = clean_text(value, field.label, required=field.required, max_len=field.max_len)
    except ValidationError as exc:
        expected_error: ValidationError | None = exc
    else:
        expected_error = None
        assert expected == policy, "clean_text must do what the documented policy says"

    if expected_error is None:
        field.write(store, ids, value)
        after = field.state(store, ids)
        assert after == field.after(before, policy)
        assert_storable(after[-1] if isinstance(after, list) else after)
        return

    # Refused: a readable sentence naming the field, and nothing already saved is lost.
    if field.required and not policy:
        assert "cannot be empty" in str(expected_error)
    else:
        assert len(policy) > field.max_len and "too long" in str(expected_error)
    with pytest.raises(ValidationError) as info:
        field.write(store, ids, value)
    message = str(info.value)
    assert field.label in message and message.endswith(".")
    assert "Traceback" not in message and len(message) < 200
    assert field.state(store, ids) == before


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=[f.id for f in TEXT_FIELDS])
@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(value=HOSTILE_TEXT)
@example(value="<b>bold</b> <img src=x> &amp; <script>alert(1)</script>")
@example(value="\u202eمرحبا 你好 👩🏽‍💻 e\u0301 \ufeff")
@example(value="a\x00b\ud800c\r\nd\re\x1bf\x85")
@example(value=" \t\x00\r\n \u3000")
@example(value=ONE_MEGABYTE)
def test_any_text_is_stored_by_the_policy_or_refused_losing_nothing(
        filled: tuple[Store, dict[str, int]], field: TextField, value: str) -> None:
    store, ids = filled
    check_text_field(store, ids, field, value)


@pytest.mark.parametrize("field", [f for f in TEXT_FIELDS if f.max_len == v.LONG_MAX],
                         ids=[f.id for f in TEXT_FIELDS if f.max_len == v.LONG_MAX])
def test_long_fields_take_exactly_their_limit(filled: tuple[Store, dict[str, int]],
                                              field: TextField) -> None:
    store, ids = filled
    chunk = "<b>x</b> &amp; 🚀 مرحبا 你好\n"
    at_limit = (chunk * (v.LONG_MAX // len(chunk) + 1))[: v.LONG_MAX]
    field.write(store, ids, at_limit)
    assert field.state(store, ids) == at_limit
    with pytest.raises(ValidationError, match="too long"):
        field.write(store, ids, at_limit + "!")
    assert field.state(store, ids) == at_limit
    # Removed characters do not count against the limit: the limit is on what is kept.
    field.write(store, ids, at_limit + "\x00\x00")
    assert field.state(store, ids) == at_limit


def test_wrong_types_for_text_are_refused(filled: tuple[Store, dict[str, int]]) -> None:
    store, ids = filled
    for bad in (42, 4.2, b"bytes", ["list"], True):
        with pytest.raises(ValidationError, match="Goal title must be text"):
            ops.update_goal(store, ids["goal"], title=bad)
        with pytest.raises(ValidationError, match="Notes must be text"):
            ops.update_entry(store, ids["entry"], notes=bad)
    with pytest.raises(ValidationError, match="Goal title cannot be empty"):
        ops.update_goal(store, ids["goal"], title=None)
    assert ops.get_goal(store, ids["goal"]).title == "Post weekly"
    assert ops.get_entry(store, ids["entry"]).notes == "Notes"


# -- dates, numbers, flags and choices ----------------------------------------------------------------


@dataclass(frozen=True)
class ValueField:
    id: str
    label: str
    write: Callable[[Store, dict[str, int], Any], Any]
    state: Callable[[Store, dict[str, int]], Any]


def _value_field(id_: str, label: str, update: Callable[..., Any], get: Callable[[Store, int], Any],
                 key: str, field: str) -> ValueField:
    write, state = _row(update, get, key, field)
    return ValueField(id_, label, write, state)


DATE_FIELDS: list[tuple[ValueField, bool]] = [
    (ValueField("partnership.start_date", "Start date", *_partnership("start_date")), True),
    (ValueField("partnership.review_date", "Review date", *_partnership("review_date")), False),
    (_value_field("goal.target_date", "Target date", ops.update_goal, ops.get_goal, "goal",
                  "target_date"), False),
    (_value_field("milestone.done_on", "Done date", ops.update_milestone, _get_milestone, "milestone",
                  "done_on"), False),
    (_value_field("entry.held_on", "Session date", ops.update_entry, ops.get_entry, "entry",
                  "held_on"), True),
    (ValueField("entry.add", "Session date", lambda s, ids, val: ops.add_entry(s, val),
                lambda s, ids: [e.id for e in ops.list_entries(s)]), True),
    (_value_field("action.due_on", "Due date", ops.update_action, _get_action, "action", "due_on"),
     False),
    (_value_field("action.done_on", "Done date", ops.update_action, _get_action, "action", "done_on"),
     False),
    (ValueField("snapshot.taken_on", "Snapshot date",
                lambda s, ids, val: ops.save_snapshot(s, "Kick-off", val),
                lambda s, ids: [n.id for n in ops.list_snapshots(s)]), True),
    (_value_field("rating.rated_on", "Rating date", ops.update_rating, _get_rating, "rating",
                  "rated_on"), True),
    (ValueField("rating.add", "Rating date",
                lambda s, ids, val: ops.add_rating(s, ids["skill"], val, 3),
                lambda s, ids: [r.id for r in ops.list_ratings(s)]), True),
]

IMPOSSIBLE_DATES: list[tuple[Any, str]] = [
    ("2024-02-30", "not a real date"),
    ("2023-02-29", "not a real date"),
    ("2024-13-01", "not a real date"),
    ("2024-00-10", "not a real date"),
    ("10000-01-01", "not a real date"),
    ("30/01/2024", "not a real date"),
    ("tomorrow", "not a real date"),
    ("2024-01-01<script>", "not a real date"),
    ("2024-01-01\x00", "not a real date"),
    ("1899-12-31", "between"),
    (date(9999, 12, 31), "between"),
    (date(1, 1, 1), "between"),
    (20240101, "must be a date"),
    (True, "must be a date"),
    (1.5, "must be a date"),
]


@pytest.mark.parametrize(("field", "required"), DATE_FIELDS, ids=[f.id for f, _ in DATE_FIELDS])
def test_impossible_dates_are_refused_naming_the_field(
        filled: tuple[Store, dict[str, int]], field: ValueField, required: bool) -> None:
    store, ids = filled
    before = field.state(store, ids)
    cases = [*IMPOSSIBLE_DATES, *([(None, "is required"), ("", "is required")] if required else [])]
    for bad, words in cases:
        with pytest.raises(ValidationError) as info:
            field.write(store, ids, bad)
        message = str(info.value)
        assert field.label in message and words in message, (bad, message)
        assert field.state(store, ids) == before, bad


def test_a_real_leap_day_and_the_edges_of_the_range_are_accepted(
        filled: tuple[Store, dict[str, int]]) -> None:
    store, ids = filled
    for day in ("2024-02-29", " 2024-02-29 ", date(1900, 1, 1), date(2200, 12, 31)):
        ops.update_goal(store, ids["goal"], target_date=day)
        expected = date(2024, 2, 29) if isinstance(day, str) else day
        assert ops.get_goal(store, ids["goal"]).target_date == expected


INT_FIELDS: list[tuple[ValueField, int, int, bool]] = [
    (ValueField("partnership.cadence_days", "Meeting cadence (days)", *_partnership("cadence_days")),
     1, 365, False),
    (ValueField("partnership.duration_minutes", "Usual duration (minutes)",
                *_partnership("duration_minutes")), 5, 600, False),
    (_value_field("goal.manual_progress", "Progress", ops.update_goal, ops.get_goal, "goal",
                  "manual_progress"), 0, 100, False),
    (_value_field("entry.duration_minutes", "Duration (minutes)", ops.update_entry, ops.get_entry,
                  "entry", "duration_minutes"), 0, 1440, False),
    (_value_field("entry.rating", "Usefulness rating", ops.update_entry, ops.get_entry, "entry",
                  "rating"), 1, 5, True),
    (_value_field("skill.target_level", "Target level", ops.update_skill, _get_skill, "skill",
                  "target_level"), 1, 5, False),
    (_value_field("rating.level", "Level", ops.update_rating, _get_rating, "rating", "level"),
     1, 5, False),
    (ValueField("rating.add_level", "Level",
                lambda s, ids, val: ops.add_rating(s, ids["skill"], date(2026, 3, 1), val),
                lambda s, ids: [r.id for r in ops.list_ratings(s)]), 1, 5, False),
]


@pytest.mark.parametrize(("field", "lo", "hi", "optional"), INT_FIELDS,
                         ids=[f[0].id for f in INT_FIELDS])
def test_out_of_range_and_wrong_type_numbers_are_refused_naming_the_field(
        filled: tuple[Store, dict[str, int]], field: ValueField, lo: int, hi: int,
        optional: bool) -> None:
    store, ids = filled
    before = field.state(store, ids)
    bad_values: list[Any] = [lo - 1, hi + 1, -(10**30), 10**30, True, False, 2.5, float("nan"),
                             "3", "", b"3", [3]]
    if not optional:
        bad_values.append(None)
    for bad in bad_values:
        with pytest.raises(ValidationError) as info:
            field.write(store, ids, bad)
        message = str(info.value)
        assert field.label in message and f"from {lo} to {hi}" in message, (bad, message)
        assert field.state(store, ids) == before, bad


@given(level=st.integers())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_integer_is_kept_in_range_or_refused(filled: tuple[Store, dict[str, int]],
                                                  level: int) -> None:
    store, ids = filled
    before = ops.get_goal(store, ids["goal"]).manual_progress
    if 0 <= level <= 100:
        ops.update_goal(store, ids["goal"], manual_progress=level)
        assert ops.get_goal(store, ids["goal"]).manual_progress == level
    else:
        with pytest.raises(ValidationError, match="Progress"):
            ops.update_goal(store, ids["goal"], manual_progress=level)
        assert ops.get_goal(store, ids["goal"]).manual_progress == before


def test_flags_and_choices_are_refused_naming_the_field(filled: tuple[Store, dict[str, int]]) -> None:
    store, ids = filled
    for bad in (1, 0, "yes", "true", None):
        with pytest.raises(ValidationError, match="Private must be yes or no"):
            ops.update_goal(store, ids["goal"], private=bad)
        with pytest.raises(ValidationError, match="Private must be yes or no"):
            ops.update_entry(store, ids["entry"], private=bad)
    cases: list[tuple[Callable[[Any], Any], str]] = [
        (lambda x: ops.update_goal(store, ids["goal"], owner=x), "Goal owner"),
        (lambda x: ops.update_goal(store, ids["goal"], status=x), "Status"),
        (lambda x: ops.update_partnership(store, me=x), "Who I am"),
        (lambda x: ops.update_action(store, ids["action"], owner=x), "Action owner"),
        (lambda x: ops.add_swot_item(store, x, "S", "Curious"), "Whose grid"),
        (lambda x: ops.add_swot_item(store, "mentor", x, "Curious"), "Quadrant"),
        (lambda x: ops.update_skill(store, ids["skill"], owner=x), "Whose skill"),
        (lambda x: ops.update_rating(store, ids["rating"], rated_by=x), "Rated by"),
    ]
    for write, label in cases:
        for bad in ("boss", "<b>mentor</b>", "MENTOR", "", None, 1):
            with pytest.raises(ValidationError) as info:
                write(bad)
            assert label in str(info.value) and "must be one of" in str(info.value)
    assert ops.get_goal(store, ids["goal"]).private is False
    assert [i.text for i in ops.list_swot_items(store)] == ["Curious"]


# -- the journal search takes anything ---------------------------------------------------------------


@given(query=HOSTILE_TEXT)
@example(query='"unterminated')
@example(query="NEAR(a b) OR * AND NOT ^col:x")
@example(query="\ud800\x00")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_journal_search_takes_any_text(filled: tuple[Store, dict[str, int]], query: str) -> None:
    store, _ids = filled
    hits = jr.search_entries(store, query)
    assert hits is None or isinstance(hits, list)


# -- on the screen ---------------------------------------------------------------------------------

TOKEN = "QZX"  # marks user text on screen
FRAGMENT = f"<b>{TOKEN}bold</b>"  # what must be seen as typed wherever TOKEN is (topics split at ";")
MARKUP = f"{FRAGMENT} <img src=x> &amp; <i>it</i>"


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a label or tooltip shows for `text`: Qt renders it as HTML when it looks like HTML."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text))
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _columns(model: QAbstractItemModel) -> int:
    # QAbstractListModel hides columnCount(); count the columns that have valid indexes instead.
    columns = 1
    while model.rowCount() and model.index(0, columns).isValid():
        columns += 1
    return columns


def _indexes(model: QAbstractItemModel) -> Iterator[QModelIndex]:
    for row in range(model.rowCount()):
        for column in range(_columns(model)):
            yield model.index(row, column)


def user_text_problems(window: QWidget) -> list[str]:
    """Every place in the window where user text containing TOKEN is not shown as typed."""
    problems: list[str] = []
    seen = 0
    for label in window.findChildren(QLabel):
        if TOKEN in label.text():
            seen += 1
            if FRAGMENT not in shown(label.text(), label.textFormat()):
                problems.append(f"QLabel {label.objectName() or label.text()[:60]!r} "
                                f"(format {label.textFormat().name}) renders user markup")
    for widget in [window, *window.findChildren(QWidget)]:
        if TOKEN in widget.toolTip() and FRAGMENT not in shown(widget.toolTip()):
            problems.append(f"tooltip of {type(widget).__name__} {widget.toolTip()[:60]!r} "
                            "renders user markup")
    models = {id(view.model()): view.model() for view in window.findChildren(QAbstractItemView)
              if view.model() is not None}  # a table and its headers share one model
    for model in models.values():
        for index in _indexes(model):
            display = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(display, str) and TOKEN in display:
                seen += 1
                if FRAGMENT not in display:
                    problems.append(f"{type(model).__name__} DisplayRole {display[:60]!r}")
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and TOKEN in tip and FRAGMENT not in shown(tip):
                problems.append(f"{type(model).__name__} ToolTipRole {tip[:60]!r} renders user markup")
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            count = _columns(model) if orientation == Qt.Orientation.Horizontal else model.rowCount()
            for section in range(count):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    head = model.headerData(section, orientation, role)
                    if isinstance(head, str) and TOKEN in head and FRAGMENT not in shown(head):
                        problems.append(f"{type(model).__name__} header {role.name} {head[:60]!r} "
                                        "renders user markup")
    assert seen, "the user text should be on screen somewhere"
    return problems


def put_markup_everywhere(store: Store) -> int:
    """User markup in every kind of row; returns the id of a fresh journal entry that shows it."""
    ops.update_partnership(store, mentor_name=f"Dana {MARKUP}", mentee_name=f"Morgan {MARKUP}",
                           organisation=MARKUP)
    ops.set_focus_areas(store, [MARKUP])  # no standard area: the user's own topics get suggested
    goal = ops.add_goal(store, MARKUP, description=MARKUP, success_measure=MARKUP, focus_area=MARKUP)
    ops.add_milestone(store, goal, MARKUP)
    ops.add_clause(store, MARKUP)
    for grid in ("mentor", "mentee"):
        for quadrant in "SWOT":
            ops.add_swot_item(store, grid, quadrant, MARKUP)
    ops.save_snapshot(store, MARKUP, date.today())
    skill = ops.add_skill(store, MARKUP, "mentor", focus_area=MARKUP)
    ops.add_rating(store, skill, date.today(), 3, note=MARKUP)
    old = ops.add_entry(store, date.today() - timedelta(days=120), topics=f"Old {MARKUP}")
    ops.add_action(store, old, MARKUP)
    entry = ops.add_entry(store, date.today(), topics=MARKUP, agenda=MARKUP, notes=MARKUP,
                          mentor_takeaway=MARKUP, mentee_takeaway=MARKUP, feedback_good=MARKUP,
                          feedback_improve=MARKUP)
    ops.add_action(store, entry, MARKUP)
    ops.set_entry_goals(store, entry, [goal])
    return entry


def show_everything(window: Any, entry: int) -> None:

    window.doc.changed.emit(frozenset(Change), None)
    for i in range(window.tabs.count()):
        window.show_tab(i)
        QApplication.processEvents()
    window.show_tab(window.tabs.indexOf(window.journal_tab))
    assert window.journal_tab.select_entry(entry)
    QApplication.processEvents()


def test_markup_in_user_text_is_shown_as_typed_everywhere_on_screen(window: Any) -> None:
    entry = put_markup_everywhere(window.doc.store)
    show_everything(window, entry)
    problems = user_text_problems(window)
    assert not problems, "\n".join(problems)


def test_an_ampersand_in_a_name_is_not_a_keyboard_shortcut(window: Any, qtbot: Any) -> None:
    store = window.doc.store
    ops.update_partnership(store, mentor_name="Q&Z Dana")
    entry = ops.add_entry(store, date.today(), topics="Intro")
    show_everything(window, entry)
    editor = window.journal_tab.editor
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.topics.setFocus()
    qtbot.keyClick(editor.topics, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    assert not editor.mentor_takeaway.hasFocus(), "Alt+Z jumped to the mentor's take-away"


def test_markup_in_rows_shows_literally_in_item_models_and_fields(window: Any) -> None:
    """The parts that already hold: fields, lists and the journal list show the characters typed."""
    store = window.doc.store
    goal = ops.add_goal(store, MARKUP)
    ops.add_clause(store, MARKUP)
    ops.add_swot_item(store, "mentor", "S", MARKUP)
    entry = ops.add_entry(store, date.today(), topics=MARKUP, notes=MARKUP)
    ops.set_entry_goals(store, entry, [goal])
    ops.update_partnership(store, organisation=MARKUP)
    show_everything(window, entry)

    overview = window.overview_tab
    assert overview.organisation.text() == MARKUP
    clauses = overview.clause_model
    assert clauses.data(clauses.index(clauses.rowCount() - 1)) == MARKUP
    journal = window.journal_tab
    row = journal.model.row_of(entry)
    assert journal.model.data(journal.model.index(row, 1)) == MARKUP
    tip = journal.model.data(journal.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert MARKUP in tip and MARKUP in shown(tip)
    editor = journal.editor
    assert editor.topics.text() == MARKUP and editor.notes.toPlainText() == MARKUP
    goals = editor.goal_model
    assert MARKUP in [goals.data(goals.index(r)) for r in range(goals.rowCount())]
    # The Markdown preview shows raw HTML as the characters typed too.
    editor.notes_tabs.setCurrentWidget(editor.preview)
    assert "<b>" in editor.preview.toPlainText() and "&amp;" in editor.preview.toPlainText()
    # Every label that shows this text shows it literally (names are ordinary here).
    for label in window.findChildren(QLabel):
        if TOKEN in label.text():
            assert MARKUP in shown(label.text(), label.textFormat()), label.text()


def test_hostile_text_typed_into_the_window_is_saved_by_the_policy(
        window: Any, qtbot: Any, partnership_file: Path) -> None:
    typed = "Board <b>decks</b>\x00 &amp; \u202eمرحبا 你好 🚀\x1b\r\nnext line\x7f"
    overview = window.overview_tab
    overview.organisation.selectAll()
    overview.organisation.insert(typed.replace("\r\n", " "))  # a line edit has no line breaks
    overview.organisation.editingFinished.emit()
    journal = window.journal_tab
    window.show_tab(window.tabs.indexOf(journal))
    journal.new_item()
    editor = journal.editor
    entry = editor.entry_id
    editor.topics.insert("Topics <i>x</i>\x00")
    editor.notes.insertPlainText(typed)
    editor.mentor_takeaway.insertPlainText(typed)
    window.close()  # typing still waiting for its debounce is saved

    store = Store.open(partnership_file)
    try:
        p = reads.get_partnership(store)
        assert p.organisation == clean_text(typed.replace("\r\n", " "), "x", max_len=200)
        e = ops.get_entry(store, entry)
        assert e.topics == "Topics <i>x</i>"
        # The editor itself turns CRLF into one line break; the file then drops NUL, ESC and DEL.
        assert e.notes == "Board <b>decks</b> &amp; \u202eمرحبا 你好 🚀\nnext line"
        assert e.mentor_takeaway == e.notes
    finally:
        store.close()


def test_an_empty_goal_title_from_the_window_is_refused_with_a_message(window: Any) -> None:
    """The GUI's write path reports the data layer's sentence instead of crashing."""
    store = window.doc.store
    goal = ops.add_goal(store, "Keep me")
    assert window.doc.run(commands.update_goal(goal, "Rename Goal", title=" \x00\r\n ")) is None
    assert "Goal title cannot be empty" in window.statusBar().currentMessage()
    assert ops.get_goal(store, goal).title == "Keep me"


# -- into the PDF --------------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def squeeze(text: str) -> str:
    """Compare without whitespace (lines wrap) and with ligatures and compatibility forms folded."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _export(tmp_path: Path, name: str, text: str) -> tuple[Path, int]:
    path = tmp_path / f"{name}.revmentor"
    path.unlink(missing_ok=True)
    store = Store.create(path, {"mentor_name": "Dana Lee", "mentee_name": "Morgan Hale",
                                "start_date": date(2026, 1, 1)})
    try:
        ops.add_goal(store, text[: v.TITLE_MAX], success_measure=text)
        ops.add_swot_item(store, "mentor", "S", text)
        ops.add_swot_item(store, "mentee", "T", text)
        entry = ops.add_entry(store, date(2026, 2, 1), topics=text, mentor_takeaway=text,
                              mentee_takeaway=text, feedback_good=text, feedback_improve=text)
        ops.add_action(store, entry, text)
        ops.add_clause(store, text)
        summary = sm.build_summary(store, today=date(2026, 3, 1))
    finally:
        store.close()
    out = tmp_path / f"{name}.pdf"
    pages = write_pdf(summary, out)
    return out, pages


@pytest.mark.parametrize("text", [
    "<b>bold</b> <img src=x> &amp;",
    "<script>alert(1)</script>",
    "&lt;i&gt; &#x41; &nbsp; &copy;",
    '<a href="javascript:alert(1)">click</a>',
    "<table><tr><td>cell",
    "]]> <!-- -->",
    "5 < 6 && 7 > 3",
])
def test_markup_prints_literally_in_the_pdf(qapp: Any, tmp_path: Path, text: str) -> None:
    out, pages = _export(tmp_path, "markup", text)
    assert pages >= 1
    printed = squeeze(pdf_text(out))
    # Goal, success measure, both SWOT grids, topics, four journal cells, the action, the clause.
    assert printed.count(squeeze(text)) >= 10, printed


@pytest.mark.parametrize("text", [
    "مرحبا بالعالم — \u202eRTL override\u202c and back",
    "שלום עולם 123",
    "你好，世界。こんにちは、世界。안녕하세요",
    "🚀 👩🏽‍💻 🏳️‍🌈 🇳🇱 e\u0301 \ufeff",
    "x\u200d\u200c\u2066y\u2069",
    "a" * 2000,
    ("word " * 400).strip(),
])
def test_scripts_emoji_and_long_text_export_without_crashing(qapp: Any, tmp_path: Path,
                                                             text: str) -> None:
    out, pages = _export(tmp_path, "scripts", text)
    assert pages >= 1 and out.stat().st_size > 1000
    pdf_text(out)  # and it can be read back


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=HOSTILE_TEXT.map(lambda t: t[:300]).filter(
    lambda t: documented_policy(t, required=True) != ""))
def test_any_text_exports_to_pdf(qapp: Any, tmp_path: Path, text: str) -> None:
    out, pages = _export(tmp_path, "any", text)
    assert pages >= 1
    pdf_text(out)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from("abcXYZ019<>&;/=\"'#!?()[]{}*_-+.,:"),
                    min_size=1, max_size=10).filter(lambda t: t.strip() != ""))
def test_short_markup_like_text_prints_exactly(qapp: Any, tmp_path: Path, text: str) -> None:
    out, _pages = _export(tmp_path, "short", text)
    assert squeeze(text) in squeeze(pdf_text(out))


# -- what the app stores, the whole-file check accepts ------------------------------------------------


def _row_problems(store: Store) -> list[str]:
    from revmentor_desktop.data.integrity import row_problems

    conn = store.raw()
    try:
        return row_problems(conn, limit=10)
    finally:
        conn.close()


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(value=HOSTILE_TEXT)
@example(value="a\x00b\ud800c\r\nd\re\x1bf\x85 \u202e“quoted”")
def test_hostile_text_the_app_stores_passes_the_whole_file_check(
        filled: tuple[Store, dict[str, int]], value: str) -> None:
    """The check refuses rows that break the schema's rules; nothing the app's own validation lets
    through may look like one (a refused file would be a user locked out of their own data)."""
    store, ids = filled
    for field in TEXT_FIELDS:
        try:
            field.write(store, ids, value)
        except ValidationError:
            pass
    assert _row_problems(store) == []


def test_the_edges_of_every_range_pass_the_whole_file_check(
        filled: tuple[Store, dict[str, int]]) -> None:
    store, ids = filled
    for field, lo, hi, optional in INT_FIELDS:
        for value in (lo, hi, *([None] if optional else [])):
            field.write(store, ids, value)
            assert _row_problems(store) == [], (field.id, value)
    for field, required in DATE_FIELDS:
        for day in (date(1900, 1, 1), date(2200, 12, 31), date(2024, 2, 29),
                    *([] if required else [None])):
            try:
                field.write(store, ids, day)
            except ValidationError:  # e.g. a review date before the start: refused, not stored
                continue
            assert _row_problems(store) == [], (field.id, day)
