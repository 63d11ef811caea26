"""Qt's stock dialogs speak the user's language (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox

from revmentor_desktop.ui import translations


@pytest.fixture
def german(qapp: Any) -> Iterator[None]:
    yield
    translations.install(QLocale(QLocale.Language.English))  # and back, for the other tests


def test_stock_buttons_in_the_users_language(german: None, qtbot: Any) -> None:
    assert translations.install(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Abbrechen"


def test_back_in_english(german: None, qtbot: Any) -> None:
    translations.install(QLocale(QLocale.Language.German))
    translations.install(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"
