"""Exporting the PDF where the disk runs out: the old PDF stays as it was, the user hears it once."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError
from revmentor_desktop.report import pdf
from revmentor_desktop.report import summary as sm
from revmentor_desktop.report.pdf import write_pdf

OLD_PDF = b"%PDF-1.4\n% the good summary exported last week\n%%EOF\n"


def run_cli(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "revmentor_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=180, **kw)


def summary_of(path: Path) -> sm.Summary:
    store = Store.open(path, read_only=True)
    try:
        return sm.build_summary(store)
    finally:
        store.close()


def fsync_of_part_files_fails(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The disk fills up under the export: syncing its temporary file reports ENOSPC."""
    real = os.fsync

    def fsync(fd: int) -> None:
        st = os.fstat(fd)
        if any(os.path.samestat(st, p.stat()) for p in folder.glob("*.part")):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_a_full_disk_leaves_the_previous_pdf_as_it_was(
        qapp: Any, partnership_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "summary.pdf"
    target.write_bytes(OLD_PDF)
    fsync_of_part_files_fails(monkeypatch, out)
    with pytest.raises(KnownError) as caught:
        write_pdf(summary_of(partnership_file), target)
    assert caught.value.kind is ErrorKind.DISK_FULL
    assert caught.value.message == "The disk is full, so the PDF was not written."
    assert "The previous “summary.pdf” was left as it was." in caught.value.hint
    assert target.read_bytes() == OLD_PDF
    assert [p.name for p in out.iterdir()] == ["summary.pdf"]  # no temporary file left


def test_a_full_disk_with_no_previous_pdf_claims_none_was_kept(
        qapp: Any, partnership_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    fsync_of_part_files_fails(monkeypatch, out)
    with pytest.raises(KnownError) as caught:
        write_pdf(summary_of(partnership_file), out / "summary.pdf")
    assert caught.value.kind is ErrorKind.DISK_FULL
    assert "previous" not in caught.value.one_line()
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("damage", ["tail cut off", "bytes lost in the middle", "nothing written"])
def test_bytes_the_pdf_writer_dropped_silently_are_caught(
        qapp: Any, partnership_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        damage: str) -> None:
    """QPdfWriter ignores failed writes; the bytes on disk are checked before the rename."""
    out = tmp_path / "out"
    out.mkdir()
    target = out / "summary.pdf"
    target.write_bytes(OLD_PDF)
    if not hasattr(os, "pwrite"):
        pytest.skip("needs os.pread/os.pwrite")
    real = pdf._write_to

    def lossy(fd: int, *args: Any) -> int:
        pages = real(fd, *args)
        size = os.fstat(fd).st_size
        data = os.pread(fd, size, 0)
        os.ftruncate(fd, 0)
        if damage == "tail cut off":
            os.pwrite(fd, data[: size // 2], 0)
        elif damage == "bytes lost in the middle":  # the end still reads "%%EOF"
            os.pwrite(fd, data[: size // 3] + data[size // 3 + 4096:], 0)
        return pages

    monkeypatch.setattr(pdf, "_write_to", lossy)
    with pytest.raises(KnownError) as caught:
        write_pdf(summary_of(partnership_file), target)
    assert caught.value.kind is ErrorKind.CANNOT_WRITE
    assert "was left as it was" in caught.value.hint
    assert target.read_bytes() == OLD_PDF
    assert [p.name for p in out.iterdir()] == ["summary.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_export_pdf_past_the_file_size_limit_fails_in_one_line(partnership_file: Path,
                                                               tmp_path: Path) -> None:
    """Writes that fail part-way (here: a file size limit, no root needed) are not 'Wrote N pages'."""
    import resource
    import signal

    target = tmp_path / "summary.pdf"
    target.write_bytes(OLD_PDF)

    def limit() -> None:  # in the child: failed writes return EFBIG instead of killing it
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    result = run_cli(str(partnership_file), "--export-pdf", str(target), preexec_fn=limit)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "was left as it was" in lines[0]
    assert target.read_bytes() == OLD_PDF
    assert not list(tmp_path.glob("*.part"))


# -- a real full disk: a 2 MB tmpfs (needs root and Linux) ------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A tiny tmpfs holding a good old PDF, then filled to the last byte."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mnt = tmp_path / "full"
    mnt.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        (mnt / "summary.pdf").write_bytes(OLD_PDF)
        fd = os.open(mnt / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


def test_export_pdf_to_a_full_disk_fails_in_one_line_and_keeps_the_old_pdf(
        partnership_file: Path, full_disk: Path) -> None:
    target = full_disk / "summary.pdf"
    result = run_cli(str(partnership_file), "--export-pdf", str(target))
    assert result.returncode != 0
    assert "Wrote" not in result.stdout
    assert result.stderr.splitlines() == [
        "revmentor: error: The disk is full, so the PDF was not written. The previous "
        "“summary.pdf” was left as it was. Free some space and export again."]
    assert target.read_bytes() == OLD_PDF
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "summary.pdf"]

    fresh = run_cli(str(partnership_file), "--export-pdf", str(full_disk / "new.pdf"))
    assert fresh.returncode != 0
    assert fresh.stderr.splitlines() == [
        "revmentor: error: The disk is full, so the PDF was not written. Free some space and export again."]
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "summary.pdf"]

    # With room again, the same command replaces the old PDF with a whole new one.
    (full_disk / "filler").unlink()
    again = run_cli(str(partnership_file), "--export-pdf", str(target))
    assert again.returncode == 0, again.stderr
    assert "Dana Lee" in " ".join(PdfReader(target).pages[0].extract_text().split())


# -- the same from the menu --------------------------------------------------------------------------


def test_export_from_the_menu_to_a_full_disk_says_so_and_keeps_the_old_pdf(
        qtbot: Any, window: Any, tmp_path: Path, fake_dialogs: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from revmentor_desktop.ui.export import ExportDialog

    out = tmp_path / "out"
    out.mkdir()
    target = out / "summary.pdf"
    target.write_bytes(OLD_PDF)
    fsync_of_part_files_fails(monkeypatch, out)
    fake_dialogs.save_answers.append(target)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    window.export_action.trigger()
    exporter = window._exporter
    qtbot.waitUntil(lambda: not exporter.busy, timeout=30_000)
    assert len(fake_dialogs.errors) == 1
    title, error = fake_dialogs.errors[0]
    assert title == "Export Failed"
    assert isinstance(error, KnownError) and error.kind is ErrorKind.DISK_FULL
    assert "was left as it was" in error.hint
    assert "Exported" not in window.statusBar().currentMessage()
    assert target.read_bytes() == OLD_PDF
    assert [p.name for p in out.iterdir()] == ["summary.pdf"]


def test_a_pdf_cut_short_where_the_disk_filled_up_says_the_disk_is_full(
        qapp: Any, tmp_path: Path, full_disk: Path) -> None:
    """Qt's PDF writer can stop where the disk fills without reporting an error (at some sizes,
    not others): with any few kilobytes of room the user is told the disk is full, never that
    the PDF "came out incomplete", and the old PDF stays."""
    from revmentor_desktop.data import sample

    source = tmp_path / "sample.revmentor"
    sample.make_sample(source, 20, today=date(2026, 11, 1))
    store = Store.open(source, read_only=True)
    try:
        summary = sm.build_summary(store, today=date(2026, 11, 1))
    finally:
        store.close()
    target = full_disk / "summary.pdf"
    for room_kib in range(8, 72, 4):
        (full_disk / "filler").unlink()
        free = shutil.disk_usage(full_disk).free
        (full_disk / "filler").write_bytes(b"\0" * (free - room_kib * 1024))
        with pytest.raises(KnownError) as caught:
            write_pdf(summary, target)
        assert caught.value.kind is ErrorKind.DISK_FULL, (room_kib, caught.value.message)
        assert target.read_bytes() == OLD_PDF
        assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "summary.pdf"]


def test_a_pdf_cut_short_on_a_disk_with_room_is_called_incomplete(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(b"%PDF-1.4\n" + b"x" * 100)
    with pytest.raises(OSError) as caught:
        pdf._check_complete(cut)
    assert caught.value.errno == errno.EIO and "incomplete" in str(caught.value)
    monkeypatch.setattr(pdf, "FULL_BELOW", 2**62)  # as if this disk had just filled up
    with pytest.raises(OSError) as caught:
        pdf._check_complete(cut)
    assert caught.value.errno == errno.ENOSPC


@pytest.mark.parametrize("how", ["hard link", "symlink"])
def test_export_pdf_over_another_name_of_the_partnership_file_is_refused(
        partnership_file: Path, how: str) -> None:
    """A `.pdf` name that is the partnership file too (a hard link has no path of its own to tell
    it by) must not have the PDF written over it."""
    other = partnership_file.with_name("also ours.pdf")
    (os.link if how == "hard link" else os.symlink)(partnership_file, other)
    before = partnership_file.read_bytes()
    result = run_cli(str(partnership_file), "--export-pdf", str(other))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "revmentor: error: The PDF cannot overwrite the partnership file."]
    assert partnership_file.read_bytes() == before
    assert other.exists() and os.path.samefile(other, partnership_file)
