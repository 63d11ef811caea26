"""Small helpers shared by the tests."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox

from revmentor_desktop.report.text import FSI, PDI


def shown(text: str) -> str:
    """`text` as a person reads it: without the invisible marks that isolate names in it."""
    return text.replace(FSI, "").replace(PDI, "")


def all_shown(texts: Iterable[str]) -> list[str]:
    return [shown(t) for t in texts]


def find_shown(combo: QComboBox, text: str) -> int:
    """The row of `combo` that reads `text` (names in it are isolated), or -1."""
    items = all_shown(combo.itemText(i) for i in range(combo.count()))
    return items.index(text) if text in items else -1


def pdf_shows(text: str, words: str) -> bool:
    """Does PDF text extracted with pypdf show `words`, whatever font drew them?

    Spacing is ignored (a narrow or monospaced font places glyphs so that extraction splits "Latest"
    into "L atest"), and so are a few stray characters between the letters: where the machine has
    no bold face, Qt draws bold text twice, and a wrapped cell's lines are extracted interleaved.
    """
    hay = "".join(text.split())
    want = "".join(words.split())
    if want in hay:
        return True
    window = 3 * len(want)
    for start in range(len(hay)):
        if hay[start] != want[0]:
            continue
        j = 0
        for ch in hay[start:start + window]:
            if ch == want[j]:
                j += 1
                if j == len(want):
                    return True
    return False


def sql_rows(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows of `sql` read from the file at `path` without the app (read-only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def sql_value(path: Path, sql: str) -> object:
    """The first value `sql` returns from the file at `path`, read without the app (read-only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def sha256(path: Path) -> str:
    """The file's content, as a digest: "byte for byte the same" in one comparison."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every entry of `folder`, with the digest of a file's bytes, where a link points, or what
    else it is (a folder, a pipe: never read): "left exactly as it was" includes side files."""
    state: dict[str, str] = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink():
            state[entry.name] = f"symlink -> {os.readlink(entry)}"
        elif entry.is_file():
            state[entry.name] = sha256(entry)
        else:
            state[entry.name] = stat.filemode(entry.stat().st_mode)
    return state


@contextlib.contextmanager
def no_wait_on(pipe: Path, seconds: float = 10) -> Iterator[None]:
    """Fail, rather than hang, when the block waits to open the named pipe `pipe` for reading: after
    `seconds`, open its other end (which lets that open go on) and remove it (so that no later open
    waits), then fail."""
    done = threading.Event()
    hung: list[bool] = []

    def release() -> None:
        if done.wait(seconds):
            return
        hung.append(True)
        with contextlib.suppress(OSError):
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        with contextlib.suppress(OSError):
            pipe.unlink()

    threading.Thread(target=release, daemon=True).start()
    try:
        yield
    finally:
        done.set()
    assert not hung, f"waited on the pipe {pipe.name}"

