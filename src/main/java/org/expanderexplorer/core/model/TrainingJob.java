package org.expanderexplorer.core.model;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.SequenceDatasets;
import org.expanderexplorer.core.data.SpeechCommandsDataset;
import org.expanderexplorer.core.data.Split;

/**
 * Trains a new classifier on a named data set, evaluates it on the test split and records its metadata: the one
 * training workflow behind both the {@code train} command and the window's training dialog.
 */
public final class TrainingJob {

    /**
     * A finished training.
     *
     * @param model    the trained model
     * @param metadata its metadata (data set, seed, time, test accuracy)
     * @param test     the test split it was evaluated on
     * @param eval     the test evaluation
     * @param training per-epoch summaries
     */
    public record Trained(RecurrentClassifier model, ModelMetadata metadata, SequenceDataset test,
                          EvaluationResult eval, TrainingResult training) {
    }

    private TrainingJob() {
    }

    /** Loads the training split of the request's data set (with the subset applied). */
    public static SequenceDataset trainingData(TrainingRequest r) {
        Datasets.Spec spec = Datasets.parse(r.dataSpec());
        SequenceDataset train = Datasets.load(spec, Split.TRAIN, SpeechCommandsDataset.Options.defaults());
        return r.trainLimit() == null ? train : SequenceDatasets.subset(train, r.trainLimit(), r.seed());
    }

    /**
     * Trains and evaluates.
     *
     * @param listener        progress after each mini-batch
     * @param cancelRequested polled before each mini-batch
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static Trained run(TrainingRequest r, SequenceDataset train, ProgressListener listener,
                              BooleanSupplier cancelRequested) {
        Objects.requireNonNull(r, "request");
        Datasets.Spec spec = Datasets.parse(r.dataSpec());
        SequenceDataset test = Datasets.load(spec, Split.TEST, SpeechCommandsDataset.Options.defaults());
        ModelSpec modelSpec = new ModelSpec(r.cell(), train.features(), r.hidden(), r.layers(), train.classes());
        RecurrentClassifier start = RecurrentClassifier.create(modelSpec, r.seed(), r.lr(), r.clipNorm());
        TrainingResult result = new Trainer(start, train, new TrainingConfig(r.epochs(), r.batch(), r.lr(), r.seed()),
                WeightMasks.none(), listener, cancelRequested).run();
        EvaluationResult eval = new Evaluator(result.model(), test).result();
        ModelMetadata meta = ModelMetadata.of(modelSpec, "trained")
                .withData(spec.toString(), train.steps(), train.features())
                .withTraining(r.seed(), r.epochs(), r.batch(), r.lr(), r.clipNorm(),
                        Math.round(result.seconds() * 10) / 10.0)
                .withTest(eval.accuracy(), eval.examples());
        return new Trained(result.model(), meta, test, eval, result);
    }
}
