"""Issue 13, feedback both ways, worked as a user does in the journal: what each partner tells the
other under their names, a usefulness rating from each, the earlier feedback shown (direction
unknown, and said so) only where there is some, and search over all of it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from revmentor_desktop.data import commands, ops
from revmentor_desktop.data.journal import HIT_END, HIT_START
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.vocab import EARLIER_FEEDBACK_NOTE
from revmentor_desktop.ui.journal import JournalTab
from revmentor_desktop.ui.journal.entry_list import EntryListModel
from revmentor_desktop.ui.window import MainWindow

V2 = Path(__file__).parent / "data" / "v2.revmentor"
TEXT_FIELDS = ("mentor_says_keep", "mentor_says_try", "mentee_says_keep", "mentee_says_try")


def journal(win: MainWindow) -> JournalTab:
    win.show_tab(win.tabs.indexOf(win.journal_tab))
    return win.journal_tab


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def entry(tab: JournalTab) -> Any:
    assert tab.editor.entry_id is not None
    return ops.get_entry(tab.doc.store, tab.editor.entry_id)


@pytest.fixture
def two_entries(partnership_file: Path) -> Path:
    """A session with earlier feedback (as a version-2 file kept it) and a newer one without."""
    store = Store.open(partnership_file)
    ops.add_entry(store, date(2026, 1, 12), topics="Kick-off", feedback_good="Frank and kind",
                  feedback_improve="Start on time", rating=4)
    ops.add_entry(store, date(2026, 1, 26), topics="Prompting")
    store.close()
    return partnership_file


@pytest.fixture
def win(qtbot: Any, two_entries: Path, fake_dialogs: Any) -> Any:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_file(two_entries)
    yield window
    window.close()


def test_each_feedback_text_saves_under_its_direction_and_undoes(win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    ed = tab.editor
    assert tab.model.entry_at(0).topics == "Prompting"  # the newest, selected
    for n, field in enumerate(TEXT_FIELDS):
        box = ed.feedback.boxes[field]
        type_into(qtbot, box, f"Said {n} plainly")
        ed.private.setFocus()  # leaving the box saves it
        assert getattr(entry(tab), field) == f"Said {n} plainly"
        others = [getattr(entry(tab), f) for f in TEXT_FIELDS if f != field]
        assert others == [""] * 3  # each box its own column: none of the others touched
        assert win.undo_action.text().endswith("Edit Feedback")
        win.undo_action.trigger()
        assert getattr(entry(tab), field) == "" and box.toPlainText() == ""
    e = entry(tab)
    assert (e.feedback_good, e.feedback_improve, e.rating) == ("", "", None)


def test_each_partner_rates_the_session_with_the_keyboard_and_undo_takes_it_back(
        win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    ed = tab.editor
    mentor_stars = ed.feedback.ratings["mentor_rating"].stars
    mentee_stars = ed.feedback.ratings["mentee_rating"].stars
    mentor_stars.setFocus()
    qtbot.keyClick(mentor_stars, Qt.Key.Key_4)
    assert (entry(tab).mentor_rating, entry(tab).mentee_rating) == (4, None)
    qtbot.mouseClick(mentee_stars, Qt.MouseButton.LeftButton,
                     pos=mentee_stars.rect().center())  # the middle star
    assert (entry(tab).mentor_rating, entry(tab).mentee_rating) == (4, 3)
    assert entry(tab).rating is None  # the earlier rating is not theirs to fill
    assert tab.model.index(0, EntryListModel.RATING).data() == "4★ · 3★"
    tip = tab.model.index(0, EntryListModel.RATING).data(Qt.ItemDataRole.ToolTipRole)
    assert "Useful for \u2068Dana Lee\u2069: 4 of 5" in tip and "Morgan Hale\u2069: 3 of 5" in tip
    win.undo_action.trigger()
    assert (entry(tab).mentor_rating, entry(tab).mentee_rating) == (4, None)
    assert mentee_stars.value() is None and mentor_stars.value() == 4
    assert tab.model.index(0, EntryListModel.RATING).data() == "4★ · –"
    win.undo_action.trigger()
    assert entry(tab).mentor_rating is None and mentor_stars.value() is None
    assert tab.model.index(0, EntryListModel.RATING).data() == ""


def test_the_columns_are_headed_with_the_names_and_follow_a_rename(win: MainWindow) -> None:
    ed = journal(win).editor
    headers = [h.text() for h in ed.feedback.headers]
    assert [h.replace("\u2068", "").replace("\u2069", "") for h in headers] == [
        "Dana Lee → Morgan Hale", "Morgan Hale → Dana Lee"]
    win.doc.run(commands.update_partnership(mentor_name="Priya & Co"))
    headers = [h.text().replace("\u2068", "").replace("\u2069", "") for h in ed.feedback.headers]
    assert headers == ["Priya & Co → Morgan Hale", "Morgan Hale → Priya & Co"]
    keep = ed.feedback.boxes["mentor_says_keep"].accessibleName()
    assert "Priya & Co" in keep and "Morgan Hale" in keep and "keep doing" in keep
    rating_captions = [w.text() for w in ed.feedback.findChildren(QLabel) if w.text().startswith("How")]
    assert any("Priya && Co" in t for t in rating_captions)  # its "&" a character, not a shortcut
    assert "Priya & Co" in ed.feedback.ratings["mentor_rating"].stars.accessibleName()


def test_earlier_feedback_is_shown_only_where_there_is_some_and_says_whose_is_unknown(
        win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    ed = tab.editor
    assert tab.model.entry_at(0).topics == "Prompting"
    assert not ed.earlier.isVisibleTo(ed)
    assert tab.model.index(1, EntryListModel.RATING).data() == "4★"  # the earlier rating
    tab.list.setCurrentIndex(tab.model.index(1, 0))
    assert ed.earlier.isVisibleTo(ed)
    assert ed.earlier.note.text() == EARLIER_FEEDBACK_NOTE
    assert ed.earlier.boxes["feedback_good"].toPlainText() == "Frank and kind"
    assert ed.earlier.boxes["feedback_improve"].toPlainText() == "Start on time"
    assert ed.earlier.rating.value() == 4
    # Editable: the old text can be corrected (and emptied without the box vanishing under it).
    box = ed.earlier.boxes["feedback_improve"]
    box.setFocus()
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    ed.private.setFocus()
    assert entry(tab).feedback_improve == ""
    assert ed.earlier.isVisibleTo(ed)
    win.undo_action.trigger()
    assert entry(tab).feedback_improve == "Start on time" == box.toPlainText()
    tab.list.setCurrentIndex(tab.model.index(0, 0))
    assert not ed.earlier.isVisibleTo(ed)


def test_a_version_2_file_shows_its_feedback_as_earlier_feedback(
        qtbot: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    path = tmp_path / "old.revmentor"
    shutil.copyfile(V2, path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_file(path)
    tab = journal(window)
    ed = tab.editor
    shown = {}
    for row in range(tab.model.rowCount()):
        tab.list.setCurrentIndex(tab.model.index(row, 0))
        shown[tab.model.entry_at(row).id] = (ed.earlier.isVisibleTo(ed),
                                            ed.earlier.boxes["feedback_good"].toPlainText())
    # 1: text and a rating; 2: a rating only; 3: none at all.
    assert shown == {1: (True, "Frank and kind"), 2: (True, ""), 3: (False, "")}
    assert [h.text().replace("\u2068", "").replace("\u2069", "") for h in ed.feedback.headers] == [
        "Priya Raman → Gerald Okafor", "Gerald Okafor → Priya Raman"]
    window.close()


def test_search_finds_feedback_typed_only_in_one_box_and_shows_it(win: MainWindow, qtbot: Any) -> None:
    tab = journal(win)
    ed = tab.editor
    wanted = ed.entry_id
    box = ed.feedback.boxes["mentee_says_try"]
    type_into(qtbot, box, "Bring the quarterly numbers printed on paper")
    ed.private.setFocus()
    type_into(qtbot, tab.search, "quarterly")
    tab.run_search()
    assert tab.model.rowCount() == 1 and tab.model.entry_at(0).id == wanted
    snippet = tab.model.index(0, EntryListModel.TOPICS).data()
    assert f"{HIT_START}quarterly{HIT_END}" in snippet and "numbers printed" in snippet
    # The box's own words are marked where they were found.
    layout = box.document().firstBlock().layout()
    marked = [f for f in layout.formats() if f.format.background().style() != Qt.BrushStyle.NoBrush]
    assert [(f.start, f.length) for f in marked] == [(len("Bring the "), len("quarterly"))]


def test_the_feedback_fields_have_names_and_shortcuts_of_their_own(win: MainWindow, qtbot: Any) -> None:
    ed = journal(win).editor
    for widget in (*ed.feedback.focus_order(), *ed.earlier.focus_order()):
        assert widget.accessibleName(), widget
    # Alt+B moves to the first box, Alt+Y and Alt+X to each "try next time", Alt+L and Alt+R to
    # each rating.
    for key, target in ((Qt.Key.Key_B, ed.feedback.boxes["mentor_says_keep"]),
                        (Qt.Key.Key_Y, ed.feedback.boxes["mentor_says_try"]),
                        (Qt.Key.Key_X, ed.feedback.boxes["mentee_says_try"]),
                        (Qt.Key.Key_L, ed.feedback.ratings["mentor_rating"].stars),
                        (Qt.Key.Key_R, ed.feedback.ratings["mentee_rating"].stars),
                        (Qt.Key.Key_S, ed.notes), (Qt.Key.Key_D, ed.held_on)):
        ed.topics.setFocus()
        qtbot.keyClick(ed.topics, key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is target, key
    # Alt+B is the section's first box even after another of its fields had the focus.
    qtbot.keyClick(ed.topics, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is ed.feedback.boxes["mentor_says_keep"]



def test_a_rating_in_words_stays_on_one_line_where_there_is_room(win: MainWindow, qtbot: Any) -> None:
    """A word-wrapped label asks for a narrow width of its own: "4 of 5 — very useful" wrapped
    beside the stars with half the row empty."""
    win.resize(1300, 850)
    tab = journal(win)
    field = tab.editor.feedback.ratings["mentor_rating"]
    small = field.words.font()
    small.setPointSize(9)  # a desktop's usual size (the tests pin 10, where Qt's guess is wide enough)
    field.words.setFont(small)
    field.stars.setFocus()
    qtbot.keyClick(field.stars, Qt.Key.Key_4)
    QApplication.processEvents()
    words = field.words
    assert words.text() == "4 of 5 — very useful"
    whole = words.fontMetrics().horizontalAdvance(words.text())
    assert words.sizeHint().width() >= whole  # what the row's layout gives it, room permitting
    assert words.width() >= whole
