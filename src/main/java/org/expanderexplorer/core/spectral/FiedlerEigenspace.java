package org.expanderexplorer.core.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.expanderexplorer.core.graph.CsrGraph;

/**
 * The eigenspace of lambda_2 of a connected graph's Laplacian, and the sweep cut that does not depend on which
 * eigenvector a solver returns (science.md, section 4; decision 0023).
 *
 * <p>Why: when lambda_2 is repeated (every complete bipartite layer, as at q = 100 %; K(a, b); the Heawood graph;
 * PG(2, q)) any unit vector of its eigenspace is "a Fiedler vector", and the sweep cut of the one a solver happens
 * to return depends on the solver and on the vertex order. Here the cut depends on the eigenspace only: the
 * candidates are projections onto it by its orthogonal projector P, which does not depend on any basis: P e_v for
 * the vertices (one per class of twins, vertices with the same neighbours and weights, the lowest-numbered: swapping
 * two twins is an automorphism, so their candidates give the same cuts), which find small sets around a vertex, and
 * P r for {@link #PROBES} fixed pseudo-random vectors r, which find balanced cuts as a solver's vector would. Each is
 * rounded to 1e-10 of its largest entry so that equal values compare equal whatever the rounding, and the best sweep
 * over them wins (ties: the first candidate, vertices before probes). For a simple lambda_2 the solver's vector is
 * kept, so nothing changes there.
 *
 * <p>The eigenspace, exactly, through the twin quotient: twins are never adjacent, and on the vectors that sum to
 * zero over each twin class L acts as the diagonal of strengths (eigenvalue d_c, multiplicity |c| - 1 per class c),
 * while on the vectors constant on classes it acts as the symmetric k x k matrix
 * B = diag(d) - S^(1/2) W S^(1/2) (k classes, S their sizes, W the edge weights between classes). So the spectrum
 * needs one k x k dense EVD instead of n x n: a complete bipartite layer has k = 2. Whether lambda_2 is repeated is
 * read from that spectrum up to {@link FiedlerSolver#DENSE_LIMIT} vertices; past it, Lanczos first runs once more on
 * the complement of the Fiedler vector (on L^+ through the Schur complement for a bipartite layer,
 * {@link SchurFiedler#nextAfter}; else on L), and only when the smallest value there is within
 * {@link #RELATIVE_TOLERANCE} times 2 d_max of lambda_2 is the quotient formed (k up to {@link #DENSE_SPACE_LIMIT};
 * beyond, at most {@link #DEFLATION_LIMIT} eigenvectors found by deflated Lanczos runs stand for the eigenspace,
 * flagged incomplete).
 *
 * <p>Cost: O(edges log) for the twin classes; on graphs past the dense limit one more Lanczos run (about as much as
 * the Fiedler solve); when repeated or small, a k x k EVD (O(k^3)) and one sweep cut per class
 * and probe (O((k + {@link #PROBES}) (edges + n log n))).
 */
final class FiedlerEigenspace {

    /** Largest number of twin classes whose eigenspace is taken from a dense EVD. */
    static final int DENSE_SPACE_LIMIT = 700;

    /** Most eigenvectors collected by deflation on larger graphs. */
    static final int DEFLATION_LIMIT = 8;

    /** Pseudo-random vectors projected onto a repeated eigenspace, besides the vertices. */
    static final int PROBES = 16;

    /** Seed of those vectors: fixed, so that the cut does not depend on the solver's seed either. */
    static final long PROBE_SEED = 20240317L;

    /** Eigenvalues within this times 2 d_max of lambda_2 count as lambda_2. */
    static final double RELATIVE_TOLERANCE = 1e-8;

    /**
     * What the sweep cut runs over.
     *
     * @param candidates   ordering vectors: the solver's Fiedler vector alone when lambda_2 is simple, else the
     *                     projections of the twin classes' lowest vertices
     * @param multiplicity the multiplicity of lambda_2 (a lower bound when not complete)
     * @param complete     false when only part of a repeated eigenspace was found (more than
     *                     {@link #DENSE_SPACE_LIMIT} twin classes)
     */
    record Space(List<double[]> candidates, int multiplicity, boolean complete) {
    }

    private FiedlerEigenspace() {
    }

    /**
     * The eigenspace of {@code fiedler}'s value. A disconnected graph (lambda_2 = 0 from its components) or one
     * of fewer than 3 vertices keeps the solver's vector alone.
     */
    static Space of(CsrGraph graph, FiedlerResult fiedler, FiedlerSolver.Options options) {
        return of(graph, fiedler, options, -1);
    }

    /**
     * As {@link #of(CsrGraph, FiedlerResult, FiedlerSolver.Options)} for a bipartite layer graph whose first
     * {@code left} vertices form one side (-1: not known to be bipartite); the repetition test then runs through
     * the Schur complement ({@link SchurFiedler#nextAfter}), as fast as the Fiedler solve itself.
     */
    static Space of(CsrGraph graph, FiedlerResult fiedler, FiedlerSolver.Options options, int left) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(fiedler, "fiedler");
        double[] v = fiedler.vectorArray();
        int n = graph.vertexCount();
        Space simple = new Space(List.of(v), 1, true);
        if (fiedler.value() == null || fiedler.components() > 1 || n < 3) {
            return simple;
        }
        Laplacian lap = new Laplacian(graph);
        double tol = RELATIVE_TOLERANCE * Math.max(2 * lap.maxStrength(), Double.MIN_NORMAL);
        double lambda = fiedler.value();
        if (n > FiedlerSolver.DENSE_LIMIT) {
            Double next = null;
            if (left >= 0 && Math.min(left, n - left) <= SchurFiedler.SIDE_LIMIT) {
                next = SchurFiedler.nextAfter(graph, left, v, lambda, options.tolerance(), options.seed() + 1,
                        options.maxBasis());
            }
            if (next == null) {
                next = new LanczosFiedler(lap, options.tolerance(), options.seed() + 1, options.maxBasis(),
                        options.maxRestarts(), new double[][] {v}).run().value();
            }
            if (next > lambda + tol) {
                return simple;
            }
            Twins twins = new Twins(graph);
            if (twins.count() > DENSE_SPACE_LIMIT) {
                return deflated(lap, v, lambda, tol, options);
            }
            return quotient(graph, twins, lambda, tol, simple);
        }
        return quotient(graph, new Twins(graph), lambda, tol, simple);
    }

    /** The exact eigenspace through the twin quotient (class comment); {@code simple} when lambda_2 is simple. */
    private static Space quotient(CsrGraph graph, Twins t, double lambda, double tol, Space simple) {
        int k = t.count();
        int n = graph.vertexCount();
        // toClass[c][c2]: the weight from c's vertices (each alike) to all of class c2, |c2| w(c, c2)
        double[][] toClass = new double[k][k];
        for (int c = 0; c < k; c++) {
            int rep = t.representative(c);
            for (int e = graph.firstEdge(rep); e < graph.endEdge(rep); e++) {
                toClass[c][t.classOf(graph.neighbour(e))] += graph.weight(e);
            }
        }
        // B = diag(d) - S^(1/2) W S^(1/2), entry sqrt(|c| |c2|) w(c, c2) = toClass[c][c2] sqrt(|c| / |c2|);
        // symmetrised explicitly so that rounding cannot make it otherwise
        DMatrixRMaj b = new DMatrixRMaj(k, k);
        for (int c = 0; c < k; c++) {
            b.set(c, c, graph.strength(t.representative(c)));
            for (int c2 = 0; c2 < k; c2++) {
                double off = 0.5 * (toClass[c][c2] * Math.sqrt((double) t.size(c) / t.size(c2))
                        + toClass[c2][c] * Math.sqrt((double) t.size(c2) / t.size(c)));
                b.add(c, c2, -off);
            }
        }
        if (clearlySimple(b, graph, t, lambda, tol)) {
            return simple;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(b)) {
            throw new ArithmeticException("symmetric eigendecomposition of a " + k + "-class quotient failed");
        }
        List<double[]> z = new ArrayList<>();
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            if (Math.abs(eig.getEigenvalue(i).real - lambda) <= tol) {
                z.add(eig.getEigenVector(i).getData().clone());
            }
        }
        int multiplicity = z.size();
        for (int c = 0; c < k; c++) {
            if (t.size(c) > 1 && Math.abs(graph.strength(t.representative(c)) - lambda) <= tol) {
                multiplicity += t.size(c) - 1;
            }
        }
        if (multiplicity <= 1) {
            return simple;
        }
        List<double[]> candidates = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] e = new double[n];
            e[t.representative(c)] = 1;
            candidates.add(project(graph, t, lambda, tol, z, e));
        }
        for (double[] r : probes(n)) {
            candidates.add(project(graph, t, lambda, tol, z, r));
        }
        return new Space(candidates, multiplicity, true);
    }

    /**
     * Whether lambda_2 is simple by a margin, read from the quotient's eigenvalues alone: exactly one eigenvalue of
     * {@code b}, and no twin class's strength, within twice the tolerance of lambda. The eigenvalues cost a fraction
     * of the eigenvectors (no rotations accumulated), and most pruned layers have a simple lambda_2, whose
     * eigenvectors the caller would compute only to count them. The margin makes the answer the one the
     * eigenvectors' decomposition gives: the two decompositions' eigenvalues differ by rounding (about 1e-15 of
     * the largest), far below the tolerance, so an eigenvalue outside twice the tolerance here is outside it there.
     * False (look closer) whenever the decomposition fails.
     */
    private static boolean clearlySimple(DMatrixRMaj b, CsrGraph graph, Twins t, double lambda, double tol) {
        int k = b.getNumRows();
        for (int c = 0; c < k; c++) {
            if (t.size(c) > 1 && Math.abs(graph.strength(t.representative(c)) - lambda) <= 2 * tol) {
                return false;
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> values = DecompositionFactory_DDRM.eig(k, false, true);
        if (!values.decompose(values.inputModified() ? b.copy() : b)) {
            return false;
        }
        int near = 0;
        for (int i = 0; i < values.getNumberOfEigenvalues(); i++) {
            if (Math.abs(values.getEigenvalue(i).real - lambda) <= 2 * tol) {
                near++;
            }
        }
        return near == 1;
    }

    /**
     * P r, the orthogonal projection of r onto the eigenspace: on each twin class c whose strength is lambda_2, r
     * minus its mean over c; plus sum over the quotient eigenvectors z of x_z (x_z . r), x_z having entries
     * z_c / sqrt(|c|).
     */
    private static double[] project(CsrGraph graph, Twins t, double lambda, double tol, List<double[]> z,
                                     double[] r) {
        int n = r.length;
        int k = t.count();
        double[] classSum = new double[k];
        for (int u = 0; u < n; u++) {
            classSum[t.classOf(u)] += r[u];
        }
        double[] x = new double[n];
        for (int u = 0; u < n; u++) {
            int c = t.classOf(u);
            if (t.size(c) > 1 && Math.abs(graph.strength(t.representative(c)) - lambda) <= tol) {
                x[u] = r[u] - classSum[c] / t.size(c);
            }
        }
        for (double[] zi : z) {
            double dot = 0;
            for (int c = 0; c < k; c++) {
                dot += zi[c] / Math.sqrt(t.size(c)) * classSum[c];
            }
            for (int u = 0; u < n; u++) {
                int c = t.classOf(u);
                x[u] += dot * zi[c] / Math.sqrt(t.size(c));
            }
        }
        return x;
    }

    /**
     * {@link #PROBES} fixed pseudo-random Gaussian vectors (seed {@link #PROBE_SEED}, independent of the solver's):
     * their projections are "global" vectors of the eigenspace, whose sweeps find balanced cuts, where the vertex
     * projections are concentrated on one vertex and find small sets.
     */
    private static List<double[]> probes(int n) {
        java.util.Random rnd = new java.util.Random(PROBE_SEED);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            double[] r = new double[n];
            for (int j = 0; j < n; j++) {
                r[j] = rnd.nextGaussian();
            }
            out.add(r);
        }
        return out;
    }

    private static Space deflated(Laplacian lap, double[] first, double lambda, double tol,
                                  FiedlerSolver.Options options) {
        List<double[]> found = orthonormal(List.of(first));
        while (found.size() < DEFLATION_LIMIT) {
            LanczosFiedler.Outcome o = new LanczosFiedler(lap, options.tolerance(), options.seed() + found.size(),
                    options.maxBasis(), options.maxRestarts(), found.toArray(new double[0][])).run();
            if (o.value() > lambda + tol) {
                break;
            }
            List<double[]> more = new ArrayList<>(found);
            more.add(o.vector());
            found = orthonormal(more);
        }
        int n = lap.size();
        List<double[]> candidates = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            double[] x = new double[n];
            for (double[] q : found) {
                Kernels.axpy(q[v], q, x);
            }
            candidates.add(x);
        }
        for (double[] r : probes(n)) {
            double[] x = new double[n];
            for (double[] q : found) {
                Kernels.axpy(Kernels.dot(q, r), q, x);
            }
            candidates.add(x);
        }
        return new Space(candidates, found.size(), found.size() < DEFLATION_LIMIT);
    }

    /** Gram-Schmidt (twice) of the given vectors; drops a vector that is (numerically) dependent. */
    private static List<double[]> orthonormal(List<double[]> vs) {
        List<double[]> out = new ArrayList<>();
        for (double[] v : vs) {
            double[] x = v.clone();
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : out) {
                    Kernels.axpy(-Kernels.dot(x, q), q, x);
                }
            }
            double norm = Math.sqrt(Kernels.dot(x, x));
            if (norm > 1e-8) {
                for (int i = 0; i < x.length; i++) {
                    x[i] /= norm;
                }
                out.add(x);
            }
        }
        return out;
    }

    /** The best sweep cut over the candidates (see the class comment). */
    static CutResult sweepCut(CsrGraph graph, Space space) {
        List<double[]> cs = space.candidates();
        if (cs.size() == 1) {
            return new SweepCut(graph, cs.get(0)).result();
        }
        CutResult best = null;
        for (double[] candidate : cs) {
            double max = 0;
            for (double e : candidate) {
                max = Math.max(max, Math.abs(e));
            }
            if (max < 1e-12) {
                continue; // the vertex is orthogonal to the eigenspace
            }
            double quantum = 1e-10 * max;
            double[] x = new double[candidate.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.rint(candidate[i] / quantum) * quantum;
            }
            CutResult c = new SweepCut(graph, x).result();
            if (c.ratio() != null && (best == null || c.ratio() < best.ratio())) {
                best = c;
            }
        }
        return best != null ? best : new SweepCut(graph, cs.get(0)).result();
    }

    /** Classes of twins: vertices with the same neighbours and the same edge weights to them. O(edges log). */
    static final class Twins {
        private final int[] classOf;
        private final int[] representative;
        private final int[] size;

        Twins(CsrGraph g) {
            int n = g.vertexCount();
            classOf = new int[n];
            java.util.Map<Key, Integer> ids = new java.util.HashMap<>();
            List<Integer> reps = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                Key key = Key.of(g, v);
                Integer c = ids.get(key);
                if (c == null) {
                    c = reps.size();
                    ids.put(key, c);
                    reps.add(v);
                    sizes.add(0);
                }
                classOf[v] = c;
                sizes.set(c, sizes.get(c) + 1);
            }
            representative = reps.stream().mapToInt(Integer::intValue).toArray();
            size = sizes.stream().mapToInt(Integer::intValue).toArray();
        }

        int count() {
            return representative.length;
        }

        int classOf(int v) {
            return classOf[v];
        }

        int representative(int c) {
            return representative[c];
        }

        int size(int c) {
            return size[c];
        }

        /** A vertex's neighbours, ascending, with the summed weight to each (parallel edges merged). */
        private record Key(int[] neighbours, long[] weightBits) {
            static Key of(CsrGraph g, int v) {
                int from = g.firstEdge(v);
                int d = g.endEdge(v) - from;
                long[] packed = new long[d];
                for (int i = 0; i < d; i++) {
                    packed[i] = (long) g.neighbour(from + i) << 32 | i;
                }
                java.util.Arrays.sort(packed);
                int[] nb = new int[d];
                long[] w = new long[d];
                int m = 0;
                double acc = 0;
                for (int i = 0; i < d; i++) {
                    int u = (int) (packed[i] >>> 32);
                    double wt = g.weight(from + (int) packed[i]);
                    if (m > 0 && nb[m - 1] == u) {
                        acc += wt;
                    } else {
                        if (m > 0) {
                            w[m - 1] = Double.doubleToLongBits(acc);
                        }
                        nb[m++] = u;
                        acc = wt;
                    }
                }
                if (m > 0) {
                    w[m - 1] = Double.doubleToLongBits(acc);
                }
                return new Key(java.util.Arrays.copyOf(nb, m), java.util.Arrays.copyOf(w, m));
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && java.util.Arrays.equals(neighbours, k.neighbours)
                        && java.util.Arrays.equals(weightBits, k.weightBits);
            }

            @Override
            public int hashCode() {
                return 31 * java.util.Arrays.hashCode(neighbours) + java.util.Arrays.hashCode(weightBits);
            }

            @Override
            public String toString() {
                return "Key" + java.util.Arrays.toString(neighbours);
            }
        }
    }
}
