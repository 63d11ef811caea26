"""What every part of the Goals tab shares: the item-data roles its models answer, and how a goal's
owner and status are named."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence

from revmentor_desktop.data.vocab import STATUS_LABELS, GoalOwner
from revmentor_desktop.report.text import vocab
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP

ID_ROLE = int(Qt.ItemDataRole.UserRole)
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
PROGRESS_ROLE = int(Qt.ItemDataRole.UserRole) + 2
SHORT_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # what a cell shows when its full text does not fit

#: `vocab.STATUS_LABELS`' words, for pyside6-lupdate (data/ knows nothing of Qt): `status_label`
#: translates them in the "vocab" context.
_STATUS_WORDS = (
    QT_TRANSLATE_NOOP("vocab", "Not started"),
    QT_TRANSLATE_NOOP("vocab", "In progress"),
    QT_TRANSLATE_NOOP("vocab", "Achieved"),
    QT_TRANSLATE_NOOP("vocab", "Dropped"),
)


def status_label(status: str) -> str:
    """A goal's status as the user reads it ("In progress"), in the user's language."""
    return vocab(STATUS_LABELS.get(status, status))


def owner_label(owner: str, names: dict[str, str]) -> str:
    if owner == GoalOwner.MENTOR:
        return QCoreApplication.translate("GoalsTab", "Mentor — {name}").format(
            name=names.get("mentor", ""))
    if owner == GoalOwner.MENTEE:
        return QCoreApplication.translate("GoalsTab", "Mentee — {name}").format(
            name=names.get("mentee", ""))
    return QCoreApplication.translate("GoalsTab", "Shared")


def owner_role(owner: str) -> str:
    """The owner without the partner's name: "Mentor", "Mentee" or "Shared"."""
    if owner == GoalOwner.MENTOR:
        return QCoreApplication.translate("GoalsTab", "Mentor")
    if owner == GoalOwner.MENTEE:
        return QCoreApplication.translate("GoalsTab", "Mentee")
    return QCoreApplication.translate("GoalsTab", "Shared")


def new_item_keys() -> str:
    """Edit › New Item's shortcut as this platform writes it (e.g. "Ctrl+N")."""
    return QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
