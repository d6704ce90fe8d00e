"""Evaluate: where the network fails, on the whole test set (four panels and their controller)."""
from .common import confusion_rgb, damage_name, damage_unit, layer_labels
from .view import EvaluateView

__all__ = ["EvaluateView", "confusion_rgb", "damage_name", "damage_unit", "layer_labels"]
