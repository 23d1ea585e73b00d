package org.expanderexplorer.core.spectral;

/**
 * How a Fiedler pair was obtained, for reproducibility and for the "how sure is this number" line of a report.
 *
 * @param method    the path taken
 * @param products  products with the Laplacian (Lanczos; 0 otherwise)
 * @param residual  ||L v - lambda v|| of the returned unit vector; null when there is no Fiedler pair
 * @param tolerance the relative tolerance asked for (the residual bound is tolerance * 2 d_max)
 * @param seed      seed of the Lanczos start vector (recorded even where no random start was used)
 * @param converged false only if Lanczos stopped at its limits before meeting the tolerance
 */
public record SolverStats(Method method, int products, Double residual, double tolerance, long seed,
        boolean converged) {

    /** The path by which a Fiedler pair was found. */
    public enum Method {
        /** Fewer than 2 vertices: no Fiedler value. */
        NONE,
        /** Disconnected: lambda_2 = 0 exactly, vector from a component. */
        COMPONENTS,
        /** Dense symmetric eigendecomposition of L (small graphs). */
        DENSE_EVD,
        /** Lanczos with full reorthogonalisation on the operator L. */
        LANCZOS,
        /** Lanczos on L^+ through the Schur complement of a bipartite layer's larger side (products = solves). */
        SCHUR_LANCZOS
    }
}
