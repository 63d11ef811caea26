"""What every part of the Check-ins & Reviews tab shares: the item-data roles its models answer,
the partners' names as shown, short wording, and small widget builders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from revmentor_desktop.data.reads import PartnershipRow
from revmentor_desktop.data.vocab import ReviewDecision, ReviewKind, Role
from revmentor_desktop.report.text import isolate
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import TextSaver, heading, muted_label, problem_label

if TYPE_CHECKING:
    from revmentor_desktop.ui.document import Document

#: the list's key for a row: ("check_in" | "review", id)
KEY_ROLE = int(Qt.ItemDataRole.UserRole)

CHECK_IN = "check_in"
REVIEW = "review"
Key = tuple[str, int]

#: what the list says of a decision, in a word (translated where shown: `words`)
DECISION_WORDS: dict[str, str] = {
    ReviewDecision.UNDECIDED: QT_TRANSLATE_NOOP("Practice", "Not decided yet"),
    ReviewDecision.CONTINUE: QT_TRANSLATE_NOOP("Practice", "Continue"),
    ReviewDecision.ADJUST: QT_TRANSLATE_NOOP("Practice", "Adjust"),
    ReviewDecision.CLOSE: QT_TRANSLATE_NOOP("Practice", "Close"),
}

#: what the list says of a kind of review (translated where shown: `words`)
KIND_WORDS: dict[str, str] = {
    ReviewKind.MIDPOINT: QT_TRANSLATE_NOOP("Practice", "Mid-point review"),
    ReviewKind.CLOSING: QT_TRANSLATE_NOOP("Practice", "Closing review"),
}


#: `vocab.REVIEW_KIND_LABELS`' words, for pyside6-lupdate (data/ knows nothing of Qt): translated
#: where shown, in the "vocab" context (`report.text.vocab`), as the Goals tab does its statuses.
_VOCAB_WORDS = (
    QT_TRANSLATE_NOOP("vocab", "Mid-point review"),
    QT_TRANSLATE_NOOP("vocab", "Closing review"),
)


def words(text: str) -> str:
    """A text of the tab's tables (marked with QT_TRANSLATE_NOOP("Practice", …)), translated."""
    return QCoreApplication.translate("Practice", text)


@dataclass(frozen=True)
class Names:
    """The partners' names, each isolated (they are set inside our sentences), and who "I" am."""

    mentor: str = ""
    mentee: str = ""
    me: str = Role.MENTOR

    @classmethod
    def of(cls, p: PartnershipRow) -> Names:
        me = p.me if p.me in (Role.MENTOR, Role.MENTEE) else Role.MENTOR
        return cls(isolate(p.mentor_name) or QCoreApplication.translate("Practice", "Mentor"),
                   isolate(p.mentee_name) or QCoreApplication.translate("Practice", "Mentee"), me)

    def name(self, role: str) -> str:
        return self.mentee if role == Role.MENTEE else self.mentor

    def titled(self, role: str) -> str:
        """"Priya (mentor)": a name with the partner's part in the partnership."""
        if role == Role.MENTEE:
            return QCoreApplication.translate("Practice", "{name} (mentee)").format(name=self.name(role))
        return QCoreApplication.translate("Practice", "{name} (mentor)").format(name=self.name(role))


def new_item_keys() -> str:
    """Edit › New Item's shortcut as this platform writes it (e.g. "Ctrl+N")."""
    return QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)


class SavingForm(QWidget):
    """What the check-in and review forms share: a heading, a line of help and a problem line above
    their fields, text boxes that save themselves (`_savers`, by column), the problem shown, and
    the record shown (`record_id`): moving to another, and reading it again (`load`)."""

    _savers: dict[str, TextSaver]

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.saved_text_only = False  # the last edit it made changed only text
        self._names = Names()
        self.record_id: int | None = None  # the record shown (None: none)

    def _start_layout(self, title: str, help_text: str) -> QVBoxLayout:
        """The form's layout with its heading (`title`), help and hidden problem line in place."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 10)
        self.title = heading(title, self, scale=1.2, wrap=True)
        layout.addWidget(self.title)
        layout.addWidget(muted_label(help_text, self))
        self.problem = problem_label(self)
        self.problem.hide()
        layout.addWidget(self.problem)
        return layout

    def show_record(self, record_id: int | None, *, save_pending: bool = True) -> None:
        """Show record `record_id` (None: none), fresh from the file; another one than the record
        shown leaves that one first."""
        if record_id != self.record_id:
            self._leave(save_pending=save_pending)
            self.record_id = record_id
        self.load()

    def load(self) -> bool:
        """Show the record's fields from the file; False when there is none or it is gone (then
        the form forgets it)."""
        if self.record_id is None:
            return False
        try:
            record = self._read(self.record_id)
        except LookupError:
            self.record_id = None
            self._gone()
            return False
        self._show(record)
        return True

    def _read(self, record_id: int) -> Any:
        """The record as read from the file; LookupError when it is not there."""
        raise NotImplementedError

    def _show(self, record: Any) -> None:
        """Show the record's fields."""
        raise NotImplementedError

    def _gone(self) -> None:
        """The record shown is no longer in the file."""

    def _leave(self, *, save_pending: bool) -> None:
        """Before another record shows: save what was typed (unless told not to), forget refused
        text (it belongs to the record left) and the problem."""
        if save_pending:
            self.flush()
        for saver in self._savers.values():
            saver.discard()
        self.show_problem("")

    def flush(self) -> None:
        for saver in self._savers.values():
            saver.flush()

    def has_unsaved(self) -> bool:
        return any(saver.dirty for saver in self._savers.values())

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
