"""View › Theme: System, Light or Dark, kept in settings.ini as `appearance/theme`.

System follows the desktop's colour scheme (`QStyleHints.colorScheme()`) and changes with it, live.
Light and Dark set a palette of their own (on the Fusion style, the one Qt draws alike everywhere)
when the desktop's own look is not already that; when it is, the desktop's look is kept exactly.

Everything the app colours itself asks `is_dark()` of the palette it paints with and takes the
light or the dark one of a pair (`tone`), so a theme change is a palette change and nothing more:
widgets with colours of their own redraw on `QEvent.PaletteChange`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication, QMenu

from revmentor_desktop.ui import paths
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP

SYSTEM, LIGHT, DARK = "system", "light", "dark"
#: Each theme's setting value, and its menu item (translated where shown).
THEMES: tuple[tuple[str, str], ...] = ((SYSTEM, QT_TRANSLATE_NOOP("Theme", "&System")),
                                       (LIGHT, QT_TRANSLATE_NOOP("Theme", "&Light")),
                                       (DARK, QT_TRANSLATE_NOOP("Theme", "&Dark")))
SETTING = "appearance/theme"

#: The dark palette: text at 11:1 or better on its backgrounds, selection text at 5:1. Fields and
#: lists are a shade lighter than the window, so Fusion's outlines (the window's colour, darker)
#: show round check boxes and fields.
_DARK = {
    "Window": "#25272a",
    "WindowText": "#e8eaed",
    "Base": "#323438",
    "AlternateBase": "#393b40",
    "ToolTipBase": "#3a3d41",
    "ToolTipText": "#e8eaed",
    "PlaceholderText": "#9aa0a6",
    "Text": "#e8eaed",
    "Button": "#3a3c41",
    "ButtonText": "#e8eaed",
    "BrightText": "#ffb4ab",
    "Light": "#4a4d52",
    "Midlight": "#3d4044",
    "Mid": "#2f3134",
    "Dark": "#1a1b1d",
    "Shadow": "#0d0e0f",
    "Highlight": "#3d6fb6",
    "HighlightedText": "#ffffff",
    "Link": "#8ab4f8",
    "LinkVisited": "#c58af9",
}
_DARK_DISABLED = {
    "WindowText": "#7f858c",
    "Text": "#7f858c",
    "ButtonText": "#7f858c",
    "Base": "#2c2e31",
    "Highlight": "#4a4d52",
}


class _Notifier(QObject):
    changed = Signal()  # the application's theme (its palette) has just changed


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    """Connect to `notifier().changed` to recolour what a palette change alone does not reach
    (a widget with a palette of its own, a cached icon, a chart)."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


# Qt's GUI classes are imported in the functions below, not at the top: the View › Theme menu is
# built before the window's first paint, where each Qt class touched first costs (its enums).


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether `palette` (default: the application's) is a dark one: light text on dark."""
    from PySide6.QtGui import QGuiApplication, QPalette

    pal = palette if palette is not None else QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def tone(light: str, dark: str, palette: QPalette | None = None) -> QColor:
    """The colour of a light/dark pair that suits `palette` (default: the application's)."""
    from PySide6.QtGui import QColor

    return QColor(dark if is_dark(palette) else light)


def dark_palette() -> QPalette:
    from PySide6.QtGui import QColor, QPalette

    pal = QPalette()
    for role, colour in _DARK.items():
        pal.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        pal.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor(colour))
    return pal


def chosen() -> str:
    value = paths.settings().value(SETTING)
    return value if value in (SYSTEM, LIGHT, DARK) else SYSTEM


def desktop_is_dark(palette_says: bool) -> bool:
    """Whether the desktop asks for dark: its colour scheme when it states one, else what its
    palette shows. (`Qt` is imported here, not at the top: the keeper is made before the first
    paint, where building Qt's enums costs ~25 ms.)"""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown:
        return palette_says
    return scheme == Qt.ColorScheme.Dark


class ThemeKeeper(QObject):
    """Applies the chosen theme to the application and keeps System in step with the desktop.

    Made before the first paint: Light and Dark are applied at once; System starts as the
    desktop's own look, and `follow_desktop()` (after the paint) reconciles it with the desktop's
    stated colour scheme and follows its changes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._desktop_style = app.style().name()
        self._following = False
        self.theme = chosen()
        self.apply(self.theme, remember=False)

    def follow_desktop(self) -> None:
        if not self._following:
            self._following = True
            self._app.styleHints().colorSchemeChanged.connect(lambda *_: self._desktop_changed())
        if self.theme == SYSTEM:
            self.apply(SYSTEM, remember=False)

    def apply(self, theme: str, *, remember: bool = True) -> None:
        self.theme = theme if theme in (SYSTEM, LIGHT, DARK) else SYSTEM
        if remember:
            s = paths.settings()
            s.setValue(SETTING, self.theme)
            s.sync()
        from PySide6.QtGui import QPalette

        # First the desktop's own look: its style, and its palette (a default QPalette resets to it).
        self._set_style(self._desktop_style)
        self._app.setPalette(QPalette())
        desktop_dark = is_dark(self._app.palette())
        if self.theme == SYSTEM:
            want_dark = desktop_is_dark(desktop_dark) if self._following else desktop_dark
        else:
            want_dark = self.theme == DARK
        forced = desktop_dark != want_dark
        if want_dark and (forced or self._app.style().name().lower() == "fusion"):
            # Our dark theme, or a dark desktop whose style is Fusion (GNOME and others): Fusion
            # with indicators that can be seen on dark.
            from revmentor_desktop.ui.dark_style import DarkFusion

            palette = dark_palette() if forced else self._app.palette()
            self._app.setStyle(DarkFusion())
            self._app.setPalette(palette)
        elif forced:
            self._set_style("fusion")
            self._app.setPalette(self._app.style().standardPalette())
        # (otherwise: the desktop's look, exactly)
        notifier().changed.emit()

    def _set_style(self, name: str) -> None:
        from PySide6.QtWidgets import QProxyStyle

        current = self._app.style()
        if current.name().lower() != name.lower() or isinstance(current, QProxyStyle):
            self._app.setStyle(name)  # (a proxy, the dark theme's DarkFusion, is always replaced)

    def _desktop_changed(self) -> None:
        if self.theme == SYSTEM:
            self.apply(SYSTEM, remember=False)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21); AA asks 4.5 for text, 3 for large text."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


_keeper: ThemeKeeper | None = None


def keeper() -> ThemeKeeper:
    """The application's one ThemeKeeper (made on first use)."""
    from PySide6.QtWidgets import QApplication

    global _keeper
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _keeper is None or _keeper.parent() is not app:
        _keeper = ThemeKeeper(app)
    return _keeper


def add_theme_menu(view_menu: QMenu) -> QMenu:
    """View › Theme: System, Light, Dark (one checked), applied at once and remembered. (It reads
    the setting, not the keeper: with System, the keeper is made once the window has painted.)"""
    from PySide6.QtGui import QActionGroup

    menu = view_menu.addMenu(QCoreApplication.translate("Theme", "&Theme"))
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = _keeper.theme if _keeper is not None else chosen()
    for value, label in THEMES:
        act = menu.addAction(QCoreApplication.translate("Theme", label))
        act.setCheckable(True)
        act.setChecked(value == current)
        act.setData(value)
        group.addAction(act)
        act.triggered.connect(lambda _c=False, v=value: keeper().apply(v))
    return menu
