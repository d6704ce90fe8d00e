"""Model files: .npz holding W1, b1, W2, b2, ... and a JSON `config`, written atomically.

Layout (all plain arrays; loaded with allow_pickle=False, so a model file cannot run code):
  W1 (n_in, h1), b1 (h1,), ..., WL (h_{L-1}, n_out), bL (n_out,)
  config      0-d unicode array: JSON {"format": "mlpviz-model", "version": 1, "sizes": [...],
              "activation": ..., "loss": ..., "image_shape": [28, 28], "training": {...}}
  optim/NAME  optimizer state (optional)
  history/loss, history/epochs  per-step losses, per-epoch rows (optional)
  history/gradient_norms, history/inactive_fraction  (epochs, layers): per-epoch means of the
              per-step statistics, NaN where unknown (optional)
  history/epoch_knots  (k, 2): the epoch curve, rows of step and epoch from (0, 0) to the last
              step, to interpolate linearly between (optional; see history.epoch_knots)
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .augment import Augmenter
from .config import Config, ConfigError
from .data import NUM_CLASSES, Dataset
from .history import epoch_knots
from .layers import ACTIVATIONS, Dense
from .losses import LOSSES
from .messages import QT_TRANSLATE_NOOP, Message
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


_MOMENT = re.compile(r"[mv](\d+)")  # Adam's m_i and v_i, momentum's v_i: one per parameter i
_SCALARS = {"t": 0.0, "lr": None, "base_lr": None}  # name: the least value allowed (None: above 0)


def _param_name(i: int) -> str:
    """The model file's name of parameter i of [W1, b1, W2, b2, ...]."""
    return f"{'Wb'[i % 2]}{i // 2 + 1}"


def check_network(params: list[np.ndarray], state: dict[str, np.ndarray]) -> None:
    """Raise CheckpointError unless the parameters [W1 (n_in, h1), b1 (h1,), ...] and the
    optimizer state that goes with them can train: every number finite, every moment array
    (m0, v0, ...) shaped as its parameter, Adam's m_i beside its v_i, and the scalars t (a count),
    lr and base_lr (positive rates) single numbers. The message names the array, not a file."""
    for i, p in enumerate(params):
        if not np.isfinite(p).all():
            raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "%1 holds NaN or infinite values")
                                  .arg(_param_name(i)))
    for name, a in state.items():
        a = np.asarray(a)  # a Checkpoint made in code may hold plain numbers
        if a.dtype.kind not in "biuf":
            raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "optimizer state %1 is not numbers (dtype %2)")
                                  .arg(name, a.dtype))
        if not np.isfinite(a).all():
            raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "optimizer state %1 holds NaN or infinite values")
                                  .arg(name))
        moment = _MOMENT.fullmatch(name)
        if moment:
            i = int(moment.group(1))
            if i >= len(params):
                raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "optimizer state %1 belongs to no parameter: "
                                                                      "the network has %2").arg(name, len(params)))
            if a.shape != params[i].shape:
                raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "optimizer state %1 has shape %2 but %3, the "
                                                                      "parameter it belongs to, has shape %4")
                                      .arg(name, a.shape, _param_name(i), params[i].shape))
            if name[0] == "m" and f"v{i}" not in state:
                raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "optimizer state %1 is there but v%2 is not")
                                      .arg(name, i))
        elif name in _SCALARS:
            shown = f"{a.item():g}" if a.size == 1 else np.array2string(a.ravel()[:4], separator=", ")
            if _SCALARS[name] is None and (a.size != 1 or a.item() <= 0):
                raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "optimizer state %1 must be a single number "
                                                                      "above 0, got %2").arg(name, shown))
            if _SCALARS[name] is not None and (a.size != 1 or a.item() < _SCALARS[name]
                                               or a.item() != int(a.item())):  # a count of steps
                raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "optimizer state %1 must be a whole number "
                                                                      "of at least 0, got %2").arg(name, shown))


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
    epoch_knots: np.ndarray | None = None  # (k, 2): step, epoch; see history.epoch_knots


def save(path: str | Path, ckpt: Checkpoint) -> None:
    """Write ckpt to path atomically: a temporary file in the same folder, then a rename, so a
    failure at any point leaves any previous file at path untouched."""
    path = Path(path)
    model = ckpt.model
    if not model.weights_finite():  # load() would refuse the file: better not to write it
        raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "%1: not saved: the network's weights hold NaN or "
                                                              "infinite values (its training diverged)").arg(path))
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
    if ckpt.epoch_knots is not None:
        arrays["history/epoch_knots"] = np.asarray(ckpt.epoch_knots, np.float64)
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
        raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "%1: cannot save (%2); any previous file there is "
                                                              "unchanged").arg(path, e.strerror or e)) from None
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
        raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "%1: file not found").arg(path))
    if not zipfile.is_zipfile(path):
        raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "%1: not a model file (.npz): it is not a zip "
                                                              "archive").arg(path))
    try:
        with np.load(path, allow_pickle=False) as f:
            arrays = {k: f[k] for k in f.files}
    except ValueError as e:
        if "pickle" in str(e):
            raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "%1: refused: it holds pickled Python objects, "
                                                                  "which could run code when loaded")
                                  .arg(path)) from None
        raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "%1: unreadable (%2)").arg(path, e)) from None
    except Exception as e:  # bad zip members, truncated data, CRC errors
        raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "%1: corrupt or truncated (%2)").arg(path, e)) from None
    return _from_arrays(path, arrays)


def _from_arrays(path: Path, arrays: dict[str, np.ndarray]) -> Checkpoint:
    def bad(template: Message, *args) -> CheckpointError:
        """The error for the file at path: template's %1 is the path, args fill %2 on."""
        return CheckpointError(template.arg(path, *args))

    if "config" not in arrays:
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: no `config` entry: not an mlpviz model file"))
    try:
        config = json.loads(str(arrays["config"]))
    except json.JSONDecodeError as e:
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: `config` is not valid JSON (%2)"), e) from None
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: `config` does not describe an mlpviz model"))
    if config.get("version") != VERSION:
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: model format version %2 is not supported (this is %3)"),
                  repr(config.get("version")), VERSION)
    act, loss = config.get("activation"), config.get("loss")
    if act not in ACTIVATIONS:
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: unknown activation %2"), repr(act))
    if loss not in LOSSES:
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: unknown loss %2"), repr(loss))
    sizes = config.get("sizes")
    if not (isinstance(sizes, list) and len(sizes) >= 2
            and all(isinstance(s, int) and s > 0 for s in sizes)):
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: `sizes` must list at least two positive layer sizes, "
                                                  "got %2"), repr(sizes))
    if sizes[-1] != NUM_CLASSES:  # the labels 0-9 of every dataset would fall outside its outputs
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: the network has %2 outputs; it needs one for each of the %3 "
                                                  "classes (labels 0-%4)"), sizes[-1], NUM_CLASSES, NUM_CLASSES - 1)
    n = len(sizes) - 1
    expected = {f"{k}{i}" for i in range(1, n + 1) for k in "Wb"}
    weights = {k for k in arrays if k[:1] in "Wb" and k[1:].isdigit()}
    if weights != expected:
        missing, extra = ", ".join(sorted(expected - weights)), ", ".join(sorted(weights - expected))
        if missing and extra:
            raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: weights do not match `sizes`; missing %2; "
                                                      "unexpected %3"), missing, extra)
        if missing:
            raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: weights do not match `sizes`; missing %2"), missing)
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: weights do not match `sizes`; unexpected %2"), extra)
    layers = []
    for i in range(1, n + 1):
        W, b = arrays[f"W{i}"], arrays[f"b{i}"]
        if W.shape != (sizes[i - 1], sizes[i]) or b.shape != (sizes[i],):
            raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: W%2 %3 and b%2 %4 do not chain as sizes %5 -> %6"),
                      i, W.shape, b.shape, sizes[i - 1], sizes[i])
        if W.dtype not in (np.float32, np.float64) or b.dtype != W.dtype:
            raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: W%2/b%2 must be float32 or float64, got %3/%4"),
                      i, W.dtype, b.dtype)
        if not (np.isfinite(W).all() and np.isfinite(b).all()):
            raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: W%2 or b%2 holds NaN or infinite values"), i)
        layers.append(Dense(np.array(W), np.array(b)))
    if len({layer.W.dtype for layer in layers}) > 1:
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: layers mix float32 and float64"))
    shape = config.get("image_shape", [28, 28])
    if not (isinstance(shape, list) and len(shape) == 2 and shape[0] * shape[1] == sizes[0]):
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: image_shape %2 does not match %3 inputs"),
                  repr(shape), sizes[0])
    epochs = arrays.get("history/epochs")
    if epochs is not None and (epochs.ndim != 2 or epochs.shape[1] != len(EPOCH_COLUMNS)):
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: history/epochs has shape %2, expected (n, %3)"),
                  epochs.shape, len(EPOCH_COLUMNS))
    per_epoch = {}
    for name in PER_EPOCH:
        rows = arrays.get(f"history/{name}")
        if rows is not None and epochs is None:
            raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: history/%2 is there but history/epochs is not"), name)
        if rows is not None and rows.shape != (len(epochs), n):
            raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: history/%2 has shape %3, expected (%4, %5)"),
                      name, rows.shape, len(epochs), n)
        per_epoch[name] = rows
    losses = arrays.get("history/loss")
    if losses is not None and (losses.ndim != 1 or losses.dtype.kind not in "biuf"):
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: history/loss must be one number per step, got %2 of %3"),
                  losses.shape, losses.dtype)
    knots = arrays.get("history/epoch_knots")
    if knots is not None:
        _check_knots(bad, knots, losses)
    model = MLP(layers, act, loss)
    state = {k[6:]: v for k, v in arrays.items() if k.startswith("optim/")}
    try:
        check_network(model.params, state)
    except CheckpointError as e:
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: %2"), e.args[0]) from None
    training = config.get("training") or {}
    return Checkpoint(model, (int(shape[0]), int(shape[1])),
                      training if isinstance(training, dict) else {}, state, losses, epochs, **per_epoch,
                      epoch_knots=knots)


def _check_knots(bad: Callable[..., CheckpointError], knots: np.ndarray, losses: np.ndarray | None) -> None:
    """Raise bad(...) unless knots (k, 2) is an epoch curve for the steps of losses: finite, from
    step 0 at epoch 0 to the last step, steps whole and rising, epochs never falling."""
    if losses is None:
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: history/epoch_knots is there but history/loss is not"))
    if knots.ndim != 2 or knots.shape[1] != 2 or not len(knots) or knots.dtype.kind not in "biuf":
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: history/epoch_knots has shape %2 of %3, expected (n, 2) "
                                                  "numbers"), knots.shape, knots.dtype)
    if not np.isfinite(knots).all():
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: history/epoch_knots holds NaN or infinite values"))
    steps, epochs = knots[:, 0], knots[:, 1]
    if not (steps[0] == 0 and epochs[0] == 0 and steps[-1] == len(losses) and (steps == np.round(steps)).all()
            and (np.diff(steps) > 0).all() and (np.diff(epochs) >= 0).all()):
        raise bad(QT_TRANSLATE_NOOP("Checkpoint", "%1: history/epoch_knots must go from step 0 at epoch 0 to step "
                                                  "%2, the last in history/loss, with the steps rising and the "
                                                  "epochs never falling"), len(losses))


def of_trainer(trainer: Trainer, config: Config | None = None, model: MLP | None = None,
               step: int | None = None) -> Checkpoint:
    """Everything worth saving about a run: weights, settings, optimizer state, history.

    model, step: an earlier copy of the network and the step it was taken after, saved instead of
    the trainer's own (which a step that failed halfway may have left half updated), with the
    history up to that step and without the optimizer state, which belongs to later steps."""
    earlier = model is not None
    if not earlier:
        model, step = trainer.model, trainer.step_count
    records = [r for r in trainer.epochs if r.step <= step]
    epochs = np.array([[getattr(r, c) for c in EPOCH_COLUMNS] for r in records],
                      np.float64).reshape(-1, len(EPOCH_COLUMNS))
    n = len(model.layers)
    per_epoch = {}
    for name in PER_EPOCH:
        rows = [getattr(r, name) for r in records]
        per_epoch[name] = None if all(r is None for r in rows) else np.array(
            [[np.nan] * n if r is None else r for r in rows], np.float64).reshape(-1, n)
    done = trainer.series["epoch"].view()[:step]
    knots = epoch_knots(done) if len(done) == step and np.isfinite(done).all() else None
    state = {} if earlier else trainer.optimizer.state()
    if trainer.schedule != "none" and not earlier:  # the rate the schedule scales, besides the one in force
        state["base_lr"] = np.array(trainer.lr)
    return Checkpoint(model, trainer.data.image_shape, config.to_dict() if config else {},
                      state, trainer.losses.view()[:step].copy(), epochs, **per_epoch, epoch_knots=knots)


def install(trainer: Trainer, model: MLP) -> None:
    """Make model's weights the ones trainer trains on, after the checks a model file passes:
    the same layer sizes, finite numbers, and the trainer's optimizer state fitting them."""
    if model.sizes != trainer.model.sizes:
        raise CheckpointError(QT_TRANSLATE_NOOP("Checkpoint", "the network has layer sizes %1, the run trains %2")
                              .arg(model.sizes, trainer.model.sizes))
    check_network(model.params, trainer.optimizer.state())
    for live, new in zip(trainer.model.params, model.params):
        live[...] = new


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
    check_network(model.params, ckpt.optimizer_state)  # a Checkpoint need not come from load()
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
    trainer.restore_history(ckpt.losses, records, ckpt.epoch_knots)
    return trainer, config


def _row(rows: np.ndarray | None, i: int) -> tuple[float, ...] | None:
    """Row i of a per-epoch, per-layer history as a tuple; None if unknown (absent or NaN)."""
    if rows is None or np.isnan(rows[i]).all():
        return None
    return tuple(float(v) for v in rows[i])
