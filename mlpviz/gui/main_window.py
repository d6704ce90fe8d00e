"""The main window: assembles the views around one session and routes the user's actions."""
from __future__ import annotations

import time

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..core.config import PRESETS
from ..core.data import Dataset
from .actions import Commands, build_menus, choose_dataset
from .check_dialog import show_check_dialog
from .data_loader import DataLoader
from .experiment_runner import ExperimentRunner
from .i18n import arg
from .lesson_panel import LessonPanel
from .model_files import ModelFiles
from .run import Run
from .run_control import RunControl
from .session import Session
from .views.activations import ActivationsView
from .views.backprop import BackpropView
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
from .widgets.controls import ControlPanel
from .window_state import LAYOUT, WindowState
from .worker import POLL_MS, REPAINT_INTERVAL, TrainingController
from .zoom import Zoom


class MainWindow(QMainWindow):
    def __init__(self, data: Dataset | None = None, data_source: str | None = None,
                 settings: QSettings | None = None, model_path: str | None = None, preset: str | None = None,
                 lesson_path: str | None = None):
        super().__init__()
        self.setMinimumSize(1024, 680)  # smaller, the plots and the pad no longer fit side by side
        self.settings = settings or QSettings("mlpviz", "mlpviz")
        self.run = Run(self)  # the run shown: trainer, settings, state, file, history
        self.session = Session(self, self.run)
        self.session.spread = True
        self.data_source = data_source
        self._last_paint = 0.0
        self.last_notice = ""  # the latest problem reported, in full
        self._pending_model = model_path

        self.controller = TrainingController(self)
        self.controller.stateChanged.connect(self.run.set_state)
        self.controller.worker.rejected.connect(lambda why: self.notify(self.tr("Cannot use this value"), why))
        # However the app ends, the training thread and the views' jobs end first (a window needs
        # an application; a job still running would hold the process's exit up).
        QApplication.instance().aboutToQuit.connect(self.controller.shutdown)
        QApplication.instance().aboutToQuit.connect(self.session.jobs.shutdown)
        self._build()
        self.zoom = Zoom(self, self.settings)  # View > Zoom and presenter mode, remembered
        self.files = ModelFiles(self, self.commands, self.settings)
        self.experiments = ExperimentRunner(self.commands, self)
        self.lessons = LessonPanel(self, self.settings)
        iv, f = self.input_view, self.files
        self.whats_this_action = build_menus(self, Commands(
            f.open, f.save, f.save_as, self.switch_dataset, self.toggle_run, self.step_once, self.step_epoch,
            self.reset, self.experiments.start, iv.clear_drawing, iv.random_test_image,
            lambda: show_check_dialog(self, self.session.jobs, lambda: self.session.data), iv.save_drawing,
            lessons_menu=self.lessons.fill_menu),
            self.settings, self.controls.dataset_button, [self.controls, self.tabs], self.zoom)
        self.remembered = WindowState(self, self.settings, {name: getattr(self, name) for name in LAYOUT},
                                      self.controls, self.run, self.experiments.users_settings, self.zoom)
        self.remembered.restore()
        if preset in PRESETS:
            self.controls.set_config(PRESETS[preset], self.controls.train_images())
        if lesson_path:
            self.lessons.open_file(lesson_path)
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

    # The run's, read by scripts and tests that drive the window.
    trainer = property(lambda self: self.run.trainer)
    config = property(lambda self: self.run.config)
    state = property(lambda self: self.run.state)
    latest = property(lambda self: self.run.latest)

    def _build(self) -> None:
        s = self.session
        self.controls = ControlPanel()
        self.commands = cmd = RunControl(self.run, s, self.controller, self.controls, self.notify,
                                         lambda what: self.confirm_discard(what), self)
        # The commands, as the menus, the model files, the experiments and scripts reach them.
        self.new_run, self.toggle_run, self.reset = cmd.new_run, cmd.toggle_run, cmd.reset
        self.step_once, self.step_epoch = cmd.step_once, cmd.step_epoch
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
        cmd.adopted.connect(self.data_view.set_config)
        self.data_view.chooseData.connect(lambda folder: choose_dataset(self, self.settings, self.switch_dataset,
                                                                        folder))
        self.hints = HintsBar(s, lambda: self.run.config, busy=self.input_view.pad.is_drawing)
        self.hints.fixRequested.connect(cmd.apply_fix)
        self.backprop = BackpropView(s)
        # Short titles, the full names in their tooltips: nine tabs fit the tab bar of a 1280-pixel window.
        for view, title, name in (
                (self.inside, self.tr("Inside"), self.tr("Inside the network")),
                (self.backprop, self.tr("Backprop"), self.tr("Backpropagation")),
                (self.evaluate, self.tr("Evaluate"), ""),
                (self.dynamics, self.tr("Gradients"), self.tr("Gradients and units")),
                (self.runs, self.tr("Runs"), self.tr("Runs side by side")),
                (self.minibatch, self.tr("Mini-batch"), ""), (self.editor, self.tr("Edit"), ""),
                (self.data_view, self.tr("Data"), "")):
            self.tabs.setTabToolTip(self.tabs.addTab(view, title), name)
        self.tabs.tabBar().setStyleSheet("QTabBar::tab { padding: 4px 8px; }")
        self.editor.pauseRequested.connect(lambda _: self.controller.pause_and_wait())
        self.editor.editsChanged.connect(lambda _: cmd.install_edits(self.editor.edited))
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
        c.changed.connect(cmd.setting_changed)
        c.rejected.connect(lambda why: self.notify(self.tr("Cannot use this value"), why))
        # A lambda runs in the GUI thread: a queued call would wait for the worker's event loop, which
        # its training loop never returns to.
        c.speedChanged.connect(lambda sps: self.controller.worker.set_speed(sps))

    # Data ---------------------------------------------------------------------------------

    def switch_dataset(self, source: str | None) -> None:
        """Train on another dataset (a folder or .npz file; None: the bundled MNIST), once any
        unsaved network is saved or given up."""
        if self.confirm_discard(self.tr("Switch datasets")):
            self.load_data(source)

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
        self.controls.set_data(data)  # its texts speak of digits or of classes
        self.session.set_data(data)
        self.controls.set_enabled(True)
        self.new_run()
        if self._pending_model:
            path, self._pending_model = self._pending_model, None
            self.files.open(path, ask=False)

    @property
    def data(self) -> Dataset | None:
        return self.session.data

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
        self.session.publish(snap)
        self.controls.show_lr(snap.lr)
        self.files.update_title()

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
        self.remembered.save()
        event.accept()
