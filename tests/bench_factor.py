"""bench_factor.py OUT.tsv [gd] [quick] -- the numpy reference for tests/bench_factor.c.

Factorization GD written plainly: loss 1/2 ||F G^T - X||_F^2, R = F @ G.T - X, gradients R @ G and
R.T @ F, the loss and the gradient norms of each step (as lib/factor's mf_step reports them), then
the update; m = n, k = 2n; median of several iterations (monotonic clock).
"""
import sys
import time

import numpy as np


def main():
    out = open(sys.argv[1], "w")
    quick = "quick" in sys.argv[2:]
    rng = np.random.default_rng(1)
    for n in [20, 100] if quick else [20, 100, 400, 1000]:
        k = 2 * n
        X = rng.standard_normal((n, n))
        F = 1e-3 * rng.standard_normal((n, k))
        G = 1e-3 * rng.standard_normal((n, k))
        eta = 1e-4

        def step():
            nonlocal F, G
            R = F @ G.T - X
            gF = R @ G
            gG = R.T @ F
            info = (0.5 * np.sum(R * R), np.sum(gF * gF), np.sum(gG * gG))
            F = F - eta * gF
            G = G - eta * gG
            return info

        step()
        inner = max(1, int(0.02 / max(1e-9, timed(step))))
        ts = sorted(timed(step, inner) for _ in range(7))
        out.write(f"numpy.factor.gd.n{n}.k{k}\t{ts[3]:.6g}\ts/iter\t-\t-\tlo\n")
        print(f"  numpy.factor.gd.n{n}.k{k}  {ts[3]:.6g} s/iter", file=sys.stderr)
    out.close()


def timed(fn, inner=1):
    t0 = time.clock_gettime(time.CLOCK_MONOTONIC)
    for _ in range(inner):
        fn()
    return (time.clock_gettime(time.CLOCK_MONOTONIC) - t0) / inner


main()
