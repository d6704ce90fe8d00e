"""Korean and English: every visible string has a Korean translation, the system locale picks the
language, the saved choice overrides it, and What's This explains each view."""
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from drive import diverge
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from mlpviz.gui import translation

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "mlpviz_ko.ts"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD = re.compile(r"[A-Za-z]{2,}")
TAG = re.compile(r"<[^>]+>|&[a-z]+;")
# Words that stay as they are in Korean: names (a language menu names English in English), units, functions.
ALLOW = {"MNIST", "mlpviz", "ReLU", "Leaky", "tanh", "SGD", "Adam", "He", "Xavier", "Glorot", "npz",
         "exp", "log", "max", "mnist", "small", "Keras", "English", "Shift", "Ctrl", "Space", "Delete", "Escape",
         "dz", "da", "nat"}
# Names in the course's NumPy code, which the backpropagation cards show as code.
ALLOW |= {"dW", "db", "dy", "dx", "np", "dot", "sum", "axis", "lr", "softmax", "sigmoid", "relu", "leaky", "grad",
          "diag", "outer", "reshape", "image", "LeakyReLU", "mask"}


def untranslated(text: str) -> bool:
    """True for text that reads English: Latin words outside ALLOW and no Hangul."""
    plain = TAG.sub(" ", text or "")
    return not HANGUL.search(plain) and any(w not in ALLOW for w in WORD.findall(plain))


def lupdate_counts(tmp_path: Path) -> ET.Element:
    """A fresh pyside6-lupdate of the sources `make translations` reads (the GUI's, and the core's for
    the messages it marks) into a copy of the .ts; its parsed root."""
    tool = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    copy = tmp_path / "mlpviz_ko.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for folder in ("gui", "core") for p in (ROOT / "mlpviz" / folder).rglob("*.py"))
    subprocess.run([tool, *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none", "-silent"],
                   check=True, capture_output=True)
    return ET.parse(copy).getroot()


def test_lupdate_finds_no_unfinished_message(tmp_path):
    root = lupdate_counts(tmp_path)
    messages = list(root.iter("message"))
    assert len(messages) > 300  # the whole GUI was scanned
    contexts = {c.find("name").text for c in root.iter("context")}
    assert {"Hints", "Config", "Data", "Checkpoint", "Divergence", "Edit", "Image", "Experiments"} <= contexts  # core
    unfinished = [m.find("source").text for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    for m in messages:  # a translation keeps every %1 argument of its source
        source, text = m.find("source").text, m.find("translation").text
        assert set(re.findall(r"%\d", source)) == set(re.findall(r"%\d", text)), source


def test_the_course_terms_are_used():
    text = TS.read_text(encoding="utf-8")
    terms = ("은닉층 입력층 출력층 활성화_함수 시그모이드 소프트맥스 교차_엔트로피 평균_제곱_오차 손실 정확도 "
             "가중치 편향 역전파 경사_하강법 학습률 미니배치 에포크")
    for term in (t.replace("_", " ") for t in terms.split()):
        assert term in text, term


@pytest.fixture
def korean(tmp_path, monkeypatch):
    """The app in Korean for one test (the .qm compiled into a temporary cache if not built)."""
    monkeypatch.setattr(translation, "_cache", lambda: tmp_path / "cache")
    assert translation.install("ko")
    yield
    translation.install("en")


def english_words(text: str, also=()) -> list[str]:
    """The Latin words in text outside ALLOW (and `also`): English left untranslated."""
    return [w for w in WORD.findall(TAG.sub(" ", text or "")) if w not in ALLOW and w not in also]


def every_hint() -> list:
    """Each hint the rules give, and each of its wordings, from an input that triggers it."""
    import numpy as np

    from mlpviz.core import hints
    from mlpviz.core.config import Config
    from mlpviz.core.trainer import EpochRecord
    from mlpviz.core.trainer import SettingChange as Change

    course, rng = Config(), np.random.default_rng(0)
    falling = (0.3 + 2.0 * np.exp(-np.arange(1200) / 150)) * (1 + 0.15 * rng.standard_normal(1200))
    rising, jumping = falling.copy(), falling.copy()
    rising[-100:] = 0.75
    jumping[-200:] = np.repeat(np.tile([0.2, 1.4], 5), 20)
    epochs = tuple(EpochRecord(i + 1, 600 * (i + 1), 0.3, a, 0.3, b, i)
                   for i, (a, b) in enumerate([(0.90, 0.86), (0.95, 0.875), (0.98, 0.88), (0.995, 0.882)]))
    inactive = np.tile([0.7, 0.05, 0.0], (30, 1))
    relu = course.replace(hidden=(100, 100), activation="relu", init="he")
    return [hints.lr_too_high(np.append(falling[:300], [np.nan]), course),
            hints.lr_too_high(np.full(300, 2.8), course.replace(lr=20)),
            hints.lr_too_high(jumping, course), hints.lr_too_high(rising, course),
            hints.lr_too_low(np.full(600, 2.302), course.replace(lr=1e-5)),
            hints.overfitting(epochs, course), hints.overfitting(epochs, course.replace(shift=2)),
            hints.dead_relus(inactive, relu), hints.saturated_sigmoids(inactive, relu.replace(activation="sigmoid")),
            hints.saturated_sigmoids(inactive, relu.replace(activation="tanh")),
            hints.vanishing_gradients(np.tile([1e-7, 1e-5, 1e-3, 1e-2, 0.5], (30, 1)),
                                      course.replace(hidden=(100,) * 4)),
            # the user's own change named instead of the learning rate: each reason, with and without
            # the setting's earlier value known, and an edit of the weights
            hints.after_change([Change(1200, "edit", 0)], 0), hints.after_change([Change(1200, "dropout", 0.5)], 0),
            hints.after_change([Change(100, "dropout", 0.2), Change(1200, "dropout", 0.5)], 1),
            hints.after_change([Change(1200, "shift", 3)], 0),
            hints.after_change([Change(1200, "weight_decay", 0.01)], 0),
            hints.after_change([Change(10, "batch_size", 100), Change(1200, "batch_size", 10)], 1),
            hints.after_change([Change(10, "momentum", 0.5), Change(1200, "momentum", 0.9)], 1),
            hints.after_change([Change(1200, "lr_decay", 0.9)], 0)]


def filled_in(message) -> list[str]:
    """The values a core Message was filled with (numbers, as text), through nested Messages."""
    from mlpviz.core.messages import Message
    return [v for a in message.args for v in (filled_in(a) if isinstance(a, Message) else [a])]


def templates(message, context: str = "Hints") -> set[str]:
    """The templates of `context` a core Message was made of, its nested Messages' too (a hint's
    setting names come from the "Setting" context)."""
    own = {message.template} if message.context == context else set()
    return own.union(*(templates(a, context) for a in message.args if hasattr(a, "template")))


def test_every_hint_reads_korean_with_its_numbers(korean, qtbot):
    from mlpviz.core.config import Config
    from mlpviz.gui.session import Session
    from mlpviz.gui.views.hints import HintsBar

    bar = HintsBar(Session(), Config)
    qtbot.addWidget(bar)
    found = every_hint()
    used = set().union(*(templates(h.title) | templates(h.text) for h in found))
    in_ts = {m.find("source").text for c in ET.parse(TS).getroot().iter("context")
             if c.find("name").text == "Hints" for m in c.iter("message")}
    assert used == in_ts  # every wording the rules have, each in the .ts
    for hint in found:
        bar.show_hint(hint)
        text = bar.label.text()
        assert HANGUL.search(text) and english_words(text) == [] and not re.search(r"%\d", text), text
        numbers = filled_in(hint.title) + filled_in(hint.text)
        assert numbers and all(n in text for n in numbers), (numbers, text)
        assert HANGUL.search(bar.fix_button.text()), bar.fix_button.text()


def test_core_errors_reach_the_korean_window_in_korean(korean, window, qtbot, tmp_path):
    (tmp_path / "bad.npz").write_bytes(b"junk")
    assert not window.files.open(str(tmp_path / "bad.npz"))  # a CheckpointError
    assert "모델을 열 수 없습니다" in window.last_notice and "zip 압축 파일이 아닙니다" in window.last_notice
    assert english_words(window.last_notice.replace(str(tmp_path / "bad.npz"), ""), also={"zip"}) == []
    window.controls.hidden.setText("0")  # a ConfigError
    window.controls.hidden.editingFinished.emit()
    assert window.last_notice == ("이 값은 쓸 수 없습니다: "
                                  "은닉층의 너비는 각각 1부터 4096까지의 정수여야 합니다. 받은 값: 0")
    (tmp_path / "empty").mkdir()
    window.load_data(str(tmp_path / "empty"))  # a DataError, from the loading thread
    qtbot.waitUntil(lambda: "데이터셋을 불러올 수 없습니다" in window.last_notice, timeout=5000)
    assert "이 폴더에 train-images-idx3-ubyte[.gz] 파일이 없습니다" in window.last_notice
    diverge(qtbot, window)  # Diverged, from the training thread
    for text in (window.controls.note.text(), window.last_notice):
        assert "학습률" in text and english_words(text, also={"nan", "inf"}) == [] and not re.search(r"%\d", text)


def visible_texts(window) -> list[tuple[str, str]]:
    """(where, text) for every text the window shows or tells: labels, buttons, tips, What's This,
    titles, tabs, combo items, table headers, menus and the charts' titles, axes, legends and items."""
    out = [("window title", window.windowTitle())]
    for w in window.findChildren(QWidget):
        name = type(w).__name__
        out += [(f"{name} tooltip", w.toolTip()), (f"{name} what's this", w.whatsThis())]
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((name, w.text()))
        if isinstance(getattr(w, "placeholder", None), str):  # text a widget paints itself
            out.append((f"{name} placeholder", w.placeholder))
        if isinstance(w, QGroupBox):
            out.append((name, w.title()))
        if isinstance(w, QTabWidget):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            for header in (w.horizontalHeaderItem, w.verticalHeaderItem):
                out += [(name, header(i).text()) for i in range(w.columnCount()) if header(i) is not None]
        if isinstance(w, QMenu):
            out.append((name, w.title()))
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                out.append((type(item).__name__, item.toolTip()))
                for attr in ("text", "labelText"):
                    value = getattr(item, attr, None)
                    if isinstance(value, str):
                        out.append((type(item).__name__, value))
                if hasattr(item, "textItem"):
                    out.append((type(item).__name__, item.textItem.toPlainText()))
    for action in window.actions() + [a for m in window.findChildren(QMenu) for a in m.actions()]:
        out += [("action", action.text()), ("action tip", action.toolTip()), ("action status", action.statusTip())]
    return [(where, text) for where, text in out if text]


def show_everything(window, qtbot, turns) -> None:
    """Fill the views: an input, a selected neuron, a step of training, and each tab shown once."""
    window.session.show_test_image(3)
    window.session.select_unit(1, 0)
    window.step_once()
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step >= 1, timeout=15000)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        turns()  # what the tab's views post when shown
    window.refresh()


def test_korean_window_shows_no_english(korean, window, qtbot, turns):
    show_everything(window, qtbot, turns)
    texts = visible_texts(window)
    assert len(texts) > 200
    english = [(where, text) for where, text in texts if untranslated(text)]
    assert english == [], "\n".join(f"{w}: {t}" for w, t in english)
    assert "신경망" in window.windowTitle()
    assert [window.tabs.tabText(i) for i in range(4)] == ["학습", "네트워크 내부", "역전파", "평가"]


def test_english_window_reads_english(window, qtbot, turns):
    """Without a translator the same walk finds English: the check above can fail."""
    show_everything(window, qtbot, turns)
    english = [text for _, text in visible_texts(window) if untranslated(text)]
    assert len(english) > 100
    assert window.tabs.tabText(1) == "Inside" and window.tabs.tabToolTip(1) == "Inside the network"


LANGUAGE_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from mlpviz.gui import translation
app = QApplication(sys.argv[:1])
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
lang = translation.chosen_language(settings)
translation.install(lang)
print(lang, QCoreApplication.translate("MainWindow", "&View"), QCoreApplication.translate("QPlatformTheme", "Cancel"))
"""


def probe(tmp_path, lang_env: str, saved: str | None = None) -> list[str]:
    """Start a fresh app under LANG=lang_env (and a saved choice) and report its language."""
    settings = tmp_path / "settings.ini"
    if saved:
        s = QSettings(str(settings), QSettings.Format.IniFormat)
        s.setValue(translation.SETTING, saved)
        s.sync()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env.update(LANG=lang_env, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", LANGUAGE_PROBE, str(settings)], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_system_locale_picks_the_language(tmp_path):
    assert probe(tmp_path, "en_US.UTF-8") == ["en", "&View", "Cancel"]
    assert probe(tmp_path, "ko_KR.UTF-8") == ["ko", "보기(&V)", "취소"]  # Qt's own buttons too


def test_a_saved_choice_overrides_the_locale(tmp_path):
    assert probe(tmp_path, "ko_KR.UTF-8", saved="en")[0] == "en"
    assert probe(tmp_path, "en_US.UTF-8", saved="ko")[0] == "ko"


def test_the_language_menu_saves_the_choice(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMenu, QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    menu = QMenu()
    sub = translation.add_language_menu(menu, settings)
    assert menu.actions() == [sub.menuAction()]
    actions = {a.data(): a for a in sub.actions()}
    assert set(actions) == {"en", "ko"} and actions["en"].isChecked() != actions["ko"].isChecked()
    other = "ko" if actions["en"].isChecked() else "en"
    actions[other].trigger()
    assert settings.value(translation.SETTING) == other and len(told) == 1
    assert translation.chosen_language(settings) == other


def test_whats_this_explains_every_view(korean, window):
    from mlpviz.gui.widgets.whatsthis import HelpButton

    assert window.whats_this_action.shortcut().toString() == "Shift+F1"
    views = [window.curves, window.weights, window.activations, window.input_view, window.controls,
             window.inside.diagram, window.inside.neuron, window.inside.attribution, window.inside.softmax,
             window.editor, window.minibatch]
    for view in views:
        text = view.whatsThis()
        assert HANGUL.search(text) and len(TAG.sub("", text)) > 80, type(view).__name__
        assert any(b.view is view for b in view.findChildren(HelpButton)), type(view).__name__
    formulas = " ".join(v.whatsThis() for v in views) + window.controls.activation.whatsThis()
    for formula in ("W ← W − η·∂E/∂W", "σ′(a) = σ(a)(1 − σ(a))", "−Σ", "Σ<sub>i</sub> exp"):
        assert formula in formulas, formula


@pytest.mark.parametrize("text, expected", [
    ("학습률을 0.01(으)로 낮추고", "학습률을 0.01로 낮추고"), ("손실이 2.30(으)로", "손실이 2.30으로"),
    ("3(으)로", "3으로"), ("7(으)로", "7로"), ("10%(으)로", "10%로"), ("파일(으)로", "파일로"),
    ("숫자(으)로", "숫자로"),
    ("입력(으)로", "입력으로"), ("ReLU(으)로", "ReLU로"), ("모델을(를)", "모델을"), ("네트워크을(를)", "네트워크를"),
    ("뉴런이(가)", "뉴런이"), ("숫자은(는)", "숫자는"), ("(으)로", "로"), ("no particle (here)", "no particle (here)")])
def test_korean_particles_are_chosen_by_the_word_before(text, expected):
    from mlpviz.gui.i18n import particles
    assert particles(text) == expected


def test_a_filled_template_reads_without_both_particle_forms():
    from mlpviz.gui.i18n import arg
    assert arg("학습률을 %1(으)로 낮추세요", "0.0002") == "학습률을 0.0002로 낮추세요"
    assert arg("%2(으)로 읽은 %1", "3", "8") == "8로 읽은 3"


def test_formulas_are_drawn_with_a_latin_font_before_the_hangul_one(qapp):
    from PySide6.QtGui import QFontDatabase

    from mlpviz.gui import style
    before = qapp.font()
    try:
        style.prefer_latin_glyphs(qapp)
        installed = [f for f in style.LATIN_FONTS if f in set(QFontDatabase.families())]
        families = qapp.font().families()
        if installed:
            assert families[0] == installed[0] and families[1:] == before.families()
            style.prefer_latin_glyphs(qapp)  # a second call changes nothing
            assert qapp.font().families() == families
        else:
            assert families == before.families()
    finally:
        qapp.setFont(before)
