"""Check-ins, one function per change: each partner's short answer, every few sessions, to what
is working, what to tweak, how useful the partnership has been and whether the goals still fit."""

from __future__ import annotations

from datetime import date
from typing import Any

from revmentor_desktop.data.models import CheckIn
from revmentor_desktop.data.ops_rows import Tombstone, delete_row, insert_row, now, update_row
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import CHECK_IN_FIELDS, validate_fields


def add_check_in(store: Store, held_on: date | str, author: str, **values: Any) -> int:
    clean = validate_fields(CHECK_IN_FIELDS, {"held_on": held_on, "author": author, **values})
    return insert_row(store, CheckIn, {**clean, "created_at": now()})


def update_check_in(store: Store, check_in_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, CheckIn, CHECK_IN_FIELDS, check_in_id, changes)


def delete_check_in(store: Store, check_in_id: int) -> Tombstone:
    return delete_row(store, CheckIn, check_in_id, what="Check-in")
