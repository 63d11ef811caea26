"""Stop PySide6 keeping the source of every imported module in memory.

Once PySide6 is loaded, shiboken's import hook (`shibokensupport.feature.feature_imported`) asks of
every module imported afterwards whether it uses PySide6 (for its optional `__feature__` switches,
snake_case and true_property), by searching the module's source for "PySide6". It reads that
source with `inspect.getsource`, which leaves the whole file in `linecache` for good. By the time
SQLAlchemy, SQLModel and matplotlib are loaded that is ~700 files: over 30 MiB of the process's
memory, and ~50 ms per big import, spent on source text nothing will ever read.

`install()` swaps in a check that gives the same answer (does the file mention "PySide6"?) by
reading the file's bytes once, without the cache. If a PySide6 version changes the hook, nothing is
swapped and the app works as before. The app itself uses no `__feature__` switches.
"""

from __future__ import annotations

import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """Whether `module`'s source file mentions PySide6 (shiboken's question), read without linecache."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or getattr(module, "__file__", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False  # built-in, extension or source-less module: shiboken says False for these too
    try:
        with open(origin, "rb") as fh:
            return b"PySide6" in fh.read()
    except OSError:
        return False


def install() -> bool:
    """Replace shiboken's source check; True when it was replaced. Safe to call more than once."""
    import PySide6.QtCore  # noqa: F401  (loads shiboken's support modules)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
