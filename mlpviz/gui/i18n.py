"""Translated text: Qt's %1-style arguments for the strings that tr() returns, and the core's Messages."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.messages import Message, fill


def arg(text: str, *values) -> str:
    """Fill %1, %2, ... in a translated string (PySide's tr() returns a plain str, which has no
    QString.arg()); translators may reorder the numbers. Values from the core (Messages, errors)
    go in translated."""
    return fill(text, *map(translated, values))


def translated(text) -> str:
    """Text from the core in the user's language: a Message's template translated in its context,
    then filled with its arguments (those that are Messages translated in turn). An exception whose
    one argument is a Message reads as that Message; anything else reads as str() gives it (an
    operating system's or Python's own words stay as they come)."""
    if isinstance(text, BaseException):
        text = text.args[0] if len(text.args) == 1 and isinstance(text.args[0], Message) else str(text)
    if not isinstance(text, Message):
        return str(text)
    return fill(QCoreApplication.translate(text.context, text.template), *map(translated, text.args))


# The activation functions' keys (Config.activation, MLP.activation.name) and their display names.
ACTIVATIONS = {"sigmoid": QT_TRANSLATE_NOOP("Activation", "sigmoid"), "tanh": QT_TRANSLATE_NOOP("Activation", "tanh"),
               "relu": QT_TRANSLATE_NOOP("Activation", "ReLU"),
               "leaky_relu": QT_TRANSLATE_NOOP("Activation", "leaky ReLU")}


def activation_label(key: str) -> str:
    """The activation function `key` as the user reads it."""
    return QCoreApplication.translate("Activation", ACTIVATIONS[key]) if key in ACTIVATIONS else key
