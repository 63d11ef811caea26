"""The rows the Skills tab's two tables show, built from the file's skills and ratings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from revmentor_desktop.data import reads
from revmentor_desktop.data.compute import RatingPoint, latest_levels, rating_gaps
from revmentor_desktop.data.reads import RatingRow  # the ratings table shows each rating as read


@dataclass(frozen=True)
class SkillRow(reads.SkillRow):
    """A skill as read, with its latest self and partner levels and whether they are a gap apart."""

    latest_self: int | None
    latest_partner: int | None
    gap: bool


def skill_rows(skills: Sequence[reads.SkillRow], points: Sequence[RatingPoint]) -> list[SkillRow]:
    """The skills table's rows: each skill with its latest self and partner levels and gap flag."""
    latest = latest_levels(points)
    gaps = rating_gaps(points)
    rows = []
    for s in skills:
        self_level, partner_level = latest.get(s.id, (None, None))
        rows.append(SkillRow(**vars(s), latest_self=self_level, latest_partner=partner_level,
                             gap=s.id in gaps))
    return rows


__all__ = ["RatingRow", "SkillRow", "skill_rows"]
