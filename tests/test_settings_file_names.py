"""The recent list and the file to reopen at start keep every file name as it is on disk, even
one that is not valid text (a byte like 0xE9 from a Latin-1 system), and stay readable in
settings.ini for ordinary names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from revmentor_desktop.ui import paths, startup
from revmentor_desktop.ui.new_partnership import NewPartnershipDialog


@pytest.fixture
def first_run_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records a first-run dialog that would have been shown (and cancels it)."""
    shown: list[str] = []

    def exec_(self: Any) -> int:
        shown.append("first run")
        return 0

    monkeypatch.setattr(NewPartnershipDialog, "exec", exec_)
    return shown


def settings_ini() -> Path:
    return paths.config_dir() / "settings.ini"


def next_start(qapp: Any) -> bytes:
    """The file the app picks when started afresh (a new process: no settings cached in memory)."""
    code = (
        "import os, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        f"app.setOrganizationName({qapp.organizationName()!r})\n"
        f"app.setApplicationName({qapp.applicationName()!r})\n"
        "from revmentor_desktop.ui import startup\n"
        "from revmentor_desktop.ui.new_partnership import NewPartnershipDialog\n"
        "NewPartnershipDialog.exec = lambda self: 0  # the first-run dialog: cancelled\n"
        "target = startup.choose_start_file(None)\n"
        "sys.stdout.buffer.write(b'first run' if target is None else os.fsencode(target.path))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, env=dict(os.environ),
                         timeout=60, check=True)
    return out.stdout


def test_a_file_whose_name_is_not_text_is_reopened_at_the_next_start(
        qapp: Any, tmp_path: Path, partnership_file: Path, first_run_dialogs: list[str]) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9.revmentor")  # as Python keeps such a name
    path.write_bytes(partnership_file.read_bytes())
    paths.remember_file(partnership_file)
    paths.remember_file(path)
    fresh = QSettings(str(settings_ini()), QSettings.Format.IniFormat)  # as the next start reads it
    assert "\ufffd" not in str(fresh.value("lastFile"))
    assert "\ufffd".encode() not in settings_ini().read_bytes()
    assert paths.last_file() == path
    assert paths.recent_files() == [path, partnership_file.resolve()]
    assert startup.choose_start_file(None) == startup.StartTarget(path)
    assert first_run_dialogs == []
    assert next_start(qapp) == os.fsencode(path)
    paths.forget_file(path)
    assert paths.last_file() is None and paths.recent_files() == [partnership_file.resolve()]


def test_ordinary_names_stay_readable_in_the_settings_file(qapp: Any, tmp_path: Path) -> None:
    path = tmp_path / "日本語 & co, 100%; =.revmentor"
    paths.remember_file(path)
    fresh = QSettings(str(settings_ini()), QSettings.Format.IniFormat)
    assert fresh.value("lastFile") == str(path.resolve())
    assert paths.last_file() == path.resolve()
    assert paths.recent_files() == [path.resolve()]


def test_settings_written_by_an_older_version_are_read(qapp: Any, tmp_path: Path,
                                                      partnership_file: Path,
                                                      first_run_dialogs: list[str]) -> None:
    s = QSettings(str(settings_ini()), QSettings.Format.IniFormat)
    s.setValue("recentFiles", [str(partnership_file), str(tmp_path / "other.revmentor")])
    s.setValue("lastFile", str(partnership_file))
    s.sync()
    assert paths.recent_files() == [partnership_file, tmp_path / "other.revmentor"]
    assert startup.choose_start_file(None) == startup.StartTarget(partnership_file)
    assert first_run_dialogs == []
