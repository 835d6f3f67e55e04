"""The sweep engine's workloads for ``sweep_bench.py``: whole sweeps through
``bpstudio.experiments.run_sweep`` (stacks on a process pool) against the same runs trained
one by one in one process, each a ``TrainingRun`` as the app trains it.

- E1: 64 networks of the spiral preset (2-16-16-1 tanh/tanh/sigmoid, BCE, SGD lr 0.03, batch
  32, 1000 points, no test part), 50 epochs: 64 seeds at one point. Goal: >= 6x one by one.
- E2: the seed-002 sweep (``bpstudio.experiments.seed002``): 20 hidden sizes x 5 seeds,
  200 epochs, Adam, batch 32, test accuracy measured after the last epoch. Goal: < 10 s.
- E3: W3-sized, 32 networks 64-128-10 relu/softmax, CE, SGD lr 0.1, batch 64, on the 1797
  digits (scikit-learn's; skipped without it), 20 epochs.

Both ways run the same runs from the same sessions and must end on bit-identical weights;
the engine's time includes everything: planning, starting the pool, data in each worker.
"""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass

import numpy as np
from core_bench import CpuMeter, digits_data

from bpstudio.experiments import SweepSpec, Vary, plan, run_sweep
from bpstudio.experiments.seed002 import seed002_sweep
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, Table, TrainingConfig
from bpstudio.training import TrainingRun

GOALS = {"E1": ("speed-up", 6.0), "E2": ("seconds", 10.0)}


@dataclass(frozen=True)
class EngineLoad:
    name: str
    title: str
    base: Session
    spec: SweepSpec

    @property
    def runs(self) -> int:
        return len(plan(self.base, self.spec))


def e1(epochs: int) -> EngineLoad:
    layer = LayerSpec(16, "tanh")
    base = Session(NetworkSpec((layer, layer), "sigmoid", "binary_cross_entropy"),
                   DataSpec("spiral", {"n": 1000}),
                   TrainingConfig("sgd", learning_rate=0.03, batch_size=32))
    spec = SweepSpec((Vary("lr", (0.03,)),), seeds=64, epochs=epochs, measure_every=epochs)
    return EngineLoad("E1", "spiral 2-16-16-1, 64 seeds", base, spec)


def e2(epochs: int) -> EngineLoad:
    base, spec = seed002_sweep(epochs=epochs)
    return EngineLoad("E2", "seed 002: hidden 5..100 step 5 x 5 seeds, Adam", base, spec)


def e3(epochs: int) -> EngineLoad | str:
    data = digits_data(np.dtype(np.float64))
    if isinstance(data, str):
        return data.replace("W3", "E3")
    base = Session(NetworkSpec((LayerSpec(128, "relu"),), "softmax", "cross_entropy"),
                   DataSpec("table", table=Table(data.X, data.labels, "classification")),
                   TrainingConfig("sgd", learning_rate=0.1, batch_size=64))
    spec = SweepSpec((Vary("lr", (0.1,)),), seeds=32, epochs=epochs, measure_every=epochs)
    return EngineLoad("E3", "digits 64-128-10 relu/softmax, 32 seeds", base, spec)


ENGINE_LOADS = {"E1": e1, "E2": e2, "E3": e3}
ENGINE_EPOCHS = {"E1": 50, "E2": 200, "E3": 20}
ENGINE_QUICK_EPOCHS = {"E1": 5, "E2": 4, "E3": 2}


def one_by_one(load: EngineLoad) -> tuple[float, float, list[np.ndarray]]:
    """Seconds, CPU seconds and final weights of the runs trained one after another here."""
    t0, cpu = time.perf_counter(), time.process_time()
    data = load.base.prepare_data()
    finals = []
    for run in plan(load.base, load.spec, data):
        training = TrainingRun(run.session, data, last_epoch=load.spec.epochs)
        training.train_for(measure_every=load.spec.measure_every)
        finals.append(training.net.parameters.copy())
    return time.perf_counter() - t0, time.process_time() - cpu, finals


def engine(load: EngineLoad, jobs: int) -> tuple[float, float, list[np.ndarray]]:
    """Seconds of the whole sweep, the CPU seconds its workers spent training (the runs'
    shares added up: a figure a busy machine inflates far less), and final weights."""
    t0 = time.perf_counter()
    results = run_sweep(load.base, load.spec, jobs=jobs)
    seconds = time.perf_counter() - t0
    outcomes = [results.outcomes[i] for i in range(len(results.runs))]
    return seconds, sum(o.cpu for o in outcomes), [o.parameters for o in outcomes]


def measure_engine(load: EngineLoad, repeats: int, jobs: int, quiet_wait: float) -> dict:
    meter = CpuMeter()
    ways = {"one by one": one_by_one, f"engine ({jobs} workers)": lambda w: engine(w, jobs)}
    engine(load, jobs)  # warm-up: the fork server, first calls
    times: dict[str, list[float]] = {k: [] for k in ways}
    cpu: dict[str, list[float]] = {k: [] for k in ways}
    others: list[float] = []  # during one by one: the engine's own workers count as others
    loads: list[float] = []
    finals: dict[str, list[np.ndarray]] = {}
    for r in range(repeats):
        for key, way in ways.items():
            if quiet_wait > 0:
                meter.wait_quiet(quiet_wait)
            loads.append(os.getloadavg()[0])
            before = meter.sample()
            seconds, cpu_seconds, finals[key] = way(load)
            if key == "one by one":
                others.append(meter.others_share(before, meter.sample()))
            times[key].append(seconds)
            cpu[key].append(cpu_seconds)
        line = "  ".join(f"{k} {v[-1]:.2f}s (CPU {cpu[k][-1]:.2f}s)" for k, v in times.items())
        print(f"  [{load.name}] repeat {r + 1}/{repeats}: {line} (others' CPU during one by "
              f"one {others[-1]:.0%}, load {loads[-2]:.2f})", flush=True)
    a, b = finals.values()
    identical = all(x.tobytes() == y.tobytes() for x, y in zip(a, b, strict=True))
    return {"times": times, "cpu": cpu, "identical": identical,
            "others": statistics.median(others), "load": statistics.median(loads)}


def report_engine(results: dict[str, tuple[EngineLoad, dict]], repeats: int) -> None:
    print(f"\n## The sweep engine (median of {repeats} alternated runs)\n")
    print("| workload | runs × epochs | one by one s | engine s | speed-up | goal | weights "
          "| others' CPU (one by one) | load | one by one CPU s | engine CPU s |")
    print("|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|")
    for name, (load, res) in results.items():
        one, eng = (statistics.median(v) for v in res["times"].values())
        goal = ""
        if name in GOALS:
            kind, target = GOALS[name]
            met = one / eng >= target if kind == "speed-up" else eng < target
            goal = (f"{'PASS' if met else 'FAIL'} ("
                    f"{f'≥ {target:g}×' if kind == 'speed-up' else f'< {target:g} s'})")
        same = "bit-identical" if res["identical"] else "DIFFER"
        one_cpu, eng_cpu = (statistics.median(v) for v in res["cpu"].values())
        print(f"| {name} {load.title} | {load.runs} × {load.spec.epochs} | {one:.2f} | "
              f"{eng:.2f} | {one / eng:.2f}× | {goal} | {same} | {res['others']:.0%} | "
              f"{res['load']:.2f} | {one_cpu:.2f} | {eng_cpu:.2f} |")
    print("\nCPU seconds: one by one, this process's; the engine, its workers' CPU seconds "
          "spent training, added up (planning, pool start and data are not in it). A busy "
          "machine inflates them far less than the time; the engine's ÷ workers is what the "
          "sweep would take if nothing else ran and the workers never waited.")
