"""What an export of the network itself holds: the trained network, the input scaling it was
trained with, and what a reader needs to know about it (its task, class names, settings).

The ONNX model and the NumPy script are both written from one :class:`Predictor`, so they
compute the same thing and say the same things about it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import __version__
from ..core import Network, Standardizer
from ..core.text import quote
from ..session import Session
from .errors import BPFileError


@dataclass(frozen=True)
class InputScaling:
    """The standardizer as the operations that apply it: ``(X · prescale − mean) / scale``.

    ``prescale`` (a power of two per column, or ``None`` when every column has 1) keeps
    ``X − mean`` of columns of huge numbers from overflowing, as
    :meth:`~bpstudio.core.Standardizer.transform` does; ``mean`` and ``scale`` are already
    multiplied by it, exactly. Columns of tiny numbers need no such step: ``X − mean`` and the
    quotient come out the same without it.
    """

    prescale: np.ndarray | None
    mean: np.ndarray
    scale: np.ndarray


@dataclass(frozen=True)
class Predictor:
    """A network ready to be written for other tools.

    ``standardizer`` is ``None`` when inputs go in as they are. ``task`` is ``"regression"``
    or ``"classification"``; ``class_names`` (optional) name the classes in output order,
    two of them for one sigmoid output. ``training`` holds the training settings and the
    epochs trained when the network came from a session.
    """

    net: Network
    standardizer: Standardizer | None
    task: str
    class_names: tuple[str, ...] | None
    training: Mapping[str, Any] | None

    @property
    def n_inputs(self) -> int:
        return self.net.layer_sizes[0]

    @property
    def n_outputs(self) -> int:
        return self.net.layer_sizes[-1]

    def input_scaling(self) -> InputScaling | None:
        """The standardizer as operations (``None`` without one)."""
        if self.standardizer is None:
            return None
        k = np.maximum(self.standardizer.exponents, 0)
        mean = np.ldexp(self.standardizer.mean, -k)
        scale = np.ldexp(self.standardizer.scale, -k)
        return InputScaling(np.ldexp(1.0, -k) if k.any() else None, mean, scale)

    def network_settings(self) -> dict[str, Any]:
        """The architecture and loss, as plain values (for metadata and comments)."""
        net = self.net
        return {
            "layer_sizes": list(net.layer_sizes),
            "activations": list(net.activation_names),
            "bias": net.bias,
            "loss": net.loss_name,
            "reduction": net.reduction,
            "init": net.init_name,
            "task": self.task,
            "standardized_inputs": self.standardizer is not None,
            "bpstudio_version": __version__,
        }


def predictor_of(
    source: Session | Network,
    *,
    standardizer: Standardizer | None = None,
    class_names: Sequence[str] | None = None,
) -> Predictor:
    """The :class:`Predictor` of a session (its trained network and its standardizer, if it
    standardizes) or of a network (with the ``standardizer`` given, if any).

    :class:`BPFileError` names the field when the session cannot be built or the class names
    or standardizer do not fit the network.
    """
    if isinstance(source, Session):
        if standardizer is not None:
            raise BPFileError(
                "standardizer: a session brings its own; pass one only with a Network"
            )
        try:
            bench = source.build(check_memory=False)
        except ValueError as exc:
            raise BPFileError(f"the session cannot be built: {exc}") from None
        net, task = bench.net, bench.data.task
        standardizer = bench.data.standardizer if source.data.standardize else None
        training: dict[str, Any] | None = dataclasses.asdict(source.training)
        training["epochs_trained"] = source.epoch
    elif isinstance(source, Network):
        net, training = source.copy(), None
        task = "classification" if class_names is not None or net.loss_name != "mse" \
            else "regression"
        if standardizer is not None:
            _check_standardizer(standardizer, net.layer_sizes[0])
    else:
        raise TypeError(f"source: expected a Session or a Network, got {type(source).__name__}")
    names = _check_class_names(class_names, task, net.layer_sizes[-1])
    return Predictor(net, standardizer, task, names, training)


def _check_standardizer(standardizer: object, n_inputs: int) -> None:
    if not isinstance(standardizer, Standardizer):
        raise BPFileError(
            f"standardizer: expected a Standardizer, got {type(standardizer).__name__}"
        )
    if standardizer.n_features != n_inputs:
        raise BPFileError(
            f"standardizer: scales {standardizer.n_features} columns but the network has "
            f"{n_inputs} inputs; fit it on the training inputs"
        )


def _check_class_names(
    names: Sequence[str] | None, task: str, n_outputs: int
) -> tuple[str, ...] | None:
    """One name per output, or two for one sigmoid output (class 0, then class 1)."""
    if names is None:
        return None
    if task != "classification":
        raise BPFileError("class_names: a regression network has no classes; leave them out")
    if isinstance(names, str) or not isinstance(names, Sequence):
        raise BPFileError(f"class_names: expected a list of names, got {quote(names)}")
    names = tuple(names)
    wanted = 2 if n_outputs == 1 else n_outputs
    if len(names) != wanted:
        raise BPFileError(
            f"class_names: the network has {n_outputs} output(s), so it needs {wanted} names "
            f"(got {len(names):,})"
        )
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name:
            raise BPFileError(f"class_names[{i}]: expected a non-empty text, got {quote(name)}")
    return names
