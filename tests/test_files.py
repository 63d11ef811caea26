"""data/files.py: the disk helpers beneath the store, backups, recovery, the sample and the window's
own folders — one way to make a private folder, one digest of a path."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from revmentor_desktop.data import backup, files
from revmentor_desktop.errors import ErrorKind, KnownError


def test_importing_it_loads_nothing_of_the_data_layer() -> None:
    """ui/paths makes the app's folders with it at start-up, before the data layer may load."""
    code = (
        "import sys\n"
        "import revmentor_desktop.data.files\n"
        "print(sorted(m for m in sys.modules if m.startswith(('revmentor_desktop.data.', 'sqlite3',"
        " 'sqlalchemy', 'sqlmodel', 'pydantic'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         check=True)
    assert out.stdout.strip() == "['revmentor_desktop.data.files']"


def test_a_private_folder_is_made_with_its_parents_for_the_user_alone(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    files.ensure_private_dir(folder)
    files.ensure_private_dir(folder)  # already there: nothing to do
    assert folder.is_dir() and stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_link_to_nowhere_is_reported_not_followed(tmp_path: Path) -> None:
    link = tmp_path / "backups"
    link.symlink_to(tmp_path / "unplugged" / "backups")
    with pytest.raises(FileNotFoundError) as info:
        files.ensure_private_dir(link / "one file")
    assert info.value.strerror == (f"“{link}” is a link to “{tmp_path / 'unplugged' / 'backups'}”, "
                                   "which does not exist")
    assert not (tmp_path / "unplugged").exists()


def test_a_file_in_the_way_is_reported(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("not a folder")
    with pytest.raises(NotADirectoryError) as info:
        files.ensure_private_dir(tmp_path / "taken" / "sub")
    assert info.value.strerror == f"“{tmp_path / 'taken'}” is a file, not a folder"


def test_the_windows_own_folders_are_made_the_same_way(tmp_path: Path) -> None:
    from revmentor_desktop.ui import paths

    made = paths._private_dir(tmp_path / "app" / "locks")
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    (tmp_path / "file").write_text("")
    with pytest.raises(KnownError) as info:
        paths._private_dir(tmp_path / "file")  # once returned as if it were a folder
    assert info.value.kind is ErrorKind.CANNOT_WRITE
    assert "cannot use its folder" in info.value.message and "is a file, not a folder" in info.value.message


def test_path_digest_is_the_same_for_every_spelling_of_a_path(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "a.revmentor"
    real.write_bytes(b"")
    (tmp_path / "link.revmentor").symlink_to(real)
    monkeypatch.chdir(tmp_path)
    spellings = [real, Path("a.revmentor"), tmp_path / "sub" / ".." / "a.revmentor",
                 tmp_path / "link.revmentor"]
    assert len({files.path_digest(p) for p in spellings}) == 1
    assert files.path_digest(real, "path:") != files.path_digest(real)


def test_names_made_from_a_path_digest_never_change(tmp_path: Path) -> None:
    """Backups folders already on users' disks are named so (and the window's locks by name): the
    one digest both now use must give exactly what each computed before."""
    from revmentor_desktop.ui import file_identity

    path = tmp_path / "Ünïcode \udce9.revmentor"  # also a name that is not valid UTF-8
    resolved = str(path.resolve())

    def sha(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    assert backup.folder_for(tmp_path, path) == tmp_path / sha(resolved)[:20]
    assert file_identity.path_key(path) == sha(f"path:{resolved}")[:24]


def test_uri_for_names_exactly_the_file_given(tmp_path: Path) -> None:
    name = tmp_path / "50% ?#&=.revmentor"
    uri = files.uri_for(name, "ro")
    assert uri.startswith("file:/") and uri.endswith("?mode=ro")
    assert "?" not in uri[:-len("?mode=ro")] and "#" not in uri


def test_a_new_file_never_replaces_one_that_appeared_meanwhile(tmp_path: Path) -> None:
    made, path = tmp_path / ".made", tmp_path / "taken.revmentor"
    made.write_text("new")
    path.write_text("someone else's")
    with pytest.raises(KnownError) as info:
        files.place_new_file(made, path)
    assert info.value.kind is ErrorKind.ALREADY_EXISTS
    assert path.read_text() == "someone else's" and made.exists()
    path.unlink()
    files.place_new_file(made, path)
    assert path.read_text() == "new" and not made.exists()


def test_discarding_never_raises(tmp_path: Path) -> None:
    files.discard(tmp_path / "never made")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "kept").write_text("")
    files.discard_dir(tmp_path / "full")  # not empty: left as it is
    assert (tmp_path / "full" / "kept").exists()
    files.discard_dir(tmp_path / "gone")
    assert os.path.exists(tmp_path / "full")
