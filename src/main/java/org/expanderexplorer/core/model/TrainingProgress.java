package org.expanderexplorer.core.model;

/**
 * Progress after one mini-batch.
 *
 * @param epoch          current epoch, 1-based
 * @param epochs         total epochs
 * @param batch          mini-batches done in this epoch, 1-based
 * @param batches        mini-batches per epoch
 * @param batchLoss      cross-entropy of this mini-batch (before its update)
 * @param epochLoss      mean cross-entropy over this epoch's mini-batches so far (example-weighted)
 * @param epochAccuracy  running accuracy over this epoch's examples so far, each judged by the forward pass of
 *                       its own training step (before that step's update), as Keras reports it
 * @param elapsedNanos   time since training started
 */
public record TrainingProgress(int epoch, int epochs, int batch, int batches, double batchLoss, double epochLoss,
                               double epochAccuracy, long elapsedNanos) {

    /** Fraction of all mini-batches done, 0 .. 1. */
    public double fractionDone() {
        return ((epoch - 1) * (double) batches + batch) / ((double) epochs * batches);
    }

    /** Seconds left at the average speed so far. */
    public double etaSeconds() {
        double f = fractionDone();
        return f <= 0 ? Double.NaN : elapsedNanos / 1e9 * (1 - f) / f;
    }
}
