"""docs/export.md: every Python block runs as written, in order, on the files the page names,
and every prediction it makes is the network's."""

import importlib.util
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from bpstudio.examples import EXAMPLES
from bpstudio.io import save
from bpstudio.io.export import export_csv, export_npz
from bpstudio.io.predictions import export_predictions

from .conftest import train

DOC = (Path(__file__).resolve().parents[2] / "docs" / "export.md").read_text()
BLOCKS = re.findall(r"```python\n(.*?)```", DOC, flags=re.S)
OPTIONAL = ("torch", "onnxruntime", "onnx")
"""Packages a block may need that the test environment may lack: such a block is skipped."""


def needs(block: str) -> list[str]:
    used = set(re.findall(r"^(?:import|from) (\w+)", block, flags=re.M))
    used |= {"onnx"} if "export_onnx" in block else set()
    return [name for name in OPTIONAL if name in used]


@pytest.fixture
def sin_files(tmp_path, monkeypatch):
    """The page's files: sin.bpnet trained a little, its .npz and history, and inputs.csv."""
    session = train(EXAMPLES["sin"](), 20)
    save(tmp_path / "sin.bpnet", session)
    export_npz(session, tmp_path / "sin.npz")
    export_csv(session, tmp_path / "history.csv", "r2")
    export_predictions(session, tmp_path / "predictions.csv")
    X = np.linspace(-3.0, 3.0, 25).reshape(-1, 1)
    (tmp_path / "inputs.csv").write_text("\n".join(repr(float(x)) for x in X[:, 0]) + "\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "predict", raising=False)
    return session.build().net.predict(X)


def test_the_page_has_the_blocks_it_describes():
    assert len(BLOCKS) == 8
    assert [needs(block) for block in BLOCKS] == [[], ["torch"], [], [], ["onnx"],
                                                  ["onnxruntime"], [], []]


def test_every_python_block_runs_and_predicts_what_the_network_predicts(sin_files):
    want, ran, skipped = sin_files, 0, []
    for block in BLOCKS:
        missing = [name for name in needs(block) if importlib.util.find_spec(name) is None]
        if missing:
            skipped.append(missing)
            continue
        namespace: dict = {}
        exec(compile(block, "docs/export.md", "exec"), namespace)
        ran += 1
        if "y" in namespace:
            y = np.asarray(namespace["y"])
            if "bit for bit" in block:
                assert y.tobytes() == want.tobytes()
            else:
                np.testing.assert_allclose(y, want, rtol=1e-12, atol=1e-12)
        if "last_loss" in namespace:
            assert namespace["last_loss"] > 0
        if "rows" in namespace:  # the sin example has no test part
            assert len(namespace["rows"]) == 100 and namespace["test"] == []
    assert ran + len(skipped) == len(BLOCKS)
    assert Path("predict.py").exists()
