"""Translated text: Qt's %1-style arguments for the strings that tr() returns."""
from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d+)")


def arg(text: str, *values) -> str:
    """Fill %1, %2, ... in a translated string (PySide's tr() returns a plain str, which has no
    QString.arg()); translators may reorder the numbers."""
    return _PLACE.sub(lambda m: str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values)
                      else m.group(0), text)
