"""The timeline view says when a large network keeps fewer copies of itself."""
from mlpviz.core.model import MLP
from mlpviz.core.timeline import Timeline
from mlpviz.gui.snapshot import Snapshot
from mlpviz.gui.views.timeline import TimelineView


def stored(budget_copies: int | None) -> tuple[MLP, Timeline]:
    """A 784-64-10 network (0.2 MB a copy) offered at steps 0 to 2,000, in a timeline with room
    for budget_copies copies of it (None: the machine's budget)."""
    model = MLP.create((784, 64, 10), seed=0)
    size = sum(p.nbytes for p in model.params)
    timeline = Timeline(budget=None if budget_copies is None else budget_copies * size)
    for step in range(2001):
        end = step > 0 and step % 100 == 0
        if end or timeline.due(step):
            timeline.offer(step, model, step // 100 if end else None)
    return model, timeline


def test_the_timeline_says_when_a_large_network_keeps_fewer_copies(make_view):
    view = make_view(TimelineView, 700, 250)
    model, timeline = stored(12)
    view.session.publish(Snapshot.of(model, step=2000, timeline=timeline, run_id=1))
    assert view.note.isVisible()
    assert view.note.text() == "keeping at most 12 copies: the network is 0.2 MB"
    assert "0.2 MB" in view.note.toolTip() and len(view.steps()) <= 12
    model, timeline = stored(None)  # a new run, with room for every copy
    view.session.publish(Snapshot.of(model, step=2000, timeline=timeline, run_id=2))
    assert not view.note.isVisible() and len(view.steps()) > 12
