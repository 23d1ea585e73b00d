package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.LayerGraph;

/**
 * The spectral analysis of one bipartite layer graph (science.md, sections 2 to 4): singular values, Ramanujan
 * gaps, Fiedler value and vector, Cheeger bounds, sweep cut and, for at most 24 vertices, the exact Cheeger
 * constant. All on the non-isolated part and with the representation's weights.
 *
 * <p>Each piece is computed on first request and cached, so asking for the gaps and then for the whole
 * {@link #result()} does the SVD once. Cost: the SVD, O(m n min(m, n)) for an m x n kept part, plus the
 * Fiedler solver (dense EVD up to {@link FiedlerSolver#DENSE_LIMIT} vertices, Lanczos beyond) and O(edges +
 * n log n) for the sweep cut; a 128 x 512 layer at 20 % density takes about ten milliseconds. Memory is
 * dominated by the dense biadjacency (m n doubles). Not for concurrent use during the first computation.
 */
public final class LayerAnalysis {

    private final LayerGraph graph;
    private final AnalysisOptions options;
    private SingularSpectrum spectrum;
    private RamanujanGaps gaps;
    private FiedlerResult fiedler;
    private CutResult sweepCut;
    private FiedlerEigenspace.Space eigenspace;
    private CutResult exact;
    private CheegerBounds bounds;
    private boolean exactDone;
    private LayerAnalysisResult result;

    public LayerAnalysis(LayerGraph graph) {
        this(graph, AnalysisOptions.DEFAULT);
    }

    /**
     * @param graph   the layer graph
     * @param options when to enumerate the exact constant, and the Fiedler solver's options
     */
    public LayerAnalysis(LayerGraph graph, AnalysisOptions options) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.options = Objects.requireNonNull(options, "options");
    }

    public LayerGraph graph() {
        return graph;
    }

    /** Singular values of M, mu_0 and mu_hat. */
    public synchronized SingularSpectrum spectrum() {
        if (spectrum == null) {
            spectrum = new SingularValues(graph).result();
        }
        return spectrum;
    }

    /** Delta_S, Delta_R and the other gaps. */
    public synchronized RamanujanGaps gaps() {
        if (gaps == null) {
            gaps = RamanujanGaps.of(graph, spectrum());
        }
        return gaps;
    }

    /** The gap variants of other implementations ({@link GapVariants}). */
    public synchronized GapVariants gapVariants() {
        return GapVariants.of(graph, spectrum(), gaps());
    }

    /** The Fiedler pair of the layer's Laplacian. */
    public synchronized FiedlerResult fiedler() {
        if (fiedler == null) {
            fiedler = FiedlerSolver.forLayer(graph, options.fiedler()).result();
        }
        return fiedler;
    }

    /**
     * The sweep cut of the Fiedler vector; when lambda_2 is repeated, the best sweep over its eigenspace, which does
     * not depend on the eigenvector the solver returned ({@link FiedlerEigenspace}).
     */
    public synchronized CutResult sweepCut() {
        if (sweepCut == null) {
            sweepCut = FiedlerEigenspace.sweepCut(graph.asCsrGraph(), eigenspace());
        }
        return sweepCut;
    }

    /**
     * The multiplicity of lambda_2 (1 when simple; for a disconnected graph 1, its cut separating a component),
     * as found by {@link FiedlerEigenspace}; on graphs past its dense limit possibly a lower bound.
     */
    public synchronized int fiedlerMultiplicity() {
        return eigenspace().multiplicity();
    }

    private FiedlerEigenspace.Space eigenspace() {
        if (eigenspace == null) {
            eigenspace = FiedlerEigenspace.of(graph.asCsrGraph(), fiedler(), options.fiedler(), graph.left());
        }
        return eigenspace;
    }

    /**
     * The exact Cheeger constant and an optimal set, or null when the options leave it out.
     *
     * @throws org.expanderexplorer.core.BadInputException if asked for always and the graph is over 24 vertices
     */
    public synchronized CutResult exactCheeger() {
        if (!exactDone) {
            CsrGraph csr = graph.asCsrGraph();
            exact = options.wantsExact(csr.vertexCount()) ? new ExactCheeger(csr).result() : null;
            exactDone = true;
        }
        return exact;
    }

    /** The named Cheeger bounds. */
    public synchronized CheegerBounds bounds() {
        if (bounds == null) {
            bounds = CheegerBounds.of(fiedler().value(), graph.minDegree(), graph.maxDegree(), spectrum().muHat(),
                    sweepCut().ratio());
        }
        return bounds;
    }

    /** The whole analysis as one record of its sub-results. */
    public synchronized LayerAnalysisResult result() {
        if (result == null) {
            result = new LayerAnalysisResult(GraphStats.of(graph), spectrum(), gaps(), fiedler(), sweepCut(),
                    exactCheeger(), bounds(), gapVariants());
        }
        return result;
    }
}
