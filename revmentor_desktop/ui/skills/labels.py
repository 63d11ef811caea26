"""What the Skills tab calls people, raters, gaps and sessions, and the constants its parts share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from revmentor_desktop.data.vocab import RatedBy, Role
from revmentor_desktop.report.text import day_text

if TYPE_CHECKING:
    from revmentor_desktop.data.reads import EntrySummary

#: The item-data role that holds a row's id (a skill, a rating or a session).
ID_ROLE = int(Qt.ItemDataRole.UserRole)
NEW_SKILL_NAME = "New skill"
NO_SESSION = "— none —"
HIDDEN_SESSION = "a private session (hidden)"
LEVELS = range(1, 6)
CENTRED = int(Qt.AlignmentFlag.AlignCenter)


def other(owner: str) -> str:
    return Role.MENTEE.value if owner == Role.MENTOR else Role.MENTOR.value


def person_label(owner: str, names: dict[str, str]) -> str:
    """"Morgan Hale (mentee)": the person's name with their role."""
    name = names.get(owner, "")
    return f"{name} ({owner})" if name else str(owner).capitalize()


def rater_label(skill_owner: str, rated_by: str, names: dict[str, str]) -> str:
    """Who gave a rating of `skill_owner`'s skill: "Self (Morgan Hale)" or "Partner (Dana Lee)"."""
    if rated_by == RatedBy.SELF:
        return f"Self ({names.get(skill_owner, '')})"
    return f"Partner ({names.get(other(skill_owner), '')})"


def gap_text(self_level: int, partner_level: int) -> str:
    """The Gap column's words (the two levels are in the columns beside it)."""
    return f"{abs(self_level - partner_level)} apart — talk about it"


def session_label(entry: EntrySummary) -> str:
    return f"{day_text(entry.held_on)} — {entry.topics or '(no topics)'}"
