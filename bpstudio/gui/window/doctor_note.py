"""The training doctor's note under the loss plot: what it sees, what to try, and a link to
the guide section that explains it.

The run makes the findings (:data:`~bpstudio.core.snapshot.DOCTOR_FINDINGS`, an extra of
every snapshot: the curve rules each time, the unit reading every few seconds, all in the
worker); the note only shows them. A finding the person dismisses stays dismissed while it
holds, and comes back if it goes away and returns. It is a live view (``show_snapshot``,
``clear``, ``set_data``) placed under the loss plot by :func:`with_note_below`.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from bpstudio.core.doctor_findings import CRITICAL, Finding
from bpstudio.core.snapshot import DOCTOR_FINDINGS, PlotGrid, TrainingSnapshot
from bpstudio.session import PreparedData

DOCS = Path(__file__).resolve().parents[3] / "docs"
"""Where ``guide.md`` is (a finding's ``explained_in`` is ``"guide.md#anchor"``)."""
MOST_SHOWN = 3
"""Findings shown at once, the most urgent first (the rules' order is already that)."""
COLOURS = {CRITICAL: "#fdecea", "warning": "#fff4e0", "info": "#eaf2fb"}


def guide_url(explained_in: str) -> QUrl | None:
    """The guide section a finding points at, ``None`` if BP Studio runs without its docs
    folder (the note then names the section)."""
    page, _, anchor = explained_in.partition("#")
    local = DOCS / page
    if not local.is_file():
        return None
    url = QUrl.fromLocalFile(str(local))
    url.setFragment(anchor)
    return url


class FindingRow(QFrame):
    """One finding: what is seen, what to try, "Read more", and a close button."""

    dismissed = Signal(str)

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding
        self.setObjectName(f"doctorFinding_{finding.id}")
        self.setStyleSheet(f"#{self.objectName()} {{ background: "
                           f"{COLOURS.get(finding.severity, '#eeeeee')}; border-radius: 3px; }}")
        self.label = QLabel(objectName="doctorFindingText", wordWrap=True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        url = guide_url(finding.explained_in)
        translate = QCoreApplication.translate
        read_more = translate("Doctor", "Read more")
        more = (f"<a href='{url.toString()}'>{read_more}</a>"
                if url is not None else f"(docs/{html.escape(finding.explained_in)})")
        seen, advice = finding.said(translate)
        self.label.setText(f"<b>{html.escape(seen)}</b> {html.escape(advice)} {more}")
        self.label.setOpenExternalLinks(False)
        self.label.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
        self.close_button = QToolButton(objectName="doctorDismissButton", text="✕",
                                        autoRaise=True)
        self.close_button.setToolTip(translate("Doctor", "Dismiss this note while it holds"))
        self.close_button.clicked.connect(lambda: self.dismissed.emit(finding.id))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 3, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)


class DoctorNote(QWidget):
    """``doctorNote``: the findings of the latest snapshot not dismissed, hidden when there
    are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doctorNote")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(2)
        self.dismissed: set[str] = set()
        self._findings: tuple[Finding, ...] = ()
        self.rows: list[FindingRow] = []
        self.hide()

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What the note shows now."""
        return tuple(row.finding for row in self.rows)

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        findings = snapshot.extras.get(DOCTOR_FINDINGS)
        if findings is not None:
            self._show(tuple(findings))

    def clear(self) -> None:
        """A new run: nothing seen yet, and nothing dismissed."""
        self.dismissed.clear()
        self._show(())

    def set_data(self, data: PreparedData, grid: PlotGrid | None) -> None:
        """The note needs no data of its own."""

    def dismiss(self, finding_id: str) -> None:
        self.dismissed.add(finding_id)
        self._show(self._findings)

    def _show(self, findings: tuple[Finding, ...]) -> None:
        self._findings = findings
        holding = {f.id for f in findings}
        self.dismissed &= holding  # a finding that went away may come back
        shown = [f for f in findings if f.id not in self.dismissed][:MOST_SHOWN]
        if [f for f in self.findings] == shown:
            return
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for finding in shown:
            row = FindingRow(finding)
            row.dismissed.connect(self.dismiss)
            self._layout.addWidget(row)
            self.rows.append(row)
        self.setVisible(bool(shown))


def with_note_below(plot: QWidget, note: DoctorNote) -> QWidget:
    """``plot`` with ``note`` under it, as one widget for a dock (``lossPanel``)."""
    panel = QWidget()
    panel.setObjectName("lossPanel")
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(plot, 1)
    layout.addWidget(note, 0)
    return panel
