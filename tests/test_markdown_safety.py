"""A note's Markdown never makes the app read, or wait on, anything outside the partnership file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

from revmentor_desktop.data import ops
from revmentor_desktop.data.store import Store
from revmentor_desktop.report.markdown import IMAGE_NOT_SHOWN, ClosedDocument, set_markdown

#: A picture big enough that, were it ever read, the rendered note would be at least this tall.
PICTURE_PX = (400, 300)


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "chart.png"
    image = QImage(*PICTURE_PX, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    return path


def image_fragments(document: QTextDocument) -> list[str]:
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def notes_naming(target: Path, relative: str) -> str:
    url = QUrl.fromLocalFile(str(target)).toString()
    # Qt drops an image with no alt text at all; one with blank alt text is kept, as a marker.
    return (f"Before\n\n![a chart]({relative})\n\n![ ]({url})\n\n![]({url})\n\n"
            f"[the file]({url}) after")


def test_a_note_shows_images_as_their_alt_text_and_reads_no_file(
        qapp: Any, picture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where a relative image name would be looked up
    document = ClosedDocument()
    set_markdown(document, notes_naming(picture, "chart.png"))
    document.setTextWidth(600)
    text = document.toPlainText()
    assert "[a chart]" in text and IMAGE_NOT_SHOWN in text and "the file after" in text
    assert image_fragments(document) == []
    assert document.size().height() < PICTURE_PX[1]
    # Whatever a document is asked for, it answers from nowhere.
    for name in ("chart.png", QUrl.fromLocalFile(str(picture)), "file:///etc/passwd"):
        image = document.resource(QTextDocument.ResourceType.ImageResource, name)
        assert isinstance(image, QImage) and image.size().width() == 1
        assert document.resource(QTextDocument.ResourceType.StyleSheetResource, name) in (b"", None)


def test_notes_render_only_into_a_closed_document(qapp: Any) -> None:
    with pytest.raises(TypeError):
        set_markdown(QTextDocument(), "![x](x.png)")  # type: ignore[arg-type]


def test_the_notes_preview_shows_images_as_alt_text_and_reads_no_file(
        window: Any, qtbot: Any, picture: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = window.doc.store
    ops.add_entry(store, date(2026, 2, 1), notes=notes_naming(picture, "chart.png"))
    window.doc.changed.emit(frozenset({"entries"}), None)
    window.show_tab(window.tabs.indexOf(window.journal_tab))
    tab = window.journal_tab
    tab.list.setCurrentIndex(tab.model.index(0, 0))
    preview = tab.editor.preview
    preview.setSearchPaths([str(tmp_path)])  # even if someone adds a search path later
    tab.editor.notes_tabs.setCurrentWidget(preview)
    qtbot.wait(50)
    shown = preview.toPlainText()
    assert "[a chart]" in shown and IMAGE_NOT_SHOWN in shown
    assert image_fragments(preview.document()) == []
    assert preview.document().size().height() < PICTURE_PX[1]
    assert not preview.openLinks() and not preview.openExternalLinks()
    # The browser itself answers from nowhere too (QTextBrowser.loadResource reads files).
    for url in (QUrl("chart.png"), QUrl.fromLocalFile(str(picture))):
        answer = preview.loadResource(QTextDocument.ResourceType.ImageResource, url)
        if isinstance(answer, QImage):
            assert answer.width() == 1
        else:
            assert not answer, "the preview read the picture's bytes"


def test_a_pdf_block_reads_no_image_a_text_names(qapp: Any, picture: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document in the PDF is closed too: should a name ever reach its HTML unescaped."""
    from PySide6.QtGui import QFont, QPdfWriter

    from revmentor_desktop.report import pdf_blocks

    monkeypatch.chdir(tmp_path)
    writer = QPdfWriter(str(tmp_path / "scratch.pdf"))
    ctx = pdf_blocks.Context(writer, QFont(), pdf_blocks.CSS)
    html = f'<p>x<img src="chart.png"><img src="{QUrl.fromLocalFile(str(picture)).toString()}"></p>'
    block = pdf_blocks.TextBlock(html, ctx)
    assert isinstance(block.document(2000), ClosedDocument)
    assert block.layout(2000) == pdf_blocks.TextBlock("<p>x</p>", ctx).layout(2000)  # no picture came in


# -- a FIFO named in a note: the old preview froze on it --------------------------------------------

PREVIEW_SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from revmentor_desktop.ui.window import MainWindow

    app = QApplication(["revmentor"])
    here = Path(sys.argv[1])
    os.chdir(here)
    win = MainWindow()
    win.show()
    assert win.open_file(here / "ours.revmentor")
    win.build_all_tabs()
    win.show_tab(win.tabs.indexOf(win.journal_tab))
    tab = win.journal_tab
    tab.list.setCurrentIndex(tab.model.index(0, 0))
    preview = tab.editor.preview
    preview.setSearchPaths([str(here)])
    tab.editor.notes_tabs.setCurrentWidget(preview)
    for _ in range(5):
        app.processEvents()
    print("SHOWN:", preview.toPlainText())
    win.close()
""")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_note_naming_a_fifo_does_not_freeze_the_preview(partnership_file: Path,
                                                          tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.png"
    os.mkfifo(pipe)  # opening it for reading waits for a writer that never comes
    store = Store.open(partnership_file)
    ops.add_entry(store, date(2026, 2, 1), notes=notes_naming(pipe, "pipe.png"))
    store.close()
    try:
        result = subprocess.run([sys.executable, "-c", PREVIEW_SCRIPT, str(tmp_path)],
                                capture_output=True, text=True, timeout=60, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail("the notes preview froze on a FIFO the note names")
    assert result.returncode == 0, result.stderr
    assert "[a chart]" in result.stdout and IMAGE_NOT_SHOWN in result.stdout
