"""Asking the network about one point: click the decision regions or the fit plot.

A left click on either plot puts a small read-out beside the pointer with the network's
output there (the most likely classes with their probabilities, or ŷ), kept up to date as
training goes on, and offers the point to the step inspector as the batch "Clicked point".
Its target is the clicked height on the fit plot (a point of the plane (x, y)); on the
decision regions, where a click names no class, it is the class of the nearest training
sample, and the read-out says so. The inspector's "Choose…" opens a table of the training
samples (:class:`~..explain.sample_dialog.SampleDialog`).

The probe listens to the live views (:meth:`LiveViews.listen`): it gets every snapshot (and
copies its weights into a network of its own only when it has a point to ask about) and
every new data.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt, Signal

from bpstudio.core import Network
from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.core.text import shorten
from bpstudio.document import Document
from bpstudio.session import PreparedData

from ..explain.inspector import InspectorView
from ..explain.sample_dialog import SampleDialog
from ..views import DecisionRegionView, FitPlotView, plot_style

SHOWN_CLASSES = 3
"""Classes listed in the read-out, most likely first."""


class PlotClicks(QObject):
    """``clicked(x, y)``: a left click inside ``plot``'s axes, in data coordinates."""

    clicked = Signal(float, float)

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__(plot)
        self._plot = plot
        plot.scene().sigMouseClicked.connect(self._on_clicked)

    def _on_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        vb = self._plot.getPlotItem().getViewBox()
        scene = event.scenePos()
        if vb.sceneBoundingRect().contains(scene):
            point = vb.mapSceneToView(scene)
            self.clicked.emit(point.x(), point.y())


class PredictionProbe(QObject):
    """The read-outs of the fit and decision plots, and the inspector's extra batches."""

    def __init__(self, document: Document, fit_view: FitPlotView,
                 decision_view: DecisionRegionView,
                 inspector: InspectorView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.inspector = document, inspector
        self._views = {"fit": fit_view, "decision": decision_view}
        self.readouts: dict[str, pg.TextItem] = {}
        for name, view in self._views.items():
            readout = plot_style.make_readout()
            view.plot.addItem(readout, ignoreBounds=True)
            self.readouts[name] = readout
            clicks = PlotClicks(view.plot)
            clicks.clicked.connect(lambda x, y, n=name: self.probe(n, x, y))
        inspector.sample_wanted.connect(self.choose_sample)
        self._data: PreparedData | None = None
        self._net: Network | None = None
        self._snapshot: TrainingSnapshot | None = None
        self._point: tuple[str, float, float] | None = None

    # -- a live view -----------------------------------------------------------------------------

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        self._data, self._net = data, None
        self.clear()
        self.inspector.set_point(None)  # a point of the old data

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        self._snapshot = snapshot
        if self._point is not None:
            self._show(*self._point)

    def clear(self) -> None:
        self._snapshot, self._point = None, None
        for readout in self.readouts.values():
            readout.hide()

    # -- asking ----------------------------------------------------------------------------------

    def probe(self, plot: str, x: float, y: float) -> str:
        """Ask the network about the point clicked in ``plot`` (``fit`` or ``decision``);
        the read-out's text (empty when the plot shows nothing to ask about)."""
        data = self._data
        if data is None or self._views[plot].message or self._network() is None:
            return ""
        self._point = (plot, x, y)
        for name, readout in self.readouts.items():
            readout.setVisible(name == plot)
        text = self._show(plot, x, y)
        inputs = data.standardizer.transform(np.array([self._inputs(plot, x, y)]))
        self.inspector.set_point(inputs, self._target(plot, x, y))
        return text

    def choose_sample(self) -> None:
        if self._data is None:
            return
        dialog = SampleDialog(self._data, self.inspector)
        if dialog.exec() and dialog.chosen is not None:
            self.inspector.show_sample(dialog.chosen)

    # -- details ---------------------------------------------------------------------------------

    def _network(self) -> Network | None:
        """A network of the document's architecture with the latest snapshot's weights."""
        if self._net is None:
            try:
                self._net = self.document.session.build(self._data).net.copy()
            except ValueError:
                return None
        snapshot, net = self._snapshot, self._net
        if snapshot is not None and [w.shape for w in snapshot.weights] == [
                w.shape for w in net.weights]:
            for mine, theirs in zip(net.weights + net.biases,
                                    snapshot.weights + snapshot.biases):
                mine[...] = theirs
        return net

    def _inputs(self, plot: str, x: float, y: float) -> list[float]:
        return [x] if plot == "fit" else [x, y]

    def _nearest_class(self, x: float, y: float) -> int:
        train = self._data.train
        return int(train.y[np.argmin(((train.X - [x, y]) ** 2).sum(axis=1))])

    def _target(self, plot: str, x: float, y: float) -> np.ndarray:
        """The clicked height on the fit plot; on the plane the nearest sample's class, as
        the network learns it (a 0/1 column, or a one-hot row)."""
        if plot == "fit":
            return np.array([[y]])
        label, outputs = self._nearest_class(x, y), self._data.n_outputs
        return np.array([[float(label)]]) if outputs == 1 else np.eye(outputs)[[label]]

    def _show(self, plot: str, x: float, y: float) -> str:
        net = self._network()
        if net is None:
            return ""
        X = self._data.standardizer.transform(np.array([self._inputs(plot, x, y)]))
        with np.errstate(all="ignore"):
            output = net.predict(X)[0]
        text = (self._value_text(x, output) if plot == "fit"
                else self._class_text(x, y, output))
        readout = self.readouts[plot]
        readout.setHtml(f'<div style="white-space: pre">{html.escape(text)}</div>')
        vb = self._views[plot].plot.getPlotItem().getViewBox()
        right_half = x > sum(vb.viewRange()[0]) / 2
        readout.setAnchor((1.05, 1.05) if right_half else (-0.05, 1.05))
        readout.setPos(QPointF(x, y))
        readout.show()
        return text

    def _value_text(self, x: float, output: np.ndarray) -> str:
        names = self._data.target_names
        values = ", ".join(f"{shorten(n, 20)} = {v:.4g}" for n, v in zip(names, output))
        return QCoreApplication.translate(
            "Probe", "x = {x}\nnetwork: {values}\n(step inspector: Batch ▸ Clicked point)"
        ).format(x=f"{x:.4g}", values=values)

    def _class_text(self, x: float, y: float, output: np.ndarray) -> str:
        names = self._data.class_names
        p = np.array([1.0 - output[0], output[0]]) if len(output) == 1 else output
        order = np.argsort(-p, kind="stable")[:SHOWN_CLASSES]
        lines = [f"{shorten(names[k], 24)}: {100 * p[k]:.1f} %" for k in order]
        first, second = self._data.input_names[:2]
        nearest = shorten(names[self._nearest_class(x, y)], 24)
        return (f"{shorten(first, 16)} = {x:.4g}, {shorten(second, 16)} = {y:.4g}\n"
                + "\n".join(lines)
                + QCoreApplication.translate(
                    "Probe", "\n(step inspector: Batch ▸ Clicked point, as {nearest}, the "
                    "nearest sample's class)").format(nearest=nearest))
