"""The onnx package stays optional: BP Studio imports without it and says how to add it."""

import subprocess
import sys

import pytest

from bpstudio.core import Network
from bpstudio.io.errors import BPFileError
from bpstudio.io.onnx_export import ONNX_MISSING, onnx_available, onnx_model


def test_without_onnx_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # `import onnx` now raises ImportError
    assert not onnx_available()
    with pytest.raises(BPFileError, match=r'pip install "bpstudio\[onnx\]"') as caught:
        onnx_model(Network([2, 1], ["identity"]))
    assert str(caught.value) == ONNX_MISSING


def test_importing_bpstudio_and_its_exports_does_not_import_onnx():
    code = ("import sys, bpstudio.io, bpstudio.io.onnx_export, bpstudio.io.script_export\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('onnx', 'onnxruntime')))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    assert out.strip() == "[]"
