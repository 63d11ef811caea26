"""What the PDF summary holds, gathered from the file as plain data.

Privacy by construction: every query here asks the data layer for non-private rows only
(`include_private=False`), so a private goal or entry never enters the summary at all — there is
nothing to filter out at the end, and nothing to forget to filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication

from revmentor_desktop.data import compute, reads
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.vocab import STATUS_LABELS, GoalStatus
from revmentor_desktop.report.sections import (
    ALL_SECTIONS,
    RECENT_CHECK_INS,
    RECENT_SESSIONS,
    SECTION_ACTIONS,
    SECTION_CHECK_INS,
    SECTION_GOALS,
    SECTION_JOURNAL,
    SECTION_OVERVIEW,
    SECTION_REVIEW,
    SECTION_SKILLS,
    SECTION_SWOT,
)
from revmentor_desktop.report.text import isolate, vocab


@dataclass(frozen=True)
class ExportOptions:
    """What one export holds. The journal shows the sessions between `journal_from` and
    `journal_to` when either is given; otherwise the newest `journal_latest` (all when None).
    Sessions are always listed newest first."""

    sections: tuple[str, ...] = ALL_SECTIONS
    journal_from: date | None = None
    journal_to: date | None = None
    journal_latest: int | None = RECENT_SESSIONS
    #: the latest review in full (all when None); the earlier ones are named in a line
    reviews_latest: int | None = 1
    page_size: str = "A4"  # "A4" or "Letter"

    @property
    def journal_ranged(self) -> bool:
        return self.journal_from is not None or self.journal_to is not None


@dataclass(frozen=True)
class GoalRow:
    title: str
    owner: str
    status: str
    progress: int
    target_date: date | None
    overdue: bool
    success_measure: str
    milestones_done: int
    milestones_total: int


@dataclass(frozen=True)
class SwotCell:
    text: str
    shared_with: str | None  # the twin's text in the other grid, when the item is in both


@dataclass(frozen=True)
class SkillRow:
    name: str
    owner: str
    target: int
    latest_self: int | None
    latest_partner: int | None
    gap: bool


@dataclass(frozen=True)
class ActionRow:
    text: str
    owner: str
    due_on: date | None
    from_session: date
    overdue: bool


@dataclass
class Summary:
    partnership: reads.PartnershipRow
    generated_on: date
    options: ExportOptions
    focus_areas: list[str] = field(default_factory=list)
    sessions_held: int = 0
    minutes_together: int = 0
    cadence_kept: float | None = None
    periods_kept: int = 0
    periods_elapsed: int = 0
    last_session: date | None = None
    goal_counts: dict[str, int] = field(default_factory=dict)
    clauses: list[str] = field(default_factory=list)
    goals: list[GoalRow] = field(default_factory=list)
    swot: dict[str, dict[str, list[SwotCell]]] = field(default_factory=dict)
    skills: list[SkillRow] = field(default_factory=list)
    skill_series: list[object] = field(default_factory=list)  # report.charts.SkillSeries
    skill_gaps: dict[int, int] = field(default_factory=dict)
    private_sessions: int = 0  # counted in the figures above; their content is never shown
    entries: list[reads.JournalEntryRow] = field(default_factory=list)
    shared_sessions: int = 0  # the non-private sessions the journal's choice picked from
    actions: list[ActionRow] = field(default_factory=list)
    check_ins: list[reads.CheckInRow] = field(default_factory=list)  # the latest, oldest first
    reviews: list[reads.ReviewRow] = field(default_factory=list)  # shown in full, oldest first
    earlier_reviews: list[reads.ReviewRow] = field(default_factory=list)  # before those, named only

    @property
    def mentor_name(self) -> str:
        return self.partnership.mentor_name

    @property
    def mentee_name(self) -> str:
        return self.partnership.mentee_name

    def names(self) -> dict[str, str]:
        return {"mentor": self.mentor_name, "mentee": self.mentee_name,
                "both": QCoreApplication.translate("Report", "Both"),
                "shared": QCoreApplication.translate("Report", "Shared")}


def build_summary(store: Store, options: ExportOptions | None = None,
                  today: date | None = None) -> Summary:
    """Everything the PDF shows, non-private rows only."""
    options = options or ExportOptions()
    today = today or date.today()
    p = reads.get_partnership(store)
    summary = Summary(partnership=p, generated_on=today, options=options,
                      focus_areas=reads.list_focus_areas(store))
    names = summary.names()
    wanted = set(options.sections)

    if SECTION_CHECK_INS in wanted:
        summary.check_ins = reads.latest_check_ins(store, RECENT_CHECK_INS)

    if SECTION_REVIEW in wanted:
        reviews = reads.list_reviews(store, include_private=False)
        keep = len(reviews) if options.reviews_latest is None else max(0, options.reviews_latest)
        summary.earlier_reviews, summary.reviews = reviews[:len(reviews) - keep], reviews[len(reviews) - keep:]

    if SECTION_OVERVIEW in wanted:
        # A private session hides what was said, not that the pair met: the figures count it.
        sessions = reads.session_dates(store)
        summary.private_sessions = reads.private_session_count(store)
        m = compute.momentum(p.start_date, p.cadence_days, sessions, today)
        summary.sessions_held = m.sessions_held
        summary.minutes_together = m.minutes_together
        summary.cadence_kept = m.share_kept
        summary.periods_kept, summary.periods_elapsed = m.periods_kept, m.periods_elapsed
        summary.last_session = m.last_session
        counts = reads.goal_status_counts(store, include_private=False)
        summary.goal_counts = {
            vocab(STATUS_LABELS[s]): sum(n for (_o, st), n in counts.items() if st == s) for s in GoalStatus
        }
        summary.clauses = [c.text for c in reads.list_clauses(store)]

    if SECTION_GOALS in wanted:
        progress = reads.milestone_counts(store)
        for g in reads.list_goals(store, include_private=False):
            done, total = progress.get(g.id or 0, (0, 0))
            open_ = g.status in (GoalStatus.NOT_STARTED, GoalStatus.IN_PROGRESS)
            summary.goals.append(GoalRow(
                title=g.title, owner=names.get(g.owner, g.owner),
                status=vocab(STATUS_LABELS.get(g.status, g.status)),
                progress=compute.goal_progress(g.manual_progress, done, total),
                target_date=g.target_date,
                overdue=compute.is_overdue(g.target_date, not open_, today),
                success_measure=g.success_measure, milestones_done=done, milestones_total=total,
            ))

    if SECTION_SWOT in wanted:
        items = reads.list_swot_items(store)
        entries = [compute.SwotEntry(i.grid, i.quadrant, i.text) for i in items]
        twins = compute.shared_items(entries)
        grids: dict[str, dict[str, list[SwotCell]]] = {
            g: {q: [] for q in "SWOT"} for g in ("mentor", "mentee")}
        for idx, it in enumerate(items):
            twin = entries[twins[idx][0]].text if idx in twins else None
            grids[it.grid][it.quadrant].append(SwotCell(it.text, twin))
        summary.swot = grids

    if SECTION_SKILLS in wanted:
        skills = reads.list_skills(store)
        ratings = reads.list_ratings(store)
        points = [compute.RatingPoint(r.skill_id, r.rated_on, r.level, r.rated_by) for r in ratings]
        latest = compute.latest_levels(points)
        gaps = compute.rating_gaps(points)
        for s in skills:
            self_level, partner_level = latest.get(s.id or 0, (None, None))
            summary.skills.append(SkillRow(s.name, names.get(s.owner, s.owner), s.target_level,
                                           self_level, partner_level, (s.id or 0) in gaps))
        from revmentor_desktop.report.charts import series_from  # matplotlib only when asked

        # The chart's legend sets each owner's name inside "Skill (name)": isolated, see report.text.
        chart_names = {**names, "mentor": isolate(p.mentor_name), "mentee": isolate(p.mentee_name)}
        summary.skill_series = list(series_from(skills, ratings, chart_names))
        summary.skill_gaps = gaps

    if SECTION_JOURNAL in wanted:
        if options.journal_ranged:
            summary.entries = reads.journal_highlights(store, options.journal_from, options.journal_to)
        else:
            summary.entries = reads.journal_highlights(store, latest=options.journal_latest)
        summary.shared_sessions = reads.shared_session_count(
            store, options.journal_from, options.journal_to)

    if SECTION_ACTIONS in wanted:
        for a in reads.open_actions(store, include_private=False):
            summary.actions.append(ActionRow(a.text, names.get(a.owner, a.owner), a.due_on,
                                             a.held_on, compute.is_overdue(a.due_on, False, today)))
    return summary
