"""The practice loop in the PDF the pair send each other: feedback both ways under each person's
name, the latest check-ins, and the latest review (alone with `--sections review`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from revmentor_desktop.data import ops
from revmentor_desktop.data.store import Store
from tests.helpers import pdf_shows
from tests.test_pdf import pdf_text, run_cli


@pytest.fixture(scope="module")
def practised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("practice") / "pair.revmentor"
    store = Store.create(path, {"mentor_name": "Ana Ruiz", "mentee_name": "Bo Chen",
                                "start_date": date(2026, 1, 5)})
    goal = ops.add_goal(store, "Present without slides", success_measure="QUOKKA one board slot")
    ops.add_entry(store, date(2026, 2, 2), topics="Board prep",
                  mentor_says_keep="KEEPMENTOR asking why", mentor_says_try="TRYMENTOR fewer notes",
                  mentee_says_keep="KEEPMENTEE the demos", mentee_says_try="TRYMENTEE slower pace",
                  mentor_rating=4, mentee_rating=5)
    ops.add_entry(store, date(2026, 2, 16), topics="Private one", private=True,
                  mentor_says_keep="SECRETFEEDBACK")
    ops.add_check_in(store, date(2026, 3, 2), "mentee", working="WORKSWELL demos",
                     tweak="TWEAKME shorter", usefulness=4, goals_still_right="partly")
    first = ops.start_review(store, "midpoint", date(2026, 4, 6))
    ops.decide_review(store, first, "adjust", date(2026, 7, 6))
    ops.update_review(store, first, mentor_taught="OLDTAUGHT")
    second = ops.start_review(store, "closing", date(2026, 7, 6))
    ops.decide_review(store, second, "close")
    ops.update_review(store, second, mentee_learned="LEARNEDPROMPTS", mentor_changed="CHANGEDME")
    review_goal = next(g for g in ops.list_review_goals(store, second) if g.goal_id == goal)
    ops.update_review_goal(store, review_goal.id, achieved="ACHIEVED twice")
    store.close()
    return path


def export(source: Path, out: Path, *args: str) -> str:
    result = run_cli(str(source), "--export-pdf", str(out), *args)
    assert result.returncode == 0, result.stderr
    return pdf_text(PdfReader(out))


def test_feedback_both_ways_check_ins_and_the_latest_review(practised: Path, tmp_path: Path) -> None:
    text = export(practised, tmp_path / "all.pdf")
    for words in ("ANA RUIZ → BO CHEN", "BO CHEN → ANA RUIZ", "KEEPMENTOR asking why",
                  "TRYMENTEE slower pace", "WORKSWELL demos", "TWEAKME shorter", "Closing review",
                  "LEARNEDPROMPTS", "ACHIEVED twice", "QUOKKA one board slot"):
        assert pdf_shows(text, words), words
    assert pdf_shows(text, "Mid-point review 6 Apr 2026: adjust")  # the earlier review, named
    assert pdf_shows(text, "The partnership closed on 6 Jul 2026")
    assert not pdf_shows(text, "OLDTAUGHT")  # ...but not in full
    assert not pdf_shows(text, "SECRETFEEDBACK")


def test_review_only(practised: Path, tmp_path: Path) -> None:
    text = export(practised, tmp_path / "review.pdf", "--sections", "review")
    assert pdf_shows(text, "LEARNEDPROMPTS") and pdf_shows(text, "CHANGEDME")
    assert not pdf_shows(text, "KEEPMENTOR") and not pdf_shows(text, "WORKSWELL")
