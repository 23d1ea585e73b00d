package org.expanderexplorer.core.model;

import java.util.List;

/**
 * The outcome of a completed training run.
 *
 * @param model   the trained classifier (a new object; the starting model is untouched)
 * @param epochs  per-epoch summaries, in order
 * @param seconds total wall-clock time
 */
public record TrainingResult(RecurrentClassifier model, List<EpochSummary> epochs, double seconds) {

    /** One epoch: mean training loss, running training accuracy and wall-clock time. */
    public record EpochSummary(int epoch, double loss, double accuracy, double seconds) {
    }

    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's summary. */
    public EpochSummary last() {
        return epochs.get(epochs.size() - 1);
    }
}
