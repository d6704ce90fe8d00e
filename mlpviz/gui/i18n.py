"""Translated text: Qt's %1-style arguments for the strings that tr() returns, and the core's Messages."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.messages import Message, fill


def arg(text: str, *values) -> str:
    """Fill %1, %2, ... in a translated string (PySide's tr() returns a plain str, which has no
    QString.arg()); translators may reorder the numbers. Values from the core (Messages, errors)
    go in translated."""
    return particles(fill(text, *map(translated, values)))


def translated(text) -> str:
    """Text from the core in the user's language: a Message's template translated in its context,
    then filled with its arguments (those that are Messages translated in turn). An exception whose
    one argument is a Message reads as that Message; anything else reads as str() gives it (an
    operating system's or Python's own words stay as they come)."""
    if isinstance(text, BaseException):
        text = text.args[0] if len(text.args) == 1 and isinstance(text.args[0], Message) else str(text)
    if not isinstance(text, Message):
        return str(text)
    return particles(fill(QCoreApplication.translate(text.context, text.template), *map(translated, text.args)))


# Korean particles after a filled-in value depend on how the value ends: "0.01로" but "3으로",
# "모델을" but "파일를" is wrong. Templates write both forms, "%1(으)로", "%1을(를)", and the
# right one is chosen here once the value is known.
_PARTICLES = {"(으)로": ("으로", "로"), "을(를)": ("을", "를"), "이(가)": ("이", "가"), "은(는)": ("은", "는"),
              "과(와)": ("과", "와")}
_PARTICLE = re.compile("(" + "|".join(map(re.escape, _PARTICLES)) + ")")
# The final consonant of each digit and Latin letter as Korean reads it aloud: 영 일 이 삼 사 오 육 칠 팔 구;
# 0 for none, 8 for ㄹ (the one final consonant that still takes 로), 1 for any other.
_DIGIT_FINAL = dict(zip("0123456789", (1, 8, 0, 1, 0, 0, 1, 8, 8, 0)))
_LATIN_FINAL = {**dict.fromkeys("lr", 8), **dict.fromkeys("mn", 1)}


def _final(before: str) -> int:
    """The final consonant of the last sounded character of `before` (see _DIGIT_FINAL)."""
    for ch in reversed(before.rstrip(" )]}\"'”’>")):
        if ch == "%":  # 퍼센트
            return 0
        if "가" <= ch <= "힣":
            jong = (ord(ch) - 0xAC00) % 28
            return 8 if jong == 8 else 1 if jong else 0
        if ch in _DIGIT_FINAL:
            return _DIGIT_FINAL[ch]
        if ch.isalpha():
            return _LATIN_FINAL.get(ch.lower(), 0)
        if ch not in ".,":
            return 0
    return 0


def particles(text: str) -> str:
    """Choose each Korean particle written with both forms by the word before it."""
    if "(" not in text:
        return text

    def choose(m: re.Match) -> str:
        final = _final(text[:m.start()])
        with_consonant, without = _PARTICLES[m.group(1)]
        if m.group(1) == "(으)로":
            return with_consonant if final == 1 else without
        return with_consonant if final else without

    return _PARTICLE.sub(choose, text)


# The activation functions' keys (Config.activation, MLP.activation.name) and their display names.
ACTIVATIONS = {"sigmoid": QT_TRANSLATE_NOOP("Activation", "sigmoid"), "tanh": QT_TRANSLATE_NOOP("Activation", "tanh"),
               "relu": QT_TRANSLATE_NOOP("Activation", "ReLU"),
               "leaky_relu": QT_TRANSLATE_NOOP("Activation", "leaky ReLU")}


def activation_label(key: str) -> str:
    """The activation function `key` as the user reads it."""
    return QCoreApplication.translate("Activation", ACTIVATIONS[key]) if key in ACTIVATIONS else key
