"""The NumPy script: it computes exactly what Network.predict computes, run or imported, and
needs nothing but NumPy and the standard library."""

import ast
import csv
import io
import subprocess
import sys
import types

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from bpstudio.core import predict_classes
from bpstudio.io import script_export
from bpstudio.io.errors import BPFileError
from bpstudio.io.script_export import export_script, script_text

from .conftest import moons_session, table_session, train
from .export_cases import (
    PAIRS,
    any_network,
    huge_column_standardizer,
    network,
    pair_id,
    raw_inputs,
    reference,
    softmax_session,
    standardizer,
)


def load_script(text: str, folder, name: str = "predict") -> types.ModuleType:
    """The script as a module, as importing it makes one (compiled afresh each time: a
    bytecode cache could mistake one script for another written in the same second)."""
    path = folder / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    module = types.ModuleType(name)
    module.__file__ = str(path)
    exec(compile(text, str(path), "exec"), module.__dict__)
    return module


def write_csv(path, X: np.ndarray, header: str | None = None) -> None:
    rows = [",".join(repr(float(v)) for v in row) for row in X]
    path.write_text("\n".join(([header] if header else []) + rows) + "\n")


def run_script(script, *args: str, isolated: bool = False) -> subprocess.CompletedProcess:
    """Run the script in a fresh interpreter; ``isolated`` also makes bpstudio unimportable."""
    if isolated:
        code = ("import runpy, sys\n"
                "sys.modules['bpstudio'] = None\n"
                "sys.argv = sys.argv[1:]\n"
                "runpy.run_path(sys.argv[0], run_name='__main__')\n")
        command = [sys.executable, "-I", "-c", code, str(script), *args]
    else:
        command = [sys.executable, str(script), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def printed(stdout: str) -> tuple[list[str], np.ndarray, list[str]]:
    """Header, the output columns as floats, and the class column (empty if none)."""
    header, *rows = list(csv.reader(io.StringIO(stdout)))
    n = sum(1 for name in header if name != "class")
    values = np.array([[float(cell) for cell in row[:n]] for row in rows])
    return header, values, [row[n] for row in rows if len(row) > n]


@pytest.fixture(params=["literals", "text"])
def number_form(request, monkeypatch):
    """Both ways a script writes its numbers: ``np.array`` literals, and for large networks
    text that ``read_numbers`` reads (forced here with a limit of 0)."""
    if request.param == "text":
        monkeypatch.setattr(script_export, "LITERAL_NUMBERS", 0)
    return request.param


@pytest.mark.parametrize("scaled", [True, False], ids=["standardized", "raw"])
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_predict_of_the_script_is_predict_of_the_network_exactly(
        tmp_path, pair, bias, scaled, number_form):
    net = network(*pair, bias=bias)
    scaler = standardizer() if scaled else None
    text = script_text(net, standardizer=scaler)
    assert ("def read_numbers" in text) == (number_form == "text")
    script = load_script(text, tmp_path)
    X = raw_inputs()
    got = script.predict(X)
    # the same float64 operations in the same order on the same numbers: bit for bit
    assert got.tobytes() == reference(net, scaler, X).tobytes()


@pytest.mark.parametrize("make", [
    lambda: train(moons_session(), 3),  # sigmoid output, two classes, standardized, test split
    softmax_session,  # three classes
    lambda: train(table_session(), 3),  # regression, two outputs
], ids=["binary", "softmax", "regression"])
def test_run_on_a_csv_it_prints_the_networks_predictions(tmp_path, make):
    session = make()
    bench = session.build()
    script = tmp_path / "predict.py"
    export_script(session, script)
    X = bench.data.full.X
    write_csv(tmp_path / "inputs.csv", X, header=",".join(f"x{i}" for i in range(X.shape[1])))
    done = run_script(script, str(tmp_path / "inputs.csv"))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    header, values, classes = printed(done.stdout)
    want = bench.net.predict(bench.data.inputs(bench.data.full))
    assert values.tobytes() == want.tobytes()  # repr round-trips every float exactly
    if bench.data.task == "classification":
        assert header[-1] == "class"
        assert classes == [str(k) for k in predict_classes(want)]
    else:
        assert header == ["output_1", "output_2"] and classes == []


def test_class_names_head_the_columns_and_name_the_classes(tmp_path):
    session = softmax_session()
    script = tmp_path / "blobs.py"
    export_script(session, script, class_names=["red", "grün", 'say "hi"'])
    bench = session.build()
    write_csv(tmp_path / "in.csv", bench.data.full.X[:6])  # no header line this time
    done = run_script(script, str(tmp_path / "in.csv"))
    header, values, classes = printed(done.stdout)
    assert header == ["p(red)", "p(grün)", 'p(say "hi")', "class"]
    names = np.array(["red", "grün", 'say "hi"'])
    want = bench.net.predict(bench.data.inputs(bench.data.full))[:6]
    assert values.tobytes() == want.tobytes()
    assert classes == list(names[predict_classes(want)])


def test_one_sigmoid_output_names_the_second_class():
    text = script_text(network("sigmoid", "binary_cross_entropy", bias=True),
                       class_names=["cat", "dog"])
    assert "OUTPUT_NAMES = ['p(dog)']" in text and "CLASS_NAMES = ['cat', 'dog']" in text


def test_the_script_imports_only_numpy_and_the_standard_library(tmp_path):
    session = softmax_session()
    text = script_text(session)
    imported = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported == {"csv", "sys", "numpy"}
    assert imported - {"numpy"} <= sys.stdlib_module_names
    # and it runs where bpstudio cannot be imported at all
    (tmp_path / "predict.py").write_text(text, encoding="utf-8")
    write_csv(tmp_path / "in.csv", session.build().data.full.X[:3])
    done = run_script(tmp_path / "predict.py", str(tmp_path / "in.csv"), isolated=True)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 4


def test_columns_of_huge_numbers_are_scaled_first_as_the_standardizer_does(
        tmp_path, number_form):
    scaler, X = huge_column_standardizer()
    net = network("identity", "mse", bias=True)
    text = script_text(net, standardizer=scaler)
    assert "A0 = (X * PRESCALE - MEAN) / SCALE" in text
    want = reference(net, scaler, X)
    assert np.all(np.isfinite(want))
    assert load_script(text, tmp_path).predict(X).tobytes() == want.tobytes()


def test_the_same_network_gives_the_same_text(tmp_path):
    net = network("softmax", "cross_entropy", bias=True)
    first = export_script(net, tmp_path / "a.py", standardizer=standardizer())
    export_script(net.copy(), tmp_path / "b.py", standardizer=standardizer())
    assert (tmp_path / "a.py").read_bytes() == (tmp_path / "b.py").read_bytes()
    assert first == (tmp_path / "a.py").read_text(encoding="utf-8")


def test_the_script_reads_as_the_forward_pass_written_out():
    text = script_text(network("softmax", "cross_entropy", bias=True), standardizer=standardizer())
    lines = [line.strip() for line in text.splitlines()]
    assert "A0 = (X - MEAN) / SCALE" in lines
    for l, call in enumerate(["sigmoid(Z1)", "np.tanh(Z2)", "relu(Z3)", "leaky_relu(Z4)", "Z5",
                              "softmax(Z6)"], 1):
        assert f"Z{l} = A{l - 1} @ W{l} + b{l}" in lines
        assert f"A{l} = {call}" in lines
    assert "#   σ(z) = 1 / (1 + e^(−z))" in lines  # the formulas of the core's registry
    assert "return A6" in lines
    assert max(len(line) for line in text.splitlines()) <= 100
    plain = script_text(network("identity", "mse", bias=False))
    assert "A0 = X  # the inputs go in as they are" in plain and "b1 = " not in plain
    assert "def sigmoid" in plain and "def softmax" not in plain  # only the functions it uses


def test_training_settings_and_class_names_are_in_the_header_comments():
    text = script_text(softmax_session(), class_names=["a", "b'c", "d"])
    head = text.split("import csv")[1].split("OUTPUT_NAMES")[0]
    assert "# Training: optimizer adam, learning_rate 0.05," in head
    assert "epochs_trained 3." in head
    assert "# Classes: 'a', \"b'c\", 'd'." in head


def test_bad_input_is_reported_without_a_traceback(tmp_path):
    script = tmp_path / "predict.py"
    export_script(network("identity", "mse", bias=True), script)
    (tmp_path / "two.csv").write_text("1,2\n3,4\n")
    done = run_script(script, str(tmp_path / "two.csv"))
    assert done.returncode == 1
    assert "expected 3 numbers per row, got shape (2, 2)" in done.stderr
    assert "Traceback" not in done.stderr
    missing = run_script(script, str(tmp_path / "nowhere.csv"))
    assert missing.returncode == 1 and "No such file" in missing.stderr
    assert run_script(script).returncode == 2
    helped = run_script(script, "--help")
    assert helped.returncode == 0 and helped.stdout.startswith("usage: python ")


def test_fields_that_do_not_fit_are_named():
    with pytest.raises(BPFileError, match=r"^class_names: the network has 1 output\(s\), so it "
                                          r"needs 2 names \(got 3\)"):
        script_text(network("sigmoid", "binary_cross_entropy", bias=True),
                    class_names=["a", "b", "c"])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=any_network())
def test_any_network_s_script_predicts_what_it_predicts(tmp_path, case):
    net, scaler, X = case
    script = load_script(script_text(net, standardizer=scaler), tmp_path)
    assert script.predict(X).tobytes() == reference(net, scaler, X).tobytes()
