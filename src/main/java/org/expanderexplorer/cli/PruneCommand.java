package org.expanderexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.FileGroup;
import org.expanderexplorer.core.io.Provenance;
import org.expanderexplorer.core.model.ModelExportFormat;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.model.VectorInference;
import org.expanderexplorer.core.pruning.GapFloor;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedModelExport;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prune}: one-shot pruning of a model's recurrent layer at q, exported in the format {@code --out} names
 * (masks beside a state_dict), optionally the older NPZ with masks, and a summary.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Prune a model's recurrent layer to q %% of its edges and export the pruned model (pruned "
            + "weights zero) in the format --out names: a Deeplearning4j zip, or the weights as a PyTorch state_dict "
            + "(.pt, .npz, .safetensors) under the keys, types and biases of the model file, so that "
            + "model.load_state_dict(torch.load(f), strict=True) works, or ONNX; the masks of a state_dict go to "
            + "NAME.masks.npz (NAME.masks.safetensors beside a .safetensors). Optionally a JSON summary with dense, "
            + "sparse (CSR) and gzip sizes and the pruned model's inference time against the dense model's, "
            + "measured on this machine."})
final class PruneCommand extends CliCommand {

    @Mixin
    ModelFile model;

    @Option(names = "--keep", required = true, description = "q: percentage of edges to keep, in (0, 100].")
    double keep;

    @Mixin
    PruneOptions prune;

    @Option(names = "--out", required = true, description = "Pruned model to write, by extension: .zip "
            + "(Deeplearning4j), .pt or .pth, .npz, .safetensors (state_dict; masks beside it), .onnx.")
    Path out;

    @Option(names = "--npz", description = "Also write the older NPZ: rnn./fc. keys with a <key>.mask array per "
            + "pruned matrix (for scripts written for earlier versions; --out NAME.npz gives a strict-loadable one).")
    Path npz;

    @Option(names = "--summary", description = "Also write the summary as JSON.")
    Path summary;

    @Option(names = "--replace-model", description = "Allow an output to be the input model itself (it is replaced).")
    boolean replaceModel;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = out();
        if (!(keep > 0 && keep <= 100)) {
            throw new BadInputException("--keep must be in (0, 100], got " + keep);
        }
        prune.settings();
        Path masks = PrunedModelExport.masksFile(out);
        for (Path p : new Path[] {out, masks, npz, summary}) {
            if (p != null) {
                TrainCommand.checkOutput(p);
            }
        }
        for (Path p : new Path[] {out, masks, npz, summary}) {
            if (p != null && !replaceModel && sameFile(p, model.file)) {
                throw BadInputException.inFile(p, "is the input model; writing it would replace the model being "
                        + "pruned (add --replace-model if that is what you want)");
            }
        }
        try (FileGroup outputs = FileGroup.claim(out, masks, npz, summary)) {
            try {
                write(outputs, masks, stdout);
            } catch (java.nio.file.FileSystemException e) {
                throw outputs.named(e);
            }
        }
        return 0;
    }

    private void write(FileGroup outputs, Path masks, PrintWriter stdout) throws IOException {
        PruneSettings settings = prune.settings();
        VectorInference.warmUpInBackground(); // the speed measurement needs compiled kernels
        SavedModel saved = model.read();
        Subject subject = prune.subject(model.file, saved);
        PrunedState state = subject.prune(keep, settings);
        PrunedModelExport export = new PrunedModelExport(saved.model(), saved.layout(), prune.layer, state);
        ModelExportFormat format = ModelExportFormat.of(out);
        export.write(outputs.stage(out), format, saved.metadata(), export.how(model.file.getFileName().toString()));
        if (masks != null) {
            export.writeMasks(outputs.stage(masks), format == ModelExportFormat.SAFETENSORS);
        }
        if (npz != null) {
            export.writeNpz(outputs.stage(npz));
        }
        boolean zip = masks == null;
        long outBytes = Files.size(outputs.stage(out));
        PrunedModelExport.Summary s = export.summary().withFiles(zip ? out : null, zip ? outBytes : null, npz,
                npz == null ? null : Files.size(outputs.stage(npz)))
                .withModel(out, outBytes, masks, masks == null ? null : Files.size(outputs.stage(masks)))
                .withSpeed(export.measureSpeed(steps(saved)));
        if (summary != null) {
            PrunedModelExport.writeSummary(outputs.stage(summary), s,
                    export.provenance(Provenance.now().withModelFile(model.file)));
        }
        // all three complete: only now do they replace what was there, the summary last
        outputs.commit();
        print(stdout, s);
        if (settings.method() == PruningMethod.RAMANUJAN) {
            printReach(stdout, err(), subject, state);
        }
        stdout.flush();
    }

    /** Whether two paths name one file (the same path, or a link to it); false if either does not exist. */
    static boolean sameFile(Path a, Path b) {
        try {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                    || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b));
        } catch (IOException e) {
            return false;
        }
    }

    /** The ramanujan method's floors, the monitored gaps at the result, and whether q was reachable. */
    static void printReach(PrintWriter out, PrintWriter err, Subject subject, PrunedState state) {
        PruneSettings st = state.settings();
        out.printf(Locale.ROOT, "ramanujan keeps %s > 0 in every pruned %s; lowest reachable q = %.3f %%%n",
                st.gap().cliName(), st.perGate() ? "gate slice" : "matrix", state.lowestReachablePercent());
        Map<String, Double> kept = subject.blockKeepPercents(state);
        for (Map.Entry<String, GapFloor.Floor> e : subject.floors(st).entrySet()) {
            GapFloor.Floor f = e.getValue();
            Double gap = st.gap().of(subject.matrix(state, GraphId.parse(e.getKey())));
            out.printf(Locale.ROOT, "  %-6s kept %7.3f %%  floor %7.3f %% (%d of %d entries)  %s %s%s%n", e.getKey(),
                    kept.get(e.getKey()), 100.0 * f.count() / Math.max(1, entries(subject, e.getKey())), f.count(),
                    f.candidates(), st.gap().cliName(), gap == null ? "undefined" : String.format(Locale.ROOT, "%.4f",
                            gap), f.positiveAtStart() ? "" : "  (not positive before pruning: left unpruned)");
        }
        if (state.belowReach()) {
            String msg = String.format(Locale.ROOT, "q = %s %% is below the lowest reachable q: every pruned %s is at "
                    + "its floor, so %.3f %% is kept (no edge can go without a monitored gap reaching 0)",
                    trim(state.keepPercent()), st.perGate() ? "gate slice" : "matrix", state.actualKeepPercent());
            out.println(msg);
            err.println("note: " + msg);
            err.flush();
        }
    }

    private static long entries(Subject subject, String block) {
        var m = subject.matrix(subject.dense(), GraphId.parse(block));
        return (long) m.rows() * m.cols();
    }

    /** Time steps of the model's data set, as its metadata records them, or 28 (MNIST's rows) when unknown. */
    static int steps(SavedModel saved) {
        Integer steps = saved.metadata() == null ? null : saved.metadata().steps();
        return steps != null && steps > 0 ? steps : PrunedModelExport.DEFAULT_STEPS;
    }

    static void print(PrintWriter out, PrunedModelExport.Summary s) {
        out.printf(Locale.ROOT, "pruned %s layer %d: %s, q = %s %% asked, %.3f %% kept%n", s.architecture(), s.layer(),
                s.method(), trim(s.keepPercent()), s.actualPercent());
        for (PrunedModelExport.MatrixSummary m : s.matrices()) {
            // the array's shape as the state_dict holds it; its rows are the graph's right vertices
            out.printf(Locale.ROOT, "  %-16s %-12s kept %7d (%.3f %%), empty rows %d, empty columns %d%n",
                    m.key(), "(" + m.shape().get(0) + ", " + m.shape().get(1) + ")", m.kept(), m.keptPercent(),
                    m.emptyCols(), m.emptyRows());
        }
        out.printf(Locale.ROOT, "parameters: %d, non-zero %d%n", s.parameters(), s.nonZero());
        out.printf(Locale.ROOT, "size: dense %s, sparse (CSR) %s, gzip %s (dense model gzip %s)%n",
                bytes(s.denseBytes()), bytes(s.sparseBytes()), bytes(s.gzipPrunedBytes()), bytes(s.gzipDenseBytes()));
        if (s.speed() != null) {
            out.println("inference on this machine: " + s.speed().describe());
        }
        if (s.modelFile() != null) {
            out.printf(Locale.ROOT, "wrote %s (%s)%n", s.modelFile(), bytes(s.modelBytes()));
        } else if (s.zipFile() != null) {
            out.printf(Locale.ROOT, "wrote %s (%s)%n", s.zipFile(), bytes(s.zipBytes()));
        }
        if (s.masksFile() != null) {
            out.printf(Locale.ROOT, "wrote %s (%s, the masks: 1 kept, 0 pruned)%n", s.masksFile(),
                    bytes(s.masksBytes()));
        }
        if (s.npzFile() != null) {
            out.printf(Locale.ROOT, "wrote %s (%s)%n", s.npzFile(), bytes(s.npzBytes()));
        }
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String bytes(long b) {
        if (b >= 1 << 20) {
            return String.format(Locale.ROOT, "%.2f MiB", b / (double) (1 << 20));
        }
        if (b >= 1 << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        return b + " B";
    }
}
