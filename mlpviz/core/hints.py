"""Hints: rule-based checks on a run as it goes, each naming what looks wrong and one fix.

Every rule reads only a recent window of the run's history (at most WINDOW steps and the epoch
records, and the steps around each of the user's changes), so checking costs the same at step 100
and at step 100,000. Inputs:

  losses     per-step batch losses (S,), the whole run (rules slice the start and the end)
  epochs     the epoch records so far (EpochRecord, oldest first)
  config     the run's Config
  grad_norm  optional per-step ||dL/dW_l||, (S', L): one column per weight layer, layer 1 first
  inactive   optional per-step share of inactive units, (S', L) or (S', H): one column per layer
             (the hidden layers first; a last column for the output layer is ignored). A unit is
             inactive when a ReLU stayed at zero, or a sigmoid or tanh stayed saturated, on every
             recent example.
  changes    optional setting changes and edits of the run so far (SettingChange: step, name,
             value), oldest first; name "edit" for weights changed by hand at that step

A loss in trouble is put down to the learning rate unless it began right after one of the
user's own changes: then the hint names that change and its fix undoes it.

The rules are thresholds on those numbers; each threshold is a module constant with the reason
it has its value. A rule that lacks its input stays silent.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .config import SHORT_NAMES, Config, setting_text
from .losses import loss as make_loss
from .messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from .trainer import SettingChange

WINDOW = 1000  # the most steps of history any rule reads
# Steps averaged into one "block" before comparing levels: a mini-batch loss is noisy (a
# standard deviation of about 0.08 at a loss of 0.6 for the course's network), 50 steps bring
# that noise down about sevenfold, well below the changes the rules look for.
BLOCK = 50
MIN_STEPS_HIGH = 100  # before this, a loss above chance is merely the start of training
# Too high: the mean loss of the last block exceeds the loss of guessing every digit alike by
# 10%. A network that learns nothing sits at the chance loss; only steps that overshoot push
# it above (the course's network at learning rate 20 hovers near 2.8 against 2.30).
ABOVE_CHANCE = 1.10
# Too high: the loss rose. The last two blocks both lie above 1.3 times the lowest block of the
# window, and the last one above 1.5 times it; block noise in a healthy run is a few percent.
RISE_LAST, RISE_BOTH = 1.5, 1.3
# Too high: oscillating. Consecutive 20-step means differ on average by more than half their
# level, while the loss is still substantial (above a quarter of chance), where healthy noise of
# 20-step means is about 5% of the level.
OSC_BLOCK, OSC_RELATIVE, OSC_LEVEL = 20, 0.5, 0.25
# Too low: after MIN_STEPS_LOW steps the loss has fallen by under 3% from its start and is still
# within 10% of chance (and not above ABOVE_CHANCE times it, which is a rate too high). The
# course's network at learning rate 0.1 halves its loss within 500 steps; at 1e-5 it moves by
# under 0.1% in 1,000.
MIN_STEPS_LOW, FLAT_FRACTION, FLAT_NEAR_CHANCE = 500, 0.97, 0.90
START_STEPS = 20  # the loss "at the start": the mean of the first steps
# Overfitting: the train accuracy exceeds the test accuracy by at least 3 points at the last
# epoch, and the gap widened by at least half a point over the last three epochs (or the test
# loss rose twice in a row while the train loss fell). A network trained on all 60,000 images
# keeps the gap near one point for tens of epochs; on 1,000 it passes 10 points in a few.
MIN_EPOCHS, GAP, GAP_GROWTH = 3, 0.03, 0.005
# Dead ReLUs and saturated sigmoids: half of a hidden layer's units inactive, averaged over the
# last STAT_ROWS steps. A healthy layer has almost none; half is capacity visibly lost.
INACTIVE_SHARE, STAT_ROWS = 0.5, 20
# Vanishing gradients: the first layer's gradient norm under a thousandth of the last layer's
# (median of the last STAT_ROWS steps), in a network of at least three weight layers. Healthy
# networks stay within a factor of about 10 to 100; a deep sigmoid network started from
# N(0, 0.01^2) is many orders of magnitude apart.
VANISH_RATIO, VANISH_MIN_LAYERS = 1e-3, 3
# A change of the user's (SettingChange) explains a learning-rate finding when the loss was fine
# before it (no learning-rate rule fired on the steps up to it, and the last block had fallen
# below FLAT_NEAR_CHANCE of chance: the network had learned under the rate) and a rule fired
# within SOON steps after it. Dropout, an image shift or a pruned layer show within two blocks;
# ten leave room for a slower pull such as weight decay, while trouble that begins later is the
# run's own again.
SOON = 10 * BLOCK
LR_SETTINGS = ("lr", "schedule")  # changes whose trouble is the learning rate's own hint
EDIT = "edit"  # the name of a change that edited the weights by hand
# The value that switches a setting's effect off, the fix when the value before it is not known.
OFF = {"dropout": 0.0, "shift": 0, "weight_decay": 0.0}


@dataclass(frozen=True)
class Fix:
    """A one-click remedy: Config field changes, and whether the run must start again for them."""

    changes: dict = field(default_factory=dict)
    reset: bool = False


@dataclass(frozen=True)
class Hint:
    """One finding: key (stable, one per rule or per change blamed, so a dismissed hint stays
    dismissed), a short title, a sentence of explanation (both English Messages the GUI
    translates), and the fix (None when there is none to offer)."""

    key: str
    title: Message
    text: Message
    fix: Fix | None = None


def chance_loss(loss_name: str, n_classes: int = 10) -> float:
    """The loss of predicting every class with equal probability (ln 10 for cross-entropy)."""
    p = np.full((1, n_classes), 1.0 / n_classes)
    return float(make_loss(loss_name).value(p, np.zeros(1, np.intp)))


def nice(x: float) -> float:
    """x rounded to one significant digit (0.01, 0.5, 20), as a user would type it."""
    if x <= 0 or not math.isfinite(x):
        return x
    return float(f"{x:.0e}")


def _blocks(values: np.ndarray, size: int) -> np.ndarray:
    """Means of consecutive whole blocks of `size` values, the most recent block last."""
    n = len(values) // size * size
    return values[len(values) - n:].reshape(-1, size).mean(axis=1) if n else np.zeros(0)


def _lower_lr(config: Config, why: Message) -> Hint:
    lr = nice(config.lr / 10)
    return Hint("lr_high", QT_TRANSLATE_NOOP("Hints", "The learning rate looks too high"),
                QT_TRANSLATE_NOOP("Hints", "%1 Steps this large overshoot the minimum. Lower the learning rate to %2 "
                                           "and start again.").arg(why, f"{lr:g}"),
                Fix({"lr": lr}, reset=True))


def lr_too_high(losses: np.ndarray, config: Config) -> Hint | None:
    """Loss not finite, above chance, risen from its low, or oscillating, in the recent window."""
    recent = np.asarray(losses[-WINDOW:], np.float64)
    if len(recent) and not np.isfinite(recent[-BLOCK:]).all():
        return _lower_lr(config, QT_TRANSLATE_NOOP("Hints", "The loss is no longer a finite number."))
    if len(losses) < MIN_STEPS_HIGH:
        return None
    chance = chance_loss(config.loss)
    blocks = _blocks(recent, BLOCK)
    if len(blocks) and blocks[-1] > ABOVE_CHANCE * chance:
        return _lower_lr(config, QT_TRANSLATE_NOOP("Hints", "The loss (%1) is worse than guessing (%2).")
                         .arg(f"{blocks[-1]:.2f}", f"{chance:.2f}"))
    short = _blocks(recent[-10 * OSC_BLOCK:], OSC_BLOCK)
    if len(short) >= 5:
        level = short.mean()
        if level > OSC_LEVEL * chance and np.abs(np.diff(short)).mean() > OSC_RELATIVE * level:
            return _lower_lr(config, QT_TRANSLATE_NOOP("Hints", "The loss jumps up and down by more than half its "
                                                                "size."))
    if len(blocks) >= 3:
        low = blocks[:-2].min()
        if blocks[-1] > RISE_LAST * low and blocks[-2] > RISE_BOTH * low:
            return _lower_lr(config, QT_TRANSLATE_NOOP("Hints", "The loss rose from %1 to %2.")
                             .arg(f"{low:.2f}", f"{blocks[-1]:.2f}"))
    return None


def lr_too_low(losses: np.ndarray, config: Config) -> Hint | None:
    """Loss nearly where it started after MIN_STEPS_LOW steps, and near chance."""
    if len(losses) < MIN_STEPS_LOW:
        return None
    start = float(np.mean(losses[:START_STEPS]))
    now = float(np.mean(losses[-2 * BLOCK:]))
    if not (math.isfinite(start) and math.isfinite(now)):
        return None
    chance = chance_loss(config.loss)
    # Above chance is a rate too high, never too low: the two must not contradict each other.
    if FLAT_NEAR_CHANCE * chance <= now <= ABOVE_CHANCE * chance and now >= FLAT_FRACTION * start:
        lr = nice(config.lr * 10)
        return Hint("lr_low", QT_TRANSLATE_NOOP("Hints", "The learning rate looks too low"),
                    QT_TRANSLATE_NOOP("Hints", "After %1 steps the loss has barely moved (%2 to %3). Raise the "
                                               "learning rate to %4; the run can go on.")
                    .arg(len(losses), f"{start:.3f}", f"{now:.3f}", f"{lr:g}"),
                    Fix({"lr": lr}, reset=False))
    return None


def overfitting(epochs: Sequence, config: Config) -> Hint | None:
    """Train accuracy pulling away from test accuracy over the last epochs."""
    if len(epochs) < MIN_EPOCHS:
        return None
    last = epochs[-MIN_EPOCHS:]
    gaps = [e.train_accuracy - e.test_accuracy for e in last]
    widening = gaps[-1] >= gaps[0] + GAP_GROWTH
    test_up = last[-1].test_loss > last[-2].test_loss > last[-3].test_loss
    train_down = last[-1].train_loss < last[-3].train_loss
    if gaps[-1] < GAP or not (widening or (test_up and train_down)):
        return None
    if config.shift == 0:
        fix = Fix({"shift": 2}, reset=True)
        how = QT_TRANSLATE_NOOP("Hints", "train on images moved by up to 2 pixels and start again")
    else:
        wd = nice(max(config.weight_decay * 10, 1e-4))
        fix = Fix({"weight_decay": wd}, reset=True)
        how = QT_TRANSLATE_NOOP("Hints", "set weight decay to %1 and start again").arg(f"{wd:g}")
    return Hint("overfitting", QT_TRANSLATE_NOOP("Hints", "The network is memorising its training images"),
                QT_TRANSLATE_NOOP("Hints", "Train accuracy is %1 points above test accuracy and the gap keeps "
                                           "growing. More training images help most; otherwise %2.")
                .arg(f"{100 * gaps[-1]:.1f}", how), fix)


def _hidden_columns(stats: np.ndarray, config: Config) -> np.ndarray:
    """The rows' columns for the hidden layers (a last output-layer column dropped)."""
    return stats[:, :len(config.hidden)]


def _recent_share(inactive: np.ndarray, config: Config) -> np.ndarray:
    """Mean inactive share of each hidden layer over the last STAT_ROWS measured steps (NaN rows:
    steps not measured, such as those before an opened model's file was saved); all NaN if none."""
    rows = _hidden_columns(np.asarray(inactive, np.float64)[-STAT_ROWS:], config)
    rows = rows[np.isfinite(rows).all(axis=1)]
    return rows.mean(axis=0) if len(rows) else np.full(rows.shape[1], np.nan)


def dead_relus(inactive: np.ndarray | None, config: Config) -> Hint | None:
    """Half or more of a ReLU layer's units never active lately."""
    if inactive is None or config.activation != "relu" or not config.hidden or len(inactive) == 0:
        return None
    share = _recent_share(inactive, config)
    worst = int(np.nanargmax(share)) if np.isfinite(share).any() else 0
    if not share[worst] >= INACTIVE_SHARE:
        return None
    return Hint("dead_relu", QT_TRANSLATE_NOOP("Hints", "Many ReLU units have died"),
                QT_TRANSLATE_NOOP("Hints", "%1% of hidden layer %2's units output zero for every image, so they no "
                                           "longer learn. Leaky ReLU keeps a small slope below zero; switch to it "
                                           "and start again.").arg(f"{100 * share[worst]:.0f}", worst + 1),
                Fix({"activation": "leaky_relu"}, reset=True))


def saturated_sigmoids(inactive: np.ndarray | None, config: Config) -> Hint | None:
    """Half or more of a sigmoid or tanh layer's units stuck at the flat ends of the curve."""
    if inactive is None or config.activation not in ("sigmoid", "tanh") or not config.hidden or len(inactive) == 0:
        return None
    share = _recent_share(inactive, config)
    worst = int(np.nanargmax(share)) if np.isfinite(share).any() else 0
    if not share[worst] >= INACTIVE_SHARE:
        return None
    title = QT_TRANSLATE_NOOP("Hints", "Many sigmoid units are saturated") if config.activation == "sigmoid" \
        else QT_TRANSLATE_NOOP("Hints", "Many tanh units are saturated")
    return Hint("saturated", title,
                QT_TRANSLATE_NOOP("Hints", "%1% of hidden layer %2's units sit on a flat end of the curve for every "
                                           "image, where the gradient is almost zero. Glorot (Xavier) "
                                           "initialisation starts them in the middle; switch to it and start "
                                           "again.").arg(f"{100 * share[worst]:.0f}", worst + 1),
                Fix({"init": "xavier"}, reset=True))


def vanishing_gradients(grad_norm: np.ndarray | None, config: Config) -> Hint | None:
    """The first layer's gradient a thousandth of the last layer's, or less, in a deep network."""
    if grad_norm is None or len(grad_norm) == 0 or np.ndim(grad_norm) != 2:
        return None
    g = np.asarray(grad_norm, np.float64)[-STAT_ROWS:]
    if g.shape[1] < VANISH_MIN_LAYERS:
        return None
    g = g[np.isfinite(g).all(axis=1) & (g[:, -1] > 0)]  # measured steps only
    if not len(g):
        return None
    ratio = float(np.median(g[:, 0] / g[:, -1]))
    if not ratio < VANISH_RATIO:
        return None
    fix = {"activation": "relu", "init": "he"} if config.activation != "relu" else {"init": "he"}
    return Hint("vanishing", QT_TRANSLATE_NOOP("Hints", "The gradient vanishes before the first layer"),
                QT_TRANSLATE_NOOP("Hints", "The first layer's gradient is %1 times the last layer's, so the early "
                                           "layers hardly learn. ReLU with He initialisation passes the gradient "
                                           "back undiminished; switch to it and start again.").arg(f"{ratio:.0e}"),
                Fix(fix, reset=True))


def _lr_finding(losses: np.ndarray, config: Config) -> Hint | None:
    """What the learning-rate rules say of `losses`: too high, else too low, else None."""
    return lr_too_high(losses, config) or lr_too_low(losses, config)


def _fine_until(losses: np.ndarray, step: int, config: Config) -> bool:
    """Whether, by the end of `step`, the loss had learned (its last block clearly below chance)
    with no learning-rate rule firing."""
    last = np.asarray(losses[max(step - BLOCK, 0):step], np.float64)
    return bool(len(last) and np.isfinite(last).all() and last.mean() < FLAT_NEAR_CHANCE * chance_loss(config.loss)
                and _lr_finding(losses[:step], config) is None)


def _trouble_soon_after(losses: np.ndarray, step: int, config: Config) -> bool:
    """Whether a learning-rate rule fires on the loss within SOON steps after `step`, checked at
    the end of every block after it."""
    last = min(len(losses), step + SOON)
    ends = [*range(step + BLOCK, last, BLOCK), last] if last > step else []
    return any(_lr_finding(losses[:end], config) is not None for end in ends)


def cause(losses: np.ndarray, changes: Sequence[SettingChange], config: Config) -> int | None:
    """The index in `changes` of the change the loss's trouble began right after, or None.

    The latest change before which the loss was fine is the only candidate: changes made once it
    was in trouble are passed over (the trouble began before them), and the earlier ones were
    followed by a fine loss. Each candidate costs a look at the steps around it, not the run."""
    for i in range(len(changes) - 1, -1, -1):
        step = changes[i].step
        if 0 < step < len(losses) and _fine_until(losses, step, config):
            return i if _trouble_soon_after(losses, step, config) else None
    return None


def _reason(name: str, value, before) -> Message:
    """Why the loss goes up after setting `name` from `before` (None: not known) to `value`."""
    if name == "dropout" and value > (before or 0):
        return QT_TRANSLATE_NOOP("Hints", "Dropping %1% of the hidden units at random makes each step's network "
                                          "weaker and its loss noisier.").arg(f"{100 * value:g}")
    if name == "shift" and value > (before or 0):
        return QT_TRANSLATE_NOOP("Hints", "Images moved by up to %1 pixels are harder to recognise than the ones "
                                          "the network had learned.").arg(value)
    if name == "weight_decay" and value > (before or 0):
        return QT_TRANSLATE_NOOP("Hints", "A stronger pull of every weight towards zero holds the network back "
                                          "from fitting its images.")
    if name == "batch_size" and before is not None and value < before:
        return QT_TRANSLATE_NOOP("Hints", "A smaller batch makes each step's loss noisier.")
    if name == "momentum" and before is not None and value > before:
        return QT_TRANSLATE_NOOP("Hints", "More momentum carries each step further along the last ones, as a "
                                          "higher learning rate would.")
    return QT_TRANSLATE_NOOP("Hints", "The network trains differently from that step on.")


def after_change(changes: Sequence[SettingChange], i: int) -> Hint:
    """The hint that the loss rose after changes[i], with a fix that sets it back (None for an
    edit of the weights, which no setting undoes)."""
    change = changes[i]
    step = f"{change.step:,}"
    key = f"after_change:{change.name}@{change.step}"
    if change.name == EDIT:
        return Hint(key, QT_TRANSLATE_NOOP("Hints", "The loss rose after the weights were edited at step %1")
                    .arg(step),
                    QT_TRANSLATE_NOOP("Hints", "The edit changed weights the network had learned; training on wins "
                                               "back what it can."))
    earlier = [c.value for c in changes[:i] if c.name == change.name]
    before = earlier[-1] if earlier else None
    back = before if before is not None else OFF.get(change.name)
    name = Message("Setting", SHORT_NAMES.get(change.name, change.name))  # as the curves' marks name it
    if back is None or back == change.value:
        fix, how = None, QT_TRANSLATE_NOOP("Hints", "It should settle as training goes on.")
    else:
        fix = Fix({change.name: back}, reset=False)
        # "back" only to a value the run is known to have had: it may have started with dropout on
        how = (QT_TRANSLATE_NOOP("Hints", "It should settle as training goes on; if it does not, set %1 back to %2.")
               if before is not None else
               QT_TRANSLATE_NOOP("Hints", "It should settle as training goes on; if it does not, set %1 to %2.")) \
            .arg(name, setting_text(change.name, back))
    return Hint(key, QT_TRANSLATE_NOOP("Hints", "The loss rose after %1 was set to %2 at step %3")
                .arg(name, setting_text(change.name, change.value), step),
                QT_TRANSLATE_NOOP("Hints", "%1 %2").arg(_reason(change.name, change.value, before), how), fix)


def check(losses: np.ndarray, epochs: Sequence, config: Config, grad_norm: np.ndarray | None = None,
          inactive: np.ndarray | None = None, changes: Sequence[SettingChange] = ()) -> list[Hint]:
    """Every hint that applies now, most specific first.

    A run that reproduces a course mistake on purpose gets none (its failure is the lesson), and
    a flat loss is put down to vanishing gradients rather than the learning rate when those
    vanish; a rate too high and too low are never reported together. A loss that went wrong
    right after a change of the user's other than the learning rate is put down to that change.
    """
    if config.mistake is not None:
        return []
    losses = np.asarray(losses)
    found = [vanishing_gradients(grad_norm, config), dead_relus(inactive, config),
             saturated_sigmoids(inactive, config)]
    lr = lr_too_high(losses, config)
    if found[0] is None and lr is None:
        lr = lr_too_low(losses, config)
    if lr is not None:
        i = cause(losses, changes, config)
        if i is not None and changes[i].name not in LR_SETTINGS:
            lr = after_change(changes, i)
    found += [lr, overfitting(epochs, config)]
    return [h for h in found if h is not None]
