"""Shared fixtures of the explaining views' tests."""

import pytest

from bpstudio.core import Network
from bpstudio.core.dataset import Dataset
from bpstudio.core.snapshot import PlotGrid
from bpstudio.core.standardizer import Standardizer
from bpstudio.gui.explain.neuron_view import NeuronView
from bpstudio.session import PreparedData


def prepared(X, y, task="classification"):
    """A whole table as training data (and as the full data), with no test part."""
    data = Dataset(X, y, task, "table", {})
    return PreparedData(data, data, Dataset(X[:0], y[:0], task, "table", {}),
                        Standardizer.identity(X.shape[1]))

@pytest.fixture
def plane(qtbot, rng):
    X = rng.normal(size=(20, 2))
    y = (X[:, 0] > X[:, 1]).astype(int)
    data = prepared(X, y)
    grid = PlotGrid.around(X, resolution=12)
    net = Network([2, 3, 2, 1], ["tanh", "sigmoid", "sigmoid"], seed=0)
    view = NeuronView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    view.set_data(data, grid)
    return view, net, grid
