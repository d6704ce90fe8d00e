"""Lessons as files: the built-in ones load and their settings train; a teacher's file written from
the README loads; a broken one is refused in one line that names the file, the step and the field."""
import json
from pathlib import Path

import pytest

from mlpviz.core import lessons
from mlpviz.core.config import PRESETS
from mlpviz.core.errors import USER_ERRORS
from mlpviz.core.experiments import EXPERIMENTS, experiment
from mlpviz.core.lessons import CHOICE, NUMBER, LessonError
from mlpviz.core.trainer import Trainer

# The README's example lesson, word for word (README.md, "Lessons").
README_EXAMPLE = Path(__file__).parent / "fixtures" / "readme_lesson.toml"


def write(tmp_path, text: str, name: str = "lesson.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_builtin_lesson_loads_and_every_experiment_is_in_one():
    found = lessons.builtin()
    assert found and all(lesson.steps and lesson.title.en and lesson.title.ko for lesson in found)
    used = {s.experiment.key for lesson in found for s in lesson.steps if s.experiment is not None}
    # the mistakes experiment's runs are steps of their own, one epoch each, to guess one at a time
    mistakes = {s.config.mistake for lesson in found for s in lesson.steps if s.config is not None}
    assert {r.variant for r in experiment("mistakes").runs} <= mistakes
    assert used | {"mistakes"} == {e.key for e in EXPERIMENTS}
    for lesson in found:
        for step in lesson.steps:
            assert step.title.en and step.title.ko and step.text.en and step.text.ko
            if step.question is not None:
                q = step.question
                assert q.text.en and q.text.ko and q.explain.en and q.explain.ko
                assert all(o.en and o.ko for o in q.options)


def test_every_builtin_steps_settings_train_a_few_steps(small):
    configs = []
    for lesson in lessons.builtin():
        for step in lesson.steps:
            if step.config is not None:
                configs.append((step.config, step.train_images))
            if step.experiment is not None:
                configs += [(run.config(), run.train_limit) for run in step.experiment.runs]
    assert len(configs) >= 10
    for config, images in configs:
        t = Trainer.from_config(config, small.limit_train(images), evaluate_epochs=False, statistics=False,
                                timeline=False)
        assert t.step(3) > 0


def test_the_builtin_answers_are_the_measured_ones():
    """The experiments' tested numbers (tests/core/test_experiments.py) lie within each answer's tolerance."""
    measured = {"The course's network": 79.09, "Updating W1 by W1 - lr*W1": 10.32,
                "Mean squared error against cross-entropy": 11.35, "Initial weights": 7.59,
                "The Keras model against plain SGD": 92.84, "1,000 training images against 60,000": 87.5,
                "One update, up close": 10.0}
    (lesson,) = [x for x in lessons.builtin() if x.path.endswith("course-experiments.toml")]
    numbers = {s.title.en: s.question for s in lesson.steps if s.question and s.question.kind == NUMBER}
    assert set(numbers) == set(measured)
    for title, value in measured.items():
        assert numbers[title].is_right(value), title


def test_the_readme_example_loads(tmp_path):
    lesson = lessons.load(README_EXAMPLE)
    first, second, third = lesson.steps
    assert lesson.title.get("ko") == "학습률"
    assert first.config == PRESETS["course"].replace(lr=10.0, epochs=1.0, steps=None)
    assert first.text.get("en").strip().startswith("The course's network")
    assert (first.view, first.point_at, first.question.kind, first.question.unit) == ("training", "curves", NUMBER, "%")
    assert first.question.is_right(11) and not first.question.is_right(13)
    assert not second.runs and second.question is None and second.point_at == "update"
    assert third.experiment.key == "lr" and third.question.kind == CHOICE and third.question.is_right(1)
    assert third.question.options[0].get("ko") == "10"


def test_the_same_lesson_as_json(tmp_path):
    data = {"title": {"en": "One step", "ko": "한 단계"},
            "step": [{"title": {"en": "Adam"}, "text": {"ko": "아담"}, "settings": {"optimizer": "adam", "lr": 0.001},
                      "question": {"kind": "choice", "text": "?", "options": ["a", "b"], "answer": 0}}]}
    lesson = lessons.load(write(tmp_path, json.dumps(data), "lesson.json"))
    step = lesson.steps[0]
    assert step.config.optimizer == "adam" and step.title.get("ko") == "Adam" and step.text.get("en") == "아담"


STEP = '[[step]]\ntitle = "t"\ntext = "x"\n'


@pytest.mark.parametrize("body, says", [
    ("title = 't'\n", ["lesson.toml", "step", "at least one"]),
    ("title = 't'\n" + STEP + "settings = { lr = -1 }\n", ["lesson.toml, step 1", "settings", "learning rate"]),
    ("title = 't'\n" + STEP + "settings = { speed = 3 }\n", ["step 1", "settings.speed", "unknown setting"]),
    ("title = 't'\n" + STEP + STEP + "view = 'nowhere'\n", ["step 2", "view", "'nowhere'", "backprop"]),
    ("title = 't'\n" + STEP + "view = 'training'\npoint_at = 'update'\n", ["step 1", "point_at", "curves"]),
    ("title = 't'\n" + STEP + "experiment = 'lrr'\n", ["step 1", "experiment", "overfitting"]),
    ("title = 't'\n" + STEP + "experiment = 'lr'\nsettings = { lr = 1 }\n", ["step 1", "settings"]),
    ("title = 't'\n" + STEP + "[step.question]\nkind = 'choice'\ntext = 'q'\noptions = ['a', 'b']\nanswer = 2\n",
     ["step 1", "question.answer", "from 0 to 1"]),
    ("title = 't'\n" + STEP + "[step.question]\nkind = 'number'\ntext = 'q'\n", ["step 1", "question.answer",
                                                                                 "missing"]),
    ("title = 't'\n" + STEP + "[step.question]\nkind = 'guess'\ntext = 'q'\n", ["question.kind", "choice"]),
    ("title = 't'\n" + STEP + "[step.question]\nkind = 'choice'\ntext = 'q'\noptions = ['a', 3]\nanswer = 0\n",
     ["question.options[2]"]),
    ("title = 't'\n[[step]]\ntitle = { en = 'a', fr = 'b' }\ntext = 'x'\n", ["step 1", "title", "en and ko"]),
    ("title = 't'\n[[step]]\ntext = 'x'\n", ["step 1", "title", "missing"]),
    ("title = 't'\n" + STEP + "colour = 'red'\n", ["step 1", "colour", "unknown field"]),
    ("title = 't\n", ["lesson.toml", "Expected"]),
])
def test_a_broken_lesson_is_refused_in_one_line(tmp_path, body, says):
    with pytest.raises(LessonError) as e:
        lessons.load(write(tmp_path, body))
    message = str(e.value)
    assert "\n" not in message and all(s in message for s in says), message
    assert isinstance(e.value, USER_ERRORS)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(LessonError, match="nothing.toml"):
        lessons.load(tmp_path / "nothing.toml")
