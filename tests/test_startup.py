"""Start-up order and the exception hook: paint first, load later; our bugs are logged and shown."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop.ui import crash, paths


def test_window_constructs_before_heavy_imports(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from revmentor_desktop.ui.window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "print(sorted(m for m in ('sqlmodel', 'sqlalchemy', 'matplotlib', 'pydantic') if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=60, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_file_is_on_screen_before_the_orm_or_matplotlib_loads(tmp_path: Path, partnership_file: Path) -> None:
    """Opening paints the Overview from plain sqlite3 reads; SQLModel/SQLAlchemy (a third of a second
    to import) load with the first edit (reading never loads them: test_no_orm_for_reading.py), and
    matplotlib only with the Skills chart."""
    heavy = "sorted(m for m in ('sqlmodel', 'sqlalchemy', 'pydantic', 'matplotlib') if m in sys.modules)"
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from revmentor_desktop.ui.window import MainWindow\n"
        f"w = MainWindow(); w.show(); assert w.open_file({str(partnership_file)!r}); w.repaint()\n"
        "tab = w.tabs.currentWidget()\n"
        "print(type(tab).__name__, tab.mentor.text(), tab.clause_model.rowCount() > 0, sep='|')\n"
        f"print({heavy})\n"
        # an edit made at once (before any other tab is built) loads what saving needs, and saves
        "from PySide6.QtTest import QTest\n"
        "tab.organisation.setFocus(); QTest.keyClicks(tab.organisation, 'Acme'); tab.flush()\n"
        "from revmentor_desktop.data import reads\n"
        "print(reads.get_partnership(w.doc.store).organisation)\n"
        "w.build_all_tabs(); app.processEvents()\n"
        f"print({heavy})\n"
        "w.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=60, check=True)
    shown, at_open, saved, later = out.stdout.strip().splitlines()[-4:]
    assert shown == "OverviewTab|Dana Lee|True"
    assert at_open == "[]"
    assert saved.endswith("Acme")
    assert later == "['pydantic', 'sqlalchemy', 'sqlmodel']"


def test_a_bug_is_logged_and_shown_with_copy_details(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        copy = next(b for b in box.buttons() if b.text() == "Copy Details")
        copy.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    try:
        raise ValueError("boom <b>not markup</b>")
    except ValueError as exc:
        crash.handle(type(exc), exc, exc.__traceback__)
    assert shown and "Copy Details" in [b.text() for b in shown[0].buttons()]
    log = paths.log_file().read_text(encoding="utf-8")
    assert "ValueError: boom <b>not markup</b>" in log
    assert (paths.log_file().stat().st_mode & 0o777) == 0o600
    assert "ValueError" in QApplication.clipboard().text()


def test_a_known_error_is_a_plain_message_not_a_crash(qtbot: Any, fake_dialogs: Any) -> None:
    from revmentor_desktop.errors import ErrorKind, KnownError

    exc = KnownError(ErrorKind.DISK_FULL, "The disk is full.", "Free some space.")
    crash.handle(KnownError, exc, None)
    assert fake_dialogs.errors and fake_dialogs.errors[0][1] is exc
    assert not paths.log_file().exists()


def test_modules_imported_after_pyside_do_not_stay_in_linecache(tmp_path: Path) -> None:
    """shiboken reads every module imported after PySide6 for the word "PySide6"; without our
    check, each file's whole source stayed in linecache (30+ MiB once the ORM and matplotlib load)."""
    code = (
        "import linecache, sys\n"
        "import revmentor_desktop.ui.window\n"
        "import sqlmodel, matplotlib.figure\n"
        "print(sum(1 for f in linecache.cache if any(p in f for p in ("
        "'/sqlalchemy/', '/sqlmodel/', '/pydantic/', '/matplotlib/'))))\n"
        "print(sys.modules['shibokensupport.feature'].pyside_feature_dict.get("
        "'revmentor_desktop.ui.window.main_window'), "
        "sys.modules['shibokensupport.feature'].pyside_feature_dict.get('sqlmodel.main'))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=60, check=True)
    cached, flags = out.stdout.strip().splitlines()[-2:]
    assert cached == "0"
    assert flags == "0 -1"  # the same answers shiboken gives: uses PySide6 / does not


def test_the_source_scan_answers_as_shiboken_does() -> None:
    import json

    from revmentor_desktop.ui import source_scan, widgets

    assert source_scan.uses_pyside(widgets)
    assert not source_scan.uses_pyside(json)
    assert not source_scan.uses_pyside(sys)  # built in: no source
