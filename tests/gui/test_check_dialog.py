"""File > Check my code: the dialog writes the template, checks a file off the GUI thread through
the window's job service, fills the table (the first wrong row highlighted) and draws both loss
curves; a check under way stops at once when asked, its child process killed."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mlpviz.core.checkcode import template_text
from mlpviz.gui.check_dialog import FIRST_WRONG, KEY, CheckDialog
from mlpviz.gui.jobs import JobService

SOLUTION = Path(__file__).parents[1] / "core" / "fixtures" / "mynet_solution.py"


@pytest.fixture
def jobs():
    service = JobService()
    yield service
    assert service.shutdown(5.0)


def test_file_menu_opens_the_dialog_and_a_check_fills_table_and_plot(window, qtbot, tmp_path):
    action = next(a for a in window.actions() if a.text() == "&Check my code...")
    action.trigger()
    dialog = window.findChild(CheckDialog)
    assert dialog is not None and dialog.isVisible() and dialog.jobs is window.session.jobs
    action.trigger()
    assert window.findChildren(CheckDialog) == [dialog]  # one per window

    path = tmp_path / "mynet.py"
    path.write_text(SOLUTION.read_text(encoding="utf-8").replace("dy = (y - t) / N", "dy = (y - t)"),
                    encoding="utf-8")
    dialog.path.setText(str(path))
    dialog.steps.setValue(5)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.running and dialog.progress.isVisible() and dialog.run_button.text() == "Stop"
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15000)

    assert not dialog.running and not dialog.progress.isVisible() and dialog.run_button.text() == "Check"
    table = dialog.table
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names == ["a1", "z1", "a2", "y", "dy", "dW2", "db2", "dz1", "da1", "dW1", "db1",
                     "W1", "b1", "W2", "b2", "train"]
    dy = names.index("dy")
    assert [table.item(dy, c).text() for c in range(5)] == ["dy", "(5, 10)", "(5, 10)", "4.00e+00", "missing /N"]
    assert "dy = (y − t) / N" in table.item(dy, 5).text() and "mynet.py, line" in table.item(dy, 5).text()
    assert table.item(dy, 0).background().color().name() == FIRST_WRONG
    assert table.item(0, 4).text() == "correct" and table.item(0, 5).text() == ""
    assert table.item(0, 0).background().color().name() != FIRST_WRONG
    assert "First wrong: dy (missing /N)" in dialog.summary.text()
    xs, ys = dialog.yours_curve.getData()
    assert list(xs) == [1, 2, 3, 4, 5] and len(dialog.engine_curve.getData()[1]) == 5
    assert ys[-1] != dialog.engine_curve.getData()[1][-1]  # the mistake shows in the curve


def test_write_a_template_chooses_it(qtbot, jobs, small, tmp_path):
    dialog = CheckDialog(jobs, lambda: small)
    qtbot.addWidget(dialog)
    target = tmp_path / "mynet.py"
    assert dialog.write_template(str(target))
    assert target.read_text(encoding="utf-8") == template_text() and dialog.path.text() == str(target)


def test_a_check_under_way_stops_at_once(qtbot, jobs, small, tmp_path):
    path = tmp_path / "loops.py"
    path.write_text(SOLUTION.read_text(encoding="utf-8").replace("    a1 = np.dot(X, W1) + b1",
                                                                 "    while True:\n        pass"), encoding="utf-8")
    dialog = CheckDialog(jobs, lambda: small)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(path))
    dialog.steps.setValue(0)
    dialog.start()
    request = dialog.request
    qtbot.wait(300)
    dialog.toggle()  # the Check button reads Stop while a check runs
    assert not dialog.running and not jobs.busy(KEY) and dialog.summary.text() == "Stopped."
    assert request.wait(2.0)  # the job returned: the child was killed, not waited for
    assert dialog.report is None and dialog.table.rowCount() == 0


def test_a_file_that_is_not_there_is_said_without_a_check(qtbot, jobs, small, tmp_path):
    dialog = CheckDialog(jobs, lambda: small)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "nothing.py"))
    dialog.start()
    assert not dialog.running and "is not a file" in dialog.summary.text()

