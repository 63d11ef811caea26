"""Side files beside a partnership file, and keeping the file as it was found before SQLite uses them.

SQLite applies two kinds of side file when it opens a database: a hot rollback journal (``-journal``,
left by a write that never finished: its pages are put back into the file) and a write-ahead log
(``-wal``: its commits are copied into the file). Our own crashes leave the first kind, and applying
it is exactly right. But a side file can also be a stranger's — copied along with another file,
left by a sync tool — and then applying it rewrites a good file into a damaged one. Since we cannot
tell the two apart before trying, the file and its side files are copied aside first (cheap next to
losing the file), and only then is SQLite allowed to apply them. A read-only open never applies them
to the user's file at all: it works on a private copy (see `Store.open`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from revmentor_desktop.data.files import ensure_private_dir, refuse_odd_side_file
from revmentor_desktop.errors import ErrorKind, KnownError

#: The side file SQLite only reads alongside a ``-wal`` (it applies ``-journal`` and ``-wal``).
SHARED_MEMORY = "-shm"
#: How a side file is named in a set-aside folder: inert (SQLite no longer sees it as the file's own).
INERT_SUFFIX = ".as-found"
#: Set-aside folders kept per partnership; older ones are removed when a new one is made.
KEEP_SETS = 5
_SET_MARK = " as found "


def refuse_odd_side_files(path: Path) -> None:
    """Before `path` is opened: refuse it when a side file beside it is not a plain file."""
    refuse_odd_side_file(path, path.name, so="the file was not opened",
                         then="open the file again. The file was left as it was.")


def pending_side_files(path: Path) -> list[Path]:
    """The side files beside `path` that opening it would apply to it (or, for a ``-wal``, that
    would make SQLite write a ``-shm`` beside it even on a read-only open)."""
    found = []
    journal = Path(f"{path}-journal")
    try:
        with journal.open("rb") as fh:
            first = fh.read(1)
    except FileNotFoundError:
        first = b""
    except OSError:
        first = b"?"  # there but unreadable: SQLite may still try it, so treat it as pending
    # SQLite treats a journal as hot when it is not empty and its first byte is not zero (a zeroed
    # header is what a committed or never-started transaction leaves).
    if first not in (b"", b"\x00"):
        found.append(journal)
    wal = Path(f"{path}-wal")
    if wal.exists() or wal.is_symlink():
        found.append(wal)
    return found


def describe(side_files: list[Path]) -> str:
    """“ours.revmentor-journal” (and “…-wal”), for messages."""
    return " and ".join(f"“{p.name}”" for p in side_files)


def set_aside(path: Path, side_files: list[Path], folder: Path) -> Path:
    """Copy `path` and its side files, exactly as found, into a new folder under `folder`.

    The folder is named so a person recognises it (“ours.revmentor as found 2026-11-29 23-40-12”);
    the side files get an inert suffix so the copy of the file opens on its own, unchanged. Returns
    the copy of the file. Raises KnownError (the file untouched) when the copy cannot be made.
    """
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H-%M-%S UTC")
    ensure_private_dir(folder)
    target = folder / f"{path.name}{_SET_MARK}{stamp}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{path.name}{_SET_MARK}{stamp} ({n})"
    try:
        target.mkdir(mode=0o700)
        copy = target / path.name
        _copy_private(path, copy)
        for side in [*side_files, Path(f"{path}{SHARED_MEMORY}")]:
            if side.exists():
                _copy_private(side, target / f"{side.name}{INERT_SUFFIX}")
    except OSError as exc:
        shutil.rmtree(target, ignore_errors=True)
        full = exc.errno == errno.ENOSPC
        raise KnownError(
            ErrorKind.DISK_FULL if full else ErrorKind.CANNOT_WRITE,
            f"“{path.name}” has an unfinished change beside it ({describe(side_files)}), and no "
            f"copy of the file as it is could be kept in “{folder}” before applying it "
            f"({'the disk is full' if full else exc.strerror or exc}). The file was left as it was.",
            "Free some space and open it again.",
        ) from exc
    _prune_sets(folder, path.name, keep=target)
    return copy


def private_copy(path: Path, side_files: list[Path], name: str) -> Path:
    """Copy `path` with its side files (under their own names, so SQLite applies them there) into a
    new private temporary folder; returns the copy. The caller removes the folder."""
    folder = Path(tempfile.mkdtemp(prefix="revmentor-"))
    copy = folder / name
    try:
        _copy_private(path, copy)
        for side in [*side_files, Path(f"{path}{SHARED_MEMORY}")]:
            suffix = side.name[len(path.name):]
            if side.exists():
                _copy_private(side, Path(f"{copy}{suffix}"))
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise KnownError(
            ErrorKind.DISK_FULL if exc.errno == errno.ENOSPC else ErrorKind.CANNOT_WRITE,
            f"“{path.name}” has an unfinished change beside it ({describe(side_files)}), and no "
            f"private copy could be made to read it safely ({exc.strerror or exc}). "
            "The file was left as it was.",
            "Free some space and try again.",
        ) from exc
    return copy


def remove_private_copy(copy: Path) -> None:
    """Remove a copy made by `private_copy` (or `Store`'s upgraded copy) and its folder."""
    shutil.rmtree(copy.parent, ignore_errors=True)


def _copy_private(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with source.open("rb") as src, os.fdopen(fd, "wb", closefd=False) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(fd)
    finally:
        os.close(fd)


def _prune_sets(folder: Path, name: str, keep: Path) -> None:
    prefix = f"{name}{_SET_MARK}"
    try:
        sets = sorted(p for p in folder.iterdir() if p.name.startswith(prefix) and p.is_dir())
    except OSError:
        return
    for old in sets[:-KEEP_SETS]:
        if old != keep:
            with contextlib.suppress(OSError):
                shutil.rmtree(old)
