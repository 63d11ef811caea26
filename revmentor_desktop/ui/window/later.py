"""The main window's parts that are made once it has painted (see `MainWindow.finish_building`):
`Later`, an attribute made at once if asked for sooner, and `EarlyKeys`, which makes them at once
for a key pressed before then. Both `Later` and `tab_specs.TabOf` are a `WindowAttribute`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Self, TypeVar, overload

from PySide6.QtCore import QEvent, QObject

if TYPE_CHECKING:
    from revmentor_desktop.ui.window.main_window import MainWindow

H = TypeVar("H")
T = TypeVar("T")


class WindowAttribute(Generic[H, T]):
    """A typed attribute of the window (a descriptor): read on the window (`H`), the `T` that
    `value` gives for it; read on the class, the descriptor itself."""

    @overload
    def __get__(self, window: None, owner: type) -> Self: ...

    @overload
    def __get__(self, window: H, owner: type) -> T: ...

    def __get__(self, window: H | None, owner: type) -> Self | T:
        return self if window is None else self.value(window)

    def value(self, window: H) -> T:
        raise NotImplementedError


class Later(WindowAttribute["MainWindow", T]):
    """A part of the window made once it has painted (`MainWindow.finish_building`): reading it
    before then makes the window's parts at once, so it is always there when asked for."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def value(self, window: MainWindow) -> T:
        made = window.__dict__
        if self._name not in made:
            window.finish_building()
            if self._name not in made:  # read while being made, before it was: a bug
                raise AttributeError(f"{self._name} is not made yet")
        part: T = made[self._name]
        return part

    def __set__(self, window: MainWindow, value: T) -> None:
        window.__dict__[self._name] = value


class EarlyKeys(QObject):
    """A key pressed on the window before its menus are made (the event-loop turn after its first
    paint) makes them at once and does what their item for that key does: a shortcut works from
    the moment the window takes keys. Gone once the window's parts are made."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self._window or event.type() != QEvent.Type.KeyPress:
            return False
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

        if not isinstance(event, QKeyEvent) or event.key() in (
                Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta):
            return False  # Ctrl alone (the key pressed with it comes next)
        self._window.finish_building()  # takes this filter away
        pressed = QKeySequence(event.keyCombination())
        for act in self._window.findChildren(QAction):
            if act.isEnabled() and any(
                    keys.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                    for keys in act.shortcuts()):
                act.trigger()
                return True
        return False

    def stop(self) -> None:
        self._window.removeEventFilter(self)
        self.deleteLater()
