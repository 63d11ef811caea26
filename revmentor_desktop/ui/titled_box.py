"""A titled group box showing widgets top to bottom: the boxes the Overview's dashboard and the
review form build around their tables."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget


def titled_box(title: str, parent: QWidget, *widgets: QWidget, stretch: bool = False) -> QGroupBox:
    """A group box headed `title` (already translated) with `widgets` one under the other (they
    become its children), and room left below them when `stretch`."""
    box = QGroupBox(title, parent)
    column = QVBoxLayout(box)
    for widget in widgets:
        column.addWidget(widget)
    if stretch:
        column.addStretch(1)
    return box
