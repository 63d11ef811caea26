"""What the Skills tab shows before there are any skills: what to list, and a big Add Skill button."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from revmentor_desktop.data.vocab import Role
from revmentor_desktop.ui.empty_state import EmptyState
from revmentor_desktop.ui.skills.views import push_button
from revmentor_desktop.ui.widgets import embolden


class EmptyPage(EmptyState):
    """"No skills yet", a line on what to list (with the partners' names) and Add Skill."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.heading.setText(self.tr("No skills yet"))
        self.add_button = self._add_button()
        self.place_button(self.add_button)

    def _add_button(self) -> QPushButton:
        button = push_button(self.tr("&Add Skill"), self.tr("Add skill"),
                             self.tr("Add a skill, then type its name (Ctrl+N)"), self)
        button.setDefault(True)
        embolden(button, 1.2)
        button.setMinimumSize(200, 44)
        return button

    def set_names(self, names: dict[str, str]) -> None:
        """Suggest a skill for each partner, by name (`names` are isolated for display already)."""
        self.text.setText(self.tr(
            "List the skills each of you wants to grow — say, “Using AI assistants” for {mentee} or "
            "“Coaching” for {mentor}. Rate each one now and again after sessions, yourself and your "
            "partner, and the chart shows how you are getting on.").format(
            mentee=names[Role.MENTEE.value], mentor=names[Role.MENTOR.value]))
