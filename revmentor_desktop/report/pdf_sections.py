"""What each section of the PDF summary says, as blocks (see `pdf_blocks`): the partnership and
its agreement, goals, the SWOT grids, skills, journal highlights, check-ins, reviews and open
action items. Every piece of user text goes through `esc` / `esc_in`."""

from __future__ import annotations

import html
import io
import math
import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from revmentor_desktop.data.reads import JournalEntryRow
from revmentor_desktop.data.vocab import (
    EARLIER_FEEDBACK_NOTE,
    GOALS_STILL_RIGHT_LABELS,
    QT_TRANSLATE_NOOP,
    REVIEW_DECISION_LABELS,
    REVIEW_KIND_LABELS,
)
from revmentor_desktop.report import summary as sm
from revmentor_desktop.report.pdf_blocks import (
    RESOLUTION,
    Block,
    ChartBlock,
    Context,
    TextBlock,
    day,
    due_day,
    esc,
    esc_in,
    row_html,
)
from revmentor_desktop.report.text import by_count, vocab

#: a tag in a cell's HTML (its words are measured without them)
_TAG = re.compile(r"<[^>]*>")
#: a word as a line may not break inside it: up to a space (not a no-break one), or after - or /
_WORD = re.compile(r"[^ \t\n\r\-/]+[-/]?")

#: The quadrants' tints: the app's own (ui/swot/look.py, light theme), so the grids look alike on
#: screen and on paper (a test keeps them in step). Their names are vocab's, translated as the
#: window translates them.
QUADRANTS = (("S", "Strengths", "#e4f3e8"), ("W", "Weaknesses", "#fcefd9"),
             ("O", "Opportunities", "#e3ecfa"), ("T", "Threats", "#fae4e7"))
QUADRANT_CAPTIONS = {"S": QT_TRANSLATE_NOOP("Report", "internal"),
                     "W": QT_TRANSLATE_NOOP("Report", "internal"),
                     "O": QT_TRANSLATE_NOOP("Report", "external"),
                     "T": QT_TRANSLATE_NOOP("Report", "external")}
SHARED_MARK = "⇄"

#: The PDF's words are English in the code and go through Qt's translation (context "Report"; the
#: vocabulary's labels in context "vocab", as in the window), so the summary speaks the language
#: the window does when a translation is loaded.
translate = QCoreApplication.translate


#: vocab's words for a review's decision, marked here: the window words decisions its own way
#: (ui/practice/decision.py), so only the PDF uses these.
DECISION_LABELS = (QT_TRANSLATE_NOOP("vocab", "Not decided yet"),
                   QT_TRANSLATE_NOOP("vocab", "Continue as is"),
                   QT_TRANSLATE_NOOP("vocab", "Adjust (new goals, cadence or review date)"),
                   QT_TRANSLATE_NOOP("vocab", "Close the partnership"))


def decision_words(decision: str) -> str:
    """A review's decision in words ("Continue as is"), in the user's language."""
    return vocab(REVIEW_DECISION_LABELS.get(decision, decision))


def label(text: str) -> str:
    """A small grey caption over a figure or a column ("SESSIONS HELD"), escaped."""
    return f'<span class="label">{esc(text)}</span>'


class Builder:
    def __init__(self, ctx: Context, summary: sm.Summary, chart_width_px: float) -> None:
        self.ctx = ctx
        self.s = summary
        self.blocks: list[Block] = []
        self.chart_width_px = chart_width_px

    def text(self, body: str, **kw: object) -> TextBlock:
        block = TextBlock(body, self.ctx, **kw)  # type: ignore[arg-type]
        self.blocks.append(block)
        return block

    def heading(self, title: str) -> None:
        self.text(f"<h2>{esc(title)}</h2>", keep_with_next=True)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int],
              empty: str) -> None:
        if not rows:
            self.text(f'<p class="muted">{esc(empty)}</p>', space_after=self.ctx.px(6))
            return
        widths = self._room_for_words(headers, rows, widths)
        head = TextBlock(row_html([esc(h) for h in headers], widths, header=True), self.ctx,
                         background="#e8eef4")
        head.keep_with_next = True
        self.blocks.append(head)
        for i, row in enumerate(rows):
            block = TextBlock(row_html(row, widths), self.ctx, rule=True,
                              background="#f7f9fb" if i % 2 else None)
            block.header = head
            self.blocks.append(block)
        self.blocks[-1].space_after = self.ctx.px(8)

    def _room_for_words(self, headers: Sequence[str], rows: Sequence[Sequence[str]],
                        widths: Sequence[int]) -> list[int]:
        """Column widths (percent) in which each column's longest word fits whole: its header's
        first ("Progress", not "Progres / s"), then a cell's ("Not answered", not "answere / d")
        as far as the other columns can spare it without a header of theirs breaking. A cell's
        word counts only up to a sixth of the table (a long web address wraps where Qt can)."""
        from PySide6.QtGui import QFont, QFontMetricsF

        bold = QFont(self.ctx.font)
        bold.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetricsF(bold, self.ctx.device)  # (bold: a cell's words may be, and it is wider)
        heads = [max((metrics.horizontalAdvance(w) for w in h.split()), default=0.0) for h in headers]
        pad = 2 * 3 * RESOLUTION / 96 + 4  # the cells' padding (CSS pixels), and a little air
        fitted = fit_header_widths(heads, widths, self.chart_width_px, pad)
        cap = self.chart_width_px / 6
        words = list(heads)
        for row in rows:
            for i, cell in enumerate(row):
                for word in _WORD.findall(html.unescape(_TAG.sub(" ", cell))):
                    words[i] = max(words[i], min(cap, metrics.horizontalAdvance(word)))
        return fit_header_widths(words, fitted, self.chart_width_px, pad)

    # -- sections --------------------------------------------------------------------------------

    def build(self) -> list[Block]:
        s, p = self.s, self.s.partnership
        period = f"{day(p.start_date)} – {day(p.review_date) if p.review_date else esc(translate('Report', 'ongoing'))}"
        org = f" · {esc_in(p.organisation)}" if p.organisation else ""
        cadence = translate("Report", "every {days} days, {minutes} min").format(
            days=p.cadence_days, minutes=p.duration_minutes)
        prepared = translate("Report", "Prepared {day}. Entries marked private are not included.").format(
            day=day(s.generated_on))
        self.text(
            f"<h1>{esc_in(s.mentor_name)} ↔ {esc_in(s.mentee_name)}</h1>"
            f'<p class="muted">{esc(translate("Report", "Reverse-mentoring summary"))}{org}</p>'
            f'<table width="100%" cellspacing="0" cellpadding="2" style="margin-top:6pt">'
            f'<tr><td width="25%">{label(translate("Report", "MENTOR"))}<br>{esc_in(s.mentor_name)}</td>'
            f'<td width="25%">{label(translate("Report", "MENTEE"))}<br>{esc_in(s.mentee_name)}</td>'
            f'<td width="25%">{label(translate("Report", "PARTNERSHIP"))}<br>{period}</td>'
            f'<td width="25%">{label(translate("Report", "CADENCE"))}<br>{esc(cadence)}</td></tr></table>'
            f'<p class="small muted" style="margin-top:4pt">{esc(prepared)}</p>',
            space_after=self.ctx.px(6),
        )
        sections = {
            sm.SECTION_OVERVIEW: self.overview, sm.SECTION_GOALS: self.goals, sm.SECTION_SWOT: self.swot,
            sm.SECTION_SKILLS: self.skills, sm.SECTION_JOURNAL: self.journal,
            sm.SECTION_ACTIONS: self.actions, sm.SECTION_CHECK_INS: self.check_ins,
            sm.SECTION_REVIEW: self.reviews,
        }
        for name in sm.ALL_SECTIONS:
            if name in s.options.sections:
                sections[name]()
        return self.blocks

    def overview(self) -> None:
        s = self.s
        self.heading(translate("Report", "Overview"))
        kept = (esc(translate("Report", "{percent}% ({kept} of {elapsed} periods)").format(
            percent=round(s.cadence_kept * 100), kept=s.periods_kept, elapsed=s.periods_elapsed))
                if s.cadence_kept is not None else "—")
        hours = translate("Report", "{hours} h").format(hours=f"{s.minutes_together / 60:.1f}")
        goals = (", ".join(f"{n} {status.lower()}" for status, n in s.goal_counts.items() if n)
                 or translate("Report", "none yet"))
        held = str(s.sessions_held)
        if s.private_sessions:
            private = translate("Report", "({n} private, not shown)").format(n=s.private_sessions)
            held += f' <span class="small muted">{esc(private)}</span>'
        cells = [(translate("Report", "SESSIONS HELD"), held),
                 (translate("Report", "TIME TOGETHER"), esc(hours)),
                 (translate("Report", "CADENCE KEPT"), kept),
                 (translate("Report", "LAST SESSION"), day(s.last_session))]
        tds = "".join(f'<td width="25%">{label(a)}<br><b>{b}</b></td>' for a, b in cells)
        focus = translate("Report", "FOCUS AREAS")
        self.text(f'<table width="100%" cellspacing="0" cellpadding="3"><tr>{tds}</tr></table>'
                  f'<p style="margin-top:3pt">{label(translate("Report", "GOALS"))} {esc(goals)}</p>'
                  + (f'<p>{label(focus)} {", ".join(map(esc_in, s.focus_areas))}</p>'
                     if s.focus_areas else ""),
                  space_after=self.ctx.px(4))
        self.text(f"<h3>{esc(translate('Report', 'Our agreement'))}</h3>", keep_with_next=True)
        if not s.clauses:
            self.text(f'<p class="muted">{esc(translate("Report", "No ground rules written down yet."))}</p>')
        for i, clause in enumerate(s.clauses, 1):
            self.text(f'<table width="100%" cellspacing="0" cellpadding="2"><tr>'
                      f'<td width="4%">{i}.</td><td width="96%">{esc(clause)}</td></tr></table>')
        self.blocks[-1].space_after = self.ctx.px(8)

    def goals(self) -> None:
        self.heading(translate("Report", "Goals"))
        rows = [[f"<b>{esc(g.title)}</b>", esc(g.owner), esc(g.status), f"{g.progress}%",
                 f"{g.milestones_done}/{g.milestones_total}" if g.milestones_total else "—",
                 due_day(g.target_date, g.overdue),
                 esc(g.success_measure) or '<span class="muted">—</span>'] for g in self.s.goals]
        self.table([translate("Report", "Goal"), translate("Report", "Owner"),
                    translate("Report", "Status"), translate("Report", "Progress"),
                    translate("Report", "Steps done"), translate("Report", "Target"),
                    translate("Report", "How we'll know")],
                   rows, [22, 11, 11, 10, 8, 12, 26], translate("Report", "No shared goals yet."))

    def swot(self) -> None:
        s = self.s
        self.heading(translate("Report", "SWOT"))
        any_shared = any(c.shared_with for g in s.swot.values() for cells in g.values() for c in cells)

        def grid(role: str, name: str) -> str:
            cells = s.swot.get(role, {})

            def quadrant(code: str, title: str, tint: str) -> str:
                items = cells.get(code, [])
                lines = "".join(
                    f"<p>• {esc_in(c.text)}"
                    + (f' <b title="">{SHARED_MARK}</b>' if c.shared_with else "") + "</p>"
                    for c in items
                ) or '<p class="muted">—</p>'
                # (no-break spaces: "external · 4" wraps whole, never leaving "· 4" on a line)
                caption = f"{translate('Report', QUADRANT_CAPTIONS[code])}\u00a0·\u00a0{len(items)}"
                return (f'<td width="50%" bgcolor="{tint}"><b>{esc(vocab(title))}</b> '
                        f'{label(caption)}{lines}</td>')

            q = {code: quadrant(code, title, tint) for code, title, tint in QUADRANTS}
            return (f'<h3>{esc_in(name)} — {esc(translate("Report", role))}</h3>'
                    f'<table width="100%" cellspacing="3" cellpadding="4">'
                    f'<tr>{q["S"]}{q["W"]}</tr><tr>{q["O"]}{q["T"]}</tr></table>')

        body = (f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
                f'<td width="50%">{grid(QT_TRANSLATE_NOOP("Report", "mentor"), s.mentor_name)}</td>'
                f'<td width="50%">{grid(QT_TRANSLATE_NOOP("Report", "mentee"), s.mentee_name)}</td>'
                "</tr></table>")
        if any_shared:
            both = translate("Report", "{mark} in both grids (the same words, ignoring case, punctuation, "
                                       "small words and word order).").format(mark=SHARED_MARK)
            body += f'<p class="small muted">{esc(both)}</p>'
        self.text(body, space_after=self.ctx.px(8))

    def skills(self) -> None:
        s = self.s
        self.heading(translate("Report", "Skills"))
        if s.skill_series:
            self.blocks.append(self._chart())
        rows = []
        talk = esc(translate("Report", "gap — talk about it"))
        for k in s.skills:
            gap = f'<span class="overdue">{talk}</span>' if k.gap else ""
            rows.append([esc(k.name), esc(k.owner), str(k.target),
                         str(k.latest_self) if k.latest_self is not None else "—",
                         str(k.latest_partner) if k.latest_partner is not None else "—", gap])
        self.table([translate("Report", "Skill"), translate("Report", "Whose"),
                    translate("Report", "Target"), translate("Report", "Latest self"),
                    translate("Report", "Latest partner"), ""], rows,
                   [32, 20, 10, 12, 13, 13], translate("Report", "No skills tracked yet."))

    def _chart(self) -> ChartBlock:
        from revmentor_desktop.report.charts import skills_figure

        width_in = self.chart_width_px / RESOLUTION
        fig = skills_figure(self.s.skill_series, gaps=self.s.skill_gaps,  # type: ignore[arg-type]
                            width=width_in)  # as high as its panels need
        height_in = float(fig.get_size_inches()[1])
        buf = io.BytesIO()
        import matplotlib

        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "revmentor"}):
            fig.savefig(buf, format="svg")
        return ChartBlock(buf.getvalue(), height_in / width_in)

    def journal(self) -> None:
        s = self.s
        o = s.options
        title = translate("Report", "Journal highlights")
        if o.journal_ranged:
            title = translate("Report", "Journal highlights ({start} – {end})").format(
                start=day(o.journal_from) if o.journal_from else translate("Report", "start"),
                end=day(o.journal_to) if o.journal_to else translate("Report", "today"))
        self.heading(title)
        if not s.entries:
            self.text(f'<p class="muted">{esc(translate("Report", "No shared sessions in this period."))}</p>',
                      space_after=self.ctx.px(8))
            return
        shown, of = len(s.entries), s.shared_sessions
        if shown < of:
            which = translate("Report", "The {shown} most recent of {of} shared sessions, newest first.")
        elif not o.journal_ranged:
            which = by_count(shown, translate("Report", "The one shared session."),
                             translate("Report", "All {shown} shared sessions, newest first."))
        else:
            which = by_count(shown, translate("Report", "One shared session."),
                             translate("Report", "{shown} shared sessions, newest first."))
        self.text(f'<p class="small muted">{esc(which.format(shown=shown, of=of))}</p>',
                  keep_with_next=True)
        for e in s.entries:
            self.text(self._entry_html(e), rule=True, space_after=self.ctx.px(4))
        self.blocks[-1].space_after = self.ctx.px(8)

    def _entry_html(self, e: JournalEntryRow) -> str:
        """One session: takeaways side by side, then feedback both ways, each under who gave it."""
        s = self.s
        mentor, mentee = esc_in(s.mentor_name), esc_in(s.mentee_name)

        def said(text: str) -> str:
            return esc(text) if text.strip() else '<span class="muted">—</span>'

        def cell(caption: str, body: str) -> str:  # `caption`: HTML (names in it escaped)
            return f'<td width="50%"><span class="label">{caption}</span><br>{body}</td>'

        def said_as(words: str, text: str) -> str:
            return f"<i>{esc(translate('Report', words))}</i> {said(text)}"

        def feedback(keep: str, try_: str) -> str:
            if not (keep.strip() or try_.strip()):
                return '<span class="muted">—</span>'
            return f'{said_as("Keep doing:", keep)}<br>{said_as("Try next time:", try_)}'

        ratings = [f"{who} {stars(r)}" for who, r in ((mentor, e.mentor_rating), (mentee, e.mentee_rating))
                   if r]
        useful = (f' <span class="small muted">· {esc(translate("Report", "useful:"))} '
                  f'{" · ".join(ratings)}</span>' if ratings else "")
        # Captions are capitals: the names are set in capitals before they are escaped.
        big_mentor, big_mentee = esc_in(s.mentor_name.upper()), esc_in(s.mentee_name.upper())
        took = esc(translate("Report", "{name} TOOK AWAY"))
        rows = (f"<tr>{cell(took.format(name=big_mentor), said(e.mentor_takeaway))}"
                f"{cell(took.format(name=big_mentee), said(e.mentee_takeaway))}</tr>"
                f"<tr>{cell(f'{big_mentor} → {big_mentee}', feedback(e.mentor_says_keep, e.mentor_says_try))}"
                f"{cell(f'{big_mentee} → {big_mentor}', feedback(e.mentee_says_keep, e.mentee_says_try))}</tr>")
        if e.feedback_good.strip() or e.feedback_improve.strip() or e.rating:
            old = (f'{said_as("Went well:", e.feedback_good)}<br>{said_as("To improve:", e.feedback_improve)}'
                   + (f' <span class="muted">{stars(e.rating)}</span>' if e.rating else ""))
            earlier = f'{translate("Report", "EARLIER FEEDBACK")} — {vocab(EARLIER_FEEDBACK_NOTE)}'
            rows += (f'<tr><td width="100%" colspan="2">{label(earlier)}<br>{old}</td></tr>')
        no_topics = f'<span class="muted">{esc(translate("Report", "no topics"))}</span>'
        return (f'<h3>{day(e.held_on)} · {esc_in(e.topics) or no_topics}'
                f'{useful}</h3><table width="100%" cellspacing="0" cellpadding="2">{rows}</table>')

    def check_ins(self) -> None:
        s = self.s
        self.heading(translate("Report", "Check-ins"))
        names = {"mentor": s.mentor_name, "mentee": s.mentee_name}
        rows = [[day(c.held_on), esc_in(names.get(c.author, c.author)),
                 stars(c.usefulness) if c.usefulness else "—",
                 esc(vocab(GOALS_STILL_RIGHT_LABELS.get(c.goals_still_right, c.goals_still_right))),
                 esc(c.working), esc(c.tweak)] for c in reversed(s.check_ins)]
        self.table([translate("Report", "Date"), translate("Report", "By"),
                    translate("Report", "Useful"), translate("Report", "Goals still right?"),
                    translate("Report", "What works"), translate("Report", "What to tweak")],
                   rows, [11, 13, 10, 10, 28, 28], translate("Report", "No check-ins yet."))

    def reviews(self) -> None:
        s = self.s
        self.heading(translate("Report", "Reviews"))
        if s.partnership.closed_on is not None:
            closed = translate("Report", "The partnership closed on {day}.").format(
                day=day(s.partnership.closed_on))
            self.text(f"<p><b>{esc(closed)}</b></p>", space_after=self.ctx.px(4))
        if not s.reviews:
            self.text(f'<p class="muted">{esc(translate("Report", "No review held yet."))}</p>',
                      space_after=self.ctx.px(8))
            return
        for r in reversed(s.reviews):  # the latest first: what the pair decided last
            decision = esc(decision_words(r.decision))
            if r.next_review_date is not None and r.decision != "close":
                decision += " · " + esc(translate("Report", "next review {day}").format(
                    day=day(r.next_review_date)))
            self.text(f'<h3>{esc(vocab(REVIEW_KIND_LABELS.get(r.kind, r.kind)))} · {day(r.held_on)}</h3>'
                      f'<p>{label(translate("Report", "DECISION"))} {decision}</p>', keep_with_next=True)
            if r.goals:
                self.table([translate("Report", "Goal"), translate("Report", "Expected (success measure)"),
                            translate("Report", "Achieved"), translate("Report", "Progress")],
                           [[esc(g.goal_title), esc(g.expected) or "—", esc(g.achieved) or "—",
                             f"{g.progress}%"] for g in r.goals], [24, 32, 32, 12], "")

            def side(name: str, taught: str, learned: str, changed: str) -> str:
                def line(words: str, text: str) -> str:
                    said = esc(text) if text.strip() else "<span class=muted>—</span>"
                    return f"<i>{esc(translate('Report', words))}</i> {said}"
                return (f'<td width="50%"><span class="label">{esc_in(name.upper())}</span><br>'
                        f'{line("Taught:", taught)}<br>{line("Learned:", learned)}<br>'
                        f'{line("What it changed:", changed)}</td>')

            body = (f'<table width="100%" cellspacing="0" cellpadding="2"><tr>'
                    f'{side(s.mentor_name, r.mentor_taught, r.mentor_learned, r.mentor_changed)}'
                    f'{side(s.mentee_name, r.mentee_taught, r.mentee_learned, r.mentee_changed)}</tr></table>')
            if r.notes.strip():
                body += f'<p>{label(translate("Report", "NOTES"))} {esc(r.notes)}</p>'
            self.text(body, rule=True, space_after=self.ctx.px(6))
        if s.earlier_reviews:
            earlier = "; ".join(
                f"{vocab(REVIEW_KIND_LABELS.get(r.kind, r.kind))} {day(r.held_on)}: "
                f"{decision_words(r.decision).split(' (')[0].lower()}"
                for r in reversed(s.earlier_reviews))
            self.text(f'<p class="small muted">{esc(translate("Report", "Earlier: {reviews}.").format(reviews=earlier))}</p>')
        self.blocks[-1].space_after = self.ctx.px(8)

    def actions(self) -> None:
        self.heading(translate("Report", "Open action items"))
        rows = [[esc(a.text), esc(a.owner), due_day(a.due_on, a.overdue), day(a.from_session)]
                for a in self.s.actions]
        self.table([translate("Report", "Action"), translate("Report", "Owner"),
                    translate("Report", "Due"), translate("Report", "Agreed on")], rows,
                   [54, 16, 16, 14], translate("Report", "No open action items."))


# -- pagination and writing ----------------------------------------------------------------------


def stars(n: int | None) -> str:
    """A 1–5 rating as five stars ("★★★☆☆"); empty when not rated."""
    return "" if not n else "★" * n + "☆" * (5 - n)


def fit_header_widths(longest: Sequence[float], widths: Sequence[int], total: float,
                      pad: float) -> list[int]:
    """Widen each column (percent of `total`) whose header's longest word (`longest`, in the same
    units as `total`) does not fit with `pad` around it, taking the room from the column with the
    most to spare; the widths keep their sum."""
    need = [math.ceil((w + pad) / total * 100) if w else 0 for w in longest]
    out = list(widths)
    for i, n in enumerate(need):
        short = n - out[i]
        if short <= 0:
            continue
        donor = max((k for k in range(len(out)) if k != i), key=lambda k: out[k] - need[k], default=None)
        if donor is None or out[donor] - need[donor] < short:
            continue  # nothing to spare: leave it (the word wraps as before)
        out[i] += short
        out[donor] -= short
    return out
