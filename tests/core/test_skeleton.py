"""Skeletons: one pixel wide, connected as the digit was, inside its ink; distances that draw
exactly what the pad's pen draws along the same paths."""
import numpy as np
import pytest

from mlpviz.core.skeleton import skeleton_distance, skeleton_links, skeleton_paths, skeletonize
from mlpviz.core.strokes import draw_paths, pen_ink


def components(mask: np.ndarray) -> int:
    """Number of 8-connected components of a (h, w) bool mask."""
    seen = np.zeros_like(mask)
    count = 0
    for start in zip(*np.nonzero(mask)):
        if seen[start]:
            continue
        count += 1
        stack = [start]
        seen[start] = True
        while stack:
            r, c = stack.pop()
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    q = (r + dr, c + dc)
                    if 0 <= q[0] < mask.shape[0] and 0 <= q[1] < mask.shape[1] and mask[q] and not seen[q]:
                        seen[q] = True
                        stack.append(q)
    return count


@pytest.fixture(scope="module")
def digits(mnist):
    ink = mnist.x_test[:40].reshape(-1, 28, 28) > 100
    return ink, skeletonize(ink)


def test_skeletons_are_one_pixel_wide_inside_the_ink_and_connected_like_the_digit(digits):
    ink, sk = digits
    assert sk.shape == ink.shape and sk.dtype == bool
    assert not (sk & ~ink).any()  # thinning only removes
    kept = sk.sum((1, 2)) / ink.sum((1, 2))
    assert np.median(kept) < 0.5 and kept.max() < 0.8
    # One pixel wide: no 2x2 block of skeleton anywhere.
    blocks = sk[:, :-1, :-1] & sk[:, 1:, :-1] & sk[:, :-1, 1:] & sk[:, 1:, 1:]
    assert not blocks.any()
    assert [components(s) for s in sk] == [components(i) for i in ink]


def test_a_thick_bar_thins_to_a_line_along_its_middle():
    bar = np.zeros((1, 28, 28), bool)
    bar[0, 5:23, 11:16] = True  # 5 pixels wide, 18 tall
    sk = skeletonize(bar)[0]
    rows, cols = np.nonzero(sk)
    assert set(cols.tolist()) == {13}  # the middle column
    assert rows.max() - rows.min() >= 12


def test_stacks_are_thinned_image_by_image():
    a = np.zeros((2, 10, 10), bool)
    a[0, 2:8, 3:6] = True
    a[1, 4:6, 1:9] = True
    both = skeletonize(a)
    assert np.array_equal(both[0], skeletonize(a[:1])[0]) and np.array_equal(both[1], skeletonize(a[1:])[0])
    assert not skeletonize(np.zeros((3, 5, 5), bool)).any()


def test_links_skip_a_diagonal_that_two_straight_links_already_join():
    sk = np.zeros((1, 4, 4), bool)
    sk[0, 1, 1] = sk[0, 1, 2] = sk[0, 2, 2] = True  # an L: right, then down
    links = skeleton_links(sk)[0]
    assert links[0, 1, 1] and links[2, 1, 2]  # right from (1,1), down from (1,2)
    assert not links[3].any()  # no down-right diagonal from (1,1) to (2,2)
    assert len(skeleton_paths(sk[0])) == 2


def test_a_lone_pixel_is_a_dot():
    sk = np.zeros((5, 5), bool)
    sk[2, 2] = True
    assert [p.tolist() for p in skeleton_paths(sk)] == [[[2.5, 2.5]]]


@pytest.mark.parametrize("width", [1.6, 2.4, 3.2, 4.0])
def test_distances_draw_what_the_pads_pen_draws_along_the_same_paths(digits, width):
    _, sk = digits
    d = skeleton_distance(sk[:8])
    for i in range(8):
        expected = draw_paths(skeleton_paths(sk[i]), (28, 28), width)
        assert np.allclose(pen_ink(d[i], width), expected, atol=1e-5)


def test_distance_is_capped_at_the_reach():
    sk = np.zeros((1, 12, 12), bool)
    sk[0, 6, 6] = True
    d = skeleton_distance(sk, reach=2.5)[0]
    assert d[6, 6] == 0 and d[6, 7] == pytest.approx(1) and d[7, 7] == pytest.approx(np.sqrt(2))
    assert d[0, 0] == pytest.approx(2.5) and d.max() == pytest.approx(2.5)
