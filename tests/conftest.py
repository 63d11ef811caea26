"""Test set-up: Qt offscreen, and every test gets its own app-data/config folders and files."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

# Before Qt loads: no display needed, and nothing of the developer's own settings is touched.
_session_home = Path(tempfile.mkdtemp(prefix="revmentor-tests-"))
# A desktop-sized screen (the platform's own is 800×800): the window fits itself to its screen, and
# layout tests expect the first window's full size. Tests of small screens start their own process.
SCREEN_CONFIG = _session_home / "offscreen-screen.json"
SCREEN_CONFIG.write_text('{"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1200, '
                         '"logicalDpi": 96, "dpr": 1}]}')
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = str(_session_home / var.lower())
os.environ.setdefault("XDG_RUNTIME_DIR", str(_session_home / "runtime"))
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)


# Widget sizes follow the font. The offscreen platform is always 96 DPI (it ignores QT_FONT_DPI), so
# pinning the point size leaves only the family to vary with the machine's fonts; layout tests assert
# relations that hold for any family.
TEST_FONT_POINT_SIZE = 10


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """pytest-qt's QApplication, with the application font pinned to TEST_FONT_POINT_SIZE."""
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    class PinnedFontApplication(QApplication):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            font = QFont(self.font())
            font.setPointSize(TEST_FONT_POINT_SIZE)
            self.setFont(font)
            # Dates read "12 Jan 2026" whatever the machine's own language is.
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))

    return PinnedFontApplication


@pytest.fixture(autouse=True)
def _isolated_app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test sees fresh, empty app-data and config folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


class FakeDialogs:
    """Stands in for ui.dialogs.service: records what would be shown, answers from a script."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, Any]] = []
        self.open_answers: list[Path | None] = []
        self.save_answers: list[Path | None] = []
        self.choose_answers: list[int | None] = []
        self.informed: list[tuple[str, str, list[str]]] = []

    def error(self, parent: Any, title: str, error: Any) -> None:
        self.errors.append((title, error))

    def open_path(self, parent: Any, start: Path | None = None, file_filter: str = "",
                  title: str = "") -> Path | None:
        return self.open_answers.pop(0) if self.open_answers else None

    def save_path(self, parent: Any, title: str, suggested: Path, file_filter: str = "") -> Path | None:
        return self.save_answers.pop(0) if self.save_answers else None

    def choose(self, parent: Any, title: str, text: str, buttons: list[str]) -> int | None:
        return self.choose_answers.pop(0) if self.choose_answers else None

    def inform(self, parent: Any, title: str, text: str, buttons: list[str]) -> int | None:
        self.informed.append((title, text, buttons))
        return None


@pytest.fixture
def fake_dialogs(monkeypatch: pytest.MonkeyPatch) -> FakeDialogs:
    from revmentor_desktop.ui import dialogs

    fake = FakeDialogs()
    monkeypatch.setattr(dialogs, "service", fake)
    return fake


PARTNERSHIP = {
    "mentor_name": "Dana Lee",
    "mentee_name": "Morgan Hale",
    "start_date": date(2026, 1, 5),
    "organisation": "Acme",
}


@pytest.fixture
def partnership_file(tmp_path: Path) -> Path:
    from revmentor_desktop.data.store import Store

    path = tmp_path / "ours.revmentor"
    Store.create(path, dict(PARTNERSHIP), focus_areas=["Technology adoption"],
                 clauses=["What we say stays between us."]).close()
    return path


@pytest.fixture
def window(qtbot: Any, partnership_file: Path, fake_dialogs: FakeDialogs) -> Iterator[Any]:
    """The main window with `partnership_file` open, as a user would see it."""
    from revmentor_desktop.ui.window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(partnership_file)
    win.build_all_tabs()  # the window builds them on later event-loop turns; tests need them now
    yield win
    win.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--long", action="store_true", default=False,
                     help="run the long versions of the crash-safety trials (hundreds of kills)")


@pytest.fixture
def long_run(request: pytest.FixtureRequest) -> bool:
    """True under `pytest --long`: crash trials run many more rounds."""
    return bool(request.config.getoption("--long"))


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """A umask that would let anyone read new files: privacy must not depend on the user's umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)
