"""The Backpropagation tab: one example through the network and back, card by card, in the course's
order and names (core.backprop.Walkthrough), with the update tried on a copy.

The cards hold still while the learner steps: the walkthrough is computed again when the example,
its label, η, the mistake or the network changes, but a new network is taken only while training
is paused (a single step included), never while it runs or while "Hold this network" is on or an
update is applied here; "Take the latest" takes it at once.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ....core.backprop import Card, Update, Walkthrough
from ....core.batch import BatchRecord
from ....core.data import scale_images
from ....core.inspect import Inspection, inspect
from ....core.model import MLP
from ... import style
from ...classes import digits_or_classes
from ...i18n import arg
from ...session import Session
from ...snapshot import RUNNING
from ...widgets.whatsthis import explain as explain_view
from ..base import View
from ..labels import steady
from .detail import CardDetail
from .flow import FlowLayout
from .question import Guess
from .texts import CONTEXT, HELP
from .update import UpdatePanel

DEFAULT_LR = 0.1
PACES = (0.5, 1.0, 2.0, 4.0)  # seconds per card while playing
DEFAULT_PACE = 1
NARROW_PX = 560  # a narrower view hides the column of cards: the card itself needs the room
SHORT_PX = 560  # a shorter one draws the diagram smaller
DIAGRAM_PX = (64, 84)  # the diagram's height in a short view and otherwise
INPUT, BATCH = "input", "batch"
TINTS = {"forward": QColor(226, 238, 250), "loss": QColor(252, 244, 214), "backward": QColor(252, 230, 222),
         "update": QColor(228, 243, 228)}
MISTAKES = ((None, QT_TRANSLATE_NOOP("BackpropView", "no mistake")),
            ("w_update", "W1 ← W1 − η·W1"),
            ("db1", "db1 = Σ dz1"))


class BackpropView(View):
    """The example and settings on top; below, the column of cards and beside it the diagram, the
    current card (formula, NumPy line, shape, values, where a number came from, gradient check),
    the step and play controls and the update panel."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.walk: Walkthrough | None = None
        self.index = 0
        self._model: MLP | None = None  # the network followed (the session's, when taken)
        self._step: int | None = None
        self._batch: BatchRecord | None = None
        self._waiting = None  # a newer snapshot not taken yet
        self._x: np.ndarray | None = None
        self._source = ""
        self._label: int | None = None  # the label chosen here; None: the example's own
        self._applied: list = []  # (network before, Update) of every update applied here, oldest first
        self._names: list[str] = []
        self._build()
        self.clear()

    # -- building

    def _build(self) -> None:
        self.example = QComboBox()
        self.example.addItem(self.tr("the current input"), INPUT)
        self.example.addItem(self.tr("a mini-batch image"), BATCH)
        self.example.setToolTip(self.tr("The image drawn or picked on the right, or one image of the mini-batch "
                                        "the trainer learned from last (slow motion or single steps)"))
        self.example.currentIndexChanged.connect(lambda _: self._example_changed())
        self.batch_index = QSpinBox()
        self.batch_index.setPrefix("#")
        self.batch_index.setMinimum(1)
        self.batch_index.setToolTip(self.tr("Which image of the mini-batch"))
        self.batch_index.valueChanged.connect(lambda _: self._example_changed())
        self.label = QSpinBox()
        self.label.setToolTip(self.tr("The label t the loss compares y with: the image's own, or any other to "
                                      "see what the gradients would be then"))
        self.label.valueChanged.connect(self._label_changed)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(4)
        self.lr.setRange(0.0001, 10.0)
        self.lr.setSingleStep(0.01)
        self.lr.setToolTip(self.tr("The learning rate η of the update cards (the run's, to begin with)"))
        self.lr.valueChanged.connect(lambda _: self._settings_changed())
        self.mistake = QComboBox()
        for key, text in MISTAKES:
            self.mistake.addItem(QCoreApplication.translate("BackpropView", text), key)
        self.mistake.setToolTip(self.tr("Make one of the course notebook's two update mistakes: W1 − η·W1 "
                                        "instead of W1 − η·dW1, or db1 summed from dz1 instead of da1"))
        self.mistake.currentIndexChanged.connect(lambda _: self._settings_changed())
        self.hold = QCheckBox(self.tr("Hold this network"))
        self.hold.setToolTip(self.tr("Keep these numbers while training goes on; untick to follow the network "
                                     "again"))
        self.hold.toggled.connect(self._hold_toggled)
        self.latest = QToolButton(text=self.tr("Take the latest"))
        self.latest.setToolTip(self.tr("A newer network is waiting: compute the cards for it"))
        self.latest.clicked.connect(self.take_latest)
        self.cards = QListWidget()
        self.cards.setToolTip(self.tr("The computation, card by card: Down/Up (or J/K) step through it"))
        self.cards.currentRowChanged.connect(self._row_changed)
        self.cards.setMinimumWidth(130)
        self.settings = QWidget()
        flow = FlowLayout(self.settings)
        self.batch_pair = _pair(self.tr("image"), self.batch_index)
        for w in (self.example, self.batch_pair, _pair("t", self.label), _pair("η", self.lr), self.mistake, self.hold,
                  self.latest):
            flow.addWidget(w)
        self.caption = steady(QLabel(), 1)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setStyleSheet("font-weight: bold")
        self.detail = CardDetail()
        self.detail.values.data = self.session.data
        self.detail.diagram.setFixedHeight(DIAGRAM_PX[1])
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setFixedSize(self.counter.fontMetrics().horizontalAdvance("00 / 00") + 8,
                                  self.counter.fontMetrics().lineSpacing() + 4)
        self.prev = QToolButton(text="◀")
        self.prev.setToolTip(self.tr("The previous card (Up, K or Page Up)"))
        self.prev.clicked.connect(lambda: self.step(-1))
        self.next = QToolButton(text="▶")
        self.next.setToolTip(self.tr("The next card (Down, J or Page Down)"))
        self.next.clicked.connect(lambda: self.step(1))
        self.play = QToolButton(text=self.tr("Play"))
        self.play.setToolTip(self.tr("Go through the cards at the pace chosen; again to pause (P)"))
        self.play.clicked.connect(self.toggle_play)
        self.pace = QComboBox()
        for seconds in PACES:
            self.pace.addItem(arg(self.tr("%1 s"), f"{seconds:g}"), seconds)
        self.pace.setToolTip(self.tr("Seconds a card while playing"))
        self.pace.setCurrentIndex(DEFAULT_PACE)
        self.pace.currentIndexChanged.connect(lambda _: self.timer.setInterval(int(1000 * self.pace.currentData())))
        self.show_all = QCheckBox(self.tr("show all"))
        self.show_all.setToolTip(self.tr("Draw every unit of a wide layer, in their order, instead of the largest "
                                         "first"))
        self.show_all.toggled.connect(lambda _: self._show_card())
        self.timer = QTimer(self, interval=int(1000 * PACES[DEFAULT_PACE]))
        self.timer.timeout.connect(self._tick)
        self.panel = UpdatePanel()
        self.panel.applyRequested.connect(self.apply_update)
        self.panel.undoRequested.connect(self.undo_update)
        self.panel.question.answered.connect(self._answered)
        self.panel.ask_first.toggled.connect(lambda on: on or self._undo_question())

        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        self.help = explain_view(self, QCoreApplication.translate(CONTEXT, HELP), floating=False)
        top.addWidget(self.help, 0, Qt.AlignmentFlag.AlignTop)
        nav = QHBoxLayout()
        for w in (self.prev, self.counter, self.next, self.play, self.pace):
            nav.addWidget(w)
        nav.addStretch(1)
        nav.addWidget(self.show_all)
        right = QWidget()
        stack = _Column(right)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        stack.addWidget(self.detail, 1)
        stack.addLayout(nav)
        stack.addWidget(self.panel)
        # where the tab is short (the window's smallest size, an update's result shown) the column
        # scrolls rather than squeezing the values out of sight
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.cards)
        body.addWidget(scroll)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        body.setSizes([150, 550])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.settings)
        layout.addWidget(body, 1)
        self.setFocusProxy(self.cards)  # a click in the view: Down/Up step through the cards
        for keys, slot in ((("J", "PgDown"), lambda: self.step(1)), (("K", "PgUp"), lambda: self.step(-1)),
                           (("Home",), lambda: self.go(0)), (("End",), lambda: self.go(len(self._names) - 1)),
                           (("P",), self.toggle_play)):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if self.timer.isActive():  # playing on in a tab in the background would only be missed
            self.toggle_play()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.cards.setVisible(self.width() >= style.px(NARROW_PX))
        QTimer.singleShot(0, self, self._elide_caption)  # once the caption has its new width
        self.detail.diagram.setFixedHeight(DIAGRAM_PX[self.height() >= style.px(SHORT_PX)])

    # -- the View interface

    def update_from(self, snapshot) -> None:
        batch = getattr(snapshot, "batch", None)
        if snapshot.model is self._model and (batch is None or batch is self._batch):
            return
        keep = self.hold.isChecked() or self._applied or snapshot.state == RUNNING
        if self._model is not None and keep and snapshot.model.sizes == self._model.sizes:
            self._waiting = snapshot
            self.latest.show()
            self._caption()
            return
        self._take(snapshot)

    def set_input(self, x: np.ndarray | None, source: str) -> None:
        if x is self._x:
            return
        self._x, self._source = x, source
        self._label = None
        self._undo_all()
        if self.example.currentData() == BATCH:
            with _blocked(self.example):
                self.example.setCurrentIndex(0)
            self._example_widgets()
        self.recompute()

    def set_data(self, data) -> None:
        self.detail.values.data = data
        self.clear()

    def clear(self) -> None:
        if self.timer.isActive():
            self.toggle_play()
        self._model, self._step, self._batch, self._waiting = None, None, None, None
        self._applied = []
        self._label = None
        config = self.session.run_config[0]
        with _blocked(self.lr):
            self.lr.setValue(config.lr if config is not None and config.lr > 0 else DEFAULT_LR)
        self.latest.hide()
        self.panel.set_batch(None)
        self.panel.clear_result()
        self.panel.question.clear()
        self._example_widgets()
        self.recompute()

    # -- what the cards are of

    def network(self) -> MLP | None:
        """The network the cards are of: the one followed, or the copy after the updates applied."""
        return self._applied[-1][1].after if self._applied else self._model

    def _take(self, snapshot) -> None:
        self._waiting = None
        self.latest.hide()
        self._model, self._step = snapshot.model, snapshot.step
        batch = getattr(snapshot, "batch", None)
        if batch is not None and batch is not self._batch:
            self._batch = batch
            if self.example.currentData() == BATCH:
                self._label = None  # another image: its own label
        self.panel.set_batch(self._batch.size if self._batch is not None else None)
        self._example_widgets()
        self.recompute()

    def take_latest(self) -> None:
        """Compute the cards for the newest network (ending any update applied here)."""
        if self._waiting is not None:
            self._undo_all(redraw=False)
            self._take(self._waiting)

    def _hold_toggled(self, on: bool) -> None:
        if not on and self._waiting is not None and not self._applied and self._waiting.state != RUNNING:
            self.take_latest()
        self._caption()

    def _example(self) -> tuple[np.ndarray, int | None, str, list[np.ndarray] | None] | None:
        """(x (n_in,) in [0, 1], its own label or None, its description, the dropout masks the
        step used on it (a mini-batch image of a run with dropout) or None), or None without one."""
        if self.example.currentData() == BATCH and self._batch is not None:
            i = min(self.batch_index.value(), self._batch.size) - 1
            label = int(self._batch.labels[i])
            desc = arg(self.tr("mini-batch image %1 of %2 (training image %3, label %4)"), i + 1, self._batch.size,
                       int(self._batch.indices[i]), label)
            masks = [m[i] for m in self._batch.masks] or None
            return scale_images(self._batch.images[i]), label, desc, masks
        if self._x is None:
            return None
        label = self.session.input_label if self.session.input_x is self._x else None
        return self._x, label, self._source, None

    def _example_widgets(self) -> None:
        has_batch = self._batch is not None
        self.example.model().item(1).setEnabled(has_batch)
        if not has_batch and self.example.currentData() == BATCH:
            with _blocked(self.example):
                self.example.setCurrentIndex(0)
        batch = self.example.currentData() == BATCH
        self.batch_pair.setVisible(batch)
        with _blocked(self.batch_index):
            self.batch_index.setMaximum(self._batch.size if has_batch else 1)

    def _example_changed(self) -> None:
        self._label = None
        self._undo_all(redraw=False)
        self._example_widgets()
        self.recompute()

    def _label_changed(self, value: int) -> None:
        self._label = value
        self._undo_all(redraw=False)
        self.recompute()

    def _settings_changed(self) -> None:
        self._undo_all(redraw=False)
        self.recompute()

    def _inspect(self, net: MLP, x: np.ndarray, label: int | None, masks: list[np.ndarray] | None) -> Inspection:
        s = self.session
        if masks is None and net is s.model and x is s.input_x and label == s.input_label:
            ins = s.inspection()  # the one every Inside view shares
            if ins is not None:
                return ins
        return inspect(net, x, label, s.float64(net), masks)

    def recompute(self) -> None:
        """The walkthrough of the current network, example, label, η and mistake; the same card
        stays current where it still exists."""
        net, ex = self.network(), self._example()
        name = self._names[self.index] if self._names else None
        if net is None or ex is None or len(ex[0]) != net.sizes[0]:
            self.walk = None
            self._set_cards([])
            self._show_card()
            return
        x, own, _, masks = ex
        label = self._label if self._label is not None else own
        if label is not None and not 0 <= label < net.sizes[-1]:
            label = None
        ins = self._inspect(net, x, label, masks)
        mistake = self.mistake.currentData() if ins.L >= 2 else None
        self.mistake.setEnabled(ins.L >= 2)
        self.walk = Walkthrough(ins, self.lr.value(), mistake)
        with _blocked(self.label):
            self.label.setRange(0, net.sizes[-1] - 1)
            self.label.setValue(ins.t)
        self._set_cards(self.walk.cards)
        names = [c.name for c in self.walk.cards]
        self.index = names.index(name) if name in names else min(self.index, len(names) - 1)
        self._show_card()

    def _set_cards(self, cards: list[Card]) -> None:
        texts = [("⚠ " if c.correct is not None else "") + c.formula for c in cards]
        if texts == [self.cards.item(i).text() for i in range(self.cards.count())]:
            return
        with _blocked(self.cards):
            self.cards.clear()
            for c, text in zip(cards, texts):
                item = QListWidgetItem(text)
                item.setBackground(TINTS[c.phase])
                item.setToolTip(c.code)
                self.cards.addItem(item)
        self._names = [c.name for c in cards]

    # -- stepping

    def go(self, index: int) -> None:
        """Make card `index` the current one."""
        if not self._names:
            return
        index = max(0, min(index, len(self._names) - 1))
        if index != self.index or self.cards.currentRow() != index:
            self.index = index
            self._show_card()

    def step(self, by: int) -> None:
        self.go(self.index + by)

    def toggle_play(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
        elif self._names:
            if self.index >= len(self._names) - 1:
                self.go(0)
            self.timer.start()
        self.play.setText(self.tr("Pause") if self.timer.isActive() else self.tr("Play"))

    def _tick(self) -> None:
        self.step(1)
        if self.index >= len(self._names) - 1:
            self.toggle_play()

    def _row_changed(self, row: int) -> None:
        if row >= 0 and row != self.index:
            self.index = row
            self._show_card()

    @property
    def card(self) -> Card | None:
        return self.walk.cards[self.index] if self.walk is not None else None

    def _show_card(self) -> None:
        self._caption()
        walk = self.walk
        data = self.session.data
        shape = data.image_shape if data is not None else _square(walk.ins.network.sizes[0]) if walk else None
        self.detail.show_card(walk, self.index, self.show_all.isChecked(), shape)
        if walk is None:
            self.counter.clear()
            return
        with _blocked(self.cards):
            self.cards.setCurrentRow(self.index)
        self.counter.setText(f"{self.index + 1} / {len(walk.cards)}")

    def _caption(self) -> None:
        ex = self._example()
        if self.network() is None:
            text = self.tr("Train or open a model to follow an example through it.")
        elif ex is None:
            text = digits_or_classes(self.session.data,
                                     self.tr("Draw a digit or pick a test image to follow it through the network."),
                                     self.tr("Draw on the pad or pick a test image to follow it through the network."))
        else:
            sizes = "-".join(map(str, self.network().sizes))
            if self._applied:
                net = arg(self.tr("%1, a copy after %2 update(s) applied here"), sizes, len(self._applied))
            else:
                net = arg(self.tr("%1 at step %2"), sizes, self._step if self._step is not None else 0)
            if self._waiting is not None:
                why = self.tr("held") if self.hold.isChecked() or self._applied else self.tr("held while training runs")
                net += arg(self.tr(" (%1: a newer network is waiting)"), why)
            text = f"{ex[2]} · {net}"
        if text != self.caption.toolTip():
            self.caption.setToolTip(text)
            self._elide_caption()

    def _elide_caption(self) -> None:
        """The caption in one line, its end elided where the view is narrow (the tooltip has it all)."""
        text = self.caption.toolTip()
        self.caption.setText(self.caption.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                                   max(self.caption.width(), 50)))

    # -- the update

    def apply_update(self) -> None:
        """Apply this card set's update (for the example or the mini-batch) to a copy, asking first
        when 'Ask me first' is ticked."""
        if self.walk is None:
            return
        if self.panel.ask_first.isChecked():
            t = self.walk.ins.t
            self.panel.question.ask(arg(self.tr("Will p(%1) go up or down, and by about how much?"), t),
                                    self.tr("points"))
            self.panel.apply_button.setEnabled(False)
            self._reveal(self.panel.question)
            return
        self._apply()

    def _answered(self, guess: Guess) -> None:
        t = self.walk.ins.t
        up = self._apply()
        self.panel.apply_button.setEnabled(True)
        hint = self.tr("With the mistake, W1 shrinks instead of following its gradient.") \
            if self.walk.mistake == "w_update" else arg(self.tr(
                "Look at dy again: its entry for %1 is negative, and the update moves every weight against "
                "its gradient."), t)
        self.panel.question.reveal(100 * float(up.p_after[t] - up.p_before[t]), hint=hint)

    def _apply(self) -> Update:
        """Apply the update to a copy and show the cards of the network after it; returns the Update."""
        walk = self.walk
        if self.panel.for_batch and self._batch is not None:
            up = walk.update(scale_images(self._batch.images), self._batch.labels, list(self._batch.masks) or None)
        else:
            up = walk.update()
        self._applied.append((walk.ins.network, up))
        self.recompute()
        self.panel.set_applied(len(self._applied))
        self.panel.show_result(up, walk.ins.network, walk.ins.t, len(self._applied))
        self._reveal(self.panel)
        return up

    def _reveal(self, widget: QWidget) -> None:
        """Scroll a short view to what was just shown below its cards (once it is laid out)."""
        QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(widget, 0, 0))

    def undo_update(self) -> None:
        """Back to the network before the last update applied here."""
        if not self._applied:
            return
        self._applied.pop()
        self.panel.question.clear()
        self.panel.apply_button.setEnabled(True)
        self._after_undo()
        self.recompute()

    def _undo_all(self, redraw: bool = True) -> None:
        if not self._applied and not self.panel.question.asking:
            return
        self._applied = []
        self.panel.question.clear()
        self.panel.apply_button.setEnabled(True)
        self._after_undo()
        if redraw:
            self.recompute()

    def _undo_question(self) -> None:
        """A question waiting for its answer is dropped (Ask first unticked)."""
        if self.panel.question.asking:
            self.panel.question.clear()
            self.panel.apply_button.setEnabled(True)

    def _after_undo(self) -> None:
        self.panel.set_applied(len(self._applied))
        if self._applied:
            before, up = self._applied[-1]
            self.panel.show_result(up, before, self.walk.ins.t, len(self._applied))
        else:
            self.panel.clear_result()


def _pair(text: str, field: QWidget) -> QWidget:
    """A field and its name, kept together on one line of a flow."""
    w = QWidget()
    row = QHBoxLayout(w)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(3)
    row.addWidget(QLabel(text))
    row.addWidget(field)
    return w


def _square(n: int) -> tuple[int, int] | None:
    side = int(round(np.sqrt(n)))
    return (side, side) if side * side == n else None


class _Column(QVBoxLayout):
    """A column that does not tell a scroll area its height depends on its width (its wrapping
    labels have fixed heights): the area then fits it to the view down to its minimum height,
    instead of at its preferred height with a scroll bar."""

    def hasHeightForWidth(self) -> bool:
        return False


class _blocked:
    """with _blocked(widget): its signals are blocked inside (programmatic changes)."""

    def __init__(self, widget: QWidget):
        self.widget = widget

    def __enter__(self):
        self._was = self.widget.blockSignals(True)

    def __exit__(self, *exc):
        self.widget.blockSignals(self._was)
