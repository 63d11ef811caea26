"""Files and folders on disk, beneath SQLite: private folders, a file's SQLite URI and path digest,
putting a finished file in place durably, and throwing away a half-made one.

The bottom of data/: standard library only (and `errors`), imported by the store, backups,
recovery and the sample alike — and by the window for its own folders (`ui.paths`), which must not
load the rest of the data layer to make them.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path
from urllib.parse import quote

from revmentor_desktop.errors import ErrorKind, KnownError

#: The first 16 bytes of every SQLite database file.
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The side files SQLite opens beside a database: its rollback journal, write-ahead log and index.
SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


def uri_for(path: Path, mode: str) -> str:
    """The `file:` URI that opens exactly `path` in SQLite `mode` ("ro", "rw", "rwc")."""
    # os.fsencode: a file name that is not valid UTF-8 (kept by Python as surrogate escapes) is
    # percent-encoded byte for byte, so SQLite opens exactly the file the user named.
    return f"file:{quote(os.fsencode(Path(path).resolve()))}?mode={mode}"


def path_digest(path: Path, tag: str = "") -> str:
    """SHA-256 (hex) of `tag` and the path with links and `..` resolved: the same for every
    spelling of one path. Names folders and locks that belong to a file (its backups folder)."""
    text = f"{tag}{Path(path).resolve()}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def folder_for(backups_root: Path, partnership: Path) -> Path:
    """Where one partnership file's backups live (a folder per file, named by its full path).
    Here, not only in `backup`: the window names the folder when it opens a file, before anything
    else of backups is needed."""
    return Path(backups_root) / path_digest(partnership)[:20]


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) so only the user can enter it.

    Raises OSError, its `strerror` a reason fit to show, when `folder` cannot be a folder. A link
    in the way that leads nowhere (a folder moved to a drive that is not plugged in) is reported,
    never followed: making its target would write onto the missing drive's mount point. Callers
    phrase the error for what the folder is for (a new file's folder, backups, the app's own).
    """
    folder = Path(folder)
    if folder.is_dir():
        return
    for part in (folder, *folder.parents):
        if part.is_symlink() and not part.exists():
            raise FileNotFoundError(
                errno.ENOENT, f"“{part}” is a link to “{os.readlink(part)}”, which does not exist",
                str(part))
        if part.exists():
            if not part.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, f"“{part}” is a file, not a folder", str(part))
            break
    folder.mkdir(parents=True, mode=0o700, exist_ok=True)  # exist_ok: another process may race us
    os.chmod(folder, 0o700)


def make_private(path: Path) -> None:
    """Make a file the user's alone (0600), where the file system allows it."""
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass  # not ours to change (e.g. a file on a FAT stick); the data is still intact


def fsync_file(path: Path) -> None:
    """Flush `path`'s contents to disk (before it is renamed into place). Raises OSError."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries to disk, so a rename into it survives a power cut (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems cannot fsync a directory; the rename itself already happened
    finally:
        os.close(fd)


def place_new_file(made: Path, path: Path) -> None:
    """Give the finished file `made` its name `path`, never replacing a file that appeared there
    meanwhile (KnownError ALREADY_EXISTS, `made` left for the caller to remove)."""
    try:
        os.link(made, path)  # fails if `path` exists: no race with another writer
    except FileExistsError:
        raise KnownError(ErrorKind.ALREADY_EXISTS, f"“{path}” already exists; it was left as it was.") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if path.exists() or path.is_symlink():  # a filesystem without hard links (FAT, some shares)
            raise KnownError(ErrorKind.ALREADY_EXISTS, f"“{path}” already exists; it was left as it was.") from None
        os.replace(made, path)
    else:
        made.unlink()
    fsync_dir(path.parent)


def discard(path: Path) -> None:
    """Remove a half-made file; if even that fails, the original error is the one to report."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # a leftover temporary file is harmless, and named as such


def discard_dir(folder: Path) -> None:
    """Remove a folder we made, if it is empty; never what it still holds."""
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty or already gone: leave it rather than delete what we did not make


def odd_side_file(path: Path | str) -> tuple[Path, str] | None:
    """The first side file beside `path` that is not a plain file — a pipe (SQLite opening it waits
    for ever for a writer), a folder, a device, a socket or a link (SQLite would write its journal
    through it, into whatever it points at) — with what it is; None when there is none (three
    `lstat`s). No crash of ours leaves such a thing, and SQLite must not be let near it."""
    base = os.fspath(path)  # (strings, not Paths: it runs before every read and write)
    for suffix in SIDE_SUFFIXES:
        try:
            mode = os.lstat(base + suffix).st_mode
        except OSError:
            continue  # not there (or not even visible: SQLite cannot open it either)
        if stat.S_ISREG(mode):
            continue
        return Path(base + suffix), (
            "a link" if stat.S_ISLNK(mode) else "a folder" if stat.S_ISDIR(mode)
            else "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device")
    return None


def refuse_odd_side_file(path: Path | str, name: str, *, so: str, then: str) -> None:
    """KnownError(CANNOT_WRITE) when a side file beside `path` (shown as `name`) is not a plain file:
    "…, so `so`." and the hint "Move it somewhere else, then `then`"; nothing is touched. `path` is
    the file itself, not a link to it: SQLite keeps its side files beside the file it links to."""
    found = odd_side_file(path)
    if found is not None:
        side, what = found
        raise KnownError(
            ErrorKind.CANNOT_WRITE,
            f"Beside “{name}”, “{side.name}” is {what}, not a file SQLite could have left there, so {so}.",
            f"Move “{side.name}” somewhere else, then {then}",
        )


def refuse_overwriting(target: Path, source: Path, message: str,
                       kind: ErrorKind = ErrorKind.CANNOT_WRITE) -> None:
    """KnownError(`kind`, `message`) when writing `target` would replace the file `source`: the
    same path, a link to it, or another name (hard link) of the very same file."""
    same_path = Path(target).resolve() == Path(source).resolve()
    try:
        a, b = os.stat(target), os.stat(source)
    except OSError:  # one of them is not there (yet): only the same path can be the same file
        same = same_path
    else:  # (a file system with no inode numbers, st_ino 0, would make every file the same)
        same = same_path or (a.st_ino != 0 and (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino))
    if same:
        raise KnownError(kind, message)


def require_folder(path: Path) -> None:
    """KnownError(CANNOT_WRITE) unless the folder `path` is to be made in is there: a command that
    makes a file makes no folders, so that a failure leaves nothing behind."""
    folder = Path(path).parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise KnownError(ErrorKind.CANNOT_WRITE, f"Cannot create “{path}”: the folder “{folder}” {what}.")

