"""Issue 11, finding 6: the app, `bpstudio info` and the CSV export show the same train loss
(the epoch's mean over its mini-batches) and say which; the one at the epoch's end is named
in the tool tip."""

import math

from bpstudio.cli.entry import main
from bpstudio.gui.views import number_format
from bpstudio.io.export import history_csv
from tests.gui.stepping import step_epochs


def test_app_info_and_csv_show_the_same_named_train_loss(qtbot, window, tmp_path, capsys):
    window.designer.training.widgets["batch_size"].setValue(10)  # mini-batches: they differ
    step_epochs(qtbot, window, 3, timeout=20000)
    assert window.training.sync()
    mean = window.session.history.train_loss[-1]
    end = window.last_snapshot.metrics["train_loss"]
    assert not math.isclose(mean, end, rel_tol=1e-6)  # two different numbers, as reported
    label = window.status_line.loss_label
    assert label.text().startswith(f"Loss: train {mean:.4g} (epoch mean)")
    assert f"{end:.4g}" in label.toolTip() and "at the epoch's end" in label.toolTip()
    assert window.loss_plot.status_label.text().split("   ")[1] == (
        f"train (epoch mean) {number_format.format_value(mean)}")
    path = tmp_path / "run.bpnet"
    window.document.save(str(path))
    capsys.readouterr()
    assert main(["info", str(path)]) == 0
    assert f"train loss (epoch mean) {mean:.6g}" in capsys.readouterr().out
    header, *rows = history_csv(window.session, "r2").splitlines()
    assert header.split(",")[1] == "train_loss_epoch_mean"
    assert float(rows[-1].split(",")[1]) == mean
