"""The Sweep dialog's choices: the settings it offers, and the values it suggests for each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from bpstudio.experiments import SETTINGS, setting
from bpstudio.experiments.spec import LAYER_LABEL

EXAMPLE_VALUES = {"hidden": "2,4,8,16,32", "layers": "1,2,3", "lr": "1e-3:1:log5",
                  "batch": "8,32,full", "optimizer": "sgd,momentum,adam",
                  "activation": "tanh,relu,sigmoid", "l2": "0,1e-4,1e-3,1e-2",
                  "momentum": "0,0.5,0.9"}
"""What the values box offers for each setting until the person types."""
LAYER_SETTINGS = 3
"""One layer's neuron count is offered for the first three hidden layers (``hidden1``…); the
command line takes any."""


def settings_combo(name: str) -> QComboBox:
    """A list of the settings a sweep varies, each item's data its name."""
    combo = QComboBox(objectName=name)
    for key in SETTINGS:
        combo.addItem(setting_label(key), key)
        if key == "hidden":  # one layer's neurons right after every layer's
            for number in range(1, LAYER_SETTINGS + 1):
                combo.addItem(setting_label(f"hidden{number}"), f"hidden{number}")
    return combo


def setting_label(name: str) -> str:
    """The label of setting ``name`` in the interface's language."""
    about = setting(name)
    translate = QCoreApplication.translate
    if name in SETTINGS:
        return translate("Sweep", about.label)
    return translate("Sweep", LAYER_LABEL).format(number=name.removeprefix("hidden"))


def example_values(name: str) -> str:
    """The values offered for a setting (one layer's neurons: those of every layer)."""
    return EXAMPLE_VALUES.get("hidden" if name.startswith("hidden") else name, "")
