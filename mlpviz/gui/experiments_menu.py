"""The Course experiments menu, and a non-modal panel saying what to watch in the chosen one."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu, QPushButton, QVBoxLayout, QWidget

from ..core.experiments import EXPERIMENTS, Experiment
from .i18n import arg

# The experiments' texts live in the core (English); listed here so that lupdate offers them for translation.
EXPERIMENT_TEXTS = (
    QT_TRANSLATE_NOOP("Experiments", "The course's network and the notebook's two update mistakes"),
    QT_TRANSLATE_NOOP("Experiments", "The network as intended passes 80% test accuracy within its first epoch. With W1 updated by W1 - lr*W1, the first layer's weights shrink by a tenth every step whatever the images, so within a few hundred steps every image looks the same to the network: the loss stays at 2.30 and the accuracy is the share of the one digit it always answers, about 10%; 11.35% when that digit is 1, the commonest. The db1 mistake (summing dz1 instead of da1) gives the first biases a wrong gradient, yet its curves lie on top of the correct run's: 50 biases matter little next to 784 x 50 weights."),  # noqa: E501 (one message, as lupdate reads it)
    QT_TRANSLATE_NOOP("Experiments", 'as intended'),
    QT_TRANSLATE_NOOP("Experiments", 'W1 - lr*W1'),
    QT_TRANSLATE_NOOP("Experiments", 'db1 from dz1'),
    QT_TRANSLATE_NOOP("Experiments", 'Mean squared error against cross-entropy'),
    QT_TRANSLATE_NOOP("Experiments", "At the same learning rate of 0.1, cross-entropy passes 80% within the first epoch while mean squared error stays near 11-16% for the first two: the squared error's gradient at the output is damped by the softmax's slope, smallest exactly when the network is confidently wrong, whereas cross-entropy's is simply p - t."),  # noqa: E501 (one message, as lupdate reads it)
    QT_TRANSLATE_NOOP("Experiments", 'cross-entropy'),
    QT_TRANSLATE_NOOP("Experiments", 'mean squared error'),
    QT_TRANSLATE_NOOP("Experiments", 'Sigmoid against ReLU in a deep network'),
    QT_TRANSLATE_NOOP("Experiments", "Five hidden layers of 100 units, He initialisation for both. Each sigmoid layer passes back at most a quarter of the gradient it receives, so the gradient reaching the first layers all but vanishes: the sigmoid network's loss stays at 2.30 (about 10% accuracy) for the first epochs, while the ReLU network passes 90% in its first."),  # noqa: E501 (one message, as lupdate reads it)
    QT_TRANSLATE_NOOP("Experiments", 'sigmoid'),
    QT_TRANSLATE_NOOP("Experiments", 'ReLU'),
    QT_TRANSLATE_NOOP("Experiments", 'Initial weights: N(0, 0.01²), N(0, 1) and He'),
    QT_TRANSLATE_NOOP("Experiments", 'With a standard deviation of 1, each first-layer unit sums 784 large random terms, so most sigmoids start saturated near 0 or 1, where their slope is almost zero, and the outputs are confidently wrong: the loss starts near 6, far above the 2.30 of guessing, and the run stays behind the others (about 77% after two epochs, against 88% for 0.01 and 91% for He, which scales the spread to the number of inputs: N(0, 2/784)).'),  # noqa: E501 (one message, as lupdate reads it)
    QT_TRANSLATE_NOOP("Experiments", 'N(0, 0.01²)'),
    QT_TRANSLATE_NOOP("Experiments", 'N(0, 1)'),
    QT_TRANSLATE_NOOP("Experiments", 'He'),
    QT_TRANSLATE_NOOP("Experiments", 'Learning rate 1, 0.1 and 0.001'),
    QT_TRANSLATE_NOOP("Experiments", "At 0.001 the loss stays at 2.30 for the first epochs and the network answers 1 for everything (11.35%): each step is too small. 0.1 is the course's choice. 1 learns faster still for this small sigmoid network (about 93% after one epoch), with a noisier loss; much larger rates overshoot and the loss rises instead."),  # noqa: E501 (one message, as lupdate reads it)
    QT_TRANSLATE_NOOP("Experiments", 'lr 1'),
    QT_TRANSLATE_NOOP("Experiments", 'lr 0.1'),
    QT_TRANSLATE_NOOP("Experiments", 'lr 0.001'),
    QT_TRANSLATE_NOOP("Experiments", 'The Keras model (Adam, batch 32) against plain SGD'),
    QT_TRANSLATE_NOOP("Experiments", "The course's Keras model has the same 784-50-10 shape but starts from Glorot-uniform weights and trains with Adam on batches of 32: more, smaller and adaptive steps per epoch. Compare the accuracy after each epoch, and the time each epoch takes."),  # noqa: E501 (one message, as lupdate reads it)
    QT_TRANSLATE_NOOP("Experiments", 'Keras: Adam, batch 32'),
    QT_TRANSLATE_NOOP("Experiments", 'plain SGD, batch 100'),
    QT_TRANSLATE_NOOP("Experiments", '1,000 training images against 60,000'),
    QT_TRANSLATE_NOOP("Experiments", 'On 1,000 images the train accuracy climbs towards 100% while the test accuracy stops well short of it: the gap between the two curves is overfitting, the network memorising its images instead of learning digits. On 60,000 the two curves stay close together.'),  # noqa: E501 (one message, as lupdate reads it)
    QT_TRANSLATE_NOOP("Experiments", '1,000 images'),
    QT_TRANSLATE_NOOP("Experiments", '60,000 images'),
)


def tr(text: str) -> str:
    """An experiment's text in the user's language (the English when untranslated)."""
    return QCoreApplication.translate("Experiments", text)


class WatchPanel(QDialog):
    """What to watch in an experiment: its runs and the explanation. Non-modal, one per window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.Tool)
        self.title = QLabel(self)
        self.runs = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        close = QPushButton(QCoreApplication.translate("Experiments", "Close"), self)
        close.clicked.connect(self.hide)
        layout = QVBoxLayout(self)
        for w in (self.title, self.runs, self.text):
            layout.addWidget(w)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(460, 260)

    def show_experiment(self, experiment: Experiment) -> None:
        """Fill in the experiment and show the panel without blocking the window."""
        self.setWindowTitle(arg(QCoreApplication.translate("Experiments", "What to watch: %1"), tr(experiment.title)))
        self.title.setText(f"<b>{tr(experiment.title)}</b>")
        labels = ", ".join(tr(r.label) for r in experiment.runs)
        self.runs.setText(arg(QCoreApplication.translate("Experiments", "Runs, one after another: %1"), labels))
        # The titles and explanations live in the core; translations, when present, key on the English.
        self.text.setText(tr(experiment.what_to_watch))
        self.show()
        self.raise_()


def build_experiments_menu(parent: QMenu | QMainWindow | QWidget,
                           on_run: Callable[[Experiment], None]) -> QMenu:
    """A "Course experiments" menu, added to parent (a menu, or a main window's menu bar), with one
    action per experiment: choosing it shows what to watch (menu.watch_panel) and calls on_run."""
    menu = QMenu(QCoreApplication.translate("Experiments", "Course experiments"), parent)
    if isinstance(parent, QMenu):
        parent.addMenu(menu)
    elif isinstance(parent, QMainWindow):
        parent.menuBar().addMenu(menu)
    host = parent.window() if isinstance(parent, QWidget) else None
    menu.watch_panel = WatchPanel(host)
    for experiment in EXPERIMENTS:
        action = menu.addAction(tr(experiment.title))
        action.setData(experiment.key)
        labels = ", ".join(tr(r.label) for r in experiment.runs)
        action.setStatusTip(arg(QCoreApplication.translate("Experiments", "Runs: %1"), labels))

        def chosen(_checked: bool = False, e: Experiment = experiment) -> None:
            menu.watch_panel.show_experiment(e)
            on_run(e)

        action.triggered.connect(chosen)
    return menu
