"""File ▸ Export: predictions, ONNX model and NumPy script written from the window and read
back; the ONNX item without the onnx package; a file that cannot be written."""

import csv
import runpy

import numpy as np
import pytest
from PySide6.QtGui import QAction

from bpstudio.gui import MainWindow
from bpstudio.gui.window import export_menu
from bpstudio.io.onnx_export import ONNX_MISSING


def trained(window, qtbot, epochs=5):
    for epoch in range(1, epochs + 1):
        window.actions.step.trigger()
        qtbot.waitUntil(lambda e=epoch: window.last_snapshot.epoch == e, timeout=10000)


def export(window, dialogs, name, path):
    dialogs.save_path = str(path)
    window.findChild(QAction, name).trigger()


def outputs_of(window, X):
    bench = window.session.build(check_memory=False)
    return bench.net.predict(bench.data.standardizer.transform(X))


def test_predictions_csv_holds_the_network_on_screen(window, dialogs, qtbot, tmp_path):
    trained(window, qtbot)
    export(window, dialogs, "exportPredictionsAction", tmp_path / "out")
    assert window.session.epoch == 5
    with open(tmp_path / "out.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header == ["part", "x1", "y", "output_y"]
    X = np.array([[float(r[1])] for r in body])
    written = np.array([float(r[3]) for r in body])
    np.testing.assert_array_equal(written, outputs_of(window, X)[:, 0])
    assert "Exported" in window.status_line.currentMessage()


def test_script_computes_what_the_network_does(window, dialogs, qtbot, tmp_path):
    trained(window, qtbot)
    export(window, dialogs, "exportScriptAction", tmp_path / "net.py")
    script = runpy.run_path(str(tmp_path / "net.py"), run_name="not_main")
    X = np.array([[-1.0], [0.25], [2.0]])
    np.testing.assert_allclose(script["predict"](X), outputs_of(window, X), rtol=1e-12)


def test_onnx_model_is_written(window, dialogs, qtbot, tmp_path):
    onnx = pytest.importorskip("onnx")
    trained(window, qtbot)
    export(window, dialogs, "exportOnnxAction", tmp_path / "net.onnx")
    model = onnx.load(str(tmp_path / "net.onnx"))
    onnx.checker.check_model(model)
    assert model.producer_name == "BP Studio"


def test_without_onnx_the_item_says_how_to_install_it(dialogs, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(export_menu, "onnx_available", lambda: False)
    window = MainWindow()
    qtbot.addWidget(window)
    action = window.findChild(QAction, "exportOnnxAction")
    assert 'pip install "bpstudio[onnx]"' in action.text()
    export(window, dialogs, "exportOnnxAction", tmp_path / "net.onnx")
    assert dialogs.calls == [("information", ONNX_MISSING)]
    assert not (tmp_path / "net.onnx").exists()
    window.close()


def test_a_file_that_cannot_be_written_is_reported(window, dialogs, qtbot, tmp_path):
    export(window, dialogs, "exportPredictionsAction", tmp_path / "no such dir" / "p.csv")
    kind, message = dialogs.calls[-1]
    assert kind == "critical" and message.startswith("Could not export to")
