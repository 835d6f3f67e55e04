"""The frame every snapshot view sits in: a title, a legend and a status line above the
plot, or a message where there is nothing to draw."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .palette import BACKGROUND, FOREGROUND, MUTED
from .plot_style import FONT_SIZE
from .quiet_label import QuietLabel

LEGEND_SYMBOLS = {"point": "●", "ring": "○", "line": "━", "dashed": "╌"}

STATUS_POSITION = 3
"""The status's place in a view header: after the title, the legend and the stretch."""


class ViewFrame(QWidget):
    """Title and status line above a content widget, or a message where there is nothing to
    draw (for instance a fit plot for data with two inputs)."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"ViewFrame {{ background: {BACKGROUND}; }}")
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet(f"font-weight: 600; color: {FOREGROUND};")
        self.legend_label = QuietLabel()  # texts change with every frame: no relayouts
        self.legend_label.setObjectName("legendLabel")
        self.legend_label.setStyleSheet(f"color: {FOREGROUND};")
        self.status_label = QuietLabel(Qt.AlignmentFlag.AlignRight)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setStyleSheet(f"color: {MUTED};")
        self.header = QHBoxLayout()
        self.header.setContentsMargins(8, 4, 8, 0)
        self.header.addWidget(self.title_label)
        self.header.addWidget(self.legend_label)
        self.header.addStretch(1)
        self.header.addWidget(self.status_label)
        self.header.setSpacing(16)
        self.status_row = QHBoxLayout()  # the status, when it does not fit beside the legend
        self.status_row.setContentsMargins(8, 0, 8, 0)
        self.status_row.addStretch(1)
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(f"color: {MUTED}; background: {BACKGROUND};")
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.message_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addLayout(self.status_row)
        layout.addWidget(self.stack, 1)

    def showEvent(self, event: QShowEvent) -> None:
        """A dock already shows the title: then the header keeps only the status."""
        self.title_label.setVisible(not _in_a_dock(self))
        super().showEvent(event)
        self._place_status()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_status()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a label asked for more room
            self._place_status()
        return super().event(event)

    def _place_status(self) -> None:
        """The status goes under the header's other widgets (legend, a view's own controls)
        when they do not all fit on one line (a narrow dock), and back when they do; clipped
        texts would run into each other."""
        margins, spacing = self.header.contentsMargins(), self.header.spacing()
        header = [self.header.itemAt(i).widget() for i in range(self.header.count())]
        others = [w for w in header if w is not None and w is not self.status_label
                  and w.isVisibleTo(self)]
        needed = (margins.left() + margins.right() + self.status_label.sizeHint().width()
                  + sum(w.sizeHint().width() + spacing for w in others))
        below, in_header = needed > self.width(), self.status_label in header
        if below and in_header:
            self.header.removeWidget(self.status_label)
            self.status_row.addWidget(self.status_label)
        elif not below and not in_header:
            self.status_row.removeWidget(self.status_label)
            self.header.insertWidget(STATUS_POSITION, self.status_label)

    def set_legend(self, entries: list[tuple[str, str, str]]) -> None:
        """The key above the plot, where it never hides data: ``(symbol, colour, text)``
        entries such as ``("●", TRAIN, "train")``; symbols are :data:`LEGEND_SYMBOLS`."""
        self.legend_label.fit_text("&nbsp;&nbsp;&nbsp;".join(
            f'<span style="color:{colour}; font-size:{FONT_SIZE + 3}pt">'
            f"{LEGEND_SYMBOLS.get(symbol, symbol)}</span>&nbsp;{text}"
            for symbol, colour, text in entries
        ))

    def show_message(self, text: str) -> None:
        """Replace the content by ``text``; ``""`` shows the content again."""
        self.message_label.setText(text)
        self.stack.setCurrentIndex(1 if text else 0)

    @property
    def message(self) -> str:
        return self.message_label.text() if self.stack.currentIndex() == 1 else ""


def _in_a_dock(widget: QWidget) -> bool:
    """``widget`` is shown by a dock (directly, or in a panel that is the dock's widget, such
    as the loss plot with the doctor's note under it)."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QDockWidget):
            return True
        parent = parent.parentWidget()
    return False
