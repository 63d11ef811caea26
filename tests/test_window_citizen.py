"""The window as a desktop citizen: it fits its screen, takes a dropped file, hands a second launch
to the window that has the file, and its Help menu lists the shortcuts and the versions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from revmentor_desktop import __version__
from revmentor_desktop.ui.window import MainWindow
from revmentor_desktop.ui.window.drops import dropped_file
from revmentor_desktop.ui.window.help import AboutDialog, ShortcutsDialog, collect_shortcuts


def _mime(*paths: Path | str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) if isinstance(p, Path) else QUrl(p) for p in paths])
    return mime


def test_only_one_local_partnership_file_is_taken(tmp_path: Path) -> None:
    ours = tmp_path / "ours.revmentor"
    assert dropped_file(_mime(ours)) == ours
    assert dropped_file(_mime(tmp_path / "notes.txt")) is None
    assert dropped_file(_mime(ours, tmp_path / "b.revmentor")) is None
    assert dropped_file(_mime("https://example.com/x.revmentor")) is None


def test_dropping_a_file_on_the_window_opens_it(window: MainWindow, qtbot: Any, tmp_path: Path,
                                                partnership_file: Path) -> None:
    other = tmp_path / "other.revmentor"
    shutil.copy(partnership_file, other)
    window.open_file(tmp_path / "ours.revmentor")  # what `window` holds already
    mime = _mime(other)
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: window.doc is not None and window.doc.store.shown_path == other, timeout=5000)


def test_a_dragged_text_file_is_refused(window: MainWindow, tmp_path: Path) -> None:
    mime = _mime(tmp_path / "a.txt")  # kept: the event does not own it
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_shortcuts_are_read_from_the_actions(window: MainWindow, qtbot: Any) -> None:
    found = {(s.where, s.what): s.keys for s in collect_shortcuts(window)}
    assert found[("File", "New Partnership")] == "Ctrl+Shift+N"
    assert found[("Edit", "Undo")] == "Ctrl+Z"
    assert found[("Help", "Keyboard Shortcuts")] == "Ctrl+/"
    # Edit › Undo is named for the step it would undo; the list gives its name, not the step's.
    organisation = window.overview_tab.organisation
    organisation.setFocus()
    qtbot.keyClicks(organisation, "Initech")
    qtbot.keyClick(organisation, Qt.Key.Key_Return)
    assert window.undo_action.text() != "&Undo"
    found = {(s.where, s.what): s.keys for s in collect_shortcuts(window)}
    assert found[("Edit", "Undo")] == "Ctrl+Z"
    assert not any(what.startswith("Undo ") for _where, what in found)
    # A shortcut added later shows up by itself: the list is never stale.
    window.help_menu.addAction("Zap Everything").setShortcut("Ctrl+Alt+Z")
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = [(dialog.model.index(r, 1).data(), dialog.model.index(r, 2).data())
            for r in range(dialog.model.rowCount())]
    assert ("Zap Everything", "Ctrl+Alt+Z") in rows
    # No mnemonic mark is left; an ampersand of a title itself ("Check-ins & Reviews") is text.
    assert all(keys for _what, keys in rows) and all("&" not in what.replace(" & ", " ") for what, _ in rows)
    # Each shortcut once (every SWOT quadrant has its own "Move Up"), and each row whole on screen:
    # no action's name or keys cut short, every row in view unless the screen is too small.
    shown = [(s.where, s.what, s.keys) for s in dialog.model.rows]
    assert len(shown) == len(set(shown))
    assert sum(1 for where, what, _keys in shown if what == "Move Up" and "SWOT" in where) == 1
    view = dialog.view
    dialog.show()
    for column in range(3):
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), column
    screen = dialog.screen().availableGeometry()
    if dialog.height() < screen.height() * 0.85:
        assert not view.verticalScrollBar().isVisible()


def test_about_tells_the_versions_and_copies_them(window: MainWindow, qtbot: Any,
                                                  partnership_file: Path) -> None:
    import PySide6

    dialog = AboutDialog(window, partnership_file)
    qtbot.addWidget(dialog)
    details = dialog.details.toPlainText()
    assert __version__ in details and PySide6.__version__ in details
    assert sys.version.split()[0] in details and str(partnership_file) in details
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details


def _run_window(code: str, tmp_path: Path, screen: dict[str, Any]) -> str:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_DATA_HOME": str(tmp_path / "d")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=60, check=True)
    return out.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("screen", [
    # A 1400×900 screen at scale 2: 700×450 device-independent pixels (the config's unit).
    {"name": "laptop-at-2", "x": 0, "y": 0, "width": 700, "height": 450, "logicalDpi": 96, "dpr": 2},
    {"name": "small", "x": 0, "y": 0, "width": 1024, "height": 600, "logicalDpi": 96, "dpr": 1},
])
def test_the_first_window_and_a_restored_one_fit_the_screen(tmp_path: Path, screen: dict[str, Any]) -> None:
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QByteArray\n"
        "app = QApplication([])\n"
        "from revmentor_desktop.ui import paths\n"
        "from revmentor_desktop.ui.window import MainWindow\n"
        "a = app.primaryScreen().availableGeometry()\n"
        "w = MainWindow(); w.show(); app.processEvents(); first = (w.geometry(), w.frameGeometry())\n"
        "w.resize(3000, 2000); w.move(-500, 4000)\n"  # a geometry saved on a bigger screen
        "paths.settings().setValue('geometry', w.saveGeometry()); w.close()\n"
        "w2 = MainWindow(); w2.show(); app.processEvents(); again = (w2.geometry(), w2.frameGeometry())\n"
        "ok = [a.contains(f) and g.width() <= a.width() * 0.9 + 1 and g.height() <= a.height() * 0.9 + 1\n"
        "      and w2.minimumWidth() <= a.width() for g, f in (first, again)]\n"
        "print(ok)\n"
    )
    assert _run_window(code, tmp_path, screen) == "[True, True]"


def test_a_second_launch_hands_over_quietly(tmp_path: Path, partnership_file: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_DATA_HOME": str(tmp_path / "d")}
    first = subprocess.Popen([sys.executable, "-m", "revmentor_desktop", str(partnership_file)],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        locks = tmp_path / "d"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not list(locks.rglob("*.lock")):
            time.sleep(0.1)
        assert list(locks.rglob("*.lock")), "the first window never took its file"
        # At once: the first window answers only once its file is on screen, a moment after it
        # took the lock; the second launch asks again until it does.
        link = tmp_path / "another name.revmentor"
        os.link(partnership_file, link)  # the same file by another path
        began = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "revmentor_desktop", str(link)], env=env,
                                capture_output=True, text=True, timeout=30)
        took = time.monotonic() - began
        assert second.returncode == 0, second.stderr
        assert second.stderr.strip() == "" and second.stdout.strip() == ""
        assert took < 5  # "within a second" on a desktop; generous for a loaded test machine
        assert first.poll() is None  # the first window still holds the file
    finally:
        first.terminate()
        first.wait(timeout=30)


OWNER = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from revmentor_desktop.ui import file_identity
from revmentor_desktop.ui.window.single_instance import RaiseChannel
QCoreApplication.setOrganizationName(sys.argv[2])
QCoreApplication.setApplicationName(sys.argv[3])  # as the test's own: the same lock folder
app = QCoreApplication([])
path = Path(sys.argv[1])
lock = file_identity.lock_for(path)
assert lock.tryLock(0)
print("locked", flush=True)
time.sleep(0.6)  # opening the file: not answering yet
channel = RaiseChannel()
channel.asked.connect(lambda: print("asked", flush=True))
channel.listen(path)
QTimer.singleShot(5000, app.quit)
app.exec()
"""


def test_a_launch_while_the_first_is_still_opening_waits_for_its_answer(
        qapp: Any, partnership_file: Path) -> None:
    """The window that has the file answers only once its file is on screen, a moment after it took
    the lock; a second launch in that moment asks again rather than showing a window of its own."""
    from revmentor_desktop.app import _handed_to_running_window

    owner = subprocess.Popen([sys.executable, "-c", OWNER, str(partnership_file),
                              qapp.organizationName(), qapp.applicationName()],
                             stdout=subprocess.PIPE, text=True)  # this test's own app folders
    try:
        assert owner.stdout is not None and owner.stdout.readline().strip() == "locked"
        assert _handed_to_running_window(partnership_file)
        assert owner.stdout.readline().strip() == "asked"
    finally:
        owner.terminate()
        owner.communicate(timeout=30)  # and closes its pipe


def test_a_shortcut_pressed_before_the_menus_are_made_works(qtbot: Any, partnership_file: Path,
                                                           fake_dialogs: Any) -> None:
    """The window paints before its menus are made (the event-loop turn after): a key pressed in
    that moment makes them and does what its menu item does."""
    from PySide6.QtTest import QTest

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert "undo_action" not in vars(win)  # not made yet
    fake_dialogs.open_answers.append(partnership_file)
    QTest.keyClick(win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File › Open…
    assert win.doc is not None and win.doc.store.shown_path == partnership_file
    assert win.menuBar().actions()[0].text() == "&File"
    win.close()


def test_the_guide_walks_the_practice_and_opens_each_tab(window: MainWindow, qtbot: Any) -> None:
    from revmentor_desktop.ui.window.guide import STEPS

    window.help.show_guide()
    guide = window.help.guide
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    assert "Dana Lee" in text and "Morgan Hale" in text  # the pair's own names
    for heading, _body, _tab in STEPS:
        assert heading in text
    titles = window.tabs.titles()
    for _heading, _body, tab in STEPS:
        if tab is None:
            continue
        assert tab in titles, f"the guide points to a tab that does not exist: {tab}"
        window.show_tab(0)
        guide._follow(QUrl(f"revmentor:tab/{tab}"))
        assert titles[window.tabs.currentIndex()] == tab
    guide.close()
    qtbot.waitUntil(lambda: window.help.guide is None)


def test_a_name_with_markup_shows_as_typed_in_the_guide(qtbot: Any) -> None:
    from revmentor_desktop.ui.window.guide import GuideDialog

    guide = GuideDialog(None, lambda _t: True, "<b>Ana</b>", "Bo & Co")
    qtbot.addWidget(guide)
    assert "<b>Ana</b>" in guide.browser.toPlainText() and "Bo & Co" in guide.browser.toPlainText()


def test_the_guide_opens_at_a_reading_width_within_the_screen(qtbot: Any) -> None:
    """About 70 characters of prose to a line (it opened at about 45), never wider than the screen."""
    from revmentor_desktop.ui.window.guide import GuideDialog

    guide = GuideDialog(None, lambda _t: True, "Ana", "Bo")
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    prose = "Settle how often you meet and for how long, and write down ground rules."
    sample = prose[:60]  # 60 characters of its own text fit on one line of the browser
    assert guide.browser.viewport().width() >= guide.browser.fontMetrics().horizontalAdvance(sample)
    screen = guide.screen().availableGeometry()
    assert guide.width() <= screen.width() and guide.height() <= screen.height()
