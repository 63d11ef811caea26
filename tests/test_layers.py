"""Layer rules import-linter cannot state: it forbids only whole external packages, and report/ may
use Qt's documents and painting (QtGui) but never its widgets."""

from __future__ import annotations

import ast
from pathlib import Path

import revmentor_desktop

PACKAGE = Path(revmentor_desktop.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_report_builds_documents_not_widgets() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(m for m in imported_modules(path)
                                              if m.startswith("PySide6.QtWidgets"))
        for path in sorted((PACKAGE / "report").rglob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_sees_a_widget_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from PySide6.QtWidgets import QLabel\n", encoding="utf-8")
    assert "PySide6.QtWidgets.QLabel" in imported_modules(probe)
