#!/usr/bin/env python
"""Train every built-in dataset in the real app and save a screenshot of each into docs/.

Run from the repository root::

    python scripts/screenshots.py [--seconds 4] [--only spiral,xor] [--out docs/screenshots]
    python scripts/screenshots.py --views     # the plot views alone, fed by in-process training

Without a display it re-runs itself under ``xvfb-run`` (1600 × 1000 × 24) when that exists,
else it renders offscreen on a 1600 × 1000 screen; ``QWidget.grab()`` gives the same pixels
either way (see STACK.md). For each dataset it picks the dataset in ``datasetCombo`` as a
person would, sets a network that can learn it, presses ``trainButton``, waits, pauses and
saves ``<out>/<dataset>.png``.

``--views`` needs no main window: it trains each dataset with the core in this process, feeds
the snapshots to the four plot views laid out as the window shows them, and saves those.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1600, 1000)


@dataclass(frozen=True)
class Preset:
    """A network and optimizer that learn the dataset within a few seconds."""

    hidden: tuple[int, ...]
    activation: str = "tanh"
    optimizer: str = "adam"
    learning_rate: float = 0.01
    epochs: int = 1500  # for --views: the work of a few seconds in the app
    test_fraction: float = 0.2


PRESETS: dict[str, Preset] = {
    "sin": Preset((8,), epochs=3000),
    "points8": Preset((4,), learning_rate=0.05, epochs=400, test_fraction=0.0),
    "binary4": Preset((3,), activation="sigmoid", learning_rate=0.05, epochs=400,
                      test_fraction=0.0),
    "xor": Preset((8,), learning_rate=0.02),
    "circles": Preset((8,), learning_rate=0.02),
    "moons": Preset((8,), learning_rate=0.02, epochs=2000),
    "gaussians": Preset((8,), learning_rate=0.02),
    "spiral": Preset((16, 16), epochs=3000),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="training time per dataset")
    parser.add_argument("--only", default="", help="comma-separated dataset names")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--views", action="store_true", help="the views alone, no main window")
    args = parser.parse_args(argv)
    if _needs_display():
        return _rerun_with_display()
    names = [n for n in args.only.split(",") if n] or list(PRESETS)
    unknown = sorted(set(names) - set(PRESETS))
    if unknown:
        parser.error(f"--only: unknown dataset(s) {', '.join(unknown)}; pick from {list(PRESETS)}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    shoot = _shoot_views if args.views else _shoot_app
    for name in names:
        path = out / f"{name}.png"
        shoot(name, PRESETS[name], args.seconds, path)
        print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    if _window is not None:
        _window.document.modified = False  # nothing to save: close without asking
        _window.close()
    return 0


def _needs_display() -> bool:
    return (
        "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY")
        and shutil.which("xvfb-run") is not None and "BPSTUDIO_SHOTS_CHILD" not in os.environ
    )


def _rerun_with_display() -> int:
    env = dict(os.environ, BPSTUDIO_SHOTS_CHILD="1", QT_QPA_PLATFORM="xcb")
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {SIZE[0]}x{SIZE[1]}x24",
               sys.executable, *sys.argv]
    return subprocess.run(command, env=env, check=False).returncode


def _app():
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY"):
        screens = {"screens": [{"name": "s0", "x": 0, "y": 0, "width": SIZE[0],
                                "height": SIZE[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                "dpr": 1}]}
        config = Path(tempfile.gettempdir()) / "bpstudio-screens.json"
        config.write_text(json.dumps(screens))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    from PySide6.QtCore import QSettings, QStandardPaths

    from bpstudio.gui.window.app import create_app

    app = create_app([sys.argv[0]])
    # a fresh layout every time, and the person's own settings stay untouched
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="bpstudio-shots-"))
    return app


def _wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


# -- the real app -----------------------------------------------------------------------------

_window = None


def _shoot_app(name: str, preset: Preset, seconds: float, path: Path) -> None:
    global _window
    from PySide6.QtWidgets import QComboBox, QWidget

    app = _app()
    if _window is None:
        from bpstudio.gui.window.main_window import MainWindow

        _window = MainWindow()
        _window.resize(*SIZE)
        _window.show()
        _wait(500)
    window = _window
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData(name))
    _set_design(window, preset)
    _wait(300)
    window.findChild(QWidget, "resetButton").click()
    _wait(300)
    train = window.findChild(QWidget, "trainButton")
    train.click()
    _wait(int(seconds * 1000))
    train.click()
    _wait(500)
    _wait(50)
    app.processEvents()
    window.grab().save(str(path))


def _set_design(window, preset: Preset) -> None:
    """Hidden layers, activation, optimizer, learning rate, test fraction and standardized
    inputs, through the designer's widgets."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox, QWidget

    add = window.findChild(QWidget, "addLayerButton")
    remove = window.findChild(QWidget, "removeLayerButton")
    table = window.findChild(QWidget, "layersTable")
    while table.rowCount() > len(preset.hidden):
        table.selectRow(table.rowCount() - 1)
        remove.click()
    while table.rowCount() < len(preset.hidden):
        add.click()
    for row, size in enumerate(preset.hidden):
        window.findChild(QSpinBox, f"layerSizeSpin{row}").setValue(size)
        activation = window.findChild(QComboBox, f"layerActivationCombo{row}")
        activation.setCurrentIndex(activation.findText(preset.activation))
    optimizer = window.findChild(QComboBox, "optimizerCombo")
    optimizer.setCurrentIndex(optimizer.findData(preset.optimizer))
    window.findChild(QDoubleSpinBox, "learningRateSpin").setValue(preset.learning_rate)
    window.findChild(QDoubleSpinBox, "testFractionSpin").setValue(preset.test_fraction)
    window.findChild(QCheckBox, "standardizeCheck").setChecked(True)


# -- the views alone --------------------------------------------------------------------------


def _shoot_views(name: str, preset: Preset, seconds: float, path: Path) -> None:
    from PySide6.QtWidgets import QGridLayout, QWidget

    from bpstudio.core.snapshot import PlotGrid
    from bpstudio.gui.views import DecisionRegionView, FitPlotView, LossPlotView, NetworkView

    _app()
    run = _Training(name, preset)
    board = QWidget()
    board.setStyleSheet("background: white;")
    board.resize(*SIZE)
    grid_layout = QGridLayout(board)
    views = [LossPlotView(), FitPlotView(), DecisionRegionView(), NetworkView()]
    loss, fit, regions, network = views
    grid = PlotGrid.around(run.data.full.X)
    side = [loss, network]
    if grid is None:  # nothing to draw over the inputs: the network takes the big pane
        main_view, side = network, [loss]
    else:
        main_view = fit if grid.kind == "curve" else regions
    for view in views:
        view.setVisible(view is main_view or view in side)
    grid_layout.addWidget(main_view, 0, 0, 2, 1)
    for row, view in enumerate(side):
        grid_layout.addWidget(view, row, 1, 2 // len(side), 1)
    grid_layout.setColumnStretch(0, 3)
    grid_layout.setColumnStretch(1, 2)
    for view in views:
        view.set_data(run.data, grid)
    board.show()
    for snapshot in run.snapshots(grid, preset.epochs, chunks=60):
        for view in views:
            view.show_snapshot(snapshot)
        _wait(1)
    _wait(200)
    _wait(50)
    board.grab().save(str(path))
    board.close()


class _Training:
    """The core training the dataset in this process, snapshotted as the worker does."""

    def __init__(self, name: str, preset: Preset) -> None:
        from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig

        data = DataSpec(name, {}, test_fraction=preset.test_fraction, standardize=True)
        prepared = data.load()
        output, loss = _output_pair(prepared)
        session = Session(
            network=NetworkSpec(
                hidden=tuple(LayerSpec(n, preset.activation) for n in preset.hidden),
                output_activation=output, loss=loss,
            ),
            data=data,
            training=TrainingConfig(optimizer=preset.optimizer,
                                    learning_rate=preset.learning_rate),
        )
        self.bench = session.build(prepared)
        self.data = prepared

    def snapshots(self, grid, epochs: int, chunks: int):
        from bpstudio.core.metrics import evaluate
        from bpstudio.core.snapshot import make_snapshot
        from bpstudio.session import training_targets

        bench, data = self.bench, self.data
        X = data.inputs(data.train)
        Y = training_targets(data.train, bench.net.layer_sizes[-1])
        grid_inputs = None if grid is None else data.standardizer.transform(grid.inputs)
        since = 0
        for _ in range(chunks):
            bench.trainer.fit(X, Y, max(epochs // chunks, 1))
            metrics = {f"train_{k}": v for k, v in _scores(evaluate, bench, data.train).items()}
            if data.test.n_samples:
                metrics |= {f"test_{k}": v for k, v in _scores(evaluate, bench, data.test).items()}
            yield make_snapshot(bench.net, bench.trainer.history, since, run_id=1,
                                epochs_per_second=0.0, metrics=metrics, grid_inputs=grid_inputs)
            since = len(bench.trainer.history)


def _scores(evaluate, bench, part) -> dict[str, float]:
    from bpstudio.core.dataset import Dataset

    scaled = Dataset(bench.data.inputs(part), part.y, part.task, part.name, part.params,
                     part.n_classes)
    return evaluate(bench.net, scaled)


def _output_pair(data) -> tuple[str, str]:
    if data.task == "regression":
        return "identity", "mse"
    return ("sigmoid", "binary_cross_entropy") if data.n_outputs == 1 else (
        "softmax", "cross_entropy")


if __name__ == "__main__":
    raise SystemExit(main())
