"""The main window: assembles the panels, owns the training controller, routes user actions."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
)

from ..core import checkpoint
from ..core.config import Config, ConfigError
from ..core.data import DataError, Dataset, load_dataset, scale_images
from ..core.preprocess import EmptyImage, prepare_digit
from ..core.trainer import Trainer
from .widgets.activations import ActivationsPanel
from .widgets.controls import STRUCTURAL, ControlPanel
from .widgets.drawpad import DrawPad, gray_image
from .widgets.metrics import MetricsPanel
from .widgets.weights import WeightsPanel
from .worker import DIVERGED, FINISHED, PAUSED, RUNNING, Snapshot, TrainingController

TRAIN_EVAL_LIMIT = 10_000  # training images evaluated at each epoch end (the test set: all)
REFRESH_MS = 33  # the GUI takes the latest snapshot about 30 times a second
PLOT_INTERVAL = 0.2  # seconds between repaints of plots, weights and activations while training runs
USER_ERRORS = (DataError, ConfigError, checkpoint.CheckpointError, OSError)


class DataLoader(QObject):
    """Loads a dataset on a plain Python thread and reports back through queued signals."""

    loaded = Signal(object)
    failed = Signal(str)

    def start(self, source: str | None) -> None:
        threading.Thread(target=self._load, args=(source,), daemon=True, name="mlpviz-data").start()

    def _load(self, source: str | None) -> None:
        try:
            self.loaded.emit(load_dataset(source))
        except DataError as e:
            self.failed.emit(str(e))


class MainWindow(QMainWindow):
    def __init__(self, data: Dataset | None = None, data_source: str | None = None,
                 settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle("mlpviz: watch a neural network learn")
        self.settings = settings or QSettings("mlpviz", "mlpviz")
        self.data: Dataset | None = None
        self.data_source = data_source
        self.trainer: Trainer | None = None
        self.config: Config | None = None
        self.latest: Snapshot | None = None
        self.state = PAUSED
        self.dirty = False  # trained since the last save or open
        self.model_path: str | None = None
        self.input_x: np.ndarray | None = None
        self.input_source = "Draw a digit or pick a test image."
        self._last_plot = 0.0

        self.controller = TrainingController(self)
        self.controller.stateChanged.connect(self._on_state)
        app = QApplication.instance()
        if app is not None:  # however the app ends, the training thread ends first
            app.aboutToQuit.connect(self.controller.shutdown)
        self._build()
        self._build_actions()
        self._restore_settings()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._set_enabled(False)
        if data is not None:
            self.set_data(data)
        else:
            self.load_data(data_source)

    # Layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.controls = ControlPanel()
        self.metrics = MetricsPanel()
        self.weights = WeightsPanel()
        self.activations = ActivationsPanel()
        self.pad = DrawPad()
        self.preview = QLabel()
        self.preview.setFixedSize(28 * 4, 28 * 4)
        self.preview.setStyleSheet("background: black")
        self.preview.setToolTip("The 28x28 image the network actually receives: the drawing cropped, "
                                "scaled to fit 20x20 and centred by its centre of mass, as MNIST's digits were.")
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip("Clear the drawing (Delete or Escape).")
        self.test_index = QSpinBox()
        self.test_index.setRange(0, 9999)
        self.test_index.setToolTip("Show test image number N as the input.")
        self.test_index.setKeyboardTracking(False)
        self.random_button = QPushButton("Random")
        self.random_button.setToolTip("Show a random test image as the input.")
        self.test_label = QLabel("")

        controls_scroll = QScrollArea()
        controls_scroll.setWidget(self.controls)
        controls_scroll.setWidgetResizable(True)
        controls_scroll.setMinimumWidth(self.controls.sizeHint().width() + 16)
        controls_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.center = QSplitter(Qt.Orientation.Vertical)
        self.center.addWidget(self.metrics)
        self.center.addWidget(self.weights)
        self.center.setSizes([430, 330])

        side = QVBoxLayout()
        side.addWidget(self.preview)
        side.addWidget(QLabel("network input"))
        side.addStretch(1)
        side.addWidget(self.clear_button)
        pad_row = QHBoxLayout()
        pad_row.addWidget(self.pad, 1)
        pad_row.addLayout(side)
        browse = QHBoxLayout()
        browse.addWidget(QLabel("Test image"))
        browse.addWidget(self.test_index)
        browse.addWidget(self.random_button)
        browse.addWidget(self.test_label, 1)
        input_box = QGroupBox("Input: draw a digit, or pick a test image")
        input_layout = QVBoxLayout(input_box)
        input_layout.addLayout(pad_row, 1)
        input_layout.addLayout(browse)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(input_box)
        self.right.addWidget(self.activations)
        self.right.setSizes([360, 400])

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(controls_scroll)
        self.splitter.addWidget(self.center)
        self.splitter.addWidget(self.right)
        self.splitter.setSizes([controls_scroll.minimumWidth(), 560, 410])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        bar = self.statusBar()
        self.status = {k: QLabel() for k in ("state", "epoch", "step", "speed", "elapsed", "lr")}
        tips = {"state": "What training is doing.", "epoch": "Passes over the training set so far.",
                "step": "Mini-batch updates so far.", "speed": "Training images per second.",
                "elapsed": "Time spent training (evaluation excluded).", "lr": "The learning rate now."}
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        bar.addWidget(self.progress)
        for k, label in self.status.items():
            label.setToolTip(tips[k])
            label.setMinimumWidth(90)
            bar.addPermanentWidget(label)

        self.controls.start.clicked.connect(self.toggle_run)
        self.controls.step.clicked.connect(self.step_once)
        self.controls.step_epoch.clicked.connect(self.step_epoch)
        self.controls.reset.clicked.connect(self.reset)
        self.controls.dataset_button.clicked.connect(self.choose_dataset)
        self.controls.changed.connect(self._on_setting_changed)
        self.controls.speedChanged.connect(self.controller.worker.set_speed)
        self.pad.changed.connect(self._on_drawing)
        self.clear_button.clicked.connect(self.pad.clear)
        self.test_index.valueChanged.connect(self.show_test_image)
        self.random_button.clicked.connect(self._random_test_image)

    def _build_actions(self) -> None:
        def action(menu, text, shortcut, slot, tip):
            a = QAction(text, self)
            if shortcut:
                a.setShortcuts([QKeySequence(s) for s in shortcut])
            a.setStatusTip(tip)
            a.triggered.connect(slot)
            menu.addAction(a)
            self.addAction(a)
            return a

        file = self.menuBar().addMenu("&File")
        action(file, "&Open model...", ["Ctrl+O"], self.open_model, "Load a saved model (.npz)")
        action(file, "&Save model", ["Ctrl+S"], self.save_model, "Save the network and its history")
        action(file, "Save model &as...", ["Ctrl+Shift+S"], self.save_model_as, "Save to a new file")
        file.addSeparator()
        action(file, "Choose &dataset...", [], self.choose_dataset, "Train on another MNIST-format dataset")
        file.addSeparator()
        action(file, "&Quit", ["Ctrl+Q"], self.close, "Quit mlpviz")
        run = self.menuBar().addMenu("&Training")
        self.start_action = action(run, "Start / Pause", ["Space"], self.toggle_run, "Start or pause training")
        action(run, "Step one mini-batch", ["Right"], self.step_once, "Train on one mini-batch")
        action(run, "Step one epoch", ["Shift+Right"], self.step_epoch, "Train to the end of this epoch")
        action(run, "Reset", ["Ctrl+R"], self.reset, "Start again from fresh weights")
        view = self.menuBar().addMenu("&Input")
        action(view, "Clear drawing", ["Delete", "Escape"], self.pad.clear, "Clear the drawing pad")
        action(view, "Random test image", ["Ctrl+T"], self._random_test_image, "Show a random test image")
        help_menu = self.menuBar().addMenu("&Help")
        action(help_menu, "&About mlpviz", [], self._about, "What this is")

    def _set_enabled(self, on: bool) -> None:
        for w in (self.controls.start, self.controls.step, self.controls.step_epoch, self.controls.reset):
            w.setEnabled(on)

    # Data ----------------------------------------------------------------------------------

    def load_data(self, source: str | None) -> None:
        self.loader = DataLoader(self)
        self.loader.loaded.connect(self.set_data)
        self.loader.failed.connect(self._data_failed)
        self.progress.show()
        self.statusBar().showMessage(f"Loading {source or 'MNIST'}...")
        self.loader.start(source)

    def _data_failed(self, message: str) -> None:
        self.progress.hide()
        self.statusBar().clearMessage()
        self.notify("Cannot load the dataset", message)
        if self.data is None and self.data_source is not None:  # fall back to the bundled set
            self.data_source = None
            self.load_data(None)

    def set_data(self, data: Dataset) -> None:
        self.progress.hide()
        self.statusBar().showMessage(f"{data.name}: {len(data.y_train):,} training and "
                                     f"{len(data.y_test):,} test images", 5000)
        self.data = data
        self.controls.dataset.setText(f"{data.name} ({data.image_shape[0]}x{data.image_shape[1]})")
        self.controls.train_limit.blockSignals(True)  # a clamped value is not a user's edit
        self.controls.train_limit.setMaximum(len(data.y_train))
        self.controls.train_limit.blockSignals(False)
        self.test_index.setMaximum(len(data.y_test) - 1)
        self._set_enabled(True)
        self.new_run()
        self.show_test_image(self.test_index.value())

    def choose_dataset(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder of MNIST-format IDX files",
                                                  self.settings.value("last_folder", str(Path.home())))
        if folder and self.confirm_discard("Switch datasets"):
            self.settings.setValue("last_folder", folder)
            self.data_source = folder
            self.load_data(folder)

    # Runs ----------------------------------------------------------------------------------

    def new_run(self, trainer: Trainer | None = None, config: Config | None = None) -> bool:
        """Start a fresh run (paused) from the settings shown, or adopt a given trainer."""
        if self.data is None:
            return False
        try:
            if trainer is None:
                config = self.controls.config()
                data = self.data.limit_train(self.controls.train_limit.value())
                trainer = Trainer.from_config(config, data, evaluate_epochs=False,  # the worker does it
                                              train_eval_limit=TRAIN_EVAL_LIMIT)
        except USER_ERRORS as e:
            self.notify("Cannot use these settings", str(e))
            return False
        self.controller.pause_and_wait()
        self.trainer, self.config = trainer, config
        self.controller.worker.set_trainer(trainer, trainer.planned_steps(config))
        self.controller.worker.set_speed(self.controls.speed_value())
        self.dirty = False
        self.controls.note.setText("")
        self.metrics.clear()
        return True

    def toggle_run(self) -> None:
        if self.trainer is None:
            return
        if self.state == RUNNING:
            self.controller.worker.pause()
        else:
            self.controls.note.setText("")
            self.controller.worker.resume()

    def step_once(self) -> None:
        if self.trainer is not None:
            self.controller.worker.step(1)

    def step_epoch(self) -> None:
        if self.trainer is not None and self.latest is not None:
            spe = self.latest.steps_per_epoch
            self.controller.worker.step(spe - self.latest.step % spe)

    def reset(self) -> None:
        if self.confirm_discard("Reset"):
            self.new_run()

    def _on_setting_changed(self, name: str) -> None:
        if name == "lr":
            self.controller.worker.set_lr(self.controls.lr.value())
            if self.config is not None:
                self.config = self.config.replace(lr=self.controls.lr.value())
            return
        if name not in STRUCTURAL and name != "preset":
            return
        started = self.latest is not None and self.latest.step > 0
        if not started or self.confirm("Start a new network?",
                                       "This setting needs a new network: training so far will be "
                                       "discarded. Apply it now?"):
            if self.dirty and started:
                self.dirty = False  # the user just agreed to discard it
            self.new_run()
        elif self.config is not None:
            self.controls.set_config(self.config, len(self.trainer.data.y_train))

    def _on_state(self, state: str, message: str) -> None:
        self.state = state
        self.controls.start.setText("Pause" if state == RUNNING else "Start")
        if state == DIVERGED:
            self.controls.note.setText(f"Training stopped: {message}.")
            self.notify("Training diverged", f"Training stopped: {message}. Press Reset (Ctrl+R) to "
                        "start again, for example with a learning rate ten times smaller.")
        elif state == FINISHED:
            self.controls.note.setText(message[0].upper() + message[1:] + ".")
        if state == RUNNING:
            self.dirty = True

    # Snapshots -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Take the latest snapshot, if any, and update every view from it.

        Views are repainted every PLOT_INTERVAL at most: painting holds the
        interpreter lock, which the training thread needs between any two NumPy calls, so
        every repaint slows training. The mailbox keeps the loss points meanwhile.
        """
        now = time.monotonic()
        if now - self._last_plot < PLOT_INTERVAL:  # a lone step, after a quiet spell, shows at once
            return
        snap = self.controller.mailbox.take()
        if snap is None:
            return
        if self.latest is None or snap.run_id != self.latest.run_id:
            self.metrics.clear()
            self.weights.clear()
        self.latest = snap
        self._last_plot = now
        self.metrics.update_from(snap)
        self.weights.set_weights(snap.model.layers[0].W, self.data.image_shape)
        self._show_input()
        s = self.status
        s["state"].setText(snap.state)
        s["epoch"].setText(f"epoch {snap.epoch_progress:.2f}")
        s["step"].setText(f"step {snap.step:,}")
        s["speed"].setText(f"{snap.samples_per_second:,.0f} img/s")
        s["elapsed"].setText(f"{snap.train_seconds:.1f} s")
        s["lr"].setText(f"lr {snap.lr:.3g}")

    # Input ---------------------------------------------------------------------------------

    def _on_drawing(self) -> None:
        if self.pad.is_empty():
            self.input_x, self.input_source = None, "Draw a digit or pick a test image."
            self.preview.clear()
        else:
            try:
                x = prepare_digit(self.pad.pixels())
            except EmptyImage:
                x = None
            self.input_x = x
            self.input_source = "Your drawing"
            if x is not None:
                self.preview.setPixmap(QPixmap.fromImage(gray_image(x, 4)))
        self.test_label.setText("")
        self._show_input()

    def show_test_image(self, index: int) -> None:
        if self.data is None:
            return
        x = scale_images(self.data.x_test[index])
        shape = self.data.image_shape
        if shape == (28, 28):
            self.pad.set_digit(x.reshape(shape))
        self.input_x = x
        self.input_source = f"Test image {index} (label {self.data.y_test[index]})"
        self.test_label.setText(f"label: {self.data.y_test[index]}")
        self.preview.setPixmap(QPixmap.fromImage(gray_image(x.reshape(shape), 4)))
        self._show_input()

    def _random_test_image(self) -> None:
        if self.data is not None:
            self.test_index.setValue(int(np.random.default_rng().integers(len(self.data.y_test))))

    def _show_input(self) -> None:
        if self.latest is not None:
            self.activations.show(self.latest.model, self.input_x, self.input_source)

    def prediction(self) -> np.ndarray | None:
        """Probabilities for the current input under the latest weights."""
        if self.latest is None or self.input_x is None:
            return None
        return self.latest.model.predict_proba(self.input_x.reshape(1, -1))[0]

    # Model files ---------------------------------------------------------------------------

    def save_model(self) -> bool:
        if self.model_path is None:
            return self.save_model_as()
        return self._save(self.model_path)

    def save_model_as(self) -> bool:
        start = self.model_path or str(Path(self.settings.value("last_folder", str(Path.home()))) / "model.npz")
        path, _ = QFileDialog.getSaveFileName(self, "Save model", start, "Models (*.npz)")
        if not path:
            return False
        if not path.endswith(".npz"):
            path += ".npz"
        return self._save(path)

    def _save(self, path: str) -> bool:
        if self.trainer is None:
            return False
        if not self.controller.pause_and_wait():
            self.notify("Cannot save", "training did not pause in time; try again")
            return False
        try:
            checkpoint.save(path, checkpoint.of_trainer(self.trainer, self.config))
        except checkpoint.CheckpointError as e:
            self.notify("Cannot save the model", str(e))
            return False
        self.model_path = path
        self.dirty = False
        self.settings.setValue("last_folder", str(Path(path).parent))
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def open_model(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Open model", self.settings.value("last_folder", ""),
                                                  "Models (*.npz)")
        if not path or self.data is None or not self.confirm_discard("Open a model"):
            return False
        try:
            ckpt = checkpoint.load(path)
            data = self.data.limit_train(self.controls.train_limit.value())
            trainer, config = checkpoint.resume(ckpt, data, evaluate_epochs=False,
                                                train_eval_limit=TRAIN_EVAL_LIMIT)
        except USER_ERRORS as e:
            self.notify("Cannot open the model", str(e))
            return False
        self.controls.set_config(config, len(data.y_train))
        if not self.new_run(trainer, config):
            return False
        self.model_path = path
        self.settings.setValue("last_folder", str(Path(path).parent))
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    # Dialogs -------------------------------------------------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def confirm_discard(self, what: str) -> bool:
        """True if there is no unsaved training, or the user agrees to lose it (or saves it)."""
        if not self.dirty:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, what, "The network has trained since it was last "
                          "saved. Save it first?", QMessageBox.StandardButton.Save |
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save_model()
        return answer == QMessageBox.StandardButton.Discard

    def notify(self, title: str, text: str) -> None:
        """Tell the user something went wrong, without blocking the event loop."""
        self.statusBar().showMessage(f"{title}: {text}", 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _about(self) -> None:
        QMessageBox.about(self, "About mlpviz", "mlpviz trains a multi-layer perceptron written in NumPy "
                          "on MNIST and shows what happens inside while it learns.")

    # Settings and closing ------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for name in ("splitter", "center", "right"):
            state = self.settings.value(name)
            if state is not None:
                getattr(self, name).restoreState(state)
        saved = self.settings.value("config")
        if saved:
            try:
                config = Config.from_dict(json.loads(saved))
                self.controls.set_config(config, int(self.settings.value("train_limit", 60000)))
            except (ValueError, TypeError):
                pass  # settings from another version: keep the defaults
        self.controls.speed.setValue(int(self.settings.value("speed", self.controls.speed.value())))

    def _save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        for name in ("splitter", "center", "right"):
            self.settings.setValue(name, getattr(self, name).saveState())
        try:
            self.settings.setValue("config", json.dumps(self.controls.config().to_dict()))
        except ConfigError:
            pass
        self.settings.setValue("train_limit", self.controls.train_limit.value())
        self.settings.setValue("speed", self.controls.speed.value())

    def closeEvent(self, event) -> None:
        if not self.confirm_discard("Quit"):
            event.ignore()
            return
        self.timer.stop()
        self.controller.shutdown()
        self._save_settings()
        event.accept()
