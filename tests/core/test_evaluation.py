"""Where a network fails: per-class accuracy, mistakes, coverage, damages, robustness, projections."""
import numpy as np
import pytest

from mlpviz.core import evaluation as E
from mlpviz.core.data import scale_images
from mlpviz.core.evaluation import evaluate
from mlpviz.core.model import MLP


@pytest.fixture(scope="module")
def evaluated(trained, small):
    """The shared trained network, with its test evaluation."""
    return trained, evaluate(trained, small.x_test, small.y_test, keep_probabilities=True)


def probs_of(rows):
    return np.array(rows, np.float32)


def test_per_class_accuracy_is_the_diagonal_over_row_sums():
    confusion = np.array([[8, 2, 0], [1, 1, 2], [0, 0, 0]])
    np.testing.assert_allclose(E.per_class_accuracy(confusion)[:2], [0.8, 0.25])
    assert np.isnan(E.per_class_accuracy(confusion)[2])  # no image of that class


def test_per_class_accuracy_of_a_real_evaluation(evaluated, small):
    _, ev = evaluated
    acc = E.per_class_accuracy(ev.confusion)
    for d in range(10):
        mine = small.y_test == d
        assert acc[d] == pytest.approx(np.mean(ev.predicted[mine] == d))


def test_mistakes_are_exactly_the_misread_images_most_confident_first(evaluated, small):
    _, ev = evaluated
    idx = E.mistakes(ev.probabilities, small.y_test)
    assert set(idx) == set(np.flatnonzero(ev.predicted != small.y_test)) and len(idx) == len(set(idx))
    conf = ev.probabilities[idx].max(axis=1)
    assert np.all(np.diff(conf) <= 0) and len(idx) > 10
    records = E.mistake_records(ev.probabilities, small.y_test)
    assert [r["index"] for r in records] == idx.tolist()
    r = records[0]
    assert r["label"] == small.y_test[r["index"]] != r["predicted"] == ev.predicted[r["index"]]
    assert r["confidence"] == pytest.approx(ev.probabilities[r["index"], r["predicted"]])


def test_a_confusion_cell_holds_its_count_of_images(evaluated, small):
    _, ev = evaluated
    for t, p in [(2, 8), (4, 9), (3, 3)]:
        idx = E.cell(ev.probabilities, small.y_test, t, p)
        assert len(idx) == ev.confusion[t, p]
        assert np.all(small.y_test[idx] == t) and np.all(ev.predicted[idx] == p)
        assert np.all(np.diff(ev.probabilities[idx, p]) <= 0)


def test_coverage_on_a_hand_made_example():
    probs = probs_of([[0.95, 0.05], [0.3, 0.7], [0.55, 0.45], [0.1, 0.9], [0.4, 0.6]])
    labels = np.array([0, 0, 0, 1, 1])  # right: 0, 2, 3, 4; wrong: 1 (confidence 0.7)
    rows = E.coverage(probs, labels, (0.5, 0.6, 0.8, 0.99))
    assert [r["coverage"] for r in rows] == [1.0, 0.8, 0.4, 0.0]
    assert [r["accuracy"] for r in rows[:3]] == [0.8, 0.75, 1.0]
    assert np.isnan(rows[3]["accuracy"])  # nothing answered


def test_coverage_is_monotone_and_the_curve_ends_at_plain_accuracy(evaluated, small):
    _, ev = evaluated
    rows = E.coverage(ev.probabilities, small.y_test)
    assert [r["threshold"] for r in rows] == list(E.COVERAGE_THRESHOLDS)
    cov = [r["coverage"] for r in rows]
    assert cov == sorted(cov, reverse=True) and cov[0] < 1
    accs = [r["accuracy"] for r in rows]
    assert accs[0] > ev.accuracy and accs[-1] > accs[0]  # more confident answers are more often right
    c, a, t = E.coverage_curve(ev.probabilities, small.y_test)
    assert c[-1] == 1 and a[-1] == pytest.approx(ev.accuracy) and np.all(np.diff(t) <= 0)
    k = int(round(rows[2]["coverage"] * len(c)))  # the curve passes through each threshold's point
    assert a[k - 1] == pytest.approx(rows[2]["accuracy"])


@pytest.mark.parametrize("kind", E.DAMAGES)
def test_damages_keep_shape_and_range_and_level_zero_is_the_identity(kind, small):
    images = scale_images(small.x_test[:50]).reshape(-1, 28, 28)
    same = E.damage(images, kind, 0, np.random.default_rng(0))
    np.testing.assert_array_equal(same, images)
    for level in E.DEFAULT_LEVELS[kind][1:]:
        out = E.damage(images, kind, level, np.random.default_rng(0))
        assert out.shape == images.shape and out.dtype == np.float32
        assert out.min() >= 0 and out.max() <= 1
        assert np.abs(out - images).sum(axis=(1, 2)).min() > 0  # every image changed
        np.testing.assert_array_equal(out, E.damage(images, kind, level, np.random.default_rng(0)))
    np.testing.assert_array_equal(images, scale_images(small.x_test[:50]).reshape(-1, 28, 28))  # input kept


def test_damages_do_what_they_say(small):
    img = scale_images(small.x_test[:20]).reshape(-1, 28, 28)
    rng = np.random.default_rng(0)
    thin, thick = E.damage(img, "thin", 1, rng), E.damage(img, "thick", 1, rng)
    assert (thin > 0.5).sum() < (img > 0.5).sum() < (thick > 0.5).sum()
    quarter = E._warp(img, np.full(20, np.pi / 2), np.zeros(20), np.zeros(20))
    np.testing.assert_allclose(quarter, np.rot90(img, -1, axes=(1, 2)), atol=1e-5)  # a quarter turn
    moved = E._warp(img, np.zeros(20), np.full(20, 2.0), np.full(20, -3.0))
    np.testing.assert_array_equal(moved[:, 2:, :25], img[:, :26, 3:])  # 2 down, 3 left
    blotted = E.damage(img, "occlusion", 6, rng)
    changed = (blotted != img).sum(axis=(1, 2))
    assert np.all(changed > 0) and np.all(changed <= 36) and np.all(blotted <= img)
    noisy = E.damage(np.full((1, 28, 28), 0.5, np.float32), "noise", 0.1, rng)
    assert noisy.std() == pytest.approx(0.1, rel=0.1)


def test_damage_rejects_bad_arguments():
    with pytest.raises(ValueError, match="unknown damage"):
        E.damage(np.zeros((1, 28, 28)), "blur", 1, np.random.default_rng())
    with pytest.raises(ValueError, match="at least 0"):
        E.damage(np.zeros((1, 28, 28)), "noise", -1, np.random.default_rng())


def test_robustness_starts_at_plain_accuracy_and_falls(evaluated, small):
    model, _ = evaluated
    progress = []
    result = E.robustness(model, small.x_test, small.y_test, small.image_shape, n=500, progress=progress.append)
    plain = evaluate(model, small.x_test[:500], small.y_test[:500]).accuracy
    assert list(result) == list(E.DAMAGES)
    for kind, rows in result.items():
        assert [lv for lv, _ in rows] == list(E.DEFAULT_LEVELS[kind])
        assert rows[0] == [0.0, pytest.approx(plain)]
        assert rows[-1][1] < plain - 0.1  # the strongest damage hurts
    assert progress[-1] == 1 and progress == sorted(progress)
    again = E.robustness(model, small.x_test, small.y_test, small.image_shape, n=500)
    assert again == result  # seeded: the same numbers every time


@pytest.mark.parametrize("kind", E.DAMAGES)
def test_robustness_in_chunks_is_the_damage_of_all_images_at_once(kind, evaluated, small):
    model, _ = evaluated
    n, li = E.DAMAGE_CHUNK + 37, 2  # more than one chunk, the last one short
    level = E.DEFAULT_LEVELS[kind][li]
    images = scale_images(small.x_test[:n]).reshape(-1, *small.image_shape)
    whole = E.damage(images, kind, level, E.damage_rng(0, kind, li))
    expected = E.accuracy(model, whole.reshape(n, -1), small.y_test[:n])
    result = E.robustness(model, small.x_test, small.y_test, small.image_shape, n=n,
                          levels={kind: E.DEFAULT_LEVELS[kind][:li + 1]})
    assert result[kind][li] == [level, expected]


def test_robustness_can_be_stopped(evaluated, small):
    model, _ = evaluated
    calls = []
    stop = lambda: calls.append(1) or len(calls) > 3  # noqa: E731
    assert E.robustness(model, small.x_test, small.y_test, small.image_shape, n=100, should_stop=stop) is None
    assert len(calls) == 4


def test_layer_activations_are_each_representation(evaluated, small):
    model, _ = evaluated
    x = small.x_test[:30]
    names = E.layer_names(model)
    last = len(model.sizes) - 1  # input, each hidden layer, output
    assert len(names) == last + 1 and names[0].startswith("input") and names[-1].startswith("output")
    np.testing.assert_allclose(E.layer_activations(model, x, 0), x / 255, rtol=1e-6)
    hidden = E.layer_activations(model, x, 1, chunk=7)
    assert hidden.shape == (30, model.sizes[1]) and hidden.min() >= 0  # ReLU
    out = E.layer_activations(model, x, last)
    np.testing.assert_allclose(out, model.predict_proba(x / 255), rtol=1e-5, atol=1e-7)
    with pytest.raises(ValueError):
        E.layer_activations(model, x, last + 1)


def test_pca_finds_the_dominant_direction(rng):
    direction = np.array([3.0, 4.0, 0.0, 0.0, 0.0]) / 5
    t = rng.normal(0, 10, 500)
    x = t[:, None] * direction + rng.normal(0, 0.5, (500, 5)) + 7
    coords, components, ratio = E.pca(x, 2)
    assert coords.shape == (500, 2) and components.shape == (2, 5)
    assert abs(components[0] @ direction) > 0.999 and components[0].max() > 0  # sign fixed
    assert abs(np.corrcoef(coords[:, 0], t)[0, 1]) > 0.998  # noise of std 0.5 along it too
    assert ratio[0] > 0.9 and abs(components[0] @ components[1]) < 1e-9
    np.testing.assert_allclose(coords.mean(axis=0), 0, atol=1e-4)
    wide = np.concatenate([x, np.zeros((500, 995))], axis=1)[:100]  # more dimensions than points: SVD path
    np.testing.assert_allclose(np.abs(E.project(wide)), np.abs(E.project(x[:100])), rtol=1e-4, atol=1e-4)


def test_pca_of_an_untrained_network_runs_on_each_layer(small):
    model = MLP.create((784, 16, 10), "relu", init="he")
    for layer in range(3):
        assert E.project(E.layer_activations(model, small.x_test[:200], layer)).shape == (200, 2)
