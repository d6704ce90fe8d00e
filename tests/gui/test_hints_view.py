"""The hints bar and the Course experiments menu."""
import numpy as np
import pytest
from PySide6.QtWidgets import QMainWindow

from mlpviz.core.config import Config
from mlpviz.core.experiments import EXPERIMENTS
from mlpviz.core.model import MLP
from mlpviz.core.trainer import EpochRecord, SettingChange
from mlpviz.gui.session import Session
from mlpviz.gui.snapshot import Snapshot

MODEL = MLP.create((784, 50, 10), seed=0)


def snapshot(losses, start, epochs=(), run_id=1, changes=(), **series):
    return Snapshot(step=start + len(losses), epoch_progress=0, steps_per_epoch=600, series_start=start,
                    series={"loss": np.asarray(losses, np.float32), **series}, epochs=tuple(epochs),
                    probes=np.zeros((0, 3)), model=MODEL, lr=0.1, samples_per_second=0, train_seconds=0,
                    state="running", run_id=run_id, changes=tuple(changes))


class Outside:
    """What the bar asks of the window, as each test sets it: the run's settings, whether the
    user is drawing, and the time."""

    def __init__(self):
        self.config, self.busy, self.now = Config(lr=20), False, 0.0


@pytest.fixture
def outside():
    return Outside()


@pytest.fixture
def bar(qtbot, outside):
    from mlpviz.gui.views.hints import HintsBar

    b = HintsBar(Session(), lambda: outside.config, lambda: outside.busy, clock=lambda: outside.now)
    qtbot.addWidget(b)
    return b


def feed(bar, outside, losses, start=0, chunk=50, **kw):
    """Publish losses in chunks, a second apart, as a running run would."""
    for i in range(0, len(losses), chunk):
        outside.now += 1.0
        bar.session.publish(snapshot(losses[i:i + chunk], start + i, **kw))


def test_a_hint_appears_once_and_its_fix_is_emitted(bar, outside, qtbot):
    assert not bar.isVisible()
    feed(bar, outside, np.full(300, 2.8))  # worse than guessing: the rate of 20 is too high
    assert bar.isVisible() and bar.current.key == "lr_high"
    assert "2" in bar.fix_button.text() and "start again" in bar.fix_button.text()
    with qtbot.waitSignal(bar.fixRequested) as blocker:
        bar.fix_button.click()
    assert blocker.args == [{"lr": 2.0}, True]
    assert not bar.isVisible()
    feed(bar, outside, np.full(300, 2.8), start=300)  # still bad, but this run has had its hint
    assert not bar.isVisible() and bar.current is None


def test_dismissed_hints_stay_dismissed_until_a_new_run(bar, outside):
    feed(bar, outside, np.full(300, 2.8))
    bar.close_button.click()
    assert not bar.isVisible()
    feed(bar, outside, np.full(300, 2.8), start=300)
    assert not bar.isVisible()
    bar.session.runStarted.emit(2)  # a new run: its own hints
    feed(bar, outside, np.full(300, 2.8), run_id=2)
    assert bar.isVisible() and bar.current.key == "lr_high"


def test_a_healthy_run_shows_nothing(bar, outside):
    outside.config = Config()
    rng = np.random.default_rng(0)
    losses = (0.3 + 2 * np.exp(-np.arange(1500) / 150)) * (1 + 0.1 * rng.standard_normal(1500))
    feed(bar, outside, losses)
    assert not bar.isVisible() and bar.current is None


def test_no_hint_while_the_user_draws_and_it_comes_back_after(bar, outside):
    outside.busy = True
    feed(bar, outside, np.full(300, 2.8))
    assert not bar.isVisible() and bar.current is None
    outside.busy = False
    feed(bar, outside, np.full(50, 2.8), start=300)
    assert bar.isVisible() and bar.current.key == "lr_high"
    outside.busy = True  # drawing begins while the hint shows: it steps aside
    feed(bar, outside, np.full(50, 2.8), start=350)
    assert not bar.isVisible()
    outside.busy = False
    feed(bar, outside, np.full(50, 2.8), start=400)
    assert bar.isVisible()


def test_checks_run_at_most_once_a_second(bar, outside, monkeypatch):
    from mlpviz.core import hints

    calls = []
    real = hints.check
    monkeypatch.setattr(hints, "check", lambda *a, **k: calls.append(1) or real(*a, **k))
    outside.config = Config()
    for i in range(20):  # twenty snapshots within half a second
        outside.now += 0.025
        bar.session.publish(snapshot(np.full(10, 1.0), 10 * i))
    assert len(calls) == 1


def test_statistics_series_and_epochs_reach_the_rules(bar, outside):
    outside.config = Config(hidden=(100, 100, 100, 100))
    grad = np.tile([1e-7, 1e-5, 1e-3, 1e-2, 0.5], (50, 1))
    feed(bar, outside, np.full(50, 2.302), grad_norm=grad, inactive=np.zeros((50, 5)))
    assert bar.current.key == "vanishing" and "activation ReLU" in bar.fix_button.text()
    bar.session.runStarted.emit(2)
    outside.config = Config()
    epochs = [EpochRecord(i, 10 * i, 0.1, a, 0.3, b, i) for i, (a, b) in
              enumerate([(0.9, 0.86), (0.95, 0.875), (0.98, 0.88)], 1)]
    feed(bar, outside, np.full(50, 0.3), epochs=epochs, run_id=2)
    assert bar.current.key == "overfitting"


def test_a_loss_that_rose_after_the_users_change_gets_that_change_and_its_undo(bar, outside, qtbot):
    # The run's own notes reach the rules: dropout switched on at step 1,200, the loss up after it.
    outside.config = Config(dropout=0.5)
    rng = np.random.default_rng(0)
    losses = (0.3 + 2 * np.exp(-np.arange(1400) / 150)) * (1 + 0.1 * rng.standard_normal(1400))
    losses[1200:] = 0.75
    feed(bar, outside, losses[:1200])
    feed(bar, outside, losses[1200:], start=1200, changes=[SettingChange(1200, "dropout", 0.5)])
    assert bar.isVisible() and bar.current.key != "lr_high"
    assert "dropout was set to 0.5 at step 1,200" in bar.label.text() and "learning rate" not in bar.label.text()
    assert bar.fix_button.text() == "Set dropout 0"
    with qtbot.waitSignal(bar.fixRequested) as blocker:
        bar.fix_button.click()
    assert blocker.args == [{"dropout": 0.0}, False]


def test_the_experiments_menu_runs_the_chosen_experiment_and_says_what_to_watch(qtbot):
    from mlpviz.gui.experiments_menu import build_experiments_menu

    window = QMainWindow()
    qtbot.addWidget(window)
    chosen = []
    menu = build_experiments_menu(window, chosen.append)
    assert menu in [a.menu() for a in window.menuBar().actions()]
    actions = menu.actions()
    assert [a.data() for a in actions] == [e.key for e in EXPERIMENTS]
    actions[-1].trigger()
    assert chosen == [EXPERIMENTS[-1]]
    panel = menu.watch_panel
    assert panel.isVisible() and not panel.isModal()
    assert panel.text.text() == EXPERIMENTS[-1].what_to_watch
    assert "1,000 images" in panel.runs.text()



def test_the_rules_read_every_one_of_the_last_steps_of_a_long_run(qtbot, outside, monkeypatch):
    # Past the rows a history keeps whole, its statistics are thinned: the rules must still see
    # the last WINDOW steps, not WINDOW kept rows reaching far back.
    from mlpviz.core import hints, history
    from mlpviz.gui.views.hints import HintsBar

    monkeypatch.setattr(history, "ROWS", 64)
    seen = []
    monkeypatch.setattr(hints, "check", lambda losses, records, config, grad_norm, inactive, changes:
                        seen.append((len(losses), grad_norm)) or [])
    bar = HintsBar(Session(), lambda: outside.config, lambda: outside.busy, clock=lambda: outside.now)
    qtbot.addWidget(bar)
    steps = np.arange(1, 3001, dtype=np.float64)
    for i in range(0, 3000, 500):  # as feed does, each delivery with its rows of the statistic
        outside.now += 1.0
        bar.session.publish(snapshot(np.ones(500), i, grad_norm=steps[i:i + 500, None]))
    held, grad_norm = seen[-1]
    assert held == 3000 and len(bar.session.history.series("grad_norm")) < hints.WINDOW
    np.testing.assert_array_equal(grad_norm[:, 0], steps[-hints.WINDOW:])
