"""The PDF summary: laid out in blocks with QTextDocument, paginated by hand, written by QPdfWriter.

Why blocks: the summary must never split a table row or a SWOT grid across pages and never leave a
heading alone at the bottom of a page, which one long QTextDocument cannot promise. Each row, entry
or grid is its own small document; headings keep with what follows; table headers repeat on every
page; the chart is drawn from SVG so it stays vector graphics.

All user text enters HTML through `esc()` (html.escape): markup typed by the user comes out as the
characters typed. The file is written to a private temporary file next to the target, checked and
synced, and only then renamed into place, so a failure (a full disk too) never leaves a partial PDF
behind and never replaces a good one.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QFile,
    QFileDevice,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from revmentor_desktop import __version__
from revmentor_desktop.errors import ErrorKind, KnownError
from revmentor_desktop.report import summary as sm
from revmentor_desktop.report.pdf_blocks import (
    BODY_PT,
    CSS,
    RESOLUTION,
    Context,
    day,
    paginate,
)
from revmentor_desktop.report.pdf_sections import Builder
from revmentor_desktop.report.text import isolate


def page_size_for_locale() -> str:
    """Letter where the locale measures in inches (US), else A4."""
    from PySide6.QtCore import QLocale

    return "Letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "A4"


def write_pdf(summary: sm.Summary, target: Path | str,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Write the summary to `target` and return the number of pages.

    Atomic: the PDF is drawn into a private temporary file next to the target, checked, synced to
    the disk and only then renamed over the target. QPdfWriter drops write errors silently (a full
    disk used to leave an empty "PDF" in place of the good one), so the writer's device is asked
    for its error and the bytes themselves are checked before anything is replaced.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_pdf needs a QGuiApplication")  # a bug in the caller
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise KnownError(ErrorKind.CANNOT_WRITE, f"Cannot write the PDF: the folder “{folder}” does not exist.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _not_written(target, exc) from exc
    tmp = Path(tmp_name)  # mkstemp made it 0600: only its owner may read the summary
    try:
        try:
            pages = _write_to(fd, summary, progress)
            os.fsync(fd)  # where a delayed write's "disk full" turns up
        finally:
            os.close(fd)
        _check_complete(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _not_written(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(folder, target)
    return pages


def _not_written(target: Path, exc: OSError) -> KnownError:
    """The sentence for a PDF that was not written; any previous PDF at `target` is untouched."""
    kept = f"The previous “{target.name}” was left as it was." if target.exists() else ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        what = "disk is full" if exc.errno == errno.ENOSPC else "disk quota is used up"
        return KnownError(ErrorKind.DISK_FULL, f"The {what}, so the PDF was not written.",
                          f"{kept} Free some space and export again.".strip())
    return KnownError(ErrorKind.CANNOT_WRITE,
                      f"Cannot write the PDF “{target.name}”: {exc.strerror or exc}.", kept)


def _write_to(fd: int, summary: sm.Summary, progress: Callable[[int, int], None] | None) -> int:
    """Draw the PDF into the open file `fd`; raise OSError if any byte of it failed to go out."""
    out = QFile()
    if not out.open(fd, QIODevice.OpenModeFlag.WriteOnly, QFileDevice.FileHandleFlag.DontCloseHandle):
        raise OSError(errno.EIO, out.errorString())
    try:
        pages = _render(summary, out, progress)
        # The error sticks from the first failed write; Qt reports a full disk as ResourceError.
        if not out.flush() or out.error() != QFileDevice.FileError.NoError:
            full = out.error() == QFileDevice.FileError.ResourceError
            raise OSError(errno.ENOSPC if full else errno.EIO, out.errorString())
    finally:
        out.close()
    return pages


#: A PDF ends with its trailer: "startxref", the offset of the cross-reference table, "%%EOF".
_TRAILER = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*\Z")


def _check_complete(path: Path) -> None:
    """Raise OSError unless `path` holds a whole PDF as the writer meant it.

    The file must end with the trailer, and the cross-reference table must sit exactly where the
    trailer says: bytes lost anywhere before it (a write dropped on the way) would move it.
    """
    size = path.stat().st_size
    with path.open("rb") as f:
        f.seek(max(0, size - 64))
        trailer = _TRAILER.search(f.read())
        if trailer is not None and int(trailer[1]) < size:
            f.seek(int(trailer[1]))
            if f.read(4) == b"xref":
                return
    if _all_but_full(path):  # Qt's writer can stop at a full disk without a word (seen on tmpfs)
        raise OSError(errno.ENOSPC, "the disk is full")
    raise OSError(errno.EIO, "the PDF came out empty" if size == 0 else "the PDF came out incomplete")


#: Less free space than this beside a PDF that came out short: the disk filled up as it was written.
FULL_BELOW = 1024 * 1024


def _all_but_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < FULL_BELOW
    except OSError:
        return False


def _sync_folder(folder: Path, target: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder to sync it)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a folder we may write to but not read: the rename stands, unsynced
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):  # "cannot sync a folder here"
            raise KnownError(ErrorKind.CANNOT_WRITE,
                             f"The PDF was saved as “{target.name}”, but the disk reported an error "
                             f"({exc.strerror or exc}); check the file before you share it.") from exc
    finally:
        os.close(fd)


def _render(summary: sm.Summary, device: QIODevice, progress: Callable[[int, int], None] | None) -> int:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setCreator(f"RevMentor Desktop {__version__}")
    names = f"{isolate(summary.mentor_name)} ↔ {isolate(summary.mentee_name)}"
    writer.setTitle(QCoreApplication.translate("Report", "{names} — reverse-mentoring summary").format(
        names=names))
    size = QPageSize(QPageSize.PageSizeId.Letter if summary.options.page_size == "Letter"
                     else QPageSize.PageSizeId.A4)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(16, 14, 16, 14), QPageLayout.Unit.Millimeter))
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(BODY_PT)
    ctx = Context(writer, font, CSS)
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    width = float(area.width())
    header_h = ctx.px(22)
    footer_h = ctx.px(20)
    body_h = float(area.height()) - header_h - footer_h

    blocks = Builder(ctx, summary, width).build()
    pages = paginate(blocks, width, body_h)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "the PDF writer could not start")
    try:
        small = QFont(font)
        small.setPointSizeF(7.5)
        title = QCoreApplication.translate("Report", "{names} · reverse-mentoring summary").format(
            names=names)
        for n, page in enumerate(pages, 1):
            if n > 1:
                writer.newPage()
            painter.setFont(small)
            painter.setPen(QColor("#5b6770"))
            head = QRectF(0, 0, width, header_h - ctx.px(8))
            painter.drawText(head, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight,
                                                              int(width * 0.75)))
            painter.drawText(head, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             day(summary.generated_on))
            painter.setPen(QPen(QColor("#c9ced3"), ctx.px(0.6)))
            painter.drawLine(QPointF(0, header_h - ctx.px(6)), QPointF(width, header_h - ctx.px(6)))
            for block, y, _h in page:
                block.draw(painter, 0, header_h + y, width)
            painter.setFont(small)
            painter.setPen(QColor("#5b6770"))
            foot = QRectF(0, header_h + body_h, width, footer_h)
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             QCoreApplication.translate("Report", "Page {n} of {total}").format(
                                 n=n, total=len(pages)))
            if progress is not None:
                progress(n, len(pages))
    except BaseException:
        painter.end()
        raise
    if not painter.end():  # the writer's own verdict; the caller checks the bytes as well
        raise OSError(errno.EIO, "the PDF writer could not finish")
    return len(pages)
