"""``bpstudio train`` and a TrainingRun give the same history and the same file, bit for bit:
the command line measures, records and saves as the run does."""

import pytest

from bpstudio.io import dumps, load, save
from bpstudio.training import TrainingRun
from tests.cli.helpers import run as cli_run

from .sessions import sin_session, spiral_session

TIME = "2026-01-01T00:00:00Z"


@pytest.mark.parametrize("session, every", [(spiral_session(batch_size=8), 1),
                                            (sin_session(), 1), (sin_session(), 4)])
def test_the_command_line_and_a_run_write_the_same_file(tmp_path, capsys, session, every):
    path = tmp_path / "start.bpnet"
    save(path, session)
    out = tmp_path / "cli.bpnet"
    code, _, err = cli_run(capsys, "train", path, "--epochs", "10", "--measure-every", every,
                           "--out", out)
    assert code == 0, err
    run = TrainingRun(load(path), last_epoch=10)
    run.train_for(measure_every=every)
    by_cli = load(out)
    assert by_cli.history == run.history
    assert dumps(by_cli, created=TIME, modified=TIME) == \
        dumps(run.to_session(), created=TIME, modified=TIME)
