package org.expanderexplorer.core.spectral;

import java.util.List;
import java.util.Objects;

/**
 * The singular values of a layer's biadjacency M (non-isolated part), which are the non-negative adjacency
 * eigenvalues of the bipartite graph (science.md, section 2).
 *
 * @param values all min(|L'|, |R'|) singular values, descending; empty when the layer has no edges
 * @param mu0    sigma_1, the trivial eigenvalue; null when there are no singular values
 * @param muHat  sigma_2, the largest non-trivial eigenvalue magnitude; 0 when there is exactly one singular
 *               value (a star: the other adjacency eigenvalues are 0); null when there are none
 */
public record SingularSpectrum(List<Double> values, Double mu0, Double muHat) {

    public SingularSpectrum {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }

    /** Builds the spectrum from singular values sorted descending; the array is not modified. */
    static SingularSpectrum ofDescending(double[] sorted) {
        Double[] boxed = new Double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            boxed[i] = sorted[i];
        }
        Double mu0 = sorted.length == 0 ? null : sorted[0];
        Double muHat = sorted.length == 0 ? null : sorted.length == 1 ? 0.0 : sorted[1];
        return new SingularSpectrum(List.of(boxed), mu0, muHat);
    }

    /** The singular values as a fresh array, descending. */
    public double[] valuesArray() {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
