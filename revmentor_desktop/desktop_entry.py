"""`revmentor --install-desktop` and `--uninstall-desktop`: the app's desktop entry, icon and file
type, for the current user of a freedesktop desktop (Linux, the BSDs).

Install writes three files under the user's data folder (`$XDG_DATA_HOME`, else
`~/.local/share`), each named by the app id, then refreshes the desktop, MIME and icon databases
with their tools when they are installed:

- `applications/io.github.revmentor.RevMentor.desktop`, whose `Exec` and `TryExec` name the
  installed `revmentor` script by its absolute path (a venv's or pipx's bin need not be on PATH);
- `icons/hicolor/scalable/apps/io.github.revmentor.RevMentor.svg`;
- `mime/packages/io.github.revmentor.RevMentor.xml`: `application/x-revmentor` for `*.revmentor`
  and for any SQLite file whose application_id says RevMentor.

What an install added — those files, the folders it had to make and the files the databases' tools
created — is written to a manifest in the app-data folder, so uninstall removes exactly that:
a folder only once it is empty, a database's file only when nothing else is left for it to list.
Both are idempotent. An install that fails part-way puts every file back as it was.

Standard library only: neither Qt nor the data layer is loaded for this.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from revmentor_desktop import APP_NAME, ORG_NAME
from revmentor_desktop.assets import read_bytes
from revmentor_desktop.errors import ErrorKind, KnownError

APP_ID = "io.github.revmentor.RevMentor"
MIME_TYPE = "application/x-revmentor"
SCRIPT = "revmentor"
MANIFEST_NAME = "desktop-install.json"
#: Bundled files (resources/) and the names they are installed under.
DESKTOP_RESOURCE = f"{APP_ID}.desktop"
ICON_RESOURCE = "revmentor.svg"
MIME_RESOURCE = f"{APP_ID}.mime.xml"

#: Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
#: Characters escaped with a backslash inside a quoted Exec argument.
_EXEC_ESCAPED = set('"`$\\')


def supported() -> bool:
    """Whether this is a system with freedesktop desktops (not Windows, not macOS)."""
    return os.name == "posix" and sys.platform != "darwin"


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """`$XDG_DATA_HOME` when it is an absolute path (the spec ignores any other), else
    `~/.local/share`."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path(env.get("HOME") or Path.home()) / ".local" / "share"


@dataclass(frozen=True)
class Layout:
    """Where everything goes, under one data folder."""

    data_home: Path

    @property
    def desktop_file(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def icon_file(self) -> Path:
        return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"

    @property
    def mime_file(self) -> Path:
        return self.data_home / "mime" / "packages" / f"{APP_ID}.xml"

    @property
    def app_data(self) -> Path:
        """The app-data folder as Qt names it on these systems (AppDataLocation)."""
        return self.data_home / ORG_NAME / APP_NAME

    @property
    def manifest(self) -> Path:
        return self.app_data / MANIFEST_NAME

    def installed_files(self) -> tuple[Path, Path, Path]:
        return self.desktop_file, self.icon_file, self.mime_file


# --- what is installed ---------------------------------------------------------------------------


def launcher(argv0: str | None = None, executable: str | None = None) -> list[str]:
    """The command that starts this installation of RevMentor, as absolute paths: the `revmentor`
    script being run, else the one beside this Python (a venv's or pipx's bin), else
    `python -m revmentor_desktop` with this Python."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    executable = sys.executable if executable is None else executable
    if argv0 and Path(argv0).name == SCRIPT and os.path.isfile(argv0) and os.access(argv0, os.X_OK):
        return [os.path.abspath(argv0)]  # not resolved: pipx's link in ~/.local/bin stays valid
    if executable:
        beside = shutil.which(SCRIPT, path=os.path.dirname(os.path.abspath(executable)))
        if beside:
            return [os.path.abspath(beside)]
        return [os.path.abspath(executable), "-m", "revmentor_desktop"]
    raise KnownError(ErrorKind.NOT_FOUND, "Cannot tell where RevMentor is installed (no Python "
                     "executable is known).", "Run the revmentor command by its full path.")


def exec_argument(arg: str) -> str:
    """`arg` written for a desktop entry's Exec key: quoted when needed, with the spec's escapes
    (a `%` doubled; inside quotes `"`, `` ` ``, `$` and `\\` escaped; then every `\\` of the value
    escaped once more, as for any string value)."""
    if any(ch in "\n\r" or ord(ch) < 0x20 for ch in arg):
        raise KnownError(ErrorKind.CANNOT_WRITE, f"A desktop entry cannot name “{arg!r}”: the path "
                         "holds a control character.", "Install RevMentor in a folder without one.")
    arg = arg.replace("%", "%%")
    if not arg or any(ch in _EXEC_RESERVED for ch in arg):
        arg = '"' + "".join("\\" + ch if ch in _EXEC_ESCAPED else ch for ch in arg) + '"'
    return arg.replace("\\", "\\\\")


def _string_value(text: str) -> str:
    """`text` as a desktop entry string value (a backslash escaped)."""
    return text.replace("\\", "\\\\")


def desktop_entry_text(command: Sequence[str]) -> str:
    """The bundled desktop entry with `Exec` and `TryExec` naming `command` by absolute path."""
    template = read_bytes(DESKTOP_RESOURCE).decode("utf-8")
    exec_value = " ".join(exec_argument(a) for a in command) + " %f"
    replaced = {"Exec": exec_value, "TryExec": _string_value(command[0])}
    lines = []
    for line in template.splitlines():
        key, sep, _ = line.partition("=")
        if sep and key.strip() in replaced:
            line = f"{key.strip()}={replaced.pop(key.strip())}"
        lines.append(line)
    if replaced:  # pragma: no cover - the bundled file has both (tests check it)
        raise AssertionError(f"the bundled desktop entry lacks {', '.join(replaced)}")
    return "\n".join(lines) + "\n"


def payload(command: Sequence[str], layout: Layout) -> dict[Path, bytes]:
    """Each installed file and its content."""
    return {
        layout.desktop_file: desktop_entry_text(command).encode("utf-8"),
        layout.icon_file: read_bytes(ICON_RESOURCE),
        layout.mime_file: read_bytes(MIME_RESOURCE),
    }


# --- the databases' tools ------------------------------------------------------------------------


@dataclass(frozen=True)
class Database:
    """A cache a desktop keeps of one folder, and the tool that rebuilds it."""

    tool: str
    args: tuple[str, ...]
    root: str  # the folder it lists, relative to the data folder
    #: whether a file in `root` is a source the database lists (not one of the tool's own files)
    is_source: Callable[[Path], bool]

    def folder(self, layout: Layout) -> Path:
        return layout.data_home / self.root


DATABASES = (
    Database("update-desktop-database", ("-q",), "applications", lambda p: p.suffix == ".desktop"),
    Database("update-mime-database", (), "mime",
             lambda p: p.parent.name == "packages" and p.suffix == ".xml"),
    Database("gtk-update-icon-cache", ("-q", "-t", "-f"), "icons/hicolor",
             lambda p: p.name not in ("icon-theme.cache", "index.theme")),
)


def _tree(folder: Path) -> set[Path]:
    """Every file and folder beneath `folder` (not following links), `folder` itself excluded."""
    found: set[Path] = set()
    if not folder.is_dir() or folder.is_symlink():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        found.update(Path(dirpath, n) for n in (*dirnames, *filenames))
    return found


def refresh(layout: Layout, which: Callable[[str], str | None] = shutil.which) -> tuple[set[Path], list[str]]:
    """Rebuild each database whose tool is installed and whose folder exists. Returns the paths
    the tools created and a warning for each tool that failed (the files are in place either way)."""
    created: set[Path] = set()
    warnings: list[str] = []
    for db in DATABASES:
        folder = db.folder(layout)
        tool = which(db.tool)
        if tool is None or not folder.is_dir():
            continue
        before = _tree(folder)
        try:
            result = subprocess.run([tool, *db.args, str(folder)], capture_output=True, text=True,
                                    timeout=120, check=False, stdin=subprocess.DEVNULL)
            failed = result.returncode != 0
            detail = (result.stderr.strip().splitlines() or [f"exit status {result.returncode}"])[-1]
        except (OSError, subprocess.SubprocessError) as exc:
            failed, detail = True, str(exc)
        if failed:
            warnings.append(f"{db.tool} failed ({detail}); the desktop may not see the change "
                            f"until {db.tool} runs")
        created |= _tree(folder) - before
    return created, warnings


# --- the manifest --------------------------------------------------------------------------------


@dataclass
class Manifest:
    """What installs made: files written, folders made, and the databases' files they caused."""

    files: list[str]
    dirs: list[str]
    generated: list[str]

    @classmethod
    def read(cls, path: Path) -> Manifest | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(*(sorted({str(p) for p in data[k]}) for k in ("files", "dirs", "generated")))
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KnownError(ErrorKind.DAMAGED, f"Cannot read “{path}”, the list of what "
                             f"--install-desktop installed: {exc}.",
                             "Delete it and run the command again.") from exc

    def merged(self, other: Manifest | None) -> Manifest:
        """Both together, each list sorted (so installing twice writes the same file)."""
        other = other or Manifest([], [], [])
        return Manifest(sorted({*self.files, *other.files}), sorted({*self.dirs, *other.dirs}),
                        sorted({*self.generated, *other.generated}))

    def write(self, path: Path) -> None:
        text = json.dumps({"app_id": APP_ID, "files": self.files, "dirs": self.dirs,
                           "generated": self.generated}, indent=1) + "\n"
        _write_file(path, text.encode("utf-8"), 0o600)


# --- install and uninstall -----------------------------------------------------------------------


def _write_file(path: Path, content: bytes, mode: int = 0o644) -> None:
    """Put `content` at `path` whole or not at all (a new file renamed into place)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _make_dirs(folder: Path, made: list[Path], mode: int = 0o755) -> None:
    """Make `folder` and its missing parents, adding each folder made to `made` (outermost first)."""
    missing = []
    for part in (folder, *folder.parents):
        if part.is_dir():
            break
        missing.append(part)
    for part in reversed(missing):
        part.mkdir(mode=mode)
        made.append(part)


def _remove_empty_dirs(dirs: Iterable[Path]) -> None:
    for d in sorted(dirs, key=lambda p: len(p.parts), reverse=True):
        try:
            d.rmdir()
        except FileNotFoundError:
            pass
        except OSError:
            continue  # not empty: something else lives there now


def _oserror(action: str, exc: OSError) -> KnownError:
    where = f" “{exc.filename}”" if exc.filename else ""
    return KnownError(ErrorKind.CANNOT_WRITE,
                      f"Could not {action}:{where} {exc.strerror or exc}.",
                      "Nothing was changed.")


@dataclass(frozen=True)
class Outcome:
    changed: list[Path]  # the files written or removed
    warnings: list[str]


def install(layout: Layout, command: Sequence[str],
            which: Callable[[str], str | None] = shutil.which) -> Outcome:
    """Install the desktop entry, icon and MIME type for `command`; KnownError, with every file as
    it was, when one cannot be written."""
    previous = Manifest.read(layout.manifest)
    files = payload(command, layout)
    saved: dict[Path, bytes | None] = {}
    made: list[Path] = []
    try:
        for path, content in files.items():
            _make_dirs(path.parent, made)
            saved[path] = path.read_bytes() if path.is_file() else None
            _write_file(path, content)
        _make_dirs(layout.app_data, made, 0o700)
        saved[layout.manifest] = layout.manifest.read_bytes() if layout.manifest.is_file() else None
        this = Manifest([str(p) for p in files], [str(d) for d in made], [])
        this.merged(previous).write(layout.manifest)
    except OSError as exc:
        for path, old in saved.items():
            try:
                if old is None:
                    path.unlink(missing_ok=True)
                else:
                    _write_file(path, old)
            except OSError:
                pass  # the first error is the one to tell
        _remove_empty_dirs(made)
        raise _oserror("install the desktop entry", exc) from exc
    generated, warnings = refresh(layout, which)
    if generated:
        try:
            full = Manifest.read(layout.manifest)
            assert full is not None
            Manifest([], [], sorted(str(p) for p in generated)).merged(full).write(layout.manifest)
        except OSError as exc:
            warnings.append(f"could not record the databases' new files ({exc.strerror or exc})")
    return Outcome(list(files), warnings)


def uninstall(layout: Layout, which: Callable[[str], str | None] = shutil.which) -> Outcome:
    """Remove what install put in place (listed in the manifest; without one, the three files by
    their app-id names). KnownError, with nothing removed, when a file cannot be."""
    manifest = Manifest.read(layout.manifest) or Manifest(
        [str(p) for p in layout.installed_files()], [], [])
    files = [Path(p) for p in manifest.files if os.path.lexists(p)]
    if layout.manifest.exists():
        files.append(layout.manifest)
    for path in files:  # check first, so an error leaves everything in place
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise KnownError(ErrorKind.CANNOT_WRITE, f"Could not remove “{path}”: its folder is "
                             "not writable.", "Nothing was removed.")
    try:
        for path in files:
            path.unlink(missing_ok=True)
    except OSError as exc:
        raise _oserror("remove the desktop entry", exc) from exc
    _, warnings = refresh(layout, which)
    # The databases' own files that installing brought about go once nothing else is listed there.
    generated = [Path(p) for p in manifest.generated]
    for db in DATABASES:
        folder = db.folder(layout)
        if any(db.is_source(p) for p in _tree(folder) if not p.is_dir()):
            continue
        for path in generated:
            if folder in path.parents and not path.is_dir() and os.path.lexists(path):
                try:
                    path.unlink()
                except OSError as exc:
                    warnings.append(f"could not remove “{path}” ({exc.strerror or exc})")
    _remove_empty_dirs([p for p in generated if p.is_dir()])
    _remove_empty_dirs(map(Path, manifest.dirs))
    return Outcome([p for p in files if p != layout.manifest], warnings)
