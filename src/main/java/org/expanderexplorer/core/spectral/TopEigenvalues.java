package org.expanderexplorer.core.spectral;

import java.util.Arrays;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;

/**
 * The largest eigenvalues of a symmetric positive semi-definite operator by Lanczos with full
 * reorthogonalisation (classical Gram-Schmidt, repeated when the vector lost more than 30 % of its norm).
 *
 * <p>Every {@link #CHECK_EVERY} steps the Ritz values of the tridiagonal T_j are computed (EJML's symmetric QR,
 * O(j^2)) and, for each of the wanted largest ones, the residual of its Ritz vector is |beta_j s_j| with s_j the
 * last entry of T_j's eigenvector (inverse iteration, O(j)). A Ritz value theta with residual r lies within r of
 * an eigenvalue; the iteration stops when the wanted values all have r &lt;= tolerance * theta_1, when the Krylov
 * space became invariant (then the Ritz values are eigenvalues up to rounding), or at the step limit.
 *
 * <p>A single start vector sees each distinct eigenvalue once: a repeated eigenvalue is returned once. Cost per
 * step: one operator product plus O(n j) for the reorthogonalisation; memory n * steps doubles.
 */
final class TopEigenvalues {

    /** y = A x for a symmetric operator A of order n; x is not modified, y is overwritten. */
    interface Operator {
        void apply(double[] x, double[] y);
    }

    /**
     * @param values    the converged largest Ritz values, descending (possibly fewer than asked; at least the two
     *                  largest, converged or not)
     * @param steps     Lanczos steps taken
     * @param converged true when every asked-for value (or every value of an invariant space) met the tolerance
     * @param vector    the unit Ritz vector of the largest value, when asked for (else null)
     */
    record Outcome(double[] values, int steps, boolean converged, double[] vector) {
    }

    static final int CHECK_EVERY = 8;

    private TopEigenvalues() {
    }

    /**
     * @param op        the operator, of order n
     * @param n         its order, at least 1
     * @param count     how many of the largest eigenvalues are wanted, at least 1
     * @param maxSteps  basis size limit, at least 1 (capped at n)
     * @param tolerance residual tolerance relative to the largest eigenvalue
     * @param seed      seed of the random start vector
     */
    static Outcome largest(Operator op, int n, int count, int maxSteps, double tolerance, long seed) {
        return largest(op, n, count, count, maxSteps, tolerance, seed, false);
    }

    /**
     * As {@link #largest(Operator, int, int, int, double, long)}, but stopping as soon as the {@code required}
     * largest values converged (returning however many of the {@code count} largest have by then), and with the
     * top Ritz vector if {@code vector}.
     */
    static Outcome largest(Operator op, int n, int count, int required, int maxSteps, double tolerance, long seed,
            boolean vector) {
        int m = Math.max(1, Math.min(maxSteps, n));
        double[][] basis = new double[m][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] w = new double[n];
        double[] coef = new double[m];
        double[] q0 = Kernels.randomStart(n, seed);
        scale(q0, 1 / Math.sqrt(Kernels.dot(q0, q0)));
        basis[0] = q0;
        double[] ritz = new double[0];
        int k = 0;
        while (k < m) {
            op.apply(basis[k], w);
            double after = Kernels.lanczosStep(w, basis, k, alpha, beta, coef, false);
            double scaleOfT = Math.abs(alpha[0]) + Math.abs(alpha[k]) + after;
            k++;
            boolean invariant = after <= 1e-12 * scaleOfT || k == n;
            if (invariant || k == m || k % CHECK_EVERY == 0) {
                ritz = ritzValues(alpha, beta, k);
                int wanted = Math.min(count, k);
                int good = convergedPrefix(alpha, beta, k, ritz, wanted, after, tolerance);
                if (invariant || good >= Math.min(required, wanted) || k == m) {
                    double[] x = vector ? ritzVector(alpha, beta, basis, k, ritz[0], n) : null;
                    if (invariant) {
                        return new Outcome(Arrays.copyOf(ritz, wanted), k, true, x);
                    }
                    // At the step limit the two largest are kept even if unconverged (they are lower bounds).
                    boolean met = good >= Math.min(required, wanted);
                    return new Outcome(Arrays.copyOf(ritz, Math.max(good, Math.min(2, wanted))), k, met, x);
                }
            }
            beta[k - 1] = after;
            double[] next = new double[n];
            double inv = 1 / after;
            for (int i = 0; i < n; i++) {
                next[i] = w[i] * inv;
            }
            basis[k] = next;
        }
        throw new AssertionError("unreachable: the loop returns at k == m");
    }

    private static double[] ritzVector(double[] alpha, double[] beta, double[][] basis, int k, double theta, int n) {
        double[] s = Tridiagonal.eigenvector(alpha, beta, k, theta);
        double[] x = new double[n];
        for (int j = 0; j < k; j++) {
            Kernels.axpy(s[j], basis[j], x);
        }
        scale(x, 1 / Math.sqrt(Kernels.dot(x, x)));
        return x;
    }

    /** Eigenvalues of T_k, descending. */
    private static double[] ritzValues(double[] alpha, double[] beta, int k) {
        double[] values;
        if (k == 1) {
            values = new double[] {alpha[0]};
        } else {
            double[] diag = Arrays.copyOf(alpha, k);
            double[] off = Arrays.copyOf(beta, k - 1);
            SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM();
            if (!qr.process(k, diag, off)) {
                throw new ArithmeticException("tridiagonal eigenvalue iteration did not converge (order " + k + ")");
            }
            values = new double[qr.getNumberOfEigenvalues()];
            for (int i = 0; i < values.length; i++) {
                values[i] = qr.getEigenvalue(i);
            }
        }
        Arrays.sort(values);
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    /** How many of the largest {@code wanted} Ritz values, from the top, have a residual within tolerance. */
    private static int convergedPrefix(double[] alpha, double[] beta, int k, double[] ritz, int wanted,
            double betaK, double tolerance) {
        double limit = tolerance * Math.max(Math.abs(ritz[0]), Double.MIN_NORMAL);
        for (int i = 0; i < wanted; i++) {
            double[] s = Tridiagonal.eigenvector(alpha, beta, k, ritz[i]);
            if (Math.abs(betaK * s[k - 1]) > limit) {
                return i;
            }
        }
        return wanted;
    }

    private static void scale(double[] x, double s) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= s;
        }
    }
}
