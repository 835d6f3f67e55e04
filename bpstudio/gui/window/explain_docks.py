"""The docks that explain backpropagation: the step inspector, the graph lab, gradient flow,
the hidden neurons, the gradient check and the lessons.

The window composes one :class:`ExplainDocks` and hands it what it works with: the dock area,
the live views, the document, the training controller, the status line, the network view
(whose neurons open the neuron view), the menu bar and a way to open an example. The docks
start hidden; the View menu or a lesson opens them. Gradient flow and the neuron view are
ordinary live views (snapshots reach them like the plots); the numbers they need beyond the
weights are made in the worker, and only while they are on screen
(:meth:`ExplainDocks.sync_extras`). The inspector traces the document's network: again after
every hand-back the document keeps, every new run, or when it comes into sight.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMenuBar, QWidget

from bpstudio.core.snapshot import PlotGrid
from bpstudio.core.steptrace import StepTrace, next_batch_indices
from bpstudio.core.translatable import QT_TRANSLATE_NOOP
from bpstudio.document import Document
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
from bpstudio.session import PreparedData, Session, TrainingConfig, training_targets
from bpstudio.training.extras import DOCTOR_FINDINGS, HIDDEN_OUTPUTS, MEAN_ABS_GRAD, neuron_grid

from ..explain.gradcheck_panel import GradientCheckPanel
from ..explain.gradient_flow import GradientFlowView
from ..explain.graph_lab import GraphLabView
from ..explain.inspector import InspectorView
from ..explain.lesson_panel import LessonPanel, LessonsMenu
from ..explain.neuron_view import NeuronView
from ..training import TrainingController
from ..views import NetworkView
from .dock_area import DockArea
from .dock_spec import Area, DockSpec, on_screen
from .live_views import LiveViews
from .status_line import StatusLine

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
    """Adds the explaining docks and the Lessons menu, and keeps them in step with the
    document and its training."""

    def __init__(
        self, dock_area: DockArea, live_views: LiveViews, document: Document,
        training: TrainingController, status: StatusLine, network_view: NetworkView,
        menu_bar: QMenuBar, open_session: Callable[[Session], bool],
    ) -> None:
        self.dock_area, self.live_views, self.document = dock_area, live_views, document
        self.training, self.status, self.open_session = training, status, open_session
        self.inspector = InspectorView()
        self.graph_lab = GraphLabView()
        self.gradient_flow = GradientFlowView()
        self.neurons = CoarseNeuronView()
        self.gradient_check = GradientCheckPanel()
        self.lesson_panel = LessonPanel()
        self._inspector_stale = True
        self._extras: frozenset[str] = frozenset()
        self._extra_views: list[tuple[str, QWidget]] = []  # views of other modules
        add = dock_area.add
        self.docks = {
            "inspectorDock": add(DockSpec(
                self.inspector, QT_TRANSLATE_NOOP("Docks", "Step inspector"), "inspectorDock")),
            "graphLabDock": add(DockSpec(
                self.graph_lab, QT_TRANSLATE_NOOP("Docks", "Graph lab"), "graphLabDock")),
            "gradientFlowDock": add(DockSpec(
                self.gradient_flow, QT_TRANSLATE_NOOP("Docks", "Gradient flow"),
                "gradientFlowDock")),
            "neuronDock": add(DockSpec(
                self.neurons, QT_TRANSLATE_NOOP("Docks", "Hidden neurons"), "neuronDock")),
            "gradientCheckDock": add(DockSpec(
                self.gradient_check, QT_TRANSLATE_NOOP("Docks", "Gradient check"),
                "gradientCheckDock")),
            "lessonDock": add(DockSpec(
                self.lesson_panel, QT_TRANSLATE_NOOP("Docks", "Lesson"), "lessonDock",
                Area.LeftDockWidgetArea)),
        }
        for view, name in ((self.inspector, "inspectorDock"),
                           (self.gradient_flow, "gradientFlowDock"), (self.neurons, "neuronDock")):
            live_views.add(view, self.docks[name])
        self._arrange()
        self.lessons_menu = LessonsMenu(menu_bar)
        menu_bar.addMenu(self.lessons_menu)
        self._connect(network_view)
        self.sync_extras()

    def _arrange(self) -> None:
        """Big views tab with the fit plot, small ones with the network; the neurons sit beside
        the loss, the lesson with the designer. All hidden until asked for."""
        area = self.dock_area
        for name in ("inspectorDock", "graphLabDock"):
            area.tabify("fitDock", name)
        area.split("lossDock", "neuronDock", Qt.Orientation.Horizontal)
        area.tabify("designerDock", "lessonDock")
        area.hide(list(self.docks))
        # the layout fixed the window's minimum size while these were shown: measure again,
        # or a restored smaller geometry would be widened to fit them
        area.settle()

    def _connect(self, network_view: NetworkView) -> None:
        t = self.training
        t.gradients_checked.connect(self.gradient_check.show_report)
        t.gradient_check_failed.connect(self.gradient_check.show_error)
        # Qt reports a tabbed dock's visibility before its tab is laid out: look afterwards
        self._visibility_timer = QTimer(self.inspector, singleShot=True, interval=0)
        self._visibility_timer.timeout.connect(self._on_visibility_changed)
        for name in ("inspectorDock", "gradientFlowDock", "neuronDock"):
            self.docks[name].visibilityChanged.connect(self._look_later)
        self.inspector.apply_step_requested.connect(self.apply_step)
        self.gradient_check.check_requested.connect(t.check_gradients)
        network_view.neuron_hovered.connect(self._on_neuron_hovered)
        network_view.neuron_clicked.connect(self._on_neuron_clicked)
        self.lessons_menu.lesson_chosen.connect(self.open_lesson)

    # -- the document changed (the window calls these once the document has changed) --------

    def rebuilt(self) -> None:
        """A new run of the document (load, reset, new network or data): start afresh."""
        self.gradient_check.clear()
        self.refresh_inspector()

    def refresh_inspector(self) -> None:
        """Trace the document's network as the session holds it (at once if on screen)."""
        view, document = self.inspector, self.document
        self._inspector_stale = not on_screen(view)
        if self._inspector_stale:
            return
        data = document.data
        try:
            bench = document.session.build(data)
        except ValueError:  # the worker reports it (failed); nothing to trace meanwhile
            view.clear()
            return
        n_train = len(data.train.X)
        rows = next_batch_indices(bench.trainer, n_train)
        view.set_problem(
            bench.net, data.inputs(data.train),
            training_targets(data.train, bench.net.layer_sizes[-1]),
            document.session.training.learning_rate,
            minibatch=rows if len(rows) < n_train else None,
        )

    def training_edited(self, config: TrainingConfig) -> None:
        """A new learning rate shows in the next traced update (the rest rebuilds the run)."""
        if on_screen(self.inspector) and self.inspector.trace is not None:
            self.inspector.set_learning_rate(config.learning_rate)
        else:
            self._inspector_stale = True

    def _look_later(self) -> None:
        self._visibility_timer.start()

    def _on_visibility_changed(self) -> None:
        if not on_screen(self.inspector):
            self._inspector_stale = True  # hidden views miss the snapshots
        elif self._inspector_stale:
            self.refresh_inspector()
        self.sync_extras()

    def apply_step(self, trace: StepTrace) -> None:
        """Perform the inspector's update in the real session: training pauses, the weights
        become ``trace.updated_parameters()``; the epoch count stays (see the worker)."""
        self.document.modified = True
        self.training.set_parameters(trace.updated_parameters())
        self.status.showMessage(QCoreApplication.translate(
            "Docks", "Applied one step of plain gradient descent (η = {rate}) to the weights; "
            "the epoch count is unchanged.").format(rate=f"{trace.learning_rate:g}"), 6000)

    # -- views that need the worker --------------------------------------------------------------

    def want_extra(self, key: str, view: QWidget, dock: QDockWidget) -> None:
        """Snapshots carry the extra ``key`` while ``view`` (in ``dock``) is on screen."""
        self._extra_views.append((key, view))
        dock.visibilityChanged.connect(self._look_later)

    def sync_extras(self) -> None:
        """Ask the worker for exactly the extras of the views on screen, and always the
        doctor's findings (the note under the loss plot)."""
        wanted = frozenset(
            key for key, view in ((MEAN_ABS_GRAD, self.gradient_flow),
                                  (HIDDEN_OUTPUTS, self.neurons), *self._extra_views)
            if on_screen(view)
        ) | {DOCTOR_FINDINGS}
        if wanted != self._extras:
            self._extras = wanted
            self.training.set_extras(wanted)

    def _on_neuron_hovered(self, layer: int, unit: int) -> None:
        if on_screen(self.neurons) and not self.neurons.all_check.isChecked():
            self.neurons.select_neuron(layer, unit)

    def _on_neuron_clicked(self, layer: int, unit: int) -> None:
        """Open the neuron view on this neuron (input and output neurons have no picture)."""
        snapshot = self.live_views.last_snapshot
        if snapshot is not None and 0 < layer < len(snapshot.weights):
            self.dock_area.show(["neuronDock"])
            self.neurons.select_neuron(layer, unit)

    # -- lessons ---------------------------------------------------------------------------------

    def open_lesson(self, lesson_id: str) -> None:
        """Load the lesson's example (asking about unsaved changes first) and open its views."""
        lesson = get_lesson(lesson_id)
        if lesson.example is not None and not self.open_session(EXAMPLES[lesson.example]()):
            return
        wanted = [DOCKS[view] for view in lesson.views]
        area = self.dock_area
        size = area.window_size()
        area.hide(list(set(DOCKS.values()) - set(wanted)))  # the View menu brings them back
        area.show(wanted)
        area.size_docks(*(next((n for n in slot if n in wanted), slot[0]) for slot in SLOTS))
        area.keep_size(size)  # showing the docks side by side may have widened the window
        if lesson.inspector is not None:
            self.refresh_inspector()
            self.inspector.apply_preset(lesson.inspector)
        if lesson.bill is not None:
            self.graph_lab.set_bill(lesson.bill)
        self.lesson_panel.show_lesson(lesson)
        area.show(["lessonDock"])

