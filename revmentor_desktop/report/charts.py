"""The skills chart: one small panel per skill (self, partner and target; the gap called out in the
panel of the skill it concerns), or one large panel when a single skill is shown. Built from plain
data by the same code for the window and the PDF (never pyplot), so the two cannot disagree.

Speed: no matplotlib Axes. An Axes builds and lays out two Axis objects with their ticks, which
cost more than the rest of the chart together; here each panel is a handful of artists drawn
through a transform from (date, level) to points, and the tick labels are plain texts placed by
`plan_grid`'s arithmetic. The figure (`SkillsFigure`) keeps the data it shows and lays itself out
for its size when it is drawn, so a resized window or the PDF's page gets the same chart laid out
anew, and the window can reuse one Figure for every change of its filters.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import matplotlib

matplotlib.use("Agg", force=False)  # never needs a display; the Qt canvas brings its own backend

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, Bbox, BboxTransform, ScaledTranslation, Transform
from PySide6.QtCore import QCoreApplication

from revmentor_desktop.data.vocab import QT_TRANSLATE_NOOP
from revmentor_desktop.report.chart_layout import (
    LEGEND_ROW,
    LEVEL_SPAN,
    PAD,
    TICK_ROW,
    TITLE_GAP,
    TITLE_LINE,
    Y_TICKS,
    Frame,
    date_span,
    date_ticks,
    day_numbers,
    fit_text,
    natural_height,
    place_grid,
    plan_grid,
    text_width,
    two_line_width,
    wrap_text,
)

#: Okabe & Ito's colours: apart for the common kinds of colour blindness; the marks differ too.
SELF_COLOUR, PARTNER_COLOUR, TARGET_COLOUR = "#0072B2", "#D55E00", "#009E73"
INK, MUTED, GAP_INK = "#1f2328", "#5f6368", "#a33a00"
PLOT_FILL, GAP_FILL, GRID = "#f4f6f8", "#fde9de", "#ffffff"


#: Fonts tried, in order, for a glyph the one before lacks (matplotlib falls back per glyph): the
#: usual sans first, then fonts that cover other scripts, where the machine has them.
FALLBACK_FAMILIES = (
    "DejaVu Sans", "Noto Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC",
    "Noto Sans CJK KR", "Source Han Sans", "Droid Sans Fallback", "WenQuanYi Zen Hei",
    "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari",
    "Noto Sans Bengali", "Noto Sans Tamil", "Noto Sans Thai", "Noto Sans Armenian",
    "Noto Sans Georgian", "Noto Sans Ethiopic", "Noto Sans Symbols", "Noto Sans Symbols2",
    "Microsoft YaHei", "Yu Gothic", "Malgun Gothic", "Segoe UI", "Segoe UI Symbol",
    "Arial Unicode MS", "Hiragino Sans", "PingFang SC", "Apple SD Gothic Neo",
)


@cache
def font_families() -> tuple[str, ...]:
    """The chart's font list: the installed ones of FALLBACK_FAMILIES (so a skill named 数据分析
    or 리더십 is drawn, not boxes, wherever the machine has a font for it), after matplotlib's own
    sans-serif when none of them is installed."""
    import logging

    from matplotlib.font_manager import fontManager

    # A fallback font without a bold face is used in its regular weight: said once per font on
    # stderr by matplotlib ("Failed to find font weight bold…"), which is no news for the user.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    installed = {f.name for f in fontManager.ttflist}
    found = tuple(name for name in FALLBACK_FAMILIES if name in installed)
    return found or tuple(matplotlib.rcParams["font.family"])


@dataclass(frozen=True)
class Ink:
    """The chart's colours: the page (or window) behind it, its text, and its marks."""

    face: str
    ink: str
    muted: str
    gap_ink: str
    plot_fill: str
    gap_fill: str
    grid: str
    self_colour: str = SELF_COLOUR
    partner_colour: str = PARTNER_COLOUR
    target_colour: str = TARGET_COLOUR


#: On paper and a light window.
LIGHT_INK = Ink("#ffffff", INK, MUTED, GAP_INK, PLOT_FILL, GAP_FILL, GRID)
#: On a dark window: light text, deep panels, the same hues lifted to read on them (3:1 or more).
DARK_INK = Ink("#1f2023", "#e8eaed", "#a9b1ba", "#ffb38a", "#2a2d31", "#43291c", "#383c41",
               "#56b4e9", "#ff8c4a", "#3ccf9e")
LEVELS = (1, 2, 3, 4, 5)

#: The chart's words, marked for translation here and translated where drawn (on screen and in
#: the PDF alike: `words`).
EMPTY_MESSAGE = QT_TRANSLATE_NOOP("Chart", "Add a skill to start tracking progress")
NO_RATINGS_MESSAGE = QT_TRANSLATE_NOOP("Chart", "Rate a skill to see its progress over time")
NOT_RATED = QT_TRANSLATE_NOOP("Chart", "not rated yet")
GAP_WORDS = QT_TRANSLATE_NOOP("Chart", "self and partner 2 or more apart")


def words(text: str) -> str:
    """The chart's `text` in the user's language (when a translation is loaded)."""
    return QCoreApplication.translate("Chart", text)


@dataclass(frozen=True)
class SkillSeries:
    skill_id: int
    name: str
    owner: str  # "mentor" or "mentee"
    owner_name: str
    target_level: int
    self_points: tuple[tuple[date, int], ...] = field(default_factory=tuple)
    partner_points: tuple[tuple[date, int], ...] = field(default_factory=tuple)
    partner_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.owner_name})"

    @property
    def rated(self) -> bool:
        return bool(self.self_points or self.partner_points)


def series_from(skills: Iterable[Any], ratings: Iterable[Any], names: dict[str, str]) -> list[SkillSeries]:
    """Plain chart data from skill and rating rows (anything with the table's attributes)."""
    by_skill: dict[int, list[Any]] = {}
    for r in ratings:
        by_skill.setdefault(r.skill_id, []).append(r)
    names = {role: one_line(name) for role, name in names.items()}
    out = []
    for s in skills:
        rs = sorted(by_skill.get(s.id, []), key=lambda r: (r.rated_on, r.id or 0))
        partner = "mentee" if s.owner == "mentor" else "mentor"
        out.append(SkillSeries(
            skill_id=s.id, name=one_line(s.name), owner=s.owner,
            owner_name=names.get(s.owner, s.owner), target_level=s.target_level,
            self_points=tuple((r.rated_on, r.level) for r in rs if r.rated_by == "self"),
            partner_points=tuple((r.rated_on, r.level) for r in rs if r.rated_by == "partner"),
            partner_name=names.get(partner, partner),
        ))
    return out


def one_line(text: str) -> str:
    """A name as the chart draws it: on one line (the chart wraps it where it must), with no tab
    or line break (a name from a partner's share may hold one; the fonts have no glyph for it, and
    matplotlib warned of each on stderr)."""
    return " ".join(text.split())


def gap_label(gap: int, series: SkillSeries, *, long: bool = False) -> str:
    """What a skill's gap note says; `long` adds the two latest levels."""
    if not long:
        return QCoreApplication.translate("Chart", "gap {n}").format(n=abs(gap))
    self_level = series.self_points[-1][1] if series.self_points else "—"
    partner_level = series.partner_points[-1][1] if series.partner_points else "—"
    return QCoreApplication.translate("Chart", "gap {n}: self {self_level}, partner {partner_level}").format(
        n=abs(gap), self_level=self_level, partner_level=partner_level)


# -- the figure ------------------------------------------------------------------------------------


@dataclass
class Panel:
    """One skill's panel as drawn: what tests and screen readers can ask about."""

    series: SkillSeries
    plot: tuple[float, float, float, float]  # in points
    title: Text
    gap: Text | None = None
    lines: list[Line2D] = field(default_factory=list)  # self, then partner, then target
    note: Text | None = None  # "not rated yet", in the plot


class SkillsFigure(Figure):
    """A Figure that draws `set_data`'s skills, laid out for whatever size it has when drawn."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.series: tuple[SkillSeries, ...] = ()
        self.gaps: dict[int, int] = {}
        self.font_size = 9.0
        self.family: tuple[str, ...] = font_families()
        self.panels: list[Panel] = []
        self.legend_artists: list[Artist] = []
        self.message: Text | None = None
        self._built_for: tuple[object, ...] | None = None
        self.ink = LIGHT_INK

    def set_data(self, series: Sequence[SkillSeries], gaps: dict[int, int] | None = None, *,
             font_size: float | None = None, family: str | Sequence[str] | None = None) -> None:
        """Show these skills (laid out at the next draw)."""
        self.series, self.gaps = tuple(series), dict(gaps or {})
        if font_size:
            self.font_size = float(font_size)
        if family:
            self.family = (family,) if isinstance(family, str) else tuple(family)
        self._built_for = None
        self.stale = True

    def set_ink(self, ink: Ink) -> None:
        """Draw in these colours (a window's dark theme; paper is always LIGHT_INK)."""
        if ink != self.ink:
            self.ink = ink
            self.set_facecolor(ink.face)
            self._built_for = None
            self.stale = True

    def frame(self, width: float | None = None) -> Frame:
        """The layout's inputs for the skills shown (at `width` points: the legend may wrap)."""
        series = self.series
        single = len(series) == 1
        # A second line under each name: whose skill it is (unless all are one person's), and
        # any gap note.
        owners = len({s.owner for s in series}) > 1 or single or any(s.skill_id in self.gaps for s in series)
        lo, hi = date_span(_dates(series))
        offset = bool(date_ticks(lo, hi, 200.0, self.font_size * 0.85, self.family)[2])
        rows = 1 if width is None else self._legend_flow(width)[-1][1] + 1
        f = self.font_size
        size = f * (1.15 if single else 1)
        title = max((text_width(s.name, size, True, self.family) + 0.8 * f for s in series), default=0.0)
        title2 = max((two_line_width(s.name, size, self.family) + 0.8 * f for s in series), default=0.0)
        return Frame(len(series), f, owners, single, rows, offset, title, title2)

    def ensure_laid_out(self) -> None:
        width, height = (float(v) * 72 for v in self.get_size_inches())
        key = (width, height, self.font_size, self.family, self.ink)
        if key != self._built_for:
            self._build(width, height)
            self._built_for = key

    def draw(self, renderer: Any) -> None:
        self.ensure_laid_out()
        super().draw(renderer)

    # -- building ----------------------------------------------------------------------------------

    def _points(self) -> Transform:
        return Affine2D().scale(1 / 72) + self.dpi_scale_trans

    def _text(self, x: float, y: float, s: str, size: float, **kw: Any) -> Text:
        t = Text(x, y, s, fontsize=size, fontfamily=list(self.family), parse_math=False,
                 transform=self._points(), **kw)
        self.add_artist(t)
        return t

    def _build(self, width: float, height: float) -> None:
        for artist in [*self.artists, *self.lines, *self.patches, *self.texts]:
            artist.remove()
        self.panels, self.legend_artists, self.message = [], [], None
        f = self.font_size
        if not any(s.rated for s in self.series):
            text = words(EMPTY_MESSAGE if not self.series else NO_RATINGS_MESSAGE)
            self.message = self._text(width / 2, height / 2, text, f * 1.3, ha="center", va="center",
                                      color=self.ink.muted)
            return
        frame = self.frame(width)
        plan = plan_grid(frame, width, height) or place_grid(frame, width, height, _fallback_cols(frame))
        lo, hi = date_span(_dates(self.series))
        tick_size = f * 0.85
        ticks = date_ticks(lo, hi, plan.plots[0][2], tick_size, self.family)
        for i, (s, plot) in enumerate(zip(self.series, plan.plots, strict=True)):
            below = i + plan.cols < len(self.series)  # another panel under this one
            self._panel(s, plot, (lo, hi), frame, ticks if not below else None, i % plan.cols == 0)
        self._legend(width, height - f * (PAD + 0.85))

    def _panel(self, s: SkillSeries, plot: tuple[float, float, float, float], span: tuple[float, float],
               frame: Frame, ticks: tuple[tuple[float, ...], tuple[str, ...], str] | None,
               first_col: bool) -> None:
        x, y, w, h = plot
        f, big = self.font_size, frame.single
        gap = self.gaps.get(s.skill_id)
        self.add_artist(Rectangle((x, y), w, h, transform=self._points(), linewidth=0, zorder=0,
                                  facecolor=self.ink.gap_fill if gap is not None else self.ink.plot_fill))
        data = BboxTransform(Bbox([[span[0], LEVEL_SPAN[0]], [span[1], LEVEL_SPAN[1]]]),
                             Bbox.from_bounds(x, y, w, h)) + self._points()
        grid = Line2D([], [], color=self.ink.grid, linewidth=1.0, zorder=1)
        grid.set_data([v for _ in LEVELS for v in (span[0], span[1], math.nan)],
                      [v for lv in LEVELS for v in (lv, lv, math.nan)])
        grid.set_transform(data)
        self.add_artist(grid)
        target = Line2D(span, [s.target_level] * 2, color=self.ink.target_colour, linewidth=1.3,
                        linestyle=(0, (1, 2)), transform=data, zorder=2, label="target")
        panel = Panel(s, plot, *self._title(s, plot, frame, gap))
        most = max(len(s.self_points), len(s.partner_points))
        dense = most * partner_style(big, self.ink)["markersize"] * 1.3 > w  # too many to mark each one
        for points, style, nudge in ((s.self_points, self_style(big, self.ink), -0.8),
                                     (s.partner_points, partner_style(big, self.ink), 0.8)):
            # Self a dot, partner a ring around it: both show where they meet; and the two
            # lines are a point apart, so a level they share shows both lines.
            xs = day_numbers(d for d, _ in points)
            if dense:  # the latest only
                style["markevery"] = [len(xs) - 1]
            line = Line2D(xs, [lv for _, lv in points], drawstyle="steps-post", zorder=3, **style)
            line.set_transform(data + ScaledTranslation(0, nudge / 72, self.dpi_scale_trans))
            self.add_artist(line)
            panel.lines.append(line)
        self.add_artist(target)
        panel.lines.append(target)
        if gap is not None and s.self_points and s.partner_points:
            last = day_numbers([max(s.self_points[-1][0], s.partner_points[-1][0])])[0]
            self.add_artist(Line2D([last, last], [s.self_points[-1][1], s.partner_points[-1][1]],
                                   color=self.ink.partner_colour, alpha=0.3, linewidth=7 if big else 5,
                                   solid_capstyle="butt", transform=data, zorder=2))
        if not s.rated:
            panel.note = self._text(x + w / 2, y + h / 2, words(NOT_RATED), f * 0.85, ha="center", va="center",
                                    color=self.ink.muted)
        self._ticks(plot, span, frame, ticks, first_col)
        self.panels.append(panel)

    def _title(self, s: SkillSeries, plot: tuple[float, float, float, float], frame: Frame,
               gap: int | None) -> tuple[Text, Text | None]:
        """The skill's name (on two lines if it must); under it whose skill it is, and the gap
        note at the right."""
        x, y, w, h = plot
        f = self.font_size
        size = f * (1.15 if frame.single else 1.0)
        top = y + h + frame.title_height(w) - TITLE_GAP * f * 0.5
        room = w - 0.8 * f  # a title keeps clear of the next panel's
        lines = frame.title_lines(w)
        name = wrap_text(s.name, room, size, self.family) if lines == 2 else fit_text(
            s.name, room, size, True, self.family)
        title = self._text(x, top, name, size, ha="left", va="top", color=self.ink.ink, fontweight="bold",
                           linespacing=1.1)
        if not frame.owners:
            return title, None
        second = top - lines * TITLE_LINE * size
        badge = None
        if gap is not None:
            note = gap_label(gap, s, long=frame.single)
            badge = self._text(x + w, second, note, f * 0.9, ha="right", va="top", color=self.ink.gap_ink,
                               fontweight="bold")
            room -= text_width(note, f * 0.9, True, self.family)
        if len({p.owner for p in self.series}) > 1 or frame.single:
            owner = f"{s.owner_name}'s skill · target {s.target_level}" if frame.single else s.owner_name
            self._text(x, second, fit_text(owner, room, f * 0.85, False, self.family), f * 0.85,
                       ha="left", va="top", color=self.ink.muted)
        return title, badge

    def _ticks(self, plot: tuple[float, float, float, float], span: tuple[float, float], frame: Frame,
               ticks: tuple[tuple[float, ...], tuple[str, ...], str] | None, first_col: bool) -> None:
        x, y, w, h = plot
        f = self.font_size
        size = f * 0.85
        if ticks is not None:
            for t, label in zip(ticks[0], ticks[1], strict=True):
                tx = x + (t - span[0]) / (span[1] - span[0]) * w
                self._text(tx, y - 0.3 * f, label, size, ha="center", va="top", color=self.ink.muted)
            if ticks[2]:
                self._text(x + w, y - (0.3 + TICK_ROW) * f, ticks[2], size, ha="right", va="top",
                           color=self.ink.muted)
        if first_col:
            step = 1 if h / 5 >= 1.2 * size else 2
            for lv in LEVELS[::step]:
                ly = y + (lv - LEVEL_SPAN[0]) / (LEVEL_SPAN[1] - LEVEL_SPAN[0]) * h
                self._text(x - 0.45 * f, ly, str(lv), size, ha="right", va="center_baseline", color=self.ink.muted)
            if frame.single:
                self._text(x - (0.45 + Y_TICKS) * f, y + h / 2,
                           QCoreApplication.translate("Chart", "Level (1–5)"), size, ha="right",
                           va="center", rotation=90, rotation_mode="anchor", color=self.ink.muted)

    # -- the legend --------------------------------------------------------------------------------

    def _legend_entries(self) -> list[tuple[str, dict[str, Any]]]:
        if len(self.series) == 1:
            s = self.series[0]
            mine = QCoreApplication.translate("Chart", "{name} (self)").format(name=s.owner_name)
            theirs = QCoreApplication.translate("Chart", "{name} (partner)").format(
                name=s.partner_name or QCoreApplication.translate("Chart", "partner"))
        else:
            mine = QCoreApplication.translate("Chart", "self rating")
            theirs = QCoreApplication.translate("Chart", "partner rating")
        big = len(self.series) == 1
        entries: list[tuple[str, dict[str, Any]]] = [
            (mine, self_style(big, self.ink)), (theirs, partner_style(big, self.ink)),
            (QCoreApplication.translate("Chart", "target"),
             dict(color=self.ink.target_colour, linewidth=1.3, linestyle=(0, (1, 2)))),
        ]
        if any(s.skill_id in self.gaps for s in self.series):
            entries.append((words(GAP_WORDS), {}))
        return entries

    def legend_size(self, width: float) -> float:
        """The legend's font size: a little under the chart's, smaller if an entry would not
        fit the width on a row of its own."""
        size = self.font_size * 0.9
        widest = max(2.6 * size + text_width(t, size, False, self.family) for t, _ in self._legend_entries())
        return size * min(1.0, (width - 2 * PAD * self.font_size) / widest)

    def _legend_flow(self, width: float) -> list[tuple[float, int]]:
        """Where each legend entry starts (points from the left) and on which row, in a figure
        `width` points wide: left to right, wrapping onto more rows as needed."""
        f, left = self.legend_size(width), PAD * self.font_size
        x, row, out = left, 0, []
        for text, _style in self._legend_entries():
            need = 2.6 * f + text_width(text, f, False, self.family)
            if x + need > width - left and x > left:
                x, row = left, row + 1
            out.append((x, row))
            x += need + 1.4 * f
        return out

    def _legend(self, width: float, top: float) -> None:
        f = self.legend_size(width)
        for (text, style), (x, row) in zip(self._legend_entries(), self._legend_flow(width), strict=True):
            y = top - row * LEGEND_ROW * self.font_size
            sample: Artist
            if style:
                sample = Line2D([x, x + 1.0 * f, x + 2.0 * f], [y, y, y], transform=self._points(),
                                markevery=[1], **style)
            else:
                sample = Rectangle((x, y - 0.5 * f), 2.0 * f, f, transform=self._points(),
                                   facecolor=self.ink.gap_fill, edgecolor=self.ink.partner_colour, linewidth=0.6)
            self.add_artist(sample)
            label = self._text(x + 2.6 * f, y, text, f, ha="left", va="center_baseline", color=self.ink.ink)
            self.legend_artists += [sample, label]


def self_style(big: bool, ink: Ink = LIGHT_INK) -> dict[str, Any]:
    """Self ratings: a solid line with dots."""
    return dict(color=ink.self_colour, marker="o", markersize=5.5 if big else 3.6,
                linewidth=2.0 if big else 1.5, label="self")


def partner_style(big: bool, ink: Ink = LIGHT_INK) -> dict[str, Any]:
    """Partner ratings: a dashed line with rings wide enough to hold the self dot."""
    return dict(color=ink.partner_colour, marker="o", markersize=9.5 if big else 6.6,
                markerfacecolor="none", markeredgewidth=1.4 if big else 1.15,
                linewidth=1.6 if big else 1.2, linestyle=(0, (3.5, 1.8)), label="partner")


def _dates(series: Sequence[SkillSeries]) -> Iterable[date]:
    return (d for s in series for d, _ in (*s.self_points, *s.partner_points))


def _fallback_cols(frame: Frame) -> int:
    """Columns for a figure too small to read: a near-square grid (the window scrolls instead)."""
    return max(1, round(math.sqrt(frame.panels)))


def skills_figure(series: Sequence[SkillSeries], *, gaps: dict[int, int] | None = None,
                  width: float = 8.0, height: float | None = None, dpi: float = 100,
                  font_family: str | None = None, font_size: float = 8.0) -> SkillsFigure:
    """The chart of `series` as a new figure `width` inches wide and `height` high (by default
    as high as its panels need: `natural_height`)."""
    fig = SkillsFigure(figsize=(width, height or 1.0), dpi=dpi)
    fig.set_data(series, gaps, font_size=font_size, family=font_family)
    if height is None:
        if any(s.rated for s in series):
            height = natural_height(fig.frame(width * 72), width * 72) / 72
        else:
            height = min(1.5, width * 0.3)
        fig.set_size_inches(width, height)
    return fig
