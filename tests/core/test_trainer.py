import math
import warnings
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core import SGD, Adam, Dataset, DivergenceError, History, Network, Trainer, evaluate
from bpstudio.core import network as network_module
from bpstudio.io import dumps, loads
from bpstudio.limits import MAX_HISTORY_ROWS
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig


def _problem(rng, n=40):
    X = rng.normal(size=(n, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(float)
    return X, y


def _trainer(optimizer, batch_size=8, seed=0):
    net = Network([2, 6, 1], ["tanh", "sigmoid"], loss="binary_cross_entropy", seed=seed)
    return Trainer(net, optimizer, batch_size=batch_size, seed=seed)


def test_same_seed_same_training(rng):
    X, y = _problem(rng)
    a, b = _trainer(SGD(0.1)), _trainer(SGD(0.1))
    a.fit(X, y, 5)
    b.fit(X, y, 5)
    np.testing.assert_array_equal(a.net.parameters, b.net.parameters)
    assert a.history.train_loss == b.history.train_loss


def test_shuffle_seed_changes_the_path(rng):
    X, y = _problem(rng)
    a = _trainer(SGD(0.1))
    b = Trainer(a.net.copy(), SGD(0.1), batch_size=8, seed=1)
    a.fit(X, y, 2)
    b.fit(X, y, 2)
    assert not np.array_equal(a.net.parameters, b.net.parameters)


def test_fit_records_history_and_loss_falls(rng):
    X, y = _problem(rng, 80)
    t = _trainer(Adam(0.05))
    history = t.fit(X, y, 60)
    assert history.epoch == list(range(1, 61))
    assert t.epoch == 60
    assert history.train_loss[-1] < 0.5 * history.train_loss[0]
    assert all(math.isnan(v) for v in history.test_loss)


def test_callback_can_stop(rng):
    X, y = _problem(rng)
    t = _trainer(SGD(0.1))
    seen = []
    t.fit(X, y, 100, callback=lambda epoch, loss: seen.append(epoch) or epoch >= 3)
    assert seen == [1, 2, 3] and t.epoch == 3


def test_epoch_loss_is_the_sample_weighted_batch_mean(rng):
    X, y = _problem(rng, 10)
    t = _trainer(SGD(1e-9), batch_size=4)  # steps too small to change the loss visibly
    start = t.net.loss(X, y)
    assert t.run_epoch(X, y) == pytest.approx(start, rel=1e-6)


def test_step_uses_exactly_that_batch(rng):
    X, y = _problem(rng)
    t = _trainer(SGD(0.5))
    twin = t.net.copy()
    loss = t.step(X[:3], y[:3])
    expected_loss, dW, db = twin.loss_and_gradients(X[:3], y[:3])
    assert loss == expected_loss
    np.testing.assert_allclose(t.net.weights[0], twin.weights[0] - 0.5 * dW[0])
    np.testing.assert_allclose(t.net.biases[1], twin.biases[1] - 0.5 * db[1])


@pytest.mark.parametrize("make", [
    lambda: SGD(0.1), lambda: SGD(0.1, momentum=0.9), lambda: SGD(0.1, 0.9, nesterov=True),
    lambda: Adam(0.01),
])
def test_resume_from_state_is_bitwise(make, rng):
    X, y = _problem(rng)
    full = _trainer(make())
    full.fit(X, y, 7)
    first = _trainer(make())
    first.fit(X, y, 4)
    state = first.state()
    resumed = _trainer(make(), seed=99)  # different init and shuffle seed: state overrides both
    resumed.load_state(state)
    resumed.fit(X, y, 3)
    np.testing.assert_array_equal(resumed.net.parameters, full.net.parameters)
    assert resumed.history.train_loss == full.history.train_loss
    assert resumed.epoch == 7


def test_divergence_keeps_the_last_finite_weights():
    X = np.array([[1e3], [-1e3]])
    Y = np.array([[1e3], [-1e3]])
    net = Network([1, 1], ["identity"], seed=0)
    t = Trainer(net, SGD(10.0))
    done = []
    with pytest.raises(DivergenceError, match="Lower the learning rate") as info:
        t.fit(X, Y, 1000, callback=lambda epoch, loss: done.append(epoch) and False)
    message = str(info.value)
    assert "now 10" in message
    # it names the epoch that failed and the one whose weights it went back to
    assert f"diverged at epoch {done[-1] + 1}:" in message
    kept = f"after epoch {t.epoch}" if t.epoch else "the starting weights"
    assert kept in message and t.epoch in (done[-1], done[-1] - 1)
    assert np.all(np.isfinite(net.parameters))
    assert math.isfinite(net.loss(X, Y))
    assert t.epoch == len(t.history)


def test_overflowing_update_is_undone(rng):
    net = Network([1, 1], ["sigmoid"], seed=0)
    net.weights[0][:] = 1e300
    t = Trainer(net, SGD(1.0, momentum=0.5))
    X, Y = np.array([[1.0]]), np.array([[0.0]])
    before = net.parameters.copy()
    # the loss is finite (σ saturates) but ∂L/∂w is 0, so set a huge gradient via weight decay
    t.optimizer.weight_decay = 1e10
    with pytest.raises(DivergenceError, match="weight became infinite"):
        t.step(X, Y)
    np.testing.assert_array_equal(net.parameters, before)
    assert t.optimizer.t == 0 and t.optimizer.velocity is None


@pytest.mark.parametrize("kwargs, match", [
    ({"batch_size": 0}, "batch_size"), ({"batch_size": 2.5}, "batch_size"),
    ({"batch_size": True}, "batch_size"),
])
def test_bad_trainer_settings(kwargs, match):
    with pytest.raises(ValueError, match=match):
        Trainer(Network([1, 1], ["identity"]), SGD(0.1), **kwargs)


def test_bad_epochs():
    t = Trainer(Network([1, 1], ["identity"]), SGD(0.1))
    with pytest.raises(ValueError, match="epochs"):
        t.fit([[1.0]], [[1.0]], -1)


def test_resume_refuses_another_optimizer_kind(rng):
    X, y = _problem(rng)
    adam = _trainer(Adam(0.01))
    adam.fit(X, y, 1)
    with pytest.raises(ValueError, match="optimizer: the saved state is for 'adam'"):
        _trainer(SGD(0.1)).load_state(adam.state())


def test_divergence_in_mini_batches_rolls_back_to_a_finite_epoch_start():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 1)) * 30
    Y = X * 3.0
    net = Network([1, 1], ["identity"], seed=0)
    t = Trainer(net, SGD(0.05, momentum=0.5), batch_size=8, seed=0)
    with pytest.raises(DivergenceError):
        t.fit(X, Y, 500)
    assert t.epoch == len(t.history) > 0
    assert t.history.epoch[-1] == t.epoch
    assert math.isfinite(net.loss(X, Y))
    # the rolled-back state is a real epoch start: training it again repeats the same failure
    state = t.state()
    again = Trainer(net.copy(), SGD(0.05, momentum=0.5), batch_size=8, seed=0)
    again.load_state(state)
    with pytest.raises(DivergenceError):
        again.fit(X, Y, 500)
    np.testing.assert_array_equal(again.net.parameters, net.parameters)


# -- slices: stopping anywhere, saving, resuming ---------------------------------------------

SLICE_CASES = [("sgd", 4, True), ("momentum", 7, True), ("adam", 5, True), ("adam", None, True),
               ("sgd", 6, False)]
EPOCHS = 4


def _session(optimizer, batch_size, shuffle):
    return Session(
        network=NetworkSpec((LayerSpec(5, "tanh"),), "sigmoid", "binary_cross_entropy"),
        data=DataSpec("moons", {"n": 30, "noise": 0.2}, test_fraction=0.2, standardize=True),
        training=TrainingConfig(optimizer, learning_rate=0.05, batch_size=batch_size,
                                shuffle=shuffle, l2=1e-3, seed=3),
    )


def assert_same_state(a, b):
    """Bit for bit: weights, optimizer, generator, position and history (NaN == NaN)."""
    assert a.parameters.tobytes() == b.parameters.tobytes()
    assert a.optimizer_state.keys() == b.optimizer_state.keys()
    for name, value in a.optimizer_state.items():
        other = b.optimizer_state[name]
        same = value.tobytes() == other.tobytes() if isinstance(value, np.ndarray) else \
            value == other
        assert same, name
    assert (a.rng_state, a.epoch, a.progress) == (b.rng_state, b.epoch, b.progress)
    assert a.history.stride == b.history.stride
    for column in History.COLUMNS:
        left, right = (np.array(getattr(s.history, column), dtype=float) for s in (a, b))
        assert left.tobytes() == right.tobytes(), column


def _straight(session, epochs=EPOCHS):
    bench = session.build()
    bench.trainer.fit(*bench.train_arrays(), epochs)
    return bench.trainer.state()


def _through_a_file(session, trainer):
    """The session with the trainer's state, saved as .bpnet text and opened again."""
    return loads(dumps(session.with_state(trainer.state())))


@given(case=st.sampled_from(SLICE_CASES), cuts=st.lists(st.integers(1, 11), max_size=4))
@settings(max_examples=25, deadline=None)
def test_stopping_at_any_mini_batch_saving_and_resuming_equals_training_straight(case, cuts):
    session = _session(*case)
    current = session
    for batches in cuts:
        bench = current.build()
        bench.trainer.advance(*bench.train_arrays(), max_batches=batches, until_epoch=EPOCHS)
        current = _through_a_file(current, bench.trainer)
    bench = current.build()
    bench.trainer.advance(*bench.train_arrays(), until_epoch=EPOCHS)
    assert_same_state(bench.trainer.state(), _straight(session))


def test_a_state_inside_an_epoch_says_where_and_keeps_the_epoch_start_generator():
    session = _session("sgd", 4, True)
    bench = session.build()
    X, Y = bench.train_arrays()
    start = bench.trainer.state().rng_state
    bench.trainer.advance(X, Y, max_batches=3)
    state = bench.trainer.state()
    assert (state.epoch, state.progress.samples) == (0, 12)
    assert state.rng_state == start  # the order of the epoch is drawn again on resuming
    assert len(state.history) == 0
    bench.trainer.advance(X, Y, max_batches=3)  # 24 samples of 24 in the training part: done
    assert (bench.trainer.epoch, bench.trainer.progress) == (1, None)


def test_fit_counts_an_epoch_in_progress_as_one():
    session = _session("sgd", 4, True)
    bench = session.build()
    X, Y = bench.train_arrays()
    bench.trainer.advance(X, Y, max_batches=2)
    bench.trainer.fit(X, Y, 2)
    assert (bench.trainer.epoch, bench.trainer.progress) == (2, None)
    assert_same_state(bench.trainer.state(), _straight(session, 2))


def test_a_deadline_in_the_past_still_trains_one_mini_batch():
    bench = _session("sgd", 4, True).build()
    bench.trainer.advance(*bench.train_arrays(), deadline=0.0)
    assert bench.trainer.progress.samples == 4


def test_resuming_refuses_progress_beyond_the_data():
    session = _session("sgd", 4, True)
    bench = session.build()
    bench.trainer.advance(*bench.train_arrays(), max_batches=5)
    state = bench.trainer.state()
    fewer = replace(session, data=replace(session.data, params={"n": 20, "noise": 0.2}))
    with pytest.raises(ValueError, match=r"state.progress.samples: the epoch in progress is 20 "
                                         r"samples in, but the training data has 16"):
        fewer.with_state(state).build()


# -- batches too large for one call: chunks -----------------------------------------------


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of a few rows, so that a small problem shows what a large one does."""
    monkeypatch.setattr(network_module, "CHUNK_FLOPS", 2000.0)


def test_chunk_rows_depend_on_the_network_only():
    small = Network([2, 8, 1], ["tanh", "identity"])
    large = Network([784, 256, 10], ["relu", "softmax"], loss="cross_entropy")
    assert small.chunk_rows() > 10_000  # today's batches stay unchunked
    assert 1 <= large.chunk_rows() < large.chunk_rows(backward=False) < 1000
    assert network_module.chunks(10, 4) == [slice(0, 4), slice(4, 8), slice(8, 10)]
    assert network_module.chunks(9, 4) == [slice(0, 3), slice(3, 6), slice(6, 9)]


def test_a_chunked_step_waits_between_chunks_and_changes_nothing_until_done(small_chunks):
    session = _session("adam", None, True)  # full batch: 24 rows
    bench = session.build()
    trainer = bench.trainer
    X, Y = bench.train_arrays()
    assert trainer._chunk_rows < len(X)
    n_chunks = len(network_module.chunks(len(X), trainer._chunk_rows))
    before = trainer.state()
    for _ in range(n_chunks - 1):
        trainer.advance(X, Y, deadline=0.0)  # one chunk per call
        assert_same_state(trainer.state(), before)
    trainer.advance(X, Y, deadline=0.0)
    assert trainer.epoch == 1
    # the same numbers as computing it without stopping, and nearly those of one pass
    again = session.build()
    again.trainer.advance(X, Y, until_epoch=1)
    assert_same_state(trainer.state(), again.trainer.state())
    unchunked = _straight(session, 1)
    np.testing.assert_allclose(trainer.net.parameters, unchunked.parameters, rtol=1e-12,
                               atol=1e-15)
    assert trainer.history.train_loss[0] == pytest.approx(unchunked.history.train_loss[0],
                                                          rel=1e-13)


@given(case=st.sampled_from([("sgd", 12, True), ("momentum", None, True), ("adam", 9, False)]),
       cuts=st.lists(st.tuples(st.integers(0, 6), st.booleans()), max_size=4))
@settings(max_examples=20, deadline=None)
def test_chunked_training_stopped_between_chunks_and_resumed_equals_training_straight(
        case, cuts):
    session = _session(*case)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(network_module, "CHUNK_FLOPS", 2000.0)
        current = session
        for calls, save in cuts:
            bench = current.build()
            for _ in range(calls):
                bench.trainer.advance(*bench.train_arrays(), deadline=0.0, until_epoch=EPOCHS)
            current = _through_a_file(current, bench.trainer) if save else \
                current.with_state(bench.trainer.state())
        bench = current.build()
        bench.trainer.advance(*bench.train_arrays(), until_epoch=EPOCHS)
        assert_same_state(bench.trainer.state(), _straight(session))


# -- divergence while training in slices -------------------------------------------------


def _diverging():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 1)) * 30
    net = Network([1, 1], ["identity"], seed=0)
    return Trainer(net, SGD(0.05, momentum=0.5), batch_size=8, seed=0), X, X * 3.0


def test_divergence_in_slices_rolls_back_exactly_as_training_straight():
    straight, X, Y = _diverging()
    with pytest.raises(DivergenceError) as expected:
        straight.fit(X, Y, 500)
    sliced, *_ = _diverging()
    with pytest.raises(DivergenceError) as got:
        for _ in range(10_000):
            sliced.advance(X, Y, max_batches=3)
    assert str(got.value) == str(expected.value)
    assert_same_state(sliced.state(), straight.state())
    assert sliced.progress is None and sliced.epoch == sliced.history.epoch[-1]


def test_a_rolled_back_state_is_the_state_training_had_at_that_epoch():
    diverged, X, Y = _diverging()
    with pytest.raises(DivergenceError):
        diverged.fit(X, Y, 500)
    again, *_ = _diverging()
    again.fit(X, Y, diverged.epoch)
    assert_same_state(diverged.state(), again.state())  # weights, moments, generator, history


def test_divergence_after_resuming_inside_an_epoch_goes_back_to_finite_weights():
    trainer, X, Y = _diverging()
    trainer.fit(X, Y, 3)
    trainer.advance(X, Y, max_batches=3)
    saved = trainer.state()
    resumed, *_ = _diverging()
    resumed.load_state(saved)
    resumed.optimizer.lr = 1e308
    with pytest.raises(DivergenceError, match=r"Training went back to the weights 24 samples "
                                              r"into epoch 4, the last known to be finite"):
        resumed.fit(X, Y, 100)
    assert_same_state(resumed.state(), saved)  # where it resumed: no epoch start is known


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("batch_size", [None, 8])
def test_a_huge_learning_rate_diverges_in_words_without_numpy_warnings(optimizer, batch_size):
    for data, net in [
        (DataSpec("sin"), NetworkSpec()),
        (DataSpec("gaussians", {"n": 60, "classes": 3}),
         NetworkSpec((LayerSpec(6, "relu"),), "softmax", "cross_entropy")),
    ]:
        session = Session(network=net, data=data, training=TrainingConfig(
            optimizer, learning_rate=1e308, batch_size=batch_size))
        bench = session.build()
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # any RuntimeWarning of NumPy fails the test
            with pytest.raises(DivergenceError, match=r"Lower the learning rate \(now 1e\+308\)"):
                bench.trainer.fit(*bench.train_arrays(), 20)
            assert np.all(np.isfinite(bench.net.parameters))
            evaluate(bench.net, Dataset(*bench.train_arrays()[:1], bench.data.train.y,
                                        bench.data.task, "", {}))


# -- the history keeps at most MAX_ROWS rows -----------------------------------------------


def _stride(epochs, limit):
    stride = 1
    while -(-epochs // stride) > limit:
        stride *= 2
    return stride


@given(epochs=st.integers(0, 400), limit=st.integers(2, 13))
@settings(max_examples=200, deadline=None)
def test_the_history_keeps_every_stride_th_epoch_and_the_newest(epochs, limit):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(History, "MAX_ROWS", limit)
        history = History()
        for epoch in range(1, epochs + 1):
            history.append(epoch, float(epoch), test_loss=-float(epoch))
            assert len(history) <= limit and history.epoch[-1] == epoch
    stride = _stride(epochs, limit)
    kept = [e for e in range(1, epochs + 1) if e % stride == 0 or e == epochs]
    assert (history.epoch, history.stride) == (kept, stride)
    assert history.train_loss == [float(e) for e in kept]
    assert history.test_loss == [-float(e) for e in kept]


def test_the_row_limit_is_the_shared_one():
    assert History.MAX_ROWS == MAX_HISTORY_ROWS


@pytest.mark.parametrize("cut", [5, 6, 17, 33])
def test_resuming_across_a_thinning_is_bitwise(monkeypatch, cut):
    monkeypatch.setattr(History, "MAX_ROWS", 6)
    session = _session("momentum", 8, True)
    straight = _straight(session, 40)
    assert straight.history.stride == 8 and straight.history.epoch == [8, 16, 24, 32, 40]
    bench = session.build()
    bench.trainer.advance(*bench.train_arrays(), until_epoch=cut)
    bench.trainer.advance(*bench.train_arrays(), max_batches=1)
    resumed = _through_a_file(session, bench.trainer).build()
    resumed.trainer.advance(*resumed.train_arrays(), until_epoch=40)
    assert_same_state(resumed.trainer.state(), straight)


def test_a_divergence_after_a_thinning_keeps_the_newest_row(monkeypatch):
    monkeypatch.setattr(History, "MAX_ROWS", 4)
    trainer, X, Y = _diverging()
    with pytest.raises(DivergenceError):
        trainer.fit(X, Y, 500)
    assert trainer.epoch > 8 and trainer.history.stride > 1
    assert trainer.history.epoch[-1] == trainer.epoch
    assert len(trainer.history) <= 4
