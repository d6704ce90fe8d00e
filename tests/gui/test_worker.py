"""The training worker: its loop run synchronously, and in its thread."""
import threading

import numpy as np

from mlpviz.core.config import Config
from mlpviz.core.trainer import Trainer
from mlpviz.gui.snapshot import DIVERGED, FAILED, FINISHED, PAUSED, RUNNING
from mlpviz.gui.worker import Mailbox, TrainingController, TrainingWorker


def stop_once_idle(worker: TrainingWorker) -> None:
    """Stop the loop about to be run again once it blocks, having taken up every request."""
    worker.idle.clear()  # still set by the loop that ended

    def stop() -> None:
        worker.idle.wait(30)  # only if the loop never blocks: no hang
        worker.stop()

    threading.Thread(target=stop, daemon=True).start()


def test_loop_runs_synchronously_without_a_thread(small):
    # The loop is driven by requests; with a step budget, and a stop once it has paused, run()
    # takes the steps, publishes, and returns, all in this thread.
    mailbox = Mailbox()
    worker = TrainingWorker(mailbox)
    trainer = Trainer.from_config(Config(steps=1000), small, evaluate_epochs=False)
    worker.set_trainer(trainer, 1000)
    worker.step(7)
    states = []
    worker.stateChanged.connect(lambda s, m: states.append(s))

    # the stop comes once the budget is spent and the loop says it paused
    worker.stateChanged.connect(lambda s, m: worker.stop() if s == PAUSED and trainer.step_count >= 7 else None)
    stopper = threading.Timer(60, worker.stop)  # only if the pause never comes: no hang
    stopper.start()
    worker.run()
    stopper.cancel()
    snap = mailbox.take()
    assert trainer.step_count == 7 and snap.step == 7
    assert len(snap.losses) == 7 and snap.series_start == 0
    np.testing.assert_array_equal(snap.losses, trainer.losses.view())
    assert snap.model.layers[0].W is not trainer.model.layers[0].W  # a copy, not the live array
    np.testing.assert_array_equal(snap.model.layers[0].W, trainer.model.layers[0].W)


def test_full_speed_runs_of_steps_stop_at_epoch_ends_and_the_planned_length(small):
    # At full speed the loop takes several steps between two looks at its requests; epochs
    # must still be evaluated at their ends, once each, and the run must stop exactly.
    mailbox = Mailbox()
    worker = TrainingWorker(mailbox, chunk=13)  # runs of 13 steps: neither 30 steps an epoch nor 67 divide evenly
    trainer = Trainer.from_config(Config(hidden=(16,), batch_size=100), small, evaluate_epochs=False)
    planned = 2 * trainer.steps_per_epoch + 7
    worker.set_trainer(trainer, planned)
    taken = []
    step = trainer.step
    trainer.step = lambda n: (taken.append(n), step(n))[1]
    worker.resume()
    states = []
    worker.stateChanged.connect(lambda s, m: states.append(s))
    stopper = threading.Timer(60, worker.stop)  # only if FINISHED never comes: no hang
    stopper.start()
    worker.stateChanged.connect(lambda s, m: worker.stop() if s == FINISHED else None)
    worker.run()
    stopper.cancel()
    assert states[-1] == FINISHED and trainer.step_count == planned
    assert [r.step for r in trainer.epochs] == [30, 60] and [r.epoch for r in trainer.epochs] == [1, 2]
    assert taken == [13, 13, 4, 13, 13, 4, 7]
    snap = mailbox.take()
    assert snap.probes[0, 0] == 13 / 30  # the first probe follows the first run of steps
    np.testing.assert_array_equal(snap.losses, trainer.losses.view())


def test_mailbox_keeps_undelivered_loss_points(qtbot, small):
    mailbox = Mailbox()
    worker = TrainingWorker(mailbox)
    trainer = Trainer.from_config(Config(steps=100), small, evaluate_epochs=False)
    worker.set_trainer(trainer, 100)
    loop = threading.Thread(target=worker.run)
    loop.start()
    try:
        for target in (2, 4, 6):  # three single publications that nobody takes
            worker.step(2)
            # the budget is spent and published once the loop is blocked again at the target
            qtbot.waitUntil(lambda t=target: trainer.step_count == t and worker.idle.is_set(), timeout=5000)
        snap = mailbox.take()
        assert snap.step == 6 and snap.series_start == 0 and len(snap.losses) == 6
        np.testing.assert_array_equal(snap.losses, trainer.losses.view())
        worker.step(1)
        qtbot.waitUntil(lambda: trainer.step_count == 7 and worker.idle.is_set(), timeout=5000)
        assert mailbox.take().series_start == 6
    finally:
        worker.stop()
        loop.join(10)
    assert not loop.is_alive()


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
        controller.mailbox.take()  # everything published so far
        controller.worker.publish_now()  # wake the paused loop: it publishes again, and trains no further
        taken = []
        qtbot.waitUntil(lambda: taken.append(controller.mailbox.take()) or taken[-1] is not None, timeout=5000)
        assert taken[-1].step == steps and taken[-1].state != RUNNING
        assert controller.pause_and_wait() and trainer.step_count == steps < 500  # it stays paused
    finally:
        controller.shutdown()


def test_long_loss_curves_are_decimated_keeping_spikes():
    from mlpviz.gui.views.curves import decimate
    y = np.ones(100_003, np.float32)
    y[51_234] = 50.0  # one spike
    y[-1] = -1.0  # and one in the last, partial bucket
    i, ys = decimate(y, envelope=True, buckets=500)
    assert len(i) == len(ys) <= 2 * 500 and ys.max() == 50.0 and ys.min() == -1.0 and i[-1] == len(y) - 1
    assert np.all(np.diff(i) >= 0)
    i, ys = decimate(y, envelope=False, buckets=500)
    assert len(ys) <= 500 and i[-1] == len(y) - 1 and ys[-1] == -1.0
    np.testing.assert_array_equal(ys, y[i])
    short = np.arange(10.0)
    i, ys = decimate(short, envelope=True, buckets=500)
    assert ys is short and np.array_equal(i, np.arange(10))


def test_smoothed_loss_matches_the_plain_recurrence_across_deliveries():
    from mlpviz.gui.views.curves import smoothed
    rng = np.random.default_rng(3)
    losses = rng.exponential(1.0, 3000).astype(np.float32)
    for beta in (0.8, 1 - 1 / 30, 1 - 1 / 300):
        ema, expected = 0.0, []
        for t, v in enumerate(losses, 1):
            ema = beta * ema + (1 - beta) * float(v)
            expected.append(ema / (1 - beta ** t))
        got, ema, weight = [], 0.0, 0.0
        for part in np.split(losses, [1, 7, 700, 1500]):  # delivered in uneven pieces
            out, ema, weight = smoothed(part, beta, ema, weight)
            got.append(out)
        np.testing.assert_allclose(np.concatenate(got), expected, rtol=1e-9)


def test_an_exception_in_a_step_ends_the_run_in_failed_and_emits_finished(small):
    # The loop run synchronously: a step that raises must end run() by itself (no stop needed),
    # in FAILED with a one-line message, with finished emitted and the last whole network kept.
    mailbox = Mailbox()
    worker = TrainingWorker(mailbox)
    trainer = Trainer.from_config(Config(hidden=(16,), steps=1000), small, evaluate_epochs=False)
    worker.set_trainer(trainer, 1000)
    step, calls = trainer.step, []

    def fail_the_second_time(n):
        calls.append(n)
        if len(calls) == 2:
            trainer.model.params[0][...] = np.nan  # half updated, as a failing optimizer leaves it
            raise ValueError("operands could not be broadcast together\nwith shapes (784,16) (3,3)")
        return step(n)

    trainer.step = fail_the_second_time
    states, ended = [], []
    worker.stateChanged.connect(lambda s, m: states.append((s, m)))
    worker.finished.connect(lambda: ended.append(True))
    worker.step(5)  # the first call is a single step, published at once (a quiet spell before it)
    stopper = threading.Timer(30, worker.stop)  # only if the failure never ends the loop: no hang
    stopper.start()
    worker.run()
    stopper.cancel()
    assert ended == [True] and worker.idle.is_set() and len(calls) == 2
    state, message = states[-1]
    assert state == FAILED and "\n" not in message
    assert "ValueError: operands could not be broadcast together" in message and "step 1" in message
    model, good_step = worker.last_good
    assert good_step == 1 and model.weights_finite()
    snap = mailbox.take()
    assert snap.state == FAILED and snap.step == 1 and snap.model.weights_finite()
    # Started again (as the controller does), the loop waits for a new run: the failed trainer
    # is never stepped or published again, whatever is asked.
    worker.resume()
    worker.publish_now()
    stop_once_idle(worker)
    worker.run()
    assert len(calls) == 2 and mailbox.take() is None and states[-1][0] == FAILED


def test_a_trainer_that_cannot_be_adopted_fails_once_not_at_every_restart(small):
    # Adopting copies the network; if that raises (a network too large for memory), the loop
    # fails. Started again by the controller, it must not take up the same request again.
    mailbox = Mailbox()
    worker = TrainingWorker(mailbox)
    trainer = Trainer.from_config(Config(hidden=(16,), steps=1000), small, evaluate_epochs=False)

    def no_memory():
        raise MemoryError("cannot copy the network")

    trainer.model.copy = no_memory
    states, ended = [], []
    worker.stateChanged.connect(lambda s, m: states.append(s))
    worker.finished.connect(lambda: ended.append(True))
    worker.set_trainer(trainer, 1000)
    stopper = threading.Timer(30, worker.stop)  # only if the failure never ends the loop: no hang
    stopper.start()
    worker.run()
    stopper.cancel()
    assert states == [FAILED] and ended == [True]
    stop_once_idle(worker)
    worker.run()  # the restarted loop waits for a new run instead of failing again
    assert states == [FAILED] and ended == [True, True]
