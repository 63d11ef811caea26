"""Help › Reverse-Mentoring Guide: the practice from kick-off to close, in RevMentor's own words,
each step with a link that opens the tab where the app does it (and, for sharing, a link that
starts File › Share with Partner…).

The text is ours (translated, context "Guide"); the partners' names (when a partnership is open) go
in escaped. Links are `revmentor:tab/<English title>` and never leave the app (the browser opens no
link itself).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.window.tab_specs import shown_name

#: (heading, what to do and why, the tab where RevMentor does it — None: no one tab)
STEPS: tuple[tuple[str, str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("Guide", "1. Agree what you are each here for"),
     QT_TRANSLATE_NOOP("Guide", "Set goals together before the first session: at least one for "
                                "each of you and, if you like, one you share. A goal says what "
                                "success looks like (its success measure), so that at the review "
                                "you can put what you expected beside what happened. Goals that "
                                "were never aligned are the quietest way a partnership fails."),
     "Goals"),
    (QT_TRANSLATE_NOOP("Guide", "2. Agree how you will work"),
     QT_TRANSLATE_NOOP("Guide", "Settle how often you meet and for how long, and write down ground "
                                "rules: confidentiality, feedback both ways, boundaries (working "
                                "hours, the reporting line). The ready-made rules use your own "
                                "cadence; edit them into your words. Set a review date — three "
                                "months after the start is a good first one."),
     "Overview"),
    (QT_TRANSLATE_NOOP("Guide", "3. Start on a level footing: a SWOT each"),
     QT_TRANSLATE_NOOP("Guide", "Each of you fills in strengths, weaknesses, opportunities and "
                                "threats, then you share them. The junior partner's grid is as "
                                "important as the senior's; items you both wrote are marked. If "
                                "you each keep your own file, File › Share with Partner… writes "
                                "your grid (and everything else you may share, nothing private) "
                                "for your partner to import with File › Import from Partner…, and "
                                "theirs comes back the same way."),
     "SWOT"),
    (QT_TRANSLATE_NOOP("Guide", "4. Meet, and keep to it"),
     QT_TRANSLATE_NOOP("Guide", "Log each session: its topics, an agenda, notes and what each of "
                                "you took away. Rotate the hot topics so the sessions stay fresh — "
                                "AI tools one month, hybrid etiquette the next. Action items carry "
                                "over to the next agenda until they are done. Time pressure and "
                                "ghosting start with one skipped slot: the Overview shows when the "
                                "next session is due."),
     "Journal"),
    (QT_TRANSLATE_NOOP("Guide", "5. Give feedback both ways, every session"),
     QT_TRANSLATE_NOOP("Guide", "At the end of each session, each of you tells the other one thing "
                                "to keep doing and one thing to try next time, and says how useful "
                                "the session was. The junior mentor's view counts as much as the "
                                "senior mentee's: if only one of you has been giving feedback, the "
                                "Overview says so."),
     "Journal"),
    (QT_TRANSLATE_NOOP("Guide", "6. Watch the skills grow"),
     QT_TRANSLATE_NOOP("Guide", "Each skill has a target; each of you rates it, yourself and your "
                                "partner. Where your ratings disagree by two levels or more, talk "
                                "about it."),
     "Skills"),
    (QT_TRANSLATE_NOOP("Guide", "7. Check in every few sessions"),
     QT_TRANSLATE_NOOP("Guide", "A five-minute check-in each: what is working, what to tweak, how "
                                "useful it has been, and whether the goals are still the right "
                                "ones. Then change one thing. The Overview says when a check-in is "
                                "due and how the answers have moved."),
     "Check-ins & Reviews"),
    (QT_TRANSLATE_NOOP("Guide", "8. Review at the agreed date, and decide together"),
     QT_TRANSLATE_NOOP("Guide", "At the mid-point and at the end, go through each goal — what you "
                                "expected beside what you achieved — and what each of you taught, "
                                "learned, and what the partnership changed for you. Then decide: "
                                "continue as you are, adjust (new goals, a new cadence, a new "
                                "review date) or close. A closed partnership stays readable and "
                                "can be reopened."),
     "Check-ins & Reviews"),
    (QT_TRANSLATE_NOOP("Guide", "9. Share what you choose"),
     QT_TRANSLATE_NOOP("Guide", "File › Export PDF Summary writes a summary to send each other — "
                                "never with anything marked private. After a review, choose Review "
                                "Only. To keep both of your files in step, swap shares after each "
                                "review (File › Share with Partner…): once both of you have "
                                "imported, your two summaries agree."),
     None),
)

#: steps (by index) with a second link, to a menu action: (action name, its link text)
STEP_ACTIONS: dict[int, tuple[str, str]] = {
    2: ("share", QT_TRANSLATE_NOOP("Guide", "Share with Partner ›")),
    8: ("share", QT_TRANSLATE_NOOP("Guide", "Share with Partner ›")),
}

PITFALLS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Guide", "The senior partner takes over"),
     QT_TRANSLATE_NOOP("Guide", "It is easy to slip into the usual roles. Let the mentor set the "
                                "agenda for their topics, and ask before advising.")),
    (QT_TRANSLATE_NOOP("Guide", "The power gap silences the junior partner"),
     QT_TRANSLATE_NOOP("Guide", "Say in the ground rules that honest feedback is wanted both ways, "
                                "and ask for it at the end of every session rather than waiting "
                                "for it to be offered.")),
    (QT_TRANSLATE_NOOP("Guide", "Time pressure and ghosting"),
     QT_TRANSLATE_NOOP("Guide", "Keep the slot; rebook a cancelled session within the same week. A "
                                "short session beats none.")),
    (QT_TRANSLATE_NOOP("Guide", "Goals that were never aligned"),
     QT_TRANSLATE_NOOP("Guide", "Write a success measure for every goal and look at them together "
                                "at every check-in.")),
)


def guide_html(mentor: str | None = None, mentee: str | None = None) -> str:
    """The guide as HTML: our words (in the user's language when there is a translation), with the
    partners' names (escaped) when a file is open."""
    def words(text: str) -> str:
        return html.escape(QCoreApplication.translate("Guide", text))

    who = ""
    if mentor and mentee:
        sentence = QCoreApplication.translate(
            "Guide", "For {mentor} (the mentor: tech, trends, culture) and {mentee} (the mentee: "
                     "perspective, network, leadership).")
        who = ("<p><i>" + html.escape(sentence).format(mentor=html.escape(mentor),
                                                       mentee=html.escape(mentee)) + "</i></p>")
    heading = QCoreApplication.translate("Guide", "Reverse mentoring, step by step")
    intro = QCoreApplication.translate(
        "Guide", "A junior colleague mentors a senior one, and learns as much in return. What makes "
                 "it work is the practice below; RevMentor keeps each step in one place.")
    parts = [f"<h2>{html.escape(heading)}</h2>", who, f"<p>{html.escape(intro)}</p>"]
    for n, (title, body, tab) in enumerate(STEPS):
        go = QCoreApplication.translate("Guide", "Open {tab} ›")
        link = (f' <a href="revmentor:tab/{html.escape(tab)}">'
                f'{html.escape(go.format(tab=shown_name(tab)))}</a>' if tab else "")
        if n in STEP_ACTIONS:
            action, text = STEP_ACTIONS[n]
            link += f' <a href="revmentor:action/{action}">{words(text)}</a>'

        parts.append(f"<h3>{words(title)}</h3><p>{words(body)}{link}</p>")
    pitfalls = QCoreApplication.translate("Guide", "Pitfalls to steer around")
    parts.append(f"<h2>{html.escape(pitfalls)}</h2><ul>")
    parts += [f"<li><b>{words(t)}.</b> {words(b)}</li>" for t, b in PITFALLS]
    parts.append("</ul>")
    return "".join(parts)


#: A comfortable line of prose, and a sample of it to measure (averageCharWidth() measures the
#: font's narrow characters too, which left the guide at about 45 characters a line).
LINE_CHARACTERS = 70
_PROSE = "Set goals together before the first session: at least one for each of you. "


def reading_size(widget: QWidget) -> tuple[int, int]:
    """A window size for reading prose: about LINE_CHARACTERS to a line, two thirds of the screen
    high, never larger than the screen."""
    metrics = widget.fontMetrics()
    line = metrics.horizontalAdvance(_PROSE) * LINE_CHARACTERS // len(_PROSE)
    screen = (widget.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    width = min(line + 8 * metrics.averageCharWidth(), int(screen.width() * 0.9))  # margins, scroll bar
    height = min(max(34 * metrics.lineSpacing(), screen.height() * 2 // 3), int(screen.height() * 0.9))
    return width, height


class GuideDialog(QDialog):
    """Non-modal: the guide stays open beside the window while the user follows it."""

    def __init__(self, parent: QWidget | None, open_tab: Callable[[str], bool],
                 mentor: str | None = None, mentee: str | None = None,
                 run_action: Callable[[str], bool] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reverse-Mentoring Guide"))
        self._open_tab = open_tab
        self._run_action = run_action
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(guide_html(mentor, mentee))
        self.browser.anchorClicked.connect(self._follow)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(*reading_size(self))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() != "revmentor":
            return
        if url.path().startswith("tab/"):
            self._open_tab(url.path()[len("tab/"):])
        elif url.path().startswith("action/") and self._run_action is not None:
            self._run_action(url.path()[len("action/"):])
