package org.expanderexplorer.core.model;

import java.util.Objects;
import org.expanderexplorer.core.data.SequenceDataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns examples of a {@link SequenceDataset} into Deeplearning4j mini-batches.
 *
 * <p>Features use the {@code NWC} layout [batch, time, features] in C order: that is exactly
 * {@link SequenceDataset#copySequence}'s step-major order, so a batch is B consecutive copies with no transpose.
 * The recurrent layers are configured with {@code RNNFormat.NWC} to read it. Labels are one-hot rows [batch,
 * classes]. One instance reuses its float buffer between batches; not thread-safe.
 */
final class SequenceBatches {

    private final SequenceDataset data;
    private final int classes;
    private final int stride;
    private float[] buffer = new float[0];

    /**
     * @param data    the examples
     * @param classes width of the one-hot labels (at least {@code data.classes()})
     */
    SequenceBatches(SequenceDataset data, int classes) {
        this.data = Objects.requireNonNull(data, "data");
        this.classes = classes;
        this.stride = Math.multiplyExact(data.steps(), data.features());
    }

    /** Features of examples {@code order[from..to)} (order not modified) as [to-from, T, F]. */
    INDArray features(int[] order, int from, int to) {
        int n = to - from;
        int len = Math.multiplyExact(n, stride);
        if (buffer.length < len) {
            buffer = new float[len];
        }
        data.copyBatch(java.util.Arrays.copyOfRange(order, from, to), buffer, 0);
        float[] exact = len == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, len);
        return Nd4j.create(exact, new long[] {n, data.steps(), data.features()}, 'c');
    }

    /** One-hot labels of examples {@code order[from..to)} (order not modified) as [to-from, classes]. */
    INDArray labels(int[] order, int from, int to) {
        int n = to - from;
        float[] y = new float[n * classes];
        for (int k = 0; k < n; k++) {
            y[k * classes + data.label(order[from + k])] = 1f;
        }
        return Nd4j.create(y, new long[] {n, classes}, 'c');
    }

    /** The identity order 0 .. n-1. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
