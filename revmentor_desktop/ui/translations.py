"""Qt's own translations for the user's language, so stock dialogs (file dialogs, message boxes'
Cancel and Close, a text field's context menu) speak it. RevMentor's own words are English for now.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def install(locale: QLocale | None = None) -> bool:
    """Load Qt's translation for `locale` (default: the user's); True when one was found. Replaces
    what an earlier call installed."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = locale or QLocale()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(locale, "qtbase", "_", folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
