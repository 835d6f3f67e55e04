"""How much data the app takes on: checked where data is made, before anything uses it.

The designer checks each edit and opening checks each file, so a 917-byte file asking for
100,000 samples of 1,000 classes is refused at once instead of making the training thread
hold 800 MB of one-hot targets.
"""

from __future__ import annotations

from bpstudio.core.translatable import QT_TRANSLATE_NOOP, Refusal
from bpstudio.limits import MAX_DATA_VALUES
from bpstudio.session import PreparedData


def check_data_size(prepared: PreparedData) -> None:
    """Raise ``ValueError`` (naming the samples field) if training would hold more numbers
    than :data:`~bpstudio.limits.MAX_DATA_VALUES`: samples × (inputs + outputs)."""
    n, width = prepared.full.n_samples, prepared.n_inputs + prepared.n_outputs
    if n * width > MAX_DATA_VALUES:
        raise Refusal(
            QT_TRANSLATE_NOOP("Limits", "{field}: {samples} samples × {width} inputs and "
                              "outputs are {count} numbers; BP Studio trains on up to {limit} "
                              "(use fewer samples or classes)"),
            field="n", samples=f"{n:,}", width=f"{width:,}", count=f"{n * width:,}",
            limit=f"{MAX_DATA_VALUES:,}")
