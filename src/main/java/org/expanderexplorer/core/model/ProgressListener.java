package org.expanderexplorer.core.model;

/** Receives training progress after each mini-batch, on the training thread (keep it short). */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = p -> { };

    void onProgress(TrainingProgress progress);
}
