"""The window's menus and shortcuts, and where keyboard focus goes."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWhatsThis,
    QWidget,
)

from .. import __version__
from ..core.experiments import Experiment
from .experiments_menu import build_experiments_menu
from .export import add_export_menus, export_figures
from .i18n import arg
from .translation import add_language_menu
from .zoom import Zoom, add_zoom_menu

translate = QCoreApplication.translate


def _typing(widget) -> bool:
    """True for a widget that takes typed text: there, Space and arrows edit the text."""
    return isinstance(widget, (QLineEdit, QAbstractSpinBox))


class FocusKeeper(QObject):
    """Training shortcuts work everywhere except while typing: Return or Escape leaves a field
    (its value is then checked as usual), and so does a click on anything that is not a field
    (views and panels take focus on a click)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        for field in window.findChildren(QLineEdit) + window.findChildren(QAbstractSpinBox):
            field.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()  # Escape is the field's: it leaves the field rather than clearing the pad
        elif kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return,
                                                               Qt.Key.Key_Enter):
            QTimer.singleShot(0, self._leave)
        return False

    def _leave(self) -> None:
        focus = QApplication.focusWidget()
        if _typing(focus) or _typing(focus.parent() if focus else None):
            self.window.setFocus(Qt.FocusReason.OtherFocusReason)


@dataclass(frozen=True)
class Commands:
    """What the menus and shortcuts do."""

    open_model: Callable[[], object]
    save: Callable[[], object]
    save_as: Callable[[], object]
    switch_dataset: Callable[[str | None], None]  # a folder or .npz file, or None: the bundled MNIST
    toggle_run: Callable[[], None]
    step_once: Callable[[], None]
    step_epoch: Callable[[], None]
    reset: Callable[[], None]
    run_experiment: Callable[[Experiment], None]
    clear_drawing: Callable[[], None]
    random_test_image: Callable[[], None]
    check_code: Callable[[], None]  # the Check my code dialog
    save_drawing: Callable[[], object]  # the pad's strokes to a drawings file
    lessons_menu: Callable[[QMenu], None] | None = None  # fills the Lessons menu


def build_menus(w: QMainWindow, do: Commands, settings: QSettings, dataset_button: QAbstractButton,
                focus_takers: list[QWidget], zoom: Zoom | None = None) -> QAction:
    """File, Training, Input, View, Help in w's menu bar: every action with its shortcut, also
    active without a menu bar. dataset_button gets the Dataset menu; a click on a focus taker
    leaves a settings field. Returns the What's This action."""
    def action(menu, text, shortcuts, slot, tip):
        a = QAction(text, w)
        if shortcuts:
            a.setShortcuts([QKeySequence(s) for s in shortcuts])
        a.setStatusTip(tip)
        a.setToolTip(tip)
        a.triggered.connect(slot)
        menu.addAction(a)
        w.addAction(a)
        return a

    file = w.menuBar().addMenu(translate("MainWindow", "&File"))
    action(file, translate("MainWindow", "&Open model..."), ["Ctrl+O"], lambda: do.open_model(),
           translate("MainWindow", "Load a saved model (.npz)"))
    action(file, translate("MainWindow", "&Save model"), ["Ctrl+S"], lambda: do.save(),
           translate("MainWindow", "Save the network and its history"))
    action(file, translate("MainWindow", "Save model &as..."), ["Ctrl+Shift+S"], lambda: do.save_as(),
           translate("MainWindow", "Save to a new file"))
    file.addSeparator()
    data = QMenu(translate("MainWindow", "&Dataset"), w)
    action(data, translate("MainWindow", "&Folder of IDX files..."), [],
           lambda: choose_dataset(w, settings, do.switch_dataset, folder=True),
           translate("MainWindow", "Train on a folder of MNIST-format IDX files, such as Fashion-MNIST"))
    action(data, translate("MainWindow", "&Keras-style .npz file..."), [],
           lambda: choose_dataset(w, settings, do.switch_dataset, folder=False),
           translate("MainWindow", "Train on an mnist.npz with x_train, y_train, x_test, y_test"))
    action(data, translate("MainWindow", "&Bundled MNIST"), [], lambda: do.switch_dataset(None),
           translate("MainWindow", "Back to the MNIST that ships with mlpviz"))
    file.addMenu(data)
    dataset_button.setMenu(data)
    file.addSeparator()
    action(file, translate("MainWindow", "&Check my code..."), [], lambda: do.check_code(),
           translate("MainWindow", "Check your own NumPy forward, backward and update against the engine"))
    action(file, translate("MainWindow", "&Export figures..."), [], lambda: export_figures(w, settings),
           translate("MainWindow", "Save every view as a PNG for slides, with an index.html that shows them all"))
    file.addSeparator()
    action(file, translate("MainWindow", "&Quit"), ["Ctrl+Q"], w.close, translate("MainWindow", "Quit mlpviz"))
    run = w.menuBar().addMenu(translate("MainWindow", "&Training"))
    action(run, translate("MainWindow", "&Start / Pause"), ["Space"], lambda: do.toggle_run(),
           translate("MainWindow", "Start or pause training"))
    action(run, translate("MainWindow", "Step one &mini-batch"), ["Right"], lambda: do.step_once(),
           translate("MainWindow", "Train on one mini-batch"))
    action(run, translate("MainWindow", "Step one &epoch"), ["Shift+Right"], lambda: do.step_epoch(),
           translate("MainWindow", "Train to the end of this epoch"))
    action(run, translate("MainWindow", "&Reset"), ["Ctrl+R"], lambda: do.reset(),
           translate("MainWindow", "Start again from fresh weights"))
    run.addSeparator()
    build_experiments_menu(run, do.run_experiment)
    if do.lessons_menu is not None:
        do.lessons_menu(w.menuBar().addMenu(translate("MainWindow", "&Lessons")))
    inp = w.menuBar().addMenu(translate("MainWindow", "&Input"))
    action(inp, translate("MainWindow", "&Clear drawing"), ["Delete", "Escape"], lambda: do.clear_drawing(),
           translate("MainWindow", "Clear the drawing pad"))
    action(inp, translate("MainWindow", "&Random test image"), ["Ctrl+T"], lambda: do.random_test_image(),
           translate("MainWindow", "Show a random test image"))
    action(inp, translate("MainWindow", "&Save drawing..."), [], lambda: do.save_drawing(),
           translate("MainWindow", "Save the drawing's pen strokes to a file that mlpviz predict --strokes reads"))
    view_menu = w.menuBar().addMenu(translate("MainWindow", "&View"))
    if zoom is not None:
        add_zoom_menu(view_menu, zoom)
        view_menu.addSeparator()
    add_language_menu(view_menu, settings, w)
    help_menu = w.menuBar().addMenu(translate("MainWindow", "&Help"))
    whats_this = QWhatsThis.createAction(w)  # Shift+F1, then a click on anything explains it
    whats_this.setText(translate("MainWindow", "What's &This?"))
    whats_this.setToolTip(translate("MainWindow", "Click any control or chart to have it explained"))
    whats_this.setStatusTip(whats_this.toolTip())
    help_menu.addAction(whats_this)
    w.addAction(whats_this)
    action(help_menu, translate("MainWindow", "&About mlpviz"), [], lambda: about(w),
           translate("MainWindow", "What this is"))
    add_export_menus(w)  # a right click on any plot or picture: Export…
    FocusKeeper(w)
    for taker in (w, w.statusBar(), *focus_takers):
        taker.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return whats_this


def choose_dataset(parent: QWidget, settings: QSettings, switch: Callable[[str | None], None], folder: bool) -> None:
    """Ask for a folder of IDX files (folder) or a Keras-style .npz file, then switch to it."""
    from PySide6.QtWidgets import QFileDialog
    start = str(settings.value("last_data_folder", ""))
    if folder:
        source = QFileDialog.getExistingDirectory(parent, translate("MainWindow", "Folder of MNIST-format IDX files"),
                                                  start)
    else:
        source, _ = QFileDialog.getOpenFileName(parent, translate("MainWindow", "Keras-style MNIST file"), start,
                                                translate("MainWindow", "NumPy archives (*.npz)"))
    if source:
        from pathlib import Path
        settings.setValue("last_data_folder", str(Path(source) if folder else Path(source).parent))
        switch(source)


def about(w: QWidget) -> None:
    QMessageBox.about(w, translate("MainWindow", "About mlpviz"), arg(translate("MainWindow",
        "<h3>mlpviz %1</h3><p>Watch a neural network learn. mlpviz trains a multi-layer perceptron written "
        "from scratch in NumPy on handwritten digits, live, and shows what happens inside: the loss and "
        "accuracy, the weights, every layer's activations, and what it reads in a digit you draw.</p>"
        "<p>Free software under the MIT licence.</p><p>MNIST is by Yann LeCun, Corinna Cortes and "
        "Christopher J.C. Burges.</p>"), __version__))
