"""What every part of the Goals tab shares: the item-data roles its models answer, and how a goal's
owner is named."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from revmentor_desktop.data.vocab import GoalOwner

ID_ROLE = int(Qt.ItemDataRole.UserRole)
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
PROGRESS_ROLE = int(Qt.ItemDataRole.UserRole) + 2
SHORT_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # what a cell shows when its full text does not fit


def owner_label(owner: str, names: dict[str, str]) -> str:
    if owner == GoalOwner.MENTOR:
        return f"Mentor — {names.get('mentor', '')}"
    if owner == GoalOwner.MENTEE:
        return f"Mentee — {names.get('mentee', '')}"
    return "Shared"


def owner_role(owner: str) -> str:
    """The owner without the partner's name: "Mentor", "Mentee" or "Shared"."""
    return owner_label(owner, {}).split(" — ")[0]


def new_item_keys() -> str:
    """Edit › New Item's shortcut as this platform writes it (e.g. "Ctrl+N")."""
    return QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
