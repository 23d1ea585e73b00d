package org.expanderexplorer.ui.train;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.SequenceDatasets;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.model.Evaluator;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.Trainer;
import org.expanderexplorer.core.model.TrainingConfig;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.model.WeightMasks;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.ui.document.DialogService;
import org.expanderexplorer.ui.document.MadeModel;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The fine-tuning dialog's state: trains the open model at the shown q for a few epochs with the masks held (the
 * pruned weights stay exactly zero, see {@link Trainer}), and measures the test accuracy at that q before and
 * after on the full test set, so a researcher sees how much accuracy comes back. The open model is never changed:
 * the fine-tuned copy becomes a new, unsaved document. Progress and cancellation as for training.
 */
public final class FineTuneViewModel extends TrainingViewModel {

    /**
     * What to fine-tune.
     *
     * @param title    the open document's title
     * @param network  its network (not modified)
     * @param metadata its metadata
     * @param test     the test split accuracy is measured on
     * @param dataSpec the data set's spec; its training split is trained on
     * @param state    the masks at the shown q (layer 0)
     */
    public record Request(String title, RecurrentClassifier network, ModelMetadata metadata, SequenceDataset test,
                          String dataSpec, PrunedState state) {
        public Request {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(dataSpec, "dataSpec");
            Objects.requireNonNull(state, "state");
        }
    }

    private final StringProperty target = new SimpleStringProperty("");

    public FineTuneViewModel(UiExecutor executor, DialogService dialogs) {
        super(executor, dialogs, "Fine-tuning", 3);
    }

    /** Says what the dialog will fine-tune (shown above the form). */
    public void describe(Request r) {
        target.set(String.format(Locale.ROOT, "%s at q = %.1f %% (%s, scope %s): %,d of its %,d recurrent-layer "
                + "weights are kept and stay as they are masked; training on %s.", r.title(), r.state().keepPercent(),
                r.state().settings().method().cliName(), r.state().settings().scopeId(), kept(r.state()),
                total(r.state()), r.dataSpec()));
    }

    /**
     * Fine-tunes in the background.
     *
     * @param onDone receives the fine-tuned model as a new document (UI thread)
     */
    public void start(Request r, Consumer<MadeModel> onDone) {
        TrainingConfig config;
        try {
            config = new TrainingConfig(epochsProperty().get(), batchProperty().get(), learningRate(),
                    seedProperty().get());
        } catch (RuntimeException e) {
            refuse(e.getMessage());
            return;
        }
        boolean small = subsetProperty().get();
        run("Loading the training split of " + r.dataSpec() + " ...", () -> fineTune(r, config, small),
                MadeModel::status, onDone);
    }

    private MadeModel fineTune(Request r, TrainingConfig config, boolean small) {
        SequenceDataset train = Datasets.load(r.dataSpec(), Split.TRAIN);
        if (small && train.size() > SUBSET) {
            train = SequenceDatasets.subset(train, SUBSET, config.seed());
        }
        WeightMasks masks = WeightMasks.none().with(0, WeightKind.INPUT, r.state().ihMask().toArray())
                .with(0, WeightKind.RECURRENT, r.state().hhMask().toArray());
        RecurrentClassifier pruned = r.network().copy();
        pruned.applyMasks(masks);
        double before = new Evaluator(pruned, r.test()).result().accuracy();
        RecurrentClassifier tuned = new Trainer(pruned, train, config, masks, this::onProgress, this::cancelRequested)
                .run().model();
        double after = new Evaluator(tuned, r.test()).result().accuracy();
        double q = r.state().keepPercent();
        String how = String.format(Locale.ROOT, "fine-tuned %d epoch(s) at q = %.1f %% (%s, scope %s, seed %d), masks "
                + "held, lr %s, batch %d, on %s (%,d examples), from %s", config.epochs(), q,
                r.state().settings().method().cliName(), r.state().settings().scopeId(), r.state().settings().seed(),
                config.learningRate(), config.batchSize(), train.name(), train.size(), r.title());
        ModelMetadata md = r.metadata().derived(how).withTest(after, r.test().size());
        if (md.dataset() == null) {
            md = md.withData(r.dataSpec(), r.test().steps(), r.test().features());
        }
        String title = String.format(Locale.ROOT, "%s fine-tuned at q = %.1f %%", r.title().replace(" (unsaved)", ""),
                q);
        String status = String.format(Locale.ROOT, "Fine-tuned at q = %.1f %%: test accuracy %.2f %% before, %.2f %% "
                + "after %d epoch(s) with the masks held.", q, 100 * before, 100 * after, config.epochs());
        return new MadeModel(tuned, md, r.test(), r.dataSpec(), title, q, status);
    }

    private static long kept(PrunedState s) {
        return (long) s.ihMask().keptCount() + s.hhMask().keptCount();
    }

    private static long total(PrunedState s) {
        return (long) s.ihMask().rows() * s.ihMask().cols() + (long) s.hhMask().rows() * s.hhMask().cols();
    }

    /** What will be fine-tuned. */
    public StringProperty targetProperty() {
        return target;
    }
}
