"""RevMentor's own words go through Qt's translation functions, so a translation can be added later.

Every sentence the window shows is passed through `self.tr(...)`, `QCoreApplication.translate(...)`
or marked with `QT_TRANSLATE_NOOP(...)` (translated where shown), so `pyside6-lupdate` finds it and a
`revmentor_<locale>.qm` file in `resources/i18n/` (see the README there) turns it into the user's
language. These tests hold the code to that: a text API given a bare literal fails; a translation
written for the main window's menus shows there; lupdate finds hundreds of messages.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "revmentor_desktop"
UI = PACKAGE / "ui"

# -- no bare literal reaches a text API ---------------------------------------------------------------

#: Methods whose argument at the given position (None: any positional argument) is text the user
#: reads; keyword arguments named in KEYWORDS count too.
TEXT_METHODS: dict[str, int | None] = {
    "setText": 0, "setWindowTitle": 0, "setToolTip": 0, "setPlaceholderText": 0,
    "setStatusTip": 0, "setTitle": 0, "setWhatsThis": 0, "showMessage": 0,
    "setInformativeText": 0, "setDetailedText": 0, "setAccessibleName": 0,
    "setAccessibleDescription": 0, "setSuffix": 0, "setPrefix": 0, "setSpecialValueText": 0,
    "setTabText": 1, "setTabToolTip": 1, "setItemText": 1,
    "addTab": None, "insertTab": None, "addMenu": None, "addAction": None,
    "addRow": 0, "addButton": 0, "addItem": 0,
}
#: Widgets and actions whose constructor takes their text (any positional argument).
TEXT_CLASSES = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
                "QMenu", "QCommandLinkButton"}
KEYWORDS = {"text", "title", "label"}
#: ui/dialogs.py's service: the positions of each method's title, message and button names.
SERVICE_METHODS: dict[str, tuple[int, ...]] = {
    "error": (1, 2), "choose": (1, 2, 3), "inform": (1, 2, 3), "save_path": (1, 3),
}
SERVICE_KEYWORDS = {"title", "text", "error", "buttons", "file_filter"}
#: A line whose comment says this is left alone (say why: a product name, markup).
OPT_OUT = "not translated"


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _bare_text(node: ast.expr) -> bool:
    """Whether `node` is user text written out in the code rather than translated: a string literal
    with letters, an f-string with letters, or either inside a join, `%`, `.format()`, a condition
    or a list (of button names)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _has_letters(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _has_letters(str(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _bare_text(node.left) or _bare_text(node.right)
    if isinstance(node, ast.IfExp):
        return _bare_text(node.body) or _bare_text(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_bare_text(v) for v in node.values)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_bare_text(e) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        # "Delete {name}?".format(...), "x".replace(...): the literal itself is not translated
        return _bare_text(node.func.value)
    return False


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_service(func: ast.expr) -> bool:
    """`service.x(...)` or `dialogs.service.x(...)`."""
    if not isinstance(func, ast.Attribute):
        return False
    owner = func.value
    return (isinstance(owner, ast.Name) and owner.id == "service") or (
        isinstance(owner, ast.Attribute) and owner.attr == "service")


def _text_arguments(call: ast.Call) -> Iterator[ast.expr]:
    name = _name(call.func)
    if _is_service(call.func) and name in SERVICE_METHODS:
        for i in SERVICE_METHODS[name]:
            if i < len(call.args):
                yield call.args[i]
        yield from (k.value for k in call.keywords if k.arg in SERVICE_KEYWORDS)
        return
    if isinstance(call.func, ast.Attribute) and name in TEXT_METHODS:
        position = TEXT_METHODS[name]
        if position is None:
            yield from call.args
        elif position < len(call.args):
            yield call.args[position]
    elif isinstance(call.func, ast.Name) and name in TEXT_CLASSES:
        yield from call.args
    else:
        return
    yield from (k.value for k in call.keywords if k.arg in KEYWORDS)


def untranslated(source: str, filename: str) -> list[str]:
    """`file:line: the call` for every bare text given to a text API in `source`."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        for arg in _text_arguments(node):
            line = lines[arg.lineno - 1]
            if _bare_text(arg) and not ("#" in line and OPT_OUT in line.rsplit("#", 1)[1]):
                found.append(f"{filename}:{arg.lineno}: {ast.unparse(node)[:100]}")
                break
    return found


def _checked_files() -> list[Path]:
    return [*sorted(UI.rglob("*.py")), PACKAGE / "app.py"]


def test_the_checker_catches_bare_text_and_lets_translated_text_through() -> None:
    bad = '''
QLabel("Hello")
label.setText(f"{n} goals")
menu.addAction(icon, "Open")
bar.addMenu("&File")
box.setToolTip("a" + name)
b.setText("On" if x else "Off")
dialogs.service.choose(self, "Title", self.tr("Text"), [self.tr("Keep"), "Discard"])
service.error(None, "Cannot Start", exc)
w.setTitle("Delete {name}?".format(name=n))
tabs.setTabText(2, "Skills")
'''
    assert [f.split(":")[1] for f in untranslated(bad, "x.py")] == [str(n) for n in range(2, 12)]
    good = '''
QLabel(self.tr("Hello"))
label.setText(self.tr("{n} goals").format(n=n))
menu.addAction(icon, QCoreApplication.translate("Menu", "Open"))
QLabel("…"); QLabel("★"); QLabel(""); label.setText(f"{a} — {b}")
label.setText(name)  # the user's own text
log.error("not the dialog service: %s", x)
service.open_path(self, Path("x"))
w.setObjectName("statCard")
w.setText("A4")  # not translated
'''
    assert untranslated(good, "x.py") == []


def test_every_text_the_ui_shows_goes_through_translation() -> None:
    found = [hit for path in _checked_files()
             for hit in untranslated(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert not found, ("User-visible text given to Qt without self.tr / QCoreApplication.translate "
                       "(wrap it; see resources/i18n/README.md):\n" + "\n".join(found))


# -- a translation can be added -------------------------------------------------------------------------


def _qt_tool(name: str) -> Path:
    tool = Path(sys.executable).parent / name
    found = tool if tool.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed beside Python (it comes with PySide6)")
    return Path(found)


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message><source>&amp;File</source><translation>&amp;Datei</translation></message>
    <message><source>&amp;Quit</source><translation>&amp;Beenden</translation></message>
</context>
<context>
    <name>Edits</name>
    <message><source>Add Goal</source><translation>Ziel hinzufügen</translation></message>
    <message><source>Delete Goal</source><translation>Ziel löschen</translation></message>
</context>
<context>
    <name>TabHost</name>
    <message><source>&amp;Overview</source><translation>Ü&amp;bersicht</translation></message>
</context>
<context>
    <name>Chart</name>
    <message><source>self rating</source><translation>Selbsteinschätzung</translation></message>
    <message><source>Add a skill to start tracking progress</source><translation>Fügen Sie eine Fähigkeit hinzu</translation></message>
</context>
<context>
    <name>Report</name>
    <message><source>Goals</source><translation>Ziele</translation></message>
    <message><source>Page {n} of {total}</source><translation>Seite {n} von {total}</translation></message>
    <message><source>{name} TOOK AWAY</source><translation>WAS {name} MITNAHM</translation></message>
</context>
<context>
    <name>vocab</name>
    <message><source>In progress</source><translation>In Arbeit</translation></message>
</context>
<context>
    <name>ExportDialog</name>
    <message><source>Journal highlights</source><translation>Höhepunkte des Journals</translation></message>
</context>
</TS>
"""

@pytest.fixture
def german_translation(tmp_path: Path, qapp: Any) -> Iterator[Path]:
    """A folder holding revmentor_de_DE.qm, compiled from TS; RevMentor's own translator is taken
    down again afterwards."""
    from PySide6.QtCore import QLocale

    from revmentor_desktop.ui import translations

    lrelease = _qt_tool("pyside6-lrelease")
    ts = tmp_path / "revmentor_de_DE.ts"
    ts.write_text(TS, encoding="utf-8")
    qm = tmp_path / "revmentor_de_DE.qm"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True,
                   timeout=60)
    assert qm.exists()
    yield tmp_path
    translations.install_own(QLocale(QLocale.Language.English), folder=tmp_path)  # none: removed


def test_a_translation_dropped_in_shows_in_the_menus(german_translation: Path, qtbot: Any,
                                                     partnership_file: Path, fake_dialogs: Any) -> None:
    from PySide6.QtCore import QLocale

    from revmentor_desktop.ui import translations
    from revmentor_desktop.ui.window import MainWindow

    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert translations.install_own(german, folder=german_translation)
    win = MainWindow()
    qtbot.addWidget(win)
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus[0] == "&Datei"
    assert "&Edit" in menus  # not translated in this file: the English stays
    file_menu = win.menuBar().actions()[0].menu()
    assert "&Beenden" in [a.text() for a in file_menu.actions()]
    assert win.open_file(partnership_file)
    assert win.tabs is not None
    assert win.tabs.tabText(0) == "Ü&bersicht"
    assert win.tabs.titles()[0] == "Übersicht"
    # The guide and the Overview name tabs in English: they still find them.
    assert win.tabs.show_titled("Overview") and win.tabs.show_titled("Übersicht")
    # data/ names its edits in English, marked for translation: Edit › Undo speaks German
    from revmentor_desktop.data import commands

    done = win.doc.run(commands.add_goal("Lernen"))
    assert win.undo_action.text() == "&Undo Ziel hinzufügen"
    notices: list[str] = []
    win.undo_actions.notice.connect(lambda text, _ms: notices.append(text))
    win.doc.run(commands.delete_goal(done.value))
    assert win.undo_action.text() == "&Undo Ziel löschen"
    assert notices and notices[-1].startswith("Ziel löschen — ")  # "…brings it back", in any language
    win.close()


def test_no_translation_for_the_locale_leaves_english(german_translation: Path, qapp: Any) -> None:
    from PySide6.QtCore import QLocale

    from revmentor_desktop.ui import translations

    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert not translations.install_own(french, folder=german_translation)
    assert not translations.install_own(QLocale(QLocale.Language.German), folder=german_translation / "none")


def test_lupdate_finds_the_undo_names_data_marks(tmp_path: Path) -> None:
    lupdate = _qt_tool("pyside6-lupdate")
    ts = tmp_path / "edits.ts"
    result = subprocess.run([str(lupdate), "-extensions", "py", "revmentor_desktop/data", "-ts", str(ts)],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(ts).getroot()
    edits = {m.findtext("source") for c in root.iter("context") if c.findtext("name") == "Edits"
             for m in c.iter("message")}
    assert {"Add Goal", "Delete Entry", "Record Decision", "Change Focus Areas"} <= edits


def test_lupdate_finds_the_ui_words(tmp_path: Path) -> None:
    lupdate = _qt_tool("pyside6-lupdate")
    ts = tmp_path / "revmentor.ts"
    # as resources/i18n/README.md has it, on the window's code
    result = subprocess.run([str(lupdate), "-extensions", "py", "revmentor_desktop/ui",
                             "revmentor_desktop/report", "revmentor_desktop/app.py", "-ts", str(ts)],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(ts).getroot()
    messages = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context")
                for m in c.iter("message")}
    assert len(messages) >= 500, len(messages)
    assert ("MainWindow", "&File") in messages
    assert ("TabHost", "&Overview") in messages
    # what report/ draws in the window too: the skills chart's words, the export dialog's sections
    assert {("Chart", "self rating"), ("Chart", "Add a skill to start tracking progress"),
            ("ExportDialog", "Journal highlights")} <= messages
    # the import preview's counts ("24 sessions, 3 goals") and dated rows, in both forms
    assert {("ImportPreview", "{n} session"), ("ImportPreview", "{n} sessions"),
            ("ImportPreview", "Session of {day}")} <= messages
    # data/ knows nothing of Qt: the labels of its vocabulary that the window shows are marked in
    # ui/ (context "vocab") and translated where shown; a label changed in data/vocab.py is marked
    # again there.
    from revmentor_desktop.data import vocab

    for labels in (vocab.STATUS_LABELS, vocab.CHECKLIST_LABELS, vocab.GOALS_STILL_RIGHT_LABELS,
                   vocab.REVIEW_KIND_LABELS):
        missing = {label for label in labels.values() if ("vocab", label) not in messages}
        assert not missing, f"not marked with QT_TRANSLATE_NOOP('vocab', …) in ui/: {missing}"


def test_the_chart_and_the_export_dialog_speak_the_translation(german_translation: Path, qtbot: Any,
                                                               partnership_file: Path) -> None:
    from PySide6.QtCore import QLocale

    from revmentor_desktop.report.charts import skills_figure
    from revmentor_desktop.report.summary import SECTION_JOURNAL
    from revmentor_desktop.ui import translations
    from revmentor_desktop.ui.export import ExportDialog
    from tests.test_charts import drawn

    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert translations.install_own(german, folder=german_translation)
    empty = skills_figure([], width=5, height=3)
    drawn(empty)
    assert empty.message is not None and empty.message.get_text() == "Fügen Sie eine Fähigkeit hinzu"
    dialog = ExportDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.section_boxes[SECTION_JOURNAL].text() == "Höhepunkte des Journals"


def test_the_pdf_speaks_the_translation(german_translation: Path, tmp_path: Path) -> None:
    """The summary's words go through translation too: headings, captions, the page footer, the
    vocabulary (a goal's status), each in the window's contexts."""
    from pypdf import PdfReader
    from PySide6.QtCore import QLocale

    from revmentor_desktop.data import ops
    from revmentor_desktop.data.store import Store
    from revmentor_desktop.report import summary as sm
    from revmentor_desktop.report.pdf import write_pdf
    from revmentor_desktop.ui import translations
    from tests.helpers import pdf_shows

    path = tmp_path / "ours.revmentor"
    store = Store.create(path, {"mentor_name": "Priya", "mentee_name": "Martin",
                                "start_date": date(2026, 1, 5)})
    ops.add_goal(store, "Board pack", status="in_progress")
    ops.add_entry(store, date(2026, 2, 2), topics="Prompts", mentor_takeaway="Ask twice")
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert translations.install_own(german, folder=german_translation)
    try:
        summary = sm.build_summary(store, today=date(2026, 3, 1))
    finally:
        store.close()
    out = tmp_path / "summary.pdf"
    write_pdf(summary, out)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    for words in ("Ziele", "Seite 1 von", "In Arbeit", "WAS PRIYA MITNAHM"):
        assert pdf_shows(text, words), (words, text)
