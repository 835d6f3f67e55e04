"""The wheel carries everything the app needs: built from a clean copy of the sources,
installed into a fresh virtual environment outside the checkout, it writes, trains and
exports an example, installs its desktop entry, and opens the app offscreen.

Offline and quick: the wheel is built without build isolation, installed with ``--no-deps``,
and the fresh environment borrows NumPy, PySide6, pyqtgraph (and onnx) from the environment
running the tests through a ``.pth`` line; BP Studio itself comes only from the wheel.
"""

import importlib.util
import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bpstudio.package_data import ICON_SIZES

ROOT = Path(__file__).resolve().parents[1]

OPEN_THE_APP = """
from bpstudio.gui.window.app import create_app
app = create_app()
from bpstudio.examples import example_path
from bpstudio.gui import MainWindow
window = MainWindow(str(example_path("sin")))
window.show()
window.help.show_guide()
window.help.show_about()
app.processEvents()
assert not app.windowIcon().isNull() and app.desktopFileName() == "bpstudio"
guide = window.help.guide.browser.document().toPlainText()
title = window.windowTitle().replace("[*]", "")
print(title, "|", guide.splitlines()[0], "|", window.help.about.text.text()[:20])
window.help.about.close()
window.help.guide.close()
window.close()
app.processEvents()
"""


def run(venv, *argv, cwd, env=None):
    done = subprocess.run([str(venv / "bin" / argv[0]), *argv[1:]], cwd=cwd, text=True,
                          capture_output=True, timeout=120, env=env)
    assert done.returncode == 0, (argv, done.stdout, done.stderr)
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the fresh environment, a working folder outside the checkout, the wheel)."""
    tmp = tmp_path_factory.mktemp("package")
    source = tmp / "source"  # a clean copy (no stale build/), resources/docs still a link
    for folder in ("bpstudio", "docs"):
        shutil.copytree(ROOT / folder, source / folder, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "_scratch"))
    assert (source / "bpstudio" / "resources" / "docs").is_symlink()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(tmp / "dist"), str(source)], check=True, timeout=120)
    wheel = next((tmp / "dist").glob("bpstudio-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=60)
    subprocess.run([*pip, "--python", str(venv / "bin" / "python"), "install", "--no-deps",
                    "--no-index", str(wheel)], check=True, timeout=120)
    packages = next(venv.glob("lib/python*/site-packages"))
    (packages / "borrowed-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    work = tmp / "work"
    work.mkdir()
    return venv, work, wheel


def test_the_wheel_holds_the_package_data(installed):
    names = set(zipfile.ZipFile(installed[2]).namelist())
    data = "bpstudio/resources/"
    for needed in ("bpnet.schema.json", "examples/sin.bpnet", "icons/bpstudio.svg",
                   *(f"icons/bpstudio-{size}.png" for size in ICON_SIZES),
                   "docs/guide.md", "docs/cli.md", "docs/screenshots/sin.png"):
        assert data + needed in names, needed


def test_bpstudio_comes_from_the_wheel_not_the_checkout(installed):
    venv, work, _ = installed
    where = run(venv, "python", "-c", "import bpstudio.package_data as p; "
                "print(p.__file__); print(p.schema_path())", cwd=work).split()
    assert all(Path(path).is_relative_to(venv) for path in where), where
    assert Path(where[1]).is_file()


def test_the_installed_command_line_writes_trains_and_exports(installed):
    venv, work, _ = installed
    run(venv, "bpstudio", "new", "--example", "sin", "-o", "sin.bpnet", cwd=work)
    trained = run(venv, "bpstudio", "train", "sin.bpnet", "--epochs", "30", cwd=work)
    assert trained.startswith("sin.bpnet: trained epochs 1-30 in ")
    if importlib.util.find_spec("onnx") is None:
        pytest.skip("onnx is not installed (pip install 'bpstudio[onnx]')")
    run(venv, "bpstudio", "export", "sin.bpnet", "--onnx", "sin.onnx", cwd=work)
    assert (work / "sin.onnx").stat().st_size > 1000


def test_the_installed_desktop_entry_starts_the_installed_script(installed, tmp_path):
    venv, work, _ = installed
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    run(venv, "bpstudio", "--install-desktop-entry", cwd=work, env=env)
    entry = (tmp_path / "applications" / "bpstudio.desktop").read_text()
    assert f"Exec={venv / 'bin' / 'bpstudio'} %f" in entry
    assert (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / "bpstudio.png").is_file()


def test_the_installed_app_opens_offscreen_with_its_icon_guide_and_about(installed):
    venv, work, _ = installed
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = run(venv, "python", "-c", OPEN_THE_APP, cwd=work, env=env)
    assert out.startswith("sin.bpnet — BP Studio | BP Studio user guide | <h3>BP Studio ")
