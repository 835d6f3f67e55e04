"""The training doctor on real training runs: the issue's cases are found, healthy runs (the
shipped examples) raise nothing."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.core import DivergenceError, Network, Trainer, make_dataset, train_test_split
from bpstudio.core.doctor import diagnose
from bpstudio.core.doctor_curves import FLAT_MIN_EPOCHS
from bpstudio.core.optimizers import SGD, Adam
from bpstudio.core.unit_readings import read_units
from bpstudio.examples import EXAMPLES


def watch(trainer, X, Y, epochs, *, test=None, every=10):
    """Train ``epochs`` epochs with the doctor looking every ``every`` epochs (a unit
    reading each time, as a caller would every few seconds); measure the test loss every
    epoch if there is a test set. The first finding of each id, with its epoch."""
    found = {}

    def look(epoch, loss):
        if test is not None:
            trainer.history.test_loss[-1] = trainer.net.loss(*test)
        if epoch % every == 0:
            units = read_units(trainer.net, X, Y)
            for finding in diagnose(trainer.history, trainer.optimizer.lr, units):
                found.setdefault(finding.id, (epoch, finding))

    trainer.fit(X, Y, epochs, callback=look)
    return found


def spiral_run(init, lr=0.01, epochs=300):
    """The issue's run: Spiral, 3 classes, 3×32 tanh, Adam, batch 32, 20 % held out."""
    train, test = train_test_split(make_dataset("spiral", classes=3), 0.2)
    net = Network([2, 32, 32, 32, 3], ["tanh"] * 3 + ["softmax"], loss="cross_entropy",
                  init=init, seed=0)
    trainer = Trainer(net, Adam(lr), batch_size=32, seed=0)
    return watch(trainer, train.X, train.y, epochs, test=(test.X, test.y)), trainer


def test_the_spiral_from_a_uniform_init_is_flat_and_saturated():
    found, trainer = spiral_run("uniform", epochs=2 * FLAT_MIN_EPOCHS)
    assert trainer.history.train_loss[-1] == pytest.approx(1.1, abs=0.02)  # chance: ln 3
    epoch, flat = found["flat_loss"]
    assert epoch == 2 * FLAT_MIN_EPOCHS  # as soon as the rule may speak
    assert "stayed near 1.1" in flat.seen
    assert "start again from xavier_uniform weights instead of uniform" in flat.advice
    assert "32 of 32 tanh units of layer 3" in found["saturated_units"][1].seen


def test_the_same_spiral_from_xavier_uniform_raises_nothing():
    found, trainer = spiral_run("xavier_uniform", epochs=2 * FLAT_MIN_EPOCHS)
    assert trainer.history.train_loss[-1] < 0.01
    assert found == {}


def test_a_learning_rate_too_large_makes_the_loss_oscillate():
    found, _ = spiral_run("xavier_uniform", lr=0.1, epochs=100)
    epoch, finding = found["oscillating_loss"]
    assert epoch <= 100 and "Lower the learning rate (now 0.1)" in finding.advice


def test_an_exploding_loss_is_said_before_it_overflows():
    # the sin example (100 sigmoid units, U[0, 1) weights) at learning rate 100
    data = make_dataset("sin")
    net = Network([1, 100, 1], ["sigmoid", "identity"], init="uniform", seed=0)
    trainer = Trainer(net, SGD(100.0), shuffle=False)
    found = {}

    def look(epoch, loss):
        for finding in diagnose(trainer.history, 100.0):
            found.setdefault(finding.id, (epoch, loss))

    with pytest.raises(DivergenceError, match="Training diverged at epoch"):
        trainer.fit(data.X, data.y, 100, callback=look)
    diverged = trainer.epoch + 1  # back to the weights before the failing epoch
    epoch, loss = found["exploding_loss"]
    assert epoch == 2 and np.isfinite(loss) and diverged > 40


def test_relus_behind_a_huge_negative_bias_are_dead():
    data = make_dataset("moons")
    net = Network([2, 16, 16, 1], ["relu", "relu", "sigmoid"], loss="binary_cross_entropy",
                  init="he_normal", seed=0)
    net.biases[0][:] = -100.0
    found = watch(Trainer(net, SGD(0.1), seed=0), data.X, data.y, 20)
    epoch, finding = found["dead_relus"]
    assert epoch == 10 and finding.seen.startswith("16 of 16 ReLU units of layer 1 (100 %)")


def test_a_deep_sigmoid_network_has_vanishing_gradients():
    data = make_dataset("moons")
    net = Network([2, *[8] * 10, 1], ["sigmoid"] * 11, loss="binary_cross_entropy", seed=0)
    found = diagnose(Trainer(net, SGD(0.1)).history, 0.1, read_units(net, data.X, data.y))
    assert [f.id for f in found] == ["vanishing_gradients"]
    assert "sigmoid passes back at most a quarter" in found[0].advice


def test_a_large_network_on_little_data_overfits():
    train, test = train_test_split(make_dataset("gaussians", n=30, classes=3, spread=1.5), 0.5)
    net = Network([2, 64, 64, 3], ["tanh", "tanh", "softmax"], loss="cross_entropy", seed=0)
    found = watch(Trainer(net, Adam(0.01), seed=0), train.X, train.y, 200,
                  test=(test.X, test.y))
    assert list(found) == ["overfitting"]
    assert "while the training loss fell" in found["overfitting"][1].seen


UPDATES = 3000
"""The shipped examples train this many updates (3000 epochs of a full batch): a mini-batch
example as many epochs as give about that many updates, at least 200 (the seed-002 study's
epochs), so the test stays fast."""


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_the_shipped_examples_trained_normally_raise_nothing(name):
    bench = EXAMPLES[name]().build()
    X, Y = bench.train_arrays()
    batch = bench.trainer.batch_size or len(X)
    epochs = max(200, UPDATES // -(-len(X) // batch))
    assert watch(bench.trainer, X, Y, epochs, every=25) == {}


RANDOMLY_STARTED = ["sin", "points8", "binary4", "linear_regression"]


@settings(max_examples=12, deadline=None)
@given(name=st.sampled_from(RANDOMLY_STARTED), seed=st.integers(0, 2**16),
       epochs=st.integers(200, 1500))
def test_the_examples_from_other_starting_weights_raise_nothing(name, seed, epochs):
    """From other starting weights, no note but (rarely) a true one on a long plateau: the
    3×4 binary example from 1 in 1,000 starts sits near loss 1/3 past epoch 500, where a
    larger learning rate would help (see FLAT_MIN_EPOCHS)."""
    session = EXAMPLES[name]()
    session = replace(session, network=replace(session.network, seed=seed))
    bench = session.build()
    X, Y = bench.train_arrays()
    found = watch(bench.trainer, X, Y, epochs, every=50)
    if "flat_loss" in found:
        epoch, _ = found.pop("flat_loss")
        loss = np.array(bench.trainer.history.train_loss[epoch // 2:epoch])
        assert name == "binary4" and np.ptp(loss) < 0.01 * np.median(loss)
    assert found == {}
