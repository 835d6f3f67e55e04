"""The Judging dock: listed in the View menu, hidden at first, a tab beside the loss plot.

It is a live view like the plots; the judgements it shows are made in the worker only while
it is on screen (an extra, asked for through :meth:`ExplainDocks.want_extra`).
"""

from __future__ import annotations

from bpstudio.core.snapshot import JUDGEMENTS
from bpstudio.core.translatable import QT_TRANSLATE_NOOP

from ..views.judging_view import JudgingView
from .dock_area import DockArea
from .dock_spec import Area, DockSpec
from .explain_docks import ExplainDocks
from .live_views import LiveViews


def add_judging_dock(dock_area: DockArea, live_views: LiveViews,
                     explain: ExplainDocks) -> JudgingView:
    """Add the dock (hidden) and return its view."""
    view = JudgingView()
    dock = dock_area.add(DockSpec(view, QT_TRANSLATE_NOOP("Docks", "Judging"), "judgingDock",
                                  Area.BottomDockWidgetArea))
    live_views.add(view, dock)
    dock_area.tabify("lossDock", "judgingDock")
    dock.hide()
    explain.want_extra(JUDGEMENTS, view, dock)
    return view
