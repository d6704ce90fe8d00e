"""The experiment runner follows the runs it starts, and only those; an experiment's runs are not
the user's work."""
import json

import pytest

from mlpviz.core.config import Config
from mlpviz.core.experiments import EXPERIMENTS, experiment
from mlpviz.core.optim import OPTIMIZERS
from mlpviz.core.trainer import Trainer
from mlpviz.gui.experiment_runner import ExperimentRunner
from mlpviz.gui.run import Run
from mlpviz.gui.snapshot import FAILED, FINISHED, RUNNING


class Control:
    """What the runner uses of RunControl: a run, the form, the data, new runs, the prompt."""

    def __init__(self, data):
        self.run, self.started, self.notes, self.asked, self.names = Run(), 0, [], [], []
        self.data = data
        control = self

        class Form:
            def set_config(form, config, images):
                pass

            def show_note(form, text):
                self.notes.append(text)

        class Session:
            data = None

            def name_next_run(session, label):
                control.names.append(label)

        class Controller:
            def pause_and_wait(controller):
                return True

        self.controls, self.session, self.controller = Form(), Session(), Controller()
        self.session.data = data

    def confirm_discard(self, what):
        """As the window's prompt: asked only about unsaved work (and answered Discard)."""
        if self.run.unsaved():
            self.asked.append(what)
        return True

    def notify(self, title, text):
        self.notes.append(text)

    def new_run(self, config=None):
        self.started += 1
        self.run.adopt(Trainer.from_config(Config(hidden=(8,), steps=10), self.data, evaluate_epochs=False), config)
        return True

    def toggle_run(self):
        self.run.set_state(RUNNING)

    def train(self, steps=3):
        self.run.trainer.step(steps)


@pytest.fixture
def control(qtbot, small):
    return Control(small)


def finish(control, runs):
    for _ in range(runs):
        control.train()
        control.run.set_state(FINISHED, "10")


def test_each_finished_run_starts_the_next_under_its_experiments_name(control):
    runner = ExperimentRunner(control)
    runner.start(experiment("mistakes"))
    assert control.started == 1 and control.names == ["as intended"]
    assert control.notes[-1] == "Experiment run 1 of 3: as intended"
    finish(control, 1)
    assert control.started == 2 and not control.run.unsaved()
    assert control.names[-1] == "mistake: W1 - lr*W1" and runner.current() is experiment("mistakes").runs[1]


def test_the_last_run_is_kept_and_the_note_says_it_is_current_and_its_mistake(control):
    runner = ExperimentRunner(control)
    runner.start(experiment("mistakes"))
    finish(control, 3)
    assert control.started == 3 and not control.run.unsaved()  # the last run is kept too
    assert control.run.config.mistake == "db1"
    assert control.notes[-1] == (
        "Experiment done. The network now shown is its last run, mistake: db1 from dz1. It makes the course "
        "notebook's mistake on purpose: its first biases' gradient db1 is summed from dz1 instead of da1, before "
        "the sigmoid's derivative. Reset (Ctrl+R) starts a correct network from the settings shown.")
    runner.start(experiment("lr"))
    finish(control, 4)
    assert control.notes[-1] == ("Experiment done. The network now shown is its last run, learning rate 0.001. "
                                 "Reset (Ctrl+R) starts a network of your own from the settings shown.")


def test_an_experiments_network_is_not_asked_about_but_training_it_by_hand_is(control):
    runner = ExperimentRunner(control)
    control.new_run()
    control.train()  # the user's own network, trained
    runner.start(experiment("loss"))
    assert control.asked == ["Run an experiment"]
    control.train()  # the experiment's first run, halfway
    runner.start(experiment("init"))  # another experiment meanwhile
    finish(control, 3)
    runner.start(experiment("loss"))  # after one, before any training by hand
    assert control.asked == ["Run an experiment"]
    finish(control, 2)
    control.train()  # the last run trained on by hand: the user's work now
    runner.start(experiment("init"))
    assert control.asked == ["Run an experiment"] * 2


def test_the_settings_remembered_are_the_users_not_an_experiments(control):
    own = Config(hidden=(32,), lr=0.05)
    control.run.adopt(Trainer.from_config(own, control.data, evaluate_epochs=False), own)
    runner = ExperimentRunner(control)
    assert runner.users_settings() is None
    runner.start(experiment("lr"))
    assert runner.users_settings() == (own, 3000)
    finish(control, 4)
    runner.start(experiment("init"))  # the network before this one was an experiment's too
    assert runner.users_settings() == (own, 3000)
    control.new_run()  # Reset: a network of the user's own
    assert runner.users_settings() is None


def test_a_failed_run_ends_the_experiment_and_the_users_next_network_stays_theirs(control):
    runner = ExperimentRunner(control)
    runner.start(experiment("mistakes"))
    control.run.set_state(FAILED, "an error")
    control.new_run()  # the user's Reset: a network of their own, trained to its planned end
    control.run.trainer.step(3)
    control.run.set_state(FINISHED, "10")
    assert control.started == 2  # no experiment run replaced it...
    assert control.run.unsaved()  # ...nor was it marked as kept


def test_a_network_the_user_started_meanwhile_ends_the_experiment(control):
    runner = ExperimentRunner(control)
    runner.start(experiment("mistakes"))
    control.new_run()  # Reset or Open while an experiment's run trains
    control.run.trainer.step(3)
    control.run.set_state(FINISHED, "10")
    assert control.started == 2 and control.run.unsaved() and runner.current() is None


# In the window -----------------------------------------------------------------------------------

def test_an_experiment_in_the_window_keeps_every_epoch_of_every_run_and_says_which_is_current(
        qtbot, make_window, small, monkeypatch):
    """The mistakes experiment on 3,000 images (30 steps an epoch): each run's last epoch is in the
    comparison, the current run is the last one, named, and Reset gives a correct network."""
    from PySide6.QtWidgets import QMessageBox
    window = make_window(small)
    del window.confirm_discard  # the window's own prompt, whose questions are counted
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Cancel)
    own = window.config
    window.experiments.start(experiment("mistakes"))
    qtbot.waitUntil(lambda: not window.experiments.running, timeout=60000)
    assert asked == []  # a network never trained: nothing to ask
    runs = window.session.runs
    assert [r.label for r in runs] == ["as intended", "mistake: W1 - lr*W1"]
    assert [[e.epoch for e in r.epochs] for r in runs] == [[1, 2, 3, 4, 5]] * 2  # the last epoch too
    qtbot.waitUntil(lambda: len(window.session.history.records) == 5)
    view = window.runs
    assert view.labels() == ["3 (current): mistake: db1 from dz1", "2: mistake: W1 - lr*W1", "1: as intended"]
    assert [row[:2] for row in view.csv_rows()] == [(n, e) for n in (1, 2, 3) for e in range(1, 6)]
    assert "mistake on purpose" in window.controls.note.text()
    assert view.current_info.text().startswith("Current network: run 3, mistake: db1 from dz1 (an experiment's run).")
    assert not window.files.unsaved()
    window.experiments.start(experiment("loss"))  # the network is the last experiment's: nothing to ask
    assert asked == []
    qtbot.waitUntil(lambda: not window.experiments.running, timeout=60000)
    window.remembered.save()
    assert json.loads(window.settings.value("config")) == own.to_dict()  # not the experiment's
    window.experiments.start(experiment("mistakes"))
    qtbot.waitUntil(lambda: window.config.mistake == "db1" and not window.experiments.running, timeout=60000)
    window.reset()
    assert window.config.mistake is None and type(window.trainer.optimizer) is OPTIMIZERS["sgd"]


def test_the_prompt_says_dont_save_not_discard(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    seen = []

    def answer(box):
        seen.append(box.button(QMessageBox.StandardButton.Discard).text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.step_once()
    qtbot.waitUntil(lambda: window.run.steps == 1)
    assert not window.files.confirm_discard("Reset") and seen == ["Don't Save"]


def test_every_experiments_runs_are_named_by_it(control):
    runner = ExperimentRunner(control)
    for e in EXPERIMENTS:
        runner.start(e)
        finish(control, len(e.runs))
        assert control.names[-len(e.runs):] == [r.label for r in e.runs]


def test_a_network_just_opened_is_not_asked_about(qtbot, make_window, small, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from mlpviz.core import checkpoint
    config = Config(hidden=(16,), steps=20, epochs=None)
    trained = Trainer.from_config(config, small)
    trained.step(20)
    checkpoint.save(str(tmp_path / "m.npz"), checkpoint.of_trainer(trained, config))
    window = make_window(small)
    del window.confirm_discard  # the window's own prompt, whose questions are counted
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Cancel)
    assert window.files.open(str(tmp_path / "m.npz"))
    window.experiments.start(experiment("loss"))
    assert asked == [] and window.experiments.current() is experiment("loss").runs[0]
    qtbot.waitUntil(lambda: not window.experiments.running, timeout=60000)
    window.remembered.save()
    assert json.loads(window.settings.value("config")) == config.to_dict()  # the opened network's, not the experiment's
