package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.expanderexplorer.core.Lazy;
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
public final class LayerAnalysis extends FiedlerAnalysis {

    private final LayerGraph graph;
    private final AnalysisOptions options;
    private final Lazy<SingularSpectrum> spectrum;
    private final Lazy<RamanujanGaps> gaps;
    private CutResult exact;
    private final Lazy<CheegerBounds> bounds;
    private boolean exactDone;
    private final Lazy<LayerAnalysisResult> result;

    public LayerAnalysis(LayerGraph graph) {
        this(graph, AnalysisOptions.DEFAULT);
    }

    /**
     * @param graph   the layer graph
     * @param options when to enumerate the exact constant, and the Fiedler solver's options
     */
    public LayerAnalysis(LayerGraph graph, AnalysisOptions options) {
        // the CSR form is derived on demand, so the base asks for it only when the sweep cut is computed
        super(() -> graph.asCsrGraph(), () -> FiedlerSolver.forLayer(graph, options.fiedler()).result(),
                f -> FiedlerEigenspace.of(graph.asCsrGraph(), f, options.fiedler(), graph.left()));
        this.graph = Objects.requireNonNull(graph, "graph");
        this.options = Objects.requireNonNull(options, "options");
        this.spectrum = new Lazy<>(() -> new SingularValues(graph).result());
        this.gaps = new Lazy<>(() -> RamanujanGaps.of(graph, spectrum()));
        this.bounds = new Lazy<>(() -> CheegerBounds.of(fiedler().value(), graph.minDegree(), graph.maxDegree(),
                spectrum().muHat(), sweepCut().ratio()));
        this.result = new Lazy<>(() -> new LayerAnalysisResult(GraphStats.of(graph), spectrum(), gaps(), fiedler(),
                sweepCut(), exactCheeger(), bounds(), gapVariants()));
    }

    public LayerGraph graph() {
        return graph;
    }

    /** Singular values of M, mu_0 and mu_hat. */
    public SingularSpectrum spectrum() {
        return spectrum.get();
    }

    /** Delta_S, Delta_R and the other gaps. */
    public RamanujanGaps gaps() {
        return gaps.get();
    }

    /** The gap variants of other implementations ({@link GapVariants}). */
    public synchronized GapVariants gapVariants() {
        return GapVariants.of(graph, spectrum(), gaps());
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
    public CheegerBounds bounds() {
        return bounds.get();
    }

    /** The whole analysis as one record of its sub-results. */
    public LayerAnalysisResult result() {
        return result.get();
    }
}
