import subprocess
import sys


def test_core_io_session_document_training_and_experiments_never_import_qt():
    code = (
        "import sys, importlib\n"
        "for name in ('bpstudio.core', 'bpstudio.core.datasets', 'bpstudio.core.metrics',\n"
        "             'bpstudio.io', 'bpstudio.session', 'bpstudio.document',\n"
        "             'bpstudio.training', 'bpstudio.headless', 'bpstudio.experiments'):\n"
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


def test_nothing_outside_the_network_module_uses_a_private_member_of_network():
    import pathlib
    import re

    from bpstudio.core.network import Network

    net = Network([2, 3, 1], ["tanh", "identity"])
    private = sorted(n for n in [*vars(Network), *vars(net)]
                     if n.startswith("_") and not n.startswith("__"))
    assert "_params" in private
    uses = re.compile(r"(\w+)\.(" + "|".join(private) + r")\b")
    root = pathlib.Path(__file__).parents[2] / "bpstudio"
    found = [f"{path.relative_to(root)}:{number}: {line.strip()}"
             for path in root.rglob("*.py") if path != root / "core" / "network.py"
             for number, line in enumerate(path.read_text().splitlines(), 1)
             if any(m.group(1) != "self" for m in uses.finditer(line))]
    assert not found


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
