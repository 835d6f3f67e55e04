import subprocess
import sys


def test_core_io_session_and_document_never_import_qt():
    code = (
        "import sys, importlib\n"
        "for name in ('bpstudio.core', 'bpstudio.core.datasets', 'bpstudio.core.metrics',\n"
        "             'bpstudio.io', 'bpstudio.session', 'bpstudio.document'):\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ModuleNotFoundError as exc:\n"
        "        if exc.name != name:\n"
        "            raise\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in\n"
        "             {'PySide6', 'pyqtgraph', 'shiboken6'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    assert out.strip() == "[]"


def test_core_uses_no_global_random_state():
    import pathlib

    core = pathlib.Path(__file__).parents[2] / "bpstudio" / "core"
    for path in core.glob("*.py"):
        text = path.read_text()
        for banned in ("np.random.seed", "np.random.rand(", "np.random.randn", "np.random.random(",
                       "np.random.uniform", "np.random.normal", "np.random.permutation",
                       "np.random.shuffle", "np.random.choice", "import random"):
            assert banned not in text, f"{path.name} uses global randomness: {banned}"


def test_the_cyclic_collector_runs_during_core_tests():
    # the GUI tests switch it off around each of their tests only (tests/gui/conftest.py)
    import gc

    assert gc.isenabled()
