"""The app's own icon and identity."""
from PySide6.QtWidgets import QApplication

import mlpviz
from mlpviz.gui.icon import ICON_SIZES, app_icon, set_app_identity


def test_icon_has_every_bundled_size(qapp):
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)
    assert not icon.pixmap(32, 32).toImage().isNull()


def test_identity_sets_icon_version_and_desktop_entry(qapp):
    set_app_identity(qapp)
    assert not QApplication.windowIcon().isNull()
    assert QApplication.applicationVersion() == mlpviz.__version__
    assert QApplication.desktopFileName() == "mlpviz"


def test_a_resources_folder_without_icons_gives_an_empty_icon(qapp, monkeypatch, tmp_path):
    import mlpviz.gui.icon as icon_module
    monkeypatch.setattr(icon_module, "RESOURCES", tmp_path)
    assert app_icon().isNull()
