"""The partner exchange, data layer (issue 16): two partners' files of one partnership, each edited on
its own, swap shares (export → read → plan → settle → apply) and end up holding the same non-private
content, with nothing private of either ever leaving its own file. No Qt widgets here.

Shares are written with `share_format.write_share` — what `share.export_share` does — at a clock the
test controls (tests/share_helpers.Clock), so every share is newer than the one before it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from revmentor_desktop.data import ops, share
from revmentor_desktop.data import validation as v
from revmentor_desktop.data.sample import make_sample
from revmentor_desktop.data.sample_pair import make_pair
from revmentor_desktop.data.share_format import read_share
from revmentor_desktop.data.share_local import read_records
from revmentor_desktop.data.share_merge import resolve
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError
from tests.share_helpers import (
    CLOCK,
    TODAY,
    all_rows,
    content,
    copy_pair,
    diff_content,
    do_import,
    dump,
    exchange,
    load,
    made_pair,
    one,
    plan_for,
    q,
    records_of,
    sha,
    summary_view,
    write,
)

# -- the pair ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pair_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return made_pair(tmp_path_factory.mktemp("pair"), sessions=12)


@pytest.fixture(scope="module")
def synced_template(pair_template: tuple[Path, Path],
                    tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample pair after one exchange each way: both files hold the same non-private content."""
    folder = tmp_path_factory.mktemp("synced")
    a, b = copy_pair(pair_template, folder)
    exchange(b, a, folder, "b1")
    exchange(a, b, folder, "a1")
    assert diff_content(a, b) == []
    return a, b


@pytest.fixture
def pair(pair_template: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    return copy_pair(pair_template, tmp_path / "files")


@pytest.fixture
def synced(synced_template: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    return copy_pair(synced_template, tmp_path / "files")


def shares_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.revshare"))


def goal_id(path: Path, uid: str) -> int:
    return int(one(path, "SELECT id FROM goal WHERE uid = ?", uid))


def entry_id(path: Path, uid: str) -> int:
    return int(one(path, "SELECT id FROM journal_entry WHERE uid = ?", uid))


def shared_goal_uids(path: Path) -> list[str]:
    return [u for (u,) in q(path, "SELECT uid FROM goal WHERE private = 0 ORDER BY position, id")]


def add_session(path: Path, day: date, **values: object) -> int:
    """A new shared session that discussed the first shared goal."""
    store = Store.open(path)
    try:
        e = ops.add_entry(store, day, **values)
        ops.set_entry_goals(store, e, [goal_id(path, shared_goal_uids(path)[0])])
        return e
    finally:
        store.close()


def edit(path: Path, fn: object, *args: object, **kw: object) -> object:
    store = Store.open(path)
    try:
        return fn(store, *args, **kw)  # type: ignore[operator]
    finally:
        store.close()


# -- done when: two files that diverge, exchanged both ways ----------------------------------------------

#: distinctive words each partner writes only into private records
PRIVATE = {"mentor": ("QUOKKAPRIVATEENTRY", "WOMBATPRIVATEGOAL"),
           "mentee": ("NARWHALPRIVATEENTRY", "AXOLOTLPRIVATEGOAL")}


def diverge(path: Path, role: str, word: str, shared_goal: str, session: str) -> None:
    """One partner's own edits: their side, their grid, their check-in and ratings, the shared goal
    both of them edit, a record of their own for the partner, and private records."""
    store = Store.open(path)
    try:
        ops.update_goal(store, goal_id(path, shared_goal), description=f"{word}: the goal as I see it")
        ops.add_swot_item(store, role, "S", f"{word} strength")
        ops.add_swot_item(store, role, "T", f"{word} threat")
        e = entry_id(path, session)
        ops.update_entry(store, e, **{f"{role}_takeaway": f"{word} took this away",
                                      f"{role}_says_keep": f"{word} says keep it up",
                                      f"{role}_rating": 5 if role == "mentor" else 2})
        ops.add_check_in(store, date(2026, 10, 30) if role == "mentor" else date(2026, 10, 31), role,
                         working=f"{word} finds this working", usefulness=4)
        [(skill,)] = q(path, "SELECT id FROM skill WHERE owner = ? ORDER BY position LIMIT 1", role)
        ops.add_rating(store, skill, date(2026, 10, 31), 4, rated_by="self", note=f"{word} rates self")
        if role == "mentor":
            g = ops.add_goal(store, f"{word} new shared goal", owner="mentor")
            ops.add_milestone(store, g, f"{word} first milestone")
        else:
            e2 = ops.add_entry(store, date(2026, 10, 27), topics=f"{word} extra session",
                               mentee_takeaway=f"{word} extra takeaway")
            ops.set_entry_goals(store, e2, [goal_id(path, shared_goal)])
            ops.add_action(store, e2, f"{word} follows up", owner="mentee")
        secret_entry, secret_goal = PRIVATE[role]
        p = ops.add_entry(store, date(2026, 10, 29), topics=secret_entry, notes=f"{secret_entry} notes",
                          **{f"{role}_takeaway": secret_entry}, private=True)
        ops.add_action(store, p, f"{secret_entry} action")
        pg = ops.add_goal(store, secret_goal, private=True, success_measure=secret_goal)
        ops.add_milestone(store, pg, f"{secret_goal} milestone")
    finally:
        store.close()


def test_two_diverging_files_exchange_both_ways_and_agree(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair  # the mentor's file and the mentee's
    shared_goal = shared_goal_uids(a)[-1]
    assert shared_goal in shared_goal_uids(b)
    session = one(a, "SELECT uid FROM journal_entry WHERE private = 0 ORDER BY held_on DESC LIMIT 1")
    diverge(a, "mentor", "Aardvark", shared_goal, session)
    diverge(b, "mentee", "Bumblebee", shared_goal, session)
    private_before = {p: (all_rows(p)["journal_entry"], all_rows(p)["goal"]) for p in (a, b)}
    secrets_a = q(a, "SELECT * FROM journal_entry WHERE private = 1 ORDER BY id")
    secrets_b = q(b, "SELECT * FROM journal_entry WHERE private = 1 ORDER BY id")
    assert secrets_a and secrets_b and private_before
    shares = tmp_path / "shares"
    shares.mkdir()

    # the mentee's share into the mentor's file: the one goal both edited is the one conflict
    first = exchange(b, a, shares, "b1", choices={("goal", shared_goal): "mine"})
    assert first.conflicts == [("goal", shared_goal)]
    assert one(a, "SELECT description FROM goal WHERE uid = ?", shared_goal).startswith("Aardvark")
    # …and the mentor's back: they chose theirs (the mentor's), so the mentee takes it, no conflict
    back = exchange(a, b, shares, "a1")
    assert back.conflicts == []
    assert one(b, "SELECT description FROM goal WHERE uid = ?", shared_goal).startswith("Aardvark")
    # and again both ways: nothing left to settle
    for src, dst, name in ((b, a, "b2"), (a, b, "a2")):
        again = exchange(src, dst, shares, name)
        assert again.conflicts == []

    # both files hold the same non-private content: every record, both sides, authored ones
    assert diff_content(a, b) == []
    ca = content(a)
    for role, word in (("mentor", "Aardvark"), ("mentee", "Bumblebee")):
        grid = [d["text"] for d, _s, author in ca["swot"].values() if author == role]
        assert f"{word} strength" in grid and f"{word} threat" in grid
        assert any(d["working"].startswith(word) for d, _s, who in ca["check_in"].values() if who == role)
        assert any(d["note"] == f"{word} rates self" for d, _s, _w in ca["rating"].values())
        sides = ca["entry"][session][1][role]
        assert sides["takeaway"] == f"{word} took this away"
        assert sides["rating"] == (5 if role == "mentor" else 2)
    for path in (a, b):
        assert one(path, "SELECT count(*) FROM milestone WHERE title = 'Aardvark first milestone'") == 1
        assert one(path, "SELECT count(*) FROM action_item WHERE text = 'Bumblebee follows up'") == 1

    # each partner's private records untouched in their own file, absent from the other's and from
    # every share written
    assert q(a, "SELECT * FROM journal_entry WHERE private = 1 ORDER BY id") == secrets_a
    assert q(b, "SELECT * FROM journal_entry WHERE private = 1 ORDER BY id") == secrets_b
    for own, other_file, role in ((a, b, "mentor"), (b, a, "mentee")):
        entry_word, goal_word = PRIVATE[role]
        assert one(own, "SELECT count(*) FROM journal_entry WHERE private = 1 AND topics = ?", entry_word) == 1
        assert one(own, "SELECT count(*) FROM goal WHERE private = 1 AND title = ?", goal_word) == 1
        assert one(own, "SELECT count(*) FROM milestone WHERE title = ?", f"{goal_word} milestone") == 1
        assert one(own, "SELECT count(*) FROM action_item WHERE text = ?", f"{entry_word} action") == 1
        raw = other_file.read_bytes()
        assert entry_word.encode() not in raw and goal_word.encode() not in raw
    written = shares_in(shares)
    assert len(written) == 4
    for path in written:
        raw = path.read_bytes()
        for words in PRIVATE.values():
            for word in words:
                assert word.encode() not in raw, (path.name, word)

    # the PDFs agree: the same content, only the figures that count private sessions differ
    view_a, sum_a = summary_view(a)
    view_b, sum_b = summary_view(b)
    assert view_a == view_b
    assert sum_a.private_sessions == 2 and sum_b.private_sessions == 1
    assert sum_a.sessions_held - sum_a.private_sessions == sum_b.sessions_held - sum_b.private_sessions
    assert "Aardvark new shared goal" in [g["title"] for g in view_a["goals"]]
    assert "Bumblebee extra session" in [e["topics"] for e in view_a["entries"]]
    assert not {w for words in PRIVATE.values() for w in words} & set(str(view_a).split())


def test_the_pdf_text_of_both_files_agrees(synced: tuple[Path, Path], tmp_path: Path,
                                           qapp: object) -> None:
    """The PDFs themselves, sections without the figures that count private sessions: same text."""
    from pypdf import PdfReader

    from revmentor_desktop.report import summary as sm
    from revmentor_desktop.report.pdf import write_pdf

    a, b = synced
    texts = []
    sections = tuple(s for s in sm.ALL_SECTIONS if s != sm.SECTION_OVERVIEW)
    for path in (a, b):
        store = Store.open(path, read_only=True)
        try:
            summary = sm.build_summary(store, sm.ExportOptions(sections=sections, journal_latest=None),
                                       today=TODAY)
        finally:
            store.close()
        out = tmp_path / f"{path.stem}.pdf"
        write_pdf(summary, out)
        texts.append(" ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split()))
    assert "Martin Okafor" in texts[0] and len(texts[0]) > 2000
    assert texts[0] == texts[1]


# -- idempotence ----------------------------------------------------------------------------------------


def test_importing_the_same_share_twice_changes_nothing_the_second_time(
        pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    out = write(b, tmp_path / "b.revshare")
    first = do_import(a, out)
    assert first.items
    after_first = a.read_bytes()
    second = plan_for(a, out)
    assert second.is_empty()
    assert second.items == [] and second.counts() == {"add": 0, "update": 0, "conflict": 0, "remove": 0}
    do_import(a, out)
    assert a.read_bytes() == after_first


def test_reimport_after_the_partner_edited_one_goal_changes_just_that_goal(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    uid = shared_goal_uids(b)[2]
    edit(b, ops.update_goal, goal_id(b, uid), title="Renamed by the mentee", manual_progress=70)
    before = all_rows(a, skip=("exchange_seen", "partnership"))
    plan = exchange(b, a, tmp_path, "b")
    assert [(i.action, i.kind, i.uid) for i in plan.items] == [("update", "goal", uid)]
    assert {f for f, _m, _t in plan.items[0].fields} == {"title", "manual_progress"}
    after = all_rows(a, skip=("exchange_seen", "partnership"))
    assert {t for t in before if before[t] != after[t]} == {"goal"}
    changed = [(x, y) for x, y in zip(before["goal"], after["goal"], strict=True) if x != y]
    assert len(changed) == 1
    assert one(a, "SELECT title FROM goal WHERE uid = ?", uid) == "Renamed by the mentee"
    assert one(a, "SELECT manual_progress FROM goal WHERE uid = ?", uid) == 70


def test_a_newer_share_with_nothing_new_is_imported(synced: tuple[Path, Path], tmp_path: Path) -> None:
    """The partner exports again without changing anything: the plan is not empty (the share is
    newer, so the file should remember its date), and carrying it out must not fail."""
    a, b = synced
    out = write(b, tmp_path / "again.revshare")
    incoming = read_share(out)
    store = Store.open(a)
    try:
        plan = share.plan_from(store, incoming)
        assert plan.items == [] and not plan.is_empty()
        share.apply_plan(store, plan)
    finally:
        store.close()
    assert plan_for(a, out).is_empty()


def test_a_session_that_discussed_no_goal_is_imported(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    edit(b, ops.add_entry, date(2026, 10, 28), topics="A session about nothing in particular")
    exchange(b, a, tmp_path, "b")
    assert one(a, "SELECT count(*) FROM journal_entry WHERE topics = ?",
               "A session about nothing in particular") == 1


def test_a_snapshot_of_empty_grids_is_imported(tmp_path: Path) -> None:
    a = tmp_path / "a.revmentor"
    Store.create(a, {"mentor_name": "Dana Lee", "mentee_name": "Morgan Hale",
                     "start_date": date(2026, 1, 5), "organisation": "Acme"}).close()
    b = tmp_path / "b.revmentor"
    share.new_from_share(write(a, tmp_path / "a0.revshare"), b)
    edit(a, ops.save_snapshot, "Before we wrote anything", date(2026, 1, 6))
    exchange(a, b, tmp_path, "a1")
    assert one(b, "SELECT label FROM swot_snapshot") == "Before we wrote anything"


def test_an_agreement_without_focus_areas_is_imported(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    edit(b, ops.set_focus_areas, [])
    exchange(b, a, tmp_path, "b")
    assert q(a, "SELECT name FROM focus_area") == []


# -- conflicts and the 'seen' logic ------------------------------------------------------------------------


def test_both_edit_the_same_goal_is_one_conflict(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    uid = shared_goal_uids(a)[1]
    edit(a, ops.update_goal, goal_id(a, uid), success_measure="Mine: measured my way")
    edit(b, ops.update_goal, goal_id(b, uid), success_measure="Theirs: measured their way")
    before = sha(a)
    plan = plan_for(a, write(b, tmp_path / "b.revshare"))
    assert [(i.kind, i.uid) for i in plan.conflicts] == [("goal", uid)]
    [item] = plan.conflicts
    assert item.fields == [("success_measure", "Mine: measured my way", "Theirs: measured their way")]
    assert resolve(plan) == [("goal", uid)]  # nothing chosen: unsettled
    store = Store.open(a)
    try:
        with pytest.raises(ValueError):
            share.apply_plan(store, plan)  # a caller's bug, refused before anything is written
    finally:
        store.close()
    assert sha(a) == before


def test_only_they_edit_takes_theirs_and_nothing_else(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    uid = shared_goal_uids(a)[1]
    edit(b, ops.update_goal, goal_id(b, uid), status="achieved")
    before = all_rows(a, skip=("exchange_seen", "partnership"))
    plan = exchange(b, a, tmp_path, "b")
    assert [(i.action, i.uid) for i in plan.items] == [("update", uid)]
    assert one(a, "SELECT status FROM goal WHERE uid = ?", uid) == "achieved"
    after = all_rows(a, skip=("exchange_seen", "partnership"))
    assert [t for t in before if before[t] != after[t]] == ["goal"]
    changed = [y for x, y in zip(before["goal"], after["goal"], strict=True) if x != y]
    assert len(changed) == 1 and uid in changed[0]


def test_only_i_edit_keeps_mine_and_their_next_import_takes_it(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    uid = shared_goal_uids(a)[3]
    edit(a, ops.update_goal, goal_id(a, uid), description="Edited by the mentor only")
    before = sha(a)
    plan = plan_for(a, write(b, tmp_path / "b.revshare"))
    assert plan.items == []  # their version is the one I saw: mine is newer, kept
    assert sha(a) == before
    # my share then reaches them: they changed nothing since, so they take mine, no conflict
    back = exchange(a, b, tmp_path, "a")
    assert [(i.action, i.uid) for i in back.items] == [("update", uid)]
    assert one(b, "SELECT description FROM goal WHERE uid = ?", uid) == "Edited by the mentor only"
    assert diff_content(a, b) == []


def test_the_same_edit_on_both_sides_is_no_conflict(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    uid = shared_goal_uids(a)[2]
    for path in (a, b):
        edit(path, ops.update_goal, goal_id(path, uid), status="achieved", manual_progress=100)
    assert exchange(b, a, tmp_path, "b").items == []
    assert exchange(a, b, tmp_path, "a").items == []
    assert diff_content(a, b) == []


def test_they_edit_again_after_i_chose_mine_is_a_conflict_again(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    """Choosing mine settles only the versions compared: a later edit of theirs that never saw mine
    is asked about again."""
    a, b = synced
    uid = shared_goal_uids(a)[0]
    edit(a, ops.update_goal, goal_id(a, uid), manual_progress=11)
    edit(b, ops.update_goal, goal_id(b, uid), manual_progress=22)
    exchange(b, a, tmp_path, "b", prefer="mine")
    edit(b, ops.update_goal, goal_id(b, uid), manual_progress=33)
    plan = plan_for(b, write(a, tmp_path / "a.revshare"))
    assert [(i.kind, i.uid) for i in plan.conflicts] == [("goal", uid)]


def test_a_shared_goal_i_deleted_does_not_come_back_unchanged(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    uid = shared_goal_uids(a)[3]
    edit(a, ops.delete_goal, goal_id(a, uid))
    edit(b, ops.add_goal, "Something new from the mentee")
    plan = exchange(b, a, tmp_path, "b")
    assert ("goal", uid) not in [(i.kind, i.uid) for i in plan.items]
    assert one(a, "SELECT count(*) FROM goal WHERE uid = ?", uid) == 0


def test_a_milestone_they_added_to_a_goal_i_deleted_is_left_out_with_it(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    """Their goal is unchanged (a new milestone does not change it), so my deletion stands, and
    the milestone they hung off it has nowhere to go: left out, never a failed import."""
    a, b = synced
    uid = shared_goal_uids(a)[3]
    edit(a, ops.delete_goal, goal_id(a, uid))
    edit(b, ops.add_milestone, goal_id(b, uid), "A step on a goal the mentor deleted")
    edit(b, ops.add_goal, "Something new from the mentee")
    exchange(b, a, tmp_path, "b")
    assert one(a, "SELECT count(*) FROM goal WHERE uid = ?", uid) == 0
    assert one(a, "SELECT count(*) FROM milestone WHERE title = 'A step on a goal the mentor deleted'") == 0
    assert one(a, "SELECT count(*) FROM goal WHERE title = 'Something new from the mentee'") == 1


def test_choosing_mine_lets_the_partner_take_mine_next_time(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    uid = shared_goal_uids(a)[0]
    edit(a, ops.update_goal, goal_id(a, uid), manual_progress=11)
    edit(b, ops.update_goal, goal_id(b, uid), manual_progress=99)
    plan = exchange(b, a, tmp_path, "b", choices={("goal", uid): "mine"})
    assert plan.conflicts == [("goal", uid)]
    assert one(a, "SELECT manual_progress FROM goal WHERE uid = ?", uid) == 11
    back = exchange(a, b, tmp_path, "a")
    assert back.conflicts == []
    assert one(b, "SELECT manual_progress FROM goal WHERE uid = ?", uid) == 11
    assert diff_content(a, b) == []
    # and the next share from them brings nothing
    assert exchange(b, a, tmp_path, "b2").items == []


def test_choosing_theirs_makes_the_files_equal(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    uid = shared_goal_uids(a)[0]
    edit(a, ops.update_goal, goal_id(a, uid), title="Mentor's title", manual_progress=11)
    edit(b, ops.update_goal, goal_id(b, uid), title="Mentee's title")
    plan = exchange(b, a, tmp_path, "b", prefer="theirs")
    assert plan.conflicts == [("goal", uid)]
    assert diff_content(a, b) == []
    assert one(a, "SELECT title FROM goal WHERE uid = ?", uid) == "Mentee's title"
    back = exchange(a, b, tmp_path, "a")
    assert back.conflicts == [] and back.items == []
    assert diff_content(a, b) == []


def test_their_new_records_and_mine_both_survive(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    mine = edit(a, ops.add_goal, "A goal only the mentor added", owner="mentor")
    theirs = edit(b, ops.add_goal, "A goal only the mentee added", owner="mentee")
    edit(b, ops.add_milestone, theirs, "Its milestone")
    exchange(b, a, tmp_path, "b")
    exchange(a, b, tmp_path, "a")
    assert diff_content(a, b) == []
    for path in (a, b):
        titles = [t for (t,) in q(path, "SELECT title FROM goal")]
        assert "A goal only the mentor added" in titles and "A goal only the mentee added" in titles
    assert mine


def test_goals_both_added_are_listed_in_the_same_order(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    edit(a, ops.add_goal, "A goal only the mentor added", owner="mentor")
    edit(b, ops.add_goal, "A goal only the mentee added", owner="mentee")
    exchange(b, a, tmp_path, "b")
    exchange(a, b, tmp_path, "a")
    assert diff_content(a, b) == []  # the same records, the same positions (a tie)…
    from revmentor_desktop.data import reads

    def listed(path: Path) -> list[str]:
        store = Store.open(path)
        try:
            return [g.title for g in reads.list_goals(store, include_private=False)]
        finally:
            store.close()

    assert listed(a) == listed(b)  # …listed in one order in both (ties go by stable id)


def test_a_goal_i_made_private_does_not_block_their_shares(synced: tuple[Path, Path],
                                                          tmp_path: Path) -> None:
    a, b = synced
    uid = shared_goal_uids(a)[0]
    edit(a, ops.update_goal, goal_id(a, uid), private=True, description="Now mine alone")
    mine = q(a, "SELECT * FROM goal WHERE uid = ?", uid)
    edit(b, ops.add_goal, "Something new from the mentee")
    exchange(b, a, tmp_path, "b")
    assert one(a, "SELECT count(*) FROM goal WHERE title = 'Something new from the mentee'") == 1
    assert q(a, "SELECT * FROM goal WHERE uid = ?", uid) == mine  # still private, still mine


def test_a_goal_made_private_takes_its_copies_in_reviews_out_of_the_share(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    """A review keeps a copy of each goal as it stood (title, what was expected and achieved);
    making the goal private later leaves the copies as they were, and the share used to carry them."""
    a, b = synced
    [(gid, title)] = q(a, "SELECT g.id, g.title FROM goal g WHERE g.private = 0 AND EXISTS"
                          " (SELECT 1 FROM review_goal rg WHERE rg.goal_id = g.id) LIMIT 1")
    copies = {u for (u,) in q(a, "SELECT uid FROM review_goal WHERE goal_id = ?", gid)}
    assert copies and title in json.dumps(load(write(a, tmp_path / "before.revshare")))
    edit(a, ops.update_goal, gid, private=True)
    doc = load(write(a, tmp_path / "after.revshare"))
    assert title not in json.dumps(doc)
    assert not copies & {r["uid"] for r in doc["records"]}
    before = q(a, "SELECT * FROM review_goal WHERE goal_id = ? ORDER BY id", gid)
    exchange(b, a, tmp_path, "b")  # and their copies of it never overwrite mine
    assert q(a, "SELECT * FROM review_goal WHERE goal_id = ? ORDER BY id", gid) == before


def test_a_session_i_made_private_does_not_block_their_shares(synced: tuple[Path, Path],
                                                             tmp_path: Path) -> None:
    a, b = synced
    uid = one(a, "SELECT uid FROM journal_entry WHERE private = 0 ORDER BY held_on LIMIT 1")
    edit(a, ops.update_entry, entry_id(a, uid), private=True)
    edit(b, ops.add_goal, "Something new from the mentee")
    exchange(b, a, tmp_path, "b")
    assert one(a, "SELECT private FROM journal_entry WHERE uid = ?", uid) == 1


# -- authored records --------------------------------------------------------------------------------------


def test_their_deleted_swot_item_disappears_from_my_copy(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    [(item, uid, text)] = q(b, "SELECT id, uid, text FROM swot_item WHERE grid = 'mentee'"
                               " ORDER BY id LIMIT 1")
    assert one(a, "SELECT count(*) FROM swot_item WHERE uid = ?", uid) == 1
    edit(b, ops.delete_swot_item, item)
    plan = exchange(b, a, tmp_path, "b")
    assert [(i.action, i.kind, i.uid) for i in plan.items] == [("remove", "swot", uid)]
    assert one(a, "SELECT count(*) FROM swot_item WHERE uid = ?", uid) == 0
    assert one(a, "SELECT count(*) FROM exchange_seen WHERE uid = ?", uid) == 0
    assert text
    assert diff_content(a, b) == []


def test_an_import_that_only_removes_their_swot_item_works(synced: tuple[Path, Path],
                                                           tmp_path: Path) -> None:
    a, b = synced
    [(item, uid)] = q(b, "SELECT id, uid FROM swot_item WHERE grid = 'mentee' ORDER BY id LIMIT 1")
    edit(b, ops.delete_swot_item, item)
    exchange(b, a, tmp_path, "b")
    assert one(a, "SELECT count(*) FROM swot_item WHERE uid = ?", uid) == 0


def test_an_import_that_only_brings_their_takeaway_works(synced: tuple[Path, Path],
                                                         tmp_path: Path) -> None:
    """The commonest exchange of all: the partner wrote what they took away from a session."""
    a, b = synced
    uid = one(b, "SELECT uid FROM journal_entry WHERE private = 0 ORDER BY held_on DESC LIMIT 1")
    edit(b, ops.update_entry, entry_id(b, uid), mentee_takeaway="What I took away, written later")
    exchange(b, a, tmp_path, "b")
    assert one(a, "SELECT mentee_takeaway FROM journal_entry WHERE uid = ?", uid) == \
        "What I took away, written later"


def test_my_own_grid_never_changes_from_their_share(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    mine_before = q(a, "SELECT * FROM swot_item WHERE grid = 'mentor' ORDER BY id")
    ratings_before = q(a, "SELECT * FROM check_in WHERE author = 'mentor' ORDER BY id")
    # the mentee edits everything they can of theirs, and the mentor's items in their copy
    [(their_item,)] = q(b, "SELECT id FROM swot_item WHERE grid = 'mentee' ORDER BY id LIMIT 1")
    edit(b, ops.update_swot_item, their_item, "Edited by the mentee")
    for (my_item,) in q(b, "SELECT id FROM swot_item WHERE grid = 'mentor'"):
        edit(b, ops.update_swot_item, my_item, "The mentee typed over the mentor's grid")
    exchange(b, a, tmp_path, "b")
    assert q(a, "SELECT * FROM swot_item WHERE grid = 'mentor' ORDER BY id") == mine_before
    assert q(a, "SELECT * FROM check_in WHERE author = 'mentor' ORDER BY id") == ratings_before
    assert one(a, "SELECT count(*) FROM swot_item WHERE text = 'Edited by the mentee'") == 1


def test_a_share_holding_my_own_swot_item_is_refused(synced: tuple[Path, Path], tmp_path: Path) -> None:
    """Their share may not carry a record of my grid (its stable id is one of my records)."""
    a, b = synced
    my_uid = one(a, "SELECT uid FROM swot_item WHERE grid = 'mentor' ORDER BY id LIMIT 1")
    doc = load(write(b, tmp_path / "b.revshare"))
    records_of(doc, "swot")[0]["uid"] = my_uid
    assert_refused(a, dump(doc, tmp_path / "hostile.revshare"))


def test_their_empty_takeaway_never_blanks_what_i_typed_for_them(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    e = add_session(a, date(2026, 10, 28), topics="Held at the mentor's office")
    exchange(a, b, tmp_path, "a")  # the mentee now holds it, their side empty
    uid = one(a, "SELECT uid FROM journal_entry WHERE id = ?", e)
    assert one(b, "SELECT mentee_takeaway FROM journal_entry WHERE uid = ?", uid) == ""
    edit(a, ops.update_entry, e, mentee_takeaway="Typed by the mentor for the mentee", mentee_rating=3)
    exchange(b, a, tmp_path, "b")
    assert one(a, "SELECT mentee_takeaway FROM journal_entry WHERE id = ?", e) == \
        "Typed by the mentor for the mentee"
    assert one(a, "SELECT mentee_rating FROM journal_entry WHERE id = ?", e) == 3
    # once they write their own, theirs comes in
    edit(b, ops.update_entry, entry_id(b, uid), mentee_takeaway="The mentee's own words")
    exchange(b, a, tmp_path, "b2")
    assert one(a, "SELECT mentee_takeaway FROM journal_entry WHERE id = ?", e) == "The mentee's own words"
    assert one(a, "SELECT mentee_rating FROM journal_entry WHERE id = ?", e) == 3


def test_my_side_of_a_session_is_never_taken_from_theirs(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    uid = one(a, "SELECT uid FROM journal_entry WHERE private = 0 ORDER BY held_on LIMIT 1")
    mine = q(a, "SELECT mentor_takeaway, mentor_says_keep, mentor_rating FROM journal_entry WHERE uid = ?",
             uid)
    edit(b, ops.update_entry, entry_id(b, uid), mentor_takeaway="The mentee rewrote the mentor's words",
         mentor_rating=1)
    exchange(b, a, tmp_path, "b")
    assert q(a, "SELECT mentor_takeaway, mentor_says_keep, mentor_rating FROM journal_entry WHERE uid = ?",
             uid) == mine


# -- the same session logged by both ---------------------------------------------------------------------


@pytest.mark.parametrize("smaller", ["mentor", "mentee"])
def test_the_same_session_logged_by_both_becomes_one(synced: tuple[Path, Path], tmp_path: Path,
                                                     smaller: str) -> None:
    a, b = synced
    day = date(2026, 10, 28)
    ea = add_session(a, day, topics="Coffee chat", mentor_takeaway="Mentor's view")
    eb = add_session(b, day, notes="We met for coffee", mentee_takeaway="Mentee's view")
    # pin the two stable ids, so both orders (whose id is the smaller) are tried
    low, high = "0" * 31 + "1", "f" * 31 + "e"
    for path, row, uid in ((a, ea, low if smaller == "mentor" else high),
                           (b, eb, high if smaller == "mentor" else low)):
        conn = sqlite3.connect(path)
        conn.execute("UPDATE journal_entry SET uid = ? WHERE id = ?", (uid, row))
        conn.commit()
        conn.close()
    first = exchange(a, b, tmp_path, "a")
    [item] = [i for i in first.items if i.kind == "entry"]
    assert item.same_session and item.action == "update"
    exchange(b, a, tmp_path, "b")
    exchange(a, b, tmp_path, "a2")
    for path in (a, b):
        assert q(path, "SELECT uid, topics, notes, mentor_takeaway, mentee_takeaway FROM journal_entry"
                       " WHERE held_on = ?", day.isoformat()) == [
            (low, "Coffee chat", "We met for coffee", "Mentor's view", "Mentee's view")]
    assert diff_content(a, b) == []


def test_the_same_session_keeps_their_action_items_and_ratings(synced: tuple[Path, Path],
                                                               tmp_path: Path) -> None:
    """Their records that name their copy of the session follow it onto mine."""
    a, b = synced
    day = date(2026, 10, 28)
    add_session(a, day, topics="Coffee chat")
    eb = add_session(b, day, notes="We met for coffee")
    edit(b, ops.add_action, eb, "The mentee books the next one", owner="mentee")
    [(skill,)] = q(b, "SELECT id FROM skill WHERE owner = 'mentee' ORDER BY position LIMIT 1")
    edit(b, ops.add_rating, skill, day, 3, rated_by="self", entry_id=eb, note="Rated at coffee")
    exchange(b, a, tmp_path, "b")
    [(entry,)] = q(a, "SELECT id FROM journal_entry WHERE held_on = ?", day.isoformat())
    assert one(a, "SELECT entry_id FROM action_item WHERE text = 'The mentee books the next one'") == entry
    assert one(a, "SELECT entry_id FROM skill_rating WHERE note = 'Rated at coffee'") == entry
    exchange(a, b, tmp_path, "a")
    exchange(b, a, tmp_path, "b2")
    assert diff_content(a, b) == []
    for path in (a, b):
        assert one(path, "SELECT count(*) FROM journal_entry WHERE held_on = ?", day.isoformat()) == 1


def test_the_same_session_with_different_topics_is_a_conflict(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    day = date(2026, 10, 28)
    add_session(a, day, topics="Mentor's topic")
    add_session(b, day, topics="Mentee's topic")
    plan = plan_for(a, write(b, tmp_path / "b.revshare"))
    [item] = plan.conflicts
    assert item.same_session and item.fields[0] == ("topics", "Mentor's topic", "Mentee's topic")
    exchange(b, a, tmp_path, "b2", prefer="theirs")
    exchange(a, b, tmp_path, "a")
    for path in (a, b):
        assert q(path, "SELECT topics FROM journal_entry WHERE held_on = ?", day.isoformat()) == [
            ("Mentee's topic",)]
    assert diff_content(a, b) == []


def test_a_private_session_on_the_same_date_is_never_matched(
        synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    day = date(2026, 10, 28)
    secret = edit(a, ops.add_entry, day, topics="SECRETCOFFEE", private=True)
    add_session(b, day, topics="Coffee chat")
    exchange(b, a, tmp_path, "b")
    assert q(a, "SELECT topics, private FROM journal_entry WHERE held_on = ? ORDER BY id",
             day.isoformat()) == [("SECRETCOFFEE", 1), ("Coffee chat", 0)]
    assert one(a, "SELECT topics FROM journal_entry WHERE id = ?", secret) == "SECRETCOFFEE"


# -- refusals ------------------------------------------------------------------------------------------------


def assert_refused(target: Path, share_path: Path, *words: str) -> KnownError:
    """Importing `share_path` into `target` is refused with one line (BAD_SHARE), the file as it was."""
    before = sha(target)
    with pytest.raises(KnownError) as exc:
        do_import(target, share_path, prefer="theirs")
    err = exc.value
    assert err.kind is ErrorKind.BAD_SHARE, (err.kind, err.one_line())
    line = err.one_line()
    assert "\n" not in line and "\r" not in line and line.strip() == line
    assert len(line) < 400, line
    for word in words:
        assert word in line, line
    assert sha(target) == before
    assert not [p for p in target.parent.iterdir() if p.name.startswith(target.name + "-")]
    return err


@pytest.fixture
def b_share(synced: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path, dict[str, object]]:
    """The mentor's file, and the mentee's share as JSON to break."""
    a, b = synced
    return a, b, load(write(b, tmp_path / "b.revshare"))


def test_a_share_from_another_partnership_is_refused(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, _b = synced
    other_a, other_b = tmp_path / "oa.revmentor", tmp_path / "ob.revmentor"
    Store.create(other_a, {"mentor_name": "Priya Raman", "mentee_name": "Martin Okafor",
                           "start_date": date(2026, 5, 12), "organisation": "Northwind Logistics"}).close()
    share.new_from_share(write(other_a, tmp_path / "oa.revshare"), other_b)
    assert_refused(a, write(other_b, tmp_path / "other.revshare"), "another partnership")


def test_two_samples_made_apart_are_two_partnerships(tmp_path: Path) -> None:
    """Two people who each make a sample pair (or one person, twice, on different days) hold two
    partnerships: a share of one must not merge into the other."""
    a1, b1 = tmp_path / "a1.revmentor", tmp_path / "b1.revmentor"
    a2, b2 = tmp_path / "a2.revmentor", tmp_path / "b2.revmentor"
    make_pair(a1, b1, sessions=3, today=TODAY)
    make_pair(a2, b2, sessions=6, today=date(2027, 3, 1))
    assert one(a1, "SELECT pair_uid FROM partnership") != one(a2, "SELECT pair_uid FROM partnership")


def test_a_share_written_from_my_own_side_is_refused(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, _b = synced
    assert_refused(a, write(a, tmp_path / "mine.revshare"), "your own side")


def test_a_share_older_than_one_imported_is_refused(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    older = write(b, tmp_path / "older.revshare", CLOCK.tick())
    edit(b, ops.add_goal, "Something new")
    newer = write(b, tmp_path / "newer.revshare", CLOCK.tick())
    do_import(a, newer)
    assert_refused(a, older, "older")


def test_a_newer_format_version_is_refused(b_share: tuple[Path, Path, dict[str, object]],
                                           tmp_path: Path) -> None:
    a, _b, doc = b_share
    doc["version"] = 2
    err = assert_refused(a, dump(doc, tmp_path / "v2.revshare"), "newer version")
    assert err.hint


def _dated(b: Path, tmp_path: Path, written_at: str) -> Path:
    out = write(b, tmp_path / "dated.revshare")
    doc = load(out)
    doc["written_at"] = written_at
    return dump(doc, out)


def test_a_share_written_in_another_time_zone_is_read_in_utc(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    do_import(a, _dated(b, tmp_path, "2026-11-30T10:00:00+14:00"))
    assert one(a, "SELECT last_share_at FROM partnership") == "2026-11-29 20:00:00.000000"


@pytest.mark.parametrize("written_at", ["0999-01-01T00:00:00+00:00", "1899-12-31T23:00:00+00:00",
                                        "2026-11-30", "yesterday", "2026-11-30T25:00:00+00:00"])
def test_a_share_dated_outside_the_years_a_file_holds_is_refused(
        pair: tuple[Path, Path], tmp_path: Path, written_at: str) -> None:
    """(A share dated 0999 used to be imported, and its date written as '999-01-01 …' damaged the
    file.)"""
    a, b = pair
    assert_refused(a, _dated(b, tmp_path, written_at), "when it was written")


def test_a_share_whose_date_overflows_is_refused(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    assert_refused(a, _dated(b, tmp_path, "9999-12-31T23:59:59-23:59"))


def test_a_share_dated_far_in_the_future_is_refused(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    assert_refused(a, _dated(b, tmp_path, "2199-01-01T00:00:00+00:00"))


@pytest.mark.parametrize("cut", [0.5, 0.1, 0.9])
def test_a_truncated_share_is_refused(synced: tuple[Path, Path], tmp_path: Path, cut: float) -> None:
    a, b = synced
    raw = write(b, tmp_path / "b.revshare").read_bytes()
    bad = tmp_path / "cut.revshare"
    bad.write_bytes(raw[: int(len(raw) * cut)])
    assert_refused(a, bad, "cut short")


@pytest.mark.parametrize("raw", [b"", b"   \n", b"hello, partner", b"\xff\xfe\x00garbage",
                                 b"[1, 2, 3]", b'{"format": "something-else"}', b"null",
                                 b'{"format": "revmentor-share"}', b"[" * 100_000])
def test_what_is_not_a_share_is_refused(synced: tuple[Path, Path], tmp_path: Path, raw: bytes) -> None:
    a, _b = synced
    bad = tmp_path / "bad.revshare"
    bad.write_bytes(raw)
    assert_refused(a, bad)


def test_a_folder_is_refused(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, _b = synced
    folder = tmp_path / "folder.revshare"
    folder.mkdir()
    assert_refused(a, folder, "folder")


def test_a_missing_share_is_not_found(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, _b = synced
    before = sha(a)
    with pytest.raises(KnownError) as exc:
        do_import(a, tmp_path / "nowhere.revshare")
    assert exc.value.kind is ErrorKind.NOT_FOUND
    assert sha(a) == before


def test_a_stable_id_used_twice_is_refused(b_share: tuple[Path, Path, dict[str, object]],
                                           tmp_path: Path) -> None:
    a, _b, doc = b_share
    goals = records_of(doc, "goal")  # type: ignore[arg-type]
    twin = json.loads(json.dumps(goals[0]))
    twin["data"]["title"] = "A twin"
    doc["records"].append(twin)
    assert_refused(a, dump(doc, tmp_path / "dup.revshare"), goals[0]["uid"])


@pytest.mark.parametrize(("kind", "field", "value"), [
    ("goal", "manual_progress", "50"),
    ("goal", "manual_progress", 50.0),
    ("goal", "manual_progress", True),
    ("goal", "manual_progress", 101),
    ("goal", "title", 12),
    ("goal", "title", ["a list"]),
    ("goal", "title", "   "),
    ("goal", "status", "finished-ish"),
    ("goal", "target_date", "2026-02-30"),
    ("goal", "target_date", "20260201"),
    ("goal", "target_date", 20260201),
    ("goal", "position", -1),
    ("goal", "position", 10**30),
    ("entry", "held_on", None),
    ("entry", "goals", "not a list"),
    ("entry", "goals", ["not-a-uid"]),
    ("entry", "rating", 6),
    ("milestone", "goal", None),
    ("agreement", "start_date", "2300-01-01"),
    ("agreement", "focus_areas", [1, 2]),
    ("agreement", "mentor_name", ""),
    ("swot", "quadrant", "X"),
    ("check_in", "usefulness", 0),
    ("rating", "rated_by", "boss"),
    ("snapshot", "items", [["mentor", "S"]]),
])
def test_wrong_types_and_values_are_refused(b_share: tuple[Path, Path, dict[str, object]],
                                            tmp_path: Path, kind: str, field: str,
                                            value: object) -> None:
    a, _b, doc = b_share
    records_of(doc, kind)[0]["data"][field] = value  # type: ignore[arg-type]
    assert_refused(a, dump(doc, tmp_path / "bad.revshare"))


@pytest.mark.parametrize("mutation", [
    "records not a list", "record not a dict", "unknown kind", "extra field", "missing field",
    "unknown data field", "missing data field", "side on a goal", "no side on an entry",
    "bad uid", "upper-case uid", "bad seen", "extra header field", "no written_at", "naive written_at",
    "bad pair", "bad author", "no agreement", "two agreements", "app too long",
])
def test_damaged_structure_is_refused(b_share: tuple[Path, Path, dict[str, object]],
                                      tmp_path: Path, mutation: str) -> None:
    a, _b, doc = b_share
    recs: list[dict[str, object]] = doc["records"]  # type: ignore[assignment]
    goal = records_of(doc, "goal")[0]  # type: ignore[arg-type]
    entry = records_of(doc, "entry")[0]  # type: ignore[arg-type]
    if mutation == "records not a list":
        doc["records"] = {"0": recs[0]}
    elif mutation == "record not a dict":
        recs.append("goal")  # type: ignore[arg-type]
    elif mutation == "unknown kind":
        goal["kind"] = "secret"
    elif mutation == "extra field":
        goal["extra"] = 1
    elif mutation == "missing field":
        del goal["seen"]
    elif mutation == "unknown data field":
        goal["data"]["private"] = False  # type: ignore[index]
    elif mutation == "missing data field":
        del goal["data"]["title"]
    elif mutation == "side on a goal":
        goal["side"] = {"takeaway": "x"}
    elif mutation == "no side on an entry":
        entry["side"] = None
    elif mutation == "bad uid":
        goal["uid"] = "../../etc/passwd"
    elif mutation == "upper-case uid":
        goal["uid"] = str(goal["uid"]).upper()
    elif mutation == "bad seen":
        goal["seen"] = "zz"
    elif mutation == "extra header field":
        doc["private"] = True
    elif mutation == "no written_at":
        doc["written_at"] = None
    elif mutation == "naive written_at":
        doc["written_at"] = "2026-11-30T10:00:00"
    elif mutation == "bad pair":
        doc["pair"] = "ours"
    elif mutation == "bad author":
        doc["author"] = "both"
    elif mutation == "no agreement":
        doc["records"] = [r for r in recs if r["kind"] != "agreement"]
    elif mutation == "two agreements":
        twin = json.loads(json.dumps(records_of(doc, "agreement")[0]))  # type: ignore[arg-type]
        twin["uid"] = "1" * 32
        recs.append(twin)
    elif mutation == "app too long":
        doc["app"] = "x" * 1000
    assert_refused(a, dump(doc, tmp_path / "bad.revshare"))


@pytest.mark.parametrize("what", ["goal", "entry", "milestone-of-goal", "action-of-entry",
                                  "entry-names-goal"])
def test_ids_that_collide_with_my_private_records_never_touch_them(
        b_share: tuple[Path, Path, dict[str, object]], tmp_path: Path, what: str) -> None:
    """A share naming one of my private records (or hanging a record off one) — what a partner's
    share holds after I made a shared record private, or what a hostile share may try — leaves
    every private row of mine as it was; the rest of the share still comes in."""
    a, _b, doc = b_share
    private_goal = one(a, "SELECT uid FROM goal WHERE private = 1 LIMIT 1")
    private_entry = one(a, "SELECT uid FROM journal_entry WHERE private = 1 LIMIT 1")
    if what == "goal":
        records_of(doc, "goal")[0]["uid"] = private_goal  # type: ignore[arg-type]
    elif what == "entry":
        records_of(doc, "entry")[0]["uid"] = private_entry  # type: ignore[arg-type]
    elif what == "milestone-of-goal":
        records_of(doc, "milestone")[0]["data"]["goal"] = private_goal  # type: ignore[arg-type]
    elif what == "action-of-entry":
        records_of(doc, "action")[0]["data"]["entry"] = private_entry  # type: ignore[arg-type]
    else:
        records_of(doc, "entry")[0]["data"]["goals"] = [private_goal]  # type: ignore[arg-type]

    def private_rows() -> list[object]:
        return [q(a, "SELECT * FROM goal WHERE private = 1 ORDER BY id"),
                q(a, "SELECT m.* FROM milestone m JOIN goal g ON g.id = m.goal_id WHERE g.private = 1"
                     " ORDER BY m.id"),
                q(a, "SELECT * FROM journal_entry WHERE private = 1 ORDER BY id"),
                q(a, "SELECT x.* FROM action_item x JOIN journal_entry e ON e.id = x.entry_id"
                     " WHERE e.private = 1 ORDER BY x.id"),
                q(a, "SELECT eg.* FROM entry_goal eg JOIN goal g ON g.id = eg.goal_id"
                     " WHERE g.private = 1 ORDER BY eg.entry_id")]

    before = private_rows()
    do_import(a, dump(doc, tmp_path / "collide.revshare"), prefer="theirs")
    assert private_rows() == before


def test_a_refusal_is_one_line_whatever_the_share_holds(
        b_share: tuple[Path, Path, dict[str, object]], tmp_path: Path) -> None:
    a, _b, doc = b_share
    records_of(doc, "goal")[0]["data"]["target_date"] = "2026-01-01\n\x1b[2Jyou have been hacked"  # type: ignore[arg-type]
    err = assert_refused(a, dump(doc, tmp_path / "escape.revshare"))
    assert not any(ch < " " or ch == "\x7f" for ch in err.one_line())


def test_a_milestone_of_a_goal_neither_file_holds_is_refused(
        b_share: tuple[Path, Path, dict[str, object]], tmp_path: Path) -> None:
    a, _b, doc = b_share
    records_of(doc, "milestone")[0]["data"]["goal"] = "a" * 32  # type: ignore[arg-type]
    assert_refused(a, dump(doc, tmp_path / "orphan.revshare"), "neither file holds")


def test_a_huge_text_field_is_refused(b_share: tuple[Path, Path, dict[str, object]], tmp_path: Path) -> None:
    a, _b, doc = b_share
    records_of(doc, "goal")[0]["data"]["description"] = "x" * (v.LONG_MAX + 1)  # type: ignore[arg-type]
    err = assert_refused(a, dump(doc, tmp_path / "huge.revshare"), "too long")
    assert "xxxxxxxx" not in err.one_line()


def test_markup_is_accepted_and_stored_literally(synced: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = synced
    markup = "<b>bold</b> &amp; <script>alert(1)</script> <img src=x onerror=alert(1)> ]]> {0} %s"
    uid = shared_goal_uids(b)[0]
    edit(b, ops.update_goal, goal_id(b, uid), title=markup, description=markup)
    out = write(b, tmp_path / "b.revshare")
    doc = load(out)
    [entry] = records_of(doc, "entry")[:1]
    entry["data"]["notes"] = "Line one\r\nline two\x00 with NUL \ud800 and \u202e RTL"
    dump(doc, out)
    exchange_plan = do_import(a, out)
    assert exchange_plan.items
    assert one(a, "SELECT title FROM goal WHERE uid = ?", uid) == markup
    assert one(a, "SELECT description FROM goal WHERE uid = ?", uid) == markup
    assert one(a, "SELECT notes FROM journal_entry WHERE uid = ?", entry["uid"]) == \
        "Line one\nline two with NUL \ufffd and \u202e RTL"  # cleaned as everything typed is


# -- writing a share --------------------------------------------------------------------------------------


def test_export_writes_a_private_file_atomically(pair: tuple[Path, Path], tmp_path: Path,
                                                 permissive_umask: None) -> None:
    a, _b = pair
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "mine.revshare"
    store = Store.open(a, read_only=True)
    try:
        count = share.export_share(store, out)
    finally:
        store.close()
    assert (out.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in out_dir.iterdir()] == ["mine.revshare"]  # no temporary file left
    incoming = read_share(out)
    assert incoming.count() == count and incoming.author == "mentor"
    assert incoming.pair == one(a, "SELECT pair_uid FROM partnership")
    raw = out.read_bytes()
    for secret in [t for (t,) in q(a, "SELECT notes FROM journal_entry WHERE private = 1")] + \
            [t for (t,) in q(a, "SELECT title FROM goal WHERE private = 1")]:
        assert secret and secret.encode() not in raw
    private_uids = [u for (u,) in q(a, "SELECT uid FROM goal WHERE private = 1 UNION ALL "
                                       "SELECT uid FROM journal_entry WHERE private = 1")]
    assert private_uids and not any(u.encode() in raw for u in private_uids)


def test_export_holds_what_the_format_says(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, _b = pair
    out = write(a, tmp_path / "a.revshare")
    raw = out.read_text("utf-8")
    doc = json.loads(raw)
    assert list(doc) == ["format", "version", "app", "written_at", "pair", "author", "records"]
    assert doc["format"] == "revmentor-share" and doc["version"] == 1
    lines = raw.splitlines()
    assert len(lines) == len(doc["records"]) + 2  # one record a line
    kinds = [r["kind"] for r in doc["records"]]
    from revmentor_desktop.data.share_kinds import ORDER

    assert kinds == sorted(kinds, key=ORDER.index)  # parents first
    assert all(r["side"] is None for r in doc["records"] if r["kind"] not in ("entry", "review"))
    # only what I authored of the authored kinds
    assert {r["data"]["rated_by"] for r in records_of(doc, "rating")} <= {"self", "partner"}
    assert len(records_of(doc, "swot")) == one(a, "SELECT count(*) FROM swot_item WHERE grid = 'mentor'")
    assert len(records_of(doc, "check_in")) == one(a, "SELECT count(*) FROM check_in WHERE author = 'mentor'")


def test_export_replaces_an_earlier_share_and_refuses_anything_else(
        pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    out = tmp_path / "out.revshare"
    write(b, out)
    first = out.read_bytes()
    write(a, out)  # a share there already: replaced
    assert out.read_bytes() != first and read_share(out).author == "mentor"
    for name, raw in (("notes.txt", b"my own notes"), ("empty.revshare", b""),
                      ("almost.revshare", b'{"format": "revmentor-sharex"}'),
                      ("ours.revmentor", a.read_bytes())):
        target = tmp_path / name
        target.write_bytes(raw)
        with pytest.raises(KnownError) as exc:
            write(a, target)
        assert exc.value.kind in (ErrorKind.ALREADY_EXISTS, ErrorKind.CANNOT_WRITE)
        assert target.read_bytes() == raw
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(KnownError):
        write(a, folder)
    link = tmp_path / "link.revshare"
    link.symlink_to(out)
    with pytest.raises(KnownError):
        write(a, link)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_reads_a_read_only_file_and_leaves_it_as_it_was(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, _b = pair
    os.chmod(a, 0o400)
    before = sha(a)
    out = tmp_path / "ro.revshare"
    store = Store.open(a, read_only=True)
    try:
        share.export_share(store, out)
    finally:
        store.close()
    assert sha(a) == before
    assert read_share(out).count() > 10
    assert sorted(p.name for p in a.parent.iterdir()) == sorted(["mentor.revmentor", "mentee.revmentor"])


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, filled up (skipped where mounting is not allowed)."""
    where = tmp_path / "disk"
    where.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        with (where / "filler").open("wb", buffering=0) as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
            except OSError:
                pass
        yield where
    finally:
        subprocess.run(["umount", str(where)], capture_output=True)


def test_export_on_a_full_disk_writes_nothing(pair: tuple[Path, Path], tiny_disk: Path) -> None:
    a, _b = pair
    out = tiny_disk / "mine.revshare"
    store = Store.open(a, read_only=True)
    try:
        with pytest.raises(KnownError) as exc:
            share.export_share(store, out)
    finally:
        store.close()
    assert exc.value.kind is ErrorKind.DISK_FULL
    assert "\n" not in exc.value.one_line()
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"]


def test_the_share_is_written_without_reading_private_rows(
        pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Every query behind a share leaves private rows out in SQL (the PDF's rule): run again, none of
    the statements it made returns a value of a private record."""
    from contextlib import contextmanager

    from revmentor_desktop.data import share_local

    a, _b = pair
    store = Store.open(a)
    try:
        e = ops.add_entry(store, date(2026, 10, 20), topics="PRIVTOPIC", notes="PRIVNOTES", private=True)
        ops.add_action(store, e, "PRIVACTION")
        g = ops.add_goal(store, "PRIVGOAL", private=True)
        ops.add_milestone(store, g, "PRIVMILESTONE")
        ops.set_entry_goals(store, e, [g])
        [(skill,)] = q(a, "SELECT id FROM skill LIMIT 1")
        ops.add_rating(store, skill, date(2026, 10, 20), 3, entry_id=e)
    finally:
        store.close()
    secrets = {v for (v,) in q(a, "SELECT uid FROM journal_entry WHERE private = 1 UNION ALL"
                                  " SELECT uid FROM goal WHERE private = 1 UNION ALL"
                                  " SELECT m.uid FROM milestone m JOIN goal g ON g.id = m.goal_id"
                                  " WHERE g.private = 1 UNION ALL"
                                  " SELECT a.uid FROM action_item a JOIN journal_entry e"
                                  " ON e.id = a.entry_id WHERE e.private = 1")}
    secrets |= {"PRIVTOPIC", "PRIVNOTES", "PRIVACTION", "PRIVGOAL", "PRIVMILESTONE"}
    statements: list[str] = []
    real = share_local.plain

    @contextmanager
    def tracing(st: Store) -> Iterator[sqlite3.Connection]:
        with real(st) as conn:
            conn.set_trace_callback(statements.append)
            try:
                yield conn
            finally:
                conn.set_trace_callback(None)

    monkeypatch.setattr(share_local, "plain", tracing)
    store = Store.open(a, read_only=True)
    try:
        recs = read_records(store, include_private=False)
    finally:
        store.close()
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) >= 10
    conn = sqlite3.connect(f"file:{a}?mode=ro", uri=True)
    try:
        for sql in selects:
            for row in conn.execute(sql):
                assert not secrets & set(row), sql
    finally:
        conn.close()
    assert not any(r.private for by in recs.by_kind.values() for r in by.values())


# -- starting from a share -------------------------------------------------------------------------------


def test_new_from_share_starts_the_partners_file(tmp_path: Path, permissive_umask: None) -> None:
    a = tmp_path / "mentor.revmentor"
    make_sample(a, 4, today=TODAY)
    out = write(a, tmp_path / "a.revshare")
    b = tmp_path / "mentee.revmentor"
    started = share.new_from_share(out, b)
    assert started.me == "mentee" and started.path == b and started.records == read_share(out).count()
    assert one(b, "SELECT me FROM partnership") == "mentee"
    assert one(b, "SELECT pair_uid FROM partnership") == one(a, "SELECT pair_uid FROM partnership")
    assert (b.stat().st_mode & 0o777) == 0o600
    ca, cb = content(a), content(b)
    for kind, recs in ca.items():  # everything shared, and what the mentor authored
        for uid, (data, sides, author) in recs.items():
            if author == "mentee":
                assert uid not in cb.get(kind, {})
                continue
            assert cb[kind][uid][0] == data, (kind, uid)
            assert cb[kind][uid][2] == author
            if sides:
                assert cb[kind][uid][1]["mentor"] == sides["mentor"]
    assert one(b, "SELECT count(*) FROM journal_entry WHERE private = 1") == 0
    assert one(b, "SELECT count(*) FROM goal WHERE private = 1") == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.revshare", "mentee.revmentor",
                                                          "mentor.revmentor"]
    # the share back changes nothing in the mentor's file but what it remembers
    plan = plan_for(a, write(b, tmp_path / "b.revshare"))
    assert plan.items == []


def test_new_from_the_mentees_share_starts_the_mentors_file(pair: tuple[Path, Path], tmp_path: Path) -> None:
    _a, b = pair
    mine = tmp_path / "new-mentor.revmentor"
    started = share.new_from_share(write(b, tmp_path / "b.revshare"), mine)
    assert started.me == "mentor"
    assert one(mine, "SELECT me FROM partnership") == "mentor"
    assert one(mine, "SELECT count(*) FROM swot_item WHERE grid = 'mentor'") == 0  # theirs to share
    assert one(mine, "SELECT count(*) FROM swot_item WHERE grid = 'mentee'") == \
        one(b, "SELECT count(*) FROM swot_item WHERE grid = 'mentee'")
    assert plan_for(mine, write(b, tmp_path / "b2.revshare")).items == []


def test_new_from_share_refuses_an_existing_file(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    out = write(a, tmp_path / "a.revshare")
    for existing in (b, tmp_path / "notes.txt"):
        if not existing.exists():
            existing.write_text("mine")
        before = sha(existing)
        with pytest.raises(KnownError) as exc:
            share.new_from_share(out, existing)
        assert exc.value.kind is ErrorKind.ALREADY_EXISTS
        assert sha(existing) == before


@pytest.mark.parametrize("raw", [b"", b"{not json", b'{"format": "revmentor-share", "version": 7}'])
def test_new_from_a_bad_share_leaves_nothing_behind(tmp_path: Path, raw: bytes) -> None:
    bad = tmp_path / "bad.revshare"
    bad.write_bytes(raw)
    target = tmp_path / "new.revmentor"
    with pytest.raises(KnownError) as exc:
        share.new_from_share(bad, target)
    assert exc.value.kind is ErrorKind.BAD_SHARE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.revshare"]


def test_new_from_a_share_whose_milestone_dangles_leaves_nothing_behind(
        pair: tuple[Path, Path], tmp_path: Path) -> None:
    """A share that reads well but cannot be imported (refused while planning, after the new file
    was begun): no file, no temporary file."""
    a, _b = pair
    doc = load(write(a, tmp_path / "a.revshare"))
    records_of(doc, "milestone")[0]["data"]["goal"] = "b" * 32
    bad = dump(doc, tmp_path / "bad.revshare")
    (tmp_path / "a.revshare").unlink()
    folder = tmp_path / "new"
    folder.mkdir()
    with pytest.raises(KnownError) as exc:
        share.new_from_share(bad, folder / "new.revmentor")
    assert exc.value.kind is ErrorKind.BAD_SHARE
    assert list(folder.iterdir()) == []


def test_make_pair_refuses_an_existing_b_and_leaves_no_a(tmp_path: Path) -> None:
    a, b = tmp_path / "a.revmentor", tmp_path / "b.revmentor"
    b.write_text("keep me")
    with pytest.raises(KnownError):
        make_pair(a, b, sessions=2, today=TODAY)
    assert not a.exists() and b.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.revmentor"]


def test_the_sample_pair_shows_the_exchange(pair: tuple[Path, Path], tmp_path: Path) -> None:
    """The pair as made: the mentee's parts only in B, one shared goal moved on in B; the mentee's
    share brings them to A without a conflict, and A's share back then changes nothing."""
    a, b = pair
    assert one(a, "SELECT count(*) FROM swot_item WHERE grid = 'mentee'") == 0
    assert one(b, "SELECT count(*) FROM swot_item WHERE grid = 'mentee'") > 0
    assert one(a, "SELECT me FROM partnership") == "mentor" and one(b, "SELECT me FROM partnership") == "mentee"
    plan = exchange(b, a, tmp_path, "b")
    assert plan.conflicts == []
    assert plan.counts()["add"] > 0 and plan.counts()["update"] > 0
    assert exchange(a, b, tmp_path, "a").items == []
    assert diff_content(a, b) == []
    assert summary_view(a)[0] == summary_view(b)[0]


# -- undo -------------------------------------------------------------------------------------------------


def test_the_import_is_one_undoable_step(synced: tuple[Path, Path], tmp_path: Path) -> None:
    """Edit › Undo puts back every row the import touched; Redo does it again."""
    from revmentor_desktop.data.commands_share import import_share

    a, b = synced
    uid = shared_goal_uids(b)[1]
    edit(b, ops.add_goal, "Brought in by the import")
    edit(b, ops.update_goal, goal_id(b, uid), title="Changed by the import")
    [(item,)] = q(b, "SELECT id FROM swot_item WHERE grid = 'mentee' ORDER BY id LIMIT 1")
    edit(b, ops.delete_swot_item, item)
    before = all_rows(a)
    incoming = read_share(write(b, tmp_path / "b.revshare"))
    store = Store.open(a)
    try:
        plan = share.plan_from(store, incoming)
        done = import_share(plan, "Import from Martin").apply(store)
        after = all_rows(a)
        assert one(a, "SELECT count(*) FROM goal WHERE title = 'Brought in by the import'") == 1
        assert done.undo is not None
        undone = done.undo.apply(store)
        assert all_rows(a) == before
        assert undone.undo is not None
        undone.undo.apply(store)
        assert all_rows(a) == after
    finally:
        store.close()


def test_a_pipe_or_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    import os

    from revmentor_desktop.errors import ErrorKind, KnownError

    fifo = tmp_path / "pipe.revshare"
    os.mkfifo(fifo)  # opening it to read would wait for a writer for ever
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(KnownError) as exc:
            read_share(path)
        assert exc.value.kind is ErrorKind.BAD_SHARE and "not a file" in exc.value.message
