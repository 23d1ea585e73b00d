package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.expanderexplorer.core.Lazy;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.LayerGraph;

/**
 * The Fiedler value lambda_2(L) and a Fiedler vector of the weighted Laplacian L = D - A of a {@link CsrGraph}
 * (science.md, section 4).
 *
 * <ul>
 *   <li>Fewer than 2 vertices: undefined (null value).</li>
 *   <li>Disconnected (found by a component search, O(n + edges)): lambda_2 = 0 exactly, and the vector is the
 *       centred, normalised indicator of the smallest component (lowest component number on a tie), so that a
 *       sweep cut separates that component.</li>
 *   <li>Connected with at most {@link #DENSE_LIMIT} vertices ({@link Method#AUTO}): dense symmetric EVD through
 *       {@link DecompositionFactory_DDRM#eig(int, boolean, boolean)}, O(n^3) time, O(n^2) memory.</li>
 *   <li>A layer graph ({@link #forLayer}) past that size: Lanczos on the pseudo-inverse through the Schur
 *       complement of the larger side ({@code SchurFiedler}), for a smaller side of up to 1,024 vertices.</li>
 *   <li>Otherwise: Lanczos with full reorthogonalisation on the operator L, deflating the constant vector, with
 *       the residual test ||L v - lambda v|| &lt;= tolerance * 2 d_max (see {@code LanczosFiedler}); no dense
 *       O(n^3) step. Memory about n * min(maxBasis, 16M / n) doubles.</li>
 * </ul>
 * Computed once, on the first call to {@link #result()}, and cached. Single-threaded.
 */
public final class FiedlerSolver {

    /** Largest vertex count solved by the dense EVD under {@link Method#AUTO}. */
    public static final int DENSE_LIMIT = 160;

    /** Which eigensolver to use for a connected graph. */
    public enum Method {
        /** Dense up to {@link #DENSE_LIMIT} vertices, Lanczos beyond. */
        AUTO,
        /** Dense symmetric EVD regardless of size (refused past 5,000 vertices). */
        DENSE,
        /** Lanczos regardless of size. */
        LANCZOS
    }

    /**
     * Solver options.
     *
     * @param method      which solver
     * @param tolerance   relative residual tolerance for Lanczos, in (0, 1e-2]: ||L v - lambda v|| &lt;=
     *                    tolerance * 2 d_max
     * @param seed        seed of the random Lanczos start vector
     * @param maxBasis    Lanczos basis size before a restart, at least 2
     * @param maxRestarts restarts before giving up (the best pair found is returned, flagged not converged)
     */
    public record Options(Method method, double tolerance, long seed, int maxBasis, int maxRestarts) {

        /** AUTO, tolerance 1e-10, seed 1, basis 300, 20 restarts. */
        public static final Options DEFAULT = new Options(Method.AUTO, 1e-10, 1L, 300, 20);

        public Options {
            Objects.requireNonNull(method, "method");
            if (!(tolerance > 0 && tolerance <= 1e-2)) {
                throw new IllegalArgumentException("tolerance must be in (0, 0.01], got " + tolerance);
            }
            if (maxBasis < 2 || maxRestarts < 0) {
                throw new IllegalArgumentException("maxBasis must be >= 2 and maxRestarts >= 0");
            }
        }

        public Options withMethod(Method m) {
            return new Options(m, tolerance, seed, maxBasis, maxRestarts);
        }

        public Options withSeed(long s) {
            return new Options(method, tolerance, s, maxBasis, maxRestarts);
        }

        public Options withTolerance(double t) {
            return new Options(method, t, seed, maxBasis, maxRestarts);
        }
    }

    private static final int DENSE_REFUSAL = 5_000;

    private final CsrGraph graph;
    private final Options options;
    private final int bipartiteLeft;
    private final Lazy<FiedlerResult> result = new Lazy<>(this::compute);

    public FiedlerSolver(CsrGraph graph) {
        this(graph, Options.DEFAULT);
    }

    public FiedlerSolver(CsrGraph graph, Options options) {
        this(graph, options, -1);
    }

    private FiedlerSolver(CsrGraph graph, Options options, int bipartiteLeft) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.options = Objects.requireNonNull(options, "options");
        this.bipartiteLeft = bipartiteLeft;
    }

    /**
     * The solver for a layer graph, which knows its two sides: under {@link Method#AUTO}, past the dense limit
     * and with a smaller side of at most {@value SchurFiedler#SIDE_LIMIT} vertices, it runs Lanczos on L^+
     * through the Schur complement of the larger side ({@link SolverStats.Method#SCHUR_LANCZOS}), falling back
     * to plain Lanczos if that does not meet the residual test.
     */
    public static FiedlerSolver forLayer(LayerGraph layer, Options options) {
        Objects.requireNonNull(layer, "layer");
        return new FiedlerSolver(layer.asCsrGraph(), options, layer.left());
    }

    /** The Fiedler pair, computed on the first call. */
    public FiedlerResult result() {
        return result.get();
    }

    private FiedlerResult compute() {
        int n = graph.vertexCount();
        if (n < 2) {
            return new FiedlerResult(null, FiedlerResult.box(new double[n]), n,
                    stats(SolverStats.Method.NONE, 0, null, true));
        }
        int[] comp = graph.componentIds();
        int count = 0;
        for (int c : comp) {
            count = Math.max(count, c + 1);
        }
        Laplacian lap = new Laplacian(graph);
        if (count > 1) {
            double[] x = smallestComponentIndicator(comp);
            return new FiedlerResult(0.0, FiedlerResult.box(x), count,
                    stats(SolverStats.Method.COMPONENTS, 0, lap.residual(x, 0.0), true));
        }
        boolean dense = options.method() == Method.DENSE
                || options.method() == Method.AUTO && n <= DENSE_LIMIT;
        if (dense) {
            return dense(lap);
        }
        if (options.method() == Method.AUTO && bipartiteLeft >= 0
                && Math.min(bipartiteLeft, n - bipartiteLeft) <= SchurFiedler.SIDE_LIMIT) {
            SchurFiedler.Outcome o = SchurFiedler.run(graph, bipartiteLeft, options.tolerance(), options.seed(),
                    options.maxBasis());
            if (o != null) {
                double[] x = o.vector();
                fixSign(x);
                return new FiedlerResult(o.value(), FiedlerResult.box(x), 1,
                        stats(SolverStats.Method.SCHUR_LANCZOS, o.solves(), o.residual(), true));
            }
        }
        LanczosFiedler.Outcome o = new LanczosFiedler(lap, options.tolerance(), options.seed(),
                options.maxBasis(), options.maxRestarts()).run();
        double[] x = o.vector();
        fixSign(x);
        return new FiedlerResult(o.value(), FiedlerResult.box(x), 1,
                stats(SolverStats.Method.LANCZOS, o.products(), o.residual(), o.converged()));
    }

    private FiedlerResult dense(Laplacian lap) {
        int n = lap.size();
        if (n > DENSE_REFUSAL) {
            throw new IllegalArgumentException("dense eigendecomposition refused for " + n
                    + " vertices (limit " + DENSE_REFUSAL + "); use Lanczos");
        }
        // The eigenvalues of the tridiagonal form (O(n^2) after the O(n^3) reduction), then the one eigenvector
        // wanted, by inverse iteration on T and the reflectors applied to it (decision 0035): a full EVD would
        // accumulate every eigenvector, three times the work, to use one.
        HouseholderTridiagonal reduction = new HouseholderTridiagonal();
        double[][] t = reduction.tridiagonalOf(lap.dense());
        double[] values = Tridiagonal.eigenvalues(t[0], t[1], n);
        // lambda_1 = 0 is simple for a connected graph, so lambda_2 is the second smallest eigenvalue.
        double value = values[1];
        double[] x = reduction.applyQ(Tridiagonal.eigenvector(t[0], t[1], n, value));
        deflateAndNormalise(x);
        fixSign(x);
        return new FiedlerResult(value, FiedlerResult.box(x), 1,
                stats(SolverStats.Method.DENSE_EVD, 0, lap.residual(x, value), true));
    }

    private SolverStats stats(SolverStats.Method m, int products, Double residual, boolean converged) {
        return new SolverStats(m, products, residual, options.tolerance(), options.seed(), converged);
    }

    /** Centred unit indicator of the smallest component (lowest number on a tie); {@code comp} is not modified. */
    static double[] smallestComponentIndicator(int[] comp) {
        boolean[] in = Cuts.smallestComponent(comp);
        double[] x = new double[comp.length];
        for (int v = 0; v < x.length; v++) {
            x[v] = in[v] ? 1.0 : 0.0;
        }
        deflateAndNormalise(x);
        fixSign(x);
        return x;
    }

    private static void deflateAndNormalise(double[] x) {
        Kernels.deflateConstant(x);
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        double inv = 1 / Math.sqrt(s);
        for (int i = 0; i < x.length; i++) {
            x[i] *= inv;
        }
    }

    /** Makes the entry of largest magnitude positive (the first on a tie), for reproducible output. */
    private static void fixSign(double[] x) {
        int arg = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[arg])) {
                arg = i;
            }
        }
        if (x[arg] < 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] = -x[i];
            }
        }
    }
}
