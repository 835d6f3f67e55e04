"""The command line: every subcommand, every error path, and its exit codes."""

import io as stdio
import json
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from bpstudio.cli.output import INTERRUPTED
from bpstudio.cli.train import DEFAULT_EPOCHS
from bpstudio.examples import EXAMPLES, example_path
from bpstudio.headless import Progress
from bpstudio.io import VERSION, dumps, load, save
from bpstudio.session import DataSpec, NetworkSpec, Session, Table, TrainingConfig
from bpstudio.training import TrainingRun

from .helpers import run

REPO = Path(__file__).resolve().parents[2]


def same_session(a: Path, b: Path) -> bool:
    """Equal content, bit for bit, whatever the times in the files."""
    t = "2026-01-01T00:00:00Z"
    return dumps(load(a), created=t, modified=t) == dumps(load(b), created=t, modified=t)


@pytest.fixture
def moons(tmp_path):
    """A session with a test split, shuffled mini-batches and Adam."""
    path = tmp_path / "moons.bpnet"
    save(path, Session(
        data=DataSpec("moons", {"n": 60}, test_fraction=0.25, standardize=True),
        training=TrainingConfig("adam", learning_rate=0.02, batch_size=10),
    ))
    return path


# -- the desktop app --------------------------------------------------------------------------


@pytest.fixture
def fake_gui(monkeypatch):
    calls = []
    app = types.ModuleType("bpstudio.gui.window.app")
    app.run_app = lambda path=None: calls.append(path) or 0
    monkeypatch.setitem(sys.modules, "bpstudio.gui.window.app", app)
    return calls


def test_no_arguments_opens_the_app(fake_gui, capsys):
    assert run(capsys)[0] == 0
    assert fake_gui == [None]


def test_a_file_argument_opens_it_in_the_app(fake_gui, tmp_path, capsys):
    lesson = tmp_path / "lesson.bpnet"
    lesson.write_text("{}")
    assert run(capsys, lesson)[0] == 0
    assert fake_gui == [str(lesson)]


def test_without_the_gui_the_app_says_so_in_one_line(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "bpstudio.gui.window.app", None)
    code, _, err = run(capsys)
    assert code == 1
    assert "the desktop app is not available" in err and err.count("\n") == 1


# -- usage ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("argv", "code"), [
    (["--version"], 0), (["--help"], 0), (["train", "--help"], 0), (["frobnicate", "x"], 2),
    (["--bogus"], 2), (["train"], 2), (["train", "f", "--epochs", "0"], 2),
    (["train", "f", "--lr", "-1"], 2), (["export", "f"], 2),
    (["export", "f", "--npz", "a", "--csv", "b"], 2), (["new"], 2),
    (["new", "-o", "x", "--optimizer", "rmsprop"], 2), (["new", "-o", "x", "--example", "nope"], 2),
])
def test_usage_errors_exit_2_and_help_exits_0(capsys, argv, code):
    assert run(capsys, *argv)[0] == code


# -- new --------------------------------------------------------------------------------------


def test_new_from_an_example(tmp_path, capsys):
    out = tmp_path / "sin.bpnet"
    code, stdout, _ = run(capsys, "new", "--example", "sin", "-o", out)
    assert code == 0 and "1-100-1" in stdout
    assert same_session(out, example_path("sin"))


def test_new_refuses_to_replace_a_file_unless_forced(tmp_path, capsys):
    out = tmp_path / "net.bpnet"
    out.write_text("keep me")
    code, _, err = run(capsys, "new", "--example", "points8", "-o", out)
    assert code == 1 and "exists already; use --force" in err
    assert out.read_text() == "keep me"
    assert run(capsys, "new", "--example", "points8", "-o", out, "--force")[0] == 0
    assert load(out).title == EXAMPLES["points8"]().title


def test_new_from_flags(tmp_path, capsys):
    out = tmp_path / "spiral.bpnet"
    code, _, _ = run(capsys, "new", "--data", "spiral", "--layers", "2,8,8,1", "--activations",
                     "tanh,tanh,sigmoid", "--optimizer", "adam", "--lr", "0.01", "--batch-size",
                     "16", "--seed", "3", "--param", "n=120", "--param", "noise=0.1",
                     "--test-fraction", "0.2", "--standardize", "--title", "Spiral", "-o", out)
    assert code == 0
    session = load(out)
    net, data, training = session.network, session.data, session.training
    assert [layer.size for layer in net.hidden] == [8, 8]
    assert net.activations() == ["tanh", "tanh", "sigmoid"]
    assert net.loss == "binary_cross_entropy" and net.seed == 3
    assert data.name == "spiral" and data.params["n"] == 120 and data.params["noise"] == 0.1
    assert data.params["seed"] == 3 and data.test_fraction == 0.2 and data.standardize
    assert (training.optimizer, training.learning_rate, training.batch_size, training.seed) == \
        ("adam", 0.01, 16, 3)
    assert session.title == "Spiral" and session.state is None


def test_new_with_no_design_flags_uses_defaults(tmp_path, capsys):
    out = tmp_path / "default.bpnet"
    assert run(capsys, "new", "-o", out)[0] == 0
    session = load(out)
    assert session.data.name == "sin" and session.network.activations() == ["tanh", "identity"]
    assert session.training.optimizer == "sgd" and session.training.learning_rate == 0.05


def test_new_picks_softmax_and_cross_entropy_for_many_classes(tmp_path, capsys):
    out = tmp_path / "blobs.bpnet"
    assert run(capsys, "new", "--data", "gaussians", "--param", "classes=4", "-o", out)[0] == 0
    net = load(out).network
    assert net.output_activation == "softmax" and net.loss == "cross_entropy"


@pytest.mark.parametrize(("flags", "message"), [
    (["--data", "spiral", "--layers", "3,8,1"], "--layers: the data 'spiral' has 2 inputs"),
    (["--layers", "1,x,1"], "--layers: expected sizes >= 1"),
    (["--layers", "1,8,1", "--activations", "tanh"], "--activations: expected 2 names"),
    (["--activations", "sigmod,identity"], "did you mean 'sigmoid'"),
    (["--param", "noise"], "--param: expected KEY=VALUE"),
    (["--param", "colour=3"], "unknown name 'colour'"),
    (["--example", "sin", "--layers", "1,4,1"], "--example cannot be combined with --layers"),
    (["--test-fraction", "1.5"], "test_fraction"),
])
def test_new_with_flags_that_cannot_work_is_a_usage_error(tmp_path, capsys, flags, message):
    out = tmp_path / "x.bpnet"
    code, _, err = run(capsys, "new", "-o", out, *flags)
    assert code == 2 and message in err and err.count("\n") == 1
    assert not out.exists()


def test_new_into_a_missing_folder_is_a_file_error(tmp_path, capsys):
    code, _, err = run(capsys, "new", "--example", "sin", "-o", tmp_path / "no" / "x.bpnet")
    assert code == 1 and "could not save" in err


# -- train ------------------------------------------------------------------------------------


def test_train_resumes_exactly(tmp_path, moons, capsys):
    twice = tmp_path / "twice.bpnet"
    assert run(capsys, "train", moons, "--epochs", "3", "--out", twice)[0] == 0
    assert run(capsys, "train", twice, "--epochs", "4")[0] == 0
    assert run(capsys, "train", moons, "--epochs", "7")[0] == 0
    assert same_session(twice, moons)
    assert load(moons).epoch == 7


def test_train_records_test_loss_and_metrics_every_epoch(moons, capsys):
    code, out, err = run(capsys, "train", moons, "--epochs", "5")
    assert code == 0
    history = load(moons).history
    assert history.epoch == [1, 2, 3, 4, 5]
    for column in (history.train_loss, history.test_loss, history.train_metric,
                   history.test_metric):
        assert np.all(np.isfinite(column))
    bench = load(moons).build()
    scores = bench.net.loss(*bench.test_arrays())
    assert history.test_loss[-1] == scores  # the test loss after the last epoch
    assert "trained epochs 1-5" in out and "test accuracy" in out
    assert "5/5" in err and "loss" in err and "epochs/s" in err and "left" in err


def test_train_measure_every_fills_only_those_epochs_and_the_last(tmp_path, moons, capsys):
    every = tmp_path / "every.bpnet"
    assert run(capsys, "train", moons, "--epochs", "3", "--out", every)[0] == 0
    code, out, _ = run(capsys, "train", every, "--epochs", "9", "--measure-every", "5")
    assert code == 0 and "test accuracy" in out
    history = load(every).history
    assert history.epoch == list(range(1, 13))
    assert np.all(np.isfinite(history.train_loss))
    measured = {1, 2, 3, 5, 10, 12}  # the first run measured every epoch
    for column in (history.test_loss, history.train_metric, history.test_metric):
        assert {e for e, v in zip(history.epoch, column) if np.isfinite(v)} == measured
    full = tmp_path / "full.bpnet"
    assert run(capsys, "train", moons, "--epochs", "12", "--out", full)[0] == 0
    np.testing.assert_array_equal(load(full).state.parameters, load(every).state.parameters)
    assert load(full).history.test_loss[-1] == history.test_loss[-1]


def test_train_measure_every_must_be_a_whole_number(moons, capsys):
    code, _, err = run(capsys, "train", moons, "--measure-every", "0")
    assert code == 2 and "--measure-every" in err


def test_train_a_many_class_mse_network_on_one_hot_targets(tmp_path, capsys):
    # three classes, three sigmoid outputs, MSE: the targets are one-hot rows, as in the app
    path = tmp_path / "blobs.bpnet"
    session = Session(
        network=NetworkSpec(output_activation="sigmoid", loss="mse"),
        data=DataSpec("gaussians", {"n": 30, "classes": 3}, test_fraction=0.2),
        training=TrainingConfig("sgd", learning_rate=0.5),
    )
    save(path, session)
    code, _out, err = run(capsys, "train", path, "--epochs", "3")
    assert code == 0, err
    bench = session.build()
    X = bench.data.inputs(bench.data.train)
    bench.trainer.fit(X, np.eye(3)[bench.data.train.y], 3)
    trained = load(path).build()
    np.testing.assert_array_equal(trained.net.parameters, bench.net.parameters)
    assert np.all(np.isfinite(load(path).history.test_metric))


def test_train_without_a_test_split_leaves_test_columns_unmeasured(tmp_path, capsys):
    path = tmp_path / "points8.bpnet"
    save(path, EXAMPLES["points8"]())
    assert run(capsys, "train", path, "--epochs", "2")[0] == 0
    history = load(path).history
    assert np.isnan(history.test_loss).all() and np.isnan(history.test_metric).all()
    assert (history.train_metric[-1] * 8).is_integer()  # accuracy on 8 points


def test_train_out_leaves_the_input_untouched_and_lr_is_kept(tmp_path, moons, capsys):
    before = moons.read_bytes()
    out = tmp_path / "faster.bpnet"
    assert run(capsys, "train", moons, "--epochs", "2", "--lr", "0.5", "--out", out)[0] == 0
    assert moons.read_bytes() == before
    trained = load(out)
    assert trained.training.learning_rate == 0.5 and trained.state.optimizer["lr"] == 0.5


def test_train_defaults_to_the_epoch_limit_then_to_100(tmp_path, capsys):
    path = tmp_path / "limited.bpnet"
    save(path, Session(training=TrainingConfig(epoch_limit=6)))
    assert run(capsys, "train", path)[0] == 0
    assert load(path).epoch == 6
    code, out, _ = run(capsys, "train", path)
    assert code == 0 and "already trained to its epoch limit" in out
    save(path, EXAMPLES["points8"]())
    assert run(capsys, "train", path)[0] == 0
    assert load(path).epoch == DEFAULT_EPOCHS


def test_ctrl_c_saves_nothing(tmp_path, moons, monkeypatch, capsys):
    before = moons.read_bytes()
    calls = []
    measure = TrainingRun.measure

    def interrupted_at_the_third(run):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return measure(run)

    monkeypatch.setattr(TrainingRun, "measure", interrupted_at_the_third)
    out = tmp_path / "out.bpnet"
    code, _, err = run(capsys, "train", moons, "--epochs", "50", "--out", out)
    assert code == INTERRUPTED
    assert "interrupted at epoch 3; nothing was saved" in err
    assert moons.read_bytes() == before and not out.exists()


def test_divergence_exits_1_with_the_fix_and_saves_nothing(tmp_path, capsys):
    path = tmp_path / "wild.bpnet"
    save(path, Session(training=TrainingConfig(learning_rate=1e6)))
    before = path.read_bytes()
    code, _, err = run(capsys, "train", path, "--epochs", "50")
    assert code == 1 and "Training diverged" in err and "Lower the learning rate" in err
    assert "Nothing was saved" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", [["train"], ["info"], ["export", "--csv", "out.csv"]])
def test_a_bad_file_is_one_line_and_exit_1(tmp_path, capsys, command):
    bad = tmp_path / "bad.bpnet"
    bad.write_text('{"format": "bpstudio-network",\n "version": 1,\n')
    code, _, err = run(capsys, command[0], bad, *command[1:])
    assert code == 1
    assert err == f"bpstudio: {bad}: line 3: not valid JSON (Expecting property name enclosed " \
                  "in double quotes at column 1)\n"
    code, _, err = run(capsys, command[0], tmp_path / "missing.bpnet", *command[1:])
    assert code == 1 and "cannot read the file (No such file or directory)" in err


def test_a_failed_save_after_training_exits_1(tmp_path, moons, capsys):
    code, _, err = run(capsys, "train", moons, "--epochs", "1", "--out", tmp_path / "no" / "x")
    assert code == 1 and "could not save" in err


# -- info and export --------------------------------------------------------------------------


def test_info_describes_the_session(moons, capsys):
    run(capsys, "train", moons, "--epochs", "2")
    code, out, _ = run(capsys, "info", moons)
    assert code == 0
    assert "2-8-1 (tanh, identity)" in out
    assert "moons(n=60, noise=0.1, seed=0): classification, 45 train + 15 test samples" in out
    assert "epochs    2" in out and "test r2" not in out and "test accuracy" in out


def test_info_json_is_for_machines(moons, capsys):
    run(capsys, "train", moons, "--epochs", "2")
    code, out, _ = run(capsys, "info", moons, "--json")
    assert code == 0
    info = json.loads(out)
    assert info["network"]["layer_sizes"] == [2, 8, 1] and info["network"]["parameters"] == 33
    assert info["epochs"] == 2 and info["file"]["version"] == VERSION
    assert info["network"]["start"] == "seed"
    assert set(info["last"]) == {"train_loss", "test_loss", "train_accuracy", "test_accuracy"}
    assert info["data"]["test_samples"] == 15


def test_info_of_an_untrained_example(capsys):
    code, out, _ = run(capsys, "info", example_path("two_input"))
    assert code == 0 and "not trained yet" in out and "rows embedded in the file" in out
    assert "no biases, starts from given weights" in out
    assert "given weights" not in run(capsys, "info", example_path("sin"))[1]


def test_export_npz_and_csv(tmp_path, moons, capsys):
    run(capsys, "train", moons, "--epochs", "3")
    npz, csv = tmp_path / "w.npz", tmp_path / "h.csv"
    assert run(capsys, "export", moons, "--npz", npz)[0] == 0
    with np.load(npz, allow_pickle=False) as z:
        assert z["weights_0"].shape == (2, 8) and "adam_v_biases_1" in z.files
    code, out, _ = run(capsys, "export", moons, "--csv", csv)
    assert code == 0 and "3 rows" in out
    lines = csv.read_text().splitlines()
    assert lines[0] == (
        "epoch,train_loss_epoch_mean,test_loss,train_accuracy,test_accuracy,learning_rate")
    assert all(len(line.split(",")) == 6 for line in lines)


def test_export_to_a_missing_folder_exits_1(tmp_path, moons, capsys):
    code, _, err = run(capsys, "export", moons, "--npz", tmp_path / "no" / "w.npz")
    assert code == 1 and "could not save" in err


# -- progress and the real entry point --------------------------------------------------------


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_progress_on_a_log_is_a_plain_line_every_few_seconds():
    stream, clock = stdio.StringIO(), FakeClock()
    progress = Progress(stream, 10, clock)
    for _ in range(4):
        clock.now += 2.0
        progress.update(0.5)
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines == ["[######..............] 3/10  loss 0.5  0.5 epochs/s  14.0 s left"]


def test_progress_on_a_terminal_redraws_one_line():
    class Terminal(stdio.StringIO):
        def isatty(self):
            return True

    stream, clock = Terminal(), FakeClock()
    progress = Progress(stream, 4, clock)
    for _ in range(4):
        clock.now += 0.5
        progress.update(0.25)
    progress.close()
    text = stream.getvalue()
    assert text.count("\r") == 4 and text.endswith("4/4  loss 0.25  2 epochs/s  0.0 s left\x1b[K\n")


def test_python_dash_m_bpstudio_runs_the_command_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "bpstudio", "info", str(example_path("sin"))],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0 and "1-100-1" in done.stdout
    bad = tmp_path / "bad.bpnet"
    bad.write_text("{}")
    done = subprocess.run([sys.executable, "-m", "bpstudio", "info", str(bad)],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 1
    assert done.stderr == f"bpstudio: {bad}: format: expected 'bpstudio-network': this is not " \
                          "a BP Studio network file\n"


def test_train_uses_the_apps_training_run(monkeypatch, moons, capsys):
    """The command line trains through TrainingRun.train_for, as the app's worker does."""
    calls = []
    original = TrainingRun.train_for
    monkeypatch.setattr(TrainingRun, "train_for", lambda self, *a, **k: calls.append(
        (self.epoch, self.last_epoch, k["measure_every"])) or original(self, *a, **k))
    assert run(capsys, "train", moons, "--epochs", "2")[0] == 0
    assert calls == [(0, 2, 1)]


def test_test_outputs_that_overflow_stay_unmeasured(tmp_path, capsys):
    """Finite weights can still overflow on an extreme test row: NaN, not a crash."""
    rows = Table(np.array([[1.0], [1e300]]), np.array([[0.0], [0.0]]), "regression")
    session = Session(
        network=NetworkSpec((), "identity"),
        data=DataSpec("table", table=rows, test_fraction=0.5, split_seed=3),
        training=TrainingConfig(learning_rate=1e-12),
    )
    assert session.prepare_data().test.X[0, 0] == 1e300
    bench = session.build()
    bench.net.weights[0][...] = 1e10
    path = tmp_path / "extreme.bpnet"
    save(path, session.with_state(bench.trainer.state()))
    assert run(capsys, "train", path, "--epochs", "1")[0] == 0
    history = load(path).history
    assert np.isfinite(history.train_loss[0]) and np.isnan(history.test_loss[0])


def test_measuring_outputs_that_overflow_warns_nothing(capsys):
    """Softmax of infinite outputs is NaN: not measurable, and not a NumPy warning either
    (pytest turns RuntimeWarnings into errors)."""
    session = Session(
        network=NetworkSpec(output_activation="softmax", loss="cross_entropy"),
        data=DataSpec("gaussians", {"n": 30, "classes": 3}, test_fraction=0.2),
    )
    training = TrainingRun(session)
    training.train_for(1)
    training.net.weights[-1][...] = 1e308
    training.measure()
    history = training.history
    assert np.isnan([history.train_metric[-1], history.test_loss[-1]]).all()
