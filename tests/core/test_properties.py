"""Property tests: the preprocessing and the IDX parser never fail in an unplanned way."""
import gzip

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mlpviz.core.data import DataError, read_idx
from mlpviz.core.preprocess import EmptyImage, prepare_digit

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False, width=32)
images = arrays(np.float32, st.tuples(st.integers(1, 60), st.integers(1, 60)), elements=finite)
sparse = arrays(np.uint8, st.tuples(st.integers(1, 80), st.integers(1, 80)),
                elements=st.sampled_from([0, 0, 0, 0, 255, 128, 7]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(images, sparse))
def test_prepare_digit_gives_a_valid_input_or_says_empty(image):
    try:
        out = prepare_digit(image)
    except EmptyImage:
        return
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert np.isfinite(out).all() and out.min() >= 0 and out.max() <= 1
    assert out.max() > 0


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.booleans())
def test_random_bytes_raise_only_the_parsers_error(tmp_path_factory, payload, compress):
    path = tmp_path_factory.mktemp("idx") / ("f.gz" if compress else "f")
    path.write_bytes(gzip.compress(payload) if compress else payload)
    try:
        a = read_idx(path)
    except DataError:
        return
    assert a.dtype == np.uint8  # a valid file: its header and size agreed


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=0, max_size=4), st.integers(-2, 2),
       st.one_of(st.none(), st.integers(0, 40)))
def test_headers_with_random_dimensions(tmp_path_factory, dims, size_error, cut):
    """A header's dimensions are read as the array's shape when the file holds exactly that many
    bytes after it; any other file (wrong rank, short or long payload, cut header) is refused."""
    n = int(np.prod(dims, dtype=np.int64))
    payload = (np.arange(max(0, n + size_error)) % 251).astype(np.uint8).tobytes()
    body = b"\x00\x00\x08" + bytes([len(dims)]) + b"".join(d.to_bytes(4, "big") for d in dims) + payload
    if cut is not None:
        body = body[:cut]
    path = tmp_path_factory.mktemp("idx") / "f"
    path.write_bytes(body)
    if len(dims) in (1, 3) and len(body) == 4 + 4 * len(dims) + n:
        a = read_idx(path)
        assert a.shape == tuple(dims) and a.dtype == np.uint8 and a.tobytes() == body[4 + 4 * len(dims):]
    else:
        with pytest.raises(DataError):
            read_idx(path)
