"""How two of the goals table's columns are drawn: the owner shortened when it does not fit, and
progress as a bar."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from revmentor_desktop.ui.goals.common import PROGRESS_ROLE, SHORT_ROLE
from revmentor_desktop.ui.tables import Index


class CompactDelegate(QStyledItemDelegate):
    """Shows a cell's short form (e.g. "Mentee" for "Mentee — Martin Okafor", the target date
    without " — overdue") when the full text would be cut off; the tooltip keeps the full text."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        short = index.data(SHORT_ROLE)
        if not short:
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The text's own room: beside the icon, inside the cell's margins.
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget).width() - 8
        if option.fontMetrics.horizontalAdvance(option.text) > room:
            option.text = short


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a bar with its percentage on it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        value = index.data(PROGRESS_ROLE)
        if value is None:
            return
        rect: QRect = opt.rect
        height = min(rect.height() - 6, opt.fontMetrics.height() + 4)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(rect.x() + 6, rect.y() + (rect.height() - height) // 2, rect.width() - 12, height)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = int(value)
        bar.text = f"{int(value)}%"
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = opt.palette
        bar.fontMetrics = opt.fontMetrics
        bar.direction = opt.direction
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
