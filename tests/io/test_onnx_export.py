"""ONNX export: ONNX Runtime computes what Network.predict computes, from raw inputs."""

import dataclasses
import json

import numpy as np
import pytest
from hypothesis import given, settings

from bpstudio.core import Network, Standardizer
from bpstudio.io.errors import BPFileError
from bpstudio.io.onnx_export import (
    BATCH,
    INPUT,
    OUTPUT,
    export_onnx,
    onnx_model,
)

from .conftest import table_session
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

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

TOLERANCE = {"float32": 1e-6, "float64": 1e-12}


def run(model, X: np.ndarray, dtype: str = "float64") -> np.ndarray:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {INPUT: X.astype(dtype)})[0]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("scaled", [True, False], ids=["standardized", "raw"])
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_onnx_runtime_computes_what_predict_computes(pair, bias, scaled, dtype):
    net = network(*pair, bias=bias)
    scaler = standardizer() if scaled else None
    model = onnx_model(net, dtype=dtype, standardizer=scaler)
    onnx.checker.check_model(model, full_check=True)
    X = raw_inputs()
    got = run(model, X, dtype)
    assert got.dtype == np.dtype(dtype) and got.shape == (len(X), net.layer_sizes[-1])
    np.testing.assert_allclose(got, reference(net, scaler, X), rtol=TOLERANCE[dtype],
                               atol=TOLERANCE[dtype])


def test_the_graph_applies_the_standardizer_and_each_activation_in_order():
    net = network("softmax", "cross_entropy", bias=True)
    ops = [node.op_type for node in onnx_model(net, standardizer=standardizer()).graph.node]
    assert ops == [
        "Sub", "Div",
        "MatMul", "Add", "Sigmoid",
        "MatMul", "Add", "Tanh",
        "MatMul", "Add", "Relu",
        "MatMul", "Add", "Greater", "Mul", "Where",  # leaky ReLU, its slope in the dtype
        "MatMul", "Add",  # identity
        "MatMul", "Add", "Softmax",
    ]
    plain = onnx_model(network("identity", "mse", bias=False)).graph.node
    assert [node.op_type for node in plain][-3:] == ["Where", "MatMul", "MatMul"]


def test_inputs_and_outputs_are_named_with_a_dynamic_batch():
    model = onnx_model(network("sigmoid", "binary_cross_entropy", bias=True))
    (x,), (y,) = model.graph.input, model.graph.output
    assert (x.name, y.name) == (INPUT, OUTPUT)
    assert [d.dim_param or d.dim_value for d in x.type.tensor_type.shape.dim] == [BATCH, 3]
    assert [d.dim_param or d.dim_value for d in y.type.tensor_type.shape.dim] == [BATCH, 1]
    for rows in (1, 7):
        assert run(model, raw_inputs()[:rows]).shape == (rows, 1)


def test_a_session_exports_its_trained_network_standardizer_and_settings(tmp_path):
    session = softmax_session()
    path = tmp_path / "blobs.onnx"
    export_onnx(session, path, class_names=["red", "green", "blue"])
    bench = session.build()
    X = bench.data.full.X
    runtime = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    got = runtime.run(None, {INPUT: X})[0]
    np.testing.assert_allclose(got, bench.net.predict(bench.data.inputs(bench.data.full)),
                               rtol=1e-12, atol=1e-12)
    meta = runtime.get_modelmeta()
    props = meta.custom_metadata_map
    assert meta.producer_name == "BP Studio"
    assert json.loads(props["class_names"]) == ["red", "green", "blue"]
    training = json.loads(props["training"])
    assert training == dataclasses.asdict(session.training) | {"epochs_trained": 3}
    network_props = json.loads(props["network"])
    assert network_props["layer_sizes"] == list(bench.net.layer_sizes)
    assert network_props["activations"] == ["leaky_relu", "softmax"]
    assert network_props["standardized_inputs"] is True
    assert network_props["dtype"] == "float64"
    assert "class_names" in meta.description


def test_without_class_names_the_metadata_has_none():
    props = {p.key for p in onnx_model(network("identity", "mse", bias=True)).metadata_props}
    assert props == {"network"}


def test_columns_of_huge_numbers_are_scaled_first_as_the_standardizer_does():
    scaler, X = huge_column_standardizer()
    net = network("identity", "mse", bias=True)
    model = onnx_model(net, standardizer=scaler)
    assert [node.op_type for node in model.graph.node][:3] == ["Mul", "Sub", "Div"]
    want = reference(net, scaler, X)
    assert np.all(np.isfinite(want))
    np.testing.assert_allclose(run(model, X), want, rtol=1e-12, atol=1e-12)


def test_numbers_float32_cannot_hold_are_refused_with_the_fix():
    scaler, _ = huge_column_standardizer()
    net = network("identity", "mse", bias=True)
    with pytest.raises(BPFileError, match=r"^standardizer: .*float32.*export as float64"):
        onnx_model(net, dtype="float32", standardizer=scaler)
    net.weights[1][0, 0] = 1e39
    with pytest.raises(BPFileError, match=r"^weights\[1\]: .*1e\+39.*export as float64"):
        onnx_model(net, dtype="float32")
    net.weights[1][0, 0] = 1e-39  # a weight that rounds to 0 in float32 is a weight of ~0
    onnx_model(net, dtype="float32")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"dtype": "float16"}, r"^dtype: expected 'float32' or 'float64'"),
    ({"class_names": ["a", "b"]}, r"^class_names: the network has 3 output\(s\), so it needs 3"),
    ({"class_names": "abc"}, r"^class_names: expected a list of names"),
    ({"class_names": ["a", "", "c"]}, r"^class_names\[1\]: expected a non-empty text"),
    ({"standardizer": Standardizer.identity(2)}, r"^standardizer: scales 2 columns but the "
                                                r"network has 3 inputs"),
])
def test_fields_that_do_not_fit_are_named(kwargs, message):
    with pytest.raises(BPFileError, match=message):
        onnx_model(network("softmax", "cross_entropy", bias=True), **kwargs)


def test_a_regression_session_takes_no_class_names():
    with pytest.raises(BPFileError, match=r"^class_names: a regression network has no classes"):
        onnx_model(table_session(), class_names=["a", "b"])


def test_one_sigmoid_output_takes_two_class_names():
    model = onnx_model(network("sigmoid", "binary_cross_entropy", bias=True),
                       class_names=["no", "yes"])
    assert "'yes'" in model.doc_string


def test_the_same_network_gives_the_same_bytes(tmp_path):
    net = network("softmax", "cross_entropy", bias=True)
    export_onnx(net, tmp_path / "a.onnx", standardizer=standardizer())
    export_onnx(net.copy(), tmp_path / "b.onnx", standardizer=standardizer())
    assert (tmp_path / "a.onnx").read_bytes() == (tmp_path / "b.onnx").read_bytes()


def test_a_failed_write_is_a_file_error(tmp_path):
    with pytest.raises(BPFileError, match="not a file"):
        export_onnx(network("identity", "mse", bias=True), tmp_path)


def test_the_session_source_refuses_a_second_standardizer():
    with pytest.raises(BPFileError, match=r"^standardizer: a session brings its own"):
        onnx_model(softmax_session(), standardizer=standardizer())


def test_a_network_must_be_given():
    with pytest.raises(TypeError, match="expected a Session or a Network"):
        onnx_model(Network([1, 1], ["identity"]).weights)


@settings(max_examples=60, deadline=None)
@given(case=any_network())
def test_any_network_runs_in_onnx_runtime_as_it_predicts(case):
    net, scaler, X = case
    model = onnx_model(net, standardizer=scaler)
    np.testing.assert_allclose(run(model, X), reference(net, scaler, X), rtol=1e-12, atol=1e-12)
