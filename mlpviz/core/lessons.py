"""Lessons as data: a file of ordered steps, each with a text, the settings or experiment to apply,
the view to show, what to watch and an optional question to answer before running.

A lesson is a TOML (or JSON) file; every text is given in English and Korean, e.g.
`title = {en = "Learning rate", ko = "학습률"}`, and shown in the user's language, else the other.
The format is described in the README ("Lessons"); resources/lessons/ holds the built-in ones.
"""
from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from .config import PRESETS, Config, ConfigError
from .experiments import EXPERIMENTS, Experiment, experiment
from .messages import QT_TRANSLATE_NOOP, Message

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the tomli backport
    import tomli as tomllib

LANGUAGES = ("en", "ko")
# The views a step can show (the window's tabs), and what in each it can point at.
VIEWS: dict[str, tuple[str, ...]] = {
    "training": ("curves", "weights"),
    "inside": (),
    "backprop": ("update", "cards"),
    "evaluate": (),
    "dynamics": (),
    "runs": (),
    "minibatch": (),
    "edit": (),
    "data": (),
}
# What "Run this step" does with a step's settings: train to the run's planned end, one epoch, or
# only set the network up.
TRAIN = ("start", "epoch", "none")
CHOICE, NUMBER = "choice", "number"


class LessonError(ValueError):
    """A lesson file that cannot be used; the one-line message names the file, step and field."""


@dataclass(frozen=True)
class Text:
    """A text in English and Korean; either may be empty, and then the other is shown."""

    en: str = ""
    ko: str = ""

    def get(self, language: str = "en") -> str:
        """The text in `language` ("en" or "ko"), else in the other."""
        first = self.ko if language == "ko" else self.en
        return first or self.en or self.ko

    def __bool__(self) -> bool:
        return bool(self.en or self.ko)


@dataclass(frozen=True)
class Question:
    """Asked before the step runs. kind "choice": options, answer = the right option's index;
    kind "number": answer, tolerance (a guess within it is right) and unit. explain follows the answer."""

    kind: str
    text: Text
    answer: float
    options: tuple[Text, ...] = ()
    tolerance: float = 0.0
    unit: str = ""
    explain: Text = Text()

    def is_right(self, guess: float) -> bool:
        """Whether a guess (an option's index, or a number) is the answer."""
        if self.kind == CHOICE:
            return int(guess) == int(self.answer)
        return abs(guess - self.answer) <= self.tolerance + 1e-9


@dataclass(frozen=True)
class Step:
    """One step: title and text; config (the settings to apply, with train_images: None for all) or
    experiment (one of the course's, run through), or neither; view and point_at; the question;
    watch (shown once the step runs)."""

    title: Text
    text: Text
    config: Config | None = None
    train_images: int | None = None
    train: str = "start"
    experiment: Experiment | None = None
    view: str | None = None
    point_at: str | None = None
    question: Question | None = None
    watch: Text = Text()

    @property
    def runs(self) -> bool:
        """Whether the step has something to run (settings or an experiment)."""
        return self.config is not None or self.experiment is not None


@dataclass(frozen=True)
class Lesson:
    title: Text
    text: Text
    steps: tuple[Step, ...]
    path: str = ""


# Messages ------------------------------------------------------------------------------------

def _fail(where: str, field: str, why: Message | str) -> LessonError:
    if field:
        return LessonError(QT_TRANSLATE_NOOP("Lessons", "%1: %2: %3").arg(where, field, why))
    return LessonError(QT_TRANSLATE_NOOP("Lessons", "%1: %2").arg(where, why))


class _Reader:
    """Reads one table of the file; every error names the file, the step and the field."""

    def __init__(self, where: str, table: dict, prefix: str = ""):
        self.where, self.table, self.prefix = where, table, prefix

    def fail(self, key: str, why: Message | str) -> LessonError:
        return _fail(self.where, self.prefix + key, why)

    def check_keys(self, allowed: tuple[str, ...]) -> None:
        unknown = sorted(set(self.table) - set(allowed))
        if unknown:
            raise self.fail(unknown[0], QT_TRANSLATE_NOOP("Lessons", "unknown field; the fields here are %1")
                            .arg(", ".join(allowed)))

    def text(self, key: str, required: bool = False) -> Text:
        value = self.table.get(key)
        if value is None:
            if required:
                raise self.fail(key, QT_TRANSLATE_NOOP("Lessons", "missing (give its en and ko text)"))
            return Text()
        if isinstance(value, str):
            return Text(value, value)
        if isinstance(value, dict) and set(value) <= set(LANGUAGES) and all(isinstance(v, str) for v in value.values()):
            text = Text(value.get("en", "").strip(), value.get("ko", "").strip())
            if text or not required:
                return text
        raise self.fail(key, QT_TRANSLATE_NOOP("Lessons", "must be a text, or a table with en and ko texts"))

    def string(self, key: str, choices: tuple[str, ...] | None = None, default: str | None = None) -> str | None:
        value = self.table.get(key, default)
        if value is None:
            return None
        if not isinstance(value, str) or (choices is not None and value not in choices):
            if choices is None:
                raise self.fail(key, QT_TRANSLATE_NOOP("Lessons", "must be a text"))
            raise self.fail(key, QT_TRANSLATE_NOOP("Lessons", "%1 is not one of %2")
                            .arg(repr(value), ", ".join(choices) or "-"))
        return value

    def number(self, key: str, default: float | None = None, minimum: float | None = None) -> float:
        value = self.table.get(key, default)
        if value is None:
            raise self.fail(key, QT_TRANSLATE_NOOP("Lessons", "missing (a number)"))
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        if not ok or (minimum is not None and value < minimum):
            raise self.fail(key, QT_TRANSLATE_NOOP("Lessons", "must be a number%1, got %2")
                            .arg("" if minimum is None else f" >= {minimum:g}", repr(value)))
        return float(value)


STEP_KEYS = ("title", "text", "preset", "settings", "train_images", "train", "experiment", "view", "point_at",
             "question", "watch")
QUESTION_KEYS = ("kind", "text", "options", "answer", "tolerance", "unit", "explain")


def _question(r: _Reader) -> Question:
    r.check_keys(QUESTION_KEYS)
    kind = r.string("kind", (CHOICE, NUMBER))
    if kind is None:
        raise r.fail("kind", QT_TRANSLATE_NOOP("Lessons", "missing (choice or number)"))
    text, explain = r.text("text", required=True), r.text("explain")
    if kind == CHOICE:
        options = r.table.get("options")
        if not isinstance(options, list) or len(options) < 2:
            raise r.fail("options", QT_TRANSLATE_NOOP("Lessons", "a choice question needs two or more options"))
        texts = tuple(_Reader(r.where, {f"[{i}]": o}, f"{r.prefix}options").text(f"[{i}]", required=True)
                      for i, o in enumerate(options, 1))
        answer = r.table.get("answer")
        if not isinstance(answer, int) or isinstance(answer, bool) or not 0 <= answer < len(options):
            raise r.fail("answer", QT_TRANSLATE_NOOP("Lessons", "must be the right option's index, from 0 to %1, "
                                                                "got %2").arg(len(options) - 1, repr(answer)))
        for key in ("tolerance", "unit"):
            if key in r.table:
                raise r.fail(key, QT_TRANSLATE_NOOP("Lessons", "only a number question has this"))
        return Question(CHOICE, text, answer, texts, explain=explain)
    if "options" in r.table:
        raise r.fail("options", QT_TRANSLATE_NOOP("Lessons", "only a choice question has this"))
    return Question(NUMBER, text, r.number("answer"), tolerance=r.number("tolerance", 0.0, minimum=0.0),
                    unit=r.string("unit", default="") or "", explain=explain)


def _step(where: str, table) -> Step:
    if not isinstance(table, dict):
        raise _fail(where, "", QT_TRANSLATE_NOOP("Lessons", "a step must be a table"))
    r = _Reader(where, table)
    r.check_keys(STEP_KEYS)
    title, text = r.text("title", required=True), r.text("text", required=True)
    exp = config = images = None
    name = r.string("experiment")
    if name is not None:
        try:
            exp = experiment(name)
        except ValueError:
            raise r.fail("experiment", QT_TRANSLATE_NOOP("Lessons", "%1 is not one of %2")
                         .arg(repr(name), ", ".join(e.key for e in EXPERIMENTS))) from None
        for key in ("settings", "preset", "train_images", "train"):
            if key in table:
                raise r.fail(key, QT_TRANSLATE_NOOP("Lessons", "an experiment step has its own settings"))
    elif "settings" in table or "preset" in table:
        preset = r.string("preset", tuple(PRESETS), default="course")
        settings = table.get("settings", {})
        if not isinstance(settings, dict):
            raise r.fail("settings", QT_TRANSLATE_NOOP("Lessons", "must be a table of settings"))
        config = _config(r, PRESETS[preset], settings)
        if "train_images" in table:
            images = int(r.number("train_images", minimum=1))
    elif "train_images" in table or "train" in table:
        raise r.fail("train_images" if "train_images" in table else "train",
                     QT_TRANSLATE_NOOP("Lessons", "give settings (or a preset) for this"))
    train = r.string("train", TRAIN, default="start")
    view = r.string("view", tuple(VIEWS))
    point_at = r.string("point_at", VIEWS[view] if view else ())
    question = None
    if "question" in table:
        if not isinstance(table["question"], dict):
            raise r.fail("question", QT_TRANSLATE_NOOP("Lessons", "must be a table"))
        question = _question(_Reader(where, table["question"], "question."))
    return Step(title, text, config, images, train, exp, view, point_at, question, r.text("watch"))


def _config(r: _Reader, base: Config, settings: dict) -> Config:
    """base with the step's settings, validated; a bad one is named as settings.<name>."""
    d = base.to_dict()
    for key, value in settings.items():
        if key not in d and key != "mistake":
            raise r.fail(f"settings.{key}", QT_TRANSLATE_NOOP("Lessons", "unknown setting"))
        d[key] = value
    if "epochs" in settings and "steps" not in settings:  # one sets the run's length: the other goes
        d["steps"] = None
    elif "steps" in settings and "epochs" not in settings:
        d["epochs"] = None
    try:
        return Config.from_dict(d)
    except (ConfigError, TypeError) as e:
        raise r.fail("settings", e.args[0] if e.args and isinstance(e.args[0], Message) else str(e)) from None


def parse(data, name: str = "lesson") -> Lesson:
    """A lesson from the file's parsed contents (a dict); `name` says where errors come from."""
    if not isinstance(data, dict):
        raise _fail(name, "", QT_TRANSLATE_NOOP("Lessons", "a lesson must be a table with a title and steps"))
    r = _Reader(name, data)
    r.check_keys(("title", "text", "step"))
    steps = data.get("step")
    if not isinstance(steps, list) or not steps:
        raise r.fail("step", QT_TRANSLATE_NOOP("Lessons", "a lesson needs at least one [[step]]"))
    return Lesson(r.text("title", required=True), r.text("text"),
                  tuple(_step(QT_TRANSLATE_NOOP("Lessons", "%1, step %2").arg(name, i + 1), s)
                        for i, s in enumerate(steps)), name)


def load(path: str | Path) -> Lesson:
    """Read a lesson file (.toml, or .json); LessonError in one line if it cannot be used."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise _fail(str(path), "", e.strerror or str(e)) from None
    try:
        text = raw.decode("utf-8-sig")
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except UnicodeDecodeError:
        raise _fail(str(path), "", QT_TRANSLATE_NOOP("Lessons", "not UTF-8 text")) from None
    except (ValueError, tomllib.TOMLDecodeError) as e:
        raise _fail(str(path), "", " ".join(str(e).split())) from None
    return parse(data, str(path))


def builtin() -> list[Lesson]:
    """The built-in lessons (resources/lessons/*.toml), by file name."""
    from .data import RESOURCES  # found the way the bundled MNIST is: checkout, installed package or zip
    folder = RESOURCES / "lessons"
    return [_load_resource(f) for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".toml")]


def _load_resource(f) -> Lesson:
    """A built-in lesson, read also from inside a zipped wheel (importlib.resources' Traversable)."""
    if isinstance(f, Path):
        return load(f)
    return parse(tomllib.loads(f.read_text(encoding="utf-8")), f"lessons/{f.name}")
