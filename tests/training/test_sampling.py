"""The test loss between snapshots: measured after the epoch's update, less often when
training is fast."""

import math

from bpstudio.session import training_targets
from bpstudio.training import TrainingRun
from bpstudio.training.sampling import TestLossSampler, round_up

from .sessions import spiral_session


def test_the_test_loss_is_measured_less_often_when_training_is_fast():
    assert [round_up(k) for k in (0, 0.3, 1, 1.5, 3, 7, 10, 11, 51, 500)] == \
        [1, 1, 1, 2, 5, 10, 10, 20, 100, 500]
    bench = spiral_session().build()
    data = bench.data
    sampler = TestLossSampler(bench.net, data.inputs(data.test), training_targets(data.test, 1))
    history = bench.trainer.history
    history.append(1, 0.5)
    sampler.after_epoch(1, history)
    assert math.isfinite(history.test_loss[-1])
    sampler.adapt(seconds_per_epoch=1.0)  # slow training: every epoch
    assert sampler.every == 1
    sampler.adapt(seconds_per_epoch=1e-9)  # measuring costs far more than an epoch
    assert sampler.every >= 1000
    history.append(2, 0.4)
    sampler.after_epoch(2, history)
    assert math.isnan(history.test_loss[-1])  # not due


def test_a_run_samples_the_test_loss_of_the_weights_after_each_due_epoch():
    session = spiral_session()
    run = TrainingRun(session)
    run.train_for(epochs=12)
    run.sampler.every = 5
    run.train_for(epochs=13)
    h = run.history
    measured = [e for e, v in zip(h.epoch, h.test_loss) if math.isfinite(v)]
    assert measured[:12] == list(range(1, 13))  # every epoch while it was 1
    assert measured[12:] == [15, 20, 25]  # then every 5th (adapted only after the call)
    bench = session.build()
    bench.trainer.fit(*bench.train_arrays(), 20)
    assert h.test_loss[19] == bench.net.loss(*bench.test_arrays())
    assert all(math.isnan(v) for v in h.train_metric)  # sampling fills the test loss only


def test_a_test_set_larger_than_a_chunk_is_left_to_the_snapshots(monkeypatch):
    from bpstudio.core import network

    monkeypatch.setattr(network, "CHUNK_FLOPS", 1000.0)  # 5 rows a chunk; 15 test rows
    run = TrainingRun(spiral_session())
    run.train_for(epochs=3)
    assert all(math.isnan(v) for v in run.history.test_loss)
