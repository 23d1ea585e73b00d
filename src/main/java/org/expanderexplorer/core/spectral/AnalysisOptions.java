package org.expanderexplorer.core.spectral;

import java.util.Objects;

/**
 * Options of {@link LayerAnalysis} and {@link GraphAnalysis}.
 *
 * @param exact   when to enumerate the exact Cheeger constant
 * @param fiedler options of the Fiedler solver
 */
public record AnalysisOptions(Exact exact, FiedlerSolver.Options fiedler) {

    /** Exact constant when small enough; default Fiedler options. */
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(Exact.AUTO, FiedlerSolver.Options.DEFAULT);

    /** When to compute the exact Cheeger constant. */
    public enum Exact {
        /** When the graph has at most {@link ExactCheeger#MAX_VERTICES} vertices. */
        AUTO,
        /** Always; graphs over the limit are refused with a {@code BadInputException}. */
        ALWAYS,
        /** Never. */
        NEVER
    }

    public AnalysisOptions {
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(fiedler, "fiedler");
    }

    public AnalysisOptions withExact(Exact e) {
        return new AnalysisOptions(e, fiedler);
    }

    public AnalysisOptions withFiedler(FiedlerSolver.Options f) {
        return new AnalysisOptions(exact, f);
    }

    boolean wantsExact(int vertices) {
        return exact == Exact.ALWAYS || exact == Exact.AUTO && vertices <= ExactCheeger.MAX_VERTICES;
    }
}
