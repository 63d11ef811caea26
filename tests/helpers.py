"""Small helpers shared by the tests."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from revmentor_desktop.report.text import FSI, PDI


def shown(text: str) -> str:
    """`text` as a person reads it: without the invisible marks that isolate names in it."""
    return text.replace(FSI, "").replace(PDI, "")


def all_shown(texts: Iterable[str]) -> list[str]:
    return [shown(t) for t in texts]


def find_shown(combo: QComboBox, text: str) -> int:
    """The row of `combo` that reads `text` (names in it are isolated), or -1."""
    items = all_shown(combo.itemText(i) for i in range(combo.count()))
    return items.index(text) if text in items else -1
