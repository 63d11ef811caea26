"""The rows the Skills tab's two tables show, built from the file's skills and ratings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from revmentor_desktop.data.compute import RatingPoint, latest_levels, rating_gaps
from revmentor_desktop.data.reads import RatingRow  # the ratings table shows each rating as read

if TYPE_CHECKING:
    from revmentor_desktop.data import reads


@dataclass(frozen=True)
class SkillRow:
    id: int
    name: str
    owner: str
    focus_area: str
    target_level: int
    latest_self: int | None
    latest_partner: int | None
    gap: bool


def skill_rows(skills: Sequence[reads.SkillRow], points: Sequence[RatingPoint]) -> list[SkillRow]:
    """The skills table's rows: each skill with its latest self and partner levels and gap flag."""
    latest = latest_levels(points)
    gaps = rating_gaps(points)
    rows = []
    for s in skills:
        assert s.id is not None  # rows read from the file have ids
        self_level, partner_level = latest.get(s.id, (None, None))
        rows.append(SkillRow(s.id, s.name, s.owner, s.focus_area, s.target_level, self_level,
                             partner_level, s.id in gaps))
    return rows


__all__ = ["RatingRow", "SkillRow", "skill_rows"]
