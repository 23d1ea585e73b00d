package org.expanderexplorer.core.spectral;

/**
 * Bounds on the Cheeger constant h(G) (science.md, section 4), each kept by name so that a report can say
 * which is which. Null where undefined (fewer than 2 vertices, or the adjacency form outside bipartite layers).
 *
 * <ul>
 *   <li>Laplacian form: lambda_2 / 2 &lt;= h &lt;= sqrt(2 d_max lambda_2), d_max the largest strength.</li>
 *   <li>Adjacency form, from d_min I - A &lt;= L &lt;= d_max I - A (so d_min - mu_hat &lt;= lambda_2 &lt;=
 *       d_max - mu_hat, mu_hat = sigma_2 being the second largest adjacency eigenvalue of a bipartite graph):
 *       (d_min - mu_hat) / 2 &lt;= h &lt;= sqrt(2 d_max (d_max - mu_hat)). The lower one may be negative; it is
 *       reported as it is. (For a single edge the second largest adjacency eigenvalue is -sigma_1, not 0; the
 *       bounds with mu_hat = 0 still hold there.)</li>
 *   <li>The sweep-cut ratio: an upper bound achieved by an actual set.</li>
 * </ul>
 *
 * @param laplacianLower lambda_2 / 2
 * @param laplacianUpper sqrt(2 d_max lambda_2)
 * @param adjacencyLower (d_min - mu_hat) / 2
 * @param adjacencyUpper sqrt(2 d_max (d_max - mu_hat))
 * @param sweepCut       the sweep cut's ratio
 * @param lower          the largest lower bound, never below 0
 * @param upper          the smallest upper bound, the sweep cut included
 */
public record CheegerBounds(Double laplacianLower, Double laplacianUpper, Double adjacencyLower,
        Double adjacencyUpper, Double sweepCut, Double lower, Double upper) {

    /**
     * @param fiedler lambda_2, or null (then every bound is null)
     * @param dMin    smallest strength (used only with {@code muHat})
     * @param dMax    largest strength
     * @param muHat   sigma_2 of a bipartite layer, or null for a general graph (no adjacency form)
     * @param sweep   the sweep-cut ratio, or null
     */
    public static CheegerBounds of(Double fiedler, double dMin, double dMax, Double muHat, Double sweep) {
        if (fiedler == null) {
            return new CheegerBounds(null, null, null, null, null, null, null);
        }
        double lambda = Math.max(fiedler, 0.0);
        Double lapLower = lambda / 2;
        Double lapUpper = Math.sqrt(2 * dMax * lambda);
        Double adjLower = muHat == null ? null : (dMin - muHat) / 2;
        Double adjUpper = muHat == null ? null : Math.sqrt(2 * dMax * Math.max(dMax - muHat, 0.0));
        double lower = Math.max(0.0, lapLower);
        if (adjLower != null) {
            lower = Math.max(lower, adjLower);
        }
        double upper = lapUpper;
        if (adjUpper != null) {
            upper = Math.min(upper, adjUpper);
        }
        if (sweep != null) {
            upper = Math.min(upper, sweep);
        }
        return new CheegerBounds(lapLower, lapUpper, adjLower, adjUpper, sweep, lower, upper);
    }
}
