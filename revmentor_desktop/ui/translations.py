"""The user's language: RevMentor's own words, when a translation of them ships for it, and Qt's own
translations, so stock dialogs (file dialogs, message boxes' Cancel and Close, a text field's
context menu) speak it.

RevMentor's words are English in the code, each passed through `tr` / `QCoreApplication.translate`
(tests/test_translations_tr.py holds the code to that). A translation is a `revmentor_<locale>.qm`
file in the package's `resources/i18n/` folder (how to make one: the README there); none ships yet,
so they show in English. `install_own` loads it before the window is built (widgets take their words
when they are made); with no translation in the folder it only lists that folder. Qt's own
translation (`install`) waits until the partnership is on screen.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

#: RevMentor's translations are `revmentor_de.qm`, `revmentor_pt_BR.qm`, … in this folder of the
#: package `revmentor_desktop.resources`.
I18N = "i18n"
PREFIX = "revmentor"

_installed: list[QTranslator] = []  # Qt's own
_own: list[QTranslator] = []  # RevMentor's
_own_key: tuple[str, str] | None = None  # the locale and folder `_own` was loaded for


def install(locale: QLocale | None = None) -> bool:
    """Load Qt's translation for `locale` (default: the user's), and RevMentor's (`install_own`);
    True when Qt's was found. Replaces what an earlier call installed."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    install_own(locale)
    _remove(app, _installed)
    from PySide6.QtCore import QLibraryInfo  # not before the first paint: made when first used

    locale = locale or QLocale()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(locale, "qtbase", "_", folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def own_folder() -> Path:
    """Where RevMentor's translations are: `i18n/` in the package `revmentor_desktop.resources`, or
    in the checkout's `resources/` when the package is not installed (as `assets` finds the icon;
    not through importlib.resources, which costs ~2 ms before the first paint)."""
    try:
        bundled = importlib.import_module("revmentor_desktop.resources")
    except ModuleNotFoundError as exc:
        if exc.name != "revmentor_desktop.resources":
            raise
        return Path(__file__).resolve().parents[2] / "resources" / I18N
    return Path(next(iter(bundled.__path__))) / I18N


def install_own(locale: QLocale | None = None, folder: Path | None = None) -> bool:
    """Load RevMentor's translation for `locale` (default: the user's) from `folder` (default:
    `own_folder()`), in place of the one loaded before; True when there is one. Call it before the
    window is built."""
    global _own_key
    app = QCoreApplication.instance()
    if app is None:
        return False
    folder = own_folder() if folder is None else folder
    try:
        found = any(n.startswith(f"{PREFIX}_") and n.endswith(".qm") for n in os.listdir(folder))
    except OSError:  # no such folder
        found = False
    if not found:  # none ships yet: the locale is not even asked for
        _remove(app, _own)
        _own_key = None
        return False
    locale = locale or QLocale()
    key = (locale.name(), str(folder))
    if _own and key == _own_key:
        return True  # loaded already (the first-run dialog, then the window)
    _remove(app, _own)
    _own_key = None
    translator = QTranslator(app)
    if not translator.load(locale, PREFIX, "_", str(folder)):
        return False
    app.installTranslator(translator)
    _own.append(translator)
    _own_key = key
    return True


def _remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for old in translators:
        app.removeTranslator(old)
    translators.clear()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation under `context` (pyside6-lupdate finds it by this name, as it does
    Qt's) and give it back as it is: for tables built at import time, translated where they are shown
    (`QCoreApplication.translate(context, text)`, or `self.tr(text)` in the class named `context`).
    PySide6's own marker is typed as returning `object`."""
    return text
