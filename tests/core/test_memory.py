"""Before training starts, the memory it needs is estimated and refused past a safe share."""

import pytest

from bpstudio import memory as memory_module
from bpstudio.core.stopping import StopRules
from bpstudio.memory import MEMORY_SHARE, available_memory, check_training_memory, training_memory
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig


def big_session(batch_size=None):
    return Session(
        network=NetworkSpec((LayerSpec(512, "tanh"), LayerSpec(512, "tanh"))),
        data=DataSpec("sin", {"n": 20_000}),
        training=TrainingConfig("adam", batch_size=batch_size),
    )


def test_the_estimate_counts_data_activations_weights_and_plots():
    session = big_session()
    bench = session.build()
    parts = training_memory(bench.net, bench.data, session.training)
    assert set(parts) == {"data", "activations", "weights", "plots"}
    assert parts["data"] >= 8 * 20_000 * 2  # inputs and targets, float64
    assert parts["weights"] >= 8 * bench.net.n_params * 3  # weights, Adam's m and v
    # a full batch is computed in chunks: its activations are a chunk's, not 20,000 rows'
    assert parts["activations"] < 8 * 20_000 * (1 + 512 + 512 + 1)
    assert parts["plots"] >= 8 * 300  # the fit plot's curve
    small_batch = training_memory(bench.net, bench.data, TrainingConfig("adam", batch_size=1))
    assert small_batch["activations"] <= parts["activations"]
    keeping_best = training_memory(bench.net, bench.data, TrainingConfig(
        "adam", stopping=StopRules(patience=5, restore_best=True)))
    assert keeping_best["weights"] - parts["weights"] >= 8 * bench.net.n_params  # best weights


def test_training_that_needs_more_than_the_safe_share_is_refused_with_the_numbers():
    session = big_session()
    bench = session.build()
    needed = sum(training_memory(bench.net, bench.data, session.training).values())
    check_training_memory(bench.net, bench.data, session.training,
                          available=int(needed / MEMORY_SHARE) + 1)
    with pytest.raises(ValueError, match=r"^training: needs about [\d.,]+ MB of memory \(data "
                                         r".*\) but this machine has 1\.0 MB available, of which "
                                         r"BP Studio takes at most 50%; use fewer samples, a "
                                         r"smaller batch size or a smaller network$"):
        check_training_memory(bench.net, bench.data, session.training, available=10**6)


def test_build_checks_the_memory_unless_told_not_to(monkeypatch):
    monkeypatch.setattr(memory_module, "available_memory", lambda: 10**6)
    session = big_session()
    with pytest.raises(ValueError, match="training: needs about"):
        session.build()
    assert session.build(check_memory=False).net.n_params > 0
    monkeypatch.setattr(memory_module, "available_memory", lambda: None)  # unknown: trains
    session.build()


def test_the_machine_says_how_much_memory_it_has():
    available = available_memory()
    assert available is None or available > 0
