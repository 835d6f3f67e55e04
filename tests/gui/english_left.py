"""Find the English a person would still read in a window shown in Chinese.

:func:`english_left` walks a widget tree the way a person reads it (menus and their actions,
labels, buttons, group titles, tabs, dock titles, combo-box items, placeholders, tooltips,
table headers, rich text, plot titles and axis labels) and returns every text that still holds
an English word. Proper names, units, symbols and the activation and optimizer names stay as
they are (docs/zh_CN-glossary.md, "What stays as it is"): they are in :data:`ALLOWED`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QTextEdit,
    QWidget,
)

_KEPT = """
    BP Studio NumPy numpy PyTorch TensorFlow Playground ONNX onnx CSV PNG SVG JSON NPZ Qt
    PySide PySide6 pyqtgraph scikit sklearn Dask bpstudio bpnet py csv png svg json npz
    onnxruntime pip sigmoid Sigmoid tanh Tanh ReLU relu leaky Leaky softmax Softmax SGD Adam
    MSE BCE CE AUC ROC TPR FPR F1 R² MAE RMSE L1 L2 Xavier Glorot He LeCun Nesterov
    sin cos exp log ln max min argmax lr eta
    XOR Iris MNIST
    s ms px KB MB GB x y z w b x₁ x₂ e.g
    id dW db kj Keras mse Tom LogisticRegression LinearSVC RandomForest GaussianNB learn
    Python English Ctrl Shift Alt GNU LGPL BSD Clause MIT Unix Windows Mac logN UTF BOM Latin
"""
ALLOWED = frozenset(_KEPT.split())
"""Words that may stay in Latin letters in the Chinese interface."""

_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def english_words(text: str) -> list[str]:
    """The words of ``text`` that are English rather than a name or symbol we keep."""
    plain = text.replace("&", "")
    words = (w.rstrip("'’") for w in _WORD.findall(plain))  # 'x.csv': csv, not csv'
    return [w for w in words if w not in ALLOWED and len(w) > 1]


def _plain(text: str) -> str:
    if _TAG.search(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _action_texts(actions: list[QAction], where: str) -> list[tuple[str, str]]:
    found = []
    for action in actions:
        if action.isSeparator():
            continue
        name = f"{where} ▸ {action.text()}"
        found += [(name, action.text()), (name + " (tip)", action.toolTip()),
                  (name + " (status)", action.statusTip())]
        if action.menu() is not None:
            found += _action_texts(action.menu().actions(), name)
    return found


def _widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    where = f"{type(widget).__name__} {widget.objectName()!r}"
    texts = [(where + " (tip)", widget.toolTip())]
    if widget.isWindow() or isinstance(widget, QDockWidget):
        texts.append((where + " (title)", widget.windowTitle()))
    if isinstance(widget, QLabel):
        texts.append((where, _plain(widget.text())))
    elif isinstance(widget, QAbstractButton):
        texts.append((where, widget.text()))
    elif isinstance(widget, QGroupBox):
        texts.append((where, widget.title()))
    elif isinstance(widget, QTabBar):
        texts += [(where, widget.tabText(i)) for i in range(widget.count())]
        texts += [(where + " (tip)", widget.tabToolTip(i)) for i in range(widget.count())]
    elif isinstance(widget, QComboBox):
        texts += [(where, widget.itemText(i)) for i in range(widget.count())]
    elif isinstance(widget, QLineEdit):
        texts.append((where + " (placeholder)", widget.placeholderText()))
    elif isinstance(widget, QAbstractSpinBox):
        texts.append((where + " (special)", widget.specialValueText()))
    elif isinstance(widget, QTextEdit):
        texts.append((where, widget.toPlainText()))
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount()),
                                   (Qt.Orientation.Vertical, model.rowCount())):
            texts += [(where + " (header)", str(model.headerData(i, orientation) or ""))
                      for i in range(count)]
    if isinstance(widget, QMenu):
        texts += _action_texts(widget.actions(), where)
    texts += _plot_texts(widget, where)
    return texts


def _plot_texts(widget: QWidget, where: str) -> list[tuple[str, str]]:
    plot_item = getattr(widget, "getPlotItem", None)
    if plot_item is None or not callable(plot_item):
        return []
    item = plot_item()
    texts = [(where + " (plot title)", _plain(item.titleLabel.text or ""))]
    for side in ("left", "bottom", "right", "top"):
        axis = item.getAxis(side)
        if axis.isVisible():
            texts.append((f"{where} ({side} axis)", _plain(axis.labelText or "")))
    return texts


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text ``root`` and its children show, menus included."""
    texts = []
    if isinstance(root, QMainWindow):
        texts += _action_texts(root.menuBar().actions(), "menu")
    for widget in [root, *root.findChildren(QWidget)]:
        texts += _widget_texts(widget)
    return [(where, text) for where, text in texts if text]


def english_left(root: QWidget) -> list[str]:
    """Every text under ``root`` that holds an English word, as ``where: text [words]``
    (each text once, where it was first found)."""
    first = {}
    for where, text in visible_texts(root):
        if english_words(text):
            first.setdefault(text, where)
    return [f"{where}: {text!r} {english_words(text)}" for text, where in first.items()]
