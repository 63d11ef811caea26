"""The entry editor's feedback: what each partner tells the other ("keep doing", "try next time")
under the giver's name, with how useful the session was for each; and, only for an entry that
holds some, the earlier feedback whose direction was never recorded (files from before schema
version 3), said so in `vocab.EARLIER_FEEDBACK_NOTE` rather than guessed.

These widgets show and take values; the entry editor saves them (the text boxes through its
`TextSaver`s, the ratings through `rated`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from revmentor_desktop.data.vocab import EARLIER_FEEDBACK_NOTE, FEEDBACK_LABELS
from revmentor_desktop.report.text import vocab
from revmentor_desktop.ui.journal.fields import caption
from revmentor_desktop.ui.practice.stars import RatingField
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import PLAIN, muted_label, text_box

#: The feedback columns, left to right: (role giving it, its keep and try fields, its rating).
COLUMNS = (("mentor", "mentor_says_keep", "mentor_says_try", "mentor_rating"),
           ("mentee", "mentee_says_keep", "mentee_says_try", "mentee_rating"))
#: The long texts this module shows, as the editor saves them, with the name of their undo step
#: (translated where it is used; the editor's context).
TEXT_FIELDS = (("mentor_says_keep", QT_TRANSLATE_NOOP("EntryEditor", "Edit Feedback")),
               ("mentor_says_try", QT_TRANSLATE_NOOP("EntryEditor", "Edit Feedback")),
               ("mentee_says_keep", QT_TRANSLATE_NOOP("EntryEditor", "Edit Feedback")),
               ("mentee_says_try", QT_TRANSLATE_NOOP("EntryEditor", "Edit Feedback")),
               ("feedback_good", QT_TRANSLATE_NOOP("EntryEditor", "Edit Earlier Feedback")),
               ("feedback_improve", QT_TRANSLATE_NOOP("EntryEditor", "Edit Earlier Feedback")))
#: Each column's shortcuts (the section's own, Alt+B, moves to the first box): "try next time"
#: and the rating, in letters the window's menus and tabs and the rest of the form leave free.
_TRY_CAPTIONS = (QT_TRANSLATE_NOOP("FeedbackSection", "Tr&y next time"),
                 QT_TRANSLATE_NOOP("FeedbackSection", "Try ne&xt time"))
_RATING_CAPTIONS = (QT_TRANSLATE_NOOP("FeedbackSection", "How usefu&l was it for {name}?"),
                    QT_TRANSLATE_NOOP("FeedbackSection", "How useful was it fo&r {name}?"))
#: `vocab.FEEDBACK_LABELS` and `vocab.EARLIER_FEEDBACK_NOTE`, for pyside6-lupdate (data/ knows
#: nothing of Qt): translated where shown, in the "vocab" context.
_VOCAB = (
    QT_TRANSLATE_NOOP("vocab", "{mentor} to {mentee}: keep doing"),
    QT_TRANSLATE_NOOP("vocab", "{mentor} to {mentee}: try next time"),
    QT_TRANSLATE_NOOP("vocab", "{mentee} to {mentor}: keep doing"),
    QT_TRANSLATE_NOOP("vocab", "{mentee} to {mentor}: try next time"),
    QT_TRANSLATE_NOOP("vocab", "Earlier feedback, written before RevMentor recorded who gave it: it "
                               "may be from either of you."),
)


def _escaped(name: str) -> str:
    return name.replace("&", "&&")  # a name's own "&" in a label with a buddy stays a character


def _rating(parent: QWidget) -> RatingField:
    field = RatingField(parent)
    field.setMinimumWidth(field.stars.sizeHint().width())
    return field


class FeedbackSection(QGroupBox):
    """Two columns, "Priya → Martin" and "Martin → Priya": what the one tells the other to keep
    doing and to try next time, and under each, how useful the session was for its giver."""

    #: (field, value) — a rating the user chose: "mentor_rating" or "mentee_rating", 1–5 or None
    rated = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Feedback &both ways"), parent)
        self.boxes: dict[str, QPlainTextEdit] = {}
        self.ratings: dict[str, RatingField] = {}
        self.headers: list[QLabel] = []
        self._captions: list[tuple[str, QLabel, str]] = []  # (role, label, text with {name})
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        for col, (role, keep, try_, rating) in enumerate(COLUMNS):
            header = QLabel(self)
            header.setTextFormat(PLAIN)  # partner names: never HTML
            header.setWordWrap(True)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.headers.append(header)
            grid.addWidget(header, 0, col)
            row = 1
            for field, words in ((keep, self.tr("Keep doing")), (try_, self.tr(_TRY_CAPTIONS[col]))):
                box = text_box(self, field, "", 3)
                self.boxes[field] = box
                label = caption(words, box, self)
                label.setFont(self.font())  # the header over them is the bold one
                grid.addWidget(label, row, col)
                grid.addWidget(box, row + 1, col)
                row += 2
            field_widget = _rating(self)
            self.ratings[rating] = field_widget
            label = caption("", field_widget.stars, self)
            label.setFont(self.font())
            self._captions.append((role, label, self.tr(_RATING_CAPTIONS[col])))
            grid.addWidget(label, row, col)
            grid.addWidget(field_widget, row + 1, col)
            field_widget.rated.connect(lambda value, f=rating: self.rated.emit(f, value))
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.set_names(self.tr("Mentor"), self.tr("Mentee"))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:  # Alt+B: the first box (a group box's own
            # shortcut goes back to whichever of its fields last had the focus)
            self.boxes["mentor_says_keep"].setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().event(event)

    def set_names(self, mentor: str, mentee: str) -> None:
        """Head each column with who tells whom, and name the fields for assistive technology."""
        names = {"mentor": mentor, "mentee": mentee}
        other = {"mentor": mentee, "mentee": mentor}
        for header, (role, keep, try_, rating) in zip(self.headers, COLUMNS, strict=True):
            header.setText(f"{names[role]} → {other[role]}")
            header.setAccessibleName(self.tr("Feedback from {giver} to {taker}").format(
                giver=names[role], taker=other[role]))
            for field in (keep, try_):
                self.boxes[field].setAccessibleName(vocab(FEEDBACK_LABELS[field]).format(**names))
            stars = self.ratings[rating].stars
            stars.setAccessibleName(self.tr("How useful the session was for {name}, 1 to 5").format(
                name=names[role]))
            self.ratings[rating].clear.setAccessibleName(
                self.tr("Clear {name}'s usefulness rating").format(name=names[role]))
        for role, label, words in self._captions:
            label.setText(words.format(name=_escaped(names[role])))

    def show_ratings(self, mentor_rating: int | None, mentee_rating: int | None) -> None:
        self.ratings["mentor_rating"].set_value(mentor_rating)
        self.ratings["mentee_rating"].set_value(mentee_rating)

    def set_read_only(self, read_only: bool) -> None:
        for field in self.ratings.values():
            field.setEnabled(not read_only)

    def focus_order(self) -> list[QWidget]:
        """Column by column, top to bottom: keep, try, rating."""
        out: list[QWidget] = []
        for _role, keep, try_, rating in COLUMNS:
            out += [self.boxes[keep], self.boxes[try_], self.ratings[rating].stars]
        return out


class EarlierFeedback(QGroupBox):
    """Feedback written before RevMentor recorded who gave it: what went well, what to improve and
    a usefulness rating, each whoever's it was. Shown for the entries that hold any; editable."""

    rated = Signal(str, object)  # ("rating", 1–5 or None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Earlier feedback"), parent)
        layout = QVBoxLayout(self)
        note = vocab(EARLIER_FEEDBACK_NOTE)
        self.note = muted_label(note, self)
        layout.addWidget(self.note)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.boxes: dict[str, QPlainTextEdit] = {}
        for col, (field, words, name) in enumerate((
                ("feedback_good", self.tr("Went well"), self.tr("Earlier feedback: went well")),
                ("feedback_improve", self.tr("To improve"), self.tr("Earlier feedback: to improve")))):
            box = text_box(self, name, "", 2)
            box.setAccessibleDescription(note)
            self.boxes[field] = box
            label = caption(words, box, self)
            label.setFont(self.font())
            grid.addWidget(label, 0, col)
            grid.addWidget(box, 1, col)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.rating = _rating(self)
        self.rating.stars.setAccessibleName(
            self.tr("Earlier usefulness rating, whose was not recorded, 1 to 5"))
        self.rating.clear.setAccessibleName(self.tr("Clear the earlier usefulness rating"))
        rating_label = caption(self.tr("Usefulness (whose was not recorded)"), self.rating.stars, self)
        rating_label.setFont(self.font())
        layout.addWidget(rating_label)
        layout.addWidget(self.rating)
        self.rating.rated.connect(lambda value: self.rated.emit("rating", value))
        self._entry_id: int | None = None

    @staticmethod
    def holds_any(good: str, improve: str, rating: int | None) -> bool:
        return bool(good.strip() or improve.strip()) or rating is not None

    def show_entry(self, entry_id: int | None, good: str, improve: str, rating: int | None) -> None:
        """Shown when the entry holds earlier feedback; it stays while the user empties it (it
        does not vanish under the typing), until another entry is shown."""
        holds = self.holds_any(good, improve, rating)
        self.setVisible(holds or (entry_id == self._entry_id and entry_id is not None
                                  and not self.isHidden()))
        self._entry_id = entry_id
        self.rating.set_value(rating)

    def set_read_only(self, read_only: bool) -> None:
        self.rating.setEnabled(not read_only)

    def focus_order(self) -> list[QWidget]:
        return [self.boxes["feedback_good"], self.boxes["feedback_improve"], self.rating.stars]

