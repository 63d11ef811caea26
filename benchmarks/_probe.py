"""The part of the benchmark that runs in a fresh process: start-up, first chart and peak memory.

`bench.py` starts this script once per measurement, as
`python benchmarks/_probe.py MODE [FILE]`, and reads one JSON line from its stdout:

- `bare`: QApplication + an empty QMainWindow (the app's size) shown; reports the end of
  its first paint. The reference every start-up figure is divided by.
- `app FILE`: the real start-up path, `revmentor FILE` (`cli.main`), untouched except for two
  observers: one on `MainWindow.show` (to start watching paints) and one around
  `MainWindow.open_file` (to know when it has returned). Reports the end of the first paint of the
  main window, and the end of the first paint after `open_file` returned in which the current tab
  (Overview) was drawn: the data is on screen.
- `session FILE`: opens FILE in a MainWindow, visits every tab (timing the first open of a tab
  with a matplotlib canvas until that canvas has been drawn), searches the journal, and reports
  the process's peak resident memory.

Times are absolute `time.monotonic_ns()` readings (one system-wide clock on Linux, macOS and
Windows), so the parent subtracts the reading it took just before starting the process: interpreter
start-up and every import count, the same way for the bare window and the app.

"End of a paint" means the end of the paint *pass*: `PaintWatcher` delivers the window's Expose and
UpdateRequest events itself, so its clock is read after every widget in the pass has painted and
the backing store has been flushed — not when the first paint event merely starts.

At the top this script imports only `os`, `sys`, `time` and `typing`, which PySide6 imports anyway;
everything else is imported inside the mode that needs it, so it adds nothing to what it measures.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QMainWindow, QWidget

#: The size MainWindow gives itself on a first run; the bare window gets the same, for fairness.
WINDOW_SIZE = (1300, 850)
TIMEOUT_S = 90.0
SEARCH_WORDS = ("board pres", "linkedin", "prompt")
HEAVY_MODULES = ("sqlalchemy", "sqlmodel", "matplotlib")


def now_ns() -> int:
    return time.monotonic_ns()


def emit(result: dict[str, Any]) -> None:
    """Print the result as one JSON line and leave at once (teardown is not part of any figure)."""
    import json

    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def fail(message: str) -> None:
    emit({"error": message})


def heavy_loaded() -> list[str]:
    return [m for m in HEAVY_MODULES if m in sys.modules]


# -- watching paints -------------------------------------------------------------------------------


def make_watcher(window: QMainWindow) -> Any:
    """A PaintWatcher for `window` (the class is built here so PySide6 is imported only when used)."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication, QWidget

    pass_events = {QEvent.Type.Expose, QEvent.Type.UpdateRequest, QEvent.Type.Paint}
    paint = QEvent.Type.Paint

    class PaintWatcher(QObject):
        """Times the paint passes of one top-level window.

        A pass is one Expose or UpdateRequest (or QWindow Paint) event of the window, inside which
        Qt paints every dirty widget and flushes the backing store. The watcher delivers that event
        itself so it can read the clock when the pass is over, and collects the widgets painted in
        it. `on_pass(end_ns, painted)` is called after each pass that painted something, while
        attached; `wait_for` attaches for as long as it waits.
        """

        def __init__(self, window: QMainWindow) -> None:
            super().__init__()
            self.window = window
            self.on_pass: Callable[[int, list[QWidget]], None] | None = None
            self._depth = 0
            self._painted: list[QWidget] = []
            self._attached = False

        def attach(self) -> None:
            """Start watching (an application-wide event filter: only while it is needed)."""
            app = QApplication.instance()
            if app is not None and not self._attached:
                app.installEventFilter(self)
                self._attached = True

        def detach(self) -> None:
            app = QApplication.instance()
            if app is not None and self._attached:
                app.removeEventFilter(self)
                self._attached = False

        def _is_window(self, obj: QObject) -> bool:
            if obj is self.window:
                return True
            handle = self.window.windowHandle()
            return handle is not None and isinstance(obj, QWindow) and obj is handle

        def eventFilter(self, obj: QObject, event: Any) -> bool:
            kind = event.type()
            if kind not in pass_events:
                return False
            if self._depth:
                if kind == paint and isinstance(obj, QWidget):
                    self._painted.append(obj)
                return False
            if not self._is_window(obj):
                return False
            self._depth += 1
            try:
                obj.event(event)  # the whole pass happens in here
            finally:
                self._depth -= 1
            end = now_ns()
            painted, self._painted = self._painted, []
            if painted and self.on_pass is not None:
                self.on_pass(end, painted)
            return True  # delivered above; Qt must not deliver it again

        def wait_for(self, done: Callable[[list[QWidget]], bool], timeout_s: float = TIMEOUT_S) -> int:
            """Run the event loop until a pass ends after which `done(painted)` holds; its end time."""
            loop = QEventLoop()
            found: list[int] = []

            def on_pass(end: int, painted: list[QWidget]) -> None:
                if not found and done(painted):
                    found.append(end)
                    loop.quit()

            self.on_pass = on_pass
            was_attached = self._attached
            self.attach()
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            timer.start(int(timeout_s * 1000))
            try:
                loop.exec()
            finally:
                timer.stop()
                self.on_pass = None
                if not was_attached:
                    self.detach()
            if not found:
                raise TimeoutError(f"nothing was painted that satisfied the wait in {timeout_s:.0f} s")
            return found[0]

    return PaintWatcher(window)


def shows_tab_content(window: Any, painted: list[QWidget]) -> bool:
    """True when the painted widgets include the current tab (or a widget inside it)."""
    tabs = getattr(window, "tabs", None)
    if tabs is None or window.stack.currentWidget() is not tabs:
        return False
    current = tabs.currentWidget()
    return current is not None and any(w is current or current.isAncestorOf(w) for w in painted)


def chart_drawn(tab: QWidget, painted: list[QWidget]) -> bool:
    """True when a matplotlib canvas inside `tab` was painted with its figure fully drawn."""
    for w in painted:
        if type(w).__name__.startswith("FigureCanvas") and tab.isAncestorOf(w):
            figure = getattr(w, "figure", None)
            if figure is not None and not figure.stale:
                return True
    return False


# -- the tabs, found by what they are (others are still adding tabs) -------------------------------


def tab_name(window: Any, index: int) -> str:
    """The tab's title as shown: "&&" is an ampersand, a lone "&" marks the mnemonic."""
    return str(window.tabs.tabText(index)).replace("&&", "\0").replace("&", "").replace("\0", "&")


def find_tab(window: Any, *, has: str = "", name: str = "") -> tuple[int, Any] | None:
    """The first tab with attribute `has`, or whose label (without '&') is `name`."""
    tabs = getattr(window, "tabs", None)
    if tabs is None:
        return None
    for i in range(tabs.count()):
        tab = tabs.widget(i)
        if (has and hasattr(tab, has)) or (name and tab_name(window, i) == name):
            return i, tab
    return None


def find_skills_tab(window: Any) -> tuple[int, Any] | None:
    tabs = getattr(window, "tabs", None)
    if tabs is None:
        return None
    for i in range(tabs.count()):
        tab = tabs.widget(i)
        if type(tab).__name__ == "SkillsTab" or tab_name(window, i) == "Skills":
            return i, tab
    return None


def find_journal_tab(window: Any) -> tuple[int, Any] | None:
    found = find_tab(window, has="run_search")
    return found if found is not None and hasattr(found[1], "search") else None


def open_window(path: str) -> tuple[Any, Any, Any]:
    """QApplication (named as app.run names it) and a shown MainWindow with `path` open and painted."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from revmentor_desktop import APP_NAME, ORG_NAME

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])

    from pathlib import Path

    from revmentor_desktop.ui.window import MainWindow

    window = MainWindow()
    watcher = make_watcher(window)
    window.show()
    if not window.open_file(Path(path)):
        raise RuntimeError(f"MainWindow could not open {path}")
    watcher.wait_for(lambda painted: shows_tab_content(window, painted))
    settle(window)
    return app, window, watcher


def settle(window: Any, quiet_s: float = 0.3, limit_s: float = 10.0) -> None:
    """Let work the window defers (e.g. tabs built after the first paint) finish: run the event
    loop until the set of tab widgets (which ones, not just how many: a tab built later may take
    the place of a stand-in) has not changed for `quiet_s`."""
    from PySide6.QtCore import QEventLoop, QTimer

    def count() -> tuple[int, ...]:
        tabs = window.tabs
        return () if tabs is None else tuple(id(tabs.widget(i)) for i in range(tabs.count()))

    loop = QEventLoop()
    deadline = time.monotonic() + limit_s
    last, stable_since = count(), time.monotonic()
    while time.monotonic() < deadline:
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        if count() != last:
            last, stable_since = count(), time.monotonic()
        elif time.monotonic() - stable_since >= quiet_s:
            return


def peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS, KiB elsewhere
    # Decimal megabytes (10^6 bytes), the unit the budget is written in: 200 MB = 190.7 MiB.
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6


# -- the modes -------------------------------------------------------------------------------------


def run_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    watcher = make_watcher(window)
    watcher.on_pass = lambda end, _painted: emit({"first_paint_ns": end})
    watcher.attach()
    window.show()
    _watchdog()
    app.exec()
    fail("the bare window was never painted")


def run_app(path: str) -> None:
    """`revmentor FILE` as the user runs it, with observers on show and open_file."""
    from revmentor_desktop.ui.window import main_window

    cls = main_window.MainWindow
    state: dict[str, Any] = {"open_done": False}
    real_show, real_open = cls.show, cls.open_file

    def on_pass(end: int, painted: list[QWidget]) -> None:
        window = state["window"]
        if "first_paint_ns" not in state:
            state["first_paint_ns"] = end
            state["heavy_at_first_paint"] = heavy_loaded()
        if state["open_done"] and shows_tab_content(window, painted):
            emit({"first_paint_ns": state["first_paint_ns"], "data_ns": end,
                  "open_start_ns": state.get("open_start_ns"), "open_end_ns": state.get("open_end_ns"),
                  "heavy_at_first_paint": state["heavy_at_first_paint"],
                  "heavy_at_data": heavy_loaded()})

    def show(self: Any) -> None:
        if "window" not in state:
            state["window"] = self
            state["watcher"] = make_watcher(self)
            state["watcher"].on_pass = on_pass
            state["watcher"].attach()
            _watchdog()
        real_show(self)

    def open_file(self: Any, *args: Any, **kwargs: Any) -> bool:
        state["open_start_ns"] = now_ns()
        try:
            return bool(real_open(self, *args, **kwargs))
        finally:
            state["open_end_ns"] = now_ns()
            state["open_done"] = True

    cls.show = show  # type: ignore[method-assign]
    cls.open_file = open_file  # type: ignore[method-assign]

    from revmentor_desktop.cli import main

    code = main([path])
    fail(f"the app exited ({code}) before its data was on screen")


def run_session(path: str) -> None:
    """Open FILE, visit every tab (timing a chart tab's first open), search; report peak memory."""
    from PySide6.QtWidgets import QApplication

    _, window, watcher = open_window(path)
    result: dict[str, Any] = {"tabs": [tab_name(window, i) for i in range(window.tabs.count())]}
    skills = find_skills_tab(window)
    for i in range(window.tabs.count()):
        if skills is not None and i == skills[0]:
            tab = skills[1]
            result["matplotlib_before_chart"] = "matplotlib" in sys.modules
            start = now_ns()
            window.show_tab(i)
            tab = window.tabs.widget(i)  # the tab itself, should it have been built just now
            end = watcher.wait_for(lambda painted, t=tab: chart_drawn(t, painted))
            result["chart_first_open_s"] = (end - start) / 1e9
        else:
            window.show_tab(i)
            QApplication.processEvents()
            window.repaint()
    journal = find_journal_tab(window)
    if journal is not None:
        window.show_tab(journal[0])
        QApplication.processEvents()
        for text in SEARCH_WORDS:
            for n in range(1, len(text) + 1):
                journal[1].search.setText(text[:n])
                journal[1].run_search()
                QApplication.processEvents()
            journal[1].search.clear()
            journal[1].run_search()
    result["peak_rss_mb"] = peak_rss_mb()
    emit(result)


def _watchdog() -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(int(TIMEOUT_S * 1000), lambda: fail(f"timed out after {TIMEOUT_S:.0f} s"))


def main(argv: list[str]) -> None:
    mode = argv[0] if argv else ""
    try:
        if mode == "bare":
            run_bare()
        elif mode == "app" and len(argv) == 2:
            run_app(argv[1])
        elif mode == "session" and len(argv) == 2:
            run_session(argv[1])
        else:
            fail(f"usage: _probe.py bare | app FILE | session FILE (got {argv})")
    except Exception as exc:  # noqa: BLE001 (not swallowed: the parent shows it, the traceback goes to stderr)
        import traceback

        traceback.print_exc()
        fail(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main(sys.argv[1:])
