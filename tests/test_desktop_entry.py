"""`revmentor --install-desktop` / `--uninstall-desktop`: the files' contents, the exact set of files
each leaves behind, rollback on failure — with the desktop's own tools when installed (skipped
otherwise), and without them always."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from revmentor_desktop import FILE_SUFFIX, desktop_entry
from revmentor_desktop.desktop_entry import APP_ID, MIME_TYPE, Layout
from revmentor_desktop.errors import KnownError

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
pytestmark = pytest.mark.skipif(not desktop_entry.supported(), reason="freedesktop systems only")


def no_tools(name: str) -> str | None:
    return None


def tree(folder: Path) -> dict[str, str]:
    """Every path beneath `folder`, relative, with what it is (and a file's content)."""
    if not folder.exists():
        return {}
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        found[rel] = "dir" if path.is_dir() else path.read_bytes().decode("utf-8", "replace")
    return found


def desktop_keys(text: str) -> dict[str, str]:
    parser = configparser.RawConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(text)
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    return Layout(tmp_path / "share")


@pytest.fixture
def script(tmp_path: Path) -> Path:
    """An installed `revmentor` script (a stand-in) in a venv's bin folder."""
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    path = bin_dir / "revmentor"
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


# --- the bundled files -----------------------------------------------------------------------------


def test_the_bundled_desktop_entry() -> None:
    keys = desktop_keys((RESOURCES / f"{APP_ID}.desktop").read_text(encoding="utf-8"))
    assert keys["Type"] == "Application"
    assert keys["Icon"] == APP_ID
    assert keys["MimeType"].split(";") == [MIME_TYPE, ""]
    assert keys["SingleMainWindow"] == "true"
    assert keys["Exec"] == "revmentor %f" and keys["TryExec"] == "revmentor"
    # the window names the same desktop entry (Wayland's app id, the taskbar's grouping)
    assert f'setDesktopFileName("{APP_ID}")' in (ROOT / "revmentor_desktop" / "app.py").read_text()


def test_the_mime_type_matches_what_the_app_writes(partnership_file: Path) -> None:
    from revmentor_desktop.data.migrations import APPLICATION_ID

    root = ET.parse(RESOURCES / f"{APP_ID}.mime.xml").getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == [f"*{FILE_SUFFIX}"]
    assert [s.get("type") for s in mime.findall(f"{MIME_NS}sub-class-of")] == ["application/vnd.sqlite3"]
    (magic,) = mime.findall(f"{MIME_NS}magic")
    assert int(magic.get("priority", "50")) > 50  # above SQLite's own magic
    (outer,) = magic.findall(f"{MIME_NS}match")
    (inner,) = outer.findall(f"{MIME_NS}match")
    assert inner.get("type") == "big32" and int(inner.get("value", ""), 16) == APPLICATION_ID

    # The rule, read as shared-mime-info reads it, recognises a real partnership file.
    header = partnership_file.read_bytes()[:100]
    value = outer.get("value", "").encode()
    start = int(outer.get("offset", ""))
    assert header[start:start + len(value)] == value
    at = int(inner.get("offset", ""))
    assert int.from_bytes(header[at:at + 4], "big") == int(inner.get("value", ""), 16)


def test_the_metainfo_names_the_app_and_its_file_type() -> None:
    root = ET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert [m.text for m in root.iter("mediatype")] == [MIME_TYPE]
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]


# --- Exec and the launcher -----------------------------------------------------------------------


@pytest.mark.parametrize(("arg", "written"), [
    ("/usr/bin/revmentor", "/usr/bin/revmentor"),
    ("/home/a b/bin/revmentor", '"/home/a b/bin/revmentor"'),
    ("/opt/100%/revmentor", "/opt/100%%/revmentor"),
    ('/x/"q"/$HOME/`c`', r'"/x/\\"q\\"/\\$HOME/\\`c\\`"'),
    ("/x/back\\slash", r'"/x/back\\\\slash"'),
])
def test_exec_arguments_are_quoted_as_the_spec_says(arg: str, written: str) -> None:
    assert desktop_entry.exec_argument(arg) == written


def test_a_path_with_a_line_break_cannot_be_an_exec_argument() -> None:
    with pytest.raises(KnownError, match="control character"):
        desktop_entry.exec_argument("/tmp/a\nb")


def test_the_launcher_is_the_installed_script_by_its_absolute_path(script: Path) -> None:
    python = script.parent / "python"
    # the script being run…
    assert desktop_entry.launcher(str(script), "/elsewhere/python") == [str(script)]
    # …else the one beside this Python (a venv's, pipx's)…
    assert desktop_entry.launcher("/src/revmentor_desktop/__main__.py", str(python)) == [str(script)]
    # …else this Python runs the package.
    script.unlink()
    assert desktop_entry.launcher("-c", str(python)) == [str(python), "-m", "revmentor_desktop"]


def test_the_installed_entry_starts_this_installation(layout: Layout, script: Path) -> None:
    text = desktop_entry.desktop_entry_text([str(script)])
    keys = desktop_keys(text)
    assert keys["Exec"] == f"{script} %f"
    assert keys["TryExec"] == str(script)
    template = desktop_keys((RESOURCES / f"{APP_ID}.desktop").read_text(encoding="utf-8"))
    assert {k: v for k, v in keys.items() if k not in ("Exec", "TryExec")} == {
        k: v for k, v in template.items() if k not in ("Exec", "TryExec")}
    fallback = desktop_keys(desktop_entry.desktop_entry_text(["/my env/python", "-m", "revmentor_desktop"]))
    assert fallback["Exec"] == '"/my env/python" -m revmentor_desktop %f'
    assert fallback["TryExec"] == "/my env/python"


# --- install and uninstall: exact file sets ------------------------------------------------------


def expected_install(layout: Layout, script: Path) -> dict[str, str]:
    def rel(p: Path) -> str:
        return str(p.relative_to(layout.data_home))

    folders = {"applications", "icons", "icons/hicolor", "icons/hicolor/scalable",
               "icons/hicolor/scalable/apps", "mime", "mime/packages", "RevMentor",
               "RevMentor/RevMentor"}
    return {
        **dict.fromkeys(folders, "dir"),
        rel(layout.desktop_file): desktop_entry.desktop_entry_text([str(script)]),
        rel(layout.icon_file): (RESOURCES / "revmentor.svg").read_text(encoding="utf-8"),
        rel(layout.mime_file): (RESOURCES / f"{APP_ID}.mime.xml").read_text(encoding="utf-8"),
        rel(layout.manifest): tree(layout.data_home).get(rel(layout.manifest), "<missing>"),
    }


def test_install_writes_exactly_its_files_and_uninstall_removes_exactly_them(
        layout: Layout, script: Path) -> None:
    outcome = desktop_entry.install(layout, [str(script)], which=no_tools)
    assert outcome.warnings == []
    assert sorted(outcome.changed) == sorted(layout.installed_files())
    assert tree(layout.data_home) == expected_install(layout, script)
    for path in layout.installed_files():
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert stat.S_IMODE(layout.manifest.stat().st_mode) == 0o600

    # Installing again changes nothing; uninstalling removes it all, the folders it made too.
    before = tree(layout.data_home)
    desktop_entry.install(layout, [str(script)], which=no_tools)
    assert tree(layout.data_home) == before
    assert sorted(desktop_entry.uninstall(layout, which=no_tools).changed) == sorted(layout.installed_files())
    assert not layout.data_home.exists()
    assert desktop_entry.uninstall(layout, which=no_tools).changed == []  # and again: nothing to do


def test_uninstall_leaves_everything_else(layout: Layout, script: Path) -> None:
    home = layout.data_home
    others = {
        home / "applications" / "other.desktop": "[Desktop Entry]\nName=Other\n",
        home / "mime" / "packages" / "other.xml": "<mime-info/>\n",
        home / "icons" / "hicolor" / "48x48" / "apps" / "other.png": "png",
        home / "RevMentor" / "RevMentor" / "partnership.revmentor": "the user's partnership",
    }
    for path, text in others.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (home / "icons" / "hicolor" / "scalable").mkdir()  # an empty folder that was there before
    before = tree(home)
    desktop_entry.install(layout, [str(script)], which=no_tools)
    assert set(tree(home)) - set(before) == {
        "applications/io.github.revmentor.RevMentor.desktop", "icons/hicolor/scalable/apps",
        "icons/hicolor/scalable/apps/io.github.revmentor.RevMentor.svg",
        "mime/packages/io.github.revmentor.RevMentor.xml", "RevMentor/RevMentor/desktop-install.json"}
    desktop_entry.uninstall(layout, which=no_tools)
    assert tree(home) == before


def test_without_a_manifest_uninstall_removes_only_the_app_id_files(layout: Layout, script: Path) -> None:
    desktop_entry.install(layout, [str(script)], which=no_tools)
    layout.manifest.unlink()
    desktop_entry.uninstall(layout, which=no_tools)
    assert not any(p.exists() for p in layout.installed_files())
    assert (layout.data_home / "applications").is_dir()  # what it made is not known: left alone


def test_a_failed_install_leaves_every_file_as_it_was(layout: Layout, script: Path) -> None:
    home = layout.data_home
    (home / "applications").mkdir(parents=True)
    layout.desktop_file.write_text("[Desktop Entry]\nName=An older install\n")
    (home / "mime").write_text("a file where a folder should be")
    before = tree(home)
    with pytest.raises(KnownError) as exc:
        desktop_entry.install(layout, [str(script)], which=no_tools)
    assert "Nothing was changed" in exc.value.one_line()
    assert "\n" not in exc.value.one_line()
    assert tree(home) == before


def test_the_databases_files_that_installing_caused_go_with_it(layout: Layout, script: Path,
                                                                 tmp_path: Path) -> None:
    """Stand-in tools that write a cache the way the real ones do (they may not be installed)."""
    tools = tmp_path / "tools"
    tools.mkdir()
    for name, cache in (("update-desktop-database", "mimeinfo.cache"),
                        ("update-mime-database", "mime.cache"),
                        ("gtk-update-icon-cache", "icon-theme.cache")):
        tool = tools / name
        tool.write_text(f'#!/bin/sh\nfor last; do :; done\necho "$0" > "$last/{cache}"\n')
        tool.chmod(0o755)

    def which(name: str) -> str | None:
        return shutil.which(name, path=str(tools))

    desktop_entry.install(layout, [str(script)], which=which)
    assert (layout.data_home / "mime" / "mime.cache").is_file()
    assert (layout.data_home / "applications" / "mimeinfo.cache").is_file()
    assert (layout.data_home / "icons" / "hicolor" / "icon-theme.cache").is_file()
    desktop_entry.uninstall(layout, which=which)
    assert not layout.data_home.exists()

    # A cache that was there before, for another app's files, stays (and is refreshed).
    other = layout.data_home / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    (other.parent / "mimeinfo.cache").write_text("old")
    desktop_entry.install(layout, [str(script)], which=which)
    desktop_entry.uninstall(layout, which=which)
    assert sorted(p.name for p in other.parent.iterdir()) == ["mimeinfo.cache", "other.desktop"]
    assert (other.parent / "mimeinfo.cache").read_text().strip().endswith("update-desktop-database")


def test_a_failing_tool_is_a_warning_not_a_failure(layout: Layout, script: Path, tmp_path: Path) -> None:
    tool = tmp_path / "update-mime-database"
    tool.write_text("#!/bin/sh\necho 'broken database' >&2\nexit 3\n")
    tool.chmod(0o755)
    outcome = desktop_entry.install(
        layout, [str(script)], which=lambda n: str(tool) if n == tool.name else None)
    assert len(outcome.warnings) == 1 and "broken database" in outcome.warnings[0]
    assert all(p.is_file() for p in layout.installed_files())


# --- the command line ---------------------------------------------------------------------------


def run_cli(home: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home.parent / "cache"), LC_ALL="C.UTF-8")
    if path is not None:
        env["PATH"] = path
    return subprocess.run([sys.executable, "-m", "revmentor_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_the_command_installs_for_the_user_and_uninstalls_without_a_trace(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    no_path = str(tmp_path / "empty-bin")  # none of the desktop's tools: only our own files
    result = run_cli(home, "--install-desktop", path=no_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.strip().splitlines()) == 1
    share = home / ".local" / "share"
    entry = desktop_keys((share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8"))
    command = desktop_entry.launcher(executable=sys.executable, argv0="-m")
    assert entry["TryExec"] == command[0] and os.path.isabs(entry["TryExec"])
    # the entry starts this very installation
    started = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert started.stdout.startswith("revmentor ")

    assert run_cli(home, "--uninstall-desktop", path=no_path).returncode == 0
    assert list(home.iterdir()) == []
    again = run_cli(home, "--uninstall-desktop", path=no_path)
    assert again.returncode == 0 and "nothing to remove" in again.stdout


@pytest.mark.parametrize("extra", [["ours.revmentor"], ["--uninstall-desktop"], ["--sessions", "3"]])
def test_install_desktop_goes_alone(tmp_path: Path, extra: list[str]) -> None:
    result = run_cli(tmp_path, "--install-desktop", *extra)
    assert result.returncode == 2
    assert "--install-desktop goes alone" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_install_that_cannot_write_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".local").mkdir(parents=True)
    (home / ".local" / "share").write_text("not a folder")
    result = run_cli(home, "--install-desktop")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("revmentor: error: Could not install the desktop entry")
    assert tree(home) == {".local": "dir", ".local/share": "not a folder"}


# --- with the desktop's own tools (skipped where they are not installed) --------------------------


def needs(*tools: str) -> pytest.MarkDecorator:
    missing = [t for t in tools if shutil.which(t) is None]
    return pytest.mark.skipif(bool(missing), reason=f"not installed: {', '.join(missing)}")


@needs("update-mime-database")
def test_on_a_fresh_home_the_desktop_knows_the_file_type_then_forgets_it(
        tmp_path: Path, partnership_file: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert run_cli(home, "--install-desktop").returncode == 0
    share = home / ".local" / "share"
    assert (share / "mime" / "mime.cache").is_file()
    types = (share / "mime" / "types").read_text().split()
    assert MIME_TYPE in types
    renamed = tmp_path / "no-suffix"  # found by its header alone (the magic), not its name
    shutil.copy(partnership_file, renamed)
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(share),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for path in (partnership_file, renamed):
        if shutil.which("gio"):
            info = subprocess.run(["gio", "info", "-a", "standard::content-type", str(path)],
                                  capture_output=True, text=True, env=env, timeout=60)
            assert f"standard::content-type: {MIME_TYPE}" in info.stdout, info.stdout + info.stderr
        if shutil.which("xdg-mime") and path.suffix:
            query = subprocess.run(["xdg-mime", "query", "filetype", str(path)],
                                   capture_output=True, text=True, env=env, timeout=60)
            assert query.stdout.strip() == MIME_TYPE, query.stdout + query.stderr

    assert run_cli(home, "--uninstall-desktop").returncode == 0
    assert list(home.iterdir()) == []


@needs("desktop-file-validate")
def test_the_installed_entry_is_valid(layout: Layout, script: Path) -> None:
    desktop_entry.install(layout, [str(script)], which=no_tools)
    result = subprocess.run(["desktop-file-validate", str(layout.desktop_file)],
                            capture_output=True, text=True, timeout=60)
    # desktop-file-utils before 0.27 predates SingleMainWindow (Desktop Entry spec 1.5)
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if "error" in line and '"SingleMainWindow"' not in line]
    assert problems == []


@needs("appstreamcli")
def test_the_metainfo_is_valid() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net",
                             str(RESOURCES / f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
