"""The PDF looks like the app: its SWOT tints are the app's, and table headers break between
words, never inside one (issue 15); its text is dark on white whatever the window's theme."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor

from revmentor_desktop.report.pdf_sections import QUADRANTS, fit_header_widths
from revmentor_desktop.ui.swot.look import LOOKS


def test_the_pdfs_swot_tints_are_the_apps() -> None:
    assert {code: tint for code, _name, tint in QUADRANTS} == {q: LOOKS[q].tint for q in "SWOT"}


def test_a_narrow_column_gets_room_for_its_header_word() -> None:
    # "Progress" needs 12 % of the table; its column had 10 %: the widest column gives 2.
    assert fit_header_widths([0, 0, 110.0], [60, 30, 10], 1000, 10) == [58, 30, 12]


@given(st.lists(st.tuples(st.floats(0, 300), st.integers(1, 60)), min_size=2, max_size=8))
def test_widths_keep_their_sum_and_a_column_grows_only_to_fit_its_word(
        cols: list[tuple[float, int]]) -> None:
    longest = [w for w, _ in cols]
    widths = [p for _, p in cols]
    out = fit_header_widths(longest, widths, 1000, 10)
    assert sum(out) == sum(widths)
    assert all(o >= 0 for o in out)
    need = [math.ceil((w + 10) / 1000 * 100) if w else 0 for w in longest]
    for o, before, n in zip(out, widths, need, strict=True):
        assert o <= before or o == n  # a column grows only to what its header word needs


def test_a_passed_target_or_due_date_is_marked_overdue() -> None:
    from datetime import date

    from revmentor_desktop.report.pdf_blocks import day, due_day

    when = date(2026, 3, 3)
    assert due_day(when, False) == day(when)
    assert due_day(when, True) == f'<span class="overdue">{day(when)} (overdue)</span>'
    assert due_day(None, False) == "—"


def test_text_is_printed_dark_on_white_even_while_the_window_has_its_dark_theme(
        qapp: object, tmp_path: Path) -> None:
    """A block's text takes the colour of the palette it is drawn with; the window's dark theme has
    light text, which on white paper was all but invisible (PDFs exported from a dark window)."""
    from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter, QPdfWriter

    from revmentor_desktop.report import pdf_blocks
    from revmentor_desktop.ui.theme import dark_palette

    before = QGuiApplication.palette()
    QGuiApplication.setPalette(dark_palette())
    try:
        writer = QPdfWriter(str(tmp_path / "measure.pdf"))
        writer.setResolution(pdf_blocks.RESOLUTION)  # as write_pdf sets it: 9.5pt is ~40 px
        block = pdf_blocks.TextBlock("<p>Priya Raman ↔ Martin Okafor</p>",
                                     pdf_blocks.Context(writer, QFont(), pdf_blocks.CSS))
        image = QImage(1200, 200, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            block.draw(painter, 0, 0, 1200)
        finally:
            painter.end()
    finally:
        QGuiApplication.setPalette(before)
    darkest = min(QColor(image.pixel(x, y)).lightness() for x in range(0, 1200, 2) for y in range(0, 200, 2))
    assert darkest < 60, f"the text's darkest pixel has lightness {darkest} of 255 on white"


def table_builder(tmp_path: Path) -> tuple[Any, Any, Any]:
    """A PDF section builder on a 1600-pixel-wide page (only its table layout is used), with the
    writer and body font it measures by."""
    from PySide6.QtGui import QFont, QPdfWriter

    from revmentor_desktop.report import pdf_blocks
    from revmentor_desktop.report.pdf_sections import Builder

    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(pdf_blocks.RESOLUTION)
    font = QFont()
    font.setPointSizeF(pdf_blocks.BODY_PT)
    builder = Builder(pdf_blocks.Context(writer, font, pdf_blocks.CSS), None, 1600.0)  # type: ignore[arg-type]
    return builder, writer, font


def test_a_cells_longest_word_gets_room_too(qapp: object, tmp_path: Path) -> None:
    """A check-in's unanswered "Goals still right?" printed "Not answere / d": only the headers'
    words were given room."""
    from PySide6.QtGui import QFontMetricsF

    builder, writer, font = table_builder(tmp_path)
    widths = builder._room_for_words(["By", "Goals"], [["Ann", "Not&nbsp;<b>answered</b>"]], [90, 10])
    room = widths[1] / 100 * 1600.0
    assert room >= QFontMetricsF(font, writer).horizontalAdvance("answered")
    assert sum(widths) == 100


def test_a_long_word_in_a_cell_never_costs_a_header_its_room(qapp: object, tmp_path: Path) -> None:
    """Cell words are fitted after the headers and only as far as the others can spare: one goal
    titled "Kubernetes-certification" brought back "Progres / s" and squeezed the prose column."""
    from PySide6.QtGui import QFont, QFontMetricsF

    builder, writer, font = table_builder(tmp_path)
    headers = ["Goal", "Whose", "Status", "Progress", "Steps done", "Target", "How we'll know"]
    widths = [22, 11, 11, 10, 8, 12, 26]
    alone = builder._room_for_words(headers, [], widths)
    row = ["<b>Kubernetes-certification-and-platform-engineering-for-everyone</b>", "Ann", "Done",
           "100%", "3 of 3", "1 May 2026", "https://example.com/a/very/long/address/for/the/measure"]
    with_row = builder._room_for_words(headers, [row], widths)
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    need = QFontMetricsF(bold, writer).horizontalAdvance("Progress")
    assert with_row[3] / 100 * 1600.0 >= need  # "Progress" still whole
    assert with_row[3] >= alone[3] and with_row[4] >= alone[4]
    assert with_row[6] >= 26 - 6  # the prose column keeps most of its room
    assert sum(with_row) == 100

