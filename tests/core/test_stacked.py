"""Stacked training: every network ends bit for bit where its own Trainer alone would."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio.core import (
    ACTIVATIONS,
    LOSSES,
    SGD,
    Adam,
    DivergenceError,
    History,
    Network,
    Trainer,
    stacked,
)
from bpstudio.core import network as network_module
from bpstudio.core.network import CHUNK_FLOPS
from bpstudio.core.stacked import EpochReport, StackedTrainer, stack_groups, stack_key
from bpstudio.core.stacked_passes import FORWARD, TOTALS, VJP, _column_sums

from ..io.conftest import assert_states_identical

LRS = (0.05, 0.11, 0.023, 0.07)
MOMENTA = (0.9, 0.5, 0.73, 0.2)
L2S = (1e-2, 3e-3, 0.05, 1e-4)


@dataclass(frozen=True)
class Setup:
    """One architecture and training recipe; network k gets seed k and the k-th settings."""

    sizes: tuple[int, ...] = (3, 4, 2)
    activations: tuple[str, ...] = ("tanh", "identity")
    loss: str = "mse"
    reduction: str = "mean"
    bias: bool = True
    optimizer: str = "sgd"  # sgd, momentum, nesterov or adam
    l2: bool = False
    batch_size: int | None = 5
    shuffle: bool = True
    dtype: type = np.float64
    n: int = 23
    wild: float = 1.0  # network 1's learning rate is this many times larger

    def trainer(self, k: int) -> Trainer:
        net = Network(self.sizes, self.activations, loss=self.loss, reduction=self.reduction,
                      bias=self.bias, seed=k, dtype=self.dtype)
        lr, l2 = LRS[k % 4] * (self.wild if k == 1 else 1.0), L2S[k % 4] if self.l2 else 0.0
        if self.optimizer == "adam":
            optimizer = Adam(lr / 5, weight_decay=l2)
        else:
            momentum = MOMENTA[k % 4] if self.optimizer != "sgd" else 0.0
            optimizer = SGD(lr, momentum=momentum, nesterov=self.optimizer == "nesterov",
                            weight_decay=l2)
        return Trainer(net, optimizer, batch_size=self.batch_size, shuffle=self.shuffle,
                       seed=1000 + k)

    def trainers(self, K: int = 3) -> list[Trainer]:
        return [self.trainer(k) for k in range(K)]

    def data(self, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        rng = np.random.default_rng(seed)
        X = rng.normal(size=(self.n, self.sizes[0]))
        n_out = self.sizes[-1]
        if self.loss == "cross_entropy":
            Y = rng.integers(0, n_out, self.n)  # class labels: the trainer makes them one-hot
        elif self.loss == "binary_cross_entropy":
            Y = (rng.random((self.n, n_out)) < 0.5).astype(float)
        else:
            Y = rng.normal(size=(self.n, n_out))
        return X, Y


def train_alone(trainers: list[Trainer], X, Y, epochs: int, per_network: bool = False):
    errors = []
    for k, trainer in enumerate(trainers):
        try:
            with np.errstate(all="ignore"):  # the Trainer warns of NaN on its way to diverging
                trainer.fit(X[k] if per_network else X, Y[k] if per_network else Y, epochs)
            errors.append(None)
        except DivergenceError as exc:
            errors.append(exc)
    return errors


def assert_same_trainer(alone: Trainer, together: Trainer) -> None:
    assert_states_identical(alone.state(), together.state())


def check_stacked_equals_alone(setup: Setup, epochs: int = 3, K: int = 3, **fit) -> list:
    X, Y = setup.data()
    alone, together = setup.trainers(K), setup.trainers(K)
    expected = train_alone(alone, X, Y, epochs)
    outcomes = StackedTrainer(together).fit(X, Y, epochs, **fit)
    for a, b, error, outcome in zip(alone, together, expected, outcomes):
        assert_same_trainer(a, b)
        assert (error is None) == (outcome is None)
        if error is not None:
            assert type(outcome) is DivergenceError and str(outcome) == str(error)
    return outcomes


# -- every combination the core Trainer supports ------------------------------------------------


OUTPUT_PAIRS = [
    (activation, loss)
    for loss, spec in LOSSES.items()
    for activation in ACTIVATIONS
    if spec.outputs is None or activation in spec.outputs
]


@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize(("output", "loss"), OUTPUT_PAIRS)
def test_every_output_and_loss_pair(output, loss, reduction):
    n_out = 1 if loss == "binary_cross_entropy" else 3
    setup = Setup(sizes=(3, 4, n_out), activations=("tanh", output), loss=loss,
                  reduction=reduction, optimizer="momentum")
    check_stacked_equals_alone(setup)


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("hidden", [n for n, a in ACTIVATIONS.items() if a.hidden_allowed])
def test_every_hidden_activation(hidden, bias):
    setup = Setup(sizes=(3, 5, 4, 2), activations=(hidden, hidden, "sigmoid"), bias=bias)
    check_stacked_equals_alone(setup)


@pytest.mark.parametrize("l2", [False, True])
@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "nesterov", "adam"])
def test_every_optimizer_with_and_without_l2(optimizer, l2):
    setup = Setup(sizes=(2, 6, 1), activations=("tanh", "sigmoid"),
                  loss="binary_cross_entropy", optimizer=optimizer, l2=l2)
    check_stacked_equals_alone(setup, epochs=4)


@pytest.mark.parametrize(("batch_size", "shuffle"), [
    (None, True), (None, False), (23, True), (40, True), (1, True), (5, True), (5, False),
    (4, False), (22, True),
])
def test_full_batches_and_mini_batches(batch_size, shuffle):
    setup = Setup(batch_size=batch_size, shuffle=shuffle, optimizer="adam", l2=True)
    check_stacked_equals_alone(setup)


@pytest.mark.parametrize("setup", [
    Setup(dtype=np.float32, optimizer="adam", l2=True),
    Setup(dtype=np.float32, sizes=(2, 4, 3), activations=("relu", "softmax"),
          loss="cross_entropy", optimizer="nesterov", l2=True),
    Setup(dtype=np.float32, sizes=(2, 3, 1), activations=("sigmoid", "sigmoid"),
          loss="binary_cross_entropy", batch_size=None),
])
def test_float32_networks(setup):
    check_stacked_equals_alone(setup)


def test_one_network_and_many():
    check_stacked_equals_alone(Setup(), K=1)
    check_stacked_equals_alone(Setup(optimizer="momentum"), K=9)


def test_widths_and_batches_of_one_take_numpys_own_arithmetic():
    # (m, 1) @ (1, p) products (one input, one hidden neuron, one output, batches of one row)
    # are computed without BLAS, element by element; the stack must match that to the bit
    setup = Setup(sizes=(1, 1, 3, 1), activations=("tanh", "relu", "identity"), batch_size=1,
                  optimizer="momentum")
    check_stacked_equals_alone(setup)
    check_stacked_equals_alone(replace(setup, batch_size=None, n=1))


def test_signed_zeros_come_out_as_numpys_own_loop_makes_them():
    # an exact fit gives zero deltas; NumPy's (1, 3).T @ (1, 1) loop sums 0 + a·0 = +0 where
    # a < 0 would make −0, and a weight of −0 keeps its sign only with a +0 gradient
    def make() -> Trainer:
        net = Network([2, 3, 1], ["tanh", "identity"], seed=0)
        net.weights[1][:] = -0.0
        return Trainer(net, SGD(0.1), batch_size=None, seed=0)

    X = np.array([[0.3, -0.2]])
    alone, together = make(), make()
    Y = alone.net.predict(X)
    alone.fit(X, Y, 1)
    StackedTrainer([together]).fit(X, Y, 1)
    assert np.signbit(alone.net.weights[1]).all()
    assert_same_trainer(alone, together)


def test_each_network_may_have_its_own_data():
    setup = Setup(optimizer="adam")
    K = 3
    data = [setup.data(seed=k) for k in range(K)]
    X, Y = [d[0] for d in data], [d[1] for d in data]
    for batch_size, shuffle in [(5, True), (5, False), (None, True)]:
        s = replace(setup, batch_size=batch_size, shuffle=shuffle)
        alone, together = s.trainers(K), s.trainers(K)
        train_alone(alone, X, Y, 3, per_network=True)
        StackedTrainer(together).fit(X, Y, 3, per_network=True)
        for a, b in zip(alone, together):
            assert_same_trainer(a, b)


def test_batches_gathered_a_few_at_a_time_give_the_same_numbers(monkeypatch):
    monkeypatch.setattr(stacked, "GATHER_BYTES", 1)  # one batch per gather
    check_stacked_equals_alone(Setup(batch_size=4))
    check_stacked_equals_alone(Setup(batch_size=4, shuffle=False), K=2)


def test_resumed_trainers_at_different_points_continue_exactly():
    setup = Setup(optimizer="adam")
    X, Y = setup.data()
    alone, together = setup.trainers(), setup.trainers()
    for k, (a, b) in enumerate(zip(alone, together)):  # different epochs and Adam step counts
        a.fit(X, Y, k + 1)
        b.fit(X, Y, k + 1)
        a.load_state(a.state())  # what stacking amounts to: the same state, loaded back
    train_alone(alone, X, Y, 3)
    StackedTrainer(together).fit(X, Y, 3)
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)
    assert [t.optimizer.t for t in together] == [5 * (k + 1) + 15 for k in range(3)]


def test_optimizer_state_of_another_shape_starts_afresh_as_alone():
    setup = Setup(optimizer="adam")
    X, Y = setup.data()
    alone, together = setup.trainers(2), setup.trainers(2)
    for group in (alone, together):  # optimizers that last served other networks
        group[0].optimizer.load_state({"t": 4, "m": np.ones(7), "v": np.ones(7)})
        P = group[1].net.n_params
        group[1].optimizer.load_state({"t": 2, "m": np.ones(P, np.float32),
                                       "v": np.ones(P, np.float32)})
    train_alone(alone, X, Y, 2)
    StackedTrainer(together).fit(X, Y, 2)
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)


def test_zero_epochs_change_nothing():
    setup = Setup(optimizer="momentum")
    X, Y = setup.data()
    alone, together = setup.trainers(), setup.trainers()
    assert StackedTrainer(together).fit(X, Y, 0) == [None, None, None]
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)
    assert together[0].optimizer.velocity is None


def test_the_stack_leaves_nothing_behind_in_the_networks_it_returns():
    setup = Setup()
    X, Y = setup.data()
    trainers = setup.trainers()
    StackedTrainer(trainers).fit(X, Y, 2)
    before = [t.net.parameters.copy() for t in trainers]
    trainers[0].net.parameters[:] = 0.0  # each trainer owns its own arrays again
    for t, b in zip(trainers[1:], before[1:]):
        np.testing.assert_array_equal(t.net.parameters, b)


# -- divergence --------------------------------------------------------------------------------


def test_a_diverging_network_stops_alone_with_the_trainers_own_error():
    setup = Setup(sizes=(1, 1), activations=("identity",), batch_size=8, optimizer="momentum",
                  n=64)
    X = np.random.default_rng(0).normal(size=(64, 1)) * 30
    Y = X * 3.0
    alone, together = setup.trainers(4), setup.trainers(4)
    for group in (alone, together):  # network 1 overshoots and blows up, the others do not
        group[1].optimizer.lr = 0.05
        for k in (0, 2, 3):
            group[k].optimizer.lr = 1e-4
    expected = train_alone(alone, X, Y, 60)
    assert [e is None for e in expected] == [True, False, True, True]
    outcomes = StackedTrainer(together).fit(X, Y, 60)
    assert str(outcomes[1]) == str(expected[1])
    assert outcomes[0] is outcomes[2] is outcomes[3] is None
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)
    assert together[1].epoch < 60 == together[0].epoch


def test_a_full_batch_divergence_goes_back_to_the_epoch_before():
    # the first (and only) update of an epoch fails: back to the start of the previous epoch
    setup = Setup(sizes=(2, 1), activations=("identity",), batch_size=None)
    X = np.array([[1.0, 2.0], [3.0, -1.0]])
    Y = np.array([[1.0], [0.0]])
    alone, together = setup.trainers(3), setup.trainers(3)
    for group in (alone, together):
        group[2].optimizer.lr = 1e200
    expected = train_alone(alone, X, Y, 5)
    assert "went back to the starting weights" in str(expected[2])
    outcomes = StackedTrainer(together).fit(X, Y, 5)
    assert str(outcomes[2]) == str(expected[2]) and outcomes[:2] == [None, None]
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)


def test_a_weight_that_overflows_behind_a_saturated_output_is_caught():
    setup = Setup(sizes=(1, 1), activations=("sigmoid",), batch_size=None, optimizer="momentum",
                  l2=True)
    X, Y = np.array([[1.0]]), np.array([[0.0]])
    alone, together = setup.trainers(3), setup.trainers(3)
    for group in (alone, together):
        group[0].net.weights[0][:] = 1e300  # σ saturates: the loss stays finite
        group[0].optimizer.weight_decay = 1e10  # but the decay term overflows the weight
    expected = train_alone(alone, X, Y, 3)
    assert "weight became infinite" in str(expected[0])
    outcomes = StackedTrainer(together).fit(X, Y, 3)
    assert str(outcomes[0]) == str(expected[0]) and outcomes[1:] == [None, None]
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)


def test_when_every_network_diverges_training_ends():
    setup = Setup(batch_size=None)
    X, Y = setup.data()
    X = X * 1e3
    alone, together = setup.trainers(), setup.trainers()
    for group in (alone, together):
        for t in group:
            t.optimizer.lr = 1e150
    expected = train_alone(alone, X, Y, 50)
    outcomes = StackedTrainer(together).fit(X, Y, 50)
    assert all(isinstance(o, DivergenceError) for o in outcomes)
    assert [str(o) for o in outcomes] == [str(e) for e in expected]
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)


# -- the callback ------------------------------------------------------------------------------


def test_the_callback_sees_every_network_and_can_stop_some():
    setup = Setup(optimizer="momentum")
    X, Y = setup.data()
    reports: list[EpochReport] = []

    def stop_network_1_after_epoch_2(report: EpochReport):
        reports.append(report)
        return (report.positions == 1) & (report.epochs == 2)

    together = setup.trainers()
    StackedTrainer(together).fit(X, Y, 4, callback=stop_network_1_after_epoch_2)
    assert [r.positions.tolist() for r in reports] == [[0, 1, 2]] * 2 + [[0, 2]] * 2
    assert [t.epoch for t in together] == [4, 2, 4]
    last = reports[-1]
    assert last.losses.tolist() == [together[0].history.train_loss[-1],
                                    together[2].history.train_loss[-1]]
    np.testing.assert_array_equal(last.parameters[1], together[2].net.parameters)
    assert not last.parameters.flags.writeable
    alone = setup.trainers()
    for t, epochs in zip(alone, (4, 2, 4)):
        t.fit(X, Y, epochs)
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)


def test_the_callback_can_stop_everything():
    setup = Setup()
    X, Y = setup.data()
    together = setup.trainers()
    StackedTrainer(together).fit(X, Y, 10, callback=lambda report: report.epochs[0] == 3)
    assert [t.epoch for t in together] == [3, 3, 3]


def test_a_callback_answer_that_is_no_answer_is_refused():
    setup = Setup()
    X, Y = setup.data()
    with pytest.raises(ValueError, match="callback: must return True, False, None or one bool"):
        StackedTrainer(setup.trainers()).fit(X, Y, 2, callback=lambda report: [True])


@pytest.mark.parametrize(("max_rows", "interrupted"), [
    (History.MAX_ROWS, 3),
    (4, 5),  # epoch 5's row thinned the history out: the history of epoch 4 comes back
])
def test_an_interruption_leaves_every_trainer_at_the_start_of_its_unfinished_epoch(
        monkeypatch, max_rows, interrupted):
    monkeypatch.setattr(History, "MAX_ROWS", max_rows)
    setup = Setup(optimizer="adam")
    X, Y = setup.data()

    def interrupt(report: EpochReport):
        if report.epochs[0] == interrupted:
            raise KeyboardInterrupt

    together = setup.trainers()
    with pytest.raises(KeyboardInterrupt):
        StackedTrainer(together).fit(X, Y, 10, callback=interrupt)
    alone = setup.trainers()
    train_alone(alone, X, Y, interrupted - 1)
    for a, b in zip(alone, together):
        a.load_state(a.state())
        assert_same_trainer(a, b)
        assert b.history.stride == 1 and b.history.epoch == list(range(1, interrupted))


# -- what may be stacked ------------------------------------------------------------------------


def test_stack_groups_puts_together_what_may_train_together():
    base = Setup()
    trainers = [
        base.trainer(0), replace(base, optimizer="momentum").trainer(1), base.trainer(2),
        replace(base, l2=True).trainer(3), replace(base, batch_size=None).trainer(4),
        replace(base, optimizer="momentum").trainer(5),
    ]
    assert stack_groups(trainers) == [[0, 2], [1, 5], [3], [4]]
    assert stack_key(trainers[0]) == stack_key(trainers[2])


@pytest.mark.parametrize(("other", "field"), [
    (Setup(sizes=(3, 5, 2)), "layer_sizes"),
    (Setup(activations=("relu", "identity")), "activations"),
    (Setup(reduction="sum"), "reduction"),
    (Setup(bias=False), "bias"),
    (Setup(dtype=np.float32), "dtype"),
    (Setup(optimizer="adam"), "optimizer"),
    (Setup(optimizer="momentum"), "momentum_on"),
    (Setup(l2=True), "l2_on"),
    (Setup(batch_size=6), "batch_size"),
    (Setup(shuffle=False), "shuffle"),
])
def test_networks_that_cannot_train_together_are_refused_by_name(other, field):
    with pytest.raises(ValueError, match=rf"^trainers\[1\]: its {field} .* differs from "
                                         r"trainers\[0\]'s .*stack_groups"):
        StackedTrainer([Setup().trainer(0), other.trainer(1)])


def test_nesterov_and_adams_betas_are_shared_settings():
    a, b = Setup(optimizer="momentum").trainer(0), Setup(optimizer="nesterov").trainer(1)
    with pytest.raises(ValueError, match="optimizer_settings"):
        StackedTrainer([a, b])
    c, d = Setup(optimizer="adam").trainer(0), Setup(optimizer="adam").trainer(1)
    d.optimizer.beta2 = 0.99
    with pytest.raises(ValueError, match="optimizer_settings"):
        StackedTrainer([c, d])


def test_bad_stacks_and_bad_arguments():
    with pytest.raises(ValueError, match="needs at least one Trainer"):
        StackedTrainer([])
    with pytest.raises(ValueError, match=r"trainers\[1\]: expected a Trainer"):
        StackedTrainer([Setup().trainer(0), "x"])
    t = Setup().trainer(0)
    twin = Trainer(t.net, SGD(0.1), batch_size=5)
    with pytest.raises(ValueError, match="each needs its own Network"):
        StackedTrainer([t, twin])

    class Other(SGD):
        pass

    odd = Trainer(Network([3, 4, 2], ["tanh", "identity"]), Other(0.1))
    with pytest.raises(ValueError, match="stacked training knows SGD and Adam"):
        StackedTrainer([odd])
    setup = Setup()
    X, Y = setup.data()
    stack = StackedTrainer(setup.trainers(2))
    for epochs in (-1, 1.5, True):
        with pytest.raises(ValueError, match="epochs: must be a whole number"):
            stack.fit(X, Y, epochs)
    with pytest.raises(ValueError, match="X: "):
        stack.fit(X[:, :2], Y, 1)
    with pytest.raises(ValueError, match="X: with per_network, expected 2 arrays"):
        stack.fit([X], [Y], 1, per_network=True)
    with pytest.raises(ValueError, match=r"X\[1\]: has 22 samples but X\[0\] has 23"):
        stack.fit([X, X[1:]], [Y, Y[1:]], 1, per_network=True)
    with pytest.raises(ValueError, match="network 1: Y: "):
        stack.fit([X, X], [Y, Y[:, :1]], 1, per_network=True)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("m", [1, 7, 64, 300])
@pytest.mark.parametrize("n", [1, 2, 16, 129])
def test_bias_gradients_sum_the_rows_in_the_trainers_order(n, m, dtype):
    rng = np.random.default_rng(n * 1000 + m)
    D = (rng.standard_normal((5, m + 2, n)) * 10.0 ** rng.integers(-6, 6, (5, m + 2, n)))
    D[rng.random(D.shape) < 0.2] = -0.0
    D = D.astype(dtype)[:, :m]  # a partial batch's view, as the last batch of an epoch
    out = np.empty((5, n), dtype)
    _column_sums(D, out)
    alone = np.stack([np.add.reduce(D[k].copy(), axis=0) for k in range(5)])
    assert out.tobytes() == alone.tobytes()


def test_the_stacked_kernels_know_every_activation_and_loss():
    assert set(FORWARD) == set(ACTIVATIONS) == set(VJP)
    assert set(TOTALS) == set(LOSSES)
    # the output delta starts from A − Y: the canonical pairs' ∂L/∂Z, and MSE's ∂L/∂A, the
    # only loss that takes other outputs
    for activation, loss in OUTPUT_PAIRS:
        assert activation == LOSSES[loss].canonical or loss == "mse"


# -- any shape, any seed -----------------------------------------------------------------------


HIDDEN = [n for n, a in ACTIVATIONS.items() if a.hidden_allowed]


@st.composite
def setups(draw):
    hidden = draw(st.lists(st.integers(1, 5), min_size=0, max_size=2))
    activation, loss = draw(st.sampled_from(OUTPUT_PAIRS))
    n_out = 1 if loss == "binary_cross_entropy" else draw(st.integers(2, 3))
    n = draw(st.integers(1, 12))
    return Setup(
        sizes=(draw(st.integers(1, 4)), *hidden, n_out),
        activations=(*(draw(st.sampled_from(HIDDEN)) for _ in hidden), activation),
        loss=loss, reduction=draw(st.sampled_from(["mean", "sum"])), bias=draw(st.booleans()),
        optimizer=draw(st.sampled_from(["sgd", "momentum", "nesterov", "adam"])),
        l2=draw(st.booleans()), batch_size=draw(st.none() | st.integers(1, n + 1)),
        shuffle=draw(st.booleans()), n=n, dtype=draw(st.sampled_from([np.float64, np.float32])),
        wild=draw(st.sampled_from([1.0, 1e4, 1e200, 1e300])),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(setup=setups(), K=st.integers(1, 4), epochs=st.integers(1, 3),
       data_seed=st.integers(0, 2**32 - 1), max_rows=st.sampled_from([2, 3, History.MAX_ROWS]),
       chunk_flops=st.sampled_from([500.0, CHUNK_FLOPS]))
def test_any_stack_equals_its_networks_trained_alone(setup, K, epochs, data_seed, max_rows,
                                                     chunk_flops):
    X, Y = setup.data(data_seed)
    with pytest.MonkeyPatch.context() as patch:  # histories that thin out, batches in chunks
        patch.setattr(History, "MAX_ROWS", max_rows)
        patch.setattr(network_module, "CHUNK_FLOPS", chunk_flops)
        alone, together = setup.trainers(K), setup.trainers(K)
        expected = train_alone(alone, X, Y, epochs)
        outcomes = StackedTrainer(together).fit(X, Y, epochs)
    assert [str(o) for o in outcomes] == [str(e) for e in expected]
    for a, b in zip(alone, together):
        assert_same_trainer(a, b)
