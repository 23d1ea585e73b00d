package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;

/**
 * The gap variants other implementations use, beside this tool's own gaps ({@link RamanujanGaps}) and labelled
 * so that nobody mistakes one for the other (science.md, section 7). Null where undefined, never NaN.
 *
 * <p>Ours: isolated vertices removed, d_L and d_R the representation's average degrees (strengths when weighted),
 * Delta_R only in the unweighted representation, normalised gaps = gap / bound, low-degree flag on the average
 * degree 2|E| / (|L'| + |R'|) &lt; 3. The variants:
 * <ul>
 *   <li>{@code deltaROverMuHat}, {@code deltaSOverMuHat}: each gap divided by mu_hat = sigma_2 (not by its bound),
 *       as a public implementation that says it follows Pal et al. does; null where mu_hat = 0 or the gap is
 *       undefined (Delta_R: unweighted only).</li>
 *   <li>{@code deltaREdgeDegrees}: sqrt(d_L - 1) + sqrt(d_R - 1) - mu_hat with d_L = |E| / |L'|, d_R = |E| / |R'|
 *       edge counts, and the representation's mu_hat. Unweighted it equals Delta_R; weighted it is that
 *       implementation's weighted delta_r (singular values of |W|, edge-count degrees).</li>
 *   <li>{@code deltaRIsolatedKept}: the same with isolated vertices kept in the degrees, d_L = |E| / |L|,
 *       d_R = |E| / |R| over all rows and columns (that implementation does not remove them; mu_hat is unchanged,
 *       an all-zero row or column adds only zero singular values).</li>
 *   <li>{@code lowDegreeEitherSide}: min(d_L, d_R) &lt; 3 in edge counts, the condition under which Hoang et al.'s
 *       code reports no gap at all (we report the gaps and raise this flag).</li>
 * </ul>
 * Each degree-based gap is null where a degree under its square root is below 1.
 *
 * @param deltaROverMuHat     Delta_R / mu_hat (unweighted only)
 * @param deltaSOverMuHat     Delta_S / mu_hat
 * @param deltaREdgeDegrees   Delta_R with edge-count degrees and this representation's mu_hat
 * @param deltaRIsolatedKept  Delta_R with edge-count degrees over all vertices, isolated ones included
 * @param avgDegreeLeftEdges  |E| / |L'|, edge counts (null without edges)
 * @param avgDegreeRightEdges |E| / |R'|, edge counts (null without edges)
 * @param lowDegreeEitherSide min(d_L, d_R) &lt; 3 in edge counts (true without edges)
 */
public record GapVariants(Double deltaROverMuHat, Double deltaSOverMuHat, Double deltaREdgeDegrees,
                          Double deltaRIsolatedKept, Double avgDegreeLeftEdges, Double avgDegreeRightEdges,
                          boolean lowDegreeEitherSide) {

    /** Below this average degree on either side the prior code reports no gap. */
    public static final double LOW_DEGREE_THRESHOLD = 3.0;

    /** The variants of a layer from its gaps and spectrum. O(1). */
    public static GapVariants of(LayerGraph graph, SingularSpectrum spectrum, RamanujanGaps gaps) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(gaps, "gaps");
        int e = graph.edges();
        if (e == 0 || spectrum.muHat() == null) {
            return new GapVariants(null, null, null, null, null, null, true);
        }
        double muHat = spectrum.muHat();
        double dl = (double) e / graph.left();
        double dr = (double) e / graph.right();
        double dlAll = (double) e / graph.originalLeft();
        double drAll = (double) e / graph.originalRight();
        Double rOver = graph.representation() == Representation.UNWEIGHTED ? over(gaps.deltaR(), muHat) : null;
        return new GapVariants(rOver, over(gaps.deltaS(), muHat), biregular(dl, dr, muHat),
                biregular(dlAll, drAll, muHat), dl, dr, Math.min(dl, dr) < LOW_DEGREE_THRESHOLD);
    }

    private static Double over(Double gap, double muHat) {
        return gap == null || muHat == 0.0 ? null : gap / muHat;
    }

    private static Double biregular(double dl, double dr, double muHat) {
        return dl >= 1 && dr >= 1 ? Math.sqrt(dl - 1) + Math.sqrt(dr - 1) - muHat : null;
    }
}
