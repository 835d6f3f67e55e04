#!/usr/bin/env python
"""Benchmark BP Studio's NumPy core against a minimal NumPy loop, scikit-learn and PyTorch.

Run from the repository root::

    python bench/core_bench.py [--repeats N] [--quick] [--workloads W1,W2] [--profile]
                               [--pause S] [--quiet-wait S] [--baseline GIT_REF]
                               [--clock wall|cpu]

Every system trains the same network from the same initial weights (copied from the BP Studio
network) with plain SGD (no momentum, no weight decay). BP Studio, the minimal loop and PyTorch
also visit the mini-batches in the same shuffled order (the Trainer's generator); scikit-learn
shuffles with its own generator. Each system runs ``--repeats`` times, interleaved
(A, B, C, A, B, C, ...) in one process so all see the same machine load, after one untimed
warm-up run each; the median time is reported. "final loss" is the full training-set loss
after training, computed for every system by the same NumPy function (``dataset_loss``) from
that system's final weights, so the numbers are directly comparable. ``--baseline REF`` adds
BP Studio's core as it was at git commit REF (imported from a temporary copy), timed side by
side with today's in the same run: a before/after comparison of a change.

This is a benchmark, not a test: it never fails, it only reports (see bench/README.md).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import importlib
import io
import math
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, uninstalled
import bpstudio  # noqa: I001  before NumPy, as in the app: sets OpenBLAS's spin time

import numpy as np

import bpstudio.core
from bpstudio.blas_threads import ENV_VAR
from bpstudio.core import Network

INIT_SEED = 0  # Network(seed=...): the initial weights every system starts from
SHUFFLE_SEED = 1  # Trainer(seed=...): the batch order BP Studio, minimal and torch share
DATA_SEED = 0
GOAL_MINIMAL = 1.15  # BP Studio time / minimal-loop time must stay at or below this
GOAL_GEMM = 1.5  # W4: BP Studio epoch time / matrix-multiply floor must stay at or below this
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
"""``--clock``: wall-clock time, or the process's CPU time (all its threads), which other
processes on a busy machine disturb less (compare single-threaded systems only: set
OPENBLAS_NUM_THREADS=1)."""
clock = CLOCKS["wall"]
PAUSE = 0.1  # default idle seconds before each timed run, so the previous system's spinning
# BLAS/OpenMP worker threads go to sleep (longer pauses made runs noisier on a 2-core VM)
QUIET_WAIT = 10.0  # default max seconds to wait, before each timed run, for other processes
QUIET_SHARE = 0.10  # to use under this share of the CPUs (on a shared machine)


# -- workloads -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Data:
    """One training set, in the forms the systems take it."""

    X: np.ndarray  # (N, n_in), the workload's dtype
    Y: np.ndarray  # (N, n_out) targets as BP Studio takes them: a column or one-hot rows
    labels: np.ndarray | None  # (N,) integer classes for the classifiers, None for regression
    note: str = ""


@dataclass(frozen=True)
class Workload:
    name: str
    title: str
    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str  # BP Studio's loss name; reduction is always "mean"
    lr: float
    epochs: int
    quick_epochs: int
    batch_size: int | None  # None: full batch
    shuffle: bool
    make_data: Callable[[np.dtype], Data | str]  # a str says why the data is unavailable
    dtype: type = np.float64
    gemm_floor: bool = False

    def n_batches(self, n_samples: int) -> int:
        return 1 if self.batch_size is None else math.ceil(n_samples / self.batch_size)


def _regression_data(X: np.ndarray, y: np.ndarray, dtype: np.dtype, note: str = "") -> Data:
    return Data(X.astype(dtype), y.reshape(-1, 1).astype(dtype), None, note)


def _class_data(X: np.ndarray, labels: np.ndarray, n_out: int, dtype: np.dtype,
                note: str = "") -> Data:
    labels = labels.astype(np.int64)
    if n_out == 1:
        Y = labels.reshape(-1, 1).astype(dtype)
    else:
        Y = np.zeros((labels.size, n_out), dtype=dtype)
        Y[np.arange(labels.size), labels] = 1
    return Data(np.array(X, dtype=dtype), Y, labels, note)  # own, writable copy


def sine_data(dtype: np.dtype) -> Data:
    rng = np.random.default_rng(DATA_SEED)
    x = np.linspace(-3.0, 3.0, 100)
    y = np.sin(x) + rng.normal(0.0, 0.1, x.size)
    return _regression_data(x.reshape(-1, 1), y, dtype)


def own_spiral(n: int, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Interleaved arms, 1.5 turns each, with a little angular noise."""
    rng = np.random.default_rng(seed)
    counts = [n // classes + (k < n % classes) for k in range(classes)]
    xs, ys = [], []
    for k, m in enumerate(counts):
        t = np.linspace(0.1, 1.0, m)
        angle = 3.0 * np.pi * t + 2.0 * np.pi * k / classes + rng.normal(0.0, 0.15, m)
        xs.append(np.column_stack([t * np.cos(angle), t * np.sin(angle)]))
        ys.append(np.full(m, k))
    return np.concatenate(xs), np.concatenate(ys)


def spiral_data(dtype: np.dtype) -> Data:
    n, classes = 1000, 2
    try:
        from bpstudio.core.datasets import spiral  # written concurrently; optional
    except ImportError:
        spiral = None
    note = "spiral: bench's own generator (bpstudio.core.datasets not importable)"
    if spiral is not None:
        try:
            out = spiral(n=n, classes=classes, seed=DATA_SEED)
            X, y = (out.X, out.y) if hasattr(out, "X") else (out[0], out[1])
            X, y = np.asarray(X, dtype=float), np.asarray(y)
            if y.ndim == 2 and y.shape[1] == classes:
                y = y.argmax(axis=1)
            y = y.ravel()
            if X.shape == (n, 2) and y.shape == (n,) and set(np.unique(y)) <= {0, 1}:
                return _class_data(X, y, 1, dtype, "spiral: bpstudio.core.datasets.spiral")
            note = (f"spiral: bench's own generator (datasets.spiral gave X {X.shape}, "
                    f"y {y.shape}, not ({n}, 2) and ({n},) with labels 0/1)")
        except Exception as exc:  # a module being written may still be broken
            note = f"spiral: bench's own generator (datasets.spiral failed: {exc!r})"
    X, y = own_spiral(n, classes, DATA_SEED)
    return _class_data(X, y, 1, dtype, note)


def digits_data(dtype: np.dtype) -> Data | str:
    try:
        from sklearn.datasets import load_digits
    except ImportError:
        return "W3 skipped: scikit-learn is not installed (the digits data ship inside it)"
    X, y = load_digits(return_X_y=True)
    return _class_data(X / 16.0, y, 10, dtype)


def random_784_data(dtype: np.dtype) -> Data:
    rng = np.random.default_rng(DATA_SEED)
    X = rng.standard_normal((20000, 784))
    labels = rng.integers(0, 10, 20000)
    return _class_data(X, labels, 10, dtype)


WORKLOADS: dict[str, Workload] = {
    w.name: w
    for w in (
        Workload("W1", "sin 1-100-1 sigmoid/identity, MSE, full batch",
                 (1, 100, 1), ("sigmoid", "identity"), "mse", 0.05,
                 epochs=3000, quick_epochs=300, batch_size=None, shuffle=False,
                 make_data=sine_data),
        Workload("W2", "spiral 2-16-16-1 tanh/tanh/sigmoid, BCE, batch 32",
                 (2, 16, 16, 1), ("tanh", "tanh", "sigmoid"), "binary_cross_entropy", 0.03,
                 epochs=200, quick_epochs=20, batch_size=32, shuffle=True,
                 make_data=spiral_data),
        Workload("W3", "digits 64-128-10 relu/softmax, CE, batch 64",
                 (64, 128, 10), ("relu", "softmax"), "cross_entropy", 0.1,
                 epochs=50, quick_epochs=5, batch_size=64, shuffle=True,
                 make_data=digits_data),
        Workload("W4-f64", "random 20000x784 784-256-10 relu/softmax, CE, batch 128, float64",
                 (784, 256, 10), ("relu", "softmax"), "cross_entropy", 0.01,
                 epochs=3, quick_epochs=1, batch_size=128, shuffle=True,
                 make_data=random_784_data, gemm_floor=True),
        Workload("W4-f32", "random 20000x784 784-256-10 relu/softmax, CE, batch 128, float32",
                 (784, 256, 10), ("relu", "softmax"), "cross_entropy", 0.01,
                 epochs=3, quick_epochs=1, batch_size=128, shuffle=True,
                 make_data=random_784_data, dtype=np.float32, gemm_floor=True),
    )
}


# -- parameters and the shared loss ------------------------------------------------------------


@dataclass(frozen=True)
class Params:
    weights: list[np.ndarray]  # (n_in, n_out) each, row-vector convention
    biases: list[np.ndarray]

    def copy(self) -> Params:
        return Params([W.copy() for W in self.weights], [b.copy() for b in self.biases])

    def max_abs_diff(self, other: Params) -> float:
        pairs = zip(self.weights + self.biases, other.weights + other.biases)
        return max(float(np.max(np.abs(a - b))) for a, b in pairs)


def make_network(wl: Workload) -> Network:
    return Network(wl.layer_sizes, wl.activations, loss=wl.loss, reduction="mean",
                   seed=INIT_SEED, dtype=wl.dtype)


def network_params(net: Network) -> Params:
    return Params([W.copy() for W in net.weights], [b.copy() for b in net.biases])


def _sigmoid(Z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-Z))


def _softmax(Z: np.ndarray) -> np.ndarray:
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


FORWARD: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": _sigmoid,
    "tanh": np.tanh,
    "relu": lambda Z: np.maximum(Z, 0.0),
    "identity": lambda Z: Z,
    "softmax": _softmax,
}

# dL/dZ of a hidden layer from dL/dA (G), its Z and its A
HIDDEN_VJP: dict[str, Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]] = {
    "sigmoid": lambda G, Z, A: G * (A * (1.0 - A)),
    "tanh": lambda G, Z, A: G * (1.0 - A * A),
    "relu": lambda G, Z, A: G * (Z > 0),
    "identity": lambda G, Z, A: G,
}


def loss_total(loss: str, Z: np.ndarray, A: np.ndarray, Y: np.ndarray) -> float:
    """Sum over the batch of the per-sample loss: the same formulas as bpstudio.core.losses."""
    if loss == "mse":
        D = (A - Y).ravel()
        return 0.5 * float(np.dot(D, D))
    if loss == "binary_cross_entropy":
        return float(np.sum(np.maximum(Z, 0) - Y * Z + np.log1p(np.exp(-np.abs(Z)))))
    m = Z.max(axis=1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(Z - m), axis=1, keepdims=True))
    return float(np.sum(Y * (lse - Z)))


def dataset_loss(wl: Workload, params: Params, data: Data) -> float:
    """Mean loss over the whole training set: one function for every system's weights."""
    with np.errstate(over="ignore", under="ignore"):
        A = data.X
        Z = A
        for W, b, act in zip(params.weights, params.biases, wl.activations):
            Z = A @ W.astype(wl.dtype, copy=False) + b.astype(wl.dtype, copy=False)
            A = FORWARD[act](Z)
        return loss_total(wl.loss, Z, A, data.Y) / data.X.shape[0]


# -- the systems -------------------------------------------------------------------------------
# Each runner trains from `init` for `epochs` epochs and returns (seconds, final params).
# Only the training itself is timed, not building the model.

Runner = Callable[[Workload, Data, Params, int], tuple[float, Params | None]]


def bpstudio_runner(core) -> Runner:
    """Trains with ``core`` (``bpstudio.core``, or a baseline copy of it)."""

    def run(wl: Workload, data: Data, init: Params, epochs: int) -> tuple[float, Params]:
        net = core.Network(wl.layer_sizes, wl.activations, loss=wl.loss, reduction="mean",
                           seed=INIT_SEED, dtype=wl.dtype)
        trainer = core.Trainer(net, core.SGD(wl.lr, momentum=0.0), batch_size=wl.batch_size,
                               shuffle=wl.shuffle, seed=SHUFFLE_SEED)
        t0 = clock()
        trainer.fit(data.X, data.Y, epochs)
        seconds = clock() - t0
        return seconds, network_params(net)

    return run


run_bpstudio = bpstudio_runner(bpstudio.core)


def baseline_core(ref: str):
    """``bpstudio.core`` as it was at git commit ``ref``: the package at that commit, copied
    to a temporary folder under another name and imported from there."""
    root = Path(__file__).resolve().parents[1]
    archive = subprocess.run(["git", "-C", str(root), "archive", ref, "bpstudio"],
                             capture_output=True, check=True).stdout
    folder = Path(tempfile.mkdtemp(prefix="bpstudio-baseline-"))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "bpstudio").rename(folder / "bpstudio_baseline")
    sys.path.insert(0, str(folder))
    return importlib.import_module("bpstudio_baseline.core")


def minimal_train(wl: Workload, X: np.ndarray, Y: np.ndarray, params: Params,
                  epochs: int) -> float:
    """Plain SGD written out by hand, as lean as NumPy allows; updates ``params`` in place,
    returns the last epoch loss.

    Same maths as BP Studio: Z = A@W + b, the loss of each batch before its update,
    output delta (A - Y)/m for the canonical pairs, hidden delta (delta@W.T)*f'(Z),
    W -= lr*dW. Same batch order: default_rng(SHUFFLE_SEED).permutation(n) each epoch.
    Lean where a hand-written loop would be: softmax + cross-entropy share one max and one
    sum of exponentials (the loss is that of :func:`loss_total`, bit for bit), the update
    scales the gradient in place, the batches are slices of the epoch's shuffled copy.
    """
    Ws, bs = params.weights, params.biases
    fns = [FORWARD[a] for a in wl.activations]
    vjps = [HIDDEN_VJP.get(a) for a in wl.activations]
    fused = wl.activations[-1] == "softmax" and wl.loss == "cross_entropy"
    n = X.shape[0]
    size = n if wl.batch_size is None else min(wl.batch_size, n)
    rng = np.random.default_rng(SHUFFLE_SEED)
    lr, loss, n_layers = wl.lr, wl.loss, len(Ws)
    epoch_loss = math.nan
    with np.errstate(over="ignore", under="ignore"):
        for _ in range(epochs):
            Xs, Ys = X, Y
            if wl.shuffle:
                order = rng.permutation(n)
                Xs, Ys = X[order], Y[order]
            total = 0.0
            for start in range(0, n, size):
                xb, yb = Xs[start:start + size], Ys[start:start + size]
                m = xb.shape[0]
                As, Zs = [xb], []
                for W, b, f in zip(Ws, bs, fns):
                    Z = As[-1] @ W
                    Z += b
                    Zs.append(Z)
                    As.append(f(Z) if not fused or len(Zs) < n_layers else None)
                if fused:  # softmax and its cross-entropy from one exp pass
                    Z = Zs[-1]
                    top = Z.max(axis=1, keepdims=True)
                    E = np.exp(Z - top)
                    S = E.sum(axis=1, keepdims=True)
                    As[-1] = E / S
                    total += float(np.sum(yb * ((top + np.log(S)) - Z)))
                else:
                    total += loss_total(loss, Zs[-1], As[-1], yb)
                delta = As[-1] - yb
                delta /= m
                for l in range(n_layers - 1, -1, -1):
                    dW = As[l].T @ delta
                    db = delta.sum(axis=0)
                    if l:
                        delta = vjps[l - 1](delta @ Ws[l].T, Zs[l - 1], As[l])
                    dW *= lr
                    db *= lr
                    Ws[l] -= dW
                    bs[l] -= db
            epoch_loss = total / n
    return epoch_loss


def run_minimal(wl: Workload, data: Data, init: Params, epochs: int) -> tuple[float, Params]:
    params = init.copy()
    t0 = clock()
    minimal_train(wl, data.X, data.Y, params, epochs)
    return clock() - t0, params


_SK_ACTIVATION = {"sigmoid": "logistic", "tanh": "tanh", "relu": "relu"}


def run_sklearn(wl: Workload, data: Data, init: Params, epochs: int) -> tuple[float, Params]:
    """MLPRegressor/MLPClassifier, started from ``init`` through ``warm_start``.

    An untimed ``max_iter=1`` fit on a strided subset sets up the estimator (label binarizer,
    output activation); its weights are then replaced by ``init`` and the timed fit continues
    from them. Early stopping is disabled (tol=0, n_iter_no_change huge).
    """
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier, MLPRegressor

    hidden = set(wl.activations[:-1])
    assert len(hidden) == 1, "scikit-learn uses one activation for all hidden layers"
    n = data.X.shape[0]
    kwargs = dict(
        hidden_layer_sizes=wl.layer_sizes[1:-1], activation=_SK_ACTIVATION[hidden.pop()],
        solver="sgd", alpha=0.0, batch_size=n if wl.batch_size is None else wl.batch_size,
        learning_rate="constant", learning_rate_init=wl.lr, momentum=0.0,
        nesterovs_momentum=False, shuffle=wl.shuffle, random_state=SHUFFLE_SEED,
        tol=0.0, n_iter_no_change=10**9, early_stopping=False, warm_start=True, max_iter=1,
    )
    if data.labels is None:
        model, y = MLPRegressor(**kwargs), data.Y[:, 0]
    else:
        model, y = MLPClassifier(**kwargs), data.labels
    sub = slice(None, None, max(1, n // 256))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(data.X[sub], y[sub])
    start = init.copy()
    model.coefs_, model.intercepts_ = start.weights, start.biases
    model.loss_curve_, model.best_loss_, model._no_improvement_count = [], np.inf, 0
    model.set_params(max_iter=epochs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        t0 = clock()
        model.fit(data.X, y)
        seconds = clock() - t0
    return seconds, Params(list(model.coefs_), list(model.intercepts_))


def run_torch(wl: Workload, data: Data, init: Params, epochs: int) -> tuple[float, Params]:
    """nn.Sequential + torch.optim.SGD, same init and batch order; losses on logits."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    tdtype = torch.float64 if np.dtype(wl.dtype) == np.float64 else torch.float32
    layers: list[nn.Module] = []
    hidden = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}
    for l, (W, b) in enumerate(zip(init.weights, init.biases)):
        lin = nn.Linear(W.shape[0], W.shape[1], dtype=tdtype)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(np.ascontiguousarray(W.T)))
            lin.bias.copy_(torch.from_numpy(b))
        layers.append(lin)
        if l < len(init.weights) - 1:  # the output layer's activation is folded into the loss
            layers.append(hidden[wl.activations[l]]())
    model = nn.Sequential(*layers)
    X = torch.from_numpy(data.X)
    if wl.loss == "mse":
        T = torch.from_numpy(data.Y)

        def loss_fn(out: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
            return 0.5 * F.mse_loss(out, t)  # per sample ½‖ŷ − y‖², as BP Studio
    elif wl.loss == "binary_cross_entropy":
        T, loss_fn = torch.from_numpy(data.Y), F.binary_cross_entropy_with_logits
    else:
        T, loss_fn = torch.from_numpy(data.labels), F.cross_entropy
    opt = torch.optim.SGD(model.parameters(), lr=wl.lr, momentum=0.0)
    n = X.shape[0]
    size = n if wl.batch_size is None else min(wl.batch_size, n)
    rng = np.random.default_rng(SHUFFLE_SEED)
    t0 = clock()
    for _ in range(epochs):
        Xs, Ts = X, T
        if wl.shuffle:
            order = torch.from_numpy(rng.permutation(n))
            Xs, Ts = X[order], T[order]
        total = 0.0
        for start in range(0, n, size):
            xb, tb = Xs[start:start + size], Ts[start:start + size]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), tb)
            loss.backward()
            opt.step()
            total += loss.item() * xb.shape[0]
    seconds = clock() - t0
    lins = [m for m in model if isinstance(m, nn.Linear)]
    return seconds, Params([m.weight.detach().numpy().T.copy() for m in lins],
                           [m.bias.detach().numpy().copy() for m in lins])


def w4_gemm_shapes(wl: Workload, data: Data) -> Callable[[], None]:
    """One epoch of only W4's five matmuls per batch, on buffers of the exact shapes.

    Per batch of m rows: X_b@W1 (m×784·784×256), H@W2 (m×256·256×10), dW2 = H.T@D2,
    dW1 = X_b.T@D1, and D2@W2.T (the only delta@W.T the backward pass needs; the input
    layer's delta is never formed). Outputs go to preallocated buffers (``out=``).
    """
    (n_in, n_hid, n_out), dtype = wl.layer_sizes, np.dtype(wl.dtype)
    rng = np.random.default_rng(2)
    X = data.X
    size = wl.batch_size or X.shape[0]
    W1 = rng.standard_normal((n_in, n_hid)).astype(dtype)
    W2 = rng.standard_normal((n_hid, n_out)).astype(dtype)
    D1 = rng.standard_normal((size, n_hid)).astype(dtype)
    D2 = rng.standard_normal((size, n_out)).astype(dtype)
    H, O, G = (np.empty((size, k), dtype) for k in (n_hid, n_out, n_hid))
    dW1, dW2 = np.empty_like(W1), np.empty_like(W2)
    W2T = W2.T

    def epoch() -> None:
        for start in range(0, X.shape[0], size):
            xb = X[start:start + size]
            m = xb.shape[0]
            np.matmul(xb, W1, out=H[:m])
            np.matmul(H[:m], W2, out=O[:m])
            np.matmul(H[:m].T, D2[:m], out=dW2)
            np.matmul(D2[:m], W2T, out=G[:m])
            np.matmul(xb.T, D1[:m], out=dW1)

    return epoch


def gemm_flops_per_epoch(wl: Workload, n_samples: int) -> float:
    n_in, n_hid, n_out = wl.layer_sizes
    return 2.0 * n_samples * (2 * n_in * n_hid + 3 * n_hid * n_out)


def run_gemm_floor(wl: Workload, data: Data, init: Params, epochs: int) -> tuple[float, None]:
    epoch = w4_gemm_shapes(wl, data)
    t0 = clock()
    for _ in range(epochs):
        epoch()
    return clock() - t0, None


def optional_import(name: str) -> str | None:
    """The module's version if importable, else None."""
    try:
        module = __import__(name)
    except Exception:
        return None
    return str(getattr(module, "__version__", "?"))


@dataclass(frozen=True)
class System:
    key: str
    label: str
    run: Runner


def systems_for(wl: Workload, have_sklearn: bool, have_torch: bool,
                baseline: System | None = None) -> list[System]:
    out = [System("bp", "BP Studio", run_bpstudio), System("min", "minimal NumPy", run_minimal)]
    if baseline is not None:
        out.insert(1, baseline)
    if have_sklearn:
        out.append(System("sk", "scikit-learn", run_sklearn))
    if have_torch:
        out.append(System("torch", "PyTorch", run_torch))
    if wl.gemm_floor:
        out.append(System("gemm", "GEMM floor", run_gemm_floor))
    return out


# -- measuring -----------------------------------------------------------------------------------


class CpuMeter:
    """How busy *other* processes keep the machine: all CPUs' busy time (/proc/stat) minus
    this process's own CPU time (all its threads), as a share of the machine's capacity."""

    def __init__(self) -> None:
        self.hz = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        self.ok = self._read() is not None

    @staticmethod
    def _read() -> tuple[float, float] | None:
        try:
            fields = [float(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        except (OSError, ValueError, IndexError):
            return None
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0.0)
        return sum(fields[:8]) - idle, sum(fields[:8])  # busy, total (guest is in user)

    def sample(self) -> tuple[float, float, float] | None:
        ticks = self._read()
        if ticks is None:
            return None
        own = os.times()
        return ticks[0], ticks[1], own.user + own.system

    def others_share(self, a: tuple[float, float, float] | None,
                     b: tuple[float, float, float] | None) -> float:
        """Share (0..1) of all CPUs that other processes used between two samples."""
        if a is None or b is None or b[1] <= a[1]:
            return math.nan
        others = (b[0] - a[0]) / self.hz - (b[2] - a[2])
        return min(1.0, max(0.0, others / ((b[1] - a[1]) / self.hz)))

    def wait_quiet(self, max_wait: float, threshold: float = QUIET_SHARE) -> float:
        """Wait (up to ``max_wait`` s) until others use under ``threshold`` of the CPUs."""
        t0 = time.perf_counter()
        while self.ok and time.perf_counter() - t0 < max_wait:
            a = self.sample()
            time.sleep(0.25)
            if self.others_share(a, self.sample()) < threshold:
                break
        return time.perf_counter() - t0


@dataclass
class Measured:
    system: System
    times: list[float]
    others: list[float]  # share of the CPUs other processes used during each run
    final: Params | None = None
    final_loss: float = math.nan

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def others_median(self) -> float:
        values = [v for v in self.others if not math.isnan(v)]
        return statistics.median(values) if values else math.nan


def measure(wl: Workload, data: Data, systems: list[System], epochs: int, repeats: int,
            pause: float = PAUSE, quiet_wait: float = QUIET_WAIT) -> list[Measured]:
    init = network_params(make_network(wl))
    results = [Measured(s, [], []) for s in systems]
    meter = CpuMeter()
    for s in systems:  # untimed warm-up: imports, BLAS threads, first-call costs
        s.run(wl, data, init, max(1, min(epochs, 2)))
    for r in range(repeats):
        for res in results:
            if quiet_wait > 0:
                meter.wait_quiet(quiet_wait)
            time.sleep(pause)
            before = meter.sample()
            seconds, final = res.system.run(wl, data, init, epochs)
            res.others.append(meter.others_share(before, meter.sample()))
            res.times.append(seconds)
            res.final = final
        line = "  ".join(f"{res.system.key} {res.times[-1]:.3f}s ({res.others[-1]:.0%})"
                         for res in results)
        print(f"  [{wl.name}] repeat {r + 1}/{repeats}: {line}", flush=True)
    for res in results:
        if res.final is not None:
            res.final_loss = dataset_loss(wl, res.final, data)
    return results


# -- reporting -----------------------------------------------------------------------------------


def blas_pools() -> list[dict]:
    """threadpoolctl's BLAS pools, numpy's own first (scipy, torch may load others)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return []
    pools = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    return sorted(pools, key=lambda i: "numpy" not in str(i.get("filepath", "")))


def blas_description() -> str:
    pools = blas_pools()
    if pools:
        return "; ".join(
            f"{Path(str(i.get('filepath', '?'))).parent.name.split('.')[0]}: "
            f"{i.get('internal_api')} {i.get('version')} ({i.get('architecture', '?')}, "
            f"{i.get('num_threads')} threads, {i.get('threading_layer', '?')})"
            for i in pools
        )
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{blas.get('name')} {blas.get('version')} (from np.show_config)"
    except Exception:
        return "unknown"


def numpy_blas_threads() -> int | None:
    pools = blas_pools()
    return int(pools[0]["num_threads"]) if pools else None


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def core_fingerprint() -> str:
    """A short hash of bpstudio/core/*.py, to tell which state of the core was measured."""
    digest = hashlib.sha256()
    for path in sorted((Path(__file__).resolve().parents[1] / "bpstudio" / "core").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def machine_lines(sk_version: str | None, torch_version: str | None) -> list[str]:
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    lines = [
        f"- date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- CPU: {cpu_model()}, {os.cpu_count()} logical cores ({affinity} usable)",
        f"- load average (1/5/15 min) at start: {load_average()}",
        f"- bpstudio/core sources sha256: {core_fingerprint()}",
        f"- python {platform.python_version()} ({platform.platform()})",
        f"- numpy {np.__version__}, BLAS: {blas_description()}",
        f"- scikit-learn: {sk_version or 'not installed'}",
    ]
    if torch_version:
        import torch

        lines.append(f"- torch {torch_version}: {torch.get_num_threads()} intra-op threads")
    else:
        lines.append("- torch: not installed")
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", ENV_VAR,
                "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        lines.append(f"- {var}={os.environ.get(var, '(unset)')}")
    return lines


def fmt_loss(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.6g}"


def fmt_share(value: float) -> str:
    return "?" if math.isnan(value) else f"{value:.0%}"


def report(all_results: dict[str, tuple[Workload, Data, int, list[Measured]]],
           notes: list[str], machine: list[str], repeats: int) -> None:
    print("\n## Results\n")
    timed_by = "CPU time" if clock is time.process_time else "wall-clock time"
    print(f"Median {timed_by} of {repeats} interleaved runs; final loss = mean loss on the "
          "whole training set after training, same evaluator for every system; others' CPU = "
          "median share of the machine's CPUs that other processes used during the runs "
          "(0% = undisturbed).\n")
    print("| workload | system | median s | min–max s | steps/s | epochs/s | final loss "
          "| ratio vs minimal | others' CPU |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, (wl, data, epochs, results) in all_results.items():
        steps = epochs * wl.n_batches(data.X.shape[0])
        base = next(r for r in results if r.system.key == "min").median
        for r in results:
            print(f"| {name} | {r.system.label} | {r.median:.3f} | {min(r.times):.3f}–"
                  f"{max(r.times):.3f} | {steps / r.median:,.0f} | {epochs / r.median:,.2f} | "
                  f"{fmt_loss(r.final_loss)} | {r.median / base:.2f}× | "
                  f"{fmt_share(r.others_median)} |")

    print("\n## BP Studio vs the others (time ratio, lower is better)\n")
    print("Ratios of medians; in brackets the ratio of the fastest runs (min), which background "
          "load on the machine disturbs least. PASS/FAIL judges the median.\n")
    print(f"| workload | BP/minimal (goal ≤ {GOAL_MINIMAL}) | BP/baseline | BP/sklearn | "
          f"BP/torch | BP epoch / GEMM floor (goal ≤ {GOAL_GEMM}) | "
          "max abs(BP − minimal) weights |")
    print("|---|---|---:|---:|---:|---|---:|")
    for name, (_wl, _data, epochs, results) in all_results.items():
        by = {r.system.key: r for r in results}
        bp = by["bp"]

        def ratio(key: str, bp: Measured = bp, by: dict[str, Measured] = by) -> str:
            if key not in by:
                return "n/a"
            return f"{bp.median / by[key].median:.2f}× ({min(bp.times) / min(by[key].times):.2f}×)"

        def verdict(key: str, goal: float, bp: Measured = bp, by: dict[str, Measured] = by) -> str:
            return "PASS" if bp.median / by[key].median <= goal else "FAIL"

        cell_min = f"{ratio('min')} {verdict('min', GOAL_MINIMAL)}"
        if "gemm" in by:
            floor = by["gemm"].median / epochs
            cell_gemm = (f"{ratio('gemm')} {verdict('gemm', GOAL_GEMM)} "
                         f"(floor {floor * 1e3:.1f} ms/epoch)")
        else:
            cell_gemm = "—"
        diff = bp.final.max_abs_diff(by["min"].final)  # type: ignore[union-attr]
        print(f"| {name} | {cell_min} | {ratio('base')} | {ratio('sk')} | {ratio('torch')} | "
              f"{cell_gemm} | {diff:.2e} |")

    floors = [(n, wl, d, e, r) for n, (wl, d, e, r) in all_results.items() if wl.gemm_floor]
    if floors:
        print("\n## W4 matrix-multiply floor\n")
        for name, wl, data, epochs, results in floors:
            by = {r.system.key: r for r in results}
            floor = by["gemm"].median / epochs
            rate = gemm_flops_per_epoch(wl, data.X.shape[0]) / floor / 1e9
            print(f"- {name}: 5 matmuls × {wl.n_batches(data.X.shape[0])} batches = "
                  f"{floor * 1e3:.1f} ms/epoch ({rate:.1f} GFLOP/s); BP Studio "
                  f"{by['bp'].median / epochs * 1e3:.1f} ms/epoch, minimal "
                  f"{by['min'].median / epochs * 1e3:.1f} ms/epoch")
    if notes:
        print("\n## Notes\n")
        for note in notes:
            print(f"- {note}")
    print("\n## Machine\n")
    print("\n".join([*machine, f"- load average (1/5/15 min) at end: {load_average()}"]))


def profile(wl: Workload, data: Data, epochs: int, top: int = 14) -> None:
    """cProfile of one BP Studio run and one minimal-loop run (tottime, top entries)."""
    init = network_params(make_network(wl))
    for label, run in (("BP Studio", run_bpstudio), ("minimal NumPy", run_minimal)):
        run(wl, data, init, 1)
        prof = cProfile.Profile()
        prof.enable()
        seconds, _ = run(wl, data, init, epochs)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
        steps = epochs * wl.n_batches(data.X.shape[0])
        print(f"\n### profile {wl.name} {label}: {seconds:.3f}s under cProfile, "
              f"{seconds / steps * 1e6:.1f} µs/step\n")
        body = out.getvalue()
        print(body[body.find("ncalls") - 3:].rstrip() if "ncalls" in body else body)


# -- command line --------------------------------------------------------------------------------


def select(spec: str | None) -> list[Workload]:
    if not spec:
        return list(WORKLOADS.values())
    chosen: list[Workload] = []
    for token in (t.strip().upper() for t in spec.split(",") if t.strip()):
        hits = [w for k, w in WORKLOADS.items() if k.upper() == token or k.upper()
                .startswith(token + "-")]
        if not hits:
            raise SystemExit(f"--workloads: unknown {token!r}; known: {', '.join(WORKLOADS)} "
                             "(W4 selects both W4 dtypes)")
        chosen += [w for w in hits if w not in chosen]
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=None,
                        help="timed runs per system (default 5, or 2 with --quick)")
    parser.add_argument("--quick", action="store_true", help="few epochs: a smoke run")
    parser.add_argument("--workloads", default=None,
                        help=f"comma-separated subset of {', '.join(WORKLOADS)} (W4 = both)")
    parser.add_argument("--pause", type=float, default=PAUSE,
                        help=f"idle seconds before each timed run (default {PAUSE})")
    parser.add_argument("--quiet-wait", type=float, default=QUIET_WAIT,
                        help="max seconds to wait before each run for other processes to use "
                        f"under {QUIET_SHARE * 100:g}%% of the CPUs (default {QUIET_WAIT:g}; "
                        "0: off)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="time the runs by the wall clock (default) or by CPU time")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile BP Studio and the minimal loop per workload")
    parser.add_argument("--baseline", metavar="GIT_REF",
                        help="also time bpstudio/core as it was at this git commit (before/after)")
    args = parser.parse_args(argv)
    global clock
    clock = CLOCKS[args.clock]
    repeats = args.repeats or (2 if args.quick else 5)
    if repeats < 1:
        parser.error("--repeats must be >= 1")
    workloads = select(args.workloads)

    sk_version = optional_import("sklearn")
    torch_version = optional_import("torch")
    notes: list[str] = []
    if sk_version is None:
        notes.append("scikit-learn not importable: its column is skipped")
    if torch_version is None:
        notes.append("torch not importable: its column is skipped")
    else:
        import torch

        threads = numpy_blas_threads()
        if threads:
            torch.set_num_threads(threads)
        notes.append(f"torch.set_num_threads({torch.get_num_threads()}) to match numpy's BLAS "
                     f"threads ({threads if threads else 'unknown: torch default kept'})")
    baseline = None
    if args.baseline:
        baseline = System("base", f"BP Studio at {args.baseline}",
                          bpstudio_runner(baseline_core(args.baseline)))
        notes.append(f"baseline: bpstudio/core at git {args.baseline}, timed in the same run")
    machine = machine_lines(sk_version, torch_version)
    print("# BP Studio core benchmark\n")
    print("\n".join(machine), flush=True)

    all_results: dict[str, tuple[Workload, Data, int, list[Measured]]] = {}
    for wl in workloads:
        made = wl.make_data(np.dtype(wl.dtype))
        if isinstance(made, str):
            print(f"\n{made}", flush=True)
            notes.append(made)
            continue
        if made.note and made.note not in notes:
            notes.append(made.note)
        epochs = wl.quick_epochs if args.quick else wl.epochs
        steps = epochs * wl.n_batches(made.X.shape[0])
        print(f"\n{wl.name}: {wl.title}; lr {wl.lr}, {epochs} epochs = {steps} steps",
              flush=True)
        systems = systems_for(wl, sk_version is not None, torch_version is not None, baseline)
        results = measure(wl, made, systems, epochs, repeats, args.pause, args.quiet_wait)
        all_results[wl.name] = (wl, made, epochs, results)
        if args.profile:
            profile(wl, made, epochs)
    if all_results:
        report(all_results, notes, machine, repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
