"""The Skills tab's tables, headings, buttons and scrolling halves, and the Delete key in a table:
small builders its panes and the tab share."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QWidget,
)

from revmentor_desktop.ui.edit_in_place import edit_in_place
from revmentor_desktop.ui.widgets import form_scroll


class _Table(QTableView):
    """Asks for no more height than its minimum; it grows into whatever room there is. (The panes
    scroll, and a scroll area around a form with wrapped text lays it out at its preferred height:
    Qt's default table hint, 192 px, pushed the form's buttons under the fold of a 1280×800 screen.)"""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), max(self.minimumHeight(), self.minimumSizeHint().height()))


def table_view(parent: QWidget, name: str) -> QTableView:
    """A table of rows picked one at a time, edited in place by double-click or F2."""
    view = _Table(parent)
    view.setAccessibleName(name)
    edit_in_place(view, QAbstractItemView.SelectionBehavior.SelectRows,
                  QAbstractItemView.EditTrigger.SelectedClicked)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setIconSize(QSize(16, 16))
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(40)
    return view


def size_columns(view: QTableView, widths: dict[int, str]) -> None:
    """Column widths from sample text, not from the rows (no ResizeToContents); the user may drag
    them, and the last column takes what room is left."""
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    for col, sample in widths.items():
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(col, metrics.horizontalAdvance(sample) + 28)
    header.setStretchLastSection(True)


def text_width(view: QTableView, col: int, texts: Iterable[str], *, icon: bool = False,
               most_chars: int = 34) -> int:
    """The width column `col` needs to show the longest of `texts` and its header whole, with
    the icon if it has one; at most about `most_chars` characters wide (the tooltip has the rest)."""
    metrics, style = view.fontMetrics(), view.style()
    header = view.horizontalHeader()
    title = str(view.model().headerData(col, Qt.Orientation.Horizontal) or "")
    header_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 4
    cell_margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 6
    if icon:
        cell_margin += view.iconSize().width() + 6
    need = max([metrics.horizontalAdvance(t) + cell_margin for t in texts]
               + [header.fontMetrics().horizontalAdvance(line) + header_margin for line in title.split("\n")])
    return min(need, metrics.averageCharWidth() * most_chars)


def scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area that grows it to fill the room there is."""
    scroll = form_scroll(parent, content)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


def push_button(text: str, name: str, tip: str, parent: QWidget) -> QPushButton:
    """A button with its accessible name (what a screen reader says) and tooltip."""
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    button.setToolTip(tip)
    return button


def button_row(*buttons: QWidget, then: QWidget | None = None) -> QHBoxLayout:
    """Buttons side by side, then `then` taking the rest of the row (or empty room)."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    if then is None:
        row.addStretch(1)
    else:
        row.addWidget(then, 1)
    return row


