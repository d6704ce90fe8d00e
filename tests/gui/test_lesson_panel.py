"""The lesson panel, driven as a learner would: a question before each step, Run this step, the
answer after it; Previous and Next; the user's trained network is never replaced without the prompt."""
import shutil
from pathlib import Path

import pytest
from drive import wait_step

from mlpviz import cli
from mlpviz.core import lessons

README_EXAMPLE = Path(__file__).parents[1] / "core" / "fixtures" / "readme_lesson.toml"


@pytest.fixture
def course():
    (lesson,) = [x for x in lessons.builtin() if x.path.endswith("course-experiments.toml")]
    return lesson


def test_a_step_runs_only_once_its_question_is_answered(qtbot, window, course):
    panel = window.lessons
    panel.open(course)
    assert panel.isVisible() and panel.index == 0 and panel.counter.text() == "Step 1 of 10"
    assert window.tabs.currentWidget() is window.center  # the step's view: training
    assert panel.question_box.isVisible() and not panel.run_button.isEnabled()
    assert panel.run_step() is False  # no guess yet
    panel.number.setValue(78)
    panel.answer_button.click()
    assert panel.run_button.isEnabled() and "The answer" not in panel.verdict.text()  # not before it runs
    old = window.trainer
    panel.run_button.click()
    assert window.trainer is not old and window.config == course.steps[0].config
    qtbot.waitUntil(lambda: window.trainer.step_count >= window.trainer.steps_per_epoch, timeout=30000)
    assert "You said 78 %" in panel.verdict.text() and "<b>79 %</b>" in panel.verdict.text()
    assert "Right!" in panel.verdict.text() and panel.watch.isVisible()
    assert not panel.run_button.isEnabled()  # once

    panel.next_button.click()
    assert panel.index == 1 and not panel.run_button.isEnabled() and not panel.verdict.isVisible()
    panel.skip_button.click()
    assert panel.run_step()  # the lesson's own network goes without a prompt (the window's answers Discard anyway)
    assert window.config.mistake == "w_update" and "<b>10 %</b>" in panel.verdict.text()
    panel.prev_button.click()
    assert panel.index == 0 and panel.step_title.text() == "The course's network"


def test_a_choice_and_a_step_with_nothing_to_run(qtbot, window, course):
    panel = window.lessons
    panel.open(course)
    panel.go(2)  # db1: a choice
    assert len(panel.options.buttons()) == 3 and not panel.number.isVisible()
    panel.options.button(0).click()
    panel.answer_button.click()
    assert panel.guess == 0 and panel.run_button.isEnabled()
    panel.go(3)  # the Backpropagation tab's update card: nothing to run, the answer follows the guess
    assert window.tabs.currentWidget() is window.backprop and not panel.run_button.isVisible()
    qtbot.waitUntil(lambda: panel.pointer.isVisible() and panel.pointer.target is window.backprop.panel)
    panel.answer(10)
    assert "Right!" in panel.verdict.text() and "0.9·W1" in panel.verdict.text()


def test_the_users_trained_network_is_asked_about_first(qtbot, window, course):
    asked = []
    window.confirm_discard = lambda what: asked.append(what) or False  # Cancel
    window.step_once()
    wait_step(qtbot, window, 1)
    mine = window.trainer
    panel = window.lessons
    panel.open(course)
    panel.skip()
    assert panel.run_step() is False and asked == ["Run a lesson step"] and window.trainer is mine
    assert panel.run_button.isEnabled()  # it can be tried again
    panel.go(4)  # an experiment: the experiment runner's prompt
    panel.skip()
    assert panel.run_step() is False and len(asked) == 2 and window.trainer is mine


def test_an_experiment_step_runs_through_the_experiment_runner(qtbot, window, course):
    panel = window.lessons
    panel.open(course)
    panel.go(5)  # sigmoid against ReLU
    panel.options.button(1).click()
    panel.answer_button.click()
    assert panel.run_step()
    assert window.experiments.running and window.experiments.current() is course.steps[5].experiment.runs[0]
    assert window.tabs.currentWidget() is window.runs and "Right!" in panel.verdict.text()


def test_the_lessons_menu_and_a_teachers_file(qtbot, window, tmp_path):
    menu = [a.menu() for a in window.menuBar().actions() if a.text() == "&Lessons"][0]
    names = [a.text() for a in menu.actions()]
    assert names[0] == "The course's experiments" and "&Open lesson..." in names and "&Close lesson" in names
    path = tmp_path / "lr.toml"
    shutil.copy(README_EXAMPLE, path)
    assert window.lessons.open_file(str(path))
    assert window.lessons.heading.text() == "Learning rate" and window.lessons.counter.text() == "Step 1 of 3"
    window.lessons.next()
    window.lessons.next()
    assert window.lessons.index == 2 and not window.lessons.next_button.isEnabled()
    bad = tmp_path / "bad.toml"
    bad.write_text("title = 'x'\n", encoding="utf-8")
    assert not window.lessons.open_file(str(bad)) and "bad.toml" in window.last_notice
    assert window.lessons.heading.text() == "Learning rate"  # the open lesson stays
    [a for a in menu.actions() if a.text() == "&Close lesson"][0].trigger()
    assert not window.lessons.isVisible()


def test_gui_with_a_broken_lesson_fails_in_one_line_before_any_window(tmp_path, capsys, monkeypatch):
    bad = tmp_path / "bad.toml"
    bad.write_text("title = 'x'\n[[step]]\ntitle = 'a'\ntext = 'b'\nview = 'nowhere'\n", encoding="utf-8")
    monkeypatch.setattr(cli, "launch_gui", lambda **kw: pytest.fail("a window was opened"))
    assert cli.main(["gui", "--lesson", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.toml, step 1: view:" in err
    assert cli.main(["--lesson", str(tmp_path / "none.toml")]) == 1  # `mlpviz --lesson FILE` is the app too
    assert "none.toml" in capsys.readouterr().err
