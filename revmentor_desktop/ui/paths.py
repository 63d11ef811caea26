"""Where the app keeps its own things (settings, log, locks, the default partnership file)."""

from __future__ import annotations

import os
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
    """The app's settings, as an INI file in the config folder (looked up afresh each time)."""
    return QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)


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
