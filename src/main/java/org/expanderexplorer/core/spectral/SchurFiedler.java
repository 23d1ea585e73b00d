package org.expanderexplorer.core.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.expanderexplorer.core.graph.CsrGraph;

/**
 * The Fiedler pair of a connected bipartite layer graph by Lanczos on the pseudo-inverse L^+ (shift-invert at
 * 0), with each solve done through the Schur complement of the larger side.
 *
 * <p>A bipartite Laplacian has a diagonal block on each side: L = [[D_S, -B], [-B^T, D_O]] with S the smaller side,
 * O the other and D the strengths. Eliminating O gives the k x k Schur complement C = D_S - B D_O^{-1} B^T
 * (k = |S|), itself a weighted Laplacian (C 1 = 0), formed sparsely like a Gram matrix in O(sum_v deg(v)^2 / 2).
 * For b orthogonal to 1, L x = b is solved by C x_S = b_S + B D_O^{-1} b_O and x_O = D_O^{-1} (b_O + B^T x_S); C is
 * made positive definite by adding (s / k) 1 1^T, which changes nothing for such right-hand sides, and factored
 * once by Cholesky (k^3 / 3). Each solve then costs O(k^2 + edges).
 *
 * <p>The largest eigenvalue of L^+ on the complement of 1 is 1 / lambda_2, and it is well separated whenever
 * lambda_2 is small next to the rest of the spectrum, so Lanczos ({@link TopEigenvalues}) needs few steps where
 * Lanczos on L itself needs many. The returned value is the Rayleigh quotient of L at the Ritz vector, and the pair
 * is accepted only if ||L v - lambda v|| &lt;= tolerance * 2 d_max (the test of {@link LanczosFiedler}); the caller
 * falls back to plain Lanczos otherwise.
 */
final class SchurFiedler {

    /** Largest smaller side handled (the dense Cholesky factor takes k^2 doubles and k^3 / 3 flops). */
    static final int SIDE_LIMIT = 1024;

    record Outcome(double value, double[] vector, int solves, double residual) {
    }

    /** Lanczos steps of the screening run of {@link #nextAfter}. */
    static final int SCREEN_STEPS = 40;

    /** The screening run shows lambda_2 simple when its Ritz value stays this far (relatively) below 1 / lambda_2. */
    static final double SCREEN_MARGIN = 1e-3;

    private SchurFiedler() {
    }

    /** L^+ on the complement of 1 through the Schur complement, or null when the factorisation fails. */
    private static PseudoInverse pseudoInverse(CsrGraph graph, int left) {
        int n = graph.vertexCount();
        int right = n - left;
        boolean leftSmall = left <= right;
        int k = leftSmall ? left : right;
        int small0 = leftSmall ? 0 : left;
        int other0 = leftSmall ? left : 0;
        int otherEnd = other0 + (n - k);
        int[] off = graph.offsetArray();
        int[] nb = graph.neighbourArray();
        double[] w = graph.weightArray();
        double[] s = new double[n];
        double[] inverse = new double[n]; // 1 / s: the solves multiply, a division per edge would dominate them
        double sMax = 0;
        for (int v = 0; v < n; v++) {
            s[v] = graph.strength(v);
            inverse[v] = 1 / s[v];
            sMax = Math.max(sMax, s[v]);
        }
        double[] c = new double[k * k];
        for (int v = other0; v < otherEnd; v++) {
            double inv = inverse[v];
            int end = off[v + 1];
            for (int p = off[v]; p < end; p++) {
                int row = (nb[p] - small0) * k - small0;
                double wp = w[p] * inv;
                for (int q = p; q < end; q++) {
                    c[row + nb[q]] -= wp * w[q];
                }
            }
        }
        double shift = sMax / k;
        for (int a = 0; a < k; a++) {
            c[a * k + a] += s[small0 + a];
            for (int b = a; b < k; b++) {
                double v = c[a * k + b] + shift;
                c[a * k + b] = v;
                c[b * k + a] = v;
            }
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
        if (!chol.setA(DMatrixRMaj.wrap(k, k, c))) {
            return null;
        }
        DMatrixRMaj rhs = new DMatrixRMaj(k, 1);
        DMatrixRMaj sol = new DMatrixRMaj(k, 1);
        double[] xm = new double[n];
        double[] scaled = new double[n];
        int[] solves = {0};
        TopEigenvalues.Operator pseudoInverse = (x, y) -> {
            solves[0]++;
            System.arraycopy(x, 0, xm, 0, n);
            Kernels.deflateConstant(xm);
            // D_O^{-1} b_O, once per vertex rather than once per edge
            for (int v = other0; v < otherEnd; v++) {
                scaled[v] = xm[v] * inverse[v];
            }
            double[] r = rhs.data;
            for (int a = 0; a < k; a++) {
                int v = small0 + a;
                double acc = xm[v];
                for (int e = off[v]; e < off[v + 1]; e++) {
                    acc += w[e] * scaled[nb[e]];
                }
                r[a] = acc;
            }
            chol.solve(rhs, sol);
            double[] z = sol.data;
            for (int a = 0; a < k; a++) {
                y[small0 + a] = z[a];
            }
            for (int v = other0; v < otherEnd; v++) {
                double acc = xm[v];
                for (int e = off[v]; e < off[v + 1]; e++) {
                    acc += w[e] * z[nb[e] - small0];
                }
                y[v] = acc * inverse[v];
            }
            Kernels.deflateConstant(y);
        };
        return new PseudoInverse(pseudoInverse, solves, sMax);
    }

    /** The operator and its solve counter. */
    private record PseudoInverse(TopEigenvalues.Operator op, int[] solves, double sMax) {
    }

    /**
     * @param graph     a connected graph whose vertices 0..left-1 have neighbours only among left..n-1 and vice
     *                  versa; not modified
     * @param left      size of the first side
     * @param tolerance relative residual tolerance, as in {@link FiedlerSolver.Options}
     * @param seed      Lanczos start seed
     * @param maxSteps  Lanczos basis limit
     * @return the pair, or null when the factorisation failed or the residual test was not met
     */
    static Outcome run(CsrGraph graph, int left, double tolerance, long seed, int maxSteps) {
        int n = graph.vertexCount();
        PseudoInverse p = pseudoInverse(graph, left);
        if (p == null) {
            return null;
        }
        TopEigenvalues.Operator pseudoInverse = p.op();
        int[] solves = p.solves();
        double sMax = p.sMax();
        Laplacian lap = new Laplacian(graph);
        double tolAbs = tolerance * Math.max(2 * sMax, Double.MIN_NORMAL);
        // Two tries: the Ritz residual of L^+ bounds the residual of L only up to the factor lambda_max / mu, so a
        // tighter inner tolerance is tried once before giving up.
        for (double inner : new double[] {tolerance, tolerance * 1e-3}) {
            TopEigenvalues.Outcome o = TopEigenvalues.largest(pseudoInverse, n, 1, 1, maxSteps, inner, seed, true);
            double[] x = o.vector();
            Kernels.deflateConstant(x);
            double norm = Math.sqrt(Kernels.dot(x, x));
            for (int i = 0; i < n; i++) {
                x[i] /= norm;
            }
            double value = lap.rayleighQuotient(x);
            double residual = lap.residual(x, value);
            if (residual <= tolAbs) {
                return new Outcome(value, x, solves[0], residual);
            }
        }
        return null;
    }

    /**
     * The smallest eigenvalue of L on the complement of 1 and of the Fiedler vector {@code v}, by Lanczos on
     * L^+ - (1 / lambda_2) v v^T (Hotelling deflation: v's eigenvalue 1 / lambda_2 moves to 0), as the Rayleigh
     * quotient of L at the top Ritz vector: lambda_2 again when it is repeated, else lambda_3. A first run of
     * {@link #SCREEN_STEPS} steps settles the usual case: when its top Ritz value (a lower bound on the top
     * eigenvalue, rising with the steps) stays below 1 / (lambda_2 (1 + {@link #SCREEN_MARGIN})), lambda_2 is taken
     * as simple and lambda_2 (1 + margin) is returned in place of lambda_3 (a repeated lambda_2 would need the
     * random start to be almost orthogonal to the rest of its eigenspace to stay hidden that long). Null when the
     * factorisation fails or the converged Ritz vector does not meet the residual test of {@link #run}.
     *
     * @param v      a unit Fiedler vector, orthogonal to 1; not modified
     * @param lambda its eigenvalue lambda_2 &gt; 0
     */
    static Double nextAfter(CsrGraph graph, int left, double[] v, double lambda, double tolerance, long seed,
                            int maxSteps) {
        int n = graph.vertexCount();
        PseudoInverse p = pseudoInverse(graph, left);
        if (p == null || !(lambda > 0)) {
            return null;
        }
        double inv = 1 / lambda;
        TopEigenvalues.Operator deflated = (x, y) -> {
            p.op().apply(x, y);
            Kernels.axpy(-inv * Kernels.dot(v, x), v, y);
        };
        // screening: the top Ritz value rises monotonically to 1 / lambda_3 (or to 1 / lambda_2 when repeated); a
        // short run that stays clearly below 1 / lambda_2 shows lambda_2 simple without converging lambda_3, which
        // can take long where the next eigenvalues cluster
        TopEigenvalues.Outcome screen = TopEigenvalues.largest(deflated, n, 1, 1, Math.min(maxSteps, SCREEN_STEPS),
                1e-4, seed, false);
        if (screen.values().length > 0 && screen.values()[0] * lambda < 1 / (1 + SCREEN_MARGIN)) {
            return lambda * (1 + SCREEN_MARGIN);
        }
        TopEigenvalues.Outcome o = TopEigenvalues.largest(deflated, n, 1, 1, maxSteps, tolerance, seed, true);
        double[] x = o.vector();
        Kernels.deflateConstant(x);
        Kernels.axpy(-Kernels.dot(v, x), v, x);
        double norm = Math.sqrt(Kernels.dot(x, x));
        if (!(norm > 0)) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            x[i] /= norm;
        }
        Laplacian lap = new Laplacian(graph);
        double value = lap.rayleighQuotient(x);
        return lap.residual(x, value) <= tolerance * Math.max(2 * p.sMax(), Double.MIN_NORMAL) ? value : null;
    }
}
