package org.expanderexplorer.core.data;

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
}
