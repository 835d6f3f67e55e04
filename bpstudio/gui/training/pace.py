"""How much of the GUI thread live drawing may take while training.

The worker and the GUI thread share Python's global lock, so every millisecond spent drawing
is one the training waits. ``FASTEST`` keeps drawing to a small share (training runs at about
nine tenths of headless speed, the plots move a few times a second); ``SMOOTH`` lets the plots
move about ten times a second, for teaching and demonstrations, at some cost in speed. The
training controller spaces its frames by this share (:mod:`.frames`); the views
draw every frame they are given.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pace:
    render_budget: float
    """Share of wall time one frame's GUI-thread CPU may take before the next frame waits."""


FASTEST = Pace(render_budget=0.05)
SMOOTH = Pace(render_budget=0.30)
