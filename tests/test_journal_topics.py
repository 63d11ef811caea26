"""Topic suggestions (data/, no Qt): what to rotate into the next session."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from revmentor_desktop.data import journal as jr
from revmentor_desktop.data import ops
from revmentor_desktop.data.store import Store

TODAY = date(2026, 11, 22)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.create(tmp_path / "pair.revmentor",
                     {"mentor_name": "Priya", "mentee_name": "Gerald", "start_date": "2025-01-06"})
    yield s
    s.close()


def test_a_one_off_topic_is_not_offered_again_but_a_recurring_one_is(store: Store) -> None:
    ops.add_entry(store, "2025-01-06", topics="Kick-off, Ground rules, SWOT")
    ops.add_entry(store, "2025-02-03", topics="Board packs; Delegation")
    ops.add_entry(store, "2025-03-03", topics="board packs")
    ops.add_entry(store, "2026-11-10", topics="Delegation")
    uses = jr.topic_uses(store)
    assert uses["board packs"] == jr.TopicUse("board packs", date(2025, 3, 3), 2)
    assert uses["ground rules"].sessions == 1
    offered = jr.topic_suggestions(store, [], TODAY)
    assert offered == ["board packs"]  # came up twice, untouched since March 2025
    # "Kick-off", "Ground rules" and "SWOT" came up once, at the start; "Delegation" is recent


def test_hot_topics_never_discussed_come_first_then_old_themes_then_hot_ones_not_lately(store: Store) -> None:
    ops.add_entry(store, "2025-01-13", topics="Prompt writing, Expense reports")
    ops.add_entry(store, "2025-02-10", topics="Expense reports")
    ops.add_entry(store, "2026-10-01", topics="Generative AI at work")
    offered = jr.topic_suggestions(store, ["Technology adoption"], TODAY, limit=20)
    never = [t for t in jr.hot_topics()["Technology adoption"]
             if t not in ("Prompt writing", "Generative AI at work")]
    assert offered[:len(never)] == never
    assert offered[len(never):] == ["Expense reports", "Generative AI at work", "Prompt writing"]
    assert jr.topic_suggestions(store, ["Technology adoption"], TODAY, limit=3) == offered[:3]


def test_no_sessions_no_focus_areas_no_suggestions(store: Store) -> None:
    assert jr.topic_suggestions(store, [], TODAY) == []
    assert jr.topic_uses(store) == {}


def test_every_standard_focus_area_has_hot_topics() -> None:
    """hot_topics.json names the standard focus areas, each with topics to suggest."""
    from revmentor_desktop.data.vocab import DEFAULT_FOCUS_AREAS

    topics = jr.hot_topics()
    assert tuple(topics) == DEFAULT_FOCUS_AREAS
    assert all(len(t) >= 5 and all(isinstance(x, str) and x for x in t) for t in topics.values())
