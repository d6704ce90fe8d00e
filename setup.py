"""What pyproject.toml cannot say: the top-level resources/ folder is installed as the package
mlpviz.resources, beside the packages found under mlpviz/, so every wheel carries the bundled data
and the code finds it with importlib.resources. Everything else is in pyproject.toml."""
from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["mlpviz", "mlpviz.*"], exclude=["*.__pycache__"]),
              "mlpviz.resources", "mlpviz.resources.mnist", "mlpviz.resources.icons"],
    package_dir={"mlpviz.resources": "resources"},
)
