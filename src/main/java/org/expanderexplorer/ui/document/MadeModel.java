package org.expanderexplorer.ui.document;

import java.util.Objects;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.model.RecurrentClassifier;

/**
 * A model made in the window (trained from scratch, or fine-tuned at a q with its masks held): it becomes the open
 * document, unsaved until the user saves it.
 *
 * @param network     the network
 * @param metadata    how it was made (stored when it is saved)
 * @param test        the test split it was measured on, or null
 * @param dataSpec    that data's spec, or null
 * @param title       the document title, e.g. "trained lstm32"
 * @param keepPercent where the slider starts (100 for a new model, the fine-tuning q for a fine-tuned one)
 * @param status      the status line shown once it is open
 */
public record MadeModel(RecurrentClassifier network, ModelMetadata metadata, SequenceDataset test, String dataSpec,
                        String title, double keepPercent, String status) {

    public MadeModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
    }
}
