"""Curves: peak downsampling and a bold line that looks the same on screen and in exports."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as exporters

from bpstudio.gui.views import curve


def test_peak_downsampling_keeps_spikes_and_the_direction_of_each_block():
    x = np.arange(1.0, 1_001.0)
    y = np.linspace(10.0, 0.0, 1_000)  # falling
    y[500] = 50.0  # a spike
    y[600:605] = np.nan
    xd, yd = curve.peak_downsample(x, y, bins=100)
    assert len(xd) == 200
    assert xd[0] == 1 and xd[-1] == 1_000
    assert yd.max() == 50.0 and yd.min() == 0.0
    assert yd[0] == 10.0 and yd[1] == y[9]  # a falling block: its larger value first
    assert np.isfinite(yd).all()  # NaN skipped where a block has other values
    short = np.arange(5.0)
    assert curve.peak_downsample(short, short, bins=100)[1] is short


def test_bold_curve_looks_two_pixels_wide_on_screen_and_in_exports(qtbot):
    """On screen three 1 px strokes (cheap), in an export one 2 px stroke: both ~2 px."""
    widget = pg.PlotWidget(background="w")
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    item = curve.BoldCurve("#000000")
    widget.addItem(item)
    item.setData([0.0, 1.0], [0.5, 0.5])
    widget.show()
    qtbot.waitExposed(widget)

    def thickness(image) -> float:
        """Ink across the line, in pixels: 1 - value of each pixel in a column, summed."""
        return sum(1 - image.pixelColor(image.width() // 2, row).valueF()
                   for row in range(image.height()))

    on_screen = thickness(widget.grab().toImage())
    exported = thickness(exporters.ImageExporter(widget.getPlotItem()).export(toBytes=True))
    # a 2 px stroke that straddles a pixel row edge inks three rows when it is not antialiased
    # (where the line lands depends on the axis widths, i.e. on fonts set by earlier tests);
    # a 1 px or a 4 px line is still caught
    assert 1.6 <= on_screen <= 3.0 and 1.6 <= exported <= 3.0, (on_screen, exported)
