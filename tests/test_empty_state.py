"""Every list's empty state (ui/empty_state.EmptyState): heading, explanation and button stay
whole, one under the other, however little room the window gives it (it scrolls instead)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from revmentor_desktop.ui.empty_state import EmptyState

LONG = " ".join(["A check-in every few sessions: each of you says what works and what to tweak."] * 6)


def test_in_a_small_space_it_scrolls_rather_than_overlap(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    page = EmptyState(holder, "No check-ins or reviews yet.", LONG)
    button = QPushButton("New Check-in", page)
    page.place_button(button)
    page.resize(320, 120)
    holder.show()
    qtbot.waitExposed(holder)
    heading, text = page.heading.geometry(), page.text.geometry()
    assert text.top() >= heading.bottom() and button.geometry().top() >= text.bottom()
    assert text.height() >= page.text.heightForWidth(text.width())  # every line of it, none cut
    assert page.verticalScrollBar().maximum() > 0  # the rest is reached by scrolling
    assert page.minimumSizeHint().height() <= 8 * page.fontMetrics().lineSpacing()


def test_with_room_it_shows_everything_without_scrolling(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    page = EmptyState(holder, "No goals yet.", "Write down what the two of you want to achieve.")
    page.resize(800, 600)
    holder.show()
    qtbot.waitExposed(holder)
    assert page.verticalScrollBar().maximum() == 0
    assert page.heading.text() == "No goals yet." and page.text.isVisibleTo(page)
