"""Check a learner's own NumPy network: their forward, backward and update (the template,
resources/check_template.py, says what each takes and returns) against the engine's.

The learner's file is their own code: it runs in a child process (sys.executable), which loads it
by path, never in this one. The parent hands the child its inputs and reads its results through
files in a temporary folder; the child stops itself at the time limit (faulthandler dumps where it
was), and the parent kills it a moment later if that did not work, or at once when asked to stop.

The contract of the learner's functions, with N examples, D inputs, H hidden units, K outputs:

    forward(X, W1, b1, W2, b2)          -> {"a1": (N, H), "z1": (N, H), "a2": (N, K), "y": (N, K)}
    backward(X, t, W1, b1, W2, b2, cache)
                                        -> {"dy": (N, K), "dW2": (H, K), "db2": (K,), "dz1": (N, H),
                                            "da1": (N, H), "dW1": (D, H), "db1": (H,)}
    update(params, grads, learning_rate) -> {"W1", "b1", "W2", "b2"}, the new parameters

with t (N, K) one-hot, cache the dict forward returned, params {"W1", "b1", "W2", "b2"} and grads
the dict backward returned. Each function is checked on the engine's inputs (backward gets the
engine's forward arrays, update the engine's gradients), so a mistake shows where it is made and
not again in every array after it. Then N training steps chain the learner's own functions.

A wrong array is explained by recognising the mistake numerically: the arrays that the common
mistakes give (W for dW in the update, a product transposed, dy without /N, σ(a) for σ'(a), a
bias gradient summed over the wrong axis, db1 summed from dz1, ...) are computed from the engine's
own and compared with the learner's.
"""
from __future__ import annotations

import ast
import faulthandler
import json
import math
import os
import re
import runpy
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .config import PRESETS
from .data import NUM_CLASSES, RESOURCES, Dataset, load_dataset
from .layers import Dense, activation
from .messages import QT_TRANSLATE_NOOP, Message
from .model import MLP
from .optim import SGD

TEMPLATE = "check_template.py"  # in the bundled resources
FORWARD = ("a1", "z1", "a2", "y")
BACKWARD = ("dy", "dW2", "db2", "dz1", "da1", "dW1", "db1")
PARAMS = ("W1", "b1", "W2", "b2")
FUNCTIONS = {"forward": FORWARD, "backward": BACKWARD, "update": PARAMS}  # what each returns, in order

# The checked network and batch: no two sizes alike, so that a transposed array shows in its shape.
CHECK_SIZES = (20, 8, 10)
CHECK_BATCH = 5
CHECK_LR = 0.1
CHECK_STD = 0.5  # large enough that the sigmoid's derivative differs clearly from unit to unit
COURSE = PRESETS["course"]  # training: the course's network (784-50-10), learning rate and batch size
STEPS = 50
TIMEOUT = 10.0  # seconds for all of the learner's code
GRACE = 1.0  # after the time limit, how long the child has to stop itself before it is killed
TOLERANCE = 1e-5  # relative error still counted as equal (a learner's float32 arithmetic passes)
# The loss curves of equal float64 arithmetic differ by rounding only (~1e-15); a mistake as small
# in effect as db1 summed from dz1 still moves them by ~1e-7 within a few steps.
CURVE_TOLERANCE = 1e-9
POLL = 0.02  # seconds between two looks at the child

# Verdicts, short, for a table column.
CORRECT = QT_TRANSLATE_NOOP("CheckCode", "correct")
WRONG = QT_TRANSLATE_NOOP("CheckCode", "wrong values")
WRONG_SHAPE = QT_TRANSLATE_NOOP("CheckCode", "wrong shape")
NOT_FINITE = QT_TRANSLATE_NOOP("CheckCode", "NaN or infinity")
MISSING = QT_TRANSLATE_NOOP("CheckCode", "missing")
NOT_NUMBERS = QT_TRANSLATE_NOOP("CheckCode", "not an array of numbers")
BAD_RETURN = QT_TRANSLATE_NOOP("CheckCode", "wrong return value")
ERROR = QT_TRANSLATE_NOOP("CheckCode", "error")
TIMED_OUT = QT_TRANSLATE_NOOP("CheckCode", "time limit")
CRASHED = QT_TRANSLATE_NOOP("CheckCode", "process ended")
NOT_RUN = QT_TRANSLATE_NOOP("CheckCode", "not run")
TRANSPOSED = QT_TRANSLATE_NOOP("CheckCode", "transposed")
MISSING_N = QT_TRANSLATE_NOOP("CheckCode", "missing /N")
SIGMA_VALUE = QT_TRANSLATE_NOOP("CheckCode", "σ(a) instead of σ(a)(1 − σ(a))")
SIGMA_OF_Z = QT_TRANSLATE_NOOP("CheckCode", "σ' taken at z1")
NO_DERIVATIVE = QT_TRANSLATE_NOOP("CheckCode", "σ' left out")
BIAS_AXIS = QT_TRANSLATE_NOOP("CheckCode", "summed over the wrong axis")
DB1_FROM_DZ1 = QT_TRANSLATE_NOOP("CheckCode", "summed from dz1")
PARAM_FOR_GRADIENT = QT_TRANSLATE_NOOP("CheckCode", "%1 instead of d%1")
GRADIENT_ADDED = QT_TRANSLATE_NOOP("CheckCode", "gradient added")
NOT_UPDATED = QT_TRANSLATE_NOOP("CheckCode", "not updated")
NO_BIAS = QT_TRANSLATE_NOOP("CheckCode", "bias left out")
NO_SIGMOID = QT_TRANSLATE_NOOP("CheckCode", "sigmoid left out")
NO_SOFTMAX = QT_TRANSLATE_NOOP("CheckCode", "softmax left out")
CURVE_DIFFERS = QT_TRANSLATE_NOOP("CheckCode", "differs from the engine")

# What each array is: the hint for a wrong one that matches no known mistake.
FORMULAS = {
    "a1": QT_TRANSLATE_NOOP("CheckCode", "a1 = X · W1 + b1, shape (N, H): np.dot(X, W1) + b1."),
    "z1": QT_TRANSLATE_NOOP("CheckCode", "z1 = sigmoid(a1), element by element, shape (N, H)."),
    "a2": QT_TRANSLATE_NOOP("CheckCode", "a2 = z1 · W2 + b2, shape (N, K): np.dot(z1, W2) + b2."),
    "y": QT_TRANSLATE_NOOP("CheckCode", "y = softmax(a2): each row's exponentials divided by their sum, so that "
                                        "every row adds up to 1."),
    "dy": QT_TRANSLATE_NOOP("CheckCode", "dy = (y − t) / N, the gradient of the batch's mean cross-entropy at a2."),
    "dW2": QT_TRANSLATE_NOOP("CheckCode", "dW2 = z1ᵀ · dy, shape (H, K): np.dot(z1.T, dy)."),
    "db2": QT_TRANSLATE_NOOP("CheckCode", "db2 = np.sum(dy, axis=0), shape (K,): one sum over the examples per "
                                          "output unit."),
    "dz1": QT_TRANSLATE_NOOP("CheckCode", "dz1 = dy · W2ᵀ, shape (N, H): np.dot(dy, W2.T)."),
    "da1": QT_TRANSLATE_NOOP("CheckCode", "da1 = sigmoid_grad(a1) * dz1, element by element, where "
                                          "sigmoid_grad(a) = σ(a)(1 − σ(a))."),
    "dW1": QT_TRANSLATE_NOOP("CheckCode", "dW1 = Xᵀ · da1, shape (D, H): np.dot(X.T, da1)."),
    "db1": QT_TRANSLATE_NOOP("CheckCode", "db1 = np.sum(da1, axis=0), shape (H,)."),
}
STEP_FORMULA = QT_TRANSLATE_NOOP("CheckCode", "The new %1 is %1 − learning_rate · d%1: one step against the "
                                              "gradient.")
# Hints for the mistakes recognised.
HINT_TRANSPOSED = QT_TRANSLATE_NOOP(
    "CheckCode", "The shape is %1 where %2 is expected: a matrix product has its factors swapped or transposed. "
                 "A weight gradient puts the layer's input first, transposed: dW = inputᵀ · gradient. %3")
HINT_MISSING_N = QT_TRANSLATE_NOOP(
    "CheckCode", "This is N = %1 times the right value: dy = (y − t) / N. The loss is the mean over the batch, so "
                 "its gradient is divided by the batch size; without /N every gradient is N times too large, as "
                 "if the learning rate were N times higher.")
HINT_SIGMA_VALUE = QT_TRANSLATE_NOOP(
    "CheckCode", "The sigmoid's derivative was taken as σ(a1) itself. It is σ(a)(1 − σ(a)) = z1 * (1 − z1): "
                 "sigmoid_grad(a) returns sigmoid(a) * (1 − sigmoid(a)).")
HINT_SIGMA_OF_Z = QT_TRANSLATE_NOOP(
    "CheckCode", "The sigmoid's derivative was taken at z1 instead of a1, which applies σ twice: use "
                 "sigmoid_grad(a1), or z1 * (1 − z1).")
HINT_NO_DERIVATIVE = QT_TRANSLATE_NOOP(
    "CheckCode", "da1 is dz1 unchanged: going back through the sigmoid multiplies by its derivative, "
                 "da1 = sigmoid_grad(a1) * dz1.")
HINT_BIAS_AXIS = QT_TRANSLATE_NOOP(
    "CheckCode", "A bias gradient sums the gradient over the examples, which are the rows: axis=0. It has one "
                 "number per unit, like the bias: %1")
HINT_DB1_FROM_DZ1 = QT_TRANSLATE_NOOP(
    "CheckCode", "db1 was summed from dz1, the gradient at the sigmoid's output. The bias is added before the "
                 "sigmoid, in a1 = X · W1 + b1, so db1 = np.sum(da1, axis=0).")
HINT_PARAM_FOR_GRADIENT = QT_TRANSLATE_NOOP(
    "CheckCode", "The update subtracted learning_rate · %1 instead of learning_rate · d%1: every step shrinks %1 "
                 "by the factor (1 − learning_rate) whatever the data say, and the network forgets what it "
                 "learns.")
HINT_GRADIENT_ADDED = QT_TRANSLATE_NOOP(
    "CheckCode", "The gradient was added. Gradient descent steps against it, %1 − learning_rate · d%1, so that "
                 "the loss goes down.")
HINT_NOT_UPDATED = QT_TRANSLATE_NOOP(
    "CheckCode", "%1 came back unchanged: update returns the new value, %1 − learning_rate · d%1.")
HINT_NO_BIAS = QT_TRANSLATE_NOOP("CheckCode", "The bias is missing: a layer's pre-activation is input · W + b.")
HINT_NO_SIGMOID = QT_TRANSLATE_NOOP("CheckCode", "z1 equals a1: the hidden layer's activation z1 = sigmoid(a1) "
                                                 "is missing.")
HINT_NO_SOFTMAX = QT_TRANSLATE_NOOP("CheckCode", "y equals a2: the output probabilities are y = softmax(a2).")
HINT_WRONG_SHAPE = QT_TRANSLATE_NOOP("CheckCode", "The shape is %1 where %2 is expected. %3")
HINT_NOT_FINITE = QT_TRANSLATE_NOOP("CheckCode", "%1 holds NaN or infinite numbers: a division by zero, the log "
                                                 "of 0 or an overflowing exp makes them, and they spread to "
                                                 "everything computed from them.")
HINT_NOT_FINITE_AT = QT_TRANSLATE_NOOP("CheckCode", "%1 holds NaN or infinite numbers; the first one was made "
                                                    "here (%2).")
HINT_MISSING = QT_TRANSLATE_NOOP("CheckCode", "%1 returned no %2: its dict needs the keys %3.")
HINT_NOT_NUMBERS = QT_TRANSLATE_NOOP("CheckCode", "%1 is not an array of numbers: %2.")
HINT_BAD_RETURN = QT_TRANSLATE_NOOP("CheckCode", "%1 must return a dict with the keys %2; it returned %3.")
HINT_ERROR = QT_TRANSLATE_NOOP("CheckCode", "%1 raised %2.")
HINT_SHAPES = QT_TRANSLATE_NOOP("CheckCode", "%1 raised %2. The shapes do not fit a matrix product (the inner "
                                             "sizes must be equal): check which factor needs .T.")
HINT_BROADCAST = QT_TRANSLATE_NOOP("CheckCode", "%1 raised %2. Arrays combined element by element must have the "
                                                "same shape (or one of size 1 where they differ): compare their "
                                                "shapes on this line.")
HINT_TODO = QT_TRANSLATE_NOOP("CheckCode", "%1 is not written yet: replace its TODO with your code.")
HINT_UNDEFINED = QT_TRANSLATE_NOOP("CheckCode", "The file defines no function %1: keep the template's names.")
HINT_TIMED_OUT = QT_TRANSLATE_NOOP("CheckCode", "%1 did not finish within the time limit of %2 s (an endless "
                                                "loop?) and was stopped.")
HINT_CRASHED = QT_TRANSLATE_NOOP("CheckCode", "The Python process running your code ended during %1 (exit code "
                                              "%2). %3")
HINT_NOT_RUN = QT_TRANSLATE_NOOP("CheckCode", "Not run: your code stopped before it.")
HINT_TRAIN_SAME = QT_TRANSLATE_NOOP("CheckCode", "Trained with your functions, the loss follows the engine's "
                                                 "curve: from %1 to %2 in %3 steps.")
HINT_TRAIN_DIFFERS = QT_TRANSLATE_NOOP("CheckCode", "Trained with your functions, the loss went from %1 to %2 "
                                                    "in %3 steps; the engine's from %4 to %5.")
HINT_TRAIN_NAN = QT_TRANSLATE_NOOP("CheckCode", "Trained with your functions, the loss became %1 at step %2.")
LOCATED = QT_TRANSLATE_NOOP("CheckCode", "%1 (%2, line %3: %4)")
UNFINISHED = QT_TRANSLATE_NOOP("CheckCode", "training")  # the phase named when the training steps fail


# --- the learner's side: runs in the child process -------------------------------------------

class _Contract(Exception):
    """A learner's function returned something the contract does not allow (the child's, not theirs)."""

    def __init__(self, function: str, returned: str):
        super().__init__(function, returned)
        self.function, self.returned = function, returned


def _events(folder: Path) -> Callable[..., None]:
    """emit(**event): one JSON line in folder/events.jsonl, written through at once, so that the
    parent reads every event up to the moment the child is stopped."""
    log = open(folder / "events.jsonl", "a", encoding="utf-8", buffering=1)

    def emit(**event) -> None:
        log.write(json.dumps(event) + "\n")
        log.flush()
    return emit


def _where(error: BaseException, path: str) -> dict:
    """What went wrong and the last line of the learner's file on the way there."""
    out: dict = {"error": f"{type(error).__name__}: {error}"[:500], "type": type(error).__name__}
    if isinstance(error, SyntaxError) and error.filename and _same_file(error.filename, path):
        return {**out, "line": error.lineno, "code": (error.text or "").strip()}
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if _same_file(frame.filename, path):
            return {**out, "line": frame.lineno, "code": (frame.line or "").strip(), "function": frame.name}
    return out


def _returned(value) -> str:
    """What a function returned, in a few words: a type, or a dict's keys."""
    if isinstance(value, dict):
        return "a dict with the keys " + ", ".join(map(str, value)) if value else "an empty dict"
    return type(value).__name__


def _same_file(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _as_arrays(function: str, value, names: tuple[str, ...]) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """The arrays a function returned under names, as float64, and what is wrong with the others."""
    if not isinstance(value, dict):
        raise _Contract(function, _returned(value))
    arrays, problems = {}, {}
    for name in names:
        if name not in value:
            problems[name] = "missing"
            continue
        try:
            arrays[name] = np.array(value[name], dtype=np.float64)
        except (TypeError, ValueError) as e:
            problems[name] = f"{type(value[name]).__name__}: {e}"[:200]
    return arrays, problems


def child_main(folder: str) -> None:
    """The child process: load the learner's file, run each function on the request in folder,
    then the training steps; every result goes to folder as soon as it is known."""
    work = Path(folder)
    request = json.loads((work / "request.json").read_text(encoding="utf-8"))
    given = dict(np.load(work / "request.npz", allow_pickle=False))
    path = request["path"]
    dump = open(work / "timeout.txt", "w", encoding="utf-8")
    faulthandler.dump_traceback_later(max(request["deadline"] - time.time(), 0.05), exit=True, file=dump)
    emit = _events(work)
    emit(phase="load", event="start")
    try:
        sys.path.append(str(Path(path).parent))  # the learner's own helper modules beside the file
        space = runpy.run_path(path, run_name="__mlpviz_check__")
    except BaseException as e:  # sys.exit() in their file too: it is theirs to see, not the end of the check
        emit(phase="load", event="error", **_where(e, path))
        return
    missing = [name for name in FUNCTIONS if not callable(space.get(name))]
    if missing:
        emit(phase="load", event="undefined", names=missing)
        return
    emit(phase="load", event="done")
    fns = {name: space[name] for name in FUNCTIONS}
    X, t, lr = given["X"], given["t"], float(request["lr"])
    params = {name: given[name] for name in PARAMS}
    returned: dict[str, dict] = {}

    def arguments(function: str) -> tuple:
        # Fresh copies each call: a function that writes into its arguments changes nothing else.
        p = {k: v.copy() for k, v in params.items()}
        if function == "forward":
            return X.copy(), p["W1"], p["b1"], p["W2"], p["b2"]
        if function == "backward":
            cache = {**returned.get("forward", {}), **{k: given["ref_" + k].copy() for k in FORWARD}}
            return X.copy(), t.copy(), p["W1"], p["b1"], p["W2"], p["b2"], cache
        grads = {**returned.get("backward", {}), **{k: given["ref_" + k].copy() for k in BACKWARD}}
        return p, grads, lr

    clean = True
    for function, names in FUNCTIONS.items():
        emit(phase=function, event="start")
        try:
            value = fns[function](*arguments(function))
            arrays, problems = _as_arrays(function, value, names)
        except _Contract as e:
            emit(phase=function, event="contract", returned=e.returned)
            clean = False
            continue
        except BaseException as e:
            emit(phase=function, event="error", **_where(e, path))
            clean = False
            continue
        returned[function] = value
        nan_at = None
        if not all(np.isfinite(a).all() for a in arrays.values()):
            # Again with floating-point errors raised, to find the line that made the first NaN.
            try:
                with np.errstate(divide="raise", over="raise", invalid="raise"):
                    fns[function](*arguments(function))
            except BaseException as e:
                nan_at = _where(e, path)
        np.savez(work / f"{function}.npz", **arrays)
        emit(phase=function, event="done", problems=problems, nan_at=nan_at)
    if request["steps"] and clean:
        _train(fns, given, request, path, emit)


def _train(fns: dict[str, Callable], given: dict[str, np.ndarray], request: dict, path: str, emit) -> None:
    """The training steps with the learner's own functions, each one's loss reported at once."""
    emit(phase="train", event="start")
    params = {name: given["init_" + name].copy() for name in PARAMS}
    images, labels = given["train_x"], given["train_labels"].astype(np.intp)
    rows = np.arange(images.shape[1])
    lr = float(request["train_lr"])
    try:
        for step in range(request["steps"]):
            X = images[step] / 255.0
            t = np.eye(NUM_CLASSES)[labels[step]]
            cache = fns["forward"](X, params["W1"], params["b1"], params["W2"], params["b2"])
            if not isinstance(cache, dict) or "y" not in cache:
                raise _Contract("forward", _returned(cache))
            try:
                picked = np.asarray(cache["y"], np.float64)[rows, labels[step]]
            except (IndexError, TypeError, ValueError):
                raise _Contract("forward", f"y of shape {np.shape(cache['y'])}") from None
            with np.errstate(all="ignore"):
                loss = -float(np.mean(np.log(np.maximum(picked, np.finfo(np.float64).tiny))))
            emit(phase="train", event="loss", step=step, loss=loss)
            grads = fns["backward"](X, t, params["W1"], params["b1"], params["W2"], params["b2"], cache)
            params = fns["update"](params, grads, lr)
            if not isinstance(params, dict) or any(name not in params for name in PARAMS):
                raise _Contract("update", _returned(params))
    except _Contract as e:
        emit(phase="train", event="contract", function=e.function, returned=e.returned)
        return
    except BaseException as e:
        emit(phase="train", event="error", **_where(e, path))
        return
    emit(phase="train", event="done")


# --- the parent's side --------------------------------------------------------------------------

@dataclass
class Check:
    """One checked array (or function, or the training run) and the verdict on it."""

    name: str
    verdict: Message
    hint: Message | str = ""
    shape: tuple[int, ...] | None = None
    expected_shape: tuple[int, ...] | None = None
    relative_error: float | None = None
    line: int | None = None  # where in the learner's file, if known
    code: str = ""

    @property
    def passed(self) -> bool:
        return self.verdict is CORRECT

    def full_hint(self, file: str) -> Message | str:
        """The hint with the place in the learner's file (its name given) where there is one."""
        if self.line is None:
            return self.hint
        return LOCATED.arg(self.hint, file, self.line, self.code)


@dataclass
class CheckReport:
    """Every check in the order the course computes the arrays, and the two loss curves."""

    path: str
    checks: list[Check]
    steps: int
    loss: list[float] = field(default_factory=list)  # with the learner's functions, one per step done
    engine_loss: list[float] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.passed for c in self.checks)

    @property
    def first_wrong(self) -> Check | None:
        return next((c for c in self.checks if not c.passed), None)

    def hint(self, check: Check) -> Message | str:
        return check.full_hint(Path(self.path).name)

    def to_dict(self) -> dict:
        """The JSON contract: {"ok", "checks": [{"name", "shape", "expected_shape", "relative_error",
        "verdict", "hint"}], "train": {"steps", "loss", "engine_loss"}}; NaN as null."""
        return {"ok": self.ok,
                "checks": [{"name": c.name, "shape": _listed(c.shape), "expected_shape": _listed(c.expected_shape),
                            "relative_error": _number(c.relative_error), "verdict": str(c.verdict),
                            "hint": str(self.hint(c))} for c in self.checks],
                "train": {"steps": self.steps, "loss": [_number(v) for v in self.loss],
                          "engine_loss": [_number(v) for v in self.engine_loss]}}

    def text_lines(self) -> list[str]:
        """The report in plain English, one line per check, hints under the wrong ones."""
        lines = [f"{self.path}: your functions on a {'-'.join(map(str, CHECK_SIZES))} network and a batch of "
                 f"{CHECK_BATCH}, run in a separate process"]
        first = self.first_wrong
        for c in self.checks:
            error = "" if c.relative_error is None else f"{c.relative_error:.1e}"
            mark = "   <- first wrong" if c is first else ""
            lines.append(f"  {c.name:<9} {_shape_text(c.shape):<10} expected {_shape_text(c.expected_shape):<10} "
                         f"rel. error {error:<8}  {c.verdict}{mark}")
            if not c.passed:
                lines.append(f"      {self.hint(c)}")
        lines.append(f"all {len(self.checks)} checks pass" if self.ok
                     else f"first wrong: {first.name} ({first.verdict})")
        return lines


def _listed(shape: tuple[int, ...] | None) -> list[int] | None:
    return None if shape is None else list(shape)


def _number(v: float | None) -> float | None:
    return None if v is None or not math.isfinite(v) else float(v)


def _shape_text(shape: tuple[int, ...] | None) -> str:
    return "-" if shape is None else str(tuple(shape))


def template_text() -> str:
    """The starting file for a learner (resources/check_template.py)."""
    return (RESOURCES / TEMPLATE).read_text(encoding="utf-8")


@dataclass
class Problem:
    """The fixed network and batch the functions are checked on: inputs, the engine's answers,
    and for each array the arrays that known mistakes give [(verdict, hint, array), ...]."""

    inputs: dict[str, np.ndarray]
    expected: dict[str, np.ndarray]
    variants: dict[str, list[tuple[Message, Message, np.ndarray]]]


def make_problem(seed: int = 0) -> Problem:
    """The check's network (CHECK_SIZES, sigmoid, random biases) and batch (CHECK_BATCH examples),
    seeded; the expected arrays from the engine's own layers and SGD, in float64."""
    rng = np.random.default_rng(seed)
    net = MLP.create(CHECK_SIZES, "sigmoid", "cross_entropy", "normal", CHECK_STD, seed, "float64")
    for layer in net.layers:
        layer.b[:] = rng.normal(0.0, CHECK_STD, layer.b.shape)
    n_in, _, n_out = CHECK_SIZES
    X = rng.random((CHECK_BATCH, n_in))
    labels = rng.integers(0, n_out, CHECK_BATCH)
    params = dict(zip(PARAMS, (p.copy() for p in net.params)))
    inputs = {"X": X, "t": np.eye(n_out)[labels], **params}

    caches = net.caches(keep_a=True, param_grads=True)
    y = net.run(X, caches)
    dy = net.loss.gradient(y.copy(), labels)
    _, dz1 = net.backward(dy.copy(), caches, keep=True)
    grads = dict(zip(("dW1", "db1", "dW2", "db2"), (g.copy() for g in net.grads)))
    expected = {"a1": caches[0].a, "z1": caches[0].z, "a2": caches[1].a, "y": y,
                "dy": dy, "dz1": dz1, "da1": caches[0].da, **grads}
    new = [p.copy() for p in net.params]
    SGD(CHECK_LR).update(new, [g.copy() for g in net.grads])
    expected.update(zip(PARAMS, new))
    return Problem(inputs, expected, _variants(inputs, expected))


def _variants(inputs: dict[str, np.ndarray], e: dict[str, np.ndarray]) -> dict[str, list]:
    """For each array, what the known mistakes make of it: each mistake is carried through the
    arrays computed from the mistaken one, as the learner's own function would."""
    X = inputs["X"]
    sigmoid = activation("sigmoid").forward
    out: dict[str, list] = {}

    def add(verdict: Message, hint: Message, **arrays: np.ndarray) -> None:
        for name, a in arrays.items():
            out.setdefault(name, []).append((verdict, hint, a))

    add(NO_BIAS, HINT_NO_BIAS, a1=X @ inputs["W1"], a2=e["z1"] @ inputs["W2"])
    add(NO_SIGMOID, HINT_NO_SIGMOID, z1=e["a1"])
    add(NO_SOFTMAX, HINT_NO_SOFTMAX, y=e["a2"])
    add(MISSING_N, HINT_MISSING_N.arg(CHECK_BATCH), **{k: CHECK_BATCH * e[k] for k in BACKWARD})
    # db1 from dz1 first: with σ' left out altogether db1 is that too, and that is the line to fix.
    add(DB1_FROM_DZ1, HINT_DB1_FROM_DZ1, db1=e["dz1"].sum(axis=0))
    s = sigmoid(e["z1"].copy())
    for verdict, hint, da1 in ((SIGMA_VALUE, HINT_SIGMA_VALUE, e["z1"] * e["dz1"]),
                               (SIGMA_OF_Z, HINT_SIGMA_OF_Z, s * (1 - s) * e["dz1"]),
                               (NO_DERIVATIVE, HINT_NO_DERIVATIVE, e["dz1"])):
        add(verdict, hint, da1=da1, dW1=X.T @ da1, db1=da1.sum(axis=0))
    for grad, delta in (("db2", "dy"), ("db1", "da1")):
        hint = HINT_BIAS_AXIS.arg(FORMULAS[grad])
        add(BIAS_AXIS, hint, **{grad: e[delta].sum(axis=1)})
        add(BIAS_AXIS, hint, **{grad: np.array(e[delta].sum())})
    for p in PARAMS:
        old, g = inputs[p], e["d" + p]
        add(PARAM_FOR_GRADIENT.arg(p), HINT_PARAM_FOR_GRADIENT.arg(p), **{p: old - CHECK_LR * old})
        add(GRADIENT_ADDED, HINT_GRADIENT_ADDED.arg(p), **{p: old + CHECK_LR * g})
        add(NOT_UPDATED, HINT_NOT_UPDATED.arg(p), **{p: old})
    return out


def _relative(got: np.ndarray, want: np.ndarray, scale: float | None = None) -> float:
    """‖got − want‖ / scale (default ‖want‖), Frobenius norms."""
    base = np.linalg.norm(want) if scale is None else scale
    return float(np.linalg.norm(got - want) / max(base, 1e-300))


def judge_array(name: str, got: np.ndarray, problem: Problem) -> Check:
    """The verdict on one returned array: correct, a recognised mistake, or what is wrong with it.
    For the new parameters the relative error is that of the step (new − old), not of the value."""
    want = problem.expected[name]
    shape, expected = tuple(got.shape), tuple(want.shape)
    formula = FORMULAS[name] if name in FORMULAS else STEP_FORMULA.arg(name)
    scale = float(np.linalg.norm(want - problem.inputs[name])) if name in PARAMS else None
    check = Check(name, WRONG, formula, shape, expected)
    if shape == expected:
        check.relative_error = _relative(got, want, scale)
    if not np.isfinite(got).all():
        check.verdict, check.hint, check.relative_error = NOT_FINITE, HINT_NOT_FINITE.arg(name), None
        return check
    if check.relative_error is not None and check.relative_error < TOLERANCE:
        check.verdict, check.hint = CORRECT, ""
        return check
    # Measured on the scale of the right answer: a mistaken array may be all zeros (the rows of
    # y − t sum to 0, so does a bias gradient summed over them).
    near = float(np.linalg.norm(want)) if scale is None else scale
    for verdict, hint, variant in problem.variants.get(name, ()):
        if variant.shape == shape and _relative(got, variant, near) < TOLERANCE:
            check.verdict, check.hint = verdict, hint
            return check
    if got.ndim == 2 and shape == expected[::-1]:
        check.verdict = TRANSPOSED
        check.hint = HINT_TRANSPOSED.arg(_shape_text(shape), _shape_text(expected), formula)
        check.relative_error = _relative(got.T, want, scale)
    elif shape != expected:
        check.verdict = WRONG_SHAPE
        check.hint = HINT_WRONG_SHAPE.arg(_shape_text(shape), _shape_text(expected), formula)
    return check


@dataclass
class _Training:
    """The training run both sides do: the course's network from one seed, the same batches."""

    init: dict[str, np.ndarray]
    images: np.ndarray  # (steps, batch, n_in) uint8
    labels: np.ndarray  # (steps, batch)

    @classmethod
    def make(cls, data: Dataset, steps: int, seed: int) -> _Training:
        sizes = (data.input_size, *COURSE.hidden, NUM_CLASSES)
        net = MLP.create(sizes, "sigmoid", "cross_entropy", COURSE.init, COURSE.init_std, seed, "float64")
        rows = np.random.default_rng(seed).integers(0, len(data.y_train), (steps, COURSE.batch_size))
        return cls(dict(zip(PARAMS, net.params)), data.x_train[rows], data.y_train[rows])

    def engine_curve(self) -> list[float]:
        """The engine's batch losses on these batches, from this init (plain SGD, float64)."""
        net = MLP([Dense(self.init[f"W{i}"].copy(), self.init[f"b{i}"].copy()) for i in (1, 2)],
                  "sigmoid", "cross_entropy")
        opt = SGD(COURSE.lr)
        losses = []
        for x, y in zip(self.images, self.labels):
            losses.append(net.train_batch(x / 255.0, y.astype(np.intp)))
            if not math.isfinite(losses[-1]):
                break
            opt.update(net.params, net.grads)
        return losses


def _learner_file(path: str | os.PathLike) -> Path:
    """The learner's file, resolved; FileNotFoundError or IsADirectoryError (one line) if it is not one."""
    file = Path(path)
    if not file.exists():
        raise FileNotFoundError(QT_TRANSLATE_NOOP("CheckCode", "%1: no such file").arg(path))
    if not file.is_file():
        raise IsADirectoryError(QT_TRANSLATE_NOOP("CheckCode", "%1 is not a file").arg(path))
    return file.resolve()


# The child's program: this mlpviz first on its path (a checkout, an install or a wheel as a zip
# alike); os._exit so that a thread the learner's code left running cannot hold the process up.
_CHILD = "\n".join(("import os, sys", "sys.path.insert(0, sys.argv[1])",
                    "from mlpviz.core.checkcode import child_main", "child_main(sys.argv[2])",
                    "sys.stdout.flush()", "os._exit(0)"))


def check_code(path: str | os.PathLike, data: Dataset | None = None, steps: int = STEPS, timeout: float = TIMEOUT,
               seed: int = 0, should_stop: Callable[[], bool] | None = None,
               progress: Callable[[float], None] | None = None) -> CheckReport | None:
    """Run the learner's file at path in a child process and check its functions; then train
    `steps` steps with them on data's training images (None: the bundled MNIST) beside the engine.
    timeout: seconds for all of their code. Returns None if should_stop() turned true (the child is
    killed then). FileNotFoundError if path is no file."""
    file = _learner_file(path)
    problem = make_problem(seed)
    training = _Training.make(data if data is not None else load_dataset(), steps, seed) if steps > 0 else None
    with tempfile.TemporaryDirectory(prefix="mlpviz-check-") as folder:
        work = Path(folder)
        deadline = time.time() + timeout
        arrays = {**problem.inputs, **{"ref_" + k: problem.expected[k] for k in FORWARD + BACKWARD}}
        if training is not None:
            arrays.update({"init_" + k: v for k, v in training.init.items()},
                          train_x=training.images, train_labels=training.labels)
        np.savez(work / "request.npz", **arrays)
        (work / "request.json").write_text(json.dumps(
            {"path": str(file), "lr": CHECK_LR, "train_lr": COURSE.lr, "steps": max(steps, 0),
             "deadline": deadline}), encoding="utf-8")
        root = str(Path(__file__).resolve().parents[2])  # the folder holding this mlpviz package
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        with open(work / "output.txt", "wb") as output:
            child = subprocess.Popen([sys.executable, "-I", "-B", "-c", _CHILD, root, folder], cwd=file.parent, env=env,
                                     stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                     creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
            try:
                engine = training.engine_curve() if training is not None else []
                ended = _wait(child, work, deadline + GRACE, steps, should_stop, progress)
                if ended is None:
                    return None
            finally:
                if child.poll() is None:
                    child.kill()
                    child.wait()
        return _report(file, problem, work, steps, timeout, engine, child.returncode if ended else None)


def _wait(child: subprocess.Popen, work: Path, kill_at: float, steps: int,
          should_stop: Callable[[], bool] | None, progress: Callable[[float], None] | None) -> bool | None:
    """Until the child ends (True) or kill_at (False, to be killed); None if should_stop() turned
    true first."""
    while child.poll() is None:
        if should_stop is not None and should_stop():
            return None
        if time.time() > kill_at:
            return False
        if progress is not None:
            done = sum(1 for e in _read_events(work) if e.get("event") == "loss")
            progress(0.2 + 0.8 * done / steps if steps > 0 else 0.5)
        time.sleep(POLL)
    return True


def _read_events(work: Path) -> list[dict]:
    """The child's events; a line cut short by a kill is left out."""
    try:
        text = (work / "events.jsonl").read_text(encoding="utf-8")
    except OSError:
        return []
    events = []
    for line in text.splitlines():
        try:
            events.append(json.loads(line))
        except ValueError:
            continue
    return events


def _line_of(lines: list[str], line: int | None) -> str:
    return lines[line - 1].strip() if line is not None and 0 < line <= len(lines) else ""


def _read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _stopped_at(dump: str, file: Path) -> int | None:
    """The line of the learner's file the child was running when its time ran out (faulthandler's
    dump lists the innermost frame first)."""
    for name, line in re.findall(r'File "(.*)", line (\d+)', dump):
        if _same_file(name, str(file)):
            return int(line)
    return None


def _assigned_at(tree: ast.Module | None, function: str, name: str) -> int | None:
    """Where the learner's function sets name: its last assignment to a variable of that name, else
    the value under that key in a returned dict, else its last return; None without the function."""
    if tree is None:
        return None
    fn = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function), None)
    if fn is None:
        return None
    assigned, keyed, returns = [], [], []
    for node in ast.walk(fn):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            if name in names:
                assigned.append(node.lineno)
        elif isinstance(node, ast.Return):
            returns.append(node.lineno)
            if isinstance(node.value, ast.Dict):
                keyed += [v.lineno for k, v in zip(node.value.keys, node.value.values)
                          if isinstance(k, ast.Constant) and k.value == name]
    for lines in (assigned, keyed, returns):
        if lines:
            return max(lines)
    return fn.lineno


def _report(file: Path, problem: Problem, work: Path, steps: int, timeout: float, engine: list[float],
            returncode: int | None) -> CheckReport:
    """Read what the child left in work and judge it; returncode None: killed at the time limit."""
    reader = _Reader(file, work, timeout, returncode)
    report = CheckReport(str(file), [], max(steps, 0), engine_loss=engine)
    phases: dict[str, list[dict]] = {}
    for e in _read_events(work):
        phases.setdefault(e.get("phase", ""), []).append(e)
    load = {e.get("event"): e for e in phases.get("load", [])}
    if "done" not in load:
        if "error" in load:
            report.checks.append(reader.failed("file", load["error"]))
        elif "undefined" in load:
            report.checks += [Check(n, MISSING, HINT_UNDEFINED.arg(n)) for n in load["undefined"]["names"]]
        else:
            report.checks.append(reader.unfinished("file", file.name))
    else:
        stopped = False
        for function in FUNCTIONS:
            last = phases[function][-1] if function in phases else None
            kind = None if stopped or last is None else last.get("event")
            if kind is None:
                report.checks.append(Check(function, NOT_RUN, HINT_NOT_RUN))
                stopped = True
            elif kind == "start":
                report.checks.append(reader.unfinished(function, function))
                stopped = True
            elif kind == "error":
                report.checks.append(reader.failed(function, last))
            elif kind == "contract":
                report.checks.append(reader.bad_return(function, function, last["returned"]))
            else:
                report.checks += reader.judge_function(function, last, problem)
    if steps > 0:
        report.loss = [e["loss"] for e in phases.get("train", []) if e.get("event") == "loss"]
        report.checks.append(reader.judge_training(phases.get("train", []), report, steps))
    return report


class _Reader:
    """Turns what the child reported into checks, each placed in the learner's file where it can be."""

    def __init__(self, file: Path, work: Path, timeout: float, returncode: int | None):
        self.file, self.work, self.timeout, self.returncode = file, work, timeout, returncode
        self.lines = _read(file).splitlines()
        try:
            self.tree: ast.Module | None = ast.parse("\n".join(self.lines))
        except SyntaxError:
            self.tree = None

    def located(self, check: Check, line: int | None, code: str = "") -> Check:
        check.line, check.code = line, code or _line_of(self.lines, line)
        return check

    def unfinished(self, name: str, title: Message | str) -> Check:
        """A phase that started and never ended: stopped at the time limit, or the process ended."""
        dump = _read(self.work / "timeout.txt")
        if self.returncode is None or dump.startswith("Timeout"):
            check = Check(name, TIMED_OUT, HINT_TIMED_OUT.arg(title, f"{self.timeout:g}"))
            return self.located(check, _stopped_at(dump, self.file))
        output = _read(self.work / "output.txt").strip().splitlines()
        return Check(name, CRASHED, HINT_CRASHED.arg(title, self.returncode, output[-1][:300] if output else ""))

    def failed(self, name: str, e: dict, title: Message | str | None = None) -> Check:
        """The learner's code raised: what and where, with a word on the usual causes."""
        error, title = e.get("error", ""), title or name
        if e.get("type") == "NotImplementedError":
            hint = HINT_TODO.arg(e.get("function") or name)  # sigmoid_grad's TODO, met in backward
        elif re.search(r"not aligned|mismatch in its core dimension", error):
            hint = HINT_SHAPES.arg(title, error)
        elif "could not be broadcast" in error:
            hint = HINT_BROADCAST.arg(title, error)
        else:
            hint = HINT_ERROR.arg(title, error)
        return self.located(Check(name, ERROR, hint), e.get("line"), e.get("code", ""))

    def bad_return(self, name: str, function: str, returned: str) -> Check:
        check = Check(name, BAD_RETURN, HINT_BAD_RETURN.arg(function, ", ".join(FUNCTIONS[function]), returned))
        return self.located(check, _assigned_at(self.tree, function, ""))

    def judge_function(self, function: str, done: dict, problem: Problem) -> list[Check]:
        """The checks of each array one function returned, each placed where the function sets it."""
        try:
            with np.load(self.work / f"{function}.npz", allow_pickle=False) as saved:
                arrays = {k: saved[k] for k in saved.files}
        except (OSError, ValueError):
            arrays = {}
        names, problems, nan_at = FUNCTIONS[function], done.get("problems", {}), done.get("nan_at")
        checks = []
        for name in names:
            expected = tuple(problem.expected[name].shape)
            if name in arrays:
                check = judge_array(name, arrays[name], problem)
            elif problems.get(name, "missing") == "missing":
                check = Check(name, MISSING, HINT_MISSING.arg(function, name, ", ".join(names)), None, expected)
            else:
                check = Check(name, NOT_NUMBERS, HINT_NOT_NUMBERS.arg(name, problems[name]), None, expected)
            if check.verdict is NOT_FINITE and nan_at and nan_at.get("line"):
                # The line that made the first NaN, found by the child; the arrays after it carry it on.
                check.hint = HINT_NOT_FINITE_AT.arg(name, nan_at.get("error", ""))
                self.located(check, nan_at["line"], nan_at.get("code", ""))
                nan_at = None
            elif not check.passed:
                self.located(check, _assigned_at(self.tree, function, name))
            checks.append(check)
        return checks

    def judge_training(self, events: list[dict], report: CheckReport, steps: int) -> Check:
        """The training run with the learner's functions, its loss curve against the engine's."""
        end = events[-1] if events else {}
        kind = end.get("event")
        if kind is None:
            check = Check("train", NOT_RUN, HINT_NOT_RUN)
        elif kind in ("start", "loss"):
            check = self.unfinished("train", UNFINISHED)
        elif kind == "error":
            check = self.failed("train", end, UNFINISHED)
        elif kind == "contract":
            check = self.bad_return("train", end["function"], end["returned"])
        else:
            check = _judge_curve(report.loss, report.engine_loss)
        check.shape = (len(report.loss),) if events else None
        check.expected_shape = (steps,)
        return check


def _judge_curve(loss: list[float], engine: list[float]) -> Check:
    """Training with the learner's functions against the engine's, on the same batches."""
    bad = next((i for i, v in enumerate(loss) if not math.isfinite(v)), None)
    if bad is not None:
        return Check("train", NOT_FINITE, HINT_TRAIN_NAN.arg(loss[bad], bad + 1))
    if not loss or len(loss) != len(engine):
        return Check("train", CURVE_DIFFERS, HINT_NOT_RUN)
    error = _relative(np.array(loss), np.array(engine))
    if error < CURVE_TOLERANCE:
        return Check("train", CORRECT, HINT_TRAIN_SAME.arg(f"{loss[0]:.6f}", f"{loss[-1]:.6f}", len(loss)),
                     relative_error=error)
    return Check("train", CURVE_DIFFERS, HINT_TRAIN_DIFFERS.arg(
        f"{loss[0]:.6f}", f"{loss[-1]:.6f}", len(loss), f"{engine[0]:.6f}", f"{engine[-1]:.6f}"), relative_error=error)
