"""The tabs of one open partnership: the Overview at once, the others as stand-ins built one per
event-loop turn after the data has painted (or at once when asked for), each held to `ui.tab.Tab`.
Which tabs there are, and their titles, is `tab_specs`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from revmentor_desktop.ui.after_paint import after_next_paint
from revmentor_desktop.ui.tab import Tab
from revmentor_desktop.ui.window.tab_specs import (
    GOALS,
    JOURNAL,
    OVERVIEW,
    TABS,
    TabSpec,
    W,
    plain_title,
)

if TYPE_CHECKING:
    from revmentor_desktop.ui.document import Document


class TabHost(QTabWidget):
    """The tab widget for one open document; the window makes a new one for every file it opens,
    builds its first tab (the Overview) at once and the others with `build_in_turns`."""

    notice = Signal(str, int)  # a line for the status bar, and for how long (ms)
    all_built = Signal()  # the last stand-in has been replaced by its tab

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self._doc = doc
        self._widgets: dict[int, QWidget] = {}
        self._tabs: dict[int, Tab] = {}
        self._retired = False
        self._may_go_on: Callable[[], bool] = lambda: True
        for spec in TABS:
            self.addTab(QWidget(self), spec.shown_title())  # a stand-in until `build`
        self.currentChanged.connect(self._ensure_built)

    def titles(self) -> list[str]:
        """The tabs' titles as shown (translated), without their mnemonics, in order."""
        return [plain_title(spec.shown_title()) for spec in TABS]

    def show_titled(self, name: str) -> bool:
        """Bring forward the tab called `name`, in English (the Overview's getting-started list and
        the guide name tabs so) or as `titles` gives it: how they take the user to where each step
        is done."""
        wanted = name.casefold()
        english = [plain_title(spec.title) for spec in TABS]
        for i, (key, title) in enumerate(zip(english, self.titles(), strict=True)):
            if wanted in (key.casefold(), title.casefold()):
                self.setCurrentIndex(i)
                return True
        return False

    # -- building ------------------------------------------------------------------------------------

    def build(self, index: int) -> QWidget:
        """The real tab at `index`, built in place of its stand-in if need be."""
        if index in self._widgets:
            return self._widgets[index]
        spec = TABS[index]
        widget = spec.load()(self._doc, self)
        if not isinstance(widget, Tab):
            raise TypeError(f"{type(widget).__name__} does not implement the Tab protocol (ui/tab.py)")
        self._widgets[index] = widget
        self._tabs[index] = widget
        current = self.currentIndex()
        stand_in = self.widget(index)
        with QSignalBlocker(self):
            self.removeTab(index)
            self.insertTab(index, widget, spec.shown_title())
            self.setCurrentIndex(current)
        if stand_in is not None:
            stand_in.deleteLater()
        if spec is OVERVIEW:  # its getting-started list points to the other tabs
            self.tab(OVERVIEW).go_to.connect(self.show_titled)
        if spec is GOALS:  # Goals › Discussed in opens a session in the Journal
            self.tab(GOALS).open_entry.connect(self._open_entry)
        return widget

    def build_in_turns(self, may_go_on: Callable[[], bool]) -> None:
        """Once this has painted, build one stand-in's tab per event-loop turn (the window stays
        responsive), asking `may_go_on` before each; then say `all_built`."""
        self._may_go_on = may_go_on
        after_next_paint(self, self._build_next)

    def build_all(self) -> None:
        for i in range(len(TABS)):
            self.build(i)

    def _build_next(self) -> None:
        if self._retired or not self._may_go_on():
            return
        for i in range(len(TABS)):
            if i not in self._widgets:
                self.build(i)
                QTimer.singleShot(0, self, self._build_next)
                return
        self.all_built.emit()

    def _ensure_built(self, index: int) -> None:
        if 0 <= index < len(TABS):
            self.build(index)

    def retire(self) -> None:
        """This document is closing: build nothing more, and go."""
        self._retired = True
        self.deleteLater()

    # -- the tabs, typed -----------------------------------------------------------------------------

    def tab(self, spec: TabSpec[W]) -> W:
        """The tab `spec` describes (built if need be)."""
        return cast(W, self.build(TABS.index(spec)))  # `build` made it with `spec.load()`

    def current(self) -> Tab:
        """The tab shown (built if need be)."""
        self.build(self.currentIndex())
        return self._tabs[self.currentIndex()]

    def built(self) -> list[Tab]:
        return [self._tabs[i] for i in sorted(self._tabs)]

    def flush(self) -> None:
        """Save any typing still waiting for its debounce, in every tab."""
        for tab in self.built():
            tab.flush()

    def has_unsaved(self) -> bool:
        """Typing in some tab that is not in the file (after a flush: it was refused or failed)."""
        return any(tab.has_unsaved() for tab in self.built())

    # -- between tabs --------------------------------------------------------------------------------

    def _open_entry(self, entry_id: int) -> None:
        """A session the user asked for from Goals › Discussed in: show it in the Journal."""
        journal = self.tab(JOURNAL)
        self.setCurrentWidget(journal)
        if not journal.select_entry(entry_id):
            self.notice.emit(self.tr("That session is hidden or was deleted."), 5000)
