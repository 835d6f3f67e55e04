"""Modules stay small: one over 300 lines says in its docstring why it is one module."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "bpstudio"
LINES = 300


def test_a_module_over_300_lines_gives_the_reason_in_its_docstring():
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text()
        if text.count("\n") > LINES:
            doc = ast.get_docstring(ast.parse(text)) or ""
            if f"{LINES} lines on purpose" not in " ".join(doc.split()):
                unexplained.append(str(path.relative_to(PACKAGE)))
    assert unexplained == []
