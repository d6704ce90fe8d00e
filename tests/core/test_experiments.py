"""Every number an experiment's text promises, measured on the bundled MNIST with the experiment's
own runs, headless, as the window trains them (the same Config, training images and epoch-end
evaluation); fewer epochs than a run plans where the sentence speaks of the first ones."""
import math

import numpy as np
import pytest

from mlpviz.core.data import scale_images
from mlpviz.core.experiments import EXPERIMENTS, MISTAKE_LABELS, MISTAKE_TEXTS, experiment
from mlpviz.core.layers import activation
from mlpviz.core.losses import CrossEntropy, MeanSquaredError, softmax
from mlpviz.core.trainer import Trainer

TRAIN_EVAL_LIMIT = 10_000  # the window's epoch-end train accuracy: the first 10,000 training images
GUESSING = math.log(10)  # 2.30: the loss of an equal share for each digit


class Runs:
    """Trainers of the experiments' runs, trained on demand and shared: the course's network is
    a run of five experiments, and asking for more epochs goes on from those already trained."""

    def __init__(self, data):
        self.data = data
        self._made: dict = {}

    def trainer(self, run, epochs: float = 0, hook=None) -> Trainer:
        """The run's trainer after `epochs` epochs (a hook, if given, sees every step of a trainer of its own)."""
        config = run.config()
        key = (config, run.train_limit, hook)
        t = self._made.get(key)
        if t is None:
            data = self.data.limit_train(run.train_limit)
            t = self._made[key] = Trainer.from_config(config, data, train_eval_limit=TRAIN_EVAL_LIMIT,
                                                      statistics=False, timeline=False)
            if hook is not None:
                t.hooks.append(hook)
        target = math.ceil(epochs * t.steps_per_epoch)
        if target > t.step_count:
            t.step(target - t.step_count)
        return t

    def test_accuracies(self, run, epochs: int) -> list[float]:
        """The run's test accuracy in % at the end of each of its first `epochs` epochs."""
        return [100 * r.test_accuracy for r in self.trainer(run, epochs).epochs[:epochs]]


@pytest.fixture(scope="module")
def runs(mnist):
    return Runs(mnist)


def run_of(key: str, index: int):
    return experiment(key).runs[index]


def says(key: str, *phrases: str) -> None:
    """The experiment's text makes these claims (which the test then measures)."""
    text = experiment(key).what_to_watch
    for phrase in phrases:
        assert phrase in text


def about(measured: float, said: float, within: float = 1.0) -> bool:
    """"About 79%": the measured figure rounds to within a point of the one said."""
    return abs(measured - said) <= within


def answers(trainer: Trainer) -> np.ndarray:
    """The digit the network gives each test image (10,000,)."""
    return trainer.model.predict_proba(scale_images(trainer.data.x_test)).argmax(axis=1)


def test_every_experiment_is_measured_here():
    assert {e.key for e in EXPERIMENTS} == {"mistakes", "loss", "activation", "init", "lr", "keras", "overfitting"}


# The course's network and the notebook's two mistakes -------------------------------------------

def test_the_course_network_reaches_79_then_88_percent(runs):
    says("mistakes", "about 79% test accuracy after its first epoch and 88% after its second")
    first, second = runs.test_accuracies(run_of("mistakes", 0), 2)
    assert about(first, 79) and about(second, 88)  # 79.09, 88.11


def test_the_w1_mistake_shrinks_w1_by_a_tenth_every_step_and_every_image_looks_alike(runs, mnist):
    says("mistakes", "shrink by a tenth every step", "within a few hundred steps every image looks the same")
    run = run_of("mistakes", 1)
    assert run.config().mistake == "w_update" and run.config().lr == 0.1
    fresh = Trainer.from_config(run.config(), mnist, evaluate_epochs=False, statistics=False, timeline=False)
    w1 = fresh.model.params[0].copy()
    fresh.step(10)
    np.testing.assert_allclose(fresh.model.params[0], 0.9 ** 10 * w1, rtol=1e-4)
    fresh.step(290)  # "within a few hundred steps"
    assert len(np.unique(answers(fresh))) == 1


def test_the_w1_mistake_keeps_the_loss_at_2_30_and_the_accuracy_at_one_digits_share(runs):
    says("mistakes", "the loss stays at 2.30 and it gives every image the same answer",
         "that digit's share of the test set, about 10% (11.35% when the digit is 1, the commonest)")
    t = runs.trainer(run_of("mistakes", 1), 2)
    y = t.data.y_test
    for record in t.epochs[:2]:
        assert abs(record.test_loss - GUESSING) < 0.01  # 2.305, 2.304
        assert 9 <= 100 * record.test_accuracy <= 100 * np.bincount(y).max() / len(y)  # 10.32%, 10.28%
    (digit,) = np.unique(answers(t))
    assert t.epochs[1].test_accuracy == pytest.approx(np.mean(y == digit))  # that digit's share
    assert np.argmax(np.bincount(y)) == 1 and np.mean(y == 1) == pytest.approx(0.1135)  # 1, the commonest


def test_the_db1_mistake_lies_on_the_correct_run(runs):
    says("mistakes", "its curves lie on top of the correct run's, within a tenth of a point of accuracy")
    right, wrong = runs.trainer(run_of("mistakes", 0), 2), runs.trainer(run_of("mistakes", 2), 2)
    for a, b in zip(right.epochs[:2], wrong.epochs[:2]):
        assert abs(a.test_accuracy - b.test_accuracy) <= 0.001  # within a tenth of a point: 79.09/79.08, 88.11/88.09
    steps = 2 * right.steps_per_epoch
    assert np.abs(right.losses.view()[:steps] - wrong.losses.view()[:steps]).max() < 0.01  # 0.004 at most


# Loss -------------------------------------------------------------------------------------------

def test_cross_entropy_reaches_79_then_88_percent_while_mse_stays_near_11_to_16(runs):
    says("loss", "At the same learning rate of 0.1", "about 79% test accuracy after the first epoch and 88% after the "
         "second, while mean squared error stays near 11-16% for the first two")
    first, second = runs.test_accuracies(run_of("loss", 0), 2)
    assert about(first, 79) and about(second, 88)
    mse = runs.test_accuracies(run_of("loss", 1), 2)
    assert run_of("loss", 1).config().lr == run_of("loss", 0).config().lr == 0.1
    assert all(11 <= a <= 16.5 for a in mse)  # 11.35, 15.88


def test_the_squared_errors_gradient_is_smallest_when_confidently_wrong():
    says("loss", "smallest exactly when the network is confidently wrong, whereas cross-entropy's is simply p - t")
    logits = np.array([[0.0, 8.0, 0, 0, 0, 0, 0, 0, 0, 0],  # sure it is a 1: wrong
                       [0.0, 1.0, 0, 0, 0, 0, 0, 0, 0, 0]], np.float64)  # unsure
    y = np.array([0, 0])
    ce, mse = (loss.gradient(softmax(logits), y) for loss in (CrossEntropy(), MeanSquaredError()))
    p = softmax(logits)
    np.testing.assert_allclose(ce, (p - np.eye(10)[y]) / 2)  # simply p - t (over the batch)
    sure, unsure = np.abs(mse).sum(axis=1)
    assert sure < unsure / 20 and np.abs(ce[0]).sum() > 100 * sure


# Activation ------------------------------------------------------------------------------------

def gradient_norms(norms: list):
    """A hook keeping each layer's weight gradient norm at every step: (steps, L) once stacked."""
    def hook(trainer, idx, x, y):
        norms.append([float(np.linalg.norm(g)) for g in trainer.model.grads[0::2]])
    return hook


def test_in_five_sigmoid_layers_the_first_gets_a_hundredth_of_the_gradient(runs):
    says("activation", "at most a quarter of the gradient it receives",
         "the gradient reaching the first layer is about a hundredth of the last layer's")
    z = activation("sigmoid").forward(np.linspace(-20, 20, 4001))
    slope = activation("sigmoid").liveness(z, np.empty_like(z))  # σ'(a) = z (1 - z)
    assert slope.max() == pytest.approx(0.25)
    exp = experiment("activation")
    for run, below, above in ((exp.runs[0], 0.02, 0.0), (exp.runs[1], np.inf, 0.5)):
        norms: list = []
        Runs(runs.data).trainer(run, 20 / 600, hook=gradient_norms(norms))
        ratio = np.mean([n[0] / n[-1] for n in norms])
        assert above < ratio < below  # sigmoid 0.009, ReLU 2.3


def test_the_deep_sigmoid_stays_at_2_30_for_two_epochs_while_relu_passes_90(runs):
    says("activation", "Five hidden layers of 100 units, He initialisation for both",
         "stays at 2.30 (about 10% accuracy) for its first two epochs, while the ReLU network passes 90% in its first")
    sigmoid, relu = experiment("activation").runs
    assert sigmoid.config().hidden == relu.config().hidden == (100,) * 5
    assert sigmoid.config().init == relu.config().init == "he"
    for record in runs.trainer(sigmoid, 2).epochs[:2]:
        assert abs(record.test_loss - GUESSING) < 0.01 and 9 <= 100 * record.test_accuracy <= 11.5
    assert runs.test_accuracies(relu, 1)[0] > 90  # 94.07


# Initial weights --------------------------------------------------------------------------------

def test_weights_of_std_1_start_near_7_and_stay_behind(runs):
    says("init", "the loss starts near 7", "about 76% after two epochs, against 88% for 0.01 and 91% for He")
    small, large, he = experiment("init").runs
    fresh = Trainer.from_config(large.config(), runs.data, evaluate_epochs=False, statistics=False, timeline=False)
    assert about(fresh.evaluate("test").loss, 7, 0.7)  # 7.59 on the test set before training
    assert about(float(fresh.step(1)), 7, 0.7)  # 7.25, the first step's batch
    assert about(runs.test_accuracies(large, 2)[1], 76)  # 76.27
    assert about(runs.test_accuracies(small, 2)[1], 88)  # 88.11
    assert about(runs.test_accuracies(he, 2)[1], 91)  # 90.67


# Learning rate ----------------------------------------------------------------------------------

def test_learning_rate_10_overshoots(runs):
    says("lr", "the loss leaps to nearly 10 on the second step, and after an epoch it is still above the 2.30 of "
         "guessing, at about 10% accuracy")
    t = runs.trainer(run_of("lr", 0), 1)
    assert t.losses.view()[1] > 9  # 9.86 on the second step
    assert t.epochs[0].test_loss > GUESSING and about(100 * t.epochs[0].test_accuracy, 10)  # 2.36, 9.74%


def test_learning_rate_1_learns_faster_than_0_1(runs):
    says("lr", "about 93% after one epoch, against 79%")
    assert about(runs.test_accuracies(run_of("lr", 1), 1)[0], 93)  # 92.76
    assert about(runs.test_accuracies(run_of("lr", 2), 1)[0], 79)


def test_learning_rate_0_001_answers_1_for_everything(runs):
    says("lr", "the loss stays at 2.30 for the first epochs and the network answers 1 for everything (11.35%)")
    t = runs.trainer(run_of("lr", 3), 2)
    for record in t.epochs[:2]:
        assert abs(record.test_loss - GUESSING) < 0.01
        assert record.test_accuracy == pytest.approx(0.1135)
    assert set(np.unique(answers(t))) == {1}


# Keras ------------------------------------------------------------------------------------------

def test_the_keras_model_takes_1875_steps_an_epoch_and_reaches_93_percent(runs):
    says("keras", "1,875 steps per epoch against 600 for SGD on batches of 100",
         "about 93% test accuracy, plain SGD about 79%")
    keras, sgd = experiment("keras").runs
    assert runs.trainer(keras).steps_per_epoch == 1875 and runs.trainer(sgd).steps_per_epoch == 600
    assert keras.config().init == "xavier" and keras.config().optimizer == "adam"
    assert about(runs.test_accuracies(keras, 1)[0], 93)  # 92.84
    assert about(runs.test_accuracies(sgd, 1)[0], 79)


# Overfitting ------------------------------------------------------------------------------------

def test_1000_images_are_overfitted_and_60000_are_not(runs):
    says("overfitting", "batches of 10 at a learning rate of 0.5", "passes 99% within 20 epochs (2,000 steps)",
         "stops near 87%", "gap of more than ten points", "within a point of each other (about 95% after the first "
         "epoch)")
    few, many = experiment("overfitting").runs
    for run in (few, many):
        config = run.config()
        assert (config.batch_size, config.lr) == (10, 0.5)
    t = runs.trainer(few, few.config().epochs)
    assert len(t.data.y_train) == 1000 and t.step_count == 2000
    last = t.epochs[-1]
    assert last.epoch == 20 and last.train_accuracy >= 0.99  # 99.9%
    assert about(100 * last.test_accuracy, 87) and last.train_accuracy - last.test_accuracy > 0.10  # 87.5%
    first = runs.trainer(many, 1).epochs[0]
    assert abs(first.train_accuracy - first.test_accuracy) < 0.01  # 95.4% and 94.7%
    assert about(100 * first.test_accuracy, 95)


def test_the_mistakes_have_words():
    from mlpviz.core.optim import MISTAKES
    assert set(MISTAKE_LABELS) == set(MISTAKE_TEXTS) == set(MISTAKES)
