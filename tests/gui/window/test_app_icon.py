"""The application icon: the SVG drawing and each committed PNG rendering load, at their
size, and the app's icon offers every size."""

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from bpstudio.gui.window.app import app_icon
from bpstudio.package_data import ICON_SIZES, icon_path


def test_the_svg_drawing_is_valid_and_square():
    renderer = QSvgRenderer(str(icon_path()))
    assert renderer.isValid()
    assert renderer.defaultSize() == QSize(256, 256)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_is_there_loads_and_shows_something(size):
    image = QImage(str(icon_path(size)))
    assert not image.isNull(), icon_path(size)
    assert (image.width(), image.height()) == (size, size)
    corner, middle = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
    assert corner.alpha() == 0  # the rounded tile leaves the corners clear
    assert middle.alpha() == 255


def test_the_app_icon_offers_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in ICON_SIZES} <= sizes
