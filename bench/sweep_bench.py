#!/usr/bin/env python
"""Benchmark stacked training (K networks at once) and whole sweeps through the sweep engine
against training them one by one.

Run from the repository root::

    python bench/sweep_bench.py [--repeats N] [--quick] [--workloads S1,S2,S3] [--profile]
                                [--epochs S3=200,...] [--blas-threads T] [--pause S]
                                [--quiet-wait S]

Each workload trains K networks of one shape that differ in their seeds (starting weights
and batch order), in one process, two ways: one by one, each with its own
``bpstudio.core.Trainer.fit``, and all at once with ``bpstudio.core.stacked.StackedTrainer``.
Both start from the same trainers (built untimed) and the script checks that both end on
bit-identical weights. Runs alternate (one by one, stacked, one by one, ...) after one
untimed warm-up each; medians are reported, with the share of the CPUs other processes used
meanwhile (see core_bench.py: on a shared 2-core machine a busy neighbour slows a run).

- S1: the spiral preset, 32 networks 2-16-16-1 tanh/tanh/sigmoid, BCE, SGD lr 0.03, batch
  32, 50 epochs on 1000 points. Goal: stacked throughput >= 3.5x one by one.
- S2: W3-sized, 32 networks 64-128-10 relu/softmax, CE, SGD lr 0.1, batch 64, 20 epochs, on
  the 1797 digits (scikit-learn's; skipped without it).
- S3: the seed-002 study, 20 inputs and two hidden sigmoid layers of i neurons for
  i = 5, 10, ..., 100, 5 seeds each (one stack of 5 per size), Adam lr 0.001, batch 32, on
  ``classification`` data (1000 samples, 25 % held out: 750 train). The study trains 200
  epochs; by default this script times 20 (``--epochs S3=200`` for the whole study).

``--blas-threads 1`` (needs threadpoolctl) runs OpenBLAS on one thread, as each worker of a
sweep's process pool would: on a shared 2-core machine a two-thread product waits for a core
a neighbour holds, and single runs then take many times longer.

E1, E2, E3 time whole sweeps through ``bpstudio.experiments.run_sweep`` (stacks on a
process pool of ``--jobs`` workers) against the same runs one by one in this process: see
``sweep_engine_bench.py``.

This is a benchmark, not a test: it prints, it never fails.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, uninstalled
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bpstudio  # noqa: F401, I001  before NumPy, as in the app: sets OpenBLAS's spin time

import numpy as np

from core_bench import (  # the machine description, the load meter and the W2/W3 data
    PAUSE,
    QUIET_WAIT,
    CpuMeter,
    Data,
    digits_data,
    load_average,
    machine_lines,
    optional_import,
    spiral_data,
)

from sweep_engine_bench import (  # whole sweeps through the engine: E1, E2, E3
    ENGINE_EPOCHS,
    ENGINE_LOADS,
    ENGINE_QUICK_EPOCHS,
    EngineLoad,
    measure_engine,
    report_engine,
)

from bpstudio.core import SGD, Adam, Network, Trainer
from bpstudio.core.datasets import make_dataset, train_test_split
from bpstudio.core.stacked import StackedTrainer
from bpstudio.core.stacked_passes import _matmul
from bpstudio.core.stacked_update import StackedUpdate

GOAL_S1 = 3.5  # stacked throughput / one-by-one throughput on S1


@dataclass(frozen=True)
class Stack:
    """K networks of one shape: how to build their trainers."""

    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str
    optimizer: Callable[[], object]
    batch_size: int
    seeds: tuple[int, ...]

    def trainers(self) -> list[Trainer]:
        out = []
        for seed in self.seeds:
            net = Network(self.layer_sizes, self.activations, loss=self.loss, seed=seed)
            out.append(Trainer(net, self.optimizer(), batch_size=self.batch_size,
                               seed=10_000 + seed))
        return out


@dataclass(frozen=True)
class Workload:
    name: str
    title: str
    stacks: tuple[Stack, ...]
    data: Data
    epochs: int

    @property
    def networks(self) -> int:
        return sum(len(s.seeds) for s in self.stacks)

    def steps(self) -> int:
        n = self.data.X.shape[0]
        return sum(len(s.seeds) * -(-n // s.batch_size) for s in self.stacks) * self.epochs


def s1(epochs: int) -> Workload:
    stack = Stack((2, 16, 16, 1), ("tanh", "tanh", "sigmoid"), "binary_cross_entropy",
                  lambda: SGD(0.03), 32, tuple(range(32)))
    return Workload("S1", "spiral 2-16-16-1 tanh/tanh/sigmoid, BCE, batch 32, 32 networks",
                    (stack,), spiral_data(np.dtype(np.float64)), epochs)


def s2(epochs: int) -> Workload | str:
    data = digits_data(np.dtype(np.float64))
    if isinstance(data, str):
        return data.replace("W3", "S2")
    stack = Stack((64, 128, 10), ("relu", "softmax"), "cross_entropy", lambda: SGD(0.1), 64,
                  tuple(range(32)))
    return Workload("S2", "digits 64-128-10 relu/softmax, CE, batch 64, 32 networks",
                    (stack,), data, epochs)


def s3(epochs: int) -> Workload:
    full = make_dataset("classification", n=1000, n_features=20, n_informative=2,
                        n_redundant=2, seed=0)
    train, _ = train_test_split(full, 0.25, seed=0)
    data = Data(np.array(train.X), train.y.reshape(-1, 1).astype(float), train.y)
    stacks = tuple(
        Stack((20, i, i, 1), ("sigmoid", "sigmoid", "sigmoid"), "binary_cross_entropy",
              lambda: Adam(0.001), 32, tuple(range(5)))
        for i in range(5, 101, 5)
    )
    return Workload("S3", "seed 002: 20-i-i-1 sigmoid, i = 5..100 step 5, 5 seeds each, "
                    "Adam, batch 32, 750 samples", stacks, data, epochs)


WORKLOADS: dict[str, Callable[[int], Workload | str]] = {"S1": s1, "S2": s2, "S3": s3}
DEFAULT_EPOCHS = {"S1": 50, "S2": 20, "S3": 20, **ENGINE_EPOCHS}
QUICK_EPOCHS = {"S1": 5, "S2": 2, "S3": 2, **ENGINE_QUICK_EPOCHS}


# -- the two ways -----------------------------------------------------------------------------


def one_by_one(wl: Workload) -> tuple[float, list[np.ndarray]]:
    groups = [stack.trainers() for stack in wl.stacks]
    t0 = time.perf_counter()
    for trainers in groups:
        for trainer in trainers:
            trainer.fit(wl.data.X, wl.data.Y, wl.epochs)
    seconds = time.perf_counter() - t0
    return seconds, [t.net.parameters.copy() for g in groups for t in g]


def stacked(wl: Workload) -> tuple[float, list[np.ndarray]]:
    groups = [stack.trainers() for stack in wl.stacks]
    t0 = time.perf_counter()
    for trainers in groups:
        StackedTrainer(trainers).fit(wl.data.X, wl.data.Y, wl.epochs)
    seconds = time.perf_counter() - t0
    return seconds, [t.net.parameters.copy() for g in groups for t in g]


SYSTEMS: dict[str, Callable[[Workload], tuple[float, list[np.ndarray]]]] = {
    "one by one": one_by_one, "stacked": stacked,
}


def batch_sizes(n: int, size: int) -> list[int]:
    """Rows of each batch of an epoch, as the trainers cut them."""
    return [min(size, n - start) for start in range(0, n, size)]


def gemm_floor(wl: Workload) -> float:
    """Seconds of only the matrix products stacked training makes (the same calls, shapes and
    count: per step each layer's forward product, weight gradient and, but the first, the
    delta carried back), on random arrays. One by one makes exactly these BLAS calls too."""
    rng = np.random.default_rng(0)
    total = 0.0
    for stack in wl.stacks:
        K, sizes = len(stack.seeds), stack.layer_sizes
        W = [rng.standard_normal((K, i, o)) for i, o in itertools.pairwise(sizes)]
        WT = [np.swapaxes(w, -1, -2) for w in W]
        dW = [np.empty_like(w) for w in W]
        for m in sorted(set(batch_sizes(wl.data.X.shape[0], stack.batch_size))):
            count = batch_sizes(wl.data.X.shape[0], stack.batch_size).count(m) * wl.epochs
            A = [rng.standard_normal((K, m, n)) for n in sizes]
            AT = [np.swapaxes(a, -1, -2) for a in A]
            out = [np.empty((K, m, n)) for n in sizes]
            layers = range(len(W))
            t0 = time.perf_counter()
            for _ in range(count):
                for l in layers:
                    _matmul(A[l], W[l], out[l + 1])
                    _matmul(AT[l], A[l + 1], dW[l])
                    if l:
                        _matmul(A[l + 1], WT[l], out[l])
            total += time.perf_counter() - t0
    return total


def update_floor(wl: Workload) -> float:
    """Seconds of only the stacked optimizer steps (the same count, on the same arrays)."""
    total = 0.0
    for stack in wl.stacks:
        trainers = stack.trainers()
        params = np.stack([t.net.parameters for t in trainers])
        update = StackedUpdate([t.optimizer for t in trainers], params.shape, params.dtype,
                               trainers[0].net.n_weight_params)
        grads = np.full_like(params, 1e-3)
        steps = len(batch_sizes(wl.data.X.shape[0], stack.batch_size)) * wl.epochs
        t0 = time.perf_counter()
        for _ in range(steps):
            update.apply(params, grads)
        total += time.perf_counter() - t0
    return total


@dataclass
class Result:
    times: dict[str, list[float]]
    others: dict[str, list[float]]
    identical: bool
    max_diff: float
    gemm: float
    update: float


def measure(wl: Workload, repeats: int, pause: float, quiet_wait: float) -> Result:
    meter = CpuMeter()
    short = Workload(wl.name, wl.title, wl.stacks, wl.data, 1)
    for run in SYSTEMS.values():  # untimed warm-up: first calls, BLAS threads, buffers
        run(short)
    times: dict[str, list[float]] = {k: [] for k in SYSTEMS}
    others: dict[str, list[float]] = {k: [] for k in SYSTEMS}
    finals: dict[str, list[np.ndarray]] = {}
    for r in range(repeats):
        for key, run in SYSTEMS.items():
            if quiet_wait > 0:
                meter.wait_quiet(quiet_wait)
            time.sleep(pause)
            before = meter.sample()
            seconds, finals[key] = run(wl)
            others[key].append(meter.others_share(before, meter.sample()))
            times[key].append(seconds)
        line = "  ".join(f"{k} {times[k][-1]:.3f}s ({others[k][-1]:.0%})" for k in SYSTEMS)
        print(f"  [{wl.name}] repeat {r + 1}/{repeats}: {line}", flush=True)
    a, b = finals["one by one"], finals["stacked"]
    identical = all(x.tobytes() == y.tobytes() for x, y in zip(a, b))
    max_diff = max(float(np.max(np.abs(x - y))) for x, y in zip(a, b))
    gemm = statistics.median(gemm_floor(wl) for _ in range(3))
    update = statistics.median(update_floor(wl) for _ in range(3))
    print(f"  [{wl.name}] floors: matrix products {gemm:.3f}s, optimizer steps {update:.3f}s",
          flush=True)
    return Result(times, others, identical, max_diff, gemm, update)


def report(results: dict[str, tuple[Workload, Result]], repeats: int) -> None:
    print("\n## Results\n")
    print(f"Median of {repeats} alternated runs in one process; throughput = network-epochs "
          "per second; others' CPU = median share of the machine's CPUs that other processes "
          "used during the runs.\n")
    print("| workload | networks × epochs | one by one s | stacked s | one by one net-epochs/s "
          "| stacked net-epochs/s | speed-up (fastest runs) | weights | others' CPU |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|")
    floors = []
    for name, (wl, res) in results.items():
        one = statistics.median(res.times["one by one"])
        st = statistics.median(res.times["stacked"])
        best = min(res.times["one by one"]) / min(res.times["stacked"])
        work = wl.networks * wl.epochs
        others = statistics.median(res.others["one by one"] + res.others["stacked"])
        same = "bit-identical" if res.identical else f"max diff {res.max_diff:.1e}"
        goal = f" {'PASS' if one / st >= GOAL_S1 else 'FAIL'} (goal ≥ {GOAL_S1}×)" \
            if name == "S1" else ""
        print(f"| {name} | {wl.networks} × {wl.epochs} | {one:.3f} | {st:.3f} | "
              f"{work / one:,.0f} | {work / st:,.0f} | {one / st:.2f}× ({best:.2f}×){goal} | "
              f"{same} | {others:.0%} |")
        floors.append(f"| {name} | {st:.3f} | {res.gemm:.3f} | {res.update:.3f} | "
                      f"{st - res.gemm - res.update:.3f} | {one / res.gemm:.1f}× |")
    print("\n## What the stacked time is made of\n")
    print("Floors measured in the same run: the matrix products alone (the same BLAS calls "
          "both ways, so one by one ÷ this floor bounds any speed-up) and the optimizer "
          "steps alone; the rest is element-wise work and Python.\n")
    print("| workload | stacked s | matrix products s | optimizer s | rest s | "
          "bound: one by one ÷ products |")
    print("|---|---:|---:|---:|---:|---:|")
    print("\n".join(floors))


def profile(wl: Workload, top: int = 18) -> None:
    """cProfile of one stacked run (tottime, top entries)."""
    stacked(Workload(wl.name, wl.title, wl.stacks, wl.data, 1))
    prof = cProfile.Profile()
    prof.enable()
    seconds, _ = stacked(wl)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    steps = sum(-(-wl.data.X.shape[0] // s.batch_size) for s in wl.stacks) * wl.epochs
    print(f"\n### profile {wl.name} stacked: {seconds:.3f}s under cProfile, "
          f"{seconds / steps * 1e6:.1f} µs per stacked step\n")
    body = out.getvalue()
    print(body[body.find("ncalls") - 3:].rstrip() if "ncalls" in body else body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=None,
                        help="timed runs per way (default 5, or 2 with --quick)")
    parser.add_argument("--quick", action="store_true", help="few epochs: a smoke run")
    parser.add_argument("--workloads", default="S1,S2,S3,E1,E2,E3",
                        help="comma-separated S1,S2,S3 (stacked alone) and E1,E2,E3 (sweeps "
                        "through the engine; see sweep_engine_bench.py)")
    parser.add_argument("--jobs", type=int, default=2, help="the engine's workers (default 2)")
    parser.add_argument("--epochs", default="",
                        help="epochs per workload, e.g. S3=200 (defaults: "
                        f"{', '.join(f'{k}={v}' for k, v in DEFAULT_EPOCHS.items())})")
    parser.add_argument("--blas-threads", type=int, default=None,
                        help="limit OpenBLAS to this many threads (threadpoolctl)")
    parser.add_argument("--pause", type=float, default=PAUSE,
                        help=f"idle seconds before each timed run (default {PAUSE})")
    parser.add_argument("--quiet-wait", type=float, default=QUIET_WAIT,
                        help="max seconds to wait before each run for other processes to "
                        f"quieten (default {QUIET_WAIT:g}; 0: off)")
    parser.add_argument("--profile", action="store_true", help="also cProfile the stacked runs")
    args = parser.parse_args(argv)
    repeats = args.repeats or (2 if args.quick else 5)
    if repeats < 1:
        parser.error("--repeats must be >= 1")
    names = [n.strip().upper() for n in args.workloads.split(",") if n.strip()]
    known = {**WORKLOADS, **ENGINE_LOADS}
    for name in names:
        if name not in known:
            parser.error(f"--workloads: unknown {name!r}; known: {', '.join(known)}")
    epochs_given = {}
    for item in filter(None, (i.strip() for i in args.epochs.split(","))):
        name, _, value = item.partition("=")
        if name.upper() not in known or not value.isdigit() or int(value) < 1:
            parser.error(f"--epochs: expected NAME=EPOCHS with NAME in {', '.join(known)}, "
                         f"got {item!r}")
        epochs_given[name.upper()] = int(value)
    if args.blas_threads is not None:
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:
            parser.error("--blas-threads needs threadpoolctl (pip install threadpoolctl)")
        threadpool_limits(limits=args.blas_threads, user_api="blas")
    print("# BP Studio stacked-training benchmark\n")
    machine = machine_lines(optional_import("sklearn"), None)
    print("\n".join(machine), flush=True)
    results: dict[str, tuple[Workload, Result]] = {}
    engine_results: dict[str, tuple[EngineLoad, dict]] = {}
    for name in names:
        epochs = epochs_given.get(name, (QUICK_EPOCHS if args.quick else DEFAULT_EPOCHS)[name])
        wl = known[name](epochs)
        if isinstance(wl, str):
            print(f"\n{wl}", flush=True)
            continue
        if isinstance(wl, EngineLoad):
            print(f"\n{wl.name}: {wl.title}; {wl.runs} runs × {epochs} epochs", flush=True)
            engine_results[name] = (wl, measure_engine(wl, repeats, args.jobs,
                                                       args.quiet_wait))
            continue
        print(f"\n{wl.name}: {wl.title}; {wl.epochs} epochs = {wl.steps():,} network-steps",
              flush=True)
        results[name] = (wl, measure(wl, repeats, args.pause, args.quiet_wait))
        if args.profile:
            profile(wl)
    if results:
        report(results, repeats)
    if engine_results:
        report_engine(engine_results, repeats)
    print(f"\n- load average (1/5/15 min) at end: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
