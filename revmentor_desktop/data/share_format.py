"""The share file: what one partner writes for the other (File › Share with Partner…,
`revmentor FILE --export-share OUT`), and the strict reading of one.

Format (version 1), UTF-8 JSON, one record per line after the header::

    {"format": "revmentor-share", "version": 1, "app": "RevMentor Desktop 0.2.0",
     "written_at": "2026-11-30T10:00:00+00:00", "pair": "<the partnership's stable id>",
     "author": "mentor" | "mentee",
     "records": [
      {"kind": "goal", "uid": "<32 hex digits>", "data": {...}, "side": {...} | null,
       "seen": "<digest>" | null},
      ...]}

`data` holds the record's fields (`share_kinds.KINDS[kind].fields`, dates as YYYY-MM-DD, other
records named by stable id), `side` the author's own side of a session or review, and `seen` the
digest of the receiver's version of the record that the author last took into account (null: none).
Records come parents first (`share_kinds.ORDER`). Nothing private is ever in a share.

Reading refuses — with one sentence, touching nothing — a file that is not a share, a newer format,
a damaged or truncated file, wrong types, out-of-range values, over-long text, unknown fields, and a
stable id used twice. Text is cleaned as everything typed is (data/validation.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from revmentor_desktop import __version__
from revmentor_desktop.data import validation as v
from revmentor_desktop.data.files import fsync_dir
from revmentor_desktop.data.share_kinds import KINDS, ORDER, Canon, check_record, is_uid, one_line
from revmentor_desktop.data.share_local import Records
from revmentor_desktop.data.vocab import Role
from revmentor_desktop.errors import ErrorKind, KnownError

FORMAT = "revmentor-share"
VERSION = 1
SUFFIX = ".revshare"
#: a share of ten years of weekly sessions with long notes is a few MB; nothing real comes near this
MAX_BYTES = 256 * 1024 * 1024
#: ten years of weekly sessions is some 40,000 records
MAX_RECORDS = 500_000
#: JSON objects a share may hold: a record is one, with its data and its side in two more
_MAX_OBJECTS = 3 * MAX_RECORDS + 1


class _TooMany(Exception):
    """Parsing stopped: more objects than any share holds (before they filled the memory)."""


def _counted(limit: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A json `object_hook` that stops the parse at the `limit`-th object."""
    count = 0

    def hook(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal count
        count += 1
        if count > limit:
            raise _TooMany
        return obj

    return hook


_HEADER = ("format", "version", "app", "written_at", "pair", "author", "records")


@dataclass(frozen=True)
class Incoming:
    """One record of a share."""

    kind: str
    uid: str
    data: Canon
    side: Canon | None
    seen: str | None


@dataclass(frozen=True)
class Share:
    path: Path
    written_at: datetime
    pair: str
    author: str
    app: str
    records: dict[str, dict[str, Incoming]]

    def count(self) -> int:
        return sum(len(r) for r in self.records.values())


# -- writing ------------------------------------------------------------------------------------------


def share_records(local: Records) -> list[dict[str, Any]]:
    """What my file shares, in the share's words: every non-private record (`local` was read
    without private rows), my side of sessions and reviews, and only what I authored of the
    authored kinds."""
    me = local.me
    out: list[dict[str, Any]] = []
    for kind_name in ORDER:
        kind = KINDS[kind_name]
        for uid, rec in sorted(local.by_kind.get(kind_name, {}).items()):
            if rec.private:
                continue  # (never read when writing a share; kept as a second lock)
            if kind.authored and rec.author != me:
                continue  # their grid, their ratings, their check-ins are theirs to share
            seen = None if kind.authored else local.seen.get(kind_name, {}).get(uid)
            out.append({"kind": kind_name, "uid": uid, "data": rec.data,
                        "side": rec.sides.get(me) if kind.side else None, "seen": seen})
    return out


def write_share(local: Records, out: Path, *, now: datetime | None = None) -> int:
    """Write the share of `local` to `out` atomically (a temporary file in the same folder, flushed,
    renamed over), readable by its owner only. Refuses to replace a file that is not a share.
    Returns how many records it holds."""
    out = Path(out)
    _refuse_to_replace(out)
    records = share_records(local)
    header = {"format": FORMAT, "version": VERSION, "app": f"RevMentor Desktop {__version__}",
              "written_at": (now or datetime.now(UTC)).replace(microsecond=0).isoformat(),
              "pair": local.pair, "author": local.me}
    head = json.dumps(header, ensure_ascii=False)[:-1]
    lines = [head + ', "records": [']
    lines += [json.dumps(r, ensure_ascii=False, sort_keys=True) + ("," if i < len(records) - 1 else "")
              for i, r in enumerate(records)]
    lines.append("]}")
    body = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    tmp = out.with_name(f".{out.name}.writing-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(body)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, out)
        fsync_dir(out.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno == 28:  # ENOSPC
            raise KnownError(ErrorKind.DISK_FULL, "The disk is full, so the share was not written.",
                             "Free some space and try again.") from exc
        raise KnownError(ErrorKind.CANNOT_WRITE,
                         f"Cannot write “{out}”: {exc.strerror or exc}.") from exc
    return len(records)


def _refuse_to_replace(out: Path) -> None:
    if out.is_dir():
        raise KnownError(ErrorKind.CANNOT_WRITE, f"“{out}” is a folder; choose a file name for the share.")
    if not out.exists() and not out.is_symlink():
        return
    if out.is_symlink() or not out.is_file():
        raise KnownError(ErrorKind.ALREADY_EXISTS,
                         f"“{out}” already exists and is not a share file; it was left as it was.")
    try:
        with out.open("rb") as fh:
            start = fh.read(64)
    except OSError as exc:
        raise KnownError(ErrorKind.CANNOT_WRITE, f"Cannot replace “{out}”: {exc.strerror or exc}.") from exc
    if not start.startswith(b'{"format": "' + FORMAT.encode() + b'"'):
        raise KnownError(ErrorKind.ALREADY_EXISTS,
                         f"“{out}” already exists and is not a share file; it was left as it was.",
                         "Choose another name.")


# -- reading ------------------------------------------------------------------------------------------


def _bad(path: Path, why: str) -> KnownError:
    return KnownError(ErrorKind.BAD_SHARE, f"“{one_line(path.name)}” cannot be imported: {one_line(why)}")


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number a share holds")


def read_share(path: Path) -> Share:
    """The share at `path`, checked whole; KnownError(BAD_SHARE) naming the first problem."""
    path = Path(path)
    try:
        if path.exists() and not path.is_dir() and not stat.S_ISREG(path.stat().st_mode):
            raise _bad(path, "it is not a file (a device or a pipe).")  # reading one may never end
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise KnownError(ErrorKind.NOT_FOUND, f"“{path}” does not exist.") from exc
    except IsADirectoryError as exc:
        raise _bad(path, "it is a folder.") from exc
    except OSError as exc:
        raise _bad(path, f"it cannot be read ({exc.strerror or exc}).") from exc
    if len(raw) > MAX_BYTES:
        raise _bad(path, "it is far larger than any share RevMentor writes.")
    if not raw.strip():
        raise _bad(path, "it is empty.")
    too_many = f"it holds more records than any share RevMentor writes (over {MAX_RECORDS:,})."
    # Lists are not counted as they are parsed (object_hook sees objects only): count the brackets
    # first, which a share's text can only over-count.
    if raw.count(b"[") + raw.count(b"{") > 4 * _MAX_OBJECTS:
        raise _bad(path, too_many)
    try:
        doc = json.loads(raw.decode("utf-8"), parse_constant=_no_constants,
                         object_hook=_counted(_MAX_OBJECTS))
    except _TooMany:
        raise _bad(path, too_many) from None
    except MemoryError:
        raise _bad(path, "it is too large to read on this computer.") from None
    except UnicodeDecodeError:
        raise _bad(path, "it is not a RevMentor share (not UTF-8 text).") from None
    except RecursionError:
        raise _bad(path, "it is not a RevMentor share (nested too deeply).") from None
    except ValueError:
        raise _bad(path, "it is not a RevMentor share, or it is damaged or cut short.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _bad(path, "it is not a RevMentor share.")
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise KnownError(ErrorKind.BAD_SHARE,
                         f"“{path.name}” was written by a newer version of RevMentor (share format "
                         f"{version}; this version reads {VERSION}).", "Update RevMentor to import it.")
    if version != VERSION or isinstance(version, bool):
        raise _bad(path, "its format version is not one RevMentor knows.")
    if set(doc) != set(_HEADER):
        raise _bad(path, "its header has the wrong fields.")
    try:
        written_at = datetime.fromisoformat(doc["written_at"]) if isinstance(doc["written_at"], str) \
            else None
        if written_at is not None and written_at.tzinfo is not None:
            written_at = written_at.astimezone(UTC)
    except (ValueError, OverflowError):
        written_at = None
    if written_at is None or written_at.tzinfo is None or not v.MIN_YEAR <= written_at.year <= v.MAX_YEAR:
        raise _bad(path, "it does not say when it was written.")
    pair, author, app = doc["pair"], doc["author"], doc["app"]
    if not is_uid(pair):
        raise _bad(path, "it does not name a partnership.")
    if author not in (Role.MENTOR, Role.MENTEE):
        raise _bad(path, "it does not say whose side wrote it.")
    if not isinstance(app, str) or len(app) > 200:
        raise _bad(path, "it does not say what wrote it.")
    items = doc["records"]
    if not isinstance(items, list):
        raise _bad(path, "its records are not a list.")
    if len(items) > MAX_RECORDS:
        raise _bad(path, too_many)
    records: dict[str, dict[str, Incoming]] = {k: {} for k in ORDER}
    for n, item in enumerate(items, 1):
        records_add(path, records, n, item)
    agreement = records["agreement"]
    if list(agreement) != [pair]:
        raise _bad(path, "it holds no agreement for its partnership, or more than one.")
    return Share(path, written_at, pair, author, app, records)


def records_add(path: Path, records: dict[str, dict[str, Incoming]], n: int, item: Any) -> None:
    if not isinstance(item, dict) or set(item) != {"kind", "uid", "data", "side", "seen"}:
        raise _bad(path, f"record {n} has the wrong fields.")
    kind_name, uid, seen = item["kind"], item["uid"], item["seen"]
    kind = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None:
        raise _bad(path, f"record {n} is of a kind RevMentor does not know.")
    if not is_uid(uid):
        raise _bad(path, f"record {n} has no stable id.")
    if uid in records[kind_name]:
        raise _bad(path, f"two records share the stable id {uid} (record {n}).")
    if seen is not None and not is_uid(seen):
        raise _bad(path, f"record {n} has a damaged digest.")
    try:
        data, side = check_record(kind, item["data"], item["side"])
    except v.ValidationError as exc:
        raise _bad(path, f"record {n} ({kind_name}): {exc}") from None
    records[kind_name][uid] = Incoming(kind_name, uid, data, side, seen)
