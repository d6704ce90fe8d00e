"""Digits or classes: the views speak of digits while the network learns MNIST's digits 0-9, and of
classes while it learns ten classes of anything else (Fashion-MNIST's clothes, ...).

Dataset.digits tells which (from the data's name). Each text is written twice, whole, in tr():
`digits_or_classes(data, self.tr("Draw a digit or pick a test image."), self.tr("Pick a test image."))`,
so a translator sees two sentences, never a noun spliced into one. A view sets such texts again in
its set_data, and so follows a switch of dataset.
"""
from __future__ import annotations


def digits_or_classes(data, digit_text: str, class_text: str) -> str:
    """digit_text while `data` (a Dataset, or None before one is loaded: the bundled MNIST is
    coming) holds the digits 0-9; class_text for any other ten classes."""
    return digit_text if data is None or data.digits else class_text
