"""How often the views follow training, and how much of the GUI thread drawing may take.

The worker and the GUI thread share Python's global lock, so every millisecond spent drawing
is one the training waits. A frame waits until the last one's GUI-thread CPU is at most
``render_budget`` of the time between them, and comes at most ``frames_per_second`` times a
second. ``FASTEST`` keeps drawing to a small share (training runs at about nine tenths of
headless speed or more, the plots move ten times a second or more); ``SMOOTH`` animates at
up to 30 frames a second, for teaching and demonstrations, at some cost in speed. These are
the only frame throttles: the worker's own ceiling (:data:`WORKER_CEILING`) is above both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pace:
    render_budget: float
    """Share of wall time one frame's GUI-thread CPU may take before the next frame waits."""
    frames_per_second: float
    """The most frames a second."""


FASTEST = Pace(render_budget=0.06, frames_per_second=30.0)
SMOOTH = Pace(render_budget=0.15, frames_per_second=30.0)

WORKER_CEILING = 60.0
"""Snapshots a second the worker makes at most: above every pace, so the frame pacing here
decides (the worker still keeps its snapshots' cost to a share of the training time)."""
