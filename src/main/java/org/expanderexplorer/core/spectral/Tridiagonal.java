package org.expanderexplorer.core.spectral;

import java.util.Arrays;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;

/**
 * The smallest eigenpair of a symmetric tridiagonal matrix T (the Lanczos matrix), k up to a few hundred.
 *
 * <p>The eigenvalue comes from EJML's symmetric QR algorithm on the tridiagonal form (values only, O(k^2)).
 * The eigenvector comes from inverse iteration with a tridiagonal LU with partial pivoting (O(k) per solve),
 * written here because EJML has no banded solver and forming the eigenvectors of all k eigenvalues
 * (O(k^3)) at every convergence check would cost more than the Lanczos products themselves.
 */
final class Tridiagonal {

    private static final int INVERSE_ITERATIONS = 3;

    private Tridiagonal() {
    }

    /**
     * @param alpha diagonal, entries 0..k-1 used; not modified
     * @param beta  off-diagonal, entries 0..k-2 used; not modified
     * @param k     order, at least 1
     * @return the smallest eigenvalue of T
     */
    static double smallestEigenvalue(double[] alpha, double[] beta, int k) {
        return eigenvalues(alpha, beta, k)[0];
    }

    /**
     * Every eigenvalue of T, ascending.
     *
     * @param alpha diagonal, entries 0..k-1 used; not modified
     * @param beta  off-diagonal, entries 0..k-2 used; not modified
     * @param k     order, at least 1
     */
    static double[] eigenvalues(double[] alpha, double[] beta, int k) {
        if (k == 1) {
            return new double[] {alpha[0]};
        }
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM();
        if (!qr.process(k, Arrays.copyOf(alpha, k), Arrays.copyOf(beta, k - 1))) {
            throw new ArithmeticException("tridiagonal eigenvalue iteration did not converge (order " + k + ")");
        }
        double[] values = new double[qr.getNumberOfEigenvalues()];
        for (int i = 0; i < values.length; i++) {
            values[i] = qr.getEigenvalue(i);
        }
        Arrays.sort(values);
        return values;
    }

    /**
     * A unit eigenvector of T for the (accurately known) eigenvalue theta, by inverse iteration.
     *
     * @param alpha diagonal, entries 0..k-1 used; not modified
     * @param beta  off-diagonal, entries 0..k-2 used; not modified
     * @param k     order, at least 1
     * @param theta an eigenvalue of T
     * @return a fresh array of length k with norm 1
     */
    static double[] eigenvector(double[] alpha, double[] beta, int k, double theta) {
        double[] x = new double[k];
        if (k == 1) {
            x[0] = 1;
            return x;
        }
        double scale = 0;
        for (int i = 0; i < k; i++) {
            scale = Math.max(scale, Math.abs(alpha[i]) + (i > 0 ? Math.abs(beta[i - 1]) : 0)
                    + (i < k - 1 ? Math.abs(beta[i]) : 0));
        }
        double tiny = Math.max(scale, Double.MIN_NORMAL) * 1e-15;
        // Factor T - theta I once (LAPACK dgttrf's scheme: row interchanges add a second superdiagonal).
        double[] d = new double[k];
        double[] du = new double[k - 1];
        double[] dl = new double[k - 1];
        double[] du2 = new double[k];
        boolean[] swapped = new boolean[k - 1];
        for (int i = 0; i < k; i++) {
            d[i] = alpha[i] - theta;
        }
        System.arraycopy(beta, 0, du, 0, k - 1);
        System.arraycopy(beta, 0, dl, 0, k - 1);
        for (int i = 0; i < k - 1; i++) {
            if (Math.abs(d[i]) >= Math.abs(dl[i])) {
                double fact = d[i] != 0 ? dl[i] / d[i] : 0;
                dl[i] = fact;
                d[i + 1] -= fact * du[i];
            } else {
                double fact = d[i] / dl[i];
                d[i] = dl[i];
                dl[i] = fact;
                double temp = du[i];
                du[i] = d[i + 1];
                d[i + 1] = temp - fact * d[i + 1];
                if (i < k - 2) {
                    du2[i] = du[i + 1];
                    du[i + 1] = -fact * du[i + 1];
                }
                swapped[i] = true;
            }
        }
        for (int i = 0; i < k; i++) {
            // T - theta I is singular up to rounding: a zero pivot becomes tiny, which is what inverse iteration
            // wants (the solve then amplifies the eigenvector direction).
            if (Math.abs(d[i]) < tiny) {
                d[i] = d[i] < 0 ? -tiny : tiny;
            }
        }
        // A start vector with no symmetry, so that it is not orthogonal to the wanted eigenvector.
        for (int i = 0; i < k; i++) {
            x[i] = 1 + ((i * 0.6180339887498949) % 1.0);
        }
        normalise(x);
        // Each solve shrinks every other eigendirection by |lambda - theta| / |lambda_other - theta|; with theta
        // accurate to rounding that factor is about rounding / gap, so three solves reach full accuracy unless two
        // eigenvalues of T nearly coincide.
        for (int it = 0; it < INVERSE_ITERATIONS; it++) {
            solve(d, du, dl, du2, swapped, x);
            normalise(x);
        }
        return x;
    }

    private static void solve(double[] d, double[] du, double[] dl, double[] du2, boolean[] swapped, double[] b) {
        int k = d.length;
        for (int i = 0; i < k - 1; i++) {
            if (!swapped[i]) {
                b[i + 1] -= dl[i] * b[i];
            } else {
                double temp = b[i];
                b[i] = b[i + 1];
                b[i + 1] = temp - dl[i] * b[i];
            }
        }
        b[k - 1] /= d[k - 1];
        b[k - 2] = (b[k - 2] - du[k - 2] * b[k - 1]) / d[k - 2];
        for (int i = k - 3; i >= 0; i--) {
            b[i] = (b[i] - du[i] * b[i + 1] - du2[i] * b[i + 2]) / d[i];
        }
    }

    private static void normalise(double[] x) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        // Scale by the largest entry first so that the sum of squares cannot overflow after a tiny pivot.
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] /= max;
            s += x[i] * x[i];
        }
        double inv = 1 / Math.sqrt(s);
        for (int i = 0; i < x.length; i++) {
            x[i] *= inv;
        }
    }
}
