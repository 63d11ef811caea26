"""Garbage collection happens on the GUI thread, never on a worker (the PDF export's)."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from revmentor_desktop.ui import gc_guard
from revmentor_desktop.ui.window import MainWindow


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector can free it


def test_a_worker_thread_never_runs_the_collector_the_gui_thread_does(qtbot: Any) -> None:
    win = MainWindow()  # the window hands collection to the GUI thread
    qtbot.addWidget(win)
    collector = gc_guard.install()
    assert collector is not None and not gc.isenabled()
    gc.collect()
    seen: list[str] = []

    def note(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        ref = weakref.ref(Node())

        def allocate() -> None:  # far past every threshold: CPython would collect here
            junk = [Node() for _ in range(50 * sum(gc.get_threshold()))]
            del junk

        worker = threading.Thread(target=allocate, name="export-worker")
        worker.start()
        worker.join()
        assert "export-worker" not in seen
        assert ref() is not None  # nothing collected the cycle yet...
        qtbot.waitUntil(lambda: ref() is None, timeout=5000)  # ...until the GUI thread's timer ran
        assert seen and set(seen) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)


def test_installing_twice_keeps_one_collector(qtbot: Any) -> None:
    first = gc_guard.install()
    assert first is not None and gc_guard.install() is first


def test_settling_keeps_start_up_objects_out_of_later_full_collections(qapp: object) -> None:
    import gc

    from revmentor_desktop.ui import gc_guard

    try:
        gc_guard.settle()
        assert gc.get_freeze_count() > 0
        before = gc.get_freeze_count()
        gc_guard.settle()  # a second file: the first is thawed, collected, and frozen anew
        assert gc.get_freeze_count() <= before + 1000
    finally:
        gc.unfreeze()
