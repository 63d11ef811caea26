"""`reads`, `ops` and `commands` are facades over one module per area: every name they offer is
the area module's own, nothing an area module offers is missing, and what the window's first paint
does not need loads on first use, not with the facade."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import subprocess
import sys
from types import ModuleType

import pytest

from revmentor_desktop.data import commands, ops, reads

#: facade -> (its area modules, those imported with it: what the window's first paint uses)
FACADES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "reads": (("reads_first", "reads_check_ins", "reads_overview", "reads_goals", "reads_journal",
               "reads_swot", "reads_skills", "reads_practice"),
              ("reads_first",)),
    "commands": (("commands_edit", "commands_partnership", "commands_goals", "commands_journal",
                  "commands_swot", "commands_skills", "commands_practice", "commands_share"),
                 ("commands_edit",)),
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"revmentor_desktop.data.{name}")


def _own_names(module: ModuleType) -> set[str]:
    """What a module defines at its top level for others (public functions, classes, constants)."""
    names: set[str] = set()
    for node in ast.parse(inspect.getsource(module)).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return {name for name in names if not name.startswith("_")}


@pytest.mark.parametrize("facade", sorted(FACADES))
def test_the_facade_offers_every_area_name_from_its_own_module(facade: str) -> None:
    module = _module(facade)
    areas, _first = FACADES[facade]
    offered: dict[str, str] = {}
    for area in areas:
        for name in _own_names(_module(area)):
            offered[name] = area
    helpers = {"load_ops", "adding", "deleting", "labelled", "moving", "replacing", "updating"}
    assert set(module.__all__) == set(offered) - helpers
    for name in module.__all__:
        assert getattr(module, name) is getattr(_module(offered[name]), name), name


def test_ops_forwards_its_old_read_names_to_reads() -> None:
    """`ops.list_goals` is `reads.list_goals` (for ui/journal/ and the tests): one implementation."""
    forwarded = [name for name in ops.__all__ if hasattr(reads, name)]
    assert len(forwarded) >= 20
    for name in forwarded:
        assert getattr(ops, name) is getattr(reads, name), name
    writers = {name for name in ops.__all__ if name.split("_")[0] in
               {"add", "update", "delete", "move", "set", "save", "start", "decide", "restore"}}
    assert not writers & set(forwarded)


def test_an_unknown_name_is_an_attribute_error() -> None:
    for facade in (reads, commands):
        with pytest.raises(AttributeError):
            facade.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_importing_a_facade_loads_only_what_the_first_paint_uses() -> None:
    code = ("import sys\nfrom revmentor_desktop.data import commands, reads\n"
            "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules"
            " if m.startswith('revmentor_desktop.data.') and m.rsplit('.', 1)[1].startswith(('reads_', 'commands_'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ}, timeout=60)
    expected = sorted({"reads_rows"} | {m for _areas, first in FACADES.values() for m in first})
    assert out.stdout.strip() == str(expected)
