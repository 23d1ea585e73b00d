package org.expanderexplorer.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.io.Provenance;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.core.report.ReportFolder;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.ModelSubjects;
import org.expanderexplorer.core.subject.PrunedModelExport;
import org.expanderexplorer.core.subject.Scope;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.explorer.OpenedDocument;
import org.expanderexplorer.ui.session.Session;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The window's file actions: open (model, matrix, session), save session, save a trained model, export a report
 * folder. Every read and write runs in the background; a failure shows one dialog naming the file and the
 * problem and leaves the window as it was. Writes are atomic.
 */
final class FileActions {

    private final ExplorerViewModel vm;
    private final UiExecutor executor;
    private final Consumer<OpenedDocument> show;
    private final BooleanProperty unsavedModel = new SimpleBooleanProperty();
    private OpenedDocument current;
    private TrainingJob.Trained trained;
    private Window owner;

    FileActions(ExplorerViewModel vm, UiExecutor executor, Consumer<OpenedDocument> show) {
        this.vm = vm;
        this.executor = executor;
        this.show = show;
    }

    void setOwner(Window w) {
        this.owner = w;
    }

    BooleanProperty unsavedModelProperty() {
        return unsavedModel;
    }

    OpenedDocument current() {
        return current;
    }

    void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a model, a matrix or a session");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Models, matrices, sessions", "*.zip", "*.npz", "*.csv", "*.mtx",
                        "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(owner);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens a model, matrix or session file. */
    void open(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            openSession(file);
            return;
        }
        vm.setStatus("Opening " + file + " ...");
        executor.submit(() -> OpenedDocument.open(file), this::accept,
                e -> failed("Could not open " + file.getFileName(), e));
    }

    void openSample(String name) {
        vm.setStatus("Opening sample " + name + " ...");
        executor.submit(() -> OpenedDocument.openSample(name), this::accept,
                e -> failed("Could not open the sample", e));
    }

    private void accept(OpenedDocument d) {
        current = d;
        trained = null;
        unsavedModel.set(false);
        show.accept(d);
    }

    /** Shows a model just trained in the window; it stays "unsaved" until saved. */
    void acceptTrained(TrainingJob.Trained t) {
        String name = "trained " + t.metadata().architecture() + t.metadata().hidden();
        LoadedModel lm = new LoadedModel(new org.expanderexplorer.core.model.SavedModel(t.model(), t.metadata(), null,
                org.expanderexplorer.core.model.SavedModel.Format.DL4J_ZIP), t.test(),
                ModelSubjects.of(name, t.model(), t.test(), 0), null);
        OpenedDocument d = new OpenedDocument(lm.subject(), name + " (unsaved)", OpenedDocument.summaryOf(lm), null,
                lm);
        current = d;
        trained = t;
        unsavedModel.set(true);
        show.accept(d);
    }

    void saveTrainedModel() {
        if (trained == null) {
            vm.setStatus("Nothing to save: the open model is already in a file.");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the trained model");
        fc.setInitialFileName("model.zip");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Deeplearning4j model", "*.zip"));
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        TrainingJob.Trained t = trained;
        executor.submit(() -> {
            ModelFiles.save(t.model(), t.metadata(), f.toPath());
            return f.toPath();
        }, p -> {
            unsavedModel.set(false);
            vm.setStatus("Saved the model to " + p + ".");
        }, this::failed);
    }

    void saveSession() {
        if (current == null) {
            return;
        }
        if (current.file() == null && trained != null) {
            error("Save the trained model first", "A session refers to its model's file; this model has none yet.");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the session");
        fc.setInitialFileName("session.json");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Session", "*.json"));
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        Session s = sessionOf(current.file() == null ? "sample:" + current.title() + ".zip"
                : current.file().toAbsolutePath().toString());
        executor.submit(() -> {
            s.save(f.toPath());
            return f.toPath();
        }, p -> vm.setStatus("Saved the session to " + p + "."), this::failed);
    }

    Session sessionOf(String source) {
        return new Session(Session.FORMAT, source, vm.keepPercentProperty().get(), vm.methodProperty().get().cliName(),
                vm.scopeProperty().get().name(), vm.perGateProperty().get(), vm.graphProperty().get().id(),
                vm.weightedProperty().get(), vm.windowProperty().get(), false, vm.seedProperty().get());
    }

    private void openSession(Path file) {
        vm.setStatus("Opening session " + file + " ...");
        executor.submit(() -> {
            Session s = Session.load(file); // checks every setting before the window is touched
            String src = s.source();
            OpenedDocument d = src.startsWith("sample:") ? OpenedDocument.openSample(src.substring(7))
                    : OpenedDocument.open(Path.of(src));
            if (!d.subject().graphs().contains(GraphId.parse(s.graph()))) {
                throw BadInputException.inFile(file, "names graph " + s.graph() + ", which " + d.title() + " lacks");
            }
            return Map.entry(s, d);
        }, e -> {
            accept(e.getValue());
            Session s = e.getKey();
            vm.methodProperty().set(PruningMethod.parse(s.method()));
            vm.scopeProperty().set(Scope.valueOf(s.scope()));
            vm.perGateProperty().set(s.perGate());
            vm.graphProperty().set(GraphId.parse(s.graph()));
            vm.weightedProperty().set(s.weighted());
            vm.windowProperty().set(s.window());
            vm.seedProperty().set(s.seed());
            vm.keepPercentProperty().set(s.keepPercent());
            vm.setStatus("Opened session " + file + ".");
        }, this::failed);
    }

    /**
     * Exports the model pruned as shown: a Deeplearning4j zip, the PyTorch NPZ with masks, and a JSON summary with
     * dense, sparse and gzip sizes, side by side (FILE.zip, FILE.npz, FILE.json).
     */
    void exportPrunedModel() {
        var snap = vm.snapshotProperty().get();
        if (current == null || current.model() == null || snap == null) {
            error("No model to export", "Pruned-model export needs a model (a plain matrix has no network).");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the pruned model (a .zip, with .npz and .json beside it)");
        fc.setInitialFileName(String.format(Locale.ROOT, "pruned-q%.0f.zip", snap.request().keepPercent()));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Deeplearning4j model", "*.zip"));
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        Path zip = f.toPath().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") ? f.toPath()
                : f.toPath().resolveSibling(f.getName() + ".zip");
        exportPrunedModelTo(zip, s -> { });
    }

    /** Exports the shown pruned model to {@code zip} (and .npz, .json beside it) in the background. */
    void exportPrunedModelTo(Path zip, Consumer<PrunedModelExport.Summary> done) {
        var snap = vm.snapshotProperty().get();
        if (current == null || current.model() == null || snap == null) {
            error("No model to export", "Pruned-model export needs a model (a plain matrix has no network).");
            return;
        }
        String base = zip.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        Path npz = zip.resolveSibling(base + ".npz");
        Path json = zip.resolveSibling(base + ".json");
        LoadedModel lm = current.model();
        var state = snap.state();
        var st = state.settings();
        String from = current.title();
        Path modelFile = current.file();
        executor.submit(() -> {
            PrunedModelExport export = new PrunedModelExport(lm.saved().model(), 0, state);
            export.writeZip(zip, lm.saved().metadata(), export.how(from));
            export.writeNpz(npz);
            PrunedModelExport.Summary s = export.summary().withFiles(zip, Files.size(zip), npz, Files.size(npz))
                    .withSpeed(export.measureSpeed(lm.test() == null ? PrunedModelExport.DEFAULT_STEPS
                            : lm.test().steps()));
            PrunedModelExport.writeSummary(json, s, export.provenance(Provenance.now().withModelFile(modelFile)
                    .withDataSet(lm.test() == null ? null : lm.test().name())));
            return s;
        }, s -> {
            vm.setStatus(String.format(Locale.ROOT, "Exported %s (+ .npz, .json): %,d non-zero parameters of %,d;"
                    + " dense %,d bytes, sparse %,d, gzip %,d. Inference here: %s.", zip, s.nonZero(), s.parameters(),
                    s.denseBytes(), s.sparseBytes(), s.gzipPrunedBytes(), s.speed().describe()));
            done.accept(s);
        }, e -> failed("Could not export the pruned model", e));
    }

    void exportReport(Map<String, FigureSpec> figures, FigureStyle style) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export a report folder (every panel as PNG, SVG and CSV, and settings.json)");
        File dir = dc.showDialog(owner);
        if (dir == null) {
            return;
        }
        Map<String, Object> settings = settings();
        Map<String, FigureSpec> copy = new LinkedHashMap<>(figures);
        Path modelFile = current == null ? null : current.file();
        executor.submit(() -> {
            Provenance p = provenance(settings, modelFile);
            Map<String, Object> s = new LinkedHashMap<>(settings);
            if (p.modelSha256() != null) {
                s.put("modelSha256", p.modelSha256());
            }
            return ReportFolder.write(dir.toPath(), copy, style, s, p);
        },
                n -> vm.setStatus("Wrote " + n + " files to " + dir + "."), this::failed);
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("source", current == null ? null : current.file() == null ? current.title() : current.file().toString());
        s.put("dataSet", vm.subjectProperty().get() == null || vm.subjectProperty().get().probe() == null ? null
                : vm.subjectProperty().get().probe().dataName());
        s.put("q", vm.keepPercentProperty().get());
        s.put("method", vm.methodProperty().get().cliName());
        s.put("scope", vm.settings().scopeId());
        s.put("perGate", vm.perGateProperty().get());
        s.put("seed", vm.seedProperty().get());
        s.put("graph", vm.graphProperty().get().id());
        s.put("representation", Representation.of(vm.weightedProperty().get()).name().toLowerCase(Locale.ROOT));
        s.put("accuracy", vm.accuracyProperty().get());
        s.put("denseAccuracy", vm.denseAccuracyProperty().get());
        return s;
    }

    /** The report's provenance from its settings; hashes the model file, so it runs in the background. */
    private static Provenance provenance(Map<String, Object> s, Path modelFile) {
        Provenance p;
        try {
            p = Provenance.now().withModelFile(modelFile);
        } catch (java.io.UncheckedIOException e) {
            throw BadInputException.cannotRead(modelFile, e.getCause());
        }
        return p.withDataSet((String) s.get("dataSet"))
                .withPruning((String) s.get("method"), (Double) s.get("q"))
                .withSeed("pruning", ((Number) s.get("seed")).longValue());
    }

    /** Asks before closing with an unsaved trained model; true when the window may close. */
    boolean confirmClose() {
        if (!unsavedModel.get()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The model trained in this session is not saved. Close "
                + "anyway and lose it?", ButtonType.CANCEL, ButtonType.OK);
        a.setHeaderText("Unsaved trained model");
        a.initOwner(owner);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    void failed(Throwable e) {
        failed("The action failed", e);
    }

    /** Reports a failure in one dialog; the window keeps its state. */
    void failed(String header, Throwable e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        vm.setStatus("Error: " + msg);
        error(header, msg);
    }

    private void error(String header, String msg) {
        if (owner != null && owner.isShowing()) {
            Alert a = new Alert(Alert.AlertType.ERROR, msg);
            a.setHeaderText(header);
            a.initOwner(owner);
            a.show();
        }
    }

    static List<String> panelNames() {
        return List.of("spectrum", "gaps", "cheeger", "accuracy");
    }
}
