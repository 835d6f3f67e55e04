#!/usr/bin/env python
"""Render the "seeing backpropagation" views offscreen and save them into docs/screenshots/.

Run from the repository root::

    python scripts/lesson_screenshots.py [--out docs/screenshots] [--language zh_CN]

Each view is fed by the real core (the textbook examples, trained in this process) and saved
with ``QWidget.grab()``, which gives the same pixels offscreen as under Xvfb (STACK.md):
inspector.png, graph_lab.png, gradient_flow.png, neurons.png, gradient_check.png and
lesson.png. With ``--language zh_CN``: the inspector and the lesson in Chinese, as
zh_inspector.png and zh_lesson.png (run it under Xvfb with ``QT_QPA_PLATFORM=xcb`` for the
system's CJK fonts).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QWidget  # noqa: E402

from bpstudio.core import SGD, Network, Trainer  # noqa: E402
from bpstudio.core.datasets import make_dataset  # noqa: E402
from bpstudio.core.diagnostics import (  # noqa: E402
    check_gradients,
    hidden_outputs,
    mean_abs_gradients,
)
from bpstudio.core.snapshot import PlotGrid  # noqa: E402
from bpstudio.examples import EXAMPLES  # noqa: E402
from bpstudio.gui.explain.gradcheck_panel import GradientCheckPanel  # noqa: E402
from bpstudio.gui.explain.gradient_flow import GradientFlowView  # noqa: E402
from bpstudio.gui.explain.graph_lab import GraphLabView  # noqa: E402
from bpstudio.gui.explain.inspector import InspectorView  # noqa: E402
from bpstudio.gui.explain.lesson_panel import LessonPanel  # noqa: E402
from bpstudio.gui.explain.neuron_view import NeuronView  # noqa: E402
from bpstudio.lessons import get_lesson  # noqa: E402
from bpstudio.session import Session  # noqa: E402


def _save(app: QApplication, widget: QWidget, size: tuple[int, int], path: Path) -> None:
    widget.resize(*size)
    widget.show()
    app.processEvents()
    widget.grab().save(str(path))
    print(path)


def inspector(app: QApplication, out: Path, prefix: str = "") -> None:
    """The 3×4 binary example at the hidden layer's input, one cell and its sources marked."""
    bench = EXAMPLES["binary4"]().build()
    X, Y = bench.train_arrays()
    view = InspectorView()
    view.set_problem(bench.net, X, Y, 0.1)
    view.show_step(2)
    view.panel("Z1").select_cell(1, 2)
    _save(app, view, (1100, 640), out / f"{prefix}inspector.png")


def graph_lab(app: QApplication, out: Path) -> None:
    view = GraphLabView()
    view.set_bill("apples_oranges")
    _save(app, view, (1150, 600), out / "graph_lab.png")


def gradient_flow(app: QApplication, out: Path) -> None:
    """The same deep network with sigmoid and with tanh hidden layers, on the moons."""
    data = make_dataset("moons", seed=0)
    row = QWidget()
    layout = QHBoxLayout(row)
    for act in ("sigmoid", "tanh"):
        net = Network([2, *[8] * 6, 1], [act] * 6 + ["sigmoid"], loss="binary_cross_entropy",
                      seed=0)
        trainer = Trainer(net, SGD(0.3))
        view = GradientFlowView()
        view.title_label.setText(f"Gradient flow: 6 hidden layers of {act}")
        for _ in range(120):
            trainer.fit(data.X, data.y, 5)
            view.add_point(trainer.epoch, mean_abs_gradients(net, data.X, data.y),
                           tuple(net.weights))
        layout.addWidget(view)
    _save(app, row, (1500, 720), out / "gradient_flow.png")


def neurons(app: QApplication, out: Path) -> None:
    """The eight-point classifier's hidden neurons, one large and all four as thumbnails,
    and the sine fit's 100 hidden sigmoids."""
    grid_widget = QWidget()
    layout = QGridLayout(grid_widget)
    for col, name in enumerate(("points8", "sin")):
        bench = EXAMPLES[name]().build()
        X, Y = bench.train_arrays()
        bench.trainer.fit(X, Y, 3000)
        grid = PlotGrid.around(bench.data.full.X, resolution=60)
        hidden = hidden_outputs(bench.net, bench.data.standardizer.transform(grid.inputs))
        for row, show_all in enumerate((False, True)):
            view = NeuronView()
            view.set_data(bench.data, grid)
            view.show_hidden(hidden)
            view.select_neuron(1, 0)
            view.all_check.setChecked(show_all)
            layout.addWidget(view, row, col)
    _save(app, grid_widget, (1400, 900), out / "neurons.png")


def gradient_check(app: QApplication, out: Path) -> None:
    bench = Session().build()
    X, Y = bench.train_arrays()
    panel = GradientCheckPanel()
    panel.show_report(check_gradients(bench.net, X, Y))
    _save(app, panel, (540, 260), out / "gradient_check.png")


def lesson(app: QApplication, out: Path, prefix: str = "") -> None:
    panel = LessonPanel()
    panel.show_lesson(get_lesson("two_input"))
    _save(app, panel, (620, 900), out / f"{prefix}lesson.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", help="zh_CN: the inspector and the lesson in Chinese")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    if args.language:
        from bpstudio.gui.window.language import install_translators

        if not install_translators(args.language):
            parser.error(f"--language: no translations for {args.language}")
        for shot in (inspector, lesson):
            shot(app, args.out, prefix=f"{args.language.split('_')[0]}_")
        return 0
    for shot in (inspector, graph_lab, gradient_flow, neurons, gradient_check, lesson):
        shot(app, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
