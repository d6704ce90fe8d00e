import os

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mlpviz.cli import limit_blas_threads  # noqa: E402
from mlpviz.core.data import Dataset, load_dataset  # noqa: E402

# One BLAS thread, as the app runs (cli.main does this): OpenBLAS's own two threads, sharing two
# cores with the tests' training, job and GUI threads, stalled single products for seconds when
# the machine was busy, and a 5 s safety stop of a 0.2 s test cut its run short.
limit_blas_threads()


@pytest.fixture(scope="session")
def mnist() -> Dataset:
    """The bundled MNIST, loaded once per test session."""
    return load_dataset()


@pytest.fixture(scope="session")
def small(mnist: Dataset) -> Dataset:
    """A quick subset: the first 3,000 training and 1,000 test images."""
    return Dataset(mnist.x_train[:3000], mnist.y_train[:3000], mnist.x_test[:1000],
                   mnist.y_test[:1000], mnist.image_shape, "mnist-small")


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)


@pytest.fixture(scope="session")
def trained(small):
    """784-64-32-10 ReLU trained for a second on the small set (about 89% test accuracy)."""
    from mlpviz.core.config import PRESETS
    from mlpviz.core.trainer import Trainer
    config = PRESETS["fast"].replace(hidden=(64, 32), epochs=None, steps=300)
    trainer = Trainer.from_config(config, small, evaluate_epochs=False)
    trainer.step(300)
    return trainer.model


@pytest.fixture(scope="session")
def model_file(tmp_path_factory):
    """A saved 784-128-10 network trained two epochs on 12,000 images (the command line's tests);
    a test file that needs only a cheaper one defines its own."""
    from mlpviz.cli import main
    path = tmp_path_factory.mktemp("model") / "m.npz"
    assert main(["train", "--preset", "fast", "--hidden", "128", "--train-limit", "12000",
                 "--epochs", "2", "--save", str(path), "--json"]) == 0
    return path

