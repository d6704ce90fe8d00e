"""The views inside the network, fed by a Session as the window feeds them."""
import numpy as np
import pytest

from mlpviz.core import checkpoint, explain
from mlpviz.core.data import scale_images
from mlpviz.core.edit import Edit
from mlpviz.core.evaluation import evaluate, layer_activations
from mlpviz.core.inspect import inspect
from mlpviz.gui import style
from mlpviz.gui.session import Session
from mlpviz.gui.snapshot import Snapshot
from mlpviz.gui.views.diagram import column_capacity
from mlpviz.gui.views.inside import AttributionView, EditView, InsideView, NetworkDiagramView, NeuronView, SoftmaxView
from mlpviz.gui.views.neuron import image_grid
from mlpviz.gui.views.softmax import compact


@pytest.fixture
def model(trained):
    return trained


def snapshot(model, state="paused", run_id=1):
    return Snapshot.of(model, step=200, epoch_progress=1.0, steps_per_epoch=12, lr=0.002,
                       train_seconds=1.0, state=state, run_id=run_id)


@pytest.fixture
def session(small, model):
    style.configure()
    s = Session()
    s.set_data(small)
    return s


def shown(qtbot, view, session, model, size=(900, 640)):
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    session.publish(snapshot(model))
    return view


def test_diagram_shows_the_most_active_units_and_how_many_more(qtbot, session, model, small):
    view = shown(qtbot, NetworkDiagramView(session), session, model)
    session.show_test_image(3)
    cap = view.capacity()
    assert cap == column_capacity(view.canvas.height()) and 4 <= cap < 64
    data = [divmod(int(p.data()), 1_000_000) for p in view.nodes.points()]
    ins = inspect(model, scale_images(small.x_test[3]), int(small.y_test[3]))
    assert session.inspection().backward_values().keys() == ins.backward_values().keys()
    acts = ins.activations()
    for col in range(4):
        units = [u for c, u in data if c == col]
        n = model.sizes[col]
        assert len(units) == min(cap, n)
        if col in (1, 2):  # the hidden columns: the most active units, most active first
            np.testing.assert_array_equal(units, explain.most_active(acts[col], cap))
    texts = [t.textItem.toPlainText() for t in view.texts if t.isVisible()]
    assert f"+{64 - cap} more" in texts and f"+{784 - cap} more" in texts
    best = int(ins.y.argmax())
    assert f"{best}: {100 * ins.y[best]:.1f}%" in texts
    # the strongest contribution a_j * w_jd into the predicted digit is drawn, in its sign's colour
    segments = {sign: set() for sign in "+-"}
    for (sign, _), curve in view.edges.items():
        xs, ys = curve.getData()
        if xs is not None:
            segments[sign] |= {(x0, y0, x1, y1) for x0, y0, x1, y1 in zip(xs[::2], ys[::2], xs[1::2], ys[1::2])}
    src = [u for c, u in data if c == 2]
    c = acts[2][src] * model.layers[2].W[src, best]
    j = int(np.argmax(np.abs(c)))
    at = {divmod(int(p.data()), 1_000_000): (p.pos().x(), p.pos().y()) for p in view.nodes.points()}
    (x0, y0), (x1, y1) = at[2, src[j]], at[3, best]
    assert (x0, y0, x1, y1) in segments["+" if c[j] > 0 else "-"]
    assert f"reads <b>{best}</b>" in view.caption.text()
    view.resize(900, 300)  # a shorter view shows fewer units
    qtbot.waitUntil(lambda: view.capacity() < cap)
    columns = [int(p.data()) // 1_000_000 for p in view.nodes.points()]
    assert columns.count(1) == view.capacity()


def test_diagram_clicks_select_a_unit_or_a_digit(qtbot, session, model):
    view = shown(qtbot, NetworkDiagramView(session), session, model)
    session.show_test_image(0)
    points = {divmod(int(p.data()), 1_000_000): p for p in view.nodes.points()}
    hidden = next(key for key in points if key[0] == 2)
    with qtbot.waitSignal(session.unitSelected) as blocker:
        view.nodes.sigClicked.emit(view.nodes, [points[hidden]], None)
    assert blocker.args == [2, hidden[1]] and session.selected == hidden
    assert view.ring.points()[0].pos().x() == 2
    with qtbot.waitSignal(view.digitClicked) as blocker:
        view.nodes.sigClicked.emit(view.nodes, [points[3, 7]], None)
    assert blocker.args == [7] and session.selected == hidden
    tip = view.nodes.opts["tip"]  # what hovering a node shows, called as the scatter plot calls it
    assert "digit 7" in tip(x=3, y=0, data=3_000_007) and "unit" in tip(x=1, y=0, data=1_000_000)


def test_neuron_inspector_shows_a_z_weights_effects_and_top_images(qtbot, session, model, small):
    view = shown(qtbot, NeuronView(session), session, model)
    session.show_test_image(5)
    session.select_unit(1, 4)
    ins = inspect(model, scale_images(small.x_test[5]))
    assert f"a = z·w + b = <b>{ins.a[1][4]:.4g}</b>" in view.header.text()
    assert f"z = ReLU(a) = <b>{ins.z[1][4]:.4g}</b>" in view.header.text()
    np.testing.assert_array_equal(view.in_image.image, model.layers[0].W[:, 4].reshape(28, 28))
    # the effect of a first-layer unit on each digit: da_d/dz through hidden layer 2, at this input
    effect = view.out_bars.opts["height"]
    eps = 1e-2

    def logits(h):
        h2 = np.maximum(h @ model.layers[1].W + model.layers[1].b, 0)
        return h2 @ model.layers[2].W + model.layers[2].b
    z = ins.z[1].copy()
    plus, minus = z.copy(), z.copy()
    plus[4] += eps
    minus[4] -= eps
    np.testing.assert_allclose(effect, (logits(plus) - logits(minus)) / (2 * eps), rtol=1e-2, atol=1e-4)
    qtbot.waitUntil(lambda: "excite it most" in view.top_label.text(), timeout=5000)
    top = explain.top_exciting(layer_activations(model, small.x_test, 1), 4)
    assert len(top) == 16 and "the 16 test images" in view.top_label.text()
    np.testing.assert_array_equal(view.top_image.image, image_grid(small.x_test[top] / 255.0))
    with qtbot.waitSignal(session.inputChanged):
        view.top_image.clicked.emit(31.0, 3.0)  # the second thumbnail of the first row
    np.testing.assert_array_equal(session.input_x, scale_images(small.x_test[top[1]]))
    session.select_unit(2, 11)  # a deeper unit: bars of its incoming weights, weights to the digits
    np.testing.assert_array_equal(view.in_bars.getData()[1], model.layers[1].W[:, 11])
    np.testing.assert_array_equal(view.out_bars.opts["height"], model.layers[2].W[11])
    top = explain.top_exciting(layer_activations(model, small.x_test, 2), 11)
    expected = image_grid(small.x_test[top] / 255.0)  # the deeper layer's search arrives (gaps are NaN)
    qtbot.waitUntil(lambda: np.array_equal(view.top_image.image, expected, equal_nan=True), timeout=5000)


def test_attribution_view_explains_the_predicted_or_a_chosen_digit(qtbot, session, model, small):
    view = shown(qtbot, AttributionView(session), session, model)
    overlays = []
    view.overlayChanged.connect(lambda rgb, d: overlays.append((rgb, d)))
    session.show_test_image(2)
    x = scale_images(small.x_test[2])
    best = int(model.predict_proba(x)[0].argmax())
    assert view.digit == best and "Why" in view.caption.text()
    np.testing.assert_allclose(view.attribution, explain.attribution(model, x, best), rtol=1e-6)
    other = (best + 1) % 10
    view.digits.button(other).click()
    assert view.digit == other and f"Why not {other}?" in view.caption.text()
    np.testing.assert_allclose(view.attribution, explain.attribution(model, x, other), rtol=1e-6)
    view.set_method("integrated")
    np.testing.assert_allclose(view.attribution, explain.attribution(model, x, other, "integrated", 32), rtol=1e-6)
    assert "blank image" in view.caption.text()
    rgb, digit = overlays[-1]
    assert rgb.shape == (28, 28, 3) and rgb.dtype == np.uint8 and digit == other
    view.digits.button(10).click()
    assert view.digit == best
    session.set_input(None, "cleared")
    assert view.attribution is None and overlays[-1] == (None, -1)


def test_softmax_view_follows_the_steps_temperature_and_label(qtbot, session, model, small):
    view = shown(qtbot, SoftmaxView(session), session, model)
    session.show_test_image(4)  # its description names its label, which becomes t
    label = int(small.y_test[4])
    assert view.label.currentIndex() == label
    p = model.predict_proba(scale_images(small.x_test[4]))[0]
    np.testing.assert_allclose(view.steps.p, p, rtol=1e-5, atol=1e-7)
    assert view.table.item(3, 4).text() == (f"{p[3]:.1e}" if p[3] < 1e-3 else f"{p[3]:.3f}")
    assert f"<b>{-np.log(p[label]):.4f}</b>" in view.loss.text()
    view.set_temperature(10)
    assert view.temperature == pytest.approx(10) and view.steps.p.max() < p.max()
    np.testing.assert_allclose(view.steps.scaled, view.steps.z / 10)
    assert "at T = 1" in view.loss.text()
    view.set_label((label + 1) % 10)
    assert f"t = {(label + 1) % 10}" in view.loss.text()


def test_the_inside_views_write_the_course_notation(qtbot, session, model, small):
    """The course's names: pre-activation a = zW + b, activation z = f(a), logits a_L, output y."""
    neuron = shown(qtbot, NeuronView(session), session, model)
    softmax = shown(qtbot, SoftmaxView(session), session, model)
    session.show_test_image(5)
    ins = session.inspection()
    unit = int(np.argmin(ins.a[1]))  # a ReLU unit that is off: a < 0 and z = 0 tell a from z apart
    assert ins.a[1][unit] < 0 and ins.z[1][unit] == 0
    session.select_unit(1, unit)
    header = neuron.header.text()
    assert f"a = z·w + b = <b>{ins.a[1][unit]:.4g}</b>" in header
    assert "z = ReLU(a) = <b>0</b>" in header
    assert "w·a" not in header and "(z)" not in header
    assert "z = f(a)" in neuron.whatsThis() and "σ′(a) = σ(a)(1 − σ(a))" in neuron.whatsThis()
    headers = [softmax.table.horizontalHeaderItem(c).text() for c in range(softmax.table.columnCount())]
    assert headers == ["a", "a/T", "a/T − C", "exp(a/T−C)", "y"]
    assert "logit" in softmax.table.horizontalHeaderItem(0).toolTip()
    assert [softmax.table.item(d, 0).text() for d in range(10)] == [compact(v) for v in ins.logits]
    assert "z/T" not in softmax.formula.text() + softmax.formula.toolTip()


def test_edit_view_edits_scores_undoes_and_saves(qtbot, session, model, small, tmp_path):
    view = shown(qtbot, EditView(session), session, model)
    with qtbot.waitSignal(view.accuracyReady, timeout=5000) as blocker:
        pass
    base = evaluate(model, small.x_test, small.y_test).accuracy
    assert blocker.args == [pytest.approx(base)]
    assert not view.off.isEnabled()  # no neuron selected yet
    session.select_unit(1, 6)
    assert view.off.isEnabled() and "unit 7" in view.unit_label.text()
    lists = []
    view.editsChanged.connect(lists.append)
    with qtbot.waitSignal(view.accuracyReady, timeout=5000) as blocker:
        view.off.click()
    assert lists[-1] == [Edit("off", 1, 6, 0.0)]
    assert not view.edited.layers[1].W[6].any() and model.layers[1].W[6].any()
    assert blocker.args[0] == pytest.approx(evaluate(view.edited, small.x_test, small.y_test).accuracy)
    with qtbot.waitSignal(view.accuracyReady, timeout=5000) as blocker:
        view.prune_layer.setCurrentIndex(1)
        view.prune.setValue(90)
        view.prune_button.click()
    assert np.count_nonzero(view.edited.layers[1].W == 0) >= int(0.9 * 64 * 32)
    assert blocker.args[0] < base and "2 edits" in view.accuracy_label.text()
    view.save_edited(str(tmp_path / "edited.npz"))
    saved = checkpoint.load(tmp_path / "edited.npz")
    for a, b in zip(saved.model.params, view.edited.params):
        np.testing.assert_array_equal(a, b)
    assert saved.training["edits"][0]["kind"] == "off"
    view.undo_button.click()
    assert lists[-1] == [Edit("off", 1, 6, 0.0)]
    view.reset()
    assert lists[-1] == [] and view.edited is view.original is model
    view.stack.redo()
    assert lists[-1] == [Edit("off", 1, 6, 0.0)]
    assert not view.add_edit(Edit("scale", 1, 99, 2.0)) and "units 0 to 63" in view.status.text()


def test_editing_while_training_runs_asks_for_a_pause(qtbot, session, model):
    view = shown(qtbot, EditView(session), session, model)
    session.publish(snapshot(model, state="running"))
    with qtbot.waitSignal(view.pauseRequested) as blocker:
        view.noise_button.click()
    assert "paused" in blocker.args[0] and "paused" in view.status.text()
    assert view.edits[0].kind == "noise" and view.edits[0].seed == 1
    session.publish(snapshot(view.edited.copy(), state="paused"))  # the edited network comes back
    assert view.original is model and len(view.edits) == 1
    session.publish(snapshot(model, run_id=2))  # a new run: the edits are forgotten
    assert view.edits == [] and view.stack.count() == 0


def test_inside_view_routes_output_clicks_to_the_attribution(qtbot, session, model):
    view = shown(qtbot, InsideView(session), session, model, size=(1200, 800))
    session.show_test_image(0)
    points = {divmod(int(p.data()), 1_000_000): p for p in view.diagram.nodes.points()}
    view.diagram.nodes.sigClicked.emit(view.diagram.nodes, [points[3, 5]], None)
    assert view.attribution.digit == 5 and view.attribution.digits.button(5).isChecked()


def test_one_inspection_per_network_and_input_feeds_every_inside_view(qtbot, session, model, small, monkeypatch):
    """A stroke or a snapshot costs one forward pass for the diagram, neuron, softmax, attribution
    and activations views together; a repaint with nothing new costs none."""
    from mlpviz.gui import session as session_module
    from mlpviz.gui.views.activations import ActivationsView
    made = []
    real = session_module.inspect
    monkeypatch.setattr(session_module, "inspect", lambda *args: made.append(args) or real(*args))
    inside = shown(qtbot, InsideView(session), session, model, size=(1200, 800))
    activations = ActivationsView(session)
    qtbot.addWidget(activations)
    activations.show()
    qtbot.waitExposed(activations)
    session.select_unit(1, 3)
    made.clear()
    session.show_test_image(7)
    assert len(made) == 1 and made[0][2] == int(small.y_test[7])
    ins = session.inspection()
    assert inside.softmax.steps.z.tolist() == ins.logits.tolist()
    np.testing.assert_array_equal(activations.probabilities(), ins.y)
    assert f"<b>{ins.a[1][3]:.4g}</b>" in inside.neuron.header.text()
    session.publish(snapshot(model.copy()))  # a new network: one more
    assert len(made) == 2
    inside.diagram.redraw()
    inside.attribution.set_target(4)
    assert len(made) == 2 and session.inspection() is session.inspection()
    session.set_input(None, "cleared")
    assert session.inspection() is None and len(made) == 2
