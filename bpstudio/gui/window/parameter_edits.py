"""A weight or bias typed into the network diagram, carried into the run and the document.

:meth:`ParameterEdits.apply` is the one way an edit reaches the network: training pauses,
the worker takes the new parameter vector and sends a snapshot of it (the plots, the
inspector and the loss follow at once), and the document is marked modified. It returns the
edit that undoes it (same place, the old value), so an undo command can wrap it::

    redo: inverse = edits.apply(edit)      undo: edits.apply(inverse)
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStatusBar

from bpstudio.core.text import shorten
from bpstudio.document import Document

from ..training import TrainingController
from ..views import number_format
from ..views.parameter_edit import ParameterEdit
from ..vocabulary import refusal_words


def parameter_offset(layer_sizes: list[int], bias: bool, edit: ParameterEdit) -> int:
    """Where ``edit``'s parameter sits in the flat parameter vector (all weights, layer by
    layer, row-major; then all biases). ``ValueError`` if the network has no such one."""
    shapes = list(itertools.pairwise(layer_sizes))
    if not 1 <= edit.layer <= len(shapes):
        raise ValueError(f"{edit.name}: the network has {len(shapes)} weight layers")
    n_in, n_out = shapes[edit.layer - 1]
    if edit.kind == "W" and len(edit.index) == 2:
        i, j = edit.index
        if 0 <= i < n_in and 0 <= j < n_out:
            return sum(a * b for a, b in shapes[: edit.layer - 1]) + i * n_out + j
    elif edit.kind == "b" and len(edit.index) == 1 and bias:
        (j,) = edit.index
        if 0 <= j < n_out:
            weights = sum(a * b for a, b in shapes)
            return weights + sum(b for _, b in shapes[: edit.layer - 1]) + j
    raise ValueError(f"{edit.name}: the network has no such parameter")


class ParameterEdits:
    """Applies :class:`ParameterEdit` s to the window's run and document."""

    def __init__(
        self, document: Document, training: TrainingController, status: QStatusBar
    ) -> None:
        self.document = document
        self.training = training
        self.status = status

    def edited(self, edit: ParameterEdit) -> None:
        """The diagram's ``parameter_edited``: apply it, or say in the status bar why not."""
        try:
            self.apply(edit)
        except ValueError as exc:
            self.status.showMessage(shorten(refusal_words(exc)), 8000)

    def apply(self, edit: ParameterEdit) -> ParameterEdit:
        """Set the parameter (training pauses first); returns the edit that undoes this one.
        ``ValueError`` (nothing changed) for a value that is not finite or a parameter the
        network does not have."""
        if not math.isfinite(edit.value):
            raise ValueError(f"{edit.name}: expected a finite number, got {edit.value}")
        self.training.pause()
        self.training.sync()  # the document now holds the weights on screen
        session, data = self.document.session, self.document.data
        if session.state is None:
            raise ValueError("There is no network yet: train or step once first.")
        sizes = session.network.layer_sizes(data.n_inputs, data.n_outputs)
        offset = parameter_offset(sizes, session.network.bias, edit)
        vector = np.array(session.state.parameters, dtype=float)
        old = float(vector[offset])
        vector[offset] = edit.value
        self.document.modified = True
        self.training.set_parameters(vector)
        self.status.showMessage(QCoreApplication.translate(
            "ParameterEdits", "{name} set to {value} (was {old}); training paused.").format(
                name=edit.name, value=number_format.format_value(edit.value),
                old=number_format.format_value(old)), 6000)
        return ParameterEdit(edit.kind, edit.layer, edit.index, old)
