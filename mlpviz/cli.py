"""Command line: `mlpviz [gui] | train | evaluate | predict`."""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time

from . import __version__
from .core import checkpoint, evaluation
from .core.config import PRESETS, Config, ConfigError
from .core.data import DataError, load_dataset
from .core.preprocess import EmptyImage, prepare_digit
from .core.trainer import Diverged, EpochRecord, Trainer, evaluate

USER_ERRORS = (DataError, ConfigError, checkpoint.CheckpointError, EmptyImage, Diverged, OSError)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _hidden(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(w) for w in text.replace(" ", "").split(",") if w)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated widths such as 256,128, got {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="mlpviz", description="Watch a NumPy multi-layer perceptron learn MNIST.")
    ap.add_argument("--version", action="version", version=f"mlpviz {__version__}")
    sub = ap.add_subparsers(dest="command", parser_class=_Parser)
    sub.add_parser("gui", help="launch the desktop app (the default)")

    t = sub.add_parser("train", help="train headless",
                       description="Train headless. A preset sets every option; explicit options override it.")
    t.add_argument("--preset", choices=PRESETS, default="course",
                   help="course: 784-50-10 sigmoid, SGD (default); keras: the course's Keras model; "
                        "fast: 784-256-128-10 ReLU, Adam, ten seconds; best: 784-512-256-10, shifted images, "
                        "under a minute")
    t.add_argument("--hidden", type=_hidden, help="hidden layer widths, e.g. 256,128")
    t.add_argument("--activation", help="sigmoid, tanh, relu or leaky_relu")
    t.add_argument("--loss", help="cross_entropy or mse")
    t.add_argument("--init", help="normal, xavier or he")
    t.add_argument("--init-std", type=float, help="standard deviation for --init normal")
    t.add_argument("--optimizer", help="sgd, momentum or adam")
    t.add_argument("--lr", type=float, help="learning rate")
    t.add_argument("--momentum", type=float, help="momentum coefficient (--optimizer momentum)")
    t.add_argument("--weight-decay", type=float, help="L2 weight decay")
    t.add_argument("--lr-decay", type=float, help="factor applied to the learning rate after each epoch")
    t.add_argument("--shift", type=int, help="augment: move training images by up to N pixels")
    t.add_argument("--batch-size", type=int, help="mini-batch size")
    length = t.add_mutually_exclusive_group()
    length.add_argument("--epochs", type=float, help="passes over the training set")
    length.add_argument("--steps", type=int, help="mini-batch updates")
    t.add_argument("--seed", type=int, help="random seed (same seed and options: identical weights)")
    t.add_argument("--dtype", choices=("float32", "float64"))
    t.add_argument("--data", help="folder of MNIST-format IDX files, or a mnist.npz (default: bundled MNIST)")
    t.add_argument("--train-limit", type=int, metavar="N", help="use only the first N training images")
    t.add_argument("--save", metavar="FILE", help="write the trained model to FILE (.npz)")
    t.add_argument("--json", action="store_true", help="print one JSON object with the results")

    e = sub.add_parser("evaluate", help="test a saved model")
    e.add_argument("--model", required=True, metavar="FILE")
    e.add_argument("--data", help="folder of IDX files or a .npz (default: bundled MNIST)")
    e.add_argument("--json", action="store_true")
    e.add_argument("--report", metavar="DIR",
                   help="write the figures (PNG) and an index.html showing them with the numbers into DIR")

    p = sub.add_parser("predict", help="read digits from image files")
    p.add_argument("--model", required=True, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="PNG, JPEG, BMP or PGM of one digit")
    return ap


def resolve_config(args: argparse.Namespace) -> Config:
    """The preset with every explicitly given option applied over it."""
    config = PRESETS[args.preset]
    changes = {k: v for k, v in vars(args).items()
               if v is not None and k in Config.__dataclass_fields__}
    if args.epochs is not None:
        changes["steps"] = None
    if args.steps is not None:
        changes["epochs"] = None
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


def cmd_train(args: argparse.Namespace) -> int:
    config = resolve_config(args)
    data = load_dataset(args.data).limit_train(args.train_limit)
    trainer = Trainer.from_config(config, data)
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
    result = {
        "test_accuracy": final.test_accuracy, "test_loss": final.test_loss,
        "train_accuracy": final.train_accuracy, "train_loss": final.train_loss,
        "epochs": round(trainer.epoch_progress, 4), "steps": trainer.step_count,
        "train_seconds": round(trainer.train_seconds, 3),
        "samples_per_second": round(trainer.samples_per_second, 1),
        "config": config.to_dict(), "dataset": data.name, "train_images": len(data.y_train),
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
    if model.sizes[0] != data.input_size:
        raise ConfigError(f"the model takes {model.sizes[0]} inputs but the images of {data.name} "
                          f"have {data.input_size} pixels")
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
        from .report import write_report  # draws with Qt: only this option loads it
        result["report"] = str(write_report(args.report, model, data, ev, result))
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{data.name} test set, {len(labels)} images: accuracy {ev.accuracy:.4f}, loss {ev.loss:.4f}")
    print("confusion (rows: true digit, columns: predicted; last: accuracy of the row):")
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
    from .images import read_gray  # Qt's image readers; only this command needs them
    model = checkpoint.load(args.model).model
    if model.sizes[0] != 28 * 28:
        raise ConfigError(f"the model takes {model.sizes[0]} inputs, not a 28x28 digit")
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


def launch_gui() -> int:
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
    return run()


def limit_blas_threads() -> None:
    """One BLAS thread unless MLPVIZ_BLAS_THREADS says otherwise.

    These networks' matrices are small: a second BLAS thread made training slower on a
    two-core machine (course preset 244k vs 292k images/s, fast 53k vs 57k), and the desktop
    app needs a core for the GUI.
    """
    from threadpoolctl import threadpool_limits
    threadpool_limits(int(os.environ.get("MLPVIZ_BLAS_THREADS", "1")), user_api="blas")


def main(argv: list[str] | None = None) -> int:
    from .images import ImageError
    limit_blas_threads()
    try:
        args = _parser().parse_args(argv)
        if args.command in (None, "gui"):
            return launch_gui()
        return {"train": cmd_train, "evaluate": cmd_evaluate, "predict": cmd_predict}[args.command](args)
    except UsageError as e:
        print(e, file=sys.stderr)
        return 2
    except (*USER_ERRORS, ImageError) as e:
        print(f"mlpviz: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("mlpviz: interrupted", file=sys.stderr)
        return 130


def main_exit() -> None:
    """Entry point of the `mlpviz` command."""
    sys.exit(main())
