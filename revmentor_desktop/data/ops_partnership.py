"""The partnership's own details, one function per change: its fields, its focus areas and the
clauses of its agreement."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import col

from revmentor_desktop.data import reads
from revmentor_desktop.data import validation as v
from revmentor_desktop.data.compute import same_rule
from revmentor_desktop.data.models import AgreementClause, FocusArea, Partnership
from revmentor_desktop.data.ops_rows import (
    Tombstone,
    delete_row,
    insert_row,
    move_row,
    new_row,
    update_row,
)
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import (
    PARTNERSHIP_FIELDS,
    clean_clause,
    clean_focus_area,
    validate_partnership,
)

# -- partnership -------------------------------------------------------------------------------------


def update_partnership(store: Store, **changes: Any) -> dict[str, Any]:
    clean = validate_partnership(changes)

    def dates_fit(current: Partnership, clean: dict[str, Any]) -> None:  # as the transaction finds it
        v.check_partnership_dates(clean.get("start_date", current.start_date),
                                  clean.get("review_date", current.review_date),
                                  clean.get("closed_on", current.closed_on))

    return update_row(store, Partnership, PARTNERSHIP_FIELDS, 1, clean, check=dates_fit)


def set_focus_areas(store: Store, names: Sequence[str]) -> list[str]:
    """Replace the partnership's focus areas (order kept, duplicates dropped); return the old list."""
    clean: list[str] = []
    for n in names:
        name = clean_focus_area(n)
        if name.casefold() not in {c.casefold() for c in clean}:
            clean.append(name)
    old = reads.list_focus_areas(store)
    with store.write() as s:
        s.execute(delete(FocusArea))
        for i, name in enumerate(clean):
            s.add(FocusArea(name=name, position=i))
    return old


# -- agreement ---------------------------------------------------------------------------------------


def add_clause(store: Store, text: str, index: int | None = None) -> int:
    return insert_row(store, AgreementClause, {"text": clean_clause(text)}, scope=(), index=index)


def add_clause_once(store: Store, text: str, index: int | None = None) -> int | None:
    """`add_clause`, unless the agreement already holds the same rule (ignoring case and spacing):
    then nothing is written and None comes back (a ready-made rule inserted twice)."""
    clean = clean_clause(text)
    with store.write() as s:
        existing = s.execute(select(col(AgreementClause.text))).scalars()
        if any(same_rule(clean, t) for t in existing):
            return None
        return new_row(s, AgreementClause, {"text": clean}, scope=(), index=index)


def update_clause(store: Store, clause_id: int, text: str) -> str:
    clean = clean_clause(text)
    return str(update_row(store, AgreementClause, {"text": lambda x: x}, clause_id, {"text": clean})["text"])


def move_clause(store: Store, clause_id: int, new_index: int) -> int:
    return move_row(store, AgreementClause, clause_id, new_index)


def delete_clause(store: Store, clause_id: int) -> Tombstone:
    return delete_row(store, AgreementClause, clause_id)
