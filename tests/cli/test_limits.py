"""Every flag is bounded by bpstudio/limits.py: what cannot be opened again is refused at
once, with a message naming the limit, before anything large is made (#9 §1, §6)."""

import time
import tracemalloc
from dataclasses import replace

import pytest

from bpstudio.core import History
from bpstudio.io import load, save
from bpstudio.limits import (
    MAX_CLASSES,
    MAX_DATA_VALUES,
    MAX_EPOCHS,
    MAX_LAYERS,
    MAX_PARAMETERS,
    MAX_SAMPLES,
    MAX_SEED,
)
from bpstudio.session import Session

from .helpers import error_line, run


def new_refused(capsys, tmp_path, *flags):
    """Run ``new`` with ``flags``: it must exit 2 quickly, with little memory and no file."""
    out = tmp_path / "x.bpnet"
    tracemalloc.start()
    started = time.monotonic()
    try:
        code, stdout, err = run(capsys, "new", "-o", out, *flags)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 2 and stdout == "" and not out.exists()
    assert time.monotonic() - started < 2.0
    assert peak < 50 * 2**20  # NumPy's allocations are traced too
    return error_line(err)


def test_a_network_of_ten_billion_parameters_is_refused_before_it_is_allocated(
    tmp_path, capsys,
):
    line = new_refused(capsys, tmp_path, "--layers", "1,100000,100000,1")
    n = 1 * 100_000 + 100_000 * 100_000 + 100_000 * 1 + (100_000 + 100_000 + 1)
    assert line == (f"bpstudio new: error: --layers: the network would have {n:,} parameters; "
                    f"BP Studio works with up to {MAX_PARAMETERS:,} (use fewer or smaller "
                    "hidden layers)")


def test_one_parameter_over_the_limit_is_refused_and_the_limit_itself_works(tmp_path, capsys):
    # 2-1001-1000-1 (from the issue): 1,006,004 parameters
    line = new_refused(capsys, tmp_path, "--data", "spiral", "--layers", "2,1001,1000,1")
    assert "would have 1,006,004 parameters" in line
    # 1-999-999-1 without biases: 999 + 998,001 + 999 = 999,999 parameters
    out = tmp_path / "ok.bpnet"
    assert run(capsys, "new", "--layers", "1,999,999,1", "--no-bias", "-o", out)[0] == 0
    assert load(out).build().net.n_params == 999_999


def test_layers_are_counted_before_they_are_parsed(tmp_path, capsys):
    line = new_refused(capsys, tmp_path, "--layers", ",".join(["1"] * 1_000_000))
    assert line == (f"bpstudio new: error: --layers: at most {MAX_LAYERS + 1} sizes "
                    f"({MAX_LAYERS} weight layers) are allowed, got 1,000,000")


def test_the_most_layers_allowed_work(tmp_path, capsys):
    out = tmp_path / "deep.bpnet"
    assert run(capsys, "new", "--layers", ",".join(["1"] * (MAX_LAYERS + 1)), "-o", out)[0] == 0
    assert len(load(out).network.hidden) == MAX_LAYERS - 1
    line = new_refused(capsys, tmp_path, "--layers", ",".join(["1"] * (MAX_LAYERS + 2)))
    assert f"at most {MAX_LAYERS + 1} sizes" in line


def test_a_huge_layer_size_is_refused_before_it_is_multiplied(tmp_path, capsys):
    line = new_refused(capsys, tmp_path, "--layers", "1," + "9" * 4000 + ",1")
    assert line.startswith(f"bpstudio new: error: --layers: a layer may have at most "
                           f"{MAX_PARAMETERS:,} neurons")
    assert len(line) < 4000


@pytest.mark.parametrize(("command", "flag", "limit"), [
    ("new", "--seed", MAX_SEED),
    ("new", "--batch-size", MAX_SAMPLES),
    ("train", "--epochs", MAX_EPOCHS),
    ("train", "--measure-every", MAX_EPOCHS),
])
def test_whole_number_flags_are_bounded(tmp_path, capsys, command, flag, limit):
    f = tmp_path / "f.bpnet"
    run(capsys, "new", "--example", "sin", "-o", f)
    before = f.read_bytes()
    args = ["-o", tmp_path / "x.bpnet"] if command == "new" else [f]
    for value in (str(limit + 1), "99999999999999999999999", "9" * 5000):
        code, _, err = run(capsys, command, *args, flag, value)
        line = error_line(err)
        assert code == 2, line
        assert f"argument {flag}: must be at most {limit:,} (the " in line
        assert len(line) < 400  # the number is quoted short
    assert f.read_bytes() == before and not (tmp_path / "x.bpnet").exists()


def test_a_data_seed_is_bounded_like_the_seed(tmp_path, capsys):
    line = new_refused(capsys, tmp_path, "--param", f"seed={MAX_SEED + 1}")
    assert line == (f"bpstudio new: error: --param seed: must be at most {MAX_SEED:,} (the "
                    f"largest seed BP Studio keeps), got '{MAX_SEED + 1}'")
    out = tmp_path / "edge.bpnet"
    assert run(capsys, "new", "--param", f"seed={MAX_SEED}", "-o", out)[0] == 0
    assert load(out).data.params["seed"] == MAX_SEED


def test_the_largest_seed_and_batch_size_save_and_open_again(tmp_path, capsys):
    out = tmp_path / "edge.bpnet"
    code, _, err = run(capsys, "new", "--seed", MAX_SEED, "--batch-size", MAX_SAMPLES,
                       "-o", out)
    assert code == 0, err
    session = load(out)
    assert session.network.seed == session.training.seed == MAX_SEED
    assert session.data.params["seed"] == MAX_SEED and session.training.batch_size == MAX_SAMPLES


def test_train_stops_at_the_most_epochs_a_session_may_reach(tmp_path, capsys):
    session = Session()
    bench = session.build()
    bench.trainer.fit(*bench.train_arrays(), 1)
    history = History()
    history.append(MAX_EPOCHS - 2, bench.trainer.history.train_loss[0])
    state = replace(bench.trainer.state(), epoch=MAX_EPOCHS - 2, history=history)
    path = tmp_path / "late.bpnet"
    save(path, session.with_state(state))
    code, out, err = run(capsys, "train", path, "--epochs", "5")
    assert code == 0
    assert f"training 2 epochs, up to epoch {MAX_EPOCHS:,}, the most a session may reach" in err
    assert load(path).epoch == MAX_EPOCHS
    before = path.read_bytes()
    code, out, err = run(capsys, "train", path)
    assert code == 0 and err == ""
    assert out == f"{path}: already at epoch {MAX_EPOCHS:,}, the most a session may reach; " \
                  "nothing to do\n"
    assert path.read_bytes() == before


@pytest.mark.parametrize(("flags", "names"), [
    (["--param", "n=1000000000"], ["n", f"{MAX_SAMPLES:,}"]),
    (["--param", f"n={MAX_SAMPLES + 1}"], ["n", f"{MAX_SAMPLES:,}"]),
    (["--data", "gaussians", "--param", f"classes={MAX_CLASSES + 1}"],
     ["classes", f"{MAX_CLASSES:,}"]),
    (["--data", "gaussians", "--param", f"n={MAX_SAMPLES}", "--param",
      f"classes={MAX_CLASSES}"], [f"{MAX_DATA_VALUES:,}"]),
])
def test_data_beyond_the_limits_is_refused_before_it_is_generated(tmp_path, capsys, flags,
                                                                   names):
    line = new_refused(capsys, tmp_path, *flags)
    assert line.startswith("bpstudio new: error: ")
    for name in names:
        assert name in line
