"""The training worker: its loop run synchronously, and in its thread."""
import threading

import numpy as np

from mlpviz.core.config import Config
from mlpviz.core.trainer import Trainer
from mlpviz.gui.worker import DIVERGED, FINISHED, Mailbox, TrainingController, TrainingWorker


def test_loop_runs_synchronously_without_a_thread(small):
    # The loop is driven by requests; with a step budget and a stop queued behind it, run()
    # takes the steps, publishes, and returns, all in this thread.
    mailbox = Mailbox()
    worker = TrainingWorker(mailbox)
    trainer = Trainer.from_config(Config(steps=1000), small, evaluate_epochs=False)
    worker.set_trainer(trainer, 1000)
    worker.step(7)
    states = []
    worker.stateChanged.connect(lambda s, m: states.append(s))

    stopper = threading.Timer(0.5, worker.stop)
    stopper.start()
    worker.run()
    stopper.cancel()
    snap = mailbox.take()
    assert trainer.step_count == 7 and snap.step == 7
    assert len(snap.losses) == 7 and snap.loss_start == 0
    np.testing.assert_array_equal(snap.losses, trainer.losses.view())
    assert snap.model.layers[0].W is not trainer.model.layers[0].W  # a copy, not the live array
    np.testing.assert_array_equal(snap.model.layers[0].W, trainer.model.layers[0].W)


def test_mailbox_keeps_undelivered_loss_points(small):
    mailbox = Mailbox()
    worker = TrainingWorker(mailbox)
    trainer = Trainer.from_config(Config(steps=100), small, evaluate_epochs=False)
    worker._adopt(trainer, 100)
    for _ in range(3):
        trainer.step(2)
        worker._publish()
    snap = mailbox.take()
    assert snap.step == 6 and snap.loss_start == 0 and len(snap.losses) == 6
    trainer.step(1)
    worker._publish()
    assert mailbox.take().loss_start == 6


def test_finishes_at_the_planned_length(qtbot, small):
    controller = TrainingController()
    try:
        trainer = Trainer.from_config(Config(steps=25, batch_size=300), small)
        with qtbot.waitSignal(controller.stateChanged, check_params_cb=lambda s, m: s == FINISHED, timeout=10000):
            controller.worker.set_trainer(trainer, 25)
            controller.worker.resume()
        assert controller.pause_and_wait() and trainer.step_count == 25
    finally:
        controller.shutdown()
    assert not controller.thread.isRunning()


def test_divergence_pauses_and_reports(qtbot, small):
    controller = TrainingController()
    try:
        config = Config(hidden=(64, 64), activation="leaky_relu", init="he", lr=50, steps=500)
        trainer = Trainer.from_config(config, small)
        with qtbot.waitSignal(controller.stateChanged, check_params_cb=lambda s, m: s == DIVERGED,
                              timeout=10000) as blocker:
            controller.worker.set_trainer(trainer, 500)
            controller.worker.resume()
        assert "learning rate" in blocker.args[1]
        assert controller.pause_and_wait()
        steps = trainer.step_count
        qtbot.wait(100)
        assert trainer.step_count == steps < 500  # it stays paused
    finally:
        controller.shutdown()


def test_long_loss_curves_are_decimated_keeping_spikes():
    from mlpviz.gui.widgets.metrics import MAX_POINTS, decimate
    y = np.ones(100_003, np.float32)
    y[51_234] = 50.0  # one spike
    x = np.arange(len(y), dtype=np.float64)
    xs, ys = decimate(x, y, envelope=True)
    assert len(xs) == len(ys) <= 2 * MAX_POINTS + 100 and ys.max() == 50.0 and xs[-1] == x[-1]
    xs, ys = decimate(x, y, envelope=False)
    assert len(ys) <= MAX_POINTS + 100 and xs[-1] == x[-1]
    short = np.arange(10.0)
    assert decimate(short, short, envelope=True)[1] is short
