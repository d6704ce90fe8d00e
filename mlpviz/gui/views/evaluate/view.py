"""Evaluate: where the network fails, on the whole test set.

The view is four panels (mistakes, map, coverage, robustness) and this controller, which owns
what they share: the evaluation shown, the requests to the session's job service (the
evaluation of a network without one, the robustness sweep, the map), the timers that spread a
refresh over turns of the event loop, and the switch between columns and tabs. Robustness and the
map are computed only when the evaluation changes: at each epoch end, or for a new network while
training is paused or viewed on the timeline.

Every figure belongs to a network that the status names (Network: its run, its step, its weights).
While training runs, that is the latest epoch end's; otherwise it is the network shown, evaluated
here. Until a new network's figures arrive, the older ones are greyed and said to be out of date;
a network whose outputs are not finite numbers (after divergence) is said so, with no figures.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ....core import evaluation as E
from ....core.evaluation import Evaluation
from ....core.model import MLP
from ... import style
from ...classes import digits_or_classes
from ...i18n import arg
from ...session import Session
from ...snapshot import RUNNING
from ...widgets.scrolling import scrolling_layout
from ...widgets.whatsthis import explain as explain_view
from ..base import View
from ..labels import steady
from .common import fade
from .coverage import CoveragePanel
from .hidden_map import MapPanel
from .mistakes import MistakesPanel
from .robustness import RobustnessPanel

JOB_DELAY_MS = 50  # the background work starts after the refresh is painted
WIDE_PX = 1000  # narrower than this, the three parts of the view go into tabs


def projection_job(model: MLP, x: np.ndarray, layer: int, should_stop=None, progress=None):
    """(layer, coords (N, 2), explained variance ratio) of images x (N, n_in) as `layer` represents
    them; None if stopped."""
    features = E.layer_activations(model, x, layer, should_stop=should_stop)
    if features is None or (should_stop is not None and should_stop()):
        return None
    if progress is not None:
        progress(0.5)
    coords, _, ratio = E.pca(features)
    return layer, coords, ratio


@dataclass(frozen=True, eq=False)
class Network:
    """A network whose figures the view shows or awaits: its run, its step (on the timeline if
    viewed), and the epoch whose end it is, if its evaluation is that epoch end's."""

    run_id: int
    step: int
    model: MLP
    viewed: bool = False
    epoch: int | None = None

    def same(self, other: Network | None) -> bool:
        """The same network: same run, step and place, and the same weights (a later snapshot's
        copy is; one changed by hand at the same step is not, until it is changed back)."""
        if other is None or (self.run_id, self.step, self.viewed) != (other.run_id, other.step, other.viewed):
            return False
        a, b = self.model, other.model
        return a is b or (a.sizes == b.sizes and all(np.array_equal(p, q, equal_nan=True)
                                                     for p, q in zip(a.params, b.params)))


def robustness_job(model: MLP, x: np.ndarray, y: np.ndarray, shape, should_stop=None, progress=None):
    """{damage: [[level, accuracy], ...]} on damaged copies of images x (N, n_in); None if stopped."""
    return E.robustness(model, x, y, shape, should_stop=should_stop, progress=progress)


class EvaluateView(View):
    """Where the network fails: confusion matrix, galleries, coverage, robustness, hidden-space map."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.data = session.data
        self.jobs = session.jobs
        self.model: MLP | None = None
        self.evaluation: Evaluation | None = None
        self._shown: Network | None = None  # whose evaluation is shown (self.model's)
        # The network the view names now: the one shown, one being evaluated, or one that cannot be.
        self._named: Network | None = None
        self.robustness: dict | None = None
        self.projection: tuple | None = None
        self._robustness_of: MLP | None = None  # the network of the curves shown
        self._projection_of: MLP | None = None  # ...and of the map
        # The view's three requests to the job service, one key each: a newer one replaces the older.
        self._keys = {name: (self, name) for name in ("evaluation", "robustness", "projection")}
        self._failed_text = {"evaluation": self.tr("The evaluation failed: %1"),
                             "robustness": self.tr("The robustness check failed: %1"),
                             "projection": self.tr("The map failed: %1")}
        self._robustness_due = self._projection_due = False
        self._job_timer = self._timer(JOB_DELAY_MS, self._start_projection)
        self._robustness_timer = self._timer(JOB_DELAY_MS, self._start_robustness)
        # A refresh in two turns of the event loop, each painted before the next: the matrix,
        # then the gallery, coverage and the background work (one turn held the GUI thread twice as long).
        self._rest_timer = self._timer(0, self._show_rest)
        self._build()
        self.set_data(session.data)

    def _timer(self, ms: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        # A label of steady height: one that grew or shrank at a refresh would lay the whole view
        # out again and repaint every plot.
        self._waiting = self.tr("The evaluation appears at the end of the first epoch, or at once for an opened "
                                "network.")
        self.status = steady(QLabel(self._waiting), 2)
        self.mistakes = MistakesPanel()
        self.mistakes.imageClicked.connect(self.session.show_test_image)
        self.hidden_map = MapPanel()
        self.hidden_map.layerChosen.connect(lambda: self._start_projection(restart=True))
        self.hidden_map.imageClicked.connect(self.session.show_test_image)
        self.coverage = CoveragePanel()
        self.robustness_panel = RobustnessPanel(self.session)
        self.robustness_panel.inputChosen.connect(self.session.set_input)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.status)
        lv.addWidget(self.mistakes, 1)
        middle = QWidget()
        mv = scrolling_layout(middle)  # the map and the curve scroll in a short window, not squeezed flat
        mv.addWidget(self.hidden_map, 3)
        mv.addWidget(self.coverage, 2)

        # Side by side where there is room, else one at a time in tabs of their own (each part
        # needs about a third of a wide window; squeezed into a narrow one, none can be read).
        self.parts = ((left, self.tr("Mistakes")), (middle, self.tr("Map and confidence")),
                      (self.robustness_panel, self.tr("Robustness")))
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.part_tabs = QTabWidget()
        self.part_tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.columns)
        layout.addWidget(self.part_tabs)
        self._arrange(wide=True)
        explain_view(self, "")  # the text follows the data: set_data

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        self.setWhatsThis(digits_or_classes(self.data, self.tr(
            "<b>Evaluate</b><p>Where the network fails, on the whole test set. The confusion matrix counts each "
            "true digit (row) by the digit the network read (column); click a cell to see its images, the most "
            "confident first. In the middle, a PCA map of a layer's representation and the accuracy when the "
            "network answers only above a confidence threshold; at the right, how the accuracy drops as the "
            "images are damaged. Click any image to make it the input of the other views.</p>"), self.tr(
            "<b>Evaluate</b><p>Where the network fails, on the whole test set. The confusion matrix counts each "
            "true class (row) by the class the network read (column); click a cell to see its images, the most "
            "confident first. In the middle, a PCA map of a layer's representation and the accuracy when the "
            "network answers only above a confidence threshold; at the right, how the accuracy drops as the "
            "images are damaged. Click any image to make it the input of the other views.</p>")))

    def _arrange(self, wide: bool) -> None:
        """Put the three parts side by side (wide) or in tabs."""
        for widget, title in self.parts:
            if wide:
                self.columns.addWidget(widget)
                widget.show()  # the tabs hid all but their current page
            else:
                self.part_tabs.addTab(widget, title)
        self.columns.setVisible(wide)
        self.part_tabs.setVisible(not wide)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() >= style.px(WIDE_PX)
        if wide != (self.columns.count() > 0):
            self._arrange(wide)

    # --- the session ----------------------------------------------------------------------

    def set_data(self, data) -> None:
        self.data = data
        self._data_texts()
        for panel in (self.mistakes, self.hidden_map, self.robustness_panel):
            panel.set_data(data)
        self.clear()

    def clear(self) -> None:
        """A new network or dataset: none of the figures shown so far belong to it."""
        self.jobs.cancel(self._keys["evaluation"])
        self._drop_figures()
        self._named = None
        self.status.setText(self._waiting)
        self._mark()

    def _drop_figures(self) -> None:
        for name in ("robustness", "projection"):
            self.jobs.cancel(self._keys[name])
        for timer in (self._rest_timer, self._job_timer, self._robustness_timer):
            timer.stop()
        self._robustness_due = self._projection_due = False
        self.model = self.evaluation = self._shown = self.robustness = self.projection = None
        self._robustness_of = self._projection_of = None
        for panel in (self.mistakes, self.hidden_map, self.coverage, self.robustness_panel):
            panel.clear()

    @property
    def stale(self) -> bool:
        """The figures shown are of another network than the one named (greyed, said out of date)."""
        return self.evaluation is not None and self._named is not self._shown

    @property
    def refreshing(self) -> bool:
        """A refresh is half done: the matrix is shown, the gallery and coverage are next."""
        return self._rest_timer.isActive()

    @property
    def scheduled(self) -> bool:
        """Work is set to start on a timer: the rest of a refresh, a map or a robustness sweep."""
        return self.refreshing or self._job_timer.isActive() or self._robustness_timer.isActive()

    @property
    def busy(self) -> bool:
        """Work for this view is under way or due: an evaluation, a robustness sweep, a map."""
        return self.scheduled or any(self.jobs.busy(key) for key in self._keys.values())

    @property
    def cell(self) -> tuple[int, int] | None:
        """The confusion cell (true, read as) whose images the gallery shows; None: the mistakes."""
        return self.mistakes.cell

    def show_cell(self, true: int | None, predicted: int | None) -> None:
        """Fill the gallery with the images of digit `true` read as `predicted` (None, None: the
        most confident mistakes)."""
        self.mistakes.show_cell(true, predicted)

    def update_from(self, snapshot) -> None:
        """Show the figures of the snapshot's network, off the GUI thread where they must be
        computed. Training: the latest epoch end's evaluation, which the snapshot carries.
        Otherwise (paused, stepped, diverged, edited, opened, viewed on the timeline): the network
        shown itself, evaluated here unless the snapshot's evaluation is its own (paused at that
        epoch end). Nothing is recomputed for the same network."""
        model, data = snapshot.model, self.data
        if model is None or data is None or model.sizes[0] != data.input_size:
            return
        ev = snapshot.evaluation
        if ev is not None and (ev.probabilities is None or len(ev.probabilities) != len(data.y_test)):
            ev = None
        # The trainer's evaluation is of the network at its latest epoch end (edits drop it); a
        # snapshot without epoch records hands one of its own network.
        end = snapshot.epochs[-1] if snapshot.epochs else None
        ev_step, epoch = (end.step, end.epoch) if end is not None else (snapshot.step, None)
        viewed = self.session.viewed_step
        if viewed is not None:
            self._evaluate(Network(snapshot.run_id, viewed, model, viewed=True))
        elif snapshot.state == RUNNING:
            named = self._named
            # A later epoch end's figures replace the shown ones (not older ones: the network
            # evaluated here when it was paused is newer); back from the timeline, at once.
            if ev is not None and ev is not self.evaluation and (named is None or named.viewed
                                                                 or ev_step > named.step):
                self.jobs.cancel(self._keys["evaluation"])
                self._show(Network(snapshot.run_id, ev_step, self._epoch_model(snapshot, ev_step), epoch=epoch), ev)
            elif ev is None and named is not None and named.viewed:
                self._evaluate(Network(snapshot.run_id, snapshot.step, model))
        else:
            here = Network(snapshot.run_id, snapshot.step, model)
            if ev is not None and ev_step == snapshot.step and ev is not self.evaluation:
                self.jobs.cancel(self._keys["evaluation"])
                self._show(replace(here, epoch=epoch), ev)  # paused at an epoch end: its own evaluation
            else:
                self._evaluate(here)

    @staticmethod
    def _epoch_model(snapshot, step: int) -> MLP:
        """The network of the epoch end at `step`, for the map and robustness: the timeline's copy
        if it holds one, else the snapshot's (published within a moment of the epoch end)."""
        timeline = snapshot.timeline
        if snapshot.step != step and timeline is not None and step in timeline.steps():
            return timeline.model_at(step)
        return snapshot.model

    def _evaluate(self, network: Network) -> None:
        """Name `network` and show its figures: those shown if they are its own, else its
        evaluation on the job service, the older figures greyed meanwhile."""
        if network.same(self._shown):
            if self._named is not self._shown:  # back to the network shown: what was asked for is not needed
                self.jobs.cancel(self._keys["evaluation"])
                self._named = self._shown
                self._say_shown()
                self._mark()
            return
        if network.same(self._named):
            return  # being evaluated, or said to be unevaluable
        self._named = network
        text = arg(self.tr("Evaluating the network at step %1 on the test set…"), f"{network.step:,}")
        if self._shown is not None:
            text += " " + arg(self.tr("The greyed figures are of the network as it was at step %1: out of date."),
                              f"{self._shown.step:,}")
        self.status.setText(text)
        self._mark()
        # The same network's evaluation asked for by another view (Edit) is computed once.
        self.jobs.evaluate(self._keys["evaluation"], network.model, self.data, owner=self,
                           done=lambda ev, network=network: self._evaluated(network, ev),
                           failed=lambda msg: self._failed("evaluation", msg))

    def _evaluated(self, network: Network, ev: Evaluation) -> None:
        unanswered = int((~np.isfinite(ev.probabilities)).any(axis=1).sum())
        if not unanswered:
            self._show(network, ev)
            return
        # NaN or infinite weights (or outputs that overflow) read no digit: no figure to show.
        self._drop_figures()
        self._named = network
        self.status.setText(arg(self.tr(
            "The network at step %1 cannot be evaluated: for %2 of the %3 test images its outputs are not finite "
            "numbers (NaN or infinity), as happens when training diverges."),
            f"{network.step:,}", f"{unanswered:,}", f"{len(ev.probabilities):,}"))
        self._mark()

    def set_input(self, x, source: str) -> None:
        pass  # the preview of a damage uses the current input when it is hovered; nothing to redraw

    # --- a refresh ------------------------------------------------------------------------

    def _show(self, network: Network, ev: Evaluation) -> None:
        """The matrix now, the rest in the next turn of the event loop (_show_rest); robustness
        and the map then start on the job service."""
        self.model, self.evaluation = network.model, ev
        self._shown = self._named = network
        self._say_shown()
        self.mistakes.show_matrix(ev)
        self._mark()
        self._job_timer.stop()
        self._rest_timer.start()

    def _say_shown(self) -> None:
        """The status: which network the figures are of, its accuracy and mistakes."""
        network, ev, n = self._shown, self.evaluation, len(self.data.y_test)
        images, step = f"{n:,}", f"{network.step:,}"
        accuracy, mistakes = f"{ev.accuracy:.2%}", f"{n - int(np.trace(ev.confusion)):,}"
        if network.epoch is None:
            text = arg(self.tr("Test set, %1 images; the network at step %2: accuracy %3, %4 mistakes."),
                       images, step, accuracy, mistakes)
        else:
            text = arg(self.tr("Test set, %1 images; the network at step %2, the end of epoch %3: accuracy %4, "
                               "%5 mistakes."), images, step, network.epoch, accuracy, mistakes)
        self.status.setText(text)

    def _mark(self) -> None:
        """Grey the panels whose figures are of another network than the one named: all of them
        while the evaluation is out of date, the map and the curves until theirs are redone."""
        stale = self.stale
        fade(self.mistakes, stale)
        fade(self.coverage, stale)
        fade(self.hidden_map, stale or (self.projection is not None and self._projection_of is not self.model))
        fade(self.robustness_panel, stale or (self.robustness is not None and self._robustness_of is not self.model))

    def _show_rest(self) -> None:
        """The gallery, the coverage curve and the map's layers; then the background work."""
        self.mistakes.show_cell(*(self.mistakes.cell or (None, None)))
        self.coverage.show_probabilities(self.evaluation.probabilities, self.data.y_test)
        self.hidden_map.set_layers(self.model.sizes)
        # The jobs start once this refresh is painted, and one after the other: on two cores a
        # single background job leaves one core to training and one to the GUI.
        self._robustness_due = True
        self._job_timer.start()

    def _failed(self, name: str, message: str) -> None:
        self.status.setText(arg(self._failed_text[name], message))
        if name == "projection":
            self._robustness_timer.start()

    def _start_robustness(self) -> None:
        # A sweep under way finishes first (epochs may be shorter than a sweep: cancelled at each
        # one, it would never be seen); _show_robustness then starts one for the latest network.
        if self.model is None or not self._robustness_due or self.jobs.busy(self._keys["robustness"]):
            return
        self._robustness_due = False
        self.robustness_panel.start()
        self.jobs.submit(self._keys["robustness"], robustness_job, self.model, self.data.x_test, self.data.y_test,
                         self.data.image_shape, owner=self,
                         done=lambda result, model=self.model: self._show_robustness(model, result),
                         progress=self.robustness_panel.show_progress,
                         failed=lambda msg: self._failed("robustness", msg))

    def _show_robustness(self, model: MLP, result: dict) -> None:
        self.robustness, self._robustness_of = result, model
        if self._robustness_due:  # the network changed while it ran
            self._robustness_timer.start()
        self.robustness_panel.show_result(result)
        self._mark()

    def _start_projection(self, restart: bool = False) -> None:
        """Map the chosen layer of the latest network; restart: drop a map under way (a new
        layer was chosen), else let it finish first (see _start_robustness)."""
        if self.model is None:
            return
        if self.jobs.busy(self._keys["projection"]) and not restart:
            self._projection_due = True
            return
        self._projection_due = False
        self.hidden_map.start()
        # The map marks the images its own network misread, whatever network is shown when it comes.
        self.jobs.submit(self._keys["projection"], projection_job, self.model, self.data.x_test[:E.MAP_POINTS],
                         self.hidden_map.layer(), owner=self, progress=self.hidden_map.show_progress,
                         done=lambda result, model=self.model, probabilities=self.evaluation.probabilities:
                         self._show_projection(model, probabilities, result),
                         failed=lambda msg: self._failed("projection", msg))

    def _show_projection(self, model: MLP, probabilities: np.ndarray, result: tuple) -> None:
        self.projection, self._projection_of = result, model
        if self._projection_due:  # the network changed while it ran
            self._job_timer.start()
        else:
            self._robustness_timer.start()  # once the map is painted
        self.hidden_map.show_projection(result, probabilities)
        self._mark()
