"""The network as a standalone Python script that needs only NumPy.

The script is a teaching artefact as much as a way to deploy: it holds the weights (each
float written with ``repr``, so the script's numbers are the network's, bit for bit), the
standardizer as its first step and the forward pass written out layer by layer in the
articles' row-vector convention, ``Z = A @ W + b``, with the formulas in comments. Run on a
CSV file it prints one row of outputs per row of inputs; imported, it offers ``predict(X)``.

It computes in float64 with the same NumPy operations as :meth:`Network.predict`, so its
outputs are a float64 network's, bit for bit. The same network always gives the same text
(no dates, no randomness).
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence

import numpy as np

from ..core import ACTIVATIONS, Network, Standardizer
from ..core.activations import LEAKY_SLOPE
from ..session import Session
from . import script_parts
from .atomic import write_atomic
from .predictor import Predictor, predictor_of

WIDTH = 99
"""Longest line the script's numbers are wrapped to."""

LITERAL_NUMBERS = 20_000
"""Most numbers a script writes as ``np.array([...])`` literals. Python parses a literal
slowly and into a large tree (a network of a million weights took 5 s and 1 GB to start),
so a larger network's arrays are written as text that ``read_numbers`` splits: the same
``repr`` digits, read 10-20 times faster."""


def script_text(
    source: Session | Network,
    *,
    class_names: Sequence[str] | None = None,
    standardizer: Standardizer | None = None,
) -> str:
    """The script for a session's network (with its standardizer) or a network (with
    ``standardizer`` if given). :class:`BPFileError` names a field that does not fit."""
    predictor = predictor_of(source, standardizer=standardizer, class_names=class_names)
    parts = [_header(predictor), _constants(predictor), *_helpers(predictor),
             _predict(predictor)]
    if predictor.task == "classification":
        parts.append(_classify(predictor))
    parts.append(_main(predictor))
    return "".join(parts)


def export_script(
    source: Session | Network,
    path: str | os.PathLike[str],
    *,
    class_names: Sequence[str] | None = None,
    standardizer: Standardizer | None = None,
) -> str:
    """Write :func:`script_text` to ``path`` atomically; returns the text written."""
    text = script_text(source, class_names=class_names, standardizer=standardizer)
    write_atomic(path, text.encode("utf-8"))
    return text


# -- the parts of the script ----------------------------------------------------------------


def _header(p: Predictor) -> str:
    net = p.net
    shape = " -> ".join(
        [f"{net.layer_sizes[0]} inputs"]
        + [f"{n} {act}" for n, act in zip(net.layer_sizes[1:], net.activation_names)]
    )
    about = [f"Network: {shape} (loss {net.loss_name}, {'with' if net.bias else 'no'} biases)."]
    if p.training is not None:
        trained = ", ".join(f"{k} {_plain(v)}" for k, v in p.training.items())
        about.append(f"Training: {trained}.")
    if p.class_names is not None:  # repr: a name is text from outside
        about.append(f"Classes: {', '.join(map(repr, p.class_names))}.")
    comments = "\n".join(
        line for text in about for line in textwrap.wrap(text, WIDTH, initial_indent="# ",
                                                         subsequent_indent="#   ")
    )
    return f'''#!/usr/bin/env python3
"""A network trained in BP Studio, as a script that needs only NumPy.

Run it on a CSV file with one row of {p.n_inputs} input number(s) per sample (a first line of
column names is skipped): it prints the network's outputs, one row per sample. Or import it
and call predict(X) with X of shape (N, {p.n_inputs}).
"""

import csv
import sys

import numpy as np

{comments}
'''


def _constants(p: Predictor) -> str:
    out = [f"\nOUTPUT_NAMES = {_output_names(p)!r}\n"]
    if p.task == "classification":
        out.append(f"CLASS_NAMES = {_class_labels(p)!r}\n")
    net = p.net
    scaling = p.input_scaling()
    count = net.n_params + (0 if scaling is None else 3 * p.n_inputs)
    array = _literal if count <= LITERAL_NUMBERS else _text
    if array is _text:
        out.append(script_parts.READ_NUMBERS.format(count=count))
    if scaling is not None:
        out.append("\n# The standardizer: the network was trained on (x - MEAN) / SCALE, column "
                   "by column,\n# with MEAN and SCALE measured on the training inputs.\n")
        if scaling.prescale is not None:
            out.append("# Columns of huge numbers are first multiplied by PRESCALE (a power of "
                       "two, exact),\n# so that x - MEAN cannot overflow; MEAN and SCALE are "
                       "scaled alike.\n")
            out.append(array("PRESCALE", scaling.prescale))
        out.append(array("MEAN", scaling.mean))
        out.append(array("SCALE", scaling.scale))
    for l, W in enumerate(net.weights, 1):
        n_in, n_out = W.shape
        out.append(f"\n# Layer {l}: {n_in} -> {n_out}, {net.activation_names[l - 1]}. "
                   f"W{l}[i, j] is the weight from input i to neuron j")
        out.append(f";\n# b{l}[j] is neuron j's bias.\n" if net.bias else ".\n")
        out.append(array(f"W{l}", W))
        if net.bias:
            out.append(array(f"b{l}", net.biases[l - 1]))
    return "".join(out)


def _helpers(p: Predictor) -> list[str]:
    return [
        "\n" + text.format(formula=ACTIVATIONS[name].formula, slope=LEAKY_SLOPE)
        for name, text in script_parts.FUNCTIONS.items() if name in p.net.activation_names
    ]


def _predict(p: Predictor) -> str:
    net = p.net
    lines = []
    scaling = p.input_scaling()
    if scaling is None:
        lines.append("    A0 = X  # the inputs go in as they are")
    else:
        lines.append("    # standardize each column as in training")
        source = "X * PRESCALE" if scaling.prescale is not None else "X"
        lines.append(f"    A0 = ({source} - MEAN) / SCALE")
    biases = " + b" if net.bias else ""
    lines += [
        "    # Row-vector convention, as in the articles: one sample per row, so each layer's",
        f"    # weighted sums are Z = A @ W{biases}, with W of shape (inputs, neurons).",
    ]
    for l, act in enumerate(net.activation_names, 1):
        inputs = "the inputs" if l == 1 else f"layer {l - 1}'s outputs"
        lines += [
            f"    # layer {l}: weighted sums of {inputs}{' plus biases' if net.bias else ''},"
            " then",
            f"    #   {ACTIVATIONS[act].formula}",
            f"    Z{l} = A{l - 1} @ W{l}" + (f" + b{l}" if net.bias else ""),
            f"    A{l} = " + script_parts.CALLS[act].format(Z=f"Z{l}"),
        ]
    lines.append(f"    return A{len(net.weights)}")
    return script_parts.PREDICT_HEAD.format(n=p.n_inputs) + "\n".join(lines) + "\n"


def _classify(p: Predictor) -> str:
    if p.n_outputs == 1:
        rule = "class 1 where the output is above 0.5 (exactly 0.5 is class 0)"
        body = "labels = (outputs[:, 0] > 0.5).astype(int)"
    else:
        rule = "the output that is largest (the first one on a tie)"
        body = "labels = outputs.argmax(axis=1)"
    return script_parts.CLASSIFY.format(rule=rule, body=body)


def _main(p: Predictor) -> str:
    classes = p.task == "classification"
    return script_parts.MAIN.format(
        class_header=' + ["class"]' if classes else "",
        class_row_var=", label" if classes else "",
        rows="zip(outputs, classify(outputs))" if classes else "outputs",
        class_cell=" + [label]" if classes else "",
    )


# -- formatting -----------------------------------------------------------------------------


def _output_names(p: Predictor) -> list[str]:
    names = p.class_names
    if names is not None:
        return [f"p({names[1]})"] if p.n_outputs == 1 else [f"p({n})" for n in names]
    if p.n_outputs == 1:
        return ["output"]
    return [f"output_{k}" for k in range(1, p.n_outputs + 1)]


def _class_labels(p: Predictor) -> list[str]:
    """The class names given, else the data's own labels: 0, 1, …"""
    if p.class_names is not None:
        return list(p.class_names)
    return [str(k) for k in range(max(p.n_outputs, 2))]


def _numbers(values: np.ndarray, separator: str = ", ") -> str:
    return separator.join(repr(float(v)) for v in values)


def _wrapped(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False, break_long_words=False)


def _literal(name: str, values: np.ndarray) -> str:
    """``name = np.array([...])``, a matrix one row (wrapped) per line."""
    if values.ndim == 1:
        indent = " " * len(f"{name} = np.array([")
        return "\n".join(_wrapped(_numbers(values), WIDTH - 1, f"{name} = np.array([",
                                   indent)) + "])\n"
    rows = ["\n".join(_wrapped(_numbers(row), WIDTH - 2, "    [", "     ")) + "],"
            for row in values]
    return f"{name} = np.array([\n" + "\n".join(rows) + "\n])\n"


def _text(name: str, values: np.ndarray) -> str:
    """``name = read_numbers(\"\"\"...\"\"\", shape)``, a matrix one row (wrapped) per line."""
    rows = values.reshape(1, -1) if values.ndim == 1 else values
    lines = [line for row in rows for line in _wrapped(_numbers(row, " "), WIDTH, "", "")]
    return f'{name} = read_numbers("""\n' + "\n".join(lines) + f'\n""", {values.shape})\n'


def _plain(value: object) -> str:
    return value if isinstance(value, str) else repr(value)
