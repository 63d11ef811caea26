"""Widgets with a style sheet of their own (problem lines, warning cards) take it from
widgets.SheetFollowsTheme: set at once, asked again when the theme or the widget's palette changes,
and set only when it differs."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from revmentor_desktop.ui import theme
from revmentor_desktop.ui.overview import StatCard
from revmentor_desktop.ui.widgets import SheetFollowsTheme, problem_label


def test_a_problem_line_is_red_for_its_palette(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.setPalette(QPalette(QColor("#efefef")))
    assert problem_label(parent).styleSheet() == "color: #b00020;"
    parent.setPalette(theme.dark_palette())
    assert problem_label(parent).styleSheet() == "color: #ff8a80;"


def test_a_warning_card_is_amber_and_plain_again_when_the_warning_goes(qtbot: Any) -> None:
    card = StatCard("Next session due")
    qtbot.addWidget(card)
    card.setPalette(QPalette(QColor("#efefef")))
    assert card.styleSheet() == ""
    card.set("3 May", "overdue", warn=True)
    assert card.styleSheet() == "#statCard { border: 1px solid #c77700; background: #fff4e0; }"
    card.set("9 May", "in a week", warn=False)
    assert card.styleSheet() == ""


def test_the_sheet_is_asked_again_on_a_theme_or_palette_change_and_set_only_when_new(
        qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    sheets = ["color: red;"]
    asked = 0

    def sheet() -> str:
        nonlocal asked
        asked += 1
        return sheets[-1]

    follower = SheetFollowsTheme(widget, sheet)
    assert (asked, widget.styleSheet()) == (1, "color: red;")
    set_calls: list[str] = []
    widget.setStyleSheet = set_calls.append  # type: ignore[method-assign]
    theme.notifier().changed.emit()
    follower.restyle()
    assert asked == 3 and set_calls == []  # the same sheet: not set again
    sheets.append("color: blue;")
    widget.setPalette(theme.dark_palette())
    assert asked == 4 and set_calls == ["color: blue;"]
