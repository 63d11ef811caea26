"""The practice on the Overview (issue 13): the getting-started list ticking itself from the data,
check-ins due, feedback flowing one way, a closed partnership; ground rules worded with the pair's
own cadence; a new partnership's review date three months after its start."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit

from revmentor_desktop.data import commands, ops, reads
from revmentor_desktop.ui.window import MainWindow


def open_editor(view: Any) -> QLineEdit:
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, editors
    return editors[0]


def practice(window: MainWindow) -> Any:
    """The Overview's practice box, once it has read the file (just after the Overview's paint)."""
    from PySide6.QtWidgets import QApplication

    panel = window.overview_tab.practice
    for _ in range(200):
        if panel.loaded:
            break
        window.overview_tab.repaint()
        QApplication.processEvents()
    assert panel.loaded
    return panel


def count_calls(monkeypatch: Any, owner: Any, name: str) -> list[int]:
    """A list that grows by one each time `owner.name` is called (it still does its work)."""
    calls: list[int] = []
    real = getattr(owner, name)
    monkeypatch.setattr(owner, name, lambda *a, **k: calls.append(1) or real(*a, **k))
    return calls


def type_organisation(window: MainWindow, qtbot: Any, text: str) -> None:
    """Type `text` at the end of Overview › Organisation, then save it as its debounce timer would."""
    window.show_tab(0)
    box = window.overview_tab.organisation
    box.setFocus()
    box.end(False)
    qtbot.keyClicks(box, text)
    window.flush()


def test_the_getting_started_list_ticks_itself_and_goes_when_dismissed(
        window: MainWindow, qtbot: Any) -> None:
    panel = practice(window)
    assert panel.checklist.isVisibleTo(window)
    mark, go = panel.items["first_session"]
    assert mark.text().startswith("○") and go.isVisibleTo(window)
    done_before = panel.checklist_title.text()
    window.doc.run(commands.add_entry(date.today(), topics="First chat"))
    assert panel.items["first_session"][0].text().startswith("✓")
    assert not panel.items["first_session"][1].isVisibleTo(window)
    assert panel.checklist_title.text() != done_before
    # A step's button takes the user where the step is done.
    panel.items["swot"][1].click()
    assert window.tabs.tabText(window.tabs.currentIndex()).replace("&", "") == "SWOT"
    window.show_tab(0)
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert not panel.checklist.isVisibleTo(window)
    assert reads.get_partnership(window.doc.store).checklist_dismissed
    window.undo_action.trigger()
    assert panel.checklist.isVisibleTo(window)


def test_a_check_in_due_and_feedback_one_way_are_said_gently(window: MainWindow) -> None:
    store = window.doc.store
    for n in range(4):
        window.doc.run(commands.add_entry(date.today() - timedelta(days=7 * (4 - n)), topics=f"S{n}",
                                          mentee_says_keep="You explain without jargon"))
    panel = practice(window)
    assert "Check-in due for" in panel.check_in_text.text()
    assert panel.check_in_button.isVisibleTo(window)
    text = panel.feedback_text.text()
    assert panel.feedback_text.isVisibleTo(window) and "Dana Lee" in text and "counts as much" in text
    # Once the mentor gives feedback too, the note goes.
    last = ops.list_entries(store)[-1]
    window.doc.run(commands.update_entry(last.id, "Feedback", mentor_says_try="Bring one example"))
    assert not panel.feedback_text.isVisibleTo(window)
    window.doc.run(commands.add_check_in(date.today(), "mentor", usefulness=3))
    window.doc.run(commands.add_check_in(date.today(), "mentee", usefulness=4, goals_still_right="yes"))
    assert "Next check-in in 4 sessions" in panel.check_in_text.text()
    assert "usefulness 3" in panel.trend_text.text() and "goals still right: yes" in panel.trend_text.text()


def test_a_closed_partnership_says_so_and_reopens(window: MainWindow, qtbot: Any) -> None:
    panel = practice(window)
    assert not panel.closed.isVisibleTo(window)
    window.doc.run(commands.close_partnership(date.today()))
    assert panel.closed.isVisibleTo(window) and "closed on" in panel.closed_text.text()
    assert "No check-ins are asked for" in panel.check_in_text.text()
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert reads.get_partnership(window.doc.store).closed_on is None
    assert not panel.closed.isVisibleTo(window)


def test_ready_made_rules_speak_of_our_cadence_and_are_not_inserted_twice(window: MainWindow) -> None:
    tab = window.overview_tab
    window.doc.run(commands.update_partnership(cadence_days=7, duration_minutes=45))
    menu = tab.agreement.ready_made_menu
    menu.aboutToShow.emit()
    cadence = next(a for a in menu.actions() if a.text().startswith("Cadence"))
    rule = cadence.toolTip()
    assert "every week for 45 minutes" in rule
    before = len(reads.list_clauses(window.doc.store))
    cadence.trigger()
    assert len(reads.list_clauses(window.doc.store)) == before + 1
    menu.aboutToShow.emit()
    again = next(a for a in menu.actions() if a.text().startswith("Cadence"))
    assert not again.isEnabled() and "already agreed" in again.text()
    tab.agreement.insert_clause(rule, "Cadence and boundaries")  # a second way in
    assert len(reads.list_clauses(window.doc.store)) == before + 1
    assert "already" in tab.agreement.note.text()


def test_add_rule_then_escape_leaves_no_rule_behind(window: MainWindow, qtbot: Any) -> None:
    tab = window.overview_tab
    before = reads.list_clauses(window.doc.store)
    qtbot.mouseClick(tab.add_clause_button, Qt.MouseButton.LeftButton)
    assert len(reads.list_clauses(window.doc.store)) == len(before) + 1
    editor = open_editor(tab.clauses)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert reads.list_clauses(window.doc.store) == before
    # Typed words stay.
    qtbot.mouseClick(tab.add_clause_button, Qt.MouseButton.LeftButton)
    editor = open_editor(tab.clauses)
    editor.selectAll()
    qtbot.keyClicks(editor, "We start on time")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: [c.text for c in reads.list_clauses(window.doc.store)][-1] == "We start on time")
    qtbot.wait(50)
    assert [c.text for c in reads.list_clauses(window.doc.store)][-1] == "We start on time"


def test_a_new_partnership_reviews_three_months_after_it_starts(qtbot: Any) -> None:
    from revmentor_desktop.ui.new_partnership import NewPartnershipDialog

    dialog = NewPartnershipDialog()
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2026, 1, 31))
    assert dialog.values()["review_date"] == date(2026, 4, 30)
    dialog.review.setDate(QDate(2026, 6, 1))  # the user's own choice is kept...
    dialog.start.setDate(QDate(2026, 2, 2))
    assert dialog.values()["review_date"] == date(2026, 6, 1)  # ...when the start moves


def test_a_new_partnerships_ready_made_rules_use_its_cadence(window: MainWindow, tmp_path: Path,
                                                             fake_dialogs: Any, monkeypatch: Any) -> None:
    from revmentor_desktop.ui import new_partnership

    def accept(self: Any) -> int:
        self.mentor.setText("Ana")
        self.mentee.setText("Bo")
        self.cadence.setValue(21)
        self.duration.setValue(90)
        return 1

    monkeypatch.setattr(new_partnership.NewPartnershipDialog, "exec", accept)
    fake_dialogs.save_answers.append(tmp_path / "new.revmentor")
    window.new_partnership()
    texts = " ".join(c.text for c in reads.list_clauses(window.doc.store))
    assert "every three weeks for 1 h 30 min" in texts and "every two weeks" not in texts


def test_hiding_private_entries_leaves_the_figures_alone(window: MainWindow) -> None:
    """A private session hides what was said, not that the pair met (issue 15)."""
    window.doc.run(commands.add_entry(date.today() - timedelta(days=3), topics="Open"))
    window.doc.run(commands.add_entry(date.today() - timedelta(days=1), topics="Closed door",
                                      private=True))
    held = window.overview_tab.momentum.held
    before = held.value.text()
    window.hide_private_action.trigger()
    assert held.value.text() == before == "2"
    window.hide_private_action.trigger()


def test_a_closed_partnership_is_never_overdue(window: MainWindow) -> None:
    window.doc.run(commands.update_partnership(start_date=date.today() - timedelta(days=120)))
    window.doc.run(commands.add_entry(date.today() - timedelta(days=100), topics="Long ago"))
    card = window.overview_tab.momentum.next
    assert "Overdue" in card.value.text()
    window.doc.run(commands.close_partnership(date.today() - timedelta(days=50)))
    assert "Overdue" not in card.value.text() and card.value.text() == "Closed"


def test_a_partnership_edit_reuses_the_check_in_status_and_a_new_cadence_does_not(
        window: MainWindow, qtbot: Any, monkeypatch: Any) -> None:
    """Whose check-in is due walks every session: the Overview and the Check-ins tab work it out
    again when sessions, check-ins, the cadence or closing change, not for a new organisation."""
    from revmentor_desktop.data import compute

    for n in range(3):
        window.doc.run(commands.add_entry(date.today() - timedelta(days=7 * (3 - n)), topics=f"S{n}"))
    panel = practice(window)
    assert window.practice_tab is not None  # built (the fixture builds every tab), so it listens too
    worked_out = count_calls(monkeypatch, compute, "check_in_status")
    type_organisation(window, qtbot, " Ltd")
    assert reads.get_partnership(window.doc.store).organisation == "Acme Ltd"
    assert worked_out == []
    window.doc.run(commands.update_partnership(check_in_every=3))
    assert len(worked_out) == 2  # the Overview's and the Check-ins tab's, once each
    assert "Check-in due for" in panel.check_in_text.text()
    assert "check-ins are due" in window.practice_tab.items.due.text()



def test_the_feedback_note_follows_privacy_and_names_and_is_not_read_again_for_a_partnership_edit(
        window: MainWindow, qtbot: Any, monkeypatch: Any) -> None:
    """Which way feedback went is read again when sessions, their feedback or the privacy switch
    change; a partnership edit rewords the note with the new names from what was read."""
    for n in range(4):
        window.doc.run(commands.add_entry(date.today() - timedelta(days=7 * (5 - n)), topics=f"S{n}",
                                          mentee_says_keep="You explain without jargon"))
    window.doc.run(commands.add_entry(date.today() - timedelta(days=2), topics="Both ways", private=True,
                                      mentee_says_keep="Clear", mentor_says_try="One example"))
    panel = practice(window)
    assert not panel.feedback_text.isVisibleTo(window)  # the latest four include the private one
    window.hide_private_action.trigger()
    assert panel.feedback_text.isVisibleTo(window)  # without it, only the mentee gave feedback
    assert "Dana Lee" in panel.feedback_text.text()

    read = count_calls(monkeypatch, reads, "feedback_flow")
    type_organisation(window, qtbot, " Ltd")
    assert reads.get_partnership(window.doc.store).organisation.endswith(" Ltd")
    window.doc.run(commands.update_partnership(mentor_name="Dana Q. Lee"))
    assert read == []
    assert "Dana Q. Lee" in panel.feedback_text.text()
    window.hide_private_action.trigger()
    assert read == [1]
    assert not panel.feedback_text.isVisibleTo(window)
