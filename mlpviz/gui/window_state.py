"""What the window remembers between sessions: geometry, splitter sizes, settings, speed."""
from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from ..core.config import Config
from .i18n import arg
from .run import Run
from .widgets.controls import ControlPanel
from .zoom import Zoom

LAYOUT = ("splitter", "center", "right", "center_split")  # the window's splitters whose sizes are remembered
# A remembered network whose weights take more is not built at launch: 784-4096-4096-4096-10 (140 MB)
# started the app at 830 MB, with the copies the optimizer, the views and the timeline keep.
LAUNCH_LIMIT = 64 * 2**20


class WindowState:
    """Restores and saves a window's geometry, its splitters (named as in LAYOUT), the settings
    form and the speed, in `settings`. users_settings() gives the settings and training images to
    remember instead of the current run's (an experiment's run is not the user's), or None."""

    def __init__(self, window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter],
                 controls: ControlPanel, run: Run,
                 users_settings: Callable[[], tuple[Config | None, int] | None] = lambda: None,
                 zoom: Zoom | None = None):
        self.window, self.settings, self.splitters, self.controls, self.run = window, settings, splitters, controls, run
        self.users_settings, self.zoom = users_settings, zoom

    def restore(self) -> None:
        s, w = self.settings, self.window
        if self.zoom is not None:
            self.zoom.restore()
        geometry = s.value("geometry")
        if geometry is not None:
            w.restoreGeometry(geometry)
        else:
            w.resize(1280, 800)
        for name, splitter in self.splitters.items():
            state = s.value(name)
            if state is not None:
                splitter.restoreState(state)
        saved = s.value("config")
        if saved:
            try:
                config = Config.from_dict(json.loads(saved))
                if config.weight_bytes() > LAUNCH_LIMIT:
                    self._not_built(config)
                    config = config.replace(hidden=Config().hidden)
                self.controls.set_config(config, int(s.value("train_limit", 60000)))
            except (ValueError, TypeError):
                pass  # settings from another version, or values no longer allowed: keep the defaults
        self.controls.speed.setValue(int(s.value("speed", self.controls.speed.value())))

    def _not_built(self, config: Config) -> None:
        """Say why the form shows other hidden layers than the last session's, once the launch's
        network is adopted (adopting a network empties the form's note)."""
        text = arg(QCoreApplication.translate(
            "MainWindow", "The last session's network (hidden layers %1: %2 MB of weights) was not built at launch: "
                          "type its hidden layers again to train it."),
            ",".join(map(str, config.hidden)), f"{config.weight_bytes() / 2**20:,.0f}")

        def say(*_) -> None:
            self.run.stateChanged.disconnect(say)
            self.controls.show_note(text)

        self.run.stateChanged.connect(say)

    def save(self) -> None:
        s = self.settings
        # Presenter mode's full screen is not the window to open next time: the one before it is.
        s.setValue("geometry", self.zoom.saved_geometry() if self.zoom is not None else self.window.saveGeometry())
        for name, splitter in self.splitters.items():
            s.setValue(name, splitter.saveState())
        config, images = self.users_settings() or (self.run.config, self.run.train_images)
        if config is not None:  # the settings of the user's network trained, which were checked
            s.setValue("config", json.dumps(config.to_dict()))
            s.setValue("train_limit", images)
        s.setValue("speed", self.controls.speed.value())
