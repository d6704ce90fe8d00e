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


@pytest.fixture
def emitted(panel):
    """What the panel said: ("changed", name) and ("rejected", why), in order."""
    said = []
    panel.changed.connect(lambda name: said.append(("changed", name)))
    panel.rejected.connect(lambda why: said.append(("rejected", why)))
    return said


def finish(field, text):
    """Text typed into the Hidden layers field, then Return: Qt says editing finished."""
    field.setText(text)
    field.editingFinished.emit()


@pytest.mark.parametrize("text", ["50 ", " 50", "050"])
def test_hidden_layers_that_read_as_the_same_network_change_nothing(panel, emitted, text):
    finish(panel.hidden, text)
    assert emitted == [] and panel.hidden.text() == "50"  # written as it counts


def test_a_new_width_is_a_change_written_as_it_counts(panel, emitted):
    finish(panel.hidden, " 32 , 16")
    assert emitted == [("changed", "hidden")] and panel.hidden.text() == "32,16"
    finish(panel.hidden, "32,16")  # the field left after Return: no second change
    assert emitted == [("changed", "hidden")]


@pytest.mark.parametrize("text", ["abc", "0", "50,,10", "-5"])
def test_a_refused_width_is_named_and_the_field_left_after_it_changes_nothing(panel, emitted, text):
    finish(panel.hidden, text)
    assert [kind for kind, _ in emitted] == ["rejected"] and panel.hidden.text() == "50"
    panel.hidden.editingFinished.emit()  # focus goes to the message: Qt says editing finished again
    assert [kind for kind, _ in emitted] == ["rejected"]


def test_a_preset_too_large_for_the_training_images_is_refused_and_the_form_kept(panel, emitted):
    panel.train_limit.setValue(100)
    emitted.clear()
    before = panel.config()
    panel.preset.setCurrentIndex(panel.preset.findData("best"))  # batches of 256
    assert [kind for kind, _ in emitted] == ["rejected"]
    assert "best" in emitted[0][1] and "256" in emitted[0][1]
    assert panel.config() == before and panel.preset.currentData() == "course" and panel.hidden.text() == "50"
