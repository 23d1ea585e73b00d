package org.expanderexplorer.core.subject;

import org.expanderexplorer.core.pruning.PruningMask;

/**
 * Measures a pruned network's test accuracy: the explored layer's masks are applied to a copy of the model
 * (the loaded model is never changed) and the copy is evaluated on held-out data.
 */
public interface AccuracyProbe {

    /**
     * Accuracy in [0, 1] with the masks applied.
     *
     * @param ihMask mask of W_ih (not modified)
     * @param hhMask mask of W_hh (not modified)
     * @param limit  evaluate on this many test examples (a fixed, seeded subset), or 0 for the full test set
     */
    double accuracy(PruningMask ihMask, PruningMask hhMask, int limit);

    /**
     * The same value, for someone waiting for it (the slider's release): may use a second core when one is free.
     * By default {@link #accuracy(PruningMask, PruningMask, int)}.
     */
    default double accuracyNow(PruningMask ihMask, PruningMask hhMask, int limit) {
        return accuracy(ihMask, hhMask, limit);
    }

    /** Size of the full test set. */
    int testSize();

    /** Name of the test data, e.g. {@code mnist-test}. */
    String dataName();
}
