"""Command line: `mlpviz [gui [MODEL.npz] [--data SRC] [--preset NAME]] | train | evaluate | predict | explain
| backprop | check | experiments`."""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
import time
from dataclasses import fields
from pathlib import Path

from . import __version__
from .core import checkcode, checkpoint, evaluation, lessons
from .core.config import (
    PRESETS,
    RUN_LENGTH,
    SETTINGS,
    Config,
    ConfigError,
    parse_augment,
    parse_hidden,
    setting_help,
)
from .core.data import DataError, load_dataset
from .core.errors import USER_ERRORS
from .core.evaluation import evaluate
from .core.experiments import EXPERIMENTS
from .core.optim import MISTAKES
from .core.preprocess import prepare_digit
from .core.threads import blas_threads_for, load_average
from .core.trainer import EpochRecord, Trainer, check_input_size, epoch_table

LANGUAGES = ("en", "ko")  # of the pictures and pages evaluate --report and explain --png write


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="mlpviz", description="Watch a NumPy multi-layer perceptron learn MNIST.")
    ap.add_argument("--version", action="version", version=f"mlpviz {__version__}")
    sub = ap.add_subparsers(dest="command", parser_class=_Parser)
    g = sub.add_parser("gui", help="launch the desktop app (the default; `mlpviz MODEL.npz` opens a model)",
                       description="Launch the desktop app, optionally with a model, data or preset.")
    g.add_argument("model", nargs="?", metavar="MODEL.npz", help="a saved model to open")
    g.add_argument("--data", metavar="DIR|FILE.npz",
                   help="folder of MNIST-format IDX files, or a mnist.npz (default: bundled MNIST)")
    g.add_argument("--preset", choices=PRESETS, help="settings to start from (default: course)")
    g.add_argument("--lesson", metavar="FILE", help="a lesson file (.toml or .json) to open in the lesson panel")

    t = sub.add_parser("train", help="train headless",
                       description="Train headless. A preset sets every option (the defaults shown are the "
                                   "course preset's); explicit options override it.")
    t.add_argument("--preset", choices=PRESETS, default="course",
                   help="course: 784-50-10 sigmoid, SGD (default); keras: the course's Keras model; "
                        "fast: 784-256-128-10 ReLU, Adam, ten seconds; best: 784-512-256-10, augmented images, "
                        "about a minute and a half: the one for reading drawings")
    add_config_options(t)
    t.add_argument("--data", help="folder of MNIST-format IDX files, or a mnist.npz (default: bundled MNIST)")
    t.add_argument("--train-limit", type=int, metavar="N", help="use only the first N training images")
    t.add_argument("--save", metavar="FILE", help="write the trained model to FILE (.npz)")
    t.add_argument("--csv", metavar="FILE", help="write the per-epoch history to FILE (a header row, a row per epoch)")
    t.add_argument("--json", action="store_true", help="print one JSON object with the results")

    ex = sub.add_parser("experiments", help="list the course's experiments",
                        description="List the course's experiments: what each compares and what to watch.")
    ex.add_argument("--json", action="store_true", help="print one JSON object: {\"experiments\": [...]}")

    e = sub.add_parser("evaluate", help="test a saved model")
    e.add_argument("--model", required=True, metavar="FILE")
    e.add_argument("--data", help="folder of IDX files or a .npz (default: bundled MNIST)")
    e.add_argument("--json", action="store_true")
    e.add_argument("--report", metavar="DIR",
                   help="write the figures (PNG) and an index.html showing them with the numbers into DIR")
    e.add_argument("--lang", choices=LANGUAGES, help="language of the report (default: the system's)")

    p = sub.add_parser("predict", help="read digits from image files, or drawings from their pen strokes")
    p.add_argument("--model", required=True, metavar="FILE")
    p.add_argument("--strokes", metavar="FILE.json",
                   help="read the drawings of a drawings file (pen paths, as Input > Save drawing... writes them) "
                        "as the drawing pad reads them, each with whether to doubt the answer, instead of images")
    p.add_argument("--json", action="store_true")
    p.add_argument("images", nargs="*", metavar="IMAGE", help="PNG, JPEG, BMP or PGM of one digit")

    x = sub.add_parser("explain", help="why the network reads each digit as it does",
                       description="Per image: the prediction, the 28x28 input the network saw, which pixels "
                                   "made it read the digit (attribution) and the hidden units that raise the "
                                   "digit's logit most.")
    x.add_argument("--model", required=True, metavar="FILE")
    x.add_argument("--target", type=int, metavar="D", help="explain digit D instead of the predicted one")
    x.add_argument("--method", choices=("gradient", "integrated"), default="gradient",
                   help="gradient x input (default) or integrated gradients from a black image")
    x.add_argument("--steps", type=int, default=32, help="path steps for --method integrated (default 32)")
    x.add_argument("--png", metavar="DIR", help="write each input with its attribution overlaid, the colour key "
                                                "and the digit read, into DIR")
    x.add_argument("--lang", choices=LANGUAGES, help="language of the pictures (default: the system's)")
    x.add_argument("--json", action="store_true")
    x.add_argument("images", nargs="+", metavar="IMAGE", help="PNG, JPEG, BMP or PGM of one digit")

    b = sub.add_parser("backprop", help="one example's forward pass, backward pass and update, number by number",
                       description="Follow one example through the network: every array of the forward pass, the "
                                   "loss, every gradient of the backward pass with its check by central differences, "
                                   "and one gradient-descent step W <- W - lr*dW with the loss and probabilities "
                                   "before and after. Each array is shown as its shape, min, max and norm.")
    b.add_argument("--model", required=True, metavar="FILE")
    source = b.add_mutually_exclusive_group(required=True)
    source.add_argument("--index", type=int, metavar="I", help="test image I of the data set")
    source.add_argument("--image", metavar="FILE", help="a PNG, JPEG, BMP or PGM of one digit")
    b.add_argument("--data", help="folder of IDX files or a .npz, for --index (default: bundled MNIST)")
    b.add_argument("--label", type=int, metavar="L",
                   help="the label t (default: the test image's own label; for --image, the digit read)")
    b.add_argument("--lr", type=float, default=0.1, metavar="ETA", help="the learning rate of the update (default 0.1)")
    b.add_argument("--mistake", choices=sorted(MISTAKES),
                   help="make one of the course notebook's mistakes: w_update (W1 - lr*W1), db1 (db1 from dz1)")
    b.add_argument("--full", action="store_true", help="include every array's values")
    b.add_argument("--json", action="store_true")

    c = sub.add_parser("check", help="check your own NumPy network code (forward, backward, update)",
                       description="Check your own forward, backward and update against the engine's, array by "
                                   "array, then train with them beside the engine. Your file runs in a separate "
                                   "process with a time limit; start from `mlpviz check --template > mynet.py`.")
    c.add_argument("file", nargs="?", metavar="MYNET.py", help="your file, filled in from the template")
    c.add_argument("--template", action="store_true", help="print the starting file to fill in")
    c.add_argument("--steps", type=int, default=checkcode.STEPS, metavar="N",
                   help=f"training steps with your functions on MNIST (default {checkcode.STEPS}; 0: none)")
    c.add_argument("--timeout", type=float, default=checkcode.TIMEOUT, metavar="S",
                   help=f"seconds your code may run in all (default {checkcode.TIMEOUT:g})")
    c.add_argument("--json", action="store_true")
    return ap


# The argument type of each kind of Config field (the others are text that Config or a parser reads).
OPTION_TYPES = {"float": float, "float | None": float, "int": int, "int | None": int}


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """One option per Config field, --name-with-dashes, its type, help, range and default all taken
    from core/config.py (Config, SETTINGS, RANGES), so that the command line offers what a Config
    holds; epochs and steps exclude each other. Each defaults to None: unset, the preset decides."""
    length = parser.add_mutually_exclusive_group()
    for f in fields(Config):
        setting = SETTINGS[f.name]
        options = dict(type=OPTION_TYPES.get(f.type), help=setting_help(f.name).replace("%", "%%"))
        if setting.metavar:
            options["metavar"] = setting.metavar
        if setting.strict:
            options["choices"] = setting.choices
        (length if f.name in RUN_LENGTH else parser).add_argument("--" + f.name.replace("_", "-"), **options)


def resolve_config(args: argparse.Namespace) -> Config:
    """The preset with every explicitly given option applied over it."""
    config = PRESETS[args.preset]
    changes = {k: v for k, v in vars(args).items()
               if v is not None and k in Config.__dataclass_fields__}
    if args.epochs is not None:
        changes["steps"] = None
    if args.steps is not None:
        changes["epochs"] = None
    if args.hidden is not None:
        changes["hidden"] = parse_hidden(args.hidden)
    if args.augment is not None:
        changes["augment"] = parse_augment(args.augment)
    return config.replace(**changes).validated()


class Progress:
    """A one-line progress bar on stderr, redrawn at most ten times a second, only on a terminal."""

    def __init__(self, total: int):
        self.total, self.last = total, 0.0
        self.enabled = sys.stderr.isatty()

    def update(self, trainer: Trainer, loss: float, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and not force):
            return
        self.last = now
        frac = trainer.step_count / self.total
        bar = "#" * int(30 * frac)
        sys.stderr.write(f"\r[{bar:<30}] {100 * frac:5.1f}%  step {trainer.step_count}/{self.total}  "
                         f"epoch {trainer.epoch_progress:.2f}  loss {loss:.4f}  "
                         f"{trainer.samples_per_second:,.0f} samples/s ")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")


def _epoch_line(r: EpochRecord, trainer: Trainer) -> str:
    return (f"epoch {r.epoch:3d}  step {r.step:6d}  loss {r.train_loss:.4f}  "
            f"train acc {r.train_accuracy:.4f}  test acc {r.test_accuracy:.4f}  "
            f"{trainer.samples_per_second:,.0f} samples/s")


def _writable(path: str) -> None:
    """Refuse an output file whose folder does not exist before training, not after it."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise ConfigError(f"cannot write {path}: the folder {folder} does not exist")
    if os.path.isdir(path):
        raise ConfigError(f"cannot write {path}: it is a folder")


def write_csv(path: str, trainer: Trainer) -> None:
    """The per-epoch history as CSV: one header row, one row per epoch."""
    header, rows = epoch_table(trainer.epochs, len(trainer.model.layers))
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows([repr(v) if isinstance(v, float) else v for v in row] for row in rows)


def cmd_train(args: argparse.Namespace) -> int:
    config = resolve_config(args)
    for path in (args.csv, args.save):
        if path:
            _writable(path)
    data = load_dataset(args.data).limit_train(args.train_limit)
    threads = limit_blas_threads((data.input_size, *config.hidden, 10), config.batch_size)
    trainer = Trainer.from_config(config, data, timeline=False)
    total = trainer.planned_steps(config)
    out = sys.stderr if args.json else sys.stdout
    progress = Progress(total)
    loss = math.nan
    while trainer.step_count < total:
        seen = len(trainer.epochs)
        loss = trainer.step(min(50, total - trainer.step_count, trainer.steps_per_epoch))
        if len(trainer.epochs) > seen:
            progress.clear()
            print(_epoch_line(trainer.epochs[-1], trainer), file=out, flush=True)
        progress.update(trainer, loss, force=trainer.step_count == total)
    progress.clear()
    if not trainer.epochs or trainer.epochs[-1].step != trainer.step_count:
        trainer.record_epoch()  # the run ended inside an epoch: evaluate where it stopped
    final = trainer.epochs[-1]
    if args.save:
        checkpoint.save(args.save, checkpoint.of_trainer(trainer, config))
    if args.csv:
        write_csv(args.csv, trainer)
    result = {
        "test_accuracy": final.test_accuracy, "test_loss": final.test_loss,
        "train_accuracy": final.train_accuracy, "train_loss": final.train_loss,
        "epochs": round(trainer.epoch_progress, 4), "steps": trainer.step_count,
        "train_seconds": round(trainer.train_seconds, 3),
        "samples_per_second": round(trainer.samples_per_second, 1),
        "config": config.to_dict(), "dataset": data.name, "train_images": len(data.y_train),
        # Per epoch (row of the history), per layer (layer 1 first).
        "gradient_norms": [list(r.gradient_norms or ()) for r in trainer.epochs],
        "inactive_fraction": [list(r.inactive_fraction or ()) for r in trainer.epochs],
        "blas_threads": threads,
    }
    if args.save:
        result["saved"] = str(args.save)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"done: test accuracy {final.test_accuracy:.4f}, test loss {final.test_loss:.4f} "
              f"after {trainer.step_count} steps in {trainer.train_seconds:.1f} s of training"
              + (f"; saved to {args.save}" if args.save else ""))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    model = checkpoint.load(args.model).model
    data = load_dataset(args.data)
    check_input_size(model, data)
    ev = evaluate(model, data.x_test, data.y_test, keep_probabilities=True)
    probs, labels = ev.probabilities, data.y_test
    per_class = evaluation.per_class_accuracy(ev.confusion)
    mistakes = evaluation.mistake_records(probs, labels)
    coverage = evaluation.coverage(probs, labels)
    robustness = evaluation.robustness(model, data.x_test, labels, data.image_shape)
    result = {"accuracy": ev.accuracy, "loss": ev.loss, "confusion": ev.confusion.tolist(),
              "images": len(labels), "dataset": data.name,
              "per_class_accuracy": [_number(v) for v in per_class], "mistakes": mistakes,
              "coverage": [{k: _number(v) for k, v in row.items()} for row in coverage],
              "robustness": robustness}
    if args.report:
        from .gui.report import write_report  # draws with Qt: only this option loads it
        result["report"] = str(write_report(args.report, model, data, ev, result, args.lang))
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{data.name} test set, {len(labels)} images: accuracy {ev.accuracy:.4f}, loss {ev.loss:.4f}")
    print(f"confusion (rows: true {'digit' if data.digits else 'class'}, columns: predicted; "
          "last: accuracy of the row):")
    for digit, row in enumerate(ev.confusion):
        print(f"  {digit}: " + " ".join(f"{v:5d}" for v in row) + f"   {per_class[digit]:.3f}")
    print(f"{len(mistakes)} mistakes; the most confident:")
    for m in mistakes[:10]:
        print(f"  image {m['index']:5d}: a {m['label']} read as {m['predicted']} "
              f"with confidence {m['confidence']:.3f}")
    print("answering only when confident (threshold: share answered, accuracy on those):")
    for row in coverage:
        print(f"  {row['threshold']:.2f}: {row['coverage']:6.1%} answered, accuracy {row['accuracy']:.4f}")
    n = min(evaluation.ROBUSTNESS_IMAGES, len(labels))
    print(f"accuracy on damaged copies of the first {n} test images (level: accuracy):")
    for kind, rows in robustness.items():
        print(f"  {kind:<9} " + "  ".join(f"{_level(lv)}: {acc:.3f}" for lv, acc in rows)
              + f"   ({evaluation.DAMAGE_UNITS[kind]})")
    if args.report:
        print(f"report written to {result['report']}")
    return 0


def _number(v: float) -> float | None:
    """A float for JSON, None for NaN (JSON has no NaN)."""
    return None if math.isnan(v) else float(v)


def _level(v: float) -> str:
    return f"{v:g}"


def cmd_predict(args: argparse.Namespace) -> int:
    if (args.strokes is None) == (not args.images):
        raise UsageError("mlpviz predict: give image files or --strokes FILE.json"
                         + (", not both" if args.images else "") + " (see --help)")
    model = checkpoint.load(args.model).model
    if model.sizes[0] != 28 * 28:
        raise ConfigError(f"the model takes {model.sizes[0]} inputs, not a 28x28 digit")
    if args.strokes is not None:
        return _predict_strokes(args, model)
    from .images import read_gray  # Qt's image readers; only images need them
    results = []
    for path in args.images:
        x = prepare_digit(read_gray(path))
        p = model.predict_proba(x.reshape(1, -1))[0]
        results.append({"file": path, "digit": int(p.argmax()),
                        "probabilities": [round(float(v), 6) for v in p]})
    if args.json:
        print(json.dumps(results))
    else:
        for r in results:
            probs = "  ".join(f"{d}:{v:.3f}" for d, v in enumerate(r["probabilities"]))
            print(f"{r['file']}: {r['digit']}   ({probs})")
    return 0


def _predict_strokes(args: argparse.Namespace, model) -> int:
    """Each drawing of a drawings file read as the pad reads it, doubted as the pad doubts it."""
    from .core.doubt import Familiarity, judge
    from .core.strokes import read_drawings, render_strokes
    _, drawings = read_drawings(args.strokes)
    familiarity = Familiarity.from_data(load_dataset())  # the training images the pad compares drawings with
    results = []
    for number, strokes in enumerate(drawings, 1):
        x = render_strokes(strokes).reshape(-1)
        p = model.predict_proba(x.reshape(1, -1))[0]
        doubt = judge(p, x, familiarity)
        results.append({"file": args.strokes, "drawing": number, "digit": doubt.digit,
                        "probabilities": [round(float(v), 6) for v in p],
                        "doubt": doubt.unsure, "reason": doubt.reason, "novelty": round(doubt.novelty, 4)})
    if args.json:
        print(json.dumps(results))
    else:
        for r in results:
            probs = "  ".join(f"{d}:{v:.3f}" for d, v in enumerate(r["probabilities"]))
            print(f"{r['file']} drawing {r['drawing']}: {r['digit']}   ({probs})"
                  + (f"   not sure: {r['reason']}" if r["doubt"] else ""))
    return 0


def _short(v: float) -> float:
    return float(f"{v:.5g}")


def _ascii_map(a, x) -> list[str]:
    """28 text rows: + and - where the attribution is strong, . for the rest of the ink."""
    top = float(abs(a).max()) or 1.0
    return ["".join("+" if v > 0.25 * top else "-" if v < -0.25 * top else "." if i > 0.2 else " "
                    for v, i in zip(row_a, row_x)) for row_a, row_x in zip(a, x)]


def cmd_explain(args: argparse.Namespace) -> int:
    from pathlib import Path

    import numpy as np

    from .core import explain
    from .core.inspect import inspect
    from .images import read_gray  # Qt's image readers, as for predict
    model = checkpoint.load(args.model).model
    if model.sizes[0] != 28 * 28:
        raise ConfigError(f"the model takes {model.sizes[0]} inputs, not a 28x28 digit")
    n_out = model.sizes[-1]
    if args.target is not None and not 0 <= args.target < n_out:
        raise ConfigError(f"--target must be a digit from 0 to {n_out - 1}, got {args.target}")
    if args.steps < 1:
        raise ConfigError(f"--steps must be at least 1, got {args.steps}")
    png_dir = Path(args.png) if args.png else None
    if png_dir is not None:
        png_dir.mkdir(parents=True, exist_ok=True)
    results, written = [], set()
    for path in args.images:
        x = prepare_digit(read_gray(path)).reshape(-1)
        p = model.predict_proba(x.reshape(1, -1))[0]
        digit = int(p.argmax())
        target = digit if args.target is None else args.target
        ins = inspect(model, x, target)  # one forward and backward pass, which both answers read
        a = explain.attribution_map(ins, target, args.method, args.steps).reshape(28, 28)
        r = {"file": path, "digit": digit, "probabilities": [round(float(v), 6) for v in p],
             "target": target, "method": args.method,
             "input": [[round(float(v), 6) for v in row] for row in x.reshape(28, 28)],
             "attribution": [[_short(v) for v in row] for row in a],
             "top_units": [{**u, "activation": _short(u["activation"]), "contribution": _short(u["contribution"])}
                           for u in explain.top_units(ins, target)]}
        if png_dir is not None:
            from .gui.report import save_explanation  # draws with Qt: only this option loads it
            name, n = f"{Path(path).stem}-explain", 1
            while name in written:
                n += 1
                name = f"{Path(path).stem}-explain-{n}"
            written.add(name)
            r["png"] = str(save_explanation(png_dir / f"{name}.png", x.reshape(28, 28), a, digit, float(p[digit]),
                                            target, args.method, args.lang))
        results.append(r)
    if args.json:
        print(json.dumps(results))
        return 0
    for r in results:
        print(f"{r['file']}: {r['digit']} (p = {r['probabilities'][r['digit']]:.3f}); "
              f"explaining {r['target']} (p = {r['probabilities'][r['target']]:.3f}) by {r['method']}")
        print("  pixels raising (+) and lowering (-) log p of the digit:")
        for line in _ascii_map(np.array(r["attribution"]), np.array(r["input"])):
            print("    " + line)
        print("  hidden units raising its logit most (layer:unit activation x effect = contribution):")
        for u in r["top_units"][:10]:
            print(f"    {u['layer']}:{u['unit']:<4d} {u['activation']:8.3f}  {u['contribution']:+.3f}")
        if "png" in r:
            print(f"  picture: {r['png']}")
    return 0


def cmd_backprop(args: argparse.Namespace) -> int:
    """One example through the network and back: JSON keys forward, loss, backward, gradient_check, update."""
    from .core.backprop import Walkthrough, summary
    from .core.data import scale_images
    from .core.inspect import inspect
    model = checkpoint.load(args.model).model
    n_out = model.sizes[-1]
    if args.label is not None and not 0 <= args.label < n_out:
        raise ConfigError(f"--label must be a digit from 0 to {n_out - 1}, got {args.label}")
    if not (args.lr > 0 and math.isfinite(args.lr)):
        raise ConfigError(f"--lr must be a number above 0, got {args.lr}")
    if args.mistake is not None and len(model.layers) < 2:
        raise ConfigError(f"--mistake {args.mistake} needs a network with a hidden layer")
    if args.index is not None:
        data = load_dataset(args.data)
        if not 0 <= args.index < len(data.y_test):
            raise ConfigError(f"--index must be from 0 to {len(data.y_test) - 1}, got {args.index}")
        x = scale_images(data.x_test[args.index]).reshape(-1)
        label = int(data.y_test[args.index]) if args.label is None else args.label
        source = {"index": args.index}
    else:
        from .images import read_gray  # Qt's image readers, as for predict
        x = prepare_digit(read_gray(args.image)).reshape(-1)
        label, source = args.label, {"image": args.image}
    if len(x) != model.sizes[0]:
        raise ConfigError(f"the model takes {model.sizes[0]} inputs, not {len(x)}")
    walk = Walkthrough(inspect(model, x, label), args.lr, args.mistake)
    update = walk.update()
    rounded = lambda p: [round(float(v), 6) for v in p]  # noqa: E731
    out = {**source, "label": walk.ins.t, "digit": int(walk.ins.y.argmax()), "lr": args.lr, "mistake": args.mistake,
           "forward": {k: summary(v, args.full) for k, v in walk.forward().items()},
           "loss": walk.ins.E,
           "backward": {k: summary(v, args.full) for k, v in walk.backward().items()},
           "gradient_check": walk.gradient_checks(),
           "update": {"loss_before": update.loss_before, "loss_after": update.loss_after,
                      "p_before": rounded(update.p_before), "p_after": rounded(update.p_after)}}
    if args.json:
        print(json.dumps(out))
        return 0
    what = f"test image {args.index}" if args.index is not None else args.image
    print(f"{what}: read as {out['digit']}, label t = {out['label']}, learning rate {args.lr}"
          + (f", mistake {args.mistake}" if args.mistake else ""))
    for c in walk.cards:
        line = f"  {c.phase:8s} {c.formula:28s} {str(c.shape):12s}"
        if c.value.ndim:
            s = summary(c.value)
            line += f" min {s['min']:+.4g}  max {s['max']:+.4g}  norm {s['norm']:.4g}"
        else:
            line += f" {float(c.value):.6g}"
        if c.name in out["gradient_check"]:
            err = out["gradient_check"][c.name]
            line += f"   check {err:.1e}" + ("" if err <= 1e-6 else "  <- does not match the loss's slope")
        print(line)
    u = out["update"]
    print(f"  after the update: loss {u['loss_before']:.4f} -> {u['loss_after']:.4f}, "
          f"p({out['label']}) {u['p_before'][out['label']]:.4f} -> {u['p_after'][out['label']]:.4f}")
    return 0


def cmd_experiments(args: argparse.Namespace) -> int:
    """The course's experiments; each run as `mlpviz train` options would set it up."""
    if args.json:
        print(json.dumps({"experiments": [e.to_dict() for e in EXPERIMENTS]}))
        return 0
    for e in EXPERIMENTS:
        print(f"{e.key}: {e.title}")
        for r in e.runs:
            extra = (f", first {r.train_limit} training images" if r.train_limit else "") + \
                (f", mistake {r.variant}" if r.variant else "")
            changes = ", ".join(f"{k}={v}" for k, v in r.changes.items() if k != "steps")
            print(f"  - {r.label}: {changes}{extra}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """The template, or the check of the learner's file (run in a child process, never imported here)."""
    if args.template:
        text = checkcode.template_text()
        out = getattr(sys.stdout, "buffer", None)
        if out is None:
            sys.stdout.write(text)
        else:  # UTF-8 whatever the console's code page: the template's comments are Korean
            sys.stdout.flush()
            out.write(text.encode("utf-8"))
            out.flush()
        return 0
    if args.file is None:
        raise UsageError("mlpviz check: give your file, or --template to write one (see --help)")
    if args.steps < 0 or not args.timeout > 0:
        raise ConfigError("--steps must be 0 or more and --timeout above 0")
    report = checkcode.check_code(args.file, steps=args.steps, timeout=args.timeout)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        print("\n".join(report.text_lines()))
    return 0 if report.ok else 1


def cmd_gui(args: argparse.Namespace) -> int:
    """Check the files named before any window opens, then launch the app with them."""
    if args.model is not None:
        checkpoint.load(args.model)  # a missing or broken file is reported here, in one line
    if args.data is not None and not Path(args.data).exists():
        raise DataError(f"{args.data}: no such folder or file")
    if args.lesson is not None:
        lessons.load(args.lesson)  # a broken lesson is reported here, in one line naming step and field
    return launch_gui(model_path=args.model, data_source=args.data, preset=args.preset, lesson_path=args.lesson)


def launch_gui(model_path: str | None = None, data_source: str | None = None, preset: str | None = None,
               lesson_path: str | None = None) -> int:
    """Open the desktop app (with a model file, a data source, a preset and a lesson, each optional)."""
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        print("mlpviz: error: no display to open the window on (DISPLAY is not set); "
              "the command line works without one: see mlpviz --help", file=sys.stderr)
        return 1
    try:
        from .gui.app import run
    except ImportError as e:
        print(f"mlpviz: the desktop app cannot start: {e}", file=sys.stderr)
        return 1
    lesson = {"lesson_path": lesson_path} if lesson_path else {}  # only when given: other launches call run as before
    return run(model_path=model_path, data_source=data_source, preset=preset, **lesson)


def limit_blas_threads(sizes: tuple[int, ...] | None = None, batch_size: int = 1) -> int:
    """Set NumPy's BLAS thread count and return it: MLPVIZ_BLAS_THREADS if set, else one, or for
    headless training of layers `sizes` whatever trains those shapes fastest on the machine as
    busy as it is now (blas_threads_for).

    Small matrices lose more to hand-offs between threads than they gain, and the desktop app
    needs a core of its own to keep drawing while it trains, so it stays at one.
    """
    from threadpoolctl import threadpool_limits
    env = os.environ.get("MLPVIZ_BLAS_THREADS")
    if env:
        n = int(env)
    elif sizes is not None:
        n = blas_threads_for(sizes, batch_size, load=load_average())
    else:
        n = 1
    threadpool_limits(n, user_api="blas")
    return n


def main(argv: list[str] | None = None) -> int:
    limit_blas_threads()
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        if argv and (argv[0].lower().endswith(".npz") or argv[0].split("=")[0] in ("--data", "--preset", "--lesson")):
            argv = ["gui", *argv]  # `mlpviz MODEL.npz`, `mlpviz --data DIR`: the app, as with no command
        args = _parser().parse_args(argv)
        if args.command is None:
            return launch_gui()
        commands = {"gui": cmd_gui, "train": cmd_train, "evaluate": cmd_evaluate, "predict": cmd_predict,
                    "explain": cmd_explain, "backprop": cmd_backprop, "check": cmd_check,
                    "experiments": cmd_experiments}
        return commands[args.command](args)
    except UsageError as e:
        print(e, file=sys.stderr)
        return 2
    except USER_ERRORS as e:
        print(f"mlpviz: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("mlpviz: interrupted", file=sys.stderr)
        return 130
    finally:
        limit_blas_threads()  # back to one thread for whatever runs next in this process


def main_exit() -> None:
    """Entry point of the `mlpviz` command."""
    sys.exit(main())
