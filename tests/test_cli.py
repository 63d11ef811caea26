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
    assert len(result.stderr.strip().splitlines()) == 1
    assert blocker.read_text() == "x"


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
