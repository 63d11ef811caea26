"""Reading never imports the ORM: opening a file, building and visiting the tabs, showing a goal, a
check-in, a review and a skill, and exporting the PDF import no SQLAlchemy, SQLModel or pydantic
(about 40 MB and a third of a second). They load with the first edit (`commands` imports `ops`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from revmentor_desktop.data.sample import make_sample

#: The tabs that still read through `ops` (the ORM) — the one place they are listed. Building one of
#: them loads the ORM, so the test below leaves them out; when a tab reads through `data.reads`,
#: take it off this list (and the import-linter contract's ignore_imports) and the test covers it.
READS_THROUGH_THE_ORM: frozenset[str] = frozenset()

ORM = ("sqlalchemy", "sqlmodel", "pydantic")

_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from revmentor_desktop.ui.window import MainWindow
from revmentor_desktop.ui.window.tab_host import TabHost
TabHost.build_in_turns = lambda self, may_go_on: None  # the tabs below are built when visited
from revmentor_desktop.data import reads

w = MainWindow(); w.show()
assert w.open_file(sys.argv[1])
app.processEvents(); w.repaint()
skipped = set(sys.argv[2].split(",")) - {""}
titles = w.tabs.titles()
for i, title in enumerate(titles):
    if title not in skipped:
        w.show_tab(i); app.processEvents(); w.repaint()
assert w.session.verify() is None
w.session.backup_once_opened()
store = w.doc.store
# what each tab shows of one row, as a click shows it
if "Goals" not in skipped:
    w.goals_tab.select_goal(reads.list_goals(store)[0].id); app.processEvents()
if "Check-ins & Reviews" not in skipped:
    w.practice_tab.show_item(("check_in", reads.list_check_ins(store)[-1].id)); app.processEvents()
    w.practice_tab.show_item(("review", reads.list_reviews(store)[-1].id)); app.processEvents()
if "Skills" not in skipped:
    w.skills_tab.select_skill(reads.list_skills(store)[0].id); app.processEvents()
w.repaint()
print(sorted(t for t in titles if t not in skipped))
print(sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic") if m in sys.modules))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
            "XDG_DATA_HOME": str(tmp_path / "d")}


def test_opening_and_visiting_the_tabs_imports_no_orm(tmp_path: Path) -> None:
    sample = tmp_path / "sample.revmentor"
    make_sample(sample, 120)
    out = subprocess.run([sys.executable, "-c", _PROBE, str(sample), ",".join(READS_THROUGH_THE_ORM)],
                         capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert out.returncode == 0, out.stderr
    visited, loaded = out.stdout.strip().splitlines()[-2:]
    assert visited == str(sorted({"Overview", "Goals", "Journal", "SWOT", "Skills",
                                  "Check-ins & Reviews"} - READS_THROUGH_THE_ORM))
    assert loaded == "[]", f"reading imported {loaded}"


def test_exporting_a_pdf_imports_no_orm(tmp_path: Path) -> None:
    sample = tmp_path / "sample.revmentor"
    make_sample(sample, 60)
    code = ("import sys\nfrom revmentor_desktop.cli import main\n"
            "try:\n    code = main([sys.argv[1], '--export-pdf', sys.argv[2], '--journal', 'all'])\n"
            "except SystemExit as exc:\n    code = exc.code\n"
            f"print(code, sorted(m for m in {ORM!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(sample), str(tmp_path / "out.pdf")],
                         capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] in ("0 []", "None []")
    assert (tmp_path / "out.pdf").stat().st_size > 0


def test_the_first_edit_loads_the_orm(tmp_path: Path) -> None:
    """What the tests above watch for does load, once something is written."""
    sample = tmp_path / "sample.revmentor"
    make_sample(sample, 0)
    code = ("import sys\nfrom revmentor_desktop.data import commands, reads\n"
            "from revmentor_desktop.data.store import Store\n"
            "store = Store.open(sys.argv[1])\n"
            f"before = sorted(m for m in {ORM!r} if m in sys.modules)\n"
            "reads.list_goals(store); reads.list_swot_items(store); reads.get_entry\n"
            "commands.update_partnership(organisation='Acme').apply(store)\n"
            "print(before, reads.get_partnership(store).organisation,"
            f" sorted(m for m in {ORM!r} if m in sys.modules))\n"
            "store.close()")
    out = subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True,
                         env=_env(tmp_path), timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[] Acme ['pydantic', 'sqlalchemy', 'sqlmodel']"
