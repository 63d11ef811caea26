"""The skills each partner is growing and their ratings over time, as plain rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from revmentor_desktop.data.reads_rows import fetch, select
from revmentor_desktop.data.store import Store


@dataclass(frozen=True)
class SkillRow:
    id: int
    name: str
    owner: str
    focus_area: str
    target_level: int
    position: int


@dataclass(frozen=True)
class RatingRow:
    id: int
    skill_id: int
    rated_on: date
    level: int
    rated_by: str
    note: str
    entry_id: int | None


def list_skills(store: Store) -> list[SkillRow]:
    sql = select(("id", "name", "owner", "focus_area", "target_level", "position"), "skill")
    return [SkillRow(*row) for row in fetch(store, sql + " ORDER BY owner, position, uid, id")]


def list_ratings(store: Store, skill_id: int | None = None) -> list[RatingRow]:
    """Every rating (or one skill's), by skill, then oldest first."""
    sql = select(("id", "skill_id", "rated_on", "level", "rated_by", "note", "entry_id"), "skill_rating")
    params: tuple[object, ...] = ()
    if skill_id is not None:
        sql, params = sql + " WHERE skill_id = ?", (skill_id,)
    sql += " ORDER BY skill_id, rated_on, id"
    return [RatingRow(i, s, date.fromisoformat(d), lv, by, n, e)
            for i, s, d, lv, by, n, e in fetch(store, sql, params)]
