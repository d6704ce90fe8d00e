"""Digits thinned to their skeleton, and how far each pixel lies from it: the pen paths a digit was
drawn along, recovered from its pixels, so that it can be drawn again with another pen.

Zhang and Suen's thinning (CACM 1984) runs on a whole stack of images at once: each sub-step
looks up every pixel's eight neighbours, packed into one byte, in a table of the pixels it may
remove. The skeleton's pixels joined to their 8-neighbours are the pen paths (`skeleton_paths`,
what the drawing pad records); `skeleton_distance` measures, for every pixel of every image, the
distance to the nearest of those segments, which is all a round pen needs to draw them
(`strokes.pen_ink`).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

# The 8 neighbours P2..P9 of Zhang-Suen, clockwise from the one above, as (row, col) offsets.
NEIGHBOURS = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))
# The links between skeleton pixels, each drawn once from its upper (or left) end: right,
# down-left, down, down-right. A diagonal is skipped where two straight links already join its ends.
LINKS = ((0, 1), (1, -1), (1, 0), (1, 1))


def _removal_tables() -> np.ndarray:
    """(2, 256) bool: whether each sub-step of Zhang-Suen removes a pixel with that neighbour byte
    (bit i set: neighbour P(i+2) is ink)."""
    codes = np.arange(256)
    p = [(codes >> i) & 1 for i in range(8)]  # P2..P9
    b = sum(p)
    a = sum((1 - p[i]) & p[(i + 1) % 8] for i in range(8))  # 0 -> 1 transitions around the pixel
    base = (b >= 2) & (b <= 6) & (a == 1)
    first = base & ((p[0] & p[2] & p[4]) == 0) & ((p[2] & p[4] & p[6]) == 0)
    second = base & ((p[0] & p[2] & p[6]) == 0) & ((p[0] & p[4] & p[6]) == 0)
    return np.stack([first, second])


_REMOVE = _removal_tables()


def skeletonize(images: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning of (n, h, w) boolean images, all at once -> (n, h, w) bool skeletons,
    one pixel wide, each connected where its image was."""
    images = np.asarray(images, bool)
    n, h, w = images.shape
    img = np.pad(images, ((0, 0), (1, 1), (1, 1))).astype(np.uint8)
    flat = img.reshape(-1)
    # Only ink can be removed: the candidates are the ink pixels' flat indices, fewer at each pass.
    ink = np.flatnonzero(flat)
    offsets = np.array([dr * (w + 2) + dc for dr, dc in NEIGHBOURS])
    changed = True
    while changed:
        changed = False
        for step in (0, 1):
            code = np.zeros(len(ink), np.uint8)
            for bit, off in enumerate(offsets):
                code |= flat[ink + off] << bit
            remove = _REMOVE[step][code]
            if remove.any():
                changed = True
                flat[ink[remove]] = 0  # after every code is read: the pass removes in parallel
                ink = ink[~remove]
    return img[:, 1:-1, 1:-1].astype(bool)


def skeleton_links(skeleton: np.ndarray) -> np.ndarray:
    """(n, 4, h, w) bool: whether a segment leaves pixel (r, c) of each (n, h, w) skeleton in
    each direction of LINKS (toward an 8-neighbour that is also on the skeleton)."""
    sk = np.asarray(skeleton, bool)
    n, h, w = sk.shape
    pad = np.pad(sk, ((0, 0), (1, 1), (1, 1)))

    def at(dr: int, dc: int) -> np.ndarray:
        return pad[:, 1 + dr:1 + dr + h, 1 + dc:1 + dc + w]

    out = np.empty((n, len(LINKS), h, w), bool)
    for k, (dr, dc) in enumerate(LINKS):
        out[:, k] = sk & at(dr, dc)
        if dr and dc:  # a diagonal, unless a straight path of two links already joins its ends
            out[:, k] &= ~(at(0, dc) | at(dr, 0))
    return out


def skeleton_paths(skeleton: np.ndarray) -> list[np.ndarray]:
    """A one-pixel-wide (h, w) skeleton -> two-point paths joining linked 8-neighbours (x, y at
    pixel centres), a pixel with no link as a one-point path (a dot); row by row."""
    sk = np.asarray(skeleton, bool)
    links = skeleton_links(sk[None])[0]
    h, w = sk.shape
    ends = np.zeros((h + 2, w + 2), bool)  # pixels some link arrives at
    for k, (dr, dc) in enumerate(LINKS):
        ends[1 + dr:1 + dr + h, 1 + dc:1 + dc + w] |= links[k]
    lone = sk & ~links.any(0) & ~ends[1:-1, 1:-1]
    paths = []
    for r, c in zip(*np.nonzero(sk)):
        r, c = int(r), int(c)
        for k, (dr, dc) in enumerate(LINKS):
            if links[k, r, c]:
                paths.append(np.array([[c + 0.5, r + 0.5], [c + dc + 0.5, r + dr + 0.5]]))
        if lone[r, c]:
            paths.append(np.array([[c + 0.5, r + 0.5]]))
    return paths


def _segment_distance(dr: int, dc: int, link: tuple[int, int] | None) -> float:
    """Distance from a pixel centre to the segment that starts dr rows and dc columns away and
    runs along `link` (None: the point itself)."""
    q = np.array([dr, dc], np.float64)
    if link is None:
        return float(np.hypot(*q))
    d = np.array(link, np.float64)
    t = np.clip(-(q @ d) / (d @ d), 0, 1)
    return float(np.hypot(*(q + t * d)))


def skeleton_distance(skeleton: np.ndarray, reach: float = 3.0) -> np.ndarray:
    """(n, h, w) float32: for each pixel centre of (n, h, w) skeletons, the distance in pixels to
    the nearest segment of skeleton_paths (dots included), or `reach` if none is nearer.

    Pixel centres lie on a grid, so the distance from a pixel to a segment leaving a pixel a given
    offset away along a given link is a constant: the map is a minimum over the distances of the
    shifted link maps at that distance.
    """
    sk = np.asarray(skeleton, bool)
    n, h, w = sk.shape
    elements = np.concatenate([sk[:, None], skeleton_links(sk)], axis=1)  # (n, 1 + 4, h, w)
    m = int(np.ceil(reach)) + 1
    # Eight images to a byte: every shifted OR below moves an eighth of the memory.
    packed = _pack(np.pad(elements, ((0, 0), (0, 0), (m, m), (m, m))))
    out = np.full((n, h, w), reach, np.float32)
    for distance, shifts in reversed(_shifts_by_distance(m, reach)):  # farthest first: nearer overwrite
        near = np.zeros((len(packed), h, w), np.uint8)
        for e, dr, dc in shifts:
            near |= packed[:, e, m + dr:m + dr + h, m + dc:m + dc + w]
        out[np.unpackbits(near, axis=0, count=n).view(bool)] = distance
    return out


def _pack(a: np.ndarray) -> np.ndarray:
    """np.packbits(a, axis=0) for a bool array, by shifts over whole slices (packbits is slow
    along a first axis)."""
    n = len(a)
    groups = -(-n // 8)
    if n % 8:
        a = np.concatenate([a, np.zeros((8 * groups - n, *a.shape[1:]), bool)])
    a = a.view(np.uint8).reshape(groups, 8, *a.shape[1:])
    out = a[:, 0] << 7
    for k in range(1, 8):
        out |= a[:, k] << (7 - k)
    return out


@lru_cache(maxsize=8)
def _shifts_by_distance(m: int, reach: float) -> list[tuple[float, list[tuple[int, int, int]]]]:
    """The (element, row, col) shifts of skeleton_distance grouped by their distance below reach,
    nearest first (element 0: the pixel itself, 1 + k: link k)."""
    groups: dict[float, list[tuple[int, int, int]]] = {}
    for e, link in enumerate((None, *LINKS)):
        for dr in range(-m, m + 1):
            for dc in range(-m, m + 1):
                d = round(_segment_distance(dr, dc, link), 9)
                if d < reach:
                    groups.setdefault(d, []).append((e, dr, dc))
    return sorted(groups.items())
