"""Check my code: a learner's forward, backward and update run in a child process and are judged
against the engine's arrays; each of the usual mistakes is recognised by its numbers, and whatever
the learner's code does (raise, loop forever, make NaN, end the process) comes back as a verdict
with the learner's own file and line."""
import ast
import json
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from mlpviz.core import checkcode as cc

SOLUTION = Path(__file__).parent / "fixtures" / "mynet_solution.py"
ALL = (*cc.FORWARD, *cc.BACKWARD, *cc.PARAMS)


def learner_file(folder: Path, *changes: tuple[str, str], name: str = "mynet.py") -> Path:
    """The filled-in template with each (old, new) change made once, written to folder/name."""
    text = SOLUTION.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The number of the one line of path that holds text."""
    found = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    assert len(found) == 1, text
    return found[0]


@pytest.fixture(scope="module")
def correct(tmp_path_factory, small):
    path = learner_file(tmp_path_factory.mktemp("correct"))
    return path, cc.check_code(path, small, steps=5)


def test_the_filled_in_template_passes_every_check_and_trains_as_the_engine(correct):
    path, report = correct
    assert report.ok and report.first_wrong is None
    assert [c.name for c in report.checks] == [*ALL, "train"]
    for check in report.checks[:-1]:
        assert check.verdict is cc.CORRECT and check.shape == check.expected_shape
        assert check.relative_error < 1e-12, check.name
    train = report.checks[-1]
    assert train.verdict is cc.CORRECT and train.shape == train.expected_shape == (5,)
    assert len(report.loss) == len(report.engine_loss) == 5
    np.testing.assert_allclose(report.loss, report.engine_loss, rtol=1e-12)
    assert report.engine_loss[0] == pytest.approx(np.log(10), abs=0.01)  # the course's init: chance level
    assert report.text_lines()[-1] == "all 16 checks pass"


def test_the_json_has_exactly_the_contracts_keys(correct):
    _, report = correct
    out = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    assert set(out) == {"ok", "checks", "train"} and out["ok"] is True
    for check in out["checks"]:
        assert set(check) == {"name", "shape", "expected_shape", "relative_error", "verdict", "hint"}
    assert out["checks"][0] == {"name": "a1", "shape": [5, 8], "expected_shape": [5, 8],
                                "relative_error": out["checks"][0]["relative_error"], "verdict": "correct", "hint": ""}
    assert set(out["train"]) == {"steps", "loss", "engine_loss"} and out["train"]["steps"] == 5
    assert len(out["train"]["loss"]) == len(out["train"]["engine_loss"]) == 5


def test_the_learners_file_is_never_imported_into_this_process(correct):
    path, _ = correct
    assert not any(getattr(m, "__file__", None) and Path(m.__file__).resolve() == path.resolve()
                   for m in list(sys.modules.values()))
    assert not (path.parent / "__pycache__").exists()


# name: (the change planted in the solution, the first wrong array, its verdict, words of its hint,
# the line it is placed at)
MISTAKES = {
    "W instead of dW": (('"W1": params["W1"] - learning_rate * grads["dW1"]',
                         '"W1": params["W1"] - learning_rate * params["W1"]'),
                        "W1", cc.PARAM_FOR_GRADIENT.arg("W1"), "(1 − learning_rate)", 'learning_rate * params["W1"]'),
    "transpose": (("dW1 = np.dot(X.T, da1)", "dW1 = np.dot(da1.T, X)"),
                  "dW1", cc.TRANSPOSED, "(8, 20) where (20, 8)", "dW1 = np.dot(da1.T, X)"),
    "missing /N": (("dy = (y - t) / N", "dy = (y - t)"), "dy", cc.MISSING_N, "N = 5 times", "dy = (y - t)"),
    "σ for σ'": (("return sigmoid(a) * (1 - sigmoid(a))", "return sigmoid(a)"),
                 "da1", cc.SIGMA_VALUE, "σ(a)(1 − σ(a))", "da1 = sigmoid_grad(a1) * dz1"),
    "bias axis": (("db2 = np.sum(dy, axis=0)", "db2 = np.sum(dy, axis=1)"),
                  "db2", cc.BIAS_AXIS, "axis=0", "db2 = np.sum(dy, axis=1)"),
    "db1 from dz1": (("db1 = np.sum(da1, axis=0)", "db1 = np.sum(dz1, axis=0)"),
                     "db1", cc.DB1_FROM_DZ1, "np.sum(da1, axis=0)", "db1 = np.sum(dz1, axis=0)"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_usual_mistake_is_named_with_its_hint_and_line(mistake, tmp_path, small):
    change, name, verdict, words, where = MISTAKES[mistake]
    path = learner_file(tmp_path, change)
    report = cc.check_code(path, small, steps=3)
    first = report.first_wrong
    assert not report.ok and first.name == name
    assert first.verdict == verdict and words in first.hint
    line = line_of(path, where)
    assert first.line == line and f"(mynet.py, line {line}: " in report.hint(first)
    assert report.text_lines()[-1] == f"first wrong: {name} ({verdict})"
    assert report.checks[-1].verdict is not cc.CORRECT  # and training with it departs from the engine


def test_missing_n_marks_every_gradient_but_no_forward_array(tmp_path):
    report = cc.check_code(learner_file(tmp_path, ("dy = (y - t) / N", "dy = (y - t)")), steps=0)
    verdicts = {c.name: c.verdict for c in report.checks}
    assert all(verdicts[n] is cc.MISSING_N for n in cc.BACKWARD)
    assert all(verdicts[n] is cc.CORRECT for n in (*cc.FORWARD, *cc.PARAMS))  # update got the right gradients
    assert "train" not in verdicts  # steps=0: check only


def test_an_exception_is_reported_with_the_learners_file_and_line(tmp_path, small):
    path = learner_file(tmp_path, ("dz1 = np.dot(dy, W2.T)", "dz1 = np.dot(dy, W2)"))
    report = cc.check_code(path, small, steps=3)
    first = report.first_wrong
    assert (first.name, first.verdict) == ("backward", cc.ERROR)
    assert first.line == line_of(path, "dz1 = np.dot(dy, W2)") and first.code == "dz1 = np.dot(dy, W2)"
    assert "ValueError" in first.hint and ".T" in first.hint
    assert [c.verdict for c in report.checks if c.name in cc.PARAMS] == [cc.CORRECT] * 4  # update checked still
    assert report.checks[-1].verdict is cc.NOT_RUN and report.loss == []


def test_an_endless_loop_is_stopped_at_the_time_limit_where_it_loops(tmp_path, small):
    path = learner_file(tmp_path, ("    a1 = np.dot(X, W1) + b1",
                                   "    while True:\n        a1 = np.dot(X, W1) + b1"))
    start = time.monotonic()
    # a limit that leaves the child time to start Python and NumPy on a busy machine (the suite
    # runs in two workers); what is checked is that it is stopped, not how fast
    report = cc.check_code(path, small, steps=3, timeout=4.0)
    assert time.monotonic() - start < 4.0 + cc.GRACE + 5.0
    first = report.first_wrong
    assert (first.name, first.verdict) == ("forward", cc.TIMED_OUT) and "4 s" in first.hint
    assert first.line in (line_of(path, "while True:"), line_of(path, "a1 = np.dot(X, W1) + b1"))
    assert [c.verdict for c in report.checks[1:]] == [cc.NOT_RUN] * 3  # backward, update, train


def test_nan_is_traced_to_the_line_that_made_it(tmp_path):
    path = learner_file(tmp_path, ("return sigmoid(a) * (1 - sigmoid(a))", "return np.sqrt(-sigmoid(a))"))
    report = cc.check_code(path, steps=0)
    first = report.first_wrong
    assert (first.name, first.verdict) == ("da1", cc.NOT_FINITE) and first.relative_error is None
    assert first.line == line_of(path, "np.sqrt(-sigmoid(a))") and "invalid value" in first.hint
    assert json.loads(json.dumps(report.to_dict(), allow_nan=False))["ok"] is False


def test_the_template_itself_points_at_its_todos(tmp_path):
    path = tmp_path / "mynet.py"
    path.write_text(cc.template_text(), encoding="utf-8")
    report = cc.check_code(path, steps=0)
    assert [(c.name, c.verdict) for c in report.checks] == [(f, cc.ERROR) for f in cc.FUNCTIONS]
    assert "forward is not written yet" in report.checks[0].hint
    assert report.checks[0].code == 'raise NotImplementedError("forward: TODO")'


def test_the_solution_is_the_template_filled_in():
    def signatures(text: str) -> dict:
        return {f.name: [a.arg for a in f.args.args] for f in ast.parse(text).body if isinstance(f, ast.FunctionDef)}

    assert signatures(SOLUTION.read_text(encoding="utf-8")) == signatures(cc.template_text())
    assert set(signatures(cc.template_text())) >= set(cc.FUNCTIONS)


def test_a_process_that_ends_and_a_wrong_return_are_verdicts_not_crashes(tmp_path):
    ended = learner_file(tmp_path, ("import numpy as np\n", "import os\n\nimport numpy as np\n\nos._exit(3)\n"),
                         name="ends.py")
    report = cc.check_code(ended, steps=0)
    assert [(c.name, c.verdict) for c in report.checks] == [("file", cc.CRASHED)]
    assert "exit code 3" in report.checks[0].hint
    no_return = learner_file(tmp_path, ("    return {\n", "    new = {\n"), name="noreturn.py")  # updates, returns None
    report = cc.check_code(no_return, steps=0)
    update = next(c for c in report.checks if c.name == "update")
    assert update.verdict is cc.BAD_RETURN and "NoneType" in update.hint
    assert update.line == line_of(no_return, "def update(")


def test_should_stop_kills_the_child_at_once(tmp_path):
    path = learner_file(tmp_path, ("    a1 = np.dot(X, W1) + b1", "    while True:\n        pass"))
    start = time.monotonic()
    assert cc.check_code(path, steps=0, timeout=30, should_stop=lambda: time.monotonic() - start > 0.3) is None
    assert time.monotonic() - start < 2.0


def test_a_missing_file_is_a_one_line_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        cc.check_code(tmp_path / "nothing.py")


def test_every_known_mistake_is_told_apart_from_the_right_arrays():
    """The mistaken arrays differ from the right ones, each is recognised as itself, and the right
    array as correct: without a child process, straight through judge_array."""
    problem = cc.make_problem()
    for name in ALL:
        assert cc.judge_array(name, problem.expected[name], problem).verdict is cc.CORRECT
        variants = problem.variants.get(name, ())
        for verdict, _, variant in variants:
            assert not (variant.shape == problem.expected[name].shape and np.allclose(variant, problem.expected[name]))
            # σ' left out altogether also sums db1 from dz1: either name fits that array
            alike = [v for v, _, a in variants if a.shape == variant.shape and np.allclose(a, variant)]
            assert cc.judge_array(name, variant.copy(), problem).verdict in alike and verdict in alike
    for name in ("dW1", "dW2", "a1", "dz1"):
        assert cc.judge_array(name, problem.expected[name].T.copy(), problem).verdict is cc.TRANSPOSED
