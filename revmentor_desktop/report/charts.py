"""The skills-progress chart, built by a pure function from plain data (never pyplot).

The window shows the Figure through FigureCanvasQTAgg and the PDF draws the very same Figure as
vector graphics, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg", force=False)  # never needs a display; the Qt canvas brings its own backend

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

#: Okabe & Ito's palette: distinct for the common kinds of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

EMPTY_MESSAGE = "Add a skill to start tracking progress"
NO_RATINGS_MESSAGE = "Rate a skill to see its progress over time"


@dataclass(frozen=True)
class SkillSeries:
    skill_id: int
    name: str
    owner: str  # "mentor" or "mentee"
    owner_name: str
    target_level: int
    self_points: tuple[tuple[date, int], ...] = field(default_factory=tuple)
    partner_points: tuple[tuple[date, int], ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.owner_name})"


def series_from(skills: Iterable[Any], ratings: Iterable[Any], names: dict[str, str]) -> list[SkillSeries]:
    """Plain chart data from skill and rating rows (anything with the table's attributes)."""
    by_skill: dict[int, list[Any]] = {}
    for r in ratings:
        by_skill.setdefault(r.skill_id, []).append(r)
    out = []
    for s in skills:
        rs = sorted(by_skill.get(s.id, []), key=lambda r: (r.rated_on, r.id or 0))
        out.append(SkillSeries(
            skill_id=s.id, name=s.name, owner=s.owner, owner_name=names.get(s.owner, s.owner),
            target_level=s.target_level,
            self_points=tuple((r.rated_on, r.level) for r in rs if r.rated_by == "self"),
            partner_points=tuple((r.rated_on, r.level) for r in rs if r.rated_by == "partner"),
        ))
    return out


def skills_figure(series: Sequence[SkillSeries], *, gaps: dict[int, int] | None = None,
                  width: float = 8.0, height: float = 4.5, dpi: float = 100,
                  font_family: str | None = None) -> Figure:
    """One line per skill over time: self ratings solid, partner ratings dashed, target faint.

    Skill names are user text: maths parsing is off, so "$x$" in a name is drawn as typed (and a
    name like "a $\\b$ c" cannot make drawing fail). Settings apply to this figure only.
    """
    settings = {"text.parse_math": False}
    if font_family:
        settings = {"text.parse_math": False, "font.family": font_family}  # type: ignore[dict-item]
    with matplotlib.rc_context(settings):  # type: ignore[arg-type]
        return _skills_figure(series, gaps, width, height, dpi)


def _skills_figure(series: Sequence[SkillSeries], gaps: dict[int, int] | None, width: float,
                   height: float, dpi: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
    ax = fig.add_subplot()
    rated = [s for s in series if s.self_points or s.partner_points]
    if not rated:
        ax.set_axis_off()
        ax.text(0.5, 0.5, EMPTY_MESSAGE if not series else NO_RATINGS_MESSAGE, ha="center",
                va="center", fontsize=13, color="#555555", transform=ax.transAxes)
        return fig
    gaps = gaps or {}
    handles: list[Line2D] = []
    all_dates: list[date] = []
    for i, s in enumerate(rated):
        colour = PALETTE[i % len(PALETTE)]
        marker = MARKERS[i % len(MARKERS)]
        ax.axhline(s.target_level, color=colour, alpha=0.28, linewidth=1.2, linestyle=":", zorder=1)
        if s.self_points:
            xs, ys = zip(*s.self_points, strict=True)
            ax.plot(xs, ys, color=colour, marker=marker, markersize=5, linewidth=2, linestyle="-",
                    label=f"{s.label} — self", zorder=3)
            all_dates += xs
        if s.partner_points:
            xs, ys = zip(*s.partner_points, strict=True)
            ax.plot(xs, ys, color=colour, marker=marker, markersize=5, markerfacecolor="white",
                    linewidth=1.6, linestyle="--", label=f"{s.label} — partner", zorder=3)
            all_dates += xs
        handles.append(Line2D([], [], color=colour, marker=marker, linewidth=2, label=s.label))
        if s.skill_id in gaps:
            last = max((*s.self_points, *s.partner_points))
            ax.annotate(f"gap {abs(gaps[s.skill_id])}", xy=(last[0], last[1]), xytext=(6, 6),
                        textcoords="offset points", fontsize=8, color=colour, fontweight="bold")
    ax.set_ylim(0.5, 5.5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel("Level (1–5)")
    ax.grid(axis="y", alpha=0.25)
    ax.spines[["top", "right"]].set_visible(False)
    locator = AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    if len(set(all_dates)) == 1:
        only = all_dates[0]
        ax.set_xlim(date2num(only) - 15, date2num(only) + 15)
    style = [
        Line2D([], [], color="#444444", linewidth=2, linestyle="-", label="self rating"),
        Line2D([], [], color="#444444", linewidth=1.6, linestyle="--", label="partner rating"),
        Line2D([], [], color="#444444", linewidth=1.2, linestyle=":", alpha=0.5, label="target"),
    ]
    # The legend sits outside the axes so it never covers the data.
    fig.legend(handles=handles + style, loc="outside right upper", fontsize=8, frameon=False)
    return fig
