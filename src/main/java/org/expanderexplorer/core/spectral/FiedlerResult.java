package org.expanderexplorer.core.spectral;

import java.util.List;
import java.util.Objects;

/**
 * The Fiedler value lambda_2 of the Laplacian L = D - A and a Fiedler vector.
 *
 * @param value      lambda_2; exactly 0 for a disconnected graph; null for fewer than 2 vertices
 * @param vector     a unit eigenvector for lambda_2, orthogonal to the constant vector, indexed by vertex; for a
 *                   disconnected graph the centred indicator of its smallest component; all zeros (length n)
 *                   when the value is null. Sign fixed so that the entry of largest magnitude (first one on a
 *                   tie) is positive.
 * @param components number of connected components
 * @param solver     how it was computed
 */
public record FiedlerResult(Double value, List<Double> vector, int components, SolverStats solver) {

    public FiedlerResult {
        vector = List.copyOf(Objects.requireNonNull(vector, "vector"));
        Objects.requireNonNull(solver, "solver");
    }

    /** The vector as a fresh array. */
    public double[] vectorArray() {
        double[] out = new double[vector.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector.get(i);
        }
        return out;
    }

    static List<Double> box(double[] x) {
        Double[] boxed = new Double[x.length];
        for (int i = 0; i < x.length; i++) {
            boxed[i] = x[i];
        }
        return List.of(boxed);
    }
}
