package org.expanderexplorer.core.spectral;

/**
 * Lanczos with full reorthogonalisation for the smallest eigenpair of a connected graph's Laplacian restricted
 * to the complement of the constant vector, i.e. (lambda_2, Fiedler vector).
 *
 * <p>Method: the Krylov basis is kept orthogonal to the constant vector and to itself (classical Gram-Schmidt,
 * repeated once when the vector lost more than 30 % of its norm: "twice is enough"), so no spurious copies of
 * converged Ritz values appear. Every {@link #CHECK_EVERY} steps the smallest Ritz value of the tridiagonal
 * matrix T_k is found and the residual of its Ritz vector is estimated as |beta_k s_k| (s_k the last entry of
 * T_k's eigenvector); when the estimate is below the tolerance, the Ritz vector is formed and its true residual
 * ||L v - theta v|| is checked. When the basis reaches its size limit, the iteration restarts from the current
 * Ritz vector.
 *
 * <p>Convergence test: ||L v - theta v|| &lt;= tol * 2 d_max with ||v|| = 1, where 2 d_max bounds ||L||
 * (Gershgorin). For a simple lambda_2 with gap g to lambda_3 this gives |theta - lambda_2| &lt;= r^2 / g and an
 * angle to the eigenvector of at most r / g (Davis-Kahan).
 *
 * <p>Cost per step: one product with L (O(edges)) plus O(n k) for reorthogonalisation at step k; memory n k
 * doubles for the basis. The number of steps grows like 1 / sqrt((lambda_3 - lambda_2) / lambda_max).
 */
final class LanczosFiedler {

    /** Steps between convergence checks. */
    static final int CHECK_EVERY = 4;

    /** Basis vectors of length n are limited so that the basis stays below this many doubles (128 MB). */
    private static final long BASIS_DOUBLES = 16_000_000L;

    record Outcome(double value, double[] vector, int products, double residual, boolean converged) {
    }

    private final Laplacian laplacian;
    private final double tolerance;
    private final long seed;
    private final int maxBasis;
    private final int maxRestarts;
    private final double[][] deflate;

    LanczosFiedler(Laplacian laplacian, double tolerance, long seed, int maxBasis, int maxRestarts) {
        this(laplacian, tolerance, seed, maxBasis, maxRestarts, new double[0][]);
    }

    /**
     * As the other constructor, but restricted to the complement of {@code deflate} as well as of the constant
     * vector: the smallest eigenpair there (lambda_2 again when it is repeated, else lambda_3, for deflate = a Fiedler
     * vector). The vectors must be orthonormal eigenvectors orthogonal to the constant vector; they are not modified.
     * The start vector is made orthogonal to them and each product is with L + 4 d_max sum_d d d^T, whose spectrum on
     * the complement is L's and which moves the deflated eigenvalues above lambda_max.
     */
    LanczosFiedler(Laplacian laplacian, double tolerance, long seed, int maxBasis, int maxRestarts,
                   double[][] deflate) {
        this.deflate = deflate;
        this.laplacian = laplacian;
        this.tolerance = tolerance;
        this.seed = seed;
        this.maxBasis = maxBasis;
        this.maxRestarts = maxRestarts;
    }

    /** Runs the iteration; the graph must be connected with at least 2 vertices. */
    Outcome run() {
        int n = laplacian.size();
        // ||L|| <= 2 d_max (Gershgorin), so tolerance * 2 d_max is a residual bound relative to the operator's scale:
        // the same relative accuracy for a graph of weights 1e-3 as for one of weights 1.
        double norm = Math.max(2 * laplacian.maxStrength(), Double.MIN_NORMAL);
        double tolAbs = tolerance * norm;
        // The basis is bounded by memory (BASIS_DOUBLES doubles in all) as well as by maxBasis: a long unfolding has
        // many vertices, and full reorthogonalisation needs every basis vector kept. At most n - 1 vectors fit in the
        // complement of the constant vector.
        int m = (int) Math.min(Math.min(maxBasis, n - 1L), Math.max(20, BASIS_DOUBLES / n));
        m = Math.max(1, Math.min(m, n - 1));
        boolean wholeSpace = m == n - 1;
        double[][] basis = new double[m][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] w = new double[n];
        double[] coef = new double[Math.max(m, deflate.length)];
        double shift = 2 * norm;

        double[] start = Kernels.randomStart(n, seed);
        int products = 0;
        Outcome best = null;
        for (int restart = 0; restart <= maxRestarts; restart++) {
            double[] v0 = basis[0] == null ? new double[n] : basis[0];
            System.arraycopy(start, 0, v0, 0, n);
            // Work in the complement of the constant vector, the eigenvector of lambda_1 = 0 of a connected graph: then
            // the smallest Ritz value approximates lambda_2 directly.
            Kernels.deflateConstant(v0);
            Kernels.orthogonalise(v0, deflate, deflate.length, coef);
            if (normalise(v0) == 0) {
                // The start was constant (cannot happen for a random start; a Ritz vector is never constant).
                v0[0] = 1;
                v0[n - 1] = -1;
                normalise(v0);
            }
            basis[0] = v0;
            int k = 0;
            double theta = Double.NaN;
            double[] s = null;
            while (k < m) {
                laplacian.multiply(basis[k], w);
                for (double[] d : deflate) {
                    // Hotelling deflation: L + shift d d^T moves d's eigenvalue above the spectrum, so rounding
                    // that brings d back into the basis cannot produce a small Ritz value (a projection would
                    // leave d as a null vector, which Lanczos then finds)
                    Kernels.axpy(shift * Kernels.dot(d, basis[k]), d, w);
                }
                products++;
                double after = Kernels.lanczosStep(w, basis, k, alpha, beta, coef, true);
                k++;
                boolean invariant = after <= 1e-13 * norm;
                if (invariant || k == m || k % CHECK_EVERY == 0) {
                    theta = Tridiagonal.smallestEigenvalue(alpha, beta, k);
                    s = Tridiagonal.eigenvector(alpha, beta, k, theta);
                    // The Lanczos residual estimate |beta_k s_k| costs nothing (no product with L); the true residual
                    // is computed once at the end, and a restart follows if rounding made the estimate optimistic.
                    double estimate = Math.abs(after * s[k - 1]);
                    if (invariant || estimate <= tolAbs) {
                        break;
                    }
                }
                if (k < m) {
                    beta[k - 1] = after;
                    double[] next = basis[k] == null ? new double[n] : basis[k];
                    double inv = 1 / after;
                    for (int i = 0; i < n; i++) {
                        next[i] = w[i] * inv;
                    }
                    basis[k] = next;
                }
            }
            double[] x = new double[n];
            for (int j = 0; j < k; j++) {
                Kernels.axpy(s[j], basis[j], x);
            }
            Kernels.deflateConstant(x);
            Kernels.orthogonalise(x, deflate, deflate.length, coef);
            normalise(x);
            double residual = laplacian.residual(x, theta);
            products++;
            // A full basis spans the whole complement of the constant vector: T_k is then L itself, and the
            // residual left is rounding only.
            boolean converged = residual <= tolAbs || (wholeSpace && k == m);
            Outcome outcome = new Outcome(theta, x, products, residual, converged);
            if (best == null || residual < best.residual()) {
                best = outcome;
            }
            if (converged) {
                return outcome;
            }
            // Restart from the best Ritz vector so far: it already holds most of the wanted direction, so a restart
            // loses little of the work done.
            start = x;
        }
        return best;
    }

    private static double normalise(double[] x) {
        double s = Math.sqrt(Kernels.dot(x, x));
        if (s > 0) {
            double inv = 1 / s;
            for (int i = 0; i < x.length; i++) {
                x[i] *= inv;
            }
        }
        return s;
    }


}
