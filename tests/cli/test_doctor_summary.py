"""``bpstudio train`` ends its summary with the training doctor's findings."""

import re
from pathlib import Path

from bpstudio.core.doctor_findings import GUIDE

from .helpers import run

GUIDE_FILE = Path(__file__).resolve().parents[2] / "docs" / "guide.md"
SPIRAL = ("--data", "spiral", "--param", "classes=3", "--layers", "2,32,32,32,3",
          "--activations", "tanh,tanh,tanh,softmax", "--loss", "cross_entropy",
          "--optimizer", "adam", "--lr", "0.01", "--batch-size", "32")


def train(capsys, tmp_path, init):
    path = tmp_path / f"{init}.bpnet"
    assert run(capsys, "new", *SPIRAL, "--init", init, "-o", path)[0] == 0
    code, out, _ = run(capsys, "train", path, "--epochs", 300)
    assert code == 0
    return out.splitlines()


def test_a_saturated_start_is_named_with_its_cause_and_its_guide_section(capsys, tmp_path):
    summary, *notes = train(capsys, tmp_path, "uniform")
    assert "trained epochs 1-300" in summary
    saturated = [n for n in notes if n.startswith("doctor (warning): ")
                 and n.endswith("(docs/guide.md#saturated-units)")]
    assert len(saturated) == 1 and "xavier_uniform" in saturated[0], notes


def test_the_same_network_from_good_weights_has_nothing_to_say(capsys, tmp_path):
    summary, *notes = train(capsys, tmp_path, "xavier_uniform")
    assert "trained epochs 1-300" in summary and notes == []


def anchors(markdown: str) -> set[str]:
    """GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped,
    spaces to hyphens."""
    headings = re.findall(r"^#+ (.+)$", markdown, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_every_finding_points_at_a_section_of_the_guide():
    """The rules name their sections in their source; each one exists in docs/guide.md."""
    sources = Path(__file__).resolve().parents[2] / "bpstudio" / "core"
    named = set()
    for module in sources.glob("doctor_*.py"):
        named |= set(re.findall(r'GUIDE \+ "([\w-]+)"', module.read_text()))
    assert GUIDE == "guide.md#" and len(named) == 7
    assert named <= anchors(GUIDE_FILE.read_text(encoding="utf-8")), named
