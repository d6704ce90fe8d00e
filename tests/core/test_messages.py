"""Messages: the core's words for the user are English strings that carry their template, so that
the CLI prints them unchanged and the GUI can translate them; none is written without one."""
import ast
import copy
import json
import pickle
from pathlib import Path

import pytest

import mlpviz.core
from mlpviz.core.config import Config, ConfigError
from mlpviz.core.experiments import EXPERIMENTS
from mlpviz.core.messages import QT_TRANSLATE_NOOP, Message, fill

CORE = Path(mlpviz.core.__file__).parent
# What the user reads, by the index of its first text argument: the errors the CLI prints and the
# GUI shows (errors.USER_ERRORS, and EditError), and a hint's title and text.
USER_TEXT = {"ConfigError": 0, "DataError": 0, "CheckpointError": 0, "EmptyImage": 0, "EditError": 0,
             "Diverged": 2, "Hint": 1}


def test_a_message_is_its_english_and_keeps_how_it_was_made():
    why = QT_TRANSLATE_NOOP("Hints", "The loss rose from %1 to %2.").arg("0.29", 0.75)
    m = QT_TRANSLATE_NOOP("Hints", "%1 Lower it to %2.").arg(why, 0.01)
    assert m == "The loss rose from 0.29 to 0.75. Lower it to 0.01." and isinstance(m, str)
    assert (m.context, m.template) == ("Hints", "%1 Lower it to %2.")
    assert m.args[0] is why and m.args[1] == "0.01"  # a Message stays one, to be translated in turn
    assert "rose" in m and m.upper().startswith("THE LOSS")  # every str operation reads the English
    assert json.dumps({"m": m}) == json.dumps({"m": str(m)})
    for twin in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m)):
        assert twin == m and twin.template == m.template and twin.args[0].template == why.template


def test_fill_leaves_places_without_values_and_a_percent_sign_alone():
    assert fill("%1% of layer %2, %3", 70, 1) == "70% of layer 1, %3"
    assert fill("%2 before %1", "a", "b") == "b before a"
    assert QT_TRANSLATE_NOOP("Experiments", "passes 80% test accuracy") == "passes 80% test accuracy"


def test_a_core_error_carries_its_message():
    with pytest.raises(ConfigError) as caught:
        Config(lr=0).validated()
    (m,) = caught.value.args
    assert str(caught.value) == "learning rate must be a finite number above 0 and at most 1e+06, got 0"
    assert m.template == "%1 must be a finite number %2, got %3"
    assert [a.template if isinstance(a, Message) else a for a in m.args] == [
        "learning rate", "above %1 and at most %2", "0"]


def test_experiment_texts_are_marked_for_translation():
    for e in EXPERIMENTS:
        for text in (e.title, e.what_to_watch, *(r.label for r in e.runs)):
            assert isinstance(text, Message) and text.context == "Experiments" and text == text.template


def calls(tree: ast.AST, name: str):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == name:
            yield node


def is_english(node: ast.AST) -> bool:
    """A str literal, an f-string, or text glued to either: English that no template carries."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.BinOp) and (is_english(node.left) or is_english(node.right))


def test_no_user_text_in_the_core_escapes_translation():
    """lupdate reads QT_TRANSLATE_NOOP's two arguments as literals, and the errors and hints the user
    reads are built from those: an f-string in either would reach the GUI in English."""
    sources = sorted(CORE.glob("*.py"))
    marked = 0
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in calls(tree, "QT_TRANSLATE_NOOP"):
            marked += 1
            assert len(call.args) == 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                               for a in call.args), f"{path.name}:{call.lineno}"
        for name, first in USER_TEXT.items():
            for call in calls(tree, name):
                texts = call.args[first:] + [k.value for k in call.keywords]
                assert not any(is_english(t) for t in texts), f"{path.name}:{call.lineno}: {name} with bare text"
    assert marked > 100
