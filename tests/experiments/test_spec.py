"""Sweep specs: values as lists and ranges, checked with messages that name the fix, and the
runs a spec makes from a base session."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.experiments import SweepSpec, parse_vary, plan
from bpstudio.limits import MAX_SWEEP_RUNS, MAX_SWEEP_VALUES
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig


def _base(**training) -> Session:
    return Session(
        network=NetworkSpec((LayerSpec(6, "tanh"), LayerSpec(4, "relu")), "sigmoid",
                            "binary_cross_entropy", seed=3),
        data=DataSpec("spiral", {"n": 40}, test_fraction=0.25),
        training=TrainingConfig("sgd", learning_rate=0.1, seed=7, **training),
    )


def test_a_linear_range_includes_its_stop():
    assert parse_vary("hidden=5:100:5").values == tuple(range(5, 101, 5))
    assert parse_vary("hidden=5:12:5").values == (5, 10)
    assert parse_vary("l2=0:0.3:0.1").values == (0.0, 0.1, 0.2, 0.3)


@given(st.integers(1, 500), st.integers(0, 400), st.integers(1, 50))
def test_a_whole_number_range_is_pythons_range_with_its_stop(start, span, step):
    stop = start + span
    assert parse_vary(f"hidden={start}:{stop}:{step}").values == \
        tuple(range(start, stop + 1, step))


@given(st.floats(1e-6, 1.0), st.floats(1.5, 1e3), st.integers(2, 30))
def test_a_log_range_keeps_its_ends_and_grows_evenly(start, factor, count):
    values = parse_vary(f"lr={start!r}:{start * factor!r}:log{count}").values
    assert len(values) == count and values[0] == start and values[-1] == start * factor
    ratios = [b / a for a, b in itertools.pairwise(values)]
    assert max(ratios) == pytest.approx(min(ratios), rel=1e-9)


def test_a_log_range_has_n_values_from_start_to_stop():
    values = parse_vary("lr=1e-3:1:log4").values
    assert values == (0.001, 0.01, 0.1, 1.0)
    assert len(parse_vary("lr=1e-3:1:log5").values) == 5


def test_lists_of_numbers_and_names():
    assert parse_vary("batch=8,16,full").values == (8, 16, None)
    assert parse_vary("optimizer=sgd,adam").values == ("sgd", "adam")
    assert parse_vary("activation=tanh,relu").values == ("tanh", "relu")
    assert parse_vary("hidden2=3,9").values == (3, 9)


@pytest.mark.parametrize(("text", "words"), [
    ("hiden=5", ["setting: unknown name 'hiden'", "did you mean 'hidden'"]),
    ("hidden", ["NAME=VALUES"]),
    ("hidden=5:100:0", ["the step must be > 0", "hidden=5:100:5"]),
    ("hidden=100:5:5", ["STOP must not be below START"]),
    ("hidden=2.5,4", ["hidden: expected whole numbers, got '2.5'"]),
    ("lr=0:1:log3", ["a log range needs START and STOP > 0"]),
    ("lr=1e-3:1:log1", ["logN needs a whole number of values N >= 2"]),
    ("lr=a,b", ["lr: expected numbers"]),
    ("optimizer=sgd,adagrad", ["optimizer: unknown name 'adagrad'"]),
    ("activation=softmax", ["activation: unknown name 'softmax'"]),
    ("hidden=4,4", ["gives a value twice"]),
    (f"hidden=1:{MAX_SWEEP_VALUES + 1}:1", [f"at most {MAX_SWEEP_VALUES:,} values"]),
])
def test_bad_values_name_the_setting_and_the_fix(text, words):
    with pytest.raises(ValueError) as caught:
        parse_vary(text)
    for word in words:
        assert word in str(caught.value)


def test_a_spec_is_checked():
    with pytest.raises(ValueError, match="at least one setting"):
        SweepSpec(())
    with pytest.raises(ValueError, match="at most 2 settings"):
        SweepSpec((parse_vary("hidden=1"), parse_vary("lr=1"), parse_vary("l2=0")))
    with pytest.raises(ValueError, match="seeds: must be a whole number >= 1"):
        SweepSpec((parse_vary("hidden=1"),), seeds=0)
    with pytest.raises(ValueError, match=f"runs: at most {MAX_SWEEP_RUNS:,} runs"):
        SweepSpec((parse_vary("hidden=1:1000:1"), parse_vary("lr=1:11:1")))


def test_the_runs_of_a_grid_with_seeds():
    spec = SweepSpec((parse_vary("hidden=3,5"), parse_vary("lr=0.1,0.2,0.3")), seeds=2)
    runs = plan(_base(), spec)
    assert len(runs) == 12
    assert [r.point for r in runs[:4]] == [0, 0, 1, 1]
    last = runs[-1]
    assert last.values == (5, 0.3) and last.seed == 1
    assert [layer.size for layer in last.session.network.hidden] == [5, 5]
    assert [layer.activation for layer in last.session.network.hidden] == ["tanh", "relu"]
    assert last.session.training.learning_rate == 0.3
    assert (last.session.network.seed, last.session.training.seed) == (4, 8)  # base + seed
    assert (runs[0].session.network.seed, runs[0].session.training.seed) == (3, 7)


def test_one_layer_layer_count_and_activation():
    layer = plan(_base(), SweepSpec((parse_vary("hidden2=9"),)))[0].session.network.hidden
    assert [h.size for h in layer] == [6, 9]
    counts = plan(_base(), SweepSpec((parse_vary("layers=0,1,3"),)))
    assert [len(r.session.network.hidden) for r in counts] == [0, 1, 3]
    assert counts[2].session.network.hidden[2] == LayerSpec(4, "relu")  # repeats the last
    # the count applies before the sizes, whichever is named first
    grid = plan(_base(), SweepSpec((parse_vary("hidden=2"), parse_vary("layers=3"))))
    assert [h.size for h in grid[0].session.network.hidden] == [2, 2, 2]


def test_settings_the_session_refuses_name_the_setting():
    with pytest.raises(ValueError, match="hidden3: the network has 2 hidden layer"):
        plan(_base(), SweepSpec((parse_vary("hidden3=4"),)))
    with pytest.raises(ValueError, match="momentum: the optimizer 'sgd' takes no momentum"):
        plan(_base(), SweepSpec((parse_vary("momentum=0.5,0.9"),)))
    with pytest.raises(ValueError, match=r"lr=-1\.0: learning_rate"):
        plan(_base(), SweepSpec((parse_vary("lr=-1"),)))
    with pytest.raises(ValueError, match="hidden: the network has no hidden layer"):
        plan(_base(), SweepSpec((parse_vary("layers=0"), parse_vary("hidden=3"))))


def test_the_seed002_study():
    from bpstudio.experiments.seed002 import seed002_sweep

    base, spec = seed002_sweep(seeds=2, epochs=3, sizes=(5, 10))
    runs = plan(base, spec)
    data = base.prepare_data()
    assert (data.train.n_samples, data.test.n_samples, data.n_inputs) == (750, 250, 20)
    assert [r.session.network.layer_sizes(20, 1) for r in runs[::2]] == [[20, 5, 5, 1],
                                                                          [20, 10, 10, 1]]
    assert spec.measure_every == 3 and runs[0].session.training.optimizer == "adam"


def test_every_setting_is_documented_and_offered_by_the_command_line():
    from pathlib import Path

    from bpstudio.cli.parser import build_parser
    from bpstudio.experiments import SETTINGS

    docs = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
    sweep_help = build_parser()._subparsers._group_actions[0].choices["sweep"].format_help()
    for name in SETTINGS:
        assert f"`{name}`" in docs, name
        assert name in sweep_help, name


def test_every_sweep_limit_is_in_the_commands_docs_with_its_number():
    from pathlib import Path

    from bpstudio import limits

    docs = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
    names = [n for n in vars(limits) if n.startswith("MAX_SWEEP_")]
    assert len(names) == 7
    for name in names:
        assert f"| {getattr(limits, name):,} (`{name}`) |" in docs, name


def test_the_seed002_baseline_and_tensorflow_runs_share_the_study_data():
    from bpstudio.experiments.seed002 import seed002_baseline, seed002_session, seed002_tensorflow

    study, baseline, tf = seed002_session(), seed002_baseline(), seed002_tensorflow()
    assert baseline.data == study.data == tf.data and baseline.network.hidden == ()
    assert baseline.training == study.training
    data = tf.prepare_data()
    assert tf.network.layer_sizes(data.n_inputs, data.n_outputs) == [20, 10, 10, 1]
    assert (tf.network.loss, tf.network.output_activation) == ("mse", "identity")
    assert (tf.training.optimizer, tf.training.learning_rate, tf.training.batch_size,
            tf.training.epoch_limit) == ("sgd", 0.1, None, 1000)
