"""bench_sensing.py OUT.tsv [quick] [gd] -- the numpy reference for tests/bench_sensing.c.

Sensing GD written plainly, as a researcher would: the measurement operator as one dense m x n^2
matrix, A(Z) = Amat @ Z.ravel(), A*(z) = (Amat.T @ z).reshape(n, n), and the GD loop.  Same sizes,
k = n, rank 2, mu as in the C benchmark; times are medians of several iterations (monotonic clock).
Also A and A* alone, in bytes of the dense matrix per second.  Single-threaded BLAS: the caller sets
OPENBLAS_NUM_THREADS=1; the BLAS actually loaded is named in the output (from /proc/self/maps).
"""
import os
import re
import sys
import time

import numpy as np


def median_time(fn, reps):
    fn()  # warm up
    ts = []
    for _ in range(reps):
        t0 = time.clock_gettime(time.CLOCK_MONOTONIC)
        fn()
        ts.append(time.clock_gettime(time.CLOCK_MONOTONIC) - t0)
    return float(np.median(ts))


def operator(n, m, rng):
    """A_i = (G_i + G_i^T)/2 / sqrt(m), stored as the rows of an m x n^2 matrix (in chunks of rows
    so that the symmetrization does not double the peak memory)."""
    Amat = rng.standard_normal((m, n * n))
    for i in range(0, m, 256):
        blk = Amat[i:i + 256].reshape(-1, n, n)
        blk += blk.transpose(0, 2, 1).copy()
        blk *= 0.5 / np.sqrt(m)
    return Amat


def main():
    out = open(sys.argv[1], "w")
    quick = "quick" in sys.argv[2:]
    # "gd": the part run in turn with bench_sensing's part "gd" (tests/bench.sh); it is the whole
    # reference (generating the dense operator takes longer than measuring it), so it is not run
    # otherwise.

    def row(name, value, unit):
        out.write(f"{name}\t{value:.6g}\t{unit}\t-\t-\t{'hi' if unit == 'B/s' else 'lo'}\n")
        out.flush()
        print(f"  {name:34s} {value:12.6g} {unit}", file=sys.stderr)

    blas = sorted({l.split()[-1] for l in open("/proc/self/maps") if re.search(r"blas|lapack", l)})
    print("  numpy", np.__version__, "BLAS:", ", ".join(os.path.basename(b) for b in blas),
          "OPENBLAS_NUM_THREADS =", os.environ.get("OPENBLAS_NUM_THREADS"), file=sys.stderr)
    rng = np.random.default_rng(1)
    sizes = [(40, 400), (100, 5000), (200, 20000)]
    for n, m in sizes[:1] if quick else sizes:
        Amat = operator(n, m, rng)
        X = np.linalg.qr(rng.standard_normal((n, 2)))[0] * np.array([1.0, 0.5])
        y = Amat @ (X @ X.T).ravel()
        U = 0.1 / np.sqrt(n) * rng.standard_normal((n, n))
        mu = 1e-3
        z = y.copy()
        nbytes = Amat.nbytes
        row(f"numpy.sensing.apply.n{n}.m{m}", nbytes / median_time(lambda: Amat @ (X @ X.T).ravel(), 5), "B/s")
        row(f"numpy.sensing.adjoint.n{n}.m{m}", nbytes / median_time(lambda: (Amat.T @ z).reshape(n, n), 5), "B/s")

        def gd_step():
            nonlocal U
            r = Amat @ (U @ U.T).ravel() - y
            G = (Amat.T @ r).reshape(n, n)
            U = U - mu * G @ U
            return 0.25 * r @ r

        row(f"numpy.sensing.gd.n{n}.m{m}", median_time(gd_step, 7), "s/iter")
        del Amat
    out.close()


main()
