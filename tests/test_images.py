"""Image files for `predict` and images for the pad: every odd case gets an answer."""
import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from mlpviz.cli import main
from mlpviz.core.preprocess import EmptyImage, prepare_digit
from mlpviz.images import ImageError, read_gray


def gray_image(a: np.ndarray, fmt=QImage.Format.Format_Grayscale8) -> QImage:
    a = np.ascontiguousarray(a)
    h, w = a.shape
    return QImage(a.data, w, h, a.strides[0], fmt).copy()


def seven(size=200, ink=0, paper=255) -> np.ndarray:
    a = np.full((size, size), paper, np.uint8)
    a[size // 5:size // 5 + size // 12, size // 4:3 * size // 4] = ink
    for i in range(size // 2):
        c = 3 * size // 4 - i // 3
        a[size // 5 + i, c - size // 20:c + size // 20] = ink
    return a


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("m") / "m.npz"
    assert main(["train", "--steps", "50", "--train-limit", "2000", "--save", str(path)]) == 0
    return str(path)


IMAGES = {
    "png dark on light": lambda p: gray_image(seven()).save(str(p / "a.png")),
    "jpeg": lambda p: gray_image(seven()).save(str(p / "a.jpg")),
    "bmp": lambda p: gray_image(seven()).save(str(p / "a.bmp")),
    "pgm light on dark": lambda p: gray_image(255 - seven()).save(str(p / "a.pgm")),
    "16-bit png": lambda p: gray_image((seven().astype(np.uint16) * 257), QImage.Format.Format_Grayscale16)
    .save(str(p / "a.png")),
    "tiny 3x3 with a dot": lambda p: gray_image(np.array([[0, 0, 0], [0, 255, 0], [0, 0, 0]], np.uint8))
    .save(str(p / "a.png")),
}


@pytest.mark.parametrize("case", list(IMAGES))
def test_readable_images_give_a_digit(tmp_path, capsys, model_file, case):
    IMAGES[case](tmp_path)
    (path,) = list(tmp_path.iterdir())
    gray = read_gray(path)
    assert gray.ndim == 2 and gray.dtype == np.float32 and 0 <= gray.min() <= gray.max() <= 1
    code = main(["predict", "--model", model_file, "--json", str(path)])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and '"digit"' in out


def test_rgba_ink_on_a_transparent_sheet_is_read_by_its_opacity(tmp_path):
    img = QImage(120, 120, QImage.Format.Format_ARGB32)
    img.fill(QColor(0, 0, 0, 0))
    p = QPainter(img)
    p.setPen(QPen(QColor(255, 255, 255, 255), 12))  # white ink: invisible over white paper
    p.drawLine(60, 15, 60, 105)
    p.end()
    img.save(str(tmp_path / "a.png"))
    out = prepare_digit(read_gray(tmp_path / "a.png"))
    assert out.max() == 1 and out[:, 14].sum() > out[:, 4].sum()  # a vertical stroke in the middle


BAD = {
    "blank": (lambda p: gray_image(np.full((40, 40), 255, np.uint8)).save(str(p / "a.png")), 1, "no ink"),
    "full ink": (lambda p: gray_image(np.zeros((40, 40), np.uint8)).save(str(p / "a.png")), 1, "no ink"),
    "1x1": (lambda p: gray_image(np.zeros((1, 1), np.uint8)).save(str(p / "a.png")), 1, "no ink"),
    "text file": (lambda p: (p / "a.png").write_text("hello"), 1, "not a readable image"),
    "unsupported format": (lambda p: (p / "a.xyz").write_bytes(b"\x00\x01\x02\x03" * 50), 1, "not a readable image"),
    "missing": (lambda p: None, 1, "not found"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_images_get_one_line_and_an_exit_code(tmp_path, capsys, model_file, case):
    make, code_expected, message = BAD[case]
    make(tmp_path)
    files = list(tmp_path.iterdir()) or [tmp_path / "missing.png"]
    code = main(["predict", "--model", model_file, str(files[0])])
    out, err = capsys.readouterr()
    assert code == code_expected and message in err and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_huge_image_is_read_and_prepared(tmp_path):
    a = np.full((8000, 8000), 255, np.uint8)
    a[1000:7000, 3000:3600] = 0  # a "1", dark on light
    gray_image(a).save(str(tmp_path / "big.png"))
    out = prepare_digit(read_gray(tmp_path / "big.png"))
    assert out.shape == (28, 28) and out[:, 14].sum() > 10 and out[:, 3].sum() == 0


def test_a_huge_array_on_the_pad_path_is_cheap():
    a = np.zeros((8000, 8000), np.uint8)
    a[2000:6000, 3900:4100] = 255
    assert prepare_digit(a).shape == (28, 28)


def test_empty_arrays_are_reported():
    for a in (np.zeros((0, 5)), np.zeros(5)):
        with pytest.raises(ValueError):
            prepare_digit(a)
    with pytest.raises(EmptyImage):
        prepare_digit(np.full((5, 5), np.nan))


def test_read_gray_missing_file(tmp_path):
    with pytest.raises(ImageError, match="not found"):
        read_gray(tmp_path / "nope.png")
