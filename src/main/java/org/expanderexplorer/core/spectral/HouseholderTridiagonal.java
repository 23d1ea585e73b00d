package org.expanderexplorer.core.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecompositionHouseholder_DDRM;

/**
 * A symmetric matrix A = Q T Q^T brought to tridiagonal form T by EJML's Householder reflectors, with Q applied to
 * one vector (O(n^2)) where EJML only forms all of Q (O(n^3)): the dense Fiedler solve wants one eigenvector, not
 * n of them (decision 0035).
 *
 * <p>EJML keeps the reflectors after {@link #decompose}: reflector k (1 .. n-1) is H_k = I - gamma_k u u^T with
 * u_k = 1, u_i for i &gt; k in row k-1 of its working matrix to the right of the diagonal's neighbour, zeros before
 * k; T = H_{n-1} .. H_1 A H_1 .. H_{n-1}, so Q = H_1 .. H_{n-1}. Those fields are protected, hence the subclass.
 */
final class HouseholderTridiagonal extends TridiagonalDecompositionHouseholder_DDRM {

    /**
     * Decomposes {@code a} (overwritten: it becomes the working matrix).
     *
     * @return the diagonal (entries 0 .. n-1) and the off-diagonal (0 .. n-2) of T
     */
    double[][] tridiagonalOf(DMatrixRMaj a) {
        decompose(a);
        int n = a.numRows;
        double[] diag = new double[n];
        double[] off = new double[n];
        getDiagonal(diag, off);
        return new double[][] {diag, off};
    }

    /** Q y, a fresh array: the reflectors applied to y, the last first. */
    double[] applyQ(double[] y) {
        if (y.length != N) {
            throw new IllegalArgumentException("vector of length " + y.length + " for a matrix of order " + N);
        }
        double[] x = y.clone();
        double[] t = QT.data;
        for (int k = N - 1; k >= 1; k--) {
            double gamma = gammas[k];
            if (gamma == 0) {
                continue; // the column was already zero: no reflector
            }
            int row = (k - 1) * N;
            double dot = x[k];
            for (int i = k + 1; i < N; i++) {
                dot += t[row + i] * x[i];
            }
            dot *= gamma;
            x[k] -= dot;
            for (int i = k + 1; i < N; i++) {
                x[i] -= dot * t[row + i];
            }
        }
        return x;
    }
}
