package org.expanderexplorer.ui.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.drawing.GraphExport;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.io.Provenance;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.model.ModelExportFormat;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.core.report.ReportFolder;
import org.expanderexplorer.core.subject.PrunedModelExport;
import org.expanderexplorer.ui.document.DialogService.FileFilter;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.session.Session;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * What the File menu writes: the model made in the window, the session, the pruned model as shown, the shown
 * graph, a report folder. Every write runs in the background and is atomic ({@link BackgroundWrites}): a failure
 * changes nothing and offers to choose another place; a success is confirmed by a notification and the status
 * line. The data set chosen for a model is recorded in sessions, in the pruned model's metadata and in the
 * report's settings.
 */
public final class ExportsViewModel {

    /** The chart panels, in the order of the report's file names. */
    public static final List<String> PANELS = List.of("spectrum", "gaps", "cheeger", "accuracy");

    /** Graph file types, by extension ({@code GraphFiles}). */
    private static final List<String> GRAPH_EXTENSIONS = List.of("graphml", "gexf", "dot", "gv", "json");

    private static final String NO_MODEL = "Pruned-model export needs a model (a plain matrix has no network).";

    private final DocumentViewModel documents;
    private final ExplorerViewModel explorer;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final BackgroundWrites writes;

    public ExportsViewModel(DocumentViewModel documents, ExplorerViewModel explorer, UiExecutor executor) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.explorer = Objects.requireNonNull(explorer, "explorer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = documents.dialogs();
        this.writes = new BackgroundWrites(executor, dialogs, explorer::setStatus);
    }

    private OpenedDocument current() {
        return documents.documentProperty().get();
    }

    /** Saves the model made in the window as a Deeplearning4j zip; the document then refers to that file. */
    public void saveModel() {
        OpenedDocument d = current();
        if (d == null || !d.unsaved()) {
            explorer.setStatus("Nothing to save: the open model is already in a file.");
            return;
        }
        ModelMetadata md = withData(d);
        writes.saveAs("the model", () -> dialogs.chooseFileToSave("Save the model", "model.zip",
                FileFilter.of("Deeplearning4j model", "zip")).map(f -> withExtension(f, ".zip")), f -> {
                    ModelFiles.save(d.model().network(), md, f);
                    return f;
                }, p -> {
                    documents.markSaved(p);
                    done("Saved the model to " + p + ".");
                });
    }

    /** Saves the session (what is open, the slider and every setting) as JSON. */
    public void saveSession() {
        OpenedDocument d = current();
        if (d == null) {
            return;
        }
        if (d.source() == null) {
            dialogs.showError("Save the model first", "A session refers to its model's file, and " + d.title()
                    + " has none yet: save it with File > Save model, then save the session.");
            return;
        }
        Session s = sessionOf(d);
        writes.saveAs("the session", () -> dialogs.chooseFileToSave("Save the session", "session.json",
                FileFilter.of("Session", "json")).map(f -> withExtension(f, ".json")), f -> {
                    s.save(f);
                    return f;
                }, p -> done("Saved the session to " + p + "."));
    }

    /** The session of the open document as it is shown now. */
    Session sessionOf(OpenedDocument d) {
        var st = explorer.currentSettings();
        return new Session(Session.FORMAT, d.source(), explorer.keepPercentProperty().get(), st.method().cliName(),
                st.scope().name(), st.perGate(), st.graph().id(), st.weighted(), st.window(), false, st.seed(),
                d.dataSpec());
    }

    /**
     * Asks for a file and exports the pruned model as shown, in the format its extension names: a Deeplearning4j
     * zip (FILE.zip, FILE.npz with masks, FILE.json), or a state_dict (.pt, .pth, .npz, .safetensors) or ONNX file
     * under the opened file's own keys, masks beside it, and FILE.json. The opened file's format is offered first:
     * its user gets back what their code loads.
     */
    public void exportPrunedModel() {
        var snap = explorer.snapshotProperty().get();
        if (current() == null || !current().isModel() || snap == null) {
            dialogs.showError("No model to export", NO_MODEL);
            return;
        }
        // the opened file's format when it can be written (a Keras .h5 cannot), else a Deeplearning4j zip
        String ext = Optional.ofNullable(current().file()).map(Path::getFileName)
                .filter(ModelExportFormat::hasExtension).map(Path::toString)
                .map(n -> n.substring(n.lastIndexOf('.'))).orElse(".zip");
        String name = String.format(Locale.ROOT, "pruned-q%.0f%s", snap.request().keepPercent(), ext);
        dialogs.chooseFileToSave("Export the pruned model (the format by extension; .json beside it)", name,
                FileFilter.of("Models (.zip, .pt, .pth, .npz, .safetensors, .onnx)", "zip", "pt", "pth", "npz",
                        "safetensors", "onnx"))
                .ifPresent(f -> exportPrunedModelTo(ModelExportFormat.hasExtension(f) ? f : withExtension(f, ext),
                        s -> { }, this::exportPrunedModel));
    }

    /**
     * Exports the shown pruned model to {@code out} in the background: a {@code .zip} with .npz and .json beside
     * it, any other model extension with its masks and .json beside it.
     */
    public void exportPrunedModelTo(Path out, Consumer<PrunedModelExport.Summary> done) {
        exportPrunedModelTo(out, done, this::exportPrunedModel);
    }

    private void exportPrunedModelTo(Path zip, Consumer<PrunedModelExport.Summary> done, Runnable chooseAgain) {
        OpenedDocument d = current();
        var snap = explorer.snapshotProperty().get();
        if (d == null || !d.isModel() || snap == null) {
            dialogs.showError("No model to export", NO_MODEL);
            return;
        }
        if (!zip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            exportStateDictTo(d, snap.state(), zip, done, chooseAgain);
            return;
        }
        String base = zip.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        Path npz = zip.resolveSibling(base + ".npz");
        Path json = zip.resolveSibling(base + ".json");
        var state = snap.state();
        ModelMetadata md = withData(d);
        Path modelFile = d.file();
        String dataSet = d.model().test() == null ? null : d.model().test().name();
        writes.run(() -> {
            PrunedModelExport export = new PrunedModelExport(d.model().network(), 0, state);
            export.writeZip(zip, md, export.how(d.title()));
            export.writeNpz(npz);
            PrunedModelExport.Summary s = export.summary().withFiles(zip, Files.size(zip), npz, Files.size(npz))
                    .withSpeed(export.measureSpeed(d.model().test() == null ? PrunedModelExport.DEFAULT_STEPS
                            : d.model().test().steps()));
            PrunedModelExport.writeSummary(json, s,
                    export.provenance(provenance(modelFile).withDataSet(dataSet)));
            return s;
        }, s -> {
            done(String.format(Locale.ROOT, "Exported %s (+ .npz, .json): %,d non-zero parameters of %,d; dense %,d "
                    + "bytes, sparse %,d, gzip %,d. Inference here: %s.", zip, s.nonZero(), s.parameters(),
                    s.denseBytes(), s.sparseBytes(), s.gzipPrunedBytes(), s.speed().describe()));
            done.accept(s);
        }, "the pruned model", zip, chooseAgain);
    }

    /** The export of a state_dict or ONNX file: model, masks and summary written as one set. */
    private void exportStateDictTo(OpenedDocument d, org.expanderexplorer.core.subject.PrunedState state, Path out,
                                   Consumer<PrunedModelExport.Summary> done, Runnable chooseAgain) {
        Path json = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".json");
        ModelMetadata md = withData(d);
        Path modelFile = d.file();
        SequenceDataset test = d.model().test();
        writes.run(() -> new PrunedModelExport(d.model().network(), d.model().layout(), 0, state).writeSet(out, json,
                md, d.title(), provenance(modelFile).withDataSet(test == null ? null : test.name()),
                test == null ? PrunedModelExport.DEFAULT_STEPS : test.steps()), s -> {
            done(String.format(Locale.ROOT, "Exported %s (+ %s, .json): %,d non-zero parameters of %,d; dense %,d "
                    + "bytes, sparse %,d, gzip %,d. Inference here: %s.", out, s.masksFile() == null ? "no masks"
                    : Path.of(s.masksFile()).getFileName(), s.nonZero(), s.parameters(), s.denseBytes(),
                    s.sparseBytes(), s.gzipPrunedBytes(), s.speed().describe()));
            done.accept(s);
        }, "the pruned model", out, chooseAgain);
    }

    /** Asks for a folder and writes every panel as PNG, SVG and CSV, and settings.json. */
    public void exportReport(Map<String, FigureSpec> figures, FigureStyle style) {
        dialogs.chooseFolder("Export a report folder (every panel as PNG, SVG and CSV, and settings.json)")
                .ifPresent(dir -> exportReportTo(dir, figures, style));
    }

    /** Writes the report folder {@code dir} in the background. */
    public void exportReportTo(Path dir, Map<String, FigureSpec> figures, FigureStyle style) {
        Map<String, Object> settings = settings();
        Map<String, FigureSpec> copy = new LinkedHashMap<>(figures);
        Path file = current() == null ? null : current().file();
        writes.run(() -> {
            Provenance p = provenance(file).withDataSet((String) settings.get("dataSet"))
                    .withPruning((String) settings.get("method"), (Double) settings.get("q"))
                    .withSeed("pruning", ((Number) settings.get("seed")).longValue());
            Map<String, Object> withHash = new LinkedHashMap<>(settings);
            if (p.modelSha256() != null) {
                withHash.put("modelSha256", p.modelSha256());
            }
            return ReportFolder.write(dir, copy, style, withHash, p);
        }, n -> done("Wrote " + n + " files to " + dir + "."), "the report", dir,
                () -> exportReport(figures, style));
    }

    /**
     * Asks for a file and writes the graph as shown (a layer unfolded over the shown steps, a matrix as its
     * bipartite graph) as GraphML, GEXF, DOT or node-link JSON, chosen by the file's extension (none: GraphML).
     * Every edge of the dense graph is written with whether pruning kept it.
     */
    public void exportShownGraph() {
        var snap = explorer.snapshotProperty().get();
        if (snap == null) {
            dialogs.showError("No graph to export", "Open a model or a matrix first.");
            return;
        }
        String name = String.format(Locale.ROOT, "%s-q%.0f.graphml", snap.request().graph().id().replace('.', '-'),
                snap.request().keepPercent());
        FileFilter graphs = FileFilter.of("Graph files", GRAPH_EXTENSIONS.toArray(String[]::new));
        writes.saveAs("the graph", () -> dialogs.chooseFileToSave("Export the shown graph (GraphML, GEXF, DOT or "
                + "JSON by the file's extension)", name, graphs).map(ExportsViewModel::graphFile), f -> {
                    GraphExport.shown(snap.request(), snap.state()).write(f);
                    return f;
                }, f -> done("Exported the graph to " + f + "."));
    }

    /** {@code f}, or {@code f.graphml} when its extension names no graph format. */
    static Path graphFile(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return GRAPH_EXTENSIONS.stream().anyMatch(e -> n.endsWith("." + e) && n.length() > e.length() + 1) ? f
                : f.resolveSibling(f.getFileName() + ".graphml");
    }

    /** What the window shows now: source, data set, q, method, seed, graph, ... (a report's and a CSV's header). */
    public Map<String, Object> settings() {
        OpenedDocument d = current();
        var subject = explorer.subjectProperty().get();
        var st = explorer.currentSettings();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("source", d == null ? null : d.file() == null ? d.title() : d.file().toString());
        s.put("dataSet", subject == null || subject.probe() == null ? null : subject.probe().dataName());
        s.put("dataSpec", d == null ? null : d.dataSpec());
        s.put("q", explorer.keepPercentProperty().get());
        s.put("method", st.method().cliName());
        s.put("scope", explorer.settings().scopeId());
        s.put("perGate", st.perGate());
        s.put("seed", st.seed());
        s.put("graph", st.graph().id());
        s.put("representation", Representation.of(st.weighted()).name().toLowerCase(Locale.ROOT));
        s.put("accuracy", explorer.accuracyProperty().get());
        s.put("denseAccuracy", explorer.denseAccuracyProperty().get());
        return s;
    }

    /** Now, with the model file's SHA-256 (read in the background: it hashes the file). */
    private static Provenance provenance(Path modelFile) {
        try {
            return Provenance.now().withModelFile(modelFile);
        } catch (java.io.UncheckedIOException e) {
            throw BadInputException.cannotRead(modelFile, e.getCause());
        }
    }

    /** The model's metadata, naming the data set chosen in the window when its file named none. */
    private static ModelMetadata withData(OpenedDocument d) {
        ModelMetadata md = d.model().metadata();
        var test = d.model().test();
        if (d.dataSpec() == null || test == null || d.dataSpec().equals(md.dataset())) {
            return md;
        }
        return md.withData(d.dataSpec(), test.steps(), test.features());
    }

    private static Path withExtension(Path f, String ext) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext) ? f
                : f.resolveSibling(f.getFileName() + ext);
    }

    private void done(String message) {
        explorer.setStatus(message);
        dialogs.notify(message);
    }
}
