"""The docks that explain backpropagation, wired into the main window: the step inspector,
the graph lab, gradient flow, the hidden neurons, the gradient check and the lessons.

The window composes one :class:`ExplainDocks`. The docks start hidden; the View menu or a
lesson opens them. Gradient flow and the neuron view are ordinary views (snapshots reach them
like the plots); the numbers they need beyond the weights are made in the worker, and only
while they are on screen (:meth:`ExplainDocks.sync_extras`). The inspector traces the
document's network: again after every hand-back, rebuild, or when it comes into sight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from bpstudio.core.steptrace import StepTrace, next_batch_indices
from bpstudio.examples import EXAMPLES
from bpstudio.lessons import (
    VIEW_DECISION,
    VIEW_FIT,
    VIEW_GRADIENT_CHECK,
    VIEW_GRADIENT_FLOW,
    VIEW_GRAPH_LAB,
    VIEW_INSPECTOR,
    VIEW_LOSS,
    VIEW_NETWORK,
    VIEW_NEURONS,
    get_lesson,
)
from bpstudio.session import (
    DataSpec,
    NetworkSpec,
    PreparedData,
    TrainingConfig,
    training_targets,
)
from bpstudio.training.extras import HIDDEN_OUTPUTS, MEAN_ABS_GRAD, neuron_grid

from .dock_spec import Area, DockSpec, on_screen
from .gradcheck_panel import GradientCheckPanel
from .gradient_flow import GradientFlowView
from .graph_lab import GraphLabView
from .inspector import InspectorView
from .lesson_panel import LessonPanel, LessonsMenu
from .neuron_view import NeuronView

if TYPE_CHECKING:
    from bpstudio.core.snapshot import PlotGrid

    from .main_window import MainWindow

DOCKS = {
    VIEW_INSPECTOR: "inspectorDock", VIEW_LOSS: "lossDock", VIEW_FIT: "fitDock",
    VIEW_DECISION: "decisionDock", VIEW_NETWORK: "networkDock", VIEW_GRAPH_LAB: "graphLabDock",
    VIEW_GRADIENT_FLOW: "gradientFlowDock", VIEW_NEURONS: "neuronDock",
    VIEW_GRADIENT_CHECK: "gradientCheckDock",
}
"""The dock of each view a lesson may open (``bpstudio.lessons.VIEWS``)."""

SLOTS = (
    ("inspectorDock", "graphLabDock", "fitDock", "decisionDock"),
    ("networkDock", "gradientFlowDock", "gradientCheckDock"),
    ("lossDock", "neuronDock"),
)
"""Docks that share a place (top left, top right, bottom); see :meth:`ExplainDocks._arrange`."""


class CoarseNeuronView(NeuronView):
    """The neuron view on the worker's coarse grid, whatever grid the plots are drawn on."""

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        super().set_data(data, neuron_grid(data))


class ExplainDocks:
    """Adds the explaining docks and the Lessons menu to ``window`` and keeps them in step."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.inspector = InspectorView()
        self.graph_lab = GraphLabView()
        self.gradient_flow = GradientFlowView()
        self.neurons = CoarseNeuronView()
        self.gradient_check = GradientCheckPanel()
        self.lesson_panel = LessonPanel()
        self._inspector_stale = True
        self._extras: frozenset[str] = frozenset()
        add, add_view = window.add_dock, window.add_view_dock
        self.docks = {
            "inspectorDock": add_view(DockSpec(self.inspector, "Step inspector", "inspectorDock")),
            "graphLabDock": add(DockSpec(self.graph_lab, "Graph lab", "graphLabDock")),
            "gradientFlowDock": add_view(
                DockSpec(self.gradient_flow, "Gradient flow", "gradientFlowDock")),
            "neuronDock": add_view(DockSpec(self.neurons, "Hidden neurons", "neuronDock")),
            "gradientCheckDock": add(
                DockSpec(self.gradient_check, "Gradient check", "gradientCheckDock")),
            "lessonDock": add(DockSpec(self.lesson_panel, "Lesson", "lessonDock",
                                       Area.LeftDockWidgetArea)),
        }
        self._arrange()
        self.lessons_menu = LessonsMenu(window)
        window.menuBar().addMenu(self.lessons_menu)
        self._connect()

    def _arrange(self) -> None:
        """Big views tab with the fit plot, small ones with the network; the neurons sit beside
        the loss, the lesson with the designer. All hidden until asked for."""
        w, docks = self.window, self.window.docks
        for name in ("inspectorDock", "graphLabDock"):
            w.tabifyDockWidget(docks["fitDock"], docks[name])
        w.splitDockWidget(docks["lossDock"], docks["neuronDock"], Qt.Orientation.Horizontal)
        w.tabifyDockWidget(docks["designerDock"], docks["lessonDock"])
        for dock in self.docks.values():
            dock.hide()
        # the layout fixed the window's minimum size while these were shown: measure again,
        # or a restored smaller geometry would be widened to fit them
        w.layout().activate()

    def _connect(self) -> None:
        """Connected after the window's own slots: the session is updated before these run."""
        w, t = self.window, self.window.training
        t.state_handed_back.connect(self.refresh_inspector)
        t.gradients_checked.connect(self.gradient_check.show_report)
        t.gradient_check_failed.connect(self.gradient_check.show_error)
        w.designer.spec_changed.connect(self._on_spec_changed)
        # Qt reports a tabbed dock's visibility before its tab is laid out: look afterwards
        self._visibility_timer = QTimer(w, singleShot=True, interval=0)
        self._visibility_timer.timeout.connect(self._on_visibility_changed)
        for name in ("inspectorDock", "gradientFlowDock", "neuronDock"):
            self.docks[name].visibilityChanged.connect(self._look_later)
        self.inspector.apply_step_requested.connect(self.apply_step)
        self.gradient_check.check_requested.connect(t.check_gradients)
        w.network_view.neuron_hovered.connect(self._on_neuron_hovered)
        w.network_view.neuron_clicked.connect(self._on_neuron_clicked)
        self.lessons_menu.lesson_chosen.connect(self.open_lesson)

    # -- the document changed --------------------------------------------------------------------

    def rebuilt(self) -> None:
        """A new run of the document (load, reset, new network or data): start afresh."""
        self.gradient_check.clear()
        self.refresh_inspector()

    def refresh_inspector(self) -> None:
        """Trace the document's network as the session holds it (at once if on screen)."""
        window, view = self.window, self.inspector
        self._inspector_stale = not on_screen(view)
        if self._inspector_stale or window.data is None:
            return
        data = window.data
        try:
            bench = window.session.build(data)
        except ValueError:  # the worker reports it (failed); nothing to trace meanwhile
            view.clear()
            return
        n_train = len(data.train.X)
        rows = next_batch_indices(bench.trainer, n_train)
        view.set_problem(
            bench.net, data.inputs(data.train),
            training_targets(data.train, bench.net.layer_sizes[-1]),
            window.session.training.learning_rate,
            minibatch=rows if len(rows) < n_train else None,
        )

    def _look_later(self) -> None:
        self._visibility_timer.start()

    def _on_visibility_changed(self) -> None:
        if not on_screen(self.inspector):
            self._inspector_stale = True  # hidden views miss the snapshots
        elif self._inspector_stale:
            self.refresh_inspector()
        self.sync_extras()

    def _on_spec_changed(self, spec: NetworkSpec | DataSpec | TrainingConfig) -> None:
        """A new learning rate shows in the next traced update (the rest rebuilds the run)."""
        if not isinstance(spec, TrainingConfig):
            return
        if on_screen(self.inspector) and self.inspector.trace is not None:
            self.inspector.set_learning_rate(spec.learning_rate)
        else:
            self._inspector_stale = True

    def apply_step(self, trace: StepTrace) -> None:
        """Perform the inspector's update in the real session: training pauses, the weights
        become ``trace.updated_parameters()``; the epoch count stays (see the worker)."""
        self.window.setWindowModified(True)
        self.window.training.set_parameters(trace.updated_parameters())
        self.window.status_line.showMessage(
            f"Applied one step of plain gradient descent (η = {trace.learning_rate:g}) to the "
            "weights; the epoch count is unchanged.", 6000)

    # -- views that need the worker --------------------------------------------------------------

    def sync_extras(self) -> None:
        """Ask the worker for exactly the extras of the views on screen."""
        wanted = frozenset(
            key for key, view in ((MEAN_ABS_GRAD, self.gradient_flow),
                                  (HIDDEN_OUTPUTS, self.neurons)) if on_screen(view)
        )
        if wanted != self._extras:
            self._extras = wanted
            self.window.training.set_extras(wanted)

    def _on_neuron_hovered(self, layer: int, unit: int) -> None:
        if on_screen(self.neurons) and not self.neurons.all_check.isChecked():
            self.neurons.select_neuron(layer, unit)

    def _on_neuron_clicked(self, layer: int, unit: int) -> None:
        """Open the neuron view on this neuron (input and output neurons have no picture)."""
        snapshot = self.window.last_snapshot
        if snapshot is not None and 0 < layer < len(snapshot.weights):
            self.show_docks(["neuronDock"])
            self.neurons.select_neuron(layer, unit)

    # -- lessons ---------------------------------------------------------------------------------

    def open_lesson(self, lesson_id: str) -> None:
        """Load the lesson's example (asking about unsaved changes first) and open its views."""
        lesson = get_lesson(lesson_id)
        if lesson.example is not None and not self.window.files.open_session(
            EXAMPLES[lesson.example]()
        ):
            return
        wanted = [DOCKS[view] for view in lesson.views]
        size = self.window.size()
        for name in set(DOCKS.values()) - set(wanted):  # the View menu brings them back
            self.window.docks[name].hide()
        self.show_docks(wanted)
        self.window.size_docks(*(next((n for n in slot if n in wanted), slot[0]) for slot in SLOTS))
        # showing the docks side by side may have widened the window beyond the screen
        if not (self.window.isMaximized() or self.window.isFullScreen()):
            self.window.layout().activate()
            self.window.resize(size.expandedTo(self.window.minimumSizeHint()))
        if lesson.inspector is not None:
            self.refresh_inspector()
            self.inspector.apply_preset(lesson.inspector)
        if lesson.bill is not None:
            self.graph_lab.set_bill(lesson.bill)
        self.lesson_panel.show_lesson(lesson)
        self.show_docks(["lessonDock"])

    def show_docks(self, names: list[str]) -> None:
        """Show and raise these docks; of two sharing a tab group, the first named is on top."""
        for name in reversed(names):
            dock: QDockWidget = self.window.docks[name]
            dock.show()
            dock.raise_()
