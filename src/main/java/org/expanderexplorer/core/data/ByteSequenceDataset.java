package org.expanderexplorer.core.data;

import java.util.List;
import java.util.Objects;

/**
 * A {@link SequenceDataset} of quantised values kept as one compact array of unsigned bytes, converted to floats
 * (value / divisor, correctly rounded) only in {@link #copySequence}. Used for the image data sets (MNIST,
 * Fashion-MNIST, 8 x 8 digits, CIFAR-10), whose values are small integers: the 60,000 MNIST training images take
 * 47 MB instead of 188 MB.
 *
 * <p>Example i occupies bytes {@code i * T * F .. (i + 1) * T * F - 1}, step-major. Immutable; thread-safe.
 * Memory: size * T * F + size bytes; at most {@link Integer#MAX_VALUE} values in all.
 */
public final class ByteSequenceDataset extends ShapedSequenceDataset {

    private final byte[] values;
    private final byte[] labels;
    private final float divisor;
    /** value / divisor for each of the 256 byte values: exact division at the cost of a table lookup. */
    private final float[] table = new float[256];

    /**
     * Takes ownership of the arrays (not copied: the caller must not modify them afterwards).
     *
     * @param name       short name, e.g. {@code mnist-train}
     * @param steps      T
     * @param features   F
     * @param classNames one name per class
     * @param values     size * T * F unsigned bytes, step-major per example
     * @param labels     one label per example, each in 0 .. classes - 1 (checked by the loaders)
     * @param divisor    each unsigned byte is divided by it, e.g. 255
     */
    ByteSequenceDataset(String name, int steps, int features, List<String> classNames, byte[] values, byte[] labels,
                        float divisor) {
        super(name, steps, features, classNames);
        this.values = Objects.requireNonNull(values, "values");
        this.labels = Objects.requireNonNull(labels, "labels");
        if (steps <= 0 || features <= 0 || classNames.isEmpty()) {
            throw new IllegalArgumentException("bad shape " + steps + " x " + features + ", " + classNames.size()
                    + " classes");
        }
        if ((long) labels.length * steps * features != values.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + values.length + " values, expected "
                    + labels.length + " x " + steps + " x " + features);
        }
        if (!(divisor > 0) || Float.isInfinite(divisor)) {
            throw new IllegalArgumentException("divisor must be positive and finite: " + divisor);
        }
        this.divisor = divisor;
        for (int b = 0; b < 256; b++) {
            table[b] = b / divisor;
        }
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** The divisor applied to each stored byte. */
    public float divisor() {
        return divisor;
    }

    /** The stored unsigned byte (before division) of example i at step t, feature f. */
    public int raw(int i, int t, int f) {
        Objects.checkIndex(i, labels.length);
        Objects.checkIndex(t, steps());
        Objects.checkIndex(f, features());
        return values[(i * steps() + t) * features() + f] & 0xff;
    }

    @Override
    public void copySequence(int i, float[] dest, int offset) {
        copySequence(i, dest, offset, 1);
    }

    @Override
    public void copySequence(int i, float[] dest, int offset, int stride) {
        Objects.checkIndex(i, labels.length);
        int length = steps() * features();
        SequenceDataset.checkStrided(length, dest, offset, stride);
        int from = i * length;
        for (int k = 0; k < length; k++) {
            dest[offset + k * stride] = table[values[from + k] & 0xff];
        }
    }
}
