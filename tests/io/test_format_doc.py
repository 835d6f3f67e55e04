"""docs/file-format.md states the limits as bpstudio/limits.py has them."""

import re
from pathlib import Path

from bpstudio import limits

from .test_file_size import bound, pinned_bound

DOC = (Path(__file__).resolve().parents[2] / "docs" / "file-format.md").read_text()
OTHERS = ("MAX_CSV_", "MAX_SWEEP_")
TABLE = {name: value for name, value in vars(limits).items()
         if name.startswith("MAX_") and not name.startswith(OTHERS)}
"""The limits of a session; those of importing a CSV file are in docs/csv-import.md, those
of a sweep in docs/cli.md."""


def section(title):
    start = DOC.index(f"\n## {title}\n")
    return DOC[start:DOC.index("\n## ", start + 1)]


def limit_rows():
    """``{limit name: the row's "limit" cell}`` of the Limits table."""
    rows = {}
    for line in section("Limits").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 4:
            for name in re.findall(r"`(MAX_\w+)`", cells[1]):
                rows[name] = cells[1]
    return rows


def test_every_limit_is_in_the_table_with_its_number():
    rows = limit_rows()
    assert set(rows) == set(TABLE)
    for name, cell in rows.items():
        assert f"{TABLE[name]:,}" in cell, (name, cell)
    assert f"{limits.MAX_FILE_BYTES // 2**20} MiB" in rows["MAX_FILE_BYTES"]
    assert "2⁶³−1" in rows["MAX_SEED"] and limits.MAX_SEED == 2**63 - 1


def test_the_largest_file_the_doc_names_is_the_computed_bound():
    worst = bound(limits.MAX_PARAMETERS, min(limits.MAX_PARAMETERS, limits.MAX_TABLE_VALUES),
                  limits.MAX_TABLE_VALUES, limits.MAX_HISTORY_ROWS,
                  limits.MAX_TITLE_CHARS + limits.MAX_NOTES_CHARS,
                  limits.MAX_CLASSES + limits.MAX_COLUMN_NAMES)
    worst += pinned_bound(limits.MAX_PINNED_RUNS, limits.MAX_PINNED_PARAMETERS,
                          limits.MAX_HISTORY_ROWS)
    assert f"at most {worst:,} bytes ({worst / 2**20:.1f} MiB" in section("Limits")


def test_the_fields_state_the_same_limits():
    for phrase in (
        f"string (≤ {limits.MAX_TITLE_CHARS:,} characters, one line)",
        f"string (≤ {limits.MAX_NOTES_CHARS:,} characters)",
        f"list of 1–{limits.MAX_LAYERS} objects",
        f"at most **{limits.MAX_PARAMETERS:,}** parameters",
        f"`n` is the number of samples, at most {limits.MAX_SAMPLES:,}; `classes`\nat most "
        f"{limits.MAX_CLASSES:,}",
        f"N rows (1 ≤ N ≤ {limits.MAX_SAMPLES:,})",
        f"whole numbers 0 … {limits.MAX_CLASSES - 1}",
        f"integer 1 … {limits.MAX_SAMPLES:,} or `null`",
        f"integer 1 … {limits.MAX_EPOCHS:,} or `null`",
        f"integer 0 … {limits.MAX_EPOCHS:,} | epochs done",
        f"at most {limits.MAX_HISTORY_ROWS:,} rows",
        f"1–{limits.MAX_NAME_CHARS} characters",
        f"at most {limits.MAX_COLUMN_NAMES:,} names of columns",
    ):
        assert phrase in DOC, phrase
