"""``--schedule`` and ``--stop``: ``bpstudio new`` writes them, ``train`` applies and changes
them and says why it stopped, ``info`` shows them; a wrong one names the flag and the fix."""

import pytest

from bpstudio.core.schedules import Schedule
from bpstudio.core.stopping import StopRules
from bpstudio.io import load

from .helpers import error_line, run

SPIRAL = ["--data", "spiral", "--param", "n=80", "--test-fraction", "0.25", "--lr", "2"]


def new(tmp_path, capsys, *flags):
    path = tmp_path / "s.bpnet"
    code, _, err = run(capsys, "new", "-o", path, "--force", *SPIRAL, *flags)
    assert code == 0, err
    return path


def test_new_writes_the_schedule_and_the_rules(tmp_path, capsys):
    path = new(tmp_path, capsys, "--schedule", "step:every=100,factor=0.5", "--stop",
               "loss=1e-3,patience=50,min_delta=1e-4,restore,time=60")
    training = load(path).training
    assert training.schedule == Schedule("step", {"every": 100, "factor": 0.5})
    assert training.stopping == StopRules(1e-3, 50, 1e-4, True, 60.0)


def test_a_schedule_without_parameters_takes_the_defaults(tmp_path, capsys):
    assert load(new(tmp_path, capsys, "--schedule", "cosine")).training.schedule == \
        Schedule("cosine", {"period": 1000, "min_factor": 0.01})


@pytest.mark.parametrize(("flags", "message"), [
    (["--schedule", "stepp"], "argument --schedule: unknown name 'stepp' (did you mean "
                              "'step'?)"),
    (["--schedule", "step:every=0"], "argument --schedule: every: must be a whole number "
                                     "from 1 to 1,000,000,000, got 0"),
    (["--schedule", "step:gamma=0.5"], "argument --schedule: gamma: the 'step' schedule takes "
                                       "every, factor"),
    (["--schedule", "step:every"], "argument --schedule: every: expected a number, e.g. "
                                   "step:every=100,factor=0.5"),
    (["--stop", "lose=1"], "argument --stop: unknown rule 'lose'; the rules are loss=, "
                           "patience=, min_delta=, restore and time="),
    (["--stop", "restore"], "argument --stop: restore: only early stopping keeps the best "
                            "weights; give a patience too"),
    (["--stop", "time=-1"], "argument --stop: time: must be a finite number > 0"),
])
def test_a_wrong_schedule_or_rule_names_the_flag_and_the_fix(tmp_path, capsys, flags, message):
    code, _, err = run(capsys, "new", "-o", tmp_path / "s.bpnet", *flags)
    assert code == 2 and message in error_line(err)


def test_early_stopping_without_a_test_part_says_how_to_get_one(tmp_path, capsys):
    code, _, err = run(capsys, "new", "-o", tmp_path / "s.bpnet", "--stop", "patience=5")
    assert code == 2
    assert error_line(err) == ("bpstudio new: error: --stop patience: early stopping watches "
                               "the test loss, but there is no test part; add "
                               "--test-fraction 0.2, or leave patience out")


def test_train_stops_by_the_rule_says_why_and_then_has_nothing_to_do(tmp_path, capsys):
    path = new(tmp_path, capsys, "--stop", "patience=2,min_delta=1000,restore")
    code, out, err = run(capsys, "train", path, "--epochs", "50")
    assert code == 0, err
    assert out.splitlines()[1] == (  # after the summary, before the doctor's findings
        f"{path}: Stopped at epoch 3: early stopping: the test loss stopped improving; best "
        f"test loss {load(path).state.early_stop.best_loss:.6g} at epoch 1 (its weights "
        "restored)")
    code, out, _ = run(capsys, "train", path)
    assert code == 0 and out.startswith(f"{path}: Stopped at epoch 3: ")
    assert "nothing to do" in out and load(path).epoch == 3


def test_train_can_change_the_rules_and_the_schedule(tmp_path, capsys):
    path = new(tmp_path, capsys, "--stop", "patience=2,min_delta=1000")
    run(capsys, "train", path, "--epochs", "50")
    code, out, err = run(capsys, "train", path, "--epochs", "4", "--stop", "loss=1e-9",
                         "--schedule", "exponential:gamma=0.5")
    assert code == 0, err
    session = load(path)
    assert session.epoch == 7 and session.training.stopping == StopRules(target_loss=1e-9)
    # epochs 4 to 7 of the session: a schedule counts the epochs from the first
    assert session.history.learning_rate[-4:] == [2 * 0.5**3, 2 * 0.5**4, 2 * 0.5**5, 2 * 0.5**6]
    assert "Stopped" not in out  # --epochs ran out, not a rule of the file


def test_train_stops_at_the_target_loss(tmp_path, capsys):
    path = new(tmp_path, capsys, "--stop", "loss=10")
    code, out, _ = run(capsys, "train", path, "--epochs", "5")
    assert code == 0 and load(path).epoch == 1
    assert out.splitlines()[1] == f"{path}: Stopped at epoch 1: reached the target training loss"


def test_info_shows_the_schedule_and_the_rules(tmp_path, capsys):
    path = new(tmp_path, capsys, "--schedule", "step:every=10,factor=0.5", "--stop",
               "patience=5,restore,time=30")
    code, out, _ = run(capsys, "info", path)
    rows = dict(line.split(maxsplit=1) for line in out.splitlines())
    assert code == 0
    assert rows["schedule"] == "step (every=10, factor=0.5)"
    assert rows["stopping"] == "patience 5 (min_delta 0, restore best), 30 s"
    code, out, _ = run(capsys, "info", path, "--json")
    assert '"schedule": {\n      "name": "step",\n      "every": 10,' in out
