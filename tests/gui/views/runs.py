"""Real training runs and a view to show them in, for the snapshot views' tests."""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt

from bpstudio.core.snapshot import PlotGrid, make_snapshot
from bpstudio.session import DataSpec, LayerSpec, NetworkSpec, Session, TrainingConfig

SIN = dict(hidden=(LayerSpec(6, "tanh"),), output_activation="identity", loss="mse")


BINARY = dict(
    hidden=(LayerSpec(6, "tanh"),), output_activation="sigmoid", loss="binary_cross_entropy"
)


SOFTMAX = dict(hidden=(LayerSpec(6, "tanh"),), output_activation="softmax", loss="cross_entropy")


class Run:
    """A real network training on real data, snapshotted as the worker does."""

    def __init__(self, network: dict, data: DataSpec) -> None:
        session = Session(NetworkSpec(**network), data, TrainingConfig(learning_rate=0.05))
        bench = session.build()
        self.data, self.net, self.trainer = bench.data, bench.net, bench.trainer
        self.grid = PlotGrid.around(self.data.full.X, resolution=40)
        self.X, self.Y = bench.train_arrays()
        self.X_test, self.Y_test = bench.test_arrays()
        self.since = 0

    def snapshot(self, epochs: int = 0):
        self.trainer.fit(self.X, self.Y, epochs)
        metrics = {"train_loss": self.net.loss(self.X, self.Y)}
        if len(self.X_test):
            metrics["test_loss"] = self.net.loss(self.X_test, self.Y_test)
        grid_inputs = None
        if self.grid is not None:
            grid_inputs = self.data.standardizer.transform(self.grid.inputs)
        snap = make_snapshot(
            self.net, self.trainer.history, self.since, run_id=1, epochs_per_second=0.0,
            metrics=metrics, grid_inputs=grid_inputs,
        )
        self.since = len(self.trainer.history)
        return snap


def with_rows(snapshot, epochs: np.ndarray, train_losses: np.ndarray):
    """``snapshot`` as if these history rows (test loss not measured) had come with it."""
    return dataclasses.replace(
        snapshot, epoch=int(epochs[-1]), new_epochs=epochs, new_train_losses=train_losses,
        new_test_losses=np.full(len(epochs), np.nan),
        new_learning_rates=np.full(len(epochs), np.nan),  # not recorded: one per row
    )


def make_view(qtbot, cls, run: Run | None = None):
    view = cls()
    qtbot.addWidget(view)
    view.resize(640, 420)
    if run is not None:
        view.set_data(run.data, run.grid)
    view.show()
    qtbot.waitExposed(view)
    return view


def hover(qtbot, view, x: float, y: float) -> None:
    """Move the mouse to view coordinates ``(x, y)`` of the view's plot."""
    plot = view.plot.getViewBox() if hasattr(view.plot, "getViewBox") else view.plot.vb
    widget = plot.scene().views()[0]
    qtbot.waitUntil(lambda: plot.viewRect().contains(QPointF(x, y)))  # drawn, as on screen
    target = None

    def settled() -> bool:  # new axis labels may still resize the plot: wait until it stays
        nonlocal target
        now = widget.mapFromScene(plot.mapViewToScene(QPointF(x, y)))
        still, target = now == target, now
        return still

    qtbot.waitUntil(settled)
    qtbot.mouseMove(widget.viewport(), target + QPoint(1, 1))
    qtbot.mouseMove(widget.viewport(), target)


def click(qtbot, view, x: float, y: float) -> None:
    """Move the mouse to view coordinates ``(x, y)`` of the view's plot and click there."""
    hover(qtbot, view, x, y)
    plot = view.plot.getViewBox() if hasattr(view.plot, "getViewBox") else view.plot.vb
    widget = plot.scene().views()[0]
    pos = widget.mapFromScene(plot.mapViewToScene(QPointF(x, y)))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def n_points(item) -> int:
    """How many points a curve item holds (``None`` data counts as none)."""
    data = item.getOriginalDataset() if hasattr(item, "getOriginalDataset") else item.getData()
    return 0 if data[0] is None else len(data[0])


def sin_run(test_fraction: float = 0.25) -> Run:
    return Run(SIN, DataSpec("sin", {"n": 40}, test_fraction=test_fraction, standardize=True))


def weights_run(sizes_hidden: tuple[int, ...]) -> Run:
    """A sin network with these hidden layers, for the network diagram."""
    network = dict(SIN, hidden=tuple(LayerSpec(n, "tanh") for n in sizes_hidden))
    return Run(network, DataSpec("sin", {"n": 10}))
