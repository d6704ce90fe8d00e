"""How well could any reader do on the synthetic drawings of pad_drawings.py? A diagnostic: a
convolutional network, far stronger on images than a perceptron, trained on exactly what the
`best` preset learns from, then reading the same drawn sets; beside it the perceptrons given with
--model, and how many of their misread drawings the convolutional network misreads too.

If a much stronger reader misreads the same drawings, the drawings themselves (digits whose
shape the thinning lost) are the limit, not the perceptron. The convolutional network is not part
of mlpviz: it needs PyTorch (`pip install torch`), which only this script imports.

The network (LeNet-like): conv 5x5 32 -> ReLU -> max-pool 2 -> conv 5x5 64 -> ReLU -> max-pool 2
-> 1024 ReLU -> dropout 0.5 -> 10. Training: the `best` preset's augmentation, done by mlpviz's own
Augmenter on each batch (the pen with its kept skeletons), Adam lr 0.001 x0.85 per epoch, batch
128, 20 epochs, seed 0, one thread (about 25 minutes on this machine). Its weights are chosen
before any drawing is read, and the drawings are read once, after the last epoch.

    python benchmarks/pad_ceiling.py [--model FILE ...] [--fine 1,3] [--epochs 20] [--save W.pt | --load W.pt]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pad_drawings import check_sets, header, shares, table_row  # noqa: E402

from mlpviz.core import checkpoint  # noqa: E402
from mlpviz.core.augment import Augmenter  # noqa: E402
from mlpviz.core.config import PRESETS  # noqa: E402
from mlpviz.core.data import load_dataset  # noqa: E402

BATCH, LR, DECAY, SEED = 128, 1e-3, 0.85, 0


def convnet():
    import torch.nn as nn
    return nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                         nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(64 * 7 * 7, 1024), nn.ReLU(), nn.Dropout(0.5), nn.Linear(1024, 10))


def train(net, data, epochs: int) -> float:
    """Train net on the `best` preset's augmented batches; returns the seconds it took."""
    import torch
    import torch.nn.functional as F
    augment = Augmenter.from_config(PRESETS["best"], data.image_shape, data.x_train)
    rng = np.random.default_rng(SEED)
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    schedule = torch.optim.lr_scheduler.ExponentialLR(opt, DECAY)
    net.train()
    t0 = time.perf_counter()
    for epoch in range(epochs):
        order = rng.permutation(len(data.y_train))
        for start in range(0, len(order), BATCH):
            idx = order[start:start + BATCH]
            xb = data.x_train[idx].copy()
            augment(xb, rng, idx)
            loss = F.cross_entropy(net(torch.from_numpy(xb.astype(np.float32) / 255)),
                                   torch.from_numpy(data.y_train[idx].astype(np.int64)))
            opt.zero_grad()
            loss.backward()
            opt.step()
        schedule.step()
        print(f"epoch {epoch + 1}/{epochs}: {time.perf_counter() - t0:.0f} s", flush=True)
    return time.perf_counter() - t0


def probabilities(net):
    """The trained net as a reader: (k, 784) float inputs in [0, 1] -> (k, 10) probabilities."""
    import torch

    def predict_proba(x: np.ndarray) -> np.ndarray:
        net.eval()
        with torch.no_grad():
            return np.concatenate([torch.softmax(net(torch.from_numpy(np.asarray(x[i:i + 1000], np.float32))), 1)
                                   .numpy() for i in range(0, len(x), 1000)])
    return predict_proba


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", action="append", default=[], metavar="FILE",
                    help="a saved mlpviz model to read beside it")
    ap.add_argument("--fine", default="1,3",
                    help="the check sets: digits thinned at these enlargements (pad_drawings --fine)")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--save", metavar="W.pt", help="keep the trained network's weights")
    ap.add_argument("--load", metavar="W.pt", help="read with these weights instead of training")
    ap.add_argument("--cache", metavar="PREFIX", help="keep each drawn set in PREFIX-fineK.npz")
    args = ap.parse_args()
    import torch
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    threadpool_limits(1, user_api="blas")
    data = load_dataset()
    net = convnet()
    if args.load:
        net.load_state_dict(torch.load(args.load))
        label = f"convnet ({Path(args.load).name})"
    else:
        label = f"convnet ({train(net, data, args.epochs):.0f} s)"
        if args.save:
            torch.save(net.state_dict(), args.save)
    readers = [(label, probabilities(net))]
    readers += [(Path(p).name, checkpoint.load(p).model.predict_proba) for p in args.model]
    y = data.y_test.astype(np.intp)
    test = [float((read(data.x_test / np.float32(255)).argmax(1) == y).mean()) for _, read in readers]
    for fine in (int(k) for k in args.fine.split(",")):
        sets = check_sets(data, fine=fine, cache=f"{args.cache}-fine{fine}.npz" if args.cache else None)
        print(f"\ndigits thinned {'as they are (28x28)' if fine == 1 else f'{fine}x enlarged'}")
        print(header("reader"))
        for (name, read), acc in zip(readers, test):
            print(table_row(name, acc, shares(read, sets, y)), flush=True)
        # The drawings misread by the convnet and by each perceptron: shared errors are the set's.
        wrong = [read(sets["strokes"]).argmax(1) != y[:len(sets["strokes"])] for _, read in readers]
        for (name, _), w in zip(readers[1:], wrong[1:]):
            print(f"strokes misread: {name} {w.sum()}, convnet {wrong[0].sum()}, both {(w & wrong[0]).sum()}")


if __name__ == "__main__":
    main()
