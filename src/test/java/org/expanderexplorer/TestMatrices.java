package org.expanderexplorer;

import java.util.Random;
import org.expanderexplorer.core.graph.WeightMatrix;

/** Seeded random matrices for tests. */
public final class TestMatrices {

    private TestMatrices() {
    }

    /** A rows x cols matrix of independent standard Gaussian entries, from {@code seed}. */
    public static WeightMatrix gaussian(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return new WeightMatrix(rows, cols, d);
    }

    /** As {@link #gaussian}, each entry kept with probability {@code density} and zero otherwise. */
    public static WeightMatrix sparseGaussian(int rows, int cols, double density, long seed) {
        Random r = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() < density ? r.nextGaussian() : 0;
        }
        return new WeightMatrix(rows, cols, d);
    }
}
