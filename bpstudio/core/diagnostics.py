"""Numbers that explain training rather than drive it: gradient sizes per layer, weight
spreads, what each hidden neuron computes, and a gradient check that names its worst weight.

The worker computes these off the GUI thread and puts them in a snapshot's ``extras``; the
views only draw them.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field

import numpy as np

from .gradcheck import numerical_gradient_steps, parameter_slices, relative_errors
from .network import Network, run_steps

WEIGHT_PERCENTILES = (0.0, 10.0, 25.0, 50.0, 75.0, 90.0, 100.0)
"""The spread of each layer's weights the gradient-flow view draws as nested bands."""


def mean_abs_gradients(net: Network, X: object, Y: object) -> tuple[float, ...]:
    """Per weight layer, the mean ``|dW|`` on the batch ``X``, ``Y``.

    Deep sigmoid networks show the vanishing gradient here: ``σ′ ≤ 0.25``, so each layer
    back receives at most a quarter of the signal.
    """
    _, dW, _ = net.loss_and_gradients(X, Y)
    return tuple(float(np.mean(np.abs(g))) for g in dW)


def weight_percentiles(
    weights: tuple[np.ndarray, ...] | list[np.ndarray],
    q: tuple[float, ...] = WEIGHT_PERCENTILES,
) -> np.ndarray:
    """``(n_layers, len(q))``: the percentiles ``q`` of each layer's weights."""
    return np.array([np.percentile(np.asarray(W).ravel(), q) for W in weights])


def hidden_outputs(net: Network, grid_inputs: np.ndarray) -> list[np.ndarray]:
    """The activations of every hidden layer at the plot grid's inputs.

    Parameters
    ----------
    grid_inputs : (n_points, n_in) inputs, transformed as the network's inputs are.

    Returns
    -------
    One read-only ``(n_points, n_units)`` array per hidden layer (empty without hidden layers).
    """
    trace = net.forward(grid_inputs)
    out = []
    for A in trace.activations[1:-1]:
        A = A.copy()
        A.setflags(write=False)
        out.append(A)
    return out


RELATIVE_TOLERANCE = 1e-7
"""An array whose relative error is below this agrees with finite differences."""
NOISE = 1e-8
"""Central differences with ``eps = 1e-6`` carry about ``1e-10·|L|`` of rounding error per
entry; a difference below ``NOISE·max(1, |L|)`` is that noise, not a wrong gradient. It
matters where a gradient is itself tiny (a bias after training): there the relative error of
perfectly right backprop can reach 1e-6."""


@dataclass(frozen=True)
class GradientCheckReport:
    """Relative error per parameter array, whether each agrees, and the worst parameter.

    ``errors`` has the keys and values of :func:`bpstudio.core.gradient_check`;
    ``differences`` the largest ``|g − ĝ|`` per array and ``noise`` the difference that
    finite differences cannot resolve. The worst parameter is the entry with the largest
    ``|g − ĝ| / (|g| + |ĝ| + noise)``: its relative error, where its gradient is not noise.
    ``at_kink`` counts per array the entries not comparable at a kink (a ReLU unit whose
    ``z`` crosses 0 within the step on both sides, :mod:`bpstudio.core.gradcheck`); the
    rest of the report leaves them out.
    """

    errors: dict[str, float]
    worst_name: str
    worst_index: tuple[int, ...]
    worst_analytic: float
    worst_numeric: float
    differences: dict[str, float]
    noise: float
    at_kink: dict[str, int] = field(default_factory=dict)

    def agrees(self, name: str) -> bool:
        """Relative error below :data:`RELATIVE_TOLERANCE`, or a difference within noise."""
        return self.errors[name] < RELATIVE_TOLERANCE or self.differences[name] <= self.noise

    @property
    def all_agree(self) -> bool:
        return all(self.agrees(name) for name in self.errors)

    @property
    def worst_label(self) -> str:
        """``"W2[3, 0]"``: the worst parameter as the inspector names it."""
        return f"{self.worst_name}[{', '.join(map(str, self.worst_index))}]"

    @property
    def max_error(self) -> float:
        return max(self.errors.values())

    @property
    def not_comparable(self) -> int:
        """Entries left out because a kink lies within the step on both sides."""
        return sum(self.at_kink.values())


def check_gradients(net: Network, X: object, Y: object, eps: float = 1e-6) -> GradientCheckReport:
    """Compare backprop with central differences once; report per array and the worst entry."""
    return run_steps(check_gradient_steps(net, X, Y, eps))


def check_gradient_steps(
    net: Network, X: object, Y: object, eps: float = 1e-6, every: int | None = None
) -> Generator[None, None, GradientCheckReport]:
    """:func:`check_gradients`, yielding after every ``every`` parameters of the finite
    differences (:func:`~bpstudio.core.gradcheck.numerical_gradient_steps`)."""
    X = net.check_inputs(X)
    Y = net.check_targets(Y, X.shape[0])
    trace = net.forward(X)
    analytic = net.backward(trace, Y).vector
    steps = yield from numerical_gradient_steps(net, X, Y, eps, every)
    numeric, at_kink = steps.gradient, steps.at_kink
    errors = relative_errors(net, analytic, numeric, at_kink)
    difference = np.where(at_kink, 0.0, np.abs(analytic - numeric))
    slices = parameter_slices(net)
    differences = {array: float(np.max(difference[part], initial=0.0)) for array, part in slices}
    noise = NOISE * max(1.0, abs(net.trace_loss(trace, Y)))
    relative = difference / (np.abs(analytic) + np.abs(numeric) + noise)
    flat = int(np.argmax(np.where(at_kink, -1.0, relative)))
    name, index = _locate(net, flat)
    kinks = {array: int(np.count_nonzero(at_kink[part])) for array, part in slices}
    return GradientCheckReport(
        errors, name, index, float(analytic[flat]), float(numeric[flat]), differences, noise,
        kinks)


def _locate(net: Network, flat: int) -> tuple[str, tuple[int, ...]]:
    """The array name and index of entry ``flat`` of the parameter vector."""
    for name, part in parameter_slices(net):
        if part.start <= flat < part.stop:
            l = int(name[1:]) - 1
            shape = net.weights[l].shape if name[0] == "W" else net.biases[l].shape
            return name, tuple(int(i) for i in np.unravel_index(flat - part.start, shape))
    raise ValueError(f"flat: index {flat} is outside the {net.n_params} parameters")
