"""The Evaluate view: a session of its own, snapshots of a small trained network."""
import threading

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from mlpviz.core import evaluation as E
from mlpviz.core.evaluation import evaluate
from mlpviz.gui.snapshot import PAUSED, RUNNING, Snapshot
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
