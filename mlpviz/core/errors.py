"""The errors a user can cause and fix: the CLI prints them on one line, the GUI in a message.

Anything else that escapes is a bug in mlpviz and deserves its traceback.
"""
from __future__ import annotations

from .checkpoint import CheckpointError
from .config import ConfigError
from .data import DataError
from .lessons import LessonError
from .preprocess import EmptyImage
from .trainer import Diverged


class ImageError(ValueError):
    """An image file that cannot be read; the message names it and says why.

    Defined here rather than beside the Qt image reader so that catching it loads no Qt.
    """


USER_ERRORS: tuple[type[Exception], ...] = (DataError, ConfigError, CheckpointError, EmptyImage, ImageError,
                                            Diverged, LessonError, OSError)
