"""Small widget builders the Goals tab's parts use: an empty-state page, a fixed-height text box,
and a short list sized to its rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.ui.widgets import PLAIN, muted_label


def fit_list_height(view: QListView, min_rows: int, max_rows: int) -> None:
    """Size a short one-line list to its rows (within limits), so the pane does not scroll for
    nothing."""
    model = view.model()
    rows = model.rowCount() if model is not None else 0
    line = max(view.sizeHintForRow(0), view.fontMetrics().height()) if rows else view.fontMetrics().height()
    shown = max(min_rows, min(rows, max_rows))
    view.setFixedHeight(line * shown + 2 * view.frameWidth() + 2)


def message_page(parent: QWidget) -> tuple[QWidget, QLabel, QLabel]:
    """An empty state: a heading and a short, centred explanation in place of an empty table."""
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    heading = QLabel(page)
    heading.setTextFormat(PLAIN)
    heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    heading.setFont(font)
    text = muted_label("", page)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text.setMaximumWidth(440)
    centred = QHBoxLayout()
    centred.addStretch(1)
    centred.addWidget(text, 100)
    centred.addStretch(1)
    layout.addStretch(1)
    layout.addWidget(heading)
    layout.addLayout(centred)
    layout.addStretch(1)
    return page, heading, text
