"""The sweep engine: every run ends exactly as it would trained alone, on any executor, and a
cancel stops within a second, keeps what ended and leaves no process behind."""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from bpstudio.core import DivergenceError
from bpstudio.core.schedules import Schedule
from bpstudio.core.stopping import StopRules
from bpstudio.experiments import SweepSpec, engine, parse_vary, run_sweep, tasks
from bpstudio.experiments.tasks import CANCELLED, DIVERGED, DONE
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig
from bpstudio.training import TrainingRun


def _base(**training) -> Session:
    return Session(
        network=NetworkSpec((LayerSpec(5, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("spiral", {"n": 60}, test_fraction=0.25, standardize=True),
        training=TrainingConfig(**{"optimizer": "sgd", "learning_rate": 0.1,
                                   "batch_size": 8, **training}),
    )


def _alone(session: Session, epochs: int, every: int) -> tuple[TrainingRun, str]:
    run = TrainingRun(session, last_epoch=epochs)
    try:
        run.train_for(measure_every=every)
    except DivergenceError:
        return run, DIVERGED
    return run, DONE


def assert_as_alone(results, epochs, every):
    assert results.complete and len(results.outcomes) == len(results.runs)
    for planned in results.runs:
        run, status = _alone(planned.session, epochs, every)
        outcome = results.outcomes[planned.index]
        assert outcome.status == status
        assert outcome.epochs == run.epoch
        assert outcome.parameters.tobytes() == run.net.parameters.tobytes()
        state = run.state()
        assert outcome.state.rng_state == state.rng_state
        assert outcome.state.optimizer_state.keys() == state.optimizer_state.keys()
        for name, value in state.optimizer_state.items():
            np.testing.assert_array_equal(outcome.state.optimizer_state[name], value,
                                          strict=True)
        for column in ("epoch", "train_loss", "test_loss", "train_metric", "test_metric"):
            mine, theirs = getattr(outcome.history, column), getattr(run.history, column)
            np.testing.assert_array_equal(mine, theirs, err_msg=column, strict=True)


def test_a_grid_ends_as_each_run_alone_on_a_thread_pool():
    # lr 1 and 3 diverge: those networks leave the stack, replay alone and roll back
    base = Session(network=NetworkSpec((LayerSpec(5, "relu"),)),
                   data=DataSpec("sin", {"n": 40}, test_fraction=0.25),
                   training=TrainingConfig("sgd", learning_rate=0.1, batch_size=8))
    spec = SweepSpec((parse_vary("hidden=3,5"), parse_vary("lr=0.05,0.3,1,3")), seeds=3,
                     epochs=6, measure_every=4)
    with ThreadPoolExecutor(2) as pool:
        results = run_sweep(base, spec, pool)
    assert_as_alone(results, 6, 4)
    statuses = [o.status for o in results.outcomes.values()]
    assert statuses.count(DIVERGED) >= 6 and DONE in statuses
    assert "Training diverged at epoch" in results.run_rows()[-1]["message"]


@pytest.mark.parametrize("vary", ["optimizer=sgd,momentum,adam", "batch=7,full",
                                  "l2=0,0.01", "activation=relu,leaky_relu", "layers=0,2"])
def test_every_setting_ends_as_alone_on_the_local_pool(vary):
    spec = SweepSpec((parse_vary(vary),), seeds=2, epochs=3, measure_every=2)
    assert_as_alone(run_sweep(_base(), spec, jobs=2), 3, 2)


def test_each_outcome_carries_its_share_of_its_workers_cpu_seconds():
    for seeds in (3, 1):  # stacks of three networks, then runs alone
        spec = SweepSpec((parse_vary("batch=8,full"),), seeds=seeds, epochs=5,
                         measure_every=5)
        results = run_sweep(_base(), spec, jobs=2)
        assert len(results.outcomes) == 2 * seeds
        for outcome in results.outcomes.values():
            # a worker is one thread (BLAS on one): it never spends more CPU time than time
            assert 0 < outcome.cpu <= outcome.seconds + 0.01


def test_lone_runs_and_runs_the_stack_refuses_train_alone(monkeypatch):
    spec = SweepSpec((parse_vary("lr=0.05,0.3,3"), parse_vary("batch=8,full")), seeds=1,
                     epochs=5, measure_every=2)  # one run per group: each trains alone
    base = Session(network=NetworkSpec((LayerSpec(4, "relu"),)),
                   data=DataSpec("sin", {"n": 40}, test_fraction=0.25),
                   training=TrainingConfig("sgd", learning_rate=0.1))
    assert_as_alone(run_sweep(base, spec, ThreadPoolExecutor(2)), 5, 2)

    def refuse(trainers):
        raise ValueError("optimizer: stacked training knows SGD and Adam")

    monkeypatch.setattr(tasks, "stack_groups", refuse)
    spec = SweepSpec((parse_vary("hidden=3,5"),), seeds=3, epochs=4, measure_every=3)
    assert_as_alone(run_sweep(_base(), spec, ThreadPoolExecutor(2)), 4, 3)


def test_runs_with_a_schedule_or_stopping_rules_train_alone_and_end_as_alone():
    spec = SweepSpec((parse_vary("lr=0.5,2"),), seeds=2, epochs=30, measure_every=1)
    for training in ({"schedule": Schedule("step", {"every": 3, "factor": 0.5})},
                     {"stopping": StopRules(patience=2, restore_best=True)}):
        results = run_sweep(_base(**training), spec, ThreadPoolExecutor(2))
        assert_as_alone(results, 30, 1)
    assert any(o.epochs < 30 for o in results.outcomes.values())  # early stopping stopped


def test_tables_and_csv(tmp_path):
    spec = SweepSpec((parse_vary("batch=8,full"),), seeds=3, epochs=4)
    results = run_sweep(_base(), spec, ThreadPoolExecutor(1))
    runs, points = results.run_rows(), results.point_rows()
    assert [r["batch"] for r in runs] == [8, 8, 8, None, None, None]
    assert [r["seed"] for r in runs] == [0, 1, 2] * 2
    first = runs[0]
    history = results.outcomes[0].history
    assert first["final_test_accuracy"] == history.test_metric[-1]
    assert first["best_train_loss"] == min(history.train_loss)
    accuracies = [r["final_test_accuracy"] for r in runs[:3]]
    assert points[0]["final_test_accuracy_mean"] == pytest.approx(np.mean(accuracies))
    assert points[0]["final_test_accuracy_sd"] == pytest.approx(np.std(accuracies, ddof=1))
    assert points[0]["runs"] == 3
    results.write_csv(tmp_path / "runs.csv")
    results.write_csv(tmp_path / "points.csv", points=True)
    lines = (tmp_path / "runs.csv").read_text().splitlines()
    assert lines[0].startswith("run,point,batch,seed,status,epochs,final_train_loss")
    assert len(lines) == 7 and lines[4].split(",")[2] == "full"
    assert repr(first["final_train_loss"]) in lines[1]  # every digit
    assert len((tmp_path / "points.csv").read_text().splitlines()) == 3
    assert "epochs_to_target" not in first


def test_epochs_to_a_target_loss():
    spec = SweepSpec((parse_vary("lr=0.01,1"),), seeds=2, epochs=8, target_loss=0.64)
    results = run_sweep(_base(), spec, ThreadPoolExecutor(1))
    for row, planned in zip(results.run_rows(), results.runs):
        losses = results.outcomes[planned.index].history.train_loss
        below = [e for e, loss in enumerate(losses, start=1) if loss <= 0.64]
        expected = below[0] if below else None
        assert (row["epochs_to_target"] == expected if expected
                else np.isnan(row["epochs_to_target"]))
    reached = [r["epochs_to_target"] for r in results.run_rows()[2:]]
    assert not np.isnan(reached).any()  # lr 1 gets there in 8 epochs, lr 0.01 does not
    assert results.point_rows()[1]["epochs_to_target_mean"] == np.mean(reached)
    with pytest.raises(ValueError, match="target_loss: must be a finite number >= 0"):
        SweepSpec(spec.vary, target_loss=-1.0)


def test_progress_reaches_the_total_with_an_estimate():
    seen = []
    spec = SweepSpec((parse_vary("hidden=3,4,5"),), seeds=2, epochs=5)
    run_sweep(_base(), spec, ThreadPoolExecutor(2), progress=seen.append)
    assert seen[-1].done == seen[-1].total == 30 and seen[-1].runs_done == 6
    assert seen[-1].eta == 0.0 and seen[-1].fraction == 1.0
    assert [p.done for p in seen] == sorted(p.done for p in seen)


def test_groups_are_cut_for_the_workers_and_the_costliest_go_first():
    spec = SweepSpec((parse_vary("hidden=2,40"),), seeds=12)
    from bpstudio.experiments import plan

    runs = plan(_base(), spec)
    tasks = engine.make_tasks(runs, spec, None, workers=2)
    assert [len(t.runs) for t in tasks] == [12, 12]
    assert tasks[0].runs[0][1].network.hidden[0].size == 40
    tasks = engine.make_tasks(runs[:12], spec, None, workers=2)  # one group, two workers
    assert [len(t.runs) for t in tasks] == [6, 6]


@pytest.mark.serial
def test_cancel_stops_within_a_second_keeps_results_and_leaves_no_process(monkeypatch):
    pools, pids = [], set()
    local = engine.local_executor
    monkeypatch.setattr(engine, "local_executor", lambda workers: pools.append(local(workers))
                        or pools[-1])
    cancel, cancelled_at = threading.Event(), []

    def on_progress(p):
        pids.update(pools[0]._processes or ())
        if p.done >= 200 and not cancel.is_set():  # the workers are well into their tasks
            cancel.set()
            cancelled_at.append(time.perf_counter())

    # two stacks and a lone run (the only adam run) on two workers, then tasks never started
    spec = SweepSpec((parse_vary("optimizer=sgd,momentum,adam"), parse_vary("hidden=3,5,7")),
                     seeds=3, epochs=100_000)
    results = run_sweep(_base(), spec, jobs=2, progress=on_progress, cancel=cancel)
    assert cancelled_at and time.perf_counter() - cancelled_at[0] < 1.0
    assert results.cancelled and not results.complete
    assert 0 < len(results.outcomes) < len(results.runs)  # tasks not started were cancelled
    for outcome in results.outcomes.values():
        assert outcome.status == CANCELLED and 0 < outcome.epochs < 100_000
        assert len(outcome.history) == outcome.epochs
    assert len(pids) == 2
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def cancel_after(seconds: float) -> tuple[threading.Event, list[float]]:
    """An event set ``seconds`` from now, and where its time will be
    (``time.perf_counter``)."""
    cancel, cancelled_at = threading.Event(), []

    def stop():
        cancelled_at.append(time.perf_counter())
        cancel.set()

    threading.Timer(seconds, stop).start()
    return cancel, cancelled_at


@pytest.mark.serial
def test_a_lone_run_stops_within_a_second_of_a_cancel():
    cancel, cancelled_at = cancel_after(0.3)
    spec = SweepSpec((parse_vary("hidden=3"),), seeds=1, epochs=100_000)
    results = run_sweep(_base(), spec, ThreadPoolExecutor(1), cancel=cancel)
    assert results.cancelled and time.perf_counter() - cancelled_at[0] < 1.0
    [outcome] = results.outcomes.values()
    assert outcome.status == CANCELLED and 0 < outcome.epochs < 100_000
    assert len(outcome.history) == outcome.epochs


def test_a_run_opens_as_a_document_that_trains_on_as_the_run_alone():
    spec = SweepSpec((parse_vary("optimizer=momentum,adam"),), seeds=2, epochs=3)
    results = run_sweep(_base(), spec, ThreadPoolExecutor(2))
    for planned in results.runs:
        session = results.session_of(planned.index)
        assert session.training.epoch_limit == 3 and session.epoch == 3
        alone = TrainingRun(planned.session, last_epoch=5)
        alone.train_for(measure_every=1)
        resumed = TrainingRun(session, last_epoch=5)
        resumed.train_for(measure_every=1)
        assert resumed.net.parameters.tobytes() == alone.net.parameters.tobytes()
        np.testing.assert_array_equal(resumed.history.test_metric, alone.history.test_metric)
