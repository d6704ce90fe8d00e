"""The main window: assembles the views around one session and routes the user's actions."""
from __future__ import annotations

import time

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..core import checkpoint
from ..core.config import PRESETS, Config
from ..core.data import Dataset
from ..core.errors import USER_ERRORS
from ..core.trainer import Trainer
from . import window_state
from .actions import build_menus, choose_dataset
from .data_loader import DataLoader
from .experiment_runner import ExperimentRunner
from .i18n import arg, translated
from .model_files import ModelFiles
from .session import Session
from .snapshot import DIVERGED, FAILED, FINISHED, PAUSED, RUNNING
from .views.activations import ActivationsView
from .views.curves import CurvesView
from .views.data import DataView
from .views.dynamics import DynamicsView
from .views.edit import EditView
from .views.evaluate import EvaluateView
from .views.hints import HintsBar
from .views.input import InputView
from .views.inside import InsideView
from .views.minibatch import MiniBatchView
from .views.runs import RunsView
from .views.status import StatusView
from .views.timeline import TimelineView
from .views.weights import WeightsView
from .widgets.controls import LIVE, ControlPanel
from .worker import POLL_MS, REPAINT_INTERVAL, TrainingController

TRAIN_EVAL_LIMIT = 10_000  # training images evaluated at each epoch end (the test set: all)


class MainWindow(QMainWindow):
    def __init__(self, data: Dataset | None = None, data_source: str | None = None,
                 settings: QSettings | None = None, model_path: str | None = None, preset: str | None = None):
        super().__init__()
        self.setMinimumSize(1024, 680)  # smaller, the plots and the pad no longer fit side by side
        self.settings = settings or QSettings("mlpviz", "mlpviz")
        self.session = Session(self)
        self.data_source = data_source
        self.trainer, self.config = None, None  # Trainer and Config of the run shown
        self.latest, self.state = None, PAUSED  # the latest snapshot, and what training does
        self._last_paint = 0.0
        self.last_notice = ""  # the latest problem reported, in full
        self._pending_model = model_path

        self.controller = TrainingController(self)
        self.controller.stateChanged.connect(self._on_state)
        self.controller.worker.rejected.connect(lambda why: self.notify(self.tr("Cannot use this value"), why))
        # However the app ends, the training thread ends first (a window needs an application).
        QApplication.instance().aboutToQuit.connect(self.controller.shutdown)
        self.files = ModelFiles(self)
        self._build()
        self.experiments = ExperimentRunner(self)
        build_menus(self)
        window_state.restore(self)
        if preset in PRESETS:
            self.controls.set_config(PRESETS[preset], self.controls.train_images())
        self.timer = QTimer(self, interval=POLL_MS, timeout=self.refresh)
        self.timer.start()
        self.controls.set_enabled(False)
        self.loader = DataLoader(self)
        self.loader.loaded.connect(self.set_data)
        self.loader.failed.connect(self._data_failed)
        if data is not None:
            self.set_data(data, data_source)
        else:
            self.load_data(data_source)

    def _build(self) -> None:
        s = self.session
        self.controls = ControlPanel()
        self.curves, self.weights = CurvesView(s), WeightsView(s)
        self.activations, self.input_view = ActivationsView(s), InputView(s)
        self.status = StatusView(s)
        controls_scroll = self.controls.in_scroll_area()
        self.center = QSplitter(Qt.Orientation.Vertical)
        self.center.addWidget(self.curves)
        self.center.addWidget(self.weights)
        self.center.setSizes([430, 330])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.center, self.tr("Training"))
        self.inside, self.minibatch, self.editor = InsideView(s), MiniBatchView(s), EditView(s)
        self.evaluate, self.dynamics, self.runs = EvaluateView(s), DynamicsView(s), RunsView(s)
        self.timeline, self.data_view = TimelineView(s), DataView(s)
        self.data_view.chooseData.connect(lambda folder: choose_dataset(self, folder))
        self.hints = HintsBar(s, lambda: self.config, busy=self.input_view.pad.is_drawing)
        self.hints.fixRequested.connect(self._apply_fix)
        for view, title in ((self.inside, self.tr("Inside the network")), (self.evaluate, self.tr("Evaluate")),
                            (self.dynamics, self.tr("Gradients and units")), (self.runs, self.tr("Runs side by side")),
                            (self.minibatch, self.tr("Mini-batch")), (self.editor, self.tr("Edit")),
                            (self.data_view, self.tr("Data"))):
            self.tabs.addTab(view, title)
        self.editor.pauseRequested.connect(lambda _: self.controller.pause_and_wait())
        self.editor.editsChanged.connect(lambda _: self._install_edits())
        self.inside.attribution.overlayChanged.connect(self.input_view.set_overlay)
        self.tabs.currentChanged.connect(  # the overlay explains what the Inside tab shows, only there
            lambda _: self.tabs.currentWidget() is self.inside or self.input_view.set_overlay(None))
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.input_view)
        self.right.addWidget(self.activations)
        self.right.setSizes([360, 400])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        middle = QWidget()  # the hints over the tabs
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.hints)
        self.center_split = QSplitter(Qt.Orientation.Vertical)  # the tabs over the timeline
        self.center_split.addWidget(self.tabs)
        self.center_split.addWidget(self.timeline)
        self.center_split.setSizes([640, 150])
        column.addWidget(self.center_split, 1)
        for w in (controls_scroll, middle, self.right):
            self.splitter.addWidget(w)
        self.splitter.setSizes([controls_scroll.minimumWidth(), 560, 410])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.statusBar().addPermanentWidget(self.status)

        c = self.controls
        c.bind(start=self.toggle_run, step=self.step_once, step_epoch=self.step_epoch, reset=self.reset)
        c.changed.connect(self._on_setting_changed)
        c.rejected.connect(lambda why: self.notify(self.tr("Cannot use this value"), why))
        # A lambda runs in the GUI thread: a queued call would wait for the worker's event loop, which
        # its training loop never returns to.
        c.speedChanged.connect(lambda sps: self.controller.worker.set_speed(sps))

    # Data ---------------------------------------------------------------------------------

    def load_data(self, source: str | None) -> None:
        self.statusBar().showMessage(arg(self.tr("Loading %1..."), source or "MNIST"))
        self.status.busy(True)
        self.loader.start(source)

    def _data_failed(self, message: str, source) -> None:
        self.status.busy(False)
        self.notify(self.tr("Cannot load the dataset"), message)
        if self.session.data is None and source is not None:  # fall back to the bundled set
            self.load_data(None)

    def set_data(self, data: Dataset, source=None) -> None:
        self.status.busy(False)
        self.statusBar().showMessage(arg(self.tr("%1: %2 training and %3 test images"),
            data.name, f"{len(data.y_train):,}", f"{len(data.y_test):,}"), 5000)
        self.data_source = source
        self.controls.set_dataset(data.name, data.image_shape, len(data.y_train))
        self.session.set_data(data)
        self.controls.set_enabled(True)
        self.new_run()
        if self._pending_model:
            path, self._pending_model = self._pending_model, None
            self.files.open(path, ask=False)

    @property
    def data(self) -> Dataset | None:
        return self.session.data

    # Runs ---------------------------------------------------------------------------------

    def new_run(self, trainer: Trainer | None = None, config: Config | None = None) -> bool:
        """Start a fresh run (paused) from the settings shown, or adopt a given trainer."""
        if self.data is None:
            return False
        try:
            if trainer is None:
                config = self.controls.config()
                data = self.data.limit_train(self.controls.train_images())
                trainer = Trainer.from_config(config, data, evaluate_epochs=False,  # the worker does it
                                              train_eval_limit=TRAIN_EVAL_LIMIT)
        except USER_ERRORS as e:
            self.notify(self.tr("Cannot use these settings"), translated(e))
            return False
        self.controller.pause_and_wait()
        self.trainer, self.config = trainer, config
        self.session.set_run_config(config, len(trainer.data.y_train))
        self.data_view.set_config(config)
        self.controller.worker.set_trainer(trainer, trainer.planned_steps(config))
        self.controller.worker.set_speed(self.controls.speed_value())
        self.files.new_network()
        self.controls.show_note("")
        return True

    def toggle_run(self) -> None:
        if self.trainer is None:
            return
        if self.state == RUNNING:
            self.controller.worker.pause()
        elif self.state == DIVERGED:
            self.controls.show_note(self.tr("This network has diverged: press Reset (Ctrl+R) to start again, "
                                            "with a smaller learning rate."))
        elif self.state == FAILED:
            self.controls.show_note(self.tr("Training stopped with an error: press Reset (Ctrl+R) to start again; "
                                            "Save (Ctrl+S) keeps the network as it was before the error."))
        else:
            if self.state == FINISHED and self.config.lr_decay != 1:
                self.controls.show_note(arg(self.tr("Training on past the planned length: the learning rate keeps "
                                                "shrinking by x%1 per epoch."), self.config.lr_decay))
            else:
                self.controls.show_note("")
            self.controller.worker.resume()

    def step_once(self) -> None:
        if self.trainer is not None and self.state not in (DIVERGED, FAILED):
            self.controller.worker.step(1)

    def step_epoch(self) -> None:
        if self.trainer is not None and self.state not in (DIVERGED, FAILED):
            self.controller.worker.step_epoch()

    def reset(self) -> None:
        if self.confirm_discard(self.tr("Reset")):
            self.new_run()

    def _on_setting_changed(self, name: str) -> None:
        if name in LIVE and self.trainer is not None:  # the network trains on with it, from the next step
            self.config = self.controls.config()
            self.controller.worker.change(name, getattr(self.config, name))
            return
        if self.confirm_discard(self.tr("Start a new network")):
            self.new_run()
        elif self.config is not None:  # the user kept the network: the form shows it again
            self.controls.set_config(self.config, len(self.trainer.data.y_train))

    def _on_state(self, state: str, message: str) -> None:
        self.state = state
        self.controls.set_running(state == RUNNING)
        if state == DIVERGED:
            self.controls.show_note(arg(self.tr("Training stopped: %1."), message))
            self.notify(self.tr("Training diverged"), message[:1].upper() + message[1:] + ".")  # it says what to try
        elif state == FINISHED:
            self.controls.show_note(arg(self.tr("Finished the planned %1 steps; Start continues training."), message))
        elif state == FAILED:
            self.controls.show_note(arg(self.tr("Training stopped: %1."), message))
            self.notify(self.tr("Training failed"), arg(self.tr("%1. Save (Ctrl+S) writes that network; "
                                                                "Reset (Ctrl+R) starts a new one."),
                                                        message[:1].upper() + message[1:]))

    # Snapshots ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Hand the latest snapshot to the views, at most every REPAINT_INTERVAL (the mailbox
        keeps every per-step point meanwhile)."""
        now = time.monotonic()
        if now - self._last_paint < REPAINT_INTERVAL:  # a lone step, after a quiet spell, shows at once
            return
        snap = self.controller.mailbox.take()
        if snap is None:
            return
        self._last_paint = now
        self.latest = snap
        self.session.publish(snap)
        self.controls.show_lr(snap.lr)
        self.files.update_title()

    def _apply_fix(self, changes: dict, reset: bool) -> None:
        """A hint's one-click fix: its settings in the form, then a new network if it needs one."""
        config = self.config.replace(**changes)
        self.controls.set_config(config, len(self.trainer.data.y_train))
        if reset:
            self._on_setting_changed("preset")  # the same path as any setting that needs a new network
        else:
            self.config = config
            for name, value in changes.items():
                self.controller.worker.change(name, value)

    def _install_edits(self) -> None:
        """The edited network becomes the one that trains (and is saved)."""
        if (self.trainer is None or self.editor.edited is None or self.state == FAILED  # nothing trains it
                or not self.controller.pause_and_wait()):
            return
        try:  # the checks a model file passes, the optimizer state that trains on with it included
            checkpoint.install(self.trainer, self.editor.edited)
        except USER_ERRORS as e:
            self.notify(self.tr("Cannot train the edited network"), translated(e))
            return
        self.files.mark_edited()
        self.controller.worker.publish_now()

    # Dialogs ------------------------------------------------------------------------------

    def confirm_discard(self, what: str) -> bool:
        """True if nothing unsaved would be lost, or the user saves it or agrees to lose it."""
        return self.files.confirm_discard(what)

    def notify(self, title: str, text: str) -> None:
        """Tell the user something went wrong, without blocking the event loop."""
        from PySide6.QtWidgets import QMessageBox
        self.last_notice = f"{title}: {text}"
        short = text if len(text) <= 100 else text[:99] + "…"  # the status bar is one line: all of it is in the box
        self.statusBar().showMessage(f"{title}: {short}", 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def closeEvent(self, event) -> None:
        if not self.confirm_discard(self.tr("Quit")):
            event.ignore()
            return
        self.timer.stop()
        self.session.jobs.shutdown()  # every view's background jobs end before the window does
        self.controller.shutdown()
        window_state.save(self)
        event.accept()
