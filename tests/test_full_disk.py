"""A full disk while writing a new file (`--make-sample`, a new partnership): one line, exit
non-zero, no partial file and no side file left behind."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop import cli
from revmentor_desktop.data import sample
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError


def test_make_sample_on_a_full_disk_says_so_in_one_line_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    real_fill = sample._fill

    def fill_until_full(conn: sqlite3.Connection, *args: Any) -> None:
        real_fill(conn, *args)  # the rows are written into the transaction…
        raise sqlite3.OperationalError("database or disk is full")  # …then the disk fills up

    monkeypatch.setattr(sample, "_fill", fill_until_full)
    target = tmp_path / "s.revmentor"
    assert cli.main(["--make-sample", str(target), "--sessions", "30"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "disk is full" in err and "nothing already saved was lost" not in err
    assert os.listdir(tmp_path) == []  # no sample, no temporary file, no -journal


def test_a_new_file_on_a_full_disk_does_not_claim_anything_was_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from revmentor_desktop.data import store as store_module

    def full(*args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_module, "_migrate", full)
    with pytest.raises(KnownError) as caught:
        Store.create(tmp_path / "new.revmentor", {"mentor_name": "A", "mentee_name": "B",
                                                   "start_date": date(2026, 1, 5)})
    assert caught.value.kind is ErrorKind.DISK_FULL
    assert "not created" in caught.value.message and "saved" not in caught.value.hint
    assert os.listdir(tmp_path) == []


def test_make_sample_never_replaces_a_file_that_appears_meanwhile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "s.revmentor"
    real_fill = sample._fill

    def someone_else_writes(conn: sqlite3.Connection, *args: Any) -> None:
        real_fill(conn, *args)
        target.write_bytes(b"theirs")

    monkeypatch.setattr(sample, "_fill", someone_else_writes)
    with pytest.raises(KnownError) as caught:
        sample.make_sample(target, 5)
    assert caught.value.kind is ErrorKind.ALREADY_EXISTS
    assert target.read_bytes() == b"theirs"
    assert os.listdir(tmp_path) == ["s.revmentor"]


# -- on a real, small, full filesystem (root only: it mounts a 2 MB tmpfs) -----------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_make_sample_too_big_for_a_real_small_disk_leaves_nothing(
        tiny_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--make-sample", str(tiny_disk / "big.revmentor"), "--sessions", "3000"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk is full" in err
    assert os.listdir(tiny_disk) == []


def test_a_disk_that_fills_while_the_new_file_gets_its_tables_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite rolls the transaction back itself when the disk fills; the rollback that follows
    must not replace "disk is full" with "cannot rollback - no transaction is active"."""
    from revmentor_desktop.data import store as store_module

    def full_midway(conn: sqlite3.Connection) -> None:
        conn.execute("ROLLBACK")  # what SQLite does on SQLITE_FULL…
        raise sqlite3.OperationalError("database or disk is full")  # …and what it reports

    monkeypatch.setattr(store_module, "STEPS", (full_midway,) * len(store_module.STEPS))
    with pytest.raises(KnownError) as caught:
        Store.create(tmp_path / "new.revmentor", {"mentor_name": "A", "mentee_name": "B",
                                                   "start_date": date(2026, 1, 5)})
    assert caught.value.kind is ErrorKind.DISK_FULL
    assert os.listdir(tmp_path) == []
    assert cli.main(["--make-sample", str(tmp_path / "s.revmentor")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk is full" in err and "rollback" not in err
    assert os.listdir(tmp_path) == []


def test_make_sample_on_a_real_disk_too_full_for_even_the_tables_says_so(
        tiny_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filler = tiny_disk / "filler"
    with filler.open("wb") as f:  # leave less room than an empty partnership file needs
        f.write(b"\0" * (shutil.disk_usage(tiny_disk).free - 64 * 1024))
    assert cli.main(["--make-sample", str(tiny_disk / "s.revmentor"), "--sessions", "30"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk is full" in err, err
    assert os.listdir(tiny_disk) == ["filler"]
