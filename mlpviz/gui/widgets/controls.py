"""The settings of a run and the buttons that drive it."""
from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.config import PRESETS, Config, ConfigError
from ...core.layers import ACTIVATIONS
from ...core.model import INITS
from ...core.optim import OPTIMIZERS

# Speed slider positions: steps per second, None for full speed.
SPEEDS = (1, 2, 5, 10, 30, 100, 300, None)
# Settings that define the network or its data; changing them starts a new run.
STRUCTURAL = ("hidden", "activation", "init", "init_std", "optimizer", "batch_size", "seed", "loss",
              "train_limit")


class ControlPanel(QWidget):
    """Emits `changed(name)` when a setting is edited by the user."""

    changed = Signal(str)
    speedChanged = Signal(object)  # steps per second, or None for full speed

    def __init__(self, parent=None):
        super().__init__(parent)
        self._quiet = False
        self.preset = QComboBox()
        self.preset.addItems([*PRESETS, "custom"])
        self.preset.setToolTip("A ready-made network and training: course is the course's 784-50-10 "
                               "sigmoid network, keras its Keras version, fast a larger ReLU network.")
        self.hidden = QLineEdit()
        self.hidden.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\s*(\d+\s*(,\s*\d+\s*)*)?$")))
        self.hidden.setToolTip("Widths of the hidden layers, comma-separated: 50 is one layer of 50 units, "
                               "256,128 two layers.")
        self.activation = self._combo(ACTIVATIONS, "The nonlinearity applied after every hidden layer.")
        self.init = self._combo(INITS, "How the weights start: normal uses the std below, xavier suits "
                                       "sigmoid and tanh, he suits ReLU.")
        self.init_std = self._spin(QDoubleSpinBox(), 0.0001, 10, 4, "Standard deviation of the initial "
                                                                    "weights (normal init only).")
        self.optimizer = self._combo(OPTIMIZERS, "How gradients change the weights: plain SGD, SGD with "
                                                 "momentum, or Adam.")
        self.lr = self._spin(QDoubleSpinBox(), 0.00001, 1000, 5, "Learning rate: the size of each update. "
                                                                 "It can change while training.")
        self.lr.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.batch_size = self._spin(QSpinBox(), 1, 10000, None, "Images per mini-batch: one step "
                                                                 "averages the gradient over this many.")
        self.seed = self._spin(QSpinBox(), 0, 2**31 - 1, None, "Random seed: the same seed and settings "
                                                               "give exactly the same run.")
        self.train_limit = self._spin(QSpinBox(), 100, 60000, None, "How many training images to use "
                                                                    "(the first N).")
        self.train_limit.setSingleStep(1000)
        self.dataset = QLabel("MNIST (bundled)")
        self.dataset.setWordWrap(True)
        self.dataset_button = QPushButton("Choose...")
        self.dataset_button.setToolTip("Train on another folder of MNIST-format files (e.g. Fashion-MNIST) "
                                       "or a mnist.npz.")

        net = QFormLayout()
        net.addRow("Preset", self.preset)
        net.addRow("Hidden layers", self.hidden)
        net.addRow("Activation", self.activation)
        net.addRow("Init", self.init)
        net.addRow("Init std", self.init_std)
        train = QFormLayout()
        train.addRow("Optimizer", self.optimizer)
        train.addRow("Learning rate", self.lr)
        train.addRow("Batch size", self.batch_size)
        train.addRow("Seed", self.seed)
        data_row = QHBoxLayout()
        data_row.addWidget(self.dataset, 1)
        data_row.addWidget(self.dataset_button)
        data = QFormLayout()
        data.addRow(data_row)
        data.addRow("Training images", self.train_limit)

        self.start = QPushButton("Start")
        self.start.setToolTip("Start or pause training (Space).")
        self.step = QPushButton("Step")
        self.step.setToolTip("Train on exactly one mini-batch, then pause (Right arrow).")
        self.step_epoch = QPushButton("Step epoch")
        self.step_epoch.setToolTip("Train until the end of the current epoch, then pause (Shift+Right).")
        self.reset = QPushButton("Reset")
        self.reset.setToolTip("Start again from freshly initialised weights with these settings (Ctrl+R).")
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(len(SPEEDS) - 1)
        self.speed.setPageStep(1)
        self.speed.setToolTip("Training speed: from one mini-batch a second (watch each update) to full speed.")
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(70)
        self.speed.valueChanged.connect(self._speed_changed)
        self._speed_changed(self.speed.value())

        buttons = QGridLayout()
        for i, b in enumerate((self.start, self.step, self.step_epoch, self.reset)):
            buttons.addWidget(b, i // 2, i % 2)
        speed_row = QHBoxLayout()
        speed_row.addWidget(QLabel("Speed"))
        speed_row.addWidget(self.speed, 1)
        speed_row.addWidget(self.speed_label)
        run = QVBoxLayout()
        run.addLayout(buttons)
        run.addLayout(speed_row)

        layout = QVBoxLayout(self)
        for title, inner in (("Run", run), ("Network", net), ("Training", train), ("Data", data)):
            box = QGroupBox(title)
            box.setLayout(inner)
            layout.addWidget(box)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #a04000")
        layout.addWidget(self.note)
        layout.addStretch(1)

        self.set_config(PRESETS["course"], 60000)
        self.preset.currentTextChanged.connect(self._preset_chosen)
        self.hidden.editingFinished.connect(lambda: self._edited("hidden"))
        for name in ("activation", "init", "optimizer"):
            getattr(self, name).currentTextChanged.connect(lambda _, n=name: self._edited(n))
        for name in ("init_std", "lr", "batch_size", "seed", "train_limit"):
            getattr(self, name).valueChanged.connect(lambda _, n=name: self._edited(n))

    @staticmethod
    def _combo(items, tip: str) -> QComboBox:
        c = QComboBox()
        c.addItems(list(items))
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

    def _speed_changed(self, index: int) -> None:
        sps = SPEEDS[index]
        self.speed_label.setText("full speed" if sps is None else f"{sps} steps/s")
        self.speedChanged.emit(sps)

    def _edited(self, name: str) -> None:
        if self._quiet:
            return
        if name != "lr" and self.preset.currentText() != "custom":
            with self._silence():
                self.preset.setCurrentText("custom")
        self.init_std.setEnabled(self.init.currentText() == "normal")
        self.changed.emit(name)

    def _preset_chosen(self, name: str) -> None:
        if self._quiet or name not in PRESETS:
            return
        self.set_config(PRESETS[name], self.train_limit.value())
        self.preset.setCurrentText(name)
        self.changed.emit("preset")

    @contextmanager
    def _silence(self):
        """Changes made inside are the program's, not the user's: they emit nothing."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def set_config(self, config: Config, train_limit: int) -> None:
        """Show config in the widgets without emitting `changed`."""
        with self._silence():
            self.hidden.setText(",".join(map(str, config.hidden)))
            self.activation.setCurrentText(config.activation)
            self.init.setCurrentText(config.init)
            self.init_std.setValue(config.init_std)
            self.init_std.setEnabled(config.init == "normal")
            self.optimizer.setCurrentText(config.optimizer)
            self.lr.setValue(config.lr)
            self.batch_size.setValue(config.batch_size)
            self.seed.setValue(config.seed)
            self.train_limit.setValue(train_limit)
            match = [name for name, p in PRESETS.items() if p == config]
            self.preset.setCurrentText(match[0] if match else "custom")
        self._base = config

    def config(self) -> Config:
        """The settings shown, over the preset they started from; raises ConfigError if invalid."""
        try:
            hidden = tuple(int(w) for w in self.hidden.text().replace(" ", "").split(",") if w)
        except ValueError:
            raise ConfigError("hidden layers must be comma-separated whole numbers, such as 256,128") from None
        return self._base.replace(
            hidden=hidden, activation=self.activation.currentText(), init=self.init.currentText(),
            init_std=self.init_std.value(), optimizer=self.optimizer.currentText(), lr=self.lr.value(),
            batch_size=self.batch_size.value(), seed=self.seed.value()).validated()

    def speed_value(self) -> float | None:
        return SPEEDS[self.speed.value()]
