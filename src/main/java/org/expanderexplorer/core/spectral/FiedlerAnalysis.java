package org.expanderexplorer.core.spectral;

import java.util.function.Function;
import java.util.function.Supplier;
import org.expanderexplorer.core.Lazy;
import org.expanderexplorer.core.graph.CsrGraph;

/**
 * The Fiedler part that {@link GraphAnalysis} and {@link LayerAnalysis} share: the Fiedler pair, the eigenspace of
 * lambda_2 and the sweep cut over it, each computed on first request and cached. The two differ only in how they
 * solve for the pair and find the eigenspace (a layer graph knows its bipartition), so those come in as functions.
 */
abstract class FiedlerAnalysis {

    private final Lazy<FiedlerResult> fiedler;
    private final Lazy<FiedlerEigenspace.Space> eigenspace;
    private final Lazy<CutResult> sweepCut;

    /**
     * @param graph the graph whose Laplacian is solved, asked for only when the sweep cut is computed
     * @param solve solves for the Fiedler pair
     * @param space finds the eigenspace of lambda_2 from the pair
     */
    FiedlerAnalysis(Supplier<CsrGraph> graph, Supplier<FiedlerResult> solve,
            Function<FiedlerResult, FiedlerEigenspace.Space> space) {
        this.fiedler = new Lazy<>(solve);
        this.eigenspace = new Lazy<>(() -> space.apply(fiedler()));
        this.sweepCut = new Lazy<>(() -> FiedlerEigenspace.sweepCut(graph.get(), eigenspace.get()));
    }

    /** The Fiedler pair of the graph's Laplacian. */
    public final FiedlerResult fiedler() {
        return fiedler.get();
    }

    /**
     * The sweep cut of the Fiedler vector; when lambda_2 is repeated, the best sweep over its eigenspace, which does
     * not depend on the eigenvector the solver returned ({@link FiedlerEigenspace}).
     */
    public final CutResult sweepCut() {
        return sweepCut.get();
    }

    /**
     * The multiplicity of lambda_2 (1 when simple; for a disconnected graph 1, its cut separating a component),
     * as found by {@link FiedlerEigenspace}; on graphs past its dense limit possibly a lower bound.
     */
    public final int fiedlerMultiplicity() {
        return eigenspace.get().multiplicity();
    }
}
