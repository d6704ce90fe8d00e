"""What the window remembers between sessions: geometry, splitter sizes, settings, speed."""
from __future__ import annotations

import json

from ..core.config import Config

LAYOUT = ("splitter", "center", "right", "center_split")  # the window's splitters whose sizes are remembered


def restore(w) -> None:
    geometry = w.settings.value("geometry")
    if geometry is not None:
        w.restoreGeometry(geometry)
    else:
        w.resize(1280, 800)
    for name in LAYOUT:
        state = w.settings.value(name)
        if state is not None:
            getattr(w, name).restoreState(state)
    saved = w.settings.value("config")
    if saved:
        try:
            config = Config.from_dict(json.loads(saved))
            w.controls.set_config(config, int(w.settings.value("train_limit", 60000)))
        except (ValueError, TypeError):
            pass  # settings from another version, or values no longer allowed: keep the defaults
    w.controls.speed.setValue(int(w.settings.value("speed", w.controls.speed.value())))


def save(w) -> None:
    w.settings.setValue("geometry", w.saveGeometry())
    for name in LAYOUT:
        w.settings.setValue(name, getattr(w, name).saveState())
    if w.config is not None:  # the settings of the network trained, which were checked
        w.settings.setValue("config", json.dumps(w.config.to_dict()))
        w.settings.setValue("train_limit", len(w.trainer.data.y_train))
    w.settings.setValue("speed", w.controls.speed.value())
