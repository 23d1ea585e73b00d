package org.expanderexplorer.core.sweep;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.SpeechCommandsDataset;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.model.ProgressListener;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.model.Trainer;
import org.expanderexplorer.core.model.TrainingConfig;
import org.expanderexplorer.core.model.WeightMasks;

/**
 * The weights lottery-ticket rewinding resets to (Frankle and Carbin 2019; with an early epoch, Frankle et al. 2020
 * "Linear mode connectivity and the lottery ticket hypothesis"), rebuilt for a loaded model from its recorded
 * training recipe (decision 0022): a model file holds only its trained weights, so
 * <ul>
 *   <li>epoch 0 ("init") is the network {@link RecurrentClassifier#create} builds from the recorded architecture,
 *       seed, learning rate and clipping: the initial weights of the model's own training run, since the seed
 *       fixes the initialisation;</li>
 *   <li>epoch K &gt; 0 is that network trained for K epochs with the recorded recipe (data set, batch size, learning
 *       rate, seed of the shuffling): the first K epochs of the original run, which the seed also fixes.</li>
 * </ul>
 * Either way the optimiser state is fresh (Adam's moments zero), as at the start of a training run. Models without
 * a recorded seed (imported PyTorch files) cannot be rewound. A model trained on a subset ({@code train
 * --train-limit}) does not record the subset size, so its epoch-K weights are those of the full training split.
 *
 * <p>Cost: building the network, plus K epochs of training for an early epoch (about 90-105 s per epoch for the
 * sample LSTM on sequential MNIST with one thread).
 */
public final class Rewinding {

    /**
     * Where rewinding resets the weights to.
     *
     * @param weights     the network to reset to (shared: copy it before training)
     * @param epoch       0 for the initialisation, K for after K epochs
     * @param description for run metadata, e.g. {@code initialisation (seed 1)}
     */
    public record Target(RecurrentClassifier weights, int epoch, String description) {
        public Target {
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(description, "description");
        }
    }

    private Rewinding() {
    }

    /**
     * Parses {@code init} or {@code epoch:K} (K &gt;= 0) into the epoch.
     *
     * @throws BadInputException for anything else
     */
    public static int parseEpoch(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("init")) {
            return 0;
        }
        if (t.startsWith("epoch:")) {
            try {
                int k = Integer.parseInt(t.substring(6));
                if (k >= 0 && k <= 1000) {
                    return k;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new BadInputException("--rewind: use init or epoch:K with K = 0 .. 1000, got '" + text + "'");
    }

    /**
     * Rebuilds the rewinding target of a saved model.
     *
     * @param saved     the model and its metadata
     * @param epoch     0 for the initialisation, K &gt; 0 for after K epochs of the recorded recipe
     * @param listener  training progress (epoch K &gt; 0)
     * @param cancelled polled during training
     * @throws BadInputException if the metadata lacks what the rebuild needs
     */
    public static Target of(SavedModel saved, int epoch, ProgressListener listener, BooleanSupplier cancelled) {
        Objects.requireNonNull(saved, "saved");
        ModelMetadata m = saved.metadata();
        String file = saved.file() == null ? "the model" : saved.file().getFileName().toString();
        if (m == null || m.seed() == null) {
            throw new BadInputException(file + " records no training seed: its initial weights cannot be rebuilt, "
                    + "so it cannot be rewound (fine-tune without --rewind instead)");
        }
        double lr = m.learningRate() != null ? m.learningRate() : RecurrentClassifier.DEFAULT_LEARNING_RATE;
        double clip = m.gradientClip() != null ? m.gradientClip() : 0;
        RecurrentClassifier init = RecurrentClassifier.create(saved.model().spec(), m.seed(), lr, clip);
        if (epoch == 0) {
            return new Target(init, 0, String.format(Locale.ROOT, "the initialisation (seed %d)", m.seed()));
        }
        if (m.dataset() == null || m.batchSize() == null) {
            throw new BadInputException(file + " records no training data set or batch size: the weights after "
                    + "epoch " + epoch + " cannot be rebuilt (rewind to init instead)");
        }
        SequenceDataset train = Datasets.load(Datasets.parse(m.dataset()), Split.TRAIN,
                SpeechCommandsDataset.Options.defaults());
        RecurrentClassifier trained = new Trainer(init, train, new TrainingConfig(epoch, m.batchSize(), lr, m.seed()),
                WeightMasks.none(), listener, cancelled == null ? () -> false : cancelled).run().model();
        RecurrentClassifier fresh = RecurrentClassifier.create(saved.model().spec(), m.seed(), lr, clip);
        fresh.copyParametersFrom(trained);
        trained.network().close();
        return new Target(fresh, epoch, String.format(Locale.ROOT, "the weights after epoch %d of the recorded "
                + "recipe (%s, batch %d, lr %s, seed %d)", epoch, m.dataset(), m.batchSize(), lr, m.seed()));
    }
}
