package org.expanderexplorer.core.spectral;

import java.util.SplittableRandom;

/**
 * Vector kernels of the Lanczos solvers, written for the JIT compiler: a floating-point reduction is never
 * reordered (so never vectorised) by HotSpot, so dot products keep independent partial sums, and the
 * Gram-Schmidt step works on four basis vectors per pass over w, which reads and writes w a quarter as often and
 * leaves the update loop in a form the compiler vectorises. Also the parts the Lanczos solvers share: the random
 * start vector and the three-term step with full reorthogonalisation.
 */
final class Kernels {

    /** A second Gram-Schmidt pass runs when the first left less than this fraction of w's norm. */
    static final double REORTH_THRESHOLD = 0.7;

    private Kernels() {
    }

    /** a . b over the length of a (b at least as long); neither is modified. */
    static double dot(double[] a, double[] b) {
        int n = a.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y += a x; x is not modified. */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /**
     * One classical Gram-Schmidt pass: w -= sum_j (w . q_j) q_j over the first {@code count} basis vectors.
     *
     * @param w     modified in place
     * @param basis orthonormal vectors of w's length; not modified
     * @param coef  scratch of length at least count, overwritten with the coefficients
     * @return the norm of w afterwards
     */
    static double orthogonalise(double[] w, double[][] basis, int count, double[] coef) {
        int n = w.length;
        int j = 0;
        for (; j + 3 < count; j += 4) {
            double[] q0 = basis[j];
            double[] q1 = basis[j + 1];
            double[] q2 = basis[j + 2];
            double[] q3 = basis[j + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < n; i++) {
                double x = w[i];
                s0 += x * q0[i];
                s1 += x * q1[i];
                s2 += x * q2[i];
                s3 += x * q3[i];
            }
            coef[j] = s0;
            coef[j + 1] = s1;
            coef[j + 2] = s2;
            coef[j + 3] = s3;
        }
        for (; j < count; j++) {
            coef[j] = dot(w, basis[j]);
        }
        j = 0;
        for (; j + 3 < count; j += 4) {
            double[] q0 = basis[j];
            double[] q1 = basis[j + 1];
            double[] q2 = basis[j + 2];
            double[] q3 = basis[j + 3];
            double c0 = coef[j];
            double c1 = coef[j + 1];
            double c2 = coef[j + 2];
            double c3 = coef[j + 3];
            for (int i = 0; i < n; i++) {
                w[i] -= c0 * q0[i] + c1 * q1[i] + c2 * q2[i] + c3 * q3[i];
            }
        }
        for (; j < count; j++) {
            axpy(-coef[j], basis[j], w);
        }
        return Math.sqrt(dot(w, w));
    }

    /** A fresh vector of n values uniform in [-0.5, 0.5), from a generator seeded with {@code seed}. */
    static double[] randomStart(int n, long seed) {
        double[] x = new double[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() - 0.5;
        }
        return x;
    }

    /**
     * The rest of Lanczos step k once w = A q_k: alpha_k = w . q_k, w -= alpha_k q_k + beta_{k-1} q_{k-1}, then
     * full reorthogonalisation of w against q_0 .. q_k by classical Gram-Schmidt, repeated once when the first pass
     * left less than {@link #REORTH_THRESHOLD} of its norm ("twice is enough").
     *
     * @param w               A q_k on entry; modified: the new residual vector, not yet normalised
     * @param basis           the orthonormal q_0 .. q_k; not modified
     * @param k               the step, at least 0
     * @param alpha           alpha_k is written into it
     * @param beta            beta_{k-1} is read from it (when k &gt; 0); not modified
     * @param coef            scratch of length at least k + 1, overwritten
     * @param deflateConstant also remove w's mean before each Gram-Schmidt pass (for a basis kept orthogonal to the
     *                        constant vector)
     * @return the norm of w afterwards: beta_k
     */
    static double lanczosStep(double[] w, double[][] basis, int k, double[] alpha, double[] beta, double[] coef,
                              boolean deflateConstant) {
        double[] q = basis[k];
        double a = dot(w, q);
        alpha[k] = a;
        axpy(-a, q, w);
        if (k > 0) {
            axpy(-beta[k - 1], basis[k - 1], w);
        }
        double before = Math.sqrt(dot(w, w));
        double after = gramSchmidt(w, basis, k + 1, coef, deflateConstant);
        if (after < REORTH_THRESHOLD * before) {
            after = gramSchmidt(w, basis, k + 1, coef, deflateConstant);
        }
        return after;
    }

    private static double gramSchmidt(double[] w, double[][] basis, int count, double[] coef,
                                      boolean deflateConstant) {
        if (deflateConstant) {
            deflateConstant(w);
        }
        return orthogonalise(w, basis, count, coef);
    }

    /** x -= mean(x) 1, i.e. removes x's component along the constant vector; x is modified. */
    static void deflateConstant(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        for (int i = 0; i < x.length; i++) {
            x[i] -= mean;
        }
    }
}
