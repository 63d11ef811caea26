"""One file, one key: the lock and the single-instance channel follow the file, not its name."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from revmentor_desktop.ui import paths
from revmentor_desktop.ui.file_identity import file_key, lock_for, path_key


@pytest.fixture
def real(tmp_path: Path) -> Path:
    path = tmp_path / "real.revmentor"
    path.write_bytes(b"a partnership")
    return path


def test_every_name_of_one_file_has_one_key(real: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    hard = tmp_path / "hard.revmentor"
    os.link(real, hard)
    soft = tmp_path / "soft.revmentor"
    soft.symlink_to(real)
    monkeypatch.chdir(tmp_path)
    names = [real, hard, soft, Path("real.revmentor"), tmp_path / "sub" / ".." / "hard.revmentor"]
    (tmp_path / "sub").mkdir()
    assert {file_key(p) for p in names} == {file_key(real)}


def test_different_files_have_different_keys(real: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.revmentor"
    copy.write_bytes(real.read_bytes())
    assert file_key(copy) != file_key(real)


def test_a_file_not_made_yet_is_known_by_its_name(tmp_path: Path) -> None:
    new = tmp_path / "new.revmentor"
    assert file_key(new) == path_key(new) == path_key(tmp_path / "." / "new.revmentor")
    new.write_bytes(b"made")
    assert file_key(new) != path_key(new)  # now it has an identity of its own


def test_a_second_name_for_a_locked_file_cannot_be_locked(real: Path, tmp_path: Path) -> None:
    hard = tmp_path / "hard.revmentor"
    os.link(real, hard)
    first = lock_for(real)
    assert first.tryLock(0)
    try:
        assert not lock_for(hard).tryLock(0)
    finally:
        first.unlock()
    second = lock_for(hard)
    assert second.tryLock(0)
    second.unlock()
    assert list(paths.lock_dir().iterdir()) == []  # both lock files are gone when let go


def test_a_file_locked_before_it_existed_stays_locked_once_it_does(tmp_path: Path) -> None:
    new = tmp_path / "new.revmentor"
    first = lock_for(new)
    assert first.tryLock(0)
    new.write_bytes(b"made while locked")
    try:
        assert not lock_for(new).tryLock(0)
    finally:
        first.unlock()


def test_a_file_replaced_by_a_rename_stays_locked(real: Path, tmp_path: Path) -> None:
    """A restore puts a new file (a new inode) in place of the open one."""
    first = lock_for(real)
    assert first.tryLock(0)
    (tmp_path / "restored").write_bytes(b"the backup")
    (tmp_path / "restored").replace(real)
    try:
        assert not lock_for(real).tryLock(0)
    finally:
        first.unlock()


def test_lock_files_are_private(real: Path) -> None:
    lock = lock_for(real)
    assert lock.tryLock(0)
    try:
        made = list(paths.lock_dir().iterdir())
        assert len(made) == 2  # the file's identity and its name
        assert {stat.S_IMODE(p.stat().st_mode) for p in made} == {0o600}
    finally:
        lock.unlock()
