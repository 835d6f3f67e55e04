"""A failed save leaves the old file as it was and says so; nothing half-written remains."""

import errno
import fcntl
import os
import re
import stat
import subprocess
import sys
import time

import pytest

from bpstudio.io import BPFileError, load, save
from bpstudio.io.atomic import temp_pattern, write_atomic

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


def test_an_empty_path_is_named_and_nothing_is_written(tmp_path, monkeypatch, trained):
    monkeypatch.chdir(tmp_path)
    for act in (lambda: save("", trained), lambda: load("")):
        with pytest.raises(BPFileError, match=r"no file name was given \(the path is empty\)"):
            act()
    assert os.listdir(tmp_path) == []


def test_a_failed_save_says_nothing_was_written_when_there_was_no_file(tmp_path, monkeypatch,
                                                                      trained):
    monkeypatch.setattr(os, "replace", _disk_full)
    with pytest.raises(BPFileError, match=r"\(No space left on device\); nothing was written$"):
        save(tmp_path / "new.bpnet", trained)
    assert os.listdir(tmp_path) == []


# -- symbolic links ---------------------------------------------------------------------------


@pytest.mark.parametrize("absolute", [False, True])
def test_saving_through_a_chain_of_links_writes_the_target_and_keeps_the_links(
        tmp_path, trained, absolute):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "net.bpnet"
    save(target, trained)
    middle, link = tmp_path / "middle.bpnet", tmp_path / "link.bpnet"
    middle.symlink_to(target if absolute else os.path.join("real", "net.bpnet"))
    link.symlink_to(middle if absolute else "middle.bpnet")
    again = train(trained, 1)
    save(link, again)
    assert link.is_symlink() and middle.is_symlink()
    assert os.readlink(middle) == (str(target) if absolute else os.path.join("real", "net.bpnet"))
    assert text_of(load(target)) == text_of(again)
    assert sorted(os.listdir(tmp_path / "real")) == ["net.bpnet"]


def test_a_link_to_a_missing_file_creates_the_file(tmp_path, trained):
    link = tmp_path / "link.bpnet"
    link.symlink_to("made.bpnet")
    save(link, trained)
    assert link.is_symlink() and (tmp_path / "made.bpnet").is_file()


def test_a_loop_of_links_is_refused(tmp_path, trained):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(BPFileError, match="more than 40 symbolic links in a row"):
        save(tmp_path / "a", trained)


# -- read-only files --------------------------------------------------------------------------


def test_a_read_only_file_is_refused_unless_overwriting_is_allowed(tmp_path, trained):
    path = tmp_path / "net.bpnet"
    save(path, trained)
    before = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(BPFileError, match=r"^the file is read-only; it was left as it was "):
        save(path, train(trained, 1))
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["net.bpnet"]
    save(path, train(trained, 1), overwrite_read_only=True)
    assert load(path).epoch == trained.epoch + 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o444  # still read-only


def test_a_read_only_target_behind_a_link_is_refused(tmp_path, trained):
    target = tmp_path / "net.bpnet"
    save(target, trained)
    target.chmod(0o400 if os.getuid() else 0o444)
    (tmp_path / "link.bpnet").symlink_to("net.bpnet")
    with pytest.raises(BPFileError, match="read-only"):
        save(tmp_path / "link.bpnet", trained)


# -- only regular files -----------------------------------------------------------------------


def _special_files(tmp_path):
    fifo = tmp_path / "fifo.bpnet"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.bpnet"
    folder.mkdir()
    files = {"a FIFO (named pipe)": fifo, "a folder": folder}
    if os.getuid() == 0:  # a device of our own, so nothing real is at stake
        device = tmp_path / "null.bpnet"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        files["a device"] = device
    return files


def test_reading_refuses_what_is_not_a_regular_file_at_once(tmp_path):
    for kind, path in _special_files(tmp_path).items():
        started = time.monotonic()
        with pytest.raises(BPFileError, match=f"cannot read the file: it is {re.escape(kind)}"):
            load(path)
        assert time.monotonic() - started < 1.0


def test_saving_refuses_to_replace_what_is_not_a_regular_file(tmp_path, trained):
    for kind, path in _special_files(tmp_path).items():
        with pytest.raises(BPFileError, match=f"it is {re.escape(kind)}, not a file; nothing was"):
            save(path, trained)
        assert not path.is_file()


# -- temporary files of interrupted saves -----------------------------------------------------


def test_the_next_save_removes_the_temporary_files_interrupted_saves_left(tmp_path, trained):
    path = tmp_path / "net.bpnet"
    save(path, trained)
    stale = [tmp_path / f".net.bpnet.{name}.tmp" for name in ("abcd1234", "x_y_z_00")]
    others = [tmp_path / name for name in (
        ".other.bpnet.abcd1234.tmp",  # another file's
        ".net.bpnet.abc.tmp",  # not a name tempfile makes
        ".net.bpnet.x.abcd1234.tmp",  # a temporary file of "net.bpnet.x"
        "net.bpnet.abcd1234.tmp",
    )]
    for p in stale + others:
        p.write_bytes(b"half a file")
    save(path, trained)
    assert sorted(os.listdir(tmp_path)) == sorted(["net.bpnet", *(p.name for p in others)])


def test_a_temporary_file_still_being_written_is_never_removed(tmp_path, trained):
    path = tmp_path / "net.bpnet"
    busy = tmp_path / ".net.bpnet.busy0000.tmp"
    busy.write_bytes(b"")
    with busy.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a save in progress holds it
        save(path, trained)
        assert busy.exists()
    save(path, trained)  # its save ended without renaming it: now it goes
    assert os.listdir(tmp_path) == ["net.bpnet"]


SLOW_SAVE = """
import os, sys, time
from bpstudio.io import save
from bpstudio.examples import EXAMPLES
def slow_disk(fd):
    print("writing", flush=True)
    time.sleep(60)
os.fsync = slow_disk
save(sys.argv[1], EXAMPLES["sin"]())
"""


def _saving_child(path):
    """A process saving to ``path`` that stops in the middle, its temporary file written."""
    child = subprocess.Popen([sys.executable, "-c", SLOW_SAVE, str(path)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "writing\n"
    return child


def test_kill_9_during_a_save_keeps_the_old_file_and_the_next_save_cleans_up(tmp_path, trained):
    path = tmp_path / "net.bpnet"
    save(path, trained)
    child = _saving_child(path)
    try:
        # while it runs, another save of the same file leaves its temporary file alone
        save(path, trained)
        assert len(os.listdir(tmp_path)) == 2
    finally:
        child.kill()  # SIGKILL: no clean-up of its own
        child.wait()
    left = [name for name in os.listdir(tmp_path) if name != "net.bpnet"]
    assert len(left) == 1 and temp_pattern(path).fullmatch(left[0])
    assert text_of(load(path)) == text_of(trained)  # the old file, whole
    save(path, train(trained, 1))
    assert os.listdir(tmp_path) == ["net.bpnet"]
    assert load(path).epoch == trained.epoch + 1
