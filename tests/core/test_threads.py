"""The BLAS thread count chosen by the shapes of a network."""
from mlpviz.core.threads import blas_threads_for


def test_small_networks_keep_one_thread_large_ones_take_two():
    assert blas_threads_for((784, 50, 10), 100, cores=2) == 1
    assert blas_threads_for((784, 256, 128, 10), 256, cores=2) == 2
    assert blas_threads_for((784, 512, 256, 10), 256, cores=8) == 2
    assert blas_threads_for((784, 512, 256, 10), 256, cores=1) == 1
    assert blas_threads_for((784, 10), 1, cores=2) == 1


def test_a_busy_machine_keeps_one_thread():
    assert blas_threads_for((784, 256, 128, 10), 256, cores=2, load=0.2) == 2
    assert blas_threads_for((784, 256, 128, 10), 256, cores=2, load=1.0) == 1
    assert blas_threads_for((784, 256, 128, 10), 256, cores=8, load=5.0) == 2
