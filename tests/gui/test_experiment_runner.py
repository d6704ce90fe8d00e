"""The experiment runner follows the runs it starts, and only those."""
import pytest

from mlpviz.core.config import Config
from mlpviz.core.experiments import EXPERIMENTS
from mlpviz.core.trainer import Trainer
from mlpviz.gui.experiment_runner import ExperimentRunner
from mlpviz.gui.run import Run
from mlpviz.gui.snapshot import FAILED, FINISHED, RUNNING


class Control:
    """What the runner uses of RunControl: a run, the form, the data, new runs."""

    def __init__(self, data):
        self.run, self.started, self.notes = Run(), 0, []
        self.data = data

        class Form:
            def set_config(form, config, images):
                pass

            def show_note(form, text):
                self.notes.append(text)

        class Session:
            pass

        self.controls, self.session = Form(), Session()
        self.session.data = data

    def confirm_discard(self, what):
        return True

    def notify(self, title, text):
        self.notes.append(text)

    def new_run(self):
        self.started += 1
        self.run.adopt(Trainer.from_config(Config(hidden=(8,), steps=10), self.data, evaluate_epochs=False), None)
        return True

    def toggle_run(self):
        self.run.set_state(RUNNING)


@pytest.fixture
def control(qtbot, small):
    return Control(small)


def experiment():
    return next(e for e in EXPERIMENTS if len(e.runs) >= 3)


def test_each_finished_run_starts_the_next(control):
    runner = ExperimentRunner(control)
    runner.start(experiment())
    assert control.started == 1
    control.run.set_state(FINISHED, "10")
    assert control.started == 2 and not control.run.unsaved()


def test_a_failed_run_ends_the_experiment_and_the_users_next_network_stays_theirs(control):
    runner = ExperimentRunner(control)
    runner.start(experiment())
    control.run.set_state(FAILED, "an error")
    control.new_run()  # the user's Reset: a network of their own, trained to its planned end
    control.run.trainer.step(3)
    control.run.set_state(FINISHED, "10")
    assert control.started == 2  # no experiment run replaced it...
    assert control.run.unsaved()  # ...nor was it marked as kept


def test_a_network_the_user_started_meanwhile_ends_the_experiment(control):
    runner = ExperimentRunner(control)
    runner.start(experiment())
    control.new_run()  # Reset or Open while an experiment's run trains
    control.run.trainer.step(3)
    control.run.set_state(FINISHED, "10")
    assert control.started == 2 and control.run.unsaved()
