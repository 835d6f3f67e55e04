"""The ``network`` section of a ``.bpnet`` file (the document's, and each pinned run's):
the sizes of its layers, their activations, the loss, the initialiser, biases and seed."""

from __future__ import annotations

from typing import Any

from ..core import ACTIVATIONS, INITIALIZERS, LOSSES
from ..core.losses import REDUCTIONS
from ..limit_checks import check_layers, check_parameters
from ..session import LayerSpec, NetworkSpec, PreparedData
from .fields import array, at, boolean, choice, fail, guard, integer, obj

NETWORK_KEYS = ("inputs", "layers", "loss", "reduction", "init", "bias", "seed")


def encode_network(net: NetworkSpec, sizes: list[int]) -> dict[str, Any]:
    return {
        "inputs": sizes[0],
        "layers": [{"size": size, "activation": act}
                   for size, act in zip(sizes[1:], net.activations())],
        "loss": net.loss, "reduction": net.reduction, "init": net.init,
        "bias": net.bias, "seed": net.seed,
    }


def decode_network(path: str, value: Any) -> tuple[NetworkSpec, list[int]]:
    d = obj(path, value, NETWORK_KEYS)
    sizes = [integer(at(path, "inputs"), d["inputs"], 1)]
    layers = array(at(path, "layers"), d["layers"])
    with guard(path):
        check_layers("layers", len(layers))
    if not layers:
        raise fail(at(path, "layers"), "needs at least the output layer")
    activations = []
    for i, layer in enumerate(layers):
        where = at(at(path, "layers"), i)
        layer = obj(where, layer, ("size", "activation"))
        sizes.append(integer(at(where, "size"), layer["size"], 1))
        activations.append(choice(at(where, "activation"), layer["activation"], ACTIVATIONS,
                                  "activation"))
    bias = boolean(at(path, "bias"), d["bias"])
    with guard(path):
        check_parameters("layers", sizes, bias)
    hidden = []
    for i, (size, act) in enumerate(zip(sizes[1:-1], activations[:-1])):
        with guard(at(at(path, "layers"), i)):
            hidden.append(LayerSpec(size, act))
    with guard(path):
        spec = NetworkSpec(
            hidden=tuple(hidden),
            output_activation=activations[-1],
            loss=choice(at(path, "loss"), d["loss"], LOSSES, "loss"),
            reduction=choice(at(path, "reduction"), d["reduction"], REDUCTIONS, "reduction"),
            init=choice(at(path, "init"), d["init"], INITIALIZERS, "initializer"),
            bias=bias,
            seed=d["seed"],
        )
    return spec, sizes


def check_sizes(sizes: list[int], prepared: PreparedData, path: str = "network") -> None:
    """The network takes the data's inputs and gives its outputs."""
    if sizes[0] != prepared.n_inputs:
        raise fail(at(path, "inputs"), f"the data has {prepared.n_inputs} inputs but the network "
                   f"takes {sizes[0]}")
    if sizes[-1] != prepared.n_outputs:
        raise fail(at(at(at(path, "layers"), len(sizes) - 2), "size"), f"the data needs "
                   f"{prepared.n_outputs} outputs but the output layer has {sizes[-1]}")
