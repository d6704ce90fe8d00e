"""The Backpropagation view, fed by a Session as the window feeds it: the cards in the course's
order, stepping by key, where a number came from, the mistakes, the gradient check, the update
on a copy and its undo, asking first, a mini-batch example, other networks."""
import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mlpviz.core.backprop import Walkthrough
from mlpviz.core.batch import record
from mlpviz.core.data import scale_images
from mlpviz.core.inspect import inspect
from mlpviz.core.model import MLP
from mlpviz.gui.snapshot import RUNNING, Snapshot
from mlpviz.gui.views.backprop import BackpropView, GuessQuestion
from mlpviz.gui.views.backprop.question import DOWN, UP
from mlpviz.gui.views.backprop.values import CORRECT, VALUE

COURSE_CARDS = ["x", "a1", "z1", "a2", "y", "E", "dy", "dW2", "db2", "dz1", "da1", "dW1", "db1", "dx",
                "W2", "b2", "W1", "b1"]


def course_network(seed=0, **kw):
    """784-50-10 sigmoid, as the course's, with weights large enough for gradients that show."""
    model = MLP.create((784, 50, 10), "sigmoid", init="normal", init_std=0.1, seed=seed, **kw)
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        layer.b[:] = rng.normal(0, 0.3, layer.b.shape)
    return model


def batch_of(model, small, n=8):
    """A BatchRecord of the first n training images, as a single step records it."""
    return record(model, model, small.x_train[:n], small.y_train[:n], np.arange(n))


@pytest.fixture
def view(make_view):
    return make_view(BackpropView, 760, 640)


def publish(view, model, state="paused", run_id=1, step=10, batch=None):
    view.session.publish(Snapshot.of(model, run_id=run_id, step=step, state=state, lr=0.1, batch=batch))


def names(view):
    return [c.name for c in view.walk.cards]


def go_to(view, name):
    view.go(names(view).index(name))
    assert view.card.name == name


def hover(view, index, slot=VALUE):
    """Move the mouse over entry `index` of the current card as drawn, as a user would (pyqtgraph
    takes at most 100 moves a second: one more waits that long)."""
    QTest.qWait(12)
    plot = view.detail.values
    where = plot.point_at(index, slot)
    assert where is not None, index
    p = QPointF(plot.mapFromScene(plot.plot.vb.mapViewToScene(where)))
    QApplication.sendEvent(plot.viewport(), QMouseEvent(QEvent.Type.MouseMove, p, plot.viewport().mapToGlobal(p),
                                                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                                        Qt.KeyboardModifier.NoModifier))
    return view.detail.info.text()


def test_the_cards_in_the_courses_order_stepped_by_key(qtbot, view):
    assert view.walk is None and "Train or open a model" in view.caption.text()
    publish(view, course_network())
    view.session.show_test_image(0)
    assert names(view) == COURSE_CARDS
    assert [view.cards.item(i).text() for i in range(view.cards.count())] == [c.formula for c in view.walk.cards]
    assert view.label.value() == int(view.session.data.y_test[0])  # the test image's own label
    assert view.card.name == "x" and view.detail.values.mode == "image"
    view.cards.setFocus()
    qtbot.keyClick(view.cards, Qt.Key.Key_Down)
    assert view.card.name == "a1"
    assert view.detail.formula.text() == "a1 = x·W1 + b1" and view.detail.code.text() == "a1 = np.dot(x, W1) + b1"
    assert view.detail.shape.text() == "forward pass · shape (1, 50)" and view.detail.values.mode == "bars"
    assert view.counter.text() == "2 / 18"
    view.activateWindow()
    qtbot.keyClick(view, Qt.Key.Key_J)  # J / K: next and previous anywhere in the view
    assert view.card.name == "z1" and view.detail.formula.text() == "z1 = σ(a1)"
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.card.name == "z1"
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.card.name == "b1" and view.cards.currentRow() == len(COURSE_CARDS) - 1
    qtbot.keyClick(view.cards, Qt.Key.Key_Up)  # Up and Down are the list's own
    assert view.card.name == "W1"
    # the diagram lights what the card computes with: dW1 uses x, layer 1 and the weights into it
    go_to(view, "dW1")
    assert view.detail.diagram.lit() == ([0, 1], 1)
    assert view.detail.values.mode == "tiles" and view.detail.whatsThis().startswith("<b>dW")
    go_to(view, "da1")
    assert view.detail.diagram.lit() == ([1], None)
    assert "σ′(a) ⊙ dz" in view.detail.whatsThis()


def test_play_goes_through_the_cards_and_pauses(qtbot, view):
    publish(view, course_network())
    view.session.show_test_image(0)
    view.pace.setCurrentIndex(0)
    assert view.timer.interval() == 500
    view.timer.setInterval(20)  # the pace's own half second, sped up
    view.toggle_play()
    assert view.timer.isActive() and view.play.text() == "Pause"
    qtbot.waitUntil(lambda: view.index >= 2, timeout=3000)
    view.toggle_play()
    at = view.index
    qtbot.wait(30)
    assert view.index == at and not view.timer.isActive()
    view.go(len(COURSE_CARDS) - 2)
    view.toggle_play()
    qtbot.waitUntil(lambda: not view.timer.isActive(), timeout=3000)  # stops at the last card
    assert view.card.name == "b1"


def test_pointing_at_a_number_shows_where_it_came_from(qtbot, view):
    model = course_network()
    publish(view, model)
    view.session.show_test_image(0)
    go_to(view, "da1")
    j = int(np.argmax(np.abs(view.card.value[0])))
    (_, deriv), (_, dz), (_, me) = view.walk.origin("da1", (0, j))
    text = hover(view, (0, j))
    assert f"σ′(a1[{j}]) = {deriv:.4g}" in text and f"dz1[0, {j}] = {dz:.4g}" in text
    assert f"da1[0, {j}] = {me:.4g}" in text
    # a weight's gradient in the tiles: the pixel below and the gradient arriving at the unit
    go_to(view, "dW1")
    unit = int(view.detail.values._hit["units"][0])
    pixel = int(np.argmax(view.walk.ins.x))
    text = hover(view, (pixel, unit))
    assert f"x[0, {pixel}]" in text and f"da1[0, {unit}]" in text
    assert f"the weight from pixel {pixel} into unit {unit}" in hover(view, (pixel, unit), "weights")
    # the pointer leaves: the card's summary again
    QTest.qWait(12)
    QApplication.sendEvent(view.detail.values.viewport(), QMouseEvent(
        QEvent.Type.MouseMove, QPointF(1, 1), QPointF(1, 1), Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier))
    assert view.detail.info.text().startswith("12 of 50 units (largest dW1 first)")


def test_the_notebooks_mistakes_and_the_gradient_check(qtbot, view):
    publish(view, course_network())
    view.session.show_test_image(0)
    go_to(view, "W1")
    right = view.card.value.copy()
    go_to(view, "db1")
    assert view.detail.check() <= 1e-6
    assert "relative error" in view.detail.info.text() and "right" in view.detail.info.text()
    go_to(view, "y")
    assert not view.detail.check_button.isEnabled() and view.detail.check() is None
    # W1 - lr*W1: the card subtracts the weights themselves, and shows the right update beside them
    view.mistake.setCurrentIndex(view.mistake.findData("w_update"))
    go_to(view, "W1")
    W1 = view.walk.ins.network.layers[0].W
    assert view.detail.formula.text() == "W1 ← W1 − η·W1" and view.cards.currentItem().text().startswith("⚠")
    np.testing.assert_allclose(view.card.value, 0.1 * W1)
    np.testing.assert_allclose(view.card.correct, right)
    assert view.detail.values._hit["slots"] == ["weights", "value", "correct"]
    unit = int(view.detail.values._hit["units"][0])
    assert f"{right[400, unit]:.4g}" in hover(view, (400, unit), CORRECT)
    # applied, the weights shrink by the factor 1 - lr
    view.apply_update()
    np.testing.assert_allclose(view.network().layers[0].W, 0.9 * W1)
    assert "(-10.00%)" in view.panel.result.text()
    # db1 from dz1: the gradient check fails, and the right db1 is drawn beside (grey bars)
    view.mistake.setCurrentIndex(view.mistake.findData("db1"))
    assert not view._applied  # a new mistake starts again from the network followed
    go_to(view, "db1")
    assert view.detail.code.text() == "db1 = np.sum(dz1, axis=0)"
    view.detail.check_button.click()
    assert view.walk.gradient_check("db1") > 0.1 and "wrong" in view.detail.info.text()
    assert view.detail.values.right.isVisible() and "grey" in view.detail.info.text()
    go_to(view, "b1")
    np.testing.assert_allclose(view.card.correct, 0.1 * view.walk.card("db1").correct)


def test_apply_the_update_then_undo_leaves_the_live_network_alone(qtbot, view):
    model = course_network()
    live = [p.copy() for p in model.params]
    publish(view, model)
    view.session.show_test_image(0)
    go_to(view, "dW1")
    before = {c.name: c.value.copy() for c in view.walk.cards}
    t = view.walk.ins.t
    view.panel.apply_button.click()
    up = view._applied[-1][1]
    assert up.loss_after < up.loss_before and up.p_after[t] > up.p_before[t]
    assert view.card.name == "dW1" and view.walk.ins.E == pytest.approx(up.loss_after)
    assert "on a copy" in view.panel.result.text() and view.panel.plot.isVisible()
    assert "after 1 update" in view.caption.text()
    view.panel.apply_button.click()  # a second step from the first one's network
    assert len(view._applied) == 2 and view.walk.ins.E < up.loss_after
    view.panel.undo_button.click()
    view.panel.undo_button.click()
    assert not view._applied and not view.panel.undo_button.isEnabled() and not view.panel.plot.isVisible()
    for c in view.walk.cards:
        np.testing.assert_array_equal(c.value, before[c.name], err_msg=c.name)
    assert view.session.model is model
    for p, q in zip(model.params, live):
        np.testing.assert_array_equal(p, q)


def test_asked_first_the_answer_stays_hidden_until_the_learner_answers(qtbot, view):
    publish(view, course_network())
    view.session.show_test_image(0)
    t = view.walk.ins.t
    E = view.walk.ins.E
    view.panel.ask_first.setChecked(True)
    view.panel.apply_button.click()
    q = view.panel.question
    assert q.isVisible() and q.asking and f"p({t})" in q.question.text()
    assert not view._applied and view.walk.ins.E == E  # nothing applied, nothing shown
    assert not view.panel.result.isVisible() and not q.verdict.isVisible()
    assert not q.submit.isEnabled() and not view.panel.apply_button.isEnabled()
    q.up.click()
    q.amount.setValue(5)
    q.submit.click()
    assert view._applied and view.panel.result.isVisible() and q.verdict.isVisible()
    up = view._applied[-1][1]
    change = 100 * (up.p_after[t] - up.p_before[t])
    assert "You said up by about 5.0 points" in q.verdict.text() and f"{abs(change):.1f}" in q.verdict.text()
    view.undo_update()
    assert not q.isVisible() and view.panel.apply_button.isEnabled()
    view.panel.apply_button.click()  # asked again, then Ask first unticked: the question goes
    assert q.asking
    view.panel.ask_first.setChecked(False)
    assert not q.isVisible() and view.panel.apply_button.isEnabled() and not view._applied


def test_the_question_on_its_own(qtbot):
    q = GuessQuestion()
    qtbot.addWidget(q)
    q.show()
    guesses = []
    q.answered.connect(guesses.append)
    q.ask("Will the loss go up or down?", unit="nats", maximum=5, decimals=2)
    assert q.asking and q.amount.suffix() == " nats" and q.amount.maximum() == 5
    q.down.click()
    q.amount.setValue(0.5)
    q.submit.click()
    assert guesses[0].direction == DOWN and guesses[0].change == -0.5 and not q.asking
    q.reveal(0.2)
    assert "The other way" in q.verdict.text()
    q.ask("Again?")
    assert q.guess is None and not q.verdict.isVisible() and not q.up.isChecked()
    q.up.click()
    q.submit.click()
    assert guesses[1].direction == UP


def test_an_image_of_the_last_mini_batch_as_the_example(qtbot, view, small):
    model = course_network()
    publish(view, model)
    view.session.show_test_image(0)
    assert not view.example.model().item(1).isEnabled()  # no mini-batch yet
    batch = batch_of(model, small)
    publish(view, model, step=11, batch=batch)  # paused: the view follows at once
    assert view.example.model().item(1).isEnabled() and "8 images" in view.panel.scope.itemText(1)
    view.example.setCurrentIndex(1)
    view.batch_index.setValue(3)
    assert view.batch_index.isVisible()
    np.testing.assert_allclose(view.walk.card("x").value[0], scale_images(small.x_train[2]), rtol=1e-6)
    assert view.label.value() == int(small.y_train[2]) and "mini-batch image 3 of 8" in view.caption.text()
    # the mini-batch's mean gradient, applied to a copy
    view.panel.scope.setCurrentIndex(1)
    view.apply_update()
    up = view._applied[-1][1]
    assert up.batch == 8
    W = model.layers[1].W.astype(np.float64)
    mean = sum(Walkthrough(inspect(model, scale_images(small.x_train[i]), int(small.y_train[i]))).card("dW2").value
               for i in range(8)) / 8
    np.testing.assert_allclose(up.after.layers[1].W, W - 0.1 * mean, rtol=1e-6, atol=1e-9)
    # a new input brings the current input back
    view.session.show_test_image(5)
    assert view.example.currentIndex() == 0 and not view._applied and "Test image 5" in view.caption.text()


def test_the_label_can_be_changed(qtbot, view):
    publish(view, course_network())
    view.session.show_test_image(0)
    own = view.label.value()
    view.label.setValue((own + 1) % 10)
    assert view.walk.ins.t == (own + 1) % 10
    go_to(view, "dy")
    assert view.card.value[0, (own + 1) % 10] < 0  # the gradient now pushes the other digit up


def test_the_cards_hold_still_while_training_runs(qtbot, view):
    first, second, third = course_network(0), course_network(1), course_network(2)
    publish(view, first)
    view.session.show_test_image(0)
    go_to(view, "da1")
    publish(view, second, state=RUNNING, step=20)
    assert view.walk.ins.model is first and view.latest.isVisible() and "waiting" in view.caption.text()
    assert view.card.name == "da1"
    publish(view, second, step=21)  # training paused: a single step's network is followed
    assert view.walk.ins.model is second and not view.latest.isVisible() and view.card.name == "da1"
    view.hold.setChecked(True)
    publish(view, third, step=22)
    assert view.walk.ins.model is second
    view.latest.click()
    assert view.walk.ins.model is third
    fourth = course_network(3)
    publish(view, fourth, step=23)
    view.hold.setChecked(False)  # let go: the network waiting is taken
    assert view.walk.ins.model is fourth and not view.latest.isVisible()
    view.session.publish(Snapshot.of(MLP.create((784, 20, 10)), run_id=2))  # a new run: followed at once
    assert view.walk.ins.network.sizes == (784, 20, 10)


def test_a_network_with_the_squared_error_has_the_jacobian_card(qtbot, view):
    model = MLP.create((784, 30, 10), "tanh", "mse", init="normal", init_std=0.1, seed=1)
    publish(view, model)
    view.session.show_test_image(1)
    assert names(view)[:10] == ["x", "a1", "z1", "a2", "y", "E", "e", "J", "dy", "dW2"]
    go_to(view, "J")
    assert view.detail.values.mode == "heat" and view.detail.shape.text().endswith("shape (10, 10)")
    i, j = 3, 5
    text = hover(view, (i, j))
    assert f"y[{i}]" in text and f"y[{j}]" in text
    go_to(view, "e")
    assert view.detail.check() <= 1e-6


def test_three_hidden_layers_relu_every_card(qtbot, view):
    model = MLP.create((784, 40, 30, 20, 10), "relu", init="he", seed=2)
    publish(view, model)
    view.session.show_test_image(2)
    cards = names(view)
    assert cards[:8] == ["x", "a1", "z1", "a2", "z2", "a3", "z3", "a4"] and "da3" in cards and cards[-1] == "b1"
    for i in range(len(cards)):
        view.go(i)
        assert view.detail.formula.text() == view.walk.cards[i].formula
        if view.card.phase == "backward" and view.card.kind != "J":
            assert view.detail.check() <= 1e-6, view.card.name
    go_to(view, "dW2")
    assert view.detail.values.mode == "heat" and view.detail.diagram.lit() == ([1, 2], 2)
    view.show_all.setChecked(True)
    assert view.detail.values._hit["rows"].tolist() == list(range(40))


def test_the_tab_in_the_window_and_the_trainer_untouched(qtbot, window):
    tabs = window.tabs
    i = tabs.indexOf(window.backprop)
    assert tabs.tabToolTip(i) == "Backpropagation" and tabs.tabToolTip(i - 1) == "Inside the network"
    tabs.setCurrentIndex(i)
    window.session.show_test_image(0)
    qtbot.waitUntil(lambda: window.backprop.walk is not None)
    assert window.backprop.lr.value() == pytest.approx(window.config.lr)
    live = [p.copy() for p in window.trainer.model.params]
    window.backprop.apply_update()
    assert window.backprop._applied
    for p, q in zip(window.trainer.model.params, live):
        np.testing.assert_array_equal(p, q)


def test_a_mini_batch_image_of_a_dropout_step_shows_its_mask(qtbot, view, small):
    model = course_network()
    masks = [(np.random.default_rng(2).random((8, 50)) >= 0.5) * 2.0]
    batch = record(model, model, small.x_train[:8], small.y_train[:8], np.arange(8), masks=masks)
    publish(view, model, batch=batch)
    view.example.setCurrentIndex(1)
    view.batch_index.setValue(2)
    assert names(view)[:5] == ["x", "a1", "z1", "m1", "a2"]
    np.testing.assert_array_equal(view.walk.card("m1").value[0], masks[0][1])
    assert view.walk.card("dz1").formula == "dz1 = dy·W2ᵀ ⊙ m1"
    go_to(view, "m1")
    assert "dropout mask" in view.detail.whatsThis()
    # the mini-batch's update learns with each image's own mask
    view.panel.scope.setCurrentIndex(1)
    view.apply_update()
    mean = sum(Walkthrough(inspect(model, scale_images(small.x_train[i]), int(small.y_train[i]),
                                   masks=[masks[0][i]])).card("dW2").value for i in range(8)) / 8
    np.testing.assert_allclose(view._applied[-1][1].steps["W2"], 0.1 * mean, rtol=1e-6, atol=1e-12)


def test_a_mini_batch_image_is_inspected_with_the_sessions_float64_network(qtbot, view, small):
    model = course_network()
    publish(view, model, batch=batch_of(model, small))
    view.session.show_test_image(0)
    view.example.setCurrentIndex(1)
    # the current input's Inspection (every Inside view's) and this one copy the weights once
    assert view.walk.ins.network is view.session.inspection().network
