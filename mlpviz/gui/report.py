"""Pictures the command line writes: `mlpviz evaluate --report DIR` (the evaluation's figures as PNG
files and an index.html) and `mlpviz explain --png DIR` (an input with its attribution, the
colour key and the digit read), in English or Korean. For data other than MNIST's digits (Dataset.digits)
the report speaks of classes, as the views do.

Drawn with QPainter on QImages (no window, no widgets): only these two options load Qt. Without
a display Qt's offscreen platform is used. The text is translated through the app's own .ts, in
the Evaluate and attribution views' words where the figures are theirs, else in "Report".
"""
from __future__ import annotations

import html
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ..core import evaluation
from ..core.data import Dataset, scale_images
from ..core.evaluation import Evaluation
from ..core.model import MLP
from ..figures import NEGATIVE, POSITIVE, overlay_rgb

if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPen, QPolygonF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from . import translation  # noqa: E402
from .classes import digits_or_classes  # noqa: E402
from .i18n import arg  # noqa: E402
from .style import DIGIT_COLOURS  # noqa: E402
from .views.evaluate.common import damage_name, damage_unit, layer_labels  # noqa: E402

DAMAGE_COLOURS = dict(zip(evaluation.DAMAGES, DIGIT_COLOURS))
GALLERY_IMAGES = 60
FIGURES = {"confusion": "confusion.png", "mistakes": "mistakes.png", "coverage": "coverage.png",
           "robustness": "robustness.png", "map": "map.png"}
EXPLAIN_ZOOM = 10  # screen pixels per input pixel in explain's picture

translate = QCoreApplication.translate


def _ev(text: str) -> str:
    """The Evaluate view's words: the report shows its figures."""
    return translate("EvaluateView", text)


def _app() -> QApplication:
    """The application Qt needs for fonts, created once if there is none: a widgets one, so that a
    window can still be made in the same process afterwards."""
    return QApplication.instance() or QApplication(["mlpviz"])


@contextmanager
def language(lang: str | None) -> Iterator[str]:
    """The pictures' language while drawing: 'en', 'ko', or None for the system's; the language
    before is back afterwards (a process that runs the command line twice, as the tests do, keeps
    its own). Yields the language used."""
    _app()
    lang = lang or translation.system_language()
    before = "ko" if QLocale().language() == QLocale.Language.Korean else "en"
    translation.install(lang)
    try:
        yield lang
    finally:
        translation.install(before)


def _canvas(w: int, h: int, background: str = "white") -> tuple[QImage, QPainter]:
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(QColor(background))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont()
    font.setPixelSize(13)
    p.setFont(font)
    return image, p


def digit_qimage(pixels: np.ndarray) -> QImage:
    """A grey digit (h, w) in [0, 1] as a QImage: dark ink on white, as on paper."""
    a = np.ascontiguousarray(255 - np.clip(pixels, 0, 1) * 255, dtype=np.uint8)
    h, w = a.shape
    return QImage(a.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


def _nice_ticks(lo: float, hi: float, n: int = 5) -> np.ndarray:
    step = (hi - lo) / max(n, 1)
    mag = 10 ** math.floor(math.log10(step)) if step > 0 else 1
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= step)
    return np.arange(math.ceil(lo / step) * step, hi + step * 1e-9, step)


def _plot(p: QPainter, rect: QRectF, series, xlim, ylim, xlabel: str, ylabel: str, title: str = "") -> callable:
    """Axes with ticks in rect, and each series (xs, ys, colour, label) as a line with dots.
    Returns the data -> pixel mapping."""
    left, top = rect.left() + 52, rect.top() + (24 if title else 8)
    right, bottom = rect.right() - 10, rect.bottom() - 40
    (x0, x1), (y0, y1) = xlim, ylim

    def at(x: float, y: float) -> QPointF:
        return QPointF(left + (x - x0) / (x1 - x0) * (right - left), bottom - (y - y0) / (y1 - y0) * (bottom - top))

    p.setPen(QPen(QColor("#dddddd"), 1))
    for t in _nice_ticks(y0, y1):
        p.drawLine(at(x0, t), at(x1, t))
    p.setPen(QPen(QColor("black"), 1))
    p.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    p.drawLine(QPointF(left, bottom), QPointF(left, top))
    for t in _nice_ticks(y0, y1):
        q = at(x0, t)
        p.drawText(QRectF(q.x() - 50, q.y() - 8, 45, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   f"{t:g}")
    for t in _nice_ticks(x0, x1):
        q = at(t, y0)
        p.drawLine(q, q + QPointF(0, 4))
        p.drawText(QRectF(q.x() - 30, q.y() + 4, 60, 16), Qt.AlignmentFlag.AlignHCenter, f"{t:g}")
    p.drawText(QRectF(left, bottom + 20, right - left, 18), Qt.AlignmentFlag.AlignHCenter, xlabel)
    p.save()
    p.translate(rect.left() + 12, (top + bottom) / 2)
    p.rotate(-90)
    p.drawText(QRectF(-100, -10, 200, 18), Qt.AlignmentFlag.AlignHCenter, ylabel)
    p.restore()
    if title:
        bold = QFont(p.font())
        bold.setBold(True)
        p.save()
        p.setFont(bold)
        p.drawText(QRectF(rect.left(), rect.top() + 2, rect.width(), 18), Qt.AlignmentFlag.AlignHCenter, title)
        p.restore()
    for xs, ys, colour, _ in series:
        pts = [at(x, y) for x, y in zip(xs, ys) if math.isfinite(y)]
        p.setPen(QPen(QColor(colour), 2))
        p.drawPolyline(QPolygonF(pts))
        if len(pts) <= 30:
            p.setBrush(QColor(colour))
            for q in pts:
                p.drawEllipse(q, 3, 3)
    return at


def confusion_figure(confusion: np.ndarray, data: Dataset | None = None) -> QImage:
    """The 10x10 matrix: counts, cells shaded by their share of the row, per-class accuracy beside each row
    (its rows named digits or classes as `data` holds, classes.py)."""
    n = len(confusion)
    cell, left, top = 46, 60, 60
    image, p = _canvas(left + cell * n + 90, top + cell * n + 20)
    rows = confusion.sum(axis=1, keepdims=True)
    share = confusion / np.maximum(rows, 1)
    acc = evaluation.per_class_accuracy(confusion)
    p.drawText(QRectF(left, 8, cell * n, 18), Qt.AlignmentFlag.AlignHCenter, _ev("read as"))
    p.drawText(QRectF(left + cell * n + 8, 8, 80, 36), Qt.AlignmentFlag.AlignHCenter, _ev("accuracy"))
    p.save()
    p.translate(16, top + cell * n / 2)
    p.rotate(-90)
    p.drawText(QRectF(-60, -10, 120, 18), Qt.AlignmentFlag.AlignHCenter,
               digits_or_classes(data, _ev("true digit"), _ev("true class")))
    p.restore()
    for i in range(n):
        p.drawText(QRectF(left + i * cell, top - 22, cell, 18), Qt.AlignmentFlag.AlignHCenter, str(i))
        p.drawText(QRectF(left - 26, top + i * cell, 20, cell), Qt.AlignmentFlag.AlignVCenter, str(i))
        for j in range(n):
            s = float(share[i, j])
            # white -> deep blue on the diagonal, white -> red off it: mistakes stand out
            colour = QColor.fromRgbF(1 - 0.85 * s, 1 - 0.6 * s, 1 - 0.2 * s) if i == j else \
                QColor.fromRgbF(1, 1 - min(1, 6 * s) * 0.75, 1 - min(1, 6 * s) * 0.75)
            r = QRectF(left + j * cell, top + i * cell, cell, cell)
            p.fillRect(r, colour)
            p.setPen(QColor("#cccccc"))
            p.drawRect(r)
            p.setPen(QColor("white" if i == j and s > 0.6 else "black"))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(int(confusion[i, j])))
        p.setPen(QColor("black"))
        text = "-" if math.isnan(acc[i]) else f"{acc[i]:.1%}"
        p.drawText(QRectF(left + cell * n + 8, top + i * cell, 80, cell), Qt.AlignmentFlag.AlignVCenter, text)
    p.end()
    return image


def gallery_figure(images: np.ndarray, captions: list[str], columns: int = 10, zoom: int = 2) -> QImage:
    """Digits (N, h, w) in [0, 1] in a grid, each with a caption below it."""
    n = len(images)
    h, w = images.shape[1:] if n else (28, 28)
    cw, ch = w * zoom + 12, h * zoom + 34
    rows = max(1, math.ceil(n / columns))
    image, p = _canvas(columns * cw + 8, rows * ch + 8)
    font = QFont(p.font())
    font.setPixelSize(11)
    p.setFont(font)
    if not n:
        p.drawText(QRectF(0, 0, image.width(), image.height()), Qt.AlignmentFlag.AlignCenter,
                   translate("Report", "no mistakes"))
    for k in range(n):
        x, y = 4 + (k % columns) * cw + 6, 4 + (k // columns) * ch
        p.drawImage(QRectF(x, y, w * zoom, h * zoom), digit_qimage(images[k]))
        p.setPen(QColor("#bbbbbb"))
        p.drawRect(QRectF(x, y, w * zoom, h * zoom))
        p.setPen(QColor("black"))
        p.drawText(QRectF(x - 6, y + h * zoom + 1, cw, 30), Qt.AlignmentFlag.AlignHCenter, captions[k])
    p.end()
    return image


def coverage_figure(probabilities: np.ndarray, labels: np.ndarray, rows: list[dict]) -> QImage:
    """Accuracy against the share of images answered, with the standard thresholds marked."""
    image, p = _canvas(620, 420)
    cov, acc, _ = evaluation.coverage_curve(probabilities, labels)
    step = max(1, len(cov) // 500)
    lo = min(float(np.nanmin(acc)), min((r["accuracy"] for r in rows if r["accuracy"] is not None), default=1))
    ylim = (max(0.0, math.floor(lo * 20) / 20 - 0.05), 1.005)
    at = _plot(p, QRectF(0, 0, 620, 420), [(cov[::step], acc[::step], "#1f77b4", "")], (0, 1), ylim,
               _ev("coverage: share of test images answered"), _ev("accuracy on those answered"),
               _ev("Answer only when confident"))
    p.setBrush(QColor("#d62728"))
    for r in rows:
        if r["accuracy"] is None or r["coverage"] == 0:
            continue
        q = at(r["coverage"], r["accuracy"])
        p.setPen(QColor("#d62728"))
        p.drawEllipse(q, 4, 4)
        p.setPen(QColor("black"))
        p.drawText(QRectF(q.x() - 60, q.y() + 4, 56, 16), Qt.AlignmentFlag.AlignRight, f"≥{r['threshold']:g}")
    p.end()
    return image


def robustness_figure(robustness: dict, sample: np.ndarray) -> QImage:
    """One panel per damage: accuracy against its level, and the sample image (h, w) at each level."""
    pw, ph, cols = 330, 330, 3
    rows = math.ceil(len(robustness) / cols)
    image, p = _canvas(pw * cols, ph * rows)
    for k, (kind, curve) in enumerate(robustness.items()):
        rect = QRectF((k % cols) * pw, (k // cols) * ph, pw, ph - 70)
        levels = [lv for lv, _ in curve]
        xlim = (min(levels), max(levels) if max(levels) > min(levels) else min(levels) + 1)
        _plot(p, rect, [(levels, [a for _, a in curve], DAMAGE_COLOURS.get(kind, "#1f77b4"), kind)], xlim, (0, 1),
              damage_unit(kind), _ev("accuracy"), damage_name(kind))
        for i, level in enumerate(levels):
            damaged = evaluation.damage(sample[None], kind, level, evaluation.damage_rng(0, kind, i))[0]
            size = min(56, (pw - 60) / len(levels) - 4)
            p.drawImage(QRectF(rect.left() + 52 + i * (size + 4), rect.bottom() + 6, size, size),
                        digit_qimage(damaged))
    p.end()
    return image


def map_figure(coords: np.ndarray, labels: np.ndarray, wrong: np.ndarray, title: str,
               data: Dataset | None = None) -> QImage:
    """Points (N, 2) coloured by true label; misread images drawn as black-edged crosses (the key
    speaks of digits or classes as `data` holds)."""
    image, p = _canvas(640, 600)
    lo, hi = coords.min(axis=0), coords.max(axis=0)
    pad = (hi - lo) * 0.05 + 1e-9
    at = _plot(p, QRectF(0, 0, 640, 540), [], (lo[0] - pad[0], hi[0] + pad[0]), (lo[1] - pad[1], hi[1] + pad[1]),
               _ev("first component"), _ev("second component"), title)
    p.setPen(Qt.PenStyle.NoPen)
    for i in np.flatnonzero(~wrong):
        p.setBrush(QColor(DIGIT_COLOURS[labels[i] % 10]))
        p.drawEllipse(at(*coords[i]), 2.5, 2.5)
    for i in np.flatnonzero(wrong):
        q = at(*coords[i])
        p.setPen(QPen(QColor("black"), 3))
        p.drawLine(q + QPointF(-4, -4), q + QPointF(4, 4))
        p.drawLine(q + QPointF(-4, 4), q + QPointF(4, -4))
        p.setPen(QPen(QColor(DIGIT_COLOURS[labels[i] % 10]), 1.5))
        p.drawLine(q + QPointF(-4, -4), q + QPointF(4, 4))
        p.drawLine(q + QPointF(-4, 4), q + QPointF(4, -4))
    p.setPen(QColor("black"))
    for d in range(10):
        x = 60 + d * 56
        p.setBrush(QColor(DIGIT_COLOURS[d]))
        p.drawEllipse(QPointF(x, 566), 5, 5)
        p.drawText(QRectF(x + 8, 558, 40, 16), Qt.AlignmentFlag.AlignLeft, str(d))
    p.drawText(QRectF(0, 580, 640, 18), Qt.AlignmentFlag.AlignHCenter,
               digits_or_classes(data, translate("Report", "colour: the true digit; ×: misread"),
                                 translate("Report", "colour: the true class; ×: misread")))
    p.end()
    return image


def map_layer(model: MLP) -> int:
    """The representation the report maps: the last hidden layer (the pixels if there is none)."""
    return max(len(model.layers) - 1, 0)


def write_report(folder: str | Path, model: MLP, data: Dataset, ev: Evaluation, result: dict,
                 lang: str | None = None) -> Path:
    """Write the figures and index.html into folder (created if needed); returns index.html's path.

    result: what `mlpviz evaluate --json` prints (the numbers shown beside the figures).
    lang: 'en' or 'ko'; None: the system's language.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with language(lang) as lang:
        probs, labels = ev.probabilities, data.y_test
        shape = data.image_shape
        images = {}
        images["confusion"] = confusion_figure(ev.confusion, data)
        top = result["mistakes"][:GALLERY_IMAGES]
        pixels = scale_images(data.x_test[[m["index"] for m in top]]).reshape(-1, *shape)
        images["mistakes"] = gallery_figure(
            pixels, [f"{m['label']}→{m['predicted']} {100 * m['confidence']:.1f}%\n#{m['index']}" for m in top])
        images["coverage"] = coverage_figure(probs, labels, result["coverage"])
        sample = scale_images(data.x_test[0]).reshape(shape)
        images["robustness"] = robustness_figure(result["robustness"], sample)
        n = min(evaluation.MAP_POINTS, len(labels))
        layer = map_layer(model)
        coords, _, ratio = evaluation.pca(evaluation.layer_activations(model, data.x_test[:n], layer))
        name = layer_labels(model.sizes)[layer]
        images["map"] = map_figure(coords, labels[:n], probs[:n].argmax(axis=1) != labels[:n],
                                   f"{name}, {arg(_ev('PCA: %1 of the variance shown'), f'{ratio.sum():.0%}')}", data)
        for key, img in images.items():
            if not img.save(str(folder / FIGURES[key])):
                raise OSError(f"{folder / FIGURES[key]}: cannot write the image")
        index = folder / "index.html"
        index.write_text(_html(result, data, n, name, model.sizes, lang), encoding="utf-8")
    return index


def _pct(v) -> str:
    return "-" if v is None else f"{v:.1%}"


def _html(result: dict, data: Dataset, map_points: int, layer: str, sizes: tuple[int, ...], lang: str) -> str:
    e = html.escape

    def t(text: str, *values) -> str:  # a translated text escaped, then filled (values come escaped)
        return arg(e(text), *values)

    n_rob = min(evaluation.ROBUSTNESS_IMAGES, result["images"])
    accuracy = e(_ev("accuracy"))
    per_class = "".join(f"<tr><td>{d}</td><td>{sum(row)}</td><td>{_pct(a)}</td></tr>"
                        for d, (row, a) in enumerate(zip(result["confusion"], result["per_class_accuracy"])))
    mistakes = "".join(f"<tr><td>{m['index']}</td><td>{m['label']}</td><td>{m['predicted']}</td>"
                       f"<td>{m['confidence']:.3f}</td></tr>" for m in result["mistakes"][:20])
    coverage = "".join(f"<tr><td>{r['threshold']:g}</td><td>{_pct(r['coverage'])}</td>"
                       f"<td>{_pct(r['accuracy'])}</td></tr>" for r in result["coverage"])
    robustness = "".join(
        f"<tr><th>{e(damage_name(kind))}</th><td>{e(damage_unit(kind))}</td><td>"
        + ", ".join(f"{lv:g}: {acc:.1%}" for lv, acc in rows) + "</td></tr>"
        for kind, rows in result["robustness"].items())
    sections = {key: e(_ev(title)) for key, title in (
        ("confusion", "Confusion matrix"), ("mistakes", "Most confident mistakes"),
        ("coverage", "Answer only when confident"), ("robustness", "Robustness"),
        ("map", "A map of the hidden space (PCA)"))}
    title = t(translate("Report", "mlpviz evaluation: %1"), e(data.name))
    heading = t(translate("Report", "Where the network fails"))
    summary = t(translate("Report", "Network %1 on the %2 test set of %3 images: accuracy %4, mean loss %5, "
                                    "%6 mistakes."),
                "-".join(map(str, sizes)), e(data.name), f"{result['images']:,}", f"<b>{result['accuracy']:.2%}</b>",
                f"{result['loss']:.4f}", len(result["mistakes"]))
    rows_cols = t(digits_or_classes(
        data, translate("Report", "Rows: the true digit; columns: the digit read. Off-diagonal cells are "
                                  "mistakes, shaded by their share of the row."),
        translate("Report", "Rows: the true class; columns: the class read. Off-diagonal cells are mistakes, "
                            "shaded by their share of the row.")))
    caption = t(digits_or_classes(
        data, translate("Report", "Caption: true digit → digit read, the network's confidence, the index in "
                                  "the test set."),
        translate("Report", "Caption: true class → class read, the network's confidence, the index in the test "
                            "set.")))
    true = e(digits_or_classes(data, _ev("true digit"), _ev("true class")))
    abstain = t(translate("Report", "If the network says “I don't know” below a confidence threshold, it answers "
                                    "fewer images but gets more of them right."))
    damaged = t(translate("Report", "Accuracy on damaged copies of the first %1 test images; the first level of "
                                    "each is no damage. Below each curve: the first test image at each level."), n_rob)
    projected = t(translate("Report", "The first %1 test images as the %2 represents them, projected to two "
                                      "dimensions (PCA)."), map_points, e(layer))
    digit, images, index = (t(digits_or_classes(data, translate("Report", "digit"), translate("Report", "class"))),
                            t(translate("Report", "images")), t(translate("Report", "index")))
    confidence, threshold, answered = (t(translate("Report", "confidence")), t(translate("Report", "threshold")),
                                       t(translate("Report", "answered")))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:1000px;margin:2em auto;line-height:1.4}}
table{{border-collapse:collapse;margin:0.5em 0}}td,th{{border:1px solid #ccc;padding:2px 8px;text-align:right}}
img{{max-width:100%;border:1px solid #eee}}</style></head><body>
<h1>{heading}</h1>
<p>{summary}</p>
<h2>{sections["confusion"]}</h2>
<p>{rows_cols}</p>
<img src="{FIGURES["confusion"]}" alt="{sections["confusion"]}">
<table><tr><th>{digit}</th><th>{images}</th><th>{accuracy}</th></tr>{per_class}</table>
<h2>{sections["mistakes"]}</h2>
<p>{caption}</p>
<img src="{FIGURES["mistakes"]}" alt="{sections["mistakes"]}">
<table><tr><th>{index}</th><th>{true}</th><th>{e(_ev("read as"))}</th>
<th>{confidence}</th></tr>{mistakes}</table>
<h2>{sections["coverage"]}</h2>
<p>{abstain}</p>
<img src="{FIGURES["coverage"]}" alt="{sections["coverage"]}">
<table><tr><th>{threshold}</th><th>{answered}</th><th>{accuracy}</th></tr>{coverage}</table>
<h2>{sections["robustness"]}</h2>
<p>{damaged}</p>
<img src="{FIGURES["robustness"]}" alt="{sections["robustness"]}">
<table>{robustness}</table>
<h2>{sections["map"]}</h2>
<p>{projected}</p>
<img src="{FIGURES["map"]}" alt="{sections["map"]}">
</body></html>
"""


# explain --png ---------------------------------------------------------------------------------

def explanation_figure(x: np.ndarray, attribution: np.ndarray, digit: int, probability: float, target: int,
                       method: str) -> QImage:
    """The input x (H, W) in [0, 1] with its attribution (H, W) laid over it (overlay_rgb,
    EXPLAIN_ZOOM screen pixels per input pixel, at the top left), the colour key beside it, and
    below: the digit read, what is explained and by which method."""
    rgb = overlay_rgb(x, attribution, EXPLAIN_ZOOM)
    h, w, _ = rgb.shape
    overlay = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    key_x, bar_w, text_w, caption_h = w + 16, 18, 200, 76
    image, p = _canvas(key_x + bar_w + 8 + text_w, h + caption_h, "black")  # black as the overlay's ground
    p.drawImage(0, 0, overlay)
    # The key: full red where a pixel raises log p most, black for no effect, full blue where it lowers it most.
    top, bottom = 24, h - 24
    ramp = QLinearGradient(0, top, 0, bottom)
    ramp.setColorAt(0, QColor(*POSITIVE.astype(int)))
    ramp.setColorAt(0.5, QColor("black"))
    ramp.setColorAt(1, QColor(*NEGATIVE.astype(int)))
    p.fillRect(QRectF(key_x, top, bar_w, bottom - top), ramp)
    p.setPen(QColor("#888888"))
    p.drawRect(QRectF(key_x, top, bar_w, bottom - top))
    p.setPen(QColor("#dddddd"))
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    for y, text in ((top, arg(translate("Report", "raises log p(%1)"), target)),
                    ((top + bottom) / 2, translate("Report", "no effect")),
                    (bottom, arg(translate("Report", "lowers log p(%1)"), target))):
        p.drawText(QRectF(key_x + bar_w + 8, y - 10, text_w, 20), left, text)
    why = arg(translate("AttributionView", "Why %1?"), target) if target == digit else \
        arg(translate("AttributionView", "Why not %1? (the network reads %2)"), target, digit)
    how = translate("AttributionView", "gradient × input") if method == "gradient" else \
        translate("AttributionView", "integrated gradients from a blank image")
    bold = QFont(p.font())
    bold.setBold(True)
    bold.setPixelSize(16)
    p.save()
    p.setFont(bold)
    p.drawText(QRectF(8, h + 6, image.width() - 16, 22), left,
               arg(translate("Report", "Read as %1 (p = %2)"), digit, f"{probability:.3f}"))
    p.restore()
    p.drawText(QRectF(8, h + 30, image.width() - 16, 20), left, why)
    p.drawText(QRectF(8, h + 50, image.width() - 16, 20), left, how)
    p.end()
    return image


def save_explanation(path: str | Path, x: np.ndarray, attribution: np.ndarray, digit: int, probability: float,
                     target: int, method: str, lang: str | None = None) -> Path:
    """Write explanation_figure(...) as a PNG in lang ('en', 'ko'; None: the system's); returns the path."""
    with language(lang):
        image = explanation_figure(x, attribution, digit, probability, target, method)
    path = Path(path)
    if not image.save(str(path), "PNG"):
        raise OSError(f"{path}: cannot write the picture")
    return path
