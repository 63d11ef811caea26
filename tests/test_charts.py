"""The skills chart's own layout: room for every label, the legend clear of the data."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.transforms import Bbox

from revmentor_desktop.report.charts import SkillSeries, chart_legend_place, skills_figure


def series(n: int, *, start: int = 2024, years: int = 3) -> list[SkillSeries]:
    out = []
    for i in range(n):
        points = tuple((date(start + y, 1 + (i + y) % 12, 1), 1 + (i + y) % 5) for y in range(years))
        out.append(SkillSeries(i + 1, f"A skill with a fairly long name {i}", "mentor" if i % 2 else "mentee",
                               "Priya Raman" if i % 2 else "Martin Okafor", 4, points,
                               tuple((d, min(5, lvl + 1)) for d, lvl in points)))
    return out


def extents(fig: object) -> tuple[Bbox, list[Bbox], Bbox | None, Bbox]:
    canvas = FigureCanvasAgg(fig)  # type: ignore[arg-type]
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]  # type: ignore[attr-defined]
    area = ax.get_window_extent(renderer)
    texts = (*ax.get_xticklabels(), *ax.get_yticklabels(), ax.yaxis.label, ax.xaxis.get_offset_text(),
             *ax.texts)
    labels = [box for box in (t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text())
              # a tick outside the axes' range keeps a label matplotlib does not draw
              if not (box.y1 < area.y0 and not area.x0 - 1 <= (box.x0 + box.x1) / 2 <= area.x1 + 1)]
    legend = fig.legends[0].get_window_extent(renderer) if fig.legends else None  # type: ignore[attr-defined]
    return ax.get_window_extent(renderer), labels, legend, fig.bbox  # type: ignore[attr-defined]


def assert_laid_out(fig: object) -> tuple[Bbox, Bbox | None, Bbox]:
    """Every label inside the figure and clear of the legend; the legend clear of the axes."""
    axes, labels, legend, figure = extents(fig)
    for box in labels:  # tick labels, the axis label, the date offset, the "gap" note
        assert figure.x0 - 0.5 <= box.x0 and box.x1 <= figure.x1 + 0.5, box
        assert figure.y0 - 0.5 <= box.y0 and box.y1 <= figure.y1 + 0.5, box
        assert not (legend is not None and box.overlaps(legend)), (box, legend)
    if legend is not None:
        assert figure.x0 <= legend.x0 and legend.x1 <= figure.x1 + 0.5
        assert figure.y0 - 0.5 <= legend.y0 and legend.y1 <= figure.y1 + 0.5
        assert not legend.overlaps(axes)
    return axes, legend, figure


@pytest.mark.parametrize(("width", "height", "n", "where"), [
    (10.0, 4.0, 8, "right"),  # wide and low: the legend at the side
    (5.0, 7.5, 8, "below"),  # tall and narrow: below
    (7.0, 5.0, 1, "below"),
    (6.5, 3.2, 3, None),  # the PDF's shape: whichever suits
])
def test_every_label_is_inside_the_figure_and_the_legend_clear_of_the_axes(
        width: float, height: float, n: int, where: str | None) -> None:
    data = series(n)
    place = chart_legend_place(data, width, height, 100)
    assert place is not None and (where is None or place[0] == where)
    axes, legend, figure = assert_laid_out(skills_figure(data, gaps={1: 2}, width=width, height=height))
    assert legend is not None
    assert axes.width > 0.4 * figure.width or place[0] == "right"
    assert axes.height > 0.35 * figure.height


@pytest.mark.parametrize(("size", "where"), [((11.0, 2.5), "right"), ((6.0, 4.0), "below")])
def test_a_short_span_has_room_for_its_second_row_of_dates(size: tuple[float, float], where: str) -> None:
    data = series(2, start=2026, years=1)  # weeks of one month: "2026-Feb" in a row of its own
    place = chart_legend_place(data, *size, 100)
    assert place is not None and place[0] == where
    fig = skills_figure(data, width=size[0], height=size[1])
    assert_laid_out(fig)
    assert fig.axes[0].xaxis.get_offset_text().get_text() == "2026-Feb"


def test_a_chart_too_small_for_its_legend_goes_without_it_and_still_draws() -> None:
    data = series(30)
    assert chart_legend_place(data, 3.8, 3.0, 100) is None
    axes, _labels, legend, _figure = extents(skills_figure(data, width=3.8, height=3.0))
    assert legend is None and axes.width > 0 and axes.height > 0
