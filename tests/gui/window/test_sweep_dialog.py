"""The Sweep dialog through its widgets: the numbers it plots are those of the runs, its
table is the command line's for the same inputs, Cancel and closing the window stop the
sweep within a second and leave no process behind, and a click opens a run."""

import csv
import os
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio import io as bpnet
from bpstudio.cli.entry import main as cli_main
from bpstudio.experiments import engine
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig
from bpstudio.training import TrainingRun


def _spiral() -> Session:
    return Session(
        network=NetworkSpec((LayerSpec(4, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("spiral", {"n": 60}, test_fraction=0.25, standardize=True),
        training=TrainingConfig("sgd", learning_rate=0.1, batch_size=8),
    )


@pytest.fixture
def pool_pids(monkeypatch):
    """The process ids of every local pool a sweep starts."""
    pools, pids = [], set()
    local = engine.local_executor

    def recording(workers):
        pools.append(local(workers))
        return pools[-1]

    monkeypatch.setattr(engine, "local_executor", recording)
    yield pids, pools


def _start(qtbot, window, vary, seeds, epochs):
    """The spiral as the document, and a sweep of it started from the dialog."""
    window.show_session(_spiral())
    qtbot.waitUntil(lambda: window.last_snapshot is not None, timeout=10000)
    window.sweeps.action.trigger()
    dialog = window.sweeps.dialog
    dialog.configure(vary, seeds, epochs)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    return dialog


def _sweep(qtbot, window, vary, seeds, epochs):
    dialog = _start(qtbot, window, vary, seeds, epochs)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=60000)
    return dialog


def _all_ended(pids):
    assert pids
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def _rows(path):
    with open(path, newline="") as f:
        return [{k: v for k, v in row.items() if k != "seconds"} for row in csv.DictReader(f)]


def test_a_sweep_plots_the_runs_numbers_and_equals_the_command_line(qtbot, window, tmp_path):
    dialog = _sweep(qtbot, window, ["hidden=2,5"], 2, 8)
    assert dialog.status_label.text().startswith("4 of 4 runs ended")
    assert dialog.progress.value() == 100
    assert dialog.metric_combo.currentText() == "test accuracy"
    alone = []
    for run in dialog.results.runs:  # each run trained alone, in this process
        trained = TrainingRun(run.session, last_epoch=8)
        trained.train_for(measure_every=1)
        alone.append(trained.history.test_metric[-1])
    np.testing.assert_allclose(dialog.plot.means, [np.mean(alone[:2]), np.mean(alone[2:])],
                               rtol=1e-12)
    np.testing.assert_allclose(dialog.plot.dots.getData()[1], alone, rtol=1e-12)
    dialog.export(str(tmp_path / "app.csv"), "csv")
    bpnet.save(tmp_path / "base.bpnet", _spiral())
    assert cli_main(["sweep", str(tmp_path / "base.bpnet"), "--vary", "hidden=2,5",
                     "--seeds", "2", "--epochs", "8", "--jobs", "2",
                     "--csv", str(tmp_path / "cli.csv")]) == 0
    assert _rows(tmp_path / "app.csv") == _rows(tmp_path / "cli.csv")
    for kind in ("png", "svg"):
        assert os.path.getsize(dialog.export(str(tmp_path / f"plot.{kind}"), kind)) > 1000

    dialog.plot.run_clicked.emit(3)  # what a click on the last dot does
    assert window.session.network.hidden[0].size == 5
    assert window.session.epoch == 8 and window.session.network.seed == 1


def test_a_grid_shows_a_heatmap_and_a_cell_opens_its_run(qtbot, window):
    dialog = _sweep(qtbot, window, ["hidden1=2,3,4", "lr=0.01:1:log3"], 1, 3)
    assert dialog.plot.grid.shape == (3, 3)  # rows: learning rates, columns: sizes
    assert dialog.setting_combo.currentText() == "hidden neurons (layer 1)"
    point = next(p for p in dialog.results.point_rows() if p["hidden1"] == 4 and p["lr"] == 0.1)
    assert dialog.plot.grid[1, 2] == point["final_test_accuracy_mean"]
    dialog.plot.click_cell(2, 1)
    assert window.session.network.hidden[0].size == 4
    assert window.session.training.learning_rate == 0.1


@pytest.mark.serial
def test_cancel_stops_within_a_second_and_keeps_what_ended(qtbot, window, pool_pids):
    pids, pools = pool_pids
    dialog = _start(qtbot, window, ["hidden=3,5,7"], 2, 100_000)
    qtbot.waitUntil(lambda: dialog.progress.value() > 0 or "runs," in dialog.eta_label.text(),
                    timeout=30000)
    pids.update(pools[0]._processes or ())
    started = time.perf_counter()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=5000)
    assert time.perf_counter() - started < 1.0
    assert dialog.results.cancelled and dialog.results.outcomes
    assert "cancelled" in dialog.status_label.text()
    assert dialog.run_button.isEnabled()
    _all_ended(pids)


def test_closing_the_window_during_a_sweep_leaves_no_process(qtbot, window, pool_pids):
    pids, pools = pool_pids
    dialog = _start(qtbot, window, ["hidden=3,5"], 2, 100_000)
    qtbot.waitUntil(lambda: bool(pools) and bool(pools[0]._processes), timeout=30000)
    pids.update(pools[0]._processes)
    window.document.modified = False
    window.close()
    assert not dialog.runner.running
    _all_ended(pids)


def test_a_learning_rate_is_drawn_on_a_log_axis_and_a_target_adds_its_epochs(qtbot, window):
    window.show_session(_spiral())
    dialog = window.sweeps.show()
    dialog.configure(["lr=0.01:1:log3"], 1, 4, target_loss=10.0)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=60000)
    np.testing.assert_allclose(sorted(dialog.plot.dots.getData()[0]), [-2.0, -1.0, 0.0])
    axis = dialog.plot.plot.getPlotItem().getAxis("bottom")
    assert [label for _, label in axis._tickLevels[0]] == ["0.01", "0.1", "1"]
    assert "learning rate (log scale)" in axis.labelText
    dialog.metric_combo.setCurrentText("epochs to target loss")
    assert list(dialog.plot.means) == [1.0, 1.0, 1.0]  # any loss is below 10 after epoch 1
