"""A side-by-side splitter that puts its panes one above the other when the window is too narrow
for them side by side (a small screen, scale 2), so no pane is ever narrower than it needs and
nothing in it is clipped."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


def _least(widget: QWidget) -> QSize:
    """The least size a layout gives `widget` (its minimum size, else its minimum size hint)."""
    hint = widget.minimumSizeHint()
    least = widget.minimumSize()
    return QSize(least.width() or max(hint.width(), 0), least.height() or max(hint.height(), 0))


class FitSplitter(QSplitter):
    """Side by side where the panes' minimum widths fit, stacked (first on top) where they do not.

    Its minimum width is that of the widest pane, so its parent's layout never makes it wider than
    the room there is; the choice depends on its width alone, so it settles at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)

    def side_by_side_width(self) -> int:
        """The least width at which the panes fit side by side."""
        panes = [self.widget(i) for i in range(self.count())]
        shown = [p for p in panes if p is not None and not p.isHidden()]
        return sum(_least(p).width() for p in shown) + self.handleWidth() * max(len(shown) - 1, 0)

    def minimumSizeHint(self) -> QSize:
        panes = [w for w in (self.widget(i) for i in range(self.count())) if w is not None and not w.isHidden()]
        if not panes:
            return super().minimumSizeHint()
        sizes = [_least(p) for p in panes]
        width = max(s.width() for s in sizes)
        if self.orientation() == Qt.Orientation.Horizontal:
            height = max(s.height() for s in sizes)
        else:
            height = sum(s.height() for s in sizes) + self.handleWidth() * (len(sizes) - 1)
        return QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit(event.size().width())
        super().resizeEvent(event)

    def fit(self, width: int | None = None) -> None:
        """Side by side, or stacked, for `width` (default: the current width)."""
        width = self.width() if width is None else width
        wanted = (Qt.Orientation.Horizontal if width >= self.side_by_side_width()
                  else Qt.Orientation.Vertical)
        if wanted != self.orientation():
            self.setOrientation(wanted)
            self.updateGeometry()
