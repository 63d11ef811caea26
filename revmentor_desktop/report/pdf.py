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
import html
import io
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QFile, QFileDevice, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextOption,
)

from revmentor_desktop import __version__
from revmentor_desktop.errors import ErrorKind, KnownError
from revmentor_desktop.report import summary as sm
from revmentor_desktop.report.markdown import ClosedDocument
from revmentor_desktop.report.text import day_text, isolate

RESOLUTION = 300
BODY_PT = 9.5
QUADRANTS = (("S", "Strengths", "#e3f1e6"), ("W", "Weaknesses", "#fbe9e3"),
             ("O", "Opportunities", "#e3eef9"), ("T", "Threats", "#f6ecd9"))
QUADRANT_CAPTIONS = {"S": "internal", "W": "internal", "O": "external", "T": "external"}
SHARED_MARK = "⇄"


def esc(text: str) -> str:
    """User text, safe inside HTML, line breaks kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def esc_in(text: str) -> str:
    """User text set inside a line of ours: escaped and isolated, so an RTL override in it (or
    plain Arabic or Hebrew) cannot turn the rest of the line round."""
    return esc(isolate(text))


def day(value: date | None) -> str:
    return day_text(value, empty="—")


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
    def __init__(self, body_html: str, ctx: Context, *, keep_with_next: bool = False,
                 space_after: float = 0.0, background: str | None = None, rule: bool = False) -> None:
        self.doc = ClosedDocument()  # reads no image or file a text might name
        self.doc.documentLayout().setPaintDevice(ctx.device)
        self.doc.setDefaultFont(ctx.font)
        self.doc.setDefaultStyleSheet(ctx.css)
        self.doc.setDocumentMargin(ctx.px(2))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.doc.setDefaultTextOption(option)
        self.doc.setHtml(body_html)
        self.keep_with_next = keep_with_next
        self.space_after = space_after
        self.background = background
        self.rule = rule
        self._ctx = ctx

    def layout(self, width: float) -> float:
        self.doc.setTextWidth(width)
        return float(self.doc.size().height())

    def draw(self, painter: QPainter, x: float, y: float, width: float,
             clip: QRectF | None = None) -> None:
        height = self.doc.size().height()
        painter.save()
        painter.translate(x, y)
        if self.background:
            painter.fillRect(QRectF(0, 0, width, height), QColor(self.background))
        if self.rule:
            painter.setPen(QPen(QColor("#c9ced3"), self._ctx.px(0.6)))
            painter.drawLine(QPointF(0, height), QPointF(width, height))
        self.doc.drawContents(painter, clip.translated(-x, -y) if clip else QRectF())
        painter.restore()


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


def _row_html(cells: Sequence[str], widths: Sequence[int], *, header: bool = False) -> str:
    tag = "th" if header else "td"
    tds = "".join(f'<{tag} width="{w}%">{c}</{tag}>' for c, w in zip(cells, widths, strict=True))
    return f'<table width="100%" cellspacing="0" cellpadding="3"><tr>{tds}</tr></table>'


class _Builder:
    def __init__(self, ctx: Context, summary: sm.Summary, chart_width_px: float) -> None:
        self.ctx = ctx
        self.s = summary
        self.blocks: list[Block] = []
        self.chart_width_px = chart_width_px

    def text(self, body: str, **kw: object) -> TextBlock:
        block = TextBlock(body, self.ctx, **kw)  # type: ignore[arg-type]
        self.blocks.append(block)
        return block

    def heading(self, title: str) -> None:
        self.text(f"<h2>{esc(title)}</h2>", keep_with_next=True)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int],
              empty: str) -> None:
        if not rows:
            self.text(f'<p class="muted">{esc(empty)}</p>', space_after=self.ctx.px(6))
            return
        head = TextBlock(_row_html([esc(h) for h in headers], widths, header=True), self.ctx,
                         background="#e8eef4")
        head.keep_with_next = True
        self.blocks.append(head)
        for i, row in enumerate(rows):
            block = TextBlock(_row_html(row, widths), self.ctx, rule=True,
                              background="#f7f9fb" if i % 2 else None)
            block.header = head
            self.blocks.append(block)
        self.blocks[-1].space_after = self.ctx.px(8)

    # -- sections --------------------------------------------------------------------------------

    def build(self) -> list[Block]:
        s = self.s
        period = f"{day(s.start_date)} – {day(s.review_date) if s.review_date else 'ongoing'}"
        org = f" · {esc_in(s.organisation)}" if s.organisation else ""
        self.text(
            f"<h1>{esc_in(s.mentor_name)} ↔ {esc_in(s.mentee_name)}</h1>"
            f'<p class="muted">Reverse-mentoring summary{org}</p>'
            f'<table width="100%" cellspacing="0" cellpadding="2" style="margin-top:6pt">'
            f'<tr><td width="25%"><span class="label">MENTOR</span><br>{esc_in(s.mentor_name)}</td>'
            f'<td width="25%"><span class="label">MENTEE</span><br>{esc_in(s.mentee_name)}</td>'
            f'<td width="25%"><span class="label">PARTNERSHIP</span><br>{period}</td>'
            f'<td width="25%"><span class="label">CADENCE</span><br>every {s.cadence_days} days, '
            f'{s.duration_minutes} min</td></tr></table>'
            f'<p class="small muted" style="margin-top:4pt">Prepared {day(s.generated_on)}. '
            "Entries marked private are not included.</p>",
            space_after=self.ctx.px(6),
        )
        sections = {
            sm.SECTION_OVERVIEW: self.overview, sm.SECTION_GOALS: self.goals, sm.SECTION_SWOT: self.swot,
            sm.SECTION_SKILLS: self.skills, sm.SECTION_JOURNAL: self.journal,
            sm.SECTION_ACTIONS: self.actions,
        }
        for name in sm.ALL_SECTIONS:
            if name in s.options.sections:
                sections[name]()
        return self.blocks

    def overview(self) -> None:
        s = self.s
        self.heading("Overview")
        kept = (f"{round(s.cadence_kept * 100)}% ({s.periods_kept} of {s.periods_elapsed} periods)"
                if s.cadence_kept is not None else "—")
        hours = s.minutes_together / 60
        goals = ", ".join(f"{n} {label.lower()}" for label, n in s.goal_counts.items() if n) or "none yet"
        held = str(s.sessions_held)
        if s.private_sessions:
            held += f' <span class="small muted">({s.private_sessions} private, not shown)</span>'
        cells = [("SESSIONS HELD", held), ("TIME TOGETHER", f"{hours:.1f} h"),
                 ("CADENCE KEPT", kept), ("LAST SESSION", day(s.last_session))]
        tds = "".join(f'<td width="25%"><span class="label">{a}</span><br><b>{b}</b></td>' for a, b in cells)
        self.text(f'<table width="100%" cellspacing="0" cellpadding="3"><tr>{tds}</tr></table>'
                  f'<p style="margin-top:3pt"><span class="label">GOALS</span> {esc(goals)}</p>'
                  + (f'<p><span class="label">FOCUS AREAS</span> {", ".join(map(esc_in, s.focus_areas))}</p>'
                     if s.focus_areas else ""),
                  space_after=self.ctx.px(4))
        self.text("<h3>Our agreement</h3>", keep_with_next=True)
        if not s.clauses:
            self.text('<p class="muted">No ground rules written down yet.</p>')
        for i, clause in enumerate(s.clauses, 1):
            self.text(f'<table width="100%" cellspacing="0" cellpadding="2"><tr>'
                      f'<td width="4%">{i}.</td><td width="96%">{esc(clause)}</td></tr></table>')
        self.blocks[-1].space_after = self.ctx.px(8)

    def goals(self) -> None:
        self.heading("Goals")
        rows = []
        for g in self.s.goals:
            target = day(g.target_date)
            if g.overdue:
                target = f'<span class="overdue">{target} (overdue)</span>'
            ms = f"{g.milestones_done}/{g.milestones_total}" if g.milestones_total else "—"
            rows.append([f"<b>{esc(g.title)}</b>", esc(g.owner), esc(g.status), f"{g.progress}%",
                         ms, target, esc(g.success_measure) or '<span class="muted">—</span>'])
        self.table(["Goal", "Owner", "Status", "Progress", "Steps done", "Target", "How we'll know"],
                   rows, [22, 11, 11, 10, 8, 12, 26], "No shared goals yet.")

    def swot(self) -> None:
        s = self.s
        self.heading("SWOT")
        any_shared = any(c.shared_with for g in s.swot.values() for cells in g.values() for c in cells)

        def grid(role: str, name: str) -> str:
            cells = s.swot.get(role, {})

            def quadrant(code: str, title: str, tint: str) -> str:
                items = cells.get(code, [])
                lines = "".join(
                    f"<p>• {esc_in(c.text)}"
                    + (f' <b title="">{SHARED_MARK}</b>' if c.shared_with else "") + "</p>"
                    for c in items
                ) or '<p class="muted">—</p>'
                return (f'<td width="50%" bgcolor="{tint}"><b>{title}</b> '
                        f'<span class="label">{QUADRANT_CAPTIONS[code]} · {len(items)}</span>{lines}</td>')

            q = {code: quadrant(code, title, tint) for code, title, tint in QUADRANTS}
            return (f'<h3>{esc_in(name)} — {role}</h3>'
                    f'<table width="100%" cellspacing="3" cellpadding="4">'
                    f'<tr>{q["S"]}{q["W"]}</tr><tr>{q["O"]}{q["T"]}</tr></table>')

        body = (f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
                f'<td width="50%">{grid("mentor", s.mentor_name)}</td>'
                f'<td width="50%">{grid("mentee", s.mentee_name)}</td></tr></table>')
        if any_shared:
            body += (f'<p class="small muted">{SHARED_MARK} in both grids (the same words, ignoring '
                     "case, punctuation, small words and word order).</p>")
        self.text(body, space_after=self.ctx.px(8))

    def skills(self) -> None:
        s = self.s
        self.heading("Skills")
        if s.skill_series:
            self.blocks.append(self._chart())
        rows = []
        for k in s.skills:
            gap = '<span class="overdue">gap — talk about it</span>' if k.gap else ""
            rows.append([esc(k.name), esc(k.owner), str(k.target),
                         str(k.latest_self) if k.latest_self is not None else "—",
                         str(k.latest_partner) if k.latest_partner is not None else "—", gap])
        self.table(["Skill", "Whose", "Target", "Latest self", "Latest partner", ""], rows,
                   [32, 20, 10, 12, 13, 13], "No skills tracked yet.")

    def _chart(self) -> ChartBlock:
        from revmentor_desktop.report.charts import skills_figure

        width_in = self.chart_width_px / RESOLUTION
        fig = skills_figure(self.s.skill_series, gaps=self.s.skill_gaps,  # type: ignore[arg-type]
                            width=width_in)  # as high as its panels need
        height_in = float(fig.get_size_inches()[1])
        buf = io.BytesIO()
        import matplotlib

        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "revmentor"}):
            fig.savefig(buf, format="svg")
        return ChartBlock(buf.getvalue(), height_in / width_in)

    def journal(self) -> None:
        s = self.s
        o = s.options
        if o.journal_ranged:
            span = (f" ({day(o.journal_from) if o.journal_from else 'start'} – "
                    f"{day(o.journal_to) if o.journal_to else 'today'})")
        else:
            span = ""
        self.heading(f"Journal highlights{span}")
        if not s.entries:
            self.text('<p class="muted">No shared sessions in this period.</p>', space_after=self.ctx.px(8))
            return
        shown, of = len(s.entries), s.shared_sessions
        which = (f"The {shown} most recent of {of} shared sessions" if shown < of
                 else f"All {shown} shared session{'s' if shown != 1 else ''}" if not o.journal_ranged
                 else f"{shown} shared session{'s' if shown != 1 else ''}")
        self.text(f'<p class="small muted">{which}, newest first.</p>', keep_with_next=True)
        for e in s.entries:
            stars = f' <span class="muted">{"★" * e.rating}{"☆" * (5 - e.rating)}</span>' if e.rating else ""

            def cell(label: str, text: str) -> str:
                return (f'<td width="50%"><span class="label">{label}</span><br>'
                        f'{esc(text) if text.strip() else "<span class=muted>—</span>"}</td>')

            body = (f'<h3>{day(e.held_on)} · {esc_in(e.topics) or "<span class=muted>no topics</span>"}'
                    f'{stars}</h3>'
                    f'<table width="100%" cellspacing="0" cellpadding="2"><tr>'
                    f'{cell(esc_in(s.mentor_name.upper()) + " TOOK AWAY", e.mentor_takeaway)}'
                    f'{cell(esc_in(s.mentee_name.upper()) + " TOOK AWAY", e.mentee_takeaway)}</tr><tr>'
                    f'{cell("FEEDBACK: WENT WELL", e.feedback_good)}'
                    f'{cell("FEEDBACK: TO IMPROVE", e.feedback_improve)}</tr></table>')
            self.text(body, rule=True, space_after=self.ctx.px(4))
        self.blocks[-1].space_after = self.ctx.px(8)

    def actions(self) -> None:
        self.heading("Open action items")
        rows = []
        for a in self.s.actions:
            due = day(a.due_on)
            if a.overdue:
                due = f'<span class="overdue">{due} (overdue)</span>'
            rows.append([esc(a.text), esc(a.owner), due, day(a.from_session)])
        self.table(["Action", "Owner", "Due", "Agreed on"], rows, [54, 16, 16, 14],
                   "No open action items.")


# -- pagination and writing ----------------------------------------------------------------------


def page_size_for_locale() -> str:
    """Letter where the locale measures in inches (US), else A4."""
    from PySide6.QtCore import QLocale

    return "Letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "A4"


def _paginate(blocks: list[Block], width: float, page_height: float) -> list[list[tuple[Block, float, float]]]:
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
    raise OSError(errno.EIO, "the PDF came out empty" if size == 0 else "the PDF came out incomplete")


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
    writer.setTitle(f"{names} — reverse-mentoring summary")
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

    blocks = _Builder(ctx, summary, width).build()
    pages = _paginate(blocks, width, body_h)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "the PDF writer could not start")
    try:
        small = QFont(font)
        small.setPointSizeF(7.5)
        title = f"{names} · reverse-mentoring summary"
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
                             f"Page {n} of {len(pages)}")
            if progress is not None:
                progress(n, len(pages))
    except BaseException:
        painter.end()
        raise
    if not painter.end():  # the writer's own verdict; the caller checks the bytes as well
        raise OSError(errno.EIO, "the PDF writer could not finish")
    return len(pages)

