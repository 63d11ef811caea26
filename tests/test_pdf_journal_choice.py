"""Which sessions the PDF's journal highlights hold: the newest few by default, all or a date
range on request — in the data layer, on the command line and in the export dialog."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from revmentor_desktop.data import ops, reads
from revmentor_desktop.data.store import Store
from revmentor_desktop.report import summary as sm
from tests.helpers import pdf_shows
from tests.test_pdf import pdf_text, run_cli

START = date(2025, 1, 6)


@pytest.fixture(scope="module")
def thirty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 sessions a week apart, topics "Session 1" … "Session 30"; every fifth one private."""
    path = tmp_path_factory.mktemp("journal") / "thirty.revmentor"
    store = Store.create(path, {"mentor_name": "Ana Ruiz", "mentee_name": "Bo Chen",
                                "start_date": START})
    for n in range(1, 31):
        ops.add_entry(store, START + timedelta(days=7 * (n - 1)), topics=f"Session {n}",
                      private=n % 5 == 0)
    store.close()
    return path


def shown_sessions(text: str) -> list[int]:
    """The numbers of the sessions a PDF's text shows, in order (spacing ignored: fonts differ)."""
    return [int(n) for n in re.findall(r"Session(\d+)", "".join(text.split()))]


def test_highlights_are_the_newest_shared_sessions_first(thirty: Path) -> None:
    store = Store.open(thirty, read_only=True)
    try:
        latest = reads.journal_highlights(store, latest=10)
        ranged = reads.journal_highlights(store, START + timedelta(days=7), START + timedelta(days=21))
        everything = reads.journal_highlights(store)
        assert reads.shared_session_count(store) == 24
        assert reads.private_session_count(store) == 6
    finally:
        store.close()
    assert [e.topics for e in latest][:3] == ["Session 29", "Session 28", "Session 27"]
    assert len(latest) == 10 and "Session 30" not in {e.topics for e in latest}  # private
    assert [e.topics for e in ranged] == ["Session 4", "Session 3", "Session 2"]
    assert len(everything) == 24


def test_default_pdf_shows_the_ten_newest_and_counts_every_session(thirty: Path, tmp_path: Path) -> None:
    out = tmp_path / "default.pdf"
    result = run_cli(str(thirty), "--export-pdf", str(out))
    assert result.returncode == 0, result.stderr
    text = pdf_text(PdfReader(out))
    assert shown_sessions(text) == [29, 28, 27, 26, 24, 23, 22, 21, 19, 18]
    assert pdf_shows(text, "The 10 most recent of 24 shared sessions, newest")  # "ﬁ": a ligature
    # A private session hides its content, not the fact that the pair met.
    assert pdf_shows(text, "30 (6 private, not shown)")


def test_journal_all_and_a_range_on_the_command_line(thirty: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    assert run_cli(str(thirty), "--export-pdf", str(out), "--journal", "all").returncode == 0
    assert shown_sessions(pdf_text(PdfReader(out))) == [n for n in range(30, 0, -1) if n % 5]

    out = tmp_path / "range.pdf"
    span = f"{START + timedelta(days=7)}..{START + timedelta(days=21)}"
    assert run_cli(str(thirty), "--export-pdf", str(out), "--journal", span).returncode == 0
    assert shown_sessions(pdf_text(PdfReader(out))) == [4, 3, 2]

    out = tmp_path / "open.pdf"
    assert run_cli(str(thirty), "--export-pdf", str(out), "--journal",
                   f"{START + timedelta(days=7 * 26)}..").returncode == 0
    assert shown_sessions(pdf_text(PdfReader(out))) == [29, 28, 27]


def test_sections_choose_what_the_pdf_holds(thirty: Path, tmp_path: Path) -> None:
    out = tmp_path / "journal-only.pdf"
    result = run_cli(str(thirty), "--export-pdf", str(out), "--sections", "journal")
    assert result.returncode == 0, result.stderr
    text = pdf_text(PdfReader(out))
    assert pdf_shows(text, "Journal highlights")
    assert not pdf_shows(text, "SESSIONS HELD") and not pdf_shows(text, "Open action items")


@pytest.mark.parametrize("args, says", [
    (["--journal", "last-week"], "--journal takes 'recent', 'all' or FROM..TO"),
    (["--journal", "20260101..20260301"], "--journal takes 'recent', 'all' or FROM..TO"),
    (["--journal", "2026-W01-1.."], "--journal takes 'recent', 'all' or FROM..TO"),
    (["--journal", "2026-13-01.."], "--journal takes 'recent', 'all' or FROM..TO"),
    (["--journal", "2026-05-01..2026-04-01"], "is before"),
    (["--sections", "goals,wishes"], "not wishes"),
    (["--sections", ","], "--sections takes names"),
])
def test_bad_choices_fail_in_one_line_and_write_nothing(thirty: Path, tmp_path: Path,
                                                         args: list[str], says: str) -> None:
    before = thirty.read_bytes()
    out = tmp_path / "o.pdf"
    result = run_cli(str(thirty), "--export-pdf", str(out), *args)
    assert result.returncode == 2
    assert says in result.stderr.strip().splitlines()[-1]
    assert not out.exists() and thirty.read_bytes() == before


def test_choices_need_export_pdf(thirty: Path) -> None:
    result = run_cli(str(thirty), "--journal", "all")
    assert result.returncode == 2 and "--journal only goes with --export-pdf" in result.stderr


def test_export_dialog_offers_recent_all_or_dates(qtbot: Any) -> None:
    from revmentor_desktop.ui.export import SCOPE_ALL, SCOPE_RANGE, ExportDialog

    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    assert dialog.options().journal_latest == sm.RECENT_SESSIONS  # the default
    assert not dialog.journal_from.isEnabled()
    dialog.journal_scope.setCurrentIndex(dialog.journal_scope.findData(SCOPE_ALL))
    assert dialog.options().journal_latest is None and not dialog.options().journal_ranged
    dialog.journal_scope.setCurrentIndex(dialog.journal_scope.findData(SCOPE_RANGE))
    assert dialog.journal_from.isEnabled()
    dialog.accept()  # a range with no date ticked is not a choice
    assert dialog.problem.text() and dialog.result() == 0
    dialog.journal_from.check.setChecked(True)
    dialog.journal_from.set_value(date(2025, 3, 1))
    assert dialog.options().journal_from == date(2025, 3, 1) and dialog.options().journal_latest is None
    dialog.accept()
    assert dialog.result() == 1

    again = ExportDialog()  # the choice is remembered
    qtbot.addWidget(again)
    assert again.journal_scope.currentData() == SCOPE_RANGE


def window_on_a_copy(qtbot: Any, source: Path, tmp_path: Path,
                     monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Path]:
    """A window on a copy of `source`, whose export dialog is accepted as it opens (its choices as
    they are); the window and the copy."""
    import shutil

    from revmentor_desktop.ui import export
    from revmentor_desktop.ui.window.main_window import MainWindow

    copy = tmp_path / "mine.revmentor"
    shutil.copy(source, copy)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_file(copy)
    monkeypatch.setattr(export.ExportDialog, "exec", lambda self: 1)
    return window, copy


def test_gui_export_suggests_a_telling_name_and_says_it_was_written(
        qtbot: Any, thirty: Path, tmp_path: Path, fake_dialogs: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from revmentor_desktop.ui import export

    window, _copy = window_on_a_copy(qtbot, thirty, tmp_path, monkeypatch)
    suggested: list[Path] = []

    def save_path(_parent: Any, _title: str, path: Path, _filter: str = "") -> Path:
        suggested.append(path)
        return tmp_path / "out" / "shared"  # no .pdf typed: one is added
    (tmp_path / "out").mkdir()
    fake_dialogs.save_path = save_path
    documents = export.export_folder()  # nothing exported yet: Documents (or home), not app data
    assert ".local" not in documents.parts
    export.Exporter(window).start()
    assert suggested[0].parent == documents
    assert suggested[0].name == f"Ana Ruiz & Bo Chen — summary {date.today().isoformat()}.pdf"
    assert (tmp_path / "out" / "shared.pdf").read_bytes().startswith(b"%PDF")
    _title, text, buttons = fake_dialogs.informed[-1]
    assert "written to" in text and buttons == ["Open", "Show in Folder"]
    # The next export starts in the folder used last.
    assert export.export_folder() == tmp_path / "out"


def test_gui_export_over_another_name_of_the_open_file_is_refused(
        qtbot: Any, thirty: Path, tmp_path: Path, fake_dialogs: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from revmentor_desktop.ui import export

    window, copy = window_on_a_copy(qtbot, thirty, tmp_path, monkeypatch)
    other = tmp_path / "also mine.pdf"
    os.link(copy, other)
    fake_dialogs.save_path = lambda *_args: other
    before = copy.read_bytes()
    export.Exporter(window).start()
    [(title, error)] = fake_dialogs.errors
    assert title == "Export Failed" and "cannot overwrite the partnership file" in str(error)
    assert copy.read_bytes() == before and os.path.samefile(copy, other)


def test_review_only_is_one_click_and_one_option(qtbot: Any) -> None:
    from revmentor_desktop.ui.export import ExportDialog

    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    dialog.review_only_button.click()
    assert dialog.options().sections == (sm.SECTION_REVIEW,)
    dialog.everything_button.click()
    assert dialog.options().sections == sm.ALL_SECTIONS
