"""What the window remembers between sessions: geometry, splitter sizes, settings, speed."""
from __future__ import annotations

import json

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from ..core.config import Config
from .run import Run
from .widgets.controls import ControlPanel

LAYOUT = ("splitter", "center", "right", "center_split")  # the window's splitters whose sizes are remembered


class WindowState:
    """Restores and saves a window's geometry, its splitters (named as in LAYOUT), the settings
    form and the speed, in `settings`."""

    def __init__(self, window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter],
                 controls: ControlPanel, run: Run):
        self.window, self.settings, self.splitters, self.controls, self.run = window, settings, splitters, controls, run

    def restore(self) -> None:
        s, w = self.settings, self.window
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
                self.controls.set_config(config, int(s.value("train_limit", 60000)))
            except (ValueError, TypeError):
                pass  # settings from another version, or values no longer allowed: keep the defaults
        self.controls.speed.setValue(int(s.value("speed", self.controls.speed.value())))

    def save(self) -> None:
        s = self.settings
        s.setValue("geometry", self.window.saveGeometry())
        for name, splitter in self.splitters.items():
            s.setValue(name, splitter.saveState())
        if self.run.config is not None:  # the settings of the network trained, which were checked
            s.setValue("config", json.dumps(self.run.config.to_dict()))
            s.setValue("train_limit", self.run.train_images)
        s.setValue("speed", self.controls.speed.value())
