"""The settings of a run and the buttons that drive it.

Values are checked before anything else happens: a rejected value is named beside the form and
the last good settings come back, so the form always shows what is training. A value that reads
as the one training ("50 " for 50) is no change.
"""
from __future__ import annotations

import math
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.config import (
    EXCLUSIVE_MIN,
    MAX_LAYERS,
    MAX_WIDTH,
    PRESETS,
    RANGES,
    Config,
    ConfigError,
    check_batch_size,
    parse_hidden,
)
from ...core.data import MIN_TRAIN_IMAGES
from ..classes import digits_or_classes
from ..i18n import arg, translated
from .whatsthis import explain

# Speed slider positions: steps per second, None for full speed.
SPEEDS = (1, 2, 5, 10, 30, 100, 300, None)
COMBOS = ("activation", "init", "optimizer", "loss", "schedule")  # settings chosen from a list, by key
NUMBERS = ("init_std", "lr", "momentum", "weight_decay", "lr_decay", "dropout", "shift", "batch_size", "seed")
# Settings that change while the network trains on, from the next step (the others start a new run).
# The settings under "Show all settings" (the planned length is epochs or steps).
ADVANCED = ("loss", "init_std", "momentum", "weight_decay", "lr_decay", "schedule", "dropout", "shift", "epochs",
            "steps")
LIVE = ("lr", "momentum", "weight_decay", "schedule", "batch_size", "dropout", "shift")
INT_MAX = 2**31 - 1  # the largest value a QSpinBox holds
# The Training menu's keys (Start/Pause, Step, Step epoch), which a field only clicked into lets through.
TRAINING_KEYS = ((Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
                 (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
                 (Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier))


def field_range(name: str, decimals: int | None = None) -> tuple[float, float]:
    """The values a form field offers for a Config setting: RANGES[name] as a field with `decimals`
    places (None: whole numbers) can show it. An excluded minimum becomes the smallest step above it
    (epochs keeps its 0, which the form shows as "run planned in steps"); the maximum is rounded
    down to the places shown, so that every value offered is valid, and whole numbers stop at
    what a QSpinBox holds."""
    lo, hi = RANGES[name]
    if decimals is None:
        return int(lo), int(min(hi, INT_MAX))
    step = 10.0 ** -decimals
    if name in EXCLUSIVE_MIN and name != "epochs":
        lo += step
    scale = 10 ** decimals
    return round(lo, decimals), math.floor(round(hi * scale, 6)) / scale


class TrainingKeys(QObject):
    """Lets the training keys through a field that has focus but has not been typed into since it
    got it: a click into a field is not yet an edit, and Space starts training as everywhere else.
    Once the user types, the keys are the field's (a space, a cursor move)."""

    def __init__(self, fields, parent: QObject):
        super().__init__(parent)
        for field in fields:
            edit = field.lineEdit() if isinstance(field, QAbstractSpinBox) else field
            edit.textEdited.connect(lambda _, f=field: f.setProperty("typed_in", True))
            field.installEventFilter(self)

    def eventFilter(self, field, event) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            field.setProperty("typed_in", False)
        elif event.type() == QEvent.Type.ShortcutOverride and not field.property("typed_in"):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            return (event.key(), modifiers) in TRAINING_KEYS  # taken here, the key goes to the shortcut
        return False


class ControlPanel(QWidget):
    """Emits `changed(name)` when the user edits a setting to a valid value."""

    changed = Signal(str)
    speedChanged = Signal(object)  # steps per second, or None for full speed
    rejected = Signal(str)  # a value that cannot be used, and why

    def __init__(self, parent=None):
        super().__init__(parent)
        self._quiet = False
        self.preset = QComboBox()
        for key, label in (("course", self.tr("course")), ("keras", self.tr("keras")), ("fast", self.tr("fast")),
                           ("best", self.tr("best")), ("custom", self.tr("custom"))):
            self.preset.addItem(label, key)
        self.preset.setToolTip(self.tr(
            "A ready-made network and training. course: the course's 784-50-10 sigmoid network; keras: its "
            "Keras version; fast: a 784-256-128-10 ReLU network (about ten seconds); best: 784-512-256-10 on "
            "rotated, slanted, rescaled and distorted images, the most accurate and the best at reading drawings "
            "(about a minute and a half)."))
        self.hidden = QLineEdit()
        self.hidden.setToolTip(arg(self.tr("Widths of the hidden layers, comma-separated: 50 is one layer of 50 "
                                       "units, 256,128 two layers. Each from 1 to %1 units, up to %2 layers; "
                                       "empty for none."), MAX_WIDTH, MAX_LAYERS))
        self.activation = self._combo((("sigmoid", self.tr("sigmoid")), ("tanh", self.tr("tanh")),
                                       ("relu", self.tr("ReLU")), ("leaky_relu", self.tr("leaky ReLU"))),
                                      self.tr("The activation function applied after every hidden layer."))
        self.init = self._combo((("normal", self.tr("normal")), ("xavier", self.tr("Xavier (Glorot)")),
                                 ("he", self.tr("He"))),
                                self.tr("How the weights start: normal uses the std below, Xavier suits "
                                        "sigmoid and tanh, He suits ReLU."))
        self.init_std = self._spin(QDoubleSpinBox(), *field_range("init_std", 4), 4,
                                   self.tr("Standard deviation of the initial weights (normal init only)."))
        self.loss = self._combo((("cross_entropy", self.tr("cross-entropy")), ("mse", self.tr("mean squared error"))),
                                self.tr("What the network minimises: cross-entropy of the softmax output, or "
                                        "the mean squared error against one-hot labels."))
        self.optimizer = self._combo((("sgd", self.tr("SGD")), ("momentum", self.tr("momentum")),
                                      ("adam", self.tr("Adam"))),
                                     self.tr("How gradients change the weights: plain gradient descent, "
                                             "with momentum, or Adam."))
        self.lr = self._spin(QDoubleSpinBox(), *field_range("lr", 5), 5,
                             self.tr("Learning rate: the size of each update. It can change while training."))
        self.lr.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_now = QLabel()
        self.lr_now.setToolTip(self.tr("The learning rate in use now, after the per-epoch decay."))
        self.momentum = self._spin(QDoubleSpinBox(), *field_range("momentum", 3), 3,
                                   self.tr("Momentum coefficient (momentum optimizer). It can change while training."))
        self.weight_decay = self._spin(QDoubleSpinBox(), *field_range("weight_decay", 6), 6,
                                       self.tr("L2 weight decay. It can change while training."))
        self.lr_decay = self._spin(QDoubleSpinBox(), *field_range("lr_decay", 3), 3,
                                   self.tr("The learning rate is multiplied by this after every epoch "
                                           "(1: constant)."))
        self.shift = self._spin(QSpinBox(), *field_range("shift"), None,
                                self.tr("Augmentation: move each training image by up to this many pixels. "
                                        "It can change while training."))
        self.schedule = self._combo((("none", self.tr("constant")), ("step", self.tr("steps down")),
                                     ("exp", self.tr("exponential")), ("cosine", self.tr("cosine"))),
                                    self.tr("How the learning rate changes over the planned run: constant, ten times "
                                            "smaller at half and again at three quarters, falling exponentially, or "
                                            "along half a cosine. It can change while training."))
        self.dropout = self._spin(QDoubleSpinBox(), *field_range("dropout", 2), 2,
                                  self.tr("Dropout: the share of every hidden layer's units switched off at each "
                                          "training step, so that no unit can rely on another. It can change "
                                          "while training."))
        self.dropout.setSingleStep(0.05)
        self.batch_size = self._spin(QSpinBox(), *field_range("batch_size"), None,
                                     self.tr("Images per mini-batch: one step averages the gradient over this many. It "
                                             "can change while training."))
        self.epochs = self._spin(QDoubleSpinBox(), *field_range("epochs", 1), 1,
                                 self.tr("How long the run is planned, in passes over the training set. "
                                         "Start continues past it."))
        self.seed = self._spin(QSpinBox(), *field_range("seed"), None,
                               self.tr("Random seed: the same seed and settings give exactly the same run."))
        self.train_limit = self._spin(QSpinBox(), MIN_TRAIN_IMAGES, 60000, None, "")
        self.train_limit.setSingleStep(1000)
        self.dataset = QLabel(self.tr("MNIST (bundled)"))
        self.dataset.setWordWrap(True)
        self.dataset_button = QToolButton()
        self.dataset_button.setText(self.tr("Choose..."))
        self.dataset_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.dataset_button.setToolTip(self.tr("Train on another dataset: a folder of MNIST-format IDX files "
                                               "(such as Fashion-MNIST), a Keras-style mnist.npz, or the "
                                               "bundled MNIST."))

        self.advanced = QCheckBox(self.tr("Show all settings"))
        self.advanced.setToolTip(self.tr("Loss, momentum, weight decay, learning-rate decay, image shifts, "
                                         "initial std and the planned length."))
        net = QFormLayout()
        net.addRow(self.tr("Preset"), self.preset)
        net.addRow(self.tr("Hidden layers"), self.hidden)
        net.addRow("", self._hint(arg(self.tr("widths from 1 to %1, up to %2 layers"), MAX_WIDTH, MAX_LAYERS)))
        net.addRow(self.tr("Activation"), self.activation)
        net.addRow(self.tr("Init"), self.init)
        train = QFormLayout()
        train.addRow(self.tr("Optimizer"), self.optimizer)
        train.addRow(self.tr("Learning rate"), self.lr)
        train.addRow("", self.lr_now)  # a row of its own: beside the field it widened the panel
        train.addRow(self.tr("Batch size"), self.batch_size)
        train.addRow(self.tr("Seed"), self.seed)
        extra = QFormLayout()
        self._extra_rows = [(self.tr("Loss"), self.loss), (self.tr("Init std"), self.init_std),
                            (self.tr("Momentum"), self.momentum), (self.tr("Weight decay"), self.weight_decay),
                            (self.tr("LR decay / epoch"), self.lr_decay), (self.tr("LR schedule"), self.schedule),
                            (self.tr("Dropout"), self.dropout), (self.tr("Shift images by"), self.shift),
                            (self.tr("Epochs planned"), self.epochs)]
        for label, w in self._extra_rows:
            extra.addRow(label, w)
        self.extra_box = QWidget()
        self.extra_box.setLayout(extra)
        extra.setContentsMargins(0, 0, 0, 0)
        train.addRow(self.advanced)
        train.addRow(self.extra_box)
        self.advanced.toggled.connect(self.extra_box.setVisible)
        self.extra_box.setVisible(False)
        data_row = QHBoxLayout()
        data_row.addWidget(self.dataset, 1)
        data_row.addWidget(self.dataset_button)
        data = QFormLayout()
        data.addRow(data_row)
        data.addRow(self.tr("Training images"), self.train_limit)
        self.train_range = self._hint("")
        data.addRow("", self.train_range)

        self.start = QPushButton(self.tr("Start"))
        self.start.setToolTip(self.tr("Start or pause training (Space)."))
        self.step = QPushButton(self.tr("Step"))
        self.step.setToolTip(self.tr("Train on exactly one mini-batch, then pause (Right arrow)."))
        self.step_epoch = QPushButton(self.tr("Step epoch"))
        self.step_epoch.setToolTip(self.tr("Train until the end of the current epoch, then pause (Shift+Right)."))
        self.reset = QPushButton(self.tr("Reset"))
        self.reset.setToolTip(self.tr("Start again from freshly initialised weights with these settings (Ctrl+R)."))
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(len(SPEEDS) - 1)
        self.speed.setPageStep(1)
        self.speed.setToolTip(self.tr("Training speed: from one mini-batch a second (watch each update) to "
                                      "full speed. It acts at once."))
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(70)
        self.speed.valueChanged.connect(self._speed_changed)
        self._speed_changed(self.speed.value())

        buttons = QGridLayout()
        for i, b in enumerate((self.start, self.step, self.step_epoch, self.reset)):
            buttons.addWidget(b, i // 2, i % 2)
        speed_row = QHBoxLayout()
        speed_row.addWidget(QLabel(self.tr("Speed")))
        speed_row.addWidget(self.speed, 1)
        speed_row.addWidget(self.speed_label)
        run = QVBoxLayout()
        run.addLayout(buttons)
        run.addLayout(speed_row)

        layout = QVBoxLayout(self)
        for title, inner in ((self.tr("Run"), run), (self.tr("Network"), net), (self.tr("Training"), train),
                             (self.tr("Data"), data)):
            box = QGroupBox(title)
            box.setLayout(inner)
            layout.addWidget(box)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #a04000")
        layout.addWidget(self.note)
        layout.addStretch(1)

        self._explain()
        self._good = PRESETS["course"]
        self.set_config(PRESETS["course"], 60000)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.hidden.editingFinished.connect(lambda: self._edited("hidden"))
        for name in COMBOS:
            getattr(self, name).currentIndexChanged.connect(lambda _, n=name: self._edited(n))
        for name in (*NUMBERS, "train_limit", "epochs"):
            spin = getattr(self, name)
            spin.valueChanged.connect(lambda _, n=name: self._edited(n))
            # Qt quietly puts back the last value when typed text is out of range: say so instead.
            spin.lineEdit().textEdited.connect(lambda text, s=spin: s.setProperty("typed", text))
            spin.editingFinished.connect(lambda s=spin: self._typed_out_of_range(s))
        TrainingKeys((self.hidden, *self.findChildren(QAbstractSpinBox)), self)

    def _explain(self) -> None:
        """What's This texts (Shift+F1) for the settings that a formula explains best."""
        self.set_data(None)
        self.activation.setWhatsThis(self.tr(
            "<b>Activation function</b><p>The non-linear f applied in every hidden layer. Sigmoid: "
            "σ(a) = 1 / (1 + e<sup>−a</sup>), with derivative σ′(a) = σ(a)(1 − σ(a)) (at most 0.25, so "
            "gradients shrink layer after layer). tanh is centred on 0; ReLU, max(0, a), learns fastest.</p>"))
        self.loss.setWhatsThis(self.tr(
            "<b>Loss</b><p>Cross-entropy of the softmax output: E = −Σ<sub>k</sub> t<sub>k</sub> log "
            "y<sub>k</sub> for the one-hot label t. Mean squared error: (1/n) Σ (t<sub>k</sub> − "
            "y<sub>k</sub>)². Training lowers it.</p>"))
        self.lr.setWhatsThis(self.tr(
            "<b>Learning rate η</b><p>Gradient descent moves every weight against its gradient: "
            "W ← W − η·∂E/∂W. Too small and learning crawls; too large and the loss jumps about or the "
            "network diverges.</p>"))
        self.optimizer.setWhatsThis(self.tr(
            "<b>Optimizer</b><p>SGD is plain gradient descent, W ← W − η·∂E/∂W. Momentum adds a velocity that "
            "keeps part of the previous steps; Adam scales each weight's step by the running size of its "
            "gradients.</p>"))
        self.batch_size.setWhatsThis(self.tr(
            "<b>Batch size</b><p>A mini-batch is the handful of training images one step learns from: the "
            "gradient ∂E/∂W is averaged over them before W ← W − η·∂E/∂W. An epoch is one pass over all "
            "training images.</p>"))
        self.init.setWhatsThis(self.tr(
            "<b>Weight initialisation</b><p>The random weights the network starts from. Normal draws them from a "
            "normal distribution with the std below. Xavier (Glorot uniform) draws them evenly between "
            "±√(6/(n<sub>in</sub> + n<sub>out</sub>)), so with variance 2/(n<sub>in</sub> + n<sub>out</sub>) (suits "
            "sigmoid and tanh); He from a normal distribution with variance 2/n<sub>in</sub> (suits ReLU). "
            "n<sub>in</sub> and n<sub>out</sub> are the layer's inputs and outputs.</p>"))
        self.speed.setWhatsThis(self.tr(
            "<b>Speed</b><p>From one mini-batch a second, to watch every update of the weights, to full "
            "speed.</p>"))
        explain(self, self.tr(
            "<b>Settings</b><p>The network (its layers and activation function), how it learns (optimizer, "
            "learning rate η, mini-batch size) and the data. Start trains by mini-batch gradient descent, "
            "W ← W − η·∂E/∂W; Step learns from one mini-batch. Shift+F1, then a click on any setting, explains "
            "it.</p>"))

    @staticmethod
    def _hint(text: str) -> QLabel:
        """Small grey text under a field: the values it takes."""
        label = QLabel(text)
        label.setStyleSheet("color: #777; font-size: 8pt")
        label.setWordWrap(True)
        return label

    @staticmethod
    def _combo(items, tip: str) -> QComboBox:
        c = QComboBox()
        for key, label in items:
            c.addItem(label, key)
        c.setToolTip(tip)
        return c

    @staticmethod
    def _spin(spin, lo, hi, decimals, tip: str):
        if decimals is not None:
            spin.setDecimals(decimals)
        spin.setRange(lo, hi)
        spin.setToolTip(tip)
        spin.setKeyboardTracking(False)  # a value counts when typing is done, not per keystroke
        return spin

    @staticmethod
    def _set_key(combo: QComboBox, key: str) -> None:
        combo.setCurrentIndex(max(0, combo.findData(key)))

    # What the window calls --------------------------------------------------------------

    def set_data(self, data) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        self.hidden.setWhatsThis(digits_or_classes(data, self.tr(
            "<b>Hidden layers</b><p>The layers between the input layer (784 pixels) and the output layer (10 "
            "digits). Each computes a = xW + b from its input x and z = f(a): weights W, bias b and an "
            "activation function f. "
            "\"50\" is the course's network: 784-50-10.</p>"), self.tr(
            "<b>Hidden layers</b><p>The layers between the input layer (784 pixels) and the output layer (10 "
            "classes). Each computes a = xW + b from its input x and z = f(a): weights W, bias b and an "
            "activation function f. \"50\" is the course's network: 784-50-10.</p>")))

    def set_dataset(self, name: str, shape: tuple[int, int], n_train: int) -> None:
        """Show the dataset in use and bound the training-image count by its size."""
        self.dataset.setText(f"{name} ({shape[0]}x{shape[1]})")
        with self._silence():
            self.train_limit.setMaximum(n_train)
        self._good_train = self.train_limit.value()  # a smaller set lowers the count that trains
        self.train_limit.setToolTip(arg(self.tr("How many training images to use (the first N): from %1 to %2."),
                                        MIN_TRAIN_IMAGES, n_train))
        self.train_range.setText(arg(self.tr("from %1 to %2"), MIN_TRAIN_IMAGES, f"{n_train:,}"))

    def in_scroll_area(self) -> QScrollArea:
        """This panel in a scroll area as wide as it needs (it scrolls down, never sideways)."""
        area = QScrollArea()
        area.setWidget(self)
        area.setWidgetResizable(True)
        area.setMinimumWidth(self.sizeHint().width() + 16)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return area

    def bind(self, **actions) -> None:
        """Connect the run buttons (start, step, step_epoch, reset) to what they do."""
        for name, slot in actions.items():
            getattr(self, name).clicked.connect(slot)

    def set_running(self, running: bool) -> None:
        self.start.setText(self.tr("Pause") if running else self.tr("Start"))

    def set_enabled(self, on: bool) -> None:
        for w in (self.start, self.step, self.step_epoch, self.reset):
            w.setEnabled(on)

    def show_note(self, text: str) -> None:
        self.note.setText(text)

    def show_lr(self, lr: float) -> None:
        """The learning rate in use, beside the field when the schedule has moved it."""
        shown = self.lr.value()
        same = abs(lr - shown) <= 1e-9 * max(shown, 1e-12)
        self.lr_now.setText("" if same else arg(self.tr("in use now: %1"), f"{lr:.3g}"))

    def train_images(self) -> int:
        return self.train_limit.value()

    def speed_value(self) -> float | None:
        return SPEEDS[self.speed.value()]

    # Editing ------------------------------------------------------------------------------

    def _speed_changed(self, index: int) -> None:
        sps = SPEEDS[index]
        if sps is None:
            self.speed_label.setText(self.tr("full speed"))
        else:
            self.speed_label.setText(self.tr("1 step/s") if sps == 1 else arg(self.tr("%1 steps/s"), sps))
        self.speedChanged.emit(sps)

    def _edited(self, name: str) -> None:
        if self._quiet:
            return
        try:
            config = self.config()
        except ConfigError as e:
            # The last good values come back before the message takes focus: the field then
            # finishes editing again with a value that is no change.
            self.set_config(self._good, self._good_train)
            self.rejected.emit(translated(e))
            return
        self._show_hidden(config.hidden)  # "50 " counts as 50, and reads so
        if config == self._good and self.train_limit.value() == self._good_train:
            return  # the same network and training as before: nothing to ask or restart
        self._enable(config)
        self._good, self._good_train = config, self.train_limit.value()
        self._show_preset(config)
        self.changed.emit(name)

    def _enable(self, config: Config) -> None:
        """Fields that mean something for these settings only."""
        self.init_std.setEnabled(config.init == "normal")
        self.momentum.setEnabled(config.optimizer == "momentum")

    def _typed_out_of_range(self, spin) -> None:
        typed, _ = spin.property("typed"), spin.setProperty("typed", None)
        if typed and spin.validate(typed, len(typed))[0] != QValidator.State.Acceptable:
            self.rejected.emit(arg(self.tr("%1 is not possible here: the field takes %2 to %3, so it keeps %4"),
                                   typed.strip(), spin.textFromValue(spin.minimum()),
                                   spin.textFromValue(spin.maximum()), spin.text()))

    def _show_preset(self, config: Config) -> None:
        match = [key for key, p in PRESETS.items() if p == config]
        with self._silence():
            self._set_key(self.preset, match[0] if match else "custom")

    def _preset_chosen(self, index: int) -> None:
        key = self.preset.currentData()
        if self._quiet or key not in PRESETS:
            return
        before = self._good, self._good_train
        self.set_config(PRESETS[key], self.train_limit.value())
        try:  # a preset is valid alone, but its batches may not fit the training images chosen
            self.config()
        except ConfigError as e:
            self.set_config(*before)
            self.rejected.emit(arg(self.tr("Preset %1 cannot be used: %2"), self.preset.itemText(index),
                                   translated(e)))
            return
        self.changed.emit("preset")

    def _show_hidden(self, hidden: tuple[int, ...]) -> None:
        """The widths as the field writes them: 256,128."""
        text = ",".join(map(str, hidden))
        if self.hidden.text() != text:
            self.hidden.setText(text)

    @contextmanager
    def _silence(self):
        """Changes made inside are the program's, not the user's: they emit nothing."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def set_config(self, config: Config, train_limit: int) -> None:
        """Show config in the widgets without emitting `changed`; it becomes the last good one."""
        with self._silence():
            self._show_hidden(config.hidden)
            for name in COMBOS:
                self._set_key(getattr(self, name), getattr(config, name))
            for name in NUMBERS:
                getattr(self, name).setValue(getattr(config, name))
            self._enable(config)
            self.epochs.setValue(config.epochs if config.epochs is not None else 0)
            self.epochs.setSpecialValueText(arg(self.tr("%1 steps"), config.steps or 0))
            self.train_limit.setValue(train_limit)
        self._length = (config.epochs, config.steps)
        self._good, self._good_train = config, train_limit
        self._show_preset(config)
        if not self.advanced.isChecked() and not any(
                all(getattr(p, name) == getattr(config, name) for name in ADVANCED) for p in PRESETS.values()):
            self.advanced.setChecked(True)  # a setting in force is never hidden: no preset gives these values

    def config(self) -> Config:
        """The settings shown, over the last good ones; raises ConfigError if one is invalid."""
        changes = dict(hidden=parse_hidden(self.hidden.text()),
                       **{name: getattr(self, name).currentData() for name in COMBOS},
                       **{name: getattr(self, name).value() for name in NUMBERS})
        epochs, steps = self._length
        if epochs is None and self.epochs.value() == 0:
            changes.update(epochs=None, steps=steps)  # a run planned in steps stays so
        else:
            changes.update(epochs=self.epochs.value(), steps=None)
        check_batch_size(changes["batch_size"], self.train_limit.value())
        return self._good.replace(**changes).validated()
