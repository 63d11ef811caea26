"""Side files beside a partnership file (a leftover ``-journal`` or ``-wal``): the file is kept as
found before SQLite applies them, a read-only command never writes beside the file, and every
message tells the truth about what was changed."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop import cli
from revmentor_desktop.data import ops, reads
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError

# A child that starts a big write with a tiny page cache (so SQLite spills changed pages into the
# file before committing, after syncing the journal) and then dies without rolling back: exactly
# what a crash mid-write leaves — a hot journal and a half-written file.
_CRASH_MID_WRITE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA synchronous = FULL")
conn.execute("PRAGMA cache_size = 5")
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE journal_entry SET notes = notes || ?", ("half-written " * 20,))
os._exit(0)
"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    return {p.name: sha(p) for p in sorted(folder.iterdir()) if p.is_file()}


def crash_mid_write(path: Path) -> None:
    subprocess.run([sys.executable, "-c", _CRASH_MID_WRITE, str(path)], check=True)
    journal = Path(f"{path}-journal")
    assert journal.stat().st_size > 0 and journal.read_bytes()[:1] != b"\x00"


def leave_wal(path: Path) -> None:
    """Another tool switched the file to WAL mode and was killed with a commit still in the log."""
    script = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode = WAL')\n"
        "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "c.execute(\"UPDATE partnership SET organisation = 'From the log'\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    assert Path(f"{path}-wal").stat().st_size > 0
    Path(f"{path}-shm").unlink(missing_ok=True)  # the log alone, as copied or synced


def notes_of(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT notes FROM journal_entry ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """`good.revmentor` and a stranger's hot journal for a different file, `other.revmentor`."""
    good, other = tmp_path / "good.revmentor", tmp_path / "other.revmentor"
    make_sample(good, 60)
    make_sample(other, 20, seed=11)
    crash_mid_write(other)
    return good, Path(f"{other}-journal")


@pytest.fixture
def foreign_journal(pair: tuple[Path, Path]) -> Path:
    """`good.revmentor` with the other file's journal copied beside it (cp other-journal …)."""
    good, journal = pair
    shutil.copyfile(journal, f"{good}-journal")
    return good


# -- a stranger's side file ---------------------------------------------------------------------------


def test_a_foreign_journal_is_kept_aside_and_the_message_says_the_file_was_changed(
        foreign_journal: Path, tmp_path: Path) -> None:
    good = foreign_journal
    before, journal_before = good.read_bytes(), Path(f"{good}-journal").read_bytes()
    with pytest.raises(KnownError) as caught:
        Store.open(good, backup_folder=tmp_path / "backups", verify_now=False)
    exc = caught.value
    assert exc.kind is ErrorKind.DAMAGED
    assert exc.file_changed and "left exactly as it was" not in exc.message
    assert "good.revmentor-journal" in exc.message and "was applied" in exc.message
    # The file and its side file as they were found, byte for byte, in a folder a person recognises.
    assert exc.as_found is not None and exc.as_found.parent.parent == tmp_path / "backups"
    assert exc.as_found.parent.name.startswith("good.revmentor as found ")
    assert exc.as_found.read_bytes() == before
    kept_journal = exc.as_found.parent / "good.revmentor-journal.as-found"
    assert kept_journal.read_bytes() == journal_before
    # …and the copy of the file opens on its own: the side file beside it is inert.
    Store.open(exc.as_found, read_only=True).close()


def test_export_with_a_foreign_journal_fails_in_one_line_and_changes_nothing(
        foreign_journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: Any) -> None:
    folder = foreign_journal.parent
    before = listing(folder)
    assert cli.main([str(foreign_journal), "--export-pdf", str(tmp_path / "out.pdf")]) != 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "damaged" in err and "read-only" not in err and "left as it was" in err
    assert listing(folder) == before  # no PDF, no -shm, the journal still there, the file as it was


# -- our own crash ------------------------------------------------------------------------------------


@pytest.fixture
def crashed(tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "ours.revmentor"
    make_sample(path, 40)
    saved = notes_of(path)
    crash_mid_write(path)
    return path, saved


def test_a_crash_left_journal_is_rolled_back_silently_with_a_copy_kept(
        crashed: tuple[Path, list[str]], tmp_path: Path) -> None:
    path, saved = crashed
    store = Store.open(path, backup_folder=tmp_path / "backups", verify_now=False)
    try:
        assert [p.name for p in store.recovered] == ["ours.revmentor-journal"]
        assert ops.list_entries(store)  # readable and writable as ever
        ops.update_partnership(store, organisation="Still fine")
    finally:
        store.close()
    assert notes_of(path) == saved  # the half-written change was rolled back
    assert not Path(f"{path}-journal").exists()
    kept = list((tmp_path / "backups").iterdir())
    assert len(kept) == 1 and kept[0].name.startswith("ours.revmentor as found ")


def test_exporting_after_a_crash_mid_write_works_and_writes_nothing_beside_the_file(
        crashed: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        qapp: Any) -> None:
    path, _saved = crashed
    before = listing(path.parent)
    out = tmp_path / "elsewhere" / "summary.pdf"
    out.parent.mkdir()
    assert cli.main([str(path), "--export-pdf", str(out)]) == 0, capsys.readouterr().err
    assert "read-only" not in capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    assert listing(path.parent) == before  # the file and its journal untouched, nothing added


def test_a_leftover_wal_makes_no_shm_beside_the_file_on_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: Any) -> None:
    path = tmp_path / "ours.revmentor"
    make_sample(path, 10)
    leave_wal(path)
    before = listing(tmp_path)
    out = tmp_path / "pdf" / "summary.pdf"
    out.parent.mkdir()
    assert cli.main([str(path), "--export-pdf", str(out)]) == 0, capsys.readouterr().err
    assert listing(tmp_path) == before
    assert not Path(f"{path}-shm").exists()


def test_opening_for_editing_applies_a_leftover_wal_and_leaves_no_side_files(tmp_path: Path) -> None:
    path = tmp_path / "ours.revmentor"
    make_sample(path, 10)
    leave_wal(path)
    store = Store.open(path, backup_folder=tmp_path / "backups")
    try:
        assert reads.get_partnership(store).organisation == "From the log"
    finally:
        store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "ours.revmentor"]


# -- in the window ------------------------------------------------------------------------------------


def test_the_window_offers_the_file_as_found_and_puts_it_back(
        qtbot: Any, foreign_journal: Path, fake_dialogs: Any) -> None:
    from revmentor_desktop.ui.window import MainWindow

    good = foreign_journal
    saved = notes_of_copy(good)
    win = MainWindow()
    qtbot.addWidget(win)
    fake_dialogs.choose_answers = [0]  # "Use the File as Found"
    chosen: list[tuple[str, list[str]]] = []
    answer = fake_dialogs.choose

    def record(parent: Any, title: str, text: str, buttons: list[str]) -> int | None:
        chosen.append((text, buttons))
        return answer(parent, title, text, buttons)

    fake_dialogs.choose = record
    win.open_file(good)
    text, buttons = chosen[0]
    assert buttons[0] == "Use the File as Found"
    assert "left exactly as it was" not in text and "was applied" in text
    assert win.doc is not None and win.doc.store.shown_path == good
    win.build_all_tabs()
    assert notes_of(good) == saved
    assert list(good.parent.glob("good.revmentor.damaged*"))  # the damaged result is kept aside
    win.close()


def notes_of_copy(path: Path) -> list[str]:
    """The notes in `path` alone, read from a copy without its side files."""
    copy = path.with_name("probe-copy.db")
    shutil.copyfile(path, copy)
    try:
        return notes_of(copy)
    finally:
        copy.unlink()


@pytest.mark.parametrize("whose", ["a stranger's", "our own crash's"])
def test_import_share_beside_an_unfinished_change_refuses_and_leaves_both_as_they_were(
        pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, whose: str) -> None:
    """Opening would apply the side file to the file before the import could still be refused
    (a conflict, a share of another partnership): the command would fail with the file changed."""
    from revmentor_desktop.data import share

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    good, journal = pair
    target = good if whose == "a stranger's" else journal.with_name("other.revmentor")
    if target is good:
        shutil.copyfile(journal, f"{good}-journal")
    theirs = tmp_path / "theirs.revshare"
    store = Store.open(tmp_path / "other.revmentor" if target is good else good, read_only=True)
    try:
        share.export_share(store, theirs)
    finally:
        store.close()
    folder = target.parent
    before = listing(folder)
    assert cli.main([str(target), "--import-share", str(theirs)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "unfinished change beside it" in err[0]
    assert f"“{target.name}-journal”" in err[0] and "Both were left as they were." in err[0]
    assert listing(folder) == before
