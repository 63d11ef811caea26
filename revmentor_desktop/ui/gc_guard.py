"""Python's cyclic garbage collector runs on the GUI thread only.

CPython runs its collector in whichever thread happens to allocate when a generation's threshold
is crossed. The PDF export allocates a great deal on its worker thread, so the collector would
often run there, and free there any QObject that was caught in a reference cycle — a widget of a
closed window, say. Qt forbids deleting a QObject outside its own thread; since PySide also keeps
the GIL during C++ calls, the outcome can be a crash or a deadlock rather than an error. (One
test run hung with the export worker half-way and the GUI thread blocked, which fits this.)

After calibre's GarbageCollector: automatic collection is switched off, and a timer on the GUI
thread collects each generation whenever it has passed the threshold it would have run at, so
memory is reclaimed as before, only always in the right thread.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: How often the GUI thread looks at the collector's counts (a look costs microseconds).
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.destroyed.connect(gc.enable)

    def check(self) -> None:
        """Collect the generations that have passed their thresholds, youngest first."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def settle() -> None:
    """Start-up is over: move what it made (modules, classes, the window) out of the collector's
    reach, so each full collection walks only what editing makes since. A full walk of everything
    took 150-230 ms on a 10,000-session file — a stall the user would feel in the middle of typing.
    Called again when another file is opened: what the previous file left behind is collected then."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def install() -> GuiThreadCollector | None:
    """Hand collection to the GUI thread for as long as the application lives (once per process)."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return None
    # Remembered here rather than found with app.findChild(GuiThreadCollector): the first findChild
    # with a Python type costs ~15 ms of shiboken signature parsing, before the first paint.
    if _installed is not None and shiboken6.isValid(_installed) and _installed.parent() is app:
        return _installed
    _installed = GuiThreadCollector(app)
    return _installed


_installed: GuiThreadCollector | None = None
