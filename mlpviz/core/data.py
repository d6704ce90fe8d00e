"""Datasets: IDX and Keras-style .npz parsing, validation, and the bundled MNIST.

Images stay uint8 in memory, flattened to (N, H*W); they are scaled to [0, 1] per batch.
"""
from __future__ import annotations

import gzip
import os
import re
import tempfile
import zlib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def bundled_resources() -> Path | Traversable:
    """The bundled data and assets: the package mlpviz.resources, wherever mlpviz is installed.

    The repository keeps them in its top-level resources/ folder, which the build installs as
    mlpviz.resources (setup.py), so neither the current folder nor the install layout matters.
    A plain folder for a normal or editable install, a Traversable inside a zip or wheel archive.
    """
    if os.environ.get("MLPVIZ_RESOURCES"):
        return Path(os.environ["MLPVIZ_RESOURCES"])
    try:
        return files("mlpviz.resources")
    except ModuleNotFoundError:
        # `python main.py` in a checkout that was never installed: the folder beside the package.
        return Path(__file__).resolve().parents[2] / "resources"


RESOURCES = bundled_resources()
MNIST_DIR = RESOURCES / "mnist"
NUM_CLASSES = 10
# The fewest training images a run may be limited to: ten of each digit on average. Fewer leave
# some digits with a handful of examples or none, and the run shows noise rather than learning.
MIN_TRAIN_IMAGES = 100
# A dataset's ten classes are the digits 0-9 when its name says MNIST and nothing else: "mnist" in
# the lowercased name, not right after a letter (EMNIST's letters, KMNIST's and notMNIST's
# characters, FashionMNIST's clothes), and no "fashion" in it (fashion-mnist, fashion_mnist). The
# bundled set (folder "mnist") and Keras's mnist.npz are digits; "mnist-small" too; any other name
# ("fashion", "data", "kmnist") is taken for ten classes of something else.
_DIGITS_NAME = re.compile(r"(?<![a-z])mnist")

_IDX_LABELS = 0x00000801  # uint8, 1 dimension
_IDX_IMAGES = 0x00000803  # uint8, 3 dimensions


class DataError(ValueError):
    """A data file or folder that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class Dataset:
    """Train/test split. x_*: (N, H*W) uint8, y_*: (N,) uint8 in [0, 10)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    image_shape: tuple[int, int]
    name: str

    @property
    def digits(self) -> bool:
        """Whether the ten classes are the digits 0-9 (MNIST's), told from the name: it says
        MNIST and nothing else (see _DIGITS_NAME). The views then speak of digits, else of classes."""
        name = self.name.lower()
        return bool(_DIGITS_NAME.search(name)) and "fashion" not in name

    @property
    def input_size(self) -> int:
        return self.image_shape[0] * self.image_shape[1]

    def limit_train(self, n: int | None) -> Dataset:
        """The same dataset with only the first n training images (None or n beyond the set: all);
        n below MIN_TRAIN_IMAGES is refused with DataError rather than raised to it."""
        if n is not None and n < MIN_TRAIN_IMAGES:
            raise DataError(QT_TRANSLATE_NOOP("Data", "use at least %1 training images, got %2")
                            .arg(MIN_TRAIN_IMAGES, n))
        if n is None or n >= len(self.y_train):
            return self
        return Dataset(self.x_train[:n], self.y_train[:n], self.x_test, self.y_test,
                       self.image_shape, self.name)


def scale_images(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """uint8 pixels (any shape) -> float in [0, 1]; writes into out when given."""
    if out is None:
        out = np.empty(x.shape, np.float32)
    return np.multiply(x, out.dtype.type(1 / 255), out=out)


def read_idx(path: str | Path) -> np.ndarray:
    """Parse one IDX file (gzip or plain) of unsigned bytes; returns its array."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: file not found").arg(path)) from None
    except OSError as e:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: cannot read (%2)").arg(path, e.strerror or e)) from None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as e:
            raise DataError(QT_TRANSLATE_NOOP("Data", "%1: corrupt or truncated gzip data (%2)").arg(path, e)) from None
    elif path.suffix == ".gz":
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: named .gz but is not gzip-compressed").arg(path))
    if len(raw) < 4:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: too short to be an IDX file (%2 bytes)").arg(path, len(raw)))
    magic = int.from_bytes(raw[:4], "big")
    if magic not in (_IDX_LABELS, _IDX_IMAGES):
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: not an IDX file of labels or images (magic number %2, "
                                          "expected %3 or %4)")
                        .arg(path, f"0x{magic:08x}", f"0x{_IDX_LABELS:08x}", f"0x{_IDX_IMAGES:08x}"))
    ndim = raw[3]
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: truncated header").arg(path))
    dims = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    expected = int(np.prod(dims, dtype=np.int64))
    payload = len(raw) - header
    if payload != expected:
        size = "x".join(map(str, dims))
        if payload < expected:
            raise DataError(QT_TRANSLATE_NOOP("Data", "%1: truncated: header says %2 = %3 bytes, file holds %4")
                            .arg(path, size, expected, payload))
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: has trailing bytes: header says %2 = %3 bytes, file holds %4")
                        .arg(path, size, expected, payload))
    return np.frombuffer(raw, np.uint8, offset=header).reshape(dims)


def _check_pair(images: np.ndarray, labels: np.ndarray, where: Message) -> None:
    if images.ndim != 3:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: images must be 3-D (count, rows, cols), got shape %2")
                        .arg(where, images.shape))
    if labels.ndim != 1:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: labels must be 1-D, got shape %2").arg(where, labels.shape))
    if len(images) != len(labels):
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: %2 images but %3 labels").arg(where, len(images), len(labels)))
    if len(labels) == 0:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: no images").arg(where))
    _check_labels(labels, where)


def _check_labels(labels: np.ndarray, where: Message) -> None:
    """Raise DataError naming the first label (N,) outside 0 to NUM_CLASSES - 1, if any."""
    outside = labels[(labels < 0) | (labels >= NUM_CLASSES)]
    if outside.size:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: label %2 out of range 0-%3")
                        .arg(where, int(outside[0]), NUM_CLASSES - 1))


def _assemble(train: tuple, test: tuple, name: str) -> Dataset:
    (xtr, ytr, wtr), (xte, yte, wte) = train, test
    _check_pair(xtr, ytr, wtr)
    _check_pair(xte, yte, wte)
    if xtr.shape[1:] != xte.shape[1:]:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: training images are %2x%3 but test images are %4x%5")
                        .arg(name, xtr.shape[1], xtr.shape[2], xte.shape[1], xte.shape[2]))
    shape = (int(xtr.shape[1]), int(xtr.shape[2]))
    flat = shape[0] * shape[1]
    return Dataset(np.ascontiguousarray(xtr).reshape(len(xtr), flat), np.ascontiguousarray(ytr),
                   np.ascontiguousarray(xte).reshape(len(xte), flat), np.ascontiguousarray(yte),
                   shape, name)


def _find(folder: Path, stems: tuple[str, ...]) -> Path:
    for stem in stems:
        for suffix in ("", ".gz"):
            for candidate in (folder / (stem + suffix), folder / (stem.replace("-idx", ".idx") + suffix)):
                if candidate.is_file():
                    return candidate
    raise DataError(QT_TRANSLATE_NOOP("Data", "%1: no %2[.gz] file in this folder").arg(folder, stems[0]))


def load_idx_folder(folder: str | Path) -> Dataset:
    """Load a folder holding the four MNIST-format IDX files (gzip or plain)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: folder not found").arg(folder))
    parts = []
    for split, stem in (("train", "train"), ("test", "t10k")):
        img_path = _find(folder, (f"{stem}-images-idx3-ubyte", f"{split}-images-idx3-ubyte"))
        lab_path = _find(folder, (f"{stem}-labels-idx1-ubyte", f"{split}-labels-idx1-ubyte"))
        images, labels = read_idx(img_path), read_idx(lab_path)
        if images.ndim != 3:
            raise DataError(QT_TRANSLATE_NOOP("Data", "%1: holds labels, not images").arg(img_path))
        if labels.ndim != 1:
            raise DataError(QT_TRANSLATE_NOOP("Data", "%1: holds images, not labels").arg(lab_path))
        where = QT_TRANSLATE_NOOP("Data", "%1 in %2").arg(f"{img_path.name} / {lab_path.name}", folder)
        parts.append((images, labels, where))
    return _assemble(parts[0], parts[1], folder.name)


def load_npz(path: str | Path) -> Dataset:
    """Load a Keras-style mnist.npz (x_train, y_train, x_test, y_test)."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as f:
            missing = [k for k in ("x_train", "y_train", "x_test", "y_test") if k not in f.files]
            if missing:
                raise DataError(QT_TRANSLATE_NOOP("Data", "%1: missing arrays %2").arg(path, ", ".join(missing)))
            arrays = {k: f[k] for k in ("x_train", "y_train", "x_test", "y_test")}
    except DataError:
        raise
    except FileNotFoundError:
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: file not found").arg(path)) from None
    except Exception as e:  # zipfile, pickle refusal, truncation: all one answer for the user
        raise DataError(QT_TRANSLATE_NOOP("Data", "%1: not a readable .npz file (%2)").arg(path, e)) from None
    where = QT_TRANSLATE_NOOP("Data", "%1 in %2")
    places = {"train": where.arg("x_train/y_train", path), "test": where.arg("x_test/y_test", path)}
    for k, a in arrays.items():
        if a.dtype != np.uint8:
            if not np.issubdtype(a.dtype, np.integer):
                raise DataError(QT_TRANSLATE_NOOP("Data", "%1: %2 has dtype %3, expected uint8").arg(path, k, a.dtype))
            if k.startswith("y_"):  # before the cast to uint8, which would turn a label of -1 into 255
                _check_labels(a, places[k[2:]])
            if a.size and (a.min() < 0 or a.max() > 255):
                raise DataError(QT_TRANSLATE_NOOP("Data", "%1: %2 has values outside 0-255").arg(path, k))
            arrays[k] = a.astype(np.uint8)
    return _assemble((arrays["x_train"], arrays["y_train"], places["train"]),
                     (arrays["x_test"], arrays["y_test"], places["test"]), path.stem)


def load_dataset(source: str | Path | None = None) -> Dataset:
    """The bundled MNIST (None), a folder of IDX files, or a .npz file."""
    if source is None:
        if not MNIST_DIR.is_dir():
            raise DataError(QT_TRANSLATE_NOOP("Data", "%1: the bundled MNIST is missing from this installation of "
                                              "mlpviz (reinstall it, or pass a data folder)").arg(MNIST_DIR))
        if isinstance(MNIST_DIR, Path):
            return load_idx_folder(MNIST_DIR)
        # Imported from a zip archive: its members are read through importlib.resources.
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "mnist"
            folder.mkdir()
            for member in MNIST_DIR.iterdir():
                (folder / member.name).write_bytes(member.read_bytes())
            return load_idx_folder(folder)
    source = Path(source)
    if source.is_dir():
        return load_idx_folder(source)
    if source.suffix == ".npz" or source.is_file():
        return load_npz(source)
    raise DataError(QT_TRANSLATE_NOOP("Data", "%1: no such folder or file").arg(source))
