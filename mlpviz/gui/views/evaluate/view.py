"""Evaluate: where the network fails, on the whole test set.

The view is four panels (mistakes, map, coverage, robustness) and this controller, which owns
what they share: the evaluation shown, the requests to the session's job service (the
evaluation of a network without one, the robustness sweep, the map), the timers that spread a
refresh over turns of the event loop, and the switch between columns and tabs. Robustness and the
map are computed only when the evaluation changes: at each epoch end, or for a new network while
training is paused or viewed on the timeline.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ....core import evaluation as E
from ....core.evaluation import Evaluation
from ....core.model import MLP
from ...i18n import arg
from ...session import Session
from ...snapshot import RUNNING
from ...widgets.whatsthis import explain as explain_view
from ..base import View
from ..labels import steady
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
        # (run id, live step, viewed step) of a network evaluated here (no epoch-end evaluation);
        # a network viewed on the timeline has no live step: the live one training on does not change it.
        self._model_key: tuple | None = None
        self.robustness: dict | None = None
        self.projection: tuple | None = None
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
        self.status = steady(QLabel(self.tr("The evaluation appears at the end of the first epoch, or at once "
                                            "for an opened network.")), 2)
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
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
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
        explain_view(self, self.tr(
            "<b>Evaluate</b><p>Where the network fails, on the whole test set. The confusion matrix counts each "
            "true digit (row) by the digit the network read (column); click a cell to see its images, the most "
            "confident first. In the middle, a PCA map of a layer's representation and the accuracy when the "
            "network answers only above a confidence threshold; at the right, how the accuracy drops as the "
            "images are damaged. Click any image to make it the input of the other views.</p>"))

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
        wide = self.width() >= WIDE_PX
        if wide != (self.columns.count() > 0):
            self._arrange(wide)

    # --- the session ----------------------------------------------------------------------

    def set_data(self, data) -> None:
        self.data = data
        for panel in (self.mistakes, self.hidden_map, self.robustness_panel):
            panel.set_data(data)
        self.clear()

    def clear(self) -> None:
        for key in self._keys.values():
            self.jobs.cancel(key)
        for timer in (self._rest_timer, self._job_timer, self._robustness_timer):
            timer.stop()
        self._robustness_due = self._projection_due = False
        self.model = self.evaluation = self._model_key = self.robustness = self.projection = None
        for panel in (self.mistakes, self.hidden_map, self.coverage, self.robustness_panel):
            panel.clear()

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
        """Show the snapshot's epoch-end evaluation; without one, evaluate a paused network here
        (off the GUI thread). Nothing is recomputed while the evaluation stays the same. A network
        viewed on the timeline is evaluated too, whether the live one trains or not: the snapshot's
        evaluation is the live network's."""
        model, ev, data = snapshot.model, snapshot.evaluation, self.data
        if model is None or data is None or model.sizes[0] != data.input_size:
            return
        viewed = self.session.viewed_step
        whole = ev is not None and ev.probabilities is not None and len(ev.probabilities) == len(data.y_test)
        if viewed is None and whole:
            if ev is not self.evaluation:
                self._show(model, ev)
            return
        key = (snapshot.run_id, None if viewed is not None else snapshot.step, viewed)
        from_timeline = self._model_key is not None and self._model_key[2] is not None  # back to live: at once
        if key != self._model_key and (viewed is not None or from_timeline or snapshot.state != RUNNING):
            self._model_key = key
            self.status.setText(self.tr("Evaluating the network on the test set…"))
            # The same network's evaluation asked for by another view (Edit) is computed once.
            self.jobs.evaluate(self._keys["evaluation"], model, data, owner=self,
                               done=lambda ev, model=model: self._show(model, ev),
                               failed=lambda msg: self._failed("evaluation", msg))

    def set_input(self, x, source: str) -> None:
        pass  # the preview of a damage uses the current input when it is hovered; nothing to redraw

    # --- a refresh ------------------------------------------------------------------------

    def _show(self, model: MLP, ev: Evaluation) -> None:
        """The matrix now, the rest in the next turn of the event loop (_show_rest); robustness
        and the map then start on the job service."""
        self.model, self.evaluation = model, ev
        labels = self.data.y_test
        self.status.setText(arg(self.tr("Test set, %1 images: accuracy %2, %3 mistakes."), f"{len(labels):,}",
                                f"{ev.accuracy:.2%}", f"{len(labels) - int(np.trace(ev.confusion)):,}"))
        self.mistakes.show_matrix(ev)
        self._job_timer.stop()
        self._rest_timer.start()

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
                         self.data.image_shape, owner=self, done=self._show_robustness,
                         progress=self.robustness_panel.show_progress,
                         failed=lambda msg: self._failed("robustness", msg))

    def _show_robustness(self, result: dict) -> None:
        self.robustness = result
        if self._robustness_due:  # the network changed while it ran
            self._robustness_timer.start()
        self.robustness_panel.show_result(result)

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
        self.jobs.submit(self._keys["projection"], projection_job, self.model, self.data.x_test[:E.MAP_POINTS],
                         self.hidden_map.layer(), owner=self, done=self._show_projection,
                         progress=self.hidden_map.show_progress, failed=lambda msg: self._failed("projection", msg))

    def _show_projection(self, result: tuple) -> None:
        self.projection = result
        if self._projection_due:  # the network changed while it ran
            self._job_timer.start()
        else:
            self._robustness_timer.start()  # once the map is painted
        self.hidden_map.show_projection(result, self.evaluation.probabilities)
