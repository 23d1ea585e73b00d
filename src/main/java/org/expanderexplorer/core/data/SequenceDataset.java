package org.expanderexplorer.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A labelled set of fixed-length sequences for classification: example i is a sequence of {@link #steps()}
 * time steps, each a vector of {@link #features()} values, with a label in 0 .. classes()-1. Sequential MNIST,
 * for instance, has 28 steps (image rows) of 28 features (pixels / 255).
 *
 * <p>Implementations are immutable and safe to read from several threads.
 */
public interface SequenceDataset {

    /** Short name, e.g. {@code mnist-test}. */
    String name();

    /** Number of examples. */
    int size();

    /** Time steps T of every sequence. */
    int steps();

    /** Features per step. */
    int features();

    /** Number of classes. */
    int classes();

    /** Label of example i, in 0 .. classes()-1. */
    int label(int i);

    /**
     * Copies example i into {@code dest} (modified) from {@code offset}, step-major: value (t, f) goes to
     * {@code dest[offset + t * features() + f]}.
     */
    void copySequence(int i, float[] dest, int offset);

    /**
     * Copies example i into {@code dest} (modified) with a stride: value (t, f) goes to
     * {@code dest[offset + (t * features() + f) * stride]} (stride 1 is {@link #copySequence(int, float[], int)}).
     * The fast inference path copies sequences this way straight into its panel's rows. By default through a
     * step-major copy; a data set that can write the strided copy directly overrides it.
     *
     * @throws IndexOutOfBoundsException if the last value would fall outside {@code dest}
     * @throws IllegalArgumentException if {@code stride} is below 1
     */
    default void copySequence(int i, float[] dest, int offset, int stride) {
        int length = steps() * features();
        checkStrided(length, dest, offset, stride);
        float[] values = new float[length];
        copySequence(i, values, 0);
        for (int k = 0; k < length; k++) {
            dest[offset + k * stride] = values[k];
        }
    }

    /** Checks that {@code length} values {@code stride} apart from {@code offset} fit in {@code dest}. */
    static void checkStrided(int length, float[] dest, int offset, int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride " + stride + " is below 1");
        }
        if (length > 0) {
            // the span from the first value to the last, clamped so that an absurd stride fails the check
            Objects.checkFromIndexSize(offset, (int) Math.min(Integer.MAX_VALUE, (length - 1L) * stride + 1),
                    dest.length);
        }
    }

    /** One name per class, index = label; by default the label numbers "0", "1", ... */
    default List<String> classNames() {
        return numberedClassNames(classes());
    }

    /** The names "0", "1", ..., {@code classes - 1}: for classes known by their label number only. */
    static List<String> numberedClassNames(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return List.copyOf(names);
    }

    /** The metadata: name, size, T, F, classes and class names. */
    default DatasetInfo info() {
        return new DatasetInfo(name(), size(), steps(), features(), classes(), classNames());
    }

    /**
     * Copies the examples at {@code indices} (not modified) into {@code dest} (modified) from {@code offset}, one
     * after the other, each step-major as in {@link #copySequence}: value (n, t, f) goes to
     * {@code dest[offset + (n * steps() + t) * features() + f]}. Suits {@code Nd4j.create(dest, n, T, F)}.
     */
    default void copyBatch(int[] indices, float[] dest, int offset) {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(dest, "dest");
        int length = steps() * features();
        if (offset < 0 || (long) offset + (long) indices.length * length > dest.length) {
            throw new IllegalArgumentException("dest of length " + dest.length + " cannot hold " + indices.length
                    + " sequences of " + length + " values from offset " + offset);
        }
        for (int n = 0; n < indices.length; n++) {
            copySequence(indices[n], dest, offset + n * length);
        }
    }

    /** The examples at {@code indices} (not modified) as a fresh array [n][T][F]. */
    default float[][][] batch(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        int steps = steps();
        int features = features();
        float[] flat = new float[steps * features];
        float[][][] out = new float[indices.length][steps][features];
        for (int n = 0; n < indices.length; n++) {
            copySequence(indices[n], flat, 0);
            for (int t = 0; t < steps; t++) {
                System.arraycopy(flat, t * features, out[n][t], 0, features);
            }
        }
        return out;
    }

    /** The examples from .. from + count - 1 as a fresh array [count][T][F]. */
    default float[][][] batch(int from, int count) {
        return batch(range(from, count));
    }

    /** Labels of the examples at {@code indices} (not modified), as a fresh array. */
    default int[] labels(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        int[] out = new int[indices.length];
        for (int n = 0; n < indices.length; n++) {
            out[n] = label(indices[n]);
        }
        return out;
    }

    /** Indices from .. from + count - 1, checked against {@link #size()}. */
    default int[] range(int from, int count) {
        if (from < 0 || count < 0 || (long) from + count > size()) {
            throw new IndexOutOfBoundsException("examples " + from + " .. " + ((long) from + count - 1) + " of "
                    + size());
        }
        int[] indices = new int[count];
        for (int n = 0; n < count; n++) {
            indices[n] = from + n;
        }
        return indices;
    }
}
