"""Every script in bench/ and scripts/ explains itself with --help (argparse formats help
strings with %, so a stray percent sign breaks it)."""

import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCRIPTS = sorted(p for folder in ("bench", "scripts") for p in (ROOT / folder).glob("*.py")
                 if "argparse" in p.read_text())


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_help_works(script):
    out = subprocess.run([sys.executable, str(script), "--help"], capture_output=True,
                         text=True, cwd=ROOT, timeout=60,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage:")
