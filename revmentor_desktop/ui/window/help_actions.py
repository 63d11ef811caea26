"""What the Help menu does: the guide (non-modal, beside the window), the shortcuts list, About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from revmentor_desktop.ui.window.guide import GuideDialog
    from revmentor_desktop.ui.window.main_window import MainWindow


class HelpActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._guide: GuideDialog | None = None  # while it is open

    def about(self) -> None:
        from revmentor_desktop.ui.window.help import AboutDialog

        doc = self._window.doc
        AboutDialog(self._window, doc.store.shown_path if doc is not None else None).exec()

    def show_shortcuts(self) -> None:
        from revmentor_desktop.ui.window.help import ShortcutsDialog

        ShortcutsDialog(self._window).exec()

    def show_guide(self) -> None:
        from revmentor_desktop.ui.window.guide import GuideDialog

        if self._guide is None:
            names: tuple[str | None, str | None] = (None, None)
            doc = self._window.doc
            if doc is not None:
                from revmentor_desktop.data import reads

                p = reads.get_partnership(doc.store)
                names = (p.mentor_name, p.mentee_name)
            self._guide = GuideDialog(self._window, self.open_tab, *names, run_action=self.run_action)
            self._guide.finished.connect(self._forget_guide)
        self._guide.show()
        self._guide.raise_()

    @property
    def guide(self) -> GuideDialog | None:
        return self._guide

    def _forget_guide(self) -> None:
        if self._guide is not None:
            self._guide.deleteLater()
        self._guide = None

    def run_action(self, name: str) -> bool:
        """A guide step's second link: start what it names (only "share": Share with Partner…)."""
        act = {"share": self._window.share_action}.get(name)
        if act is None:
            return False
        if not act.isEnabled():
            self._window.statusBar().showMessage(
                self.tr("Open a partnership first: there is nothing to share yet."), 8000)
            return False
        act.trigger()
        return True

    def open_tab(self, title: str) -> bool:
        """A guide step's link: show the tab where the app does that step."""
        window = self._window
        if window.tabs is None:
            window.statusBar().showMessage(
                self.tr("Open or create a partnership first: File › Open or New."), 6000)
            return False
        window.activateWindow()
        return window.tabs.show_titled(title)
