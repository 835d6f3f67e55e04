"""Sweeps on a Dask LocalCluster (skipped without ``distributed``): the same results as the
local pool, and a cancel that reaches the running tasks."""

import time

import pytest

from bpstudio.experiments import SweepSpec, parse_vary, run_sweep
from bpstudio.experiments.cluster import client_for, run_on_cluster
from bpstudio.experiments.tasks import CANCELLED

from .test_engine import _base, cancel_after

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def test_a_cluster_sweep_equals_the_local_one(client):
    spec = SweepSpec((parse_vary("hidden=3,5"), parse_vary("lr=0.05,0.5")), seeds=2, epochs=4,
                     measure_every=2)
    on_cluster = run_on_cluster(_base(), spec, client)
    local = run_sweep(_base(), spec, jobs=2)
    assert on_cluster.complete and len(on_cluster.outcomes) == 8
    for index, outcome in local.outcomes.items():
        theirs = on_cluster.outcomes[index]
        assert theirs.parameters.tobytes() == outcome.parameters.tobytes()
        assert theirs.status == outcome.status and theirs.epochs == outcome.epochs
    drop = ("seconds",)
    assert ([{k: v for k, v in r.items() if k not in drop} for r in on_cluster.run_rows()]
            == [{k: v for k, v in r.items() if k not in drop} for r in local.run_rows()])


@pytest.mark.serial
def test_a_cancel_reaches_the_running_tasks(client):
    cancel, cancelled_at = cancel_after(1.0)
    # four tasks on two workers: two run when the cancel comes, two wait
    spec = SweepSpec((parse_vary("hidden=3,4,5,6"),), seeds=4, epochs=100_000)
    results = run_on_cluster(_base(), spec, client, cancel=cancel)
    assert time.perf_counter() - cancelled_at[0] < 1.0 and results.cancelled
    assert results.outcomes and all(o.status == CANCELLED and 0 < o.epochs < 100_000
                                    for o in results.outcomes.values())


def test_an_address_without_a_scheduler_says_so():
    with pytest.raises(ValueError, match="scheduler: cannot reach a Dask scheduler"):
        client_for("tcp://127.0.0.1:1", timeout=0.5)


def test_the_command_line_runs_on_the_scheduler(client, capsys, tmp_path):
    from bpstudio import cli
    from bpstudio.io import save

    path, table = tmp_path / "base.bpnet", tmp_path / "runs.csv"
    save(path, _base())
    code = cli.main(["sweep", str(path), "--vary", "hidden=3,5", "--seeds", "2", "--epochs",
                     "3", "--scheduler", client.scheduler.address, "--csv", str(table)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "4 of 4 runs ended" in out and len(table.read_text().splitlines()) == 5
