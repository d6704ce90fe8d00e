"""The first-layer weight mosaic: where each unit's tile goes and how values become colours."""
import numpy as np

from mlpviz.gui.widgets.weights import COLOURS, GAP, colour_codes, mosaic_layout, tile


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
    assert (out[h::h + GAP, :] == -1).all() and (out[:, w::w + GAP] == -1).all()


def test_colour_codes_are_symmetric_around_zero():
    codes = colour_codes(np.array([-2.0, -1.0, 0.0, 1.0, 2.0, np.nan, np.inf, -np.inf]), 1.0)
    assert codes.dtype == np.uint8
    mid = (COLOURS - 1) // 2
    assert codes.tolist() == [0, 0, mid, COLOURS - 1, COLOURS - 1, 0, COLOURS - 1, 0]
    for x in (0.25, 0.5, 0.7):
        lo, hi = colour_codes(np.array([-x, x]), 1.0).astype(int)
        assert mid - lo == hi - mid > 0  # as far from white on either side
