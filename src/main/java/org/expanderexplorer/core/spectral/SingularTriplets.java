package org.expanderexplorer.core.spectral;

import java.util.Arrays;

/**
 * Singular values with their left and right singular vectors, descending (see {@link SingularVectors}). Index
 * k = 0 is sigma_1 = mu_0, k = 1 is sigma_2 = mu_hat. Left vectors are indexed by the layer graph's compact left
 * vertex a (0 .. left - 1), right vectors by compact right vertex b (0 .. right - 1, i.e. compact id minus left).
 * Immutable: every accessor returns a copy.
 */
public final class SingularTriplets {

    private final double[] values;
    private final double[][] left;
    private final double[][] right;
    private final int leftCount;
    private final int rightCount;

    /** Takes ownership of the arrays. */
    SingularTriplets(double[] values, double[][] left, double[][] right, int leftCount, int rightCount) {
        this.values = values;
        this.left = left;
        this.right = right;
        this.leftCount = leftCount;
        this.rightCount = rightCount;
    }

    /** Number of singular triplets, min(left, right). */
    public int count() {
        return values.length;
    }

    /** Kept left vertices. */
    public int leftCount() {
        return leftCount;
    }

    /** Kept right vertices. */
    public int rightCount() {
        return rightCount;
    }

    /** sigma_{k+1}. */
    public double value(int k) {
        return values[k];
    }

    /** All singular values, descending (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** u_{k+1} over the compact left vertices (a copy; unit length). */
    public double[] leftVector(int k) {
        return left[k].clone();
    }

    /** v_{k+1} over the compact right vertices (a copy; unit length). */
    public double[] rightVector(int k) {
        return right[k].clone();
    }

    @Override
    public String toString() {
        return "SingularTriplets[" + leftCount + " x " + rightCount + ", values " + Arrays.toString(values) + "]";
    }
}
