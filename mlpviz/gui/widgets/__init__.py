"""Reusable pieces of the views: the drawing pad, the controls, the mosaic of small images."""
