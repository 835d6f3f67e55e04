"""The network as an ONNX model, for ONNX Runtime and every tool that reads ONNX.

The graph computes what :meth:`Network.predict` computes on standardized inputs, from raw
inputs: the standardizer first (``(x − mean) / scale``, as in training), then per layer
``Z = A @ W + b`` (MatMul, Add) and the activation. Sigmoid, tanh, ReLU and softmax are ONNX's
own operators (softmax along the last axis, computed safely by every runtime); leaky ReLU is
written as ``where(z > 0, z, slope·z)`` because ONNX's ``LeakyRelu`` holds its slope as a
float32 attribute, which would change float64 results in the 8th digit.

The class names, the architecture and the training settings go in the model's metadata
(``metadata_props``, JSON text) where ONNX Runtime shows them (``custom_metadata_map``).

``onnx`` is an optional dependency (``pip install "bpstudio[onnx]"``): it is imported only
when a model is built.
"""

from __future__ import annotations

import importlib.util
import json
import os
from typing import TYPE_CHECKING, Any

import numpy as np

from .. import __version__
from ..core import Network, Standardizer
from ..core.activations import LEAKY_SLOPE
from ..core.translatable import QT_TRANSLATE_NOOP
from ..session import Session
from .atomic import write_atomic
from .errors import BPFileError
from .predictor import Predictor, predictor_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    import onnx

INPUT = "features"
"""Name of the graph's input: raw (unstandardized) features, shape ``(batch, n_inputs)``."""
OUTPUT = "prediction"
"""Name of the graph's output: what ``Network.predict`` returns, shape ``(batch, n_outputs)``."""
BATCH = "batch"
"""The symbolic, dynamic first dimension of the input and the output."""

OPSET = 17
"""ONNX operator set the model uses (ONNX 1.12's): old enough for runtimes a few years old,
new enough for ``Softmax`` along one axis (opset 13+)."""
IR_VERSION = 8
"""The file format version that goes with :data:`OPSET` (ONNX 1.12); the ``onnx`` package
would otherwise stamp its own, newer one, which older runtimes refuse."""

DTYPES = ("float32", "float64")

ONNX_MISSING = QT_TRANSLATE_NOOP(
    "Export", 'ONNX export needs the onnx package, which is not installed; install it with '
    'pip install "bpstudio[onnx]" (or pip install onnx)'
)


def onnx_available() -> bool:
    """Whether ONNX export can work here (the ``onnx`` package is installed)."""
    return importlib.util.find_spec("onnx") is not None


def onnx_model(
    source: Session | Network,
    *,
    dtype: str = "float64",
    class_names: Sequence[str] | None = None,
    standardizer: Standardizer | None = None,
) -> onnx.ModelProto:
    """The ONNX model of a session's network (with its standardizer) or of a network (with
    ``standardizer`` if given); ``dtype`` is the type of the input, every weight and the output.

    :class:`BPFileError` if ``onnx`` is missing, a field is wrong, or a number does not fit
    in float32 (then float64 will do).
    """
    onnx = _onnx()
    if dtype not in DTYPES:
        raise BPFileError(f"dtype: expected 'float32' or 'float64', got {dtype!r}")
    predictor = predictor_of(source, standardizer=standardizer, class_names=class_names)
    graph = _GraphBuilder(onnx, np.dtype(dtype))
    graph.build(predictor)
    model = onnx.helper.make_model(
        graph.make_graph(predictor),
        opset_imports=[onnx.helper.make_opsetid("", OPSET)],
        ir_version=IR_VERSION,
        producer_name="BP Studio",
        producer_version=__version__,
        doc_string=_description(predictor),
    )
    onnx.helper.set_model_props(model, _metadata(predictor, dtype))
    return model


def export_onnx(
    source: Session | Network,
    path: str | os.PathLike[str],
    *,
    dtype: str = "float64",
    class_names: Sequence[str] | None = None,
    standardizer: Standardizer | None = None,
) -> onnx.ModelProto:
    """Write :func:`onnx_model` to ``path`` atomically; returns the model written."""
    model = onnx_model(source, dtype=dtype, class_names=class_names, standardizer=standardizer)
    write_atomic(path, model.SerializeToString())
    return model


def _onnx() -> Any:
    try:
        import onnx
        import onnx.helper
        import onnx.numpy_helper
    except ImportError:
        raise BPFileError(ONNX_MISSING) from None
    return onnx


class _GraphBuilder:
    """Nodes and constants (initializers) of one graph, named after what they hold."""

    def __init__(self, onnx: Any, dtype: np.dtype) -> None:
        self.onnx, self.dtype = onnx, dtype
        self.elem_type = onnx.helper.np_dtype_to_tensor_dtype(dtype)
        self.nodes: list[Any] = []
        self.constants: dict[str, Any] = {}

    def build(self, predictor: Predictor) -> None:
        A = INPUT
        scaling = predictor.input_scaling()
        if scaling is not None:
            if scaling.prescale is not None:
                prescale = self.constant("standardizer_prescale", scaling.prescale,
                                         "standardizer", nonzero=True)
                A = self.node("Mul", A, prescale, out="prescaled")
            mean = self.constant("standardizer_mean", scaling.mean, "standardizer")
            A = self.node("Sub", A, mean, out="centered")
            scale = self.constant("standardizer_scale", scaling.scale, "standardizer",
                                  nonzero=True)
            A = self.node("Div", A, scale, out="standardized")
        net = predictor.net
        biases = net.biases if net.bias else [None] * len(net.weights)
        for l, (W, b, act) in enumerate(zip(net.weights, biases, net.activation_names), 1):
            Z = self.node("MatMul", A, self.constant(f"layer{l}_W", W, f"weights[{l - 1}]"),
                          out=f"layer{l}_AW" if b is not None else f"layer{l}_Z")
            if b is not None:
                Z = self.node("Add", Z, self.constant(f"layer{l}_b", b, f"biases[{l - 1}]"),
                              out=f"layer{l}_Z")
            A = self.activation(act, Z, f"layer{l}_A")
        self.nodes[-1].output[0] = OUTPUT  # the last value computed is the prediction

    def activation(self, name: str, Z: str, out: str) -> str:
        if name == "identity":
            return Z
        if name == "leaky_relu":
            positive = self.node("Greater", Z, self.constant("zero", 0.0), out=f"{out}_positive")
            sloped = self.node("Mul", Z, self.constant("leaky_relu_slope", LEAKY_SLOPE),
                               out=f"{out}_sloped")
            return self.node("Where", positive, Z, sloped, out=out)
        op = {"sigmoid": "Sigmoid", "tanh": "Tanh", "relu": "Relu", "softmax": "Softmax"}[name]
        return self.node(op, Z, out=out, **({"axis": -1} if op == "Softmax" else {}))

    def node(self, op: str, *inputs: str, out: str, **attributes: Any) -> str:
        self.nodes.append(self.onnx.helper.make_node(op, list(inputs), [out], name=out,
                                                     **attributes))
        return out

    def constant(self, name: str, value: object, field: str | None = None, *,
                 nonzero: bool = False) -> str:
        """A named constant in the export dtype. One that overflows it (or, if ``nonzero``,
        underflows to 0: a divisor) is refused, naming ``field``."""
        if name not in self.constants:
            exact = np.asarray(value, dtype=np.float64)
            with np.errstate(over="ignore"):
                array = exact.astype(self.dtype)
            lost = ~np.isfinite(array) | ((array == 0) & (exact != 0) & nonzero)
            if field is not None and lost.any():
                raise BPFileError(
                    f"{field}: holds numbers {self.dtype} cannot represent (such as "
                    f"{exact[lost][0]:.3g}); export as float64"
                )
            self.constants[name] = self.onnx.numpy_helper.from_array(array, name)
        return name

    def make_graph(self, predictor: Predictor) -> Any:
        helper = self.onnx.helper
        return helper.make_graph(
            self.nodes, "bpstudio_network",
            [helper.make_tensor_value_info(INPUT, self.elem_type, [BATCH, predictor.n_inputs])],
            [helper.make_tensor_value_info(OUTPUT, self.elem_type,
                                           [BATCH, predictor.n_outputs])],
            initializer=list(self.constants.values()),
        )


def _description(predictor: Predictor) -> str:
    sizes = " → ".join(map(str, predictor.net.layer_sizes))
    scaled = "standardized inside the model" if predictor.standardizer is not None \
        else "used as they are"
    names = predictor.class_names
    if names is None:
        outputs = "the network's outputs"
    elif predictor.n_outputs == 1:
        outputs = f"the probability of class {names[1]!r} (class_names[1])"
    else:
        outputs = "one output per class, in class_names order"
    return (
        f"A {sizes} network trained in BP Studio ({predictor.task}). Input '{INPUT}': raw "
        f"features, {scaled}. Output '{OUTPUT}': {outputs}."
    )


def _metadata(predictor: Predictor, dtype: str) -> dict[str, str]:
    """String metadata: JSON text for everything structured."""
    props = {"network": json.dumps(predictor.network_settings() | {"dtype": dtype})}
    if predictor.training is not None:
        props["training"] = json.dumps(dict(predictor.training))
    if predictor.class_names is not None:
        props["class_names"] = json.dumps(list(predictor.class_names), ensure_ascii=False)
    return props
