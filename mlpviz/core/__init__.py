"""The engine: NumPy only. Nothing in this package imports Qt or pyqtgraph."""
