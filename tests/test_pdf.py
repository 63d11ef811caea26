"""The PDF summary: what it holds, what it never holds, and how it is written."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from revmentor_desktop.data import ops
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.validation import clean_text
from revmentor_desktop.report import summary as sm
from revmentor_desktop.report.pdf import write_pdf
from tests.helpers import pdf_shows

SECRET_ENTRY = "ZANZIBAR-SECRET-7781"
SECRET_GOAL = "PRIVATEGOAL-QUOKKA"
MARKUP_TITLE = "<b>Bold</b> & <i>brave</i> &amp; co"


def pdf_text(reader: PdfReader) -> str:
    """All text of a PDF with runs of whitespace (Qt positions words with tabs) as single spaces."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["LC_ALL"] = "C.UTF-8"  # dates in English ("12 Jan 2026") whatever the machine's language
    return subprocess.run([sys.executable, "-m", "revmentor_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=180)


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "s.revmentor"
    make_sample(path, 24)
    store = Store.open(path)
    e = ops.add_entry(store, date.today() - timedelta(days=1), topics="Confidential",
                      notes=SECRET_ENTRY, mentor_takeaway=SECRET_ENTRY, private=True)
    ops.add_action(store, e, f"Action {SECRET_ENTRY}")
    ops.add_goal(store, SECRET_GOAL, private=True, success_measure=SECRET_GOAL)
    ops.add_goal(store, MARKUP_TITLE, owner="mentee")
    shared = ops.add_entry(store, date.today() - timedelta(days=2), topics="Arabic & CJK",
                           mentee_takeaway="Takeaway: مرحبا 你好 café 🚀 <script>")
    assert shared
    store.close()
    return path


@pytest.fixture(scope="module")
def exported(sample_file: Path) -> tuple[Path, str, PdfReader]:
    out = sample_file.parent / "summary.pdf"
    result = run_cli(str(sample_file), "--export-pdf", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    return out, pdf_text(reader), reader


def test_pdf_holds_the_partnership(exported: tuple[Path, str, PdfReader]) -> None:
    out, text, reader = exported
    assert "Priya Raman" in text and "Martin Okafor" in text
    for heading in ("Overview", "Goals", "SWOT", "Skills", "Journal highlights", "Open action items",
                    "Strengths", "Weaknesses", "Opportunities", "Threats"):
        assert heading in text, heading
    assert pdf_shows(text, "Draft my weekly board pack with an AI assistant")  # a goal from the sample
    assert pdf_shows(text, "Curiosity about new tools")  # a SWOT item
    assert "Page 1 of" in text
    assert (out.stat().st_mode & 0o777) == 0o600
    assert reader.metadata is not None and "Priya Raman" in (reader.metadata.title or "")


def test_private_text_never_appears(exported: tuple[Path, str, PdfReader], sample_file: Path) -> None:
    out, text, _ = exported
    assert SECRET_ENTRY not in text
    assert SECRET_GOAL not in text
    raw = out.read_bytes()
    assert SECRET_ENTRY.encode() not in raw and SECRET_GOAL.encode() not in raw
    # And none of the sample's own private entries either.
    store = Store.open(sample_file)
    try:
        private = [ops.get_entry(store, e.id) for e in ops.list_entries(store) if e.private]
    finally:
        store.close()
    assert private
    for e in private:
        if len(e.mentor_takeaway) > 25:
            assert e.mentor_takeaway[:25] not in text


def test_markup_comes_out_literally(exported: tuple[Path, str, PdfReader]) -> None:
    _, text, _ = exported
    assert "<b>Bold</b>" in text and "&amp; co" in text
    assert "<script>" in text
    assert "café" in text


def test_chart_is_vector(exported: tuple[Path, str, PdfReader]) -> None:
    _, _, reader = exported
    chart_page = next(p for p in reader.pages if pdf_shows(p.extract_text(), "partner rating"))  # its legend
    content = chart_page.get_contents().get_data()
    assert content.count(b" l\n") + content.count(b" c\n") > 50  # many path segments
    xobjects = chart_page.get("/Resources", {}).get("/XObject", {})
    for name in xobjects:
        obj = xobjects[name].get_object()
        if obj.get("/Subtype") == "/Image":
            assert int(obj["/Width"]) * int(obj["/Height"]) < 100_000, "no big raster images"


def test_export_errors_leave_nothing_behind(tmp_path: Path, sample_file: Path) -> None:
    missing = run_cli(str(tmp_path / "nope.revmentor"), "--export-pdf", str(tmp_path / "o.pdf"))
    assert missing.returncode != 0
    assert len(missing.stderr.strip().splitlines()) == 1 and "does not exist" in missing.stderr
    assert not (tmp_path / "o.pdf").exists()

    notes = tmp_path / "notes.revmentor"
    notes.write_text("hello")
    bad = run_cli(str(notes), "--export-pdf", str(tmp_path / "o.pdf"))
    assert bad.returncode != 0 and "not a RevMentor partnership file" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    assert notes.read_text() == "hello"
    assert not (tmp_path / "o.pdf").exists()

    nowhere = run_cli(str(sample_file), "--export-pdf", str(tmp_path / "no" / "such" / "o.pdf"))
    assert nowhere.returncode != 0 and len(nowhere.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["notes.revmentor"]

    needs_file = run_cli("--export-pdf", str(tmp_path / "o.pdf"))
    assert needs_file.returncode == 2


def test_export_leaves_the_partnership_file_untouched(sample_file: Path, tmp_path: Path) -> None:
    before = sample_file.read_bytes()
    out = tmp_path / "again.pdf"
    assert run_cli(str(sample_file), "--export-pdf", str(out)).returncode == 0
    assert sample_file.read_bytes() == before


def test_export_of_an_older_file_does_not_upgrade_it(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "data" / "v1.revmentor"
    old = tmp_path / "old.revmentor"
    old.write_bytes(fixture.read_bytes())
    result = run_cli(str(old), "--export-pdf", str(tmp_path / "old.pdf"))
    assert result.returncode == 0, result.stderr
    assert old.read_bytes() == fixture.read_bytes()
    assert (tmp_path / "old.pdf").exists()


def test_sections_and_page_size(qapp: Any, sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file, read_only=True)
    try:
        summary = sm.build_summary(store, sm.ExportOptions(sections=(sm.SECTION_GOALS,), page_size="Letter"))
    finally:
        store.close()
    out = tmp_path / "goals.pdf"
    write_pdf(summary, out)
    reader = PdfReader(out)
    text = pdf_text(reader)
    assert "Goals" in text and "SWOT" not in text and "Journal highlights" not in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=300).filter(lambda t: clean_text(t, "x").strip() != ""))
def test_any_text_exports_without_crashing(qapp: Any, tmp_path: Path, title: str) -> None:
    path = tmp_path / f"h{abs(hash(title))}.revmentor"
    if path.exists():
        path.unlink()
    store = Store.create(path, {"mentor_name": "A " + title[:90], "mentee_name": "B",
                                "start_date": date(2026, 1, 1)})
    try:
        ops.add_goal(store, title)
        ops.add_swot_item(store, "mentor", "S", title)
        ops.add_entry(store, date(2026, 2, 1), topics=title, mentor_takeaway=title)
        summary = sm.build_summary(store)
    finally:
        store.close()
    out = tmp_path / "h.pdf"
    assert write_pdf(summary, out) >= 1
    assert out.stat().st_size > 1000


def test_export_from_the_menu(qtbot: Any, window: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    from revmentor_desktop.ui.export import ExportDialog

    target = tmp_path / "from-menu"
    fake_dialogs.save_answers.append(target)
    fake_dialogs.choose_answers.append(None)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.section_boxes[sm.SECTION_SWOT].setChecked(False)
        dialog.page_size.setCurrentIndex(dialog.page_size.findData("Letter"))
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    window.export_action.trigger()
    exporter = window._exporter
    qtbot.waitUntil(lambda: not exporter.busy, timeout=30_000)
    out = tmp_path / "from-menu.pdf"
    assert out.exists()
    text = pdf_text(PdfReader(out))
    assert "Dana Lee" in text and "SWOT" not in text
    assert "Exported" in window.statusBar().currentMessage()
    # The dialog remembers the last choices.
    again = ExportDialog(window)
    assert not again.section_boxes[sm.SECTION_SWOT].isChecked()
    assert again.page_size.currentData() == "Letter"
    again.deleteLater()


def test_the_menu_export_draws_on_the_gui_thread_and_repaints_between_pages(
        qtbot: Any, window: Any, tmp_path: Path, fake_dialogs: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No worker thread: one that waited on a Qt lock while holding the GIL froze the app."""
    import threading

    from revmentor_desktop.report import pdf
    from revmentor_desktop.ui.export import Exporter

    real = pdf.write_pdf
    threads: list[str] = []
    progress_seen: list[tuple[int, int]] = []

    def recording(summary: Any, target: Any, progress: Any = None) -> int:
        threads.append(threading.current_thread().name)

        def tell(n: int, total: int) -> None:
            progress_seen.append((n, total))
            progress(n, total)

        return real(summary, target, tell)

    monkeypatch.setattr(pdf, "write_pdf", recording)
    exporter = Exporter(window)
    fake_dialogs.choose_answers.append(None)
    exporter.run(sm.build_summary(window.doc.store, sm.ExportOptions()), tmp_path / "gui.pdf")
    assert threads == [threading.main_thread().name]
    assert progress_seen and not exporter.busy
    assert (tmp_path / "gui.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.slow
def test_a_500_session_partnership_exports(qapp: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.revmentor"
    make_sample(path, 500)
    store = Store.open(path, read_only=True)
    try:
        default = sm.build_summary(store)
        everything = sm.build_summary(store, sm.ExportOptions(journal_latest=None))
    finally:
        store.close()
    # What a partner needs by default (issue 15: "at most about 30 pages"); all of it on request.
    assert write_pdf(default, tmp_path / "default.pdf") <= 30
    assert write_pdf(everything, tmp_path / "big.pdf") > 40


def test_table_cells_keep_a_gap_so_a_full_line_never_touches_the_next_column(
        qapp: Any, tmp_path: Path) -> None:
    """A 'padding: 3pt' style rule once overrode the tables' cellpadding and left the cells of a
    row flush against each other: a line that filled its cell ran straight into the next one."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextTable

    from revmentor_desktop.report import pdf_blocks

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(pdf_blocks.RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(16, 14, 16, 14), QPageLayout.Unit.Millimeter))
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(pdf_blocks.BODY_PT)
    ctx = pdf_blocks.Context(writer, font, pdf_blocks.CSS)
    cells = ["Ask Copilot to critique my board commentary before sending it", "Martin Okafor",
             "—", "14 Apr 2020"]
    block = pdf_blocks.TextBlock(pdf_blocks.row_html(cells, [54, 16, 16, 14]), ctx)
    doc = block.document(float(writer.pageLayout().paintRectPixels(pdf_blocks.RESOLUTION).width()))
    table = next(f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable))
    layout = doc.documentLayout()
    boxes = [layout.blockBoundingRect(table.cellAt(0, c).firstCursorPosition().block())
             for c in range(len(cells))]
    for left, right in itertools.pairwise(boxes):
        assert ctx.px(4) <= right.left() - left.right()  # at least 4pt between two cells' text


def test_a_name_with_an_rtl_override_cannot_turn_the_pdf_header_round(qapp: Any, tmp_path: Path) -> None:
    """U+202E in a partner's name reverses only the name: the header still reads in order."""
    path = tmp_path / "rtl.revmentor"
    store = Store.create(path, {"mentor_name": "Ace\u202eAliya", "mentee_name": "Bo\u202eCarl",
                                "start_date": date(2026, 1, 5)})
    try:
        ops.add_entry(store, date(2026, 2, 1), topics="Podcasts", mentor_takeaway="one",
                      mentee_takeaway="two")
        skill = ops.add_skill(store, "Prompting", "mentee")
        ops.add_rating(store, skill, date(2026, 2, 1), 2)
        summary = sm.build_summary(store)
    finally:
        store.close()
    out = tmp_path / "rtl.pdf"
    write_pdf(summary, out)
    reader = PdfReader(out)
    # The isolate characters surround each name, the override closed inside.
    ace, bo = "\u2068Ace\u202eAliya\u202c\u2069", "\u2068Bo\u202eCarl\u202c\u2069"
    assert reader.metadata is not None
    assert reader.metadata.title == f"{ace} ↔ {bo} — reverse-mentoring summary"
    text = pdf_text(reader)
    # The page header is drawn in visual order: the words after each name come after it.
    assert text.startswith("Ace Aliya ↔ Bo Carl · reverse-mentoring summary"), text[:120]
    assert "Ace Aliya ↔ Bo Carl Reverse-mentoring summary" in text
    # The chart legend names each skill's owner inside "Skill (name)" too.
    assert [series.label for series in summary.skill_series] == [f"Prompting ({bo})"]  # type: ignore[attr-defined]


def test_isolated_names_show_no_marks_of_their_own(exported: tuple[Path, str, PdfReader]) -> None:
    """FSI/PDI are invisible: plain names read exactly as before in the text and the title."""
    _, text, reader = exported
    assert "Priya Raman ↔ Martin Okafor · reverse-mentoring summary" in text
    assert "\u2068" not in text and "\u2069" not in text
    assert reader.metadata is not None
    assert reader.metadata.title == "\u2068Priya Raman\u2069 ↔ \u2068Martin Okafor\u2069 — reverse-mentoring summary"


def test_a_text_block_keeps_no_document_between_measuring_and_drawing(qapp: Any, tmp_path: Path) -> None:
    """A journal of ten years is thousands of blocks: each one holding its laid-out QTextDocument
    took ~700 MB for `--journal all` at 10,000 sessions (~150 MB without)."""
    from PySide6.QtGui import QFont, QGuiApplication, QPainter, QPdfWriter, QTextDocument

    from revmentor_desktop.report import pdf_blocks

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(pdf_blocks.RESOLUTION)
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(pdf_blocks.BODY_PT)
    ctx = pdf_blocks.Context(writer, font, pdf_blocks.CSS)
    block = pdf_blocks.TextBlock("<p>Went through which tasks suit an assistant.</p>", ctx)
    height = block.layout(500.0)
    assert height > 0 and block.document(500.0).size().height() == height
    painter = QPainter(writer)
    block.draw(painter, 0, 0, 500.0)
    painter.end()
    assert not [v for v in vars(block).values() if isinstance(v, QTextDocument)]
