package org.expanderexplorer.core.model;

import java.util.SplittableRandom;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.ShapedSequenceDataset;

/** An in-memory data set for tests, plus a generator of an easy synthetic task. */
public final class ArraySequenceDataset extends ShapedSequenceDataset {

    private final float[] values;
    private final int[] labels;

    /** Takes the arrays as they are: {@code values} holds size x steps x features values, step-major. */
    public ArraySequenceDataset(String name, int steps, int features, int classes, float[] values, int[] labels) {
        super(name, steps, features, SequenceDataset.numberedClassNames(classes));
        this.values = values;
        this.labels = labels;
    }

    /**
     * The "which channel pulsed" task: each sequence is Gaussian noise (sd 0.3) with one pulse of height 2 on
     * channel {@code label} at a random step in the first half. Reading the last hidden state, the network has to
     * carry the pulse through the remaining steps.
     */
    static ArraySequenceDataset pulses(String name, int n, int steps, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * steps * classes];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
            for (int k = 0; k < steps * classes; k++) {
                v[i * steps * classes + k] = (float) (0.3 * gaussian(r));
            }
            int t = r.nextInt(Math.max(1, steps / 2));
            v[i * steps * classes + t * classes + y[i]] += 2f;
        }
        return new ArraySequenceDataset(name, steps, classes, classes, v, y);
    }

    /** Uniform noise in [-1, 1] with random labels (for shape-only tests). */
    static ArraySequenceDataset noise(int n, int steps, int features, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * steps * features];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (2 * r.nextDouble() - 1);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return new ArraySequenceDataset("noise", steps, features, classes, v, y);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The raw values of examples [from, to), step-major, as one batch. */
    float[] flat(int from, int to) {
        int stride = steps() * features();
        return java.util.Arrays.copyOfRange(values, from * stride, to * stride);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public void copySequence(int i, float[] dest, int offset) {
        int stride = steps() * features();
        System.arraycopy(values, i * stride, dest, offset, stride);
    }
}
