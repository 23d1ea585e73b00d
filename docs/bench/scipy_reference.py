"""The numpy/scipy reference of docs/performance.md: all singular values of a layer's unweighted biadjacency
matrix plus the Fiedler value of its graph by shift-invert Lanczos (scipy.sparse.linalg.eigsh(L, k=2, sigma=0)).

Writes each test matrix as Matrix Market (for `expander-explorer bench --matrix`), then prints the median and
minimum milliseconds of each step over --repeat runs after --warmup runs. Set OPENBLAS_NUM_THREADS=1 for one core.

    python3 docs/bench/scipy_reference.py --out target/bench
"""
import argparse
import json
import os
import time

import numpy as np
import scipy
import scipy.io
import scipy.linalg
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def masked_gaussian(rows, cols, keep, seed):
    """Standard Gaussian entries, exactly round(keep * rows * cols) of them kept at seeded random places."""
    rng = np.random.default_rng(seed)
    total = rows * cols
    w = np.zeros(total)
    kept = rng.permutation(total)[: int(round(keep * total))]
    w[kept] = rng.standard_normal(kept.size)
    return w.reshape(rows, cols)


def analyse(w):
    """Times of the steps; returns (times in ms, sigma_1, sigma_2, lambda_2)."""
    t0 = time.perf_counter()
    b = (w != 0).astype(float)
    b = b[b.any(axis=1)][:, b.any(axis=0)]  # isolated vertices removed, as in the Java layer graph
    t1 = time.perf_counter()
    s = scipy.linalg.svdvals(b)  # LAPACK gesdd, values only
    t2 = time.perf_counter()
    bs = sp.csr_matrix(b)
    a = sp.bmat([[None, bs], [bs.T, None]], format="csc")
    deg = np.asarray(a.sum(axis=1)).ravel()
    lap = (sp.diags(deg) - a).tocsc()
    t3 = time.perf_counter()
    vals = spla.eigsh(lap, k=2, sigma=0, which="LM", return_eigenvectors=False)
    t4 = time.perf_counter()
    ms = {"graph": 1e3 * (t1 - t0), "singularValues": 1e3 * (t2 - t1), "laplacian": 1e3 * (t3 - t2),
          "fiedler": 1e3 * (t4 - t3), "total": 1e3 * (t4 - t0)}
    return ms, s[0], s[1], float(np.sort(vals)[1])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="target/bench")
    p.add_argument("--repeat", type=int, default=100)
    p.add_argument("--warmup", type=int, default=20)
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for rows, cols in ((128, 512), (28, 512)):
        w = masked_gaussian(rows, cols, 0.2, 42)
        path = os.path.join(args.out, f"gauss-{rows}x{cols}-20.mtx")
        scipy.io.mmwrite(path, sp.coo_matrix(w), comment="masked Gaussian, 20 % kept, seed 42 (numpy)")
        for _ in range(args.warmup):
            analyse(w)
        runs = [analyse(w) for _ in range(args.repeat)]
        times = {k: [r[0][k] for r in runs] for k in runs[0][0]}
        _, s1, s2, lam2 = runs[-1]
        out = {"matrix": path, "numpy": np.__version__, "scipy": scipy.__version__,
               "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"), "sigma1": s1, "sigma2": s2,
               "fiedler": lam2}
        for k, v in times.items():
            out[k + "MedianMillis"] = round(float(np.median(v)), 3)
            out[k + "MinMillis"] = round(float(np.min(v)), 3)
        print(json.dumps(out))


if __name__ == "__main__":
    main()
