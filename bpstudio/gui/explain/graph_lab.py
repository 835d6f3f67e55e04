"""The computational graph lab: the shopping bill of seeds/000 as add and multiply nodes.

Forward values are written above each edge, backward derivatives (∂total/∂that value) below
it in red, as the article draws them. Every input is a spin box; any edit rebuilds the graph
through :mod:`bpstudio.core.expression`, which computes every number shown here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from bpstudio.core.expression import ADD, BILLS, MULTIPLY, BillGraph, Node

translate = QCoreApplication.translate  # the bills' texts are marked in core.expression

FORWARD = QColor("#222222")
BACKWARD = QColor("#c0392b")
LEAF_FILL = QColor("#eaf3fb")
OP_FILL = QColor("#fff4e5")
COLUMN = 210.0
ROW = 96.0
OP_RADIUS = 22.0
BOX = QRectF(-62, -20, 124, 40)

LAYOUTS: dict[str, dict[str, tuple[float, float]]] = {
    "apples": {
        "apple_count": (0, 0), "apple_price": (0, 1), "tax": (0, 2.3),
        "apples": (1, 0.5), "total": (2, 1.4), "bill": (3, 1.4),
    },
    "apples_oranges": {
        "apple_count": (0, 0), "apple_price": (0, 1), "orange_price": (0, 2),
        "orange_count": (0, 3), "tax": (0, 4.3),
        "apples": (1, 0.5), "oranges": (1, 2.5), "subtotal": (2, 1.5), "total": (3, 2.4),
        "bill": (4, 2.4),
    },
}
"""Grid positions (column, row) of every node; ``bill`` is the final "pay" box."""


def format_number(value: float) -> str:
    return f"{value:.6g}"


class GraphLabView(QWidget):
    """Draws a :class:`BillGraph`; the spin boxes on the left are its inputs."""

    graph_changed = Signal(object)  # the new BillGraph

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graphLab")
        self.value_items: dict[str, QGraphicsSimpleTextItem] = {}
        self.grad_items: dict[str, QGraphicsSimpleTextItem] = {}
        self.spins: dict[str, QDoubleSpinBox] = {}
        self._graph: BillGraph | None = None
        self._build()
        self.set_bill("apples")

    def _build(self) -> None:
        self.bill_combo = QComboBox(objectName="billCombo")
        for key, bill in BILLS.items():
            self.bill_combo.addItem(translate("GraphLab", bill.title), key)
        self.backward_check = QCheckBox(self.tr("Show the backward pass"),
                                        objectName="backwardCheck", checked=True)
        self.backward_check.setToolTip(
            self.tr("Hide the derivatives to work them out yourself first"))
        self.inputs_box = QGroupBox(self.tr("Inputs"))
        self.inputs_form = QFormLayout(self.inputs_box)
        self.total_label = QLabel(objectName="totalLabel")
        self.total_label.setStyleSheet("font-size: 12pt;")
        self.derivatives_label = QLabel(objectName="derivativesLabel")
        self.derivatives_label.setTextFormat(Qt.TextFormat.RichText)
        rules = QLabel(objectName="rulesLabel", wordWrap=True)
        rules.setTextFormat(Qt.TextFormat.RichText)
        rules.setText(_rules_html())
        side = QVBoxLayout()
        for w in (self.bill_combo, self.inputs_box, self.backward_check, self.total_label,
                  self.derivatives_label, rules):
            side.addWidget(w)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(300)

        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene, objectName="graphView")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setBackgroundBrush(QBrush(QColor("#ffffff")))
        layout = QHBoxLayout(self)
        layout.addWidget(side_widget)
        layout.addWidget(self.view, 1)

        self.bill_combo.currentIndexChanged.connect(
            lambda _: self.set_bill(self.bill_combo.currentData())
        )
        self.backward_check.toggled.connect(self._show_backward)

    # -- public ------------------------------------------------------------------------------

    @property
    def graph(self) -> BillGraph:
        return self._graph

    def set_bill(self, key: str) -> None:
        """Switch to bill ``key`` of ``BILLS`` at the article's inputs."""
        bill = BILLS[key]
        if self.bill_combo.currentData() != key:
            self.bill_combo.setCurrentIndex(self.bill_combo.findData(key))
            return  # the combo's signal comes back here
        while self.inputs_form.rowCount():
            self.inputs_form.removeRow(0)
        self.spins.clear()
        for item in bill.inputs:
            spin = QDoubleSpinBox(objectName=f"{item.key}Spin", minimum=-1e6, maximum=1e6)
            spin.setDecimals(2)
            spin.setSingleStep(0.1 if item.key == "tax" else 1.0)
            spin.setValue(item.default)
            spin.valueChanged.connect(self.recompute)
            self.spins[item.key] = spin
            self.inputs_form.addRow(translate("GraphLab", item.label), spin)
        self.recompute()

    def set_input(self, key: str, value: float) -> None:
        self.spins[key].setValue(value)

    def recompute(self) -> None:
        bill = BILLS[self.bill_combo.currentData()]
        self._graph = bill.evaluate({k: s.value() for k, s in self.spins.items()})
        self._draw(self._graph)
        total = self._graph.total.value
        self.total_label.setText(
            "<b>" + self.tr("total = {value}").format(value=format_number(total)) + "</b>")
        rows = "".join(
            "<tr><td>" + self.tr("∂total/∂{input}").format(
                input=translate("GraphLab", item.label)) + "&nbsp;</td>"
            f"<td align='right' style='color:{BACKWARD.name()}'>"
            f"{format_number(self._graph.derivative(item.key))}</td></tr>"
            for item in bill.inputs
        )
        self.derivatives_label.setText(f"<table>{rows}</table>")
        self._show_backward(self.backward_check.isChecked())
        self.graph_changed.emit(self._graph)

    # -- drawing ---------------------------------------------------------------------------------

    def _draw(self, graph: BillGraph) -> None:
        self.scene.clear()
        self.value_items.clear()
        self.grad_items.clear()
        layout = LAYOUTS[graph.bill.key]
        pos = {name: QPointF(c * COLUMN, r * ROW) for name, (c, r) in layout.items()}
        for node in graph.nodes:
            for parent in node.inputs:
                self._edge(parent, pos[parent.name], pos[node.name], leaf=not parent.inputs)
        self._edge(graph.total, pos["total"], pos["bill"], leaf=False)
        labels = {i.key: translate("GraphLab", i.label) for i in graph.bill.inputs}
        for node in graph.nodes:
            if node.operation is None:
                self._box(pos[node.name], labels[node.name], LEAF_FILL)
            else:
                self._op(pos[node.name], node.operation.symbol)
        self._box(pos["bill"], translate("GraphLab", "pay"), QColor("#f0f0f0"))
        rect = self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        self.scene.setSceneRect(rect)
        self._fit()

    def _edge(self, node: Node, start: QPointF, end: QPointF, leaf: bool) -> None:
        """An arrow from ``node`` (a box if ``leaf``, else a circle) to the next node (a
        circle, or the final box), value above it and derivative below."""
        d = end - start
        length = (d.x() ** 2 + d.y() ** 2) ** 0.5
        u = QPointF(d.x() / length, d.y() / length)
        start = start + (QPointF(BOX.right(), 0) if leaf else u * OP_RADIUS)
        final = node.name == "total"
        end = end - (QPointF(-BOX.left(), 0) if final else u * OP_RADIUS)
        path = QPainterPath(start)
        path.lineTo(end)
        self.scene.addPath(path, QPen(QColor("#555555"), 1.6))
        self._arrow_head(start, end)
        mid = start + (end - start) * (0.4 if leaf else 0.5)  # leaf edges meet at their ends
        self.value_items[node.name] = self._text(format_number(node.value), FORWARD, mid, u, True)
        self.grad_items[node.name] = self._text(
            format_number(node.grad), BACKWARD, mid, u, False
        )

    def _arrow_head(self, start: QPointF, end: QPointF) -> None:
        d = end - start
        length = max((d.x() ** 2 + d.y() ** 2) ** 0.5, 1e-9)
        u = QPointF(d.x() / length, d.y() / length)
        n = QPointF(-u.y(), u.x())
        back = end - u * 10
        head = QPolygonF([end, back + n * 4.5, back - n * 4.5])
        self.scene.addPolygon(head, QPen(QColor("#555555")), QBrush(QColor("#555555")))

    def _text(self, text: str, colour: QColor, mid: QPointF, u: QPointF, above: bool):
        """A label centred beside the edge through ``mid`` with direction ``u``: on its
        upper side if ``above``, else on its lower side."""
        item = self.scene.addSimpleText(text, _font(11, bold=True))
        item.setBrush(QBrush(colour))
        box = item.boundingRect()
        up = QPointF(u.y(), -u.x()) if u.x() >= 0 else QPointF(-u.y(), u.x())
        side = 1.0 if above else -1.0
        gap = 4.0 + 0.5 * (abs(up.x()) * box.width() + abs(up.y()) * box.height())
        centre = mid + up * (side * gap)
        item.setPos(centre.x() - box.width() / 2, centre.y() - box.height() / 2)
        item.setZValue(5)
        return item

    def _box(self, at: QPointF, label: str, fill: QColor) -> None:
        rect = self.scene.addRect(BOX.translated(at), QPen(QColor("#7a9cc6"), 1.2), QBrush(fill))
        rect.setZValue(2)
        text = self.scene.addSimpleText(label, _font(10))
        box = text.boundingRect()
        text.setPos(at.x() - box.width() / 2, at.y() - box.height() / 2)
        text.setZValue(3)

    def _op(self, at: QPointF, symbol: str) -> None:
        r = OP_RADIUS
        circle = self.scene.addEllipse(at.x() - r, at.y() - r, 2 * r, 2 * r,
                                       QPen(QColor("#d08a2e"), 1.5), QBrush(OP_FILL))
        circle.setZValue(2)
        text = self.scene.addSimpleText(symbol, _font(15, bold=True))
        box = text.boundingRect()
        text.setPos(at.x() - box.width() / 2, at.y() - box.height() / 2)
        text.setZValue(3)

    def _show_backward(self, shown: bool) -> None:
        for item in self.grad_items.values():
            item.setVisible(shown)
        self.derivatives_label.setVisible(shown)

    def _fit(self) -> None:
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _rules_html() -> str:
    rows = "".join(
        f"<p><b>{name}</b> &nbsp;{op.forward_rule}<br>"
        f"<span style='color:{BACKWARD.name()}'>{translate('GraphLab', op.backward_rule)}"
        "</span></p>"
        for name, op in ((translate("GraphLab", "Add node"), ADD),
                         (translate("GraphLab", "Multiply node"), MULTIPLY))
    )
    return translate(
        "GraphLab",
        "<p style='color:#6b6b6b'>Above each edge: the value going forward. Below, in red: "
        "∂total/∂(that value), going back. Each node multiplies the derivative it receives "
        "by its local derivative.</p>") + rows
