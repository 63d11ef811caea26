"""The partnership file and everything in it: tables, the store, operations, pure computations.

No Qt and no matplotlib here: this package works from a script or a test with no display.

One way to read, one way to write:

* Reads that the window paints first, and bulk reads: plain SQL via `Store.plain()`, returning the
  row dataclasses in `reads.py` (`reads`, and `journal`'s search). SQLAlchemy and SQLModel are not
  imported for them, so a file is on screen before the ORM loads.
* Everything else, and every write: SQLModel sessions, through `Store.read()` / `Store.write()`
  only, in `ops.py` (one function per change; `commands.py` wraps each as an undoable edit).
* Nothing reaches into a session for its raw connection, and nothing else opens a connection to
  read rows; the store, backups and the sample generator work on whole files through
  `Store.raw()` and the `files.py` helpers.

Imports go one way (pyproject.toml's import-linter contract "data: one way down"): commands ›
journal, sample › ops › reads › store › backup, recovery, integrity, sample_journal › compute,
files, migrations, models, validation, sample_plan › vocab.
"""
