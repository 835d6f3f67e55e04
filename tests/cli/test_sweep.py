"""``bpstudio sweep``: the engine's results as tables and CSV, its errors, and Ctrl+C."""

import csv
import os
import signal
import subprocess
import sys
import time

import pytest

from bpstudio.cli.output import INTERRUPTED
from bpstudio.experiments import SweepSpec, parse_vary, run_sweep
from bpstudio.experiments.results import cell
from bpstudio.io import load, save
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig

from .helpers import error_line, run


@pytest.fixture
def moons(tmp_path):
    path = tmp_path / "moons.bpnet"
    save(path, Session(
        network=NetworkSpec((LayerSpec(4, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("moons", {"n": 60}, test_fraction=0.25, standardize=True),
        training=TrainingConfig("sgd", learning_rate=0.1, batch_size=10),
    ))
    return path


def test_the_csv_is_the_engines_results(capsys, moons, tmp_path):
    out_csv, points_csv = tmp_path / "runs.csv", tmp_path / "points.csv"
    code, out, err = run(capsys, "sweep", moons, "--vary", "hidden=2:6:2", "--vary",
                         "lr=0.01:1:log3", "--seeds", 2, "--epochs", 5, "--measure-every", 2,
                         "--jobs", 2, "--target-loss", 0.6, "--csv", out_csv,
                         "--points-csv", points_csv)
    assert code == 0, err
    spec = SweepSpec((parse_vary("hidden=2:6:2"), parse_vary("lr=0.01:1:log3")), seeds=2,
                     epochs=5, measure_every=2, target_loss=0.6)
    results = run_sweep(load(moons), spec, jobs=1)
    with open(out_csv) as f:
        rows = list(csv.DictReader(f))
    expected = results.run_rows()
    assert len(rows) == len(expected) == 18 and "epochs_to_target" in rows[0]
    for got, want in zip(rows, expected):
        for key, value in want.items():
            if key != "seconds":
                assert got[key] == cell(value), key
    assert len(points_csv.read_text().splitlines()) == 10
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["hidden", "lr", "runs", "test"]
    assert len(lines) == 11 and lines[-1].startswith("18 of 18 runs ended in")
    assert "100%" in err and "18/18 runs" in err


@pytest.mark.parametrize(("argv", "words"), [
    (["--vary", "hiden=4"], "argument --vary: setting: unknown name 'hiden'"),
    (["--vary", "hidden=5:100:0"], "the step must be > 0"),
    (["--vary", "momentum=0.5"], "error: momentum: the optimizer 'sgd' takes no momentum"),
    (["--vary", "hidden=4", "--vary", "hidden=5"], "error: vary: hidden is varied twice"),
    (["--vary", "hidden=4", "--seeds", "0"], "argument --seeds: must be >= 1"),
])
def test_errors_say_what_to_fix(capsys, moons, argv, words):
    code, out, err = run(capsys, "sweep", moons, *argv)
    assert code == 2 and words in error_line(err) and not out


def test_a_bad_file_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "sweep", tmp_path / "missing.bpnet", "--vary", "hidden=4")
    assert code == 1 and error_line(err).startswith("bpstudio: ")


@pytest.mark.serial
def test_ctrl_c_stops_soon_and_writes_what_ended(moons, tmp_path):
    out_csv = tmp_path / "runs.csv"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bpstudio", "sweep", str(moons), "--vary", "hidden=3,4,5,6",
         "--seeds", "2", "--epochs", "100000", "--jobs", "2", "--csv", str(out_csv)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True, preexec_fn=_sigint_as_in_a_terminal,
    )
    try:
        assert proc.stderr.readline().startswith("[")  # the first progress line: training
        time.sleep(0.5)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal sends it: to every process
        sent = time.monotonic()
        out, err = proc.communicate(timeout=10)
        assert time.monotonic() - sent < 2.0  # the interpreter's exit included
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == INTERRUPTED, err
    assert "interrupted" in err and "runs ended" in out
    with open(out_csv) as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["status"] == "cancelled" and int(r["epochs"]) > 0 for r in rows)
    assert _group_gone(proc.pid, within=1.0)  # the workers and the fork server went too


def _sigint_as_in_a_terminal() -> None:
    """Ctrl+C's default: a shell that runs the suite as a background job (``pytest &``) starts
    it with SIGINT ignored, every child inherits that, and Python then leaves it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _group_gone(group: int, within: float) -> bool:
    """Whether every process of ``group`` has ended (a zombie has: it waits for a reaper,
    which in some containers never comes)."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        if not _running_in(group):
            return True
        time.sleep(0.02)
    return False


def _running_in(group: int) -> list[int]:
    running = []
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[2] == str(group) and fields[0] != "Z":
            running.append(int(name))
    return running
