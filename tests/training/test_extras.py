"""The extras a snapshot may carry: known names only, on the neuron view's grid."""

import pytest

from bpstudio.session import DataSpec
from bpstudio.training.extras import EXTRAS, HIDDEN_OUTPUTS, known_extras, neuron_grid


def test_only_known_extras_may_be_wanted():
    assert known_extras([HIDDEN_OUTPUTS]) == frozenset({HIDDEN_OUTPUTS})
    assert known_extras(EXTRAS) == EXTRAS
    with pytest.raises(ValueError, match=r"keys: unknown extras \['mean_abs_grads'\]"):
        known_extras({"mean_abs_grads", HIDDEN_OUTPUTS})


def test_the_neuron_grid_is_coarse_and_only_for_one_or_two_inputs():
    plane = neuron_grid(DataSpec("spiral", {"n": 30}).load())
    assert plane.kind == "plane" and plane.inputs.shape == (48 * 48, 2)
    assert neuron_grid(DataSpec("sin", {"n": 10}).load()).kind == "curve"


def test_the_doctors_findings_come_with_a_snapshot_and_the_units_are_read_rarely(monkeypatch):
    from dataclasses import replace

    from bpstudio.examples import EXAMPLES
    from bpstudio.training import TrainingRun
    from bpstudio.training import extras as extras_module
    from bpstudio.training.extras import DOCTOR_FINDINGS

    reads = []
    real = extras_module.read_units
    monkeypatch.setattr(extras_module, "read_units",
                        lambda *a, **k: reads.append(1) or real(*a, **k))
    session = EXAMPLES["sin"]()
    session = session.with_training(replace(session.training, learning_rate=10.0))
    run = TrainingRun(session)
    run.extras.wanted = frozenset({DOCTOR_FINDINGS})
    run.train_for(epochs=40)
    first = run.snapshot().extras[DOCTOR_FINDINGS]
    assert "exploding_loss" in [f.id for f in first]
    run.train_for(epochs=2)
    run.snapshot()
    assert len(reads) == 1  # within UNIT_READING_SECONDS, and the epochs did not double
    calm = TrainingRun(EXAMPLES["sin"]())
    calm.extras.wanted = frozenset({DOCTOR_FINDINGS})
    for epochs, expected in ((10, 2), (2, 2), (10, 3)):  # read at 10, not 12, again at 22
        calm.train_for(epochs=epochs)
        calm.snapshot()
        assert len(reads) == expected
