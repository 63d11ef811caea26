"""The partner exchange on the command line (issue 16): --export-share, --import-share [--prefer],
--new-from-share and --make-sample A --pair B — one line on success, one line on stderr and every
file as it was on failure. Run in process through `cli.main(argv)`, and end to end in a real
process. Locks and backups go to app-data folders under the test's own tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from revmentor_desktop.cli import main
from revmentor_desktop.data import ops
from revmentor_desktop.data.store import Store
from tests.share_helpers import (
    TODAY,
    all_rows,
    copy_pair,
    diff_content,
    load,
    made_pair,
    one,
    plan_for,
    q,
    sha,
    write,
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME and the XDG folders under tmp_path: the CLI's locks and backups land there."""
    home = tmp_path / "home"
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        folder = home / sub if sub else home
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(folder))
    return home


def backups(home: Path) -> list[Path]:
    return sorted(p for p in (home / "data").rglob("*") if p.is_file() and "backups" in p.parts)


def cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, list[str], list[str]]:
    """Run `revmentor ARGS…` in process: (exit code, stdout lines, stderr lines)."""
    capsys.readouterr()
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.fixture(scope="module")
def pair_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return made_pair(tmp_path_factory.mktemp("cli-pair"), sessions=6)


@pytest.fixture
def pair(pair_template: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    return copy_pair(pair_template, tmp_path / "files")


def goal(path: Path, n: int = 0) -> tuple[int, str]:
    [(gid, uid)] = q(path, "SELECT id, uid FROM goal WHERE private = 0 ORDER BY position, id"
                           " LIMIT 1 OFFSET ?", n)
    return gid, uid


def set_goal(path: Path, uid: str, **changes: object) -> None:
    store = Store.open(path)
    try:
        ops.update_goal(store, int(one(path, "SELECT id FROM goal WHERE uid = ?", uid)), **changes)
    finally:
        store.close()


# -- --export-share ---------------------------------------------------------------------------------------


def test_export_share_writes_a_private_share_and_says_so_in_one_line(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path,
        permissive_umask: None) -> None:
    a, _b = pair
    before = sha(a)
    out = tmp_path / "mine.revshare"
    code, stdout, stderr = cli(capsys, a, "--export-share", out)
    assert (code, stderr) == (0, [])
    assert len(stdout) == 1 and str(out) in stdout[0] and "nothing private" in stdout[0]
    from revmentor_desktop.data.share_format import read_share

    count = read_share(out).count()
    assert f"Wrote {count} records" in stdout[0]
    assert (out.stat().st_mode & 0o777) == 0o600
    assert sha(a) == before
    raw = out.read_bytes()
    for (secret,) in q(a, "SELECT topics FROM journal_entry WHERE private = 1 UNION ALL"
                          " SELECT title FROM goal WHERE private = 1"):
        assert secret.encode() not in raw
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files", "home", "mine.revshare"]


def test_export_share_refuses_to_overwrite_what_is_not_a_share(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes")
    also_a = tmp_path / "also a.revshare"
    os.link(a, also_a)
    for target in (notes, b, a, also_a):  # a text file, another partnership file, the file itself
        # (by its own name, and by another name of it: a hard link)
        before = sha(target)
        code, stdout, stderr = cli(capsys, a, "--export-share", target)
        assert code == 1 and stdout == [] and len(stderr) == 1, stderr
        assert stderr[0].startswith("revmentor: error: ")
        assert sha(target) == before
    assert not [p for p in tmp_path.rglob(".*") if "writing" in p.name]


def test_export_share_replaces_an_earlier_share(capsys: pytest.CaptureFixture[str],
                                                pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, _b = pair
    out = tmp_path / "mine.revshare"
    assert cli(capsys, a, "--export-share", out)[0] == 0
    set_goal(a, goal(a)[1], title="Changed since the last share")
    assert cli(capsys, a, "--export-share", out)[0] == 0
    assert b"Changed since the last share" in out.read_bytes()


def test_export_share_from_a_read_only_file(capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path],
                                            tmp_path: Path) -> None:
    a, _b = pair
    os.chmod(a, 0o400)
    before = sha(a)
    code, stdout, stderr = cli(capsys, a, "--export-share", tmp_path / "ro.revshare")
    assert (code, stderr) == (0, []) and len(stdout) == 1
    assert sha(a) == before
    assert sorted(p.name for p in a.parent.iterdir()) == ["mentee.revmentor", "mentor.revmentor"]


def test_export_share_of_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = cli(capsys, tmp_path / "nowhere.revmentor", "--export-share", tmp_path / "s.revshare")
    assert code == 1 and len(err) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


# -- --import-share -------------------------------------------------------------------------------------------


def test_import_share_says_what_it_did_and_backs_up_first(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path, home: Path) -> None:
    a, b = pair
    share = write(b, tmp_path / "theirs.revshare")
    counts = plan_for(a, share).counts()
    before = a.read_bytes()
    code, stdout, stderr = cli(capsys, a, "--import-share", share)
    assert (code, stderr) == (0, [])
    assert stdout == [f"Imported Martin Okafor's share into {a}: {counts['add']} added, "
                      f"{counts['update']} changed, {counts['remove']} removed."]
    assert a.read_bytes() != before
    [backup] = backups(home)
    assert backup.name.endswith("-before-import.revmentor")
    original = tmp_path / "original.revmentor"
    original.write_bytes(before)
    assert all_rows(backup) == all_rows(original)  # the file as it was before the import
    assert diff_content(a, b) == []


def test_importing_the_same_share_twice_leaves_the_file_byte_identical(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path, home: Path) -> None:
    a, b = pair
    share = write(b, tmp_path / "theirs.revshare")
    assert cli(capsys, a, "--import-share", share)[0] == 0
    after_first = sha(a)
    made = backups(home)
    code, stdout, stderr = cli(capsys, a, "--import-share", share)
    assert (code, stderr) == (0, [])
    assert stdout == [f"Nothing new in theirs.revshare: {a.name} already holds all of it."]
    assert sha(a) == after_first
    assert backups(home) == made  # nothing to back up either


def test_a_conflict_stops_the_import_with_one_line_naming_it(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path, home: Path) -> None:
    a, b = pair
    _gid, uid = goal(a, 2)
    title = one(a, "SELECT title FROM goal WHERE uid = ?", uid)
    set_goal(a, uid, description="The mentor's version")
    set_goal(b, uid, description="The mentee's version")
    share = write(b, tmp_path / "theirs.revshare")
    before = sha(a)
    code, stdout, stderr = cli(capsys, a, "--import-share", share)
    assert code == 1 and stdout == []
    assert len(stderr) == 1, stderr
    line = stderr[0]
    assert line.startswith("revmentor: error: 1 record was changed by both of you")
    assert f"Goal “{title}”" in line and "Nothing was imported" in line and "--prefer" in line
    assert sha(a) == before
    assert backups(home) == []


@pytest.mark.parametrize(("prefer", "kept"), [("theirs", "The mentee's version"),
                                              ("mine", "The mentor's version")])
def test_prefer_settles_every_conflict(capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path],
                                       tmp_path: Path, home: Path, prefer: str, kept: str) -> None:
    a, b = pair
    _gid, uid = goal(a, 2)
    set_goal(a, uid, description="The mentor's version")
    set_goal(b, uid, description="The mentee's version")
    share = write(b, tmp_path / "theirs.revshare")
    code, stdout, stderr = cli(capsys, a, "--import-share", share, "--prefer", prefer)
    assert (code, stderr) == (0, []) and len(stdout) == 1 and "Imported" in stdout[0]
    assert one(a, "SELECT description FROM goal WHERE uid = ?", uid) == kept
    assert len(backups(home)) == 1
    # the mentor's share back settles the mentee's file without a conflict, whichever was kept
    back = write(a, tmp_path / "back.revshare")
    code, stdout, stderr = cli(capsys, b, "--import-share", back)
    assert (code, stderr) == (0, []), stderr
    assert one(b, "SELECT description FROM goal WHERE uid = ?", uid) == kept
    assert diff_content(a, b) == []


def test_importing_an_unchanged_newer_share_is_not_a_traceback(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    assert cli(capsys, a, "--import-share", write(b, tmp_path / "one.revshare"))[0] == 0
    code, stdout, stderr = cli(capsys, a, "--import-share", write(b, tmp_path / "two.revshare"))
    assert code == 0 and len(stdout) == 1 and stderr == []


def test_a_conflict_on_a_session_whose_topics_hold_a_newline_is_one_line(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    uid = one(a, "SELECT uid FROM journal_entry WHERE private = 0 ORDER BY held_on LIMIT 1")
    for path, notes in ((a, "The mentor's notes"), (b, "The mentee's notes")):
        store = Store.open(path)
        try:
            ops.update_entry(store, int(one(path, "SELECT id FROM journal_entry WHERE uid = ?", uid)),
                             topics="First topic\nSecond topic", notes=notes)
        finally:
            store.close()
    code, _out, err = cli(capsys, a, "--import-share", write(b, tmp_path / "theirs.revshare"))
    assert code == 1
    assert len(err) == 1, err


@pytest.mark.parametrize("case", ["empty", "truncated", "not json", "newer version", "own side",
                                  "folder", "another partnership"])
def test_a_bad_share_is_refused_in_one_line_and_the_file_kept(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path, home: Path,
        case: str) -> None:
    a, b = pair
    bad = tmp_path / "bad.revshare"
    if case == "empty":
        bad.write_bytes(b"")
    elif case == "truncated":
        raw = write(b, tmp_path / "b.revshare").read_bytes()
        bad.write_bytes(raw[: len(raw) // 2])
    elif case == "not json":
        bad.write_text("Dear partner, here is my share.")
    elif case == "newer version":
        raw = write(b, tmp_path / "b.revshare").read_text("utf-8")
        bad.write_text(raw.replace('"version": 1', '"version": 2', 1), "utf-8")
    elif case == "own side":
        write(a, bad)
    elif case == "folder":
        bad.mkdir()
    else:
        other = tmp_path / "other.revmentor"
        Store.create(other, {"mentor_name": "Ann", "mentee_name": "Bo", "me": "mentee",
                             "start_date": TODAY, "organisation": ""}).close()
        write(other, bad)
    before = sha(a)
    code, stdout, stderr = cli(capsys, a, "--import-share", bad)
    assert code == 1 and stdout == [] and len(stderr) == 1, stderr
    assert stderr[0].startswith("revmentor: error: “bad.revshare”")
    assert sha(a) == before
    assert backups(home) == []


@pytest.mark.parametrize("records", ["{}", "1", "[]"], ids=["objects", "numbers", "lists"])
def test_a_share_with_more_records_than_any_share_holds_is_refused_for_that(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, records: str) -> None:
    """Counted as they are read (objects), or once read (anything else): not "not a list", and not
    after every one of two million records has filled the memory."""
    from revmentor_desktop.data import share_format

    monkeypatch.setattr(share_format, "MAX_RECORDS", 10)
    monkeypatch.setattr(share_format, "_MAX_OBJECTS", 31 if records != "[]" else 5)
    a, b = pair
    doc = load(write(b, tmp_path / "b.revshare"))
    bad = tmp_path / "bad.revshare"
    raw = json.dumps({**doc, "records": []})
    many = ",".join([records] * 40) if records != "[]" else "[" * 30 + "]" * 30  # (lists: nested)
    bad.write_text(raw.replace('"records": []', '"records": [' + many + "]"))
    before = sha(a)
    code, stdout, stderr = cli(capsys, a, "--import-share", bad)
    assert (code, stdout) == (1, [])
    assert stderr == ["revmentor: error: “bad.revshare” cannot be imported: it holds more records "
                      "than any share RevMentor writes (over 10)."]
    assert sha(a) == before


def test_import_share_needs_an_existing_file_and_share(capsys: pytest.CaptureFixture[str],
                                                       pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    share = write(b, tmp_path / "theirs.revshare")
    missing = tmp_path / "missing.revmentor"
    code, _out, err = cli(capsys, missing, "--import-share", share)
    assert code == 1 and len(err) == 1 and "does not exist" in err[0]
    assert not missing.exists()
    before = sha(a)
    code, _out, err = cli(capsys, a, "--import-share", tmp_path / "nowhere.revshare")
    assert code == 1 and len(err) == 1 and "does not exist" in err[0]
    assert sha(a) == before


def test_import_share_into_a_file_open_in_the_window_is_refused(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path, home: Path) -> None:
    from revmentor_desktop.share_cli import _identify
    from revmentor_desktop.ui.file_identity import lock_for

    a, b = pair
    share = write(b, tmp_path / "theirs.revshare")
    _identify()
    lock = lock_for(a)
    assert lock.tryLock(0)
    try:
        before = sha(a)
        code, _out, err = cli(capsys, a, "--import-share", share)
    finally:
        lock.unlock()
    assert code == 1 and len(err) == 1 and "is open in RevMentor" in err[0]
    assert sha(a) == before and backups(home) == []


# -- usage errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "words"), [
    (["F", "--prefer", "mine"], "--prefer only goes with --import-share"),
    (["F", "--export-share", "S", "--prefer", "theirs"], "--prefer only goes with --import-share"),
    (["F", "--export-share", "S", "--import-share", "T"], "cannot go together"),
    (["F", "--import-share", "T", "--new-from-share", "U"], "cannot go together"),
    (["F", "--export-share", "S", "--export-pdf", "x.pdf"], "cannot go together"),
    (["--export-share", "S"], "needs the partnership FILE"),
    (["--import-share", "S"], "needs the partnership FILE"),
    (["--new-from-share", "S"], "needs the partnership FILE"),
    (["F", "--import-share", "S", "--prefer", "both"], "invalid choice"),
    (["--pair", "B"], "--pair only goes with --make-sample"),
    (["--install-desktop", "--import-share", "S"], "goes alone"),
    # --make-sample used to return before the other options were looked at, ignoring them
    (["--make-sample", "A", "--export-share", "S"], "--make-sample and --export-share cannot go"),
    (["--make-sample", "A", "--export-pdf", "x.pdf"], "--make-sample and --export-pdf cannot go"),
    (["--make-sample", "A", "--journal", "bogus"], "--journal only goes with --export-pdf"),
    (["--make-sample", "A", "--prefer", "mine"], "--prefer only goes with --import-share"),
    (["F", "--export-pdf", "x.pdf", "--sessions", "3"], "--sessions only goes with --make-sample"),
    (["--uninstall-desktop", "--sections", "goals"], "--uninstall-desktop goes alone (not with --sections)"),
    (["--install-desktop", "--sessions", "0"], "--install-desktop goes alone (not with --sessions)"),
    (["F", "--export-pdf", "x.pdf", "--export-share", "S"], "--export-share and --export-pdf cannot go"),
])
def test_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      args: list[str], words: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = cli(capsys, *args)
    assert code == 2 and stdout == []
    assert words in stderr[-1], stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


# -- --new-from-share --------------------------------------------------------------------------------------


def test_new_from_share_starts_my_file_in_one_line(capsys: pytest.CaptureFixture[str],
                                                   pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, _b = pair
    share = write(a, tmp_path / "theirs.revshare")
    mine = tmp_path / "mine.revmentor"
    code, stdout, stderr = cli(capsys, mine, "--new-from-share", share)
    assert (code, stderr) == (0, []) and len(stdout) == 1
    assert str(mine) in stdout[0] and "as the mentee" in stdout[0]
    assert one(mine, "SELECT me FROM partnership") == "mentee"
    assert one(mine, "SELECT pair_uid FROM partnership") == one(a, "SELECT pair_uid FROM partnership")
    assert one(mine, "SELECT count(*) FROM goal") == one(a, "SELECT count(*) FROM goal WHERE private = 0")


def test_new_from_share_refuses_an_existing_file(capsys: pytest.CaptureFixture[str],
                                                 pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    share = write(a, tmp_path / "theirs.revshare")
    before = sha(b)
    code, stdout, stderr = cli(capsys, b, "--new-from-share", share)
    assert code == 1 and stdout == [] and len(stderr) == 1 and "already exists" in stderr[0]
    assert sha(b) == before


@pytest.mark.parametrize("where", ["missing/folders", "a file"])
def test_new_from_share_into_no_folder_names_the_users_path_and_makes_no_folder(
        capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path,
        where: str) -> None:
    a, _b = pair
    share = write(a, tmp_path / "theirs.revshare")
    (tmp_path / "a file").write_text("x")
    mine = tmp_path / where / "mine.revmentor"
    before = sorted(p.name for p in tmp_path.iterdir())
    code, stdout, stderr = cli(capsys, mine, "--new-from-share", share)
    what = "does not exist" if where != "a file" else "is not a folder"
    assert (code, stdout) == (1, [])
    assert stderr == [f"revmentor: error: Cannot create “{mine}”: the folder “{mine.parent}” {what}."]
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no folder made, no temporary file


@pytest.mark.parametrize("raw", [b"", b'{"format": "revmentor-share", "version": 1, "records": [',
                                 b"\x00\x01\x02"])
def test_new_from_a_bad_share_leaves_no_file(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             raw: bytes) -> None:
    bad = tmp_path / "bad.revshare"
    bad.write_bytes(raw)
    mine = tmp_path / "out" / "mine.revmentor"
    mine.parent.mkdir()
    code, stdout, stderr = cli(capsys, mine, "--new-from-share", bad)
    assert code == 1 and stdout == [] and len(stderr) == 1
    assert list(mine.parent.iterdir()) == []


# -- --make-sample A --pair B --------------------------------------------------------------------------------


def test_make_sample_pair_writes_both_sides(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.revmentor", tmp_path / "b.revmentor"
    code, stdout, stderr = cli(capsys, "--make-sample", a, "--pair", b, "--sessions", "3")
    assert (code, stderr) == (0, []) and len(stdout) == 1
    assert str(a) in stdout[0] and str(b) in stdout[0]
    assert one(a, "SELECT me FROM partnership") == "mentor"
    assert one(b, "SELECT me FROM partnership") == "mentee"
    assert (a.stat().st_mode & 0o777) == 0o600 and (b.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.revmentor", "b.revmentor", "home"]


@pytest.mark.parametrize("existing", ["a", "b"])
def test_make_sample_pair_refuses_an_existing_file_and_leaves_nothing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, existing: str) -> None:
    a, b = tmp_path / "a.revmentor", tmp_path / "b.revmentor"
    there = a if existing == "a" else b
    there.write_text("mine, keep it")
    code, stdout, stderr = cli(capsys, "--make-sample", a, "--pair", b, "--sessions", "2")
    assert code == 1 and stdout == [] and len(stderr) == 1 and "already exists" in stderr[0]
    assert there.read_text() == "mine, keep it"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([there.name, "home"])


def test_make_sample_pair_with_one_name_twice(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a = tmp_path / "a.revmentor"
    code, _out, err = cli(capsys, "--make-sample", a, "--pair", a, "--sessions", "2")
    assert code == 1 and len(err) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


# -- end to end, in real processes ---------------------------------------------------------------------------


def run(home: Path, *args: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               LC_ALL="C.UTF-8")
    return subprocess.run([sys.executable, "-m", "revmentor_desktop", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=180)


@pytest.fixture
def procs(tmp_path: Path, home: Path) -> Iterator[tuple[Path, Path, Path]]:
    a, b = tmp_path / "a.revmentor", tmp_path / "b.revmentor"
    made = run(home, "--make-sample", a, "--pair", b, "--sessions", "4")
    assert made.returncode == 0, made.stderr
    assert len(made.stdout.splitlines()) == 1 and made.stderr == ""
    yield a, b, home


def test_the_exchange_end_to_end_in_real_processes(procs: tuple[Path, Path, Path], tmp_path: Path) -> None:
    a, b, home = procs
    for src, dst, name in ((b, a, "b.revshare"), (a, b, "a.revshare")):
        share = tmp_path / name
        exported = run(home, src, "--export-share", share)
        assert exported.returncode == 0 and exported.stderr == "", exported.stderr
        assert len(exported.stdout.splitlines()) == 1
        imported = run(home, dst, "--import-share", share)
        assert imported.returncode == 0 and imported.stderr == "", imported.stderr
        assert len(imported.stdout.splitlines()) == 1
    assert diff_content(a, b) == []
    # the same share again: nothing to do, the file byte-identical
    before = sha(b)
    again = run(home, b, "--import-share", tmp_path / "a.revshare")
    assert again.returncode == 0 and again.stdout.startswith("Nothing new in a.revshare"), again.stderr
    assert sha(b) == before
    # no lock left behind, backups made in the app-data folder, nothing beside the files
    assert not list((home / "data").rglob("*.lock"))
    assert len(backups(home)) >= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.revmentor", "a.revshare", "b.revmentor",
                                                          "b.revshare", "home"]


def test_a_conflict_in_a_real_process(procs: tuple[Path, Path, Path], tmp_path: Path) -> None:
    a, b, home = procs
    _gid, uid = goal(a, 1)
    set_goal(a, uid, manual_progress=10)
    set_goal(b, uid, manual_progress=90)
    assert run(home, b, "--export-share", tmp_path / "b.revshare").returncode == 0
    before = sha(a)
    result = run(home, a, "--import-share", tmp_path / "b.revshare")
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert sha(a) == before
    settled = run(home, a, "--import-share", tmp_path / "b.revshare", "--prefer", "theirs")
    assert settled.returncode == 0, settled.stderr
    assert one(a, "SELECT manual_progress FROM goal WHERE uid = ?", uid) == 90
