"""How the words searched for are marked: painted over the entry list's matching text, and
highlighted inside the editor's fields."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from revmentor_desktop.data import journal as jr
from revmentor_desktop.ui.tables import Index

HIT_BACKGROUND = "#ffe08a"
HIT_TEXT = "#000000"


def hit_segments(text: str) -> list[tuple[bool, str]]:
    """Split a snippet into (is a hit, text) parts; the hit markers themselves are dropped."""
    out: list[tuple[bool, str]] = []
    for chunk in re.split(f"({jr.HIT_START}.*?{jr.HIT_END})", text):
        if not chunk:
            continue
        if chunk.startswith(jr.HIT_START):
            out.append((True, chunk.strip(jr.HIT_START + jr.HIT_END)))
        else:
            out.append((False, chunk))
    return out


class BoldFont:
    """A bold copy of a font, with its metrics (the hits are painted in it)."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.font.setBold(True)
        self.metrics = QFontMetrics(self.font)


class HighlightDelegate(QStyledItemDelegate):
    """Paints text with the search hits (between HIT_START and HIT_END) highlighted, elided."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text: str = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if jr.HIT_START not in text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        rect = opt.rect.adjusted(4, 0, -4, 0)
        metrics = opt.fontMetrics
        bold = BoldFont(opt.font)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        x = rect.left()
        for is_hit, part in hit_segments(text.replace("\n", " ")):
            if x >= rect.right():
                break
            fm = metrics if not is_hit else bold.metrics
            width = fm.horizontalAdvance(part)
            room = rect.right() - x
            if width > room:
                part = fm.elidedText(part, Qt.TextElideMode.ElideRight, room)
                width = fm.horizontalAdvance(part)
            target = QRect(x, rect.top(), width, rect.height())
            if is_hit:
                painter.fillRect(target.adjusted(0, 3, 0, -3), QColor(HIT_BACKGROUND))
                painter.setFont(bold.font)
                painter.setPen(QColor(HIT_TEXT))
            else:
                painter.setFont(opt.font)
                painter.setPen(opt.palette.highlightedText().color() if selected
                               else opt.palette.text().color())
            painter.drawText(target, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), part)
            x += width
        painter.restore()


class SearchHighlighter(QSyntaxHighlighter):
    """Marks the words being searched for inside an editor's text."""

    def __init__(self, parent: QTextDocument) -> None:
        super().__init__(parent)
        self._pattern: re.Pattern[str] | None = None
        self._format = QTextCharFormat()
        self._format.setBackground(QColor(HIT_BACKGROUND))
        self._format.setForeground(QColor(HIT_TEXT))

    def set_words(self, words: list[str]) -> None:
        pattern = (re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
                   if words else None)
        if (pattern.pattern if pattern else None) != (self._pattern.pattern if self._pattern else None):
            self._pattern = pattern
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if self._pattern is None:
            return
        for m in self._pattern.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), self._format)
