"""The designer on its own, showing the sin-fit example."""

import pytest

from bpstudio.examples import EXAMPLES
from bpstudio.gui.designer import DesignerPanel


@pytest.fixture
def panel(qtbot):
    p = DesignerPanel()
    qtbot.addWidget(p)
    p.set_session(EXAMPLES["sin"]())
    p.show()
    return p
