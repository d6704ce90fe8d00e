"""Model files: .npz holding W1, b1, W2, b2, ... and a JSON `config`, written atomically.

Layout (all plain arrays; loaded with allow_pickle=False, so a model file cannot run code):
  W1 (n_in, h1), b1 (h1,), ..., WL (h_{L-1}, n_out), bL (n_out,)
  config      0-d unicode array: JSON {"format": "mlpviz-model", "version": 1, "sizes": [...],
              "activation": ..., "loss": ..., "image_shape": [28, 28], "training": {...}}
  optim/NAME  optimizer state (optional)
  history/loss, history/epochs  per-step losses, per-epoch rows (optional)
  history/gradient_norms, history/inactive_fraction  (epochs, layers): per-epoch means of the
              per-step statistics, NaN where unknown (optional)
"""
from __future__ import annotations

import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .augment import Augmenter
from .config import Config, ConfigError
from .data import Dataset
from .layers import ACTIVATIONS, Dense
from .losses import LOSSES
from .model import MLP
from .optim import make_optimizer
from .trainer import EpochRecord, Trainer, check_input_size, planned_epochs

FORMAT = "mlpviz-model"
VERSION = 1
EPOCH_COLUMNS = ("epoch", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
                 "train_seconds")
PER_EPOCH = ("gradient_norms", "inactive_fraction")  # per-layer rows beside history/epochs


class CheckpointError(ValueError):
    """A model file that cannot be read or written; the message names it and says why."""


@dataclass
class Checkpoint:
    """What a model file holds besides the weights."""

    model: MLP
    image_shape: tuple[int, int] = (28, 28)
    training: dict = field(default_factory=dict)  # the run's Config.to_dict(), if known
    optimizer_state: dict[str, np.ndarray] = field(default_factory=dict)
    losses: np.ndarray | None = None  # (steps,)
    epochs: np.ndarray | None = None  # (epochs, len(EPOCH_COLUMNS))
    gradient_norms: np.ndarray | None = None  # (epochs, layers)
    inactive_fraction: np.ndarray | None = None  # (epochs, layers)


def save(path: str | Path, ckpt: Checkpoint) -> None:
    """Write ckpt to path atomically: a temporary file in the same folder, then a rename, so a
    failure at any point leaves any previous file at path untouched."""
    path = Path(path)
    model = ckpt.model
    if not model.weights_finite():  # load() would refuse the file: better not to write it
        raise CheckpointError(f"{path}: not saved: the network's weights hold NaN or infinite values "
                              "(its training diverged)")
    config = {"format": FORMAT, "version": VERSION, "sizes": list(model.sizes),
              "activation": model.activation.name, "loss": model.loss.name,
              "dtype": str(model.dtype), "image_shape": list(ckpt.image_shape),
              "training": ckpt.training}
    arrays: dict[str, np.ndarray] = {"config": np.array(json.dumps(config))}
    for i, layer in enumerate(model.layers, 1):
        arrays[f"W{i}"], arrays[f"b{i}"] = layer.W, layer.b
    for k, v in ckpt.optimizer_state.items():
        arrays[f"optim/{k}"] = np.asarray(v)
    if ckpt.losses is not None:
        arrays["history/loss"] = np.asarray(ckpt.losses, np.float32)
    if ckpt.epochs is not None:
        arrays["history/epochs"] = np.asarray(ckpt.epochs, np.float64)
    for name in PER_EPOCH:
        if getattr(ckpt, name) is not None:
            arrays[f"history/{name}"] = np.asarray(getattr(ckpt, name), np.float64)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a model file is not secret
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        raise CheckpointError(f"{path}: cannot save ({e.strerror or e}); "
                              "any previous file there is unchanged") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def load(path: str | Path) -> Checkpoint:
    """Read and validate a model file; raise CheckpointError saying what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"{path}: file not found")
    if not zipfile.is_zipfile(path):
        raise CheckpointError(f"{path}: not a model file (.npz): it is not a zip archive")
    try:
        with np.load(path, allow_pickle=False) as f:
            arrays = {k: f[k] for k in f.files}
    except ValueError as e:
        if "pickle" in str(e):
            raise CheckpointError(f"{path}: refused: it holds pickled Python objects, which "
                                  "could run code when loaded") from None
        raise CheckpointError(f"{path}: unreadable ({e})") from None
    except Exception as e:  # bad zip members, truncated data, CRC errors
        raise CheckpointError(f"{path}: corrupt or truncated ({e})") from None
    return _from_arrays(path, arrays)


def _from_arrays(path: Path, arrays: dict[str, np.ndarray]) -> Checkpoint:
    def bad(msg: str) -> CheckpointError:
        return CheckpointError(f"{path}: {msg}")

    if "config" not in arrays:
        raise bad("no `config` entry: not an mlpviz model file")
    try:
        config = json.loads(str(arrays["config"]))
    except json.JSONDecodeError as e:
        raise bad(f"`config` is not valid JSON ({e})") from None
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise bad("`config` does not describe an mlpviz model")
    if config.get("version") != VERSION:
        raise bad(f"model format version {config.get('version')!r} is not supported (this is {VERSION})")
    act, loss = config.get("activation"), config.get("loss")
    if act not in ACTIVATIONS:
        raise bad(f"unknown activation {act!r}")
    if loss not in LOSSES:
        raise bad(f"unknown loss {loss!r}")
    sizes = config.get("sizes")
    if not (isinstance(sizes, list) and len(sizes) >= 2
            and all(isinstance(s, int) and s > 0 for s in sizes)):
        raise bad(f"`sizes` must list at least two positive layer sizes, got {sizes!r}")
    n = len(sizes) - 1
    expected = {f"{k}{i}" for i in range(1, n + 1) for k in "Wb"}
    weights = {k for k in arrays if k[:1] in "Wb" and k[1:].isdigit()}
    if weights != expected:
        missing, extra = sorted(expected - weights), sorted(weights - expected)
        raise bad("weights do not match `sizes`" + (f"; missing {', '.join(missing)}" if missing else "")
                  + (f"; unexpected {', '.join(extra)}" if extra else ""))
    layers = []
    for i in range(1, n + 1):
        W, b = arrays[f"W{i}"], arrays[f"b{i}"]
        if W.shape != (sizes[i - 1], sizes[i]) or b.shape != (sizes[i],):
            raise bad(f"W{i} {W.shape} and b{i} {b.shape} do not chain as sizes "
                      f"{sizes[i - 1]} -> {sizes[i]}")
        if W.dtype not in (np.float32, np.float64) or b.dtype != W.dtype:
            raise bad(f"W{i}/b{i} must be float32 or float64, got {W.dtype}/{b.dtype}")
        if not (np.isfinite(W).all() and np.isfinite(b).all()):
            raise bad(f"W{i} or b{i} holds NaN or infinite values")
        layers.append(Dense(np.array(W), np.array(b)))
    if len({layer.W.dtype for layer in layers}) > 1:
        raise bad("layers mix float32 and float64")
    shape = config.get("image_shape", [28, 28])
    if not (isinstance(shape, list) and len(shape) == 2 and shape[0] * shape[1] == sizes[0]):
        raise bad(f"image_shape {shape!r} does not match {sizes[0]} inputs")
    epochs = arrays.get("history/epochs")
    if epochs is not None and (epochs.ndim != 2 or epochs.shape[1] != len(EPOCH_COLUMNS)):
        raise bad(f"history/epochs has shape {epochs.shape}, expected (n, {len(EPOCH_COLUMNS)})")
    per_epoch = {}
    for name in PER_EPOCH:
        rows = arrays.get(f"history/{name}")
        if rows is not None and epochs is None:
            raise bad(f"history/{name} is there but history/epochs is not")
        if rows is not None and rows.shape != (len(epochs), n):
            raise bad(f"history/{name} has shape {rows.shape}, expected ({len(epochs)}, {n})")
        per_epoch[name] = rows
    training = config.get("training") or {}
    return Checkpoint(MLP(layers, act, loss), (int(shape[0]), int(shape[1])),
                      training if isinstance(training, dict) else {},
                      {k[6:]: v for k, v in arrays.items() if k.startswith("optim/")},
                      arrays.get("history/loss"), epochs, **per_epoch)


def of_trainer(trainer: Trainer, config: Config | None = None) -> Checkpoint:
    """Everything worth saving about a run: weights, settings, optimizer state, history."""
    epochs = np.array([[getattr(r, c) for c in EPOCH_COLUMNS] for r in trainer.epochs],
                      np.float64).reshape(-1, len(EPOCH_COLUMNS))
    n = len(trainer.model.layers)
    per_epoch = {}
    for name in PER_EPOCH:
        rows = [getattr(r, name) for r in trainer.epochs]
        per_epoch[name] = None if all(r is None for r in rows) else np.array(
            [[np.nan] * n if r is None else r for r in rows], np.float64).reshape(-1, n)
    state = trainer.optimizer.state()
    if trainer.schedule != "none":  # the rate the schedule scales, besides the one in force
        state["base_lr"] = np.array(trainer.lr)
    return Checkpoint(trainer.model, trainer.data.image_shape, config.to_dict() if config else {},
                      state, trainer.losses.view().copy(), epochs, **per_epoch)


def config_of(ckpt: Checkpoint) -> Config:
    """The run's settings as saved, or settings matching the network if none were saved."""
    model = ckpt.model
    try:
        config = Config.from_dict(ckpt.training)
    except (ConfigError, TypeError):
        config = Config()
    return config.replace(hidden=model.sizes[1:-1], activation=model.activation.name,
                          loss=model.loss.name, dtype=str(model.dtype))


def resume(ckpt: Checkpoint, data: Dataset, **trainer_options) -> tuple[Trainer, Config]:
    """A Trainer that continues the saved run on data, with its optimizer state and history."""
    model = ckpt.model
    check_input_size(model, data)  # before the optimizer state is fitted to the weights
    config = config_of(ckpt)
    optimizer = make_optimizer(config.optimizer, config.lr, config.momentum, config.weight_decay)
    optimizer.load_state(ckpt.optimizer_state, model.params)
    if "base_lr" in ckpt.optimizer_state and config.schedule != "none":
        optimizer.lr = float(ckpt.optimizer_state["base_lr"])
    trainer = Trainer(model, optimizer, data, config.batch_size, config.seed, lr_decay=config.lr_decay,
                      shift=config.shift, dropout=config.dropout, schedule=config.schedule,
                      schedule_epochs=planned_epochs(config, len(data.y_train)),
                      augmenter=Augmenter.from_config(config, data.image_shape, data.x_train), **trainer_options)
    records = [] if ckpt.epochs is None else [
        EpochRecord(int(r[0]), int(r[1]), *map(float, r[2:]),
                    *(_row(getattr(ckpt, name), i) for name in PER_EPOCH))
        for i, r in enumerate(ckpt.epochs)]
    trainer.restore_history(ckpt.losses, records)
    return trainer, config


def _row(rows: np.ndarray | None, i: int) -> tuple[float, ...] | None:
    """Row i of a per-epoch, per-layer history as a tuple; None if unknown (absent or NaN)."""
    if rows is None or np.isnan(rows[i]).all():
        return None
    return tuple(float(v) for v in rows[i])
