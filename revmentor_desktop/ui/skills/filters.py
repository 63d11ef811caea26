"""The Skills tab's filters, over the whole tab: whose skills, and which skill. They narrow the
skills table and the chart alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from revmentor_desktop.data.vocab import Role
from revmentor_desktop.ui.controls import ComboBox
from revmentor_desktop.ui.skills.labels import person_label
from revmentor_desktop.ui.widgets import plain_tooltip

if TYPE_CHECKING:
    from revmentor_desktop.data.reads import SkillRow


#: The skill box's width, in characters: at least, and at most (then the tooltip has the rest).
MIN_CHARS, MAX_CHARS = 18, 48


def _caption(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A field's caption, never squeezed narrower than its words."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
    return label


class FilterBar(QWidget):
    """"Person: [All] Skill: [All]"."""

    #: The person or the skill chosen changed (the skill list already follows the person).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._skills: Sequence[SkillRow] = []
        self._names: dict[str, str] = {}
        self.person_filter = ComboBox(self)
        self.person_filter.setAccessibleName(self.tr("Show the skills of"))
        self.person_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.skill_filter = ComboBox(self)
        self.skill_filter.setAccessibleName(self.tr("Show one skill"))
        self.skill_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.skill_filter.setMinimumContentsLength(MIN_CHARS)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 4)
        row.addWidget(_caption(self.tr("&Person:"), self.person_filter, self))
        row.addWidget(self.person_filter)
        row.addSpacing(12)
        row.addWidget(_caption(self.tr("Sk&ill:"), self.skill_filter, self))
        row.addWidget(self.skill_filter)
        row.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.person_filter.currentIndexChanged.connect(lambda _i: self._person_changed())
        self.skill_filter.currentIndexChanged.connect(lambda _i: self._skill_changed())

    def set_people(self, names: dict[str, str]) -> None:
        """Offer "All" and the two partners under their names, keeping the choice made."""
        with QSignalBlocker(self.person_filter):
            current = self.person_filter.currentData()
            self.person_filter.clear()
            self.person_filter.addItem(self.tr("All"), None)
            for role in (Role.MENTOR.value, Role.MENTEE.value):
                self.person_filter.addItem(person_label(role, names), role)
            self.person_filter.setCurrentIndex(max(0, self.person_filter.findData(current)))

    def set_skills(self, skills: Sequence[SkillRow], names: dict[str, str]) -> None:
        """Offer "All" and each skill of the person chosen, keeping the choice made."""
        self._skills, self._names = skills, names
        self._fill_skill_filter()
        self._tip()

    def _fill_skill_filter(self) -> None:
        person = self.person()
        with QSignalBlocker(self.skill_filter):
            current = self.skill_filter.currentData()
            self.skill_filter.clear()
            self.skill_filter.addItem(self.tr("All"), None)
            for s in self._skills:
                if person is None or s.owner == person:
                    self.skill_filter.addItem(f"{s.name} ({self._names.get(s.owner, '')})", s.id)
            self.skill_filter.setCurrentIndex(max(0, self.skill_filter.findData(current)))
            longest = max((len(self.skill_filter.itemText(i)) for i in range(self.skill_filter.count())),
                          default=0)
            # Wide enough for the longest choice, up to a point (the tooltip has a longer one).
            self.skill_filter.setMinimumContentsLength(min(max(longest, MIN_CHARS), MAX_CHARS))
        has_skills = bool(self._skills)
        self.person_filter.setEnabled(has_skills)
        self.skill_filter.setEnabled(has_skills)

    def _person_changed(self) -> None:
        self._fill_skill_filter()
        self._tip()
        self.changed.emit()

    def _skill_changed(self) -> None:
        self._tip()
        self.changed.emit()

    def _tip(self) -> None:
        """The skill's whole name on hover (a very long one does not fit the box)."""
        choice = self.skill_filter.currentText()
        self.skill_filter.setToolTip(plain_tooltip(choice) if self.skill_filter.currentIndex() > 0 else "")

    def show_all_skills(self) -> None:
        """Choose "All" skills (of the person chosen), as a new skill must be seen to be named."""
        self.skill_filter.setCurrentIndex(0)

    def person(self) -> str | None:
        """The partner whose skills are shown ("mentor" or "mentee"), or None for both."""
        person = self.person_filter.currentData()
        return None if person is None else str(person)

    def lets_through(self, owner: str, skill_id: int) -> bool:
        person, skill = self.person(), self.skill_filter.currentData()
        return (person is None or owner == person) and (skill is None or skill_id == skill)

    def shown(self, skills: Sequence[SkillRow]) -> list[SkillRow]:
        """The skills the filters let through."""
        return [s for s in skills if s.id is not None and self.lets_through(s.owner, s.id)]
