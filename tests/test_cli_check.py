"""`mlpviz check`: the template on stdout, a learner's file checked in plain text or JSON, exit 0
only when every check passes, a bad path in one line."""
import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from test_cli import run

from mlpviz.core.checkcode import template_text

SOLUTION = Path(__file__).parent / "core" / "fixtures" / "mynet_solution.py"


def test_template_is_printed_whole_and_ships_in_the_package(capsys):
    code, out, err = run(capsys, "check", "--template")
    assert code == 0 and err == ""
    assert out == template_text() == (files("mlpviz.resources") / "check_template.py").read_text(encoding="utf-8")
    assert "def forward(X, W1, b1, W2, b2):" in out and "순전파" in out and "TODO" in out


def test_template_redirected_to_a_file_in_a_real_process_is_utf8(tmp_path):
    """`mlpviz check --template > mynet.py` writes UTF-8 even where stdout's encoding cannot hold Korean."""
    target = tmp_path / "mynet.py"
    with open(target, "wb") as f:
        proc = subprocess.run([sys.executable, "-m", "mlpviz", "check", "--template"], stdout=f,
                              stderr=subprocess.PIPE, timeout=60, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8") == template_text()


def test_check_json_of_a_correct_file_exits_0(capsys, tmp_path):
    path = tmp_path / "mynet.py"
    path.write_text(SOLUTION.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--json", "--steps", "3")
    result = json.loads(out)
    assert code == 0 and result["ok"] is True
    assert set(result) == {"ok", "checks", "train"}
    assert all(set(c) == {"name", "shape", "expected_shape", "relative_error", "verdict", "hint"}
               for c in result["checks"])
    assert result["train"]["steps"] == 3 and len(result["train"]["loss"]) == len(result["train"]["engine_loss"]) == 3


def test_check_text_names_the_first_wrong_one_and_exits_1(capsys, tmp_path):
    path = tmp_path / "mynet.py"
    path.write_text(SOLUTION.read_text(encoding="utf-8").replace("dy = (y - t) / N", "dy = (y - t)"),
                    encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--steps", "0")
    lines = out.splitlines()
    assert code == 1
    assert len([line for line in lines if line.startswith("  ") and not line.startswith("      ")]) == 15
    assert any(line.split()[:1] == ["dy"] and "missing /N" in line and "first wrong" in line for line in lines)
    assert "dy = (y − t) / N" in out and "mynet.py, line" in out
    assert lines[-1] == "first wrong: dy (missing /N)"


def test_a_bad_path_is_one_line_and_exit_1(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "nothing.py"))
    assert code == 1 and out == ""
    assert err.strip() == f"mlpviz: error: {tmp_path / 'nothing.py'}: no such file" and err.count("\n") == 1
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 1 and "is not a file" in err and err.count("\n") == 1


def test_without_a_file_or_template_it_is_a_usage_error(capsys):
    code, _, err = run(capsys, "check")
    assert code == 2 and "--template" in err
