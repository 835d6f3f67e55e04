"""Text from a file or the command line prints as one harmless line: escaped, quoted where it
is not plain, and every message shortened (#9 §2)."""

import json
import re
import time

from bpstudio.core.text import MESSAGE_CHARS
from bpstudio.io import dumps
from bpstudio.session import DataSpec, Session

from .helpers import error_line, run

HOSTILE = "\x1b[31mRED\nb"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Every control character but the line break that ends a printed line."""


def _rows(out: str) -> dict[str, str]:
    return {line[:9].strip(): line[10:] for line in out.splitlines()}


def test_info_prints_a_hostile_title_and_notes_as_one_escaped_line_each(tmp_path, capsys):
    path = tmp_path / "t.bpnet"
    code, _, err = run(capsys, "new", "-o", path, "--title", HOSTILE, "--notes", "x")
    assert code == 2 and "title: must be one line" in err  # a title is one line
    title = HOSTILE.replace("\n", " ")
    code, _, err = run(capsys, "new", "-o", path, "--title", title, "--notes",
                       "first line\nsecond line\x07")
    assert code == 0, err
    code, out, _ = run(capsys, "info", path)
    assert code == 0 and not CONTROL.search(out)
    rows = _rows(out)
    assert list(rows) == ["file", "title", "network", "data", "training", "schedule",
                          "stopping", "epochs", "last", "notes"]
    assert rows["title"] == r"'\x1b[31mRED b'"
    assert rows["notes"] == r"'first line\nsecond line\x07'"


def test_info_prints_plain_text_as_it_is(tmp_path, capsys):
    path = tmp_path / "t.bpnet"
    run(capsys, "new", "-o", path, "--title", "Spiral, 3 turns — λ = 0.01", "--notes", "ok")
    rows = _rows(run(capsys, "info", path)[1])
    assert rows["title"] == "Spiral, 3 turns — λ = 0.01" and rows["notes"] == "ok"


def test_long_notes_with_line_breaks_are_cut_with_their_length(tmp_path, capsys):
    path = tmp_path / "t.bpnet"
    notes = "line\n" * 20_000
    run(capsys, "new", "-o", path, "--notes", notes)
    row = _rows(run(capsys, "info", path)[1])["notes"]
    assert row.startswith(r"'line\nline\n") and row.endswith("… (100,000 characters)")
    assert len(row) < 150


def test_info_json_holds_no_raw_control_characters(tmp_path, capsys):
    path = tmp_path / "t.bpnet"
    title = HOSTILE.replace("\n", " ") + "\x9b2J"  # \x9b: a terminal's one-byte escape
    run(capsys, "new", "-o", path, "--title", title)
    code, out, _ = run(capsys, "info", path, "--json")
    assert code == 0 and not CONTROL.search(out)
    assert json.loads(out)["title"] == title


def test_text_the_file_says_about_itself_is_escaped(tmp_path, capsys):
    text = dumps(Session(data=DataSpec("sin", {"n": 10})))
    doc = json.loads(text)
    doc["app_version"] = "1.0\x1b]0;pwned\x07"
    path = tmp_path / "v.bpnet"
    path.write_text(json.dumps(doc))
    code, out, _ = run(capsys, "info", path)
    assert code == 0 and not CONTROL.search(out)
    assert r"written by BP Studio '1.0\x1b]0;pwned\x07'" in out


def test_a_huge_hostile_key_in_a_file_gives_one_short_clean_line(tmp_path, capsys):
    doc = json.loads(dumps(Session(data=DataSpec("sin", {"n": 10}))))
    doc[HOSTILE + "k" * 1_000_000] = 1
    path = tmp_path / "k.bpnet"
    path.write_text(json.dumps(doc))
    started = time.monotonic()
    code, out, err = run(capsys, "info", path)
    assert time.monotonic() - started < 5.0
    line = error_line(err)
    assert code == 1 and out == ""
    assert not CONTROL.search(err) and len(line) <= MESSAGE_CHARS + 100
    assert line.startswith(f"bpstudio: {path}: ")


def test_a_path_with_control_characters_is_printed_escaped(tmp_path, capsys):
    path = tmp_path / "a\x1b[2Jb\n.bpnet"
    code, _, err = run(capsys, "info", path)
    assert code == 1 and not CONTROL.search(err)
    assert error_line(err).startswith(f"bpstudio: {tmp_path}/a\\x1b[2Jb\\n.bpnet: cannot read")
    code, out, _ = run(capsys, "new", "-o", path)
    assert code == 0 and out.startswith(f"wrote {tmp_path}/a\\x1b[2Jb\\n.bpnet: ")
    assert out.count("\n") == 1


def test_a_usage_error_quoting_the_command_line_is_escaped_and_short(tmp_path, capsys):
    code, _, err = run(capsys, "new", "-o", tmp_path / "x.bpnet", "--layers", "\x1b[2J" * 30_000)
    line = error_line(err)
    assert code == 2 and not CONTROL.search(err) and len(line) < 300
    assert line.startswith("bpstudio new: error: --layers: expected sizes >= 1")
    code, _, err = run(capsys, "info", "x.bpnet", "--\x1b[2J" + "y" * 100_000)
    line = error_line(err)
    assert code == 2 and not CONTROL.search(err) and len(line) <= MESSAGE_CHARS + 100
