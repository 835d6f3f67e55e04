"""Save reads back what it is about to write, by the reader's own rules, before writing it."""

import os
from dataclasses import replace

import pytest

from bpstudio.io import BPFileError, load, save
from bpstudio.io import bpnet as bpnet_module
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig

from .conftest import text_of, train


def test_what_the_reader_would_refuse_is_never_written(tmp_path, trained):
    path = tmp_path / "net.bpnet"
    save(path, trained)
    before = path.read_bytes()
    odd = replace(trained, created="x" * 65)  # nothing else checks a session's created
    with pytest.raises(BPFileError, match=r"^the file would not open again \(created: at most "
                                          r"64 characters.*\); the file on disk was left as "
                                          r"it was$"):
        save(path, odd)
    with pytest.raises(BPFileError, match=r"\); nothing was written$"):
        save(tmp_path / "new.bpnet", odd)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["net.bpnet"]


def test_a_file_over_the_size_limit_is_never_written(tmp_path, monkeypatch, trained):
    path = tmp_path / "net.bpnet"
    save(path, trained)
    size = path.stat().st_size
    monkeypatch.setattr(bpnet_module, "MAX_FILE_BYTES", size)
    save(path, trained)  # exactly at the limit (same length: same epoch, same times' length)
    more = train(trained, 1)
    with pytest.raises(BPFileError, match=r"^the file would be [\d,]+ bytes; BP Studio opens "
                                          rf"files of up to {size:,} bytes; the file on disk "
                                          r"was left as it was$"):
        save(path, more)
    assert load(path).epoch == trained.epoch


def test_a_session_that_cannot_be_encoded_says_so_and_writes_nothing(tmp_path, trained):
    broken = trained.state.parameters.copy()
    broken[3] = float("nan")
    session = trained.with_state(replace(trained.state, parameters=broken))
    with pytest.raises(BPFileError, match=r"^state.parameters: contains nan at index \(3,\);"
                                          r".*; nothing was written$"):
        save(tmp_path / "net.bpnet", session)
    assert os.listdir(tmp_path) == []


def test_the_created_time_of_the_replaced_file_is_read_from_its_head(tmp_path, trained):
    path = tmp_path / "net.bpnet"
    path.write_text(bpnet_module.dumps(trained, created="2020-05-06T07:08:09Z"))
    save(path, replace(trained, created=None))
    assert load(path).created == "2020-05-06T07:08:09Z"
    path.write_text("not a BP Studio file")
    save(path, replace(trained, created=None))
    assert load(path).created != "2020-05-06T07:08:09Z"


@pytest.mark.skipif(not os.environ.get("BPSTUDIO_LONG_TESTS"),
                    reason="about 20 s; set BPSTUDIO_LONG_TESTS=1 to run it")
def test_the_issue_s_largest_network_trains_saves_and_opens_again(tmp_path):
    # bpstudio new --data sin --layers 1,999,999,1 --no-bias --optimizer adam; train 1 epoch:
    # 999,999 parameters wrote 66.2 MiB that would not open (the limit was 64 MiB)
    session = Session(NetworkSpec((LayerSpec(999, "tanh"),) * 2, bias=False),
                      DataSpec("sin"), TrainingConfig("adam", learning_rate=0.01))
    path = tmp_path / "a.bpnet"
    save(path, session)
    save(path, train(load(path), 1))
    assert text_of(load(path)) == text_of(train(session, 1))
