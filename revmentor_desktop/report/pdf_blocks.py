"""The PDF's building blocks: small QTextDocuments (and the SVG chart) laid out one after another,
and the hand-made pagination that never splits a table row or a SWOT grid and never leaves a
heading alone at the foot of a page.

All user text enters HTML through `esc()` (html.escape): markup typed by the user comes out as the
characters typed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QByteArray, QCoreApplication, QPointF, QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextOption,
)

from revmentor_desktop.report.markdown import ClosedDocument
from revmentor_desktop.report.text import day_text, isolate

RESOLUTION = 300
BODY_PT = 9.5



def esc(text: str) -> str:
    """User text, safe inside HTML, line breaks kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def esc_in(text: str) -> str:
    """User text set inside a line of ours: escaped and isolated, so an RTL override in it (or
    plain Arabic or Hebrew) cannot turn the rest of the line round."""
    return esc(isolate(text))


def day(value: date | None) -> str:
    return day_text(value, empty="—")


def due_day(value: date | None, overdue: bool) -> str:
    """A goal's target date or an action's due date, marked (see `.overdue`) once it has passed."""
    if not overdue:
        return day(value)
    late = QCoreApplication.translate("Report", "{day} (overdue)").format(day=day(value))
    return f'<span class="overdue">{esc(late)}</span>'


# -- blocks --------------------------------------------------------------------------------------


class Block:
    keep_with_next = False
    space_after = 0.0
    header: Block | None = None  # repeated above this block when it starts a page

    def layout(self, width: float) -> float:  # returns the height
        raise NotImplementedError

    def draw(self, painter: QPainter, x: float, y: float, width: float,
             clip: QRectF | None = None) -> None:
        raise NotImplementedError


class TextBlock(Block):
    """A piece of rich text. Its QTextDocument exists only while the block is measured or drawn:
    a journal of ten years is thousands of blocks, and keeping every one's document and layout
    alive at once took ~700 MB."""

    def __init__(self, body_html: str, ctx: Context, *, keep_with_next: bool = False,
                 space_after: float = 0.0, background: str | None = None, rule: bool = False) -> None:
        self.html = body_html
        self.keep_with_next = keep_with_next
        self.space_after = space_after
        self.background = background
        self.rule = rule
        self._ctx = ctx

    def document(self, width: float) -> ClosedDocument:
        """The block's text laid out `width` wide (a new document each time)."""
        ctx = self._ctx
        doc = ClosedDocument()  # reads no image or file a text might name
        doc.documentLayout().setPaintDevice(ctx.device)
        doc.setDefaultFont(ctx.font)
        doc.setDefaultStyleSheet(ctx.css)
        doc.setDocumentMargin(ctx.px(2))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setHtml(self.html)
        doc.setTextWidth(width)
        return doc

    def layout(self, width: float) -> float:
        return float(self.document(width).size().height())

    def draw(self, painter: QPainter, x: float, y: float, width: float,
             clip: QRectF | None = None) -> None:
        doc = self.document(width)
        height = doc.size().height()
        painter.save()
        painter.translate(x, y)
        if self.background:
            painter.fillRect(QRectF(0, 0, width, height), QColor(self.background))
        if self.rule:
            painter.setPen(QPen(QColor("#c9ced3"), self._ctx.px(0.6)))
            painter.drawLine(QPointF(0, height), QPointF(width, height))
        paint = QAbstractTextDocumentLayout.PaintContext()
        paint.palette = paper_palette()  # (drawContents would take the screen theme's colours)
        if clip is not None:
            paint.clip = clip.translated(-x, -y)
            painter.setClipRect(paint.clip)
        doc.documentLayout().draw(painter, paint)
        painter.restore()


def paper_palette() -> QPalette:
    """The colours text is printed in, whatever the screen's theme: black on white paper. (A text's
    colour comes from the palette it is drawn with, and the application's palette in a dark theme
    has light text: on white paper that was about 1.2:1.)"""
    return QPalette(QColor("black"), QColor("white"))


class ChartBlock(Block):
    """The skills chart as SVG, drawn as vector paths (and real text) into the PDF."""

    def __init__(self, svg: bytes, aspect: float) -> None:
        from PySide6.QtSvg import QSvgRenderer

        self.renderer = QSvgRenderer(QByteArray(svg))
        self.aspect = aspect
        self.space_after = 0.0

    def layout(self, width: float) -> float:
        return width * self.aspect

    def draw(self, painter: QPainter, x: float, y: float, width: float,
             clip: QRectF | None = None) -> None:
        self.renderer.render(painter, QRectF(x, y, width, width * self.aspect))


@dataclass
class Context:
    device: QPdfWriter
    font: QFont
    css: str

    def px(self, points: float) -> float:
        return points * RESOLUTION / 72.0


# -- the document --------------------------------------------------------------------------------

CSS = """
h1 { font-size: 17pt; font-weight: 600; color: #1f3b57; margin: 0; }
h2 { font-size: 13pt; font-weight: 600; color: #1f5f8b; margin-top: 6pt; margin-bottom: 2pt; }
h3 { font-size: 10.5pt; font-weight: 600; margin: 0; }
p { margin: 0; }
.muted { color: #5b6770; }
.small { font-size: 8.5pt; }
.label { color: #5b6770; font-size: 8pt; }
.overdue { color: #a35200; font-weight: 600; }
td { vertical-align: top; }
th { text-align: left; font-weight: 600; color: #1f3b57; }
"""
# Cell padding comes from each table's cellpadding, which Qt reads as CSS pixels (96 an inch:
# cellpadding="4" is 3pt on the page). A "padding: 3pt" rule here used to override it and left
# the cells of a row unpadded against each other, so a full line ran into the next column.


def row_html(cells: Sequence[str], widths: Sequence[int], *, header: bool = False) -> str:
    tag = "th" if header else "td"
    tds = "".join(f'<{tag} width="{w}%">{c}</{tag}>' for c, w in zip(cells, widths, strict=True))
    return f'<table width="100%" cellspacing="0" cellpadding="3"><tr>{tds}</tr></table>'


def paginate(blocks: list[Block], width: float, page_height: float) -> list[list[tuple[Block, float, float]]]:
    """Place blocks on pages: [(block, y, height)] per page; headings stay with what follows."""
    heights = [b.layout(width) for b in blocks]
    pages: list[list[tuple[Block, float, float]]] = [[]]
    y = 0.0
    i = 0
    while i < len(blocks):
        block, h = blocks[i], heights[i]
        # A heading (or a table head) must fit together with the block that follows it.
        need = h
        j = i
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            need += heights[j]
        if y > 0 and y + min(need, page_height) > page_height:
            pages.append([])
            y = 0.0
        if y == 0 and block.header is not None and pages[-1] == [] and len(pages) > 1:
            head_h = block.header.layout(width)
            pages[-1].append((block.header, 0.0, head_h))
            y = head_h
        if h > page_height - y:
            # Taller than a page (a very long entry): slice it across pages.
            offset = 0.0
            while True:
                part = min(page_height - y, h - offset)
                pages[-1].append((_Slice(block, offset, part), y, part))
                offset += part
                if offset >= h:
                    y += part + block.space_after
                    break
                pages.append([])
                y = 0.0
        else:
            pages[-1].append((block, y, h))
            y += h + block.space_after
        i += 1
    return [p for p in pages if p]


class _Slice(Block):
    """Part of a block that is taller than a page."""

    def __init__(self, block: Block, offset: float, height: float) -> None:
        self.block = block
        self.offset = offset
        self.height = height

    def layout(self, width: float) -> float:
        return self.height

    def draw(self, painter: QPainter, x: float, y: float, width: float,
             clip: QRectF | None = None) -> None:
        painter.save()
        painter.setClipRect(QRectF(x, y, width, self.height))
        self.block.draw(painter, x, y - self.offset, width, QRectF(x, y, width, self.height))
        painter.restore()
