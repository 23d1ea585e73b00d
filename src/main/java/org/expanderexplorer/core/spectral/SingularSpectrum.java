package org.expanderexplorer.core.spectral;

import java.util.List;
import java.util.Objects;

/**
 * The singular values of a layer's biadjacency M (non-isolated part), which are the non-negative adjacency
 * eigenvalues of the bipartite graph (science.md, section 2).
 *
 * @param values   the singular values, descending: all min(|L'|, |R'|) of them when {@code complete}, otherwise
 *                 the largest ones only (see {@link SingularValues}); empty when the layer has no edges
 * @param mu0      sigma_1, the trivial eigenvalue; null when there are no singular values
 * @param muHat    sigma_2, the largest non-trivial eigenvalue magnitude; 0 when there is exactly one singular
 *                 value (a star: the other adjacency eigenvalues are 0); null when there are none
 * @param method   how the values were computed, which fixes their accuracy (see {@link SingularValues})
 * @param complete true when {@code values} holds every singular value
 */
public record SingularSpectrum(List<Double> values, Double mu0, Double muHat, Method method, boolean complete) {

    /** How the singular values were computed. */
    public enum Method {
        /** No edges: nothing to compute. */
        NONE,
        /** Square roots of the symmetric eigenvalues of the smaller Gram matrix (well-conditioned M only). */
        GRAM_EVD,
        /** Implicit-QR SVD of M itself: backward stable for every value. */
        EXACT_SVD,
        /** The largest values only, by Lanczos on M M^T (or M^T M) per connected component. */
        LANCZOS_TOP
    }

    public SingularSpectrum {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        Objects.requireNonNull(method, "method");
    }

    /** A complete spectrum computed by the exact SVD (the form of earlier versions). */
    public SingularSpectrum(List<Double> values, Double mu0, Double muHat) {
        this(values, mu0, muHat, values.isEmpty() ? Method.NONE : Method.EXACT_SVD, true);
    }

    /** Builds the spectrum from singular values sorted descending; the array is not modified. */
    static SingularSpectrum ofDescending(double[] sorted, Method method, boolean complete) {
        Double[] boxed = new Double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            boxed[i] = sorted[i];
        }
        Double mu0 = sorted.length == 0 ? null : sorted[0];
        Double muHat = sorted.length == 0 ? null : sorted.length == 1 ? 0.0 : sorted[1];
        return new SingularSpectrum(List.of(boxed), mu0, muHat, sorted.length == 0 ? Method.NONE : method, complete);
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
