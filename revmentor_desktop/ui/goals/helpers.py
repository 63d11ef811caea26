"""Small widget builders the Goals tab's parts use: a short list sized to its rows."""

from __future__ import annotations

from PySide6.QtWidgets import QListView


def fit_list_height(view: QListView, min_rows: int, max_rows: int) -> None:
    """Size a short one-line list to its rows (within limits), so the pane does not scroll for
    nothing."""
    model = view.model()
    rows = model.rowCount() if model is not None else 0
    line = max(view.sizeHintForRow(0), view.fontMetrics().height()) if rows else view.fontMetrics().height()
    shown = max(min_rows, min(rows, max_rows))
    view.setFixedHeight(line * shown + 2 * view.frameWidth() + 2)
