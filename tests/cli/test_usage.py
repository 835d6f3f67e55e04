"""Command lines that cannot work: a usage error (exit 2) with one true line, never the app,
never a traceback (#9 §6)."""

import os
import subprocess
import sys
import time

import pytest

from bpstudio.examples import example_path

from .helpers import error_line, run


@pytest.fixture
def no_gui(monkeypatch):
    """Fails the test if the app is opened."""
    def opened(path=None):
        raise AssertionError(f"the app was opened with {path!r}")

    monkeypatch.setattr("bpstudio.cli.entry.launch_gui", opened)


@pytest.mark.parametrize(("argv", "suggestion"), [
    (["trian"], "did you mean 'train'?"),
    (["inof", "x.bpnet"], "did you mean 'info'?"),
    (["exprot"], "did you mean 'export'?"),
    (["frobnicate"], ""),
])
def test_neither_a_command_nor_a_file_is_a_usage_error_with_a_suggestion(
    no_gui, tmp_path, monkeypatch, capsys, argv, suggestion,
):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    line = error_line(err)
    assert code == 2 and out == ""
    assert line.startswith(f"bpstudio: error: command: unknown name '{argv[0]}'")
    assert suggestion in line and "new, train, info, export" in line
    assert "did you mean" in line if suggestion else "did you mean" not in line


def test_a_typo_without_a_display_is_a_usage_error_not_an_abort(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "bpstudio", "trian"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 2
    assert "did you mean 'train'?" in error_line(done.stderr)


def test_an_existing_file_without_a_display_says_so_instead_of_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "bpstudio", str(example_path("sin"))],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert error_line(done.stderr).startswith("bpstudio: no display to open the app on")


def test_an_unknown_command_of_100k_characters_costs_nothing(no_gui, capsys):
    started = time.monotonic()
    code, _, err = run(capsys, "\x1b[31m" + "x" * 100_000)
    assert code == 2 and time.monotonic() - started < 1.0
    line = error_line(err)
    assert len(line) < 2200 and "\x1b" not in line and "\\x1b[31m" in line


def test_an_unknown_option_is_called_that(capsys):
    code, _, err = run(capsys, "--bogus")
    line = error_line(err)
    assert code == 2 and line == "bpstudio: error: unrecognized arguments: --bogus"


@pytest.mark.parametrize(("argv", "flag"), [
    (["new", "-o", ""], "-o/--output"),
    (["new", "--example", "sin", "--output", ""], "-o/--output"),
    (["train", "{f}", "--out", "", "--epochs", "1"], "--out"),
    (["export", "{f}", "--npz", ""], "--npz"),
    (["export", "{f}", "--csv", ""], "--csv"),
    (["train", ""], "FILE"),
    (["info", ""], "FILE"),
    (["export", "", "--csv", "h.csv"], "FILE"),
])
def test_an_empty_path_is_a_usage_error_naming_the_flag(tmp_path, monkeypatch, capsys, argv,
                                                        flag):
    monkeypatch.chdir(tmp_path)
    f = tmp_path / "f.bpnet"
    run(capsys, "new", "--example", "sin", "-o", f)
    before = f.read_bytes()
    code, out, err = run(capsys, *(a.format(f=f) for a in argv))
    assert code == 2 and out == ""
    assert error_line(err).endswith(f"error: argument {flag}: expected a file name, got an "
                                    "empty one")
    assert f.read_bytes() == before  # train --out "" never overwrites FILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.bpnet"]


@pytest.mark.parametrize("flag", ["--title", "--notes"])
def test_title_and_notes_are_bounded(tmp_path, capsys, flag):
    from bpstudio.limits import MAX_NOTES_CHARS, MAX_TITLE_CHARS

    limit = MAX_TITLE_CHARS if flag == "--title" else MAX_NOTES_CHARS
    out = tmp_path / "t.bpnet"
    code, _, err = run(capsys, "new", "-o", out, flag, "x" * (limit + 1))
    assert code == 2 and not out.exists()
    assert error_line(err).endswith(
        f"argument {flag}: at most {limit:,} characters are allowed, got {limit + 1:,}"
    )
    assert run(capsys, "new", "-o", out, flag, "x" * limit)[0] == 0


@pytest.mark.parametrize("where", ["info.load_info", "new.save"])
def test_ctrl_c_anywhere_is_one_line_and_exit_130(tmp_path, monkeypatch, capsys, where):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(f"bpstudio.cli.{where}", interrupted)
    argv = ["info", example_path("sin")] if where == "info.load_info" else ["new", "-o",
                                                                      tmp_path / "n.bpnet"]
    code, out, err = run(capsys, *argv)
    assert code == 130 and out == ""
    assert error_line(err) == (f"bpstudio {argv[0]}: interrupted; every file is as it was or "
                               "completely written, never half-written")
