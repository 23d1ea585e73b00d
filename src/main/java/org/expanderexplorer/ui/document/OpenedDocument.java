package org.expanderexplorer.ui.document;

import java.nio.file.Path;
import java.util.Objects;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.model.StateDictLayout;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.subject.Subject;

/**
 * What the window has open: a model with its data, or a plain matrix, with the text the model panel shows.
 *
 * @param subject     what the explorer prunes
 * @param title       short name (a file name, a sample's name, "trained lstm32")
 * @param summary     lines for the model panel
 * @param file        the file it was read from or last saved to, or null (a sample, a model not saved yet)
 * @param source      what a session records to open it again ({@code sample:NAME.zip} or an absolute path), or
 *                    null while there is no file to point to
 * @param model       the network and its data, or null for a matrix
 * @param initialKeepPercent where the slider starts for it
 * @param unsaved     true for a model made in the window and not saved yet
 */
public record OpenedDocument(Subject subject, String title, String summary, Path file, String source, Model model,
                             double initialKeepPercent, boolean unsaved) {

    /** The sample model opened at start-up. */
    public static final String DEFAULT_SAMPLE = "smnist-lstm128.zip";

    public OpenedDocument {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * The network behind a model document and the data it is measured on.
     *
     * @param network  the network (never changed by the window)
     * @param metadata what it is and how it was trained
     * @param test     the test split accuracy is measured on, or null
     * @param dataSpec the spec of that data ({@code mnist}, {@code cifar10:DIR}, ...), or null
     * @param note     why there is no test data (null when there is)
     * @param layout   the keys, types and biases of the state_dict file it was read from, or null (a Deeplearning4j
     *                 zip, a model made in the window): a pruned export writes the user's own layout back
     */
    public record Model(RecurrentClassifier network, ModelMetadata metadata, SequenceDataset test, String dataSpec,
                        String note, StateDictLayout layout) {
        public Model {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(metadata, "metadata");
        }
    }

    /** True for a model, false for a plain matrix. */
    public boolean isModel() {
        return model != null;
    }

    /** True for a model without test data (no accuracy until a data set is chosen). */
    public boolean lacksData() {
        return model != null && model.test() == null;
    }

    /** The data-set spec in use, or null. */
    public String dataSpec() {
        return model == null ? null : model.dataSpec();
    }

    /** The same document after it was saved to {@code saved}. */
    public OpenedDocument savedAs(Path saved) {
        return new OpenedDocument(subject, saved.getFileName().toString(), summary, saved,
                saved.toAbsolutePath().toString(), model, initialKeepPercent, false);
    }
}
