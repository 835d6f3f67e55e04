"""Compare runs: pin the live run, see the pinned runs' curves under the live ones, their
numbers in the Compare dock, a pinned run's decision regions beside the live ones, and
restart the live run from a pinned run's start ("same start").

The rules are Qt-free (:mod:`bpstudio.experiments.pins`); this wires them to the window:
the Pin Run action (toolbar and Training menu), the ``compareDock`` and the
``pinnedRegionsDock``. It listens to the live views (a new run: new data and grid) and to
training (the live run's time, and its numbers when it pauses).

Over 300 lines on purpose (about 330): the pin board, its table, curves and regions share
one state (which run shows its regions, which shares the live start); the length is the
status messages written out whole for translation.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar, QToolBar

from bpstudio.core.metrics import score_name
from bpstudio.core.snapshot import PlotGrid, TrainingSnapshot, make_snapshot
from bpstudio.core.text import shorten
from bpstudio.core.translatable import QT_TRANSLATE_NOOP
from bpstudio.document import Document, Opened
from bpstudio.experiments.live_history import LiveHistory
from bpstudio.experiments.pins import (
    Pin,
    PinBoard,
    differences,
    fits,
    pinned_network,
    same_start,
    shown_number,
)
from bpstudio.experiments.results import run_numbers
from bpstudio.limits import MAX_PINNED_RUNS
from bpstudio.session import PinnedRun, PreparedData, Session

from ..training import TrainingController
from ..views import DecisionRegionView
from ..views.reference_curves import ReferenceCurve, reference_colour
from ..vocabulary import refusal_words
from .compare_panel import ComparePanel, CompareRow
from .dock_area import DockArea
from .dock_spec import Area, DockSpec
from .status_line import StatusLine

NUMBERS = ("train_loss", "test_loss")
translate = QCoreApplication.translate


class CompareCommands(QObject):
    """The pinned runs of one window and everything that shows them."""

    def __init__(self, parent: QObject, *, document: Document, training: TrainingController,
                 dock_area: DockArea, status: StatusLine, loss_plot, fit_plot,
                 adopt: Callable[[Opened], None]) -> None:
        super().__init__(parent)
        self.document, self.training, self.status = document, training, status
        self.loss_plot, self.fit_plot, self.adopt = loss_plot, fit_plot, adopt
        self.board = PinBoard()
        document.choose_pins = self._pins_to_save
        self.pin_action = QAction(translate("Compare", "Pin Run"), parent,
                                  objectName="pinRunAction")
        self.pin_action.setIconText(translate("Compare", "Pin Run"))  # kept without "(&P)"
        self.pin_action.setToolTip(translate(
            "Compare", "Keep the live run for comparison (up to {most}) (P)").format(
                most=MAX_PINNED_RUNS))
        self.pin_action.setShortcut("P")
        self.pin_action.triggered.connect(self.pin)
        self.panel = ComparePanel()
        self.panel.pin_button.setText(translate("Compare", "Pin Run"))
        self.panel.pin_button.clicked.connect(self.pin)
        self.panel.rename_requested.connect(self.rename)
        self.panel.remove_requested.connect(self.remove)
        self.panel.same_start_requested.connect(self.restart_same)
        self.panel.regions_requested.connect(self.show_regions)
        self.dock = dock_area.add(DockSpec(
            self.panel, QT_TRANSLATE_NOOP("Docks", "Compare"), "compareDock",
            Area.BottomDockWidgetArea))
        dock_area.tabify("lossDock", "compareDock")
        self.dock.hide()
        self.regions = DecisionRegionView()
        self.regions.setObjectName("pinnedRegionsPlot")
        self.regions_dock = dock_area.add(DockSpec(
            self.regions, QT_TRANSLATE_NOOP("Docks", "Pinned regions"), "pinnedRegionsDock"))
        self.regions_dock.hide()
        self._regions_of: str | None = None
        self._data: tuple[PreparedData, PlotGrid | None] | None = None
        self._live_history = LiveHistory()
        self._live_start: np.ndarray | None = None
        self._same_start_as: str | None = None
        self._seconds, self._since = 0.0, None
        training.running_changed.connect(self._on_running)
        training.state_handed_back.connect(lambda _state: self.refresh())

    def add_to(self, menu_bar: QMenuBar, toolbar: QToolBar) -> None:
        toolbar.addAction(self.pin_action)
        toolbar.widgetForAction(self.pin_action).setObjectName("pinRunButton")
        for action in menu_bar.actions():
            if action.menu() is not None and action.menu().objectName() == "trainingMenu":
                action.menu().addAction(self.pin_action)

    # -- commands ------------------------------------------------------------------------------

    def pin(self) -> Pin | None:
        """Pin the live run as it stands (its weights, history and time)."""
        self.training.sync()
        session = self.document.session
        if session.state is None:
            self.status.showMessage(
                translate("Compare", "Nothing to pin yet: train the network first."), 6000)
            return None
        try:
            pin = self.board.pin(session, self.seconds, name=self._free_name(),
                                 same_start_as=self._same_as())
        except ValueError as exc:
            self.status.showMessage(shorten(refusal_words(exc)), 8000)
            return None
        self.dock.show()
        self.dock.raise_()
        self.refresh()
        self.status.showMessage(
            translate("Compare", "Pinned the live run as “{name}”.").format(name=pin.name), 4000)
        return pin

    def rename(self, old: str, new: str) -> None:
        try:
            self.board.rename(old, new)
        except ValueError as exc:
            self.status.showMessage(shorten(refusal_words(exc)), 8000)
        if self._same_start_as == old and new in self.board.names:
            self._same_start_as = new
        if self._regions_of == old and new in self.board.names:
            self._regions_of = new
        self.refresh()

    def remove(self, name: str) -> None:
        self.board.remove(name)
        if self._regions_of == name:
            self._regions_of = None
            self.regions.clear()
            self.regions_dock.hide()
        self.refresh()

    def restart_same(self, name: str) -> None:
        """The live document, restarted from ``name``'s start: a variant of that run."""
        self.training.sync()
        document = self.document
        try:
            variant = same_start(document.session, self.board[name], document.data)
        except ValueError as exc:
            self.status.showMessage(shorten(translate(
                "Compare", "Cannot start the same way: {reason}").format(
                    reason=refusal_words(exc))), 8000)
            return
        self.adopt(Opened(variant, document.data, document.grid, document.path))
        document.modified = True
        self._live_start = None if variant.start is None else variant.start.copy()
        self._same_start_as = name
        self.refresh()
        how = (translate("Compare", "its starting weights") if variant.start is not None
               else translate("Compare", "its weight seed"))
        self.status.showMessage(translate(
            "Compare", "Restarted from the start of “{name}” ({how}, its order of samples): "
            "train to compare.").format(name=name, how=how), 8000)

    def take_pins(self, pins: tuple[PinnedRun, ...]) -> None:
        """A document's pinned runs become the board (none: the board stays)."""
        if not pins:
            return
        self.board.restore(pins)
        self._same_start_as = self._regions_of = None
        self.regions.clear()
        self.regions_dock.hide()
        self.dock.show()
        text = (translate("Compare", "The file's pinned run is in the Compare dock.")
                if len(pins) == 1 else
                translate("Compare", "The file's {count} pinned runs are in the Compare dock."
                          ).format(count=len(pins)))
        self.status.showMessage(text, 6000)

    def show_regions(self, name: str) -> None:
        """The pinned run's decision regions in their own dock, beside the live ones."""
        self._regions_of = name
        self.regions_dock.show()
        self.regions_dock.raise_()
        self._draw_regions()

    # -- what the window tells it --------------------------------------------------------------

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        self._data = (data, grid)
        self._seconds, self._since = 0.0, None
        if self._same_as() is None:
            self._same_start_as = None
        self.refresh()

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        """The live row follows the run: its rows of history as the snapshots bring them,
        each snapshot's scores in its newest row (as the run records them)."""
        self._live_history.take(snapshot)
        score = snapshot.score
        if self._data is None or score is None:
            return
        numbers = self._live_history.numbers(score)  # not from every row: once per frame
        self.panel.show_live_row(self._row(self._live_name(), "", (snapshot.epoch, numbers),
                                           self.seconds, score))

    def clear(self) -> None:
        pass

    @property
    def seconds(self) -> float:
        """Seconds the live run has trained since it started."""
        running = 0.0 if self._since is None else time.monotonic() - self._since
        return self._seconds + running

    def refresh(self) -> None:
        """The table, the reference curves and the pinned regions, again."""
        if self._data is None:
            return
        data, _grid = self._data
        score = score_name(data.task)
        live = self.document.session
        rows = [self._row(self._live_name(), "", live, self.seconds, score)]
        nothing, join = translate("Compare", "nothing"), translate("Compare", "; ")
        rows += [self._row(pin.name, join.join(differences(pin.session, live, translate))
                           or nothing,
                           pin.session, pin.seconds, score, pin.same_start_as)
                 for pin in self.board]
        self.panel.show_rows(rows, score)
        self.loss_plot.set_reference_curves(self._loss_curves())
        self.fit_plot.set_reference_curves(self._fit_curves())
        if self._regions_of is not None:
            self._draw_regions()

    # -- details -------------------------------------------------------------------------------

    def _pins_to_save(self, live: Session, data: PreparedData
                      ) -> tuple[tuple[PinnedRun, ...], list[str]]:
        """Save writes the pins trained on the live data while a file's limits hold."""
        return self.board.saved(live, data)

    def _free_name(self) -> str:
        """``run N`` (the first free N) in the interface's language."""
        names = (translate("Compare", "run {number}").format(number=n)
                 for n in range(1, MAX_PINNED_RUNS + 2))
        return next(name for name in names if name not in self.board.names)

    def _same_as(self) -> str | None:
        """The pinned run the live run shares its start with, while it still does."""
        start = self.document.session.start
        if self._same_start_as not in self.board.names or self._live_start is None:
            return None
        same = start is not None and np.array_equal(start, self._live_start)
        return self._same_start_as if same else None

    def _live_name(self) -> str:
        same = self._same_as()
        if same:
            return translate("Compare", "live (same start as {name})").format(name=same)
        return translate("Compare", "live")

    @staticmethod
    def _row(name: str, differs: str, run: Session | tuple[int, dict[str, float]],
             seconds: float, score: str, same_as: str | None = None) -> CompareRow:
        """A run's row, of a session or of an epoch and its :func:`run_numbers` (the live run
        going on)."""
        epoch, numbers = ((run.epoch, run_numbers(run.history, score))
                          if isinstance(run, Session) else run)
        cells = [f"{epoch:,}", f"{seconds:.1f} s"]
        for column in (*NUMBERS, f"train_{score}", f"test_{score}"):
            cells += [shown_number(numbers[f"final_{column}"]),
                      shown_number(numbers[f"best_{column}"])]
        if same_as is not None:
            differs = translate("Compare", "same start as {name}; {differs}").format(
                name=same_as, differs=differs)
        return CompareRow(name, differs, tuple(cells))

    def _loss_curves(self) -> list[ReferenceCurve]:
        curves = []
        for k, pin in enumerate(self.board):
            history, colour = pin.session.history, reference_colour(k)
            epochs = np.asarray(history.epoch, dtype=float)
            curves.append(ReferenceCurve(pin.name, epochs,
                                         np.asarray(history.train_loss), colour))
            test = np.asarray(history.test_loss, dtype=float)
            if np.isfinite(test).any():
                measured = np.isfinite(test)
                curves.append(ReferenceCurve("", epochs[measured],
                                             test[measured], colour, dashed=True))
        return curves

    def _fit_curves(self) -> list[ReferenceCurve]:
        data, grid = self._data
        if grid is None or grid.kind != "curve" or data.task != "regression":
            return []
        curves = []
        for k, pin in enumerate(self.board):
            if fits(pin.session, data):
                net = pinned_network(pin.session, data)
                outputs = net.forward_unchecked(data.standardizer.transform(grid.inputs)).output
                curves.append(ReferenceCurve(pin.name, grid.xs, outputs[:, 0],
                                             reference_colour(k)))
        return curves

    def _draw_regions(self) -> None:
        data, grid = self._data
        name = self._regions_of
        pin = self.board[name]
        self.regions.set_data(data, grid)
        self.regions_dock.setWindowTitle(
            translate("Compare", "Regions of “{name}”").format(name=name))
        if grid is None or not fits(pin.session, data):
            self.regions.show_message(
                translate("Compare", "“{name}” was trained on other data.").format(name=name))
            return
        net = pinned_network(pin.session, data)
        self.regions.show_snapshot(make_snapshot(
            net, pin.session.history, 0, run_id=0, epochs_per_second=0.0, metrics={},
            grid_inputs=data.standardizer.transform(grid.inputs), score=score_name(data.task)))

    def _on_running(self, running: bool) -> None:
        if running and self._since is None:
            self._since = time.monotonic()
        elif not running and self._since is not None:
            self._seconds += time.monotonic() - self._since
            self._since = None
