"""What the window remembers between launches."""
import json

from PySide6.QtCore import QSettings

from mlpviz.core.config import Config


def remember(path, config: Config) -> None:
    """Settings as a previous session left them at close."""
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("config", json.dumps(config.to_dict()))
    settings.setValue("train_limit", 1000)
    settings.sync()


def test_a_huge_remembered_network_is_not_built_at_launch(qtbot, make_window, small, tmp_path):
    remember(tmp_path / "settings0.ini", Config(hidden=(300, 100), lr=0.05))
    window = make_window(small)
    assert window.config.hidden == (300, 100) and window.config.lr == 0.05  # as it was left
    assert window.controls.note.text() == ""
    # 784-4096-4096-4096-10: 140 MB a copy of its weights, several copies at once (the optimizer's,
    # the views', the timeline's): built only when asked for again.
    remember(tmp_path / "settings1.ini", Config(hidden=(4096, 4096, 4096), lr=0.05))
    window = make_window(small)
    assert window.config.hidden == Config().hidden and window.config.lr == 0.05  # the rest as it was left
    assert window.trainer.model.sizes == (784, 50, 10)
    assert window.controls.hidden.text() == "50"
    qtbot.waitUntil(lambda: window.controls.note.text() != "")  # once the launch's network is adopted
    assert window.controls.note.text() == (
        "The last session's network (hidden layers 4096,4096,4096: 140 MB of weights) was not built at launch: "
        "type its hidden layers again to train it.")
    window.controls.hidden.setText("64")  # the user's next network: the note has said its piece
    window.controls.hidden.editingFinished.emit()
    assert window.trainer.model.sizes == (784, 64, 10) and window.controls.note.text() == ""


def test_remembered_settings_that_no_preset_gives_are_shown_not_hidden(qtbot, make_window, small, tmp_path):
    # "After a restart dropout 0.5 and shift 3 are in force but hidden under an unchecked 'Show all settings'"
    remember(tmp_path / "settings0.ini", Config(dropout=0.5, shift=3))
    window = make_window(small)
    assert window.config.dropout == 0.5 and window.config.shift == 3
    assert window.controls.advanced.isChecked()
    assert window.controls.dropout.isVisible() and window.controls.shift.isVisible()
    # A preset's own values need no showing: the form stays short.
    remember(tmp_path / "settings1.ini", Config(lr=0.05))  # course, with another learning rate
    window = make_window(small)
    assert not window.controls.advanced.isChecked() and not window.controls.dropout.isVisible()
