package org.expanderexplorer.core.model;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.expanderexplorer.core.data.DataSelection;
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

    /** How the weights came about: {@code trained}, and on synthetic speech, that it was synthetic. */
    static String source(Datasets.Spec spec) {
        if (spec.kind() == Datasets.Kind.SPEECH && spec.dir().isPresent()
                && SpeechCommandsDataset.isSynthetic(spec.dir().get())) {
            return "trained on SYNTHETIC speech (espeak-ng voices, not recorded speech)";
        }
        return "trained";
    }

    /** Loads the training split of the request's data set (with the subset applied). */
    public static SequenceDataset trainingData(TrainingRequest r) {
        SequenceDataset train = r.data().load(Split.TRAIN);
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
        DataSelection data = r.data();
        Datasets.Spec spec = data.spec();
        SequenceDataset test = data.load(Split.TEST);
        ModelSpec modelSpec = new ModelSpec(r.cell(), train.features(), r.hidden(), r.layers(), train.classes());
        RecurrentClassifier start = RecurrentClassifier.create(modelSpec, r.seed(), r.lr(), r.clipNorm());
        TrainingResult result = new Trainer(start, train, new TrainingConfig(r.epochs(), r.batch(), r.lr(), r.seed()),
                WeightMasks.none(), listener, cancelRequested).run();
        EvaluationResult eval = new Evaluator(result.model(), test).result();
        ModelMetadata meta = ModelMetadata.of(modelSpec, "trained")
                .withData(spec.toString(), train.steps(), train.features())
                .withTraining(r.seed(), r.epochs(), r.batch(), r.lr(), r.clipNorm(),
                        Math.round(result.seconds() * 10) / 10.0)
                .withTest(eval.accuracy(), eval.examples())
                .withNoise(data.recorded(), source(spec));
        return new Trained(result.model(), meta, test, eval, result);
    }
}
