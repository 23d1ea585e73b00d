package org.expanderexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.DataSelection;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.EvaluationResult;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.ModelSpec;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.TrainingConfig;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.core.model.TrainingRequest;
import org.expanderexplorer.core.model.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: trains a recurrent classifier, reports the test accuracy and saves the model zip. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an RNN or LSTM classifier on a data set and save it (Deeplearning4j zip with metadata).",
            "Progress goes to stderr; the final test accuracy to stdout."})
final class TrainCommand extends CliCommand {

    @Option(names = "--arch", required = true, description = "rnn (tanh) or lstm.")
    String arch;

    @Option(names = "--hidden", required = true, description = "Hidden units per recurrent layer.")
    int hidden;

    @Option(names = "--layers", defaultValue = "1",
            description = "Recurrent layers, 1 or 2 (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--data", required = true, description = "Data set: " + Datasets.SPEC_HELP + ".")
    String data;

    @Option(names = "--epochs", required = true, description = "Training epochs.")
    int epochs;

    @Option(names = "--seed", required = true, description = "Seed of the weight initialisation and shuffling.")
    long seed;

    @Option(names = "--batch", defaultValue = "" + TrainingConfig.DEFAULT_BATCH,
            description = "Mini-batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "" + RecurrentClassifier.DEFAULT_LEARNING_RATE,
            description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--clip", description = "Per-layer gradient L2 clipping threshold, 0 for none (default "
            + RecurrentClassifier.DEFAULT_RNN_CLIP + " for rnn, 0 for lstm).")
    Double clip;

    @Option(names = "--train-limit", description = "Train on a seeded random subset of this many examples.")
    Integer trainLimit;

    @Mixin
    NoiseOptions noise;

    @Option(names = "--out", required = true, description = "Model zip to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        CellType cell = CellType.parse(arch);
        checkOutput(out);
        DataSelection selection = noise.data(data, seed);
        TrainingRequest request = new TrainingRequest(cell, hidden, layers, data, epochs, seed, batch, lr, clip,
                trainLimit, selection.noise().orElse(null));
        if (selection.noise().isPresent()) {
            stderr.println("data: " + selection.describe());
        }
        SequenceDataset train = TrainingJob.trainingData(request);
        ModelSpec modelSpec = new ModelSpec(cell, train.features(), hidden, layers, train.classes());
        stderr.printf(Locale.ROOT, "training %s on %s (%d examples, %d x %d), %d parameters, %d epochs%n",
                modelSpec.describe(), train.name(), train.size(), train.steps(), train.features(),
                modelSpec.parameterCount(), epochs);
        TrainingJob.Trained trained = TrainingJob.run(request, train,
                new ProgressBar(stderr, System.console() != null, 30), () -> false);
        TrainingResult result = trained.training();
        for (TrainingResult.EpochSummary e : result.epochs()) {
            stderr.printf(Locale.ROOT, "epoch %d: loss %.4f, training accuracy %.2f %%, %.1f s%n", e.epoch(), e.loss(),
                    100 * e.accuracy(), e.seconds());
        }
        EvaluationResult eval = trained.eval();
        stdout.printf(Locale.ROOT, "test accuracy: %.2f %% (%d / %d on %s), trained in %s, evaluated in %.1f s%n",
                100 * eval.accuracy(), eval.correct(), eval.examples(), eval.dataset(),
                ProgressBar.duration(result.seconds()), eval.seconds());
        if (selection.noise().isPresent()) {
            stdout.println("noise: " + selection.describe() + " (training and test data)");
        }
        try {
            ModelFiles.save(result.model(), trained.metadata(), out);
        } catch (IOException e) {
            // hours of training must not be lost to a full disk: keep the model somewhere, then report
            stdout.flush();
            throw BadInputException.inFile(out, "the trained model could not be written ("
                    + BadInputException.printable(reasonOf(e), 120) + "); " + rescue(result, trained, out));
        }
        stdout.println("saved: " + out);
        return 0;
    }

    /** Saves the model in the temporary folder, then the home folder; says where, or that it could not. */
    private static String rescue(TrainingResult result, TrainingJob.Trained trained, Path out) {
        String name = "expander-explorer-rescued-" + ProcessHandle.current().pid() + "-" + out.getFileName();
        StringBuilder failures = new StringBuilder();
        for (String folder : new String[] {System.getProperty("java.io.tmpdir"), System.getProperty("user.home")}) {
            if (folder == null) {
                continue;
            }
            Path place = Path.of(folder).resolve(name);
            try {
                ModelFiles.save(result.model(), trained.metadata(), place);
                return "it was saved to " + place + " instead";
            } catch (IOException | RuntimeException e) {
                failures.append(failures.length() == 0 ? "" : ", ").append(folder).append(": ").append(reasonOf(e));
            }
        }
        return "it could not be kept elsewhere either (" + BadInputException.printable(failures.toString(), 200)
                + ")";
    }

    private static String reasonOf(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Fails before training, not after, if the model cannot be written. */
    static void checkOutput(Path out) {
        Path folder = out.toAbsolutePath().getParent();
        if (Files.isDirectory(out)) {
            throw BadInputException.inFile(out, "is a folder; give a file name for the model");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw BadInputException.inFile(out, "the folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw BadInputException.inFile(out, "the folder " + folder + " is not writable");
        }
    }
}
