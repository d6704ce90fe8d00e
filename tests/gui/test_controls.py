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
