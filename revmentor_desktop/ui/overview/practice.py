"""The Overview's "Our practice" box: what keeps a reverse-mentoring pair on track, read from the
file — the getting-started list for a new partnership, whose check-in is due, feedback that has
been flowing one way only, how the check-in answers have moved, and a closed partnership's notice
with Reopen. It teaches the practice where the pair already looks, gently."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, compute, reads
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.vocab import CHECKLIST_LABELS, GOALS_STILL_RIGHT_LABELS
from revmentor_desktop.report.text import by_count, day_text, isolate, vocab
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import wrapped_label

#: Where each getting-started step is done: the tab's English title (the Overview's own steps: none).
CHECKLIST_TABS: dict[str, str | None] = {
    "ground_rules": None,
    "swot": "SWOT",
    "goals": "Goals",
    "first_session": "Journal",
    "review_date": None,
}
CHECK_INS_TAB = "Check-ins & Reviews"
#: Sessions looked at for feedback flowing one way only.
FEEDBACK_WINDOW = 4
#: The kinds of change that can change which way feedback went (hiding private entries hides theirs).
FLOW_CHANGES = frozenset({Change.ENTRIES, Change.FEEDBACK, Change.PRIVACY})

#: `vocab`'s words this box shows, for pyside6-lupdate (data/ knows nothing of Qt): translated where
#: shown, in the "vocab" context (`_vocab`), as the Goals tab does its statuses.
_VOCAB_WORDS = (
    QT_TRANSLATE_NOOP("vocab", "Agree your ground rules"),
    QT_TRANSLATE_NOOP("vocab", "Fill in both SWOT grids"),
    QT_TRANSLATE_NOOP("vocab", "Set a goal for each of you"),
    QT_TRANSLATE_NOOP("vocab", "Log your first session"),
    QT_TRANSLATE_NOOP("vocab", "Set a review date"),
    QT_TRANSLATE_NOOP("vocab", "Not answered"),
    QT_TRANSLATE_NOOP("vocab", "Yes"),
    QT_TRANSLATE_NOOP("vocab", "Partly"),
    QT_TRANSLATE_NOOP("vocab", "No"),
)


class PracticePanel(QGroupBox):
    """Reads what it shows on `reload()` (a handful of small queries, on changes only)."""

    go_to = Signal(str)  # the title of the tab where the user can act on what is shown
    focus_review_date = Signal()
    focus_agreement = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Our practice"))
        self.doc = doc
        self.loaded = False  # until the first reload, just after the Overview's first paint
        # What was read last, kept until the kinds of change it depends on come by (`reload`).
        self._check_ins: list[tuple[date, str]] | None = None
        self._trend: list[reads.CheckInRow] = []
        self._flow: list[compute.FeedbackGiven] | None = None
        #: whose check-in is due, and what it was worked out from
        self._status = compute.CheckInMemo()
        column = QVBoxLayout(self)

        self.closed = QFrame(self)
        self.closed.setFrameShape(QFrame.Shape.StyledPanel)
        closed_row = QHBoxLayout(self.closed)
        self.closed_text = wrapped_label("", self.closed)
        self.reopen_button = QPushButton(self.tr("Re&open Partnership"), self.closed)
        self.reopen_button.clicked.connect(self.reopen)
        closed_row.addWidget(self.closed_text, 1)
        closed_row.addWidget(self.reopen_button)
        column.addWidget(self.closed)

        self.checklist = QWidget(self)
        grid = QGridLayout(self.checklist)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checklist_title = wrapped_label("", self.checklist)
        bold = self.checklist_title.font()
        bold.setBold(True)
        self.checklist_title.setFont(bold)
        self.dismiss_button = QPushButton(self.tr("&Hide This List"), self.checklist)
        self.dismiss_button.clicked.connect(self.dismiss)
        grid.addWidget(self.checklist_title, 0, 0, 1, 2)
        grid.addWidget(self.dismiss_button, 0, 2)
        self.items: dict[str, tuple[QLabel, QPushButton]] = {}
        for row, (key, label) in enumerate(CHECKLIST_LABELS.items(), start=1):
            words = vocab(label)
            mark = wrapped_label(words, self.checklist)
            go = QPushButton(self.tr("Do It Now"), self.checklist)
            go.setAccessibleName(self.tr("{step}: go there").format(step=words))
            go.clicked.connect(lambda _c=False, k=key: self.go_to_step(k))
            grid.addWidget(mark, row, 0, 1, 2)
            grid.addWidget(go, row, 2)
            self.items[key] = (mark, go)
        grid.setColumnStretch(1, 1)
        column.addWidget(self.checklist)

        check_row = QHBoxLayout()
        self.check_in_text = wrapped_label("", self)
        self.check_in_button = QPushButton(self.tr("&Check In…"), self)
        self.check_in_button.clicked.connect(lambda: self.go_to.emit(CHECK_INS_TAB))
        check_row.addWidget(self.check_in_text, 1)
        check_row.addWidget(self.check_in_button)
        column.addLayout(check_row)
        self.feedback_text = wrapped_label("", self)
        column.addWidget(self.feedback_text)
        self.trend_text = wrapped_label("", self)
        column.addWidget(self.trend_text)

    # -- reading -------------------------------------------------------------------------------------

    def reload(self, session_days: Sequence[date], kinds: Changes | None = None) -> None:
        """`session_days`: the days of every session (the momentum figures' list, already read).
        The check-ins' days are read again only when check-ins changed (`kinds`; None: always)."""
        self.loaded = True
        store = self.doc.store
        if kinds is None or Change.CHECK_INS in kinds or self._check_ins is None:
            check_ins, trend = reads.check_in_dates(store), reads.latest_check_ins(store, 12)
            self._check_ins, self._trend = check_ins, trend  # both or neither
        if kinds is None or kinds & FLOW_CHANGES or self._flow is None:
            self._flow = reads.feedback_flow(store, FEEDBACK_WINDOW, include_private=not self.doc.hide_private)
        p = self.doc.partnership()
        names = {"mentor": isolate(p.mentor_name), "mentee": isolate(p.mentee_name)}

        self.closed.setVisible(p.closed_on is not None)
        if p.closed_on is not None:
            self.closed_text.setText(self.tr(
                "This partnership closed on {day}. Everything stays readable; RevMentor no longer "
                "asks for sessions or check-ins. Reopen it to carry on.").format(day=day_text(p.closed_on)))
        self.reopen_button.setEnabled(not self.doc.read_only)

        checklist = reads.checklist(store)
        self.checklist.setVisible(checklist.shown)
        if checklist.shown:
            self.checklist_title.setText(self.tr("Getting started — {done} of {steps} done").format(
                done=checklist.done_count, steps=len(checklist.items)))
            for item in checklist.items:
                mark, go = self.items[item.key]
                mark.setText(f"{'✓' if item.done else '○'}  {vocab(CHECKLIST_LABELS[item.key])}")
                mark.setEnabled(not item.done)  # a done step reads as settled (greyed)
                go.setVisible(not item.done)
            self.dismiss_button.setEnabled(not self.doc.read_only)

        # Every session counts towards a check-in, private ones too (they hide what was said only).
        status = self._status.status(session_days, self._check_ins, p.check_in_every,
                                     closed=p.closed_on is not None)
        self.check_in_text.setText(_check_in_words(status, names, p.closed_on is not None))
        self.check_in_button.setVisible(status.due)
        self.check_in_button.setEnabled(not self.doc.read_only)

        silent = compute.one_way_feedback(self._flow, FEEDBACK_WINDOW)
        self.feedback_text.setVisible(silent is not None)
        if silent is not None:
            other = "mentee" if silent == "mentor" else "mentor"
            self.feedback_text.setText(self.tr(
                "Feedback has gone one way lately: in the last {n} sessions only {other} told "
                "{silent} what to keep and what to try. {silent}'s view counts as much — at the end "
                "of the next session, ask {silent} for one thing to keep and one to try.").format(
                    n=FEEDBACK_WINDOW, other=names[other], silent=names[silent]))

        self.trend_text.setText(_trend_words(self._trend, names))

    # -- acting ----------------------------------------------------------------------------------------

    def go_to_step(self, key: str) -> None:
        tab = CHECKLIST_TABS.get(key)
        if tab is not None:
            self.go_to.emit(tab)
        elif key == "review_date":
            self.focus_review_date.emit()
        else:
            self.focus_agreement.emit()

    def dismiss(self) -> None:
        self.doc.run(commands.dismiss_checklist(True), self)

    def reopen(self) -> None:
        self.doc.run(commands.reopen_partnership(), self)


def _check_in_words(status: compute.CheckInStatus, names: dict[str, str], closed: bool) -> str:
    if closed:
        return QCoreApplication.translate("PracticePanel",
                                          "No check-ins are asked for while the partnership is closed.")
    if status.due:
        who = [names[r] for r in status.due_for]
        both = QCoreApplication.translate("PracticePanel", "{first} and {second}")
        return QCoreApplication.translate(
            "PracticePanel", "Check-in due for {who}: {n} or more sessions since the last one. Each of "
                             "you says what is working and what to tweak — it takes five minutes.").format(
            who=both.format(first=who[0], second=who[-1]) if len(who) > 1 else who[0],
            n=status.every)
    left = status.sessions_until_due
    text = by_count(left, QCoreApplication.translate(
        "PracticePanel", "Next check-in in {left} session (every {n} sessions: what works, what to "
                         "tweak, are the goals still right?)."), QCoreApplication.translate(
        "PracticePanel", "Next check-in in {left} sessions (every {n} sessions: what works, what to "
                         "tweak, are the goals still right?)."))
    return text.format(left=left, n=status.every)


def _trend_words(check_ins: list[reads.CheckInRow], names: dict[str, str]) -> str:
    """How the answers have moved: each partner's usefulness over their check-ins, oldest first,
    and their latest word on the goals."""
    if not check_ins:
        return QCoreApplication.translate(
            "PracticePanel", "No check-ins yet: the first one shows how the sessions are landing for "
                             "each of you.")
    parts = []
    for role in ("mentor", "mentee"):
        mine = [c for c in check_ins if c.author == role]
        if not mine:
            continue
        useful = (" → ".join(str(c.usefulness) for c in mine if c.usefulness)
                  or QCoreApplication.translate("PracticePanel", "not rated"))
        goals = vocab(GOALS_STILL_RIGHT_LABELS.get(mine[-1].goals_still_right, "")).lower()
        if mine[-1].goals_still_right:
            part = QCoreApplication.translate(
                "PracticePanel", "{name}: usefulness {useful}; goals still right: {answer}")
        else:
            part = QCoreApplication.translate("PracticePanel", "{name}: usefulness {useful}")
        parts.append(part.format(name=names[role], useful=useful, answer=goals))
    return QCoreApplication.translate("PracticePanel", "Check-ins so far — {parts}.").format(
        parts=" · ".join(parts))
