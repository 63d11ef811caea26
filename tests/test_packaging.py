"""What a wheel ships (every package folder, the LICENSE, the desktop files) and an sdist ships (all
its tests need); the license, version and release said the same everywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from importlib.util import find_spec
from pathlib import Path

import pytest

from revmentor_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts)
               for p in (ROOT / "revmentor_desktop").rglob("__init__.py")}
    assert on_disk - listed == set()


# --- a package people can trust --------------------------------------------------------------------

APP_ID = "io.github.revmentor.RevMentor"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: What the wheel must hold besides the code: the desktop files --install-desktop installs.
RESOURCE_FILES = ("revmentor.svg", f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"{APP_ID}.mime.xml")


def test_the_license_is_mit_and_said_so_everywhere() -> None:
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    # an SPDX license expression needs setuptools 77 (70 and 76 refuse it) and no License classifier
    assert PYPROJECT["build-system"]["requires"] == ["setuptools>=77"]
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    metainfo = ET.parse(ROOT / "resources" / f"{APP_ID}.metainfo.xml").getroot()
    assert metainfo.findtext("project_license") == "MIT"


def test_the_project_says_who_and_what() -> None:
    project = PYPROJECT["project"]
    assert project["authors"] and all(a.get("name") for a in project["authors"])
    assert "Intended Audience :: End Users/Desktop" in project["classifiers"]
    assert "gui-scripts" not in project  # no empty table: `revmentor` is the one command


def test_the_metainfo_release_is_this_version_and_the_changelog_has_it() -> None:
    metainfo = ET.parse(ROOT / "resources" / f"{APP_ID}.metainfo.xml").getroot()
    releases = metainfo.findall("releases/release")
    assert releases and releases[0].get("version") == __version__  # the newest comes first
    assert metainfo.find("content_rating") is not None
    assert metainfo.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {__version__} — {releases[0].get('date')}" in changelog


def _source_copy(target: Path) -> Path:
    """The project as a fresh clone has it (no venv, no build output, no caches)."""
    ignore = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                    "*.py[cod]", ".*_cache", ".hypothesis", "*.pdf")
    return Path(shutil.copytree(ROOT, target, ignore=ignore))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist, and the wheel built from that sdist (as `python -m build` does), offline: with
    this environment's setuptools instead of an isolated one fetched from the index."""
    if find_spec("build") is None:
        pytest.skip("the build package is not installed (pip install -e '.[test]')")
    work = tmp_path_factory.mktemp("build")
    source = _source_copy(work / "src")
    out = work / "dist"
    result = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out),
                             str(source)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def test_the_wheel_holds_the_license_and_the_desktop_files(built: tuple[Path, Path]) -> None:
    _, wheel = built
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        dist_info = f"revmentor_desktop-{__version__}.dist-info"
        assert f"{dist_info}/licenses/LICENSE" in names
        for name in RESOURCE_FILES:
            assert f"revmentor_desktop/resources/{name}" in names
        assert "revmentor_desktop/data/sample_text.json" in names
        metadata = zf.read(f"{dist_info}/METADATA").decode("utf-8")
        entry_points = zf.read(f"{dist_info}/entry_points.txt").decode("utf-8")
    assert "License-Expression: MIT" in metadata
    assert f"Version: {__version__}" in metadata
    assert "revmentor = revmentor_desktop.cli:main" in entry_points
    assert "gui_scripts" not in entry_points


def test_the_sdist_holds_everything_its_tests_need(built: tuple[Path, Path]) -> None:
    sdist, _ = built
    with tarfile.open(sdist) as tf:
        top = f"revmentor_desktop-{__version__}/"
        names = {m.name.removeprefix(top) for m in tf.getmembers() if m.isfile()}
    for name in ("LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "MANIFEST.in",
                 *(f"resources/{r}" for r in RESOURCE_FILES)):
        assert name in names
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / "tests").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    assert {"tests/conftest.py", "tests/crash_writer.py", "tests/helpers.py",
            "tests/data/v1.revmentor"} <= on_disk
    assert on_disk - names == set()
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_twine_accepts_both(built: tuple[Path, Path]) -> None:
    if find_spec("twine") is None:
        pytest.skip("twine is not installed (pip install -e '.[test]')")
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, built)],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2
