"""The Qt-free vocabularies in the interface's language.

The registries, the field table, the starters and the refusals keep English words (the
command line and the files read them); each marks its texts with ``QT_TRANSLATE_NOOP`` under
one of four contexts, and whatever part of the GUI shows one translates it here, with the
same context:

- ``"Vocabulary"``: the names a person picks or reads: activations where they are words
  (identity), losses, optimizer kinds, datasets, initialisations and their descriptions,
  schedule kinds, their parameters and formulas, stop reasons, class names;
- ``"Fields"``: the training fields' labels, tool tips and special values
  (:mod:`bpstudio.training_fields`);
- ``"Limits"``: the refusals' templates and words (:class:`~bpstudio.core.translatable.Refusal`);
- ``"Starters"``: what picking a dataset changed (:mod:`bpstudio.starters`).

A text without a translation comes back as it is (sigmoid, tanh, SGD, a name from a file).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpstudio.core.outputs import LOSS_LABELS, Pair
from bpstudio.core.stopping import Stopped
from bpstudio.core.translatable import Refusal
from bpstudio.session import PreparedData
from bpstudio.starters import Adaptation


def vocabulary(text: str) -> str:
    """A registry's word (``"identity"``, ``"Spiral"``, ``"Step decay"``) translated."""
    return QCoreApplication.translate("Vocabulary", text)


def field_text(text: str) -> str:
    """A training field's label, tool tip or special value translated."""
    return QCoreApplication.translate("Fields", text)


def pair_words(pair: Pair) -> str:
    """``"softmax + 交叉熵"``: an output activation and loss as the output list shows them."""
    activation, loss = pair
    return f"{vocabulary(activation)} + {vocabulary(LOSS_LABELS.get(loss, loss))}"


def refusal_words(error: Exception, **replaced: object) -> str:
    """Why ``error`` refused a value, in the interface's language; ``replaced`` values (a
    field's label for ``field``) win. An error without a template stays as it is said."""
    if isinstance(error, Refusal):
        return error.words.said(QCoreApplication.translate, **replaced)
    return str(error)


def adaptation_words(adaptation: Adaptation, label: str) -> str:
    """What picking the dataset ``label`` changed, for the status bar."""
    return adaptation.message(label, QCoreApplication.translate)


def stopped_words(stopped: Stopped) -> str:
    """Which rule stopped training, for the status bar: ``在第 230 轮停止：提前停止：…``."""
    return stopped.words(QCoreApplication.translate)


def class_names(data: PreparedData) -> tuple[str, ...]:
    """The classes as a legend shows them: a table's own names, else ``类别 0``, …"""
    return data.class_names_said(QCoreApplication.translate)
