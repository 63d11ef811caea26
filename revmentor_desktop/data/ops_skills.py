"""Skills each partner is growing and their ratings over time, one function per change."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import col

from revmentor_desktop.data.models import Skill, SkillRating
from revmentor_desktop.data.ops_rows import Tombstone, delete_row, insert_row, update_row
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import RATING_FIELDS, SKILL_FIELDS, validate_fields

# -- skills ------------------------------------------------------------------------------------------


def add_skill(store: Store, name: str, owner: str, **values: Any) -> int:
    clean = validate_fields(SKILL_FIELDS, {"name": name, "owner": owner, **values})
    return insert_row(store, Skill, clean, scope=())


def update_skill(store: Store, skill_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, Skill, SKILL_FIELDS, skill_id, changes)


def delete_skill(store: Store, skill_id: int) -> Tombstone:
    return delete_row(store, Skill, skill_id, (SkillRating, col(SkillRating.skill_id)))


def add_rating(store: Store, skill_id: int, rated_on: date | str, level: int, **values: Any) -> int:
    clean = validate_fields(RATING_FIELDS, {"rated_on": rated_on, "level": level, **values})
    return insert_row(store, SkillRating, clean, parent=("skill_id", Skill, skill_id))


def update_rating(store: Store, rating_id: int, **changes: Any) -> dict[str, Any]:
    return update_row(store, SkillRating, RATING_FIELDS, rating_id, changes)


def delete_rating(store: Store, rating_id: int) -> Tombstone:
    return delete_row(store, SkillRating, rating_id)
