"""The network diagram names the neuron under the mouse, for the neuron view to follow."""

from PySide6.QtCore import QPoint, QPointF, Qt

from bpstudio.gui.views import NetworkView
from tests.gui.views.runs import make_view, weights_run


def _neuron_point(view, layer: int, unit: int) -> QPoint:
    plot = view.plot.vb
    widget = plot.scene().views()[0]
    at = QPointF(float(layer), float(view._layout.columns[layer][unit]))
    return widget.mapFromScene(plot.mapViewToScene(at))


def _diagram(qtbot):
    run = weights_run((5,))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(2))
    qtbot.waitUntil(lambda: view._layout is not None)
    return view, view.plot.scene().views()[0].viewport()


def test_hovering_names_each_neuron_once(qtbot):
    view, viewport = _diagram(qtbot)
    seen = []
    view.neuron_hovered.connect(lambda layer, unit: seen.append((layer, unit)))

    def move_to(layer, unit, dx=0):
        # pyqtgraph drops mouse moves that come faster than ~60/s: wiggle until one lands
        target = _neuron_point(view, layer, unit) + QPoint(dx, 0)
        wiggle = iter(range(10**6))

        def moved():
            qtbot.mouseMove(viewport, target + QPoint(next(wiggle) % 2, 0))
            return view._hovered == (layer, unit)

        qtbot.waitUntil(moved)

    move_to(1, 2)
    move_to(1, 2, dx=2)  # still on the same neuron: no repeat
    move_to(2, 0)
    assert seen == [(1, 2), (2, 0)]


def test_clicking_a_neuron_names_it_and_clicking_beside_it_does_not(qtbot):
    view, viewport = _diagram(qtbot)
    with qtbot.waitSignal(view.neuron_clicked) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_neuron_point(view, 1, 4))
    assert blocker.args == [1, 4]
    with qtbot.assertNotEmitted(view.neuron_clicked):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=_neuron_point(view, 1, 4) + QPoint(0, 60))
