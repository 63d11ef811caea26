"""What every area's operations share: updating, ordering and deleting one row in one transaction,
and undoing a delete (`Tombstone`, `restore`). Nothing here knows about Qt; nothing here reads
outside a write's transaction (reads are `reads`')."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import func, insert, select, update
from sqlmodel import SQLModel, col

from revmentor_desktop.data import validation as v
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import validate_fields
from revmentor_desktop.errors import Gone

M = TypeVar("M", bound=SQLModel)


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# -- undo support ------------------------------------------------------------------------------------


@dataclass
class Tombstone:
    """Rows removed by one delete, in insertion order, so `restore` can put them back verbatim."""

    rows: list[tuple[type[SQLModel], dict[str, Any]]] = field(default_factory=list)

    def add(self, model: type[SQLModel], records: Iterable[SQLModel]) -> None:
        for r in records:
            self.rows.append((model, r.model_dump()))

    def tables(self) -> set[str]:
        """The tables whose rows this delete removed or altered (what restoring it changes)."""
        return {str(values["model"].__tablename__) if model is Relink else str(model.__tablename__)
                for model, values in self.rows}

    def relink(self, model: type[SQLModel], column: str, ids: list[int], row_id: int) -> None:
        """Note rows of `model` whose `column` the delete sets to NULL (ON DELETE SET NULL): they
        outlive the deleted row, and `restore` points them back at it."""
        if ids:
            self.rows.append((Relink, {"model": model, "column": column, "ids": ids, "to": row_id}))


class Relink(SQLModel):
    """Pseudo-row in a Tombstone: point these rows back at a restored row (see `Tombstone.relink`)."""


def _restore_row(s: Any, model: type[SQLModel], values: dict[str, Any]) -> None:
    if model is Relink:
        target: Any = values["model"]
        s.execute(update(target).where(col(target.id).in_(values["ids"]))
                  .values({values["column"]: values["to"]}))
    else:
        s.execute(insert(model).values(**values))


def restore(store: Store, tombstone: Tombstone) -> None:
    """Undo a delete: re-insert every row it removed, with the same ids and links."""
    with store.write() as s:
        for model, values in tombstone.rows:
            _restore_row(s, model, values)


# -- generic helpers ---------------------------------------------------------------------------------


def update_row(store: Store, model: type[M], fields: Mapping[str, v.Validator], row_id: int,
               changes: Mapping[str, Any], *,
               check: Callable[[M, dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Validate and apply `changes`; return the previous values of exactly those fields. `check`
    (the row as the transaction finds it, the clean changes) may refuse them by raising."""
    clean = validate_fields(fields, changes)
    with store.write() as s:
        obj = s.get(model, row_id)
        if obj is None:
            raise Gone(f"{model.__name__} {row_id} no longer exists")
        if check is not None:
            check(obj, clean)
        old = {k: getattr(obj, k) for k in clean}
        for k, val in clean.items():
            setattr(obj, k, val)
        s.add(obj)
    return old


def next_position(s: Any, column: Any, *where: Any) -> int:
    current = s.execute(select(func.max(column)).where(*where)).scalar()
    return 0 if current is None else int(current) + 1


def new_row(s: Any, model: Any, values: Mapping[str, Any], *, scope: tuple[str, ...] | None = None,
            index: int | None = None) -> int:
    """Within the open transaction `s`, add a row of `model` holding `values`; return its id. With
    a `scope` (column names, () for the whole table) it is placed last among its siblings (rows with
    its values in those columns), then moved to `index` among them when one is given."""
    if scope is not None:
        siblings = [getattr(model, c) == values[c] for c in scope]
        values = {**values, "position": next_position(s, model.position, *siblings)}
    row = model(**values)
    s.add(row)
    s.flush()
    assert row.id is not None
    if index is not None:
        reorder(s, model, row.id, index, *(scope or ()))
    return row.id


def insert_row(store: Store, model: Any, values: Mapping[str, Any], *,
               parent: tuple[str, type[SQLModel], int] | None = None, what: str | None = None,
               scope: tuple[str, ...] | None = None, index: int | None = None) -> int:
    """Add one row in one transaction (`new_row`: `scope`, `index`); return its id. A `parent` —
    (the column of `model` that refers to it, its model, its id) — must still exist (else `Gone`,
    naming it `what`, by default its model), and the new row refers to it."""
    with store.write() as s:
        if parent is not None:
            column, parent_model, parent_id = parent
            if s.get(parent_model, parent_id) is None:
                raise Gone(f"{what or parent_model.__name__} {parent_id} no longer exists")
            values = {**values, column: parent_id}
        return new_row(s, model, values, scope=scope, index=index)


def reorder(s: Any, model: Any, row_id: int, new_index: int, *scope: str) -> int:
    """Within the open transaction `s`, move a row to `new_index` among its siblings (rows with the
    same values in the `scope` columns); return its old index."""
    obj = s.get(model, row_id)
    if obj is None:
        raise Gone(f"{model.__name__} {row_id} no longer exists")
    where = [getattr(model, c) == getattr(obj, c) for c in scope]
    ties = (model.uid,) if "uid" in model.model_fields else ()  # (ties after an import: see reads)
    ids = list(s.execute(select(model.id).where(*where).order_by(model.position, *ties, model.id))
               .scalars())
    old_index = ids.index(row_id)
    ids.remove(row_id)
    new_index = max(0, min(new_index, len(ids)))
    ids.insert(new_index, row_id)
    for pos, rid in enumerate(ids):
        s.execute(update(model).where(model.id == rid).values(position=pos))
    return old_index


def move_row(store: Store, model: Any, row_id: int, new_index: int, *scope: str) -> int:
    """Move a row among its siblings in one transaction; return its old index."""
    with store.write() as s:
        return reorder(s, model, row_id, new_index, *scope)


def delete_row(store: Store, model: Any, row_id: int, *children: tuple[type[SQLModel], Any],
               what: str | None = None, unlinked: tuple[tuple[Any, str], ...] = ()) -> Tombstone:
    """Delete a row in one transaction, noting first its `children` — (model, the column of it that
    refers to the row) pairs, rows the database removes with it (ON DELETE CASCADE) — and the rows
    it `unlinked` — (model, column name) pairs, rows the database keeps but points at nothing (ON
    DELETE SET NULL) — so `restore` puts them all back as they were. `what` names the row in the
    message when it is gone (default: its model)."""
    tomb = Tombstone()
    with store.write() as s:
        obj = s.get(model, row_id)
        if obj is None:
            raise Gone(f"{what or model.__name__} {row_id} no longer exists")
        tomb.add(model, [obj])
        for child, column in children:
            tomb.add(child, s.execute(select(child).where(column == row_id)).scalars())
        links = [(other, column, list(s.execute(select(other.id).where(getattr(other, column) == row_id))
                                      .scalars())) for other, column in unlinked]
        s.delete(obj)
    for other, column, ids in links:
        tomb.relink(other, column, ids, row_id)
    return tomb
