"""What the designer offers beyond the training fields: hidden activations, initializers and
the widest output pair.

Names and the words a person reads come from the registries (datasets and optimizer kinds
with their labels, output pairs in :mod:`bpstudio.core.outputs`); this module only picks
what the designer's own widgets need.
"""

from __future__ import annotations

from bpstudio.core import ACTIVATIONS, INITIALIZERS
from bpstudio.core.outputs import output_choices, pair_label

HIDDEN_ACTIVATIONS = tuple(name for name, a in ACTIVATIONS.items() if a.hidden_allowed)
INIT_NAMES = tuple(INITIALIZERS)

LONGEST_PAIR_LABEL = max(
    (pair_label(p) for kind in (("regression", 1), ("classification", 1), ("classification", 3))
     for p in output_choices(*kind)), key=len)
"""The widest the output combo gets: the designer is made wide enough for it from the start."""
