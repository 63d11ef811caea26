"""A session dated before the partnership's start: said, with the offer to move the start (issue 15)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate

from revmentor_desktop.data import commands, reads
from revmentor_desktop.ui.window import MainWindow


@pytest.mark.parametrize("answer, start", [(0, date(2025, 12, 1)), (1, date(2026, 1, 5))])
def test_a_session_before_the_start_offers_to_move_it(window: MainWindow, fake_dialogs: Any,
                                                      answer: int, start: date) -> None:
    asked: list[str] = []

    def choose(_parent: Any, title: str, text: str, buttons: list[str]) -> int:
        asked.append(text)
        return answer

    fake_dialogs.choose = choose
    window.doc.run(commands.add_entry(date(2026, 2, 2), topics="Kick-off"))
    tab = window.journal_tab
    window.show_tab(window.tabs.indexOf(tab))
    tab.select_entry(reads.list_entries(window.doc.store)[0].id)
    assert reads.get_partnership(window.doc.store).start_date == date(2026, 1, 5)
    tab.editor.held_on.setDate(QDate(2025, 12, 1))
    tab.editor.held_on.editingFinished.emit()
    assert reads.list_entries(window.doc.store)[0].held_on == date(2025, 12, 1)
    assert len(asked) == 1 and "before the partnership's start" in asked[0]
    assert reads.get_partnership(window.doc.store).start_date == start
    # A date after the start asks nothing.
    tab.editor.held_on.setDate(QDate(2026, 3, 2))
    tab.editor.held_on.editingFinished.emit()
    assert len(asked) == 1
