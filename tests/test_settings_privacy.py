"""The app's own files say which partnerships the user keeps and has open: settings.ini and the
lock files are the user's alone (0600), whatever the umask, and whoever wrote them last."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from revmentor_desktop.ui import paths
from revmentor_desktop.ui.file_identity import lock_for
from revmentor_desktop.ui.window import MainWindow


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)




def settings_ini() -> Path:
    return paths.config_dir() / "settings.ini"


def test_settings_are_private_from_the_first_write(qapp: Any, tmp_path: Path,
                                                   permissive_umask: None) -> None:
    paths.remember_file(tmp_path / "ours.revmentor")
    assert mode(settings_ini()) == 0o600
    paths.remember_file(tmp_path / "theirs.revmentor")  # rewritten (a new file, renamed into place)
    assert mode(settings_ini()) == 0o600
    assert paths.last_file() == (tmp_path / "theirs.revmentor").resolve()


def test_settings_left_readable_by_an_older_version_are_made_private(
        qapp: Any, tmp_path: Path) -> None:
    ini = settings_ini()
    ini.write_text(f"[General]\nlastFile={tmp_path / 'ours.revmentor'}\n")
    ini.chmod(0o644)
    assert paths.last_file() == tmp_path / "ours.revmentor"  # what was there is kept…
    assert mode(ini) == 0o600  # …and no longer readable by others


def test_the_window_keeps_settings_and_its_lock_private(qtbot: Any, partnership_file: Path,
                                                       fake_dialogs: Any,
                                                       permissive_umask: None) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(partnership_file), fake_dialogs.errors
    lock_file = Path(lock_for(partnership_file).fileName())
    assert lock_file.exists() and mode(lock_file) == 0o600
    assert {mode(p) for p in paths.lock_dir().iterdir()} == {0o600}
    assert mode(settings_ini()) == 0o600
    win.close()  # saves the window's geometry
    assert mode(settings_ini()) == 0o600
    assert list(paths.lock_dir().iterdir()) == []
