"""Exports: named arrays any NumPy reads without pickle, and the history as CSV."""

import csv
import math

import numpy as np

from bpstudio.examples import EXAMPLES
from bpstudio.io.export import export_csv, export_npz

from .conftest import train


def test_npz_holds_every_weight_bias_and_optimizer_array(tmp_path, trained):
    path = tmp_path / "net.npz"
    names = export_npz(trained, path)
    bench = trained.build()
    with np.load(path, allow_pickle=False) as z:
        assert sorted(z.files) == sorted(names)
        np.testing.assert_array_equal(z["layer_sizes"], [2, 5, 1])
        for l in range(2):
            assert z[f"weights_{l}"].tobytes() == bench.net.weights[l].tobytes()
            assert z[f"biases_{l}"].tobytes() == bench.net.biases[l].tobytes()
        order = ["weights_0", "weights_1", "biases_0", "biases_1"]  # the parameter order
        flat = np.concatenate([z[f"adam_m_{name}"].ravel() for name in order])
        assert flat.tobytes() == trained.state.optimizer_state["m"].tobytes()
        assert int(z["adam_t"]) == trained.state.optimizer_state["t"]
        np.testing.assert_array_equal(z["standardizer_scale"], bench.data.standardizer.scale)
        np.testing.assert_array_equal(z["history_train_loss"], trained.history.train_loss)


def test_npz_of_an_untrained_session_holds_its_starting_weights(tmp_path):
    session = EXAMPLES["sin"]()
    export_npz(session, tmp_path / "sin.npz")
    with np.load(tmp_path / "sin.npz", allow_pickle=False) as z:
        assert z["weights_0"].shape == (1, 100) and z["history_epoch"].size == 0
        assert z["weights_1"].tobytes() == session.build().net.weights[1].tobytes()


def test_csv_has_one_row_per_epoch_and_blank_cells_for_unmeasured(tmp_path):
    session = train(EXAMPLES["points8"](), 3)
    path = tmp_path / "history.csv"
    assert export_csv(session, path, "accuracy") == 3
    with path.open(newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["epoch", "train_loss_epoch_mean", "test_loss", "train_accuracy",
                       "test_accuracy", "learning_rate"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    assert [float(r[1]) for r in rows[1:]] == session.history.train_loss
    assert rows[1][2] == "" and math.isnan(session.history.test_loss[0])
