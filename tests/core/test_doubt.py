"""The "not sure" signal: low probability, or an input unlike the training images."""
import numpy as np
import pytest

from mlpviz.core.doubt import COMPONENTS, Familiarity, judge
from mlpviz.core.strokes import render_strokes

A = np.array
STAR = np.stack([50 + 50 * np.cos(-np.pi / 2 + 0.8 * np.pi * np.arange(6)),
                 50 + 50 * np.sin(-np.pi / 2 + 0.8 * np.pi * np.arange(6))], 1)
ROUND = np.linspace(0, 2 * np.pi, 40)
ELLIPSE = np.stack([50 + 35 * np.cos(ROUND), 60 + 55 * np.sin(ROUND)], 1)


@pytest.fixture(scope="module")
def familiarity(mnist):
    """As the app learns it, from the whole training set (about a second and a half)."""
    return Familiarity.from_data(mnist)


@pytest.fixture(scope="module")
def network(mnist):
    """784-64-32-10 ReLU trained for about half a second on MNIST (about 97 % of test digits)."""
    from mlpviz.core.config import PRESETS
    from mlpviz.core.trainer import Trainer
    config = PRESETS["fast"].replace(hidden=(64, 32), epochs=None, steps=600)
    trainer = Trainer.from_config(config, mnist, evaluate_epochs=False)
    trainer.step(600)
    return trainer.model


def test_test_digits_are_mostly_trusted(familiarity, network, mnist):
    x = mnist.x_test[:1000] / 255
    p = network.predict_proba(x)
    doubts = [judge(pi, xi, familiarity) for pi, xi in zip(p, x)]
    assert np.mean([d.reason == "unlike the training images" for d in doubts]) < 0.02
    assert np.mean([d.unsure for d in doubts]) < 0.08


@pytest.mark.parametrize("paths", [
    [A([[0.0, 0.0], [100.0, 0.0], [40.0, 150.0]])],  # a 7
    [A([[50.0, 0], [48, 150]])],  # a 1
    [ELLIPSE],  # a 0
    [A([[60.0, 0], [0, 90], [90, 90]]), A([[70.0, 40], [70, 150]])],  # a 4 in two strokes
])
def test_drawn_digits_are_familiar(familiarity, paths):
    assert familiarity.novelty(render_strokes(paths)) < 0.8


@pytest.mark.parametrize("paths", [
    [A([[50.0, 50.0]])],  # a dot
    [A([[0.0, 0.0], [100, 0], [100, 100], [0, 100], [0, 0]])],  # a square
    # Boxes that the pixels took for a squarish 0: their straight sides and corners tell them apart.
    [A([[0.0, 0], [70, 0], [70, 100], [0, 100], [0, 0]])],
    [A([[0.0, 0], [90, 0]]), A([[90.0, 0], [90, 110]]), A([[90.0, 110], [0, 110]]), A([[0.0, 110], [0, 0]])],
    [A([[0.0, 0.0], [100.0, 100.0]]), A([[100.0, 0.0], [0.0, 100.0]])],  # a cross
    [STAR],
    [A([[20.0, 10], [80, 90], [90, 10], [10, 80], [50, 0], [50, 100], [0, 40], [100, 60]])],  # a scribble
], ids=["dot", "square", "tall box", "box in four strokes", "cross", "star", "scribble"])
def test_shapes_that_are_no_digit_are_doubted(familiarity, network, paths):
    x = render_strokes(paths)
    doubt = judge(network.predict_proba(x.reshape(1, -1))[0], x, familiarity)
    assert doubt.unsure and doubt.reason == "unlike the training images" and doubt.novelty > 1
    certain = judge(np.eye(10)[3], x, familiarity)  # even a network certain of its answer
    assert certain.unsure and certain.reason == "unlike the training images" and certain.digit == 3


def test_a_blot_is_unfamiliar(familiarity):
    assert familiarity.novelty(np.ones((28, 28), np.float32)) > 1


def test_the_references_are_kept_small_and_the_scale_comes_from_unseen_training_digits(small):
    fam = Familiarity.from_data(small, n=2000, calibrate=500)
    assert fam.references.shape == (2000, COMPONENTS) and fam.references.dtype == np.float32
    assert fam.scale > 0
    # The 500 digits held out to set the scale lie farther from the references than the references
    # themselves (whose only distance is the part of their description outside the components),
    # 99.5 % of them within novelty 1 (three of 500 beyond).
    order = np.random.default_rng(0).permutation(len(small.x_train))
    kept = fam.distance(small.x_train[order[500:1000]]) / fam.scale
    held_out = fam.distance(small.x_train[order[:500]]) / fam.scale
    assert np.median(kept) < 0.5 * np.median(held_out) and (held_out > 1).mean() < 0.01


def test_low_probability_is_unsure_high_is_sure():
    p = np.full(10, 0.05)
    p[4] = 0.55
    doubt = judge(p)
    assert doubt.unsure and doubt.reason == "low top probability" and doubt.digit == 4
    sure = judge(np.eye(10)[7] * 0.9 + 0.01)
    assert not sure.unsure and sure.reason == "" and sure.novelty is None and sure.probability == pytest.approx(0.91)


def test_a_datasets_familiarity_is_made_once_while_the_dataset_lives(small):
    from mlpviz.core.doubt import Familiarity
    first = Familiarity.from_data(small)
    assert Familiarity.from_data(small) is first  # every window on the same data shares it
    assert Familiarity.from_data(small, seed=1) is not first


def test_the_same_input_is_described_once(small, monkeypatch):
    from mlpviz.core.doubt import Familiarity
    fam = Familiarity.from_data(small)
    x = small.x_test[0] / 255
    first = fam.novelty(x)
    calls = []
    monkeypatch.setattr(fam, "distance", lambda x: calls.append(x) or np.zeros(1))
    assert fam.novelty(x.copy()) == first and calls == []  # each snapshot's network, the same input
    fam.novelty(small.x_test[1] / 255)
    assert len(calls) == 1
