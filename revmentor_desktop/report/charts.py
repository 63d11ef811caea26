"""The skills-progress chart, built by a pure function from plain data (never pyplot).

The window shows the Figure through FigureCanvasQTAgg and the PDF draws the very same Figure as
vector graphics, so the two can never disagree.

The layout is worked out here, once, when the figure is built: where the legend goes (at the side
or below, whichever leaves the lines more room; left out when it fits nowhere) and how much room
the axes leave around them, from the measured legend and the known sizes of the tick labels.
matplotlib's constrained layout would find much the same, but by measuring every text twice on
each draw: a third of the time of every redraw on screen.
"""

from __future__ import annotations

import math
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

LEGEND_FONT_SIZE = 8.0
STYLE_LABELS = ("self rating", "partner rating", "target")

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


@dataclass(frozen=True)
class LegendShape:
    """What decides where a legend fits: its rows, its longest label, its font size in points."""

    rows: int
    longest: int
    size: float


def legend_shape(series: Sequence[SkillSeries]) -> LegendShape | None:
    """The legend `skills_figure` draws for `series`; None when it draws none (nothing rated)."""
    labels = [s.label for s in series if s.self_points or s.partner_points]
    if not labels:
        return None
    labels += STYLE_LABELS
    return LegendShape(len(labels), max(len(label) for label in labels), LEGEND_FONT_SIZE)


def legend_place(shape: LegendShape, width: float, height: float,
                 dpi: float) -> tuple[str, int, float] | None:
    """Where the legend leaves the data the most room in a chart of `width` x `height` pixels:
    ("below", columns, font size) or ("right", 1, font size); None when it fits nowhere, even in
    a smaller font.

    A generous estimate from the text's length (no renderer needed), so the axes are never
    squeezed to nothing: in a pane too small for the legend the chart goes without one.
    """
    axes_room = 75.0  # tick labels and the axis label, in pixels
    for size in (shape.size, shape.size - 1, shape.size - 2):
        em = size * dpi / 72
        column = shape.longest * 0.62 * em + 5 * em  # text, line sample, gaps
        row = 1.75 * em
        options: list[tuple[float, tuple[str, int, float]]] = []
        ncols = max(1, min(4, int(width // column)))
        plot_w = width - axes_room
        plot_h = height - math.ceil(shape.rows / ncols) * row - 2 * em - axes_room
        if column <= width and plot_w >= 150 and plot_h >= 120:
            options.append((plot_w * plot_h, ("below", ncols, size)))
        plot_w, plot_h = width - column - axes_room, height - axes_room
        if shape.rows * row + 2 * em <= height and plot_w >= 150 and plot_h >= 120:
            options.append((plot_w * plot_h, ("right", 1, size)))
        if options:
            return max(options)[1]
    return None


def chart_legend_place(series: Sequence[SkillSeries], width: float, height: float,
                       dpi: float) -> tuple[str, int, float] | None:
    """Where `skills_figure(series, width=…, height=…, dpi=…)` puts its legend (sizes in inches)."""
    shape = legend_shape(series)
    return None if shape is None else legend_place(shape, width * dpi, height * dpi, dpi)


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
    fig = Figure(figsize=(width, height), dpi=dpi)
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
    handles += [
        Line2D([], [], color="#444444", linewidth=2, linestyle="-", label=STYLE_LABELS[0]),
        Line2D([], [], color="#444444", linewidth=1.6, linestyle="--", label=STYLE_LABELS[1]),
        Line2D([], [], color="#444444", linewidth=1.2, linestyle=":", alpha=0.5, label=STYLE_LABELS[2]),
    ]
    # The legend sits outside the axes so it never covers the data; in a pane too small for it
    # there is none (the window says so).
    place = chart_legend_place(series, width, height, dpi)
    legend = None
    if place is not None:
        where, ncols, size = place
        legend = fig.legend(handles=handles, loc="upper right" if where == "right" else "lower center",
                            ncols=ncols, fontsize=size, frameon=False)
    _lay_out(fig, ax, legend, place)
    return fig


def _lay_out(fig: Figure, ax: Any, legend: Any, place: tuple[str, int, float] | None) -> None:
    """Leave room around the axes for the tick labels, the axis label and the legend.

    Sizes are in pixels of this figure: the tick and axis labels from the font size (their text is
    known: one digit, "Level (1–5)", dates in two rows at most), the legend measured.
    """
    from matplotlib import rcParams
    from matplotlib.backends.backend_agg import RendererAgg

    width, height, dpi = fig.bbox.width, fig.bbox.height, fig.dpi
    pt = dpi / 72
    em = float(rcParams["font.size"]) * pt
    edge = 0.6 * em
    ticks = (float(rcParams["ytick.major.size"]) + float(rcParams["ytick.major.pad"])) * pt
    left = edge + 1.3 * em + float(rcParams["axes.labelpad"]) * pt + 0.8 * em + ticks
    bottom = edge + ticks + 2.6 * em  # a row of dates, and the year/month row under it
    top = 0.8 * em  # half the top tick label ("5") reaches above the axes
    renderer = RendererAgg(1, 1, dpi)  # for text sizes only
    # A "gap" note sits right of its skill's last point, which may be the last date on the axis.
    notes = max((t.get_window_extent(renderer).width for t in ax.texts), default=0.0)
    notes = notes + 8 * pt if notes else 0.0
    right = edge + max(2.5 * em, notes)  # the last date label, or a note, reaches past the axes
    if legend is not None and place is not None:
        box = legend.get_window_extent(renderer)
        if place[0] == "right":
            right = box.width + 2 * edge + notes
        else:
            bottom += box.height
    x0, x1 = _span(left, right, width)
    y0, y1 = _span(bottom, top, height)
    fig.subplots_adjust(left=x0, right=x1, bottom=y0, top=y1)


def _span(before: float, after: float, total: float) -> tuple[float, float]:
    """Where the axes start and end (fractions of `total`) with margins `before` and `after`; in
    a figure too small for both, the margins shrink in proportion and the axes keep a fifth."""
    room = total * 0.8
    if before + after > room:
        before, after = before * room / (before + after), after * room / (before + after)
    return before / total, 1 - after / total
