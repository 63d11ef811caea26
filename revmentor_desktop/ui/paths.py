"""Where the app keeps its own things (settings, log, locks, the default partnership file)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from revmentor_desktop import FILE_SUFFIX
from revmentor_desktop.data.files import ensure_private_dir, folder_for
from revmentor_desktop.errors import ErrorKind, KnownError


def _private_dir(path: Path) -> Path:
    """`path`, made (0700) if missing; KnownError when something else is in its way (a file, a
    link to a folder that is gone) or it cannot be made."""
    try:
        ensure_private_dir(path)
    except OSError as exc:
        raise KnownError(ErrorKind.CANNOT_WRITE,
                         QCoreApplication.translate("Paths", "RevMentor cannot use its folder “{path}”: {why}.")
                         .format(path=path, why=exc.strerror or exc),
                         QCoreApplication.translate(
                             "Paths", "Remove what is in the way, or make the folder, and start again.")) from exc
    return path


def data_dir() -> Path:
    """The app-data folder (created 0700 on first use)."""
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return _private_dir(Path(loc))


def config_dir() -> Path:
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return _private_dir(Path(loc))


def default_file() -> Path:
    return data_dir() / f"partnership{FILE_SUFFIX}"


def log_file() -> Path:
    return data_dir() / "revmentor.log"


def lock_dir() -> Path:
    return _private_dir(data_dir() / "locks")


def settings() -> QSettings:
    """The app's settings, as an INI file in the config folder (looked up afresh each time).

    The file names the user's partnership files, so it is private (0600). It is made so before
    QSettings first writes it: QSettings saves by renaming a new file into place, and that new
    file takes the mode of the one it replaces (not the umask's).
    """
    ini = config_dir() / "settings.ini"
    _make_private_file(ini)
    return QSettings(str(ini), QSettings.Format.IniFormat)


def _make_private_file(path: Path) -> None:
    """Create `path` empty and 0600 when it is missing; take others' access from one made before."""
    try:
        os.close(os.open(path, os.O_RDONLY | os.O_CREAT, 0o600))
        if stat.S_IMODE(os.stat(path).st_mode) & 0o077:
            os.chmod(path, 0o600)
    except OSError as exc:
        # QSettings then reads and writes what it can (an unwritable file keeps settings for this
        # session only); the app works on without them, but say so.
        print(f"revmentor: could not make the settings file {path} private: {exc}", file=sys.stderr)


RECENT_MAX = 8


#: marks a path kept as its bytes (see `_to_setting`); no absolute path starts with it
_BYTES_MARK = "bytes:"


def _to_setting(path: Path) -> str:
    """A path as settings.ini keeps it: as it reads, unless its name is not valid text (a byte
    such as 0xE9 from a Latin-1 system, which Python keeps as a lone surrogate and QSettings
    would write as U+FFFD, losing the file). Such a path is kept as its bytes, percent-encoded
    after a marker, so it comes back exactly and stays mostly readable."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _BYTES_MARK + quote(os.fsencode(path), safe="/")
    if text.startswith(_BYTES_MARK):  # never for an absolute path; kept unambiguous all the same
        return _BYTES_MARK + quote(os.fsencode(path), safe="/")
    return text


def _from_setting(value: object) -> Path | None:
    """A path read from settings.ini (also as older versions wrote it: plain text)."""
    if not isinstance(value, str) or not value:
        return None
    if value.startswith(_BYTES_MARK):
        return Path(os.fsdecode(unquote_to_bytes(value[len(_BYTES_MARK):])))
    return Path(value)


def recent_files() -> list[Path]:
    value = settings().value("recentFiles", [])
    values: list[object] = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [p for p in map(_from_setting, values) if p is not None]


def remember_file(path: Path) -> None:
    """Put `path` first in the recent list and make it the file to open next time."""
    path = Path(path).resolve()
    items = [p for p in recent_files() if p != path]
    items.insert(0, path)
    s = settings()
    s.setValue("recentFiles", [_to_setting(p) for p in items[:RECENT_MAX]])
    s.setValue("lastFile", _to_setting(path))
    s.sync()


def forget_file(path: Path) -> None:
    path = Path(path).resolve()
    s = settings()
    s.setValue("recentFiles", [_to_setting(p) for p in recent_files() if p != path])
    if _from_setting(s.value("lastFile")) == path:
        s.remove("lastFile")
    s.sync()


def last_file() -> Path | None:
    return _from_setting(settings().value("lastFile"))


def backups_root() -> Path:
    """Where every partnership's backups live: a folder per file under the app-data folder."""
    return data_dir() / "backups"


def backup_folder_for(partnership: Path) -> Path:
    """The backups folder of one partnership file (named by the file, through links too). Here
    rather than in ui.backups, which opening a file would otherwise import with its dialog."""
    return folder_for(backups_root(), partnership)
