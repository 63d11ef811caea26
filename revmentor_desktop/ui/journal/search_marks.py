"""How the words searched for are marked: painted over the entry list's matching text, and
highlighted inside the editor's fields.

A snippet is painted as plain text (never HTML: it is the user's own text), in pieces: the words
found in bold on a tint of the palette's highlight colour, so a dark theme marks them as well as
a light one. A snippet wider than its cell loses whole words, never part of the first word found:
`fit_snippet` (pure, measured by whatever it is given) chooses what is painted."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from revmentor_desktop.data import journal as jr
from revmentor_desktop.ui.tables import Index

#: Pieces of a snippet: (is a hit, text).
Pieces = list[tuple[bool, str]]

ELLIPSIS = "…"
#: How much of the hit's colour tints the row behind a hit (the rest is the row's own base).
HIT_TINT = 0.45
#: At most this share of a cell goes to the words before the first hit when the snippet is cut.
LEAD_SHARE = 1 / 3

_HITS = re.compile(f"({jr.HIT_START}.*?{jr.HIT_END})")
_UNITS = re.compile(r"\s*\S+|\s+")


def hit_segments(text: str) -> Pieces:
    """Split a snippet into (is a hit, text) parts; the hit markers themselves are dropped."""
    out: Pieces = []
    for chunk in _HITS.split(text):
        if not chunk:
            continue
        if chunk.startswith(jr.HIT_START):
            out.append((True, chunk.strip(jr.HIT_START + jr.HIT_END)))
        else:
            out.append((False, chunk))
    return out


def _merge(units: Sequence[tuple[bool, str]]) -> Pieces:
    out: Pieces = []
    for hit, text in units:
        if out and out[-1][0] == hit:
            out[-1] = (hit, out[-1][1] + text)
        elif text:
            out.append((hit, text))
    return out


def fit_snippet(pieces: Pieces, width: int, measure: Callable[[bool, str], int]) -> Pieces:
    """What of a snippet to paint in `width`: all of it when it fits; else whole words only, the
    first hit always whole (words before it go first, with "…" in their place, keeping at most a
    third of the width; then words at the end), unless the hit alone is wider than the cell.

    `measure(is_hit, text)` is the width of text as it is painted (hits in bold)."""
    if sum(measure(hit, text) for hit, text in pieces) <= width:
        return list(pieces)
    units: list[tuple[bool, str]] = []
    for hit, text in pieces:
        units.extend([(True, text)] if hit else [(False, u) for u in _UNITS.findall(text)])
    first = next((i for i, (hit, _t) in enumerate(units) if hit), 0)
    hit_width = measure(*units[first])
    if hit_width > width:
        return [units[first]]  # as much of the hit as fits is all there is room for
    ell = measure(False, ELLIPSIS)
    more_after = first + 1 < len(units)

    def lead(lo: int) -> tuple[Pieces, int]:
        """The words from `lo` up to the hit, led by "…" when words before them are left out."""
        if lo == 0:
            kept = units[:first]
        else:
            kept = [(False, ELLIPSIS), *((hit, t.lstrip() if i == lo else t)
                                         for i, (hit, t) in enumerate(units[lo:first], lo))]
        return kept, sum(measure(hit, t) for hit, t in kept)

    for lo in range(first + 1):
        kept, used = lead(lo)
        room_after = ell if more_after else 0
        if lo == first or (used <= width * LEAD_SHARE and used + hit_width + room_after <= width):
            break
    if used + hit_width > width:
        kept, used = [], 0  # even "…" before the hit is too much
    kept.append(units[first])
    used += hit_width
    rest = units[first + 1:]
    for i, (hit, text) in enumerate(rest):
        w = measure(hit, text)
        if used + w + (ell if i + 1 < len(rest) else 0) > width:
            if used + ell <= width:
                if not kept[-1][0]:
                    kept[-1] = (False, kept[-1][1].rstrip())
                kept.append((False, ELLIPSIS))
            break
        kept.append((hit, text))
        used += w
    return _merge(kept)


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    keep = 1 - share_of_b
    return QColor(round(a.red() * keep + b.red() * share_of_b),
                  round(a.green() * keep + b.green() * share_of_b),
                  round(a.blue() * keep + b.blue() * share_of_b))


def hit_colours(palette: QPalette, *, selected: bool = False,
                behind: QPalette.ColorRole = QPalette.ColorRole.Base) -> tuple[QColor, QColor]:
    """(background, text) of a word found, from the palette: its highlight colour tinting the
    row's own background under the row's own text; on a selected row (painted in the highlight
    colour), the selection's colours the other way round."""
    highlight = palette.color(QPalette.ColorRole.Highlight)  # in the palette's current group
    if selected:
        return palette.color(QPalette.ColorRole.HighlightedText), highlight
    return (_mix(palette.color(behind), highlight, HIT_TINT), palette.color(QPalette.ColorRole.Text))


class HighlightDelegate(QStyledItemDelegate):
    """Paints a snippet with the search hits (between HIT_START and HIT_END) marked, fitted to
    its cell by `fit_snippet`. Set on the list's text column while a search is on only: the
    plain list is painted by Qt's own delegate."""

    FIT_CACHE_SIZE = 512

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._font: QFont | None = None
        self._bold = QFont()
        self._metrics: QFontMetrics | None = None
        self._bold_metrics: QFontMetrics | None = None
        self._fitted: dict[tuple[str, int], list[tuple[bool, str, int]]] = {}  # see `fitted`
        self._colour_cache: dict[tuple[int, int, bool, bool], tuple[QColor, ...]] = {}

    def _fonts(self, font: QFont) -> tuple[QFontMetrics, QFontMetrics]:
        if self._font is None or self._font != font or self._metrics is None \
                or self._bold_metrics is None:
            self._font = QFont(font)
            self._bold = QFont(font)
            self._bold.setBold(True)
            self._metrics, self._bold_metrics = QFontMetrics(self._font), QFontMetrics(self._bold)
            self._fitted.clear()
        return self._metrics, self._bold_metrics

    def _colours(self, palette: QPalette, selected: bool, alternate: bool) -> tuple[QColor, ...]:
        """(hit background, hit text, other text) for a row; made once per palette and kind of row."""
        key = (palette.cacheKey(), palette.currentColorGroup().value, selected, alternate)
        colours = self._colour_cache.get(key)
        if colours is None:
            if len(self._colour_cache) > 16:
                self._colour_cache.clear()  # the palette changed (a theme switch): start again
            behind = QPalette.ColorRole.AlternateBase if alternate else QPalette.ColorRole.Base
            text = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            colours = (*hit_colours(palette, selected=selected, behind=behind), palette.color(text))
            self._colour_cache[key] = colours
        return colours

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if jr.HIT_START not in text:
            super().paint(painter, option, index)
            return
        # The view's option, as it is: the row's background, selection and focus are all it draws
        # here (initStyleOption would ask the model for seven roles, none of which it has).
        opt = option
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(4, 0, -4, 0)
        pieces = self.fitted(text, rect.width(), opt.font)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        alternate = bool(opt.features & QStyleOptionViewItem.ViewItemFeature.Alternate)
        hit_back, hit_text, plain_pen = self._colours(opt.palette, selected, alternate)
        painter.save()
        align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        x = rect.left()
        for is_hit, part, width in pieces:
            room = rect.right() + 1 - x
            if room <= 0:
                break
            if width > room:  # only a hit wider than the whole cell gets here
                fm = self._bold_metrics if is_hit else self._metrics
                assert fm is not None
                part = fm.elidedText(part, Qt.TextElideMode.ElideRight, room)
                width = fm.horizontalAdvance(part)
            target = QRect(x, rect.top(), width, rect.height())
            if is_hit:
                painter.fillRect(target.adjusted(0, 3, 0, -3), hit_back)
                painter.setFont(self._bold)
                painter.setPen(hit_text)
            else:
                painter.setFont(opt.font)
                painter.setPen(plain_pen)
            painter.drawText(target, align, part)
            x += width
        painter.restore()

    def fitted(self, text: str, width: int, font: QFont) -> list[tuple[bool, str, int]]:
        """What of a snippet (hits between HIT_START and HIT_END) is painted in `width` pixels in
        `font`, hits in its bold: (is a hit, text, its width) from left to right (`fit_snippet`)."""
        metrics, bold_metrics = self._fonts(font)
        found = self._fitted.get((text, width))
        if found is None:
            if len(self._fitted) >= self.FIT_CACHE_SIZE:
                self._fitted.clear()

            def measure(hit: bool, part: str) -> int:
                return (bold_metrics if hit else metrics).horizontalAdvance(part)

            pieces = fit_snippet(hit_segments(text.replace("\n", " ")), width, measure)
            found = [(hit, part, measure(hit, part)) for hit, part in pieces]
            self._fitted[(text, width)] = found
        return found


class SearchHighlighter(QSyntaxHighlighter):
    """Marks the words being searched for inside an editor's text, in the palette's colours."""

    def __init__(self, parent: QTextDocument, palette: QPalette | None = None) -> None:
        super().__init__(parent)
        self._pattern: re.Pattern[str] | None = None
        self._format = QTextCharFormat()
        self.set_palette(palette if palette is not None else QPalette())

    def set_palette(self, palette: QPalette) -> None:
        background, text = hit_colours(palette)
        if self._format.background().color() == background and \
                self._format.foreground().color() == text:
            return
        self._format.setBackground(background)
        self._format.setForeground(text)
        if self._pattern is not None:
            self.rehighlight()

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
