"""The network designer: data, layers and training settings, emitted as frozen specs.

Picking a dataset applies its starting settings (:mod:`bpstudio.starters`) to every setting
the person has not set by hand since the document was shown, and says what it changed on
:attr:`DesignerPanel.adapted`.

The panel holds no network and trains nothing. Every edit becomes a new ``DataSpec``,
``NetworkSpec`` or ``TrainingConfig`` on :attr:`DesignerPanel.spec_changed`; a value the
specs refuse is shown in place (red field, reason below) and nothing is emitted for it. So
is a network or data too large for BP Studio to save and open again (more than
:data:`~bpstudio.limits.MAX_PARAMETERS` parameters, more than
:data:`~bpstudio.limits.MAX_DATA_VALUES` numbers to train on): it is never applied.

Over 300 lines on purpose: the panel's slots turn edits into specs and show what they
refuse, and that is one job; the widgets of each part are in :mod:`.parts`,
:mod:`.training_widgets` and :mod:`.layers_table`, the words for a refusal in
:mod:`.refusals` already.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from bpstudio.core import INITIALIZERS
from bpstudio.core.datasets import GENERATORS
from bpstudio.core.outputs import output_choices
from bpstudio.core.text import shorten
from bpstudio.limits import MAX_SEED
from bpstudio.session import TABLE, DataSpec, NetworkSpec, PreparedData, Session, TrainingConfig
from bpstudio.starters import Starter, adapt, of_session

from ..vocabulary import adaptation_words, pair_words, vocabulary
from ..widgets import BigSpinBox
from . import choices
from .data_size import check_data_size
from .layers_table import LayersTable
from .parts import DataWidgets, ExactValues, mark_invalid
from .refusals import designer_words, label_in, refusal
from .training_widgets import TrainingWidgets

INVALID_STYLE = 'QWidget[invalid="true"] { border: 1px solid #c0392b; border-radius: 2px; }'
OUTPUT_COMBO_MIN_WIDTH = 150
"""Pixels the output combo keeps when the designer is narrow (its text is elided then)."""

translate = QCoreApplication.translate


class DesignerPanel(QWidget):
    """Edits plain values; emits ``spec_changed(NetworkSpec | DataSpec | TrainingConfig)``,
    and ``adapted(message)`` when a picked dataset changed other settings."""

    spec_changed = Signal(object)
    adapted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("designerPanel")
        self.setStyleSheet(INVALID_STYLE)
        self._session = Session()
        self._prepared: PreparedData | None = None
        self._pairs: list[tuple[str, str]] = []
        self._loading = True
        self._data_kind: tuple[str, int] | None = None
        self._set_by_hand: set[str] = set()  # starter fields the person edited
        self._table_starter: Starter | None = None  # the settings the document's rows had
        self._adapting = False
        self.exact = ExactValues()
        self.data = DataWidgets(self.exact)
        self.training = TrainingWidgets(self.exact)
        self.layers_table = LayersTable()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #c0392b;")
        self.problem_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._group(translate("Designer", "Data"), self.data.form))
        layout.addWidget(self._network_group())
        layout.addWidget(self._group(translate("Designer", "Training"), self.training.form))
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        self._connect()
        for first, second in pairwise(self.training.focus_chain()):
            QWidget.setTabOrder(first, second)
        self.set_session(self._session)

    # -- public surface ------------------------------------------------------------------------

    def set_session(self, session: Session, prepared: PreparedData | None = None) -> None:
        """Show the specs of ``session`` without emitting anything; ``prepared`` is its data
        when the caller has it already (else it is made here)."""
        self._session = session
        self._prepared = prepared or _prepared_or_none(session.data)
        self._loading = True
        self._data_kind = None
        self._set_by_hand.clear()
        self._table_starter = of_session(session) if session.data.table is not None else None
        try:
            self.data.show_spec(session.data)
            self.layers_table.set_layers(session.network.hidden)
            self.init_combo.setCurrentIndex(self.init_combo.findData(session.network.init))
            self.exact.show(self.weight_seed_spin, session.network.seed)
            self.training.show_config(session.training)
            self._show_test_part(self._prepared)
            self._refresh_outputs(session.data, (
                session.network.output_activation, session.network.loss), self._prepared)
        finally:
            self._loading = False
        self._show_problem("")
        self._sync_layer_buttons()

    def take_table(self, spec: DataSpec) -> None:
        """Make imported rows (``spec.table``) the data, as an edit: shown, emitted, and the
        output and loss fitted to them. ``ValueError`` (and nothing changed) if the data or
        the network it makes is more than BP Studio trains on."""
        prepared = spec.load()
        check_data_size(prepared)
        self._session.network.check_size(prepared.n_inputs, prepared.n_outputs)
        self._loading = True
        try:
            self.data.show_spec(spec)
        finally:
            self._loading = False
        self._table_starter = None
        self._session = replace(self._session, data=spec)
        self.spec_changed.emit(spec)
        self._on_data_edited()  # the output pair for the new task, and the network emitted

    def session(self) -> Session:
        """The session shown, with every edit applied so far."""
        return self._session

    def network_spec(self) -> NetworkSpec:
        return self._session.network

    def data_spec(self) -> DataSpec:
        return self._session.data

    def training_config(self) -> TrainingConfig:
        return self._session.training

    @property
    def set_by_hand(self) -> frozenset[str]:
        """The settings a picked dataset keeps (:data:`bpstudio.starters.FIELDS` names)."""
        return frozenset(self._set_by_hand)

    @property
    def problem(self) -> str:
        """The reason the last edit was refused, ``""`` if it was accepted."""
        return self.problem_label.text() if self.problem_label.isVisibleTo(self) else ""

    # -- building ------------------------------------------------------------------------------

    def _group(self, title: str, form: QFormLayout) -> QGroupBox:
        box = QGroupBox(title)
        box.setLayout(form)
        return box

    def _network_group(self) -> QGroupBox:
        self.add_layer_button = QPushButton(translate("Designer", "Add layer"))
        self.add_layer_button.setObjectName("addLayerButton")
        self.add_layer_button.setToolTip(add_layer_tip())
        self.remove_layer_button = QPushButton(translate("Designer", "Remove layer"))
        self.remove_layer_button.setObjectName("removeLayerButton")
        self.remove_layer_button.setToolTip(
            translate("Designer", "Remove the selected hidden layer (or the last)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_layer_button)
        buttons.addWidget(self.remove_layer_button)
        self.output_combo = QComboBox()
        self.output_combo.setObjectName("outputLossCombo")
        # wide enough for every choice when there is room, elided when there is not
        self.output_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.output_combo.setMinimumContentsLength(len(choices.LONGEST_PAIR_LABEL))
        self.output_combo.setMinimumWidth(max(OUTPUT_COMBO_MIN_WIDTH, _combo_width_for(
            self.output_combo, choices.LONGEST_PAIR_LABEL)))
        self.output_combo.setToolTip(translate(
            "Designer", "Output activation and loss; only pairs that suit the data are offered"))
        self.init_combo = QComboBox()
        self.init_combo.setObjectName("weightInitCombo")
        for i, name in enumerate(choices.INIT_NAMES):
            self.init_combo.addItem(vocabulary(name), name)
            self.init_combo.setItemData(i, vocabulary(INITIALIZERS[name].description),
                                        3)  # ToolTipRole
        self.weight_seed_spin = BigSpinBox()
        self.weight_seed_spin.setObjectName("weightSeedSpin")
        self.weight_seed_spin.setRange(0, MAX_SEED)
        self.weight_seed_spin.setKeyboardTracking(False)
        tip = translate("Designer", "The same seed gives the same initial weights")
        self.weight_seed_spin.setToolTip(tip)
        self.weight_seed_spin.setProperty("plainToolTip", tip)
        form = QFormLayout()
        form.addRow(self.layers_table)
        form.addRow(buttons)
        # the longest choice needs the whole width: its label goes above it
        form.addRow(QLabel(translate("Designer", "Output")))
        form.addRow(self.output_combo)
        form.addRow(translate("Designer", "Weight init"), self.init_combo)
        form.addRow(translate("Designer", "Weight seed"), self.weight_seed_spin)
        self.network_form = form
        return self._group(translate("Designer", "Network"), form)

    def _connect(self) -> None:
        self.data.dataset_combo.currentIndexChanged.connect(self._on_dataset_picked)
        for signal in self.data.edited_signals():
            signal.connect(self._on_data_edited)
        self.layers_table.layers_changed.connect(self._on_network_edited)
        self.add_layer_button.clicked.connect(self._add_layer)
        self.remove_layer_button.clicked.connect(self._remove_layer)
        for widget in (self.output_combo, self.init_combo):
            widget.currentIndexChanged.connect(self._on_network_edited)
        self.weight_seed_spin.valueChanged.connect(self._on_network_edited)
        for signal in self.training.edited_signals():
            signal.connect(self._on_training_edited)
        for box in (*self.data.fields(), self.weight_seed_spin, *self.training.fields()):
            box.refused.connect(lambda text, box=box: self._on_refused(box, text))
        self.layers_table.size_refused.connect(self._on_refused)

    # -- edits ---------------------------------------------------------------------------------

    def _add_layer(self) -> None:
        self.layers_table.add_layer()
        self._sync_layer_buttons()

    def _remove_layer(self) -> None:
        self.layers_table.remove_layer()
        self._sync_layer_buttons()

    def _sync_layer_buttons(self) -> None:
        why_not = self._why_no_layer_fits()
        self.add_layer_button.setEnabled(not why_not)
        self.add_layer_button.setToolTip(why_not or add_layer_tip())
        self.remove_layer_button.setEnabled(self.layers_table.rowCount() > 0)
        chain = [self.data.standardize_check, self.layers_table, *self.layers_table.fields(),
                 self.add_layer_button]  # new rows' fields would come last otherwise
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _why_no_layer_fits(self) -> str:
        """Why Add layer cannot add a layer like the last (``""``: it can)."""
        if not self.layers_table.can_add():
            return translate("Designer", "A network has at most this many hidden layers")
        layers = self.layers_table.layers()
        if layers and self._prepared is not None:
            try:
                bigger = replace(self._session.network, hidden=(*layers, layers[-1]))
                bigger.check_size(self._prepared.n_inputs, self._prepared.n_outputs)
            except ValueError as exc:
                return designer_words(exc, translate("Designer", "Another layer like the last"))
        return ""

    def _on_refused(self, box: QWidget, typed: str) -> None:
        """A number typed out of a field's range: say so where it was typed."""
        in_table = box.parent() is not None and self.layers_table.isAncestorOf(box)
        label = translate("Designer", "Neurons") if in_table else self._label_of(box)
        self._show_problem(refusal(label, box, typed), self.layers_table if in_table else box)

    def _label_of(self, widget: QWidget | None) -> str:
        forms = (self.data.form, self.network_form, *self.training.forms)
        if widget is self.layers_table:
            return translate("Designer", "Hidden layers")
        return label_in(forms, widget)

    def _on_dataset_picked(self) -> None:
        if self._loading:
            return
        name = self.data.dataset_combo.currentData()
        if name is None:
            return
        self._loading = True
        if name == TABLE:
            self.data.show_imported()
        else:
            self.data.show_params(name, GENERATORS[name].defaults)
        self._loading = False
        self._adapting = True
        try:
            message = self._show_starter(name)
            self._on_data_edited()
            self._on_training_edited()
        finally:
            self._adapting = False
        if message and not self.problem:
            self.adapted.emit(message)

    def _show_starter(self, name: str) -> str:
        """Show the picked dataset's starting settings (the document's own for its imported
        rows) where the person set nothing by hand; the edit handlers then emit them. The
        words for what changed."""
        starter = self._table_starter if name == TABLE else None
        if name == TABLE and starter is None:
            return ""
        try:
            spec = self.data.spec(self._session.data)
        except ValueError:
            return ""
        adaptation = adapt(replace(self._session, data=spec), self._set_by_hand, starter)
        new = adaptation.session
        self._loading = True
        try:
            self.data.show_split(new.data)
            self.layers_table.set_layers(new.network.hidden)
            self.init_combo.setCurrentIndex(self.init_combo.findData(new.network.init))
            self.training.show_config(new.training)
        finally:
            self._loading = False
        self._sync_layer_buttons()
        label = (translate("Designer", "the imported table") if name == TABLE
                 else vocabulary(GENERATORS[name].label))
        return adaptation_words(adaptation, label)

    def _note_by_hand(self, old: object, new: object, names: tuple[str, ...]) -> None:
        """Remember which starter fields an edit by the person changed."""
        if not self._adapting:
            self._set_by_hand.update(n for n in names if getattr(old, n) != getattr(new, n))

    def _on_data_edited(self) -> None:
        if self._loading:
            return
        try:
            spec = self.data.spec(self._session.data)
            prepared = spec.load()
            check_data_size(prepared)
        except ValueError as exc:
            self._show_problem(exc, self.data.widget_for(str(exc)))
            return
        try:  # more outputs (classes) make the network larger too
            self._session.network.check_size(prepared.n_inputs, prepared.n_outputs)
        except ValueError as exc:
            self._show_problem(exc, self.layers_table)
            return
        self._show_problem("")
        self._prepared = prepared
        if spec.name == self._session.data.name:
            self._note_by_hand(self._session.data, spec, ("test_fraction", "standardize"))
        if spec != self._session.data:
            self._session = replace(self._session, data=spec)
            self.spec_changed.emit(spec)
        pair = self._current_pair()
        self._loading = True
        self._refresh_outputs(spec, pair, prepared)
        self._loading = False
        self._show_test_part(prepared)  # early stopping off without one: a training edit
        self._on_network_edited()  # a new pair, or layers refused before that fit this data

    def _on_network_edited(self) -> None:
        if self._loading:
            return
        activation, loss = self._current_pair()
        try:
            spec = replace(
                self._session.network, hidden=self.layers_table.layers(),
                output_activation=activation, loss=loss,
                init=self.init_combo.currentData(), seed=self.exact.read(self.weight_seed_spin),
            )
            if self._prepared is not None:
                spec.check_size(self._prepared.n_inputs, self._prepared.n_outputs)
        except ValueError as exc:
            self._show_problem(exc, self.layers_table)
            return
        self._show_problem("")
        self._note_by_hand(self._session.network, spec, ("hidden", "init"))
        if spec != self._session.network:
            self._session = replace(self._session, network=spec)
            self.spec_changed.emit(spec)

    def _on_training_edited(self) -> None:
        if self._loading:
            return
        try:
            config = self.training.config(self._session.training)
        except ValueError as exc:
            self._show_problem(exc, self.training.widget_for(str(exc)))
            return
        self._show_problem("")
        self.training.show_preview(config)
        self._note_by_hand(self._session.training, config,
                           ("optimizer", "learning_rate", "batch_size"))
        if config != self._session.training:
            self._session = replace(self._session, training=config)
            self.spec_changed.emit(config)

    # -- details -------------------------------------------------------------------------------

    def _show_test_part(self, prepared: PreparedData | None) -> None:
        if prepared is not None:
            self.training.stopping.set_has_test(prepared.test.n_samples > 0)

    def _current_pair(self) -> tuple[str, str]:
        index = self.output_combo.currentIndex()
        if 0 <= index < len(self._pairs):
            return self._pairs[index]
        return NetworkSpec.output_activation, NetworkSpec.loss

    def _refresh_outputs(
        self, spec: DataSpec, keep: tuple[str, str], prepared: PreparedData | None = None
    ) -> None:
        """Offer the output/loss pairs valid for ``spec``'s data.

        ``keep`` stays selected while the kind of data (task, outputs) is unchanged; new kinds
        of data start at their standard pair. A pair read from a file stays on offer.
        """
        try:
            prepared = prepared or spec.load()
        except ValueError:
            return
        kind = (prepared.task, prepared.n_outputs)
        pairs = output_choices(*kind)
        if kind != self._data_kind and self._data_kind is not None:
            keep = pairs[0]
        elif keep not in pairs:
            if keep[0] == "softmax" and prepared.n_outputs == 1:
                keep = pairs[0]
            else:
                pairs = [*pairs, keep]
        self._data_kind = kind
        self._pairs = pairs
        self.output_combo.clear()
        self.output_combo.addItems([pair_words(p) for p in pairs])
        self.output_combo.setCurrentIndex(pairs.index(keep))

    def _show_problem(self, problem: str | ValueError, widget: QWidget | None = None) -> None:
        """Say why (a refusal in the field's own words), and frame the field red."""
        text = shorten(designer_words(problem, self._label_of(widget)) if problem else "")
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        for w in (*self.data.fields(), self.layers_table, self.weight_seed_spin,
                  *self.training.fields()):
            mark_invalid(w, w is widget, text)


def add_layer_tip() -> str:
    return translate("Designer", "Add a hidden layer like the last one")


def _combo_width_for(combo: QComboBox, text: str) -> int:
    """Pixels ``combo`` needs to show ``text`` whole (its frame and arrow included): the
    average character width Qt counts with cut "sigmoid + binary cross-entropy"."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    inner = QSize(metrics.horizontalAdvance(text) + 4, metrics.height())
    return combo.style().sizeFromContents(
        QStyle.ContentsType.CT_ComboBox, option, inner, combo).width()


def _prepared_or_none(spec: DataSpec) -> PreparedData | None:
    try:
        return spec.load()
    except ValueError:
        return None
