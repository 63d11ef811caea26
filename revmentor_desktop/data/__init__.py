"""The partnership file and everything in it: tables, the store, operations, pure computations.

No Qt and no matplotlib here: this package works from a script or a test with no display.

One way to read, one way to write:

* Every read: plain SQL via `Store.plain()`, in `reads` (a facade over `reads_*`, one module per
  area) and `journal`'s search. Reads return frozen dataclasses with the SQLModel tables' fields
  (names, order, Python types), so SQLModel stays the one description of the schema and rows, and a
  session that only reads (opening a file, the tabs, the PDF export) never imports SQLAlchemy,
  SQLModel or pydantic.
* Every write: SQLModel sessions through `Store.write()` (one transaction each), in `ops` (a facade
  over `ops_*`; a write that needs a row reads it inside its own transaction). `commands` (a facade
  over `commands_*`) wraps each as an undoable edit and imports `ops` on the first edit applied.
* Nothing reaches into a session for its raw connection, and nothing else opens a connection to
  read rows; the store, backups and the sample generator work on whole files through
  `Store.raw()` and the `files.py` helpers.

Imports go one way, with no cycles (pyproject.toml's import-linter contract "data: one way down"):
commands › commands_* › commands_edit › journal, sample › ops › ops_* › ops_rows › reads › reads_* ›
reads_rows › store › backup, recovery, integrity, sample_journal › compute, files, migrations,
models, validation, sample_plan › vocab. The window and the report import `reads`, never `ops` or
`models` (contract "the window and the report read through data.reads").
"""
