package org.expanderexplorer.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.expanderexplorer.core.io.Provenance;

/**
 * What a saved model is and how it was made; stored as JSON inside the model zip ({@link ModelFiles}). Unknown
 * values are null (and left out of the JSON).
 *
 * @param formatVersion   version of this metadata layout ({@link #FORMAT_VERSION})
 * @param architecture    {@code rnn} or {@code lstm}
 * @param inputs          features per time step the network reads
 * @param hidden          hidden units per recurrent layer
 * @param layers          recurrent layers
 * @param classes         output classes
 * @param dataset         data set specification it was trained on, e.g. {@code mnist}
 * @param steps           sequence length T of that data set
 * @param features        features per step F of that data set (the sequence format is T x F, step-major)
 * @param seed            seed of the weight initialisation and the shuffling
 * @param epochs          training epochs
 * @param batchSize       mini-batch size
 * @param learningRate    Adam learning rate
 * @param gradientClip    per-layer gradient L2 clipping threshold (0: none)
 * @param trainingSeconds wall-clock training time
 * @param testAccuracy    accuracy on the test split, 0 .. 1
 * @param testExamples    examples that accuracy was measured on
 * @param createdAt       ISO-8601 instant of saving or training
 * @param source          how the weights came about, e.g. {@code trained} or {@code imported from w.npz}
 * @param noise           the noise on the training data's inputs, or null for clean data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelMetadata(int formatVersion, String architecture, int inputs, int hidden, int layers, int classes,
                            String dataset, Integer steps, Integer features, Long seed, Integer epochs,
                            Integer batchSize, Double learningRate, Double gradientClip, Double trainingSeconds,
                            Double testAccuracy, Integer testExamples, String createdAt, String source,
                            Provenance.Noise noise) {

    /** Current metadata layout version. */
    public static final int FORMAT_VERSION = 1;

    /** Metadata knowing only the architecture, created now. */
    public static ModelMetadata of(ModelSpec spec, String source) {
        Objects.requireNonNull(spec, "spec");
        return new ModelMetadata(FORMAT_VERSION, spec.cell().id(), spec.inputs(), spec.hidden(), spec.layers(),
                spec.classes(), null, null, null, null, null, null, null, null, null, null, null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), source, null);
    }

    /** With the data set it was trained on (specification and T x F). */
    public ModelMetadata withData(String dataset, int steps, int features) {
        return new ModelMetadata(formatVersion, architecture, inputs, hidden, layers, classes, dataset, steps,
                features, seed, epochs, batchSize, learningRate, gradientClip, trainingSeconds, testAccuracy,
                testExamples, createdAt, source, noise);
    }

    /** With the training settings and time. */
    public ModelMetadata withTraining(long seed, int epochs, int batchSize, double learningRate, double gradientClip,
                                      double trainingSeconds) {
        return new ModelMetadata(formatVersion, architecture, inputs, hidden, layers, classes, dataset, steps,
                features, seed, epochs, batchSize, learningRate, gradientClip, trainingSeconds, testAccuracy,
                testExamples, createdAt, source, noise);
    }

    /** With the measured test accuracy. */
    public ModelMetadata withTest(double accuracy, int examples) {
        return new ModelMetadata(formatVersion, architecture, inputs, hidden, layers, classes, dataset, steps,
                features, seed, epochs, batchSize, learningRate, gradientClip, trainingSeconds, accuracy, examples,
                createdAt, source, noise);
    }

    /** With the noise the training data carried (null for clean data) and how the weights came about. */
    public ModelMetadata withNoise(Provenance.Noise trainedWith, String newSource) {
        return new ModelMetadata(formatVersion, architecture, inputs, hidden, layers, classes, dataset, steps,
                features, seed, epochs, batchSize, learningRate, gradientClip, trainingSeconds, testAccuracy,
                testExamples, createdAt, newSource, trainedWith);
    }

    /**
     * Metadata of a model derived from this one (e.g. pruned): the same architecture, data and training record,
     * a new source and creation time, and no test accuracy (the derived model has not been measured).
     */
    public ModelMetadata derived(String newSource) {
        Objects.requireNonNull(newSource, "newSource");
        return new ModelMetadata(formatVersion, architecture, inputs, hidden, layers, classes, dataset, steps,
                features, seed, epochs, batchSize, learningRate, gradientClip, trainingSeconds, null, null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), newSource, noise);
    }

    /** Null if this metadata describes {@code spec}, else what differs. */
    String mismatch(ModelSpec spec) {
        if (!spec.cell().id().equals(architecture) || spec.inputs() != inputs || spec.hidden() != hidden
                || spec.layers() != layers || spec.classes() != classes) {
            return "the metadata describes " + architecture + " " + hidden + " x " + layers + " (" + inputs + " -> "
                    + classes + ") but the network is " + spec.describe();
        }
        return null;
    }
}
