"""mlpviz: watch a multi-layer perceptron, written in NumPy, learn to read digits."""

__version__ = "0.1.0"
