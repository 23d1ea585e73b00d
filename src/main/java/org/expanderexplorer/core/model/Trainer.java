package org.expanderexplorer.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.SequenceDataset;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a copy of a classifier with Adam on shuffled mini-batches, reporting progress after each batch.
 *
 * <p>Cancellation: {@code cancelRequested} is polled before every mini-batch; when it returns true,
 * {@link #run()} throws {@link CancellationException} and the starting model is untouched, because training
 * always works on {@link RecurrentClassifier#copy()}. A caller swaps in {@link TrainingResult#model()} only on
 * success.
 *
 * <p>Shuffling: one {@link SplittableRandom} seeded with {@link TrainingConfig#seed()} draws a Fisher-Yates
 * permutation per epoch. Masks ({@link WeightMasks}) are applied before the first step and after every update.
 *
 * <p>Cost per epoch: one forward and backward pass per example, O(T * gates*H * (F + H)) each; the running
 * accuracy reuses the training forward pass (an extra H x C product per batch).
 */
public final class Trainer {

    private final RecurrentClassifier start;
    private final SequenceDataset train;
    private final TrainingConfig config;
    private final WeightMasks masks;
    private final ProgressListener listener;
    private final BooleanSupplier cancelRequested;
    private TrainingResult result;

    /**
     * @param start           the model to start from (not modified)
     * @param train           training examples; features must equal the model's inputs
     * @param config          epochs, batch size, learning rate, shuffling seed
     * @param masks           pruning masks to hold during training ({@link WeightMasks#none()} for none)
     * @param listener        progress receiver ({@link ProgressListener#NONE} for none)
     * @param cancelRequested polled before each mini-batch
     */
    public Trainer(RecurrentClassifier start, SequenceDataset train, TrainingConfig config, WeightMasks masks,
                   ProgressListener listener, BooleanSupplier cancelRequested) {
        this.start = Objects.requireNonNull(start, "start");
        this.train = Objects.requireNonNull(train, "train");
        this.config = Objects.requireNonNull(config, "config");
        this.masks = Objects.requireNonNull(masks, "masks");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.cancelRequested = Objects.requireNonNull(cancelRequested, "cancelRequested");
        checkCompatible(start.spec(), train);
    }

    static void checkCompatible(ModelSpec spec, SequenceDataset data) {
        if (data.features() != spec.inputs()) {
            throw new BadInputException("data set " + data.name() + " has " + data.features()
                    + " features per step, the model expects " + spec.inputs());
        }
        if (data.classes() > spec.classes()) {
            throw new BadInputException("data set " + data.name() + " has " + data.classes()
                    + " classes, the model has " + spec.classes());
        }
        if (data.size() < 1 || data.steps() < 1) {
            throw new BadInputException("data set " + data.name() + " is empty");
        }
    }

    /**
     * Trains (once; later calls return the same result).
     *
     * @throws CancellationException if cancellation was requested; the starting model is unchanged
     */
    public synchronized TrainingResult run() {
        if (result == null) {
            result = train();
        }
        return result;
    }

    private TrainingResult train() {
        long t0 = System.nanoTime();
        // Train a copy: a cancelled or diverged run must leave the caller's model as it was (the window keeps showing
        // it), and DL4J updates its parameters in place.
        RecurrentClassifier model = start.copy();
        MultiLayerNetwork net = model.network();
        if (model.learningRate() != config.learningRate()) {
            net.setLearningRate(config.learningRate());
        }
        model.applyMasks(masks);
        AccuracyProbe probe = new AccuracyProbe();
        // The enforcer zeroes pruned weights after every update (fine-tuning a pruned model must not regrow them); the
        // probe counts correct predictions on the batches seen, so an epoch's accuracy needs no extra forward pass.
        net.setListeners(probe, model.maskEnforcer(masks));
        try {
            return loop(model, probe, t0);
        } finally {
            net.setListeners();
        }
    }

    private TrainingResult loop(RecurrentClassifier model, AccuracyProbe probe, long t0) {
        MultiLayerNetwork net = model.network();
        int n = train.size();
        int bs = Math.min(config.batchSize(), n);
        int batches = (n + bs - 1) / bs;
        int[] order = SequenceBatches.identity(n);
        SplittableRandom rnd = new SplittableRandom(config.seed());
        SequenceBatches batcher = new SequenceBatches(train, model.spec().classes());
        List<TrainingResult.EpochSummary> summaries = new ArrayList<>();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long e0 = System.nanoTime();
            // One seeded generator for the whole run: epoch e's order depends only on the seed and e, so a run is
            // repeatable batch for batch.
            shuffle(order, rnd);
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            for (int b = 0; b < batches; b++) {
                // Cancellation is checked between batches, never inside DL4J's fit: an interrupted native call could
                // leave the network half-updated.
                if (cancelRequested.getAsBoolean()) {
                    throw new CancellationException("training cancelled in epoch " + epoch + " at batch " + (b + 1));
                }
                int from = b * bs;
                int to = Math.min(n, from + bs);
                INDArray x = batcher.features(order, from, to);
                INDArray y = batcher.labels(order, from, to);
                probe.reset();
                NativeCalls.run(() -> net.fit(x, y));
                double loss = net.score();
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss " + loss + " in epoch " + epoch
                            + ", batch " + (b + 1) + " (try a smaller learning rate)");
                }
                correct += probe.correct(order, from, train);
                seen += to - from;
                lossSum += loss * (to - from);
                listener.onProgress(new TrainingProgress(epoch, config.epochs(), b + 1, batches, loss,
                        lossSum / seen, correct / (double) seen, System.nanoTime() - t0));
            }
            net.incrementEpochCount();
            summaries.add(new TrainingResult.EpochSummary(epoch, lossSum / seen, correct / (double) seen,
                    (System.nanoTime() - e0) / 1e9));
        }
        return new TrainingResult(model, summaries, (System.nanoTime() - t0) / 1e9);
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Captures the predicted classes of the training forward pass: Deeplearning4j hands listeners the input of
     * the output layer (h_T, [batch, H]); the readout's argmax over h_T W + b is the prediction.
     */
    private static final class AccuracyProbe extends BaseTrainingListener {
        private int[] predicted;

        void reset() {
            predicted = null;
        }

        @Override
        public void onForwardPass(Model model, List<INDArray> activations) {
            MultiLayerNetwork net = (MultiLayerNetwork) model;
            int out = net.getnLayers() - 1;
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                INDArray h = activations.get(activations.size() - 1);
                INDArray logits = h.mmul(net.getParam(Dl4jParams.key(out, Dl4jParams.WEIGHTS)))
                        .addiRowVector(net.getParam(Dl4jParams.key(out, Dl4jParams.BIAS)));
                predicted = logits.argMax(1).toIntVector();
            }
        }

        /** Correct predictions of the last step for examples order[from..], or 0 if nothing was captured. */
        long correct(int[] order, int from, SequenceDataset data) {
            if (predicted == null) {
                return 0;
            }
            long c = 0;
            for (int k = 0; k < predicted.length; k++) {
                if (predicted[k] == data.label(order[from + k])) {
                    c++;
                }
            }
            return c;
        }
    }
}
