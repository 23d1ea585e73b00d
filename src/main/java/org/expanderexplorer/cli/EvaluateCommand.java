package org.expanderexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.DataSelection;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.model.EvaluationResult;
import org.expanderexplorer.core.model.Evaluator;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.model.Nd4jThreads;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.model.VectorInference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate}: accuracy and confusion matrix of a saved model (DL4J zip or PyTorch NPZ) on a data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a model (Deeplearning4j zip, or PyTorch state_dict NPZ whose architecture is "
            + "inferred from the shapes) on the test split of a data set."})
final class EvaluateCommand extends CliCommand {

    @Mixin
    ModelFile model;

    @Option(names = "--data", required = true, description = "Data set: " + Datasets.SPEC_HELP + ".")
    String data;

    @Option(names = "--split", defaultValue = "test", description = "train or test (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--limit", description = "Evaluate only the first N examples.")
    Integer limit;

    @Option(names = "--batch", defaultValue = "" + Evaluator.DEFAULT_BATCH,
            description = "Sequences per forward pass (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "" + Nd4jThreads.DEFAULT, paramLabel = "N",
            description = "Threads ND4J computes with (default ${DEFAULT-VALUE}; see docs/decisions/0011).")
    int threads;

    @Mixin
    NoiseOptions noise;

    @Option(names = "--json", description = "Print JSON (keys accuracy, examples, correct, seconds, confusion, ...).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = out();
        if (limit != null && limit < 1 || batch < 1) {
            throw new BadInputException("--limit and --batch must be at least 1");
        }
        if (threads < 1 || threads > 64) {
            throw new BadInputException("--threads must be 1 .. 64, got " + threads);
        }
        Split which = switch (split.toLowerCase(Locale.ROOT)) {
            case "train" -> Split.TRAIN;
            case "test" -> Split.TEST;
            default -> throw new BadInputException("--split must be train or test, got '" + split + "'");
        };
        VectorInference.warmUpInBackground(); // compiles the inference kernels while the model and data load
        SavedModel saved = model.read();
        Nd4jThreads.set(threads);
        DataSelection selection = noise.data(data, 1);
        SequenceDataset ds = selection.load(which);
        ModelMetadata meta = saved.metadata();
        if (meta.steps() != null && meta.steps() != ds.steps()) {
            err().printf("warning: the model was trained on %d steps, %s has %d%n",
                    meta.steps(), ds.name(), ds.steps());
        }
        EvaluationResult r = new Evaluator(saved.model(), ds, limit == null ? Integer.MAX_VALUE : limit, batch)
                .result();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model.file.toString());
            m.put("format", saved.format().name());
            m.put("architecture", saved.model().spec().describe());
            m.put("data", r.dataset());
            m.put("accuracy", r.accuracy());
            m.put("examples", r.examples());
            m.put("correct", r.correct());
            m.put("seconds", r.seconds());
            m.put("confusion", r.confusion());
            if (selection.noise().isPresent()) {
                m.put("noise", selection.recorded());
            }
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "model:    %s (%s, %s)%n", model.file, saved.model().spec().describe(),
                    saved.format().label());
            out.printf(Locale.ROOT, "data:     %s (%d x %d)%n", r.dataset(), ds.steps(), ds.features());
            if (selection.noise().isPresent()) {
                out.println("noise:    " + selection.noise().get().describe(selection.spec().kind()));
            }
            out.printf(Locale.ROOT, "accuracy: %.2f %% (%d / %d)%n", 100 * r.accuracy(), r.correct(), r.examples());
            out.printf(Locale.ROOT, "time:     %.2f s (%.0f sequences/s)%n", r.seconds(),
                    r.examples() / Math.max(r.seconds(), 1e-9));
            printConfusion(out, r.confusion());
        }
        out.flush();
        return 0;
    }

    private static void printConfusion(PrintWriter out, int[][] c) {
        out.println("confusion matrix (rows: true class, columns: predicted class):");
        int width = 4;
        for (int[] row : c) {
            for (int v : row) {
                width = Math.max(width, String.valueOf(v).length() + 1);
            }
        }
        StringBuilder head = new StringBuilder(" ".repeat(width));
        for (int j = 0; j < c.length; j++) {
            head.append(String.format(Locale.ROOT, "%" + width + "d", j));
        }
        out.println(head);
        for (int i = 0; i < c.length; i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%" + width + "d", i));
            for (int v : c[i]) {
                line.append(String.format(Locale.ROOT, "%" + width + "d", v));
            }
            out.println(line);
        }
    }
}
