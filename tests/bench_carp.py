"""bench_carp.py OUT.tsv [path] [quick] -- the numpy reference for tests/bench_carp.c.

CARP (Weylandt, Nagorski & Allen 2020) on the authors data (841 chapters x 69 function words, rows
clustered, columns centred), written plainly from the spec (../shared/spec/W-carp.md):
  - the weights computed here, independently of the C side: squared distances, phi the grid value
    10^-10..10^10 maximizing the sample variance of exp(-phi d^2), the symmetrised k-nearest-
    neighbour mask with the smallest k that connects the graph, edges (i < j) in lexicographic order;
  - the ADMM step with rho = 1 and a precomputed dense inverse M = inv(I + rho D^T D) (the fastest
    plain numpy way: one matrix product per step instead of a solve):
        U = M @ (X + rho D^T (V - Z));  T = D U + Z;
        V = max(0, 1 - gamma w / (rho ||T_l||)) T_l;  Z = T - V;
    D U by indexing (U[ei] - U[ej]) and D^T W by one np.bincount over (node, column) -- on this
    machine about 1 ms each per step, against about 20 ms each for products with a dense D;
  - burn-in of 50 steps at eps = 1e-6, then gamma = gamma * t and one step per level until every
    row of V is zero: the same level sequence and stopping rule as lib/models/cc_path.c's cc_carp.
Timed: the path (from the reset state, the inverse precomputed), as on the C side; the weights
and the inverse are setup, reported apart, and so is the product M @ (n x p) alone, which
dominates the step.  The C program writes OUTDIR/carp-c-T.tsv (its edges,
the step at which each edge fused, its final U) just before this runs; when present, the two runs
are compared (rows numpy.carp.*: step counts, edges whose fusion step differs, final U difference
relative to ||X||_F) and the result printed.
"""
import os
import sys
import time

import numpy as np

AUTHORS = "experiments/data/authors.csv"


def now():
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def load(path):
    with open(path) as f:
        next(f)   # header; the first column is the author
        X = np.array([[float(v) for v in line.rstrip("\n").split(",")[1:]] for line in f])
    return X - X.mean(axis=0)


def weights(X):
    n = X.shape[0]
    d2 = np.zeros((n, n))
    for c in range(X.shape[1]):
        d = X[:, c][:, None] - X[:, c][None, :]
        d2 += d * d
    iu = np.triu_indices(n, 1)
    phis = [10.0 ** e for e in range(-10, 11)]
    phi = phis[int(np.argmax([np.var(np.exp(-ph * d2[iu]), ddof=1) for ph in phis]))]
    W = np.exp(-phi * d2)
    np.fill_diagonal(W, 0.0)
    srt = -np.sort(-W, axis=1)          # each row in decreasing order (the zero diagonal included)
    for k in range(1, n):
        mask = (W >= srt[:, k - 1][:, None]) & (W > 0)
        mask = mask | mask.T
        seen = np.zeros(n, bool)
        seen[0] = True
        while True:                     # connected? grow the component of node 0
            grown = seen | mask[seen].any(axis=0)
            if (grown == seen).all():
                break
            seen = grown
        if seen.all():
            ei, ej = np.nonzero(np.triu(mask, 1))   # row-major: lexicographic order
            return ei, ej, W[ei, ej], phi, k
    raise SystemExit("no k gives a connected graph")


def carp(X, ei, ej, w, M, t, rho=1.0, eps=1e-6, burnin=50):
    n, p = X.shape
    idx = np.arange(p)

    def Dt(V):                          # D^T V: +V_l at node ei[l], -V_l at node ej[l]
        return (np.bincount((ei[:, None] * p + idx).ravel(), V.ravel(), n * p)
                - np.bincount((ej[:, None] * p + idx).ravel(), V.ravel(), n * p)).reshape(n, p)

    U = X.copy()
    V = X[ei] - X[ej]
    Z = V.copy()
    fused_at = np.zeros(len(ei), int)
    steps, gamma = 0, eps
    while True:
        if steps >= burnin:
            gamma = gamma * t
        U = M @ (X + rho * Dt(V - Z))
        T = U[ei] - U[ej] + Z
        nrm = np.sqrt((T * T).sum(axis=1))
        s = np.maximum(0.0, 1.0 - gamma * w / (rho * np.where(nrm > 0, nrm, 1.0)))
        s[nrm == 0] = 0.0
        V = s[:, None] * T
        Z = T - V
        steps += 1
        zero = s == 0
        fused_at[zero & (fused_at == 0)] = steps
        if steps > burnin and zero.all():
            return U, steps, gamma, fused_at


def read_c(path):
    head, edges, U = {}, [], []
    with open(path) as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[0] == "edge":
                edges.append([float(v) for v in r[1:]])
            elif r[0] == "u":
                U.append([float(v) for v in r[1:]])
            elif not r[0].startswith("#"):
                head[r[0]] = float(r[1])
    return head, np.array(edges), np.array(U)


def main():
    out_path = sys.argv[1]
    quick = "quick" in sys.argv[2:]
    t = 1.1 if quick else 1.01
    tag = f"authors.t{t:g}"
    X = load(AUTHORS)
    t0 = now()
    ei, ej, w, phi, k = weights(X)
    tw = now() - t0
    n = X.shape[0]
    t0 = now()
    L = np.eye(n)
    np.add.at(L, (ei, ei), 1.0)
    np.add.at(L, (ej, ej), 1.0)
    L[ei, ej] -= 1.0
    L[ej, ei] -= 1.0                    # I + rho D^T D, rho = 1
    M = np.linalg.inv(L)
    tinv = now() - t0
    tprod = []                          # the product of one step alone: M @ (n x p)
    for _ in range(7):
        t0 = now()
        for _ in range(5):
            M @ X
        tprod.append((now() - t0) / 5)
    tprod = sorted(tprod)[3]
    secs = []
    for _ in range(1 if not quick else 3):
        t0 = now()
        U, steps, gamma_end, fused_at = carp(X, ei, ej, w, M, t)
        secs.append(now() - t0)
    sec = sorted(secs)[len(secs) // 2]
    rows = [(f"numpy.carp.path.{tag}", sec, "s", "-", "-", "lo"),
            (f"numpy.carp.steps_per_s.{tag}", steps / sec, "steps/s", "-", "-", "hi"),
            ("numpy.carp.product.authors", tprod, "s", "-", "-", "lo"),
            ("numpy.carp.inverse.authors", tinv, "s", "-", "-", "lo"),
            ("numpy.carp.weights.authors", tw, "s", "-", "-", "lo")]
    cfile = os.path.join(os.path.dirname(out_path) or ".", f"carp-c-{t:g}.tsv")
    note = f"  no {cfile}: agreement not checked"
    if os.path.exists(cfile):
        head, edges, Uc = read_c(cfile)
        same_graph = (len(edges) == len(ei) and (edges[:, 0] == ei).all() and (edges[:, 1] == ej).all()
                      and head["phi"] == phi and head["k"] == k)
        wdiff = np.max(np.abs(edges[:, 2] - w) / w) if same_graph else np.inf
        fdiff = int((edges[:, 3] != fused_at).sum()) if same_graph else len(ei)
        udiff = np.linalg.norm(U - Uc) / np.linalg.norm(X)
        # the step count with the C count as reference: goal ~0 is PASS only when they are equal
        rows += [(f"numpy.carp.steps.{tag}", steps, "steps", f"carp.steps.{tag}", "~0", "lo"),
                 (f"numpy.carp.fusion_steps_differ.{tag}", fdiff, "edges", "-", "-", "lo"),
                 (f"numpy.carp.u_diff.{tag}", udiff, "rel", "-", "-", "lo")]
        agree = same_graph and steps == head["steps"] and fdiff == 0 and udiff < 1e-8
        note = (f"  agreement with C ({cfile}): graph (phi {phi:g}, k {k}, {len(ei)} edges) "
                f"{'identical' if same_graph else 'DIFFERENT'}, max weight rel. diff {wdiff:.2g}; "
                f"steps {steps} vs {int(head['steps'])}; {fdiff} edges fuse at a different step; "
                f"final U differs by {udiff:.2g} ||X||_F: {'AGREE' if agree else 'DISAGREE'}")
    with open(out_path, "w") as out:
        for r in rows:
            out.write("%s\t%.6g\t%s\t%s\t%s\t%s\n" % r)
            print(f"  {r[0]:<40} {r[1]:12.6g} {r[2]}", file=sys.stderr)
    print(note, file=sys.stderr)


main()
