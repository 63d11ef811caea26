"""`Later`: a part of the main window made once the window has painted, or at once if asked for
sooner (see `MainWindow.finish_building`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, overload

if TYPE_CHECKING:
    from revmentor_desktop.ui.window.main_window import MainWindow

T = TypeVar("T")


class Later(Generic[T]):
    """A part of the window made once it has painted (`MainWindow.finish_building`): reading it
    before then makes the window's parts at once, so it is always there when asked for."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, window: None, owner: type) -> Later[T]: ...

    @overload
    def __get__(self, window: MainWindow, owner: type) -> T: ...

    def __get__(self, window: MainWindow | None, owner: type) -> Later[T] | T:
        if window is None:
            return self
        made = window.__dict__
        if self._name not in made:
            window.finish_building()
            if self._name not in made:  # read while being made, before it was: a bug
                raise AttributeError(f"{self._name} is not made yet")
        value: T = made[self._name]
        return value

    def __set__(self, window: MainWindow, value: T) -> None:
        window.__dict__[self._name] = value
