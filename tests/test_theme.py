"""View › Theme: System, Light, Dark — remembered, applied live, and every colour the app picks
readable on it (WCAG AA: 4.5:1 for text, 3:1 for marks)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from revmentor_desktop.report import charts
from revmentor_desktop.ui import paths, theme
from revmentor_desktop.ui.swot import look as swot_look
from revmentor_desktop.ui.window import MainWindow


@pytest.fixture
def themed(qapp: Any) -> Iterator[theme.ThemeKeeper]:
    keeper = theme.keeper()
    yield keeper
    keeper.apply(theme.SYSTEM)  # the other tests see the desktop's look


def C(hex_: str) -> QColor:
    return QColor(hex_)


def test_view_theme_switches_live_and_is_remembered(window: MainWindow, themed: Any) -> None:
    actions = {a.data(): a for a in window.theme_menu.actions()}
    assert set(actions) == {"system", "light", "dark"} and actions["system"].isChecked()
    actions["dark"].trigger()
    assert theme.is_dark(QApplication.palette())
    assert paths.settings().value(theme.SETTING) == "dark"
    assert theme.ThemeKeeper(QApplication.instance()).theme == "dark"  # as a new start would find it
    quadrant = window.swot_tab.findChildren(__import__(
        "revmentor_desktop.ui.swot.quadrant", fromlist=["QuadrantPanel"]).QuadrantPanel)[0]
    assert quadrant.dark and quadrant.look == swot_look.look(quadrant.quadrant, True)
    actions["light"].trigger()
    assert not theme.is_dark(QApplication.palette())
    assert not quadrant.dark


def test_the_dark_palette_is_readable() -> None:
    pal = theme.dark_palette()
    R = QPalette.ColorRole
    for fg, bg in ((R.WindowText, R.Window), (R.Text, R.Base), (R.Text, R.AlternateBase),
                   (R.ButtonText, R.Button), (R.HighlightedText, R.Highlight),
                   (R.ToolTipText, R.ToolTipBase)):
        assert theme.contrast(pal.color(fg), pal.color(bg)) >= 4.5, (fg, bg)
    assert theme.contrast(pal.color(R.PlaceholderText), pal.color(R.Base)) >= 4.5
    assert theme.contrast(pal.color(R.Link), pal.color(R.Base)) >= 4.5


def test_an_unticked_box_and_a_radio_button_can_be_seen_in_the_dark_theme(
        themed: Any, qtbot: Any) -> None:
    """Fusion outlines them in the window colour darkened: 1.2:1 on the dark palette."""
    from PySide6.QtWidgets import QCheckBox, QProxyStyle, QRadioButton

    from revmentor_desktop.ui.dark_style import OUTLINE

    themed.apply(theme.DARK)
    for kind in (QCheckBox, QRadioButton):
        widget = kind("")  # the indicator alone (no label's text to measure instead)
        qtbot.addWidget(widget)
        widget.resize(widget.sizeHint())
        image = widget.grab().toImage()
        window = QApplication.palette().color(QPalette.ColorRole.Window)
        best = max(theme.contrast(QColor(image.pixel(x, y)), window)
                   for x in range(image.width()) for y in range(image.height()))
        assert best >= 3, (kind.__name__, best)
    assert theme.contrast(QColor(OUTLINE), theme.dark_palette().color(QPalette.ColorRole.Base)) >= 3
    themed.apply(theme.LIGHT)  # the proxy (a Python call per primitive drawn) is the dark theme's alone
    assert not isinstance(QApplication.style(), QProxyStyle)


def test_a_dark_desktop_in_fusion_gets_the_visible_indicators_too(
        themed: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """GNOME and others run Qt apps in Fusion with a dark palette: the app keeps the desktop's look,
    and its unticked boxes were as faint as in the app's own dark theme before the fix."""
    from PySide6.QtWidgets import QProxyStyle

    if QApplication.style().name().lower() != "fusion":
        pytest.skip("the desktop's style here is not Fusion")
    monkeypatch.setattr(theme, "is_dark", lambda palette=None: True)  # the desktop is dark
    themed.apply(theme.DARK)
    assert isinstance(QApplication.style(), QProxyStyle)
    monkeypatch.undo()


@pytest.mark.parametrize("dark", [False, True])
def test_the_apps_own_colours_are_readable_on_either_theme(dark: bool) -> None:
    pal = theme.dark_palette() if dark else QPalette(C("#efefef"))
    window = pal.color(QPalette.ColorRole.Window)
    text = pal.color(QPalette.ColorRole.WindowText)
    assert theme.contrast(theme.tone("#b00020", "#ff8a80", pal), window) >= 4.5  # problem lines
    assert theme.contrast(text, theme.tone("#fff4e0", "#3d2e16", pal)) >= 4.5  # warning card
    text_c, muted, link = swot_look.ink(dark)
    for q in swot_look.QUADRANTS:
        lk = swot_look.look(q, dark)
        for bg in (lk.tint, lk.base):
            assert theme.contrast(C(text_c), C(bg)) >= 7, q
            assert theme.contrast(C(muted), C(bg)) >= 4.5, q
            assert theme.contrast(C(lk.accent), C(bg)) >= 4.5, q
        assert theme.contrast(C(text_c), C(lk.selection)) >= 4.5, q
        assert theme.contrast(C(link), C(lk.base)) >= 3, q  # the ⇄ badge, a mark
    ink = charts.DARK_INK if dark else charts.LIGHT_INK
    for bg in (ink.face, ink.plot_fill):
        assert theme.contrast(C(ink.ink), C(bg)) >= 4.5
        assert theme.contrast(C(ink.muted), C(bg)) >= 4.5
        for mark in (ink.self_colour, ink.partner_colour, ink.target_colour):
            assert theme.contrast(C(mark), C(bg)) >= 3, mark
    assert theme.contrast(C(ink.gap_ink), C(ink.gap_fill)) >= 4.5


def test_the_chart_takes_the_dark_ink(window: MainWindow, themed: Any, qtbot: Any) -> None:
    from revmentor_desktop.data import commands

    window.doc.run(commands.add_skill("Prompt writing", "mentee"))
    tab = window.skills_tab
    window.show_tab(window.tabs.titles().index("Skills"))
    qtbot.waitUntil(lambda: tab.chart.figure is not None, timeout=10000)
    themed.apply(theme.DARK)
    assert tab.chart.figure.ink == charts.DARK_INK
    themed.apply(theme.LIGHT)
    assert tab.chart.figure.ink == charts.LIGHT_INK


def test_problem_lines_and_warning_cards_follow_a_live_theme_switch(window: MainWindow, themed: Any) -> None:
    """A widget with a style sheet of its own stops following the palette: its shade comes from what
    it stands on, so a switch while it shows keeps it readable (it stayed the light red on dark)."""
    from revmentor_desktop.ui.overview import StatCard
    from revmentor_desktop.ui.widgets import problem_label

    problem = problem_label(window.overview_tab)
    problem.setText("Something is wrong")
    card = window.overview_tab.findChildren(StatCard)[0]
    card.set("3 May", "overdue", warn=True)
    themed.apply(theme.LIGHT, remember=False)
    assert problem.styleSheet() == "color: #b00020;" and "#fff4e0" in card.styleSheet()
    themed.apply(theme.DARK, remember=False)
    assert problem.styleSheet() == "color: #ff8a80;" and "#3d2e16" in card.styleSheet()
    themed.apply(theme.LIGHT, remember=False)
    assert problem.styleSheet() == "color: #b00020;" and "#fff4e0" in card.styleSheet()
