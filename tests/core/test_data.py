"""IDX and .npz parsing: the bundled MNIST, and files that are wrong in every way we know."""
import gzip
import hashlib
import struct

import numpy as np
import pytest

from mlpviz.core.data import MIN_TRAIN_IMAGES, MNIST_DIR, DataError, load_dataset, load_idx_folder, load_npz, read_idx


def idx_bytes(array: np.ndarray) -> bytes:
    magic = 0x0801 if array.ndim == 1 else 0x0803
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in array.shape) + \
        array.astype(np.uint8).tobytes()


def write_set(folder, n_train=5, n_test=3, shape=(28, 28), compress=True, **overrides):
    """Write the four IDX files; overrides replace a file's bytes by name."""
    rng = np.random.default_rng(0)
    files = {
        "train-images-idx3-ubyte": idx_bytes(rng.integers(0, 256, (n_train, *shape))),
        "train-labels-idx1-ubyte": idx_bytes(rng.integers(0, 10, n_train)),
        "t10k-images-idx3-ubyte": idx_bytes(rng.integers(0, 256, (n_test, *shape))),
        "t10k-labels-idx1-ubyte": idx_bytes(rng.integers(0, 10, n_test)),
    }
    files.update(overrides)
    for name, data in files.items():
        if compress:
            (folder / (name + ".gz")).write_bytes(gzip.compress(data))
        else:
            (folder / name).write_bytes(data)
    return folder


def test_bundled_mnist_is_complete_and_intact(mnist):
    assert mnist.x_train.shape == (60000, 784) and mnist.x_test.shape == (10000, 784)
    assert mnist.x_train.dtype == np.uint8 and mnist.image_shape == (28, 28)
    assert list(mnist.y_train[:10]) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert list(mnist.y_test[:10]) == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert list(np.bincount(mnist.y_train)) == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]


def test_bundled_files_match_the_checksums_in_their_notice():
    notice = (MNIST_DIR / "NOTICE.md").read_text()
    sums = dict(line.split()[::-1] for line in notice.splitlines()
                if len(line.split()) == 2 and len(line.split()[0]) == 64)
    assert len(sums) == 4
    for name, digest in sums.items():
        raw = gzip.decompress((MNIST_DIR / (name + ".gz")).read_bytes())
        assert hashlib.sha256(raw).hexdigest() == digest, name


@pytest.mark.parametrize("compress", [True, False])
def test_reads_plain_and_gzip_folders(tmp_path, compress):
    data = load_idx_folder(write_set(tmp_path, compress=compress))
    assert data.x_train.shape == (5, 784) and data.y_test.shape == (3,)


def test_other_image_sizes_set_the_input_size(tmp_path):
    data = load_idx_folder(write_set(tmp_path, shape=(8, 6)))
    assert data.image_shape == (8, 6) and data.input_size == 48


BAD_FILES = {
    "wrong magic": ({"train-labels-idx1-ubyte": b"\x00\x00\x09\x01" + b"\x00" * 8}, "magic number"),
    "truncated payload": ({"train-images-idx3-ubyte": idx_bytes(np.zeros((5, 28, 28)))[:-10]},
                          "truncated"),
    "trailing bytes": ({"t10k-labels-idx1-ubyte": idx_bytes(np.zeros(3)) + b"\x01"}, "trailing"),
    "count mismatch": ({"train-labels-idx1-ubyte": idx_bytes(np.zeros(4))}, "5 images but 4 labels"),
    "label out of range": ({"t10k-labels-idx1-ubyte": idx_bytes(np.array([1, 2, 12]))}, "out of range"),
    "a training label of 10": ({"train-labels-idx1-ubyte": idx_bytes(np.array([1, 2, 10, 3, 4]))},
                               r"train-images-idx3-ubyte.gz / train-labels-idx1-ubyte.gz in .*: label 10 out of "
                               r"range 0-9$"),
    "labels where images belong": ({"train-images-idx3-ubyte": idx_bytes(np.zeros(5))}, "holds labels"),
    "too short": ({"train-images-idx3-ubyte": b"\x00\x00"}, "too short"),
    "truncated header": ({"train-images-idx3-ubyte": b"\x00\x00\x08\x03\x00\x00"}, "truncated header"),
    "empty set": ({"train-images-idx3-ubyte": idx_bytes(np.zeros((0, 28, 28))),
                   "train-labels-idx1-ubyte": idx_bytes(np.zeros(0))}, "no images"),
    "test size differs": ({"t10k-images-idx3-ubyte": idx_bytes(np.zeros((3, 20, 20)))}, "28x28"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_idx_files_are_named_and_explained(tmp_path, case):
    overrides, message = BAD_FILES[case]
    write_set(tmp_path, **overrides)
    with pytest.raises(DataError, match=message):
        load_idx_folder(tmp_path)


def test_gz_that_is_not_gzip(tmp_path):
    (tmp_path / "x.gz").write_bytes(idx_bytes(np.zeros(3)))
    with pytest.raises(DataError, match="x.gz: named .gz but is not gzip"):
        read_idx(tmp_path / "x.gz")


def test_truncated_gzip(tmp_path):
    noise = np.random.default_rng(0).integers(0, 256, (9, 28, 28))  # incompressible
    (tmp_path / "x.gz").write_bytes(gzip.compress(idx_bytes(noise))[:2000])
    with pytest.raises(DataError, match="corrupt or truncated gzip"):
        read_idx(tmp_path / "x.gz")


def test_missing_folder_and_file(tmp_path):
    with pytest.raises(DataError, match="folder not found|no such folder"):
        load_dataset(tmp_path / "nope")
    with pytest.raises(DataError, match="no train-images-idx3-ubyte"):
        load_idx_folder(tmp_path)


def test_keras_npz(tmp_path):
    rng = np.random.default_rng(0)
    np.savez(tmp_path / "mnist.npz", x_train=rng.integers(0, 256, (6, 28, 28), dtype=np.uint8),
             y_train=np.arange(6, dtype=np.uint8), x_test=np.zeros((2, 28, 28), np.uint8),
             y_test=np.array([3, 4], np.uint8))
    data = load_dataset(tmp_path / "mnist.npz")
    assert data.x_train.shape == (6, 784) and list(data.y_test) == [3, 4]


def test_npz_with_missing_keys_or_wrong_dtype(tmp_path):
    np.savez(tmp_path / "a.npz", x_train=np.zeros((2, 28, 28), np.uint8))
    with pytest.raises(DataError, match="missing arrays y_train, x_test, y_test"):
        load_npz(tmp_path / "a.npz")
    np.savez(tmp_path / "b.npz", x_train=np.zeros((2, 28, 28), np.float32), y_train=np.zeros(2, np.uint8),
             x_test=np.zeros((1, 28, 28), np.uint8), y_test=np.zeros(1, np.uint8))
    with pytest.raises(DataError, match="x_train has dtype float32"):
        load_npz(tmp_path / "b.npz")


@pytest.mark.parametrize("label", [-1, 10, 300])
def test_npz_labels_outside_the_digits_are_named_as_labels(tmp_path, label):
    # Stored wider than uint8, a label of -1 or 300 was reported as "values outside 0-255", and
    # one of -1 would have become 255 had it been cast first.
    np.savez(tmp_path / "m.npz", x_train=np.zeros((3, 28, 28), np.uint8), y_train=np.array([1, label, 3]),
             x_test=np.zeros((2, 28, 28), np.uint8), y_test=np.array([1, 2]))
    with pytest.raises(DataError) as e:
        load_npz(tmp_path / "m.npz")
    assert str(e.value) == f"x_train/y_train in {tmp_path / 'm.npz'}: label {label} out of range 0-9"


def test_npz_that_is_not_a_zip(tmp_path):
    (tmp_path / "c.npz").write_bytes(b"hello")
    with pytest.raises(DataError, match="not a readable .npz"):
        load_npz(tmp_path / "c.npz")


def test_train_limit(small):
    assert len(small.limit_train(MIN_TRAIN_IMAGES).y_train) == MIN_TRAIN_IMAGES == 100
    assert small.limit_train(None) is small and small.limit_train(10**6) is small
    for n in (99, 0, -5):
        with pytest.raises(DataError, match="at least 100 training images"):
            small.limit_train(n)
