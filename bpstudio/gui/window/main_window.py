"""The main window: composes the document, the designer, the live views, the docks, the
actions and training, and passes each what it works with.

It is the controller of DESIGN.md. The :class:`~bpstudio.document.Document` decides what an
edit resets and which weights a run starts from; the window carries its decisions out: it
applies the specs the designer emits, starts runs on the :class:`TrainingController` and
hands the snapshots that come back to the :class:`LiveViews`. Where two parts react to the
same event, the window's slot calls them one after the other, in the order that matters.
File commands live in :mod:`.files`, the explaining docks in :mod:`.explain_docks`.

Over 300 lines on purpose (about 420): it is the one place that composes every part (the
designer, the views and docks, menus, training, the explaining docks, experiments, undo) and
orders the window's reactions to one event. Every part with behaviour of its own has left
(file commands, actions, docks, settings, the status line, training replies, import, export,
compare, sweeps, undo, the keyboard, the doctor's note, the starting layout); what remains is
wiring that a split would move, not shrink.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from bpstudio.core.snapshot import TrainingSnapshot
from bpstudio.core.text import shorten
from bpstudio.core.trainer import TrainerState
from bpstudio.core.translatable import QT_TRANSLATE_NOOP
from bpstudio.document import (
    APP_NAME,
    Change,
    Document,
    DocumentSnapshot,
    Opened,
    new_session,
)
from bpstudio.session import DataSpec, NetworkSpec, PreparedData, Session, TrainingConfig

from ..designer import DesignerPanel
from ..training import TrainingController
from ..training.pace import FASTEST, SMOOTH
from ..views import DecisionRegionView, FitPlotView, LossPlotView, NetworkView
from ..views.parameter_edit import ParameterEdit
from ..views.plot_style import configure_plots
from ..vocabulary import refusal_words
from .actions import build_actions, build_menus, build_toolbar
from .compare import CompareCommands
from .dock_area import DockArea
from .dock_spec import Area, DockSpec
from .doctor_note import DoctorNote, with_note_below
from .explain_docks import ExplainDocks
from .export_menu import ExportCommands
from .files import FileCommands
from .frame_rate import FrameRateReadout
from .help_menu import HelpMenu
from .import_commands import ImportCommands
from .judging_dock import add_judging_dock
from .keyboard import SpaceForFocusedWidgets, give_mnemonics
from .language import LanguageMenu
from .layout_reset import StartingLayout
from .live_views import LiveViews
from .opening import prepare
from .parameter_edits import ParameterEdits
from .prediction_probe import PredictionProbe
from .settings import AppSettings
from .status_line import StatusLine
from .sweep_commands import SweepCommands
from .training_replies import TrainingReplies
from .undo import UndoHistory, build_edit_menu


class MainWindow(QMainWindow):
    """BP Studio's window. ``MainWindow()`` opens the sin-fit example, ``MainWindow(path)``
    the example and then a file (the example stays, with an error message, if the file
    cannot be read)."""

    def __init__(self, path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure_plots()
        self.setObjectName("mainWindow")
        self.setDockNestingEnabled(True)
        self.settings = AppSettings()
        self.document = Document(prepare(new_session()))
        self.actions = build_actions(self)
        self.addActions(self.actions.all())
        self._space_filter = SpaceForFocusedWidgets(self)
        self.designer = DesignerPanel()
        self.loss_plot, self.fit_plot = LossPlotView(), FitPlotView()
        self.decision_plot, self.network_view = DecisionRegionView(), NetworkView()
        self.doctor_note = DoctorNote()
        self.live_views = LiveViews()
        self.training = TrainingController(self)
        self.undo = UndoHistory(self.document, self._restore, self._sync_if_running, self)
        self.status_line = StatusLine(self)
        self.setStatusBar(self.status_line)
        self.replies = TrainingReplies(self, self.status_line)
        self._adapted = ""  # the starter's words, until the rebuild message carries them
        self._change_timer = QTimer(self, singleShot=True, interval=0)
        self._change_timer.timeout.connect(self._apply_spec_change)
        self.dock_area = DockArea(self)
        self.docks = self.dock_area.docks
        self.dock_area.add_panels(self._dock_specs())
        for view, dock in (
            (self.loss_plot, "lossDock"), (self.fit_plot, "fitDock"),
            (self.decision_plot, "decisionDock"), (self.network_view, "networkDock"),
        ):  # the loss plot appends every row: it is given every snapshot, seen or not
            self.live_views.add(view, self.docks[dock], every=view is self.loss_plot)
        self.live_views.add(self.doctor_note, every=True)  # hidden while it has nothing to say
        self.toolbar = build_toolbar(self, self.actions)
        self.files = FileCommands(
            self.document, self, actions=self.actions, status=self.status_line,
            designer=self.designer, settings=self.settings, training=self.training,
            adopt=self.adopt, views=self.live_views, main_plot=self._main_plot)
        self.files.build_menus(self.menuBar())
        self.importing = ImportCommands(self, self.designer, self.files.menu, self.actions.save)
        self.files.open_other = self.importing.offer_import
        self.exporting = ExportCommands(
            self, self.files.menu, self.actions.quit, document=self.document,
            training=self.training, status=self.status_line)
        build_edit_menu(self.menuBar(), self.undo)
        view_menu = build_menus(self.menuBar(), self.actions, self.docks.values(), self.toolbar)
        self.dock_area.list_in(view_menu, before=self.toolbar.toggleViewAction())
        self.frame_rate = FrameRateReadout(self.status_line, self.training, view_menu,
                                           self.settings, lambda: self.last_snapshot)
        self.explain = ExplainDocks(
            self.dock_area, self.live_views, self.document, self.training, self.status_line,
            self.network_view, self.menuBar(), self.open_lesson_session)
        self.judging_view = add_judging_dock(self.dock_area, self.live_views, self.explain)
        self.probe = PredictionProbe(self.document, self.fit_plot, self.decision_plot,
                                     self.explain.inspector, self)
        self.live_views.listen(self.probe)
        self.parameter_edits = ParameterEdits(self.document, self.training, self.status_line)
        self.network_view.parameter_edited.connect(self.edit_parameter)
        self.compare = CompareCommands(
            self, document=self.document, training=self.training, dock_area=self.dock_area,
            status=self.status_line, loss_plot=self.loss_plot, fit_plot=self.fit_plot,
            adopt=self.adopt)
        self.compare.add_to(self.menuBar(), self.toolbar)
        self.live_views.listen(self.compare)
        self.sweeps = SweepCommands(self, self.menuBar(), self.document, self.training,
                                    self.show_session)
        self.explain.lessons_menu.lesson_chosen.connect(self.sweeps.lesson_opened)
        self.help = HelpMenu(self, self.menuBar())
        self._connect()
        self.dock_area.size_docks()
        self.resize(1500, 940)
        self.starting_layout = StartingLayout(
            self, self.dock_area, lambda: self.explain.lesson_panel.lesson is not None,
            lambda: self.document.data)
        self.starting_layout.add_to(view_menu)
        self.language_menu = LanguageMenu(view_menu, self.settings, self.statusBar())
        if self.settings.restore_window(self):
            self.starting_layout.keep_if_useful()
        self.actions.smooth.setChecked(self.settings.smooth_animation())
        self._show_title()
        self.document.listen(self._show_title)
        self.designer.set_session(self.document.session, self.document.data)
        self._new_run()
        give_mnemonics(self.menuBar())
        if path is not None:
            self.files.open_path(path)

    # -- what tests, scripts and benchmarks look at ----------------------------------------------

    @property
    def session(self) -> Session:
        return self.document.session

    @property
    def data(self) -> PreparedData:
        return self.document.data

    @property
    def last_snapshot(self) -> TrainingSnapshot | None:
        return self.live_views.last_snapshot

    @property
    def views(self) -> list[QWidget]:
        return self.live_views.views

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
            DockSpec(scroll, QT_TRANSLATE_NOOP("Docks", "Designer"), "designerDock",
                     Area.LeftDockWidgetArea),
            DockSpec(self.fit_plot, QT_TRANSLATE_NOOP("Docks", "Fit"), "fitDock"),
            DockSpec(self.decision_plot, QT_TRANSLATE_NOOP("Docks", "Decision regions"),
                     "decisionDock"),
            DockSpec(self.network_view, QT_TRANSLATE_NOOP("Docks", "Network"), "networkDock"),
            DockSpec(with_note_below(self.loss_plot, self.doctor_note),
                     QT_TRANSLATE_NOOP("Docks", "Loss"), "lossDock"),
        ]

    def add_view_dock(self, spec: DockSpec) -> QDockWidget:
        """Add a view (``show_snapshot``, ``clear``, ``set_data``) as a dock listed in the View
        menu that follows training from now on (see :meth:`DockArea.add`)."""
        dock = self.dock_area.add(spec)
        self.live_views.add(spec.widget, dock)
        return dock

    def set_smooth_animation(self, on: bool) -> None:
        """Plots that move up to 30 times a second while training, or (the default) the
        fastest training; remembered for the next start."""
        self.training.pace = SMOOTH if on else FASTEST
        self.settings.set_smooth_animation(on)

    def _connect(self) -> None:
        a = self.actions
        a.train.triggered.connect(self.toggle_training)
        a.step.triggered.connect(self.step_epoch)
        a.reset.triggered.connect(self.reset_weights)
        a.quit.triggered.connect(self.close)
        a.smooth.toggled.connect(self.set_smooth_animation)
        self.designer.spec_changed.connect(self._on_spec_changed)
        self.designer.adapted.connect(self._note_adapted)
        t = self.training
        t.draw_frames(self._draw_frame)
        t.state_handed_back.connect(self._on_state_handed_back)
        t.running_changed.connect(self._sync_actions)
        t.diverged.connect(self.replies.diverged)
        t.limit_reached.connect(self.replies.stopped)
        t.failed.connect(self.replies.failed)

    # -- the document --------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        """Make ``session`` the (untitled) document: designer, views and a fresh run resuming
        its state. ``ValueError`` (and nothing changed) if its data cannot be made."""
        self.adopt(prepare(session))

    def adopt(self, opened: Opened) -> None:
        """Make an opened document the window's, unmodified. The designer must take it first:
        if it raises, it is put back as it was and so is everything else."""
        before = (self.designer.session(), self.document.data)
        try:
            self.designer.set_session(opened.session, opened.data)
        except Exception:
            self.designer.set_session(*before)
            raise
        self.document.take(opened)
        self.status_line.clearMessage()  # what it said was about the document before
        self.compare.take_pins(self.document.pinned)
        if not self.undo.busy:  # another document; a lesson opened is an undo step
            self.undo.clear()
        self._new_run()

    def open_lesson_session(self, session: Session) -> bool:
        """A lesson's session on screen, as an undo step (Undo brings the document back)."""
        return bool(self.undo.run(self.tr("Open the lesson “{title}”").format(title=session.title),
                                  lambda: self.files.open_session(session)))

    def _restore(self, snapshot: DocumentSnapshot) -> None:
        """Undo or Redo: the document as ``snapshot`` has it, in the designer and a new run."""
        self._change_timer.stop()
        self.document.restore(snapshot)
        if self._new_run():
            self.designer.set_session(self.document.session, self.document.data)
            self.status_line.showMessage(self.tr("Back at epoch {epoch}.").format(
                epoch=f"{self.document.session.epoch:,}"), 4000)

    def edit_parameter(self, edit: ParameterEdit) -> None:
        """A weight or bias typed into the network view, as an undo step (Undo puts the
        weights back as they were)."""
        def change() -> bool:
            before = self.document.session
            self.parameter_edits.edited(edit)
            self.training.sync()  # the run hands the edited state back into the document
            return self.document.session is not before
        self.undo.run(f"{edit.name} = {edit.value:g}", change)

    def _sync_if_running(self) -> None:
        """The state training has reached, into the document (an undo step's "before")."""
        if self.training.running:
            self.training.sync()

    def _new_run(self) -> bool:
        """Reset the views and start a (paused) run of the document's session; its data is
        made again if the data spec changed. ``False`` (and a message) if it cannot be."""
        with self.status_line.busy_while(self.document.session.data):
            try:
                data, grid = self.document.start_run()
            except ValueError as exc:
                self.status_line.showMessage(shorten(
                    self.tr("Cannot build the data: {reason}").format(
                        reason=refusal_words(exc))))
                return False
            self.live_views.reset(data, grid)
        self.status_line.show_snapshot(None)
        self.explain.rebuilt()
        self.dock_area.show_task_docks(data)
        self.training.reset(self.document.session, data, grid)
        self._sync_actions()
        return True

    def _show_title(self) -> None:
        """``"sin.bpnet — BP Studio"``: Qt adds the application's name after a title that
        does not end with it ("BP Studio — sin.bpnet — BP Studio"), so it comes last."""
        name = self.document.display_name if self.document.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def _start_name(self) -> str:
        """Which weights a new run starts from, in words (:attr:`Document.start_name`)."""
        return QCoreApplication.translate("Document", self.document.start_name)

    def _main_plot(self) -> QWidget:
        regression = self.document.data.task == "regression"
        return self.fit_plot if regression else self.decision_plot

    # -- training commands ---------------------------------------------------------------------

    def toggle_training(self) -> None:
        if not self.training.running:
            self.status_line.clearMessage()  # "Data changed: …" is old news once it trains
        self.training.toggle()

    def step_epoch(self) -> None:
        self.training.step()

    def reset_weights(self) -> None:
        """Back to epoch 0 with the starting weights the document came with (a textbook
        example's), or else the ones the weight seed gives; training pauses. Undoable."""
        self._sync_if_running()
        self.undo.run(self.tr("Reset (undo returns to epoch {epoch})").format(
                          epoch=f"{self.document.session.epoch:,}"),
                      self._reset_weights)

    def _reset_weights(self) -> None:
        self.document.reset_weights()
        if self._new_run():
            self.status_line.showMessage(
                self.tr("Weights reset to {start}: epoch 0").format(
                    start=self._start_name()), 4000)

    # -- spec changes ----------------------------------------------------------------------------

    def _on_spec_changed(self, spec: NetworkSpec | DataSpec | TrainingConfig) -> None:
        """Apply a designer edit to the document (an undo step); act on it once per burst of
        edits."""
        self.undo.before_edit()
        change = self.document.apply(spec)
        if change == Change.LIVE:
            self.training.set_learning_rate(spec.learning_rate)
            self.training.set_epoch_limit(spec.epoch_limit)
        else:
            self._change_timer.start()
        if isinstance(spec, TrainingConfig):
            self.explain.training_edited(spec)

    def _note_adapted(self, text: str) -> None:
        """What a picked dataset's starter changed: said now, and again after the rebuild
        message that follows it."""
        self._adapted = text
        self.status_line.showMessage(text, 10000)

    def _apply_spec_change(self) -> None:
        change = self.document.take_pending()
        adapted, self._adapted = self._adapted, ""
        paused = self.tr("training paused; ") if self.training.running else ""
        if change == Change.TRAINING:
            if self.live_views.last_snapshot is not None:
                self.training.reconfigure(self.document.session.training)
            elif not self._new_run():  # nothing drawn yet: start over, from the same state
                return
            self.status_line.showMessage(self.tr(
                "Training settings changed: {paused}the weights were kept.").format(
                    paused=paused), 6000)
        elif change is not None and self._new_run():
            rebuilt = (self.tr("Network changed: {paused}rebuilt with {start} (epoch 0).")
                       if change == Change.NETWORK else
                       self.tr("Data changed: {paused}rebuilt with {start} (epoch 0)."))
            self.status_line.showMessage(
                rebuilt.format(paused=paused, start=self._start_name())
                + (f" {adapted}" if adapted else ""), 10000 if adapted else 6000)

    # -- replies from training -----------------------------------------------------------------

    def _draw_frame(self, snapshot: TrainingSnapshot) -> Iterator[None]:
        """The frame the controller renders, in steps: the status line, then the views on
        screen (:meth:`LiveViews.frame`). Training that moved the epoch modifies the
        document."""
        self.document.trained_to(snapshot.epoch)
        self.status_line.show_snapshot(snapshot)
        yield from self.live_views.frame(snapshot)

    def _on_state_handed_back(self, state: TrainerState) -> None:
        """The document keeps it (or not: see :meth:`Document.accept_state`), then the
        inspector traces what it kept."""
        self.document.accept_state(state)
        self.explain.refresh_inspector()

    def _sync_actions(self) -> None:
        self.actions.show_running(self.training.running, self.style())

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.sweeps.shutdown()
        self.training.shutdown()
        self.settings.save_window(self)
        self.replies.close()
        event.accept()
