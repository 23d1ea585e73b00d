package org.expanderexplorer.core.data;

/** Which part of a data set to load: the training examples or the held-out test examples. */
public enum Split {
    TRAIN,
    TEST;

    /** Lower-case name used in data set names, e.g. {@code mnist-train}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
