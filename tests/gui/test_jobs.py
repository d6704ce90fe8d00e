"""The app's job service: keyed requests, the newest result only, shared results, shutdown."""
import os
import sys
import threading

import numpy as np
import pytest
from PySide6.QtWidgets import QWidget

from mlpviz.core.evaluation import evaluate
from mlpviz.gui.jobs import JobService


@pytest.fixture
def jobs():
    service = JobService()
    yield service
    assert service.shutdown(5.0)


def test_a_newer_request_for_the_same_key_cancels_the_older(qtbot, jobs):
    results, started, stopped = [], [], []

    def slow(tag, should_stop=None, progress=None):
        started.append(tag)
        while tag == "old" and not should_stop():
            pass
        if should_stop():
            stopped.append(tag)
            return None
        return tag

    old = jobs.submit("k", slow, "old", done=results.append)
    qtbot.waitUntil(lambda: started == ["old"])
    jobs.submit("k", slow, "new", done=results.append)
    assert old.cancelled and not old.pending
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    assert old.wait(1) and stopped == ["old"] and not jobs.busy("k")


def test_requests_under_other_keys_run_side_by_side(qtbot, jobs):
    gate, results = threading.Event(), []
    jobs.submit("sweep", lambda should_stop, progress: gate.wait(5) and "sweep", done=results.append)
    jobs.submit("score", lambda should_stop, progress: "score", done=results.append)
    qtbot.waitUntil(lambda: results == ["score"], timeout=5000)  # not queued behind the long one
    assert jobs.busy("sweep")
    gate.set()
    qtbot.waitUntil(lambda: results == ["score", "sweep"], timeout=5000)


def test_a_failing_job_is_reported_and_the_service_goes_on(qtbot, jobs):
    failures, results, fractions = [], [], []

    def boom(should_stop=None, progress=None):
        raise ValueError("bad input")

    def fine(x, should_stop=None, progress=None):
        progress(0.5)
        return x * 2

    jobs.submit("k", boom, failed=failures.append, done=results.append)
    qtbot.waitUntil(lambda: failures == ["ValueError: bad input"], timeout=5000)
    jobs.submit("k", fine, 21, done=results.append, progress=fractions.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert fractions == [0.5] and not jobs.busy("k")


def test_queued_requests_replaced_before_they_start_never_run(qtbot):
    jobs = JobService(threads=1)
    gate, ran, results = threading.Event(), [], []
    jobs.submit("k", lambda should_stop, progress: (gate.wait(5), ran.append(1), 1)[-1], done=results.append)
    jobs.submit("k", lambda should_stop, progress: (ran.append(2), 2)[-1], done=results.append)
    jobs.submit("k", lambda should_stop, progress: (ran.append(3), 3)[-1], done=results.append)
    gate.set()
    qtbot.waitUntil(lambda: results == [3], timeout=5000)
    assert 2 not in ran and ran[-1] == 3 and jobs.shutdown(1.0)


def test_a_shared_request_is_computed_once_for_every_subscriber(qtbot, jobs, trained, small):
    calls, gate = [], threading.Event()

    def work(x, should_stop=None, progress=None):
        calls.append(x)
        gate.wait(5)
        return x + 1

    first, second, later = [], [], []
    jobs.submit(("view", 1), work, 1, share="one", done=first.append)
    jobs.submit(("view", 2), work, 1, share="one", done=second.append)
    gate.set()
    qtbot.waitUntil(lambda: first == [2] and second == [2], timeout=5000)
    jobs.submit(("view", 3), work, 1, share="one", done=later.append)  # already known: not computed again
    qtbot.waitUntil(lambda: later == [2], timeout=5000)
    assert calls == [1]

    evaluations = []
    for key in ("evaluate view", "edit view"):
        jobs.evaluate(key, trained, small, done=evaluations.append)
    qtbot.waitUntil(lambda: len(evaluations) == 2, timeout=10000)
    assert evaluations[0] is evaluations[1]
    expected = evaluate(trained, small.x_test, small.y_test, keep_probabilities=True)
    np.testing.assert_array_equal(evaluations[0].confusion, expected.confusion)


def test_a_shared_job_stops_only_when_no_subscriber_wants_it(qtbot, jobs):
    started, stopped, results = threading.Event(), threading.Event(), []

    def work(should_stop=None, progress=None):
        started.set()
        while not should_stop():
            pass
        stopped.set()

    a = jobs.submit("a", work, share="s", done=results.append)
    b = jobs.submit("b", work, share="s", done=results.append)
    assert a.job is b.job and started.wait(5)
    a.cancel()
    assert b.pending and not b.job.should_stop()  # b still wants it
    b.cancel()
    assert stopped.wait(5) and b.wait(5)
    assert results == []


def test_a_deleted_owner_gets_no_callback(qtbot, jobs):
    owner, gate, calls = QWidget(), threading.Event(), []
    jobs.submit("k", lambda should_stop, progress: gate.wait(5) and 1, owner=owner, done=calls.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(owner))
    gate.set()
    qtbot.waitUntil(lambda: not jobs.busy("k"), timeout=5000)
    assert calls == []


def test_shutdown_stops_running_jobs_and_drops_later_requests(qtbot):
    jobs = JobService()
    started, results = threading.Event(), []

    def endless(should_stop=None, progress=None):
        started.set()
        while not should_stop():
            pass

    jobs.submit("a", endless)
    jobs.submit("b", endless)
    assert started.wait(5)
    assert jobs.shutdown(5.0)
    assert not jobs.busy("a") and not jobs.busy("b")
    late = jobs.submit("c", lambda should_stop, progress: 1, done=results.append)
    assert late.cancelled and not jobs.busy("c")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_jobs_run_at_the_lowest_priority(qtbot, jobs):
    niceness = []
    jobs.submit("k", lambda should_stop, progress: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()),
                done=niceness.append)
    qtbot.waitUntil(lambda: niceness != [], timeout=5000)
    assert niceness == [19]


def _valid(obj) -> bool:
    import shiboken6
    return shiboken6.isValid(obj)


def test_asking_again_for_a_shared_result_under_way_does_not_restart_it(qtbot, jobs):
    calls, gate, results = [], threading.Event(), []

    def work(should_stop=None, progress=None):
        calls.append(1)
        gate.wait(5)
        return "ok"

    first = jobs.submit("k", work, share="s", done=results.append)
    second = jobs.submit("k", work, share="s", done=results.append)  # e.g. the view shown again
    assert first.cancelled and second.job is first.job and not second.job.should_stop()
    gate.set()
    qtbot.waitUntil(lambda: results == ["ok"], timeout=5000)
    assert calls == [1]


def test_the_edit_views_scorer_stops_when_its_request_is_dropped(qtbot, monkeypatch, make_view, trained):
    """The scorer evaluated the whole test set whatever happened: it never looked at its stop flag."""
    from mlpviz.gui import jobs as jobs_module
    from mlpviz.gui.snapshot import PAUSED, Snapshot
    from mlpviz.gui.views.edit import EditView

    entered, gate, flags = threading.Event(), threading.Event(), []
    real = jobs_module.evaluate

    def gated(model, x, y, should_stop=None, keep_probabilities=False):
        flags.append(should_stop)
        entered.set()
        gate.wait(5)
        return real(model, x, y, should_stop=should_stop, keep_probabilities=keep_probabilities)

    monkeypatch.setattr(jobs_module, "evaluate", gated)
    view = make_view(EditView, 600, 500)
    view.session.publish(Snapshot.of(trained.copy(), step=1, epoch_progress=0.1, steps_per_epoch=30, lr=0.003,
                                     state=PAUSED, run_id=1))
    qtbot.waitUntil(entered.is_set, timeout=5000)
    view.clear()  # a new run: the score under way is not wanted any more
    assert flags[0] is not None and flags[0]()
    gate.set()
    assert view.session.jobs.shutdown(5.0) and view.accuracy is None


def test_the_neuron_search_stops_between_chunks_when_cancelled(monkeypatch, trained, small):
    """The search computed every test image's activations after it was cancelled."""
    from mlpviz.gui.views import neuron

    rows, stop = [], threading.Event()
    real = trained.run

    def counting(x, *args, **kwargs):
        rows.append(len(x))
        stop.set()  # cancelled while the first chunk is computed
        return real(x, *args, **kwargs)

    monkeypatch.setattr(trained, "run", counting)
    assert neuron.search_job(trained, 1, small.x_test, should_stop=stop.is_set) is None
    assert rows == [neuron.SEARCH_CHUNK] and len(small.x_test) > neuron.SEARCH_CHUNK
    monkeypatch.undo()
    model, layer, acts = neuron.search_job(trained, 1, small.x_test)
    # the same numbers to float32 rounding: BLAS may pick another kernel for a chunk's rows
    np.testing.assert_allclose(acts, neuron.layer_activations(trained, small.x_test, 1), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("ending", ["close the window", "quit the app"])
def test_however_the_app_ends_every_views_jobs_stop(qtbot, window, ending):
    # QApplication.quit() (or the last window's destruction) ends the app without a closeEvent:
    # the jobs' threads would hold the process's exit up until their jobs finished.
    from PySide6.QtWidgets import QApplication
    started, stopped = threading.Event(), threading.Event()

    def endless(should_stop=None, progress=None):
        started.set()
        while not should_stop():
            pass
        stopped.set()

    window.session.jobs.submit("a view's search", endless)  # a job of a view other than Evaluate
    assert started.wait(5)
    if ending == "close the window":
        window.close()
    else:
        QApplication.instance().aboutToQuit.emit()
    assert stopped.is_set() and not window.session.jobs.busy("a view's search")


def test_evaluate_and_edit_share_one_evaluation_of_a_paused_network(qtbot, monkeypatch, small, trained):
    from mlpviz.gui import jobs as jobs_module
    from mlpviz.gui import style
    from mlpviz.gui.session import Session
    from mlpviz.gui.snapshot import PAUSED, Snapshot
    from mlpviz.gui.views.edit import EditView
    from mlpviz.gui.views.evaluate import EvaluateView

    calls = []
    real = jobs_module.evaluate

    def counted(model, x, y, **kwargs):
        calls.append(model)
        return real(model, x, y, **kwargs)

    monkeypatch.setattr(jobs_module, "evaluate", counted)
    style.configure()
    session = Session()
    session.set_data(small)
    views = [EvaluateView(session), EditView(session)]
    for v in views:
        qtbot.addWidget(v)
        v.show()
    evaluate_view, edit_view = views
    with qtbot.waitSignal(edit_view.accuracyReady, timeout=10000) as scored:
        session.publish(Snapshot.of(trained.copy(), step=60, epoch_progress=2.0, steps_per_epoch=30, lr=0.003,
                                    state=PAUSED, run_id=1))
    qtbot.waitUntil(lambda: evaluate_view.evaluation is not None, timeout=10000)
    assert len(calls) == 1 and calls[0] is session.model
    assert scored.args == [pytest.approx(evaluate_view.evaluation.accuracy)]
    assert session.jobs.shutdown()


def test_progress_reports_are_throttled_by_wall_clock_time(monkeypatch):
    from types import SimpleNamespace

    from mlpviz.gui import jobs as jobs_module

    clock, sent = [1000.0], []
    monkeypatch.setattr(jobs_module, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    service = SimpleNamespace(_progressed=SimpleNamespace(emit=lambda job, fraction: sent.append(fraction)))
    job = jobs_module.Job(service, print, (), {}, None)
    for t, fraction in ((0.0, 0.1), (0.05, 0.2), (0.125, 0.3), (0.15, 0.4), (0.25, 0.5)):
        clock[0] = 1000.0 + t
        job.progress(fraction)
    assert sent == [0.1, 0.3, 0.5]  # at most one report per PROGRESS_INTERVAL (0.1 s)
    job.cancel()
    clock[0] += 1.0
    job.progress(0.9)
    assert sent[-1] == 0.5  # a cancelled job reports nothing more
