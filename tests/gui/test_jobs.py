"""Work run off the GUI thread: the newest job's result only, failures reported, shutdown."""
import threading

from mlpviz.gui.jobs import JobRunner


def test_a_newer_job_cancels_the_older(qtbot):
    runner = JobRunner()
    results, started = [], []

    def slow(tag, should_stop=None, progress=None):
        started.append(tag)
        while tag == "old" and not should_stop():
            pass
        return None if should_stop() else tag

    runner.finished.connect(results.append)
    old = runner.run(slow, "old")
    qtbot.waitUntil(lambda: started == ["old"])
    runner.run(slow, "new")
    assert old.cancelled
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    assert old.done.wait(1)


def test_a_failing_job_is_reported_and_the_runner_goes_on(qtbot):
    runner = JobRunner()
    failures, results = [], []
    runner.failed.connect(failures.append)
    runner.finished.connect(results.append)

    def boom(should_stop=None, progress=None):
        raise ValueError("bad input")

    def fine(x, should_stop=None, progress=None):
        progress(0.5)
        return x * 2

    runner.run(boom)
    qtbot.waitUntil(lambda: failures == ["ValueError: bad input"], timeout=5000)
    runner.run(fine, 21)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert not runner.busy and runner.shutdown(1.0)


def test_jobs_that_ignore_the_cancel_flag_still_deliver_only_the_newest(qtbot):
    runner = JobRunner()
    gate, ran, results = threading.Event(), [], []
    runner.finished.connect(results.append)
    runner.run(lambda should_stop, progress: (gate.wait(5), ran.append(1), 1)[-1])
    runner.run(lambda should_stop, progress: (ran.append(2), 2)[-1])  # cancelled by the next before it starts
    runner.run(lambda should_stop, progress: (ran.append(3), 3)[-1])
    gate.set()
    qtbot.waitUntil(lambda: results == [3], timeout=5000)
    assert 2 not in ran and ran[-1] == 3 and runner.shutdown(1.0)  # the first ran only if it had started
