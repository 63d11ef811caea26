"""The plain rows `reads` returns stand in for the SQLModel rows (SQLModel stays the one description
of the schema): the same fields in the same order, holding the same values, of the same Python
types, as the ORM reads from the same file."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from revmentor_desktop.data import models, reads
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store

#: Every row type `reads` returns for a table, with its table.
ROWS: list[tuple[type, type]] = [
    (reads.PartnershipRow, models.Partnership), (reads.ClauseRow, models.AgreementClause),
    (reads.GoalRow, models.Goal), (reads.MilestoneRow, models.Milestone),
    (reads.JournalEntryRow, models.JournalEntry), (reads.ActionItemRow, models.ActionItem),
    (reads.SwotItemRow, models.SwotItem), (reads.SwotSnapshotRow, models.SwotSnapshot),
    (reads.SwotSnapshotItemRow, models.SwotSnapshotItem), (reads.SkillRow, models.Skill),
    (reads.RatingRow, models.SkillRating), (reads.CheckInRow, models.CheckIn),
    (reads.ReviewRow, models.Review), (reads.ReviewGoalRow, models.ReviewGoal),
]
#: What a row holds beyond its table's columns, after them (read with it).
EXTRA: dict[type, list[str]] = {reads.ReviewRow: ["goals"]}
#: The partner exchange's columns: read by data/share_export.py alone, never by the screens' rows.
EXCHANGE_ONLY = {"uid", "pair_uid", "last_share_at"}


def _columns(table: type) -> list[str]:
    return [c for c in table.model_fields if c not in EXCHANGE_ONLY]  # type: ignore[attr-defined]


def _fields(row: type) -> list[str]:
    return [f.name for f in dataclasses.fields(row)]


def test_every_row_type_is_checked() -> None:
    """A new `…Row` in `reads` must join ROWS (and so the two tests below)."""
    named = {name for name in reads.__all__ if name.endswith("Row")}
    assert named == {row.__name__ for row, _table in ROWS}


def test_plain_rows_have_the_tables_fields() -> None:
    """Same fields, same order: code reading `g.title` works whichever it is given."""
    for row, table in ROWS:
        assert dataclasses.is_dataclass(row) and row.__dataclass_params__.frozen, row.__name__  # type: ignore[attr-defined]
        assert _fields(row) == _columns(table) + EXTRA.get(row, []), row.__name__


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("rows") / "sample.revmentor"
    make_sample(path, 60)
    store = Store.open(path)
    yield store
    store.close()


def _plain_rows(store: Store) -> dict[type, list[Any]]:
    """Every row of every table, read through `reads`."""
    goals = reads.list_goals(store)
    entries = [reads.get_entry(store, e.id) for e in reads.list_entries(store)]
    snapshots = reads.list_snapshots(store)
    reviews = reads.list_reviews(store)
    return {
        models.Partnership: [reads.get_partnership(store)],
        models.AgreementClause: reads.list_clauses(store),
        models.Goal: goals,
        models.Milestone: [m for g in goals for m in reads.list_milestones(store, g.id)],
        models.JournalEntry: entries,
        models.ActionItem: [a for e in entries for a in reads.list_actions(store, e.id)],
        models.SwotItem: reads.list_swot_items(store),
        models.SwotSnapshot: snapshots,
        models.SwotSnapshotItem: [i for s in snapshots for i in reads.snapshot_items(store, s.id)],
        models.Skill: reads.list_skills(store),
        models.SkillRating: reads.list_ratings(store),
        models.CheckIn: reads.list_check_ins(store),
        models.Review: reviews,
        models.ReviewGoal: [g for r in reviews for g in reads.list_review_goals(store, r.id)],
    }


def _typed(values: tuple[Any, ...]) -> tuple[tuple[type, Any], ...]:
    # True == 1 and a naive datetime != an aware one: compare the types as well as the values
    return tuple((type(v), v) for v in values)


def test_plain_rows_hold_what_the_orm_reads(sample: Store) -> None:
    from sqlmodel import Session, select

    plain = _plain_rows(sample)
    with Session(sample.engine) as session:
        for table, rows in plain.items():
            columns = _columns(table)
            orm = sorted(session.exec(select(table)).all(), key=lambda o: o.id)
            assert orm, f"the sample holds no {table.__name__}"
            expected = [_typed(tuple(getattr(o, c) for c in columns)) for o in orm]
            got = sorted((_typed(tuple(getattr(r, c) for c in columns)) for r in rows),
                         key=lambda t: t[0][1])
            assert got == expected, table.__name__


def test_partial_rows_agree_with_the_whole_ones(sample: Store) -> None:
    """What a list shows of a row (EntrySummary, OpenAction) is what the row holds; the PDF's
    journal highlights are the non-private entries whole."""
    entries = {e.id: e for e in (reads.get_entry(sample, s.id) for s in reads.list_entries(sample))}
    for summary in reads.list_entries(sample):
        entry = entries[summary.id]
        assert all(getattr(summary, f) == getattr(entry, f) for f in _fields(reads.EntrySummary))
    for highlight in reads.journal_highlights(sample):
        entry = entries[highlight.id]
        assert not entry.private
        assert highlight == entry
    for action in reads.open_actions(sample):
        item = next(a for a in reads.list_actions(sample, action.entry_id) if a.id == action.id)
        assert item.done_on is None and action.held_on == entries[action.entry_id].held_on
        assert (action.text, action.owner, action.due_on) == (item.text, item.owner, item.due_on)
    for review in reads.list_reviews(sample):
        assert reads.get_review(sample, review.id) == review
        assert review.goals == tuple(reads.list_review_goals(sample, review.id))
