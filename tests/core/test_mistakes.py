"""The course notebook's two update mistakes, reproduced on request and only then; the course's
experiments as data."""
import json

import numpy as np
import pytest

from mlpviz.core.config import Config, ConfigError
from mlpviz.core.data import MIN_TRAIN_IMAGES
from mlpviz.core.experiments import EXPERIMENTS, experiment
from mlpviz.core.model import MLP
from mlpviz.core.optim import MISTAKES, OPTIMIZERS, SGD, make_optimizer
from mlpviz.core.trainer import Trainer, build


def test_without_a_mistake_the_optimizers_are_the_plain_classes():
    for name, cls in OPTIMIZERS.items():
        assert type(make_optimizer(name, 0.1)) is cls
    assert type(make_optimizer("sgd", 0.1, mistake="w_update")) is not SGD
    assert isinstance(make_optimizer("sgd", 0.1, mistake="w_update"), SGD)
    with pytest.raises(ValueError, match="unknown mistake"):
        make_optimizer("sgd", 0.1, mistake="typo")


def test_config_checks_the_mistake_and_saves_it_only_when_set():
    assert "mistake" not in Config().to_dict()  # files and JSON of correct runs are unchanged
    config = Config(mistake="db1")
    assert config.to_dict()["mistake"] == "db1"
    assert Config.from_dict(config.to_dict()) == config
    with pytest.raises(ConfigError, match="unknown mistake 'w1'"):
        Config(mistake="w1").validated()
    with pytest.raises(ConfigError, match="needs at least one hidden layer"):
        Config(mistake="w_update", hidden=()).validated()


def one_update(mistake, rng):
    """A 6-5-4 sigmoid network after one SGD step with the given mistake, its state before, and
    the batch."""
    model = MLP.create((6, 5, 4), "sigmoid", init="normal", init_std=0.5, seed=3, dtype="float64")
    before = [p.copy() for p in model.params]
    x, y = rng.random((8, 6)), rng.integers(0, 4, 8)
    model.train_batch(x, y)
    make_optimizer("sgd", 0.1, mistake=mistake).update(model.params, model.grads)
    return model, before, x, y


def notebook_gradients(W1, b1, W2, b2, x, y):
    """The notebook's walkthrough, written out: a1 = x W1 + b1, z1 = sigmoid(a1), ..."""
    a1 = x @ W1 + b1
    z1 = 1 / (1 + np.exp(-a1))
    a2 = z1 @ W2 + b2
    p = np.exp(a2 - a2.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    dy = (p - np.eye(4)[y]) / len(x)
    dz1 = dy @ W2.T
    da1 = z1 * (1 - z1) * dz1
    return {"dW1": x.T @ da1, "db1": da1.sum(0), "db1_wrong": dz1.sum(0), "dW2": z1.T @ dy, "db2": dy.sum(0)}


def test_w_update_shrinks_the_first_layer_by_its_own_weights_and_updates_the_rest_correctly(rng):
    model, (W1, b1, W2, b2), x, y = one_update("w_update", rng)
    g = notebook_gradients(W1, b1, W2, b2, x, y)
    np.testing.assert_allclose(model.params[0], W1 - 0.1 * W1)
    for p, before, grad in zip(model.params[1:], (b1, W2, b2), (g["db1"], g["dW2"], g["db2"])):
        np.testing.assert_allclose(p, before - 0.1 * grad, rtol=1e-10)


def test_db1_is_summed_from_dz1_as_in_the_walkthrough_and_the_rest_is_correct(rng):
    model, (W1, b1, W2, b2), x, y = one_update("db1", rng)
    g = notebook_gradients(W1, b1, W2, b2, x, y)
    assert not np.allclose(g["db1"], g["db1_wrong"])  # the mistake makes a difference here
    np.testing.assert_allclose(model.params[1], b1 - 0.1 * g["db1_wrong"], rtol=1e-10)
    for p, before, grad in zip(model.params[::2] + [model.params[3]], (W1, W2, b2), (g["dW1"], g["dW2"], g["db2"])):
        np.testing.assert_allclose(p, before - 0.1 * grad, rtol=1e-10)


def test_the_w_update_mistake_never_learns_it_answers_one_digit_for_every_image(small):
    config = Config(mistake="w_update")
    trainer = Trainer.from_config(config, small, evaluate_epochs=False)
    w0 = np.linalg.norm(trainer.model.params[0])
    answers = []
    for _ in range(12):
        trainer.step(50)
        answers.append(int(trainer.model.predict_proba(small.x_test[:1] / 255).argmax()))
    assert np.linalg.norm(trainer.model.params[0]) < 1e-12 * w0  # 0.9^600 of where it started
    result = trainer.evaluate("test")
    digit = answers[-1]
    assert np.all(result.confusion[:, digit] == np.bincount(small.y_test, minlength=10))  # every image read as it
    assert result.accuracy == pytest.approx(np.mean(small.y_test == digit))
    # The digit it settles on follows the training labels' frequencies: mostly the commonest, 1
    # (the share of 1s in the full MNIST test set is the notebook's 11.35%).
    assert np.bincount(answers).argmax() == np.bincount(small.y_train).argmax() == 1
    fixed = Trainer.from_config(Config(), small, evaluate_epochs=False)
    fixed.step(600)
    assert fixed.evaluate("test").accuracy > 0.6  # 74%, against the 12.6% of always answering 1


def test_the_mistaken_first_layer_update_holds_for_every_optimizer(small):
    for name in OPTIMIZERS:
        model, optimizer = build(Config(optimizer=name, lr=0.1, mistake="w_update"), small)
        assert isinstance(optimizer, OPTIMIZERS[name]) and optimizer.lr == 0.1


def test_every_experiment_is_a_valid_comparison():
    assert len({e.key for e in EXPERIMENTS}) == len(EXPERIMENTS) >= 7
    for e in EXPERIMENTS:
        assert e.title and len(e.what_to_watch) > 80 and len(e.runs) >= 2
        assert len({r.label for r in e.runs}) == len(e.runs)
        configs = [r.config() for r in e.runs]  # each validates
        assert len({(c, r.train_limit) for c, r in zip(configs, e.runs)}) == len(e.runs)  # runs differ
        for r in e.runs:
            assert r.variant is None or r.variant in MISTAKES
            assert r.train_limit is None or r.train_limit >= MIN_TRAIN_IMAGES
        assert json.loads(json.dumps(e.to_dict()))["runs"][0]["label"] == e.runs[0].label
    assert experiment("mistakes").runs[1].config().mistake == "w_update"
    course = experiment("mistakes").runs[0].config()
    assert (course.hidden, course.activation, course.init, course.init_std, course.optimizer, course.lr,
            course.batch_size) == ((50,), "sigmoid", "normal", 0.01, "sgd", 0.1, 100)
    with pytest.raises(ValueError, match="choose from mistakes"):
        experiment("nope")
