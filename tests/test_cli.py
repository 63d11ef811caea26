"""The command line as other tools use it: exact flags, exit codes, one-line errors, files untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from revmentor_desktop import __version__
from revmentor_desktop.cli import main


def run_cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # headless paths must not need it
    env["LC_ALL"] = "C.UTF-8"  # dates in English ("12 Jan 2026") whatever the machine's language
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "revmentor_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"revmentor {__version__}"


def test_help_lists_the_surface() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for flag in ("FILE", "--make-sample", "--sessions", "--version"):
        assert flag in result.stdout


def test_version_does_not_load_qt_or_the_data_layer() -> None:
    code = ("import sys\nfrom revmentor_desktop.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('PySide6', 'sqlmodel', 'sqlalchemy', 'matplotlib') if m in sys.modules]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")


def test_make_sample_and_refusal(tmp_path: Path) -> None:
    target = tmp_path / "s.revmentor"
    result = run_cli("--make-sample", str(target), "--sessions", "12")
    assert result.returncode == 0, result.stderr
    assert target.exists()
    assert (target.stat().st_mode & 0o777) == 0o600
    before = target.read_bytes()

    again = run_cli("--make-sample", str(target))
    assert again.returncode != 0
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "already exists" in lines[0]
    assert target.read_bytes() == before


def test_make_sample_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    result = run_cli("--make-sample", str(blocker / "s.revmentor"))
    assert result.returncode != 0
    assert result.stderr.splitlines() == [  # the name given, not the sample's temporary one
        f"revmentor: error: Cannot create “{blocker / 's.revmentor'}”: the folder “{blocker}” is not a folder."]
    assert blocker.read_text() == "x"
    missing = tmp_path / "a" / "b" / "s.revmentor"
    result = run_cli("--make-sample", str(missing))
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "a").exists()  # no folder made for it


def test_export_pdf_under_a_locale_that_is_not_utf8_keeps_stderr_to_its_one_line(tmp_path: Path) -> None:
    """Qt notes a non-UTF-8 locale in four lines on stderr (and switches to UTF-8 by itself)."""
    sample = tmp_path / "s.revmentor"
    assert run_cli("--make-sample", str(sample), "--sessions", "2").returncode == 0
    done = run_cli(str(sample), "--export-pdf", str(tmp_path / "s.pdf"), env_extra={"LC_ALL": "C"})
    assert (done.returncode, done.stderr) == (0, "")
    failed = run_cli(str(tmp_path / "nope.revmentor"), "--export-pdf", str(tmp_path / "n.pdf"),
                     env_extra={"LC_ALL": "C"})
    assert failed.returncode == 1 and len(failed.stderr.splitlines()) == 1


def test_sessions_needs_make_sample(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--sessions", "3"])
    assert exc.value.code == 2
    assert "--sessions only goes with --make-sample" in capsys.readouterr().err


def test_negative_sessions_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--make-sample", str(tmp_path / "x.revmentor"), "--sessions", "-1"])
    assert exc.value.code == 2
    assert not (tmp_path / "x.revmentor").exists()


def test_unknown_flag_exits_non_zero() -> None:
    result = run_cli("--frobnicate")
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


# --- Qt's own options and Ctrl+C ---------------------------------------------------------------


def test_qt_options_are_set_apart_for_qapplication() -> None:
    from revmentor_desktop.cli import split_qt_arguments

    qt, ours = split_qt_arguments(["-style", "fusion", "ours.revmentor", "-reverse", "-platform",
                                   "offscreen", "-style=windows", "--journal", "all"])
    assert qt == ["-style", "fusion", "-reverse", "-platform", "offscreen", "-style=windows"]
    assert ours == ["ours.revmentor", "--journal", "all"]
    # after "--" nothing is Qt's: a file may be named like one of its options
    assert split_qt_arguments(["--", "-reverse"]) == ([], ["--", "-reverse"])
    with pytest.raises(ValueError, match="-style needs a value"):
        split_qt_arguments(["ours.revmentor", "-style"])


def test_a_qt_option_without_its_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["-platform"])
    assert exc.value.code == 2
    assert "-platform needs a value" in capsys.readouterr().err


#: Starts the window path of the command line as `revmentor ARGS…` would, but instead of the first-run
#: dialog prints what QApplication was given, then exits as a cancelled dialog does.
QT_PROBE = """\
import sys
from revmentor_desktop.ui import startup

def report(file):
    from PySide6.QtWidgets import QApplication
    print("QT", QApplication.style().name(), QApplication.platformName(),
          QApplication.isRightToLeft(), flush=True)
    return None

startup.choose_start_file = report
from revmentor_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def qt_probe(tmp_path: Path, *args: str) -> list[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QT_STYLE_OVERRIDE")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    result = subprocess.run([sys.executable, "-c", QT_PROBE, *args], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return next(line for line in result.stdout.splitlines() if line.startswith("QT ")).split()[1:]


def test_qt_options_reach_qapplication(tmp_path: Path) -> None:
    # -platform must reach Qt: with no display and no QT_QPA_PLATFORM, Qt would abort without it.
    default_style, platform, rtl = qt_probe(tmp_path, "-platform", "offscreen")
    assert (platform, rtl) == ("offscreen", "False")
    assert default_style != "windows"  # so the next line can fail
    assert qt_probe(tmp_path, "-platform", "offscreen", "-style", "windows", "-reverse") == [
        "windows", "offscreen", "True"]
    assert qt_probe(tmp_path, "-style=fusion", "-platform", "offscreen")[0] == "fusion"
    assert qt_probe(tmp_path, "-platform", "offscreen", "-style", "fusion")[0] == "fusion"


def _wait_for_lock(data_home: Path, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    """Until the window has opened its file (it holds the file's lock in the app-data folder)."""
    import time

    locks = data_home / "RevMentor" / "RevMentor" / "locks"
    deadline = time.monotonic() + timeout
    while not (locks.is_dir() and any(locks.iterdir())):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the window never opened the file"
        time.sleep(0.05)
    time.sleep(0.5)  # the window goes on building its tabs; Ctrl+C may come at any moment


def test_ctrl_c_in_the_terminal_closes_the_window_and_leaves_the_file_intact(
        tmp_path: Path, partnership_file: Path) -> None:
    import signal

    before = partnership_file.read_bytes()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    proc = subprocess.Popen([sys.executable, "-m", "revmentor_desktop", str(partnership_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        _wait_for_lock(tmp_path / "d", proc)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "KeyboardInterrupt" not in err
    assert partnership_file.read_bytes() == before
    assert not list(partnership_file.parent.glob("*-journal")) + list(partnership_file.parent.glob("*-wal"))


#: Opens FILE through the command line, types into the Overview without leaving the field (so the
#: text is not saved yet), then sends itself SIGINT as Ctrl+C in the terminal would.
TYPE_THEN_CTRL_C = """\
import os, signal, sys
from PySide6.QtCore import QTimer
from revmentor_desktop.ui import window as window_package

opened = window_package.MainWindow.open_file

def open_file(self, *args, **kwargs):
    result = opened(self, *args, **kwargs)

    def type_then_interrupt():
        from PySide6.QtTest import QTest
        tab = self.tabs.currentWidget()
        tab.organisation.setFocus()
        QTest.keyClicks(tab.organisation, " typed")
        print("TYPED", flush=True)
        os.kill(os.getpid(), signal.SIGINT)

    QTimer.singleShot(200, type_then_interrupt)
    return result

window_package.MainWindow.open_file = open_file
from revmentor_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_keeps_what_was_typed_as_file_quit_does(tmp_path: Path, partnership_file: Path) -> None:
    from tests.helpers import sql_value

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    result = subprocess.run([sys.executable, "-c", TYPE_THEN_CTRL_C, str(partnership_file)],
                            capture_output=True, text=True, env=env, timeout=60)
    assert "TYPED" in result.stdout, result.stderr
    assert result.returncode == 0, result.stderr
    assert " typed" in str(sql_value(partnership_file, "SELECT organisation FROM partnership"))


#: Starts `revmentor` with no FILE on a fresh app-data folder (so the first-run dialog opens), and
#: sends itself SIGINT once the dialog's own event loop runs.
CTRL_C_IN_FIRST_RUN_DIALOG = """\
import os, signal, sys
from PySide6.QtWidgets import QDialog
from revmentor_desktop.ui import new_partnership

class Dialog(new_partnership.NewPartnershipDialog):
    def showEvent(self, event):
        super().showEvent(event)
        print("SHOWN", flush=True)
        os.kill(os.getpid(), signal.SIGINT)

    def exec(self):
        result = super().exec()
        print("ANSWERED", result, flush=True)
        return result

new_partnership.NewPartnershipDialog = Dialog
from revmentor_desktop.cli import main
sys.exit(main([]))
"""


def test_ctrl_c_answers_an_open_dialog_as_escape_would(tmp_path: Path) -> None:
    """The first-run dialog waits in Qt's own loop (no Python runs there): Ctrl+C still reaches it,
    cancels it, and the app ends as a cancelled first run does — nothing created."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    try:
        result = subprocess.run([sys.executable, "-c", CTRL_C_IN_FIRST_RUN_DIALOG],
                                capture_output=True, text=True, env=env, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("Ctrl+C did not reach the open dialog")
    assert "SHOWN" in result.stdout, result.stderr
    assert "ANSWERED 0" in result.stdout, result.stderr
    assert result.returncode == 0, result.stderr
    assert not list((tmp_path / "d").rglob("*.revmentor"))


@pytest.mark.parametrize("argv", [
    ["--sessions", "abc"],
    ["--bogus"],
    ["ours.revmentor", "--export-pdf"],
    ["--sessions", "3"],
    ["-platform"],
    ["--make-sample", "s.revmentor", "--sessions", "-1"],
    ["a.revmentor", "--export-pdf", "a.pdf", "--journal", "nonsense"],
])
def test_a_usage_error_is_one_line_that_points_at_help(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("revmentor: error: "), err
    assert err.rstrip().endswith("(see revmentor --help)") and "usage:" not in err


def test_a_file_name_with_a_line_break_or_a_terminal_escape_keeps_errors_on_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Any character may be in a file's name: the one line on stderr stays one line, and nothing
    in a name can act on the terminal (colour it, move its cursor)."""
    odd = tmp_path / "we\nird\x1b[31m.revmentor"
    assert main(["--make-sample", str(odd), "--sessions", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "we\\nird\\x1b[31m.revmentor" in out
    assert main(["--make-sample", str(odd)]) == 1  # it exists now
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "we\\nird" in err
    with pytest.raises(SystemExit):
        main(["--bogus\u2028option"])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\u2028" not in err and "\\u2028" in err
    assert odd.exists()  # the name itself is the user's, untouched
    turned = tmp_path / "notes\u202egpj.revmentor"  # shown as "notesrevmentor.jpg" by a terminal
    assert main(["--make-sample", str(turned), "--sessions", "2"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "notes\\u202egpj.revmentor" in out
