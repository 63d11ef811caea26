"""What each section of the PDF summary says, as blocks (see `pdf_blocks`): the partnership and
its agreement, goals, the SWOT grids, skills, journal highlights, check-ins, reviews and open
action items. Every piece of user text goes through `esc` / `esc_in`."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from revmentor_desktop.data.reads import JournalEntryRow
from revmentor_desktop.data.vocab import (
    EARLIER_FEEDBACK_NOTE,
    GOALS_STILL_RIGHT_LABELS,
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

#: The quadrants' tints: the app's own (ui/swot/look.py, light theme), so the grids look alike on
#: screen and on paper (a test keeps them in step).
QUADRANTS = (("S", "Strengths", "#e4f3e8"), ("W", "Weaknesses", "#fcefd9"),
             ("O", "Opportunities", "#e3ecfa"), ("T", "Threats", "#fae4e7"))
QUADRANT_CAPTIONS = {"S": "internal", "W": "internal", "O": "external", "T": "external"}
SHARED_MARK = "⇄"


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
        widths = self._room_for_headers(headers, widths)
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

    def _room_for_headers(self, headers: Sequence[str], widths: Sequence[int]) -> list[int]:
        """Column widths (percent) in which each header's longest word fits whole: "Progress", not
        "Progres / s"."""
        from PySide6.QtGui import QFont, QFontMetricsF

        font = QFont(self.ctx.font)
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetricsF(font, self.ctx.device)
        longest = [max((metrics.horizontalAdvance(w) for w in h.split()), default=0.0) for h in headers]
        pad = 2 * 3 * RESOLUTION / 96 + 4  # the cells' padding (CSS pixels), and a little air
        return fit_header_widths(longest, widths, self.chart_width_px, pad)

    # -- sections --------------------------------------------------------------------------------

    def build(self) -> list[Block]:
        s, p = self.s, self.s.partnership
        period = f"{day(p.start_date)} – {day(p.review_date) if p.review_date else 'ongoing'}"
        org = f" · {esc_in(p.organisation)}" if p.organisation else ""
        self.text(
            f"<h1>{esc_in(s.mentor_name)} ↔ {esc_in(s.mentee_name)}</h1>"
            f'<p class="muted">Reverse-mentoring summary{org}</p>'
            f'<table width="100%" cellspacing="0" cellpadding="2" style="margin-top:6pt">'
            f'<tr><td width="25%"><span class="label">MENTOR</span><br>{esc_in(s.mentor_name)}</td>'
            f'<td width="25%"><span class="label">MENTEE</span><br>{esc_in(s.mentee_name)}</td>'
            f'<td width="25%"><span class="label">PARTNERSHIP</span><br>{period}</td>'
            f'<td width="25%"><span class="label">CADENCE</span><br>every {p.cadence_days} days, '
            f'{p.duration_minutes} min</td></tr></table>'
            f'<p class="small muted" style="margin-top:4pt">Prepared {day(s.generated_on)}. '
            "Entries marked private are not included.</p>",
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
        self.heading("Overview")
        kept = (f"{round(s.cadence_kept * 100)}% ({s.periods_kept} of {s.periods_elapsed} periods)"
                if s.cadence_kept is not None else "—")
        hours = s.minutes_together / 60
        goals = ", ".join(f"{n} {label.lower()}" for label, n in s.goal_counts.items() if n) or "none yet"
        held = str(s.sessions_held)
        if s.private_sessions:
            held += f' <span class="small muted">({s.private_sessions} private, not shown)</span>'
        cells = [("SESSIONS HELD", held), ("TIME TOGETHER", f"{hours:.1f} h"),
                 ("CADENCE KEPT", kept), ("LAST SESSION", day(s.last_session))]
        tds = "".join(f'<td width="25%"><span class="label">{a}</span><br><b>{b}</b></td>' for a, b in cells)
        self.text(f'<table width="100%" cellspacing="0" cellpadding="3"><tr>{tds}</tr></table>'
                  f'<p style="margin-top:3pt"><span class="label">GOALS</span> {esc(goals)}</p>'
                  + (f'<p><span class="label">FOCUS AREAS</span> {", ".join(map(esc_in, s.focus_areas))}</p>'
                     if s.focus_areas else ""),
                  space_after=self.ctx.px(4))
        self.text("<h3>Our agreement</h3>", keep_with_next=True)
        if not s.clauses:
            self.text('<p class="muted">No ground rules written down yet.</p>')
        for i, clause in enumerate(s.clauses, 1):
            self.text(f'<table width="100%" cellspacing="0" cellpadding="2"><tr>'
                      f'<td width="4%">{i}.</td><td width="96%">{esc(clause)}</td></tr></table>')
        self.blocks[-1].space_after = self.ctx.px(8)

    def goals(self) -> None:
        self.heading("Goals")
        rows = [[f"<b>{esc(g.title)}</b>", esc(g.owner), esc(g.status), f"{g.progress}%",
                 f"{g.milestones_done}/{g.milestones_total}" if g.milestones_total else "—",
                 due_day(g.target_date, g.overdue),
                 esc(g.success_measure) or '<span class="muted">—</span>'] for g in self.s.goals]
        self.table(["Goal", "Owner", "Status", "Progress", "Steps done", "Target", "How we'll know"],
                   rows, [22, 11, 11, 10, 8, 12, 26], "No shared goals yet.")

    def swot(self) -> None:
        s = self.s
        self.heading("SWOT")
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
                return (f'<td width="50%" bgcolor="{tint}"><b>{title}</b> '
                        f'<span class="label">{QUADRANT_CAPTIONS[code]} · {len(items)}</span>{lines}</td>')

            q = {code: quadrant(code, title, tint) for code, title, tint in QUADRANTS}
            return (f'<h3>{esc_in(name)} — {role}</h3>'
                    f'<table width="100%" cellspacing="3" cellpadding="4">'
                    f'<tr>{q["S"]}{q["W"]}</tr><tr>{q["O"]}{q["T"]}</tr></table>')

        body = (f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
                f'<td width="50%">{grid("mentor", s.mentor_name)}</td>'
                f'<td width="50%">{grid("mentee", s.mentee_name)}</td></tr></table>')
        if any_shared:
            body += (f'<p class="small muted">{SHARED_MARK} in both grids (the same words, ignoring '
                     "case, punctuation, small words and word order).</p>")
        self.text(body, space_after=self.ctx.px(8))

    def skills(self) -> None:
        s = self.s
        self.heading("Skills")
        if s.skill_series:
            self.blocks.append(self._chart())
        rows = []
        for k in s.skills:
            gap = '<span class="overdue">gap — talk about it</span>' if k.gap else ""
            rows.append([esc(k.name), esc(k.owner), str(k.target),
                         str(k.latest_self) if k.latest_self is not None else "—",
                         str(k.latest_partner) if k.latest_partner is not None else "—", gap])
        self.table(["Skill", "Whose", "Target", "Latest self", "Latest partner", ""], rows,
                   [32, 20, 10, 12, 13, 13], "No skills tracked yet.")

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
        if o.journal_ranged:
            span = (f" ({day(o.journal_from) if o.journal_from else 'start'} – "
                    f"{day(o.journal_to) if o.journal_to else 'today'})")
        else:
            span = ""
        self.heading(f"Journal highlights{span}")
        if not s.entries:
            self.text('<p class="muted">No shared sessions in this period.</p>', space_after=self.ctx.px(8))
            return
        shown, of = len(s.entries), s.shared_sessions
        which = (f"The {shown} most recent of {of} shared sessions" if shown < of
                 else f"All {shown} shared session{'s' if shown != 1 else ''}" if not o.journal_ranged
                 else f"{shown} shared session{'s' if shown != 1 else ''}")
        self.text(f'<p class="small muted">{which}, newest first.</p>', keep_with_next=True)
        for e in s.entries:
            self.text(self._entry_html(e), rule=True, space_after=self.ctx.px(4))
        self.blocks[-1].space_after = self.ctx.px(8)

    def _entry_html(self, e: JournalEntryRow) -> str:
        """One session: takeaways side by side, then feedback both ways, each under who gave it."""
        s = self.s
        mentor, mentee = esc_in(s.mentor_name), esc_in(s.mentee_name)

        def said(text: str) -> str:
            return esc(text) if text.strip() else '<span class="muted">—</span>'

        def cell(label: str, body: str) -> str:
            return f'<td width="50%"><span class="label">{label}</span><br>{body}</td>'

        def feedback(keep: str, try_: str) -> str:
            if not (keep.strip() or try_.strip()):
                return '<span class="muted">—</span>'
            return (f'<i>Keep doing:</i> {said(keep)}<br><i>Try next time:</i> {said(try_)}')

        ratings = [f"{who} {stars(r)}" for who, r in ((mentor, e.mentor_rating), (mentee, e.mentee_rating))
                   if r]
        useful = (f' <span class="small muted">· useful: {" · ".join(ratings)}</span>' if ratings else "")
        rows = (f'<tr>{cell(mentor.upper() + " TOOK AWAY", said(e.mentor_takeaway))}'
                f'{cell(mentee.upper() + " TOOK AWAY", said(e.mentee_takeaway))}</tr>'
                f'<tr>{cell(f"{mentor.upper()} → {mentee.upper()}", feedback(e.mentor_says_keep, e.mentor_says_try))}'
                f'{cell(f"{mentee.upper()} → {mentor.upper()}", feedback(e.mentee_says_keep, e.mentee_says_try))}</tr>')
        if e.feedback_good.strip() or e.feedback_improve.strip() or e.rating:
            old = (f'<i>Went well:</i> {said(e.feedback_good)}<br><i>To improve:</i> {said(e.feedback_improve)}'
                   + (f' <span class="muted">{stars(e.rating)}</span>' if e.rating else ""))
            rows += (f'<tr><td width="100%" colspan="2"><span class="label">EARLIER FEEDBACK — '
                     f'{esc(EARLIER_FEEDBACK_NOTE)}</span><br>{old}</td></tr>')
        return (f'<h3>{day(e.held_on)} · {esc_in(e.topics) or "<span class=muted>no topics</span>"}'
                f'{useful}</h3><table width="100%" cellspacing="0" cellpadding="2">{rows}</table>')

    def check_ins(self) -> None:
        s = self.s
        self.heading("Check-ins")
        names = {"mentor": s.mentor_name, "mentee": s.mentee_name}
        rows = [[day(c.held_on), esc_in(names.get(c.author, c.author)),
                 stars(c.usefulness) if c.usefulness else "—",
                 esc(GOALS_STILL_RIGHT_LABELS.get(c.goals_still_right, c.goals_still_right)),
                 esc(c.working), esc(c.tweak)] for c in reversed(s.check_ins)]
        self.table(["Date", "By", "Useful", "Goals still right?", "What works", "What to tweak"],
                   rows, [11, 13, 10, 10, 28, 28], "No check-ins yet.")

    def reviews(self) -> None:
        s = self.s
        self.heading("Reviews")
        if s.partnership.closed_on is not None:
            self.text(f'<p><b>The partnership closed on {day(s.partnership.closed_on)}.</b></p>',
                      space_after=self.ctx.px(4))
        if not s.reviews:
            self.text('<p class="muted">No review held yet.</p>', space_after=self.ctx.px(8))
            return
        mentor, mentee = esc_in(s.mentor_name), esc_in(s.mentee_name)
        for r in reversed(s.reviews):  # the latest first: what the pair decided last
            decision = esc(REVIEW_DECISION_LABELS.get(r.decision, r.decision))
            if r.next_review_date is not None and r.decision != "close":
                decision += f" · next review {day(r.next_review_date)}"
            self.text(f'<h3>{esc(REVIEW_KIND_LABELS.get(r.kind, r.kind))} · {day(r.held_on)}</h3>'
                      f'<p><span class="label">DECISION</span> {decision}</p>', keep_with_next=True)
            if r.goals:
                self.table(["Goal", "Expected (success measure)", "Achieved", "Progress"],
                           [[esc(g.goal_title), esc(g.expected) or "—", esc(g.achieved) or "—",
                             f"{g.progress}%"] for g in r.goals], [24, 32, 32, 12], "")

            def side(name: str, taught: str, learned: str, changed: str) -> str:
                def line(label: str, text: str) -> str:
                    return f'<i>{label}:</i> {esc(text) if text.strip() else "<span class=muted>—</span>"}'
                return (f'<td width="50%"><span class="label">{name.upper()}</span><br>'
                        f'{line("Taught", taught)}<br>{line("Learned", learned)}<br>'
                        f'{line("What it changed", changed)}</td>')

            body = (f'<table width="100%" cellspacing="0" cellpadding="2"><tr>'
                    f'{side(mentor, r.mentor_taught, r.mentor_learned, r.mentor_changed)}'
                    f'{side(mentee, r.mentee_taught, r.mentee_learned, r.mentee_changed)}</tr></table>')
            if r.notes.strip():
                body += f'<p><span class="label">NOTES</span> {esc(r.notes)}</p>'
            self.text(body, rule=True, space_after=self.ctx.px(6))
        if s.earlier_reviews:
            earlier = "; ".join(
                f"{esc(REVIEW_KIND_LABELS.get(r.kind, r.kind))} {day(r.held_on)}: "
                f"{esc(REVIEW_DECISION_LABELS.get(r.decision, r.decision)).split(' (')[0].lower()}"
                for r in reversed(s.earlier_reviews))
            self.text(f'<p class="small muted">Earlier: {earlier}.</p>')
        self.blocks[-1].space_after = self.ctx.px(8)

    def actions(self) -> None:
        self.heading("Open action items")
        rows = [[esc(a.text), esc(a.owner), due_day(a.due_on, a.overdue), day(a.from_session)]
                for a in self.s.actions]
        self.table(["Action", "Owner", "Due", "Agreed on"], rows, [54, 16, 16, 14],
                   "No open action items.")


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
