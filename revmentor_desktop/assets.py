"""The one way the app reads its bundled files (icon, .desktop file, metainfo) from `resources/`.

Installed, that folder is the package `revmentor_desktop.resources` (pyproject's package-dir
mapping), read with importlib.resources. Run from a source checkout that is not installed
editable (PYTHONPATH=checkout, as the benchmark and tests may), that package does not exist, and the
checkout's own `resources/` folder next to the package is read instead — never a path relative to
the working directory.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE = "revmentor_desktop.resources"
#: `resources/` at the root of a source checkout (beside this package's folder).
SOURCE_FOLDER = Path(__file__).resolve().parent.parent / "resources"


def read_bytes(name: str) -> bytes:
    """The content of the bundled file `name` (e.g. "revmentor.svg")."""
    try:
        root = resources.files(PACKAGE)
    except ModuleNotFoundError as exc:
        if exc.name != PACKAGE:
            raise
        return (SOURCE_FOLDER / name).read_bytes()  # a source checkout, not installed
    return root.joinpath(name).read_bytes()
