"""Bundled data and assets (MNIST, icons), installed as the package mlpviz.resources."""
