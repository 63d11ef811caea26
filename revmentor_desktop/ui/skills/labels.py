"""What the Skills tab calls people, raters, gaps and sessions, and the constants its parts share.

The words are translated (context "SkillsTab") when they are asked for; the constants below are
marked for pyside6-lupdate and translated where they are shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from revmentor_desktop.data.vocab import RatedBy, Role
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from revmentor_desktop.data.reads import EntrySummary

#: The item-data role that holds a row's id (a skill, a rating or a session).
ID_ROLE = int(Qt.ItemDataRole.UserRole)
#: These three are translated where they are used: QCoreApplication.translate("SkillsTab", …).
NEW_SKILL_NAME = QT_TRANSLATE_NOOP("SkillsTab", "New skill")
NO_SESSION = QT_TRANSLATE_NOOP("SkillsTab", "— none —")
HIDDEN_SESSION = QT_TRANSLATE_NOOP("SkillsTab", "a private session (hidden)")
LEVELS = range(1, 6)
CENTRED = int(Qt.AlignmentFlag.AlignCenter)


def other(owner: str) -> str:
    return Role.MENTEE.value if owner == Role.MENTOR else Role.MENTOR.value


def role_word(owner: str) -> str:
    """The role inside a sentence: "mentor" or "mentee" (an unknown one as the file has it)."""
    if owner == Role.MENTOR:
        return QCoreApplication.translate("SkillsTab", "mentor")
    if owner == Role.MENTEE:
        return QCoreApplication.translate("SkillsTab", "mentee")
    return str(owner)


def role_title(owner: str) -> str:
    """The role on its own, for a partner without a name: "Mentor" or "Mentee"."""
    if owner == Role.MENTOR:
        return QCoreApplication.translate("SkillsTab", "Mentor")
    if owner == Role.MENTEE:
        return QCoreApplication.translate("SkillsTab", "Mentee")
    return str(owner).capitalize()


def person_label(owner: str, names: dict[str, str]) -> str:
    """"Morgan Hale (mentee)": the person's name with their role."""
    name = names.get(owner, "")
    if not name:
        return role_title(owner)
    return QCoreApplication.translate("SkillsTab", "{name} ({role})").format(name=name, role=role_word(owner))


def rater_label(skill_owner: str, rated_by: str, names: dict[str, str]) -> str:
    """Who gave a rating of `skill_owner`'s skill: "Self (Morgan Hale)" or "Partner (Dana Lee)"."""
    if rated_by == RatedBy.SELF:
        return QCoreApplication.translate("SkillsTab", "Self ({name})").format(name=names.get(skill_owner, ""))
    return QCoreApplication.translate("SkillsTab", "Partner ({name})").format(
        name=names.get(other(skill_owner), ""))


def gap_text(self_level: int, partner_level: int) -> str:
    """The Gap column's words (the two levels are in the columns beside it)."""
    return QCoreApplication.translate("SkillsTab", "{n} apart — talk about it").format(
        n=abs(self_level - partner_level))


def session_label(entry: EntrySummary) -> str:
    topics = entry.topics or QCoreApplication.translate("SkillsTab", "(no topics)")
    return f"{day_text(entry.held_on)} — {topics}"
