"""mlpviz predict --strokes: drawings given as pen paths, read and doubted as the drawing pad does."""
import json

import numpy as np
import pytest
from test_cli import run

from mlpviz.core import checkpoint
from mlpviz.core.strokes import render_strokes

SEVEN = [[[200, 200], [260, 200], [224, 270]]]  # small, in a corner of the pad
BOX = [[[20, 20], [160, 20]], [[160, 20], [160, 220]], [[160, 220], [20, 220]], [[20, 220], [20, 20]]]


def write(path, document) -> str:
    path.write_text(json.dumps(document) if not isinstance(document, str) else document)
    return str(path)


def test_drawings_are_read_and_doubted_as_the_pad_reads_them(capsys, model_file, tmp_path):
    drawings = write(tmp_path / "class.json", {"size": [280, 280], "drawings": [SEVEN, BOX], "note": "ignored"})
    code, out, err = run(capsys, "predict", "--model", str(model_file), "--strokes", drawings, "--json")
    assert code == 0 and err == ""
    seven, box = json.loads(out)
    assert seven["file"] == drawings and [seven["drawing"], box["drawing"]] == [1, 2]
    # The pad's own reading: the strokes redrawn at MNIST's pen width, whatever size they were drawn.
    model = checkpoint.load(model_file).model
    p = model.predict_proba(render_strokes([np.array(s, float) for s in SEVEN]).reshape(1, -1))[0]
    np.testing.assert_allclose(seven["probabilities"], p, atol=1e-5)
    assert seven["digit"] == 7 and seven["doubt"] is False and seven["reason"] == "" and seven["novelty"] < 1
    assert box["doubt"] is True and box["reason"] == "unlike the training images" and box["novelty"] > 1
    assert set(box) == {"file", "drawing", "digit", "probabilities", "doubt", "reason", "novelty"}

    code, out, _ = run(capsys, "predict", "--model", str(model_file), "--strokes", drawings)
    first, second = out.strip().splitlines()
    assert first.startswith(f"{drawings} drawing 1: 7 ") and "not sure" not in first
    assert second.startswith(f"{drawings} drawing 2: ") and second.endswith("not sure: unlike the training images")


@pytest.mark.parametrize("document, message", [
    (None, "no such file"),
    ("{not json", "not JSON (Expecting property name enclosed in double quotes at line 1, column 2)"),
    ([SEVEN], 'expected an object {"size": [width, height], "drawings": [drawing, ...]}'),
    ({"drawings": [SEVEN]}, "expected an object"),
    ({"size": [280], "drawings": [SEVEN]}, "size must be [width, height], two numbers above 0, not [280]"),
    ({"size": [280, 0], "drawings": [SEVEN]}, "size must be"),
    ({"size": [280, 280], "drawings": {}}, "drawings must be a list of drawings"),
    ({"size": [280, 280], "drawings": []}, "there are no drawings"),
    ({"size": [280, 280], "drawings": [SEVEN, [[1, 2]]]},
     "drawing 2, stroke 1: a point must be [x, y], two numbers, not 1"),
    ({"size": [280, 280], "drawings": [[[[1, "a"]]]]}, 'a point must be [x, y], two numbers, not [1, "a"]'),
    ({"size": [280, 280], "drawings": [[[[1, True]]]]}, "not [1, true]"),
    ("""{"size": [280, 280], "drawings": [[[[1, NaN]]]]}""", "not [1, NaN]"),
    ({"size": [280, 280], "drawings": [SEVEN, 5]}, "drawing 2 must be a list of strokes"),
    ({"size": [280, 280], "drawings": [SEVEN, [[], []]]}, "drawing 2 has no points"),
], ids=["missing", "not json", "a list", "no size", "short size", "zero size", "drawings not a list",
        "no drawings", "a point not a pair", "a string", "a boolean", "not a number", "a number for a drawing",
        "no points"])
def test_a_bad_drawings_file_is_one_line_and_exit_1(capsys, model_file, tmp_path, document, message):
    path = tmp_path / "d.json"
    if document is not None:
        write(path, document)
    code, out, err = run(capsys, "predict", "--model", str(model_file), "--strokes", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"mlpviz: error: {path}: ") and message in err and len(err.strip().splitlines()) == 1


def test_images_or_strokes_not_both_nor_neither(capsys, model_file, tmp_path):
    drawings = write(tmp_path / "d.json", {"size": [280, 280], "drawings": [SEVEN]})
    code, _, err = run(capsys, "predict", "--model", str(model_file), "--strokes", drawings, "x.png")
    assert code == 2 and "give image files or --strokes FILE.json, not both" in err
    code, _, err = run(capsys, "predict", "--model", str(model_file))
    assert code == 2 and "give image files or --strokes FILE.json" in err
