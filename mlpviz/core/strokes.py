"""A drawing kept as pen paths -> the 28x28 input an MNIST network expects, at MNIST's stroke width.

Cropping and enlarging the pixels of a small drawing enlarges its pen too: a tiny 3 becomes a
blob. Keeping the strokes as paths avoids that: the paths' bounding box is fitted into the 20x20
box and drawn there with a round pen as wide as MNIST's strokes, whatever size they were drawn
at, then moved so that the centre of mass sits at the centre, as MNIST's digits were. Before
that, the paths themselves are partly set upright (`preprocess.upright_shear`), so that the pen
stays as wide after the shear.

Drawings travel as pen paths too, in a JSON file that the pad writes (Input > Save drawing...)
and `mlpviz predict --strokes` reads:

    {"size": [280, 280], "drawings": [[[[x, y], [x, y], ...], ...], ...]}

`size` is the pad's [width, height] in pixels, `drawings` a list of drawings, each a list of
strokes (one per press of the mouse button), each a list of [x, y] points in the pad's pixels,
x to the right and y down. A drawing is read the same at any size, so the size is only a record
of where the points were drawn (they may lie outside it: a stroke can leave the pad). Other keys
are ignored.
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .data import DataError
from .messages import QT_TRANSLATE_NOOP
from .preprocess import BOX, SIZE, EmptyImage, upright_shear

# Pen diameter in pixels of the 28x28 field. MNIST's strokes are about two to three pixels wide;
# 2.4 gives re-drawn MNIST test digits the same mean ink as the originals (benchmarks/pad_drawings.py).
PEN = 2.4


def pen_ink(distance: np.ndarray, width: float | np.ndarray) -> np.ndarray:
    """Ink in [0, 1] of pixels whose centres lie `distance` pixels from a pen's path, drawn with a
    round pen of diameter `width` (broadcast against distance): the pen's edge is spread over one
    pixel, the coverage of a pixel by a straight edge. The one rule both the drawing pad
    (draw_paths) and the training images redrawn with a pen (augment.py) draw with."""
    return np.clip(np.asarray(width, np.float32) / 2 + 0.5 - distance, 0, 1).astype(np.float32, copy=False)


def _segments(paths: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Start and end points (m, 2) of every segment; a path of one point is a zero-length segment (a dot)."""
    starts, ends = [], []
    for p in paths:
        p = np.asarray(p, np.float64).reshape(-1, 2)
        if len(p) == 0:
            continue
        if len(p) == 1:
            starts.append(p)
            ends.append(p)
        else:
            starts.append(p[:-1])
            ends.append(p[1:])
    if not starts:
        raise EmptyImage(QT_TRANSLATE_NOOP("Image", "the drawing is empty: it has no strokes"))
    return np.concatenate(starts), np.concatenate(ends)


def draw_paths(paths: Sequence[np.ndarray], shape: tuple[int, int], width: float) -> np.ndarray:
    """Paths of (x, y) points (x to the right, y down, in pixels of the result; pixel (r, c) has
    its centre at (c + 0.5, r + 0.5)) drawn with an anti-aliased round pen of diameter `width`
    -> (h, w) float32 in [0, 1]."""
    a, b = _segments(paths)
    h, w = shape
    out = np.zeros((h, w), np.float32)
    r = width / 2
    # A chunk of segments at a time, over the pixels near them only: many per chunk on a small
    # field (fewer, larger array operations), one on a large one (far fewer pixels per chunk).
    chunk = 64 if h * w <= 64 * 64 else 1
    for i in range(0, len(a), chunk):
        sa, sb = a[i:i + chunk], b[i:i + chunk]
        lo = np.floor(np.minimum(sa, sb).min(0) - r - 1).astype(int)
        hi = np.ceil(np.maximum(sa, sb).max(0) + r + 1).astype(int)
        c0, r0 = max(lo[0], 0), max(lo[1], 0)
        c1, r1 = min(hi[0], w), min(hi[1], h)
        if c0 >= c1 or r0 >= r1:
            continue
        ys, xs = np.mgrid[r0:r1, c0:c1]
        p = np.stack([xs.ravel() + 0.5, ys.ravel() + 0.5], 1)
        ab = sb - sa
        length2 = np.maximum((ab ** 2).sum(1), 1e-12)
        t = np.clip(((p[:, None, :] - sa[None]) * ab[None]).sum(2) / length2, 0, 1)
        d = np.sqrt((((sa[None] + t[..., None] * ab[None]) - p[:, None, :]) ** 2).sum(2).min(1))
        cover = pen_ink(d, width).reshape(r1 - r0, c1 - c0)
        np.maximum(out[r0:r1, c0:c1], cover, out=out[r0:r1, c0:c1])
    return out


def paths_shear(a: np.ndarray, b: np.ndarray) -> float:
    """`upright_shear` of the segments from a to b ((m, 2) each), the ink spread evenly along them
    (the segments' own moments, exact; dots weigh nothing)."""
    d = b - a
    length = np.hypot(d[:, 0], d[:, 1])
    total = float(length.sum())
    if total <= 0:
        return 0.0
    a = a - (length @ (a + d / 2)) / total
    (ax, ay), (dx, dy) = a.T, d.T
    # The mean of u v along a segment a + t d, t uniform in [0, 1]: au av + (au dv + du av) / 2 + du dv / 3.
    mu11 = length @ (ax * ay + (ax * dy + dx * ay) / 2 + dx * dy / 3)
    mu02 = length @ (ay * ay + ay * dy + dy * dy / 3)
    mu20 = length @ (ax * ax + ax * dx + dx * dx / 3)
    return upright_shear(float(mu11), float(mu02), float(mu20))


def render_strokes(paths: Sequence[np.ndarray], shape: tuple[int, int] = (SIZE, SIZE),
                   width: float = PEN, upright: bool = True) -> np.ndarray:
    """Pen paths ((k, 2) arrays of (x, y) in any coordinates, y down) -> `shape` float32 in [0, 1]:
    the paths partly set upright (`paths_shear`; not if upright is False), their bounding box
    fitted into the 20x20 box (aspect ratio kept), drawn with a round pen of `width` field
    pixels, centre of mass at the centre. Raises EmptyImage if there is no point.

    The size the paths were drawn at does not matter: the same shape drawn tiny or large gives
    the same input. For another field size the box and the pen keep MNIST's proportions.
    """
    h, w = shape
    k = min(shape) / SIZE
    pen = width * k
    a, b = _segments(paths)
    paths = [np.asarray(p, np.float64).reshape(-1, 2) for p in paths]
    shear = paths_shear(a, b) if upright else 0.0
    if shear:  # x' = x - shear y: the fitting below makes the centre of the shear immaterial
        lean = np.array([[1.0, 0.0], [-shear, 1.0]])  # (x, y) @ lean
        a, b, paths = a @ lean, b @ lean, [p @ lean for p in paths]
    pts = np.concatenate([a, b])
    lo, hi = pts.min(0), pts.max(0)
    extent = float((hi - lo).max())
    # The ink, pen included, fills the box: the paths' own extent is the box less one pen width.
    scale = max(BOX * k - pen, 1.0) / extent if extent > 0 else 0.0
    centre = np.array([w / 2, h / 2])
    # MNIST's centres of mass lie at pixel (14, 14), whose centre is at (14.5, 14.5) here.
    mass_centre = centre + 0.5
    fitted = [(p - (lo + hi) / 2) * scale + centre for p in paths]
    image = draw_paths(fitted, shape, pen)
    total = float(image.sum())
    if total > 0:  # move the centre of mass to the centre (sub-pixel) and draw again
        cy = float(image.sum(1) @ (np.arange(h) + 0.5)) / total
        cx = float(image.sum(0) @ (np.arange(w) + 0.5)) / total
        offset = mass_centre - np.array([cx, cy])
        image = draw_paths([p + offset for p in fitted], shape, pen)
    return image


class DrawingsError(DataError):
    """A drawings file that cannot be read; the message names it and says where and why."""


def _short(value) -> str:
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def parse_drawings(document, name: str = "the drawings") -> tuple[tuple[float, float], list[list[np.ndarray]]]:
    """A drawings document (the JSON format above, parsed) -> (the pad's (width, height), the
    drawings, each a list of (k, 2) float64 strokes). Raises DrawingsError naming `name` and the
    first thing wrong."""
    def bad(what: str) -> DrawingsError:
        return DrawingsError(f"{name}: {what}")

    if not isinstance(document, dict) or "drawings" not in document or "size" not in document:
        raise bad('expected an object {"size": [width, height], "drawings": [drawing, ...]}')
    size = document["size"]
    if not (isinstance(size, list) and len(size) == 2 and all(_number(v) and v > 0 for v in size)):
        raise bad(f"size must be [width, height], two numbers above 0, not {_short(size)}")
    drawings = document["drawings"]
    if not isinstance(drawings, list):
        raise bad(f"drawings must be a list of drawings, each a list of strokes, not {_short(drawings)}")
    if not drawings:
        raise bad("there are no drawings")
    out = []
    for i, drawing in enumerate(drawings, 1):
        if not isinstance(drawing, list):
            raise bad(f"drawing {i} must be a list of strokes, each a list of [x, y] points, not {_short(drawing)}")
        strokes = []
        for j, stroke in enumerate(drawing, 1):
            if not isinstance(stroke, list):
                raise bad(f"drawing {i}, stroke {j} must be a list of [x, y] points, not {_short(stroke)}")
            for point in stroke:
                if not (isinstance(point, list) and len(point) == 2 and all(_number(v) for v in point)):
                    raise bad(f"drawing {i}, stroke {j}: a point must be [x, y], two numbers, not {_short(point)}")
            strokes.append(np.array(stroke, np.float64).reshape(-1, 2))
        if not any(len(s) for s in strokes):
            raise bad(f"drawing {i} has no points")
        out.append(strokes)
    return (float(size[0]), float(size[1])), out


def read_drawings(path: str | Path) -> tuple[tuple[float, float], list[list[np.ndarray]]]:
    """The pad's size and the drawings of a drawings file (parse_drawings); DrawingsError if it
    cannot be read."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DrawingsError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DrawingsError(f"{path}: cannot be read ({getattr(e, 'strerror', None) or e})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        raise DrawingsError(f"{path}: not JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None
    return parse_drawings(document, str(path))


def drawings_document(size: tuple[float, float], drawings: Sequence[Sequence[np.ndarray]]) -> dict:
    """The JSON document of drawings (each a list of (k, 2) strokes) drawn on a pad of size
    (width, height), points to a hundredth of a pixel."""
    return {"size": [int(v) if float(v).is_integer() else float(v) for v in size],
            "drawings": [[[[round(float(x), 2), round(float(y), 2)] for x, y in np.asarray(s).reshape(-1, 2)]
                          for s in drawing] for drawing in drawings]}


def write_drawings(path: str | Path, size: tuple[float, float], drawings: Sequence[Sequence[np.ndarray]]) -> None:
    """Write a drawings file, one drawing a line, whole or not at all (a temporary file then
    renamed over path)."""
    path = Path(path)
    document = drawings_document(size, drawings)
    text = (f'{{"size": {json.dumps(document["size"])}, "drawings": [\n'
            + ",\n".join(json.dumps(d) for d in document["drawings"]) + "\n]}\n")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
