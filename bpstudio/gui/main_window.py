"""The main window: composes the designer, the plot docks, the actions and training.

It is the controller of DESIGN.md: it owns the session (the document), applies the specs
the designer emits to it, starts runs on the :class:`TrainingController` and sends the
snapshots that come back to the views. File commands live in :mod:`.files`.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot
from bpstudio.core.text import shorten
from bpstudio.session import DataSpec, NetworkSpec, PreparedData, Session, TrainingConfig

from .actions import build_actions
from .app import configure_plots
from .designer import DesignerPanel
from .dock_spec import Area, DockSpec, on_screen
from .errors import error_box, show_error
from .explain_docks import ExplainDocks
from .files import FileCommands, default_session
from .opening import Opened, prepare
from .pace import FASTEST, SMOOTH
from .settings import AppSettings
from .status_line import StatusLine
from .training import TrainingController
from .views import DecisionRegionView, FitPlotView, LossPlotView, NetworkView
from .views.theme import Throttle

LIVE_TRAINING_FIELDS = frozenset({"learning_rate", "epoch_limit"})
"""Training settings the worker takes while it runs; any other change rebuilds the trainer."""
MIN_SIDE_BY_SIDE = 240
"""Pixels below which a dock beside another is of no use and goes behind it as a tab."""


class MainWindow(QMainWindow):
    """BP Studio's window. ``MainWindow()`` opens the sin-fit example, ``MainWindow(path)``
    a file (or the example, with an error message, if the file cannot be read)."""

    def __init__(self, path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure_plots()
        self.setObjectName("mainWindow")
        self.setDockNestingEnabled(True)
        self.settings = AppSettings()
        self.session = default_session()
        self.data: PreparedData | None = None
        self.grid: PlotGrid | None = None
        self.last_snapshot: TrainingSnapshot | None = None
        self._run_from_epoch = 0
        self._pending_change: str | None = None
        self._pace = FASTEST
        self._start: tuple[NetworkSpec, DataSpec, np.ndarray] | None = None
        self.actions = build_actions(self)
        self.addActions(self.actions.all())
        self.designer = DesignerPanel()
        self.loss_plot, self.fit_plot = LossPlotView(), FitPlotView()
        self.decision_plot, self.network_view = DecisionRegionView(), NetworkView()
        self.views: list[QWidget] = [
            self.loss_plot, self.fit_plot, self.decision_plot, self.network_view]
        self.training = TrainingController(self)
        self.status_line = StatusLine(self)
        self.setStatusBar(self.status_line)
        self.files = FileCommands(self)
        self._change_timer = QTimer(self, singleShot=True, interval=0)
        self._change_timer.timeout.connect(self._apply_spec_change)
        self._to_draw: list[QWidget] = []
        self._draw_timer = QTimer(self, singleShot=True, interval=0)
        self._draw_timer.timeout.connect(self._draw_next)
        self.docks = self._build_docks(self._dock_specs())
        self._build_toolbar()
        self.files.build_menus(self.menuBar())
        self._build_view_menu()
        self._connect()
        self.explain = ExplainDocks(self)
        self.size_docks()
        self.resize(1500, 940)
        self.settings.restore_window(self)
        self.actions.smooth.setChecked(self.settings.smooth_animation())
        self.files.open_initial(path)

    # -- building ------------------------------------------------------------------------------

    def _dock_specs(self) -> list[DockSpec]:
        scroll = QScrollArea()
        scroll.setWidget(self.designer)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.designer.minimumSizeHint().width() + 16)
        # a wider window widens the plots, not the form
        scroll.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Expanding)
        return [
            DockSpec(scroll, "Designer", "designerDock", Area.LeftDockWidgetArea),
            DockSpec(self.fit_plot, "Fit", "fitDock"),
            DockSpec(self.decision_plot, "Decision regions", "decisionDock"),
            DockSpec(self.network_view, "Network", "networkDock"),
            DockSpec(self.loss_plot, "Loss", "lossDock"),
        ]

    def _build_docks(self, specs: list[DockSpec]) -> dict[str, QDockWidget]:
        """Add one dock per spec; the plots start as [fit | network] above [loss]."""
        docks: dict[str, QDockWidget] = {}
        for spec in specs:
            dock = QDockWidget(spec.title, self)
            dock.setObjectName(spec.name)
            dock.setWidget(spec.widget)
            self.addDockWidget(spec.area, dock)
            dock.visibilityChanged.connect(self._on_dock_shown)
            docks[spec.name] = dock
        if {"fitDock", "decisionDock", "networkDock", "lossDock"} <= docks.keys():
            self.splitDockWidget(docks["fitDock"], docks["lossDock"], Qt.Orientation.Vertical)
            self.splitDockWidget(docks["fitDock"], docks["networkDock"], Qt.Orientation.Horizontal)
            self.tabifyDockWidget(docks["fitDock"], docks["decisionDock"])
        return docks

    def size_docks(
        self, top_left: str = "fitDock", top_right: str = "networkDock", bottom: str = "lossDock"
    ) -> None:
        """Plots at their starting sizes, [top left | top right] above [bottom]; the designer
        gets the rest. Docks that are not shown are left out. When the window is too narrow
        for the top right one to be of use beside the top left (a lesson's inspector in a
        small window), it becomes a tab behind it."""
        d = self.docks
        for pair, sizes, orientation in (
            ((top_left, bottom), [620, 300], Qt.Orientation.Vertical),
            ((top_left, top_right), [640, 480], Qt.Orientation.Horizontal),
        ):
            if all(d[name].isVisibleTo(self) for name in pair):
                self.resizeDocks([d[name] for name in pair], sizes, orientation)
        right, left = d[top_right], d[top_left]
        if right.isVisibleTo(self) and left.isVisibleTo(self) and right not in (
                self.tabifiedDockWidgets(left)):
            self.layout().activate()
            if right.width() < MIN_SIDE_BY_SIDE:
                self.tabifyDockWidget(left, right)
                left.raise_()

    def add_dock(self, spec: DockSpec) -> QDockWidget:
        """Add a panel as a dock listed in the View menu; on the right it starts as a tab next
        to the network view."""
        dock = self._build_docks([spec])[spec.name]
        if spec.area == Area.RightDockWidgetArea and "networkDock" in self.docks:
            self.tabifyDockWidget(self.docks["networkDock"], dock)
        self.docks[spec.name] = dock
        toggle = dock.toggleViewAction()
        toggle.triggered.connect(lambda checked: checked and dock.raise_())  # in front, not behind
        self._view_menu.insertAction(self.toolbar.toggleViewAction(), toggle)
        return dock

    def set_smooth_animation(self, on: bool) -> None:
        """Plots that move about ten times a second while training, or (the default) the
        fastest training; remembered for the next start."""
        self._pace = SMOOTH if on else FASTEST
        self.training.render_budget = self._pace.render_budget
        self._pace_views(self)
        self.settings.set_smooth_animation(on)

    def _pace_views(self, widget: QWidget) -> None:
        for throttle in widget.findChildren(Throttle):
            throttle.budget = self._pace.view_budget

    def add_view_dock(self, spec: DockSpec) -> QDockWidget:
        """Add a view (``show_snapshot``, ``clear``, ``set_data``) as a dock that follows
        training from now on (see :meth:`add_dock`)."""
        dock = self.add_dock(spec)
        self._pace_views(spec.widget)
        self.views.append(spec.widget)
        if self.data is not None:
            spec.widget.set_data(self.data, self.grid)
        if self.last_snapshot is not None:
            spec.widget.show_snapshot(self.last_snapshot)
        return dock

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Toolbar", self)  # its View menu entry; "Training" names a menu
        toolbar.setObjectName("trainingToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        for action, name in (
            (self.actions.train, "trainButton"), (self.actions.step, "stepButton"),
            (self.actions.reset, "resetButton"),
        ):
            toolbar.addAction(action)
            toolbar.widgetForAction(action).setObjectName(name)
        self.toolbar = toolbar

    def _build_view_menu(self) -> None:
        train_menu = self.menuBar().addMenu("&Training")
        train_menu.addActions([self.actions.train, self.actions.step, self.actions.reset])
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions([dock.toggleViewAction() for dock in self.docks.values()])
        view_menu.addAction(self.toolbar.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.actions.smooth)
        self._view_menu = view_menu

    def _connect(self) -> None:
        a = self.actions
        a.train.triggered.connect(self.toggle_training)
        a.step.triggered.connect(self.step_epoch)
        a.reset.triggered.connect(self.reset_weights)
        a.quit.triggered.connect(self.close)
        a.smooth.toggled.connect(self.set_smooth_animation)
        self.designer.spec_changed.connect(self._on_spec_changed)
        t = self.training
        t.snapshot_ready.connect(self._on_snapshot)
        t.state_handed_back.connect(self._on_state_handed_back)
        t.running_changed.connect(self._sync_actions)
        t.diverged.connect(self._on_diverged)
        t.limit_reached.connect(self._on_limit_reached)
        t.failed.connect(self._on_failed)

    # -- the document --------------------------------------------------------------------------

    def show_session(self, session: Session, modified: bool = False) -> None:
        """Make ``session`` the document: designer, views and a fresh run resuming its state.
        ``ValueError`` (and nothing changed) if its data cannot be made."""
        self.adopt(prepare(session))
        self.setWindowModified(modified)

    def adopt(self, opened: Opened) -> None:
        """Make an opened document the window's, unmodified. The designer must take it first:
        if it raises, it is put back as it was and so is everything else."""
        before = (self.designer.session(), self.data)
        try:
            self.designer.set_session(opened.session, opened.data)
        except Exception:
            self.designer.set_session(*before)
            raise
        session = opened.session
        self.session = session
        # the starting weights a document brings (a textbook example's), for its network and
        # data: Reset, and a return to that network and data, start from them again
        self._start = None if session.start is None else (
            session.network, session.data, session.start)
        self._pending_change = None
        self._rebuild(opened.data, opened.grid)
        self.setWindowModified(False)

    def _rebuild(self, data: PreparedData | None = None, grid: PlotGrid | None = None) -> bool:
        """Reset the views and start a (paused) run from the session, on ``data`` and ``grid``
        if they were prepared already, else on the session's data made now."""
        if data is None:
            try:
                data = self.session.prepare_data()
            except ValueError as exc:
                self.status_line.showMessage(shorten(f"Cannot build the data: {exc}"))
                return False
            grid = PlotGrid.around(data.full.X)
        self.data, self.grid = data, grid
        self.last_snapshot = None
        self._run_from_epoch = self.session.epoch  # what the first snapshot is compared with
        self._to_draw = []
        for view in self.views:
            view.clear()
            view.set_data(data, self.grid)
        self.status_line.show_snapshot(None)
        self.explain.rebuilt()
        self._show_task_docks(data)
        self.training.reset(self.session, data, self.grid)
        self._sync_actions()
        return True

    def _show_task_docks(self, data: PreparedData) -> None:
        """The task's plot replaces the other one; a tab in front of it (the inspector, say)
        stays in front."""
        regression = data.task == "regression"
        names = ("fitDock", "decisionDock") if regression else ("decisionDock", "fitDock")
        shown, hidden = (self.docks[name] for name in names)
        group = {*self.tabifiedDockWidgets(shown), *self.tabifiedDockWidgets(hidden)}
        in_front = next((d for d in group if on_screen(d) and d is not hidden), shown)
        hidden.hide()
        shown.show()
        in_front.raise_()

    # -- training commands ---------------------------------------------------------------------

    def toggle_training(self) -> None:
        if not self.training.running:
            self.status_line.clearMessage()  # "Data changed: …" is old news once it trains
        self.training.toggle()

    def step_epoch(self) -> None:
        self.training.step()

    def reset_weights(self) -> None:
        """Back to epoch 0 with the starting weights the document came with (a textbook
        example's), or else the ones the weight seed gives; training pauses."""
        self.session = self._at_start(self.session)
        self.setWindowModified(True)
        if self._rebuild():
            self.status_line.showMessage(f"Weights reset to {self._start_name()}: epoch 0", 4000)

    def _at_start(self, session: Session) -> Session:
        """``session`` at epoch 0: with the document's starting weights while its network and
        data are the ones they were given for, else with none (the weight seed draws them)."""
        session = replace(session, state=None, start=None)
        if self._start is not None:
            network, data, parameters = self._start
            if session.network == network and session.data == data:
                return session.starting_from(parameters)
        return session

    def _start_name(self) -> str:
        given = self.session.start is not None
        return "the document's starting weights" if given else "fresh weights from the seed"

    # -- spec changes ----------------------------------------------------------------------------

    def _on_spec_changed(self, spec: NetworkSpec | DataSpec | TrainingConfig) -> None:
        """Apply a designer edit to the session; rebuild once per burst of edits."""
        self.setWindowModified(True)
        if isinstance(spec, TrainingConfig):
            old, self.session = self.session.training, self.session.with_training(spec)
            changed = {f for f in spec.__dataclass_fields__ if getattr(old, f) != getattr(spec, f)}
            if changed <= LIVE_TRAINING_FIELDS:
                self.training.set_learning_rate(spec.learning_rate)
                self.training.set_epoch_limit(spec.epoch_limit)
                return
            self._pending_change = self._pending_change or "training"
        else:
            field = "network" if isinstance(spec, NetworkSpec) else "data"
            self.session = self._at_start(replace(self.session, **{field: spec}))
            self._pending_change = "data" if self._pending_change == "data" else field
        self._change_timer.start()

    def _apply_spec_change(self) -> None:
        change, self._pending_change = self._pending_change, None
        paused = "training paused; " if self.training.running else ""
        if change == "training":
            if self.last_snapshot is not None:
                self.training.reconfigure(self.session.training)
            elif not self._rebuild():  # nothing drawn yet: start over, from the same state
                return
            self.status_line.showMessage(
                f"Training settings changed: {paused}the weights were kept.", 6000)
        elif change is not None and self._rebuild():
            what = "Network" if change == "network" else "Data"
            self.status_line.showMessage(
                f"{what} changed: {paused}rebuilt with {self._start_name()} (epoch 0).", 6000)

    # -- replies from training -----------------------------------------------------------------

    def _on_snapshot(self, snapshot: TrainingSnapshot) -> None:
        """Draw it: the loss plot at once (it appends every row), the other visible views one
        per pass of the event loop, so that no single pass blocks the window for long.
        Training that moved the epoch (not a Train or Step at the limit) modifies the document."""
        shown = self._run_from_epoch if self.last_snapshot is None else self.last_snapshot.epoch
        if snapshot.epoch != shown:
            self.setWindowModified(True)
        self.last_snapshot = snapshot
        self.status_line.show_snapshot(snapshot)
        self.loss_plot.show_snapshot(snapshot)
        self._to_draw = [v for v in self.views if v is not self.loss_plot and on_screen(v)]
        self._draw_timer.start()

    def _draw_next(self) -> None:
        if self._to_draw and self.last_snapshot is not None:
            self._to_draw.pop(0).show_snapshot(self.last_snapshot)
        if self._to_draw:
            self._draw_timer.start()

    def flush_views(self) -> None:
        """Draw what is still waiting now (before a screenshot, an export or a test)."""
        while self._to_draw:
            self._draw_next()

    def _on_dock_shown(self, visible: bool) -> None:
        """A view coming into sight draws the latest snapshot it skipped."""
        dock = self.sender()
        if visible and self.last_snapshot is not None and dock.widget() in self.views:
            dock.widget().show_snapshot(self.last_snapshot)

    def _on_state_handed_back(self, state: object) -> None:
        """Keep it, unless an edit of the network or data is waiting to rebuild the run: then
        it is the outgoing run's state and would not fit the new network. A waiting change of
        optimizer applies to it as it did to the state it replaces."""
        if self._pending_change not in ("network", "data"):
            self.session = self.session.with_state(state).with_training(self.session.training)

    def _on_diverged(self, message: str) -> None:
        """Non-modal: the person reads it, lowers the rate or resets, and goes on."""
        self.status_line.showMessage("Training diverged and was paused.", 10000)
        box = self.findChild(QMessageBox, "divergenceMessage")
        if box is None:
            box = error_box(self, "Training diverged", "", name="divergenceMessage", warning=True)
        box.setText(shorten(message))
        box.show()

    def _on_limit_reached(self, epoch: int) -> None:
        self.status_line.showMessage(
            f"Reached the epoch limit ({epoch:,}): training stopped. Raise the limit to go on.",
            8000)

    def _on_failed(self, message: str) -> None:
        self.status_line.showMessage(shorten(f"Cannot train this network: {message}"))
        show_error(self, "Cannot train", message, warning=True)

    def _sync_actions(self) -> None:
        running = self.training.running
        train = self.actions.train
        train.setText("Pause" if running else "Train")
        pixmap = self.style().StandardPixmap
        train.setIcon(self.style().standardIcon(
            pixmap.SP_MediaPause if running else pixmap.SP_MediaPlay))
        self.actions.step.setEnabled(not running)

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.training.shutdown()
        self.settings.save_window(self)
        box = self.findChild(QMessageBox, "divergenceMessage")
        if box is not None:
            box.close()
        event.accept()
