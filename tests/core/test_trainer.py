import math

import numpy as np
import pytest

from bpstudio.core import SGD, Adam, DivergenceError, Network, Trainer


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
