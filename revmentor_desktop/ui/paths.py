"""Where the app keeps its own things (settings, log, locks, the default partnership file)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from revmentor_desktop import FILE_SUFFIX


def _private_dir(path: Path) -> Path:
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        os.chmod(path, 0o700)
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


def recent_files() -> list[Path]:
    value = settings().value("recentFiles", [])
    if isinstance(value, str):
        value = [value]
    return [Path(p) for p in (value or []) if isinstance(p, str) and p]


def remember_file(path: Path) -> None:
    """Put `path` first in the recent list and make it the file to open next time."""
    path = Path(path).resolve()
    items = [p for p in recent_files() if p != path]
    items.insert(0, path)
    s = settings()
    s.setValue("recentFiles", [str(p) for p in items[:RECENT_MAX]])
    s.setValue("lastFile", str(path))
    s.sync()


def forget_file(path: Path) -> None:
    path = Path(path).resolve()
    s = settings()
    s.setValue("recentFiles", [str(p) for p in recent_files() if p != path])
    if s.value("lastFile") == str(path):
        s.remove("lastFile")
    s.sync()


def last_file() -> Path | None:
    value = settings().value("lastFile")
    return Path(value) if isinstance(value, str) and value else None
