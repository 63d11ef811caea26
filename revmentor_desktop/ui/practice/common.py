"""What every part of the Check-ins & Reviews tab shares: the item-data roles its models answer,
the partners' names as shown, short wording, and small widget builders."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from revmentor_desktop.data.reads import PartnershipRow
from revmentor_desktop.data.vocab import ReviewDecision, ReviewKind, Role
from revmentor_desktop.report.text import isolate
from revmentor_desktop.ui.widgets import PLAIN

#: the list's key for a row: ("check_in" | "review", id)
KEY_ROLE = int(Qt.ItemDataRole.UserRole)

CHECK_IN = "check_in"
REVIEW = "review"
Key = tuple[str, int]

#: what the list says of a decision, in a word
DECISION_WORDS: dict[str, str] = {
    ReviewDecision.UNDECIDED: "Not decided yet",
    ReviewDecision.CONTINUE: "Continue",
    ReviewDecision.ADJUST: "Adjust",
    ReviewDecision.CLOSE: "Close",
}

#: what the list says of a kind of review
KIND_WORDS: dict[str, str] = {
    ReviewKind.MIDPOINT: "Mid-point review",
    ReviewKind.CLOSING: "Closing review",
}


@dataclass(frozen=True)
class Names:
    """The partners' names, each isolated (they are set inside our sentences), and who "I" am."""

    mentor: str = ""
    mentee: str = ""
    me: str = Role.MENTOR

    @classmethod
    def of(cls, p: PartnershipRow) -> Names:
        me = p.me if p.me in (Role.MENTOR, Role.MENTEE) else Role.MENTOR
        return cls(isolate(p.mentor_name) or "Mentor", isolate(p.mentee_name) or "Mentee", me)

    def name(self, role: str) -> str:
        return self.mentee if role == Role.MENTEE else self.mentor

    def titled(self, role: str) -> str:
        """"Priya (mentor)": a name with the partner's part in the partnership."""
        return f"{self.name(role)} ({'mentee' if role == Role.MENTEE else 'mentor'})"


def new_item_keys() -> str:
    """Edit › New Item's shortcut as this platform writes it (e.g. "Ctrl+N")."""
    return QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)


def heading(text: str, parent: QWidget, scale: float = 1.2) -> QLabel:
    """A bold heading line (plain text)."""
    label = QLabel(text, parent)
    label.setTextFormat(PLAIN)
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label
