"""One-click lessons: which example to load, which views to open, and a short explanation.

Pure data (no Qt): the window's lessons menu reads :data:`LESSONS`, loads ``example`` from
``bpstudio.examples.EXAMPLES``, opens ``views`` and shows ``explanation`` (Qt rich text with
Unicode formulas). ``book_numbers`` lists the numbers a lesson promises the inspector shows,
so a test can hold every lesson to them.

The titles, texts and book-number labels are English, marked for translation (context
"Lessons"); an explanation is a :class:`~bpstudio.core.phrase.Phrase` whose displayed
formulas are values, so a translation carries them over exactly as they are.

Over 300 lines on purpose: the lessons are data, each text written out whole next to the
lesson that shows it (a translator reads one paragraph as one text); split, the texts would
sit apart from the numbers they quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .core.phrase import Phrase
from .core.translatable import QT_TRANSLATE_NOOP
from .experiments.seed002_lesson import (
    HIDDEN_SIZE_TEXT,
    TENSORFLOW_TEXT,
    seed002_references,
    tensorflow_printout_html,
)

VIEW_INSPECTOR = "inspector"
VIEW_LOSS = "loss"
VIEW_FIT = "fit"
VIEW_DECISION = "decision"
VIEW_NETWORK = "network"
VIEW_GRAPH_LAB = "graph_lab"
VIEW_GRADIENT_FLOW = "gradient_flow"
VIEW_NEURONS = "neurons"
VIEW_GRADIENT_CHECK = "gradient_check"
VIEWS = (
    VIEW_INSPECTOR, VIEW_LOSS, VIEW_FIT, VIEW_DECISION, VIEW_NETWORK, VIEW_GRAPH_LAB,
    VIEW_GRADIENT_FLOW, VIEW_NEURONS, VIEW_GRADIENT_CHECK,
)
"""The views a lesson may open; the window maps each to its dock or panel."""

BATCHES = ("all", "sample", "minibatch")
"""What the inspector traces: the whole training set, one sample, or the next mini-batch."""


@dataclass(frozen=True)
class InspectorPreset:
    """How the inspector opens for a lesson: batch, number format and the step shown."""

    batch: str = "all"
    sample: int = 0
    precision: int = 3
    significant: bool = False
    step: int = 0


@dataclass(frozen=True)
class BookNumber:
    """A number printed in the article and where the inspector shows it.

    ``shown`` is the text of cell ``cell`` of trace entry ``entry`` at the lesson's
    inspector precision; ``book`` is the article's own figure, and ``note`` says why the
    two differ when they do.
    """

    label: str
    entry: str
    cell: tuple[int, int]
    book: str
    shown: str
    note: str = ""


@dataclass(frozen=True)
class LessonSweep:
    """A sweep a lesson runs as it opens (``vary`` as ``bpstudio sweep --vary`` takes it),
    quick enough to wait for, and the full study a button runs; ``references(epochs)``
    gives (label, score) lines drawn across its plot."""

    vary: tuple[str, ...]
    seeds: int
    epochs: int
    full_seeds: int
    full_epochs: int
    references: Callable[[int], list[tuple[str, float]]] | None = None


@dataclass(frozen=True)
class Lesson:
    """One lesson of the lessons menu. ``sweep``: a sweep it runs; ``printout()``: rich text
    computed when it opens, shown after the explanation (a run's numbers)."""

    id: str
    title: str
    example: str | None
    views: tuple[str, ...]
    explanation: str
    inspector: InspectorPreset | None = None
    bill: str | None = None
    book_numbers: tuple[BookNumber, ...] = ()
    sweep: LessonSweep | None = None
    printout: Callable[[], str] | None = None


def _f(text: str) -> str:
    """A displayed formula: its own indented line, in a serif face, slightly larger (a
    phrase, so a formula with words in it is translated with the lesson)."""
    return Phrase('<p style="margin-left:18px; font-family:serif; font-size:large;">{formula}</p>',
                  formula=text)


_SIGN_NOTE = QT_TRANSLATE_NOOP(
    "Lessons", "our δ is ∂L/∂z = (ŷ − y)·f′; the book's error term (y − ŷ)·f′ is its negative")
_SIGN_NOTE_ROUNDED = QT_TRANSLATE_NOOP(
    "Lessons", "our δ is ∂L/∂z = (ŷ − y)·f′; the book's error term (y − ŷ)·f′ is its negative; "
    "the book rounds to three decimals")

_TWO_INPUT = Phrase(
    QT_TRANSLATE_NOOP(
        "Lessons",
        "<p>Two inputs, one hidden neuron, one output, sigmoid everywhere and no biases: the "
        "smallest network that still has a hidden layer. The inputs are x = (0.1, 0.3), the "
        "weights into the hidden neuron (0.4, −0.2), the weight to the output 0.1, the target "
        "y = 1 and the learning rate η = 0.5.</p>"
        "<p><b>Forward.</b> The hidden neuron adds up its weighted inputs and squashes them:</p>"
        "{hidden}{output}"
        "<p><b>Backward.</b> The output's error term is the error times the sigmoid's slope, "
        "and the hidden neuron receives it through the weight that connects them:</p>"
        "{output_delta}{hidden_delta}"
        "<p><b>Update.</b> Each weight moves by η times the error term of the neuron it "
        "feeds times the value on its input side:</p>"
        "{output_change}{input_change}"
        "<p><b>In the inspector</b> (3 significant digits) you find a = 0.495 in A₁, "
        "ŷ = 0.512, and ΔW = 0.0302 in ΔW₂. The deltas appear as δ₂ = −0.122 and "
        "δ₁ = −0.00305: BP Studio writes δ = ∂L/∂z = (ŷ − y)·f′, the book's error term with "
        "the sign turned, and subtracts the gradient (W ← W − η·dW) where the book adds.</p>"
        "<p>The book rounds δʰ to 0.003 before it computes Δw, which gives (0.00015, 0.00045). "
        "The inspector keeps every digit, δʰ = 0.0030455…, so ΔW₁ shows "
        "(0.000152, 0.000457). Both are right; only the rounding differs.</p>"
        "<p>Notice how small δʰ is: the sigmoid's slope is at most 0.25, so every layer the "
        "error passes back through shrinks it at least fourfold. That is the vanishing "
        "gradient.</p>",
    ),
    hidden=_f("h = 0.1·0.4 + 0.3·(−0.2) = −0.02,&nbsp;&nbsp; a = σ(h) = 0.495"),
    output=_f("ŷ = σ(0.1·a) = σ(0.0495) = 0.512"),
    output_delta=_f("δ° = (y − ŷ)·ŷ(1 − ŷ) = 0.488·0.512·0.488 = 0.122"),
    hidden_delta=_f("δʰ = W·δ°·a(1 − a) = 0.1·0.122·0.495·0.505 = 0.003"),
    output_change=_f("ΔW = η·δ°·a = 0.5·0.122·0.495 = 0.0302"),
    input_change=_f("Δw = η·δʰ·x = (0.5·0.003·0.1, 0.5·0.003·0.3) = (0.00015, 0.00045)"),
)

_THREE_INPUT = Phrase(
    QT_TRANSLATE_NOOP(
        "Lessons",
        "<p>The exercise after the worked example: three inputs x = (0.5, 0.1, −0.2), two "
        "hidden sigmoid neurons, one sigmoid output, target 0.6, η = 0.5 and the weights the "
        "exercise gives:</p>"
        "{weights}"
        "<p>Work it by hand first, then step through the inspector:</p>"
        "{error}{hidden_delta}{changes}"
        "<p>The answers: ΔW₂ = (0.00804, 0.00556) and "
        "ΔW₁ = [[0.000177, −0.000511], [0.0000354, −0.000102], [−0.0000708, 0.000204]]. "
        "The inspector shows them in the ΔW tables (its δ carries the opposite sign, as in the "
        "two-input lesson).</p>",
    ),
    weights=_f("W₁ = [[0.5, −0.6], [0.1, −0.2], [0.1, 0.7]],&nbsp;&nbsp; W₂ = [0.1, −0.3]ᵀ"),
    error=_f(Phrase(QT_TRANSLATE_NOOP(
        "Lessons", "error = y − ŷ,&nbsp;&nbsp; δ° = error·ŷ(1 − ŷ)"))),
    hidden_delta=_f("δʰ = (δ°·W₂ᵀ) ⊙ a ⊙ (1 − a)"),
    changes=_f("ΔW₂ = η·δ°·a,&nbsp;&nbsp; ΔW₁ = η·xᵀ·δʰ"),
)

_BINARY = QT_TRANSLATE_NOOP(
    "Lessons",
    "<p>Three samples of four binary inputs, targets (1, 1, 0), a 4-3-1 sigmoid network and "
    "η = 0.1: the spreadsheet example that fills in every matrix step by step. The "
    "inspector's steps follow it:</p>"
    "<ol><li>read X and y;</li><li>the weights and biases (random);</li>"
    "<li>hidden input Z₁ = X·W₁ + b₁;</li><li>hidden activations A₁ = σ(Z₁);</li>"
    "<li>output ŷ = σ(A₁·W₂ + b₂);</li><li>error E = y − ŷ;</li>"
    "<li>slopes σ′ = A ⊙ (1 − A) for output and hidden layer;</li>"
    "<li>output delta;</li><li>error at the hidden layer δ₂·W₂ᵀ;</li>"
    "<li>hidden delta;</li><li>weight updates;</li><li>bias updates.</li></ol>"
    "<p>Click a cell to see the cells it was computed from, as the article colours them. "
    "The article adds E·slope·lr to the weights; BP Studio subtracts η·dW with "
    "δ = −E ⊙ slope, which is the same step. This example sums the loss over the samples "
    "(reduction = sum), like the article's code.</p>"
    "<p>Then train: after a few thousand epochs the outputs come close to (1, 1, 0).</p>",
)

_POINTS = Phrase(
    QT_TRANSLATE_NOOP(
        "Lessons",
        "<p>Eight labelled points in the plane and a 2-4-1 sigmoid network without biases, "
        "weights drawn from [−1, 1), η = 0.1. Train and watch the decision regions: the "
        "network bends a line through the plane until every point is on its side.</p>"
        "{model}"
        "<p>Open the neuron view to see what each of the four hidden neurons computes over "
        "the plane: each one is a soft step along one direction, and the output combines "
        "them.</p>",
    ),
    model=_f(Phrase(QT_TRANSLATE_NOOP("Lessons", "{model},&nbsp;&nbsp; class 1 where ŷ &gt; 0.5"),
                    model="ŷ = σ(σ(X·W₁)·W₂)")),
)

_SIN = Phrase(
    QT_TRANSLATE_NOOP(
        "Lessons",
        "<p>A 1-100-1 network, sigmoid hidden layer and linear output, fitted to sin(x) on "
        "[−3, 3] with η = 0.05 and the mean squared error. The output delta is averaged over "
        "the batch:</p>"
        "{deltas}"
        "<p>Train and watch the fit plot: the curve first matches the average, then the "
        "slope, then the bends. The neuron view shows the hidden neurons' sigmoids, shifted and "
        "scaled; the output adds them up into a sine. The gradient-flow view shows how large "
        "each layer's gradient is as training goes on.</p>",
    ),
    deltas=_f("δ₂ = (ŷ − y) / N,&nbsp;&nbsp; dW₂ = A₁ᵀ·δ₂,&nbsp;&nbsp; "
              "δ₁ = (δ₂·W₂ᵀ) ⊙ A₁ ⊙ (1 − A₁)"),
)

_LINEAR = Phrase(
    QT_TRANSLATE_NOOP(
        "Lessons",
        "<p>A single layer with no activation: three inputs x = (1, 2, 3), one output, "
        "target y = 1. Forward it is one weighted sum; the cost is the squared error:</p>"
        "{forward}"
        "<p>The chain rule gives each parameter's gradient, and gradient descent steps "
        "against it with step size α = 0.001:</p>"
        "{gradients}{steps}"
        "<p>BP Studio's squared error is ½(ŷ − y)², whose gradient is (ŷ − y)·xᵢ, so the "
        "learning rate η = 2α = 0.002 takes exactly the article's steps. Each step multiplies "
        "the error ŷ − y by the same factor:</p>"
        "{factor}"
        "<p>Press Step and watch ŷ in the inspector: 3% closer to the target each time. "
        "The article's printout (3.355 → 3.284 → 3.216 …) starts from its own random weights, "
        "so its numbers differ from yours; the 3% step is the same: 2.355 → 2.284 → 2.216 is "
        "the gap to y = 1 shrinking by 0.97 each time.</p>",
    ),
    forward=_f("ŷ = x·w + b = w₁x₁ + w₂x₂ + w₃x₃ + b,&nbsp;&nbsp; C = (ŷ − y)²"),
    gradients=_f("∂C/∂wᵢ = 2(ŷ − y)·xᵢ,&nbsp;&nbsp; ∂C/∂b = 2(ŷ − y)"),
    steps=_f("wᵢ ← wᵢ − α·2(ŷ − y)·xᵢ,&nbsp;&nbsp; b ← b − α·2(ŷ − y)"),
    factor=_f("1 − η·(x₁² + x₂² + x₃² + 1) = 1 − 0.002·15 = 0.97"),
)

_GRAPH = Phrase(
    QT_TRANSLATE_NOOP(
        "Lessons",
        "<p>Backpropagation is the chain rule on a graph. Tom buys 2 apples at 10 each and "
        "pays 10% tax: the bill is a chain of multiply nodes.</p>"
        "{total}"
        "<p>Going back from the total (whose derivative with respect to itself is 1), each "
        "node multiplies the derivative it receives by its local derivative and passes it on. "
        "An add node passes it unchanged; a multiply node passes it times the <i>other</i> "
        "input.</p>"
        "{derivatives}"
        "<p>A rise of 1 in the apple price raises the bill by 2.2. Switch to the two-fruit "
        "bill (3 oranges at 15 as well, total 71.5) and fill in the derivatives yourself "
        "before you look: ∂/∂orange price = 3.3, ∂/∂orange count = 16.5, ∂/∂tax = 65. Edit "
        "any input and the whole graph recomputes.</p>",
    ),
    total=_f(Phrase(QT_TRANSLATE_NOOP("Lessons", "total = (price · count) · tax = {product}"),
                    product="10 · 2 · 1.1 = 22")),
    derivatives=_f(Phrase(QT_TRANSLATE_NOOP(
        "Lessons", "∂total/∂price = 2.2,&nbsp;&nbsp; ∂total/∂count = 11,&nbsp;&nbsp; "
        "∂total/∂tax = 20"))),
)

_WEIGHT_NOTE = QT_TRANSLATE_NOOP(
    "Lessons", "the book computes 0.5·0.003·0.1 with δʰ rounded to 0.003")

LESSONS: dict[str, Lesson] = {
    lesson.id: lesson
    for lesson in (
        Lesson(
            "computational_graph",
            QT_TRANSLATE_NOOP("Lessons", "The chain rule on a shopping bill"), None,
            (VIEW_GRAPH_LAB,), _GRAPH, bill="apples",
        ),
        Lesson(
            "two_input",
            QT_TRANSLATE_NOOP("Lessons", "Worked example: two inputs, one hidden neuron"),
            "two_input", (VIEW_INSPECTOR, VIEW_NETWORK), _TWO_INPUT,
            InspectorPreset(precision=3, significant=True, step=2),
            book_numbers=(
                BookNumber(QT_TRANSLATE_NOOP("Lessons", "hidden output a"), "A1", (0, 0),
                           "0.495", "0.495"),
                BookNumber(QT_TRANSLATE_NOOP("Lessons", "output ŷ"), "A2", (0, 0),
                           "0.512", "0.512"),
                BookNumber(QT_TRANSLATE_NOOP("Lessons", "output error term δ°"), "delta2",
                           (0, 0), "0.122", "-0.122", _SIGN_NOTE),
                BookNumber(QT_TRANSLATE_NOOP("Lessons", "hidden error term δʰ"), "delta1",
                           (0, 0), "0.003", "-0.00305", _SIGN_NOTE_ROUNDED),
                BookNumber(QT_TRANSLATE_NOOP("Lessons", "output weight change ΔW"), "step2",
                           (0, 0), "0.0302", "0.0302"),
                BookNumber(QT_TRANSLATE_NOOP("Lessons", "input weight change Δw₁"), "step1",
                           (0, 0), "0.00015", "0.000152", _WEIGHT_NOTE),
                BookNumber(QT_TRANSLATE_NOOP("Lessons", "input weight change Δw₂"), "step1",
                           (1, 0), "0.00045", "0.000457", QT_TRANSLATE_NOOP(
                               "Lessons",
                               "the book computes 0.5·0.003·0.3 with δʰ rounded to 0.003")),
            ),
        ),
        Lesson(
            "three_input", QT_TRANSLATE_NOOP("Lessons", "Exercise: three inputs, given weights"),
            "three_input", (VIEW_INSPECTOR, VIEW_NETWORK), _THREE_INPUT,
            InspectorPreset(precision=3, significant=True),
            book_numbers=(
                BookNumber(QT_TRANSLATE_NOOP("Lessons", "ΔW₂ (first)"), "step2", (0, 0),
                           "0.00804047", "0.00804"),
                BookNumber(QT_TRANSLATE_NOOP("Lessons", "ΔW₂ (second)"), "step2", (1, 0),
                           "0.00555918", "0.00556"),
                BookNumber("ΔW₁[0, 0]", "step1", (0, 0), "1.77005547e-04", "0.000177"),
                BookNumber("ΔW₁[0, 1]", "step1", (0, 1), "-5.11178506e-04", "-0.000511"),
                BookNumber("ΔW₁[2, 1]", "step1", (2, 1), "2.04471402e-04", "0.000204"),
            ),
        ),
        Lesson(
            "binary4", QT_TRANSLATE_NOOP("Lessons", "Step by step: the 3×4 binary example"),
            "binary4", (VIEW_INSPECTOR, VIEW_LOSS, VIEW_NETWORK), _BINARY,
            InspectorPreset(precision=3),
        ),
        Lesson(
            "points8", QT_TRANSLATE_NOOP("Lessons", "Classifier: eight points, decision regions"),
            "points8", (VIEW_DECISION, VIEW_LOSS, VIEW_NETWORK, VIEW_NEURONS), _POINTS,
        ),
        Lesson(
            "sin", QT_TRANSLATE_NOOP("Lessons", "Function fit: approximating sin(x)"), "sin",
            (VIEW_FIT, VIEW_LOSS, VIEW_NEURONS, VIEW_GRADIENT_FLOW), _SIN,
        ),
        Lesson(
            "linear_regression",
            QT_TRANSLATE_NOOP("Lessons", "Gradient descent: single-layer linear regression"),
            "linear_regression", (VIEW_INSPECTOR, VIEW_LOSS), _LINEAR,
            InspectorPreset(precision=6, significant=True, step=2),
        ),
        Lesson(
            "seed002_hidden", QT_TRANSLATE_NOOP("Lessons", "Hidden size and accuracy (seed 002)"),
            "seed002", (VIEW_LOSS,), HIDDEN_SIZE_TEXT,
            sweep=LessonSweep(("hidden=5:100:5",), seeds=3, epochs=40, full_seeds=5,
                              full_epochs=200, references=seed002_references),
        ),
        Lesson(
            "seed002_tensorflow",
            QT_TRANSLATE_NOOP("Lessons", "The TensorFlow example (seed 002)"),
            "seed002_tensorflow", (VIEW_LOSS,), TENSORFLOW_TEXT,
            printout=tensorflow_printout_html,
        ),
    )
}


def get_lesson(lesson_id: str) -> Lesson:
    """The lesson called ``lesson_id``, or ``ValueError`` listing the ones there are."""
    try:
        return LESSONS[lesson_id]
    except KeyError:
        raise ValueError(
            f"lesson: no lesson '{lesson_id}'; choose one of {', '.join(LESSONS)}"
        ) from None
