"""Translated text: Qt's %1-style arguments for the strings that tr() returns."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_PLACE = re.compile(r"%(\d+)")


def arg(text: str, *values) -> str:
    """Fill %1, %2, ... in a translated string (PySide's tr() returns a plain str, which has no
    QString.arg()); translators may reorder the numbers."""
    return _PLACE.sub(lambda m: str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values)
                      else m.group(0), text)


# The activation functions' keys (Config.activation, MLP.activation.name) and their display names.
ACTIVATIONS = {"sigmoid": QT_TRANSLATE_NOOP("Activation", "sigmoid"), "tanh": QT_TRANSLATE_NOOP("Activation", "tanh"),
               "relu": QT_TRANSLATE_NOOP("Activation", "ReLU"),
               "leaky_relu": QT_TRANSLATE_NOOP("Activation", "leaky ReLU")}


def activation_label(key: str) -> str:
    """The activation function `key` as the user reads it."""
    return QCoreApplication.translate("Activation", ACTIVATIONS[key]) if key in ACTIVATIONS else key
