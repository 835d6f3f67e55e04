"""Extreme numbers: divergence in BP Studio's own words (no NumPy warnings), and any finite
data standardizes (#9 §6)."""

import subprocess
import sys

import numpy as np
import pytest

from bpstudio.io import load, save
from bpstudio.session import DataSpec, Session, Table, TrainingConfig

from .helpers import run


def _diverging(tmp_path, data: DataSpec):
    path = tmp_path / "wild.bpnet"
    save(path, Session(data=data, training=TrainingConfig(learning_rate=0.05)))
    return path


@pytest.mark.parametrize("data", [
    DataSpec("gaussians", {"n": 60, "classes": 4}, test_fraction=0.3),
    DataSpec("moons", {"n": 60}, test_fraction=0.3),
], ids=["softmax", "sigmoid"])
def test_lr_1e308_says_diverged_in_one_line_without_runtime_warnings(tmp_path, capsys, data):
    # pytest turns RuntimeWarnings into errors (pyproject): one from the measurements or the
    # core would end as "unexpected RuntimeWarning" instead of the divergence message
    path = _diverging(tmp_path, data)
    before = path.read_bytes()
    code, out, err = run(capsys, "train", path, "--lr", "1e308", "--epochs", "20")
    assert code == 1 and out == ""
    assert "RuntimeWarning" not in err and "Warning" not in err
    message = err.splitlines()[-1]
    assert message.startswith(f"bpstudio: {path}: Training diverged at epoch ")
    assert "Lower the learning rate (now 1e+308)" in message and "Nothing was saved." in message
    assert path.read_bytes() == before


def test_lr_1e308_prints_no_numpy_warning_on_the_real_stderr(tmp_path):
    path = _diverging(tmp_path, DataSpec("sin"))
    done = subprocess.run(
        [sys.executable, "-W", "default", "-m", "bpstudio", "train", str(path), "--lr", "1e308",
         "--epochs", "20"], capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert "Warning" not in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and "Training diverged" in done.stderr


def test_inputs_of_1e300_standardized_train_and_open_again(tmp_path, capsys):
    X = np.array([[1e300], [-1e300], [5e299], [-3e299], [0.0], [2e299]])
    rows = Table(X, np.array([[0.0], [1.0], [0.5], [0.2], [0.1], [0.9]]), "regression")
    session = Session(data=DataSpec("table", table=rows, standardize=True))
    inputs = session.prepare_data()
    Z = inputs.inputs(inputs.train)
    assert np.all(np.isfinite(Z))
    np.testing.assert_allclose([Z.mean(), Z.std()], [0.0, 1.0], atol=1e-12)
    path = tmp_path / "huge.bpnet"
    save(path, session)
    code, _, err = run(capsys, "train", path, "--epochs", "3")
    assert code == 0, err
    code, out, err = run(capsys, "info", path)
    assert code == 0 and "standardized" in out and "epochs    3" in out
    assert load(path).history.epoch == [1, 2, 3]
