"""The first-layer weight mosaic: where each unit's tile goes, how values become colours, and the
view's pages, order, scale and selection."""
import numpy as np
import pytest

from mlpviz.gui.style import nice_ceiling
from mlpviz.gui.widgets.mosaic import (
    COLOURS,
    GAP,
    SCALE_STEPS,
    colour_codes,
    finite_limit,
    mosaic_layout,
    order_by,
    tile,
    tile_at,
)


def test_each_unit_lands_in_its_tile_with_gaps_between():
    h, w, units = 2, 3, 5
    W = np.arange(h * w * units, dtype=np.float32).reshape(h * w, units)
    rows, cols = mosaic_layout(units)
    out = tile(W, (h, w), fill=-1)
    assert out.shape == (rows * (h + GAP) - GAP, cols * (w + GAP) - GAP)
    for u in range(rows * cols):
        r, c = divmod(u, cols)
        block = out[r * (h + GAP):r * (h + GAP) + h, c * (w + GAP):c * (w + GAP) + w]
        expected = W[:, u].reshape(h, w) if u < units else np.full((h, w), -1)
        np.testing.assert_array_equal(block, expected)
        # and the pixels of that block map back to the unit (or to nothing past the last one)
        assert tile_at(c * (w + GAP) + w - 0.5, r * (h + GAP) + 0.5, (h, w), units) == (u if u < units else -1)
    assert (out[h::h + GAP, :] == -1).all() and (out[:, w::w + GAP] == -1).all()
    assert tile_at(w + 0.5, 0.5, (h, w), units) == -1  # on a gap
    assert tile_at(-0.5, 0.5, (h, w), units) == -1


def test_colour_codes_are_symmetric_around_zero():
    codes = colour_codes(np.array([-2.0, -1.0, 0.0, 1.0, 2.0, np.nan, np.inf, -np.inf]), 1.0)
    assert codes.dtype == np.uint8
    mid = (COLOURS - 1) // 2
    assert codes.tolist() == [0, 0, mid, COLOURS - 1, COLOURS - 1, 0, COLOURS - 1, 0]
    for x in (0.25, 0.5, 0.7):
        lo, hi = colour_codes(np.array([-x, x]), 1.0).astype(int)
        assert mid - lo == hi - mid > 0  # as far from white on either side


def test_nice_ceiling_and_order():
    assert [nice_ceiling(x, SCALE_STEPS) for x in (0.7, 1.0, 1.3, 2.2, 3.1, 7, 0.012)] == [1, 1, 2, 2.5, 5, 10, 0.02]
    assert [nice_ceiling(x) for x in (0.7, 2.3, 6.1, float("nan"), 0)] == [0.8, 2.5, 8, 1, 1]
    assert order_by(np.array([1.0, 3.0, np.nan, 3.0, 2.0])).tolist() == [1, 3, 4, 0, 2]


def test_tiles_are_redrawn_at_screen_size_with_lines_one_pixel_wide():
    from mlpviz.gui.views.weights import screen_index, tile_size

    assert tile_size((400, 300), (2, 3)) == (400 - 2 * GAP) // 3
    assert tile_size((400, 100), (2, 3)) == (100 - GAP) // 2
    assert tile_size((5, 5), (10, 10)) == 1
    h, w, units, size = 2, 3, 5, 7
    W = np.arange(h * w * units, dtype=np.float32).reshape(h * w, units)
    rows, cols = mosaic_layout(units)
    mosaic = tile(W, (h, w), fill=-1)
    screen = mosaic.ravel().take(screen_index((h, w), (rows, cols), size))
    assert screen.shape == (rows * (size + GAP) - GAP, cols * (size + GAP) - GAP)
    lines = np.zeros(screen.shape, bool)
    lines[size::size + GAP, :] = True
    lines[:, size::size + GAP] = True
    assert (screen[lines] == -1).all()  # every line exactly GAP wide, at the same pitch
    for u in range(units):
        r, c = divmod(u, cols)
        block = screen[r * (size + GAP):r * (size + GAP) + size, c * (size + GAP):c * (size + GAP) + size]
        assert set(np.unique(block)) == set(W[:, u])  # every pixel of the tile, and only its own, appear
        assert block[0, 0] == W[0, u] and block[-1, -1] == W[-1, u]


@pytest.fixture
def view(make_view):
    from mlpviz.gui.views.weights import WeightsView
    return make_view(WeightsView, 700, 500)


def weights(units, seed=0):
    W = np.random.default_rng(seed).normal(0, 0.05, (784, units)).astype(np.float32)
    W *= np.linspace(0.5, 2.0, units, dtype=np.float32)  # norms grow with the unit index
    return W


def test_large_layers_are_paged_sorted_and_drawn_at_a_whole_scale(view, qtbot):
    from mlpviz.gui.views.weights import DEFAULT_PAGE_SIZE, SORTS, tile_size

    W = weights(512)
    view.set_weights(W, (28, 28))
    assert len(view.page_units()) == DEFAULT_PAGE_SIZE and view.pages == 512 // DEFAULT_PAGE_SIZE
    size = view.tile_pixels()
    # the mosaic is whole tiles of that size with one-pixel lines between them
    (rows, rest_rows), (cols, rest_cols) = (divmod(n + GAP, size + GAP) for n in view.mosaic.image.shape[:2])
    assert rest_rows == rest_cols == 0 and (rows - 1) * cols < DEFAULT_PAGE_SIZE  # no empty row
    # One image pixel per screen pixel: the lines between tiles stay one pixel wide.
    dpr = view.devicePixelRatioF()
    assert view.box.viewRange()[0][1] == pytest.approx(view.box.width() * dpr)
    avail = (int(view.box.width() * dpr), int(view.box.height() * dpr))
    assert size == tile_size(avail, (rows, cols)) > 28
    # the grid fills the view: no other number of columns gives larger tiles
    assert all(tile_size(avail, (-(-DEFAULT_PAGE_SIZE // c), c)) <= size for c in range(1, DEFAULT_PAGE_SIZE + 1))
    assert rows * cols >= DEFAULT_PAGE_SIZE
    view.set_page(3)
    np.testing.assert_array_equal(view.page_units(), np.arange(3 * 64, 4 * 64))
    view.sort.setCurrentIndex(SORTS.index("weight norm"))
    assert view.page_units()[0] == 511  # the largest norm first
    view.page_size.setCurrentIndex(0)  # 16 tiles: larger
    assert len(view.page_units()) == 16 and view.tile_pixels() > size


def test_clicking_a_tile_selects_the_unit_and_the_selection_is_outlined(view, qtbot, click):
    from mlpviz.gui.views.weights import SORTS

    W = weights(256)
    view.set_weights(W, (28, 28))
    view.sort.setCurrentIndex(SORTS.index("weight norm"))
    third = int(np.argsort(-np.linalg.norm(W, axis=0))[2])
    # A real click in the middle of the third tile on the page.
    with qtbot.waitSignal(view.session.unitSelected) as blocker:
        size = view.tile_pixels()
        click(view.view, view.mosaic, 2 * (size + GAP) + size / 2, size / 2)
    assert blocker.args == [1, third]
    assert view.selected_cell() == 2 and view.outline.isVisible()
    assert f"unit {third + 1} of 256" in view.info.text()
    view.session.select_unit(1, 0)  # from elsewhere: the smallest norm, on the last page
    assert view.page_label.text() == f"{(view.pages - 1) * 64 + 1}-256 of 256"  # the last page
    assert view.selected_cell() >= 0
    rect = view.outline.rect()
    cell = view.selected_cell()
    assert view.mosaic.cell_at(rect.center().x(), rect.center().y()) == cell
    view.session.select_unit(2, 5)  # another layer: nothing changes here
    assert view.page_units()[view.selected_cell()] == 0


def test_activity_order_ranks_the_most_active_units_first(view):
    from mlpviz.core.model import MLP
    from mlpviz.gui.snapshot import Snapshot
    from mlpviz.gui.views.weights import SORTS

    model = MLP.create((784, 40, 10), "relu", init="he", seed=3)
    snap = Snapshot.of(model, lr=0.1)
    view.session.publish(snap)
    view.sort.setCurrentIndex(SORTS.index("activity"))
    activity = view.activity()
    assert activity.shape == (40,)
    assert np.all(np.diff(activity[view.page_units()]) <= 0)


def test_weights_shrunk_to_almost_zero_are_coloured_without_overflow():
    # the W1 - lr*W1 mistake: after a thousand steps the weights are ~1e-45, subnormal in float32
    tiny = np.array([1e-45, 0.0, -1e-45], np.float32)
    codes = colour_codes(tiny, finite_limit(tiny))  # warnings are errors in the suite
    assert codes[1] == np.rint((COLOURS - 1) / 2)  # zero in the middle
    assert codes[0] >= codes[1] >= codes[2]
