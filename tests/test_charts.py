"""The skills chart's own layout: a panel per skill (or one large chart), every label inside the
figure and clear of the others, the legend clear of the data, the gap note in its skill's panel."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from revmentor_desktop.report.charts import (
    Frame,
    SkillSeries,
    SkillsFigure,
    natural_height,
    plan_grid,
    skills_figure,
)


def series(n: int, *, start: int = 2024, years: int = 3, long_names: bool = True) -> list[SkillSeries]:
    out = []
    for i in range(n):
        points = tuple((date(start + y, 1 + (i + y) % 12, 1), 1 + (i + y) % 5) for y in range(years))
        name = f"A skill with a fairly long name {i}" if long_names else f"Skill {i}"
        out.append(SkillSeries(i + 1, name, "mentor" if i % 2 else "mentee",
                               "Priya Raman" if i % 2 else "Martin Okafor", 4, points,
                               tuple((d, min(5, lvl + 2)) for d, lvl in points), "Someone Else"))
    return out


def drawn(fig: SkillsFigure) -> Any:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


def plot_box(fig: SkillsFigure, plot: tuple[float, float, float, float]) -> Bbox:
    x, y, w, h = (v * fig.dpi / 72 for v in plot)
    return Bbox.from_bounds(x, y, w, h)


def texts(fig: SkillsFigure, renderer: Any) -> list[tuple[str, Bbox]]:
    """Every label drawn (not the "not rated yet" notes, which belong inside their plots)."""
    notes = [p.note for p in fig.panels]
    return [(t.get_text(), t.get_window_extent(renderer)) for t in fig.artists
            if isinstance(t, Text) and t.get_visible() and t.get_text() and t not in notes]


def assert_laid_out(fig: SkillsFigure) -> None:
    """Every text inside the figure and clear of every other text and of every plot (the data);
    the legend above the plots; each gap note in the title row of its own skill's panel."""
    renderer = drawn(fig)
    page = fig.bbox
    labels = texts(fig, renderer)
    plots = [plot_box(fig, p.plot) for p in fig.panels]
    for text, box in labels:
        assert page.x0 - 0.5 <= box.x0 and box.x1 <= page.x1 + 0.5, text
        assert page.y0 - 0.5 <= box.y0 and box.y1 <= page.y1 + 0.5, text
        for plot in plots:
            assert not box.overlaps(plot), (text, box, plot)
    for (a, box_a), (b, box_b) in combinations(labels, 2):
        assert not box_a.overlaps(box_b), (a, b)
    legend = Bbox.union([a.get_window_extent(renderer) for a in fig.legend_artists])
    assert legend.y0 > max(p.y1 for p in plots)
    for p, plot in zip(fig.panels, plots, strict=True):
        assert plot.width > 0 and plot.height > 0
        assert p.title.get_text().replace("\n", " ") == p.series.name  # whole, on one line or two
        if p.gap is not None:  # under its skill's name, over the panel
            note, title = p.gap.get_window_extent(renderer), p.title.get_window_extent(renderer)
            assert plot.x0 <= note.x0 and note.x1 <= plot.x1 + 0.5
            assert plot.y1 < note.y0 and note.y1 <= title.y0 + 1


@pytest.mark.parametrize(("width", "height", "n", "cols"), [
    (4.7, 7.2, 8, 2),  # the window's pane, tall and narrow: two columns
    (10.0, 4.0, 8, 4),  # wide and low: four
    (6.7, None, 8, None),  # the PDF's width, as high as it needs
    (5.0, 4.0, 3, None),
    (7.0, 5.0, 1, 1),  # one skill: the large chart
])
def test_every_label_is_inside_the_figure_and_clear_of_the_data_and_each_other(
        width: float, height: float | None, n: int, cols: int | None) -> None:
    fig = skills_figure(series(n, long_names=False), gaps={1: -2, n: 2}, width=width, height=height,
                        font_size=9)
    assert_laid_out(fig)
    assert len(fig.panels) == n
    if cols is not None:
        assert len({p.plot[0] for p in fig.panels}) == cols


@pytest.mark.parametrize("dpi", [100, 200])  # 200: the window on a screen at pixel ratio 2
@pytest.mark.parametrize("font_size", [9.0, 16.0])  # 16: a large font chosen for the desktop
def test_a_large_font_or_a_sharp_screen_clips_nothing(dpi: float, font_size: float) -> None:
    fig = skills_figure(series(8), gaps={6: 2}, width=4.7, height=7.2, dpi=dpi, font_size=font_size)
    if plan_grid(fig.frame(4.7 * 72), 4.7 * 72, 7.2 * 72) is None:  # the window would scroll
        fig.set_size_inches(4.7, natural_height(fig.frame(4.7 * 72), 4.7 * 72) / 72)
    assert_laid_out(fig)


def test_the_gap_note_names_its_skill() -> None:
    data = series(4, long_names=False)
    fig = skills_figure(data, gaps={1: -2}, width=6.0, height=5.0)  # self 3, partner 5
    drawn(fig)
    (flagged,) = [p for p in fig.panels if p.gap is not None]
    assert flagged.series.skill_id == 1 and flagged.title.get_text() == "Skill 0"
    # One skill alone: the note says the two levels, under the skill's name.
    fig = skills_figure(data[:1], gaps={1: -2}, width=6.0, height=4.0)
    drawn(fig)
    panel = fig.panels[0]
    assert panel.title.get_text() == "Skill 0"
    assert panel.gap is not None and panel.gap.get_text() == "gap 2: self 3, partner 5"


def test_self_and_partner_at_the_same_point_are_both_seen() -> None:
    same = ((date(2026, 1, 5), 3), (date(2026, 2, 5), 4))
    fig = skills_figure([SkillSeries(1, "Coaching", "mentor", "Priya", 4, same, same)], width=6, height=4)
    renderer = drawn(fig)
    self_line, partner_line, _target = fig.panels[0].lines
    # A dot inside a ring: the partner's marker is hollow and larger than the self dot.
    assert partner_line.get_markerfacecolor() == "none"
    assert partner_line.get_markersize() > self_line.get_markersize() + 2 * partner_line.get_markeredgewidth()
    # The lines are apart, so a stretch they share shows both.
    ys = [ln.get_transform().transform((ln.get_xdata()[0], ln.get_ydata()[0]))[1] for ln in (self_line, partner_line)]
    assert abs(ys[0] - ys[1]) >= 1.0
    assert renderer is not None


def test_a_short_span_has_room_for_its_second_row_of_dates() -> None:
    data = series(2, start=2026, years=1, long_names=False)  # two dates in one month
    data = [SkillSeries(s.skill_id, s.name, s.owner, s.owner_name, 3,
                        ((date(2026, 2, 2), 2), (date(2026, 2, 23), 3)), ()) for s in data]
    fig = skills_figure(data, width=6.0, height=3.0)
    assert_laid_out(fig)
    assert "2026-Feb" in [t for t, _box in texts(fig, drawn(fig))]


def test_plan_grid_prefers_readable_panels() -> None:
    eight = Frame(panels=8, font=9.0)
    assert plan_grid(eight, 340, 520).cols == 2  # a tall, narrow pane
    assert plan_grid(eight, 720, 290).cols == 4  # a wide, low one
    assert plan_grid(Frame(panels=30, font=9.0), 270, 215) is None  # too small for thirty
    # Long titles: on two lines rather than plots half the size; never cut very short (no plan:
    # the window scrolls instead).
    assert plan_grid(Frame(panels=8, font=9.0, title=200, title2=100), 720, 290).cols == 4
    assert plan_grid(Frame(panels=8, font=9.0, title=300, title2=200), 200, 300) is None
    assert plan_grid(Frame(panels=8, font=9.0, title=300, title2=140), 340, 520).cols == 2
    # natural_height always gives room for a plan.
    for n in (1, 2, 5, 8, 13, 30):
        frame = Frame(panels=n, font=9.0)
        assert plan_grid(frame, 340, natural_height(frame, 340)) is not None


def test_user_text_is_drawn_as_typed() -> None:
    name = r"Costs in $\b$ and $\alpha$"  # matplotlib would read maths here, and fail on it
    data = [SkillSeries(1, name, "mentor", "Priya", 4, ((date(2026, 1, 5), 3),), ())]
    fig = skills_figure(data, width=6, height=4)
    drawn(fig)
    assert fig.panels[0].title.get_text() == name and not fig.panels[0].title.get_parse_math()


def test_a_name_with_a_line_break_is_drawn_on_one_line_without_a_warning() -> None:
    """A partner's share may bring a name with a line break in it: the fonts have no glyph for it,
    and matplotlib warned of it on stderr at every export."""
    import warnings
    from types import SimpleNamespace as Row

    from revmentor_desktop.report.charts import series_from

    skill = Row(id=1, name="Using\nAI\ttools", owner="mentor", target_level=4)
    rating = Row(skill_id=1, rated_on=date(2026, 1, 5), level=3, rated_by="self", id=1)
    [one] = series_from([skill], [rating], {"mentor": "Priya\nRaman", "mentee": "Martin"})
    assert (one.name, one.owner_name, one.partner_name) == ("Using AI tools", "Priya Raman", "Martin")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning
        drawn(skills_figure([one], width=6, height=4))


def test_nothing_rated_says_what_to_do() -> None:
    fig = skills_figure([], width=5, height=3)
    drawn(fig)
    assert fig.message is not None and "Add a skill" in fig.message.get_text()
    fig = skills_figure([SkillSeries(1, "Coaching", "mentor", "Priya", 4)], width=5, height=3)
    drawn(fig)
    assert fig.message is not None and "Rate a skill" in fig.message.get_text()


def test_every_script_is_drawn_where_a_font_for_it_is_installed() -> None:
    """A skill named 数据分析 or 리더십 is drawn with a font that has its glyphs (matplotlib falls back
    along the chart's font list), not as empty boxes — wherever the machine has such a font."""
    import warnings
    from datetime import date

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font

    from revmentor_desktop.report.charts import SkillSeries, SkillsFigure, font_families

    charmaps = [FT2Font(findfont(FontProperties(family=f), fallback_to_default=False)).get_charmap()
                for f in font_families()]
    names = [n for n in ("数据分析", "리더십", "قيادة", "Führung")
             if all(any(ord(c) in cm for cm in charmaps) for c in n)]  # a font here has every glyph
    if len(names) < 2:
        pytest.skip("no font on this machine covers a non-Latin name: nothing to fall back to")
    fig = SkillsFigure(figsize=(5, 3), dpi=100)
    series = [SkillSeries(i, name, "mentor", "Ana", 4, ((date(2026, 1, 5), 2), (date(2026, 3, 2), 3)))
              for i, name in enumerate(names)]
    fig.set_data(series)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        FigureCanvasAgg(fig).draw()
    missing = [str(w.message) for w in seen if "missing from font" in str(w.message)]
    assert missing == []
