"""How fast the decision view redraws: the issue asks for a 150 × 150 heatmap at >= 20/s.

Call :func:`decision_redraw_rate` with a ``QApplication`` running (``gui_bench.py`` does);
it is a measurement, never a test assertion. A helper of the benchmarks, not a script.
"""

from __future__ import annotations

import time

from bpstudio.core.snapshot import PlotGrid, make_snapshot
from bpstudio.gui.views import DecisionRegionView
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig


def decision_redraw_rate(
    resolution: int = 150, frames: int = 60, classes: int = 3, with_predict: bool = True
) -> float:
    """Frames per second of evaluate (optional) + drawing a snapshot + a synchronous paint.

    A spiral with ``classes`` arms (a sigmoid output for 2, softmax beyond) on a 2-16-16-K
    tanh network; one training epoch between frames so every frame differs. With
    ``with_predict`` each frame also evaluates the network on the grid, as the worker does.
    """
    binary = classes == 2
    session = Session(
        network=NetworkSpec(
            hidden=(LayerSpec(16, "tanh"), LayerSpec(16, "tanh")),
            output_activation="sigmoid" if binary else "softmax",
            loss="binary_cross_entropy" if binary else "cross_entropy",
        ),
        data=DataSpec("spiral", {"classes": classes}, test_fraction=0.2, standardize=True),
        training=TrainingConfig(optimizer="adam", learning_rate=0.01),
    )
    bench = session.build()
    data, net, trainer = bench.data, bench.net, bench.trainer
    grid = PlotGrid.around(data.full.X, resolution=resolution)
    grid_inputs = data.standardizer.transform(grid.inputs)
    X, Y = bench.train_arrays()
    view = DecisionRegionView()
    view.resize(640, 520)
    view.set_data(data, grid)
    view.show()
    snapshot = make_snapshot(net, trainer.history, 0, run_id=1, epochs_per_second=0.0,
                             metrics={}, grid_inputs=grid_inputs)
    start = time.perf_counter()
    for _ in range(frames):
        trainer.run_epoch(X, Y)
        if with_predict:
            snapshot = make_snapshot(net, trainer.history, len(trainer.history) - 1, run_id=1,
                                     epochs_per_second=0.0, metrics={}, grid_inputs=grid_inputs)
        view.show_snapshot(snapshot)
        view.plot.viewport().repaint()
    rate = frames / (time.perf_counter() - start)
    view.close()
    view.deleteLater()
    return rate
