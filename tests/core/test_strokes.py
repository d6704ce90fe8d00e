"""Drawings kept as pen paths: the same shape drawn at any size gives the same network input."""
import numpy as np
import pytest

from mlpviz.core.preprocess import MAX_SHEAR, UPRIGHT, EmptyImage, prepare_digit
from mlpviz.core.strokes import PEN, _segments, draw_paths, paths_shear, render_strokes


def three(scale: float, at: tuple[float, float]) -> list[np.ndarray]:
    """A 3 as two arcs, `scale` canvas pixels tall, its top-left corner at `at`."""
    t = np.linspace(-0.5 * np.pi, 0.5 * np.pi, 30)
    arc = np.stack([0.5 + 0.5 * np.cos(t), 0.25 + 0.25 * np.sin(t)], 1)
    paths = [arc, arc + [0, 0.5]]
    return [p * scale + at for p in paths]


def test_a_tiny_drawing_in_a_corner_reads_like_a_large_one():
    tiny = render_strokes(three(12, (3, 250)))
    large = render_strokes(three(240, (20, 20)))
    assert np.abs(tiny - large).max() < 0.05
    # Whereas cropping and enlarging the pixels of the tiny drawing (pen 22 of 280) makes a blob.
    pixels_tiny = prepare_digit(draw_paths(three(12, (3, 250)), (280, 280), 22))
    pixels_large = prepare_digit(draw_paths(three(240, (20, 20)), (280, 280), 22))
    assert np.abs(pixels_tiny - pixels_large).sum() > 5 * np.abs(tiny - large).sum() + 20


def test_fits_the_box_and_centres_the_mass_like_mnist():
    x = render_strokes(three(100, (0, 0)))
    assert x.shape == (28, 28) and x.dtype == np.float32
    assert 0 <= x.min() and x.max() <= 1 and x.max() > 0.99
    rows, cols = np.nonzero(x > 0.05)
    assert rows.max() - rows.min() + 1 <= 21 and rows.max() - rows.min() + 1 >= 18  # fills the 20-pixel box
    cy = x.sum(1) @ np.arange(28) / x.sum()
    cx = x.sum(0) @ np.arange(28) / x.sum()
    assert abs(cy - 14) < 0.3 and abs(cx - 14) < 0.3


def sheared(paths, slope):
    """Paths leaned by x' = x + slope y (slope > 0: the top to the left)."""
    return [p + slope * p[:, 1:] * [1, 0] for p in paths]


def test_a_slanted_drawing_is_read_partly_upright():
    upright = three(200, (30, 30))  # a symmetric 3: no slant of its own
    assert paths_shear(*_segments(upright)) == pytest.approx(0, abs=1e-9)
    leaning = sheared(upright, 0.4)
    # (not exactly: the shear lengthens some strokes more than others, and the ink lies along them)
    shear = paths_shear(*_segments(leaning))
    assert shear == pytest.approx(0.4 * UPRIGHT, rel=0.02)
    # Read as the 3 with only the slant not taken out, the pen as wide, and closer to the upright 3.
    x = render_strokes(leaning)
    assert np.abs(x - render_strokes(sheared(upright, 0.4 - shear), upright=False)).max() < 0.01
    assert np.abs(x - render_strokes(upright)).sum() < 0.5 * np.abs(
        render_strokes(leaning, upright=False) - render_strokes(upright)).sum()


def test_an_upright_stroke_and_its_pen_are_left_as_they_were():
    one = [np.array([[50.0, 0.0], [50.0, 200.0]])]
    assert np.array_equal(render_strokes(one), render_strokes(one, upright=False))
    slanted = [np.array([[100.0, 0.0], [0.0, 200.0]])]  # the pen is as wide across, after the shear
    assert render_strokes(slanted).sum() == pytest.approx(render_strokes(one).sum(), rel=0.05)


@pytest.mark.parametrize("paths", [
    [np.array([[3.0, 4.0]])],  # a dot
    [np.array([[0.0, 50.0], [200.0, 50.0]])],  # a horizontal line
    [np.array([[0.0, 50.0], [200.0, 50.5]]), np.array([[0.0, 50.5], [200.0, 50.0]])],  # a flat cross
    [np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([[5.0, 5.0]])],  # a dash and a dot
])
def test_flat_or_tiny_drawings_keep_a_bounded_shear(paths):
    assert abs(paths_shear(*_segments(paths))) <= MAX_SHEAR
    x = render_strokes(paths)
    assert np.isfinite(x).all() and 0 < x.sum() < 200


def test_the_pen_is_as_wide_as_mnists_whatever_the_drawing_size():
    line = render_strokes([np.array([[0.0, 0.0], [0.0, 500.0]])])
    width = line[14].sum()  # ink across one row of a vertical stroke
    assert abs(width - PEN) < 0.4


def test_a_dot_is_a_small_dot_in_the_middle():
    x = render_strokes([np.array([[100.0, 100.0]])])
    assert 0 < x.sum() < 10 and x[13:16, 13:16].sum() == pytest.approx(x.sum(), rel=0.05)


def test_other_field_sizes_keep_the_proportions():
    x = render_strokes(three(50, (0, 0)), (14, 14))
    assert x.shape == (14, 14) and x.sum() > 0


def test_no_points_is_an_empty_drawing():
    with pytest.raises(EmptyImage):
        render_strokes([])
    with pytest.raises(EmptyImage):
        render_strokes([np.empty((0, 2))])


def test_draw_paths_is_anti_aliased_and_round():
    img = draw_paths([np.array([[10.0, 10.0]])], (20, 20), 6)  # a dot centred between pixels 9 and 10
    assert img[9, 9] == 1 and img[0, 0] == 0
    assert 0 < img[8, 12] < 1  # the edge is soft
    assert np.allclose(img, img.T) and np.allclose(img, img[::-1, ::-1])


def test_drawings_files_keep_the_strokes_one_drawing_a_line(tmp_path):
    from mlpviz.core.strokes import read_drawings, write_drawings
    drawings = [three(100, (10, 20)), [np.array([[5.0, 6.0]]), np.array([[7.0, 8.0], [9.123, 10.0]])]]
    path = tmp_path / "d.json"
    write_drawings(path, (280, 280), drawings)
    lines = path.read_text().splitlines()
    assert lines[0] == '{"size": [280, 280], "drawings": [' and lines[-1] == "]}" and len(lines) == 4
    size, back = read_drawings(path)
    assert size == (280, 280) and [len(d) for d in back] == [2, 2]
    for kept, drawn in zip(sum(back, []), sum(drawings, [])):
        np.testing.assert_allclose(kept, drawn, atol=0.005)  # to a hundredth of a pixel
    assert np.abs(render_strokes(back[0]) - render_strokes(drawings[0])).max() < 1e-3
    assert [p.name for p in tmp_path.iterdir()] == ["d.json"]  # no temporary file left behind
