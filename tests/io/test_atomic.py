"""A failed save leaves the old file as it was and says so; nothing half-written remains."""

import errno
import os
import stat

import pytest

from bpstudio.io import BPFileError, load, save
from bpstudio.io.atomic import write_atomic

from .conftest import text_of, train


def test_write_replaces_the_file(tmp_path):
    path = tmp_path / "a.txt"
    write_atomic(path, b"one")
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert os.listdir(tmp_path) == ["a.txt"]


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["replace", "fsync"])
def test_a_failed_save_keeps_the_old_file_and_says_so(tmp_path, monkeypatch, trained, step):
    path = tmp_path / "net.bpnet"
    save(path, trained)
    before = path.read_bytes()
    monkeypatch.setattr(os, step, _disk_full)
    with pytest.raises(BPFileError, match=r"could not save \(No space left on device\); the "
                                          r"file on disk was left as it was"):
        save(path, train(trained, 2))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["net.bpnet"]
    assert text_of(load(path)) == text_of(trained)


def test_an_interrupted_save_removes_its_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")

    def interrupt(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_saving_into_a_missing_folder_is_a_file_error(tmp_path, trained):
    with pytest.raises(BPFileError, match="could not save"):
        save(tmp_path / "no" / "such" / "net.bpnet", trained)


def test_permissions_are_kept_or_ordinary(tmp_path):
    kept = tmp_path / "kept.txt"
    kept.write_bytes(b"x")
    kept.chmod(0o640)
    write_atomic(kept, b"y")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.txt"
    write_atomic(fresh, b"z")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
