"""The live views in Chinese: titles, axes, legends, status lines, messages and what the
pointer reads out, after a few epochs of training in the window."""

import re

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QComboBox, QToolButton

from bpstudio.core.stopping import Stopped, StopReason
from bpstudio.gui.views import LossPlotView, NetworkView
from bpstudio.gui.vocabulary import stopped_words
from bpstudio.session import DataSpec
from tests.gui.english_left import english_left, english_words
from tests.gui.views.runs import SIN, Run, hover, make_view

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def pick_dataset(qtbot, window, label: str, epochs: int) -> None:
    """Pick the dataset by its Chinese label and train at least ``epochs`` epochs, as a
    person would."""
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findText(label))
    hidden = [layer.size for layer in window.designer.session().network.hidden]
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.epoch == 0
                    and [w.shape[1] for w in window.last_snapshot.weights[:-1]] == hidden,
                    timeout=10000)
    train = window.findChild(QToolButton, "trainButton")
    qtbot.mouseClick(train, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.last_snapshot.epoch >= epochs, timeout=20000)
    qtbot.mouseClick(train, Qt.MouseButton.LeftButton)
    assert window.training.sync()
    qtbot.waitUntil(lambda: window.last_snapshot.epoch == window.session.epoch)


def test_every_live_view_reads_in_chinese_while_training(qtbot, zh_window):
    window = zh_window
    pick_dataset(qtbot, window, "螺旋", 3)
    views = (window.loss_plot, window.decision_plot, window.network_view, window.fit_plot,
             window.judging_view)
    left = [text for view in views for text in english_left(view)]
    assert left == []
    assert window.decision_plot.status_label.text().startswith("准确率")
    assert CHINESE.search(window.fit_plot.message)  # a classification task: why no fit
    # the loss plot's hover read-out
    readout = window.loss_plot.readout_text(2)
    assert readout.startswith("第 2 轮\n训练（本轮平均） "), readout
    assert english_words(readout) == []
    # the network diagram's hover texts: an input, a weight's neuron, the captions
    network = window.network_view
    layout = network._layout
    text, _, _ = network.parameter_at(QPointF(0.0, float(layout.columns[0][1])), (400, 400))
    assert text == "输入 x₂"
    captions = [label.toPlainText() for label in network.labels.captions]
    assert captions[0].startswith("输入") and all(english_words(c) == [] for c in captions)
    # the sin fit: its plot, legend and R²
    pick_dataset(qtbot, window, "正弦拟合", 2)
    assert english_left(window.fit_plot) == []
    assert window.fit_plot.status_label.text().startswith("R²   训练")


def test_a_neuron_without_a_bias_and_the_best_epoch_say_so_in_chinese(chinese, qtbot):
    run = Run(dict(SIN, bias=False), DataSpec("sin", {"n": 10}))
    view = make_view(qtbot, NetworkView, run)
    view.show_snapshot(run.snapshot(1))
    hover(qtbot, view, 1.0, view._layout.columns[1][2])
    qtbot.waitUntil(view.readout.isVisible)
    assert view.readout.text() == "第 1 层的神经元 2（无偏置）"
    loss = make_view(qtbot, LossPlotView)
    stopped = Stopped(StopReason.EARLY_STOPPING, 30, best_epoch=10, best_loss=0.1,
                      restored=True)
    loss.best_mark.show(stopped)
    assert loss.best_mark.line.label.toPlainText() == "最佳测试损失，第 10 轮（已恢复）"
    assert english_left(loss) == []
    assert stopped_words(stopped) == ("在第 30 轮停止：提前停止：测试损失不再改善；最佳测试损失 "
                                      "0.1 在第 10 轮（已恢复该轮的权重）")
