"""``bpstudio export --predictions / --onnx / --script``: what the network computes, for
other tools, and the same numbers as ``Network.predict``."""

import csv
import dataclasses
import os
import runpy
import subprocess
import sys

import numpy as np
import pytest

from bpstudio.io import load, save
from bpstudio.io.onnx_export import ONNX_MISSING
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, Table, TrainingConfig
from bpstudio.training import TrainingRun

from .helpers import error_line, run


def trained(path, session, epochs=5):
    run_ = TrainingRun(session)
    run_.train_for(epochs=epochs)
    save(path, run_.to_session())
    return path


@pytest.fixture
def iris(tmp_path):
    """Three named classes, named inputs, standardized, a test part."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 2)) * [10.0, 0.01] + [100.0, 5.0]
    table = Table(X, np.arange(30) % 3, "classification",
                  class_names=("setosa", "versi, color", 'say "hi"'),
                  input_names=("length (mm)", "width"), target_names=("species",))
    return trained(tmp_path / "iris.bpnet", Session(
        NetworkSpec((LayerSpec(5, "tanh"),), "softmax", "cross_entropy"),
        DataSpec("table", table=table, test_fraction=0.2, standardize=True),
        TrainingConfig("adam", learning_rate=0.01)))


@pytest.fixture
def moons(tmp_path):
    return trained(tmp_path / "moons.bpnet", Session(
        data=DataSpec("moons", {"n": 40}, test_fraction=0.25, standardize=True)))


@pytest.fixture
def sines(tmp_path):
    """Regression with two targets."""
    X = np.linspace(-3, 3, 20)[:, None]
    table = Table(X, np.hstack([np.sin(X), np.cos(X)]), "regression", input_names=("x",),
                  target_names=("sin", "cos"))
    return trained(tmp_path / "sines.bpnet", Session(
        NetworkSpec((LayerSpec(6, "tanh"),)), DataSpec("table", table=table, test_fraction=0.25)))


def reference(path):
    """Each part's raw inputs, targets and the network's outputs, computed here."""
    bench = load(path).build()
    return {name: (part.X, part.y, bench.net.predict(bench.data.inputs(part)))
            for name, part in (("train", bench.data.train), ("test", bench.data.test))}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as stream:
        header, *rows = list(csv.reader(stream))
    return header, rows


# -- predictions ---------------------------------------------------------------------------


def test_predictions_of_named_classes(tmp_path, iris, capsys):
    out = tmp_path / "p.csv"
    code, stdout, err = run(capsys, "export", iris, "--predictions", out)
    assert code == 0 and stdout == f"wrote {out}: 30 rows of predictions\n", err
    header, rows = read_csv(out)
    assert header == ["part", "length (mm)", "width", "species", "species_name", "output_0",
                      "output_1", "output_2", "predicted", "predicted_name"]
    names = ("setosa", "versi, color", 'say "hi"')
    expected = reference(iris)
    assert [r[0] for r in rows] == ["train"] * 24 + ["test"] * 6
    for name, (X, y, outputs) in expected.items():
        part = [r for r in rows if r[0] == name]
        np.testing.assert_array_equal([[float(v) for v in r[1:3]] for r in part], X)
        assert [int(r[3]) for r in part] == y.tolist()
        assert [r[4] for r in part] == [names[k] for k in y]
        np.testing.assert_array_equal([[float(v) for v in r[5:8]] for r in part], outputs)
        assert [int(r[8]) for r in part] == np.argmax(outputs, axis=1).tolist()
        assert [r[9] for r in part] == [names[k] for k in np.argmax(outputs, axis=1)]


def test_predictions_of_a_sigmoid_classifier_of_generated_data(tmp_path, moons, capsys):
    out = tmp_path / "p.csv"
    assert run(capsys, "export", moons, "--predictions", out)[0] == 0
    header, rows = read_csv(out)
    assert header == ["part", "x1", "x2", "y", "y_name", "output", "predicted",
                      "predicted_name"]
    for row in rows:
        assert row[4] == f"class {row[3]}"
        assert row[6] == str(int(float(row[5]) > 0.5)) and row[7] == f"class {row[6]}"


def test_predictions_of_a_regression_with_two_targets(tmp_path, sines, capsys):
    out = tmp_path / "p.csv"
    assert run(capsys, "export", sines, "--predictions", out)[0] == 0
    header, rows = read_csv(out)
    assert header == ["part", "x", "sin", "cos", "output_sin", "output_cos"]
    X, y, outputs = reference(sines)["test"]
    test = [r for r in rows if r[0] == "test"]
    np.testing.assert_array_equal([[float(v) for v in r[1:]] for r in test],
                                  np.hstack([X, y, outputs]))


def test_an_untrained_file_predicts_from_its_starting_weights(tmp_path, capsys):
    path = tmp_path / "new.bpnet"
    save(path, Session())
    out = tmp_path / "p.csv"
    code, stdout, _ = run(capsys, "export", path, "--predictions", out)
    assert code == 0 and "100 rows" in stdout


def test_a_failed_predictions_export_leaves_the_old_file(tmp_path, iris, capsys):
    out = tmp_path / "p.csv"
    out.write_text("old")
    os.chmod(out, 0o444)
    code, _, err = run(capsys, "export", iris, "--predictions", out)
    assert code == 1 and "read-only" in error_line(err) and out.read_text() == "old"
    code, _, err = run(capsys, "export", iris, "--predictions", tmp_path / "no" / "p.csv")
    assert code == 1 and "could not save" in err


# -- the NumPy script ----------------------------------------------------------------------


def test_the_script_computes_the_networks_outputs_bit_for_bit(tmp_path, iris, capsys):
    out = tmp_path / "predict_iris.py"
    code, stdout, _ = run(capsys, "export", iris, "--script", out)
    assert code == 0 and stdout.startswith(f"wrote {out}: a NumPy script of ")
    X, _, outputs = reference(iris)["train"]
    script = runpy.run_path(str(out))
    np.testing.assert_array_equal(script["predict"](X), outputs)
    assert script["CLASS_NAMES"] == ["setosa", "versi, color", 'say "hi"']
    inputs = tmp_path / "inputs.csv"
    np.savetxt(inputs, X[:3], delimiter=",")
    printed = subprocess.run([sys.executable, str(out), str(inputs)], capture_output=True,
                             text=True, check=True).stdout
    assert printed.splitlines()[1].split(",")[:3] == [repr(v) for v in outputs[0].tolist()]


def test_python_is_another_name_for_script(tmp_path, iris, capsys):
    """The issue spells it ``--python predict.py``; both flags write the same file."""
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    assert run(capsys, "export", iris, "--script", a)[0] == 0
    assert run(capsys, "export", iris, "--python", b)[0] == 0
    assert a.read_text() == b.read_text()


# -- ONNX ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("flags", "tolerance"), [([], 1e-12), (["--float32"], 1e-5)])
def test_onnx_runtime_computes_what_the_network_computes(tmp_path, iris, capsys, flags,
                                                         tolerance):
    pytest.importorskip("onnx")
    ort = pytest.importorskip("onnxruntime")
    out = tmp_path / "iris.onnx"
    code, stdout, err = run(capsys, "export", iris, "--onnx", out, *flags)
    dtype = "float32" if flags else "float64"
    assert code == 0 and stdout == f"wrote {out}: an ONNX model ({dtype}, opset 17)\n", err
    model = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    X, _, outputs = reference(iris)["test"]
    (theirs,) = model.run(["prediction"], {"features": X.astype(dtype)})
    assert theirs.dtype == np.dtype(dtype)
    np.testing.assert_allclose(theirs, outputs, rtol=tolerance, atol=tolerance)
    meta = model.get_modelmeta().custom_metadata_map
    assert '"versi, color"' in meta["class_names"]


def test_without_onnx_the_export_names_the_extra_and_writes_nothing(tmp_path, iris, capsys,
                                                                    monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # `import onnx` now raises ImportError
    out = tmp_path / "iris.onnx"
    code, _, err = run(capsys, "export", iris, "--onnx", out)
    assert code == 1 and error_line(err) == f"bpstudio: {out}: {ONNX_MISSING}"
    assert "bpstudio[onnx]" in err and not out.exists()
    code, _, err = run(capsys, "export", tmp_path / "absent.bpnet", "--onnx", out)
    assert code == 1 and ONNX_MISSING in err  # said before the file is read


@pytest.mark.parametrize("flags", [["--npz", "a.npz", "--onnx", "b.onnx"],
                                   ["--predictions", "p.csv", "--float32"]])
def test_one_export_at_a_time_and_float32_only_for_onnx(iris, capsys, flags):
    code, _, err = run(capsys, "export", iris, *flags)
    assert code == 2 and ("not allowed with" in err or "--float32 chooses" in err)


def test_outputs_that_are_not_numbers_have_no_predictions(tmp_path, capsys):
    session = Session(NetworkSpec((LayerSpec(8, "tanh"),)), DataSpec("sin", {"n": 10}))
    n = session.build().net.n_params
    path = tmp_path / "huge.bpnet"
    save(path, dataclasses.replace(session, start=np.full(n, 1e308)))
    out = tmp_path / "p.csv"
    code, _, err = run(capsys, "export", path, "--predictions", out)
    assert code == 1 and "outputs are not finite numbers (training diverged)" in err
    assert not out.exists()
