package org.expanderexplorer.core.sweep;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.model.ProgressListener;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.Trainer;
import org.expanderexplorer.core.model.TrainingConfig;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.model.WeightMasks;
import org.expanderexplorer.core.subject.ModelSubjects;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;

/**
 * A {@link FineTuner} for a model-backed subject ({@link ModelSubjects}): each round trains a copy of the latest
 * network with Adam for the configured epochs while {@link WeightMasks} hold the round's masks (the
 * {@link Trainer} re-applies them after every update, so pruned weights stay exactly zero), then builds the
 * subject of the fine-tuned network with the same test data. Round r shuffles with seed {@code config.seed() + r},
 * so a run is deterministic for its seed. The starting model is never changed. When a round finishes, the network
 * of the round before (if this tuner made it) is closed, its native memory freed: use a round's network from the
 * sweep's state callback, not later.
 *
 * <p>With a {@link Rewinding.Target} (lottery-ticket rewinding), each round instead starts from a copy of the
 * target's weights (the initialisation or an early epoch) with the round's masks applied, and retrains it for the
 * configured epochs: prune by the latest trained weights, reset the kept weights, retrain. Without one it
 * fine-tunes and continues.
 *
 * <p>Cost per round: {@code epochs} passes over the training data (see {@link Trainer}). Not thread-safe: one
 * sweep at a time.
 */
public final class ModelFineTuner implements FineTuner {

    private final String name;
    private final int layer;
    private final SequenceDataset train;
    private final SequenceDataset test;
    private final TrainingConfig config;
    private final ProgressListener listener;
    private final RecurrentClassifier start;
    private final Rewinding.Target rewind;
    private RecurrentClassifier latest;

    /**
     * @param name     subject name
     * @param start    the dense model the sweep starts from (not modified)
     * @param layer    the pruned recurrent layer
     * @param train    fine-tuning examples
     * @param test     held-out data of the subjects' accuracy probes, or null
     * @param config   epochs, batch size, learning rate and base seed of each round
     * @param listener training progress, or {@link ProgressListener#NONE}
     */
    public ModelFineTuner(String name, RecurrentClassifier start, int layer, SequenceDataset train,
                          SequenceDataset test, TrainingConfig config, ProgressListener listener) {
        this(name, start, layer, train, test, config, listener, null);
    }

    /**
     * As {@link #ModelFineTuner(String, RecurrentClassifier, int, SequenceDataset, SequenceDataset, TrainingConfig,
     * ProgressListener)}, rewinding each round to {@code rewind} (null: fine-tune and continue).
     */
    public ModelFineTuner(String name, RecurrentClassifier start, int layer, SequenceDataset train,
                          SequenceDataset test, TrainingConfig config, ProgressListener listener,
                          Rewinding.Target rewind) {
        this.rewind = rewind;
        this.name = Objects.requireNonNull(name, "name");
        this.start = Objects.requireNonNull(start, "start");
        this.latest = start;
        this.layer = layer;
        this.train = Objects.requireNonNull(train, "train");
        this.test = test;
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (rewind != null && !rewind.weights().spec().equals(start.spec())) {
            throw new IllegalArgumentException("the rewinding target is " + rewind.weights().spec().describe()
                    + " but the model " + start.spec().describe());
        }
    }

    @Override
    public Subject fineTune(Subject current, PrunedState state, int round, BooleanSupplier cancelled) {
        Objects.requireNonNull(state, "state");
        WeightMasks masks = WeightMasks.none().with(layer, WeightKind.INPUT, state.ihMask().toArray());
        if (state.hhMask() != null) {
            masks = masks.with(layer, WeightKind.RECURRENT, state.hhMask().toArray());
        }
        TrainingConfig c = new TrainingConfig(config.epochs(), config.batchSize(), config.learningRate(),
                config.seed() + round);
        RecurrentClassifier previous = latest;
        // rewinding: the kept weights restart from the target (the Trainer copies it and applies the masks)
        RecurrentClassifier from = rewind == null ? previous : rewind.weights();
        latest = new Trainer(from, train, c, masks, listener, cancelled == null ? () -> false : cancelled)
                .run().model();
        if (previous != start) {
            // a network this tuner made: free its native memory now rather than at some later garbage collection
            previous.network().close();
        }
        return ModelSubjects.of(name, latest, test, layer);
    }

    /**
     * The latest fine-tuned network (the start model before the first round); shared, do not modify. It stays
     * usable until the next round finishes.
     */
    public RecurrentClassifier latest() {
        return latest;
    }

    @Override
    public String describe() {
        String how = String.format(Locale.ROOT, "%d epoch(s) per round on %s (%d examples), batch %d, lr %s, "
                + "seed %d + round", config.epochs(), train.name(), train.size(), config.batchSize(),
                config.learningRate(), config.seed());
        return rewind == null ? how : "rewound each round to " + rewind.description() + ", then retrained " + how;
    }

    /** The rewinding target, or null when rounds fine-tune and continue. */
    public Rewinding.Target rewind() {
        return rewind;
    }
}
