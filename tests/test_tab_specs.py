"""The window's tab specs (ui/window/tab_specs.py): each names its tab by package and class, and what it loads
is the class its annotation promises the window (`TabOf`'s type comes from that annotation)."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QWidget

from revmentor_desktop.ui.window import tab_specs


def test_each_spec_loads_the_tab_class_its_annotation_names() -> None:
    specs = {name: value for name, value in vars(tab_specs).items()
             if isinstance(value, tab_specs.TabSpec)}
    assert set(specs.values()) == set(tab_specs.TABS)
    for name, spec in specs.items():
        tab_class = spec.load()
        assert isinstance(tab_class, type) and issubclass(tab_class, QWidget)
        assert tab_specs.__annotations__[name] == f"TabSpec[{tab_class.__name__}]"
        for method in ("on_changed", "flush", "has_unsaved", "new_item", "delete_selection",
                       "show_problem"):  # the window's Tab protocol (ui/tab.py)
            assert callable(getattr(tab_class, method)), (tab_class, method)


def test_the_specs_import_no_tab_package() -> None:
    code = ("import sys\nfrom revmentor_desktop.ui.window import tab_specs\n"
            "print(sorted(m for m in sys.modules if m.startswith('revmentor_desktop.ui.')"
            " and m.split('.')[2] in ('goals', 'journal', 'overview', 'practice', 'skills', 'swot')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
