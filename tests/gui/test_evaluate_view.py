"""The Evaluate view: a session of its own, snapshots of a small trained network."""
import threading

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from mlpviz.core import evaluation as E
from mlpviz.core.evaluation import evaluate
from mlpviz.gui.snapshot import DIVERGED, PAUSED, RUNNING, Snapshot
from mlpviz.gui.views.evaluate import EvaluateView, confusion_rgb
from mlpviz.gui.views.evaluate import view as evaluate_view


@pytest.fixture(scope="module")
def evaluated(trained, small):
    """The shared trained network, with its test evaluation."""
    return trained, evaluate(trained, small.x_test, small.y_test, keep_probabilities=True)


def snapshot(model, evaluation, step=60, state=PAUSED, run_id=1):
    return Snapshot.of(model.copy(), step=step, epoch_progress=step / 30, steps_per_epoch=30, lr=0.003,
                       state=state, run_id=run_id, evaluation=evaluation)


@pytest.fixture
def view(make_view):
    v = make_view(EvaluateView, 1400, 800)
    yield v
    assert v.session.jobs.shutdown()


def publish(qtbot, view, snap) -> None:
    """Publish and let the refresh finish its second turn (the gallery, the coverage)."""
    view.session.publish(snap)
    qtbot.waitUntil(lambda: not view.refreshing, timeout=2000)


def wait_jobs(qtbot, view):
    qtbot.waitUntil(lambda: view.robustness is not None and view.projection is not None, timeout=20000)


def test_confusion_colours_show_the_share_of_each_row():
    rgb = confusion_rgb(np.array([[9, 1], [0, 0]]))
    assert rgb.shape == (2, 2, 3) and rgb.dtype == np.uint8
    assert rgb[0, 0, 2] > rgb[0, 0, 0]  # the diagonal is blue
    assert rgb[0, 1, 0] == 255 and rgb[0, 1, 1] < 255  # a mistake is red
    assert (rgb[1] == 255).all()  # an empty row stays white


def test_an_epoch_end_evaluation_fills_everything(qtbot, view, evaluated, small):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev, state=RUNNING))
    assert view.evaluation is ev
    texts = view.mistakes.confusion_texts.texts()
    assert texts[3 * 10 + 5] == str(ev.confusion[3, 5])
    assert texts[100 + 7] == f"{E.per_class_accuracy(ev.confusion)[7]:.1%}"
    mistakes = E.mistakes(ev.probabilities, small.y_test)
    assert view.mistakes.gallery.indices() == mistakes[:view.mistakes.gallery.limit].tolist()
    wait_jobs(qtbot, view)
    assert view.robustness == E.robustness(view.model, small.x_test, small.y_test, small.image_shape)
    xs, ys = view.robustness_panel.robustness_curves["rotation"].getData()
    assert xs.tolist() == list(E.DEFAULT_LEVELS["rotation"]) and ys[0] > ys[-1]
    layer, coords, _ = view.projection
    assert layer == len(model.sizes) - 2  # the last hidden layer
    assert coords.shape == (min(E.MAP_POINTS, len(small.y_test)), 2)
    assert len(view.hidden_map.map_points.data) == len(coords)


def test_the_same_evaluation_is_not_recomputed(qtbot, view, evaluated):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev, state=RUNNING))
    wait_jobs(qtbot, view)
    first = view.robustness
    publish(qtbot, view, snapshot(model, ev, step=61, state=RUNNING))  # a later snapshot, same epoch
    assert not view.busy and view.robustness is first


def test_clicking_a_confusion_cell_shows_exactly_its_images(qtbot, view, evaluated, small):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    true, pred = np.unravel_index(np.argmax(ev.confusion - np.diag(np.diag(ev.confusion))), ev.confusion.shape)
    vb = view.mistakes.confusion_plot.getPlotItem().vb
    scene_pos = vb.mapViewToScene(QPointF(pred + 0.5, true + 0.5))
    pos = view.mistakes.confusion_plot.mapFromScene(scene_pos)
    qtbot.mouseClick(view.mistakes.confusion_plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.cell == (true, pred)
    shown = view.mistakes.gallery.indices()
    expected = np.flatnonzero((small.y_test == true) & (ev.predicted == pred))
    assert sorted(shown) == expected.tolist() and len(shown) == ev.confusion[true, pred]
    conf = ev.probabilities[shown, pred]
    assert np.all(np.diff(conf) <= 0)  # most confident first
    assert f"{true}s read as {pred}" in view.mistakes.gallery_title.text()
    view.mistakes.mistakes_button.click()
    mistakes = ev.confusion.sum() - np.trace(ev.confusion)
    assert view.cell is None and len(view.mistakes.gallery.indices()) == min(200, mistakes)


def test_clicking_a_thumbnail_makes_it_the_input(qtbot, view, evaluated, small):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    inputs = []
    view.session.inputChanged.connect(lambda x, source: inputs.append((x, source)))
    item = view.mistakes.gallery.item(2)
    qtbot.mouseClick(view.mistakes.gallery.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mistakes.gallery.visualItemRect(item).center())
    index = view.mistakes.gallery.indices()[2]
    assert len(inputs) == 1 and f"Test image {index}" in inputs[0][1]
    np.testing.assert_allclose(inputs[0][0], small.x_test[index] / 255, rtol=1e-6)


def test_map_hover_and_click(qtbot, view, evaluated, small):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    wait_jobs(qtbot, view)
    spot = view.hidden_map.map_points.points()[5]
    view.hidden_map.map_points.sigHovered.emit(view.hidden_map.map_points, [spot], None)
    assert view.hidden_map.map_hover.text().startswith(f"Test image 5: label {small.y_test[5]}")
    inputs = []
    view.session.inputChanged.connect(lambda x, source: inputs.append(source))
    view.hidden_map.map_points.sigClicked.emit(view.hidden_map.map_points, [spot], None)
    assert inputs == [f"Test image 5 (label {small.y_test[5]})"]


def test_threshold_slider_moves_the_point_on_the_curve(qtbot, view, evaluated, small):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    view.coverage.threshold.setValue(90)
    row = E.coverage(ev.probabilities, small.y_test, (0.9,))[0]
    xs, ys = view.coverage.coverage_point.getData()
    assert xs[0] == pytest.approx(row["coverage"]) and ys[0] == pytest.approx(row["accuracy"])
    assert f"{row['coverage']:.1%}" in view.coverage.threshold_label.text()


def test_robustness_preview_and_using_it(qtbot, view, evaluated):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    view.robustness_panel.preview_damage("rotation", 3)
    assert "rotation 30" in view.robustness_panel.preview_label.text()
    inputs = []
    view.session.inputChanged.connect(lambda x, source: inputs.append(source))
    view.robustness_panel.use_preview()
    assert inputs == ["Test image 0, rotation 30"]


def test_a_paused_network_without_an_evaluation_is_evaluated_off_the_gui_thread(qtbot, view, evaluated, small):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, None, state=RUNNING))
    assert not view.busy and view.evaluation is None  # training: wait for the epoch end
    publish(qtbot, view, snapshot(model, None, state=PAUSED))
    assert view.busy and "Evaluating" in view.status.text()
    qtbot.waitUntil(lambda: view.evaluation is not None, timeout=10000)
    np.testing.assert_array_equal(view.evaluation.confusion, ev.confusion)


def test_a_new_run_clears_the_view(qtbot, view, evaluated):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    publish(qtbot, view, snapshot(model, None, run_id=2, state=RUNNING))
    assert view.evaluation is None and view.mistakes.gallery.count() == 0 and not view.busy


def test_the_job_services_shutdown_stops_the_views_running_jobs(qtbot, view, evaluated, monkeypatch):
    started, stopped = threading.Event(), threading.Event()

    def endless(model, x, layer, should_stop=None, progress=None):
        started.set()
        while not should_stop():
            pass
        stopped.set()

    monkeypatch.setattr(evaluate_view, "projection_job", endless)
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert view.busy and view.session.jobs.shutdown(5.0)
    assert stopped.is_set()


def test_refreshes_do_not_grow_the_map_symbol_cache(qtbot, view, evaluated, small):
    # The scatter plot caches one rendered symbol per pen/brush object: new ones at every epoch
    # would grow it (and the memory) without end.
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev, state=RUNNING))
    wait_jobs(qtbot, view)
    cached = len(view.hidden_map.map_points.fragmentAtlas)
    for step in (90, 120):
        view.projection = None
        again = evaluate(model, small.x_test, small.y_test, keep_probabilities=True)
        publish(qtbot, view, snapshot(model, again, step=step, state=RUNNING))
        qtbot.waitUntil(lambda: view.projection is not None, timeout=20000)
    assert 0 < cached == len(view.hidden_map.map_points.fragmentAtlas)


def test_the_korean_view_shows_no_english(qtbot, tmp_path, monkeypatch, make_view, evaluated):
    """Every text of a filled view (status, galleries, threshold, map, robustness, previews) reads Korean."""
    from test_translation import HANGUL, untranslated, visible_texts

    from mlpviz.gui import translation
    from mlpviz.gui.widgets.whatsthis import HelpButton

    monkeypatch.setattr(translation, "_cache", lambda: tmp_path / "cache")
    assert translation.install("ko")
    try:
        v = make_view(EvaluateView, 1400, 800)  # made after the translator: its texts are Korean
        model, ev = evaluated
        publish(qtbot, v, snapshot(model, ev))
        wait_jobs(qtbot, v)
        v.hidden_map.hover_point(5)
        v.robustness_panel.preview_damage("rotation", 3)
        v.show_cell(3, 5)
        gallery = v.mistakes.gallery
        texts = [text for _, text in visible_texts(v)] + [gallery.item(i).text() for i in range(gallery.count())]
        assert len(texts) > 40
        assert [t for t in texts if untranslated(t)] == []
        assert "혼동 행렬" in v.mistakes.confusion_plot.getPlotItem().titleLabel.text
        assert "회전 30" in v.robustness_panel.preview_label.text()
        assert HANGUL.search(v.whatsThis()) and any(b.view is v for b in v.findChildren(HelpButton))
        layers = v.hidden_map.layer_box
        assert layers.currentData() == len(model.layers) - 1 and "은닉층" in layers.itemText(1)
        assert v.session.jobs.shutdown()
    finally:
        translation.install("en")


def test_a_narrow_view_shows_its_three_parts_in_tabs(qtbot, view):
    parts = [widget for widget, _ in view.parts]
    assert view.columns.count() == 3 and view.part_tabs.count() == 0
    view.resize(800, 600)
    qtbot.waitUntil(lambda: view.part_tabs.count() == 3)
    assert [view.part_tabs.widget(i) for i in range(3)] == parts and view.columns.count() == 0
    assert view.part_tabs.isVisible() and not view.columns.isVisible()
    view.resize(1400, 800)
    qtbot.waitUntil(lambda: view.columns.count() == 3)
    assert [view.columns.widget(i) for i in range(3)] == parts and view.part_tabs.count() == 0
    assert view.columns.isVisible() and all(part.isVisible() for part in parts)


def test_a_sweep_under_way_finishes_and_then_one_for_the_latest_network_runs(qtbot, view, evaluated, small,
                                                                              monkeypatch):
    """Epochs can be shorter than a robustness sweep: cancelled at every epoch end, none was ever seen."""
    gates, models = [threading.Event(), threading.Event()], []

    def sweep(model, x, y, shape, should_stop=None, progress=None):
        k = len(models)
        models.append(model)
        gates[k].wait(5)
        return {kind: [[0.0, 0.9 - k / 10], [1.0, 0.5]] for kind in E.DAMAGES}

    monkeypatch.setattr(evaluate_view, "robustness_job", sweep)
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev, state=RUNNING))
    qtbot.waitUntil(lambda: len(models) == 1, timeout=10000)
    first_map = view.projection
    again = evaluate(model, small.x_test, small.y_test, keep_probabilities=True)
    publish(qtbot, view, snapshot(model, again, step=90, state=RUNNING))  # the next epoch end
    # The new network's map is drawn and nothing more is set to start: the sweep's turn has come and gone.
    qtbot.waitUntil(lambda: view.projection is not first_map and not view.scheduled, timeout=10000)
    assert len(models) == 1 and view.robustness is None  # still the first sweep
    gates[0].set()
    qtbot.waitUntil(lambda: len(models) == 2, timeout=10000)
    # The first sweep's curves are shown while the latest network's runs.
    assert view.robustness_panel.robustness_curves["noise"].getData()[1].tolist() == [0.9, 0.5]
    assert models[0] is not models[1] and models[1] is view.model
    gates[1].set()
    noise = view.robustness_panel.robustness_curves["noise"]
    qtbot.waitUntil(lambda: noise.getData()[1].tolist() == [0.8, 0.5], timeout=10000)


def test_a_network_viewed_on_the_timeline_is_the_one_evaluated(qtbot, view, small):
    """Scrubbed back to step 0, the view showed the live run's last evaluation instead."""
    from mlpviz.core.config import Config
    from mlpviz.core.trainer import Trainer
    config = Config(hidden=(32,), activation="relu", init="he", optimizer="adam", lr=0.003, steps=60, epochs=None)
    trainer = Trainer.from_config(config, small, evaluate_epochs=False)
    trainer.step(60)
    live = evaluate(trainer.model, small.x_test, small.y_test, keep_probabilities=True)
    snap = Snapshot.of(trainer.model.copy(), step=60, epoch_progress=2.0, steps_per_epoch=30, lr=0.1,
                       state=RUNNING, run_id=1, evaluation=live, timeline=trainer.timeline)
    publish(qtbot, view, snap)
    assert view.evaluation is live
    first = trainer.timeline.model_at(0)  # the untrained network
    view.session.view_step(0)
    qtbot.waitUntil(lambda: view.model is first, timeout=5000)
    expected = evaluate(first, small.x_test, small.y_test)
    assert view.evaluation.accuracy == pytest.approx(expected.accuracy)
    assert expected.accuracy < live.accuracy - 0.2
    view.session.view_step(None)  # live again: the live evaluation
    qtbot.waitUntil(lambda: view.evaluation is live, timeout=5000)


# --- every figure belongs to the network it names (issue 26) ---------------------------------

def epoch_end(step: int, epoch: int = 2) -> tuple:
    """The epoch records of a run whose latest epoch ended at `step` (its evaluation's network)."""
    from mlpviz.core.trainer import EpochRecord
    return (EpochRecord(epoch, step, 0.3, 0.9, 0.3, 0.9, 1.0),)


def answering(model, digit: int):
    """A copy of model that reads every image as `digit` (finite weights, as a blown-up network's can be)."""
    m = model.copy()
    m.layers[-1].W[...] = 0
    m.layers[-1].b[...] = 0
    m.layers[-1].b[digit] = 10
    return m


def faded(panel) -> bool:
    """The panel is greyed: its figures are out of date."""
    return panel.graphicsEffect() is not None and panel.graphicsEffect().isEnabled()


def shows_as_current(view, ev) -> bool:
    """The view presents ev's accuracy as the figures of the network it names now."""
    return f"{ev.accuracy:.2%}" in view.status.text() and not view.stale


def test_after_divergence_the_old_accuracy_is_not_shown_as_current(qtbot, view, evaluated, small):
    """A network that reads 9 everywhere still showed the last epoch end's accuracy."""
    model, ev = evaluated
    publish(qtbot, view, Snapshot.of(model.copy(), step=60, state=RUNNING, run_id=1, evaluation=ev,
                                     epochs=epoch_end(60)))
    assert shows_as_current(view, ev)
    nines = answering(model, 9)
    view.session.publish(Snapshot.of(nines, step=75, state=DIVERGED, run_id=1, evaluation=ev, epochs=epoch_end(60)))
    assert not shows_as_current(view, ev)
    assert view.stale and "step 75" in view.status.text()
    qtbot.waitUntil(lambda: view.evaluation is not ev and not view.stale, timeout=10000)
    honest = np.mean(small.y_test == 9)
    assert view.model is nines and view.evaluation.accuracy == pytest.approx(honest)
    assert f"{honest:.2%}" in view.status.text() and "step 75" in view.status.text()


def test_a_network_whose_weights_are_not_numbers_is_said_to_be_unevaluable(qtbot, view, evaluated):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    broken = model.copy()
    broken.layers[0].W[3, 5] = np.nan
    view.session.publish(Snapshot.of(broken, step=75, state=DIVERGED, run_id=1, evaluation=ev, epochs=epoch_end(60)))
    qtbot.waitUntil(lambda: "cannot be evaluated" in view.status.text(), timeout=10000)
    assert "step 75" in view.status.text() and f"{ev.accuracy:.2%}" not in view.status.text()
    assert view.evaluation is None and view.mistakes.gallery.count() == 0  # no old figure left
    assert view.mistakes.confusion_image.image is None and not view.busy


def test_a_new_network_shows_none_of_the_old_figures(qtbot, view, evaluated):
    """A new network showed the old one's accuracy above an empty matrix."""
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    view.session.publish(snapshot(model, None, step=0, run_id=2, state=RUNNING))  # a new network trains
    assert f"{ev.accuracy:.2%}" not in view.status.text() and "mistakes" not in view.status.text()
    assert view.evaluation is None and not view.stale
    view.session.publish(snapshot(answering(model, 3), None, step=0, run_id=3))  # a network opened, paused
    assert f"{ev.accuracy:.2%}" not in view.status.text() and "Evaluating" in view.status.text()
    qtbot.waitUntil(lambda: view.evaluation is not None, timeout=10000)
    assert view.evaluation.accuracy < 0.2


def test_single_steps_while_paused_refresh_the_figures(qtbot, view, evaluated, small):
    """A paused network stepped since the epoch end showed that epoch end's figures as its own."""
    model, ev = evaluated
    publish(qtbot, view, Snapshot.of(model.copy(), step=60, state=PAUSED, run_id=1, evaluation=ev,
                                     epochs=epoch_end(60)))
    assert view.evaluation is ev and "step 60" in view.status.text() and not view.stale
    stepped = answering(model, 7)  # one step later (a big one)
    view.session.publish(Snapshot.of(stepped, step=61, state=PAUSED, run_id=1, evaluation=ev, epochs=epoch_end(60)))
    # Until its own arrive, the old figures are greyed and said to be out of date.
    assert view.stale and not shows_as_current(view, ev)
    assert "step 61" in view.status.text() and "out of date" in view.status.text()
    assert faded(view.mistakes) and faded(view.coverage)
    qtbot.waitUntil(lambda: not view.stale, timeout=10000)
    assert view.model is stepped and view.evaluation.accuracy == pytest.approx(np.mean(small.y_test == 7))
    assert "step 61" in view.status.text() and not faded(view.mistakes) and not faded(view.coverage)


def test_an_edit_and_its_undo_at_the_same_step_are_evaluated_each(qtbot, view, evaluated, small):
    """After Undo, the edited network's accuracy stayed."""
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, None, step=70))  # paused between epoch ends: evaluated here
    qtbot.waitUntil(lambda: view.evaluation is not None, timeout=10000)
    np.testing.assert_array_equal(view.evaluation.confusion, ev.confusion)
    edited = answering(model, 4)
    view.session.publish(snapshot(edited, None, step=70))
    assert view.stale
    qtbot.waitUntil(lambda: not view.stale, timeout=10000)
    assert view.evaluation.accuracy == pytest.approx(np.mean(small.y_test == 4))
    view.session.publish(snapshot(model, None, step=70))  # undo: the weights as they were
    assert view.stale
    qtbot.waitUntil(lambda: not view.stale, timeout=10000)
    np.testing.assert_array_equal(view.evaluation.confusion, ev.confusion)
    shown = view.evaluation
    qtbot.waitUntil(lambda: not view.busy, timeout=20000)  # its map and sweep done
    view.session.publish(snapshot(model, None, step=70))  # the same weights again (a setting changed)
    assert not view.busy and not view.stale and view.evaluation is shown


def test_a_map_and_sweep_of_an_older_network_are_greyed_until_the_new_ones_come(qtbot, view, evaluated, small):
    model, ev = evaluated
    publish(qtbot, view, snapshot(model, ev))
    wait_jobs(qtbot, view)
    first_map, first_sweep = view.projection, view.robustness
    assert not view.stale and not faded(view.robustness_panel) and not faded(view.hidden_map)
    publish(qtbot, view, snapshot(answering(model, 2), None, step=61))
    qtbot.waitUntil(lambda: view.evaluation is not ev and view.projection is first_map, timeout=10000)
    assert not view.stale and not faded(view.mistakes)
    assert faded(view.hidden_map) and faded(view.robustness_panel)  # the previous network's
    qtbot.waitUntil(lambda: view.projection is not first_map and view.robustness is not first_sweep, timeout=20000)
    assert not faded(view.hidden_map) and not faded(view.robustness_panel)


def test_in_the_window_an_edit_and_a_step_at_an_epoch_end_get_their_own_figures(qtbot, window, small):
    """Evaluate, shown after an edit at an epoch end, took the trainer's evaluation of the network
    before the edit for the edited one's; a step later it still showed that epoch end's."""
    view = window.evaluate
    window.step_epoch()
    qtbot.waitUntil(lambda: bool(window.latest.epochs) and window.latest.evaluation is not None
                    and window.controller.worker.idle.is_set(), timeout=15000)
    assert window.tabs.currentWidget() is not view  # Evaluate has seen nothing yet
    before = window.latest.evaluation
    edited = answering(window.latest.model, 9)
    window.commands.install_edits(edited)
    qtbot.waitUntil(lambda: np.array_equal(window.latest.model.layers[-1].b, edited.layers[-1].b), timeout=15000)
    assert window.latest.evaluation is None  # the trainer's was of the network before the edit
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.evaluation is not None and not view.stale, timeout=15000)
    assert view.evaluation is not before and view.evaluation.accuracy == pytest.approx(np.mean(small.y_test == 9))
    step = window.latest.step
    window.step_once()
    qtbot.waitUntil(lambda: window.latest.step == step + 1, timeout=15000)
    window.session.flush()  # the view takes the snapshot now, not at its turn
    assert view.stale or f"step {step + 1}" in view.status.text()  # greyed, or already its own
    qtbot.waitUntil(lambda: not view.stale, timeout=15000)
    assert f"step {step + 1}" in view.status.text()
    np.testing.assert_array_equal(view.model.layers[0].W, window.latest.model.layers[0].W)


def test_in_the_window_a_diverged_network_does_not_keep_the_old_accuracy(qtbot, window):
    view = window.evaluate
    window.tabs.setCurrentWidget(view)
    window.controls.hidden.setText("64,64")
    window.controls.hidden.editingFinished.emit()
    window.controls.activation.setCurrentIndex(window.controls.activation.findData("leaky_relu"))
    window.controls.init.setCurrentIndex(window.controls.init.findData("he"))
    qtbot.waitUntil(lambda: window.latest.model.sizes == (784, 64, 64, 10), timeout=15000)
    window.step_epoch()
    qtbot.waitUntil(lambda: view.evaluation is not None and view.evaluation is window.latest.evaluation, timeout=15000)
    old = view.evaluation
    assert shows_as_current(view, old)
    window.controls.lr.setValue(50)
    window.toggle_run()
    qtbot.waitUntil(lambda: window.latest.state == DIVERGED, timeout=15000)
    window.session.flush()  # the view takes the snapshot now, not at its turn
    assert not shows_as_current(view, old)
    qtbot.waitUntil(lambda: not view.busy, timeout=15000)
    assert f"step {window.latest.step:,}" in view.status.text() and view.evaluation is not old
