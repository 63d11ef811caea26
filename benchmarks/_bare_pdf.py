"""The reference for the command-line export row: the least a PySide6 program that writes a PDF does.

    python benchmarks/_bare_pdf.py OUT.pdf

A fresh process that imports PySide6.QtGui, makes a QGuiApplication (off-screen: `bench.py` sets
QT_QPA_PLATFORM=offscreen, as `revmentor --export-pdf` does for itself), opens a QPdfWriter on
OUT.pdf, writes one line of text with QPainter (so the font database is loaded, as the export
loads it) and exits the ordinary way, as `revmentor` does: `bench.py` times both from just before
the spawn to the process's exit, so interpreter start-up, every import and teardown count on
both sides.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].lower().endswith(".pdf"):
        print("usage: _bare_pdf.py OUT.pdf", file=sys.stderr)
        return 2
    app = QGuiApplication(sys.argv[:1])
    writer = QPdfWriter(argv[0])
    painter = QPainter(writer)
    if not painter.isActive():
        print(f"could not open {argv[0]} for writing", file=sys.stderr)
        return 1
    painter.drawText(0, painter.fontMetrics().ascent(), "RevMentor: a bare PySide6 PDF")
    painter.end()
    del painter, writer, app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
