"""A tiny scalar expression graph: add and multiply nodes, values forward, derivatives back.

The shopping-bill example of seeds/000 teaches the chain rule on a graph before any matrix
appears: every node passes the derivative it receives, times its local derivative, on to its
inputs. Each operation below keeps its backward rule next to its forward rule (micrograd's
shape), so the graph lab can show both, and the numbers it draws come from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .text import quote
from .translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Operation:
    """How a node computes its value from two inputs, and its rule for the way back."""

    symbol: str
    forward_rule: str
    backward_rule: str


ADD = Operation(
    "+", "z = x + y",
    QT_TRANSLATE_NOOP(
        "GraphLab",
        "∂L/∂x = ∂L/∂z · 1,  ∂L/∂y = ∂L/∂z · 1  (passes the derivative on unchanged)"),
)
MULTIPLY = Operation(
    "×", "z = x · y",
    QT_TRANSLATE_NOOP(
        "GraphLab", "∂L/∂x = ∂L/∂z · y,  ∂L/∂y = ∂L/∂z · x  (each input gets the other one)"),
)


class Node:
    """One scalar: its ``value`` forward and ``grad`` = ∂(graph output)/∂(this node) back."""

    def __init__(
        self, value: float, name: str = "", inputs: tuple[Node, ...] = (),
        operation: Operation | None = None,
    ) -> None:
        self.value = float(value)
        self.grad = 0.0
        self.name = name
        self.inputs = inputs
        self.operation = operation
        self._backward: Callable[[], None] = lambda: None

    def __add__(self, other: Node) -> Node:
        out = Node(self.value + other.value, inputs=(self, other), operation=ADD)

        def backward() -> None:
            self.grad += out.grad
            other.grad += out.grad

        out._backward = backward
        return out

    def __mul__(self, other: Node) -> Node:
        out = Node(self.value * other.value, inputs=(self, other), operation=MULTIPLY)

        def backward() -> None:
            self.grad += other.value * out.grad
            other.grad += self.value * out.grad

        out._backward = backward
        return out

    def named(self, name: str) -> Node:
        """This node with a label (for intermediate results the graph lab draws)."""
        self.name = name
        return self

    def backward(self) -> None:
        """Fill ``grad`` of every node this one depends on (∂self/∂node), by the chain rule."""
        order = topological_order(self)
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            node._backward()

    def __repr__(self) -> str:
        return f"Node({self.name or '?'}={self.value:g}, grad={self.grad:g})"


def topological_order(output: Node) -> list[Node]:
    """Every node ``output`` depends on, each after its inputs (``output`` last)."""
    order: list[Node] = []
    seen: set[int] = set()

    def visit(node: Node) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        for parent in node.inputs:
            visit(parent)
        order.append(node)

    visit(output)
    return order


@dataclass(frozen=True)
class BillInput:
    """An editable leaf of a bill: its key, its label and the value the article uses."""

    key: str
    label: str
    default: float


@dataclass(frozen=True)
class Bill:
    """A shopping bill as an expression graph builder with named, editable inputs."""

    key: str
    title: str
    inputs: tuple[BillInput, ...]
    build: Callable[..., Node]

    def evaluate(self, values: Mapping[str, float] | None = None) -> BillGraph:
        """Build the graph at ``values`` (defaults for missing keys), run it forward and back."""
        values = dict(values or {})
        unknown = set(values) - {i.key for i in self.inputs}
        if unknown:
            raise ValueError(
                f"values: unknown input(s) {quote(sorted(unknown))} for bill {quote(self.key)}"
            )
        leaves = {i.key: Node(values.get(i.key, i.default), i.key) for i in self.inputs}
        total = self.build(**leaves).named("total")
        total.backward()
        return BillGraph(self, leaves, total)


@dataclass(frozen=True)
class BillGraph:
    """A bill computed at one set of inputs: leaves by key, the total, every node in order."""

    bill: Bill
    leaves: Mapping[str, Node]
    total: Node

    @property
    def nodes(self) -> list[Node]:
        return topological_order(self.total)

    def derivative(self, key: str) -> float:
        """∂total/∂(input ``key``)."""
        return self.leaves[key].grad


def _apple_bill(apple_price: Node, apple_count: Node, tax: Node) -> Node:
    # total = (price · count) · tax  (seeds/000: 2 apples at 10, 10% tax -> 22)
    return (apple_price * apple_count).named("apples") * tax


def _two_fruit_bill(
    apple_price: Node, apple_count: Node, orange_price: Node, orange_count: Node, tax: Node
) -> Node:
    # total = (apples + oranges) · tax  (seeds/000: 2 apples at 10, 3 oranges at 15 -> 71.5)
    apples = (apple_price * apple_count).named("apples")
    oranges = (orange_price * orange_count).named("oranges")
    return (apples + oranges).named("subtotal") * tax


_APPLE = (
    BillInput("apple_price", QT_TRANSLATE_NOOP("GraphLab", "apple price"), 10.0),
    BillInput("apple_count", QT_TRANSLATE_NOOP("GraphLab", "apple count"), 2.0),
)
_TAX = BillInput("tax", QT_TRANSLATE_NOOP("GraphLab", "tax factor"), 1.1)  # 1 + 10%

BILLS: dict[str, Bill] = {
    b.key: b
    for b in (
        Bill("apples", QT_TRANSLATE_NOOP("GraphLab", "2 apples, 10% tax"), (*_APPLE, _TAX),
             _apple_bill),
        Bill(
            "apples_oranges", QT_TRANSLATE_NOOP("GraphLab", "2 apples and 3 oranges, 10% tax"),
            (
                *_APPLE,
                BillInput("orange_price", QT_TRANSLATE_NOOP("GraphLab", "orange price"), 15.0),
                BillInput("orange_count", QT_TRANSLATE_NOOP("GraphLab", "orange count"), 3.0),
                _TAX,
            ),
            _two_fruit_bill,
        ),
    )
}
