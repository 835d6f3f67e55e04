"""Issue 11, finding 8: an exported plot is what goes in a report: the view's title and
legend, the plot, no hover read-out."""

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from bpstudio.gui.views import LossPlotView
from bpstudio.gui.window import export as export_module
from bpstudio.gui.window.export import export_plot


def test_the_export_has_title_and_legend_and_no_hover_box(qtbot, window, tmp_path,
                                                           monkeypatch):
    view = window.loss_plot
    assert isinstance(view, LossPlotView)
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: view.train_series.n > 0, timeout=10000)
    view.readout.setText("epoch 1")
    view.readout.setPos(QPointF(0.5, 0.0))
    view.readout.show()
    assert not view.title_label.isVisible()  # in its dock the dock shows the title
    seen = {}
    real = export_module._write_png

    def recording(widget, path):
        seen.update(readout=view.readout.isVisible(), title=view.title_label.isVisible(),
                    widget=widget)
        real(widget, path)

    monkeypatch.setattr(export_module, "_write_png", recording)
    path = export_plot(view, str(tmp_path / "loss"), "png")
    assert seen == {"readout": False, "title": True, "widget": view}
    assert view.readout.isVisible() and not view.title_label.isVisible()  # put back
    image = QImage(path)
    assert image.height() == 2 * view.height()  # the whole view: title, legend, plot
    assert image.height() > 2 * view.plot.height()
