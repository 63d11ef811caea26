"""The skills chart's layout, worked out in numbers: where each panel goes for a figure of a
given size, how high a figure must be for its panels to be read, how wide a text is, which dates
go along the bottom. Pure arithmetic over measured text sizes (no figure, no Axes), so it is quick
enough to run on every draw and can be tested in numbers.

Lengths are points (1/72 inch) from the figure's lower left; the constants are in units of the
chart's font size.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num, num2date

LEVEL_SPAN = (0.5, 5.5)  # the levels 1 to 5, with room for a marker above and below
PAD = 0.7  # the figure's edge
LEGEND_ROW = 1.7
TITLE_LINE, OWNER_LINE, TITLE_GAP = 1.35, 1.2, 0.35
TICK_ROW, OFFSET_ROW = 1.45, 1.3  # the dates under the bottom panels, and "2026-Feb" under them
Y_TICKS = 1.4  # the level numbers left of the first column
Y_LABEL = 1.6  # "Level (1–5)" turned on its side, in the single chart
COL_GAP, ROW_GAP = 1.6, 0.9
RIGHT = 1.4  # half a date label may reach past the last panel
MIN_PLOT_W, MIN_PLOT_H = 6.0, 3.6  # a panel smaller than this says too little
SINGLE_MIN_W, SINGLE_MIN_H = 12.0, 7.0
PAGE_PLOT_W = 8.0  # the PDF's panels: as many columns as keep them this wide
TITLE_ROOM = 9.0  # a panel at least this wide, or as wide as its titles need on two lines


@dataclass(frozen=True)
class Frame:
    """What decides the layout besides the size: how many panels, the font size (points), whether
    the titles name whose skill it is, a single large chart, the legend's rows, a row for the
    dates' offset ("2026-Feb")."""

    panels: int
    font: float
    owners: bool = True  # a second line: whose skill, the gap note
    single: bool = False
    legend_rows: int = 1
    offset: bool = False
    title: float = 0.0  # the widest title on one line (a skill's name), in points
    title2: float = 0.0  # the width every title needs on two lines

    def title_lines(self, plot_w: float) -> int:
        """A title too long for its panel takes two lines."""
        return 1 if plot_w >= self.title else 2

    def title_height(self, plot_w: float) -> float:
        owner = OWNER_LINE if self.owners else 0.0
        lines = self.title_lines(plot_w) * TITLE_LINE * (1.15 if self.single else 1)
        return self.font * (lines + owner + TITLE_GAP)

    def left(self) -> float:
        return self.font * (PAD + Y_TICKS + (Y_LABEL if self.single else 0))

    def top(self) -> float:
        return self.font * (PAD + self.legend_rows * LEGEND_ROW + 0.5)

    def bottom(self) -> float:
        return self.font * (PAD + TICK_ROW + self.offset * OFFSET_ROW)

    def plot_width(self, width: float, cols: int) -> float:
        return (width - self.left() - self.font * (RIGHT + (cols - 1) * COL_GAP)) / cols

    def fixed_height(self, rows: int, plot_w: float) -> float:
        """All but the plots: the legend, the titles, the dates, the gaps between."""
        return (self.top() + self.bottom() + rows * self.title_height(plot_w)
                + (rows - 1) * ROW_GAP * self.font)

    def plot_height(self, height: float, rows: int, plot_w: float) -> float:
        return (height - self.fixed_height(rows, plot_w)) / rows

    def minimum(self) -> tuple[float, float]:
        return (SINGLE_MIN_W, SINGLE_MIN_H) if self.single else (MIN_PLOT_W, MIN_PLOT_H)


@dataclass(frozen=True)
class Plan:
    cols: int
    rows: int
    plots: tuple[tuple[float, float, float, float], ...]  # x, y, width, height of each panel's plot


def plan_grid(frame: Frame, width: float, height: float) -> Plan | None:
    """The grid that gives each panel the largest well-proportioned plot (about 1.6 wide to 1
    high) in `width` x `height` points, rather one wide enough for the titles (on one line, else
    on two); None when the panels would be too small to read, or their titles cut very short."""
    min_w, min_h = (v * frame.font for v in frame.minimum())
    best: tuple[float, int] | None = None
    for cols in range(1, min(frame.panels, 8) + 1):
        rows = math.ceil(frame.panels / cols)
        if cols > 1 and math.ceil(frame.panels / (cols - 1)) == rows:
            continue  # the same rows with an empty column
        w = frame.plot_width(width, cols)
        h = frame.plot_height(height, rows, w)
        if w < max(min_w, min(frame.title2, TITLE_ROOM * frame.font)) or h < min_h:
            continue
        score = min(w / 1.6, h) * (1.0 if w >= frame.title else 0.92) * (1.0 if w >= frame.title2 else 0.8)
        if best is None or (score, cols) > best:
            best = (score, cols)
    return None if best is None else place_grid(frame, width, height, best[1])


def place_grid(frame: Frame, width: float, height: float, cols: int) -> Plan:
    rows = math.ceil(frame.panels / cols)
    w = frame.plot_width(width, cols)
    h = frame.plot_height(height, rows, w)
    title = frame.title_height(w)
    plots = []
    for i in range(frame.panels):
        row, col = divmod(i, cols)
        x = frame.left() + col * (w + COL_GAP * frame.font)
        top = height - frame.top() - row * (h + title + ROW_GAP * frame.font)
        plots.append((x, top - title - h, w, h))
    return Plan(cols, rows, tuple(plots))


def natural_height(frame: Frame, width: float, *, one_line: bool = True) -> float:
    """The height (points) that suits `frame` at `width`: the single chart about half as high as
    wide; panels as many to a row as keep them PAGE_PLOT_W wide and their titles whole (on one
    line, unless `one_line` is False and two will do; a very long title may still be cut), each
    about half as high as wide. At least the height at which `plan_grid` finds room."""
    min_w, min_h = (v * frame.font for v in frame.minimum())
    title = min(frame.title, 14 * frame.font) if one_line else 0.0
    cols = 1
    for rows in range(1, frame.panels + 1):
        cols = math.ceil(frame.panels / rows)
        wide = max(min_w, PAGE_PLOT_W * frame.font, title, min(frame.title2, 14 * frame.font))
        if frame.plot_width(width, cols) >= wide:
            break
    rows = math.ceil(frame.panels / cols)
    plot_w = frame.plot_width(width, cols)
    plot_h = min(max(min_h, plot_w / 1.9), (16 if frame.single else 9) * frame.font)
    return math.ceil(frame.fixed_height(rows, plot_w) + rows * plot_h + 1)


# -- text sizes and the dates along the bottom -----------------------------------------------------


@cache
def _renderer() -> Any:
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(1, 1, 72)  # 72 dots per inch: sizes come out in points


@lru_cache(maxsize=4096)
def text_width(text: str, size: float, bold: bool, family: tuple[str, ...]) -> float:
    """The width of `text` in points."""
    from matplotlib.font_manager import FontProperties

    props = FontProperties(family=list(family), size=size, weight="bold" if bold else "normal")
    return float(_renderer().get_text_width_height_descent(text, props, ismath=False)[0])


def fit_text(text: str, room: float, size: float, bold: bool, family: tuple[str, ...]) -> str:
    """`text` shortened with "…" at a word where possible, so it fits `room` points."""
    if text_width(text, size, bold, family) <= room:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        if text_width(" ".join(words) + "…", size, bold, family) <= room:
            return " ".join(words) + "…"
    cut = text
    while cut and text_width(cut + "…", size, bold, family) > room:
        cut = cut[:-1]
    return cut + "…"


_EPOCH = date(1970, 1, 1)


def day_numbers(days: Iterable[date]) -> list[float]:
    """matplotlib's numbers for these days (date2num, without its cost per call)."""
    base = float(date2num(_EPOCH))
    return [base + (d - _EPOCH).days for d in days]


def two_line_width(text: str, size: float, family: tuple[str, ...]) -> float:
    """The least width (points) at which bold `text` fits on two lines broken between words."""
    words = text.split()
    if len(words) < 2:
        return text_width(text, size, True, family)
    return min(max(text_width(" ".join(words[:i]), size, True, family),
                   text_width(" ".join(words[i:]), size, True, family)) for i in range(1, len(words)))


def wrap_text(text: str, room: float, size: float, family: tuple[str, ...]) -> str:
    """Bold `text` on two lines of `room` points: as many words as fit on the first, the others
    on the second (cut with "…" if they do not fit)."""
    words = text.split()
    head: list[str] = []
    while words and text_width(" ".join([*head, words[0]]), size, True, family) <= room:
        head.append(words.pop(0))
    if not head or not words:  # one long word, or it all fits: no line break helps
        return fit_text(text, room, size, True, family)
    return " ".join(head) + "\n" + fit_text(" ".join(words), room, size, True, family)


def date_span(dates: Iterable[date]) -> tuple[float, float]:
    """The span of `dates` (matplotlib's day numbers) that every panel shares, padded a little (a
    month around a single date, or around today when there are none)."""
    days = list(dates)
    if not days:
        today = date.today()
        return float(date2num(today - timedelta(days=15))), float(date2num(today + timedelta(days=15)))
    lo, hi = day_numbers((min(days), max(days)))
    pad = max((hi - lo) * 0.04, 15.0 if hi == lo else 2.0)
    return lo - pad, hi + pad


@lru_cache(maxsize=256)
def date_ticks(lo: float, hi: float, plot_w: float, size: float,
               family: tuple[str, ...]) -> tuple[tuple[float, ...], tuple[str, ...], str]:
    """Where the dates go under a plot `plot_w` points wide, their labels, and the offset under
    them ("2026-Feb", or ""): as many as fit with room between them."""
    fallback: tuple[tuple[float, ...], tuple[str, ...], str] = ((), (), "")
    for most in range(10, 3, -1):
        locator = AutoDateLocator(minticks=2, maxticks=most)
        ticks = tuple(float(t) for t in locator.tick_values(num2date(lo), num2date(hi)) if lo <= t <= hi)
        formatter = ConciseDateFormatter(locator)
        labels = tuple(formatter.format_ticks(list(ticks)))
        if len(ticks) < 2 or any(":" in label for label in labels):
            continue
        fallback = (ticks[::len(ticks) - 1], labels[::len(labels) - 1], formatter.get_offset())
        room = min(b - a for a, b in pairwise(ticks)) * plot_w / (hi - lo)
        if room >= max(text_width(t, size, False, family) for t in labels) + size:
            return ticks, labels, formatter.get_offset()
    return fallback
