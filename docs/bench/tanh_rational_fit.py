"""Fits the rational tanh of the inference kernels (VectorKernels.tanh, decision 0034).

tanh(x) ~ x P(x^2) / Q(x^2) on [0, C], P and Q of degree 4 in x^2, Q(0) = 1, minimising the largest relative
error: linearised least squares (P - f Q = 0 with f = tanh(x) / x) re-weighted by 1 / Q of the previous fit
(Loeb) and by the current error (Lawson), keeping the best of 200 rounds. Then the fit is evaluated as the kernel
evaluates it in float (clamp, Horner with fused multiply-adds, one division) on every 1/4096 in [-12, 12] and on
tiny values, against tanh in double.

    python3 docs/bench/tanh_rational_fit.py [P degree] [Q degree] [C]      (defaults 4 4 7.9)

Needs numpy only. Prints the coefficients as Java float literals.
"""
import sys

import numpy as np

m = int(sys.argv[1]) if len(sys.argv) > 1 else 4
n = int(sys.argv[2]) if len(sys.argv) > 2 else 4
c = float(sys.argv[3]) if len(sys.argv) > 3 else 7.9

x = np.linspace(0, c, 40001)[1:]
s = x * x
f = np.tanh(x) / x
w = np.ones_like(x)
q_prev = np.ones_like(x)
best = None
for _ in range(200):
    a = np.hstack([np.vstack([s ** i for i in range(m + 1)]).T,
                   -(f[:, None] * np.vstack([s ** j for j in range(1, n + 1)]).T)])
    ww = w / q_prev
    sol, *_ = np.linalg.lstsq(a * ww[:, None], f * ww, rcond=None)
    p = sol[:m + 1]
    q = np.concatenate([[1.0], sol[m + 1:]])
    pv = np.polyval(p[::-1], s)
    qv = np.polyval(q[::-1], s)
    err = (pv / qv - f) / f
    e = np.abs(err).max()
    if best is None or e < best[0]:
        best = (e, p.copy(), q.copy())
    q_prev = qv
    w = w * (np.abs(err) / e + 1e-3)
    w /= w.mean()
e, p, q = best
print("largest relative error of the fit in double: %.3g" % e)

f32 = np.float32


def fma(u, v, t):
    # a float fused multiply-add: the exact product and sum, rounded once
    return (u.astype(np.float64) * v.astype(np.float64) + t.astype(np.float64)).astype(f32)


def kernel_tanh(xx):
    xc = np.minimum(np.maximum(xx, f32(-c)), f32(c))
    ss = (xc * xc).astype(f32)
    pv = np.full_like(ss, f32(p[m]))
    for i in range(m - 1, -1, -1):
        pv = fma(pv, ss, np.full_like(ss, f32(p[i])))
    qv = np.full_like(ss, f32(q[n]))
    for i in range(n - 1, -1, -1):
        qv = fma(qv, ss, np.full_like(ss, f32(q[i])))
    return ((xc * pv).astype(f32) / qv).astype(f32)


xs = np.concatenate([np.arange(-12 * 4096, 12 * 4096 + 1) / 4096.0,
                     np.geomspace(1e-38, 1, 20000), -np.geomspace(1e-38, 1, 20000)]).astype(f32)
y = kernel_tanh(xs)
t = np.tanh(xs.astype(np.float64))
ulp = np.spacing(np.abs(t).astype(f32)).astype(np.float64)
print("in float: largest absolute error %.3g, %.2f units in the last place, largest |tanh| %.9f, odd %s"
      % (np.abs(y - t).max(), (np.abs(y - t) / ulp).max(), np.abs(y).max(), np.array_equal(kernel_tanh(-xs), -y)))
print("P", ", ".join("%.9ef" % v for v in p))
print("Q", ", ".join("%.9ef" % v for v in q))
