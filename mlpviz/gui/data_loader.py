"""Loading a dataset without freezing the window."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from ..core.data import DataError, load_dataset
from .i18n import translated


class DataLoader(QObject):
    """Loads a dataset on a plain Python thread and reports back through queued signals."""

    loaded = Signal(object, object)  # Dataset, the source it came from (None: bundled MNIST)
    failed = Signal(str, object)  # message, source

    def start(self, source: str | None) -> None:
        threading.Thread(target=self._load, args=(source,), daemon=True, name="mlpviz-data").start()

    def _load(self, source: str | None) -> None:
        try:
            self.loaded.emit(load_dataset(source), source)
        except DataError as e:
            self.failed.emit(translated(e), source)
