"""Errors from the user's world (a damaged file, a file in use) as opposed to our bugs.

A `KnownError` reaches the user as one clear sentence plus a way forward; anything else is a bug and
goes through the exception hook.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path


class ErrorKind(Enum):
    NOT_FOUND = "not found"
    NOT_SQLITE = "not a database"
    EMPTY = "empty file"
    NOT_PARTNERSHIP = "not a partnership file"
    NEWER_VERSION = "file from a newer version"
    DAMAGED = "damaged file"
    IN_USE = "file in use"
    DISK_FULL = "disk full"
    READ_ONLY = "read-only"
    ALREADY_EXISTS = "already exists"
    CANNOT_WRITE = "cannot write"
    MOVED = "moved or deleted while open"
    BAD_SHARE = "a share that cannot be imported"
    CONFLICTS = "records both partners changed"


class KnownError(Exception):
    """A problem the user can understand and act on; `str()` is the sentence to show them."""

    def __init__(self, kind: ErrorKind, message: str, hint: str = "", *,
                 file_changed: bool = False, as_found: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.hint = hint
        #: opening rewrote the file before the problem showed (SQLite applied a side file to it)
        self.file_changed = file_changed
        #: a sound copy of the file as it was found before that, kept aside (None: no such copy)
        self.as_found = as_found

    def one_line(self) -> str:
        """The message and the way forward, on one line (for stderr)."""
        return single_line(f"{self.message} {self.hint}".strip())


#: What would break a line or drive the terminal: C0 controls but tab, DEL, C1, and Unicode's line
#: and paragraph separators (a file may be named with any of them); and the bidirectional
#: embeddings and overrides, which would reorder the rest of the line (a name from a share may
#: hold one: a right-to-left override turns what follows it around).
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]")


def single_line(text: str) -> str:
    """`text` for one line of a terminal: each character that would break the line or act on the
    terminal is written as its escape (a newline in a file's name reads "\\n")."""
    return _UNPRINTABLE.sub(lambda m: repr(m[0])[1:-1], text)


class Gone(LookupError):
    """The row an edit names no longer exists (deleted meanwhile, e.g. by undo in another view).
    The user's world, unlike any other LookupError (a KeyError is our bug)."""
