"""Hand edits of a network: each changes exactly what it says, on a copy; undo is exact."""
import numpy as np
import pytest

from mlpviz.core import edit as ed
from mlpviz.core.edit import Edit, EditError
from mlpviz.core.model import MLP


@pytest.fixture
def model() -> MLP:
    m = MLP.create((20, 8, 6, 10), "sigmoid", init="he", seed=5)
    for layer in m.layers:
        layer.b[:] = np.random.default_rng(1).normal(0, 0.5, layer.b.shape)
    return m


def params(m: MLP) -> list[np.ndarray]:
    return [p.copy() for p in m.params]


def changed(before: list[np.ndarray], after: MLP) -> list[np.ndarray]:
    """Boolean masks of the entries that differ, per parameter array."""
    return [b != a for b, a in zip(before, after.params)]


def only(masks: list[np.ndarray], index: int, expected: np.ndarray) -> None:
    for i, m in enumerate(masks):
        if i == index:
            np.testing.assert_array_equal(m, expected)
        else:
            assert not m.any(), f"parameter {i} changed"


def test_switch_off_zeroes_exactly_the_outgoing_weights(model):
    before = params(model)
    out = ed.switch_off(model, 1, 3)
    expected = np.zeros((8, 6), bool)
    expected[3] = before[2][3] != 0
    only(changed(before, out), 2, expected)  # W2 is params[2]
    assert not out.layers[1].W[3].any()
    np.testing.assert_array_equal(model.params[2], before[2])  # the original is untouched
    x = np.random.default_rng(0).uniform(0, 1, (4, 20)).astype(np.float32)
    a1 = 1 / (1 + np.exp(-(x @ model.layers[0].W + model.layers[0].b)))
    a1[:, 3] = 0  # the same as a unit whose output is always 0
    h = 1 / (1 + np.exp(-(a1 @ model.layers[1].W + model.layers[1].b)))
    z = h @ model.layers[2].W + model.layers[2].b
    p = np.exp(z - z.max(1, keepdims=True))
    np.testing.assert_allclose(out.forward(x), p / p.sum(1, keepdims=True), rtol=1e-5)


def test_scale_incoming_multiplies_one_column(model):
    before = params(model)
    out = ed.scale_incoming(model, 2, 4, 0.5)
    expected = np.zeros((8, 6), bool)
    expected[:, 4] = True
    only(changed(before, out), 2, expected)
    np.testing.assert_allclose(out.layers[1].W[:, 4], 0.5 * before[2][:, 4])


def test_shift_bias_moves_one_bias_also_of_an_output_unit(model):
    before = params(model)
    out = ed.shift_bias(model, 3, 7, -1.25)
    expected = np.zeros(10, bool)
    expected[7] = True
    only(changed(before, out), 5, expected)
    assert out.layers[2].b[7] == pytest.approx(before[5][7] - 1.25)


def test_noise_touches_every_weight_and_no_bias_reproducibly(model):
    before = params(model)
    out = ed.add_noise(model, 0.1, seed=3)
    masks = changed(before, out)
    for i, m in enumerate(masks):
        assert m.all() if i % 2 == 0 else not m.any()
    for layer, w in zip(out.layers, before[::2]):  # relative to each layer's spread
        assert np.std(layer.W - w) == pytest.approx(0.1 * w.std(), rel=0.3)
    np.testing.assert_array_equal(ed.add_noise(model, 0.1, seed=3).layers[0].W, out.layers[0].W)
    assert not np.array_equal(ed.add_noise(model, 0.1, seed=4).layers[0].W, out.layers[0].W)


@pytest.mark.parametrize("percent", [0, 10, 37.5, 100])
def test_prune_zeroes_the_smallest_share_of_one_layer(model, percent):
    before = params(model)
    out = ed.prune(model, 1, percent)
    W, W0 = out.layers[0].W, before[0]
    k = round(W0.size * percent / 100)
    assert np.count_nonzero(W == 0) == k
    np.testing.assert_array_equal(W[W != 0], W0[W != 0])  # survivors keep their values
    if 0 < k < W0.size:
        assert np.abs(W0[W == 0]).max() <= np.abs(W0[W != 0]).min()
    for i in range(1, 6):
        np.testing.assert_array_equal(out.params[i], before[i])


def test_apply_and_undo_are_exact(model):
    edits = [Edit("off", 1, 2), Edit("scale", 2, 1, 3.0), Edit("noise", value=0.2, seed=9),
             Edit("prune", 2, value=50), Edit("shift", 1, 0, 0.7)]
    states = [ed.apply(model, edits[:n]) for n in range(len(edits) + 1)]
    for a, b in zip(model.params, states[0].params):
        np.testing.assert_array_equal(a, b)
    for n in range(len(edits)):  # undo = the same list without its last edit, applied again
        redo = ed.apply(model, edits[:n])
        for a, b in zip(states[n].params, redo.params):
            np.testing.assert_array_equal(a, b)
        assert any(not np.array_equal(a, b) for a, b in zip(states[n].params, states[n + 1].params))
    assert np.count_nonzero(states[4].layers[1].W == 0) >= 24


def test_describe_names_the_edit():
    assert "unit 2 of layer 1" in Edit("off", 1, 2).describe()
    assert "50%" in Edit("prune", 2, value=50).describe()


@pytest.mark.parametrize("bad, message", [
    (Edit("off", 3, 0), "hidden layers are 1 to 2"),  # the output layer has nothing downstream
    (Edit("off", 0, 0), "layer 0 does not exist"),
    (Edit("scale", 1, 8, 2.0), "units 0 to 7"),
    (Edit("prune", 4, value=10), "layers are 1 to 3"),
    (Edit("prune", 1, value=120), "percentage"),
    (Edit("noise", value=-1), "zero or more"),
    (Edit("melt", 1, 0), "unknown edit"),
])
def test_edits_that_do_not_fit_are_refused(model, bad, message):
    with pytest.raises(EditError, match=message):
        ed.apply(model, [bad])


def test_an_edit_is_marked_once_a_step_among_the_setting_changes_and_unmarked_when_undone(model):
    from mlpviz.core.trainer import SettingChange
    lr = SettingChange(4, "lr", 0.1)
    changes = [SettingChange(2, ed.MARK, ""), lr]
    ed.mark(changes, 4, True)
    ed.mark(changes, 4, True)  # a second edit at the same step
    assert changes == [SettingChange(2, ed.MARK, ""), lr, SettingChange(4, ed.MARK, "")]
    ed.mark(changes, 4, False)  # every edit at step 4 undone
    assert changes == [SettingChange(2, ed.MARK, ""), lr]
    assert ed.same_weights(model, model.copy())
    assert not ed.same_weights(model, ed.shift_bias(model, 1, 0, 1.0))
