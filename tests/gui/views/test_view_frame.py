"""The frame around every view: title, legend, status and message."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from bpstudio.gui.views import LossPlotView, NetworkView
from tests.gui.views.runs import make_view


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def test_header_texts_change_without_relaying_out_the_window(qtbot):
    """A status that changes every frame must not have Qt recompute every layout up to the
    main window; only a text wider than any before asks for room."""
    view = make_view(qtbot, LossPlotView)
    requests = _LayoutRequests()
    view.installEventFilter(requests)
    view.status_label.setText("epoch 1,000   train 0.1000")
    qtbot.waitUntil(lambda: requests.count > 0)  # wider than before: room is asked for
    qtbot.waitUntil(lambda: view.status_label.width() >= view.status_label.sizeHint().width())
    requests.count = 0
    for epoch in range(1_001, 1_031):
        view.status_label.setText(f"epoch {epoch:,}   train 0.{epoch}")
        qtbot.wait(1)
    assert requests.count == 0
    assert view.status_label.text() == "epoch 1,030   train 0.1030"
    wide = view.status_label.sizeHint().width()
    view.status_label.fit_text("paused")
    assert view.status_label.sizeHint().width() < wide  # a new kind of text may shrink it
    assert view.status_label.minimumSizeHint().width() == 1  # narrow docks clip, not grow


def test_in_a_narrow_view_the_status_moves_under_the_legend(qtbot):
    view = make_view(qtbot, NetworkView)
    view.status_label.setText("widest line |w| = 0.4")
    header = view.header

    def status_in_header():
        return header.indexOf(view.status_label) >= 0

    view.resize(900, 300)
    qtbot.waitUntil(status_in_header)
    view.resize(260, 300)  # legend and status no longer fit on one line
    qtbot.waitUntil(lambda: not status_in_header())
    assert view.status_row.indexOf(view.status_label) >= 0
    view.resize(900, 300)
    qtbot.waitUntil(status_in_header)
    assert header.indexOf(view.status_label) == header.count() - 1  # back in its place


def test_a_views_own_controls_count_when_the_status_is_placed(qtbot):
    from bpstudio.gui.explain.neuron_view import NeuronView

    view = NeuronView()
    qtbot.addWidget(view)
    view.show()
    view.status_label.setText("A₁[:, 0]: 0.000201 … 0.9999")
    view.neuron_combo.addItem("layer 1, neuron 0")
    view.resize(420, 300)  # legend, status, neuron list and check box do not fit
    qtbot.waitUntil(lambda: view.status_row.indexOf(view.status_label) >= 0)
    assert view.neuron_combo.width() >= view.neuron_combo.sizeHint().width()
    view.resize(1000, 300)
    qtbot.waitUntil(lambda: view.header.indexOf(view.status_label) >= 0)
    assert view.header.indexOf(view.status_label) < view.header.indexOf(view.neuron_combo)
