"""The app's language: English or Korean, from the saved choice or else the system locale.

The Korean text lives in resources/i18n/mlpviz_ko.ts (Qt Linguist's format; `make translations`
gathers new strings into it). Its compiled form mlpviz_ko.qm is built by `make run`/`make test` and
by the package build; a checkout or install without one compiles it into the user cache at start.
Qt's own dialogs (file dialogs, message boxes) take Qt's qtbase_ko.qm, which ships with PySide6.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QStandardPaths,
    QTranslator,
)

from ..core.data import RESOURCES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

# Each language named in itself, as language menus do: a reader finds their own whatever is shown.
LANGUAGES = {"en": "English", "ko": "한국어"}
SETTING = "language"
HERE = RESOURCES / "i18n"  # a folder, or a Traversable inside a zip

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
# Qt's own Korean (qtbase_ko.qm) lacks these labels of its file dialog: mlpviz's translation has them.
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))


def system_language() -> str:
    """'ko' when the system locale (LANG on Linux) is Korean, else 'en'."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def chosen_language(settings: QSettings | None = None) -> str:
    """The language saved in the settings ('en' or 'ko'), or else the system's."""
    saved = str((settings or QSettings("mlpviz", "mlpviz")).value(SETTING, "") or "")
    return saved if saved in LANGUAGES else system_language()


def lrelease() -> str | None:
    """The path of pyside6-lrelease (installed beside PySide6's Python), or None."""
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    beside = Path(sys.executable).parent / ("pyside6-lrelease.exe" if sys.platform == "win32" else "pyside6-lrelease")
    return str(beside) if beside.exists() else None


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile a .ts file to .qm with pyside6-lrelease; False if the tool is missing or fails."""
    tool = lrelease()
    if tool is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
    return done.returncode == 0 and qm.exists()


def _cache() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or ".") / "i18n"


def qm_file(lang: str) -> Path | None:
    """The compiled translation for `lang`: the built one if there is one, else one compiled now
    into the user cache from the .ts (again whenever the .ts changes); None if there is none."""
    built, ts = HERE / f"mlpviz_{lang}.qm", HERE / f"mlpviz_{lang}.ts"
    if built.is_file():
        if isinstance(built, Path):
            return built
        copy = _cache() / built.name  # inside a zip: QTranslator needs a file
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(built.read_bytes())
        return copy
    if not ts.is_file():
        return None
    text = ts.read_bytes()
    cached, source = _cache() / built.name, _cache() / ts.name
    if cached.exists() and source.exists() and source.read_bytes() == text:
        return cached
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(text)
    return cached if compile_ts(source, cached) else None


def install(lang: str) -> bool:
    """Make `lang` the application's language: mlpviz's text and Qt's own, and the default locale
    for numbers and dialogs. True if the translations were found (English always is)."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English))
    if lang == "en":
        return True
    ok = False
    qm = qm_file(lang)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        _installed.append(ours)
        ok = True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok


def add_language_menu(menu: QMenu, settings: QSettings, parent: QWidget | None = None) -> QMenu:
    """Adds a Language submenu to `menu` and returns it: the choice is saved in `settings` and
    applies at the next start, as a message over `parent` says."""
    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QMessageBox

    sub = menu.addMenu(QCoreApplication.translate("Language", "&Language"))
    group = QActionGroup(sub)
    current = chosen_language(settings)
    for code, name in LANGUAGES.items():
        action = QAction(name, sub, checkable=True, checked=code == current)
        action.setData(code)
        group.addAction(action)
        sub.addAction(action)

    def chosen(action) -> None:
        code = action.data()
        if code == chosen_language(settings):
            return
        settings.setValue(SETTING, code)
        QMessageBox.information(parent, QCoreApplication.translate("Language", "Language"), QCoreApplication.translate(
            "Language", "The language changes the next time mlpviz starts."))

    group.triggered.connect(chosen)
    return sub
