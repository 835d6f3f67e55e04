"""Running the real command line in tests."""

from bpstudio import cli


def run(capsys, *argv):
    """``bpstudio ARGV`` in this process: exit code, stdout, stderr (never a traceback)."""
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def error_line(err: str) -> str:
    """The one message line on stderr (argparse prints a usage line before it)."""
    *usage, line = err.splitlines()
    assert err.endswith("\n") and line.startswith("bpstudio"), err
    assert not usage or (usage[0].startswith("usage: ") and
                         all(u.startswith(" ") for u in usage[1:])), err
    return line
