package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;

/**
 * The Ramanujan gaps of one layer (science.md, section 3). A value is null where it is undefined, never NaN.
 *
 * <ul>
 *   <li>Delta_R = sqrt(d_L - 1) + sqrt(d_R - 1) - mu_hat, the (d_L, d_R)-biregular bound with the average
 *       degrees d_L = |E| / |L'|, d_R = |E| / |R'|. Unweighted representation only (the paper's weighted figures
 *       show Delta_S only); null where d_L &lt; 1 or d_R &lt; 1.</li>
 *   <li>Delta_S = 2 sqrt(mu_0 - 1) - mu_hat, the d-regular bound with d estimated by mu_0; both
 *       representations; null where mu_0 &lt; 1.</li>
 *   <li>the average-degree variant 2 sqrt(d_avg - 1) - mu_hat with d_avg = 2|E| / (|L'| + |R'|); both
 *       representations (with strengths in the weighted one, as {@link LayerGraph#avgDegree()}); null where
 *       d_avg &lt; 1.</li>
 *   <li>the plain spectral gap mu_0 - mu_hat, defined whenever there is an edge.</li>
 * </ul>
 * Each normalised gap is gap / bound (for example Delta_S / (2 sqrt(mu_0 - 1))), null where the bound is 0 or
 * undefined. A layer "is Ramanujan" while a gap is &gt; 0.
 *
 * @param deltaR             Delta_R, or null
 * @param deltaRNormalized   Delta_R / (sqrt(d_L - 1) + sqrt(d_R - 1)), or null
 * @param deltaS             Delta_S, or null
 * @param deltaSNormalized   Delta_S / (2 sqrt(mu_0 - 1)), or null
 * @param deltaAvg           2 sqrt(d_avg - 1) - mu_hat, or null
 * @param deltaAvgNormalized deltaAvg / (2 sqrt(d_avg - 1)), or null
 * @param weightedGap        mu_0 - mu_hat, null only when there are no edges
 * @param lowDegree          the layer's structural average degree is below 3 ({@link LayerGraph#lowDegree()});
 *                           the gaps are computed all the same
 */
public record RamanujanGaps(Double deltaR, Double deltaRNormalized, Double deltaS, Double deltaSNormalized,
        Double deltaAvg, Double deltaAvgNormalized, Double weightedGap, boolean lowDegree) {

    /** The gaps of a layer from its spectrum. O(1) once the degrees and the spectrum are known. */
    public static RamanujanGaps of(LayerGraph graph, SingularSpectrum spectrum) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(spectrum, "spectrum");
        if (graph.edges() == 0) {
            return new RamanujanGaps(null, null, null, null, null, null, null, graph.lowDegree());
        }
        return compute(graph.representation(), graph.avgDegreeLeft(), graph.avgDegreeRight(), graph.avgDegree(),
                spectrum.mu0(), spectrum.muHat(), graph.lowDegree());
    }

    /**
     * The gaps from the scalar inputs.
     *
     * @param representation unweighted or weighted (Delta_R is null in the weighted one)
     * @param dL             average left degree (strength); NaN if undefined
     * @param dR             average right degree (strength); NaN if undefined
     * @param dAvg           average degree over both sides; NaN if undefined
     * @param mu0            sigma_1, or null
     * @param muHat          sigma_2, or null
     * @param lowDegree      the low-degree flag to carry
     */
    public static RamanujanGaps compute(Representation representation, double dL, double dR, double dAvg,
            Double mu0, Double muHat, boolean lowDegree) {
        Objects.requireNonNull(representation, "representation");
        if (mu0 == null || muHat == null) {
            return new RamanujanGaps(null, null, null, null, null, null, null, lowDegree);
        }
        Double boundR = null;
        if (representation == Representation.UNWEIGHTED && dL >= 1 && dR >= 1) {
            boundR = Math.sqrt(dL - 1) + Math.sqrt(dR - 1);
        }
        Double boundS = mu0 >= 1 ? 2 * Math.sqrt(mu0 - 1) : null;
        Double boundAvg = dAvg >= 1 ? 2 * Math.sqrt(dAvg - 1) : null;
        Double deltaR = gap(boundR, muHat);
        Double deltaS = gap(boundS, muHat);
        Double deltaAvg = gap(boundAvg, muHat);
        return new RamanujanGaps(deltaR, ratio(deltaR, boundR), deltaS, ratio(deltaS, boundS),
                deltaAvg, ratio(deltaAvg, boundAvg), mu0 - muHat, lowDegree);
    }

    private static Double gap(Double bound, double muHat) {
        return bound == null ? null : bound - muHat;
    }

    private static Double ratio(Double gap, Double bound) {
        return gap == null || bound == null || bound == 0.0 ? null : gap / bound;
    }
}
