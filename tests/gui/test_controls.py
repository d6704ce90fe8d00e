"""The settings form: what its help says and the values its fields take."""
import numpy as np
import pytest

from mlpviz.core.model import MLP


@pytest.fixture
def panel(qtbot):
    from mlpviz.gui.widgets.controls import ControlPanel
    p = ControlPanel()
    qtbot.addWidget(p)
    return p


def test_the_initialisation_help_states_the_variances_the_code_draws(panel):
    text = panel.init.whatsThis()
    assert "2/(n<sub>in</sub> + n<sub>out</sub>)" in text and "2/n<sub>in</sub>" in text
    assert "1/n<sub>in</sub>" not in text
    # The variances it names are those of the weights the network starts from.
    n_in, n_out = 784, 50
    for init, variance in (("xavier", 2 / (n_in + n_out)), ("he", 2 / n_in)):
        w = MLP.create((n_in, n_out, 10), "relu", "cross_entropy", init, 0.01, 0, "float64").params[0]
        assert np.var(w) == pytest.approx(variance, rel=0.03)


@pytest.mark.parametrize("name", ["init_std", "lr", "momentum", "weight_decay", "lr_decay", "dropout", "shift",
                                  "batch_size", "seed", "epochs"])
def test_each_field_offers_the_range_config_accepts(panel, name):
    from PySide6.QtWidgets import QSpinBox

    from mlpviz.core.config import RANGES, Config
    spin = getattr(panel, name)
    lo, hi = RANGES[name]
    base = Config(steps=None, epochs=1.0) if name == "epochs" else Config()
    for value in (spin.minimum(), spin.maximum()):
        if not (name == "epochs" and value == 0):  # 0 epochs stands for a run planned in steps
            assert base.replace(**{name: value}).validated()
    # Each end within one shown step of Config's (whole numbers: as far as a QSpinBox goes).
    step = 1 if isinstance(spin, QSpinBox) else 10.0 ** -spin.decimals()
    assert 0 <= spin.minimum() - lo <= step * (1 + 1e-9)
    assert 0 <= hi - spin.maximum() < step or spin.maximum() == 2**31 - 1
