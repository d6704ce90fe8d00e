"""Editing a trained network by hand: switch a unit off, scale its incoming weights, shift its
bias, add noise to every weight, prune a layer's smallest weights.

Every function returns an edited copy and leaves its argument alone. An edit session is a list
of Edit records applied in order to the original network, so undo is exact: drop the last
record and apply the rest again.

Layers are numbered as in the model file: layer l (1 = first hidden, L = output) is computed by
W_l, b_l = model.layers[l - 1]; unit j of layer l has incoming weights W_l[:, j], bias b_l[j]
and outgoing weights W_{l+1}[j, :].
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .messages import QT_TRANSLATE_NOOP
from .model import MLP
from .trainer import SettingChange

KINDS = ("off", "scale", "shift", "noise", "prune")
MARK = "edit"  # the name of the SettingChange that marks a hand edit on a run's curves


class EditError(ValueError):
    """An edit that does not fit the network (no such layer or unit, a bad value)."""


@dataclass(frozen=True)
class Edit:
    """One edit. kind: off | scale | shift (layer, unit; value = factor / bias shift),
    noise (value = standard deviation relative to each layer's weights, seed), prune (layer,
    value = percent of its weights)."""

    kind: str
    layer: int = 0
    unit: int = 0
    value: float = 0.0
    seed: int = 0

    def describe(self) -> str:
        """A short phrase for an undo list."""
        if self.kind == "off":
            return f"switch off unit {self.unit} of layer {self.layer}"
        if self.kind == "scale":
            return f"scale the incoming weights of unit {self.unit} of layer {self.layer} by {self.value:g}"
        if self.kind == "shift":
            return f"shift the bias of unit {self.unit} of layer {self.layer} by {self.value:+g}"
        if self.kind == "noise":
            return f"add noise ({self.value:g} x each layer's weight spread) to all weights"
        return f"prune the smallest {self.value:g}% of layer {self.layer}'s weights"


def _check_layer(model: MLP, layer: int, hidden_only: bool = False) -> None:
    top = len(model.layers) - 1 if hidden_only else len(model.layers)
    if not 1 <= layer <= top:
        if hidden_only:
            raise EditError(QT_TRANSLATE_NOOP("Edit", "layer %1 does not exist: the network's hidden layers are 1 "
                                                      "to %2").arg(layer, top))
        raise EditError(QT_TRANSLATE_NOOP("Edit", "layer %1 does not exist: the network's layers are 1 to %2")
                        .arg(layer, top))


def _check_unit(model: MLP, layer: int, unit: int, hidden_only: bool = False) -> None:
    _check_layer(model, layer, hidden_only)
    n = model.sizes[layer]
    if not 0 <= unit < n:
        raise EditError(QT_TRANSLATE_NOOP("Edit", "layer %1 has units 0 to %2, not %3").arg(layer, n - 1, unit))


def switch_off(model: MLP, layer: int, unit: int) -> MLP:
    """A copy in which unit `unit` of hidden layer `layer` no longer reaches the next layer.

    Its outgoing weights are zeroed rather than its incoming ones: the unit then contributes
    nothing whatever its activation function (zeroing the input would leave sigmoid(0) = 0.5),
    and the inspector still shows what it would have computed.
    """
    _check_unit(model, layer, unit, hidden_only=True)
    out = model.copy()
    out.layers[layer].W[unit, :] = 0
    return out


def scale_incoming(model: MLP, layer: int, unit: int, factor: float) -> MLP:
    """A copy with W_layer[:, unit] multiplied by factor (the bias is kept)."""
    _check_unit(model, layer, unit)
    out = model.copy()
    out.layers[layer - 1].W[:, unit] *= out.dtype.type(factor)
    return out


def shift_bias(model: MLP, layer: int, unit: int, delta: float) -> MLP:
    """A copy with b_layer[unit] increased by delta."""
    _check_unit(model, layer, unit)
    out = model.copy()
    out.layers[layer - 1].b[unit] += out.dtype.type(delta)
    return out


def add_noise(model: MLP, relative_std: float, seed: int = 0) -> MLP:
    """A copy with Gaussian noise added to every weight (biases kept): for each layer,
    N(0, (relative_std * std(W_l))^2), so layers of very different scales are disturbed alike."""
    if not relative_std >= 0:
        raise EditError(QT_TRANSLATE_NOOP("Edit", "the noise level must be zero or more, got %1").arg(relative_std))
    rng = np.random.default_rng(seed)
    out = model.copy()
    for layer in out.layers:
        sigma = relative_std * float(layer.W.std())
        layer.W += rng.normal(0.0, sigma, layer.W.shape).astype(layer.W.dtype)
    return out


def prune(model: MLP, layer: int, percent: float) -> MLP:
    """A copy with the round(percent% of its size) smallest-magnitude weights of W_layer set to 0."""
    _check_layer(model, layer)
    if not 0 <= percent <= 100:
        raise EditError(QT_TRANSLATE_NOOP("Edit", "the share of weights to prune is a percentage from 0 to 100, got %1")
                        .arg(percent))
    out = model.copy()
    W = out.layers[layer - 1].W
    k = int(round(W.size * percent / 100))
    if k:
        flat = W.reshape(-1)  # a view: the copy is contiguous
        flat[np.argpartition(np.abs(flat), k - 1)[:k]] = 0
    return out


def apply_one(model: MLP, edit: Edit) -> MLP:
    """The network with one edit applied (a copy)."""
    if edit.kind == "off":
        return switch_off(model, edit.layer, edit.unit)
    if edit.kind == "scale":
        return scale_incoming(model, edit.layer, edit.unit, edit.value)
    if edit.kind == "shift":
        return shift_bias(model, edit.layer, edit.unit, edit.value)
    if edit.kind == "noise":
        return add_noise(model, edit.value, edit.seed)
    if edit.kind == "prune":
        return prune(model, edit.layer, edit.value)
    raise EditError(QT_TRANSLATE_NOOP("Edit", "unknown edit %1; choose from %2").arg(repr(edit.kind), ", ".join(KINDS)))


def apply(model: MLP, edits: list[Edit] | tuple[Edit, ...]) -> MLP:
    """A copy of model with the edits applied in order (an empty list gives a plain copy)."""
    out = model.copy()
    for edit in edits:
        out = apply_one(out, edit)
    return out


def same_weights(a: MLP, b: MLP) -> bool:
    """Whether two networks hold the same weights and biases."""
    return a.sizes == b.sizes and all(np.array_equal(p, q) for p, q in zip(a.params, b.params))


def mark(changes: list[SettingChange], step: int, edited: bool) -> None:
    """Note in a run's setting changes that its network was edited by hand after `step` (one note
    a step, however many edits were made there), or take the note back when edited is False: the
    edits made at that step were all undone. The curves mark it as they mark a changed setting."""
    changes[:] = [c for c in changes if c.step != step or c.name != MARK]
    if edited:
        changes.append(SettingChange(step, MARK, ""))
