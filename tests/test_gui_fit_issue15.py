"""Issue 15: every tab fits a small window. With the 300-session sample open in a window the size it
takes at scale 2 on a 1400×900 screen (630×405) and in one at its scale-1 minimum, no label, field,
button, list or box of any tab is clipped by a parent that does not scroll: each lies wholly inside
the window's central area, or inside a scroll area's widget (reachable by scrolling, in a direction
the scroll area scrolls), and a label that does not wrap is at least as wide as its text.

Relations only (rectangles inside rectangles, widths against size hints), so any font family holds."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.ui.layout import fit_minimum
from revmentor_desktop.ui.window import MainWindow
from revmentor_desktop.ui.window.placement import MIN_HEIGHT, MIN_WIDTH

CHECKED = (QLabel, QLineEdit, QAbstractButton, QTextEdit, QAbstractItemView, QComboBox, QAbstractScrollArea)
#: (width, height) of the window: scale 2 on a 1400×900 screen (90 % of 700×450), and the scale-1 minimum.
SIZES = {"scale 2": fit_minimum(MIN_WIDTH, MIN_HEIGHT, (0, 0, 700, 450)), "scale 1 minimum": (MIN_WIDTH, MIN_HEIGHT)}


@pytest.fixture(scope="module")
def sample_300(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "s300.revmentor"
    make_sample(path, 300, today=date(2026, 6, 1))
    return path


@pytest.fixture
def partnership_file(tmp_path: Path, sample_300: Path) -> Path:
    path = tmp_path / "s300.revmentor"
    shutil.copyfile(sample_300, path)
    return path


@pytest.fixture(params=list(SIZES))
def small_window(request: pytest.FixtureRequest, window: MainWindow, qtbot: Any) -> Iterator[MainWindow]:
    width, height = SIZES[request.param]
    window.setMinimumSize(width, height)  # what fit_to_screen sets on such a screen
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height))
    yield window


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _internal(widget: QWidget) -> bool:
    """Part of another widget (a combo box's line edit, a scroll bar's, a tab bar's arrows, an
    item view's editor or header): its owner is what is checked."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QScrollBar | QTabBar | QAbstractItemView):
            return True
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea):
            return True  # inside a text edit's or a list's viewport
        parent = parent.parentWidget()
    return False


def clipping(widget: QWidget, top: QWidget) -> str | None:
    """Why `widget` is not wholly visible, or reachable by scrolling, inside `top`; None if it is."""
    target = widget
    while target is not top:
        parent = target.parentWidget()
        assert parent is not None, f"{widget!r} is not inside {top!r}"
        grand = parent.parentWidget()
        if isinstance(grand, QScrollArea) and grand.widget() is target:
            # a scroll area's widget: it may overhang the viewport only where the area scrolls
            view = grand.viewport()
            if (target.width() > view.width()
                    and grand.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff):
                return f"{type(grand).__name__} does not scroll sideways to show {type(widget).__name__}"
            if (target.height() > view.height()
                    and grand.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff):
                return f"{type(grand).__name__} does not scroll down to show {type(widget).__name__}"
            target = grand
            continue
        rect = _rect_in(widget, parent) if target is widget else _rect_in(target, parent)
        if not parent.rect().contains(rect):
            return (f"{type(widget).__name__} {_describe(widget)} at {rect.getRect()} is clipped by "
                    f"{type(parent).__name__} {parent.objectName()!r} of size {parent.size().toTuple()}")
        target = parent
    return None


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QLineEdit | QAbstractButton) else ""
    return f"{widget.objectName()!r} {text[:30]!r}"


def problems(tab: QWidget, top: QWidget) -> list[str]:
    found = []
    for widget in tab.findChildren(QWidget):
        if not isinstance(widget, CHECKED) or not widget.isVisible() or _internal(widget):
            continue
        why = clipping(widget, top)
        if why is not None:
            found.append(why)
            continue
        if (isinstance(widget, QLabel) and widget.text() and not widget.wordWrap()
                and widget.textFormat() != Qt.TextFormat.RichText
                and widget.width() < widget.sizeHint().width()):
            found.append(f"QLabel {_describe(widget)} is {widget.width()} wide, its text needs "
                         f"{widget.sizeHint().width()}")
    return found


def test_every_tab_fits_a_small_window(small_window: MainWindow, qtbot: Any) -> None:
    window = small_window
    assert window.tabs is not None
    top = window.centralWidget()
    assert top is not None
    found: dict[str, list[str]] = {}
    for i, title in enumerate(window.tabs.titles()):
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        qtbot.wait(20)
        tab = window.tabs.widget(i)
        assert tab.isVisible()
        if issues := problems(tab, top):
            found[title] = issues
    assert not found, "\n".join(f"{t}: {p}" for t, ps in found.items() for p in ps)


def test_the_check_in_and_review_forms_need_no_sideways_scrolling(small_window: MainWindow,
                                                                   qtbot: Any) -> None:
    """In a narrow window the form goes under the list, as wide as the window: read top to bottom."""
    tab = small_window.practice_tab
    small_window.show_tab(small_window.tabs.indexOf(tab))
    for kind in ("check-in", "review"):
        row = next(r for r in range(tab.model.rowCount())
                   if kind in str(tab.model.index(r, 0).data()).lower())
        tab.view.setCurrentIndex(tab.model.index(row, 0))
        page = tab.review_page if kind == "review" else tab.check_in_page
        qtbot.waitUntil(lambda p=page: tab.right.currentWidget() is p)
        QApplication.processEvents()
        assert not page.horizontalScrollBar().isVisible(), kind
